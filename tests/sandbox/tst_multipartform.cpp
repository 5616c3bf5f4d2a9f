#include "sandbox/multipartform.h"
#include "sandbox/ziparchive.h"
#include "sandbox/zipreader.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Sandbox::MultipartForm;
using Sandbox::ZipReader;

// The multipart/form-data parser and the zip reader behind extension, theme and brand uploads,
// byte by byte (the HTTP behaviour is in tst_sandboxvisualpackages and tst_sandboxbrands).
class TestMultipartForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerValues_data();
    void headerValues();
    void keepsBinaryContentExactly();
    void emptyPartsAndHeaderlessParts();
    void failures_data();
    void failures();
    void readsStoredZips();
    void refusesHostileZips_data();
    void refusesHostileZips();
};

void TestMultipartForm::headerValues_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("fileName");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QByteArray("form-data; name=file; filename=a.zip") << QByteArray("form-data")
                           << QByteArray("file") << QByteArray("a.zip") << true;
    QTest::newRow("quoted with ; and spaces")
        << QByteArray(R"(Form-Data ; name="a; b" ;filename="x y.zip")") << QByteArray("form-data") << QByteArray("a; b")
        << QByteArray("x y.zip") << true;
    QTest::newRow("escaped quote") << QByteArray(R"(form-data; name="say \"hi\"")") << QByteArray("form-data")
                                   << QByteArray(R"(say "hi")") << QByteArray() << true;
    QTest::newRow("parameter names are case-insensitive")
        << QByteArray("form-data; NAME=\"n\"") << QByteArray("form-data") << QByteArray("n") << QByteArray() << true;
    QTest::newRow("unterminated quote") << QByteArray(R"(form-data; name="open)") << QByteArray("form-data")
                                        << QByteArray() << QByteArray() << false;
    QTest::newRow("parameter without value")
        << QByteArray("form-data; name") << QByteArray("form-data") << QByteArray() << QByteArray() << false;
    QTest::newRow("garbage after a quoted value")
        << QByteArray(R"(form-data; name="a"b)") << QByteArray("form-data") << QByteArray() << QByteArray() << false;
}

void TestMultipartForm::headerValues()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, fileName);
    QFETCH(bool, valid);
    const MultipartForm::HeaderValue parsed = MultipartForm::parseHeaderValue(text);
    QCOMPARE(parsed.valid, valid);
    QCOMPARE(parsed.value, value);
    if (!valid)
        return;
    QCOMPARE(parsed.parameter("name").value_or(QByteArray()), name);
    QCOMPARE(parsed.parameter("filename").value_or(QByteArray()), fileName);
}

void TestMultipartForm::keepsBinaryContentExactly()
{
    // Content that looks like delimiters without being one, NULs and a trailing CRLF of its own.
    QByteArray binary("\0\x01\xff\r\n--bound\r\n-- boundary\r\n\r\n", 29);
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    const QByteArray body = "--boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.bin\"\r\n"
                            "Content-Type: application/octet-stream\r\n\r\n"
        + binary + "\r\n--boundary\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n{}\r\n--boundary--";
    const MultipartForm form = MultipartForm::parse("multipart/form-data; boundary=boundary", body);
    QCOMPARE(form.failure(), MultipartForm::Failure::None);
    QCOMPARE(form.parts().size(), 2);
    QCOMPARE(form.part("file")->data, binary);
    QCOMPARE(form.part("file")->fileName, u"b.bin"_s);
    QCOMPARE(form.part("file")->contentType, QByteArray("application/octet-stream"));
    QVERIFY(form.part("file")->hasFileName);
    QCOMPARE(form.part("data")->data, QByteArray("{}"));
    QVERIFY(!form.part("data")->hasFileName);
    QCOMPARE(form.part("missing"), nullptr);
    QVERIFY(form.repeatedNames().isEmpty());
}

void TestMultipartForm::emptyPartsAndHeaderlessParts()
{
    const MultipartForm empty = MultipartForm::parse(
        "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--x--\r\n");
    QCOMPARE(empty.failure(), MultipartForm::Failure::None);
    QCOMPARE(empty.part("a")->data, QByteArray());
    const MultipartForm twice
        = MultipartForm::parse("multipart/form-data; boundary=x",
                               "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                               "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n--x--");
    QCOMPARE(twice.repeatedNames(), QList<QByteArray>{"a"});
    QCOMPARE(twice.part("a")->data, QByteArray("1"));
    // A form without parts is well-formed; what it lacks is the handler's business.
    QCOMPARE(MultipartForm::parse("multipart/form-data; boundary=x", "--x--\r\n").failure(),
             MultipartForm::Failure::None);
}

void TestMultipartForm::failures_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("failure");
    const int notMultipart = int(MultipartForm::Failure::NotMultipart);
    const int malformed = int(MultipartForm::Failure::Malformed);
    const QByteArray part = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n";
    QTest::newRow("json") << QByteArray("application/json") << part << notMultipart;
    QTest::newRow("mixed") << QByteArray("multipart/mixed; boundary=x") << part << notMultipart;
    QTest::newRow("no Content-Type") << QByteArray() << part << notMultipart;
    QTest::newRow("empty boundary") << QByteArray("multipart/form-data; boundary=") << part << malformed;
    QTest::newRow("boundary of 71") << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'x')) << part
                                    << malformed;
    QTest::newRow("no delimiter") << QByteArray("multipart/form-data; boundary=y") << part << malformed;
    QTest::newRow("delimiter then junk") << QByteArray("multipart/form-data; boundary=x") << QByteArray("--xjunk\r\n")
                                         << malformed;
    QTest::newRow("no closing delimiter")
        << QByteArray("multipart/form-data; boundary=x")
        << QByteArray("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1") << malformed;
    QTest::newRow("folded header") << QByteArray("multipart/form-data; boundary=x")
                                   << QByteArray(
                                          "--x\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\n1\r\n--x--")
                                   << malformed;
    QTest::newRow("two dispositions")
        << QByteArray("multipart/form-data; boundary=x")
        << QByteArray("--x\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; "
                      "name=\"b\"\r\n\r\n1\r\n--x--")
        << malformed;
    QTest::newRow("attachment, not form-data")
        << QByteArray("multipart/form-data; boundary=x")
        << QByteArray("--x\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--x--") << malformed;
    QTest::newRow("bad filename*") << QByteArray("multipart/form-data; boundary=x")
                                   << QByteArray("--x\r\nContent-Disposition: form-data; name=\"a\"; "
                                                 "filename*=koi8-r''x\r\n\r\n1\r\n--x--")
                                   << malformed;
}

void TestMultipartForm::failures()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, failure);
    const MultipartForm form = MultipartForm::parse(contentType, body);
    QCOMPARE(int(form.failure()), failure);
    QVERIFY(!form.error().isEmpty());
    QVERIFY(form.parts().isEmpty());
}

void TestMultipartForm::readsStoredZips()
{
    Sandbox::ZipArchive archive;
    archive.addFile(u"dir/a.txt"_s, "alpha");
    archive.addFile(u"empty.txt"_s, {});
    const ZipReader zip(archive.data());
    QVERIFY2(zip.isValid(), qPrintable(zip.error()));
    QCOMPARE(zip.fileNames(), (QStringList{u"dir/a.txt"_s, u"empty.txt"_s}));
    QString error;
    QCOMPARE(zip.file(u"dir/a.txt"_s, &error).value_or(QByteArray()), QByteArray("alpha"));
    QCOMPARE(zip.file(u"empty.txt"_s, &error).value_or(QByteArray("x")), QByteArray());
    QVERIFY(!zip.file(u"nope"_s, &error));
    QVERIFY(error.contains(u"nope"_s));
}

void TestMultipartForm::refusesHostileZips_data()
{
    QTest::addColumn<QByteArray>("data");
    Sandbox::ZipArchive archive;
    archive.addFile(u"a.txt"_s, "alpha");
    const QByteArray good = archive.data();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not a zip") << QByteArray("this is plain text, long enough to have 22 bytes");
    QTest::newRow("truncated") << good.left(good.size() - 5);
    QByteArray badOffset = good;
    badOffset[good.size() - 6] = char(0xff); // central directory offset far out
    QTest::newRow("directory outside") << badOffset;
    QByteArray zip64 = good;
    for (qsizetype i = good.size() - 14; i < good.size() - 10; ++i)
        zip64[i] = char(0xff); // entry counts 0xFFFF: look in the zip64 record

    QTest::newRow("zip64 markers") << zip64;
}

void TestMultipartForm::refusesHostileZips()
{
    QFETCH(QByteArray, data);
    const ZipReader zip(data);
    QVERIFY(!zip.isValid());
    QVERIFY(!zip.error().isEmpty());
    QVERIFY(zip.fileNames().isEmpty());
}

QTEST_GUILESS_MAIN(TestMultipartForm)
#include "tst_multipartform.moc"
