#pragma once

#include <functional>
#include <QDateTime>
#include <QJsonDocument>
#include <QObject>
#include <QString>

namespace Cloud {

class ApiError;
class CloudClient;

// The tenant lifecycle calls (FACTS §3.2, §3.3): give a tenant its alias hostname (PATCH
// /hostnames/1 on the tenant), deactivate it on register.<region> with a purge delay of 10 to 90
// days and the qlik-confirm-hostname header, and reactivate it until its purge date. A tenant
// whose id is not known yet (added by hostname) is looked up first with GET /api/v1/tenants/me.
// Every call completes exactly once, later, through `done` (not at all if `context` goes first).
class TenantLifecycle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantLifecycle)

public:
    static constexpr int minPurgeDays = 10;
    static constexpr int maxPurgeDays = 90;
    static constexpr int defaultPurgeDays = 30;

    struct Target
    {
        QString hostname; // a hostname to call the tenant on (the generated one when known)
        QString tenantId; // empty: looked up on `hostname`
        QString regionId; // the tenant's region; the register host to use
    };

    struct Outcome
    {
        bool ok = false;
        QString tenantId;
        QString status; // after the call: "disabled" | "active"
        QDateTime purgeDate; // deactivate: Qlik's estimatedPurgeDate
        QString message; // for people: what happened, or what went wrong
        QString errorCode; // Qlik's code when Qlik refused
        int httpStatus = 0;
        bool outcomeUnknown = false; // the answer was lost: look the tenant up before trying again
    };
    using Done = std::function<void(const Outcome &)>;

    // `client` is not owned and must outlive this object.
    explicit TenantLifecycle(CloudClient *client, QObject *parent = nullptr);
    ~TenantLifecycle() override;

    void setAlias(const Target &target, const QString &alias, QObject *context, Done done);
    // `confirmHostname` goes out as qlik-confirm-hostname: it must be one of the tenant's hostnames.
    void deactivate(const Target &target, int purgeAfterDays, const QString &confirmHostname, QObject *context,
                    Done done);
    void reactivate(const Target &target, const QString &confirmHostname, QObject *context, Done done);

    // A tenant that answers nothing until reactivated: the tenant API says "disabled", the
    // organization API "deactivated" (FACTS §3.3, §3.4); "deleted" once purged.
    [[nodiscard]] static bool isInactiveStatus(const QString &status);
    // Empty when `alias` can be the alias of a tenant in `regionId`; otherwise what is wrong.
    [[nodiscard]] static QString aliasError(const QString &alias, const QString &regionId);

private:
    // Calls `next` with the tenant id (looked up when the target has none), or ends with the error.
    void withTenantId(const Target &target, QObject *context, const Done &done,
                      std::function<void(const QString &tenantId)> next);
    void registerAction(const Target &target, const QString &action, const QString &confirmHostname,
                        const QJsonDocument &body, QObject *context, Done done);
    [[nodiscard]] static Outcome failure(const ApiError &error);
    static void later(QObject *context, Done done, const Outcome &outcome);

    CloudClient *m_client;
};

} // namespace Cloud
