#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

// Runs the real tenantryctl in a private home (settings, data, cache and logs all land below it),
// keeping the session bus, so keychain commands reach the test session's Secret Service.
class CtlRunner
{
public:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;

        [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };

    CtlRunner()
    {
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("HOME"), m_home.path());
        // QT_LOGGING_RULES (set by CTest) would override --verbose: run tenantryctl as people do.
        for (const char *variable :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "QT_LOGGING_RULES"})
            m_environment.remove(QString::fromLatin1(variable));
    }

    [[nodiscard]] bool isValid() const { return m_home.isValid(); }
    [[nodiscard]] QString home() const { return m_home.path(); }
    QProcessEnvironment &environment() { return m_environment; }

    Result run(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 60000) const
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.setProgram(QStringLiteral(TENANTRY_BIN_DIR "/tenantryctl"));
        process.setArguments(arguments);
        process.start();
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        Result result;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            result.err = "tenantryctl did not finish in time";
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    // Regular files below the private home whose bytes contain `needle`.
    [[nodiscard]] QStringList filesContaining(const QByteArray &needle) const
    {
        QStringList found;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                found << file.fileName();
        }
        return found;
    }

    [[nodiscard]] QStringList files() const
    {
        QStringList files;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(m_home.path()).relativeFilePath(it.next());
        files.sort();
        return files;
    }

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
};
