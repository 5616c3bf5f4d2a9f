#include "support/sandboxfixture.h"

#include "sandbox/ziparchive.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>
#include <QTest>

#include <zlib.h>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

// A zip with deflated entries, as zip tools write them (the sandbox's own ZipArchive stores).
QByteArray deflatedZip(const QList<QPair<QString, QByteArray>> &files, bool breakCrc = false)
{
    const auto put16 = [](QByteArray &out, quint16 v) {
        char b[2];
        qToLittleEndian(v, b);
        out.append(b, 2);
    };
    const auto put32 = [](QByteArray &out, quint32 v) {
        char b[4];
        qToLittleEndian(v, b);
        out.append(b, 4);
    };
    QByteArray out;
    QByteArray directory;
    for (const auto &[name, content] : files) {
        QByteArray packed(static_cast<qsizetype>(compressBound(static_cast<uLong>(content.size()))) + 16, '\0');
        z_stream stream{};
        deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(content.constData()));
        stream.avail_in = static_cast<uInt>(content.size());
        stream.next_out = reinterpret_cast<Bytef *>(packed.data());
        stream.avail_out = static_cast<uInt>(packed.size());
        deflate(&stream, Z_FINISH);
        packed.resize(static_cast<qsizetype>(stream.total_out));
        deflateEnd(&stream);
        quint32 crc = Sandbox::ZipArchive::crc32(content);
        if (breakCrc)
            crc ^= 1;
        const QByteArray rawName = name.toUtf8();
        const auto offset = static_cast<quint32>(out.size());
        put32(out, 0x04034b50u);
        put16(out, 20);
        put16(out, 0x0800);
        put16(out, 8);
        put32(out, 0);
        put32(out, crc);
        put32(out, static_cast<quint32>(packed.size()));
        put32(out, static_cast<quint32>(content.size()));
        put16(out, static_cast<quint16>(rawName.size()));
        put16(out, 0);
        out += rawName + packed;
        put32(directory, 0x02014b50u);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, 0x0800);
        put16(directory, 8);
        put32(directory, 0);
        put32(directory, crc);
        put32(directory, static_cast<quint32>(packed.size()));
        put32(directory, static_cast<quint32>(content.size()));
        put16(directory, static_cast<quint16>(rawName.size()));
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put32(directory, 0);
        put32(directory, offset);
        directory += rawName;
    }
    const auto directoryOffset = static_cast<quint32>(out.size());
    out += directory;
    put32(out, 0x06054b50u);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<quint16>(files.size()));
    put16(out, static_cast<quint16>(files.size()));
    put32(out, static_cast<quint32>(directory.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

QByteArray qext(const QString &name, const QString &type, const QString &version = u"1.0.0"_s)
{
    return QJsonDocument(QJsonObject{{u"name"_s, name},
                                     {u"type"_s, type},
                                     {u"version"_s, version},
                                     {u"description"_s, u"Made in a test."_s},
                                     {u"author"_s, u"Tenantry tests"_s},
                                     {u"keywords"_s, u"test, sandbox"_s}})
        .toJson();
}

struct Part
{
    QByteArray headers; // without the trailing CRLF CRLF
    QByteArray content;
};

QByteArray multipart(const QByteArray &boundary, const QList<Part> &parts)
{
    QByteArray body;
    for (const Part &part : parts)
        body += "--" + boundary + "\r\n" + part.headers + "\r\n\r\n" + part.content + "\r\n";
    return body + "--" + boundary + "--\r\n";
}

Part filePart(const QByteArray &zip, const QByteArray &fileName = "package.zip")
{
    return {"Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/zip",
            zip};
}

Part dataPart(const QJsonObject &data)
{
    return {"Content-Disposition: form-data; name=\"data\"\r\nContent-Type: application/json",
            QJsonDocument(data).toJson(QJsonDocument::Compact)};
}

} // namespace

// /v1/extensions and /v1/themes (FACTS §9.1, §9.2): every behaviour runs for both families.
class TestSandboxVisualPackages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void uploadsAZip_data();
    void uploadsAZip();
    void dataPartOverridesAndStandsAlone_data();
    void dataPartOverridesAndStandsAlone();
    void duplicateNamesConflict_data();
    void duplicateNamesConflict();
    void getsByIdOrQextFilename_data();
    void getsByIdOrQextFilename();
    void patchReplacesTheArchive_data();
    void patchReplacesTheArchive();
    void deleteIsSoft_data();
    void deleteIsSoft();
    void downloadsTheArchiveAndItsFiles_data();
    void downloadsTheArchiveAndItsFiles();
    void multipartEdgeCases_data();
    void multipartEdgeCases();
    void wrongKindIsRefused();
    void endUsersReadButDoNotUpload();
    void seededPackagesCopyToANewTenant();

private:
    HttpReply upload(const QString &family, const QByteArray &body, const QByteArray &boundary = "tenantry-boundary",
                     const QByteArray &method = "POST", const QString &path = {});
    QByteArray zipFor(const QString &family, const QString &name, const QString &version = u"1.0.0"_s,
                      const QString &folder = {}) const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxVisualPackages::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxVisualPackages::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"tyrell"_s);
    m_token = m_sandbox->regionToken(m_host);
}

HttpReply TestSandboxVisualPackages::upload(const QString &family, const QByteArray &body, const QByteArray &boundary,
                                            const QByteArray &method, const QString &path)
{
    return m_sandbox->http().send({method,
                                   m_host,
                                   path.isEmpty() ? u"/api/v1/"_s + family : path,
                                   body,
                                   "multipart/form-data; boundary=" + boundary,
                                   m_token,
                                   {},
                                   true});
}

QByteArray TestSandboxVisualPackages::zipFor(const QString &family, const QString &name, const QString &version,
                                             const QString &folder) const
{
    const bool theme = family == "themes"_L1;
    QList<QPair<QString, QByteArray>> files{
        {folder + name + u".qext"_s, qext(name, theme ? u"theme"_s : u"visualization"_s, version)}};
    if (theme)
        files.append({folder + u"theme.json"_s, R"({"_inherit":true,"color":"#204060"})"});
    else
        files.append({folder + name + u".js"_s, "define([], function () { return {}; });\n"});
    files.append({folder + u"lib/deep/helper.css"_s, ".kpi { color: red; }\n"});
    return deflatedZip(files);
}

void TestSandboxVisualPackages::uploadsAZip_data()
{
    QTest::addColumn<QString>("family");
    QTest::newRow("extensions") << u"extensions"_s;
    QTest::newRow("themes") << u"themes"_s;
}

void TestSandboxVisualPackages::uploadsAZip()
{
    QFETCH(QString, family);
    const QByteArray zip = zipFor(family, u"hello-viz"_s, u"2.1.0"_s, u"hello-viz/"_s);
    const HttpReply reply = upload(family, multipart("tenantry-boundary", {filePart(zip, "hello-viz.zip")}));
    QCOMPARE(reply.status, 201);
    const QJsonObject json = reply.json();
    QCOMPARE(json.value(u"id"_s).toString().size(), 32);
    QCOMPARE(json.value(u"name"_s).toString(), u"hello-viz"_s);
    QCOMPARE(json.value(u"qextFilename"_s).toString(), u"hello-viz"_s);
    QCOMPARE(json.value(u"qextVersion"_s).toString(), u"2.1.0"_s);
    QCOMPARE(json.value(u"type"_s).toString(), family == "themes"_L1 ? u"theme"_s : u"visualization"_s);
    QCOMPARE(json.value(u"author"_s).toString(), u"Tenantry tests"_s);
    const QJsonObject file = json.value(u"file"_s).toObject();
    QCOMPARE(file.value(u"contentType"_s).toString(), u"application/zip"_s);
    QCOMPARE(file.value(u"contentLength"_s).toInteger(), zip.size());
    QCOMPARE(file.value(u"md5"_s).toString(),
             QString::fromLatin1(QCryptographicHash::hash(zip, QCryptographicHash::Md5).toHex()));
    QCOMPARE(file.value(u"originalname"_s).toString(), u"hello-viz.zip"_s);
    QVERIFY(!json.value(u"userId"_s).toString().isEmpty());
    const QJsonArray list = m_sandbox->http().get(m_host, u"/api/v1/"_s + family, m_token).json()[u"data"_s].toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"id"_s), json.value(u"id"_s));
    const QJsonArray state = m_sandbox->tenantState(u"tyrell"_s).value(family).toArray();
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.first().toObject().value(u"fileSha256"_s).toString(),
             QString::fromLatin1(QCryptographicHash::hash(zip, QCryptographicHash::Sha256).toHex()));
}

void TestSandboxVisualPackages::dataPartOverridesAndStandsAlone_data()
{
    uploadsAZip_data();
}

void TestSandboxVisualPackages::dataPartOverridesAndStandsAlone()
{
    QFETCH(QString, family);
    const HttpReply both
        = upload(family,
                 multipart("b",
                           {filePart(zipFor(family, u"one"_s)),
                            dataPart({{u"name"_s, u"One, renamed"_s}, {u"tags"_s, QJsonArray{u"kpi"_s}}})}),
                 "b");
    QCOMPARE(both.status, 201);
    QCOMPARE(both.json().value(u"name"_s).toString(), u"One, renamed"_s);
    QCOMPARE(both.json().value(u"qextFilename"_s).toString(), u"one"_s);
    QCOMPARE(both.json().value(u"tags"_s).toArray(), QJsonArray{u"kpi"_s});

    const HttpReply dataOnly
        = upload(family, multipart("b", {dataPart({{u"name"_s, u"two"_s}, {u"description"_s, u"No archive"_s}})}), "b");
    QCOMPARE(dataOnly.status, 201);
    QVERIFY(!dataOnly.json().contains(u"file"_s));
    QCOMPARE(dataOnly.json().value(u"qextFilename"_s).toString(), u"two"_s);
    const QString id = dataOnly.json().value(u"id"_s).toString();
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/%1/%2/file"_s.arg(family, id), m_token).status, 404);

    const HttpReply noName = upload(family, multipart("b", {dataPart({{u"description"_s, u"x"_s}})}), "b");
    QCOMPARE(noName.status, 422);
    const HttpReply badTags
        = upload(family, multipart("b", {dataPart({{u"name"_s, u"x"_s}, {u"tags"_s, u"kpi"_s}})}), "b");
    QCOMPARE(badTags.status, 422);
}

void TestSandboxVisualPackages::duplicateNamesConflict_data()
{
    uploadsAZip_data();
}

void TestSandboxVisualPackages::duplicateNamesConflict()
{
    QFETCH(QString, family);
    const QByteArray body = multipart("b", {filePart(zipFor(family, u"dup"_s))});
    QCOMPARE(upload(family, body, "b").status, 201);
    const HttpReply again = upload(family, body, "b");
    QCOMPARE(again.status, 409);
    // extensions/themes answer a single error object (FACTS §14.2), status as a number.
    const QJsonObject error = again.json();
    QCOMPARE(error.value(u"status"_s).toInt(), 409);
    QVERIFY(!error.value(u"title"_s).toString().isEmpty());
    QVERIFY(!error.value(u"code"_s).toString().isEmpty());
    QVERIFY(!error.contains(u"errors"_s));
    QCOMPARE(error[u"meta"_s][u"resourceName"_s].toString(), family.chopped(1));
    // The same name through data is a conflict as well.
    QCOMPARE(upload(family, multipart("b", {dataPart({{u"name"_s, u"DUP"_s}})}), "b").status, 409);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/"_s + family, m_token).json()[u"data"_s].toArray().size(), 1);
}

void TestSandboxVisualPackages::getsByIdOrQextFilename_data()
{
    uploadsAZip_data();
}

void TestSandboxVisualPackages::getsByIdOrQextFilename()
{
    QFETCH(QString, family);
    const QJsonObject created = upload(family, multipart("b", {filePart(zipFor(family, u"finder"_s))}), "b").json();
    const HttpReply byId
        = m_sandbox->http().get(m_host, u"/api/v1/%1/%2"_s.arg(family, created[u"id"_s].toString()), m_token);
    QCOMPARE(byId.status, 200);
    QCOMPARE(byId.json(), created);
    const HttpReply byName = m_sandbox->http().get(m_host, u"/api/v1/%1/finder"_s.arg(family), m_token);
    QCOMPARE(byName.status, 200);
    QCOMPARE(byName.json().value(u"id"_s), created.value(u"id"_s));
    const HttpReply missing = m_sandbox->http().get(m_host, u"/api/v1/%1/nothing-here"_s.arg(family), m_token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(u"status"_s).toInt(), 404);
}

void TestSandboxVisualPackages::patchReplacesTheArchive_data()
{
    uploadsAZip_data();
}

void TestSandboxVisualPackages::patchReplacesTheArchive()
{
    QFETCH(QString, family);
    const QJsonObject first = upload(family, multipart("b", {filePart(zipFor(family, u"evolving"_s))}), "b").json();
    QCOMPARE(upload(family, multipart("b", {filePart(zipFor(family, u"other"_s))}), "b").status, 201);
    const QString path = u"/api/v1/%1/evolving"_s.arg(family);
    const QByteArray v2 = zipFor(family, u"evolving"_s, u"2.0.0"_s);
    const HttpReply patched = upload(family, multipart("b", {filePart(v2, "evolving-2.zip")}), "b", "PATCH", path);
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json().value(u"id"_s), first.value(u"id"_s));
    QCOMPARE(patched.json().value(u"qextVersion"_s).toString(), u"2.0.0"_s);
    QCOMPARE(patched.json()[u"file"_s][u"originalname"_s].toString(), u"evolving-2.zip"_s);
    const HttpReply archive = m_sandbox->http().get(m_host, path + u"/file"_s, m_token);
    QCOMPARE(archive.body, v2);
    // Data alone changes fields; renaming onto another package is a conflict.
    const HttpReply described
        = upload(family, multipart("b", {dataPart({{u"description"_s, u"Second edition"_s}})}), "b", "PATCH", path);
    QCOMPARE(described.status, 200);
    QCOMPARE(described.json().value(u"description"_s).toString(), u"Second edition"_s);
    QCOMPARE(upload(family, multipart("b", {dataPart({{u"name"_s, u"other"_s}})}), "b", "PATCH", path).status, 409);
    QCOMPARE(upload(family, multipart("b", {dataPart({{u"name"_s, u"x"_s}})}), "b", "PATCH",
                    u"/api/v1/%1/nothing"_s.arg(family))
                 .status,
             404);
}

void TestSandboxVisualPackages::deleteIsSoft_data()
{
    uploadsAZip_data();
}

void TestSandboxVisualPackages::deleteIsSoft()
{
    QFETCH(QString, family);
    const QString id
        = upload(family, multipart("b", {filePart(zipFor(family, u"doomed"_s))}), "b").json()[u"id"_s].toString();
    const QString path = u"/api/v1/%1/%2"_s.arg(family, id);
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 204);
    const HttpReply gone = m_sandbox->http().get(m_host, path, m_token);
    QCOMPARE(gone.status, 410);
    QCOMPARE(gone.json().value(u"status"_s).toInt(), 410);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/%1/doomed"_s.arg(family), m_token).status, 410);
    QCOMPARE(m_sandbox->http().get(m_host, path + u"/file"_s, m_token).status, 410);
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 410);
    QVERIFY(m_sandbox->http().get(m_host, u"/api/v1/"_s + family, m_token).json()[u"data"_s].toArray().isEmpty());
    // The record stays (soft delete) and the name is free again.
    QCOMPARE(m_sandbox->tenantState(u"tyrell"_s).value(family).toArray().first()[u"deleted"_s].toBool(), true);
    const HttpReply reborn = upload(family, multipart("b", {filePart(zipFor(family, u"doomed"_s))}), "b");
    QCOMPARE(reborn.status, 201);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/%1/doomed"_s.arg(family), m_token).json()[u"id"_s],
             reborn.json()[u"id"_s]);
}

void TestSandboxVisualPackages::downloadsTheArchiveAndItsFiles_data()
{
    uploadsAZip_data();
}

void TestSandboxVisualPackages::downloadsTheArchiveAndItsFiles()
{
    QFETCH(QString, family);
    const QByteArray zip = zipFor(family, u"files"_s, u"1.0.0"_s, u"files/"_s);
    QCOMPARE(upload(family, multipart("b", {filePart(zip)}), "b").status, 201);
    const HttpReply archive = m_sandbox->http().get(m_host, u"/api/v1/%1/files/file"_s.arg(family), m_token);
    QCOMPARE(archive.status, 200);
    QCOMPARE(archive.header("content-type"), QByteArray("application/zip"));
    QVERIFY(archive.header("content-disposition").contains("files.zip"));
    QCOMPARE(archive.body, zip);
    // A nested path, relative to the .qext's folder or as stored.
    const HttpReply css
        = m_sandbox->http().get(m_host, u"/api/v1/%1/files/file/lib/deep/helper.css"_s.arg(family), m_token);
    QCOMPARE(css.status, 200);
    QCOMPARE(css.body, QByteArray(".kpi { color: red; }\n"));
    QVERIFY(css.header("content-type").startsWith("text/css"));
    QCOMPARE(
        m_sandbox->http().get(m_host, u"/api/v1/%1/files/file/files/lib/deep/helper.css"_s.arg(family), m_token).body,
        css.body);
    const HttpReply qextFile
        = m_sandbox->http().get(m_host, u"/api/v1/%1/files/file/files.qext"_s.arg(family), m_token);
    QCOMPARE(QJsonDocument::fromJson(qextFile.body).object().value(u"name"_s).toString(), u"files"_s);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/%1/files/file/missing.js"_s.arg(family), m_token).status, 404);
}

void TestSandboxVisualPackages::multipartEdgeCases_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const QByteArray zip = zipFor(u"extensions"_s, u"edge"_s);
    const QByteArray mp = "multipart/form-data; boundary=b";
    QTest::newRow("JSON instead of multipart")
        << QByteArray("application/json") << QByteArray(R"({"name":"x"})") << 415;
    QTest::newRow("no Content-Type") << QByteArray() << multipart("b", {filePart(zip)}) << 415;
    QTest::newRow("no boundary") << QByteArray("multipart/form-data") << multipart("b", {filePart(zip)}) << 400;
    QTest::newRow("boundary quoted, with spaces")
        << QByteArray("multipart/form-data; charset=utf-8; boundary=\"a b; c\"") << multipart("a b; c", {filePart(zip)})
        << 201;
    QTest::newRow("preamble and epilogue")
        << mp << "This is a preamble.\r\n" + multipart("b", {filePart(zip)}) + "and an epilogue" << 201;
    QTest::newRow("unclosed body") << mp << multipart("b", {filePart(zip)}).chopped(8) << 400;
    QTest::newRow("boundary never appears") << mp << QByteArray("just some bytes") << 400;
    QTest::newRow("LF line endings") << mp << multipart("b", {filePart(zip)}).replace("\r\n", "\n") << 400;
    QTest::newRow("part without a name") << mp
                                         << multipart("b",
                                                      {{"Content-Disposition: form-data; filename=\"a.zip\"", zip}})
                                         << 400;
    QTest::newRow("part without Content-Disposition")
        << mp << multipart("b", {{"Content-Type: application/zip", zip}}) << 400;
    QTest::newRow("unterminated quoted name")
        << mp << multipart("b", {{"Content-Disposition: form-data; name=\"file", zip}}) << 400;
    QTest::newRow("headers without blank line")
        << mp << QByteArray("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n--b--\r\n") << 400;
    QTest::newRow("data part is not JSON")
        << mp << multipart("b", {{"Content-Disposition: form-data; name=\"data\"", "{x"}}) << 415;
    QTest::newRow("data part is a JSON array")
        << mp << multipart("b", {{"Content-Disposition: form-data; name=\"data\"", "[1]"}}) << 415;
    QTest::newRow("neither file nor data")
        << mp << multipart("b", {{"Content-Disposition: form-data; name=\"other\"", "x"}}) << 422;
    QTest::newRow("two file parts") << mp << multipart("b", {filePart(zip), filePart(zip)}) << 422;
    QTest::newRow("empty file part") << mp << multipart("b", {filePart({})}) << 422;
    QTest::newRow("file is not a zip") << mp << multipart("b", {filePart("PK but not really a zip file")}) << 422;
    QTest::newRow("zip without .qext") << mp << multipart("b", {filePart(deflatedZip({{u"a.js"_s, "x"}}))}) << 422;
    QTest::newRow("zip with two .qext") << mp
                                        << multipart("b",
                                                     {filePart(deflatedZip(
                                                         {{u"a.qext"_s, qext(u"a"_s, u"visualization"_s)},
                                                          {u"b.qext"_s, qext(u"b"_s, u"visualization"_s)}}))})
                                        << 422;
    QTest::newRow(".qext not JSON") << mp << multipart("b", {filePart(deflatedZip({{u"a.qext"_s, "name: a"}}))}) << 422;
    QTest::newRow("damaged CRC")
        << mp << multipart("b", {filePart(deflatedZip({{u"a.qext"_s, qext(u"a"_s, u"visualization"_s)}}, true))})
        << 422;
    QTest::newRow("truncated zip") << mp << multipart("b", {filePart(zip.left(zip.size() / 2))}) << 422;
    // filename* (RFC 5987) names the archive; a path in a file name is dropped.
    QTest::newRow("filename* in UTF-8")
        << mp
        << multipart("b",
                     {{"Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''na%C3%AFve%20edge.zip", zip}})
        << 201;
    QTest::newRow("stored (uncompressed) zip") << mp << [] {
        Sandbox::ZipArchive stored;
        stored.addFile(u"edge.qext"_s, qext(u"edge"_s, u"visualization"_s));
        return multipart("b", {filePart(stored.data(), "C:\\\\Users\\\\me\\\\edge.zip")});
    }() << 201;
}

void TestSandboxVisualPackages::multipartEdgeCases()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const HttpReply reply
        = m_sandbox->http().send({"POST", m_host, u"/api/v1/extensions"_s, body, contentType, m_token, {}, true});
    QCOMPARE(reply.status, status);
    if (status >= 400) {
        // A single error object that says what is wrong.
        QCOMPARE(reply.json().value(u"status"_s).toInt(), status);
        QVERIFY(!reply.json().value(u"detail"_s).toString().isEmpty());
        QVERIFY(m_sandbox->tenantState(u"tyrell"_s).value(u"extensions"_s).toArray().isEmpty());
        return;
    }
    const QString original = reply.json()[u"file"_s][u"originalname"_s].toString();
    if (QByteArray(QTest::currentDataTag()) == "filename* in UTF-8")
        QCOMPARE(original, u"naïve edge.zip"_s);
    if (QByteArray(QTest::currentDataTag()) == "stored (uncompressed) zip")
        QCOMPARE(original, u"edge.zip"_s);
}

void TestSandboxVisualPackages::wrongKindIsRefused()
{
    const HttpReply themeAsExtension
        = upload(u"extensions"_s, multipart("b", {filePart(zipFor(u"themes"_s, u"dark"_s))}), "b");
    QCOMPARE(themeAsExtension.status, 422);
    QVERIFY(themeAsExtension.json().value(u"detail"_s).toString().contains(u"/v1/themes"_s));
    const HttpReply extensionAsTheme
        = upload(u"themes"_s, multipart("b", {filePart(zipFor(u"extensions"_s, u"chart"_s))}), "b");
    QCOMPARE(extensionAsTheme.status, 422);
}

void TestSandboxVisualPackages::endUsersReadButDoNotUpload()
{
    QCOMPARE(upload(u"extensions"_s, multipart("b", {filePart(zipFor(u"extensions"_s, u"shared"_s))}), "b").status,
             201);
    const QByteArray cookie = m_sandbox->endUserSession(m_host, u"portal|viewer"_s);
    QVERIFY(!cookie.isEmpty());
    const HttpReply read = m_sandbox->http().send(
        {"GET", m_host, u"/api/v1/extensions/shared/file"_s, {}, {}, {}, {{"Cookie", cookie}}, true});
    QCOMPARE(read.status, 200);
    const HttpReply refused = m_sandbox->http().send({"POST",
                                                      m_host,
                                                      u"/api/v1/extensions"_s,
                                                      multipart("b", {filePart(zipFor(u"extensions"_s, u"mine"_s))}),
                                                      "multipart/form-data; boundary=b",
                                                      {},
                                                      {{"Cookie", cookie}},
                                                      true});
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.json().value(u"status"_s).toInt(), 403);
}

void TestSandboxVisualPackages::seededPackagesCopyToANewTenant()
{
    // The demo source tenant's kpi-card and acme-corporate are real zips with a .qext: export them
    // and upload them to a fresh customer, as onboarding's "copy from source" does.
    const QString source = m_sandbox->hostOf(u"acme-source"_s);
    const QString sourceToken = m_sandbox->regionToken(source);
    const QList<std::pair<QString, QString>> seeded{{u"extensions"_s, u"kpi-card"_s},
                                                    {u"themes"_s, u"acme-corporate"_s}};
    for (const auto &[family, name] : seeded) {
        const HttpReply meta = m_sandbox->http().get(source, u"/api/v1/%1/%2"_s.arg(family, name), sourceToken);
        QCOMPARE(meta.status, 200);
        QCOMPARE(meta.json().value(u"qextFilename"_s).toString(), name);
        const HttpReply archive = m_sandbox->http().get(source, u"/api/v1/%1/%2/file"_s.arg(family, name), sourceToken);
        QCOMPARE(archive.status, 200);
        QCOMPARE(archive.body.left(2), QByteArray("PK"));
        QCOMPARE(archive.body.size(), meta.json()[u"file"_s][u"contentLength"_s].toInteger());
        const HttpReply copied
            = upload(family, multipart("b", {filePart(archive.body, name.toLatin1() + ".zip")}), "b");
        QCOMPARE(copied.status, 201);
        QCOMPARE(copied.json().value(u"name"_s).toString(), name);
        QCOMPARE(copied.json().value(u"qextVersion"_s), meta.json().value(u"qextVersion"_s));
        QCOMPARE(copied.json()[u"file"_s][u"md5"_s], meta.json()[u"file"_s][u"md5"_s]);
    }
}

QTEST_GUILESS_MAIN(TestSandboxVisualPackages)
#include "tst_sandboxvisualpackages.moc"
