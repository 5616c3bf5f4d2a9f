#include "logging/applicationlog.h"

#include "logging/logredactor.h"
#include "logging/rotatinglogfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>
#include <QStandardPaths>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace Logging {

namespace {

struct LogState
{
    LogState() = default;
    Q_DISABLE_COPY_MOVE(LogState)
    // Static destruction: stop routing messages here before the file goes away.
    ~LogState()
    {
        if (previous)
            qInstallMessageHandler(previous);
    }

    QMutex mutex; // guards file
    std::unique_ptr<RotatingLogFile> file;
    QtMessageHandler previous = nullptr;
};

LogState &state()
{
    static LogState instance;
    return instance;
}

QLatin1StringView levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug"_L1;
    case QtInfoMsg:
        return "info"_L1;
    case QtWarningMsg:
        return "warning"_L1;
    case QtCriticalMsg:
        return "critical"_L1;
    case QtFatalMsg:
        return "fatal"_L1;
    }
    return "unknown"_L1;
}

QByteArray formatLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u" ["_s
        + QString::number(QCoreApplication::applicationPid()) + u"] "_s + levelName(type) + u' ';
    if (context.category && qstrcmp(context.category, "default") != 0)
        line += QLatin1StringView(context.category) + u": "_s;
    // Continuation lines are indented so every record still starts with its timestamp.
    QString body = message;
    body.replace(u'\n', u"\n    "_s);
    line += body;
    return line.toUtf8();
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // A warning raised while writing (e.g. by QFile) must not deadlock on the mutex: it goes to the
    // previous handler only.
    thread_local bool writing = false;
    const QString redacted = LogRedactor::redact(message);
    LogState &log = state();
    if (!writing) {
        writing = true;
        {
            const QMutexLocker lock(&log.mutex);
            if (log.file)
                log.file->append(formatLine(type, context, redacted));
        }
        writing = false;
    }
    if (log.previous)
        log.previous(type, context, redacted);
}

} // namespace

QString ApplicationLog::install(const Options &options)
{
    setLevel(options.verbose ? Level::Debug : options.level);

    LogState &log = state();
    const QString directory = options.directory.isEmpty() ? defaultDirectory() : options.directory;
    QString error;
    {
        const QMutexLocker lock(&log.mutex);
        log.file.reset();
        if (directory.isEmpty()) {
            error = u"no writable application data folder for the log"_s;
        } else {
            auto file = std::make_unique<RotatingLogFile>(directory, options.baseName, options.maxFileBytes,
                                                          options.keepFiles);
            if (file->open(&error))
                log.file = std::move(file);
        }
    }
    const QtMessageHandler previous = qInstallMessageHandler(handleMessage);
    if (previous != handleMessage)
        log.previous = previous;
    return error;
}

void ApplicationLog::uninstall()
{
    LogState &log = state();
    if (log.previous) {
        qInstallMessageHandler(log.previous);
        log.previous = nullptr;
    }
    const QMutexLocker lock(&log.mutex);
    log.file.reset();
}

QString ApplicationLog::defaultDirectory()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return data.isEmpty() ? QString() : data + u"/logs"_s;
}

QString ApplicationLog::currentFilePath()
{
    LogState &log = state();
    const QMutexLocker lock(&log.mutex);
    return log.file ? log.file->currentPath() : QString();
}

QString ApplicationLog::filterRules(bool verbose)
{
    return filterRules(verbose ? Level::Debug : Level::Info);
}

QString ApplicationLog::filterRules(Level level)
{
    switch (level) {
    case Level::Warning:
        return u"*.debug=false\n*.info=false"_s;
    case Level::Info:
        return u"*.debug=false"_s;
    case Level::Debug:
        // Our debug categories (and any library's), but not Qt's own internals.
        return u"*.debug=true\nqt.*.debug=false"_s;
    }
    return u"*.debug=false"_s;
}

void ApplicationLog::setLevel(Level level)
{
    QLoggingCategory::setFilterRules(filterRules(level));
}

} // namespace Logging
