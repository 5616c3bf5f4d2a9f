#pragma once

#include <QString>

#include <optional>

namespace Sandbox {

// One operation of Qlik's contract with its rate tier, as generated at build time from the
// project's openapi.json (and the organization API list): <qlikoperations.inc>.
struct OperationTier
{
    QString tier; // "1", "2" or "special"
    int limitPerMinute = 0;
};

class OperationTable
{
public:
    // specPath exactly as in the spec: "/v1/spaces/{spaceId}", "/oauth/token", "/api/core/tenants".
    [[nodiscard]] static std::optional<OperationTier> find(QByteArrayView method, QStringView specPath);
};

} // namespace Sandbox
