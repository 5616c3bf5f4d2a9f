#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Ops {

// One thing wrong with a plan (or a step's parameters), located by its JSON path
// ("$.targets[2].steps[0].params.name") so people can find it in the file.
struct PlanIssue
{
    QString path;
    QString message;

    [[nodiscard]] QString toString() const { return path.isEmpty() ? message : path + u": " + message; }

    friend bool operator==(const PlanIssue &, const PlanIssue &) = default;

    [[nodiscard]] static QStringList toStrings(const QList<PlanIssue> &issues)
    {
        QStringList lines;
        lines.reserve(issues.size());
        for (const PlanIssue &issue : issues)
            lines.append(issue.toString());
        return lines;
    }
};

} // namespace Ops
