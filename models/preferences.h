#pragma once

#include "logging/applicationlog.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The user's preferences (Edit → Preferences…): non-secret choices kept in QSettings under
// "Preferences/", read where each one matters, so a change needs no restart except the language.
// A value that is missing or was edited into something invalid reads as its default; the setters
// refuse bad values with a message naming what is wrong and store nothing then.
class Preferences final
{
    Q_DECLARE_TR_FUNCTIONS(Preferences)

public:
    // Typed confirmation of destructive changes: for every such change (the default), or only for
    // changes to several tenants at once (one tenant is then confirmed with a button).
    enum class ConfirmationPolicy { Always, BulkOnly };

    static constexpr int minConcurrency = 1;
    static constexpr int maxConcurrency = 256;
    static constexpr int defaultConcurrency = 8;

    // Tenants a plan the GUI builds (publish, reassign) works on at once.
    [[nodiscard]] static int concurrency();
    [[nodiscard]] static QString setConcurrency(int concurrency);

    // Region ids (Cloud::Region) opened in the estate tree and preselected where a region is chosen;
    // empty: every region, nothing preselected.
    [[nodiscard]] static QStringList defaultRegions();
    [[nodiscard]] static QString setDefaultRegions(const QStringList &regionIds);

    [[nodiscard]] static ConfirmationPolicy confirmationPolicy();
    static void setConfirmationPolicy(ConfirmationPolicy policy);
    // Whether changing `tenantCount` tenants at once needs the phrase typed under the policy.
    [[nodiscard]] static bool needsTypedConfirmation(int tenantCount);

    [[nodiscard]] static Logging::ApplicationLog::Level logLevel();
    static void setLogLevel(Logging::ApplicationLog::Level level);

    // "en" (English, the source language), a shipped translation ("de"), or empty for the system's
    // language. Applies at the next start.
    [[nodiscard]] static QString language();
    [[nodiscard]] static QString setLanguage(const QString &language);
    // The languages Tenantry ships besides English (the source language), from the .qm files in
    // the resources (":/i18n/tenantry_<lang>.qm").
    [[nodiscard]] static QStringList shippedLanguages();

private:
    Preferences() = default;
};
