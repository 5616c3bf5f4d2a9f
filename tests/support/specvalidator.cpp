#include "support/specvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <exception>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace TestSupport {
namespace {

// OpenAPI 3.0 schema object -> JSON Schema (draft 7), keyword by keyword so that property names
// that happen to look like keywords ("example") are kept.
QJsonValue convertSchema(const QJsonValue &value);

// oneOf whose branches carry only a title (and Qlik's x-qlik-const): an enum of the titles.
bool isTitledEnum(const QJsonValue &value)
{
    const QJsonArray items = value.toArray();
    if (items.isEmpty())
        return false;
    for (const QJsonValue &item : items) {
        const QJsonObject branch = item.toObject();
        if (!branch.value(u"title"_s).isString())
            return false;
        for (auto it = branch.constBegin(); it != branch.constEnd(); ++it) {
            if (it.key() != "title"_L1 && it.key() != "description"_L1 && !it.key().startsWith("x-"_L1))
                return false;
        }
    }
    return true;
}

QJsonObject convertObject(const QJsonObject &schema)
{
    static const QStringList dropped{u"example"_s,      u"examples"_s,      u"xml"_s,
                                     u"externalDocs"_s, u"discriminator"_s, u"readOnly"_s,
                                     u"writeOnly"_s,    u"deprecated"_s,    u"nullable"_s};
    QJsonObject out;
    for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
        const QString &key = it.key();
        if (dropped.contains(key) || key.startsWith("x-"_L1))
            continue;
        if (key == "properties"_L1 && it.value().isObject()) {
            QJsonObject properties;
            const QJsonObject source = it.value().toObject();
            for (auto p = source.constBegin(); p != source.constEnd(); ++p)
                properties.insert(p.key(), convertSchema(p.value()));
            out.insert(key, properties);
        } else if ((key == "items"_L1 || key == "additionalProperties"_L1 || key == "not"_L1)
                   && it.value().isObject()) {
            out.insert(key, convertSchema(it.value()));
        } else if (key == "oneOf"_L1 && isTitledEnum(it.value())) {
            // Qlik's generator writes string enums as oneOf [{title: "ANALYTICS", x-qlik-const: 0}, ...];
            // as JSON Schema every branch would match anything, so oneOf could never hold.
            QJsonArray values;
            for (const QJsonValue &item : it.value().toArray())
                values.append(item.toObject().value(u"title"_s));
            out.insert(u"enum"_s, values);
        } else if ((key == "allOf"_L1 || key == "anyOf"_L1 || key == "oneOf"_L1) && it.value().isArray()) {
            QJsonArray list;
            for (const QJsonValue &item : it.value().toArray())
                list.append(convertSchema(item));
            // OpenAPI picks a oneOf branch by its discriminator, not by exclusivity; without a
            // mapping the branches (IDP: OIDC, SAML, jwtAuth) overlap, so JSON Schema gets anyOf.
            const bool discriminated = key == "oneOf"_L1 && schema.contains(u"discriminator"_s);
            out.insert(discriminated ? u"anyOf"_s : key, list);
        } else if (key == "format"_L1 && it.value().toString() == "date"_L1) {
            // The spec's own examples put date-times into format: date fields.
            if (!schema.contains(u"pattern"_s)) {
                out.insert(
                    u"pattern"_s,
                    u"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?$"_s);
            }
        } else {
            out.insert(key, it.value());
        }
    }
    if (schema.value(u"nullable"_s).toBool())
        return QJsonObject{{u"anyOf"_s, QJsonArray{QJsonObject{{u"type"_s, u"null"_s}}, out}}};
    return out;
}

QJsonValue convertSchema(const QJsonValue &value)
{
    return value.isObject() ? QJsonValue(convertObject(value.toObject())) : value;
}

// errors[] of {code, title}: what every Qlik error body has.
QJsonObject genericErrors()
{
    const QJsonObject item{{u"type"_s, u"object"_s},
                           {u"required"_s, QJsonArray{u"code"_s, u"title"_s}},
                           {u"properties"_s,
                            QJsonObject{{u"code"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                        {u"title"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                        {u"detail"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}};
    return {{u"type"_s, u"object"_s},
            {u"required"_s, QJsonArray{u"errors"_s}},
            {u"properties"_s,
             QJsonObject{{u"errors"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"minItems"_s, 1}, {u"items"_s, item}}},
                         {u"traceId"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}};
}

QJsonValue jsonSchemaOf(const QJsonObject &response)
{
    const QJsonObject content = response.value(u"content"_s).toObject();
    for (auto it = content.constBegin(); it != content.constEnd(); ++it) {
        if (it.key().contains("json"_L1) && it.value().toObject().contains(u"schema"_s))
            return it.value().toObject().value(u"schema"_s);
    }
    return QJsonValue::Undefined;
}

// The media type of a Content-Type value, lower case and without parameters.
QString mediaType(const QByteArray &contentType)
{
    return QString::fromLatin1(contentType.split(';').first().trimmed().toLower());
}

bool declaresMediaType(const QJsonObject &response, const QByteArray &contentType)
{
    const QString type = mediaType(contentType);
    return !type.isEmpty() && response.value(u"content"_s).toObject().contains(type);
}

bool templateMatches(const QString &pattern, const QString &path, int *literals)
{
    const QList<QStringView> expected = QStringView(pattern).split(u'/');
    QList<QStringView> actual = QStringView(path).split(u'/');
    // A trailing {filepath} names a path inside an archive: it takes the remaining segments.
    if (!expected.isEmpty() && expected.last() == u"{filepath}" && actual.size() > expected.size()) {
        const qsizetype keep = expected.size() - 1;
        const QStringView rest = QStringView(path).sliced(
            std::accumulate(actual.cbegin(), actual.cbegin() + keep, qsizetype(0),
                            [](qsizetype sum, QStringView segment) { return sum + segment.size() + 1; }));
        actual = actual.first(keep);
        actual.append(rest);
    }
    if (expected.size() != actual.size())
        return false;
    int count = 0;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        if (expected.at(i).startsWith(u'{') && expected.at(i).endsWith(u'}')) {
            if (actual.at(i).isEmpty())
                return false;
            continue;
        }
        if (expected.at(i) != actual.at(i))
            return false;
        ++count;
    }
    *literals = count;
    return true;
}

QString statusTypeProblem(const QJsonValue &body)
{
    const QJsonArray errors = body.toObject().value(u"errors"_s).toArray();
    for (qsizetype i = 0; i < errors.size(); ++i) {
        const QJsonValue status = errors.at(i).toObject().value(u"status"_s);
        if (!status.isUndefined() && !status.isString())
            return u"/errors/%1/status must be a string (FACTS §14.2)"_s.arg(i);
    }
    return {};
}

} // namespace

QString SpecValidator::defaultSpecPath()
{
    return QStringLiteral(TENANTRY_QLIK_SPEC_PATH);
}

QString SpecValidator::defaultOrgSpecPath()
{
    return QStringLiteral(TENANTRY_ORG_SPEC_PATH);
}

SpecValidator::SpecValidator(const QString &specPath, const QString &orgSpecPath)
{
    const auto load = [this](const QString &path, Document &document) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_loadError = u"cannot read %1: %2"_s.arg(path, file.errorString());
            return;
        }
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
        if (error.error != QJsonParseError::NoError) {
            m_loadError = u"%1 is not JSON: %2"_s.arg(path, error.errorString());
            return;
        }
        document.paths = root.value(u"paths"_s).toObject();
        document.responses = root.value(u"components"_s).toObject().value(u"responses"_s).toObject();
        const QJsonObject schemas = root.value(u"components"_s).toObject().value(u"schemas"_s).toObject();
        for (auto it = schemas.constBegin(); it != schemas.constEnd(); ++it)
            document.schemas.insert(it.key(), convertSchema(it.value()));
    };
    load(specPath, m_tenant);
    if (m_loadError.isEmpty())
        load(orgSpecPath, m_org);
}

SpecValidator::~SpecValidator() = default;

QJsonObject SpecValidator::resolveResponse(const Document &document, const QJsonObject &response)
{
    const QString ref = response.value(u"$ref"_s).toString();
    const QString prefix = u"#/components/responses/"_s;
    if (!ref.startsWith(prefix))
        return response;
    return document.responses.value(ref.mid(prefix.size())).toObject();
}

const SpecValidator::Document &SpecValidator::documentFor(const QString &host) const
{
    QString bare = host.toLower();
    if (const qsizetype colon = bare.indexOf(u':'); colon > 0)
        bare.truncate(colon);
    return bare == "console.qlikcloud.com"_L1 ? m_org : m_tenant;
}

QString SpecValidator::findTemplate(const Document &document, const QString &method, const QString &path) const
{
    // Tenant API paths are served under /api; the spec names them without it.
    const QString relative = path.startsWith("/api/v1/"_L1) ? path.mid(4) : path;
    QString best;
    int bestLiterals = -1;
    for (auto it = document.paths.constBegin(); it != document.paths.constEnd(); ++it) {
        if (!it.value().toObject().contains(method))
            continue;
        int literals = 0;
        if (templateMatches(it.key(), relative, &literals) && literals > bestLiterals) {
            best = it.key();
            bestLiterals = literals;
        }
    }
    return best;
}

QString SpecValidator::operationTemplate(const QString &host, const QByteArray &method, const QString &path) const
{
    return findTemplate(documentFor(host), QString::fromLatin1(method).toLower(), path);
}

QString SpecValidator::check(const QJsonValue &schema, const Document &document, const QString &cacheKey,
                             const QJsonValue &body) const
{
    std::shared_ptr<valijson::Schema> compiled = m_compiled.value(cacheKey);
    if (!compiled) {
        const QJsonObject root{{u"allOf"_s, QJsonArray{convertSchema(schema)}},
                               {u"components"_s, QJsonObject{{u"schemas"_s, document.schemas}}}};
        compiled = std::make_shared<valijson::Schema>();
        try {
            valijson::SchemaParser parser;
            const valijson::adapters::QtJsonAdapter adapter(root);
            parser.populateSchema(adapter, *compiled);
        } catch (const std::exception &error) {
            return u"the spec's schema cannot be compiled: %1"_s.arg(QString::fromStdString(error.what()));
        }
        m_compiled.insert(cacheKey, compiled);
    }
    valijson::Validator validator;
    valijson::ValidationResults results;
    const valijson::adapters::QtJsonAdapter target(body);
    if (validator.validate(*compiled, target, &results))
        return {};
    QStringList problems;
    valijson::ValidationResults::Error error;
    while (results.popError(error) && problems.size() < 8) {
        QString where;
        for (const std::string &part : error.context)
            where += QString::fromStdString(part);
        problems.append(where + u": "_s + QString::fromStdString(error.description));
    }
    return problems.join(u"; "_s);
}

QString SpecValidator::validate(const QString &host, const QByteArray &method, const QString &path, int status,
                                const QByteArray &contentType, const QByteArray &body) const
{
    if (!m_loadError.isEmpty())
        return m_loadError;
    if (path.startsWith("/__sandbox/"_L1))
        return {};
    const Document &document = documentFor(host);
    const QString verb = QString::fromLatin1(method).toLower();
    const QString operation = QString::fromLatin1(method) + u' ' + path + u" -> "_s + QString::number(status);
    const QString pattern = findTemplate(document, verb, path);
    const QString scope = &document == &m_org ? u"org:"_s : u"tenant:"_s;

    QJsonValue schema = QJsonValue::Undefined;
    QString cacheKey;
    bool declared = false;
    if (!pattern.isEmpty()) {
        const QJsonObject responses
            = document.paths.value(pattern).toObject().value(verb).toObject().value(u"responses"_s).toObject();
        QJsonObject response;
        if (responses.contains(QString::number(status))) {
            response = resolveResponse(document, responses.value(QString::number(status)).toObject());
            declared = true;
            cacheKey = scope + verb + pattern + QString::number(status);
            if (pattern == "/v1/themes/{id}"_L1 && verb == "patch"_L1 && status == 200) {
                // The spec's 200 is the themes list; a PATCH answers the theme, as extensions do (FACTS §9.2).
                response = QJsonObject{
                    {u"content"_s,
                     QJsonObject{
                         {u"application/json"_s,
                          QJsonObject{{u"schema"_s, QJsonObject{{u"$ref"_s, u"#/components/schemas/theme"_s}}}}}}}};
            }
            if (pattern == "/v1/items/{itemId}/publisheditems"_L1 && verb == "get"_L1 && status == 200) {
                // The spec's 200 is the collections list (a copy-paste slip): the operation returns the
                // published copies as items (its own description, FACTS §10.4), validated as such.
                response = QJsonObject{
                    {u"content"_s,
                     QJsonObject{
                         {u"application/json"_s,
                          QJsonObject{
                              {u"schema"_s,
                               QJsonObject{{u"$ref"_s, u"#/components/schemas/ItemsListItemsResponseBody"_s}}}}}}}};
            }
        } else if (responses.contains(u"default"_s)) {
            response = resolveResponse(document, responses.value(u"default"_s).toObject());
            declared = true;
            cacheKey = scope + verb + pattern + u"default"_s;
        } else if (status >= 400) {
            // Undeclared error status: the shape of this operation's declared errors.
            for (auto it = responses.constBegin(); it != responses.constEnd(); ++it) {
                const QJsonObject candidate = resolveResponse(document, it.value().toObject());
                if (it.key().toInt() >= 400 && !jsonSchemaOf(candidate).isUndefined()) {
                    response = candidate;
                    cacheKey = scope + verb + pattern + it.key();
                    break;
                }
            }
        }
        // An answer in a declared non-JSON media type (generate-header's text/plain) has no JSON to check.
        if (declared && declaresMediaType(response, contentType) && !contentType.toLower().contains("json"))
            return {};
        if (declared || !response.isEmpty())
            schema = jsonSchemaOf(response);
        if (declared && status == 204 && !body.isEmpty())
            return operation + u": a 204 must have no body"_s;
    }
    if (!declared && status < 400) {
        if (pattern.isEmpty())
            return operation + u": not an operation of the spec"_s;
        return operation + u": status %1 is not declared for %2 %3"_s.arg(status).arg(verb.toUpper(), pattern);
    }
    if (schema.isUndefined() && status >= 400 && !declared) {
        schema = genericErrors();
        cacheKey = u"generic-errors"_s;
    }
    if (schema.isUndefined() || status == 204)
        return {}; // no JSON body declared (redirects, file downloads), or 204, which has none by HTTP's rules

    if (!contentType.toLower().contains("json"))
        return operation + u": the spec declares JSON but Content-Type is '%1'"_s.arg(QString::fromLatin1(contentType));
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return operation + u": the body is not JSON: "_s + parseError.errorString();
    const QJsonValue value = parsed.isObject() ? QJsonValue(parsed.object()) : QJsonValue(parsed.array());
    if (const QString problem = check(schema, document, cacheKey, value); !problem.isEmpty())
        return operation + u": "_s + problem;
    if (const QString problem = statusTypeProblem(value); !problem.isEmpty())
        return operation + u": "_s + problem;
    return {};
}

} // namespace TestSupport
