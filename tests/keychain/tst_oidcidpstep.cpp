// The "oidc-idp" step (issue 6, FACTS §4.2) against the in-process sandbox, its client secret in a
// real Secret Service: a missing secret blocks the dry run (also on a tenant the plan creates,
// before the tenant is made), the provider is created once (also when
// the answer is lost), sent the keychain's secret and nothing else has it, a changed option is
// patched, and a second interactive provider is never made active beside the first.
#include "keychaintestsupport.h"
#include "seededclient.h"
#include "stepplanrunner.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/jobsummary.h"
#include "ops/stepregistry.h"
#include "secrets/secretstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::Job;
using Ops::StepAction;
using Ops::StepStatus;
using TestSupport::SandboxFixture;

namespace {

const QString kEntry = u"northwind-entra"_s;
const QString kSecret = u"Xy7~entra-client-secret-for-tests"_s;
const QString kDiscovery = u"https://login.microsoftonline.com/0d1e/v2.0/.well-known/openid-configuration"_s;

} // namespace

class TestOidcIdpStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void missingSecretBlocksTheDryRun();
    void missingSecretBlocksANewTenantBeforeItIsCreated();
    void createsOnceWithTheKeychainSecret();
    void lostCreateAnswerConvergesOnOneProvider();
    void changedOptionsAreUpdatedInPlace();
    void secondInteractiveProviderIsBlocked();
    void emailVerifiedFlagNeedsAzureOrAdfs();

private:
    [[nodiscard]] QJsonArray steps(const QJsonObject &overrides = {}) const;
    [[nodiscard]] QList<QJsonObject> oidcProviders() const;
    [[nodiscard]] bool storeSecret(const QString &entry, const QString &secret);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    std::unique_ptr<Secrets::SecretStore> m_keys;
    std::unique_ptr<StepPlanRunner> m_runner;
    QString m_service;
    Ops::StepRegistry m_steps;
};

void TestOidcIdpStep::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    m_service = KeychainTestSupport::uniqueService("tst_oidcidpstep");
    m_keys = std::make_unique<Secrets::SecretStore>(m_service);
    Ops::BuiltInSteps::registerAll(&m_steps, m_keys.get());
}

void TestOidcIdpStep::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    // Each test starts without a secret (secret-tool fails when there is nothing to clear).
    static_cast<void>(KeychainTestSupport::clearService(m_service));
    QCOMPARE(KeychainTestSupport::secretToolKeys(m_service), QStringList());
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!host.isEmpty());
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"eu"_s});
    m_runner = std::make_unique<StepPlanRunner>(m_client.get(), &m_steps);
    m_runner->setTarget({{u"id"_s, u"northwind"_s}, {u"hostname"_s, host}, {u"profile"_s, u"region-eu"_s}});
}

void TestOidcIdpStep::cleanupTestCase()
{
    static_cast<void>(KeychainTestSupport::clearService(m_service));
    QCOMPARE(KeychainTestSupport::secretToolKeys(m_service), QStringList());
}

QJsonArray TestOidcIdpStep::steps(const QJsonObject &overrides) const
{
    QJsonObject params{{u"provider"_s, u"azureAD"_s},  {u"discoveryUrl"_s, kDiscovery},
                       {u"clientId"_s, u"5f1c-app"_s}, {u"clientSecretEntry"_s, kEntry},
                       {u"realm"_s, u"northwind"_s},   {u"emailVerifiedAlwaysTrue"_s, true}};
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it)
        params.insert(it.key(), it.value());
    return {QJsonObject{{u"id"_s, u"login"_s}, {u"type"_s, u"oidc-idp"_s}, {u"params"_s, params}}};
}

QList<QJsonObject> TestOidcIdpStep::oidcProviders() const
{
    QList<QJsonObject> found;
    for (const QJsonValue idp : m_sandbox->tenantState(u"northwind"_s).value(u"identityProviders"_s).toArray()) {
        if (idp.toObject().value(u"protocol"_s).toString() == u"OIDC"_s)
            found.append(idp.toObject());
    }
    return found;
}

bool TestOidcIdpStep::storeSecret(const QString &entry, const QString &secret)
{
    bool stored = false;
    bool done = false;
    QObject context;
    m_keys->write(Secrets::SecretStore::oidcClientSecretKey(entry), secret, &context,
                  [&](const Secrets::SecretResult &result) {
                      stored = result.ok();
                      done = true;
                  });
    return QTest::qWaitFor([&] { return done; }, 20000) && stored;
}

void TestOidcIdpStep::missingSecretBlocksTheDryRun()
{
    const std::unique_ptr<Job> dry = m_runner->run(steps(), Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::JobState::Step &step = dry->state().targets.at(0).steps.at(0);
    QVERIFY(step.probe);
    QCOMPARE(step.probe->action, StepAction::Blocked);
    QVERIFY2(step.probe->blockedReason.contains(u"tenantryctl idp-secret set northwind-entra"_s),
             qPrintable(step.probe->blockedReason));

    // Applied anyway: blocked before anything is sent.
    const std::unique_ptr<Job> job = m_runner->run(steps());
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Blocked);
    QVERIFY(oidcProviders().isEmpty());
}

void TestOidcIdpStep::missingSecretBlocksANewTenantBeforeItIsCreated()
{
    // The tenant is the plan's own: the provider cannot be probed before it exists, but its
    // secret can be looked for (Step::probeDeferred), so the target is stopped untouched.
    const QString alias = u"oidc-new.eu.qlikcloud.com"_s;
    const QJsonObject tenant{
        {u"id"_s, u"tenant"_s},
        {u"type"_s, u"tenant"_s},
        {u"params"_s, QJsonObject{{u"alias"_s, alias}, {u"licenseSource"_s, m_sandbox->hostOf(u"acme-source"_s)}}}};
    QJsonArray planSteps{tenant};
    planSteps.append(steps().first());
    const QJsonObject target{{u"id"_s, u"oidc-new"_s},
                             {u"hostname"_s, u"${tenant.hostname}"_s},
                             {u"region"_s, u"eu"_s},
                             {u"profile"_s, u"region-eu"_s},
                             {u"steps"_s, planSteps}};
    const qsizetype tenantsBefore = m_sandbox->http().state().value(u"tenants"_s).toArray().size();

    const std::unique_ptr<Job> dry = m_runner->runTargets({target}, Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::JobState::Step &login = dry->state().targets.at(0).steps.at(1);
    QVERIFY(login.probe);
    QCOMPARE(login.probe->action, StepAction::Blocked);
    QVERIFY2(login.probe->blockedReason.contains(u"tenantryctl idp-secret set northwind-entra"_s),
             qPrintable(login.probe->blockedReason));

    // Applied (each target dry-run first, the plan's default): nothing is created.
    const std::unique_ptr<Job> job = m_runner->runTargets({target});
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(1).status, StepStatus::Blocked);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Planned);
    QCOMPARE(m_sandbox->http().state().value(u"tenants"_s).toArray().size(), tenantsBefore);

    // With the secret stored, the same dry run plans the provider after the tenant.
    QVERIFY(storeSecret(kEntry, kSecret));
    const std::unique_ptr<Job> ready = m_runner->runTargets({target}, Job::Mode::DryRun);
    QVERIFY(ready);
    const Ops::JobState::Step &planned = ready->state().targets.at(0).steps.at(1);
    QCOMPARE(planned.status, StepStatus::Planned);
    QCOMPARE(planned.after, u"tenant"_s);
    QVERIFY2(planned.probe->summary.contains(u"after step \"tenant\""_s), qPrintable(planned.probe->summary));
}

void TestOidcIdpStep::createsOnceWithTheKeychainSecret()
{
    QVERIFY(storeSecret(kEntry, kSecret));
    const std::unique_ptr<Job> dry = m_runner->run(steps(), Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, StepAction::Create);
    QVERIFY(oidcProviders().isEmpty());

    const std::unique_ptr<Job> job = m_runner->run(steps());
    QVERIFY(job);
    QVERIFY2(job->state().status == Ops::JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Created);
    QVERIFY2(step.verifyDetail.contains(u"one active interactive provider"_s), qPrintable(step.verifyDetail));

    const QList<QJsonObject> providers = oidcProviders();
    QCOMPARE(providers.size(), 1);
    const QJsonObject idp = providers.first();
    QCOMPARE(idp.value(u"provider"_s).toString(), u"azureAD"_s);
    QVERIFY(idp.value(u"interactive"_s).toBool());
    QVERIFY(idp.value(u"active"_s).toBool());
    QCOMPARE(idp.value(u"clientId"_s).toString(), u"5f1c-app"_s);
    QCOMPARE(idp.value(u"discoveryUrl"_s).toString(), kDiscovery);
    QCOMPARE(idp.value(u"realm"_s).toString(), u"northwind"_s);
    QCOMPARE(step.outputs.value(u"idpId"_s).toString(), idp.value(u"id"_s).toString());
    // The keychain's secret reached Qlik, and is nowhere in the job's files.
    QCOMPARE(idp.value(u"clientSecretSha256"_s).toString(),
             QString::fromLatin1(QCryptographicHash::hash(kSecret.toUtf8(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(KeychainTestSupport::filesContaining(job->journalPath().section(u'/', 0, -2), kSecret), QStringList());

    const std::unique_ptr<Job> again = m_runner->run(steps());
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(oidcProviders().size(), 1);
}

void TestOidcIdpStep::lostCreateAnswerConvergesOnOneProvider()
{
    QVERIFY(storeSecret(kEntry, kSecret));
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/identity-providers$"_s, "POST", 5));
    const std::unique_ptr<Job> job = m_runner->run(steps());
    QVERIFY(job);
    QVERIFY2(job->state().status == Ops::JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
    QCOMPARE(oidcProviders().size(), 1);
}

void TestOidcIdpStep::changedOptionsAreUpdatedInPlace()
{
    QVERIFY(storeSecret(kEntry, kSecret));
    std::unique_ptr<Job> job = m_runner->run(steps());
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Created);
    const QString id = oidcProviders().first().value(u"id"_s).toString();

    // A new realm is patched on its own: no secret needed.
    const QJsonObject newRealm{{u"realm"_s, u"northwind-eu"_s}};
    const std::unique_ptr<Job> dry = m_runner->run(steps(newRealm), Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::StepProbe probe = *dry->state().targets.at(0).steps.at(0).probe;
    QCOMPARE(probe.action, StepAction::Update);
    QCOMPARE(probe.changes.size(), 1);
    QCOMPARE(probe.changes.first().field, u"options.realm"_s);
    job = m_runner->run(steps(newRealm));
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    QCOMPARE(oidcProviders().size(), 1);
    QCOMPARE(oidcProviders().first().value(u"id"_s).toString(), id);
    QCOMPARE(oidcProviders().first().value(u"realm"_s).toString(), u"northwind-eu"_s);

    // A flag only a whole new options object can change: sent again with the keychain's (new) secret.
    const QString rotated = u"rotated-secret-2"_s;
    QVERIFY(storeSecret(kEntry, rotated));
    QJsonObject flag = newRealm;
    flag.insert(u"emailVerifiedAlwaysTrue"_s, false);
    job = m_runner->run(steps(flag));
    QVERIFY(job);
    QVERIFY2(job->state().status == Ops::JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    QCOMPARE(oidcProviders().first().value(u"clientSecretSha256"_s).toString(),
             QString::fromLatin1(QCryptographicHash::hash(rotated.toUtf8(), QCryptographicHash::Sha256).toHex()));
    job = m_runner->run(steps(flag));
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
}

void TestOidcIdpStep::secondInteractiveProviderIsBlocked()
{
    QVERIFY(storeSecret(kEntry, kSecret));
    std::unique_ptr<Job> job = m_runner->run(steps());
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Created);

    // Another application (an Okta one): the tenant can have only one active interactive provider.
    const QJsonObject okta{{u"provider"_s, u"okta"_s},
                           {u"clientId"_s, u"okta-app"_s},
                           {u"discoveryUrl"_s, u"https://northwind.okta.com/.well-known/openid-configuration"_s}};
    QJsonArray other = steps(okta);
    QJsonObject step = other.first().toObject();
    QJsonObject params = step.value(u"params"_s).toObject();
    params.remove(u"emailVerifiedAlwaysTrue"_s);
    step.insert(u"params"_s, params);
    other = {step};
    job = m_runner->run(other, Job::Mode::DryRun);
    QVERIFY(job);
    const Ops::StepProbe probe = *job->state().targets.at(0).steps.at(0).probe;
    QCOMPARE(probe.action, StepAction::Blocked);
    QVERIFY2(probe.blockedReason.contains(u"only one interactive identity provider can be active"_s),
             qPrintable(probe.blockedReason));
    job = m_runner->run(other);
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Blocked);
    QCOMPARE(oidcProviders().size(), 1);
}

void TestOidcIdpStep::emailVerifiedFlagNeedsAzureOrAdfs()
{
    QVERIFY(storeSecret(kEntry, kSecret));
    const std::unique_ptr<Job> job = m_runner->run(steps({{u"provider"_s, u"okta"_s}}), Job::Mode::DryRun);
    QVERIFY(job);
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Failed);
    QVERIFY(step.error);
    QVERIFY2(step.error->message.contains(u"only for the adfs and azureAD"_s), qPrintable(step.error->message));
    QVERIFY(oidcProviders().isEmpty());
}

QTEST_GUILESS_MAIN(TestOidcIdpStep)
#include "tst_oidcidpstep.moc"
