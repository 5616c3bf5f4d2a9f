#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

namespace {

// The smallest real files of each kind the brand API checks by their first bytes.
const QByteArray kPng
    = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray("\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0", 21);
const QByteArray kJpeg = QByteArray("\xff\xd8\xff\xe0\0\x10JFIF\0", 11);
const QByteArray kIco = QByteArray("\0\0\x01\0\x01\0\x10\x10\0\0\x01\0 \0", 14);

struct Part
{
    QByteArray name;
    QByteArray fileName; // empty: a text field
    QByteArray contentType;
    QByteArray content;
};

QByteArray multipart(const QList<Part> &parts)
{
    QByteArray body;
    for (const Part &part : parts) {
        body += "--brand-boundary\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (!part.fileName.isEmpty())
            body += "; filename=\"" + part.fileName + '"';
        if (!part.contentType.isEmpty())
            body += "\r\nContent-Type: " + part.contentType;
        body += "\r\n\r\n" + part.content + "\r\n";
    }
    return body + "--brand-boundary--\r\n";
}

} // namespace

// /v1/brands (FACTS §9.3, the "Apply branding" tutorial) on the demo seed's "wayne".
class TestSandboxBrands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createsABrandWithItsFiles();
    void rejectsBadForms_data();
    void rejectsBadForms();
    void listsWithIdAnchors();
    void patchesNameAndDescription();
    void onlyOneBrandIsActive();
    void activeBrandRedirectsOrIsEmpty();
    void manageFiles();
    void endUsersCannotBrand();

private:
    HttpReply create(const QList<Part> &parts);
    QString createBrand(const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    QString m_host;
    QString m_token;
};

void TestSandboxBrands::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestSandboxBrands::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"wayne"_s);
    m_token = m_sandbox->regionToken(m_host);
}

HttpReply TestSandboxBrands::create(const QList<Part> &parts)
{
    return m_sandbox->http().send({"POST",
                                   m_host,
                                   u"/api/v1/brands"_s,
                                   multipart(parts),
                                   "multipart/form-data; boundary=brand-boundary",
                                   m_token,
                                   {},
                                   true});
}

QString TestSandboxBrands::createBrand(const QString &name)
{
    return create({{"name", {}, {}, name.toUtf8()}}).json().value(u"id"_s).toString();
}

void TestSandboxBrands::createsABrandWithItsFiles()
{
    const HttpReply reply = create({{"name", {}, {}, "Wayne"},
                                    {"description", {}, {}, "Gotham's finest"},
                                    {"logo", "logo.png", "image/png", kPng},
                                    {"favIcon", "favicon.ico", "image/x-icon", kIco}});
    QCOMPARE(reply.status, 201);
    const QJsonObject brand = reply.json();
    const QString id = brand.value(u"id"_s).toString();
    QCOMPARE(brand.value(u"name"_s).toString(), u"Wayne"_s);
    QCOMPARE(brand.value(u"description"_s).toString(), u"Gotham's finest"_s);
    QCOMPARE(brand.value(u"active"_s).toBool(), false);
    QVERIFY(!brand.value(u"createdBy"_s).toString().isEmpty());
    const QJsonArray files = brand.value(u"files"_s).toArray();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0)[u"id"_s].toString(), u"logo"_s);
    QCOMPARE(files.at(0)[u"path"_s].toString(), u"/api/v1/brands/%1/files/logo"_s.arg(id));
    QCOMPARE(files.at(0)[u"contentType"_s].toString(), u"image/png"_s);
    QCOMPARE(files.at(1)[u"id"_s].toString(), u"favIcon"_s);
    QVERIFY(!files.at(1)[u"eTag"_s].toString().isEmpty());
    const HttpReply logo = m_sandbox->http().get(m_host, files.at(0)[u"path"_s].toString(), m_token);
    QCOMPARE(logo.status, 200);
    QCOMPARE(logo.body, kPng);
    QCOMPARE(logo.header("content-type"), QByteArray("image/png"));
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/brands/"_s + id, m_token).json(), brand);
    QCOMPARE(m_sandbox->tenantState(u"wayne"_s).value(u"brands"_s).toArray().size(), 1);
    // A JPEG logo is fine too.
    QCOMPARE(create({{"name", {}, {}, "JPEG"}, {"logo", "l.jpg", "image/jpeg", kJpeg}}).status, 201);
}

void TestSandboxBrands::rejectsBadForms_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    const QByteArray mp = "multipart/form-data; boundary=brand-boundary";
    QTest::newRow("no name") << multipart({{"description", {}, {}, "x"}}) << mp;
    QTest::newRow("empty name") << multipart({{"name", {}, {}, "  "}}) << mp;
    QTest::newRow("logo is not an image")
        << multipart({{"name", {}, {}, "x"}, {"logo", "logo.png", "image/png", "GIF89a..."}}) << mp;
    QTest::newRow("logo over 300 KB") << multipart(
        {{"name", {}, {}, "x"}, {"logo", "logo.png", "image/png", kPng + QByteArray(300 * 1024, 'x')}})
                                      << mp;
    QTest::newRow("favIcon is a PNG") << multipart({{"name", {}, {}, "x"}, {"favIcon", "f.ico", "image/x-icon", kPng}})
                                      << mp;
    QTest::newRow("styles not JSON") << multipart(
        {{"name", {}, {}, "x"}, {"styles", "s.json", "application/json", "{"}})
                                     << mp;
    QTest::newRow("not multipart") << QByteArray(R"({"name":"x"})") << QByteArray("application/json");
    QTest::newRow("truncated form") << multipart({{"name", {}, {}, "x"}}).chopped(12) << mp;
}

void TestSandboxBrands::rejectsBadForms()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const HttpReply reply
        = m_sandbox->http().send({"POST", m_host, u"/api/v1/brands"_s, body, contentType, m_token, {}, true});
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.json().value(u"errors"_s).toArray().first().toObject().value(u"detail"_s).toString().isEmpty());
    QVERIFY(m_sandbox->tenantState(u"wayne"_s).value(u"brands"_s).toArray().isEmpty());
}

void TestSandboxBrands::listsWithIdAnchors()
{
    QStringList ids;
    for (int i = 0; i < 7; ++i)
        ids.append(createBrand(u"Brand %1"_s.arg(i)));
    std::sort(ids.begin(), ids.end(), std::greater<>()); // the default sort is -id
    HttpReply page = m_sandbox->http().get(m_host, u"/api/v1/brands"_s, m_token);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json()[u"data"_s].toArray().size(), 5); // the default limit
    QStringList seen;
    while (true) {
        for (const QJsonValue &brand : page.json()[u"data"_s].toArray())
            seen.append(brand[u"id"_s].toString());
        const QString next = page.json()[u"links"_s][u"next"_s][u"href"_s].toString();
        if (next.isEmpty())
            break;
        QVERIFY(next.contains(u"startingAfter="_s));
        page = m_sandbox->http().getUrl(next, m_token);
    }
    QCOMPARE(seen, ids);
    const QJsonArray ascending
        = m_sandbox->http().get(m_host, u"/api/v1/brands?sort=%2Bid&limit=100"_s, m_token).json()[u"data"_s].toArray();
    QCOMPARE(ascending.first()[u"id"_s].toString(), ids.last());
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/brands?sort=name"_s, m_token).status, 400);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/brands?limit=101"_s, m_token).status, 400);
}

void TestSandboxBrands::patchesNameAndDescription()
{
    const QString id = createBrand(u"Before"_s);
    const QString path = u"/api/v1/brands/"_s + id;
    const HttpReply patched = m_sandbox->http().patch(
        m_host, path,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"After"_s}},
                   QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"Described"_s}}},
        m_token);
    QCOMPARE(patched.status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json()[u"name"_s].toString(), u"After"_s);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, path, QJsonArray{QJsonObject{{u"op"_s, u"remove"_s}, {u"path"_s, u"/description"_s}}},
                        m_token)
                 .status,
             204);
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json()[u"description"_s].toString(), QString());
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, path, QJsonArray{QJsonObject{{u"op"_s, u"remove"_s}, {u"path"_s, u"/name"_s}}}, m_token)
                 .status,
             400);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, path,
                        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/active"_s}, {u"value"_s, true}}},
                        m_token)
                 .status,
             400);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, u"/api/v1/brands/nope"_s,
                        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, u"x"_s}}},
                        m_token)
                 .status,
             404);
}

void TestSandboxBrands::onlyOneBrandIsActive()
{
    const QString first = createBrand(u"First"_s);
    const QString second = createBrand(u"Second"_s);
    const HttpReply activated
        = m_sandbox->http().post(m_host, u"/api/v1/brands/%1/actions/activate"_s.arg(first), QJsonObject(), m_token);
    QCOMPARE(activated.status, 200);
    QCOMPARE(activated.json()[u"active"_s].toBool(), true);
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/brands/%1/actions/activate"_s.arg(second), QJsonObject(), m_token)
                 .json()[u"active"_s]
                 .toBool(),
             true);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/brands/"_s + first, m_token).json()[u"active"_s].toBool(), false);
    // Activating the active brand again changes nothing.
    QCOMPARE(m_sandbox->http()
                 .post(m_host, u"/api/v1/brands/%1/actions/activate"_s.arg(second), QJsonObject(), m_token)
                 .status,
             200);
    const HttpReply deactivated
        = m_sandbox->http().post(m_host, u"/api/v1/brands/%1/actions/deactivate"_s.arg(second), QJsonObject(), m_token);
    QCOMPARE(deactivated.status, 200);
    QCOMPARE(deactivated.json()[u"active"_s].toBool(), false);
    QCOMPARE(m_sandbox->http().post(m_host, u"/api/v1/brands/nope/actions/activate"_s, QJsonObject(), m_token).status,
             404);
}

void TestSandboxBrands::activeBrandRedirectsOrIsEmpty()
{
    HttpReply active = m_sandbox->http().get(m_host, u"/api/v1/brands/active"_s, m_token);
    QCOMPARE(active.status, 200); // Qlik's default brand
    QVERIFY(active.json().isEmpty());
    const QString id = createBrand(u"Shown"_s);
    QCOMPARE(
        m_sandbox->http().post(m_host, u"/api/v1/brands/%1/actions/activate"_s.arg(id), QJsonObject(), m_token).status,
        200);
    active = m_sandbox->http().get(m_host, u"/api/v1/brands/active"_s, m_token);
    QCOMPARE(active.status, 301); // the spec's code (the tutorial saw 302)
    QCOMPARE(active.header("location"), (u"/api/v1/brands/"_s + id).toLatin1());
    // Deleting the active brand returns the tenant to the default.
    QCOMPARE(m_sandbox->http().del(m_host, u"/api/v1/brands/"_s + id, m_token).status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/brands/active"_s, m_token).status, 200);
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/brands/"_s + id, m_token).status, 404);
    QCOMPARE(m_sandbox->http().del(m_host, u"/api/v1/brands/"_s + id, m_token).status, 404);
}

void TestSandboxBrands::manageFiles()
{
    const QString id = createBrand(u"Files"_s);
    const QString logoPath = u"/api/v1/brands/%1/files/logo"_s.arg(id);
    const auto sendFile = [&](const QByteArray &method, const QString &path, const QByteArray &content) {
        return m_sandbox->http().send({method,
                                       m_host,
                                       path,
                                       multipart({{"file", "f.bin", {}, content}}),
                                       "multipart/form-data; boundary=brand-boundary",
                                       m_token,
                                       {},
                                       true});
    };
    QCOMPARE(m_sandbox->http().get(m_host, logoPath, m_token).status, 404);
    QCOMPARE(sendFile("PUT", logoPath, kPng).status, 404); // nothing to update yet
    const HttpReply created = sendFile("POST", logoPath, kPng);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json()[u"id"_s].toString(), u"logo"_s);
    QCOMPARE(sendFile("POST", logoPath, kPng).status, 400); // exists: PUT replaces
    const HttpReply replaced = sendFile("PUT", logoPath, kJpeg);
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json()[u"contentType"_s].toString(), u"image/jpeg"_s);
    QVERIFY(replaced.json()[u"eTag"_s] != created.json()[u"eTag"_s]);
    QCOMPARE(m_sandbox->http().get(m_host, logoPath, m_token).body, kJpeg);
    QCOMPARE(sendFile("POST", u"/api/v1/brands/%1/files/styles"_s.arg(id), R"({"color":"#000"})").status, 201);
    QCOMPARE(sendFile("POST", u"/api/v1/brands/%1/files/banner"_s.arg(id), kPng).status, 400);
    QCOMPARE(sendFile("POST", u"/api/v1/brands/nope/files/logo"_s, kPng).status, 404);
    QCOMPARE(m_sandbox->http().del(m_host, logoPath, m_token).status, 204);
    QCOMPARE(m_sandbox->http().del(m_host, logoPath, m_token).status, 404);
    const QJsonArray files
        = m_sandbox->http().get(m_host, u"/api/v1/brands/"_s + id, m_token).json()[u"files"_s].toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first()[u"id"_s].toString(), u"styles"_s);
}

void TestSandboxBrands::endUsersCannotBrand()
{
    const QString id = createBrand(u"Theirs"_s);
    const QByteArray cookie = m_sandbox->endUserSession(m_host, u"portal|visitor"_s);
    QVERIFY(!cookie.isEmpty());
    const auto as = [&](const QByteArray &method, const QString &path) {
        return m_sandbox->http().send({method, m_host, path, {}, {}, {}, {{"Cookie", cookie}}, true});
    };
    QCOMPARE(as("GET", u"/api/v1/brands/"_s + id).status, 200);
    QCOMPARE(as("POST", u"/api/v1/brands/%1/actions/activate"_s.arg(id)).status, 403);
    QCOMPARE(as("DELETE", u"/api/v1/brands/"_s + id).status, 403);
}

QTEST_GUILESS_MAIN(TestSandboxBrands)
#include "tst_sandboxbrands.moc"
