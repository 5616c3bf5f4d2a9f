#include "cloud/tenantlifecycle.h"

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/cloudhost.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcLifecycle, "tenantry.tenants.lifecycle", QtInfoMsg)

namespace Cloud {

TenantLifecycle::TenantLifecycle(CloudClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

TenantLifecycle::~TenantLifecycle() = default;

bool TenantLifecycle::isInactiveStatus(const QString &status)
{
    return status == "disabled"_L1 || status == "deactivated"_L1 || status == "deleted"_L1;
}

QString TenantLifecycle::aliasError(const QString &alias, const QString &regionId)
{
    // FACTS §3.2: /hostnames/1 is a full hostname in the tenant's region, e.g. example.us.qlikcloud.com.
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
    if (alias.isEmpty())
        return tr("Enter the alias hostname, e.g. customer-a.%1.qlikcloud.com.")
            .arg(regionId.isEmpty() ? u"eu"_s : regionId);
    if (regionId.isEmpty())
        return tr("The tenant's region is not known, so its alias cannot be checked.");
    const QString suffix = u'.' + regionId + u".qlikcloud.com"_s;
    if (!alias.endsWith(suffix))
        return tr("The alias '%1' must end with %2 (the tenant's region).").arg(alias, suffix);
    const QString name = alias.left(alias.size() - suffix.size());
    if (!label.match(name).hasMatch())
        return tr("'%1' is not a hostname label: use lower-case letters, digits and '-'.").arg(name);
    if (name == "register"_L1)
        return tr("'register' is Qlik's registration host, not a tenant alias.");
    return {};
}

void TenantLifecycle::later(QObject *context, Done done, const Outcome &outcome)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), outcome] { done(outcome); }, Qt::QueuedConnection);
}

TenantLifecycle::Outcome TenantLifecycle::failure(const ApiError &error)
{
    Outcome outcome;
    outcome.message = error.message();
    outcome.errorCode = error.code();
    outcome.httpStatus = error.httpStatus();
    outcome.outcomeUnknown = error.isOutcomeUnknown();
    if (outcome.outcomeUnknown)
        outcome.message
            += u'\n' + tr("The request may or may not have taken effect: refresh the tenant before trying again.");
    return outcome;
}

void TenantLifecycle::withTenantId(const Target &target, QObject *context, const Done &done,
                                   std::function<void(const QString &tenantId)> next)
{
    if (!target.tenantId.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [next = std::move(next), id = target.tenantId] { next(id); }, Qt::QueuedConnection);
        return;
    }
    // FACTS §3.2: /tenants/me answers 302 to /tenants/{id}; the client follows it.
    ApiCall call = ApiCall::get(target.hostname, u"/api/v1/tenants/me"_s);
    call.regionHint = target.regionId;
    m_client->send(call, context, [done, next = std::move(next)](const ApiResult &result) {
        const QString id = result.json().object().value(u"id"_s).toString();
        if (!result.ok() || id.isEmpty()) {
            Outcome outcome = result.ok() ? Outcome{} : failure(result.error());
            if (result.ok())
                outcome.message = tr("The tenant did not say its id (GET /api/v1/tenants/me).");
            done(outcome);
            return;
        }
        next(id);
    });
}

void TenantLifecycle::setAlias(const Target &target, const QString &alias, QObject *context, Done done)
{
    const QString normalized = alias.trimmed().toLower();
    if (const QString error = aliasError(normalized, target.regionId); !error.isEmpty()) {
        Outcome outcome;
        outcome.message = error;
        later(context, std::move(done), outcome);
        return;
    }
    withTenantId(target, context, done, [this, target, normalized, context, done](const QString &tenantId) {
        const QJsonArray patch{
            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/hostnames/1"_s}, {u"value"_s, normalized}}};
        ApiCall call;
        call.method = "PATCH";
        call.host = target.hostname;
        call.path = u"/api/v1/tenants/"_s + tenantId;
        call.regionHint = target.regionId;
        call.idempotency = ApiCall::Idempotency::Idempotent; // replacing /hostnames/1 twice is harmless
        call.setJson(QJsonDocument(patch));
        qCInfo(lcLifecycle).noquote() << "Setting the alias of tenant" << tenantId << "to" << normalized;
        m_client->send(call, context, [done, tenantId, normalized](const ApiResult &result) {
            if (!result.ok()) {
                done(failure(result.error()));
                return;
            }
            Outcome outcome;
            outcome.ok = true;
            outcome.tenantId = tenantId;
            outcome.status = u"active"_s;
            outcome.httpStatus = result.status();
            outcome.message = tr("The tenant's alias is now %1.").arg(normalized);
            done(outcome);
        });
    });
}

void TenantLifecycle::deactivate(const Target &target, int purgeAfterDays, const QString &confirmHostname,
                                 QObject *context, Done done)
{
    if (purgeAfterDays < minPurgeDays || purgeAfterDays > maxPurgeDays) {
        Outcome outcome;
        outcome.message = tr("The purge delay must be %1 to %2 days, not %3.")
                              .arg(minPurgeDays)
                              .arg(maxPurgeDays)
                              .arg(purgeAfterDays);
        later(context, std::move(done), outcome);
        return;
    }
    registerAction(target, u"deactivate"_s, confirmHostname,
                   QJsonDocument(QJsonObject{{u"purgeAfterDays"_s, purgeAfterDays}}), context, std::move(done));
}

void TenantLifecycle::reactivate(const Target &target, const QString &confirmHostname, QObject *context, Done done)
{
    registerAction(target, u"reactivate"_s, confirmHostname, {}, context, std::move(done));
}

void TenantLifecycle::registerAction(const Target &target, const QString &action, const QString &confirmHostname,
                                     const QJsonDocument &body, QObject *context, Done done)
{
    QString problem;
    if (target.regionId.isEmpty())
        problem = tr("The tenant's region is not known: its register host cannot be chosen.");
    else if (confirmHostname.trimmed().isEmpty())
        problem = tr("Name a hostname of the tenant to confirm (qlik-confirm-hostname).");
    if (!problem.isEmpty()) {
        Outcome outcome;
        outcome.message = problem;
        later(context, std::move(done), outcome);
        return;
    }
    withTenantId(
        target, context, done, [this, target, action, confirmHostname, body, context, done](const QString &id) {
            // FACTS §3.3: on register.<region> with a region client; the header must name a hostname of
            // the tenant or Qlik answers 412 and nothing happens.
            ApiCall call;
            call.method = "POST";
            call.host = CloudHost::registerHost(target.regionId).hostname();
            call.path = u"/api/v1/tenants/%1/actions/%2"_s.arg(id, action);
            call.addHeader("qlik-confirm-hostname", confirmHostname.trimmed().toLower().toUtf8());
            if (!body.isNull())
                call.setJson(body);
            call.idempotency = ApiCall::Idempotency::NotIdempotent;
            qCInfo(lcLifecycle).noquote() << "Tenant" << id << action << "on" << call.host;
            m_client->send(call, context, [done, id, action](const ApiResult &result) {
                if (!result.ok()) {
                    done(failure(result.error()));
                    return;
                }
                const QJsonObject answer = result.json().object();
                Outcome outcome;
                outcome.ok = true;
                outcome.tenantId = id;
                outcome.httpStatus = result.status();
                outcome.status = answer.value(u"status"_s).toString();
                outcome.purgeDate
                    = QDateTime::fromString(answer.value(u"estimatedPurgeDate"_s).toString(), Qt::ISODateWithMs);
                if (action == "deactivate"_L1) {
                    outcome.message = outcome.purgeDate.isValid()
                        ? tr("Tenant deactivated; Qlik purges it from %1 unless it is reactivated before.")
                              .arg(outcome.purgeDate.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s))
                        : tr("Tenant deactivated.");
                } else {
                    outcome.message = tr("Tenant reactivated.");
                }
                done(outcome);
            });
        });
}

} // namespace Cloud
