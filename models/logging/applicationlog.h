#pragma once

#include <QString>
#include <QtGlobal>

namespace Logging {

// The process-wide Qt message handler of tenantry and tenantryctl. Every message — whatever the
// category, thread or log call — is redacted (LogRedactor) and then written to a rotating log file
// (RotatingLogFile) and handed to the previous handler (stderr by default). Debug messages are on only
// when verbose; QT_LOGGING_RULES still overrides, as Qt documents.
//
// Log lines: 2026-11-27T21:03:00.123Z [4242] warning tenantry.cloud: the message
class ApplicationLog final
{
public:
    // The least severe messages written: warnings and worse, info too (the default), or debug too.
    enum class Level { Warning, Info, Debug };

    struct Options
    {
        QString directory; // empty: defaultDirectory()
        QString baseName; // the file is <directory>/<baseName>.log, e.g. "tenantry"
        qint64 maxFileBytes = qint64(2) * 1024 * 1024;
        int keepFiles = 5; // the current file and four older ones
        bool verbose = false; // Level::Debug whatever `level` says (--verbose)
        Level level = Level::Info;
    };

    // Installs the handler. Returns an empty string when the log file is open; otherwise why not
    // (naming the path) — messages then still reach stderr, redacted.
    [[nodiscard]] static QString install(const Options &options);
    // Puts the previous handler back and closes the file (tests; the handler also goes at exit).
    static void uninstall();

    [[nodiscard]] static QString defaultDirectory(); // <AppDataLocation>/logs
    [[nodiscard]] static QString currentFilePath(); // empty when no file is open
    [[nodiscard]] static QString filterRules(bool verbose); // what install() hands QLoggingCategory
    [[nodiscard]] static QString filterRules(Level level);
    // Changes what is logged from now on (the preferences dialog); QT_LOGGING_RULES still overrides.
    static void setLevel(Level level);

private:
    ApplicationLog() = default;
};

} // namespace Logging
