#pragma once

#include "ops/planissue.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Ops {

// One ${source.name} in a step parameter. `source` is an earlier step's id (its output `name`),
// "target" (id, hostname, region, label) or "vars" (the target's variables).
struct ParamReference
{
    QString source;
    QString name;
    QString path; // JSON path of the string that holds it

    [[nodiscard]] QString text() const { return u"${" + source + u'.' + name + u'}'; }
    friend bool operator==(const ParamReference &, const ParamReference &) = default;
};

// The reference syntax of plan parameters. In any string value, "${source.name}" is replaced when
// the step runs; "$${" stands for a literal "${". A string that is exactly one reference takes the
// referenced value with its JSON type (an array stays an array); a reference inside a longer string
// is replaced by the value's text (objects and arrays cannot be embedded).
class ParamReferences
{
public:
    // Every reference in the strings of `value`. Malformed ones ("${x", "${a b}") become issues.
    [[nodiscard]] static QList<ParamReference> find(const QJsonValue &value, const QString &path,
                                                    QList<PlanIssue> *issues = nullptr);

    // Returns the referenced value, or nothing when it is not known (yet).
    using Lookup = std::function<std::optional<QJsonValue>(const QString &source, const QString &name)>;

    struct Resolution
    {
        QJsonValue value; // unknown references stay as their text (for display only; never resolved again)
        QList<ParamReference> unresolved;
        QList<PlanIssue> issues; // e.g. an object embedded in a string
    };
    [[nodiscard]] static Resolution resolve(const QJsonValue &value, const Lookup &lookup, const QString &path);

    // True if `text` is exactly one reference; fills `reference`.
    [[nodiscard]] static bool isWholeReference(const QString &text, ParamReference *reference = nullptr);
};

} // namespace Ops
