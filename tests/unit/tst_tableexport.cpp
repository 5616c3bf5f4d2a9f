// CSV (RFC 4180), TSV for the clipboard, JSON, and the atomic write off the UI thread.
#include "tableexport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTableExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvField_data();
    void csvField();
    void csvTable();
    void tsvFlattensCells();
    void json();
    void writesFileOffThread();
    void reportsUnwritablePath();
};

void TestTableExport::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << u"Staging"_s << u"Staging"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a, b"_s << u"\"a, b\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("newline") << u"two\nlines"_s << u"\"two\nlines\""_s;
    QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\rb\""_s;
    QTest::newRow("unicode") << u"Zoë ✓"_s << u"Zoë ✓"_s;
}

void TestTableExport::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(TableExport::csvField(value), field);
}

void TestTableExport::csvTable()
{
    const QByteArray csv = TableExport::toCsv({u"Name"_s, u"Roles"_s},
                                              {{u"Alex"_s, u"TenantAdmin, Developer"_s}, {u"Zoë"_s, QString()}});
    QCOMPARE(csv, QByteArray("Name,Roles\r\nAlex,\"TenantAdmin, Developer\"\r\nZo\xc3\xab,\r\n"));
    QCOMPARE(TableExport::toCsv({u"A"_s}, {}), QByteArray("A\r\n"));
}

void TestTableExport::tsvFlattensCells()
{
    QCOMPARE(TableExport::toTsv({u"A"_s, u"B"_s}, {{u"x\ty"_s, u"1\n2"_s}}), u"A\tB\nx y\t1 2\n"_s);
    QCOMPARE(TableExport::toTsv({}, {{u"only"_s}}), u"only\n"_s);
}

void TestTableExport::json()
{
    const QJsonArray items{QJsonObject{{u"id"_s, u"s1"_s}}, QJsonObject{{u"id"_s, u"s2"_s}}};
    const QJsonDocument back = QJsonDocument::fromJson(TableExport::toJson(items));
    QVERIFY(back.isArray());
    QCOMPARE(back.array(), items);
}

void TestTableExport::writesFileOffThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"spaces.csv"_s);
    QObject context;
    QString error = u"not called"_s;
    bool called = false;
    TableExport::writeFile(path, "a,b\r\n", &context, [&](const QString &e) {
        error = e;
        called = true;
    });
    QTRY_VERIFY(called);
    QCOMPARE(error, QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("a,b\r\n"));
}

void TestTableExport::reportsUnwritablePath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing-folder/out.csv"_s);
    QObject context;
    QString error;
    bool called = false;
    TableExport::writeFile(path, "x", &context, [&](const QString &e) {
        error = e;
        called = true;
    });
    QTRY_VERIFY(called);
    QVERIFY2(error.startsWith(u"Cannot write "_s + path), qPrintable(error));
    // A receiver that is gone by then is not called at all.
    bool lateCall = false;
    {
        QObject shortLived;
        TableExport::writeFile(dir.filePath(u"late.csv"_s), "x", &shortLived,
                               [&](const QString &) { lateCall = true; });
    }
    QTRY_VERIFY(QFile::exists(dir.filePath(u"late.csv"_s)));
    QTest::qWait(50);
    QVERIFY(!lateCall);
}

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
