#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using TestSupport::HttpCall;
using TestSupport::HttpReply;
using TestSupport::SandboxFixture;

// Qlik's platform-operations tutorial (FACTS §15) as the plain HTTP calls of FACTS §16, step by
// step against the demo seed: create a tenant, add an interactive user, configure it (group
// settings, license settings, a group, staging and production spaces, the group's assignment),
// give the bot access to the source's staging space, then delete (deactivate) and restore the
// tenant. Steps of the other resource families (identity provider, content, automations) join
// this flow as those families land.
class TestSandboxTutorial : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void platformOperationsFlow();

private:
    std::unique_ptr<SandboxFixture> m_sandbox;
};

void TestSandboxTutorial::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
}

void TestSandboxTutorial::platformOperationsFlow()
{
    auto &http = m_sandbox->http();
    const QString clientId = u"sandbox-region-eu"_s;
    const QString secret = u"sandbox-region-eu-secret"_s;
    const QString source = u"acme-source.eu.qlikcloud.com"_s; // S, through its alias
    const QString registerHost = u"register.eu.qlikcloud.com"_s; // R

    // 1-2. Token on the source tenant, its license key.
    const QString sourceToken = http.token(source, clientId, secret);
    HttpReply reply = http.get(source, u"/api/v1/licenses/overview"_s, sourceToken);
    QCOMPARE(reply.status, 200);
    const QString licenseKey = reply.json().value(u"licenseKey"_s).toString();
    QVERIFY(!licenseKey.isEmpty());

    // 3-4. Token on the register host, create the tenant.
    const QString registerToken = http.token(registerHost, clientId, secret);
    reply = http.post(registerHost, u"/api/v1/tenants"_s, QJsonObject{{u"licenseKey"_s, licenseKey}}, registerToken);
    QCOMPARE(reply.status, 201);
    const QString tenantId = reply.json().value(u"id"_s).toString();
    const QString target = reply.json().value(u"hostnames"_s).toArray().first().toString(); // T

    // 5-6. Token on the new tenant (creates the bot), /users/me through its 301.
    const QString targetToken = http.token(target, clientId, secret);
    reply = http.get(target, u"/api/v1/users/me"_s, targetToken);
    QCOMPARE(reply.status, 301);
    reply = http.get(target, QString::fromLatin1(reply.header("location")), targetToken);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"tenantId"_s).toString(), tenantId);
    const QString botId = reply.json().value(u"id"_s).toString();

    // 7-8. The service account owner's user from the source, recreated on the target as TenantAdmin.
    reply = http.get(
        source,
        u"/api/v1/users?filter="_s
            + QString::fromLatin1(QUrl::toPercentEncoding(u"email eq \"alex.morgan@acme-analytics.example\""_s)),
        sourceToken);
    QCOMPARE(reply.status, 200);
    const QJsonObject sao = reply.json().value(u"data"_s).toArray().first().toObject();
    reply = http.post(target, u"/api/v1/users"_s,
                      QJsonObject{{u"name"_s, sao.value(u"name"_s)},
                                  {u"email"_s, sao.value(u"email"_s)},
                                  {u"subject"_s, sao.value(u"subject"_s)},
                                  {u"status"_s, u"active"_s},
                                  {u"assignedRoles"_s, QJsonArray{QJsonObject{{u"name"_s, u"TenantAdmin"_s}}}}},
                      targetToken);
    QCOMPARE(reply.status, 201);
    QVERIFY(reply.json().value(u"id"_s).toString() != sao.value(u"id"_s).toString());

    // 9. Group settings.
    reply = http.patch(
        target, u"/api/v1/groups/settings"_s,
        QJsonArray{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/autoCreateGroups"_s}, {u"value"_s, true}},
                   QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/syncIdpGroups"_s}, {u"value"_s, true}}},
        targetToken);
    QCOMPARE(reply.status, 204);

    // 10. License settings.
    reply = http.put(target, u"/api/v1/licenses/settings"_s,
                     QJsonObject{{u"autoAssignProfessional"_s, false}, {u"autoAssignAnalyzer"_s, true}}, targetToken);
    QCOMPARE(reply.status, 200);

    // 12. A group, with roles patched in as the tutorial does.
    reply = http.post(target, u"/api/v1/groups"_s, QJsonObject{{u"name"_s, u"Finance"_s}}, targetToken);
    QCOMPARE(reply.status, 201);
    const QString groupId = reply.json().value(u"id"_s).toString();
    reply = http.patch(target, u"/api/v1/groups/"_s + groupId,
                       QJsonArray{QJsonObject{{u"op"_s, u"replace"_s},
                                              {u"path"_s, u"/assignedRoles"_s},
                                              {u"value"_s,
                                               QJsonArray{QJsonObject{{u"name"_s, u"AuditAdmin"_s}},
                                                          QJsonObject{{u"name"_s, u"AnalyticsAdmin"_s}}}}}},
                       targetToken);
    QCOMPARE(reply.status, 204);

    // 13. Shared staging and managed production spaces.
    reply = http.post(target, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, u"Staging"_s}, {u"type"_s, u"shared"_s}},
                      targetToken);
    QCOMPARE(reply.status, 201);
    reply = http.post(target, u"/api/v1/spaces"_s, QJsonObject{{u"name"_s, u"Production"_s}, {u"type"_s, u"managed"_s}},
                      targetToken);
    QCOMPARE(reply.status, 201);
    const QString production = reply.json().value(u"id"_s).toString();

    // 14. The group consumes the production space.
    reply = http.post(
        target, u"/api/v1/spaces/"_s + production + u"/assignments"_s,
        QJsonObject{{u"type"_s, u"group"_s}, {u"assigneeId"_s, groupId}, {u"roles"_s, QJsonArray{u"consumer"_s}}},
        targetToken);
    QCOMPARE(reply.status, 201);

    // 17. The bot joins the source's staging space before exporting from it (409 means "already").
    reply = http.get(source, u"/api/v1/spaces?filter=name%20eq%20%22Staging%22"_s, sourceToken);
    const QString sourceStaging = reply.json().value(u"data"_s).toArray().first().toObject().value(u"id"_s).toString();
    reply = http.get(source, u"/api/v1/users/me"_s, sourceToken);
    const QString sourceBot = QString::fromLatin1(reply.header("location").split('/').last());
    for (const int expected : {201, 409}) {
        reply = http.post(
            source, u"/api/v1/spaces/"_s + sourceStaging + u"/assignments"_s,
            QJsonObject{{u"type"_s, u"user"_s}, {u"assigneeId"_s, sourceBot}, {u"roles"_s, QJsonArray{u"producer"_s}}},
            sourceToken);
        QCOMPARE(reply.status, expected);
    }

    // What really happened, in the sandbox's own words.
    const QJsonObject tenant = m_sandbox->tenantState(tenantId);
    QCOMPARE(tenant.value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(tenant.value(u"users"_s).toArray().size(), 2);
    QCOMPARE(tenant.value(u"spaces"_s).toArray().size(), 2);
    QCOMPARE(tenant.value(u"groupSettings"_s).toObject().value(u"autoCreateGroups"_s).toBool(), true);
    for (const QJsonValue &space : tenant.value(u"spaces"_s).toArray())
        QCOMPARE(space.toObject().value(u"ownerId"_s).toString(), botId);
    QVERIFY(tenant.value(u"auditCount"_s).toInt() >= 9);

    // 24. Delete the tenant (deactivate, FACTS §3.3), then restore it.
    HttpCall deactivate{"POST",
                        registerHost,
                        u"/api/v1/tenants/%1/actions/deactivate"_s.arg(tenantId),
                        R"({"purgeAfterDays":30})",
                        "application/json",
                        registerToken,
                        {{"qlik-confirm-hostname", target.toLatin1()}},
                        true};
    reply = http.send(deactivate);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(u"status"_s).toString(), u"disabled"_s);
    QCOMPARE(http.get(target, u"/api/v1/spaces"_s, targetToken).errorCode(), u"TENANT_DISABLED"_s);
    HttpCall reactivate{"POST", registerHost,  u"/api/v1/tenants/%1/actions/reactivate"_s.arg(tenantId), {},
                        {},     registerToken, {{"qlik-confirm-hostname", target.toLatin1()}},           true};
    QCOMPARE(http.send(reactivate).status, 200);
    QCOMPARE(http.get(target, u"/api/v1/spaces"_s, targetToken).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxTutorial)
#include "tst_sandboxtutorial.moc"
