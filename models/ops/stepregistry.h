#pragma once

#include "ops/jsonschema.h"
#include "ops/planissue.h"
#include "ops/steptype.h"

#include <map>

namespace Ops {

// The step types a plan may use, by name. Plan validation asks it about every step's type and
// parameters; the job asks it to create the steps.
class StepRegistry
{
public:
    // Adds `type`; false (with `error`) when the name is taken, malformed, has no factory, or its
    // parameter schema does not compile.
    bool add(const StepType &type, QString *error = nullptr);

    [[nodiscard]] const StepType *find(const QString &name) const;
    [[nodiscard]] QStringList typeNames() const;

    // `params` against the type's schema and checks; paths under `path`.
    [[nodiscard]] QList<PlanIssue> validateParams(const QString &typeName, const QJsonObject &params,
                                                  const QString &path) const;

private:
    struct Entry
    {
        StepType type;
        JsonSchema schema;
    };
    std::map<QString, Entry> m_types;
};

} // namespace Ops
