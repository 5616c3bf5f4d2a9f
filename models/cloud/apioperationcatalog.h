#pragma once

#include "cloud/apioperation.h"

#include <optional>
#include <QList>
#include <QStringList>

namespace Cloud {

// The operations of Qlik's contract that Tenantry knows, with their rate tiers. Built from the
// project's copy of openapi.json (and the organization API list) when the project is compiled.
class ApiOperationCatalog
{
public:
    static const ApiOperationCatalog &instance();

    // Finds the operation for a concrete request path. Tenant API paths may be given with or
    // without their "/api" prefix ("/api/v1/spaces/abc" and "/v1/spaces/abc" both match
    // "/v1/spaces/{spaceId}"). Literal segments win over placeholders ("/v1/users/me" is not
    // "/v1/users/{userId}").
    [[nodiscard]] std::optional<ApiOperation> match(const QString &method, const QString &path) const;

    [[nodiscard]] const QList<ApiOperation> &operations() const { return m_operations; }

private:
    ApiOperationCatalog();
    QList<ApiOperation> m_operations;
    QList<QStringList> m_templateSegments; // parallel to m_operations, split once
};

} // namespace Cloud
