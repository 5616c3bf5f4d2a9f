#include "logging/rotatinglogfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Logging::RotatingLogFile;

class TestRotatingLogFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotatesAndKeepsTheNewestFiles();
    void keepingOneFileStartsAfresh();
    void anOverlongLineStandsAlone();
    void reopeningAppends();
    void filesAreOwnerOnly();
    void unwritableFolderIsAnError();

private:
    static QByteArray read(const QString &path);
    static QByteArray line(int n) { return "line " + QByteArray::number(n).rightJustified(3, '0') + " ....."; }
};

QByteArray TestRotatingLogFile::read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestRotatingLogFile::rotatesAndKeepsTheNewestFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Each record is 15 bytes with its newline, so a 50-byte file holds 3 of them.
    RotatingLogFile log(dir.path() + u"/logs"_s, u"app"_s, 50, 3);
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    for (int n = 1; n <= 20; ++n)
        log.append(line(n));

    QCOMPARE(log.currentPath(), dir.path() + u"/logs/app.log"_s);
    QCOMPARE(log.rotatedPath(2), dir.path() + u"/logs/app.2.log"_s);
    QCOMPARE(QDir(dir.path() + u"/logs"_s).entryList(QDir::Files, QDir::Name),
             (QStringList{u"app.1.log"_s, u"app.2.log"_s, u"app.log"_s}));
    // Oldest to newest, the three files hold the last records without a gap: 13…15, 16…18, 19…20.
    QByteArray expected;
    for (int n = 13; n <= 20; ++n)
        expected += line(n) + '\n';
    QCOMPARE(read(log.rotatedPath(2)) + read(log.rotatedPath(1)) + read(log.currentPath()), expected);
    for (const QString &path : {log.currentPath(), log.rotatedPath(1), log.rotatedPath(2)})
        QVERIFY(QFileInfo(path).size() <= 50);
}

void TestRotatingLogFile::keepingOneFileStartsAfresh()
{
    QTemporaryDir dir;
    RotatingLogFile log(dir.path(), u"app"_s, 50, 1);
    QString error;
    QVERIFY(log.open(&error));
    for (int n = 1; n <= 7; ++n)
        log.append(line(n));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"app.log"_s});
    QCOMPARE(read(log.currentPath()), line(7) + '\n');
}

void TestRotatingLogFile::anOverlongLineStandsAlone()
{
    QTemporaryDir dir;
    RotatingLogFile log(dir.path(), u"app"_s, 50, 3);
    QString error;
    QVERIFY(log.open(&error));
    const QByteArray longLine(80, 'x');
    log.append(line(1));
    log.append(longLine);
    log.append(line(2));
    QCOMPARE(read(log.rotatedPath(2)), line(1) + '\n');
    QCOMPARE(read(log.rotatedPath(1)), longLine + '\n');
    QCOMPARE(read(log.currentPath()), line(2) + '\n');
}

void TestRotatingLogFile::reopeningAppends()
{
    QTemporaryDir dir;
    QString error;
    {
        RotatingLogFile log(dir.path(), u"app"_s, 1000, 3);
        QVERIFY(log.open(&error));
        log.append(line(1));
    }
    RotatingLogFile log(dir.path(), u"app"_s, 1000, 3);
    QVERIFY(log.open(&error));
    log.append(line(2));
    QCOMPARE(read(log.currentPath()), line(1) + '\n' + line(2) + '\n');
}

void TestRotatingLogFile::filesAreOwnerOnly()
{
    QTemporaryDir dir;
    RotatingLogFile log(dir.path(), u"app"_s, 50, 2);
    QString error;
    QVERIFY(log.open(&error));
    for (int n = 1; n <= 5; ++n)
        log.append(line(n));
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    for (const QString &path : {log.currentPath(), log.rotatedPath(1)}) {
        const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
        QCOMPARE(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(permissions & ownerOnly, ownerOnly);
    }
}

void TestRotatingLogFile::unwritableFolderIsAnError()
{
    QTemporaryDir dir;
    QFile blocker(dir.path() + u"/not-a-folder"_s);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    RotatingLogFile log(blocker.fileName() + u"/logs"_s, u"app"_s, 50, 2);
    QString error;
    QVERIFY(!log.open(&error));
    QVERIFY(!log.isOpen());
    QVERIFY2(error.contains(u"not-a-folder/logs"_s), qPrintable(error));
    log.append(line(1)); // harmless when not open
}

QTEST_GUILESS_MAIN(TestRotatingLogFile)
#include "tst_rotatinglogfile.moc"
