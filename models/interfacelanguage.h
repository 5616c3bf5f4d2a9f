#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

// The language Tenantry speaks: English (the source language) or a shipped translation
// (":/i18n/tenantry_<lang>.qm", built from translations/*.ts). Chosen at start — a --lang option
// first, then the preference, then the system's languages in order — and installed as
// QTranslators on the application, with Qt's own translation of its dialogs when installed.
class InterfaceLanguage final
{
    Q_DECLARE_TR_FUNCTIONS(InterfaceLanguage)

public:
    // "en" when nothing asked for is shipped. `requested` and `preferred` are language codes or
    // empty; `systemLanguages` as QLocale::uiLanguages() gives them ("de-DE", "de").
    [[nodiscard]] static QString choose(const QString &requested, const QString &preferred,
                                        const QStringList &systemLanguages = QLocale::system().uiLanguages());
    // Whether `language` can be asked for: "en" or a shipped translation ("de_DE" counts as "de").
    [[nodiscard]] static bool isAvailable(const QString &language);
    // Replaces the translators installed before with those of `language` ("en": none). Returns an
    // empty string, or why Tenantry's own translation could not be loaded (English is used then).
    [[nodiscard]] static QString install(const QString &language);
    // The language install() put in place ("en" before any).
    [[nodiscard]] static QString current();

private:
    InterfaceLanguage() = default;
};
