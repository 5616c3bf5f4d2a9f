// The "extension" and "theme" step types (issue 6, onboarding step 9; FACTS §9.1, §9.2) against
// the sandbox: the source tenant's package is copied to the target once, left alone when the file
// is the same, its file replaced when the source's changed, a lost upload answer converges on one
// copy, and a name the source does not have blocks before anything changes. A zip on this computer
// (relative to the plan's folder) is uploaded once, replaced when it changes, and a file that is no
// zip, or a zip of another package, fails with the reason. By tag, every package the source tags
// so is copied once, only a changed one is replaced, and lost upload answers still converge.
#include "seededclient.h"
#include "stepplanrunner.h"
#include "support/sandboxfixture.h"

#include "ops/builtinsteps.h"
#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/stepregistry.h"
#include "sandbox/ziparchive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Ops::Job;
using Ops::JobStatus;
using Ops::StepStatus;
using TestSupport::SandboxFixture;

class TestPackageSteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void copiedOnceThenNoChange();
    void changedSourceFileIsReplaced();
    void lostUploadAnswerConverges();
    void missingOnTheSourceBlocks();
    void localZipUploadedOnceThenReplaced();
    void badLocalZipFailsWithTheReason();
    void byTagCopiesEveryTaggedPackage();
    void byTagLostUploadAnswersConverge();
    void byTagWithNothingTaggedBlocks();
    void newTenantIsCheckedAgainstTheSourceFirst();

private:
    // A chart extension's zip whose .qext names it `qextName`; `version` changes its content.
    [[nodiscard]] static QByteArray chartZip(const QString &qextName, const QString &version);
    [[nodiscard]] static bool writeFile(const QString &path, const QByteArray &bytes);
    [[nodiscard]] static QJsonArray localStep(const QString &file, const QString &name);
    [[nodiscard]] QJsonArray steps(const QString &extension = u"kpi-card"_s) const;
    [[nodiscard]] std::unique_ptr<Job> run(const QJsonArray &steps, Job::Mode mode = Job::Mode::Apply);
    // Uploads a chart extension to the source, tagged `tags` (multipart parts `file` and `data`).
    void addToSource(const QString &name, const QStringList &tags, const QString &version = u"1.0.0"_s);
    [[nodiscard]] QJsonArray byTagSteps(const QString &tag) const;
    [[nodiscard]] qint64 uploadCount() const;
    // The packages of a kind ("extensions", "themes") named `name` in a tenant's state.
    [[nodiscard]] QList<QJsonObject> packages(const QString &tenantKey, const QString &kind, const QString &name);

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<SeededClient> m_client;
    std::unique_ptr<StepPlanRunner> m_runner;
    Ops::StepRegistry m_steps;
    QString m_host;
    QString m_source;
};

void TestPackageSteps::initTestCase()
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    Ops::BuiltInSteps::registerAll(&m_steps);
}

void TestPackageSteps::init()
{
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_host = m_sandbox->hostOf(u"northwind"_s);
    m_source = m_sandbox->hostOf(u"acme-source"_s);
    QVERIFY(!m_host.isEmpty() && !m_source.isEmpty());
    m_client = std::make_unique<SeededClient>(m_sandbox->port(), QStringList{u"eu"_s});
    m_runner = std::make_unique<StepPlanRunner>(m_client.get(), &m_steps);
    m_runner->setTarget({{u"id"_s, u"northwind"_s}, {u"hostname"_s, m_host}, {u"profile"_s, u"region-eu"_s}});
}

QJsonArray TestPackageSteps::steps(const QString &extension) const
{
    return {QJsonObject{{u"id"_s, u"kpi"_s},
                        {u"type"_s, u"extension"_s},
                        {u"params"_s, QJsonObject{{u"source"_s, m_source}, {u"name"_s, extension}}}},
            QJsonObject{{u"id"_s, u"brand-theme"_s},
                        {u"type"_s, u"theme"_s},
                        {u"params"_s, QJsonObject{{u"source"_s, m_source}, {u"name"_s, u"acme-corporate"_s}}}}};
}

std::unique_ptr<Job> TestPackageSteps::run(const QJsonArray &steps, Job::Mode mode)
{
    return m_runner->run(steps, mode);
}

QList<QJsonObject> TestPackageSteps::packages(const QString &tenantKey, const QString &kind, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue item : m_sandbox->tenantState(tenantKey).value(kind).toArray()) {
        if (item[u"name"_s].toString() == name && !item[u"deleted"_s].toBool())
            found.append(item.toObject());
    }
    return found;
}

void TestPackageSteps::copiedOnceThenNoChange()
{
    QVERIFY(packages(u"northwind"_s, u"extensions"_s, u"kpi-card"_s).isEmpty());
    const std::unique_ptr<Job> dry = run(steps(), Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    QCOMPARE(dry->state().targets.at(0).steps.at(1).probe->action, Ops::StepAction::Create);
    QVERIFY(packages(u"northwind"_s, u"extensions"_s, u"kpi-card"_s).isEmpty()); // a dry run changes nothing

    const std::unique_ptr<Job> job = run(steps());
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    for (const auto &[kind, name] : {std::pair{u"extensions"_s, u"kpi-card"_s}, {u"themes"_s, u"acme-corporate"_s}}) {
        const QList<QJsonObject> copied = packages(u"northwind"_s, kind, name);
        QCOMPARE(copied.size(), 1);
        const QList<QJsonObject> original = packages(u"acme-source"_s, kind, name);
        QCOMPARE(original.size(), 1);
        QCOMPARE(copied.first()[u"fileSha256"_s].toString(), original.first()[u"fileSha256"_s].toString());
    }
    QCOMPARE(job->state().targets.at(0).steps.at(0).outputs.value(u"extensionId"_s).toString(),
             packages(u"northwind"_s, u"extensions"_s, u"kpi-card"_s).first()[u"id"_s].toString());

    const qint64 uploads = SeededClient::requestCount(m_sandbox->http(), u"POST /v1/extensions"_s)
        + SeededClient::requestCount(m_sandbox->http(), u"POST /v1/themes"_s);
    const std::unique_ptr<Job> again = run(steps());
    QVERIFY(again);
    QCOMPARE(again->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(again->state().targets.at(0).steps.at(1).status, StepStatus::NoChange);
    QCOMPARE(SeededClient::requestCount(m_sandbox->http(), u"POST /v1/extensions"_s)
                 + SeededClient::requestCount(m_sandbox->http(), u"POST /v1/themes"_s),
             uploads);
}

void TestPackageSteps::changedSourceFileIsReplaced()
{
    QVERIFY(run(steps()));
    // A new version of the extension on the source (multipart `file`, FACTS §9.1).
    Sandbox::ZipArchive zip;
    zip.addFile(
        u"kpi-card.qext"_s,
        QJsonDocument(
            QJsonObject{{u"name"_s, u"kpi-card"_s}, {u"type"_s, u"visualization"_s}, {u"version"_s, u"1.3.0"_s}})
            .toJson());
    zip.addFile(u"kpi-card.js"_s, "define([], function () {\n  return { paint: function () { /* 1.3 */ } };\n});\n");
    const QString sourceId = packages(u"acme-source"_s, u"extensions"_s, u"kpi-card"_s).first()[u"id"_s].toString();
    TestSupport::HttpCall patch;
    patch.method = "PATCH";
    patch.host = m_source;
    patch.path = u"/api/v1/extensions/"_s + sourceId;
    patch.contentType = "multipart/form-data; boundary=b0undary";
    patch.body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kpi-card.zip\"\r\n"
                 "Content-Type: application/zip\r\n\r\n"
        + zip.data() + "\r\n--b0undary--\r\n";
    patch.token = m_sandbox->regionToken(m_source);
    QCOMPARE(m_sandbox->http().send(patch).status, 200);

    const std::unique_ptr<Job> job = run(steps());
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    QCOMPARE(job->state().targets.at(0).steps.at(1).status, StepStatus::NoChange);
    const QList<QJsonObject> copied = packages(u"northwind"_s, u"extensions"_s, u"kpi-card"_s);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.first()[u"fileSha256"_s].toString(),
             packages(u"acme-source"_s, u"extensions"_s, u"kpi-card"_s).first()[u"fileSha256"_s].toString());
    QCOMPARE(copied.first()[u"version"_s].toString(), u"1.3.0"_s);
}

void TestPackageSteps::lostUploadAnswerConverges()
{
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/(extensions|themes)$"_s, "POST", 7));
    const std::unique_ptr<Job> job = run(steps());
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(packages(u"northwind"_s, u"extensions"_s, u"kpi-card"_s).size(), 1);
    QCOMPARE(packages(u"northwind"_s, u"themes"_s, u"acme-corporate"_s).size(), 1);
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
}

void TestPackageSteps::missingOnTheSourceBlocks()
{
    const std::unique_ptr<Job> job = run(steps(u"no-such-extension"_s));
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Blocked);
    QVERIFY2(job->state().targets.at(0).steps.at(0).probe->blockedReason.contains(u"no extension named"_s),
             qPrintable(job->state().targets.at(0).steps.at(0).probe->blockedReason));
    QVERIFY(packages(u"northwind"_s, u"themes"_s, u"acme-corporate"_s).isEmpty()); // nothing changed
}

QByteArray TestPackageSteps::chartZip(const QString &qextName, const QString &version)
{
    Sandbox::ZipArchive zip;
    zip.addFile(
        qextName + u".qext"_s,
        QJsonDocument(QJsonObject{{u"name"_s, qextName}, {u"type"_s, u"visualization"_s}, {u"version"_s, version}})
            .toJson());
    zip.addFile(qextName + u".js"_s, "define([], function () { return { paint: function () {} }; });\n");
    return zip.data();
}

bool TestPackageSteps::writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QJsonArray TestPackageSteps::localStep(const QString &file, const QString &name)
{
    return {QJsonObject{{u"id"_s, u"local"_s},
                        {u"type"_s, u"extension"_s},
                        {u"params"_s, QJsonObject{{u"file"_s, file}, {u"name"_s, name}}}}};
}

void TestPackageSteps::localZipUploadedOnceThenReplaced()
{
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkpath(u"packages"_s));
    const QString zipPath = folder.filePath(u"packages/local-chart.zip"_s);
    QVERIFY(writeFile(zipPath, chartZip(u"local-chart"_s, u"1.0.0"_s)));
    // Relative to the plan's folder, as a plan file next to its packages says it.
    m_runner->setPlanPath(folder.filePath(u"plan.json"_s));

    const std::unique_ptr<Job> dry = run(localStep(u"packages/local-chart.zip"_s, u"local-chart"_s), Job::Mode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->state().targets.at(0).steps.at(0).probe->action, Ops::StepAction::Create);
    std::unique_ptr<Job> job = run(localStep(u"packages/local-chart.zip"_s, u"local-chart"_s));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Created);
    QList<QJsonObject> uploaded = packages(u"northwind"_s, u"extensions"_s, u"local-chart"_s);
    QCOMPARE(uploaded.size(), 1);
    const auto sha256 = [&zipPath] {
        QFile file(zipPath);
        return file.open(QIODevice::ReadOnly)
            ? QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex())
            : QString();
    };
    QCOMPARE(uploaded.first()[u"fileSha256"_s].toString(), sha256());

    job = run(localStep(u"packages/local-chart.zip"_s, u"local-chart"_s));
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);

    // A new version of the zip replaces the file of the same extension.
    QVERIFY(writeFile(zipPath, chartZip(u"local-chart"_s, u"1.1.0"_s)));
    job = run(localStep(u"packages/local-chart.zip"_s, u"local-chart"_s));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::Updated);
    uploaded = packages(u"northwind"_s, u"extensions"_s, u"local-chart"_s);
    QCOMPARE(uploaded.size(), 1);
    QCOMPARE(uploaded.first()[u"fileSha256"_s].toString(), sha256());
}

void TestPackageSteps::badLocalZipFailsWithTheReason()
{
    QTemporaryDir folder;
    const QString notZip = folder.filePath(u"chart.zip"_s);
    QVERIFY(writeFile(notZip, "define([], function () {});\n"));
    std::unique_ptr<Job> job = run(localStep(notZip, u"local-chart"_s), Job::Mode::DryRun);
    QVERIFY(job);
    const Ops::JobState::Step *step = &job->state().targets.at(0).steps.at(0);
    QCOMPARE(step->status, StepStatus::Failed);
    QVERIFY2(step->error && step->error->message.contains(notZip + u" is not a zip archive"_s),
             qPrintable(step->error ? step->error->message : QString()));

    job = run(localStep(folder.filePath(u"missing.zip"_s), u"local-chart"_s), Job::Mode::DryRun);
    QVERIFY(job);
    step = &job->state().targets.at(0).steps.at(0);
    QVERIFY2(step->error && step->error->message.contains(u"missing.zip does not exist"_s),
             qPrintable(step->error ? step->error->message : QString()));

    // Both a source and a file: refused where the plan is read, naming the step's params.
    QJsonArray both = localStep(notZip, u"local-chart"_s);
    QJsonObject bothStep = both.first().toObject();
    QJsonObject params = bothStep[u"params"_s].toObject();
    params.insert(u"source"_s, m_source);
    bothStep.insert(u"params"_s, params);
    const Ops::PlanReadResult refused = m_runner->read({bothStep});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.issues.size(), 1);
    QCOMPARE(refused.issues.first().path, u"$.targets[0].steps[0].params"_s);
    QVERIFY2(refused.issues.first().message.contains(u"exactly one of \"source\""_s),
             qPrintable(refused.issues.first().toString()));

    // A zip of another package: Qlik names it after its .qext, and the step says so.
    const QString other = folder.filePath(u"other.zip"_s);
    QVERIFY(writeFile(other, chartZip(u"other-chart"_s, u"1.0.0"_s)));
    job = run(localStep(other, u"local-chart"_s));
    QVERIFY(job);
    step = &job->state().targets.at(0).steps.at(0);
    QCOMPARE(step->status, StepStatus::Failed);
    QVERIFY2(step->error && step->error->message.contains(u"holds the extension 'other-chart'"_s),
             qPrintable(step->error ? step->error->message : QString()));
    QVERIFY(packages(u"northwind"_s, u"extensions"_s, u"local-chart"_s).isEmpty());
}

void TestPackageSteps::addToSource(const QString &name, const QStringList &tags, const QString &version)
{
    const QList<QJsonObject> existing = packages(u"acme-source"_s, u"extensions"_s, name);
    TestSupport::HttpCall upload;
    upload.method = existing.isEmpty() ? "POST" : "PATCH";
    upload.host = m_source;
    upload.path
        = u"/api/v1/extensions"_s + (existing.isEmpty() ? QString() : u'/' + existing.first()[u"id"_s].toString());
    upload.contentType = "multipart/form-data; boundary=b0undary";
    const QByteArray data = QJsonDocument(QJsonObject{{u"tags"_s, QJsonArray::fromStringList(tags)}}).toJson();
    upload.body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name.toUtf8()
        + ".zip\"\r\nContent-Type: application/zip\r\n\r\n" + chartZip(name, version)
        + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"data\"\r\nContent-Type: application/json\r\n\r\n"
        + data + "\r\n--b0undary--\r\n";
    upload.token = m_sandbox->regionToken(m_source);
    const int status = m_sandbox->http().send(upload).status;
    QVERIFY2(status == 201 || status == 200, qPrintable(QString::number(status)));
}

QJsonArray TestPackageSteps::byTagSteps(const QString &tag) const
{
    return {QJsonObject{{u"id"_s, u"pack"_s},
                        {u"type"_s, u"extensions-by-tag"_s},
                        {u"params"_s, QJsonObject{{u"source"_s, m_source}, {u"tag"_s, tag}}}},
            QJsonObject{{u"id"_s, u"themes"_s},
                        {u"type"_s, u"themes-by-tag"_s},
                        {u"params"_s, QJsonObject{{u"source"_s, m_source}, {u"tag"_s, tag}}}}};
}

qint64 TestPackageSteps::uploadCount() const
{
    return SeededClient::requestCount(m_sandbox->http(), u"POST /v1/extensions"_s)
        + SeededClient::requestCount(m_sandbox->http(), u"PATCH /v1/extensions/{id}"_s)
        + SeededClient::requestCount(m_sandbox->http(), u"POST /v1/themes"_s);
}

void TestPackageSteps::byTagCopiesEveryTaggedPackage()
{
    // The demo seed tags kpi-card and acme-corporate "onboarding"; one more is, one is not.
    addToSource(u"sales-map"_s, {u"maps"_s, u"onboarding"_s});
    addToSource(u"internal-debug"_s, {u"internal"_s});

    const std::unique_ptr<Job> dry = run(byTagSteps(u"onboarding"_s), Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::JobState::Step &planned = dry->state().targets.at(0).steps.at(0);
    QCOMPARE(planned.probe->action, Ops::StepAction::Create);
    QVERIFY2(planned.probe->summary.contains(u"create extensions 'kpi-card', 'sales-map'"_s),
             qPrintable(planned.probe->summary));
    QCOMPARE(planned.probe->calls.count(u"POST /api/v1/extensions"_s), 2);
    QVERIFY(packages(u"northwind"_s, u"extensions"_s, u"sales-map"_s).isEmpty()); // a dry run changes nothing

    std::unique_ptr<Job> job = run(byTagSteps(u"onboarding"_s));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    for (const QString &name : {u"kpi-card"_s, u"sales-map"_s}) {
        const QList<QJsonObject> copied = packages(u"northwind"_s, u"extensions"_s, name);
        QCOMPARE(copied.size(), 1);
        QCOMPARE(copied.first()[u"fileSha256"_s].toString(),
                 packages(u"acme-source"_s, u"extensions"_s, name).first()[u"fileSha256"_s].toString());
    }
    QVERIFY(packages(u"northwind"_s, u"extensions"_s, u"internal-debug"_s).isEmpty()); // not tagged so
    QCOMPARE(packages(u"northwind"_s, u"themes"_s, u"acme-corporate"_s).size(), 1);
    const QJsonObject outputs = job->state().targets.at(0).steps.at(0).outputs;
    QCOMPARE(outputs.value(u"names"_s).toArray(), (QJsonArray{u"kpi-card"_s, u"sales-map"_s}));
    QCOMPARE(outputs.value(u"extensionIds"_s).toArray().at(1).toString(),
             packages(u"northwind"_s, u"extensions"_s, u"sales-map"_s).first()[u"id"_s].toString());
    QCOMPARE(job->state().targets.at(0).steps.at(0).change.created.size(), 2);

    // Again: nothing to do, nothing uploaded.
    const qint64 uploads = uploadCount();
    job = run(byTagSteps(u"onboarding"_s));
    QVERIFY(job);
    QCOMPARE(job->state().targets.at(0).steps.at(0).status, StepStatus::NoChange);
    QCOMPARE(job->state().targets.at(0).steps.at(1).status, StepStatus::NoChange);
    QCOMPARE(uploadCount(), uploads);

    // A new version of one tagged package on the source: only its file is replaced.
    addToSource(u"sales-map"_s, {u"maps"_s, u"onboarding"_s}, u"2.0.0"_s);
    job = run(byTagSteps(u"onboarding"_s));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    const Ops::JobState::Step &replaced = job->state().targets.at(0).steps.at(0);
    QCOMPARE(replaced.status, StepStatus::Updated);
    QCOMPARE(replaced.change.updated.size(), 1);
    QCOMPARE(replaced.change.updated.first().name, u"sales-map"_s);
    QVERIFY(replaced.change.created.isEmpty());
    QCOMPARE(uploadCount(), uploads + 2); // the source's PATCH, and the target's
    const QList<QJsonObject> copied = packages(u"northwind"_s, u"extensions"_s, u"sales-map"_s);
    QCOMPARE(copied.size(), 1);
    QCOMPARE(copied.first()[u"version"_s].toString(), u"2.0.0"_s);
}

void TestPackageSteps::byTagLostUploadAnswersConverge()
{
    addToSource(u"sales-map"_s, {u"onboarding"_s});
    QVERIFY(m_sandbox->http().loseEveryAnswer(u"^/api/v1/extensions$"_s, "POST", 11));
    const std::unique_ptr<Job> job = run(byTagSteps(u"onboarding"_s));
    QVERIFY(job);
    QVERIFY2(job->state().status == JobStatus::Succeeded, qPrintable(Ops::JobSummary::toText(job->state())));
    QCOMPARE(packages(u"northwind"_s, u"extensions"_s, u"kpi-card"_s).size(), 1);
    QCOMPARE(packages(u"northwind"_s, u"extensions"_s, u"sales-map"_s).size(), 1);
    QVERIFY(job->state().targets.at(0).steps.at(0).recovered);
}

void TestPackageSteps::byTagWithNothingTaggedBlocks()
{
    const std::unique_ptr<Job> job = run(byTagSteps(u"no-such-tag"_s));
    QVERIFY(job);
    const Ops::JobState::Step &step = job->state().targets.at(0).steps.at(0);
    QCOMPARE(step.status, StepStatus::Blocked);
    QVERIFY2(step.probe->blockedReason.contains(u"has no extension tagged 'no-such-tag'"_s),
             qPrintable(step.probe->blockedReason));
    QVERIFY(packages(u"northwind"_s, u"extensions"_s, u"kpi-card"_s).isEmpty()); // nothing changed

    // Only a source: a local zip cannot be "every package tagged so".
    QJsonObject withFile = byTagSteps(u"onboarding"_s).first().toObject();
    withFile.insert(u"params"_s, QJsonObject{{u"file"_s, u"a.zip"_s}, {u"tag"_s, u"onboarding"_s}});
    const Ops::PlanReadResult refused = m_runner->read({withFile});
    QVERIFY(!refused.ok());
    QVERIFY2(Ops::PlanIssue::toStrings(refused.issues).join(u'\n').contains(u"params"_s),
             qPrintable(Ops::PlanIssue::toStrings(refused.issues).join(u'\n')));
}

void TestPackageSteps::newTenantIsCheckedAgainstTheSourceFirst()
{
    // The tenant is the plan's own: its packages cannot be read before it exists, but the source's
    // can, so the dry run names what will be copied and a tag nothing carries stops the target
    // before the tenant is made.
    const auto target = [this](const QString &tag) {
        const QJsonObject tenant{
            {u"id"_s, u"tenant"_s},
            {u"type"_s, u"tenant"_s},
            {u"params"_s,
             QJsonObject{{u"alias"_s, u"packages-new.eu.qlikcloud.com"_s}, {u"licenseSource"_s, m_source}}}};
        QJsonArray steps{tenant};
        for (const QJsonValue step : byTagSteps(tag))
            steps.append(step);
        return QJsonObject{{u"id"_s, u"packages-new"_s},
                           {u"hostname"_s, u"${tenant.hostname}"_s},
                           {u"region"_s, u"eu"_s},
                           {u"profile"_s, u"region-eu"_s},
                           {u"steps"_s, steps}};
    };
    const std::unique_ptr<Job> dry = m_runner->runTargets({target(u"onboarding"_s)}, Job::Mode::DryRun);
    QVERIFY(dry);
    const Ops::JobState::Step &planned = dry->state().targets.at(0).steps.at(1);
    QCOMPARE(planned.status, StepStatus::Planned);
    QCOMPARE(planned.after, u"tenant"_s);
    QVERIFY2(planned.probe->summary.startsWith(u"create extension 'kpi-card' (extensions tagged 'onboarding'"_s),
             qPrintable(planned.probe->summary));

    const qsizetype tenantsBefore = m_sandbox->http().state().value(u"tenants"_s).toArray().size();
    const std::unique_ptr<Job> job = m_runner->runTargets({target(u"no-such-tag"_s)});
    QVERIFY(job);
    const Ops::JobState::Step &blocked = job->state().targets.at(0).steps.at(1);
    QCOMPARE(blocked.status, StepStatus::Blocked);
    QVERIFY2(blocked.probe->blockedReason.contains(u"has no extension tagged 'no-such-tag'"_s),
             qPrintable(blocked.probe->blockedReason));
    QCOMPARE(m_sandbox->http().state().value(u"tenants"_s).toArray().size(), tenantsBefore);
}

QTEST_GUILESS_MAIN(TestPackageSteps)
#include "tst_packagesteps.moc"
