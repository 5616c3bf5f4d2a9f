#pragma once

#include "ops/jobstate.h"
#include "ops/journalreader.h"

#include <optional>

namespace Ops {

// Rebuilds a job's state from its journal records: what the activity panel shows for past jobs,
// and where a resumed job starts from. A journal without its job's end record replays as
// Interrupted.
class JournalReplay
{
public:
    [[nodiscard]] static std::optional<JobState> replay(const JournalContents &contents, QString *error);

    // The job-start record's fields, checked: "tenantry-journal" version 1 with a readable plan.
    [[nodiscard]] static std::optional<JobState> startState(const QJsonObject &jobStart, QString *error);

    static constexpr int FormatVersion = 1;
};

} // namespace Ops
