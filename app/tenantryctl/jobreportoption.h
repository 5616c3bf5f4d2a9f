#pragma once

#include "ops/jobreport.h"

#include <functional>
#include <QString>

class Output;
class QCommandLineParser;
class QObject;

// --report FILE.csv|FILE.json of the commands that run a job (plan, apply, republish): checked with
// the other options, before anything runs, and written when the job has finished.
class JobReportOption
{
public:
    void addTo(QCommandLineParser &parser) const;
    // Empty when the option is absent or names a file of a known format; otherwise the usage error.
    [[nodiscard]] QString read(const QCommandLineParser &parser);

    // Writes the report of `state` when the option was given, then calls `done` (at once when it
    // was not) with whether the report was written or not asked for.
    void write(const Ops::JobState &state, const Output &output, QObject *context,
               std::function<void(bool ok)> done) const;

private:
    QString m_path;
    Ops::JobReport::Format m_format = Ops::JobReport::Format::Csv;
};
