#pragma once

#include <QJsonObject>
#include <QString>

namespace Sandbox {

class Router;
struct CspOrigin;
struct Tenant;

// /v1/csp-origins (FACTS §8.1): one origin per entry with its directive flags; list with directive,
// name and origin filters, sort and next/prev paging; PUT 200; DELETE 204; and
// actions/generate-header as JSON or text/plain by Accept (406 otherwise). Duplicate origins are
// accepted (FACTS marks rejection UNVERIFIED and the spec declares no 409).
class CspOriginsApi
{
public:
    static void addRoutes(Router &router);

    [[nodiscard]] static QJsonObject toJson(const CspOrigin &origin);
    // The tenant's Content-Security-Policy value built from its entries.
    [[nodiscard]] static QString policyHeader(const Tenant &tenant);
};

} // namespace Sandbox
