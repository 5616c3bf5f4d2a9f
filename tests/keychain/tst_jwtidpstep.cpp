// The "jwt-idp" step end to end (issue 6, FACTS §4.1, §2.4): against the in-process sandbox, with
// its signing key in a real Secret Service. It registers the public key once, keeps the private key
// in the keychain only, proves the set-up by a JWT login, and changes nothing when applied again —
// also when the answer to its create is lost.
#include "keychaintestsupport.h"
#include "seededclient.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/jwtsigningkey.h"
#include "ops/planreader.h"
#include "ops/stepregistry.h"
#include "secrets/secretstore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using TestSupport::SandboxFixture;

namespace {

const QString kIssuer = u"https://login.northwind.example"_s;
const QString kKeyEntry = u"northwind-test"_s;

} // namespace

class TestJwtIdpStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void registersOnceVerifiesAndKeepsTheKeyInTheKeychain();
    void lostCreateAnswerConvergesOnOneProvider();
    void registersAnImportedPublicKey();

private:
    [[nodiscard]] Ops::Plan plan();
    [[nodiscard]] std::unique_ptr<Job> run(Job::Mode mode = Job::Mode::Apply);
    // The step's params; the default is a key pair in the keychain.
    QJsonObject m_params;
    [[nodiscard]] QList<QJsonObject> jwtProviders();

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    std::unique_ptr<Secrets::SecretStore> m_keys;
    QString m_service;
    Ops::StepRegistry m_steps;
    QTemporaryDir m_journals;
    QString m_host;
};

void TestJwtIdpStep::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    m_service = KeychainTestSupport::uniqueService("tst_jwtidpstep");
    m_keys = std::make_unique<Secrets::SecretStore>(m_service);
    Ops::BuiltInSteps::registerAll(&m_steps, m_keys.get());
}

void TestJwtIdpStep::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!m_host.isEmpty());
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"eu"_s, u"us"_s, u"ap"_s});
    m_params = QJsonObject{{u"issuer"_s, kIssuer},
                           {u"kid"_s, u"northwind-1"_s},
                           {u"keyEntry"_s, kKeyEntry},
                           {u"verifySubject"_s, u"tenantry-jwt-check"_s}};
}

void TestJwtIdpStep::cleanupTestCase()
{
    QVERIFY(KeychainTestSupport::clearService(m_service));
    QCOMPARE(KeychainTestSupport::secretToolKeys(m_service), QStringList());
}

Ops::Plan TestJwtIdpStep::plan()
{
    const QJsonObject json{
        {u"format"_s, u"tenantry-plan"_s},
        {u"version"_s, 1},
        {u"name"_s, u"jwt"_s},
        {u"options"_s, QJsonObject{{u"maxAttempts"_s, 4}}},
        {u"targets"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, u"northwind"_s},
             {u"hostname"_s, m_host},
             {u"region"_s, u"eu"_s},
             {u"profile"_s, u"region-eu"_s},
             {u"steps"_s,
              QJsonArray{QJsonObject{{u"id"_s, u"jwt"_s}, {u"type"_s, u"jwt-idp"_s}, {u"params"_s, m_params}}}}}}}};
    const Ops::PlanReadResult read = Ops::PlanReader(&m_steps).fromJson(json);
    if (!read.ok())
        qWarning().noquote() << Ops::PlanIssue::toStrings(read.issues).join(u'\n');
    return read.plan.value_or(Ops::Plan());
}

std::unique_ptr<Job> TestJwtIdpStep::run(Job::Mode mode)
{
    auto job = std::make_unique<Job>(plan(), &m_steps);
    job->setCloudClient(&m_client->client());
    job->setJournalDirectory(m_journals.path());
    job->setRetryDelay(10ms);
    QSignalSpy finished(job.get(), &Job::finished);
    if (!job->start(mode) || !finished.wait(60000))
        return nullptr;
    return job;
}

QList<QJsonObject> TestJwtIdpStep::jwtProviders()
{
    QList<QJsonObject> found;
    const QJsonObject tenant = m_sandbox->tenantState(u"northwind"_s);
    for (const QJsonValue idp : tenant.value(u"identityProviders"_s).toArray()) {
        if (idp.toObject().value(u"issuer"_s).toString() == kIssuer)
            found.append(idp.toObject());
    }
    return found;
}

void TestJwtIdpStep::registersOnceVerifiesAndKeepsTheKeyInTheKeychain()
{
    const std::unique_ptr<Job> dry = run(Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QVERIFY(jwtProviders().isEmpty());

    const std::unique_ptr<Job> job = run();
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Created);
    const QList<QJsonObject> providers = jwtProviders();
    QCOMPARE(providers.size(), 1);
    QCOMPARE(providers.first().value(u"protocol"_s).toString(), u"jwtAuth"_s);
    QCOMPARE(providers.first().value(u"keyIds"_s).toArray(), QJsonArray{u"northwind-1"_s});
    QCOMPARE(step.outputs.value(u"idpId"_s).toString(), providers.first().value(u"id"_s).toString());

    // Verified by a real JWT login: the check user exists now.
    bool checkUser = false;
    for (const QJsonValue user : m_sandbox->tenantState(u"northwind"_s).value(u"users"_s).toArray())
        checkUser = checkUser || user.toObject().value(u"subject"_s).toString() == u"tenantry-jwt-check"_s;
    QVERIFY(checkUser);

    // The private key is in the keychain, and nowhere in the journals.
    QVERIFY(KeychainTestSupport::secretToolKeys(m_service).contains(Secrets::SecretStore::jwtSigningKeyKey(kKeyEntry)));
    QDirIterator files(m_journals.path(), QDir::Files);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("PRIVATE KEY"), qPrintable(file.fileName()));
    }

    // Again: no change, nothing created.
    const std::unique_ptr<Job> again = run();
    QVERIFY(again);
    QVERIFY2(again->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(again->state())));
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(jwtProviders().size(), 1);
}

void TestJwtIdpStep::lostCreateAnswerConvergesOnOneProvider()
{
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/identity-providers"_s, "POST", 3));
    std::unique_ptr<Job> job = run();
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(jwtProviders().size(), 1);
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
}

void TestJwtIdpStep::registersAnImportedPublicKey()
{
    // The customer's own key pair: only its public half is given to the step (and the plan).
    QString error;
    const Ops::JwtSigningKey customerKey = Ops::JwtSigningKey::generate(&error);
    QVERIFY2(!customerKey.isNull(), qPrintable(error));
    m_params = QJsonObject{{u"issuer"_s, kIssuer},
                           {u"kid"_s, u"northwind-imported"_s},
                           {u"publicKey"_s, QString::fromLatin1(customerKey.publicKeyPem())}};
    const std::unique_ptr<Job> job = run();
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Created);
    QVERIFY2(step.verifyDetail.contains(u"reads back active"_s), qPrintable(step.verifyDetail));
    const QList<QJsonObject> providers = jwtProviders();
    QCOMPARE(providers.size(), 1);
    QCOMPARE(providers.first().value(u"keyIds"_s).toArray(), QJsonArray{u"northwind-imported"_s});
    QVERIFY(!KeychainTestSupport::secretToolKeys(m_service).contains(
        Secrets::SecretStore::jwtSigningKeyKey(u"northwind-imported"_s)));

    const std::unique_ptr<Job> again = run();
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);

    // Both a keychain entry and a public key: refused before anything is sent.
    m_params.insert(u"keyEntry"_s, kKeyEntry);
    const std::unique_ptr<Job> both = run(Job::Mode::DryRun);
    QVERIFY(both);
    const Ops::JobState::Step &refused = both->state().targets.at(0).steps.at(0);
    QCOMPARE(refused.status, StepStatus::Failed);
    QVERIFY2(refused.error && refused.error->message.contains(u"exactly one of"_s),
             qPrintable(refused.error ? refused.error->message : QString()));
}

QTEST_GUILESS_MAIN(TestJwtIdpStep)
#include "tst_jwtidpstep.moc"
