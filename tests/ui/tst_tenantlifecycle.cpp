#include "cloud/sandboxcredentials.h"
#include "cloud/tenantinventory.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "estatewindowfixture.h"
#include "support/sandboxfixture.h"
#include "ui/credentialsdialog.h"
#include "ui/mainwindow.h"
#include "ui/tenantactions.h"
#include "ui/typedconfirmationdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using Role = EstateModel::Role;

// The tenant lifecycle from the estate window (FACTS §3.2, §3.3) against the in-process sandbox:
// the dialogs are driven as a person would, the sandbox's state tells what really happened.
class TestTenantLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addTenantByHostname();
    void deactivateNeedsTheTypedHostnameThenReactivate();
    void editAliasOfAProductionTenantIsConfirmedByTyping();
    void badAliasIsRefusedBeforeAnyCall();
    void credentialsSayTheSandboxUsesSeedClients();
    void bulkDeactivateThenReactivate();

private:
    [[nodiscard]] QModelIndex tenant(const QString &key);
    // Waits for TenantActions::finished; its `ok` and message.
    bool waitFinished(QSignalSpy &spy, bool *ok, QString *message);
    template<typename T>
    [[nodiscard]] T *dialog(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    std::unique_ptr<TestSupport::SandboxFixture> m_sandbox;
    std::unique_ptr<EstateWindowFixture> m_estate;
    EstateSession *m_session = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    MainWindow *m_window = nullptr;
};

void TestTenantLifecycle::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<TestSupport::SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestTenantLifecycle::init()
{
    QSettings().clear();
    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    m_estate = std::make_unique<EstateWindowFixture>(*m_sandbox);
    m_session = m_estate->startSession();
    QCOMPARE(m_session->subscriptionIds().size(), 1); // from the organization profile
    // The tester fetches every node it sees, from inside the model's own signals.
    m_tester = std::make_unique<QAbstractItemModelTester>(m_session->model(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY2(m_estate->showWindow(), qPrintable(m_estate->error()));
    m_window = m_estate->window();
}

void TestTenantLifecycle::cleanup()
{
    m_window = nullptr;
    m_estate->closeWindow();
    m_tester.reset();
    m_session = nullptr;
    m_estate.reset();
}

QModelIndex TestTenantLifecycle::tenant(const QString &key)
{
    return m_session->model()->tenantIndex(m_sandbox->tenantState(key).value(u"id"_s).toString());
}

bool TestTenantLifecycle::waitFinished(QSignalSpy &spy, bool *ok, QString *message)
{
    if (spy.isEmpty() && !spy.wait(20000))
        return false;
    *ok = spy.constLast().at(0).toBool();
    *message = spy.constLast().at(1).toString();
    return true;
}

void TestTenantLifecycle::addTenantByHostname()
{
    TenantActions *actions = m_window->tenantActions();
    QSignalSpy finished(actions, &TenantActions::finished);
    // Offered by the estate menu even without a selection.
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    QAction *add = menu->findChild<QAction *>(u"addTenantAction"_s);
    QVERIFY(add);
    add->trigger();
    auto *input = dialog<QInputDialog>(u"addTenantDialog"_s);
    QVERIFY(input);
    input->setTextValue(u"  NewCo.EU.qlikcloud.com "_s);
    input->accept();
    bool ok = false;
    QString message;
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(message, u"newco.eu.qlikcloud.com added to the tenant inventory."_s);
    QVERIFY(m_session->inventory()->tenant(u"newco.eu.qlikcloud.com"_s));
    QTRY_VERIFY(m_session->model()->tenantIndex(u"newco.eu.qlikcloud.com"_s).isValid());

    // Twice is refused, and so is what is not a hostname.
    finished.clear();
    actions->addTenantByHostname();
    input = dialog<QInputDialog>(u"addTenantDialog"_s);
    input->setTextValue(u"newco.eu.qlikcloud.com"_s);
    input->accept();
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY(!ok);
    QCOMPARE(message, u"newco.eu.qlikcloud.com is already in the estate."_s);
    finished.clear();
    actions->addTenantByHostname();
    input = dialog<QInputDialog>(u"addTenantDialog"_s);
    input->setTextValue(u"analytics.example.com"_s);
    input->accept();
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY(!ok);
    QVERIFY2(message.contains(u"does not show its region"_s), qPrintable(message));
    QVERIFY(!m_session->inventory()->tenant(u"analytics.example.com"_s));
}

void TestTenantLifecycle::deactivateNeedsTheTypedHostnameThenReactivate()
{
    const QModelIndex northwind = tenant(u"northwind"_s);
    QVERIFY(northwind.isValid());
    QCOMPARE(northwind.data(int(Role::Status)).toString(), u"active"_s);
    const QString hostname = m_sandbox->tenantState(u"northwind"_s).value(u"hostnames"_s).toArray().last().toString();
    m_window->estateView()->setCurrentIndex(m_window->estateProxy()->mapFromSource(northwind));
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    QAction *deactivate = menu->findChild<QAction *>(u"deactivateAction"_s);
    QVERIFY(deactivate);
    QVERIFY(!menu->findChild<QAction *>(u"reactivateAction"_s));

    QSignalSpy finished(m_window->tenantActions(), &TenantActions::finished);
    deactivate->trigger();
    auto *confirm = dialog<TypedConfirmationDialog>(u"deactivateDialog"_s);
    QVERIFY(confirm);
    QCOMPARE(confirm->phrase(), hostname);
    // Nothing can be confirmed until the hostname is typed exactly.
    QVERIFY(!confirm->confirmButton()->isEnabled());
    QTest::keyClicks(confirm->confirmationEdit(), hostname.left(hostname.size() - 1));
    QVERIFY(!confirm->confirmButton()->isEnabled());
    QTest::keyClicks(confirm->confirmationEdit(), hostname.right(1));
    QVERIFY(confirm->confirmButton()->isEnabled());
    auto *days = confirm->findChild<QSpinBox *>(u"purgeDaysSpin"_s);
    QCOMPARE(days->minimum(), 10);
    QCOMPARE(days->maximum(), 90);
    QCOMPARE(days->value(), 30);
    days->setValue(12);
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(confirm->grab().save(dir + u"/tenant-deactivate-dialog.png"_s));
    const QDateTime before = m_sandbox->now();
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);

    bool ok = false;
    QString message;
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.startsWith(u"Tenant deactivated; Qlik purges it from "_s), qPrintable(message));
    const QJsonObject state = m_sandbox->tenantState(u"northwind"_s);
    QCOMPARE(state.value(u"status"_s).toString(), u"disabled"_s);
    const QDateTime purge = QDateTime::fromString(state.value(u"estimatedPurgeDate"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(purge.isValid());
    QVERIFY2(qAbs(before.addDays(12).secsTo(purge)) < 120, qPrintable(purge.toString(Qt::ISODate)));
    // The node shows it at once: status, purge date, and nothing loaded below it.
    QCOMPARE(northwind.data(int(Role::Status)).toString(), u"disabled"_s);
    QCOMPARE(northwind.data(int(Role::PurgeDate)).toDateTime(), purge);
    QVERIFY2(northwind.data(int(Role::Detail)).toString().contains(u"purge "_s + purge.date().toString(Qt::ISODate)),
             qPrintable(northwind.data(int(Role::Detail)).toString()));
    QVERIFY(m_window->grab().save(dir + u"/estate-window-deactivated.png"_s));

    // Reactivate before the purge date.
    menu.reset(m_window->estateMenu());
    QAction *reactivate = menu->findChild<QAction *>(u"reactivateAction"_s);
    QVERIFY(reactivate);
    QVERIFY(reactivate->isEnabled());
    QVERIFY(!menu->findChild<QAction *>(u"deactivateAction"_s));
    finished.clear();
    reactivate->trigger();
    auto *box = dialog<QMessageBox>(u"reactivateConfirmation"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(purge.toUTC().toString(u"yyyy-MM-dd"_s)));
    box->button(QMessageBox::Yes)->click();
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s).value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(northwind.data(int(Role::Status)).toString(), u"active"_s);
    QVERIFY(!northwind.data(int(Role::PurgeDate)).toDateTime().isValid());
}

void TestTenantLifecycle::editAliasOfAProductionTenantIsConfirmedByTyping()
{
    const QModelIndex tyrell = tenant(u"tyrell"_s);
    QVERIFY(tyrell.isValid());
    const QStringList before = tyrell.data(int(Role::Hostnames)).toStringList();
    QCOMPARE(m_session->model()->setTag({tyrell}, u"production"_s, true), QString());
    const QString region = tyrell.data(int(Role::RegionId)).toString();
    const QString alias = u"tyrell-corp.%1.qlikcloud.com"_s.arg(region);

    QSignalSpy finished(m_window->tenantActions(), &TenantActions::finished);
    m_window->tenantActions()->editAlias(tyrell);
    auto *input = dialog<QInputDialog>(u"aliasDialog"_s);
    QVERIFY(input);
    QCOMPARE(input->textValue(), before.value(1));
    input->setTextValue(alias);
    input->accept();
    // Production: the hostname people use now must be typed before anything is sent.
    auto *confirm = dialog<TypedConfirmationDialog>(u"typedConfirmation"_s);
    QVERIFY(confirm);
    QVERIFY(finished.isEmpty());
    const QString shown = before.size() > 1 ? before.at(1) : before.at(0);
    QCOMPARE(confirm->phrase(), shown);
    QVERIFY(!confirm->confirmButton()->isEnabled());
    confirm->confirmationEdit()->setText(shown);
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);

    bool ok = false;
    QString message;
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(m_sandbox->tenantState(u"tyrell"_s).value(u"hostnames"_s).toArray().last().toString(), alias);
    QCOMPARE(tyrell.data(int(Role::Hostnames)).toStringList(), (QStringList{before.constFirst(), alias}));
    QCOMPARE(m_session->model()->tenantIndex(alias), QModelIndex(tyrell));
}

void TestTenantLifecycle::badAliasIsRefusedBeforeAnyCall()
{
    const QModelIndex wayne = tenant(u"wayne"_s);
    QVERIFY(wayne.isValid());
    const QStringList before = m_sandbox->tenantState(u"wayne"_s).value(u"hostnames"_s).toVariant().toStringList();
    QSignalSpy finished(m_window->tenantActions(), &TenantActions::finished);
    m_window->tenantActions()->editAlias(wayne);
    auto *input = dialog<QInputDialog>(u"aliasDialog"_s);
    QVERIFY(input);
    input->setTextValue(u"wayne.xx.qlikcloud.com"_s);
    input->accept();
    bool ok = true;
    QString message;
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY(!ok);
    QVERIFY2(message.contains(u"must end with"_s), qPrintable(message));
    QCOMPARE(m_sandbox->tenantState(u"wayne"_s).value(u"hostnames"_s).toVariant().toStringList(), before);
}

void TestTenantLifecycle::credentialsSayTheSandboxUsesSeedClients()
{
    auto *action = m_window->findChild<QAction *>(u"credentialsAction"_s);
    QVERIFY(action);
    action->trigger();
    auto *dialog = m_window->findChild<CredentialsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *note = dialog->findChild<QLabel *>(u"sessionNote"_s);
    QVERIFY(note);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"--sandbox"_s), qPrintable(note->text()));
    dialog->close();
}

void TestTenantLifecycle::bulkDeactivateThenReactivate()
{
    const QStringList keys{u"northwind"_s, u"contoso"_s, u"initech"_s};
    QItemSelectionModel *selection = m_window->estateView()->selectionModel();
    selection->clearSelection();
    for (const QString &key : keys) {
        const QModelIndex index = tenant(key);
        QVERIFY2(index.isValid(), qPrintable(key));
        QCOMPARE(index.data(int(Role::Status)).toString(), u"active"_s);
        selection->select(m_window->estateProxy()->mapFromSource(index),
                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    std::unique_ptr<QMenu> menu(m_window->estateMenu());
    QAction *deactivate = menu->findChild<QAction *>(u"bulkDeactivateAction"_s);
    QVERIFY(deactivate);
    QVERIFY(deactivate->text().contains(u"3"_s));
    QVERIFY(!menu->findChild<QAction *>(u"deactivateAction"_s)); // one tenant's action is not offered
    QVERIFY(!menu->findChild<QAction *>(u"bulkReactivateAction"_s));

    QSignalSpy finished(m_window->tenantActions(), &TenantActions::finished);
    deactivate->trigger();
    auto *confirm = dialog<TypedConfirmationDialog>(u"bulkDeactivateDialog"_s);
    QVERIFY(confirm);
    QCOMPARE(confirm->phrase(), u"deactivate 3 tenants"_s);
    QTest::keyClicks(confirm->confirmationEdit(), u"deactivate 2 tenants"_s);
    QVERIFY(!confirm->confirmButton()->isEnabled());
    confirm->confirmationEdit()->clear();
    QTest::keyClicks(confirm->confirmationEdit(), u"deactivate 3 tenants"_s);
    QVERIFY(confirm->confirmButton()->isEnabled());
    confirm->findChild<QSpinBox *>(u"purgeDaysSpin"_s)->setValue(20);
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QVERIFY(confirm->grab().save(dir + u"/tenant-bulk-deactivate-dialog.png"_s));
    QTest::mouseClick(confirm->confirmButton(), Qt::LeftButton);
    bool ok = false;
    QString message;
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY2(ok, qPrintable(message));
    QCOMPARE(message, u"3 tenants deactivated."_s);
    for (const QString &key : keys) {
        QCOMPARE(m_sandbox->tenantState(key).value(u"status"_s).toString(), u"disabled"_s);
        QCOMPARE(tenant(key).data(int(Role::Status)).toString(), u"disabled"_s);
        QVERIFY(tenant(key).data(int(Role::PurgeDate)).toDateTime().isValid());
    }

    // One reactivation is refused by the server: the others go through, and the report names it.
    QVERIFY(m_sandbox->http().control(
        "PUT", u"/__sandbox/faults"_s,
        QJsonArray{QJsonObject{{u"path"_s,
                                u"^/api/v1/tenants/%1/actions/reactivate$"_s.arg(
                                    m_sandbox->tenantState(u"contoso"_s).value(u"id"_s).toString())},
                               {u"method"_s, u"POST"_s},
                               {u"kind"_s, u"status"_s},
                               {u"status"_s, 403},
                               {u"rate"_s, 1}}}));
    menu.reset(m_window->estateMenu());
    QAction *reactivate = menu->findChild<QAction *>(u"bulkReactivateAction"_s);
    QVERIFY(reactivate);
    QVERIFY(!menu->findChild<QAction *>(u"bulkDeactivateAction"_s));
    finished.clear();
    reactivate->trigger();
    auto *box = dialog<QMessageBox>(u"bulkReactivateConfirmation"_s);
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QVERIFY(waitFinished(finished, &ok, &message));
    QVERIFY(!ok);
    QVERIFY2(message.startsWith(u"2 of 3 tenants reactivated; 1 failed:"_s), qPrintable(message));
    QVERIFY2(message.contains(u"contoso"_s), qPrintable(message));
    QVERIFY(m_sandbox->http().control("PUT", u"/__sandbox/faults"_s, QJsonArray()));
    QCOMPARE(m_sandbox->tenantState(u"northwind"_s).value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(m_sandbox->tenantState(u"initech"_s).value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(m_sandbox->tenantState(u"contoso"_s).value(u"status"_s).toString(), u"disabled"_s);
    QCOMPARE(tenant(u"northwind"_s).data(int(Role::Status)).toString(), u"active"_s);
    QCOMPARE(tenant(u"contoso"_s).data(int(Role::Status)).toString(), u"disabled"_s);
}

QTEST_MAIN(TestTenantLifecycle)
#include "tst_tenantlifecycle.moc"
