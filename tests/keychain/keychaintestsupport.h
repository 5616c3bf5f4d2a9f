#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

// Shared by the keychain tests: what the Secret Service holds, and where a secret leaked to.
namespace KeychainTestSupport {

// A service name no other test (or person) uses, so parallel tests on one keyring never meet.
inline QString uniqueService(const char *testName)
{
    return QStringLiteral("TenantryTest-%1-%2")
        .arg(QString::fromLatin1(testName))
        .arg(QCoreApplication::applicationPid());
}

// The keys stored under `service`, as secret-tool sees them (TOOLCHAIN.md: schema
// org.qt.keychain, attributes server=<service>, user=<key>). Empty list when nothing is stored.
inline QStringList secretToolKeys(const QString &service)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("secret-tool"),
                  {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    if (!process.waitForFinished(20000))
        return {QStringLiteral("<secret-tool did not finish>")};
    QStringList keys;
    const QList<QByteArray> lines = process.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("attribute.user = "))
            keys << QString::fromUtf8(line.mid(17));
    }
    keys.sort();
    return keys;
}

// Removes everything stored under `service` (tests that let product code store keys clean up with it).
inline bool clearService(const QString &service)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"), {QStringLiteral("clear"), QStringLiteral("server"), service});
    return process.waitForFinished(20000) && process.exitCode() == 0;
}

// Every regular file below `root` (sockets and devices are not files anyone wrote) whose bytes contain `secret` as
// UTF-8, UTF-16 or base64.
inline QStringList filesContaining(const QString &root, const QString &secret)
{
    const QList<QByteArray> needles{secret.toUtf8(),
                                    QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2),
                                    secret.toUtf8().toBase64(QByteArray::OmitTrailingEquals)};
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found << path + QStringLiteral(" (unreadable)");
            continue;
        }
        const QByteArray bytes = file.readAll();
        for (const QByteArray &needle : needles) {
            if (bytes.contains(needle)) {
                found << path;
                break;
            }
        }
    }
    return found;
}

// All files below `root`, relative to it, sorted.
inline QStringList filesBelow(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace KeychainTestSupport
