// Ops::OnboardingTemplate (the versioned JSON form, the field checks) and Ops::OnboardingPlanBuilder:
// the shipped demo template plus "Demo Customer" gives the steps of resources/plans/onboard-demo.json
// (same ids, types and params) and a plan the plan reader accepts with every built-in step type.
#include "ops/builtinsteps.h"
#include "ops/onboardingplanbuilder.h"
#include "ops/onboardingtemplate.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::OnboardingPlanBuilder;
using Ops::OnboardingTemplate;

namespace {

const QString demoTemplatePath = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/templates/onboard-demo.template.json");
const QString demoPlanPath = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/onboard-demo.json");
const QString demoLogo = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/demo-brand/logo.png");
const QString demoFavIcon = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/demo-brand/favicon.ico");
const QString mrkArn = QStringLiteral("arn:aws:kms:eu-west-1:111222334455:key/mrk-1237c011a37e4f67e1987c7612a4560b");

// An RSA public key (RS256 needs RSA), made with `openssl genrsa 2048 | openssl rsa -pubout` for this test.
const QString rsaPublicKey = u"-----BEGIN PUBLIC KEY-----\n"
                             u"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkxN7ifOQh6OKDp2U4itB\n"
                             u"uVbseS/gA2GB5xMR1LTw4uFHEWI63RsfJQXhitvQ/42VaeDwgBUjGqzgAtXqesxj\n"
                             u"mp/fWEv7ne2/Ed7EnvJhJ+22gHXflabRK0mP0MWh9hSA8Kb8QqsNpwHhrTJruvUS\n"
                             u"ubOQ1y4bjoEYj2xkcdamKwNAArRy44cI8iIff/rm2T3gEeRfCBGmvTKilMSHyO3l\n"
                             u"7EtF4ZH3Bp78n7LFussKPqeXGMU3wu0lYgYQqjjP5nYVq45lUX5OJ35c24lMtSDE\n"
                             u"jnYZkqia+QBNMCkEzqYIJL2/b7iDdSxZ7ILp5Dj814RwpmYC1oqeylJmJSWOmMKv\n"
                             u"QQIDAQAB\n"
                             u"-----END PUBLIC KEY-----\n"_s;

OnboardingTemplate demoTemplate()
{
    const OnboardingTemplate::ReadResult read = OnboardingTemplate::readFile(demoTemplatePath);
    if (!read.onboardingTemplate)
        qWarning("%s", qPrintable(read.errors.join(u'\n')));
    return read.onboardingTemplate.value_or(OnboardingTemplate{});
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestOnboardingPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoTemplateGivesTheDemoPlan();
    void templateRoundTrips();
    void brandFilesOfATemplateFileComeFromItsFolder();
    void badTemplatesNameTheField_data();
    void badTemplatesNameTheField();
    void originChecks_data();
    void originChecks();
    void aliasChecks_data();
    void aliasChecks();
    void spaceChecks();
    void publicKeyChecks();
    void generatedJwtAndAppsBecomeSteps();
    void brandAndKeyProviderBecomeSteps();
    void packagesByNameAndByTagBecomeSteps();
    void keyArnChecks_data();
    void keyArnChecks();
    void interactiveLoginBecomesAStep();
};

void TestOnboardingPlan::demoTemplateGivesTheDemoPlan()
{
    QVERIFY(QFile::exists(demoTemplatePath));
    OnboardingPlanBuilder builder;
    builder.onboardingTemplate = demoTemplate();
    QCOMPARE(builder.onboardingTemplate.groups.size(), 2);
    builder.customer = {u"Demo Customer"_s, u"demo-customer.eu.qlikcloud.com"_s, {}};
    builder.profile = u"sandbox-region-eu"_s;
    QCOMPARE(builder.problems(), QStringList());
    const QJsonObject plan = builder.toJson();

    const QJsonObject demo = readJson(demoPlanPath);
    const QJsonObject demoTarget = demo.value(u"targets"_s).toArray().first().toObject();
    const QJsonObject target = plan.value(u"targets"_s).toArray().first().toObject();
    QCOMPARE(plan.value(u"targets"_s).toArray().size(), 1);
    for (const QString &key : {u"id"_s, u"label"_s, u"hostname"_s, u"region"_s, u"profile"_s, u"vars"_s})
        QCOMPARE(target.value(key), demoTarget.value(key));
    const QJsonArray steps = target.value(u"steps"_s).toArray();
    const QJsonArray demoSteps = demoTarget.value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), demoSteps.size());
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject mine = steps.at(i).toObject();
        QJsonObject theirs = demoSteps.at(i).toObject();
        if (theirs.value(u"type"_s) == u"brand"_s) {
            // The plan's brand files are relative to its folder; the template's, read from its
            // file, are absolute: the same files.
            QJsonObject params = theirs.value(u"params"_s).toObject();
            for (const QString &key : {u"logo"_s, u"favIcon"_s})
                params.insert(
                    key, QFileInfo(QFileInfo(demoPlanPath).dir(), params.value(key).toString()).absoluteFilePath());
            theirs.insert(u"params"_s, params);
        }
        const QByteArray where = theirs.value(u"id"_s).toString().toUtf8();
        QVERIFY2(mine.value(u"id"_s) == theirs.value(u"id"_s), where.constData());
        QVERIFY2(mine.value(u"type"_s) == theirs.value(u"type"_s), where.constData());
        QVERIFY2(
            mine.value(u"params"_s) == theirs.value(u"params"_s),
            QByteArray(where + ": " + QJsonDocument(mine.value(u"params"_s).toObject()).toJson(QJsonDocument::Compact))
                .constData());
    }
    QCOMPARE(plan.value(u"options"_s), demo.value(u"options"_s));

    // The plan reader with every built-in step type accepts it: schema, references, step params.
    Ops::StepRegistry registry;
    Ops::BuiltInSteps::registerAll(&registry);
    const Ops::PlanReadResult read = Ops::PlanReader(&registry).fromJson(plan);
    QVERIFY2(read.ok(), qPrintable(Ops::PlanIssue::toStrings(read.issues).join(u'\n')));
    QCOMPARE(read.plan->targets.first().steps.size(), demoSteps.size());
}

void TestOnboardingPlan::brandFilesOfATemplateFileComeFromItsFolder()
{
    // The shipped demo template names the demo plan's brand files relative to itself.
    const OnboardingTemplate demo = demoTemplate();
    QVERIFY(demo.brand);
    QCOMPARE(demo.brand->logo, QFileInfo(demoLogo).absoluteFilePath());
    QCOMPARE(demo.brand->favIcon, QFileInfo(demoFavIcon).absoluteFilePath());

    // A template moved with its files still finds them; one read without a folder keeps them as written.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(u"files"_s));
    QVERIFY(QFile::copy(demoLogo, dir.filePath(u"files/logo.png"_s)));
    QVERIFY(QFile::copy(demoFavIcon, dir.filePath(u"files/favicon.ico"_s)));
    QJsonObject json = demo.toJson();
    json.insert(u"brand"_s,
                QJsonObject{{u"name"_s, u"${vars.customer}"_s},
                            {u"logo"_s, u"files/logo.png"_s},
                            {u"favIcon"_s, u"files/favicon.ico"_s}});
    QFile file(dir.filePath(u"moved.template.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    const OnboardingTemplate::ReadResult read = OnboardingTemplate::readFile(file.fileName());
    QVERIFY2(read.onboardingTemplate, qPrintable(read.errors.join(u'\n')));
    QCOMPARE(read.onboardingTemplate->brand->logo, dir.filePath(u"files/logo.png"_s));
    QCOMPARE(read.onboardingTemplate->brand->favIcon, dir.filePath(u"files/favicon.ico"_s));
    const OnboardingTemplate::ReadResult unplaced = OnboardingTemplate::fromJson(json);
    QVERIFY(!unplaced.onboardingTemplate); // relative to the current folder, where the files are not
    QVERIFY2(unplaced.errors.join(u'\n').contains(u"brand.logo: "_s), qPrintable(unplaced.errors.join(u'\n')));

    // Saved again, the template names them as read: absolute.
    const QString saved = dir.filePath(u"saved.template.json"_s);
    QCOMPARE(read.onboardingTemplate->save(saved), QString());
    QFile savedFile(saved);
    QVERIFY(savedFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(savedFile.readAll()).object()[u"brand"_s][u"logo"_s].toString(),
             dir.filePath(u"files/logo.png"_s));
}

void TestOnboardingPlan::templateRoundTrips()
{
    OnboardingTemplate original = demoTemplate();
    original.identity = OnboardingTemplate::Identity::JwtImport;
    original.issuer = u"https://login.example/${target.id}"_s;
    original.publicKeyPem = rsaPublicKey;
    original.webOrigins.append(u"http://localhost:8080"_s);
    original.apps = {{u"a1b2"_s, u"Sales Dashboard"_s}, {QString(), u"Executive KPIs"_s}};
    original.automations.append(u"Nightly refresh"_s);
    original.embedCheck = false;
    original.syncIdpGroups = false; // set, and off: not the same as unset
    original.licenses.keepFreeAnalyzer = 3;
    original.brand = OnboardingTemplate::Brand{u"${vars.customer}"_s, demoLogo, demoFavIcon};
    original.keyProvider = OnboardingTemplate::KeyProvider{u"${vars.keyArn}"_s, u"${vars.customer} key"_s};
    original.interactiveLogin = OnboardingTemplate::InteractiveLogin{
        u"okta"_s, u"https://acme.okta.com/.well-known/openid-configuration"_s, u"0oa1"_s, u"acme"_s, false};
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.json"_s);
    QCOMPARE(original.save(path), QString());
    const OnboardingTemplate::ReadResult read = OnboardingTemplate::readFile(path);
    QVERIFY2(read.onboardingTemplate, qPrintable(read.errors.join(u'\n')));
    QVERIFY(*read.onboardingTemplate == original);
    const QJsonObject json = readJson(path);
    QCOMPARE(json.value(u"format"_s).toString(), u"tenantry-onboarding-template"_s);
    QCOMPARE(json.value(u"version"_s).toInt(), 1);
}

void TestOnboardingPlan::badTemplatesNameTheField_data()
{
    QTest::addColumn<QString>("path"); // a JSON pointer-ish path into the demo template
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected"); // the start of one error

    QTest::newRow("format") << u"format"_s << QJsonValue(u"tenantry-plan"_s) << u"format: must be"_s;
    QTest::newRow("version") << u"version"_s << QJsonValue(2) << u"version: this Tenantry reads version 1"_s;
    QTest::newRow("unknown field") << u"customer"_s << QJsonValue(u"x"_s) << u"customer: not a field"_s;
    QTest::newRow("region") << u"region"_s << QJsonValue(u"mars"_s) << u"region: \"mars\" is not a region"_s;
    QTest::newRow("groups type") << u"groups"_s << QJsonValue(3) << u"groups: must be an array"_s;
    QTest::newRow("duplicate group") << u"groups"_s
                                     << QJsonValue(QJsonArray{QJsonObject{{u"name"_s, u"A"_s}},
                                                              QJsonObject{{u"name"_s, u"a"_s}}})
                                     << u"groups[1].name: \"a\" is listed twice"_s;
    QTest::newRow("origin") << u"webOrigins"_s << QJsonValue(QJsonArray{u"http://portal.example"_s})
                            << u"webOrigins[0]: \"http://portal.example\" must use https"_s;
    QTest::newRow("group setting") << u"groupSettings"_s << QJsonValue(QJsonObject{{u"autoCreate"_s, true}})
                                   << u"groupSettings.autoCreate: not a group setting"_s;
    QTest::newRow("duplicate extension") << u"extensions"_s << QJsonValue(QJsonArray{u"kpi-card"_s, u"kpi-card"_s})
                                         << u"extensions[1]: \"kpi-card\" is listed twice"_s;
    QTest::newRow("empty tag") << u"extensionTags"_s << QJsonValue(QJsonArray{u""_s})
                               << u"extensionTags[0]: empty; give a tag the source tenant's packages carry"_s;
    QTest::newRow("duplicate tag") << u"themeTags"_s << QJsonValue(QJsonArray{u"onboarding"_s, u"onboarding"_s})
                                   << u"themeTags[1]: \"onboarding\" is listed twice"_s;
    QTest::newRow("empty automation") << u"automations"_s << QJsonValue(QJsonArray{u" "_s})
                                      << u"automations[0]: empty"_s;
    QTest::newRow("app without id or name")
        << u"apps"_s << QJsonValue(QJsonArray{QJsonObject{}}) << u"apps[0]: needs the source app's id or its name"_s;
    QTest::newRow("seat count") << u"licenses"_s
                                << QJsonValue(QJsonObject{{u"keepFree"_s, QJsonObject{{u"analyzer"_s, -1}}}})
                                << u"licenses.keepFree.analyzer: must be a whole number"_s;
    QTest::newRow("identity") << u"identityProvider"_s << QJsonValue(QJsonObject{{u"kind"_s, u"saml"_s}})
                              << u"identityProvider.kind: \"saml\" is not one of"_s;
    QTest::newRow("bad PEM") << u"identityProvider"_s
                             << QJsonValue(QJsonObject{{u"kind"_s, u"jwt-import"_s},
                                                       {u"issuer"_s, u"https://i.example"_s},
                                                       {u"publicKey"_s, u"-----BEGIN PUBLIC KEY-----\nAAAA\n"_s}})
                             << u"identityProvider.publicKey: the public key does not parse"_s;
    QTest::newRow("space roles")
        << u"spaces"_s
        << QJsonValue(QJsonObject{{u"staging"_s, QJsonObject{{u"name"_s, u"Staging"_s}}},
                                  {u"production"_s,
                                   QJsonObject{{u"name"_s, u"Production"_s},
                                               {u"assignments"_s,
                                                QJsonArray{QJsonObject{{u"group"_s, u"${vars.customer} Viewers"_s},
                                                                       {u"roles"_s, QJsonArray{u"producer"_s}}}}}}}})
        << u"spaces.production.assignments[0].roles: \"producer\" is not a role of a managed space"_s;
    QTest::newRow("space name") << u"spaces"_s
                                << QJsonValue(QJsonObject{{u"staging"_s, QJsonObject{{u"name"_s, u"Stage: 1"_s}}},
                                                          {u"production"_s, QJsonObject{{u"name"_s, u"Prod"_s}}}})
                                << u"spaces.staging.name: ':' is not allowed"_s;
    QTest::newRow("unknown group")
        << u"spaces"_s
        << QJsonValue(QJsonObject{{u"staging"_s,
                                   QJsonObject{{u"name"_s, u"S"_s},
                                               {u"assignments"_s,
                                                QJsonArray{QJsonObject{{u"group"_s, u"Nobody"_s},
                                                                       {u"roles"_s, QJsonArray{u"producer"_s}}}}}}},
                                  {u"production"_s, QJsonObject{{u"name"_s, u"P"_s}}}})
        << u"spaces.staging.assignments[0].group: \"Nobody\" is not one of"_s;
    QTest::newRow("brand without favicon")
        << u"brand"_s << QJsonValue(QJsonObject{{u"name"_s, u"B"_s}, {u"logo"_s, demoLogo}})
        << u"brand.favIcon: missing"_s;
    QTest::newRow("brand logo not an image")
        << u"brand"_s
        << QJsonValue(QJsonObject{{u"name"_s, u"B"_s}, {u"logo"_s, demoFavIcon}, {u"favIcon"_s, demoFavIcon}})
        << u"brand.logo: logo "_s + demoFavIcon + u" is not a PNG or JPEG image"_s;
    QTest::newRow("brand favicon missing file")
        << u"brand"_s
        << QJsonValue(
               QJsonObject{{u"name"_s, u"B"_s}, {u"logo"_s, demoLogo}, {u"favIcon"_s, u"/no/such/favicon.ico"_s}})
        << u"brand.favIcon: favicon /no/such/favicon.ico does not exist"_s;
    QTest::newRow("brand name") << u"brand"_s
                                << QJsonValue(QJsonObject{
                                       {u"name"_s, u" "_s}, {u"logo"_s, demoLogo}, {u"favIcon"_s, demoFavIcon}})
                                << u"brand.name: empty"_s;
    QTest::newRow("key ARN") << u"keyProvider"_s
                             << QJsonValue(
                                    QJsonObject{{u"arn"_s, u"arn:aws:kms:eu-west-1:1234:key/x"_s}, {u"name"_s, u"K"_s}})
                             << u"keyProvider.arn: \"arn:aws:kms:eu-west-1:1234:key/x\" is not an AWS KMS key ARN"_s;
    QTest::newRow("key name") << u"keyProvider"_s << QJsonValue(QJsonObject{{u"arn"_s, mrkArn}})
                              << u"keyProvider.name: missing"_s;
    QTest::newRow("key type") << u"keyProvider"_s << QJsonValue(u"arn"_s) << u"keyProvider: must be an object"_s;
    const QString discovery = u"https://login.microsoftonline.com/d1/v2.0/.well-known/openid-configuration"_s;
    QTest::newRow("login provider") << u"interactiveLogin"_s
                                    << QJsonValue(QJsonObject{{u"provider"_s, u"github"_s},
                                                              {u"discoveryUrl"_s, discovery},
                                                              {u"clientId"_s, u"c"_s}})
                                    << u"interactiveLogin.provider: \"github\" is not one of azureAD"_s;
    QTest::newRow("login discovery URL")
        << u"interactiveLogin"_s
        << QJsonValue(QJsonObject{{u"discoveryUrl"_s, u"http://idp.example/.well-known/openid-configuration"_s},
                                  {u"clientId"_s, u"c"_s}})
        << u"interactiveLogin.discoveryUrl: \"http://idp.example/.well-known/openid-configuration\" is not an https URL"_s;
    QTest::newRow("login client id") << u"interactiveLogin"_s << QJsonValue(QJsonObject{{u"discoveryUrl"_s, discovery}})
                                     << u"interactiveLogin.clientId: missing"_s;
    QTest::newRow("login realm") << u"interactiveLogin"_s
                                 << QJsonValue(QJsonObject{
                                        {u"discoveryUrl"_s, discovery}, {u"clientId"_s, u"c"_s}, {u"realm"_s, u"-x"_s}})
                                 << u"interactiveLogin.realm: \"-x\" is not a realm"_s;
    QTest::newRow("login email flag") << u"interactiveLogin"_s
                                      << QJsonValue(QJsonObject{{u"provider"_s, u"okta"_s},
                                                                {u"discoveryUrl"_s, discovery},
                                                                {u"clientId"_s, u"c"_s},
                                                                {u"emailVerifiedAlwaysTrue"_s, true}})
                                      << u"interactiveLogin.emailVerifiedAlwaysTrue: only for the azureAD and adfs"_s;
    QTest::newRow("login secret") << u"interactiveLogin"_s
                                  << QJsonValue(QJsonObject{{u"discoveryUrl"_s, discovery},
                                                            {u"clientId"_s, u"c"_s},
                                                            {u"clientSecret"_s, u"s3cret"_s}})
                                  << u"interactiveLogin.clientSecret: not a field"_s;
}

void TestOnboardingPlan::badTemplatesNameTheField()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QJsonObject json = demoTemplate().toJson();
    json.insert(path, value);
    const OnboardingTemplate::ReadResult read = OnboardingTemplate::fromJson(json);
    QVERIFY(!read.onboardingTemplate);
    bool found = false;
    for (const QString &error : read.errors)
        found = found || error.startsWith(expected);
    QVERIFY2(found, qPrintable(read.errors.join(u'\n')));

    // Syntax errors say where.
    const OnboardingTemplate::ReadResult broken = OnboardingTemplate::read("{\n  \"format\": ,\n}");
    QVERIFY(!broken.onboardingTemplate);
    QVERIFY2(broken.errors.value(0).startsWith(u"line 2, column"_s), qPrintable(broken.errors.value(0)));
}

void TestOnboardingPlan::originChecks_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https") << u"https://portal.example"_s << true;
    QTest::newRow("https port") << u"https://portal.example:8443"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:3000"_s << true;
    QTest::newRow("http loopback") << u"http://127.0.0.1:3000"_s << true;
    QTest::newRow("http public") << u"http://portal.example"_s << false;
    QTest::newRow("path") << u"https://portal.example/app"_s << false;
    QTest::newRow("no scheme") << u"portal.example"_s << false;
    QTest::newRow("ftp") << u"ftp://portal.example"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestOnboardingPlan::originChecks()
{
    QFETCH(QString, origin);
    QFETCH(bool, ok);
    QCOMPARE(OnboardingTemplate::originProblem(origin).isEmpty(), ok);
}

void TestOnboardingPlan::aliasChecks_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("problem"); // start of it; empty: fine
    QTest::newRow("fine") << u"demo-customer.eu.qlikcloud.com"_s << QString();
    QTest::newRow("upper case") << u"Demo.eu.qlikcloud.com"_s << u"use lower case"_s;
    QTest::newRow("other region") << u"demo.us.qlikcloud.com"_s << u"the alias is in region us, the tenant in eu"_s;
    QTest::newRow("not qlik") << u"demo.example.com"_s << u"\"demo.example.com\" is not"_s;
    QTest::newRow("leading dash") << u"-demo.eu.qlikcloud.com"_s << u"\"-demo.eu.qlikcloud.com\" is not"_s;
    QTest::newRow("empty") << QString() << u"the alias hostname is missing"_s;
}

void TestOnboardingPlan::aliasChecks()
{
    QFETCH(QString, alias);
    QFETCH(QString, problem);
    const QString actual = OnboardingTemplate::aliasProblem(alias, u"eu"_s);
    if (problem.isEmpty())
        QCOMPARE(actual, QString());
    else
        QVERIFY2(actual.startsWith(problem), qPrintable(actual));
}

void TestOnboardingPlan::spaceChecks()
{
    QCOMPARE(OnboardingTemplate::spaceNameProblem(u"Customer Apps"_s), QString());
    QVERIFY(!OnboardingTemplate::spaceNameProblem(u"a/b"_s).isEmpty());
    QVERIFY(!OnboardingTemplate::spaceNameProblem(u"  "_s).isEmpty());
    QCOMPARE(OnboardingTemplate::spaceRolesProblem(u"managed"_s, {u"consumer"_s, u"publisher"_s}), QString());
    QVERIFY(OnboardingTemplate::spaceRolesProblem(u"shared"_s, {u"publisher"_s}).contains(u"shared space"_s));
    QVERIFY(!OnboardingTemplate::spaceRolesProblem(u"shared"_s, {}).isEmpty());
}

void TestOnboardingPlan::publicKeyChecks()
{
    QCOMPARE(OnboardingTemplate::publicKeyProblem(rsaPublicKey), QString());
    QVERIFY(
        OnboardingTemplate::publicKeyProblem(u"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"_s).startsWith(u"not a PEM"_s));
    QVERIFY(!OnboardingTemplate::publicKeyProblem(QString()).isEmpty());
    QString truncated = rsaPublicKey;
    truncated.remove(80, 100);
    QVERIFY(!OnboardingTemplate::publicKeyProblem(truncated).isEmpty());
}

void TestOnboardingPlan::generatedJwtAndAppsBecomeSteps()
{
    OnboardingPlanBuilder builder;
    builder.onboardingTemplate = demoTemplate();
    builder.onboardingTemplate.identity = OnboardingTemplate::Identity::JwtGenerate;
    builder.onboardingTemplate.issuer = u"https://login.example/${target.id}"_s;
    builder.onboardingTemplate.apps = {{u"app-id-1"_s, u"Sales"_s}, {u"app-id-2"_s, u"KPIs"_s}};
    builder.onboardingTemplate.groups.append({u"Tenant"_s, {}}); // its id must not clash with the tenant step
    builder.customer = {u"Zeta & Sons"_s, u"zeta.eu.qlikcloud.com"_s, {{u"tier"_s, u"gold"_s}}};
    QCOMPARE(builder.problems(), QStringList());
    QCOMPARE(builder.targetId(), u"zeta-sons"_s);
    QCOMPARE(builder.groupStepIds(), (QStringList{u"developers"_s, u"viewers"_s, u"tenant-2"_s}));
    const QJsonObject plan = builder.toJson();
    const QJsonObject target = plan.value(u"targets"_s).toArray().first().toObject();
    QCOMPARE(target.value(u"vars"_s).toObject(),
             (QJsonObject{{u"customer"_s, u"Zeta & Sons"_s}, {u"tier"_s, u"gold"_s}}));
    QStringList ids;
    QJsonObject jwt;
    QJsonObject app2;
    QJsonObject embedCheck;
    for (const QJsonValue step : target.value(u"steps"_s).toArray()) {
        ids.append(step.toObject().value(u"id"_s).toString());
        if (ids.last() == "jwt"_L1)
            jwt = step.toObject().value(u"params"_s).toObject();
        if (ids.last() == "app-2"_L1)
            app2 = step.toObject().value(u"params"_s).toObject();
        if (ids.last() == "embed-check"_L1)
            embedCheck = step.toObject().value(u"params"_s).toObject();
    }
    // The demo template's extension, theme, brand, key and automation come along; the check comes last.
    QCOMPARE(ids,
             (QStringList{u"tenant"_s,
                          u"admin"_s,
                          u"jwt"_s,
                          u"developers"_s,
                          u"viewers"_s,
                          u"tenant-2"_s,
                          u"group-settings"_s,
                          u"licenses"_s,
                          u"staging"_s,
                          u"production"_s,
                          u"portal-csp"_s,
                          u"portal"_s,
                          u"extensions-tagged-1"_s,
                          u"themes-tagged-1"_s,
                          u"branding"_s,
                          u"encryption-key"_s,
                          u"app-1"_s,
                          u"app-2"_s,
                          u"automation-1"_s,
                          u"embed-check"_s}));
    // A consumer of the production space (the Viewers group) signs in with the generated key.
    QCOMPARE(embedCheck,
             (QJsonObject{{u"issuer"_s, u"${jwt.issuer}"_s},
                          {u"kid"_s, u"${jwt.kid}"_s},
                          {u"keyEntry"_s, u"zeta-sons"_s},
                          {u"groups"_s, QJsonArray{u"${vars.customer} Viewers"_s}},
                          {u"spaceId"_s, u"${production.spaceId}"_s},
                          {u"apps"_s, QJsonArray{u"${app-1.publishedAppId}"_s, u"${app-2.publishedAppId}"_s}}}));
    QCOMPARE(jwt.value(u"keyEntry"_s).toString(), u"zeta-sons"_s);
    QCOMPARE(jwt.value(u"kid"_s).toString(), u"zeta-sons-1"_s);
    QCOMPARE(app2,
             (QJsonObject{{u"source"_s, u"acme-source.eu.qlikcloud.com"_s},
                          {u"app"_s, u"app-id-2"_s},
                          {u"stagingSpace"_s, u"Staging"_s},
                          {u"managedSpace"_s, u"Production"_s}}));
    Ops::StepRegistry registry;
    Ops::BuiltInSteps::registerAll(&registry);
    const Ops::PlanReadResult read = Ops::PlanReader(&registry).fromJson(plan);
    QVERIFY2(read.ok(), qPrintable(Ops::PlanIssue::toStrings(read.issues).join(u'\n')));

    // An imported key goes into the plan as the public key it is; no keychain entry.
    builder.onboardingTemplate.identity = OnboardingTemplate::Identity::JwtImport;
    builder.onboardingTemplate.publicKeyPem = rsaPublicKey;
    QCOMPARE(builder.problems(), QStringList());
    const QJsonObject imported = builder.toJson();
    QJsonObject importedJwt;
    for (const QJsonValue step :
         imported.value(u"targets"_s).toArray().first().toObject().value(u"steps"_s).toArray()) {
        if (step.toObject().value(u"id"_s).toString() == "jwt"_L1)
            importedJwt = step.toObject().value(u"params"_s).toObject();
    }
    QCOMPARE(importedJwt.value(u"publicKey"_s).toString(), rsaPublicKey.trimmed());
    QVERIFY(!importedJwt.contains(u"keyEntry"_s));
    // Nothing to sign a test user's token with: no embed check.
    QVERIFY(!QJsonDocument(imported).toJson().contains("embed-check"));
    const Ops::PlanReadResult importedRead = Ops::PlanReader(&registry).fromJson(imported);
    QVERIFY2(importedRead.ok(), qPrintable(Ops::PlanIssue::toStrings(importedRead.issues).join(u'\n')));
    // The customer's alias is checked against the template's region.
    builder.onboardingTemplate.identity = OnboardingTemplate::Identity::None;
    builder.customer.alias = u"zeta.us.qlikcloud.com"_s;
    QVERIFY(builder.problems().value(0).startsWith(u"alias: the alias is in region us"_s));
}

void TestOnboardingPlan::brandAndKeyProviderBecomeSteps()
{
    OnboardingPlanBuilder builder;
    builder.onboardingTemplate = demoTemplate();
    builder.onboardingTemplate.brand = OnboardingTemplate::Brand{u"${vars.customer}"_s, demoLogo, demoFavIcon};
    // The key is the customer's own: the template refers to a variable of the customer.
    builder.onboardingTemplate.keyProvider = OnboardingTemplate::KeyProvider{u"${vars.keyArn}"_s, u"Customer key"_s};
    builder.customer = {u"Zeta"_s, u"zeta.eu.qlikcloud.com"_s, {{u"keyArn"_s, mrkArn}}};
    QCOMPARE(builder.problems(), QStringList());
    const QJsonObject plan = builder.toJson();
    QStringList ids;
    QJsonObject brand;
    QJsonObject key;
    for (const QJsonValue step : plan.value(u"targets"_s).toArray().first()[u"steps"_s].toArray()) {
        ids.append(step[u"id"_s].toString());
        if (step[u"type"_s].toString() == "brand"_L1)
            brand = step[u"params"_s].toObject();
        if (step[u"type"_s].toString() == "key-provider"_L1)
            key = step[u"params"_s].toObject();
    }
    // After the extensions and themes (step 9), before the apps.
    QCOMPARE(ids.indexOf(u"branding"_s), ids.indexOf(u"themes-tagged-1"_s) + 1);
    QCOMPARE(ids.indexOf(u"encryption-key"_s), ids.indexOf(u"themes-tagged-1"_s) + 2);
    QCOMPARE(brand,
             (QJsonObject{{u"name"_s, u"${vars.customer}"_s}, {u"logo"_s, demoLogo}, {u"favIcon"_s, demoFavIcon}}));
    QCOMPARE(key, (QJsonObject{{u"arn"_s, u"${vars.keyArn}"_s}, {u"name"_s, u"Customer key"_s}}));
    Ops::StepRegistry registry;
    Ops::BuiltInSteps::registerAll(&registry);
    const Ops::PlanReadResult read = Ops::PlanReader(&registry).fromJson(plan);
    QVERIFY2(read.ok(), qPrintable(Ops::PlanIssue::toStrings(read.issues).join(u'\n')));

    // The customer's ARN is checked where the plan is read, against the key-provider step's schema.
    builder.customer.vars = {{u"keyArn"_s, u"arn:aws:kms:eu-west-1:111222334455:alias/zeta"_s}};
    const Ops::PlanReadResult bad = Ops::PlanReader(&registry).fromJson(builder.toJson());
    QVERIFY(!bad.ok());
    const QString issues = Ops::PlanIssue::toStrings(bad.issues).join(u'\n');
    QVERIFY2(issues.contains(u"params.arn"_s), qPrintable(issues));
}

void TestOnboardingPlan::packagesByNameAndByTagBecomeSteps()
{
    OnboardingPlanBuilder builder;
    builder.onboardingTemplate = demoTemplate();
    builder.onboardingTemplate.extensions = {u"kpi-card"_s};
    builder.onboardingTemplate.extensionTags = {u"onboarding"_s, u"maps"_s};
    builder.onboardingTemplate.themeTags = {};
    builder.customer = {u"Zeta"_s, u"zeta.eu.qlikcloud.com"_s, {}};
    QCOMPARE(builder.problems(), QStringList());
    QList<QJsonObject> packages;
    for (const QJsonValue step : builder.toJson().value(u"targets"_s).toArray().first()[u"steps"_s].toArray()) {
        if (step[u"type"_s].toString().startsWith(u"extension"_s) || step[u"type"_s].toString().startsWith(u"theme"_s))
            packages.append(step.toObject());
    }
    const QString source = builder.onboardingTemplate.source;
    QCOMPARE(packages.size(), 3);
    QCOMPARE(packages.at(0)[u"id"_s].toString(), u"extension-1"_s);
    QCOMPARE(packages.at(0)[u"params"_s].toObject(), (QJsonObject{{u"source"_s, source}, {u"name"_s, u"kpi-card"_s}}));
    QCOMPARE(packages.at(2)[u"id"_s].toString(), u"extensions-tagged-2"_s);
    QCOMPARE(packages.at(2)[u"type"_s].toString(), u"extensions-by-tag"_s);
    QCOMPARE(packages.at(2)[u"params"_s].toObject(), (QJsonObject{{u"source"_s, source}, {u"tag"_s, u"maps"_s}}));
    Ops::StepRegistry registry;
    Ops::BuiltInSteps::registerAll(&registry);
    const Ops::PlanReadResult read = Ops::PlanReader(&registry).fromJson(builder.toJson());
    QVERIFY2(read.ok(), qPrintable(Ops::PlanIssue::toStrings(read.issues).join(u'\n')));
}

void TestOnboardingPlan::keyArnChecks_data()
{
    QTest::addColumn<QString>("arn");
    QTest::addColumn<bool>("ok");
    QTest::newRow("multi-region") << mrkArn << true;
    QTest::newRow("single-region") << u"arn:aws:kms:us-east-1:111222334455:key/0f1e2d3c-4b5a-4697-8877-665544332211"_s
                                   << true;
    QTest::newRow("reference") << u"${vars.keyArn}"_s << true;
    QTest::newRow("alias") << u"arn:aws:kms:eu-west-1:111222334455:alias/zeta"_s << false;
    QTest::newRow("short account") << u"arn:aws:kms:eu-west-1:1112:key/mrk-1237c011a37e4f67e1987c7612a4560b"_s << false;
    QTest::newRow("not kms") << u"arn:aws:s3:::bucket"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestOnboardingPlan::keyArnChecks()
{
    QFETCH(QString, arn);
    QFETCH(bool, ok);
    QCOMPARE(OnboardingTemplate::keyArnProblem(arn).isEmpty(), ok);
}

void TestOnboardingPlan::interactiveLoginBecomesAStep()
{
    OnboardingPlanBuilder builder;
    builder.onboardingTemplate = demoTemplate();
    builder.onboardingTemplate.recoveryAdminEmail = u"admin@partner.example"_s;
    builder.onboardingTemplate.interactiveLogin = OnboardingTemplate::InteractiveLogin{
        u"azureAD"_s, u"https://login.microsoftonline.com/${vars.directory}/v2.0/.well-known/openid-configuration"_s,
        u"${vars.entraApp}"_s, QString(), true};
    builder.customer
        = {u"Zeta"_s, u"zeta.eu.qlikcloud.com"_s, {{u"directory"_s, u"0d1e"_s}, {u"entraApp"_s, u"5f1c-app"_s}}};
    QCOMPARE(builder.problems(), QStringList());
    const QJsonObject plan = builder.toJson();
    QStringList ids;
    QJsonObject login;
    for (const QJsonValue step : plan.value(u"targets"_s).toArray().first()[u"steps"_s].toArray()) {
        ids.append(step[u"id"_s].toString());
        if (step[u"type"_s].toString() == "oidc-idp"_L1)
            login = step[u"params"_s].toObject();
    }
    // After the recovery admin, who can still sign in with Qlik Account only until then.
    QCOMPARE(ids.indexOf(u"login"_s), ids.indexOf(u"admin"_s) + 1);
    QCOMPARE(
        login,
        (QJsonObject{{u"provider"_s, u"azureAD"_s},
                     {u"discoveryUrl"_s,
                      u"https://login.microsoftonline.com/${vars.directory}/v2.0/.well-known/openid-configuration"_s},
                     {u"clientId"_s, u"${vars.entraApp}"_s},
                     {u"clientSecretEntry"_s, u"zeta"_s},
                     {u"emailVerifiedAlwaysTrue"_s, true}}));
    Ops::StepRegistry registry;
    Ops::BuiltInSteps::registerAll(&registry);
    const Ops::PlanReadResult read = Ops::PlanReader(&registry).fromJson(plan);
    QVERIFY2(read.ok(), qPrintable(Ops::PlanIssue::toStrings(read.issues).join(u'\n')));

    // The customer's discovery URL is checked where the plan is read.
    builder.onboardingTemplate.interactiveLogin->discoveryUrl = u"${vars.discovery}"_s;
    builder.customer.vars = {{u"discovery"_s, u"http://idp.example/config"_s}, {u"entraApp"_s, u"a"_s}};
    const Ops::PlanReadResult bad = Ops::PlanReader(&registry).fromJson(builder.toJson());
    QVERIFY(!bad.ok());
    const QString issues = Ops::PlanIssue::toStrings(bad.issues).join(u'\n');
    QVERIFY2(issues.contains(u"params.discoveryUrl"_s), qPrintable(issues));
}

QTEST_GUILESS_MAIN(TestOnboardingPlan)
#include "tst_onboardingplan.moc"
