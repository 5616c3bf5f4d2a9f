#include "ui/iconcatalog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(Icon)
Q_DECLARE_METATYPE(IconCatalog::Variant)

namespace {

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

// No dark palette ships with Qt 6.4's styles; this is what a dark desktop theme typically hands us.
QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2b, 0x2e, 0x33));
    palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe9, 0xec));
    palette.setColor(QPalette::Base, QColor(0x22, 0x25, 0x29));
    palette.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2e, 0x33));
    palette.setColor(QPalette::Text, QColor(0xe6, 0xe9, 0xec));
    palette.setColor(QPalette::Button, QColor(0x35, 0x39, 0x3f));
    palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe9, 0xec));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb0));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x86, 0x8c));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x8c));
    return palette;
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(QColor color)
{
    const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(QColor a, QColor b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// How many pixels of the icon, drawn on `background`, stand out from it at least as much as WCAG asks
// of user-interface graphics (3:1).
int legiblePixels(const QPixmap &pixmap, QColor background)
{
    QImage composed(pixmap.size(), QImage::Format_RGB32);
    composed.fill(background);
    {
        QPainter painter(&composed);
        painter.drawPixmap(0, 0, pixmap);
    }
    int count = 0;
    for (int y = 0; y < composed.height(); ++y) {
        for (int x = 0; x < composed.width(); ++x) {
            if (contrast(composed.pixelColor(x, y), background) >= 3.0)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestIconCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyIconHasBothDrawings_data();
    void everyIconHasBothDrawings();
    void resourcesHoldNoUnlistedIcon();
    void namesAreUnique();
    void legibleAtSixteenPixels_data();
    void legibleAtSixteenPixels();
    void variantFollowsThePalette();
    void iconsAreCached();
    void applicationIconRendersAtEverySize();
    void contactSheets_data();
    void contactSheets();

private:
    static void addIconRows();
};

void TestIconCatalog::init()
{
    QApplication::setPalette(lightPalette());
}

void TestIconCatalog::addIconRows()
{
    QTest::addColumn<Icon>("icon");
    for (const Icon icon : IconCatalog::all())
        QTest::newRow(qPrintable(IconCatalog::name(icon))) << icon;
}

void TestIconCatalog::everyIconHasBothDrawings_data()
{
    addIconRows();
}

void TestIconCatalog::everyIconHasBothDrawings()
{
    QFETCH(Icon, icon);
    QFile light(IconCatalog::resourcePath(icon, IconCatalog::Variant::Light));
    QFile dark(IconCatalog::resourcePath(icon, IconCatalog::Variant::Dark));
    QVERIFY2(light.open(QIODevice::ReadOnly), qPrintable(light.fileName()));
    QVERIFY2(dark.open(QIODevice::ReadOnly), qPrintable(dark.fileName()));
    const QByteArray lightSvg = light.readAll();
    const QByteArray darkSvg = dark.readAll();
    QVERIFY(lightSvg.contains("viewBox=\"0 0 24 24\""));
    QVERIFY(lightSvg.contains("#3b4754"));
    QVERIFY(!darkSvg.contains("#3b4754"));
    QVERIFY(darkSvg.contains("#ced6de"));
}

void TestIconCatalog::resourcesHoldNoUnlistedIcon()
{
    QStringList expected;
    for (const Icon icon : IconCatalog::all())
        expected << IconCatalog::name(icon) + u".svg"_s;
    expected.sort();
    QCOMPARE(QDir(u":/icons/light"_s).entryList(QDir::Files, QDir::Name), expected);
    QCOMPARE(QDir(u":/icons/dark"_s).entryList(QDir::Files, QDir::Name), expected);
}

void TestIconCatalog::namesAreUnique()
{
    QStringList names;
    for (const Icon icon : IconCatalog::all())
        names << IconCatalog::name(icon);
    QCOMPARE(names.size(), static_cast<qsizetype>(IconCatalog::count));
    names.removeDuplicates();
    QCOMPARE(names.size(), static_cast<qsizetype>(IconCatalog::count));
}

void TestIconCatalog::legibleAtSixteenPixels_data()
{
    QTest::addColumn<Icon>("icon");
    QTest::addColumn<IconCatalog::Variant>("variant");
    for (const Icon icon : IconCatalog::all()) {
        const QString name = IconCatalog::name(icon);
        QTest::newRow(qPrintable(name + u"/light"_s)) << icon << IconCatalog::Variant::Light;
        QTest::newRow(qPrintable(name + u"/dark"_s)) << icon << IconCatalog::Variant::Dark;
    }
}

void TestIconCatalog::legibleAtSixteenPixels()
{
    QFETCH(Icon, icon);
    QFETCH(IconCatalog::Variant, variant);
    const QPalette palette = variant == IconCatalog::Variant::Dark ? darkPalette() : lightPalette();
    QCOMPARE(IconCatalog::variantFor(palette), variant);

    const QPixmap pixmap = IconCatalog::icon(icon, variant).pixmap(QSize(16, 16), 1.0);
    QCOMPARE(pixmap.size(), QSize(16, 16));
    // A 16 px icon is 256 pixels; a readable glyph has a stroke of at least a few dozen of them that
    // stand out from both the window and the view background.
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
        const int legible = legiblePixels(pixmap, palette.color(role));
        QVERIFY2(legible >= 24,
                 qPrintable(u"only %1 legible pixels on %2"_s.arg(legible).arg(palette.color(role).name())));
    }
}

void TestIconCatalog::variantFollowsThePalette()
{
    QApplication::setPalette(darkPalette());
    QCOMPARE(IconCatalog::icon(Icon::Tenant).cacheKey(),
             IconCatalog::icon(Icon::Tenant, IconCatalog::Variant::Dark).cacheKey());
    QApplication::setPalette(lightPalette());
    QCOMPARE(IconCatalog::icon(Icon::Tenant).cacheKey(),
             IconCatalog::icon(Icon::Tenant, IconCatalog::Variant::Light).cacheKey());
    QVERIFY(IconCatalog::icon(Icon::Tenant, IconCatalog::Variant::Light).cacheKey()
            != IconCatalog::icon(Icon::Tenant, IconCatalog::Variant::Dark).cacheKey());
}

void TestIconCatalog::iconsAreCached()
{
    const QIcon first = IconCatalog::icon(Icon::Refresh);
    QVERIFY(!first.isNull());
    QCOMPARE(IconCatalog::icon(Icon::Refresh).cacheKey(), first.cacheKey());
}

void TestIconCatalog::applicationIconRendersAtEverySize()
{
    const QIcon appIcon = IconCatalog::applicationIcon();
    QVERIFY(!appIcon.isNull());
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QImage image = appIcon.pixmap(QSize(size, size), 1.0).toImage();
        QCOMPARE(image.size(), QSize(size, size));
        // The corners stay transparent (rounded face), the middle is painted.
        QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
        QCOMPARE(image.pixelColor(size / 2, size / 2).alpha(), 255);
    }
}

void TestIconCatalog::contactSheets_data()
{
    QTest::addColumn<IconCatalog::Variant>("variant");
    QTest::addColumn<qreal>("scale");
    QTest::newRow("light@1x") << IconCatalog::Variant::Light << 1.0;
    QTest::newRow("dark@1x") << IconCatalog::Variant::Dark << 1.0;
    QTest::newRow("light@2x") << IconCatalog::Variant::Light << 2.0;
    QTest::newRow("dark@2x") << IconCatalog::Variant::Dark << 2.0;
}

// Every icon at 16/24/32/48 px, then 16 px selected and disabled, on the palette it is drawn for:
// build/test-artifacts/icons-<variant>@<scale>x.png, for people to look at.
void TestIconCatalog::contactSheets()
{
    QFETCH(IconCatalog::Variant, variant);
    QFETCH(qreal, scale);
    const QPalette palette = variant == IconCatalog::Variant::Dark ? darkPalette() : lightPalette();
    QApplication::setPalette(palette);
    QCOMPARE(IconCatalog::variantFor(QApplication::palette()), variant);

    constexpr int columns = 2;
    constexpr int labelWidth = 130;
    constexpr int rowHeight = 56;
    const QList<int> sizes{16, 24, 32, 48};
    const int panelWidth = labelWidth + static_cast<int>(sizes.size()) * 56 + 2 * 40;
    const auto icons = IconCatalog::all();
    const int rows = static_cast<int>((icons.size() + columns - 1) / columns);

    QImage sheet(QSize(columns * panelWidth, rows * rowHeight) * scale, QImage::Format_ARGB32);
    sheet.setDevicePixelRatio(scale);
    sheet.fill(palette.color(QPalette::Window));
    QPainter painter(&sheet);
    painter.setPen(palette.color(QPalette::WindowText));
    for (std::size_t i = 0; i < icons.size(); ++i) {
        const Icon icon = icons[i];
        const int x0 = static_cast<int>(i % columns) * panelWidth;
        const int y0 = static_cast<int>(i / columns) * rowHeight;
        painter.drawText(QRect(x0 + 8, y0, labelWidth, rowHeight), Qt::AlignVCenter, IconCatalog::name(icon));
        int x = x0 + labelWidth;
        for (const int size : sizes) {
            const QPixmap pixmap = IconCatalog::icon(icon).pixmap(QSize(size, size), scale);
            QCOMPARE(pixmap.deviceIndependentSize(), QSizeF(size, size));
            painter.drawPixmap(x, y0 + (rowHeight - size) / 2, pixmap);
            x += 56;
        }
        const QRect selected(x - 4, y0 + (rowHeight - 24) / 2, 24, 24);
        painter.fillRect(selected, palette.color(QPalette::Highlight));
        painter.drawPixmap(x, y0 + (rowHeight - 16) / 2,
                           IconCatalog::icon(icon).pixmap(QSize(16, 16), scale, QIcon::Selected));
        x += 40;
        painter.drawPixmap(x, y0 + (rowHeight - 16) / 2,
                           IconCatalog::icon(icon).pixmap(QSize(16, 16), scale, QIcon::Disabled));
    }
    painter.end();

    QVERIFY(QDir().mkpath(QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR)));
    const QString path = QStringLiteral(TENANTRY_TEST_ARTIFACTS_DIR "/icons-%1@%2x.png")
                             .arg(variant == IconCatalog::Variant::Dark ? u"dark"_s : u"light"_s)
                             .arg(scale);
    QVERIFY2(sheet.save(path), qPrintable(path));
    QCOMPARE(QImage(path).size(), sheet.size());
}

QTEST_MAIN(TestIconCatalog)
#include "tst_iconcatalog.moc"
