#include "ui/credentialsdialog.h"
#include "ui/firstrundialog.h"

#include <QDir>
#include <QMainWindow>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// The dialog `tenantry` opens when no credential profile exists, driven offscreen.
class TestFirstRunDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sandboxStartsTheSandbox();
    void laterConnectsWithoutCredentials();
    void addCredentialsOpensTheCredentialsDialog();
};

void TestFirstRunDialog::sandboxStartsTheSandbox()
{
    QMainWindow window;
    window.show();
    auto *dialog = new FirstRunDialog(&window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QSignalSpy sandbox(dialog, &FirstRunDialog::sandboxRequested);
    QSignalSpy cloud(dialog, &FirstRunDialog::cloudRequested);
    dialog->open();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR);
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(dialog->grab().save(dir + u"/first-run-dialog.png"_s));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"sandboxButton"_s), Qt::LeftButton);
    QCOMPARE(sandbox.count(), 1);
    QCOMPARE(cloud.count(), 0);
    QVERIFY(!dialog->isVisible());
}

void TestFirstRunDialog::laterConnectsWithoutCredentials()
{
    FirstRunDialog dialog;
    QSignalSpy sandbox(&dialog, &FirstRunDialog::sandboxRequested);
    QSignalSpy cloud(&dialog, &FirstRunDialog::cloudRequested);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"laterButton"_s), Qt::LeftButton);
    QCOMPARE(cloud.count(), 1);
    QCOMPARE(sandbox.count(), 0);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestFirstRunDialog::addCredentialsOpensTheCredentialsDialog()
{
    QMainWindow window;
    window.show();
    FirstRunDialog dialog(&window);
    QSignalSpy cloud(&dialog, &FirstRunDialog::cloudRequested);
    dialog.open();
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"addCredentialsButton"_s), Qt::LeftButton);
    QPointer<CredentialsDialog> credentials = dialog.credentialsDialog();
    QVERIFY(credentials);
    QCOMPARE(credentials->parentWidget(), &window);
    QVERIFY(credentials->isVisible());
    QVERIFY(!dialog.isVisible());
    QCOMPARE(cloud.count(), 0);
    // Closing the credentials dialog connects with whatever was configured in it.
    credentials->reject();
    QCOMPARE(cloud.count(), 1);
    QTRY_VERIFY(!credentials); // deleted on close
}

QTEST_MAIN(TestFirstRunDialog)
#include "tst_firstrundialog.moc"
