#pragma once

#include "ops/jsonschema.h"
#include "ops/plan.h"
#include "ops/planissue.h"

#include <QByteArray>

#include <optional>

namespace Ops {

class StepRegistry;

struct PlanReadResult
{
    std::optional<Plan> plan; // set only when there are no issues
    QList<PlanIssue> issues;

    [[nodiscard]] bool ok() const { return plan.has_value(); }
};

// Reads and validates plan files (format "tenantry-plan", version 1). In order: JSON syntax (with
// line and column), format and version, secrets (a plan never holds one), the JSON Schema
// (resources/plans/plan.schema.json, compiled into the program), then what a schema cannot say:
// unique ids, templates that exist, references to earlier steps' declared outputs, the target's
// hostname known before a step needs it, and — with a registry — known step types whose parameters
// pass their type's schema. Every issue names its JSON path.
class PlanReader
{
public:
    // Without a registry only the plan's structure is checked, not step types or parameters.
    explicit PlanReader(const StepRegistry *registry = nullptr);

    [[nodiscard]] PlanReadResult read(const QByteArray &json) const;
    [[nodiscard]] PlanReadResult readFile(const QString &path) const;
    [[nodiscard]] PlanReadResult fromJson(const QJsonObject &json) const;

    // The plan format's schema, as shipped in the program's resources.
    [[nodiscard]] static QJsonObject schemaDocument();
    [[nodiscard]] static const JsonSchema &schema();

    static constexpr qsizetype MaxIssues = 200; // more are summarized in one last issue

private:
    [[nodiscard]] QList<PlanIssue> checkSemantics(const QJsonObject &json) const;
    [[nodiscard]] static Plan toPlan(const QJsonObject &json);

    const StepRegistry *m_registry;
};

} // namespace Ops
