#include "ops/localpackagefile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

LocalPackageFile LocalPackageFile::load(const QString &path)
{
    LocalPackageFile file;
    file.path = path;
    const QFileInfo info(path);
    file.fileName = info.fileName();
    if (path.isEmpty()) {
        file.problem = u"no zip file is given"_s;
        return file;
    }
    if (!info.exists()) {
        file.problem = u"%1 does not exist"_s.arg(path);
        return file;
    }
    if (!info.isFile()) {
        file.problem = u"%1 is not a file"_s.arg(path);
        return file;
    }
    if (info.size() > MaxBytes) {
        file.problem = u"%1 is %2 MiB; a package zip of more than %3 MiB is refused"_s.arg(path)
                           .arg(info.size() / (1024 * 1024))
                           .arg(MaxBytes / (1024 * 1024));
        return file;
    }
    QFile reader(path);
    if (!reader.open(QIODevice::ReadOnly)) {
        file.problem = u"%1 cannot be read: %2"_s.arg(path, reader.errorString());
        return file;
    }
    file.bytes = reader.readAll();
    // A zip starts with a local file header (an empty archive has none: nothing to upload either).
    if (!file.bytes.startsWith(QByteArrayLiteral("PK\x03\x04"))) {
        file.problem = u"%1 is not a zip archive"_s.arg(path);
        file.bytes.clear();
        return file;
    }
    file.md5 = QString::fromLatin1(QCryptographicHash::hash(file.bytes, QCryptographicHash::Md5).toHex());
    return file;
}

void LocalPackageFile::read(const QString &path, QObject *context,
                            std::function<void(const LocalPackageFile &file)> done)
{
    QPointer<QObject> receiver(context);
    QThreadPool::globalInstance()->start([path, receiver, done = std::move(done)] {
        LocalPackageFile file = load(path);
        // Back through the application object, which outlives the receiver: only the receiver's
        // thread may look at whether it still exists.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [receiver, done, file = std::move(file)] {
                if (receiver)
                    done(file);
            },
            Qt::QueuedConnection);
    });
}

} // namespace Ops
