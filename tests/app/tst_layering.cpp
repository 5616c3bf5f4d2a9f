#include <QProcess>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// The headless executables must run where there is no display: the linker proves they do not
// depend on Qt Widgets (or Qt Gui at all), the GUI proves the opposite wiring is intact.
class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkedLibraries_data();
    void linkedLibraries();

private:
    static QByteArray ldd(const QString &binary);
};

QByteArray TestLayering::ldd(const QString &binary)
{
    QProcess process;
    process.start(u"ldd"_s, {QStringLiteral(TENANTRY_BIN_DIR "/") + binary});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

void TestLayering::linkedLibraries_data()
{
    QTest::addColumn<QString>("binary");
    QTest::addColumn<bool>("expectWidgets");
    QTest::newRow("tenantryctl") << u"tenantryctl"_s << false;
    QTest::newRow("tenantry-sandbox") << u"tenantry-sandbox"_s << false;
    QTest::newRow("tenantry") << u"tenantry"_s << true;
}

void TestLayering::linkedLibraries()
{
    QFETCH(QString, binary);
    QFETCH(bool, expectWidgets);
    const QByteArray libraries = ldd(binary);
    QVERIFY2(libraries.contains("libQt6Core.so"), libraries.constData());
    QCOMPARE(libraries.contains("libQt6Widgets.so"), expectWidgets);
    if (!expectWidgets)
        QVERIFY2(!libraries.contains("libQt6Gui.so"), libraries.constData());
}

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
