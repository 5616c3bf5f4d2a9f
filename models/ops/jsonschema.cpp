#include "ops/jsonschema.h"

#include "ops/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <exception>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

// valijson's context is {"<root>", "[targets]", "[0]", "[steps]", ...}: property names and indexes.
QList<QJsonValue> segmentsOf(const std::vector<std::string> &context)
{
    QList<QJsonValue> segments;
    for (const std::string &element : context) {
        if (element == "<root>")
            continue;
        QString part = QString::fromStdString(element);
        if (part.startsWith(u'[') && part.endsWith(u']'))
            part = part.mid(1, part.size() - 2);
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        segments.append(isIndex ? QJsonValue(index) : QJsonValue(part));
    }
    return segments;
}

QString pathOf(const QList<QJsonValue> &segments, const QString &basePath)
{
    QString path = basePath;
    for (const QJsonValue &segment : segments)
        path = segment.isDouble() ? JsonPath::index(path, segment.toInt()) : JsonPath::member(path, segment.toString());
    return path;
}

QJsonValue valueAt(QJsonValue value, const QList<QJsonValue> &segments)
{
    for (const QJsonValue &segment : segments)
        value = segment.isDouble() ? value.toArray().at(segment.toInt()) : value.toObject().value(segment.toString());
    return value;
}

QJsonObject resolveRef(const QJsonObject &root, QJsonObject schema)
{
    for (int depth = 0; depth < 8 && schema.contains(u"$ref"_s); ++depth) {
        const QString ref = schema.value(u"$ref"_s).toString();
        if (!ref.startsWith(u"#/"_s))
            return {};
        QJsonValue node = root;
        for (const QString &part : ref.mid(2).split(u'/'))
            node = node.toObject().value(part);
        schema = node.toObject();
    }
    return schema;
}

// The schema that governs the value at `segments`, following $ref, properties, additionalProperties
// and items; empty when the path leads somewhere the walk cannot follow (combinators).
QJsonObject schemaAt(const QJsonObject &root, const QList<QJsonValue> &segments)
{
    QJsonObject schema = resolveRef(root, root);
    for (const QJsonValue &segment : segments) {
        if (segment.isDouble()) {
            schema = resolveRef(root, schema.value(u"items"_s).toObject());
        } else {
            const QJsonObject properties = schema.value(u"properties"_s).toObject();
            schema = resolveRef(root,
                                properties.contains(segment.toString())
                                    ? properties.value(segment.toString()).toObject()
                                    : schema.value(u"additionalProperties"_s).toObject());
        }
        if (schema.isEmpty())
            return {};
    }
    return schema;
}

QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
    return text.size() > 80 ? text.left(77) + u"..."_s : text;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

QString quoted(const QString &text, const QChar quote = u'"')
{
    return quote + text + quote;
}

// valijson's message, said with the value and the schema's own words.
QString explain(const QString &message, const QJsonValue &value, const QJsonObject &schema)
{
    const QString description = schema.value(u"description"_s).toString();
    const QString hint = description.isEmpty() ? QString() : u"; "_s + description;
    if (message.startsWith(u"Failed to match regex specified by 'pattern'"_s)) {
        const QString pattern = schema.value(u"pattern"_s).toString();
        return jsonText(value) + u" is not valid here"_s
            + (pattern.isEmpty() ? QString() : u": it must match "_s + pattern) + hint;
    }
    if (message.startsWith(u"Failed to match against any enum values"_s)) {
        QStringList allowed;
        for (const QJsonValue candidate : schema.value(u"enum"_s).toArray())
            allowed.append(jsonText(candidate));
        return jsonText(value) + u" is not one of "_s
            + (allowed.isEmpty() ? u"the allowed values"_s : allowed.join(u", "_s)) + hint;
    }
    if (message.startsWith(u"Failed to match expected value set by 'const'"_s) && schema.contains(u"const"_s))
        return jsonText(value) + u" must be "_s + jsonText(schema.value(u"const"_s));
    if (message.startsWith(u"Value type not permitted by 'type'"_s)) {
        const QJsonValue expected = schema.value(u"type"_s);
        QStringList types;
        if (expected.isArray()) {
            for (const QJsonValue type : expected.toArray())
                types.append(type.toString());
        } else if (expected.isString()) {
            types.append(expected.toString());
        }
        return u"is "_s + typeName(value) + (types.isEmpty() ? QString() : u", expected "_s + types.join(u" or "_s));
    }
    if (message.startsWith(u"Target should not validate against schema specified in 'not'"_s))
        return (value.isObject() || value.isArray() ? u"not valid here"_s : jsonText(value) + u" is not allowed here"_s)
            + hint;
    if (message.startsWith(u"Object contains a property that could not be validated"_s)) {
        static const QRegularExpression lastQuoted(u"'([^']*)'\\.?$"_s);
        const QString name = lastQuoted.match(message).captured(1);
        const QStringList allowed = schema.value(u"properties"_s).toObject().keys();
        return u"unknown property "_s + quoted(name)
            + (allowed.isEmpty() ? QString() : u"; allowed here: "_s + allowed.join(u", "_s));
    }
    if (message.startsWith(u"Missing required property '"_s))
        return u"missing required property "_s + quoted(message.mid(27).chopped(2));
    if (message.startsWith(u"Expected number greater than or equal to"_s) && schema.contains(u"minimum"_s))
        return u"is %1, less than the minimum %2"_s.arg(jsonText(value), jsonText(schema.value(u"minimum"_s)));
    if (message.startsWith(u"Expected number less than or equal to"_s) && schema.contains(u"maximum"_s))
        return u"is %1, more than the maximum %2"_s.arg(jsonText(value), jsonText(schema.value(u"maximum"_s)));
    if (message.startsWith(u"Failed to validate against exactly one child schema"_s)
        || message.startsWith(u"Failed to validate against any child schemas allowed by oneOf"_s)
        || message.startsWith(u"Failed to validate against any schemas allowed by anyOf"_s))
        return description.isEmpty() ? message : u"not valid here: "_s + description;
    return message;
}

bool isWrapperMessage(const QString &message)
{
    return message.startsWith(u"Failed to validate against schema associated with"_s)
        || message.startsWith(u"Failed to validate item #"_s) || message.startsWith(u"Cannot validate item #"_s)
        || message.startsWith(u"Failed to validate against any"_s)
        || message.startsWith(u"Failed to validate against exactly one child schema"_s)
        || message.startsWith(u"Failed to validate against child schema"_s)
        || message.startsWith(u"Failed to validate against additional properties schema"_s)
        || message.startsWith(u"Failed to validate property names"_s)
        || message.startsWith(u"Failed to validate against a conditional schema"_s);
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
        compiled.m_validator = std::make_shared<valijson::Validator>();
        compiled.m_document = schema;
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
    valijson::ValidationResults results;
    if (m_validator->validate(*m_schema, valijson::adapters::QtJsonAdapter(value), &results))
        return {};

    QList<PlanIssue> precise;
    QList<PlanIssue> wrappers;
    for (const valijson::ValidationResults::Error &error : results) {
        const QList<QJsonValue> segments = segmentsOf(error.context);
        const QString message = QString::fromStdString(error.description);
        PlanIssue issue{pathOf(segments, basePath),
                        explain(message, valueAt(value, segments), schemaAt(m_document, segments))};
        QList<PlanIssue> &list = isWrapperMessage(message) ? wrappers : precise;
        if (!list.contains(issue))
            list.append(issue);
    }
    return precise.isEmpty() ? wrappers : precise;
}

} // namespace Ops
