#pragma once

#include "exitcode.h"

#include <QObject>

class CommandContext;
class QCommandLineParser;

// One action of tenantryctl ("credentials set", "tenants list"). The registry creates it, lets it
// declare its options, parses the command line with them and calls run(); the command finishes
// exactly once with an exit code, synchronously or after its asynchronous work.
class Command : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Command)

public:
    explicit Command(CommandContext &context, QObject *parent = nullptr);
    ~Command() override;

    // Options and positional arguments of this command (the global ones are already there).
    virtual void defineArguments(QCommandLineParser &parser) = 0;
    // False for commands that take no positional arguments, so stray words are a usage error.
    [[nodiscard]] virtual bool takesPositionalArguments() const { return true; }
    virtual void run(const QCommandLineParser &parser) = 0;

    [[nodiscard]] bool isFinished() const { return m_finished; }

Q_SIGNALS:
    void finished(int exitCode);

protected:
    [[nodiscard]] CommandContext &context() const { return m_context; }
    // Emits finished(exitCode) once; later calls are ignored.
    void finish(int exitCode);
    // Prints `message` and the hint to see --help, then finishes with ExitUsage.
    void usageError(const QString &message);
    // Prints `message` on stderr, then finishes with ExitFailed.
    void fail(const QString &message);

private:
    CommandContext &m_context;
    bool m_finished = false;
};
