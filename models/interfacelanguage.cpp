#include "interfacelanguage.h"

#include "preferences.h"

#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Installed
{
    QString language = u"en"_s;
    std::vector<std::unique_ptr<QTranslator>> translators;
};

Installed &installed()
{
    static Installed state;
    return state;
}

// "de-DE", "de_AT" → "de": Tenantry's translations are per language, not per country.
QString languageOf(const QString &code)
{
    return code.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
}

} // namespace

QString InterfaceLanguage::choose(const QString &requested, const QString &preferred,
                                  const QStringList &systemLanguages)
{
    for (const QString &candidate : {requested, preferred}) {
        if (!candidate.isEmpty() && isAvailable(candidate))
            return languageOf(candidate);
    }
    for (const QString &system : systemLanguages) {
        // English anywhere before a shipped language wins: that is the order people asked for.
        if (isAvailable(system))
            return languageOf(system);
    }
    return u"en"_s;
}

bool InterfaceLanguage::isAvailable(const QString &language)
{
    const QString code = languageOf(language);
    return code == "en"_L1 || Preferences::shippedLanguages().contains(code);
}

QString InterfaceLanguage::install(const QString &language)
{
    Installed &state = installed();
    for (const auto &translator : state.translators)
        QCoreApplication::removeTranslator(translator.get());
    state.translators.clear();
    state.language = u"en"_s;
    if (language == "en"_L1)
        return {};

    auto ours = std::make_unique<QTranslator>();
    const QString file = u":/i18n/tenantry_%1.qm"_s.arg(language);
    if (!ours->load(file))
        return tr("Cannot load the translation %1 (%2): Tenantry stays in English.").arg(language, file);
    QCoreApplication::installTranslator(ours.get());
    state.translators.push_back(std::move(ours));
    state.language = language;
    // Qt's own dialogs and buttons (Cancel, Yes): from qttranslations when the system has it.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(u"qt_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        state.translators.push_back(std::move(qt));
    }
    return {};
}

QString InterfaceLanguage::current()
{
    return installed().language;
}
