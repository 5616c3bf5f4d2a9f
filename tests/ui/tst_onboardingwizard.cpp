// The onboarding wizard against the real sandbox (in this process, over loopback HTTP, demo seed):
// opened from File → Onboard Customer… with the eu region current, every page is driven through its
// widgets — the customer and alias, the demo template loaded from resources/templates, a bad PEM, a
// duplicate group, a role a space type does not have, an http origin — then the review's dry run,
// Save as Plan / Save as Template (read back), and Apply in the activity panel. The sandbox's state
// must hold the new tenant with its alias, its groups and group settings, both spaces, one CSP origin
// and one web integration, the copied extension, theme and automation, the active brand, the
// customer's key provider, both published apps and the JWT check's test user. A second onboarding of the same customer
// must find nothing to do. Every page is saved as build/test-artifacts/onboarding-wizard-<page>.png.
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "eventloopheartbeat.h"
#include "jobboard.h"
#include "joblistmodel.h"
#include "ops/onboardingtemplate.h"
#include "secrets/secretstore.h"
#include "support/sandboxfixture.h"
#include "ui/activitypanel.h"
#include "ui/commandpalette.h"
#include "ui/fieldproblemlabel.h"
#include "ui/interactiveloginbox.h"
#include "ui/mainwindow.h"
#include "ui/onboardingcontentpage.h"
#include "ui/onboardingcustomerpage.h"
#include "ui/onboardinggroupspage.h"
#include "ui/onboardingidentitypage.h"
#include "ui/onboardingoriginspage.h"
#include "ui/onboardingreviewpage.h"
#include "ui/onboardingspacespage.h"
#include "ui/onboardingtemplatepage.h"
#include "ui/onboardingwizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using Role = JobListModel::Role;
using TestSupport::SandboxFixture;

namespace {

const QString customerName = u"Demo Customer"_s;
const QString alias = u"demo-customer.eu.qlikcloud.com"_s;
const QString templatePath = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/templates/onboard-demo.template.json");
const QString demoBrand = QStringLiteral(TENANTRY_SOURCE_DIR "/resources/plans/demo-brand");
const QString keyArn = QStringLiteral("arn:aws:kms:eu-west-1:111222334455:key/mrk-1237c011a37e4f67e1987c7612a4560b");

QList<QJsonObject> named(const QJsonArray &items, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonValue item : items) {
        if (item.toObject().value(u"name"_s).toString() == name)
            found.append(item.toObject());
    }
    return found;
}

} // namespace

class TestOnboardingWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void walkTheWizardAndApply();
    void secondOnboardingChangesNothing();

private:
    // Opens the wizard from the File menu with the eu region current and walks it to a finished dry
    // run; with `checks`, each page's validation is exercised and screenshots are saved on the way.
    // With `viaPalette`, it is opened from Ctrl+K instead.
    [[nodiscard]] OnboardingWizard *walkToReview(bool checks, bool viaPalette = false);
    [[nodiscard]] static QString artifacts();
    void shoot(QWidget *wizard, const QString &page) const;
    [[nodiscard]] JobListModel *jobs() const { return m_window->jobBoard()->model(); }
    [[nodiscard]] QJsonObject customerTenant() const;
    [[nodiscard]] QStringList reviewResults(const OnboardingWizard *wizard) const;
    // The identity page's OIDC box: checked as typed, its secret stored in the keychain and named
    // (not held) by the plan; removed again and the box unchecked, so the onboarding stays the demo's.
    [[nodiscard]] bool checkInteractiveLogin(OnboardingWizard *wizard) const;

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    MainWindow *m_window = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_longestStall = -1;
};

void TestOnboardingWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    m_session = m_estate->startSession();
    QVERIFY2(m_estate->showWindow([this](MainWindow *window) {
        m_window = window;
        m_tester = std::make_unique<QAbstractItemModelTester>(jobs(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        jobs()->setUpdateInterval(std::chrono::milliseconds(0));
    }),
             qPrintable(m_estate->error()));
    QVERIFY(m_session->model()->tenantIndex(u"acme-source.eu.qlikcloud.com"_s).isValid());
}

void TestOnboardingWizard::cleanupTestCase()
{
    if (m_longestStall >= 0)
        qInfo("longest UI-thread stall during the wizard's dry run: %lld ms", m_longestStall);
    m_tester.reset();
    m_window = nullptr;
    m_session = nullptr;
    m_estate.reset();
}

QString TestOnboardingWizard::artifacts()
{
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QDir().mkpath(dir);
    return dir;
}

void TestOnboardingWizard::shoot(QWidget *wizard, const QString &page) const
{
    QVERIFY(wizard->grab().save(artifacts() + u"/onboarding-wizard-"_s + page + u".png"_s));
}

QJsonObject TestOnboardingWizard::customerTenant() const
{
    const QJsonArray tenants = m_sandbox->http().state().value(u"tenants"_s).toArray();
    for (const QJsonValue tenant : tenants) {
        if (tenant.toObject().value(u"hostnames"_s).toArray().contains(alias))
            return m_sandbox->tenantState(tenant.toObject().value(u"id"_s).toString());
    }
    return {};
}

QStringList TestOnboardingWizard::reviewResults(const OnboardingWizard *wizard) const
{
    QStringList results;
    const QTableWidget *table = wizard->reviewPage()->table();
    for (int row = 0; row < table->rowCount(); ++row)
        results.append(table->item(row, int(OnboardingReviewPage::Column::Result))->text());
    return results;
}

OnboardingWizard *TestOnboardingWizard::walkToReview(bool checks, bool viaPalette)
{
    // An eu tenant is current in the estate tree: the wizard starts with its region.
    const QModelIndex current
        = m_window->estateProxy()->mapFromSource(m_session->model()->tenantIndex(u"northwind.eu.qlikcloud.com"_s));
    m_window->estateView()->setCurrentIndex(current);
    auto *onboard = m_window->findChild<QAction *>(u"onboardCustomerAction"_s);
    if (!onboard) {
        qWarning("File has no Onboard Customer…");
        return nullptr;
    }
    if (viaPalette) {
        CommandPalette *palette = m_window->commandPalette();
        palette->open();
        palette->lineEdit()->setText(u"onboard customer"_s);
        if (palette->shownTexts().value(0) != "Onboard Customer"_L1) {
            qWarning("the palette offers %s", qPrintable(palette->shownTexts().join(u", "_s)));
            return nullptr;
        }
        QTest::keyClick(palette->lineEdit(), Qt::Key_Return);
    } else {
        onboard->trigger();
    }
    auto *wizard = m_window->findChild<OnboardingWizard *>();
    if (!wizard || !QTest::qWaitForWindowExposed(wizard))
        return nullptr;
    QAbstractButton *next = wizard->button(QWizard::NextButton);

    // 1. Customer and region: the alias follows the name; a bad one is refused next to the field.
    OnboardingCustomerPage *customer = wizard->customerPage();
    if (wizard->currentPage() != customer || customer->regionId() != "eu"_L1) {
        qWarning("the region is %s, not eu", qPrintable(customer->regionId()));
        return nullptr;
    }
    QTest::keyClicks(customer->nameEdit(), customerName);
    if (customer->aliasEdit()->text() != alias) {
        qWarning("the alias suggested is %s", qPrintable(customer->aliasEdit()->text()));
        return nullptr;
    }
    if (checks) {
        customer->aliasEdit()->setText(u"demo_customer.us.qlikcloud.com"_s);
        if (!customer->aliasProblem()->isVisibleTo(wizard) || next->isEnabled()) {
            qWarning("a bad alias passes: %s", qPrintable(customer->aliasProblem()->problem()));
            return nullptr;
        }
        shoot(wizard, u"customer-invalid"_s);
        customer->aliasEdit()->setText(alias);
        shoot(wizard, u"customer"_s);
    }
    if (!next->isEnabled())
        return nullptr;
    next->click();

    // 2. Template: the demo template fills every later page.
    OnboardingTemplatePage *templatePage = wizard->templatePage();
    if (wizard->currentPage() != templatePage)
        return nullptr;
    if (const QString error = templatePage->loadTemplate(templatePath); !error.isEmpty()) {
        qWarning("the demo template does not load: %s", qPrintable(error));
        return nullptr;
    }
    const QModelIndex source = m_session->model()->tenantIndex(u"acme-source.eu.qlikcloud.com"_s);
    if (templatePage->sourceCombo()->currentData().toString()
        != source.data(int(EstateModel::Role::Hostname)).toString()) {
        qWarning("the source is %s", qPrintable(templatePage->sourceCombo()->currentText()));
        return nullptr;
    }
    if (checks)
        shoot(wizard, u"template"_s);
    if (!next->isEnabled())
        return nullptr;
    next->click();

    // 3. Identity: an imported PEM is parsed as it is pasted; the demo onboarding generates its key.
    OnboardingIdentityPage *identity = wizard->identityPage();
    if (wizard->currentPage() != identity || !identity->generateButton()->isChecked())
        return nullptr;
    if (checks) {
        const QString issuer = identity->issuerEdit()->text();
        identity->importButton()->click();
        identity->issuerEdit()->setText(u"https://login.example/${target.id}"_s);
        identity->pemEdit()->setPlainText(u"-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----"_s);
        if (!identity->pemProblem()->problem().startsWith(u"the public key does not parse"_s) || next->isEnabled()) {
            qWarning("a broken PEM passes: %s", qPrintable(identity->pemProblem()->problem()));
            return nullptr;
        }
        shoot(wizard, u"identity"_s);
        identity->generateButton()->click();
        identity->issuerEdit()->setText(issuer);
        if (!checkInteractiveLogin(wizard))
            return nullptr;
    }
    if (!next->isEnabled())
        return nullptr;
    next->click();

    // 4. Groups: a duplicate name is refused until removed.
    OnboardingGroupsPage *groups = wizard->groupsPage();
    // The template's group settings show checked: both flags on.
    if (wizard->currentPage() != groups || groups->table()->rowCount() != 2 || !groups->settingsBox()->isChecked()
        || !groups->autoCreateBox()->isChecked() || !groups->syncBox()->isChecked())
        return nullptr;
    if (checks) {
        groups->addButton()->click();
        groups->table()->item(2, int(OnboardingGroupsPage::Column::Name))->setText(u"${vars.customer} viewers"_s);
        if (!groups->problemLabel()->problem().contains(u"is listed twice"_s) || next->isEnabled()) {
            qWarning("a duplicate group passes: %s", qPrintable(groups->problemLabel()->problem()));
            return nullptr;
        }
        shoot(wizard, u"groups"_s);
        groups->table()->setCurrentCell(2, 0);
        groups->removeButton()->click();
    }
    if (!next->isEnabled())
        return nullptr;
    next->click();

    // 5. Spaces: roles must be the space type's; names must not hold what Qlik refuses.
    OnboardingSpacesPage *spaces = wizard->spacesPage();
    if (wizard->currentPage() != spaces || spaces->stagingTable()->rowCount() != 2)
        return nullptr;
    if (spaces->stagingTable()->item(0, int(OnboardingSpacesPage::Column::Roles))->text() != "producer"_L1
        || spaces->productionTable()->item(1, int(OnboardingSpacesPage::Column::Roles))->text() != "consumer"_L1) {
        qWarning("the template's space roles are not shown");
        return nullptr;
    }
    if (checks) {
        spaces->productionTable()->item(1, int(OnboardingSpacesPage::Column::Roles))->setText(u"producer"_s);
        spaces->stagingNameEdit()->setText(u"Staging: new"_s);
        if (!spaces->productionProblem()->problem().contains(u"\"producer\" is not a role of a managed space"_s)
            || !spaces->stagingProblem()->problem().contains(u"':' is not allowed"_s) || next->isEnabled()) {
            qWarning("bad spaces pass: %s / %s", qPrintable(spaces->stagingProblem()->problem()),
                     qPrintable(spaces->productionProblem()->problem()));
            return nullptr;
        }
        shoot(wizard, u"spaces"_s);
        spaces->productionTable()->item(1, int(OnboardingSpacesPage::Column::Roles))->setText(u"consumer"_s);
        spaces->stagingNameEdit()->setText(u"Staging"_s);
    }
    if (!next->isEnabled())
        return nullptr;
    next->click();

    // 6. Web origins: http only for loopback.
    OnboardingOriginsPage *origins = wizard->originsPage();
    if (wizard->currentPage() != origins
        || origins->origins() != QStringList{u"https://portal.demo-customer.example"_s})
        return nullptr;
    if (checks) {
        const QString kept = origins->originsEdit()->toPlainText();
        origins->originsEdit()->setPlainText(kept + u"\nhttp://portal.demo-customer.example"_s);
        if (!origins->originsProblem()->problem().startsWith(u"line 2: "_s) || next->isEnabled()) {
            qWarning("an http origin passes: %s", qPrintable(origins->originsProblem()->problem()));
            return nullptr;
        }
        shoot(wizard, u"origins"_s);
        origins->originsEdit()->setPlainText(kept);
    }
    if (!next->isEnabled())
        return nullptr;
    next->click();

    // 7. Content: the source's apps arrive without blocking; the template's two, named, are checked.
    OnboardingContentPage *content = wizard->contentPage();
    if (wizard->currentPage() != content
        || !QTest::qWaitFor([content] { return !content->isLoading() && content->appList()->topLevelItemCount() > 0; },
                            20000))
        return nullptr;
    QStringList checkedApps;
    for (int i = 0; i < content->appList()->topLevelItemCount(); ++i) {
        if (content->appList()->topLevelItem(i)->checkState(0) == Qt::Checked)
            checkedApps.append(content->appList()->topLevelItem(i)->text(0));
    }
    if (checkedApps != QStringList{u"Executive KPIs"_s, u"Sales Dashboard"_s}) {
        qWarning("the template's apps are not the ones checked: %s", qPrintable(checkedApps.join(u", "_s)));
        return nullptr;
    }
    if (checks) {
        // The template's tags and automation are named, to be copied as they are.
        const QString copies = content->copiesLabel()->text();
        if (!copies.contains(u"extensions tagged onboarding"_s) || !copies.contains(u"themes tagged onboarding"_s)
            || !copies.contains(u"Add new users to Production"_s)) {
            qWarning("the content page does not name what the template copies: %s", qPrintable(copies));
            return nullptr;
        }
        // The template's brand and key: files checked where picked, the ARN where typed.
        if (!content->brandBox()->isChecked() || !content->keyBox()->isChecked()
            || QFileInfo(content->logoEdit()->text()).canonicalFilePath()
                != QFileInfo(demoBrand + u"/logo.png"_s).canonicalFilePath()
            || content->keyArnEdit()->text() != keyArn) {
            qWarning("the template's brand and key are not on the content page: %s, %s",
                     qPrintable(content->logoEdit()->text()), qPrintable(content->keyArnEdit()->text()));
            return nullptr;
        }
        const QString logo = content->logoEdit()->text();
        content->logoEdit()->setText(content->favIconEdit()->text());
        if (!content->logoProblem()->problem().contains(u"is not a PNG or JPEG image"_s) || next->isEnabled()) {
            qWarning("an ICO passes as the logo: %s", qPrintable(content->logoProblem()->problem()));
            return nullptr;
        }
        content->favIconEdit()->setText(u"/no/such/favicon.ico"_s);
        if (content->favIconProblem()->problem().isEmpty()) {
            qWarning("a missing favicon passes");
            return nullptr;
        }
        content->keyArnEdit()->setText(u"arn:aws:kms:eu-west-1:1234:key/x"_s);
        if (!content->keyArnProblem()->problem().contains(u"is not an AWS KMS key ARN"_s) || next->isEnabled()) {
            qWarning("a bad ARN passes: %s", qPrintable(content->keyArnProblem()->problem()));
            return nullptr;
        }
        shoot(wizard, u"content-problems"_s);
        content->favIconEdit()->setText(demoBrand + u"/favicon.ico"_s);
        content->logoEdit()->setText(logo);
        content->keyArnEdit()->setText(keyArn);
        if (!content->logoProblem()->problem().isEmpty() || !content->favIconProblem()->problem().isEmpty()
            || !content->keyArnProblem()->problem().isEmpty())
            return nullptr;
        shoot(wizard, u"content"_s);
    }
    if (!next->isEnabled())
        return nullptr;

    // 8. Review: the dry run, with the event loop watched while it runs.
    EventLoopHeartbeat heartbeat;
    heartbeat.start();
    next->click();
    OnboardingReviewPage *review = wizard->reviewPage();
    if (wizard->currentPage() != review || !QTest::qWaitFor([review] { return review->isDryRunFinished(); }, 30000))
        return nullptr;
    heartbeat.stop();
    m_longestStall = std::max<qint64>(m_longestStall, heartbeat.longestStall().count());
    return wizard;
}

bool TestOnboardingWizard::checkInteractiveLogin(OnboardingWizard *wizard) const
{
    const QString secret = u"oidc-wizard-secret-%1"_s.arg(QCoreApplication::applicationPid());
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    InteractiveLoginBox *login = wizard->identityPage()->interactiveLoginBox();
    login->setChecked(true);
    login->providerCombo()->setCurrentText(u"azureAD"_s);
    login->discoveryUrlEdit()->setText(u"http://login.example/.well-known/openid-configuration"_s);
    login->clientIdEdit()->setText(u"5f1c-app"_s);
    login->realmEdit()->setText(u"-demo"_s);
    if (!login->discoveryUrlProblem()->problem().contains(u"is not an https URL"_s)
        || !login->realmProblem()->problem().contains(u"is not a realm"_s) || next->isEnabled()) {
        qWarning("bad OIDC fields pass: %s / %s", qPrintable(login->discoveryUrlProblem()->problem()),
                 qPrintable(login->realmProblem()->problem()));
        return false;
    }
    login->discoveryUrlEdit()->setText(
        u"https://login.microsoftonline.com/0d1e/v2.0/.well-known/openid-configuration"_s);
    login->realmEdit()->setText(u"demo"_s);
    login->emailVerifiedCheck()->setChecked(true);
    // Not complete until the keychain holds the secret (the first look finds none).
    if (!QTest::qWaitFor([&] { return login->secretStateLabel()->text().startsWith(u"Not in the keychain"_s); }, 20000)
        || next->isEnabled()) {
        qWarning("the OIDC box passes without a secret: %s", qPrintable(login->secretStateLabel()->text()));
        return false;
    }
    login->secretEdit()->setText(secret);
    login->storeSecretButton()->click();
    if (!QTest::qWaitFor([&] { return next->isEnabled(); }, 20000) || !login->secretEdit()->text().isEmpty()
        || !login->secretStateLabel()->text().contains(u"oidc-client-secret/demo-customer"_s)) {
        qWarning("the OIDC secret was not stored: %s", qPrintable(login->secretStateLabel()->text()));
        return false;
    }
    shoot(wizard, u"identity-oidc"_s);
    const QJsonObject plan = wizard->planBuilder().toJson();
    const QJsonObject step = plan[u"targets"_s][0][u"steps"_s][2].toObject();
    if (step[u"type"_s] != u"oidc-idp"_s || step[u"params"_s][u"clientSecretEntry"_s] != u"demo-customer"_s
        || step[u"params"_s][u"emailVerifiedAlwaysTrue"_s] != true
        || QJsonDocument(plan).toJson().contains(secret.toUtf8())) {
        qWarning("the plan's OIDC step is wrong: %s", QJsonDocument(step).toJson().constData());
        return false;
    }

    // Put back: no secret left behind, the box off.
    bool removed = false;
    QObject context;
    m_window->jobBoard()->keys()->remove(Secrets::SecretStore::oidcClientSecretKey(u"demo-customer"_s), &context,
                                         [&removed](const Secrets::SecretResult &result) { removed = result.ok(); });
    if (!QTest::qWaitFor([&removed] { return removed; }, 20000))
        return false;
    login->setChecked(false);
    return next->isEnabled();
}

void TestOnboardingWizard::walkTheWizardAndApply()
{
    OnboardingWizard *wizard = walkToReview(true);
    QVERIFY(wizard);
    OnboardingReviewPage *review = wizard->reviewPage();
    QCOMPARE(review->table()->rowCount(), 19);
    // A new tenant: every step creates (the later ones once the tenant exists), but for its group
    // settings, which every tenant has: those are updated.
    QStringList expected(19, u"create"_s);
    expected[5] = u"update"_s;
    QCOMPARE(reviewResults(wizard), expected);
    QVERIFY2(review->countsLabel()->text().startsWith(u"18 create · 1 update · 0 no change · 0 blocked"_s),
             qPrintable(review->countsLabel()->text()));
    QVERIFY(review->table()->item(0, int(OnboardingReviewPage::Column::Calls))->text().contains(u"POST"_s));
    QVERIFY(customerTenant().isEmpty()); // a dry run changes nothing
    QVERIFY(wizard->button(QWizard::CustomButton1)->isVisible()); // Save as Plan…
    QVERIFY(wizard->button(QWizard::CustomButton2)->isVisible()); // Save as Template…
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    shoot(wizard, u"review"_s);

    // Save as Plan…: the plan `tenantryctl apply` runs, the demo plan's steps.
    const QString planPath = m_estate->filePath(u"onboard.json"_s);
    QCOMPARE(review->savePlan(planPath), QString());
    QFile planFile(planPath);
    QVERIFY(planFile.open(QIODevice::ReadOnly));
    const QJsonObject plan = QJsonDocument::fromJson(planFile.readAll()).object();
    QCOMPARE(plan, review->planJson());
    const QJsonObject target = plan.value(u"targets"_s).toArray().first().toObject();
    QCOMPARE(target.value(u"profile"_s).toString(), u"sandbox-region-eu"_s);
    QCOMPARE(target.value(u"vars"_s).toObject().value(u"customer"_s).toString(), customerName);
    QStringList types;
    for (const QJsonValue step : target.value(u"steps"_s).toArray())
        types.append(step.toObject().value(u"type"_s).toString());
    QCOMPARE(types,
             (QStringList{u"tenant"_s, u"recovery-admin"_s, u"jwt-idp"_s, u"group"_s, u"group"_s, u"group-settings"_s,
                          u"licenses"_s, u"space"_s, u"space"_s, u"csp-origin"_s, u"web-integration"_s,
                          u"extensions-by-tag"_s, u"themes-by-tag"_s, u"brand"_s, u"key-provider"_s, u"publish-app"_s,
                          u"publish-app"_s, u"automation"_s, u"embed-check"_s}));

    // Save as Template…: everything but the customer, read back equal.
    const QString savedTemplate = m_estate->filePath(u"template.json"_s);
    QCOMPARE(wizard->saveTemplate(savedTemplate), QString());
    const Ops::OnboardingTemplate::ReadResult read = Ops::OnboardingTemplate::readFile(savedTemplate);
    QVERIFY2(read.onboardingTemplate, qPrintable(read.errors.join(u'\n')));
    QVERIFY(*read.onboardingTemplate == wizard->onboardingTemplate());
    QFile templateFile(savedTemplate);
    QVERIFY(templateFile.open(QIODevice::ReadOnly));
    QVERIFY(!templateFile.readAll().contains(customerName.toUtf8())); // no customer in a template

    // Apply: the plan goes to the activity panel and the wizard closes.
    const QPointer<OnboardingWizard> guard(wizard);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!guard || !guard->isVisible());
    const QString applyId = m_window->activityPanel()->currentJobId();
    QVERIFY(!applyId.isEmpty());
    QVERIFY(m_window->activityDock()->isVisible());
    const QModelIndex applyRow = jobs()->indexOfJob(applyId);
    QVERIFY(applyRow.isValid());
    QVERIFY(!applyRow.data(int(Role::DryRun)).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(applyRow.data(int(Role::Status)).toString(), u"succeeded"_s, 60000);

    // The sandbox holds the tenant with its alias and everything exactly once.
    const QJsonObject tenant = customerTenant();
    QVERIFY2(!tenant.isEmpty(), "no tenant has the alias");
    int withAlias = 0;
    for (const QJsonValue other : m_sandbox->http().state().value(u"tenants"_s).toArray())
        withAlias += other.toObject().value(u"hostnames"_s).toArray().contains(alias) ? 1 : 0;
    QCOMPARE(withAlias, 1);
    const QList<QJsonObject> developers = named(tenant.value(u"groups"_s).toArray(), u"Demo Customer Developers"_s);
    QCOMPARE(developers.size(), 1);
    QCOMPARE(developers.first().value(u"roles"_s).toArray(), QJsonArray{u"SharedSpaceCreator"_s});
    QCOMPARE(named(tenant.value(u"groups"_s).toArray(), u"Demo Customer Viewers"_s).size(), 1);
    const QList<QJsonObject> staging = named(tenant.value(u"spaces"_s).toArray(), u"Staging"_s);
    const QList<QJsonObject> production = named(tenant.value(u"spaces"_s).toArray(), u"Production"_s);
    QCOMPARE(staging.size(), 1);
    QCOMPARE(production.size(), 1);
    QCOMPARE(staging.first().value(u"type"_s).toString(), u"shared"_s);
    QCOMPARE(production.first().value(u"type"_s).toString(), u"managed"_s);
    const QList<QJsonObject> portal = named(tenant.value(u"webIntegrations"_s).toArray(), u"Demo Customer portal"_s);
    QCOMPARE(portal.size(), 1);
    QCOMPARE(tenant.value(u"webIntegrations"_s).toArray().size(), 1);
    QCOMPARE(portal.first().value(u"validOrigins"_s).toArray(), QJsonArray{u"https://portal.demo-customer.example"_s});
    QCOMPARE(tenant.value(u"cspOrigins"_s).toArray().size(), 1);
    QCOMPARE(tenant.value(u"groupSettings"_s).toObject().value(u"autoCreateGroups"_s).toBool(), true);
    QCOMPARE(named(tenant.value(u"extensions"_s).toArray(), u"kpi-card"_s).size(), 1);
    QCOMPARE(named(tenant.value(u"themes"_s).toArray(), u"acme-corporate"_s).size(), 1);
    QCOMPARE(named(tenant.value(u"automations"_s).toArray(), u"Add new users to Production"_s).size(), 1);
    const QList<QJsonObject> brands = named(tenant.value(u"brands"_s).toArray(), customerName);
    QCOMPARE(brands.size(), 1);
    QVERIFY(brands.first().value(u"active"_s).toBool());
    const QJsonArray keys = tenant.value(u"encryptionKeyProviders"_s).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first()[u"arn"_s].toString(), keyArn);
    QCOMPARE(tenant.value(u"keyMigration"_s).toObject().value(u"migratingTo"_s).toString(), keyArn);
    // The apps are published, and the test consumer of the JWT check logged in once.
    int published = 0;
    for (const QJsonValue app : tenant.value(u"apps"_s).toArray())
        published += app[u"spaceId"_s] == production.first().value(u"id"_s) && app[u"published"_s].toBool() ? 1 : 0;
    QCOMPARE(published, 2);
    int checkUsers = 0;
    for (const QJsonValue user : tenant.value(u"users"_s).toArray())
        checkUsers += user[u"subject"_s].toString() == u"tenantry-embed-check"_s ? 1 : 0;
    QCOMPARE(checkUsers, 1);
    m_window->activityPanel()->view()->expand(applyRow);
    m_window->activityPanel()->view()->expand(jobs()->index(0, 0, applyRow));
    QTest::qWait(50);
    shoot(m_window, u"applied"_s);
}

void TestOnboardingWizard::secondOnboardingChangesNothing()
{
    // The same customer again, from the command palette: the dry run finds everything in place.
    OnboardingWizard *wizard = walkToReview(false, true);
    QVERIFY(wizard);
    QCOMPARE(reviewResults(wizard), QStringList(19, u"no change"_s));
    QVERIFY2(wizard->reviewPage()->countsLabel()->text().endsWith(u"— nothing to do"_s),
             qPrintable(wizard->reviewPage()->countsLabel()->text()));
    shoot(wizard, u"review-again"_s);
    wizard->reject();
}

QTEST_MAIN(TestOnboardingWizard)
#include "tst_onboardingwizard.moc"
