#include "ops/builtinsteps.h"
#include "ops/jsonschema.h"
#include "ops/planreader.h"
#include "ops/secretscreen.h"
#include "ops/step.h"
#include "ops/stepregistry.h"
#include "recordstep.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::PlanIssue;
using Ops::PlanReader;

namespace {

// Registers the step types the plans below use: "test.record" (no tenant needed), "test.tenant"
// (creates a tenant, outputs its hostname) and "test.hosted" (works on the target tenant).
void registerTypes(Ops::StepRegistry *registry)
{
    QVERIFY(RecordStep::registerType(registry, nullptr));
    Ops::StepType tenant;
    tenant.name = u"test.tenant"_s;
    tenant.needsTenantHost = false;
    tenant.outputs = {{u"hostname"_s, u"the new tenant's hostname"_s, u"abc.eu.qlikcloud.com"_s},
                      {u"tenantId"_s, u"its id"_s, u"TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e"_s}};
    tenant.create = [](const Ops::StepContext &, QObject *) -> Ops::Step * { return nullptr; };
    QVERIFY(registry->add(tenant));
    Ops::StepType hosted;
    hosted.name = u"test.hosted"_s;
    hosted.paramsSchema = QJsonDocument::fromJson(R"({"type": "object", "properties": {
        "host": {"type": "string", "pattern": "^[a-z0-9.-]+$"}, "anything": {}}, "additionalProperties": false})")
                              .object();
    hosted.create = [](const Ops::StepContext &, QObject *) -> Ops::Step * { return nullptr; };
    QVERIFY(registry->add(hosted));
}

QByteArray plan(const char *targets, const char *extra = "")
{
    return QByteArray(R"({"format": "tenantry-plan", "version": 1, )") + extra + R"("targets": )" + targets + "}";
}

} // namespace

class TestPlanReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsGoodPlans_data();
    void readsGoodPlans();
    void refusesBadPlans_data();
    void refusesBadPlans();
    void expandsTemplatesAndDerivesRegions();
    void roundTripsAndHashesStably();
    void secretScreenFindsAndRedacts_data();
    void secretScreenFindsAndRedacts();
    void secretScreenOfAPlanIsThatOfItsJson();
    void schemaInProgramIsTheProjectFile();
    void shippedPlansValidate();
    void capsTheNumberOfIssues();
    void builtInStepsCheckTheirParameters_data();
    void builtInStepsCheckTheirParameters();

private:
    Ops::StepRegistry m_registry;
};

void TestPlanReader::initTestCase()
{
    registerTypes(&m_registry);
}

void TestPlanReader::readsGoodPlans_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("targets");

    QTest::newRow("minimal") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
                             << 1;
    QTest::newRow("options and labels") << plan(
        R"([{"id": "acme", "label": "Acme Corp", "hostname": "acme.eu.qlikcloud.com", "profile": "eu-region",
                     "steps": [{"id": "one", "type": "test.record", "label": "First", "params": {"name": "a", "value": [1, 2]}}]}])",
        R"("name": "n", "description": "d", "options": {"concurrency": 16, "preflight": "plan", "maxAttempts": 5}, )")
                                        << 1;
    QTest::newRow("references to earlier steps, target and vars")
        << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "vars": {"customer": "Acme", "n": 3}, "steps": [
            {"id": "one", "type": "test.record", "params": {"name": "a", "value": "${vars.customer}"}},
            {"id": "two", "type": "test.record", "params": {"name": "b-${vars.n}", "value": {"of": "${one.id}", "in": "${target.region}"}}},
            {"id": "three", "type": "test.record", "params": {"name": "c", "value": "$${not.a.reference} and ${two.name}"}}]}])")
        << 1;
    QTest::newRow("tenant created by the plan")
        << plan(R"([{"id": "new", "hostname": "${tenant.hostname}", "region": "eu", "steps": [
            {"id": "tenant", "type": "test.tenant"},
            {"id": "config", "type": "test.hosted", "params": {"host": "${target.hostname}", "anything": "${tenant.tenantId}"}}]}])")
        << 1;
    QTest::newRow("template with vars") << plan(
        R"([{"id": "a", "hostname": "a.eu.qlikcloud.com", "template": "customer", "vars": {"name": "Acme"}},
                   {"id": "b", "hostname": "b.us.qlikcloud.com", "template": "customer", "vars": {"name": "Globex"}}])",
        R"("templates": {"customer": [{"id": "rec", "type": "test.record", "params": {"name": "x", "value": "${vars.name}"}}]}, )")
                                        << 2;
    QTest::newRow("secret references are fine")
        << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
            {"id": "one", "type": "test.hosted", "params": {"anything": {"clientSecretEntry": "acme-oidc", "privateKeyRef": "k", "tokenEndpoint": "https://x", "pem": "-----BEGIN PUBLIC KEY-----MIIB-----END PUBLIC KEY-----"}}}]}])")
        << 1;
}

void TestPlanReader::readsGoodPlans()
{
    QFETCH(QByteArray, json);
    QFETCH(int, targets);
    const Ops::PlanReadResult result = PlanReader(&m_registry).read(json);
    QVERIFY2(result.ok(), qPrintable(PlanIssue::toStrings(result.issues).join(u'\n')));
    QCOMPARE(result.plan->targets.size(), targets);
}

void TestPlanReader::refusesBadPlans_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    const char *oneStep = R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}])";

    QTest::newRow("not json") << QByteArray("{\n  \"format\": \"tenantry-plan\",\n  \"version\": 1,\n  oops\n}")
                              << QString() << u"not valid JSON: "_s;
    QTest::newRow("not json: line") << QByteArray("{\n  \"format\": \"tenantry-plan\",\n  \"version\": 1,\n  oops\n}")
                                    << QString() << u"at line 4"_s;
    QTest::newRow("array") << QByteArray("[]") << u"$"_s << u"a plan is a JSON object"_s;
    QTest::newRow("no format") << QByteArray(R"({"version": 1, "targets": []})") << u"$.format"_s
                               << u"a Tenantry plan starts with"_s;
    QTest::newRow("other format") << QByteArray(R"({"format": "terraform", "version": 1})") << u"$.format"_s
                                  << u"not a Tenantry plan"_s;
    QTest::newRow("newer version") << QByteArray(R"({"format": "tenantry-plan", "version": 2, "targets": []})")
                                   << u"$.version"_s << u"is 2, but this Tenantry reads plan format version 1 only"_s;
    QTest::newRow("client secret") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
            {"id": "idp", "type": "test.hosted", "params": {"anything": {"clientId": "x", "clientSecret": "s3cr3t"}}}]}])")
                                   << u"$.targets[0].steps[0].params.anything.clientSecret"_s
                                   << u"looks like a secret (\"clientSecret\")"_s;
    QTest::newRow("password anywhere") << plan(oneStep, R"("options": {"password": "hunter2"}, )")
                                       << u"$.options.password"_s << u"keep it in the OS keychain"_s;
    QTest::newRow("access_token") << plan(oneStep, R"("access_token": "abc", )") << u"$.access_token"_s
                                  << u"looks like a secret"_s;
    QTest::newRow("private key value") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
            {"id": "idp", "type": "test.hosted", "params": {"anything": ["-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"]}}]}])")
                                       << u"$.targets[0].steps[0].params.anything[0]"_s
                                       << u"holds what looks like a secret"_s;
    QTest::newRow("jwt value") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
            {"id": "idp", "type": "test.hosted", "params": {"anything": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"}}]}])")
                               << u"$.targets[0].steps[0].params.anything"_s << u"holds what looks like a secret"_s;
    QTest::newRow("missing targets") << QByteArray(R"({"format": "tenantry-plan", "version": 1})") << u"$"_s
                                     << u"missing required property \"targets\""_s;
    QTest::newRow("no targets") << plan("[]") << u"$.targets"_s << u"no fewer than 1"_s;
    QTest::newRow("unknown property") << plan(oneStep, R"("colour": "blue", )") << u"$"_s
                                      << u"unknown property \"colour\"; allowed here: $schema"_s;
    QTest::newRow("bad step id") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "Bad_Id", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
                                 << u"$.targets[0].steps[0].id"_s << u"\"Bad_Id\" is not valid here: it must match"_s;
    QTest::newRow("reserved step id") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "vars", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
                                      << u"$.targets[0].steps[0].id"_s << u"\"vars\" is not allowed here"_s;
    QTest::newRow("bad hostname") << plan(R"([{"id": "acme", "hostname": "Acme Corp", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
                                  << u"$.targets[0].hostname"_s
                                  << u"\"Acme Corp\" is not valid here; An existing tenant's hostname"_s;
    QTest::newRow("concurrency 0") << plan(oneStep, R"("options": {"concurrency": 0}, )") << u"$.options.concurrency"_s
                                   << u"is 0, less than the minimum 1"_s;
    QTest::newRow("unknown preflight") << plan(oneStep, R"("options": {"preflight": "sometimes"}, )")
                                       << u"$.options.preflight"_s
                                       << u"\"sometimes\" is not one of \"none\", \"target\", \"plan\""_s;
    QTest::newRow("steps and template") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "template": "t",
        "steps": [{"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
                                        << u"$.targets[0]"_s << u"either \"steps\" or a \"template\""_s;
    QTest::newRow("duplicate target") << plan(R"([
        {"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [{"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]},
        {"id": "acme", "hostname": "acme2.eu.qlikcloud.com", "steps": [{"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
                                      << u"$.targets[1].id"_s << u"\"acme\" is used by an earlier target"_s;
    QTest::newRow("duplicate step") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}},
        {"id": "one", "type": "test.record", "params": {"name": "b", "value": 1}}]}])")
                                    << u"$.targets[0].steps[1].id"_s << u"step ids are unique per target"_s;
    QTest::newRow("unknown template") << plan(
        R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "template": "nope"}])",
        R"("templates": {"customer": [{"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}, )")
                                      << u"$.targets[0].template"_s
                                      << u"no template named \"nope\"; the plan defines \"customer\""_s;
    QTest::newRow("unknown step type") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "spaceship"}]}])")
                                       << u"$.targets[0].steps[0].type"_s
                                       << u"unknown step type \"spaceship\"; known types are \"test.hosted\""_s;
    QTest::newRow("params missing") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a"}}]}])")
                                    << u"$.targets[0].steps[0].params"_s << u"value"_s;
    QTest::newRow("params wrong") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "no spaces allowed", "value": 1}}]}])")
                                  << u"$.targets[0].steps[0].params.name"_s
                                  << u"\"no spaces allowed\" is not valid here"_s;
    QTest::newRow("reference to a later step")
        << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": "${two.id}"}},
        {"id": "two", "type": "test.record", "params": {"name": "b", "value": 1}}]}])")
        << u"$.targets[0].steps[0].params.value"_s
        << u"${two.id}: step \"two\" comes later; a step can only use outputs of earlier steps"_s;
    QTest::newRow("reference to itself") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": ["${one.id}"]}}]}])")
                                         << u"$.targets[0].steps[0].params.value[0]"_s
                                         << u"step \"one\" is this step"_s;
    QTest::newRow("reference to no step")
        << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": "${zero.id}"}}]}])")
        << u"$.targets[0].steps[0].params.value"_s << u"${zero.id}: this target has no step \"zero\""_s;
    QTest::newRow("reference to no output")
        << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}},
        {"id": "two", "type": "test.record", "params": {"name": "b", "value": "${one.spaceId}"}}]}])")
        << u"$.targets[0].steps[1].params.value"_s
        << u"step \"one\" (type \"test.record\") has no output \"spaceId\"; it has \"id\", \"name\""_s;
    QTest::newRow("missing var") << plan(
        R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "vars": {"a": 1}, "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": "${vars.customer}"}}]}])")
                                 << u"$.targets[0].steps[0].params.value"_s
                                 << u"target \"acme\" has no variable \"customer\" (its vars are \"a\")"_s;
    QTest::newRow("unknown target field") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": "${target.owner}"}}]}])")
                                          << u"$.targets[0].steps[0].params.value"_s << u"a target has \"hostname\""_s;
    QTest::newRow("unclosed reference") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": "x ${one.id"}}]}])")
                                        << u"$.targets[0].steps[0].params.value"_s << u"has no closing '}'"_s;
    QTest::newRow("not a reference") << plan(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": "${just text}"}}]}])")
                                     << u"$.targets[0].steps[0].params.value"_s
                                     << u"\"${just text}\" is not a reference"_s;
    QTest::newRow("reference breaks a param pattern")
        << plan(R"([{"id": "new", "hostname": "${tenant.hostname}", "region": "eu", "steps": [
        {"id": "tenant", "type": "test.tenant"},
        {"id": "config", "type": "test.hosted", "params": {"host": "${tenant.tenantId}"}}]}])")
        << u"$.targets[0].steps[1].params.host"_s << u"is not valid here: it must match"_s;
    QTest::newRow("new tenant without region") << plan(R"([{"id": "new", "hostname": "${tenant.hostname}", "steps": [
        {"id": "tenant", "type": "test.tenant"}]}])")
                                               << u"$.targets[0].region"_s << u"needs its region"_s;
    QTest::newRow("hostname from no step")
        << plan(R"([{"id": "new", "hostname": "${tenant.hostname}", "region": "eu", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
        << u"$.targets[0].hostname"_s << u"does not name a step of this target"_s;
    QTest::newRow("tenant used before it exists")
        << plan(R"([{"id": "new", "hostname": "${tenant.hostname}", "region": "eu", "steps": [
        {"id": "config", "type": "test.hosted"},
        {"id": "tenant", "type": "test.tenant"}]}])")
        << u"$.targets[0].steps[0]"_s << u"whose hostname step \"tenant\" only produces later"_s;
    QTest::newRow("region mismatch") << plan(
        R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "region": "us", "steps": [
        {"id": "one", "type": "test.record", "params": {"name": "a", "value": 1}}]}])")
                                     << u"$.targets[0].region"_s << u"is in region \"eu\""_s;
    QTest::newRow("template issue names the target") << plan(
        R"([{"id": "a", "hostname": "a.eu.qlikcloud.com", "template": "customer", "vars": {"name": "A"}},
                   {"id": "b", "hostname": "b.eu.qlikcloud.com", "template": "customer"}])",
        R"("templates": {"customer": [{"id": "rec", "type": "test.record", "params": {"name": "x", "value": "${vars.name}"}}]}, )")
                                                     << u"$.templates.customer[0].params.value"_s
                                                     << u"target \"b\" has no variable \"name\""_s;
}

void TestPlanReader::refusesBadPlans()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Ops::PlanReadResult result = PlanReader(&m_registry).read(json);
    QVERIFY(!result.ok());
    QVERIFY(!result.issues.isEmpty());
    const QString all = PlanIssue::toStrings(result.issues).join(u'\n');
    bool found = false;
    for (const PlanIssue &issue : result.issues)
        found = found || (issue.path == path && issue.message.contains(message));
    if (qEnvironmentVariableIsSet("SHOW_ISSUES"))
        qInfo().noquote() << all;
    QVERIFY2(found, qPrintable(u"expected \"%1: …%2…\", got:\n"_s.arg(path, message) + all));
}

void TestPlanReader::expandsTemplatesAndDerivesRegions()
{
    const Ops::PlanReadResult result
        = PlanReader(&m_registry)
              .read(plan(
                  R"([{"id": "a", "hostname": "a.eu.qlikcloud.com", "template": "customer", "vars": {"name": "A"}},
                 {"id": "b", "hostname": "custom.example.com", "template": "customer", "vars": {"name": "B"}}])",
                  R"("templates": {"customer": [{"id": "rec", "type": "test.record", "params": {"name": "x", "value": "${vars.name}"}},
                                          {"id": "rec2", "type": "test.record", "params": {"name": "y", "value": 2}}]}, )"));
    QVERIFY2(result.ok(), qPrintable(PlanIssue::toStrings(result.issues).join(u'\n')));
    const Ops::Plan &p = *result.plan;
    QCOMPARE(p.targets.at(0).steps.size(), 2);
    QCOMPARE(p.targets.at(1).steps.at(1).id, u"rec2"_s);
    QCOMPARE(p.targets.at(0).templateName, u"customer"_s);
    QCOMPARE(p.targets.at(0).region, u"eu"_s);
    QCOMPARE(p.targets.at(1).region, QString()); // not a *.qlikcloud.com name
    QCOMPARE(p.options.concurrency, 4);
    QCOMPARE(p.options.preflight, Ops::Plan::Preflight::Target);
    QCOMPARE(p.options.maxAttempts, 3);
}

void TestPlanReader::roundTripsAndHashesStably()
{
    const QByteArray json = plan(
        R"([{"id": "acme", "label": "Acme", "hostname": "acme.eu.qlikcloud.com", "profile": "eu",
        "vars": {"v": [1, 2]}, "steps": [{"id": "one", "type": "test.record", "params": {"value": {"b": 1, "a": 2}, "name": "a"}}]},
        {"id": "b", "hostname": "b.eu.qlikcloud.com", "template": "t"}])",
        R"("templates": {"t": [{"id": "x", "type": "test.record", "params": {"name": "x", "value": 0}}]}, "name": "n", )");
    const Ops::PlanReadResult first = PlanReader(&m_registry).read(json);
    QVERIFY(first.ok());
    const QJsonObject written = first.plan->toJson();
    QCOMPARE(written.value(u"targets"_s).toArray().at(1).toObject().value(u"template"_s).toString(), u"t"_s);
    const Ops::PlanReadResult second = PlanReader(&m_registry).fromJson(written);
    QVERIFY2(second.ok(), qPrintable(PlanIssue::toStrings(second.issues).join(u'\n')));
    QCOMPARE(*second.plan, *first.plan);
    QCOMPARE(second.plan->sha256(), first.plan->sha256());
    QCOMPARE(first.plan->sha256().size(), 64);

    Ops::Plan changed = *first.plan;
    changed.targets[0].steps[0].params.insert(u"value"_s, 3);
    QVERIFY(changed.sha256() != first.plan->sha256());
}

void TestPlanReader::secretScreenFindsAndRedacts_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("secret");
    QTest::newRow("clientSecret") << u"clientSecret"_s << true;
    QTest::newRow("client_secret") << u"client_secret"_s << true;
    QTest::newRow("password") << u"password"_s << true;
    QTest::newRow("passphrase") << u"keyPassphrase"_s << true;
    QTest::newRow("token") << u"token"_s << true;
    QTest::newRow("refresh-token") << u"refresh-token"_s << true;
    QTest::newRow("privateKey") << u"privateKey"_s << true;
    QTest::newRow("apiKey") << u"apiKey"_s << true;
    QTest::newRow("Authorization") << u"Authorization"_s << true;
    QTest::newRow("clientSecretEntry") << u"clientSecretEntry"_s << false;
    QTest::newRow("privateKeyRef") << u"privateKeyRef"_s << false;
    QTest::newRow("tokenEndpoint") << u"tokenEndpoint"_s << false;
    QTest::newRow("clientId") << u"clientId"_s << false;
    QTest::newRow("secretProfile") << u"secretProfile"_s << false;
    QTest::newRow("name") << u"name"_s << false;
}

void TestPlanReader::secretScreenFindsAndRedacts()
{
    QFETCH(QString, key);
    QFETCH(bool, secret);
    QCOMPARE(Ops::SecretScreen::isSecretKey(key), secret);
    const QJsonObject object{{key, u"value"_s}, {u"note"_s, u"Bearer abcdefghijklmnopqrstuvwxyz0123 sent"_s}};
    const QJsonObject redacted = Ops::SecretScreen::redact(object).toObject();
    QCOMPARE(redacted.value(key).toString(), secret ? u"<redacted>"_s : u"value"_s);
    QCOMPARE(redacted.value(u"note"_s).toString(), u"<redacted> sent"_s);
    QCOMPARE(Ops::SecretScreen::findSecrets(object, u"$"_s).size(), secret ? 2 : 1);
}

void TestPlanReader::secretScreenOfAPlanIsThatOfItsJson()
{
    // Job::start() screens the Plan itself, not its JSON: same issues, same paths, same order.
    const QString jwt = u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib3QifQ.c2lnbmF0dXJl"_s;
    const QString bearer = u"Bearer abcdefghijklmnopqrstuvwxyz0123"_s;
    Ops::Plan plan;
    plan.name = u"rollout "_s + jwt;
    plan.description = bearer;
    plan.templates.insert(u"token"_s, {{u"x"_s, u"test.record"_s, QString(), QJsonObject{{u"name"_s, u"x"_s}}}});
    plan.templates.insert(u"base"_s,
                          {{u"y"_s, u"test.record"_s, bearer, QJsonObject{{u"password"_s, u"p"_s}, {u"note"_s, jwt}}}});
    Ops::Plan::Target first{u"a"_s, jwt, u"a.eu.qlikcloud.com"_s, u"eu"_s, bearer, QJsonObject{}, QString(), {}};
    first.vars = QJsonObject{{u"apiKey"_s, u"k"_s}, {u"nested"_s, QJsonArray{QJsonObject{{u"v"_s, bearer}}}}};
    first.steps = {{u"one"_s, u"test.record"_s, QString(), QJsonObject{{u"value"_s, jwt}, {u"odd key"_s, bearer}}},
                   {u"two"_s, u"test.record"_s, QString(), QJsonObject{}}};
    Ops::Plan::Target second{u"b"_s, QString(), u"b.eu.qlikcloud.com"_s, u"eu"_s, QString(), {}, u"base"_s, {}};
    Ops::Plan::Target clean{u"c"_s, QString(), u"c.eu.qlikcloud.com"_s, QString(), QString(), {}, QString(), {}};
    clean.steps = {{u"one"_s, u"test.record"_s, u"One"_s, QJsonObject{{u"name"_s, u"c1"_s}}}};
    plan.targets = {first, second, clean};

    const QStringList fromJson = PlanIssue::toStrings(Ops::SecretScreen::findSecrets(plan.toJson(), u"$"_s));
    QCOMPARE(fromJson.size(), 12);
    QCOMPARE(PlanIssue::toStrings(Ops::SecretScreen::findSecrets(plan)), fromJson);

    plan.name.clear();
    plan.description.clear();
    plan.templates.clear();
    plan.targets = {clean};
    QVERIFY(Ops::SecretScreen::findSecrets(plan).isEmpty());
}

void TestPlanReader::schemaInProgramIsTheProjectFile()
{
    QFile file(QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/plan.schema.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject fromFile = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!fromFile.isEmpty());
    QCOMPARE(PlanReader::schemaDocument(), fromFile);
    QVERIFY(PlanReader::schema().isValid());
}

void TestPlanReader::shippedPlansValidate()
{
    // Every plan the project ships passes the schema on its own (plain valijson against the file),
    // and the reader's full checks.
    QFile schemaFile(QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/plan.schema.json"));
    QVERIFY(schemaFile.open(QIODevice::ReadOnly));
    QString error;
    const Ops::JsonSchema schema
        = Ops::JsonSchema::compile(QJsonDocument::fromJson(schemaFile.readAll()).object(), &error);
    QVERIFY2(schema.isValid(), qPrintable(error));

    Ops::StepRegistry builtIn;
    Ops::BuiltInSteps::registerAll(&builtIn);
    const QDir dir(QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans"));
    const QStringList plans
        = dir.entryList({u"*.json"_s}, QDir::Files).filter(QRegularExpression(u"^(?!.*schema).*$"_s));
    QVERIFY2(!plans.isEmpty(), "the project ships no plan");
    for (const QString &name : plans) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QList<PlanIssue> issues = schema.validate(QJsonDocument::fromJson(bytes).object(), u"$"_s);
        QVERIFY2(issues.isEmpty(), qPrintable(name + u": "_s + PlanIssue::toStrings(issues).join(u'\n')));
        const Ops::PlanReadResult result = PlanReader(&builtIn).read(bytes);
        QVERIFY2(result.ok(), qPrintable(name + u": "_s + PlanIssue::toStrings(result.issues).join(u'\n')));
    }

    // And the schema is not a rubber stamp: it refuses what it must.
    QVERIFY(!schema.validate(QJsonObject{{u"format"_s, u"tenantry-plan"_s}, {u"version"_s, 1}}, u"$"_s).isEmpty());
}

void TestPlanReader::capsTheNumberOfIssues()
{
    QJsonArray targets;
    for (int i = 0; i < 500; ++i)
        targets.append(
            QJsonObject{{u"id"_s, u"same"_s},
                        {u"hostname"_s, u"a.eu.qlikcloud.com"_s},
                        {u"steps"_s, QJsonArray{QJsonObject{{u"id"_s, u"one"_s}, {u"type"_s, u"test.hosted"_s}}}}});
    const QJsonObject json{{u"format"_s, u"tenantry-plan"_s}, {u"version"_s, 1}, {u"targets"_s, targets}};
    const Ops::PlanReadResult result = PlanReader(&m_registry).fromJson(json);
    QCOMPARE(result.issues.size(), PlanReader::MaxIssues + 1);
    QCOMPARE(result.issues.last().message, u"… and 299 more issues"_s);
}

void TestPlanReader::builtInStepsCheckTheirParameters_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("space: forbidden character")
        << QByteArray(R"({"name": "Sales: EMEA", "type": "shared"})") << u"space"_s
        << u"$.targets[0].steps[0].params.name"_s << u"\"Sales: EMEA\" is not valid here"_s;
    QTest::newRow("space: unknown type") << QByteArray(R"({"name": "Sales", "type": "personal"})") << u"space"_s
                                         << u"$.targets[0].steps[0].params.type"_s
                                         << u"\"personal\" is not one of \"shared\", \"managed\", \"data\""_s;
    QTest::newRow("space: role of another type")
        << QByteArray(
               R"({"name": "Prod", "type": "managed", "assignments": [{"type": "group", "assignee": "g1", "roles": ["consumer", "producer"]}]})")
        << u"space"_s << u"$.targets[0].steps[0].params.assignments[0].roles[1]"_s
        << u"\"producer\" is not a role of managed spaces; they take basicconsumer, consumer, contributor"_s;
    QTest::newRow("space: member twice") << QByteArray(
        R"({"name": "Prod", "type": "shared", "assignments": [{"type": "group", "assignee": "g1", "roles": ["consumer"]},
                                                                            {"type": "group", "assignee": "g1", "roles": ["producer"]}]})")
                                         << u"space"_s << u"$.targets[0].steps[0].params.assignments[1].assignee"_s
                                         << u"listed twice"_s;
    QTest::newRow("space: no roles") << QByteArray(
        R"({"name": "Prod", "type": "shared", "assignments": [{"type": "group", "assignee": "g1", "roles": []}]})")
                                     << u"space"_s << u"$.targets[0].steps[0].params.assignments[0].roles"_s
                                     << u"no fewer than 1"_s;
    QTest::newRow("group: name too long") << QByteArray(R"({"name": ")") + QByteArray(300, 'x') + R"("})" << u"group"_s
                                          << u"$.targets[0].steps[0].params.name"_s << u"no more than 256"_s;
    QTest::newRow("group: roles twice") << QByteArray(R"({"name": "Sales", "roles": ["TenantAdmin", "TenantAdmin"]})")
                                        << u"group"_s << u"$.targets[0].steps[0].params.roles"_s << u""_s;
    QTest::newRow("owner: type without an owner-change endpoint")
        << QByteArray(R"({"resourceType": "note", "resourceId": "n1", "to": "qlikbot\\c1"})") << u"owner"_s
        << u"$.targets[0].steps[0].params.resourceType"_s << u"\"note\" is not one of \"app\""_s;
    QTest::newRow("owner: no new owner") << QByteArray(R"({"resourceType": "app", "resourceId": "a1"})") << u"owner"_s
                                         << u"$.targets[0].steps[0].params"_s << u"to"_s;
}

void TestPlanReader::builtInStepsCheckTheirParameters()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, type);
    QFETCH(QString, path);
    QFETCH(QString, message);
    Ops::StepRegistry builtIn;
    Ops::BuiltInSteps::registerAll(&builtIn);
    const QByteArray targets
        = QByteArray(R"([{"id": "acme", "hostname": "acme.eu.qlikcloud.com", "steps": [{"id": "one", "type": ")")
        + type.toUtf8() + R"(", "params": )" + params + "}]}]";
    const QByteArray json = plan(targets.constData());
    const Ops::PlanReadResult result = PlanReader(&builtIn).read(json);
    QVERIFY(!result.ok());
    bool found = false;
    for (const PlanIssue &issue : result.issues)
        found = found || (issue.path == path && issue.message.contains(message));
    QVERIFY2(found, qPrintable(PlanIssue::toStrings(result.issues).join(u'\n')));
}

QTEST_GUILESS_MAIN(TestPlanReader)
#include "tst_planreader.moc"
