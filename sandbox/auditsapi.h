#pragma once

#include <QJsonObject>

namespace Sandbox {

class RequestContext;
class Router;
struct AuditEvent;
struct Tenant;

// /v1/audits (FACTS §13) over the events every family records with RequestContext::audit: list
// with eventType, source, userId, eventTime (start/end), id filters, sort and next/prev paging
// whose links carry {href, type, token}; one event; the types and sources the tenant has seen;
// settings; the archive of one day. Events older than 90 days leave the list (retention) and stay
// in the archive. TenantAdmin and AuditAdmin see every event, other users their own.
class AuditsApi
{
public:
    static void addRoutes(Router &router);

    static constexpr qint64 kRetentionSeconds = 90LL * 24 * 3600;

    [[nodiscard]] static QJsonObject toJson(const RequestContext &ctx, const Tenant &tenant, const AuditEvent &event,
                                            bool withLinks);
};

} // namespace Sandbox
