#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace valijson {
class Schema;
}

namespace TestSupport {

// Validates Qlik response bodies against the schema the project's openapi.json declares for that
// operation and status (valijson, draft 7, with $refs resolved into #/components/schemas).
// The console's organization API is not in openapi.json; its schemas come from orgapi.json next to
// this file (written from FACTS §3.4).
//
// OpenAPI 3.0 needs a few translations to be JSON Schema: `nullable: true` becomes an anyOf with
// null; annotations (example, readOnly, discriminator, x-*) are dropped; `format: date` accepts a
// date-time too, because the spec's own examples put date-times there (Tenant.created,
// User.created); Qlik's titled oneOf enums (NxApp usage) become enums. One slip of the spec is
// corrected: /v1/items/{itemId}/publisheditems answers items, not collections.
//
// Rules beyond the schemas:
//  - a status the operation does not declare: for errors (>= 400), the schema of the operation's
//    other error answers (or the common Errors shape: errors[] of {code, title}); a success or
//    redirect status the spec does not declare is a failure;
//  - every errors[].status must be a string ("401"), as Qlik sends it (FACTS §14.2);
//  - a path that is no operation of the spec fails unless the answer is an error;
//  - a 204 must have no body; JSON schemas need a JSON Content-Type.
// /__sandbox/ paths are not Qlik's and are never validated.
class SpecValidator
{
public:
    SpecValidator(const QString &specPath = defaultSpecPath(), const QString &orgSpecPath = defaultOrgSpecPath());
    ~SpecValidator();
    SpecValidator(const SpecValidator &) = delete;
    SpecValidator &operator=(const SpecValidator &) = delete;

    [[nodiscard]] static QString defaultSpecPath();
    [[nodiscard]] static QString defaultOrgSpecPath();

    [[nodiscard]] bool isLoaded() const { return m_loadError.isEmpty(); }
    [[nodiscard]] const QString &loadError() const { return m_loadError; }

    // Empty when the answer conforms; otherwise what is wrong, naming the operation and field.
    // host is the Host header (console.qlikcloud.com selects the organization API).
    [[nodiscard]] QString validate(const QString &host, const QByteArray &method, const QString &path, int status,
                                   const QByteArray &contentType, const QByteArray &body) const;

    // The spec's path template for a concrete path ("/api/v1/spaces/abc" -> "/v1/spaces/{spaceId}"),
    // empty when none matches.
    [[nodiscard]] QString operationTemplate(const QString &host, const QByteArray &method, const QString &path) const;

private:
    struct Document
    {
        QJsonObject paths;
        QJsonObject schemas; // converted to JSON Schema
        QJsonObject responses; // #/components/responses, as written
    };

    [[nodiscard]] const Document &documentFor(const QString &host) const;
    // A response object, with a $ref into #/components/responses followed.
    [[nodiscard]] static QJsonObject resolveResponse(const Document &document, const QJsonObject &response);
    [[nodiscard]] QString findTemplate(const Document &document, const QString &method, const QString &path) const;
    [[nodiscard]] QString check(const QJsonValue &schema, const Document &document, const QString &cacheKey,
                                const QJsonValue &body) const;

    Document m_tenant;
    Document m_org;
    QString m_loadError;
    mutable QHash<QString, std::shared_ptr<valijson::Schema>> m_compiled;
};

} // namespace TestSupport
