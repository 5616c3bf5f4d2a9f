#include "command.h"

#include "commandcontext.h"

using namespace Qt::Literals::StringLiterals;

Command::Command(CommandContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{ }

Command::~Command() = default;

void Command::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

void Command::usageError(const QString &message)
{
    m_context.output().error(message);
    m_context.output().error(u"Try 'tenantryctl %1 --help'."_s.arg(m_context.commandName()));
    finish(ExitUsage);
}

void Command::fail(const QString &message)
{
    m_context.output().error(message);
    finish(ExitFailed);
}
