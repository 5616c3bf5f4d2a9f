#include "support/sandboxfixture.h"
#include "support/signingkeypair.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;
using TestSupport::SigningKeyPair;

// /v1/identity-providers (FACTS §4) on the demo seed's customer tenant "tyrell" (fresh, no IdP).
class TestSandboxIdentityProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void createsAJwtIdp();
    void acceptsEveryPublicKeyForm_data();
    void acceptsEveryPublicKeyForm();
    void rejectsBadJwtBodies_data();
    void rejectsBadJwtBodies();
    void tenantIdsWithoutThisTenantIs403();
    void nonAdminsAreRefused();
    void listsWithActiveFilterAndPaging();
    void getsOneOr404();
    void jwtPatchOnlyReplacesTheDescription();
    void patchIsAllOrNothing();
    void oneActiveInteractiveIdpPerTenant();
    void pendingOptionsArePromotedWithTheMatchingHash();
    void statusMetaAndMetadata();
    void deletesAndAudits();

private:
    QJsonObject jwtBody(const QByteArray &pem, const QString &kid = u"key-1"_s) const;
    QJsonObject oidcBody(bool pending) const;
    HttpReply create(const QJsonObject &body);
    QJsonArray idpsInState();

    std::unique_ptr<SandboxFixture> m_sandbox;
    SigningKeyPair m_rsa;
    SigningKeyPair m_ec;
    QString m_host;
    QString m_token;
    QString m_tenantId;
};

void TestSandboxIdentityProviders::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    m_rsa = SigningKeyPair::generate(SigningKeyPair::Kind::Rsa2048);
    m_ec = SigningKeyPair::generate(SigningKeyPair::Kind::EcP256);
    QVERIFY(m_rsa.isValid() && m_ec.isValid());
}

void TestSandboxIdentityProviders::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_host = m_sandbox->hostOf(u"tyrell"_s);
    QVERIFY(!m_host.isEmpty());
    m_tenantId = m_sandbox->tenantState(u"tyrell"_s).value(u"id"_s).toString();
    m_token = m_sandbox->regionToken(m_host);
}

QJsonObject TestSandboxIdentityProviders::jwtBody(const QByteArray &pem, const QString &kid) const
{
    // The body Qlik's configure scripts send (FACTS §4.1).
    return {{u"tenantIds"_s, QJsonArray{m_tenantId}},
            {u"provider"_s, u"external"_s},
            {u"protocol"_s, u"jwtAuth"_s},
            {u"interactive"_s, false},
            {u"active"_s, true},
            {u"description"_s, u"Portal logins"_s},
            {u"options"_s,
             QJsonObject{{u"jwtLoginEnabled"_s, true},
                         {u"issuer"_s, u"https://portal.tyrell.example"_s},
                         {u"staticKeys"_s,
                          QJsonArray{QJsonObject{{u"kid"_s, kid},
                                                 {u"pem"_s, QString::fromLatin1(SigningKeyPair::oneLine(pem))}}}}}}};
}

QJsonObject TestSandboxIdentityProviders::oidcBody(bool pending) const
{
    const QJsonObject options{
        {u"discoveryUrl"_s, u"https://login.microsoftonline.com/dir/v2.0/.well-known/openid-configuration"_s},
        {u"clientId"_s, u"app-id"_s},
        {u"clientSecret"_s, u"very-secret-value"_s},
        {u"realm"_s, u"tyrell.example"_s},
        {u"claimsMapping"_s, QJsonObject{{u"sub"_s, QJsonArray{u"sub"_s}}, {u"email"_s, QJsonArray{u"email"_s}}}},
        {u"emailVerifiedAlwaysTrue"_s, true}};
    QJsonObject body{{u"tenantIds"_s, QJsonArray{m_tenantId}},
                     {u"provider"_s, u"azureAD"_s},
                     {u"protocol"_s, u"OIDC"_s},
                     {u"interactive"_s, true},
                     {u"description"_s, u"Entra ID"_s}};
    if (pending) {
        body.insert(u"pendingOptions"_s, options);
    } else {
        body.insert(u"options"_s, options);
        body.insert(u"skipVerify"_s, true);
    }
    return body;
}

HttpReply TestSandboxIdentityProviders::create(const QJsonObject &body)
{
    return m_sandbox->http().post(m_host, u"/api/v1/identity-providers"_s, body, m_token);
}

QJsonArray TestSandboxIdentityProviders::idpsInState()
{
    return m_sandbox->tenantState(u"tyrell"_s).value(u"identityProviders"_s).toArray();
}

void TestSandboxIdentityProviders::createsAJwtIdp()
{
    const HttpReply reply = create(jwtBody(m_rsa.publicKeyPem()));
    QCOMPARE(reply.status, 201);
    const QJsonObject idp = reply.json();
    QCOMPARE(idp.value(u"protocol"_s).toString(), u"jwtAuth"_s);
    QCOMPARE(idp.value(u"provider"_s).toString(), u"external"_s);
    QCOMPARE(idp.value(u"interactive"_s).toBool(), false);
    QCOMPARE(idp.value(u"active"_s).toBool(), true);
    QCOMPARE(idp.value(u"clockToleranceSec"_s).toInt(), 5); // the spec's default
    QCOMPARE(idp.value(u"createNewUsersOnLogin"_s).toBool(), true);
    QCOMPARE(idp.value(u"tenantIds"_s).toArray(), QJsonArray{m_tenantId});
    const QJsonObject options = idp.value(u"options"_s).toObject();
    QCOMPARE(options.value(u"issuer"_s).toString(), u"https://portal.tyrell.example"_s);
    const QJsonArray keys = options.value(u"staticKeys"_s).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().toObject().value(u"kid"_s).toString(), u"key-1"_s);
    // QLIK-IDP-POPTS is a uuid (spec components/headers/qlikIdpPopts).
    QVERIFY2(QRegularExpression(u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s)
                 .match(QString::fromLatin1(reply.header("qlik-idp-popts")))
                 .hasMatch(),
             reply.header("qlik-idp-popts").constData());
    const QJsonArray state = idpsInState();
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.first().toObject().value(u"id"_s).toString(), idp.value(u"id"_s).toString());
    QCOMPARE(state.first().toObject().value(u"keyIds"_s).toArray(), QJsonArray{u"key-1"_s});
}

void TestSandboxIdentityProviders::acceptsEveryPublicKeyForm_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<bool>("oneLine");
    QTest::newRow("SPKI on one line") << m_rsa.publicKeyPem() << true;
    QTest::newRow("SPKI with line breaks") << m_rsa.publicKeyPem() << false;
    QTest::newRow("PKCS#1 RSA PUBLIC KEY") << m_rsa.rsaPublicKeyPem() << true;
    QTest::newRow("certificate") << m_rsa.certificatePem() << true;
    QTest::newRow("EC P-256") << m_ec.publicKeyPem() << true;
    QTest::newRow("EC certificate") << m_ec.certificatePem() << true;
}

void TestSandboxIdentityProviders::acceptsEveryPublicKeyForm()
{
    QFETCH(QByteArray, pem);
    QFETCH(bool, oneLine);
    QVERIFY(!pem.isEmpty());
    QJsonObject body = jwtBody(pem);
    if (!oneLine) {
        QJsonObject options = body.value(u"options"_s).toObject();
        options.insert(u"staticKeys"_s,
                       QJsonArray{QJsonObject{{u"kid"_s, u"key-1"_s}, {u"pem"_s, QString::fromLatin1(pem)}}});
        body.insert(u"options"_s, options);
    }
    QCOMPARE(create(body).status, 201);
}

void TestSandboxIdentityProviders::rejectsBadJwtBodies_data()
{
    QTest::addColumn<QString>("change"); // what to break, interpreted below
    QTest::addColumn<QString>("pointer");
    QTest::newRow("no protocol") << u"protocol"_s << u"/protocol"_s;
    QTest::newRow("okta is no jwtAuth provider") << u"provider"_s << u"/provider"_s;
    QTest::newRow("no options") << u"options"_s << u"/options"_s;
    QTest::newRow("no issuer") << u"issuer"_s << u"/options/issuer"_s;
    QTest::newRow("no keys") << u"no-keys"_s << u"/options/staticKeys"_s;
    QTest::newRow("two keys") << u"two-keys"_s << u"/options/staticKeys"_s;
    QTest::newRow("key without kid") << u"kid"_s << u"/options/staticKeys/0/kid"_s;
    QTest::newRow("key without pem") << u"pem"_s << u"/options/staticKeys/0/pem"_s;
    QTest::newRow("pem is garbage") << u"garbage"_s << u"/options/staticKeys/0/pem"_s;
    QTest::newRow("pem base64 damaged") << u"damaged"_s << u"/options/staticKeys/0/pem"_s;
    QTest::newRow("pem is a private key") << u"private"_s << u"/options/staticKeys/0/pem"_s;
    QTest::newRow("interactive jwt") << u"interactive"_s << u"/interactive"_s;
    QTest::newRow("description too long") << u"description"_s << u"/description"_s;
    QTest::newRow("clock tolerance too large") << u"tolerance"_s << u"/clockToleranceSec"_s;
    QTest::newRow("tenantIds not strings") << u"tenantIds"_s << u"/tenantIds"_s;
}

void TestSandboxIdentityProviders::rejectsBadJwtBodies()
{
    QFETCH(QString, change);
    QFETCH(QString, pointer);
    QJsonObject body = jwtBody(m_rsa.publicKeyPem());
    QJsonObject options = body.value(u"options"_s).toObject();
    QJsonObject key = options.value(u"staticKeys"_s).toArray().first().toObject();
    if (change == "protocol"_L1) {
        body.remove(u"protocol"_s);
    } else if (change == "provider"_L1) {
        body.insert(u"provider"_s, u"okta"_s);
    } else if (change == "options"_L1) {
        body.remove(u"options"_s);
    } else if (change == "issuer"_L1) {
        options.remove(u"issuer"_s);
    } else if (change == "no-keys"_L1) {
        options.insert(u"staticKeys"_s, QJsonArray());
    } else if (change == "two-keys"_L1) {
        options.insert(u"staticKeys"_s, QJsonArray{key, key});
    } else if (change == "kid"_L1) {
        key.remove(u"kid"_s);
    } else if (change == "pem"_L1) {
        key.remove(u"pem"_s);
    } else if (change == "garbage"_L1) {
        key.insert(u"pem"_s, u"not a pem at all"_s);
    } else if (change == "damaged"_L1) {
        key.insert(u"pem"_s,
                   u"-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA-----END PUBLIC KEY-----"_s);
    } else if (change == "private"_L1) {
        key.insert(u"pem"_s, QString::fromLatin1(SigningKeyPair::oneLine(m_rsa.privateKeyPem())));
    } else if (change == "interactive"_L1) {
        body.insert(u"interactive"_s, true);
    } else if (change == "description"_L1) {
        body.insert(u"description"_s, QString(129, u'x'));
    } else if (change == "tolerance"_L1) {
        body.insert(u"clockToleranceSec"_s, 7201);
    } else if (change == "tenantIds"_L1) {
        body.insert(u"tenantIds"_s, QJsonArray{1, 2});
    }
    if (change == "kid"_L1 || change == "pem"_L1 || change == "garbage"_L1 || change == "damaged"_L1
        || change == "private"_L1)
        options.insert(u"staticKeys"_s, QJsonArray{key});
    if (body.contains(u"options"_s))
        body.insert(u"options"_s, options);

    const HttpReply reply = create(body);
    QCOMPARE(reply.status, 400);
    const QJsonObject error = reply.json().value(u"errors"_s).toArray().first().toObject();
    QCOMPARE(error.value(u"status"_s).toString(), u"400"_s);
    QCOMPARE(error.value(u"source"_s).toObject().value(u"pointer"_s).toString(), pointer);
    QVERIFY(!error.value(u"detail"_s).toString().isEmpty());
    if (change == "private"_L1) {
        QVERIFY(error.value(u"detail"_s).toString().contains(u"private key"_s));
        QVERIFY(!reply.body.contains("PRIVATE KEY-----M")); // the key is never echoed
    }
    QVERIFY(idpsInState().isEmpty());
}

void TestSandboxIdentityProviders::tenantIdsWithoutThisTenantIs403()
{
    QJsonObject body = jwtBody(m_rsa.publicKeyPem());
    body.insert(u"tenantIds"_s, QJsonArray{u"AnotherTenantIdOfThirtyTwoChars_"_s});
    const HttpReply reply = create(body);
    QCOMPARE(reply.status, 403);
    QVERIFY(idpsInState().isEmpty());
    // Without tenantIds the IdP belongs to the token's tenant.
    body.remove(u"tenantIds"_s);
    const HttpReply created = create(body);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().value(u"tenantIds"_s).toArray(), QJsonArray{m_tenantId});
}

void TestSandboxIdentityProviders::nonAdminsAreRefused()
{
    const QByteArray cookie = m_sandbox->endUserSession(m_host, u"portal|plain-user"_s);
    QVERIFY(!cookie.isEmpty());
    const auto asUser = [&](const QByteArray &method, const QString &path, const QJsonObject &body = {}) {
        HttpCall call{method, m_host, path, {}, {}, {}, {{"Cookie", cookie}}, true};
        if (!body.isEmpty()) {
            call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            call.contentType = "application/json";
        }
        return m_sandbox->http().send(call);
    };
    QCOMPARE(asUser("POST", u"/api/v1/identity-providers"_s, jwtBody(m_ec.publicKeyPem(), u"other"_s)).status, 403);
    QCOMPARE(asUser("GET", u"/api/v1/identity-providers"_s).status, 403);
    QCOMPARE(asUser("GET", u"/api/v1/identity-providers/status"_s).status, 403);
    // The default login's metadata is for everyone.
    QCOMPARE(asUser("GET", u"/api/v1/identity-providers/me/meta"_s).status, 200);
}

void TestSandboxIdentityProviders::listsWithActiveFilterAndPaging()
{
    QCOMPARE(create(jwtBody(m_rsa.publicKeyPem(), u"a"_s)).status, 201);
    QJsonObject inactive = jwtBody(m_ec.publicKeyPem(), u"b"_s);
    inactive.insert(u"active"_s, false);
    QCOMPARE(create(inactive).status, 201);
    QCOMPARE(create(oidcBody(true)).status, 201); // pending: inactive

    const HttpReply all = m_sandbox->http().get(m_host, u"/api/v1/identity-providers"_s, m_token);
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json().value(u"data"_s).toArray().size(), 3);
    const HttpReply active = m_sandbox->http().get(m_host, u"/api/v1/identity-providers?active=true"_s, m_token);
    QCOMPARE(active.json().value(u"data"_s).toArray().size(), 1);
    const HttpReply inactiveOnes = m_sandbox->http().get(m_host, u"/api/v1/identity-providers?active=false"_s, m_token);
    QCOMPARE(inactiveOnes.json().value(u"data"_s).toArray().size(), 2);

    QStringList seen;
    HttpReply page = m_sandbox->http().get(m_host, u"/api/v1/identity-providers?limit=1"_s, m_token);
    while (true) {
        QCOMPARE(page.status, 200);
        const QJsonArray data = page.json().value(u"data"_s).toArray();
        QCOMPARE(data.size(), 1);
        seen.append(data.first().toObject().value(u"id"_s).toString());
        const QString next = page.json()[u"links"_s][u"next"_s][u"href"_s].toString();
        if (next.isEmpty())
            break;
        QVERIFY(next.startsWith(u"https://"_s + m_host + u"/api/v1/identity-providers?"_s));
        page = m_sandbox->http().getUrl(next, m_token);
    }
    QCOMPARE(seen.size(), 3);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 3);

    for (const QString &query : {u"active=yes"_s, u"limit=0"_s, u"limit=101"_s, u"next=not-a-cursor"_s})
        QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/identity-providers?"_s + query, m_token).status, 400);
}

void TestSandboxIdentityProviders::getsOneOr404()
{
    const HttpReply created = create(jwtBody(m_rsa.publicKeyPem()));
    const QString id = created.json().value(u"id"_s).toString();
    const HttpReply reply = m_sandbox->http().get(m_host, u"/api/v1/identity-providers/"_s + id, m_token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), created.json());
    QCOMPARE(reply.header("qlik-idp-popts"), created.header("qlik-idp-popts"));
    const HttpReply missing = m_sandbox->http().get(m_host, u"/api/v1/identity-providers/nope"_s, m_token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(u"errors"_s).toArray().first().toObject().value(u"status"_s).toString(), u"404"_s);
}

void TestSandboxIdentityProviders::jwtPatchOnlyReplacesTheDescription()
{
    const QString id = create(jwtBody(m_rsa.publicKeyPem())).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/identity-providers/"_s + id;
    const HttpReply ok = m_sandbox->http().patch(
        m_host, path,
        QJsonArray{
            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"Rotated soon"_s}}},
        m_token);
    QCOMPARE(ok.status, 204);
    QVERIFY(ok.body.isEmpty());
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json().value(u"description"_s).toString(), u"Rotated soon"_s);
    // Key rotation is a new IdP (FACTS §4.1): everything else is refused.
    const QJsonArray refused[] = {
        {QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/active"_s}, {u"value"_s, false}}},
        {QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/options"_s}, {u"value"_s, QJsonObject()}}},
        {QJsonObject{{u"op"_s, u"promote-options"_s}}},
        {QJsonObject{{u"op"_s, u"add"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"x"_s}}},
    };
    for (const QJsonArray &body : refused)
        QCOMPARE(m_sandbox->http().patch(m_host, path, body, m_token).status, 400);
    QCOMPARE(m_sandbox->http().patch(m_host, path, QJsonObject{{u"op"_s, u"replace"_s}}, m_token).status, 400);
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, u"/api/v1/identity-providers/nope"_s,
                        QJsonArray{
                            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"x"_s}}},
                        m_token)
                 .status,
             404);
}

void TestSandboxIdentityProviders::patchIsAllOrNothing()
{
    const QString id = create(oidcBody(false)).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/identity-providers/"_s + id;
    const HttpReply reply = m_sandbox->http().patch(
        m_host, path,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"changed"_s}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/clockToleranceSec"_s}, {u"value"_s, 9000}}},
        m_token);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json()[u"errors"_s][0][u"source"_s][u"pointer"_s].toString(), u"/1/value"_s);
    QCOMPARE(m_sandbox->http().get(m_host, path, m_token).json().value(u"description"_s).toString(), u"Entra ID"_s);
}

void TestSandboxIdentityProviders::oneActiveInteractiveIdpPerTenant()
{
    const HttpReply first = create(oidcBody(false));
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json().value(u"active"_s).toBool(), true); // options + skipVerify activates at once
    QVERIFY(!first.body.contains("very-secret-value")); // client secrets are never shown
    const QString firstId = first.json().value(u"id"_s).toString();

    const HttpReply second = create(oidcBody(false));
    QCOMPARE(second.status, 400);
    QVERIFY(second.json()[u"errors"_s][0][u"detail"_s].toString().contains(firstId));
    // A pending one may exist next to it, but cannot be activated.
    const HttpReply pending = create(oidcBody(true));
    QCOMPARE(pending.status, 201);
    QCOMPARE(pending.json().value(u"active"_s).toBool(), false);

    // The active interactive IdP cannot be deleted (spec DELETE 400).
    const QString firstPath = u"/api/v1/identity-providers/"_s + firstId;
    QCOMPARE(m_sandbox->http().del(m_host, firstPath, m_token).status, 400);
    const QJsonArray deactivate{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/active"_s}, {u"value"_s, false}}};
    QCOMPARE(m_sandbox->http().patch(m_host, firstPath, deactivate, m_token).status, 204);
    QCOMPARE(m_sandbox->http().del(m_host, firstPath, m_token).status, 204);
    QCOMPARE(m_sandbox->http().get(m_host, firstPath, m_token).status, 404);
    // Without a required field the OIDC body is refused.
    QJsonObject noMapping = oidcBody(false);
    QJsonObject options = noMapping.value(u"options"_s).toObject();
    options.remove(u"claimsMapping"_s);
    noMapping.insert(u"options"_s, options);
    QCOMPARE(create(noMapping).json()[u"errors"_s][0][u"source"_s][u"pointer"_s].toString(),
             u"/options/claimsMapping"_s);
    QJsonObject unverified = oidcBody(false);
    unverified.remove(u"skipVerify"_s);
    QCOMPARE(create(unverified).status, 400);
}

void TestSandboxIdentityProviders::pendingOptionsArePromotedWithTheMatchingHash()
{
    const HttpReply created = create(oidcBody(true));
    QCOMPARE(created.status, 201);
    const QJsonObject idp = created.json();
    QCOMPARE(idp.value(u"pendingState"_s).toString(), u"pending"_s);
    QVERIFY(idp.contains(u"pendingOptions"_s));
    QVERIFY(!idp.value(u"pendingOptions"_s).toObject().contains(u"clientSecret"_s));
    QVERIFY(!idp.contains(u"options"_s));
    const QByteArray hash = created.header("qlik-idp-popts");
    QVERIFY(!hash.isEmpty());
    const QString path = u"/api/v1/identity-providers/"_s + idp.value(u"id"_s).toString();
    const QJsonArray promote{QJsonObject{{u"op"_s, u"promote-options"_s}}};

    // Activating before promotion is refused: nothing verified yet.
    const QJsonArray activate{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/active"_s}, {u"value"_s, true}}};
    QCOMPARE(m_sandbox->http().patch(m_host, path, activate, m_token).status, 400);

    const auto patchWith = [&](const QByteArray &match, const QJsonArray &body) {
        HttpCall call{"PATCH", m_host, path, QJsonDocument(body).toJson(), "application/json", m_token, {}, true};
        if (!match.isNull())
            call.headers.append({"QLIK-IDP-POPTS-MATCH", match});
        return m_sandbox->http().send(call);
    };
    QCOMPARE(patchWith({}, promote).status, 412);
    QCOMPARE(patchWith("00000000-0000-5000-8000-000000000000", promote).status, 412);
    // Changing the pending options changes the hash: the old one no longer promotes.
    const QJsonArray realm{
        QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/pendingOptions/realm"_s}, {u"value"_s, u"tyrell2"_s}}};
    QCOMPARE(patchWith({}, realm).status, 204);
    QCOMPARE(patchWith(hash, promote).status, 412);
    const QByteArray fresh = m_sandbox->http().get(m_host, path, m_token).header("qlik-idp-popts");
    QVERIFY(fresh != hash);

    QJsonArray promoteAndActivate = promote;
    promoteAndActivate.append(activate.first());
    QCOMPARE(patchWith(fresh, promoteAndActivate).status, 204);
    const QJsonObject after = m_sandbox->http().get(m_host, path, m_token).json();
    QCOMPARE(after.value(u"active"_s).toBool(), true);
    QCOMPARE(after.value(u"pendingState"_s).toString(), u"verified"_s);
    QCOMPARE(after.value(u"options"_s).toObject().value(u"realm"_s).toString(), u"tyrell2"_s);
    QVERIFY(!after.contains(u"pendingOptions"_s));
}

void TestSandboxIdentityProviders::statusMetaAndMetadata()
{
    HttpReply status = m_sandbox->http().get(m_host, u"/api/v1/identity-providers/status"_s, m_token);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(u"active_interactive_idps_count"_s).toInt(), 0);
    HttpReply meta = m_sandbox->http().get(m_host, u"/api/v1/identity-providers/me/meta"_s, m_token);
    QCOMPARE(meta.status, 200);
    QVERIFY(meta.json().value(u"userPortalLink"_s).toString().startsWith(u"https://"_s));

    QCOMPARE(create(jwtBody(m_rsa.publicKeyPem())).status, 201);
    QCOMPARE(create(oidcBody(false)).status, 201);
    status = m_sandbox->http().get(m_host, u"/api/v1/identity-providers/status"_s, m_token);
    QCOMPARE(status.json().value(u"active_interactive_idps_count"_s).toInt(), 1);
    const QJsonArray metadata = status.json().value(u"idps_metadata"_s).toArray();
    QCOMPARE(metadata.size(), 2);
    QCOMPARE(metadata.at(1).toObject(),
             (QJsonObject{{u"active"_s, true}, {u"provider"_s, u"azureAD"_s}, {u"interactive"_s, true}}));
    // With an interactive IdP active, the default IdP's metadata is gone.
    QCOMPARE(m_sandbox->http().get(m_host, u"/api/v1/identity-providers/me/meta"_s, m_token).status, 404);

    const HttpReply wellKnown
        = m_sandbox->http().get(m_host, u"/api/v1/identity-providers/.well-known/metadata.json"_s, m_token);
    QCOMPARE(wellKnown.status, 200);
    QCOMPARE(wellKnown.json()[u"protocols"_s][u"jwtAuth"_s][u"maxStaticKeys"_s].toInt(), 1);
}

void TestSandboxIdentityProviders::deletesAndAudits()
{
    const qint64 auditsBefore = m_sandbox->tenantState(u"tyrell"_s).value(u"auditCount"_s).toInteger();
    const QString id = create(jwtBody(m_rsa.publicKeyPem())).json().value(u"id"_s).toString();
    const QString path = u"/api/v1/identity-providers/"_s + id;
    QCOMPARE(m_sandbox->http()
                 .patch(m_host, path,
                        QJsonArray{
                            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/description"_s}, {u"value"_s, u"x"_s}}},
                        m_token)
                 .status,
             204);
    const HttpReply deleted = m_sandbox->http().del(m_host, path, m_token);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(m_sandbox->http().del(m_host, path, m_token).status, 404);
    QVERIFY(idpsInState().isEmpty());
    // created, updated, deleted
    QCOMPARE(m_sandbox->tenantState(u"tyrell"_s).value(u"auditCount"_s).toInteger(), auditsBefore + 3);
}

QTEST_GUILESS_MAIN(TestSandboxIdentityProviders)
#include "tst_sandboxidentityproviders.moc"
