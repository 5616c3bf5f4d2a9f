#include "support/sandboxfixture.h"
#include "support/signingkeypair.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;
using TestSupport::SigningKeyPair;

// Qlik's Platform Operations tutorials "configure a tenant", "add custom themes and extensions" and
// "brand a tenant" (FACTS §15 rows 4, 6, 7; §16 steps 9-15) as plain HTTP calls against the sandbox,
// step by step with the codes Qlik's Postman collection asserts, on the demo seed's fresh "wayne".
class TestSandboxConfigureTutorial : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void configureThemeAndBrandATenant();

private:
    HttpReply upload(const QString &host, const QString &path, const QByteArray &fileName, const QByteArray &zip,
                     const QString &token);

    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestSandboxConfigureTutorial::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
}

HttpReply TestSandboxConfigureTutorial::upload(const QString &host, const QString &path, const QByteArray &fileName,
                                               const QByteArray &zip, const QString &token)
{
    // curl -F "file=@<name>.zip"
    const QByteArray body = "--------------------------tutorial\r\nContent-Disposition: form-data; name=\"file\"; "
                            "filename=\""
        + fileName + "\"\r\nContent-Type: application/zip\r\n\r\n" + zip
        + "\r\n--------------------------tutorial--\r\n";
    return m_sandbox->http().send(
        {"POST", host, path, body, "multipart/form-data; boundary=------------------------tutorial", token, {}, true});
}

void TestSandboxConfigureTutorial::configureThemeAndBrandATenant()
{
    auto &http = m_sandbox->http();
    const QString source = m_sandbox->hostOf(u"acme-source"_s);
    const QString target = m_sandbox->hostOf(u"wayne"_s);
    const QString client = u"sandbox-region-"_s + target.section(u'.', 1, 1);

    // Tokens for the source and the target tenant with the region client (steps 1, 5).
    const QString sourceToken = http.token(source, u"sandbox-region-eu"_s, u"sandbox-region-eu-secret"_s);
    const QString token = http.token(target, client, client + u"-secret"_s);
    const HttpReply me = http.get(target, u"/api/v1/users/me"_s, token);
    QCOMPARE(me.status, 301);
    const QString tenantId
        = http.get(target, QString::fromLatin1(me.header("location")), token).json()[u"tenantId"_s].toString();
    QVERIFY(!tenantId.isEmpty());

    // 9. Group settings: create groups from the IdP and keep them in sync.
    HttpReply reply = http.patch(
        target, u"/api/v1/groups/settings"_s,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/autoCreateGroups"_s}, {u"value"_s, true}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/syncIdpGroups"_s}, {u"value"_s, true}}},
        token);
    QCOMPARE(reply.status, 204);
    // 10. License settings for embedded users.
    reply = http.put(target, u"/api/v1/licenses/settings"_s,
                     QJsonObject{{u"autoAssignProfessional"_s, false}, {u"autoAssignAnalyzer"_s, true}}, token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"autoAssignAnalyzer"_s].toBool(), true);

    // 11. The JWT identity provider, key and PEM on one line (tenant_configure.sh configure_jwt_idp).
    const SigningKeyPair key = SigningKeyPair::generate(SigningKeyPair::Kind::Rsa2048);
    reply = http.post(
        target, u"/api/v1/identity-providers"_s,
        QJsonObject{
            {u"tenantIds"_s, QJsonArray{tenantId}},
            {u"provider"_s, u"external"_s},
            {u"protocol"_s, u"jwtAuth"_s},
            {u"interactive"_s, false},
            {u"active"_s, true},
            {u"description"_s, u"IdP for the Wayne portal"_s},
            {u"options"_s,
             QJsonObject{{u"jwtLoginEnabled"_s, true},
                         {u"issuer"_s, u"https://portal.wayne.example"_s},
                         {u"staticKeys"_s,
                          QJsonArray{QJsonObject{
                              {u"kid"_s, u"wayne-2025"_s},
                              {u"pem"_s, QString::fromLatin1(SigningKeyPair::oneLine(key.publicKeyPem()))}}}}}}},
        token);
    QCOMPARE(reply.status, 201);

    // 12. The consumer group, then its roles.
    reply = http.post(target, u"/api/v1/groups"_s, QJsonObject{{u"name"_s, u"Wayne Analytics Consumers"_s}}, token);
    QCOMPARE(reply.status, 201);
    const QString groupId = reply.json()[u"id"_s].toString();

    // 13. A shared staging space and a managed production space.
    reply = http.post(
        target, u"/api/v1/spaces"_s,
        QJsonObject{{u"name"_s, u"Staging"_s}, {u"type"_s, u"shared"_s}, {u"description"_s, u"Staged apps"_s}}, token);
    QCOMPARE(reply.status, 201);
    reply = http.post(target, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, u"Production"_s}, {u"type"_s, u"managed"_s}},
                      token);
    QCOMPARE(reply.status, 201);
    const QString productionId = reply.json()[u"id"_s].toString();

    // 14. The group consumes the managed space.
    reply = http.post(
        target, u"/api/v1/spaces/%1/assignments"_s.arg(productionId),
        QJsonObject{{u"type"_s, u"group"_s}, {u"assigneeId"_s, groupId}, {u"roles"_s, QJsonArray{u"consumer"_s}}},
        token);
    QCOMPARE(reply.status, 201);

    // 15 / tutorial 6. CSP origin for the extension's assets, then the extension and the theme
    // exported from the source tenant and imported to the target.
    reply = http.post(target, u"/api/v1/csp-origins"_s,
                      QJsonObject{{u"origin"_s, u"https://cdn.wayne.example"_s},
                                  {u"name"_s, u"Wayne CDN"_s},
                                  {u"description"_s, u"Images and scripts of the KPI card"_s},
                                  {u"imgSrc"_s, true},
                                  {u"scriptSrc"_s, true},
                                  {u"styleSrc"_s, true}},
                      token);
    QCOMPARE(reply.status, 201);
    for (const auto &[family, name] :
         QList<std::pair<QString, QString>>{{u"extensions"_s, u"kpi-card"_s}, {u"themes"_s, u"acme-corporate"_s}}) {
        const HttpReply exported = http.get(source, u"/api/v1/%1/%2/file"_s.arg(family, name), sourceToken);
        QCOMPARE(exported.status, 200);
        reply = upload(target, u"/api/v1/"_s + family, name.toLatin1() + ".zip", exported.body, token);
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json()[u"qextFilename"_s].toString(), name);
        // Re-deploying the same package is a 409; PATCH replaces it (FACTS §9.1).
        QCOMPARE(upload(target, u"/api/v1/"_s + family, name.toLatin1() + ".zip", exported.body, token).status, 409);
    }

    // Tutorial 7: brand the tenant (logo PNG, favicon ICO), activate it, read the active brand.
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const QByteArray ico = QByteArray("\0\0\x01\0\x01\0\x10\x10\0\0", 10);
    const QByteArray brandForm
        = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nWayne\r\n"
          "--b\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nWayne Enterprises\r\n"
          "--b\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\nContent-Type: "
          "image/png\r\n\r\n"
        + png
        + "\r\n--b\r\nContent-Disposition: form-data; name=\"favIcon\"; filename=\"favicon.ico\"\r\n"
          "Content-Type: image/x-icon\r\n\r\n"
        + ico + "\r\n--b--\r\n";
    reply = http.send(
        {"POST", target, u"/api/v1/brands"_s, brandForm, "multipart/form-data; boundary=b", token, {}, true});
    QCOMPARE(reply.status, 201);
    const QString brandId = reply.json()[u"id"_s].toString();
    QCOMPARE(reply.json()[u"active"_s].toBool(), false);
    reply = http.post(target, u"/api/v1/brands/%1/actions/activate"_s.arg(brandId), QJsonObject(), token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"active"_s].toBool(), true);
    reply = http.get(target, u"/api/v1/brands/active"_s, token);
    QCOMPARE(reply.status, 301);
    QCOMPARE(http.get(target, QString::fromLatin1(reply.header("location")), token).json()[u"id"_s].toString(),
             brandId);
    reply = http.post(target, u"/api/v1/brands/%1/actions/deactivate"_s.arg(brandId), QJsonObject(), token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(http.get(target, u"/api/v1/brands/active"_s, token).status, 200);

    // The configured tenant at work: a portal user of the consumer group logs in with a JWT and
    // sees the managed space (the onboarding's final check).
    const qint64 now = m_sandbox->now().toSecsSinceEpoch();
    const QByteArray jwt = key.sign({{u"alg"_s, u"RS256"_s}, {u"kid"_s, u"wayne-2025"_s}, {u"typ"_s, u"JWT"_s}},
                                    {{u"iss"_s, u"https://portal.wayne.example"_s},
                                     {u"aud"_s, u"qlik.api/login/jwt-session"_s},
                                     {u"sub"_s, u"portal|lucius"_s},
                                     {u"subType"_s, u"user"_s},
                                     {u"name"_s, u"Lucius Fox"_s},
                                     {u"email"_s, u"lucius@wayne.example"_s},
                                     {u"email_verified"_s, true},
                                     {u"jti"_s, u"tutorial-1"_s},
                                     {u"iat"_s, now},
                                     {u"nbf"_s, now},
                                     {u"exp"_s, now + 300},
                                     {u"groups"_s, QJsonArray{u"Wayne Analytics Consumers"_s}}});
    reply = http.send({"POST", target, u"/login/jwt-session"_s, {}, {}, QString::fromLatin1(jwt), {}, true});
    QCOMPARE(reply.status, 200);
    const QString cookie = QRegularExpression(u"eas\\.sid=([A-Za-z0-9]+)"_s)
                               .match(QString::fromLatin1(reply.header("set-cookie")))
                               .captured(0);
    QVERIFY(!cookie.isEmpty());
    reply = http.send({"GET", target, u"/api/v1/spaces"_s, {}, {}, {}, {{"Cookie", cookie.toLatin1()}}, true});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"data"_s].toArray().size(), 1);
    QCOMPARE(reply.json()[u"data"_s][0][u"id"_s].toString(), productionId);

    // What the state dump says happened, once each.
    const QJsonObject state = m_sandbox->tenantState(u"wayne"_s);
    QCOMPARE(state[u"identityProviders"_s].toArray().size(), 1);
    QCOMPARE(state[u"cspOrigins"_s].toArray().size(), 1);
    QCOMPARE(state[u"extensions"_s].toArray().size(), 1);
    QCOMPARE(state[u"themes"_s].toArray().size(), 1);
    QCOMPARE(state[u"brands"_s].toArray().size(), 1);
    QCOMPARE(state[u"groupSettings"_s][u"autoCreateGroups"_s].toBool(), true);
}

QTEST_GUILESS_MAIN(TestSandboxConfigureTutorial)
#include "tst_sandboxconfiguretutorial.moc"
