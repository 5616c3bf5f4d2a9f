#include "ops/jsonschema.h"

#include "ops/jsonpath.h"

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <exception>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

// valijson's context is {"<root>", "[targets]", "[0]", "[steps]", ...}.
QString pathOf(const std::vector<std::string> &context, const QString &basePath)
{
    QString path = basePath;
    for (const std::string &element : context) {
        if (element == "<root>")
            continue;
        QString part = QString::fromStdString(element);
        if (part.startsWith(u'[') && part.endsWith(u']'))
            part = part.mid(1, part.size() - 2);
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        path = isIndex ? JsonPath::index(path, index) : JsonPath::member(path, part);
    }
    return path;
}

bool isWrapperMessage(const QString &message)
{
    return message.startsWith(u"Failed to validate against schema associated with property"_s)
        || message.startsWith(u"Failed to validate item #"_s)
        || message.startsWith(u"Failed to validate against child schema"_s)
        || message.startsWith(u"Failed to match against any child schemas"_s)
        || message.startsWith(u"Failed to validate against any child schemas allowed by anyOf"_s)
        || message.startsWith(u"Failed to validate against additional properties schema"_s)
        || message.startsWith(u"Failed to validate against items schema"_s)
        || message.startsWith(u"Failed to validate property names"_s);
}

} // namespace

JsonSchema JsonSchema::compile(const QJsonObject &schema, QString *error)
{
    JsonSchema compiled;
    try {
        auto parsed = std::make_shared<valijson::Schema>();
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const QJsonValue root(schema);
        parser.populateSchema(valijson::adapters::QtJsonAdapter(root), *parsed);
        compiled.m_schema = std::move(parsed);
    } catch (const std::exception &exception) {
        if (error)
            *error = u"invalid JSON Schema: "_s + QString::fromUtf8(exception.what());
    }
    return compiled;
}

QList<PlanIssue> JsonSchema::validate(const QJsonValue &value, const QString &basePath) const
{
    if (!m_schema)
        return {{basePath, u"no schema to validate against"_s}};
    valijson::Validator validator;
    valijson::ValidationResults results;
    if (validator.validate(*m_schema, valijson::adapters::QtJsonAdapter(value), &results))
        return {};

    QList<PlanIssue> precise;
    QList<PlanIssue> wrappers;
    for (const valijson::ValidationResults::Error &error : results) {
        PlanIssue issue{pathOf(error.context, basePath), QString::fromStdString(error.description)};
        if (isWrapperMessage(issue.message))
            wrappers.append(issue);
        else if (!precise.contains(issue))
            precise.append(issue);
    }
    return precise.isEmpty() ? wrappers : precise;
}

} // namespace Ops
