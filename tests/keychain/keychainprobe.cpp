// A one-shot SecretStore client for the keychain tests: they run it as a separate process with a
// different (or missing) session bus, which is how "the keychain is unavailable" really happens.
//   keychainprobe SERVICE write KEY   (the secret on stdin)
//   keychainprobe SERVICE read KEY
//   keychainprobe SERVICE remove KEY
// Prints "status=<Ok|NotFound|Unavailable|Invalid>", "available=<0|1>" and "error=<message>";
// never the secret. Exit code 0 when the operation succeeded, 1 otherwise, 2 on usage errors.
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace {

QString statusName(Secrets::SecretStatus status)
{
    switch (status) {
    case Secrets::SecretStatus::Ok:
        return u"Ok"_s;
    case Secrets::SecretStatus::NotFound:
        return u"NotFound"_s;
    case Secrets::SecretStatus::Unavailable:
        return u"Unavailable"_s;
    case Secrets::SecretStatus::Invalid:
        return u"Invalid"_s;
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        QTextStream(stderr) << "usage: keychainprobe SERVICE write|read|remove KEY\n";
        return 2;
    }
    Secrets::SecretStore store(args.at(1));
    const QString &operation = args.at(2);
    const QString &key = args.at(3);

    const auto report = [&](const Secrets::SecretResult &result) {
        QTextStream out(stdout);
        out << "status=" << statusName(result.status) << '\n'
            << "available=" << (store.isAvailable() ? 1 : 0) << '\n'
            << "error=" << result.error << '\n';
        if (operation == "read"_L1 && result.ok())
            out << "length=" << result.secret.size() << '\n';
        out.flush();
        QCoreApplication::exit(result.ok() ? 0 : 1);
    };

    if (operation == "write"_L1) {
        const QString secret = QTextStream(stdin).readLine();
        store.write(key, secret, &app, report);
    } else if (operation == "read"_L1) {
        store.read(key, &app, report);
    } else if (operation == "remove"_L1) {
        store.remove(key, &app, report);
    } else {
        QTextStream(stderr) << "keychainprobe: unknown operation " << operation << '\n';
        return 2;
    }
    return QCoreApplication::exec();
}
