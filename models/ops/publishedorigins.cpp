#include "ops/publishedorigins.h"

#include "ops/jobhistory.h"
#include "ops/journalreader.h"
#include "ops/journalreplay.h"

using namespace Qt::Literals::StringLiterals;

namespace Ops {

PublishedOrigins::PublishedOrigins(const QString &journalDirectory)
{
    for (const JobHistory::Entry &entry : JobHistory(journalDirectory).entries()) {
        if (entry.dryRun || !entry.readable)
            continue;
        QString error;
        const std::optional<JobState> state = JournalReplay::replay(JournalReader::read(entry.journalPath), &error);
        if (!state)
            continue;
        ++m_journals;
        for (qsizetype t = 0; t < state->targets.size() && t < state->plan.targets.size(); ++t) {
            const Plan::Target &target = state->plan.targets.at(t);
            const QString host
                = state->targets.at(t).hostname.isEmpty() ? target.hostname : state->targets.at(t).hostname;
            for (qsizetype s = 0; s < target.steps.size() && s < state->targets.at(t).steps.size(); ++s) {
                const Plan::Step &step = target.steps.at(s);
                if (step.type != u"publish-app"_s)
                    continue;
                const JobState::Step &done = state->targets.at(t).steps.at(s);
                // A local app file ("appFile") is known by its path, with no source tenant.
                const QString file = step.params.value(u"appFile"_s).toString();
                QStringList &ids
                    = m_ids[key(host, file.isEmpty() ? step.params.value(u"source"_s).toString() : QString(),
                                file.isEmpty() ? step.params.value(u"app"_s).toString() : file,
                                step.params.value(u"managedSpace"_s).toString())];
                for (const QString &id : {done.change.outputs.value(u"stagedAppId"_s).toString(),
                                          done.outputs.value(u"stagedAppId"_s).toString()}) {
                    if (!id.isEmpty() && !ids.contains(id))
                        ids.append(id);
                }
            }
        }
    }
}

QString PublishedOrigins::key(const QString &targetHost, const QString &sourceHost, const QString &app,
                              const QString &managedSpace)
{
    return targetHost.toLower() + u'\n' + sourceHost.toLower() + u'\n' + app + u'\n' + managedSpace.toLower();
}

QStringList PublishedOrigins::stagedIds(const QString &targetHost, const QString &sourceHost, const QString &app,
                                        const QString &managedSpace) const
{
    return m_ids.value(key(targetHost, sourceHost, app, managedSpace));
}

} // namespace Ops
