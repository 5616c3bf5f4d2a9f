#include "interfacelanguage.h"
#include "preferences.h"
#include "ui/mainwindow.h"
#include "ui/preferencesdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

// The German translation: shipped in the resources, loaded by InterfaceLanguage, complete in the
// .ts (every message translated, the same placeholders and accelerators as its source), and the
// language choice (--lang, preference, system languages).
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void germanIsShipped();
    void germanWindowSpeaksGerman();
    void englishIsTheSourceLanguage();
    void missingTranslationIsReported();
    void choosesRequestThenPreferenceThenSystem_data();
    void choosesRequestThenPreferenceThenSystem();
    void tsFileIsComplete();

private:
    [[nodiscard]] static QStringList menuTitles(const MainWindow &window);
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestTranslations::cleanup()
{
    QCOMPARE(InterfaceLanguage::install(u"en"_s), QString());
}

QStringList TestTranslations::menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

void TestTranslations::germanIsShipped()
{
    QVERIFY(QFileInfo::exists(u":/i18n/tenantry_de.qm"_s));
    QCOMPARE(Preferences::shippedLanguages(), QStringList{u"de"_s});
    QVERIFY(InterfaceLanguage::isAvailable(u"de"_s));
    QVERIFY(InterfaceLanguage::isAvailable(u"en"_s));
    QVERIFY(InterfaceLanguage::isAvailable(u"de_DE"_s));
    QVERIFY(InterfaceLanguage::isAvailable(u"en-GB"_s));
    QVERIFY(!InterfaceLanguage::isAvailable(u"fr"_s));
}

void TestTranslations::germanWindowSpeaksGerman()
{
    QCOMPARE(InterfaceLanguage::install(u"de"_s), QString());
    QCOMPARE(InterfaceLanguage::current(), u"de"_s);
    MainWindow window;
    QCOMPARE(menuTitles(window), (QStringList{u"&Datei"_s, u"&Ansicht"_s, u"&Hilfe"_s}));
    QCOMPARE(window.findChild<QAction *>(u"preferencesAction"_s)->text(), u"E&instellungen…"_s);
    QCOMPARE(window.findChild<QAction *>(u"publishAppsAction"_s)->text(), u"Apps &veröffentlichen…"_s);
    PreferencesDialog preferences;
    QCOMPARE(preferences.windowTitle(), u"Einstellungen"_s);
    // Qt's own buttons come from qttranslations when the system has it (Debian: qt6-translations-l10n).
    if (QFileInfo::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s))
        QCOMPARE(preferences.buttons()->button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
}

void TestTranslations::englishIsTheSourceLanguage()
{
    QCOMPARE(InterfaceLanguage::install(u"de"_s), QString());
    QCOMPARE(InterfaceLanguage::install(u"en"_s), QString());
    QCOMPARE(InterfaceLanguage::current(), u"en"_s);
    MainWindow window;
    QCOMPARE(menuTitles(window), (QStringList{u"&File"_s, u"&View"_s, u"&Help"_s}));
    QCOMPARE(window.windowTitle(), u"Tenantry"_s);
}

void TestTranslations::missingTranslationIsReported()
{
    const QString error = InterfaceLanguage::install(u"xx"_s);
    QVERIFY2(error.contains(u"tenantry_xx.qm"_s) && error.contains(u"English"_s), qPrintable(error));
    QCOMPARE(InterfaceLanguage::current(), u"en"_s);
    MainWindow window;
    QCOMPARE(menuTitles(window).value(0), u"&File"_s);
}

void TestTranslations::choosesRequestThenPreferenceThenSystem_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("preferred");
    QTest::addColumn<QStringList>("system");
    QTest::addColumn<QString>("chosen");
    const QStringList german{u"de-DE"_s, u"de"_s};
    const QStringList french{u"fr-FR"_s, u"fr"_s};
    QTest::newRow("system German") << QString() << QString() << german << u"de"_s;
    QTest::newRow("system Austrian") << QString() << QString() << QStringList{u"de_AT"_s} << u"de"_s;
    QTest::newRow("system French") << QString() << QString() << french << u"en"_s;
    QTest::newRow("French, then German") << QString() << QString() << (french + german) << u"de"_s;
    QTest::newRow("English before German") << QString() << QString() << QStringList{u"en-GB"_s, u"de-DE"_s} << u"en"_s;
    QTest::newRow("preference over system") << QString() << u"en"_s << german << u"en"_s;
    QTest::newRow("preference German") << QString() << u"de"_s << french << u"de"_s;
    QTest::newRow("--lang over preference") << u"de"_s << u"en"_s << french << u"de"_s;
    QTest::newRow("--lang English") << u"en"_s << u"de"_s << german << u"en"_s;
    QTest::newRow("--lang unknown") << u"xx"_s << QString() << german << u"de"_s;
    QTest::newRow("nothing") << QString() << QString() << QStringList() << u"en"_s;
}

void TestTranslations::choosesRequestThenPreferenceThenSystem()
{
    QFETCH(QString, requested);
    QFETCH(QString, preferred);
    QFETCH(QStringList, system);
    QFETCH(QString, chosen);
    QCOMPARE(InterfaceLanguage::choose(requested, preferred, system), chosen);
}

void TestTranslations::tsFileIsComplete()
{
    // The source tree's .ts, not the .qm: lrelease drops unfinished messages silently.
    QFile file(QStringLiteral(TENANTRY_SOURCE_DIR) + u"/resources/translations/tenantry_de.ts"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    static const QRegularExpression placeholder(u"%(\\d+|n)"_s);
    // An accelerator: '&' before a letter ("&&" is a literal ampersand).
    static const QRegularExpression accelerator(u"(?<!&)&(?!&)\\w"_s, QRegularExpression::UseUnicodePropertiesOption);
    const auto placeholders = [](const QString &text) {
        QSet<QString> found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found.insert(it.next().captured(0));
        return found;
    };
    QString context;
    QString source;
    bool numerus = false;
    QStringList forms;
    QString translation;
    QString translationType;
    int messages = 0;
    QStringList problems;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == "TS"_L1) {
            QCOMPARE(xml.attributes().value("language"_L1).toString(), u"de"_s);
            QCOMPARE(xml.attributes().value("sourcelanguage"_L1).toString(), u"en"_s);
        } else if (xml.isStartElement() && xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == "message"_L1) {
            numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            source.clear();
            forms.clear();
            translation.clear();
            translationType.clear();
        } else if (xml.isStartElement() && xml.name() == "source"_L1) {
            source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == "translation"_L1) {
            translationType = xml.attributes().value("type"_L1).toString();
            if (!numerus)
                translation = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == "numerusform"_L1) {
            forms.append(xml.readElementText());
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            ++messages;
            const QString where = context + u": \""_s + source + u"\": "_s;
            const QStringList texts = numerus ? forms : QStringList{translation};
            if (!translationType.isEmpty())
                problems.append(where + translationType);
            if (numerus && forms.size() != 2) // German: one, other
                problems.append(where + u"%1 plural forms"_s.arg(forms.size()));
            for (const QString &text : texts) {
                if (text.trimmed().isEmpty() && !source.trimmed().isEmpty()) {
                    problems.append(where + u"empty translation"_s);
                    continue;
                }
                if (placeholders(text) != placeholders(source))
                    problems.append(where + u"placeholders differ in \"%1\""_s.arg(text));
                if (accelerator.match(source).hasMatch() != accelerator.match(text).hasMatch())
                    problems.append(where + u"accelerator differs in \"%1\""_s.arg(text));
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY2(messages > 600, qPrintable(QString::number(messages)));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
