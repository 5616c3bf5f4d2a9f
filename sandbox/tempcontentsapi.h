#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Sandbox {

class ApiError;
class RequestContext;
class Router;
struct TempContent;
struct Tenant;

// /v1/temp-contents (FACTS §10.3): simple uploads (201 + Location), downloads with
// Content-Disposition and byte ranges (200/206/416), details, expiry by the sandbox clock (410),
// and the tus protocol (create, PATCH at Upload-Offset: 409 on a mismatch, 412 on another tus
// version, 413 above the upload limit, 415 on another content type; incomplete uploads answer 204).
// Temporary contents belong to the user who created them.
class TempContentsApi
{
public:
    static constexpr int kDefaultTtlSeconds = 3600; // FACTS §10.3
    static constexpr int kMaxTtlSeconds = 259200;

    static void addRoutes(Router &router);

    // Stores a complete temporary content created by the caller (export uses it).
    static TempContent &store(const RequestContext &ctx, Tenant &tenant, const QString &name, const QByteArray &data,
                              int ttlSeconds = kDefaultTtlSeconds);
    // The caller's complete, unexpired content `id`, or the error to answer (404, or 410 expired).
    [[nodiscard]] static const TempContent *usable(const RequestContext &ctx, const QString &id,
                                                   std::optional<ApiError> *error);

    [[nodiscard]] static QDateTime expiresAt(const TempContent &content);
    [[nodiscard]] static bool isComplete(const TempContent &content);
};

} // namespace Sandbox
