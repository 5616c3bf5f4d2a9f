#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatenodekind.h"
#include "estatesession.h"
#include "interfacelanguage.h"
#include "support/sandboxfixture.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"
#include "ui/resourcetablepage.h"
#include "ui/tenantpage.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenuBar>
#include <QPalette>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

// The screenshot set (issue 9): the estate window on the demo sandbox, a tenant's page open, and the
// preferences dialog, in the light and dark palettes × English and German, at the scale factor
// ctest gives (QT_SCALE_FACTOR 1 and 2: two entries). PNGs go to build/test-artifacts/screenshots/
// as <window>-<palette>-<language>-x<scale>.png; each is checked for its pixel size and for being
// light or dark, so a broken palette or scale fails here rather than in a README.
class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void estateWindow_data();
    void estateWindow();

private:
    [[nodiscard]] static QPalette darkPalette();
    // Mean lightness (0..255) of an image, sampled.
    [[nodiscard]] static int meanLightness(const QImage &image);

    std::unique_ptr<TestSupport::SandboxFixture> m_sandbox;
    Cloud::SandboxCredentials m_secrets;
    QPalette m_lightPalette;
    QString m_dir;
    int m_scale = 1;
};

void TestScreenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    m_lightPalette = QApplication::style()->standardPalette();
    m_scale = qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? qEnvironmentVariableIntValue("QT_SCALE_FACTOR") : 1;
    QVERIFY(m_scale == 1 || m_scale == 2);
    m_dir = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR) + u"/screenshots"_s;
    QVERIFY(QDir().mkpath(m_dir));
    m_sandbox = std::make_unique<TestSupport::SandboxFixture>();
    QVERIFY2(m_sandbox->isReady(), qPrintable(m_sandbox->error()));
}

void TestScreenshots::cleanupTestCase()
{
    QCOMPARE(InterfaceLanguage::install(u"en"_s), QString());
    QApplication::setPalette(m_lightPalette);
}

QPalette TestScreenshots::darkPalette()
{
    // What a dark desktop theme hands Qt: light text on dark surfaces.
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    palette.setColor(QPalette::Mid, QColor(0x3c, 0x3f, 0x44));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7f, 0x82, 0x87));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7f, 0x82, 0x87));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7f, 0x82, 0x87));
    return palette;
}

int TestScreenshots::meanLightness(const QImage &image)
{
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            sum += QColor(image.pixel(x, y)).lightness();
            ++count;
        }
    }
    return count ? int(sum / count) : 0;
}

void TestScreenshots::estateWindow_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("language");
    QTest::newRow("light-en") << false << u"en"_s;
    QTest::newRow("dark-en") << true << u"en"_s;
    QTest::newRow("light-de") << false << u"de"_s;
    QTest::newRow("dark-de") << true << u"de"_s;
}

void TestScreenshots::estateWindow()
{
    QFETCH(bool, dark);
    QFETCH(QString, language);
    // The palette and the language come first: icons and texts are chosen as widgets are built.
    QApplication::setPalette(dark ? darkPalette() : m_lightPalette);
    QCOMPARE(InterfaceLanguage::install(language), QString());

    QVERIFY(m_sandbox->http().reset(u"demo"_s));
    QTemporaryDir dir;
    QStringList subscriptions;
    for (const auto &subscription : m_sandbox->http().state(u"-"_s).value(u"subscriptions"_s).toArray())
        subscriptions.append(subscription.toObject().value(u"id"_s).toString());
    EstateSession::Setup setup;
    setup.mode = EstateSession::Mode::Sandbox;
    setup.description = u"Sandbox (demo)"_s;
    setup.profiles = Cloud::SandboxCredentials::profiles(subscriptions);
    setup.secrets = &m_secrets;
    setup.connectTo = Cloud::ConnectToMap::sandbox(m_sandbox->port());
    setup.inventoryFile = dir.filePath(u"inventory.jsonl"_s);
    setup.tagSettingsFile = dir.filePath(u"tags.ini"_s);
    EstateSession session(setup);
    MainWindow window;
    window.resize(1200, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setSession(&session);
    QTRY_VERIFY_WITH_TIMEOUT(!session.model()->isLoadingTenants(), 20000);

    EstateModel *model = session.model();
    const QString northwindId = m_sandbox->tenantState(u"northwind"_s).value(u"id"_s).toString();
    const QModelIndex northwind = model->tenantIndex(northwindId);
    QVERIFY(northwind.isValid());
    QCOMPARE(model->setTag({northwind}, u"production"_s, true), QString());
    window.selectTenant(northwindId);
    auto *page = qobject_cast<TenantPage *>(window.currentPage());
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->tablePage(EstateNodeKind::Spaces)->tableView()->model()->rowCount() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoadingTenants(), 20000);

    const QString palette = dark ? u"dark"_s : u"light"_s;
    const QPixmap shot = window.grab();
    // Scale 2 renders twice the pixels for the same window size: High-DPI, not a blurry upscale.
    QCOMPARE(shot.devicePixelRatio(), qreal(m_scale));
    QCOMPARE(shot.size(), window.size() * m_scale);
    const int lightness = meanLightness(shot.toImage());
    QVERIFY2(dark ? lightness < 110 : lightness > 160, qPrintable(QString::number(lightness)));
    const QString windowFile = u"%1/estate-window-%2-%3-x%4.png"_s.arg(m_dir, palette, language).arg(m_scale);
    QVERIFY(shot.save(windowFile));

    // The menu titles say which language the shot is in.
    const QString file = window.menuBar()->actions().value(0)->text();
    QCOMPARE(file, language == "de"_L1 ? u"&Datei"_s : u"&File"_s);

    auto *preferences = window.openPreferences();
    QVERIFY(preferences);
    QVERIFY(QTest::qWaitForWindowExposed(preferences));
    const QPixmap dialogShot = preferences->grab();
    QCOMPARE(dialogShot.devicePixelRatio(), qreal(m_scale));
    QVERIFY(dialogShot.save(u"%1/preferences-%2-%3-x%4.png"_s.arg(m_dir, palette, language).arg(m_scale)));
    preferences->reject();
    window.setSession(nullptr);
    qInfo().noquote() << "Screenshot:" << windowFile;
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
