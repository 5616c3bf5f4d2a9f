#pragma once

#include "ops/jobstate.h"

#include <QJsonObject>
#include <QString>

namespace Ops {

// What a job did (or, for a dry run, would do), exactly: per target and step, created and updated
// ids, no change, blocked with the reason, failed with the error. The JSON form is what
// `tenantryctl apply --json` prints and reports export; the text form is the dry run's readable
// diff. Neither contains secrets (errors and outputs pass through SecretScreen).
class JobSummary
{
public:
    struct StepTotals
    {
        int create = 0; // planned creates (dry run) or creates done
        int update = 0;
        int noChange = 0;
        int blocked = 0;
        int failed = 0;
        int skipped = 0;
        int cancelled = 0;
        int pending = 0;
    };

    [[nodiscard]] static QJsonObject toJson(const JobState &state);
    [[nodiscard]] static QString toText(const JobState &state);
    [[nodiscard]] static StepTotals stepTotals(const JobState &state);
    // One line for a step: "+ created space 'Production' (managed) [space 6f…]".
    [[nodiscard]] static QString stepLine(const JobState::Step &step);
    // "+", "~", "=", "!", "x", "-", "/", "."
    [[nodiscard]] static QString marker(const JobState::Step &step);
};

} // namespace Ops
