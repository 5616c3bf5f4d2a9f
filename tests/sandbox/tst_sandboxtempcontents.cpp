#include "contentsteps.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::ContentSteps;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// /v1/temp-contents (FACTS §10.3): simple uploads, downloads with ranges, details, expiry on the
// sandbox clock, and the tus protocol.
class TestSandboxTempContents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void uploadsAndDownloads();
    void downloadsRanges_data();
    void downloadsRanges();
    void describesDetails();
    void expiresAfterItsTtl();
    void rejectsBadParameters_data();
    void rejectsBadParameters();
    void refusesUploadsAboveTheLimit();
    void belongsToItsCreator();
    void unknownIdsAre404();
    void tusUploadsInChunks();
    void tusRefusesWhatItCannotTake();

private:
    HttpReply upload(const QString &query, const QByteArray &bytes);
    QString uploadedId(const QString &query, const QByteArray &bytes);
    HttpReply tusCreate(const QList<QPair<QByteArray, QByteArray>> &headers);
    HttpReply tusPatch(const QString &id, qint64 offset, const QByteArray &chunk,
                       const QByteArray &contentType = "application/offset+octet-stream",
                       const QByteArray &version = "1.0.0");

    ContentSteps &steps() { return *m_steps; }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<ContentSteps> m_steps;
};

void TestSandboxTempContents::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxTempContents::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_steps = std::make_unique<ContentSteps>(*m_sandbox, u"acme-source"_s);
    QVERIFY(m_steps->isReady());
    QVERIFY(m_steps->restoreDefaultSettings());
}

HttpReply TestSandboxTempContents::upload(const QString &query, const QByteArray &bytes)
{
    return steps().http().send({"POST",
                                steps().host(),
                                u"/api/v1/temp-contents?"_s + query,
                                bytes,
                                "application/octet-stream",
                                steps().token(),
                                {},
                                true});
}

QString TestSandboxTempContents::uploadedId(const QString &query, const QByteArray &bytes)
{
    const HttpReply reply = upload(query, bytes);
    return reply.status == 201 ? QString::fromLatin1(reply.header("location").split('/').last()) : QString();
}

HttpReply TestSandboxTempContents::tusCreate(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return steps().http().send(
        {"POST", steps().host(), u"/api/v1/temp-contents/files"_s, {}, {}, steps().token(), headers, true});
}

HttpReply TestSandboxTempContents::tusPatch(const QString &id, qint64 offset, const QByteArray &chunk,
                                            const QByteArray &contentType, const QByteArray &version)
{
    return steps().http().send({"PATCH",
                                steps().host(),
                                u"/api/v1/temp-contents/files/"_s + id,
                                chunk,
                                contentType,
                                steps().token(),
                                {{"Tus-Resumable", version}, {"Upload-Offset", QByteArray::number(offset)}},
                                true});
}

void TestSandboxTempContents::uploadsAndDownloads()
{
    const QByteArray bytes = "id;name\n1;Ada\n2;Grace\n";
    const HttpReply created = upload(u"filename=people.csv&ttl=600"_s, bytes);
    QCOMPARE(created.status, 201);
    QVERIFY(created.body.isEmpty());
    // FACTS §10.2: simple uploads have answered with a Location without /api; clients normalise.
    const QString location = QString::fromLatin1(created.header("location"));
    QVERIFY2(location.startsWith(u"/v1/temp-contents/"_s), qPrintable(location));
    const QString id = location.section(u'/', -1);
    QCOMPARE(id.size(), 24);

    HttpReply download = steps().http().get(steps().host(), u"/api/v1/temp-contents/"_s + id, steps().token());
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, bytes);
    QCOMPARE(download.header("content-disposition"), QByteArray("attachment; filename=\"people.csv\""));
    QCOMPARE(download.header("accept-ranges"), QByteArray("bytes"));
    download = steps().http().get(steps().host(), u"/api/v1/temp-contents/%1?inline=1"_s.arg(id), steps().token());
    QVERIFY(download.header("content-disposition").startsWith("inline;"));

    // A file name outside ASCII keeps its UTF-8 form in filename*.
    const QString nordic = uploadedId(u"filename=%C3%85rsrapport.csv"_s, "x");
    download = steps().http().get(steps().host(), u"/api/v1/temp-contents/"_s + nordic, steps().token());
    QCOMPARE(download.header("content-disposition"),
             QByteArray("attachment; filename=\"_rsrapport.csv\"; filename*=UTF-8''%C3%85rsrapport.csv"));
}

void TestSandboxTempContents::downloadsRanges_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentRange");
    QTest::newRow("first four") << QByteArray("bytes=0-3") << 206 << QByteArray("0123") << QByteArray("bytes 0-3/10");
    QTest::newRow("open end") << QByteArray("bytes=6-") << 206 << QByteArray("6789") << QByteArray("bytes 6-9/10");
    QTest::newRow("suffix") << QByteArray("bytes=-2") << 206 << QByteArray("89") << QByteArray("bytes 8-9/10");
    QTest::newRow("end past the size") << QByteArray("bytes=8-100") << 206 << QByteArray("89")
                                       << QByteArray("bytes 8-9/10");
    QTest::newRow("start past the size") << QByteArray("bytes=10-12") << 416 << QByteArray()
                                         << QByteArray("bytes */10");
    QTest::newRow("reversed") << QByteArray("bytes=5-2") << 416 << QByteArray() << QByteArray("bytes */10");
    QTest::newRow("empty suffix") << QByteArray("bytes=-0") << 416 << QByteArray() << QByteArray("bytes */10");
    QTest::newRow("unparsable: ignored") << QByteArray("pages=1") << 200 << QByteArray("0123456789") << QByteArray();
}

void TestSandboxTempContents::downloadsRanges()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentRange);
    const QString id = uploadedId(u"filename=digits.txt"_s, "0123456789");
    const HttpReply reply = steps().http().send(
        {"GET", steps().host(), u"/api/v1/temp-contents/"_s + id, {}, {}, steps().token(), {{"Range", range}}, true});
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("content-range"), contentRange);
    if (status == 416)
        QCOMPARE(reply.errorCode(), u"HTTP-416"_s);
    else
        QCOMPARE(reply.body, body);
}

void TestSandboxTempContents::describesDetails()
{
    const QString id = uploadedId(u"filename=notes.txt&ttl=120"_s, "hello");
    const HttpReply reply
        = steps().http().get(steps().host(), u"/api/v1/temp-contents/%1/details"_s.arg(id), steps().token());
    QCOMPARE(reply.status, 200);
    const QJsonObject details = reply.json();
    QCOMPARE(details.value(u"ID"_s).toString(), id);
    QCOMPARE(details.value(u"Name"_s).toString(), u"notes.txt"_s);
    QCOMPARE(details.value(u"Size"_s).toString(), u"5"_s);
    QCOMPARE(details.value(u"TTLSeconds"_s).toInt(), 120);
    QCOMPARE(details.value(u"CreatorID"_s).toString(), steps().botId());
    const QDateTime created = QDateTime::fromString(details.value(u"CreatedAt"_s).toString(), Qt::ISODateWithMs);
    const QDateTime expires = QDateTime::fromString(details.value(u"Expires"_s).toString(), Qt::ISODateWithMs);
    QCOMPARE(created.secsTo(expires), 120);
}

void TestSandboxTempContents::expiresAfterItsTtl()
{
    const QString id = uploadedId(u"filename=short.txt&ttl=60"_s, "brief");
    const QString path = u"/api/v1/temp-contents/"_s + id;
    QVERIFY(steps().advanceClock(59));
    QCOMPARE(steps().http().get(steps().host(), path, steps().token()).status, 200);
    QVERIFY(steps().advanceClock(2));
    const HttpReply gone = steps().http().get(steps().host(), path, steps().token());
    QCOMPARE(gone.status, 410);
    QCOMPARE(gone.errorCode(), u"HTTP-410"_s);
    QCOMPARE(steps().http().get(steps().host(), path + u"/details"_s, steps().token()).status, 410);
    // Without ttl: one hour (FACTS §10.3).
    const QString hourly = uploadedId(u"filename=hour.txt"_s, "x");
    QVERIFY(steps().advanceClock(3599));
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/temp-contents/"_s + hourly, steps().token()).status, 200);
    QVERIFY(steps().advanceClock(2));
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/temp-contents/"_s + hourly, steps().token()).status, 410);
}

void TestSandboxTempContents::rejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("ttl zero") << u"filename=a.txt&ttl=0"_s;
    QTest::newRow("ttl above three days") << u"filename=a.txt&ttl=259201"_s;
    QTest::newRow("ttl not a number") << u"filename=a.txt&ttl=soon"_s;
    QTest::newRow("filename with a slash") << u"filename=dir%2Fa.txt"_s;
    QTest::newRow("filename with a backslash") << u"filename=dir%5Ca.txt"_s;
    QTest::newRow("filename too long") << u"filename="_s + QString(256, u'a');
}

void TestSandboxTempContents::rejectsBadParameters()
{
    QFETCH(QString, query);
    const HttpReply reply = upload(query, "x");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.errorCode(), u"HTTP-400"_s);
    QVERIFY(steps().tenantState().value(u"tempContents"_s).toArray().isEmpty());
}

void TestSandboxTempContents::refusesUploadsAboveTheLimit()
{
    QVERIFY(steps().settings(QJsonObject{{u"maxUploadBytes"_s, 64}}));
    QCOMPARE(upload(u"filename=big.bin"_s, QByteArray(65, 'x')).status, 413);
    QCOMPARE(upload(u"filename=ok.bin"_s, QByteArray(64, 'x')).status, 201);
}

void TestSandboxTempContents::belongsToItsCreator()
{
    const QString id = uploadedId(u"filename=private.txt"_s, "mine");
    // The region client is replaced: its successor's bot is another user of the same tenant.
    QJsonObject recreated;
    QVERIFY(m_sandbox->http().control("POST", u"/__sandbox/clients/sandbox-region-eu/recreate"_s, {}, &recreated));
    const QString other = m_sandbox->http().token(steps().host(), recreated.value(u"clientId"_s).toString(),
                                                  recreated.value(u"clientSecret"_s).toString());
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/temp-contents/"_s + id, other).status, 404);
    QCOMPARE(steps().http().get(steps().host(), u"/api/v1/temp-contents/%1/details"_s.arg(id), other).status, 404);
}

void TestSandboxTempContents::unknownIdsAre404()
{
    const HttpReply reply
        = steps().http().get(steps().host(), u"/api/v1/temp-contents/000000000000000000000000"_s, steps().token());
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.errorCode(), u"HTTP-404"_s);
}

void TestSandboxTempContents::tusUploadsInChunks()
{
    const QByteArray metadata = "filename " + QByteArray("big.qvf").toBase64() + ",ttl " + QByteArray("600").toBase64();
    const HttpReply created
        = tusCreate({{"Tus-Resumable", "1.0.0"}, {"Upload-Length", "10"}, {"Upload-Metadata", metadata}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("tus-resumable"), QByteArray("1.0.0"));
    const QString location = QString::fromLatin1(created.header("location"));
    QVERIFY2(location.startsWith(u"/api/v1/temp-contents/files/"_s), qPrintable(location));
    const QString id = location.section(u'/', -1);
    const QString contentPath = u"/api/v1/temp-contents/"_s + id;

    // Incomplete: 204 from both the content and its details.
    QCOMPARE(steps().http().get(steps().host(), contentPath, steps().token()).status, 204);
    HttpReply reply = tusPatch(id, 0, "0123");
    QCOMPARE(reply.status, 204);
    QCOMPARE(reply.header("upload-offset"), QByteArray("4"));
    QCOMPARE(steps().http().get(steps().host(), contentPath + u"/details"_s, steps().token()).status, 204);

    // A resent chunk at an old offset: 409, and the server says where it is.
    reply = tusPatch(id, 0, "0123");
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.header("upload-offset"), QByteArray("4"));
    reply = tusPatch(id, 4, "456789");
    QCOMPARE(reply.status, 204);
    QCOMPARE(reply.header("upload-offset"), QByteArray("10"));

    const HttpReply download = steps().http().get(steps().host(), contentPath, steps().token());
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, QByteArray("0123456789"));
    const HttpReply details = steps().http().get(steps().host(), contentPath + u"/details"_s, steps().token());
    QCOMPARE(details.json().value(u"Name"_s).toString(), u"big.qvf"_s);
    QCOMPARE(details.json().value(u"TTLSeconds"_s).toInt(), 600);

    // The finished upload imports by fileId.
    const HttpReply imported = steps().http().send(
        {"POST", steps().host(), u"/api/v1/apps/import?fileId="_s + id, {}, {}, steps().token(), {}, true});
    QCOMPARE(imported.status, 200);
    QCOMPARE(imported.json().value(u"attributes"_s).toObject().value(u"name"_s).toString(), u"big"_s);
}

void TestSandboxTempContents::tusRefusesWhatItCannotTake()
{
    HttpReply reply = tusCreate({{"Tus-Resumable", "0.2.2"}, {"Upload-Length", "10"}});
    QCOMPARE(reply.status, 412);
    QCOMPARE(reply.header("tus-version"), QByteArray("1.0.0"));
    QCOMPARE(tusCreate({{"Tus-Resumable", "1.0.0"}}).status, 400);
    QCOMPARE(tusCreate({{"Tus-Resumable", "1.0.0"}, {"Upload-Length", "-5"}}).status, 400);
    QCOMPARE(
        tusCreate({{"Tus-Resumable", "1.0.0"}, {"Upload-Length", "3"}, {"Upload-Metadata", "filename !!!"}}).status,
        400);
    QVERIFY(steps().settings(QJsonObject{{u"maxUploadBytes"_s, 100}}));
    QCOMPARE(tusCreate({{"Tus-Resumable", "1.0.0"}, {"Upload-Length", "101"}}).status, 413);

    reply = tusCreate({{"Tus-Resumable", "1.0.0"},
                       {"Upload-Length", "4"},
                       {"Upload-Metadata", "ttl " + QByteArray("60").toBase64()}});
    QCOMPARE(reply.status, 201);
    const QString id = QString::fromLatin1(reply.header("location").split('/').last());
    QCOMPARE(tusPatch(id, 0, "ab", "application/octet-stream").status, 415);
    QCOMPARE(tusPatch(id, 0, "ab", "application/offset+octet-stream", "2.0.0").status, 412);
    QCOMPARE(tusPatch(id, 0, "abcde").status, 400); // past Upload-Length
    QCOMPARE(tusPatch(u"000000000000000000000000"_s, 0, "ab").status, 404);
    const HttpReply badOffset = steps().http().send({"PATCH",
                                                     steps().host(),
                                                     u"/api/v1/temp-contents/files/"_s + id,
                                                     "ab",
                                                     "application/offset+octet-stream",
                                                     steps().token(),
                                                     {{"Tus-Resumable", "1.0.0"}, {"Upload-Offset", "first"}},
                                                     true});
    QCOMPARE(badOffset.status, 400);
    QVERIFY(steps().advanceClock(61));
    QCOMPARE(tusPatch(id, 0, "ab").status, 410);
}

QTEST_GUILESS_MAIN(TestSandboxTempContents)
#include "tst_sandboxtempcontents.moc"
