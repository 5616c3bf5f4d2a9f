#include "preferences.h"

#include "cloud/region.h"

#include <QDir>
#include <QLocale>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto concurrencyKey = "Preferences/concurrency"_L1;
constexpr auto regionsKey = "Preferences/defaultRegions"_L1;
constexpr auto confirmationKey = "Preferences/confirmation"_L1;
constexpr auto logLevelKey = "Preferences/logLevel"_L1;
constexpr auto languageKey = "Preferences/language"_L1;

// Stored as words, not enum numbers, so the file stays readable and reordering the enum is harmless.
constexpr auto alwaysValue = "always"_L1;
constexpr auto bulkOnlyValue = "bulk-only"_L1;
constexpr auto warningValue = "warning"_L1;
constexpr auto infoValue = "info"_L1;
constexpr auto debugValue = "debug"_L1;

} // namespace

int Preferences::concurrency()
{
    bool ok = false;
    const int value = QSettings().value(concurrencyKey).toInt(&ok);
    return ok && value >= minConcurrency && value <= maxConcurrency ? value : defaultConcurrency;
}

QString Preferences::setConcurrency(int concurrency)
{
    if (concurrency < minConcurrency || concurrency > maxConcurrency)
        return tr("Concurrency %1 is out of range: use %2 to %3 tenants.")
            .arg(concurrency)
            .arg(minConcurrency)
            .arg(maxConcurrency);
    QSettings().setValue(concurrencyKey, concurrency);
    return {};
}

QStringList Preferences::defaultRegions()
{
    QStringList regions;
    for (const QString &id : QSettings().value(regionsKey).toStringList()) {
        if (const auto region = Cloud::Region::fromId(id); region && !regions.contains(region->id))
            regions.append(region->id);
    }
    return regions;
}

QString Preferences::setDefaultRegions(const QStringList &regionIds)
{
    QStringList regions;
    for (const QString &id : regionIds) {
        const auto region = Cloud::Region::fromId(id.trimmed());
        if (!region)
            return tr("\"%1\" is not a Qlik Cloud region: use one of %2.").arg(id, Cloud::Region::knownIds());
        if (!regions.contains(region->id))
            regions.append(region->id);
    }
    QSettings().setValue(regionsKey, regions);
    return {};
}

Preferences::ConfirmationPolicy Preferences::confirmationPolicy()
{
    return QSettings().value(confirmationKey).toString() == bulkOnlyValue ? ConfirmationPolicy::BulkOnly
                                                                          : ConfirmationPolicy::Always;
}

void Preferences::setConfirmationPolicy(ConfirmationPolicy policy)
{
    switch (policy) {
    case ConfirmationPolicy::Always:
        QSettings().setValue(confirmationKey, QString(alwaysValue));
        return;
    case ConfirmationPolicy::BulkOnly:
        QSettings().setValue(confirmationKey, QString(bulkOnlyValue));
        return;
    }
}

bool Preferences::needsTypedConfirmation(int tenantCount)
{
    switch (confirmationPolicy()) {
    case ConfirmationPolicy::Always:
        return true;
    case ConfirmationPolicy::BulkOnly:
        return tenantCount > 1;
    }
    return true;
}

Logging::ApplicationLog::Level Preferences::logLevel()
{
    using Level = Logging::ApplicationLog::Level;
    const QString value = QSettings().value(logLevelKey).toString();
    if (value == warningValue)
        return Level::Warning;
    if (value == debugValue)
        return Level::Debug;
    return Level::Info;
}

void Preferences::setLogLevel(Logging::ApplicationLog::Level level)
{
    using Level = Logging::ApplicationLog::Level;
    switch (level) {
    case Level::Warning:
        QSettings().setValue(logLevelKey, QString(warningValue));
        return;
    case Level::Info:
        QSettings().setValue(logLevelKey, QString(infoValue));
        return;
    case Level::Debug:
        QSettings().setValue(logLevelKey, QString(debugValue));
        return;
    }
}

QString Preferences::language()
{
    const QString value = QSettings().value(languageKey).toString();
    return value == "en"_L1 || shippedLanguages().contains(value) ? value : QString();
}

QString Preferences::setLanguage(const QString &language)
{
    if (!language.isEmpty() && language != "en"_L1 && !shippedLanguages().contains(language))
        return tr("Tenantry has no translation \"%1\": use one of %2.")
            .arg(language, (QStringList{u"en"_s} + shippedLanguages()).join(u", "_s));
    QSettings().setValue(languageKey, language);
    return {};
}

QStringList Preferences::shippedLanguages()
{
    QStringList languages;
    const QStringList files = QDir(u":/i18n"_s).entryList({u"tenantry_*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(9, file.size() - 9 - 3)); // tenantry_<lang>.qm
    return languages;
}
