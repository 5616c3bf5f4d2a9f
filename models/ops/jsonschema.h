#pragma once

#include "ops/planissue.h"

#include <QJsonObject>
#include <QJsonValue>

#include <memory>

namespace valijson {
class Schema;
class Validator;
} // namespace valijson

namespace Ops {

// A compiled JSON Schema (draft 7, through valijson) that reports violations as plan issues with
// JSON paths. Used for the plan format itself and for each step type's parameters.
class JsonSchema
{
public:
    JsonSchema() = default;

    // Compiles `schema`; on failure returns an invalid JsonSchema and says why in `error`.
    [[nodiscard]] static JsonSchema compile(const QJsonObject &schema, QString *error);

    [[nodiscard]] bool isValid() const { return m_schema != nullptr; }

    // The violations of `value`, with paths under `basePath` ("$", "$.targets[0].steps[1].params").
    // Messages quote the offending value and the schema's own words (allowed values, pattern,
    // description); wrapper messages ("failed to validate against child schema") are dropped when a
    // more precise one exists.
    [[nodiscard]] QList<PlanIssue> validate(const QJsonValue &value, const QString &basePath) const;

private:
    std::shared_ptr<const valijson::Schema> m_schema;
    // Keeps the regular expressions of `pattern`s compiled between validations (one thread only).
    std::shared_ptr<valijson::Validator> m_validator;
    QJsonObject m_document; // to explain violations with the schema's own words (enum, pattern, description)
};

} // namespace Ops
