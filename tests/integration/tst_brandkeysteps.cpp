// The "brand" and "key-provider" step types (issue 6, onboarding steps 9 and 9b; FACTS §9.3, spec
// /v1/brands and /v1/encryption/keyproviders) against the sandbox: created once then left alone, a
// changed logo replaced, lost create answers converging on one brand and one key provider, bad
// local files blocking before anything changes, and a key whose test fails never migrated to.
#include "seededclient.h"
#include "stepplanrunner.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/stepregistry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using TestSupport::SandboxFixture;

namespace {

const QString kDemoBrand = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/demo-brand");
// A multi-region key in the eu region's datacenter (eu-west-1): its test passes (replica in the DR region).
const QString kMrkArn = u"arn:aws:kms:eu-west-1:111222334455:key/mrk-1237c011a37e4f67e1987c7612a4560b"_s;
// A single-region key: Qlik's test reports it not DR compliant.
const QString kSingleRegionArn = u"arn:aws:kms:eu-west-1:111222334455:key/0f1e2d3c-4b5a-4697-8877-665544332211"_s;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// The sizes of a brand's files in the state dump: {"logo": 146, "favIcon": 198}.
QJsonObject fileSizes(const QJsonObject &brand)
{
    QJsonObject sizes;
    for (const QJsonValue file : brand.value(u"files"_s).toArray())
        sizes.insert(file[u"id"_s].toString(), file[u"size"_s]);
    return sizes;
}

} // namespace

class TestBrandKeySteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void brandCreatedOnceThenNoChange();
    void relativeFilesAreTakenFromThePlanFolder();
    void changedLogoIsReplaced();
    void lostCreateAnswersConverge();
    void badFilesBlock_data();
    void badFilesBlock();
    void keyProviderRegisteredTestedMigratedThenNoChange();
    void failedKeyTestNeverMigrates();

private:
    [[nodiscard]] QJsonObject brandStep(const QString &logo, const QString &favIcon) const;
    [[nodiscard]] static QJsonObject keyStep(const QString &arn);
    [[nodiscard]] QList<QJsonObject> brands(const QString &name);
    [[nodiscard]] QList<QJsonObject> providers(const QString &arn);
    [[nodiscard]] int requests(const QString &operation)
    {
        return SeededClient::requestCount(m_sandbox->http(), operation);
    }
    [[nodiscard]] std::unique_ptr<Job> run(const QJsonArray &steps, Job::Mode mode = Job::Mode::Apply)
    {
        return m_runner->run(steps, mode);
    }

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    std::unique_ptr<StepPlanRunner> m_runner;
    Ops::StepRegistry m_steps;
    QTemporaryDir m_files;
    QString m_logo;
    QString m_favIcon;
};

void TestBrandKeySteps::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
    QVERIFY(m_files.isValid());
}

void TestBrandKeySteps::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    const QString host = m_sandbox->hostOf(u"northwind"_s);
    QVERIFY(!host.isEmpty());
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"eu"_s});
    m_runner = std::make_unique<StepPlanRunner>(m_client.get(), &m_steps);
    m_runner->setTarget({{u"id"_s, u"northwind"_s}, {u"hostname"_s, host}, {u"profile"_s, u"region-eu"_s}});
    // Copies of the shipped demo files, so a test may change them.
    m_logo = m_files.filePath(u"logo.png"_s);
    m_favIcon = m_files.filePath(u"favicon.ico"_s);
    QVERIFY(writeAll(m_logo, readAll(kDemoBrand + u"/logo.png"_s)));
    QVERIFY(writeAll(m_favIcon, readAll(kDemoBrand + u"/favicon.ico"_s)));
}

QJsonObject TestBrandKeySteps::brandStep(const QString &logo, const QString &favIcon) const
{
    return {{u"id"_s, u"branding"_s},
            {u"type"_s, u"brand"_s},
            {u"params"_s,
             QJsonObject{{u"name"_s, u"Northwind"_s},
                         {u"description"_s, u"Northwind's colours"_s},
                         {u"logo"_s, logo},
                         {u"favIcon"_s, favIcon}}}};
}

QJsonObject TestBrandKeySteps::keyStep(const QString &arn)
{
    return {{u"id"_s, u"cmk"_s},
            {u"type"_s, u"key-provider"_s},
            {u"params"_s, QJsonObject{{u"arn"_s, arn}, {u"name"_s, u"Northwind CMK"_s}}}};
}

QList<QJsonObject> TestBrandKeySteps::brands(const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue brand : m_sandbox->tenantState(u"northwind"_s).value(u"brands"_s).toArray()) {
        if (brand[u"name"_s].toString() == name)
            found.append(brand.toObject());
    }
    return found;
}

QList<QJsonObject> TestBrandKeySteps::providers(const QString &arn)
{
    QList<QJsonObject> found;
    for (const QJsonValue provider :
         m_sandbox->tenantState(u"northwind"_s).value(u"encryptionKeyProviders"_s).toArray()) {
        if (provider[u"arn"_s].toString() == arn)
            found.append(provider.toObject());
    }
    return found;
}

void TestBrandKeySteps::relativeFilesAreTakenFromThePlanFolder()
{
    // The plan sits beside its files; the test runs elsewhere.
    QVERIFY(QDir::current().absolutePath() != m_files.path());
    m_runner->setPlanPath(m_files.filePath(u"plan.json"_s));
    const std::unique_ptr<Job> job = m_runner->run({brandStep(u"logo.png"_s, u"favicon.ico"_s)});
    m_runner->setPlanPath({});
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(brands(u"Northwind"_s).size(), 1);
}

void TestBrandKeySteps::brandCreatedOnceThenNoChange()
{
    const QJsonArray steps{brandStep(m_logo, m_favIcon)};
    const std::unique_ptr<Job> dry = run(steps, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QVERIFY(brands(u"Northwind"_s).isEmpty()); // a dry run changes nothing

    const std::unique_ptr<Job> job = run(steps);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Created);
    const QList<QJsonObject> created = brands(u"Northwind"_s);
    QCOMPARE(created.size(), 1);
    QVERIFY(created.first()[u"active"_s].toBool());
    QCOMPARE(fileSizes(created.first()),
             (QJsonObject{{u"logo"_s, int(readAll(m_logo).size())}, {u"favIcon"_s, int(readAll(m_favIcon).size())}}));
    QCOMPARE(job->state().targets.at(0).steps.at(0).outputs.value(u"brandId"_s).toString(),
             created.first()[u"id"_s].toString());

    const int creates = requests(u"POST /v1/brands"_s);
    QCOMPARE(creates, 1);
    const std::unique_ptr<Job> again = run(steps);
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(requests(u"POST /v1/brands"_s), creates);
    QCOMPARE(requests(u"PUT /v1/brands/{brand-id}/files/{brand-file-id}"_s), 0);
    QCOMPARE(brands(u"Northwind"_s).size(), 1);
}

void TestBrandKeySteps::changedLogoIsReplaced()
{
    const QJsonArray steps{brandStep(m_logo, m_favIcon)};
    QVERIFY(run(steps));
    // The same picture with a trailing chunk of bytes: a different file, still a PNG.
    const QByteArray changed = readAll(m_logo) + QByteArray(40, 'x');
    QVERIFY(writeAll(m_logo, changed));

    const std::unique_ptr<Job> dry = run(steps, Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::StepProbe probe = *dry->state().targets.at(0).steps.at(0).probe;
    QCOMPARE(probe.action, Ops::StepAction::Update);
    QCOMPARE(probe.changes.size(), 1);
    QCOMPARE(probe.changes.first().field, u"files.logo"_s);

    const std::unique_ptr<Job> job = run(steps);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    QCOMPARE(requests(u"PUT /v1/brands/{brand-id}/files/{brand-file-id}"_s), 1);
    const QList<QJsonObject> updated = brands(u"Northwind"_s);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(fileSizes(updated.first()).value(u"logo"_s).toInt(), int(changed.size()));
}

void TestBrandKeySteps::lostCreateAnswersConverge()
{
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/(brands|encryption/keyproviders)$"_s, "POST", 11));
    const std::unique_ptr<Job> job = run({brandStep(m_logo, m_favIcon), keyStep(kMrkArn)});
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
    QVERIFY(job->state().targets.at(0).steps.at(1).recovered);
    QCOMPARE(requests(u"POST /v1/brands"_s), 1);
    QCOMPARE(requests(u"POST /v1/encryption/keyproviders"_s), 1);
    const QList<QJsonObject> brand = brands(u"Northwind"_s);
    QCOMPARE(brand.size(), 1);
    QVERIFY(brand.first()[u"active"_s].toBool());
    const QList<QJsonObject> provider = providers(kMrkArn);
    QCOMPARE(provider.size(), 1);
    QVERIFY(provider.first()[u"current"_s].toBool());
}

void TestBrandKeySteps::badFilesBlock_data()
{
    QTest::addColumn<QString>("file"); // which parameter gets the bad file: "logo" or "favIcon"
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing logo") << u"logo"_s << QByteArray() << u"does not exist"_s;
    QTest::newRow("logo is a GIF") << u"logo"_s << QByteArray("GIF89a\x01\x00\x01\x00") << u"not a PNG or JPEG"_s;
    QTest::newRow("favicon is a PNG") << u"favIcon"_s << readAll(kDemoBrand + u"/logo.png"_s) << u"not an ICO"_s;
    QTest::newRow("logo too big") << u"logo"_s << QByteArray("\x89PNG\r\n\x1a\n") + QByteArray(300 * 1024, '\0')
                                  << u"Qlik accepts at most 307200"_s;
    QTest::newRow("favicon too big") << u"favIcon"_s
                                     << QByteArray("\x00\x00\x01\x00\x01\x00", 6) + QByteArray(100 * 1024, '\0')
                                     << u"Qlik accepts at most 102400"_s;
}

void TestBrandKeySteps::badFilesBlock()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString bad = m_files.filePath(u"bad-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    QFile::remove(bad);
    if (!content.isEmpty())
        QVERIFY(writeAll(bad, content));
    const bool logo = file == "logo"_L1;
    const std::unique_ptr<Job> job = run({brandStep(logo ? bad : m_logo, logo ? m_favIcon : bad), keyStep(kMrkArn)});
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Blocked);
    const QString blocked = job->state().targets.at(0).steps.at(0).probe->blockedReason;
    QVERIFY2(blocked.contains(bad) && blocked.contains(reason), qPrintable(blocked));
    // Nothing changed: no brand, and the later step never ran.
    QVERIFY(brands(u"Northwind"_s).isEmpty());
    QCOMPARE(requests(u"POST /v1/brands"_s), 0);
    QVERIFY(providers(kMrkArn).isEmpty());
}

void TestBrandKeySteps::keyProviderRegisteredTestedMigratedThenNoChange()
{
    const QJsonArray steps{keyStep(kMrkArn)};
    const std::unique_ptr<Job> dry = run(steps, Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->calls.size(), 3); // register, test, migrate
    QVERIFY(providers(kMrkArn).isEmpty());

    const std::unique_ptr<Job> job = run(steps);
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Created);
    const QList<QJsonObject> provider = providers(kMrkArn);
    QCOMPARE(provider.size(), 1);
    QVERIFY(provider.first()[u"tested"_s].toBool());
    QVERIFY(provider.first()[u"drCompliant"_s].toBool());
    QVERIFY(provider.first()[u"current"_s].toBool());
    QCOMPARE(job->state().targets.at(0).steps.at(0).outputs.value(u"keyProviderId"_s).toString(),
             provider.first()[u"arnFingerPrint"_s].toString());
    const QJsonObject migration = m_sandbox->tenantState(u"northwind"_s).value(u"keyMigration"_s).toObject();
    QCOMPARE(migration.value(u"migratingTo"_s).toString(), kMrkArn);

    const std::unique_ptr<Job> again = run(steps);
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(requests(u"POST /v1/encryption/keyproviders"_s), 1);
    QCOMPARE(requests(u"POST /v1/encryption/keyproviders/{arnFingerPrint}/actions/test"_s), 1);
    QCOMPARE(requests(u"POST /v1/encryption/keyproviders/{arnFingerPrint}/actions/migrate"_s), 1);
}

void TestBrandKeySteps::failedKeyTestNeverMigrates()
{
    const QJsonArray steps{keyStep(kSingleRegionArn)};
    for (int attempt = 1; attempt <= 2; ++attempt) { // the second run tests again and fails again
        const std::unique_ptr<Job> job = run(steps);
        QVERIFY(job);
        QCOMPARE(job->state().status, JobStatus::Failed);
        const auto &step = job->state().targets.at(0).steps.at(0);
        QCOMPARE(step.status, StepStatus::Failed);
        QVERIFY(step.error);
        QVERIFY2(step.error->message.contains(u"Encryption-88"_s) && step.error->message.contains(u"not migrated"_s),
                 qPrintable(step.error->message));
        QCOMPARE(requests(u"POST /v1/encryption/keyproviders/{arnFingerPrint}/actions/test"_s), attempt);
    }
    QCOMPARE(requests(u"POST /v1/encryption/keyproviders"_s), 1);
    QCOMPARE(requests(u"POST /v1/encryption/keyproviders/{arnFingerPrint}/actions/migrate"_s), 0);
    const QList<QJsonObject> provider = providers(kSingleRegionArn);
    QCOMPARE(provider.size(), 1);
    QVERIFY(!provider.first()[u"current"_s].toBool());
    QVERIFY(!m_sandbox->tenantState(u"northwind"_s).contains(u"keyMigration"_s));
}

QTEST_GUILESS_MAIN(TestBrandKeySteps)
#include "tst_brandkeysteps.moc"
