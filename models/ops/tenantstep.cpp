#include "ops/tenantstep.h"

#include "ops/tenantcreationgate.h"
#include "ops/tenantcreationledger.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/cloudhost.h"
#include "cloud/region.h"
#include "cloud/resources/licenseoverview.h"
#include "cloud/resources/parsed.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcTenantStep, "tenantry.ops.tenant", QtInfoMsg)

namespace Ops {

namespace {

// How far a tenant's createdAt may be from the ledger's `since` and still be the create it
// recorded: the POST follows `since` within seconds; the rest is clock skew between this machine
// and Qlik's. Wide enough for skew, narrow enough that an old entry never matches a later tenant.
constexpr qint64 AdoptWindowSecs = 15 * 60;

QString awsCodeOf(const QString &regionId)
{
    const std::optional<Cloud::Region> region = Cloud::Region::fromId(regionId);
    return region ? region->awsCode : QString();
}

} // namespace

TenantStep::TenantStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

TenantStep::~TenantStep()
{
    releaseGate();
}

StepType TenantStep::type()
{
    StepType type;
    type.name = u"tenant"_s;
    type.title = u"Tenant"_s;
    // The alias is a full hostname in the target's region (FACTS §3.2 "/hostnames/1").
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["alias", "licenseSource"],
        "additionalProperties": false,
        "properties": {
            "alias": {"type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.[a-z]{2}\\.qlikcloud\\.com$",
                      "description": "The tenant's alias hostname, e.g. customer-a.eu.qlikcloud.com; how the step finds it again."},
            "licenseSource": {"type": "string", "minLength": 1,
                              "description": "The hostname of the tenant whose license overview gives the license key."},
            "sourceProfile": {"type": "string", "description": "Credential profile for the source tenant (default: chosen by tier)."},
            "organizationProfile": {"type": "string", "description": "Organization credential profile (default: the configured one)."},
            "datacenter": {"type": "string", "description": "AWS region code sent as 'datacenter'; must be the target region's."}
        }
    })")
                            .object();
    type.outputs = {{u"tenantId"_s, u"the tenant's id"_s, u"TZXk9rFMoKgp7sgAwvczdAlKSSWuaa3e"_s},
                    {u"hostname"_s, u"the alias hostname"_s, u"customer-a.eu.qlikcloud.com"_s},
                    {u"generatedHostname"_s, u"the hostname Qlik generated"_s, u"ire7t7hg58avbmx.eu.qlikcloud.com"_s}};
    type.needsTenantHost = false;
    type.checkParams = [](const QJsonObject &params, const QString &path) {
        QList<PlanIssue> issues;
        const QString alias = params.value(u"alias"_s).toString();
        if (alias.startsWith(u"register."_s))
            issues.append({path + u".alias"_s, u"\"register\" is Qlik's registration host, not a tenant alias"_s});
        return issues;
    };
    type.create = [](const StepContext &context, QObject *parent) -> Step * { return new TenantStep(context, parent); };
    return type;
}

QString TenantStep::alias() const
{
    return params().value(u"alias"_s).toString().toLower();
}

QString TenantStep::licenseSource() const
{
    return params().value(u"licenseSource"_s).toString();
}

QString TenantStep::describe() const
{
    return u"tenant '%1' in region %2, licensed from %3"_s.arg(alias(), context().region, licenseSource());
}

StepProbe TenantStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(),
                             {u"GET /api/v1/licenses/overview (on %1)"_s.arg(licenseSource()),
                              u"GET /api/core/tenants (on console.qlikcloud.com)"_s,
                              u"POST /api/v1/tenants (on register.%1.qlikcloud.com)"_s.arg(context().region),
                              u"PATCH /api/v1/tenants/{tenantId} /hostnames/1"_s});
}

QJsonObject TenantStep::outputs(const QString &id, const QString &generated) const
{
    return {{u"tenantId"_s, id}, {u"hostname"_s, alias()}, {u"generatedHostname"_s, generated}};
}

Cloud::ApiCall TenantStep::consoleCall(const QString &path) const
{
    Cloud::ApiCall call;
    call.host = Cloud::CloudHost::console().hostname();
    call.path = path;
    call.profileName = params().value(u"organizationProfile"_s).toString();
    return call;
}

void TenantStep::readLicense(const std::function<void(const QString &reason)> &blocked, LicenseHandler done)
{
    send(
        sourceCall("GET", u"/api/v1/licenses/overview"_s, u"licenseSource"_s),
        [this, blocked, done = std::move(done)](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::LicenseOverview> overview
                = Cloud::parseResource<Cloud::LicenseOverview>(result.response().body);
            if (!overview.ok()) {
                fail(StepError::failed(
                    u"the license overview of %1 is malformed: %2"_s.arg(licenseSource(), overview.error)));
                return;
            }
            if (overview.value->licenseKey.isEmpty()) {
                blocked(u"the license overview of %1 has no license key (FACTS §3.1)"_s.arg(licenseSource()));
                return;
            }
            if (!overview.value->status.isEmpty() && overview.value->status != u"Ok"_s) {
                blocked(u"the license of %1 is %2; no tenant can be created with it"_s.arg(licenseSource(),
                                                                                           overview.value->status));
                return;
            }
            // FACTS §3.4: an organization's subscriptionId is the parent license number.
            const QString subscription = overview.value->parentLicenseNumber.isEmpty()
                ? overview.value->licenseNumber
                : overview.value->parentLicenseNumber;
            done(overview.value->licenseKey, subscription);
        },
        [this, blocked](const Cloud::ApiError &error) {
            if (error.code() != u"TENANT_DISABLED"_s)
                return false;
            blocked(u"the license source %1 is deactivated (TENANT_DISABLED); reactivate it or name another"_s.arg(
                licenseSource()));
            return true;
        });
}

void TenantStep::listSubscription(const QString &subscriptionId, const QString &filter,
                                  std::function<void(const QList<Cloud::Tenant> &)> done)
{
    Cloud::ApiCall call = consoleCall(u"/api/core/tenants"_s);
    QString text = scimEquals(u"subscriptionId"_s, subscriptionId);
    if (!filter.isEmpty())
        text += u" and "_s + filter;
    call.query = QUrlQuery{{u"filter"_s, text}, {u"limit"_s, u"100"_s}};
    listAll(call, [this, done = std::move(done)](const QJsonArray &items) {
        QList<Cloud::Tenant> tenants;
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            Cloud::Tenant tenant = Cloud::Tenant::readOrganization(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"a tenant in the answer of GET /api/core/tenants is malformed: "_s
                                       + reader.error()));
                return;
            }
            tenants.append(tenant);
        }
        done(tenants);
    });
}

void TenantStep::probe()
{
    const QString awsCode = awsCodeOf(context().region);
    if (awsCode.isEmpty()) {
        finishProbe(StepProbe::blocked(u"the target's region \"%1\" is not a Qlik Cloud region (%2)"_s.arg(
            context().region, Cloud::Region::knownIds())));
        return;
    }
    if (!alias().endsWith(u'.' + context().region + u".qlikcloud.com"_s)) {
        finishProbe(StepProbe::blocked(
            u"the alias %1 is not in region %2; it must end with .%2.qlikcloud.com (FACTS §3.2)"_s.arg(
                alias(), context().region)));
        return;
    }
    const QString datacenter = params().value(u"datacenter"_s).toString();
    if (!datacenter.isEmpty() && datacenter != awsCode) {
        finishProbe(
            StepProbe::blocked(u"datacenter %1 is not region %2's (%3); register.%2 creates tenants in %3 only"_s.arg(
                datacenter, context().region, awsCode)));
        return;
    }
    const auto blocked = [this](const QString &reason) { finishProbe(StepProbe::blocked(reason)); };
    readLicense(blocked, [this, awsCode](const QString &, const QString &subscriptionId) {
        listSubscription(subscriptionId, scimEquals(u"hostnames"_s, alias()),
                         [this, awsCode, subscriptionId](const QList<Cloud::Tenant> &tenants) {
                             for (const Cloud::Tenant &tenant : tenants) {
                                 if (!tenant.hostnames.contains(alias(), Qt::CaseInsensitive))
                                     continue;
                                 if (tenant.status != u"active"_s) {
                                     finishProbe(StepProbe::blocked(
                                         u"tenant %1 with alias %2 is %3; reactivate it first (FACTS §3.3)"_s.arg(
                                             tenant.id, alias(), tenant.status)));
                                     return;
                                 }
                                 if (!tenant.awsRegion.isEmpty() && tenant.awsRegion != awsCode) {
                                     finishProbe(StepProbe::blocked(
                                         u"the alias %1 belongs to tenant %2 in %3, not in region %4"_s.arg(
                                             alias(), tenant.id, tenant.awsRegion, context().region)));
                                     return;
                                 }
                                 finishProbe(StepProbe::noChange(describe() + u" exists ("_s + tenant.id + u')',
                                                                 outputs(tenant.id, tenant.primaryHostname())));
                                 return;
                             }
                             probePendingCreate(subscriptionId);
                         });
    });
}

void TenantStep::probePendingCreate(const QString &subscriptionId)
{
    StepProbe create = deferredProbe();
    create.applyData = {{u"subscriptionId"_s, subscriptionId}};
    const TenantCreationLedger ledger(context().stateDirectory);
    QString error;
    const std::optional<TenantCreationLedger::Entry> pending = ledger.find(subscriptionId, alias(), &error);
    if (!error.isEmpty()) {
        fail(StepError::failed(u"cannot tell whether an earlier create of %1 is pending: %2"_s.arg(alias(), error)));
        return;
    }
    if (!pending) {
        finishProbe(create);
        return;
    }
    // An earlier create (this job's or another's) may have made a tenant that never got its alias.
    listSubscription(subscriptionId, {}, [this, create, entry = *pending](const QList<Cloud::Tenant> &tenants) {
        QList<Cloud::Tenant> candidates;
        for (const Cloud::Tenant &tenant : tenants) {
            if (tenant.hostnames.size() == 1 && tenant.status == u"active"_s && tenant.createdAt.isValid()
                && qAbs(tenant.createdAt.secsTo(entry.since)) <= AdoptWindowSecs)
                candidates.append(tenant);
        }
        if (candidates.isEmpty()) {
            finishProbe(create); // that create made nothing: create now
            return;
        }
        if (candidates.size() > 1) {
            QStringList ids;
            for (const Cloud::Tenant &tenant : std::as_const(candidates))
                ids.append(tenant.id + u" ("_s + tenant.primaryHostname() + u')');
            finishProbe(StepProbe::blocked(
                u"job %1 began creating %2 at %3 and did not set its alias; %4 tenants without an alias were created "
                u"around then (%5). Set the alias %2 on the one that is this customer's (PATCH /hostnames/1), then "
                u"apply again"_s.arg(entry.jobId, alias(), entry.since.toString(Qt::ISODate))
                    .arg(candidates.size())
                    .arg(ids.join(u", "_s))));
            return;
        }
        const Cloud::Tenant &tenant = candidates.first();
        StepProbe adopt = StepProbe::update(
            u"set alias %1 on tenant %2 (%3), created by job %4 whose create did not finish"_s.arg(
                alias(), tenant.id, tenant.primaryHostname(), entry.jobId),
            {u"PATCH /api/v1/tenants/%1 /hostnames/1"_s.arg(tenant.id)},
            {FieldChange{u"hostnames/1"_s, QJsonValue(), alias()}}, outputs(tenant.id, tenant.primaryHostname()));
        adopt.applyData = {{u"subscriptionId"_s, entry.subscriptionId},
                           {u"adoptTenantId"_s, tenant.id},
                           {u"generatedHostname"_s, tenant.primaryHostname()}};
        finishProbe(adopt);
    });
}

void TenantStep::apply(const StepProbe &probe)
{
    const QString adopt = probe.applyData.value(u"adoptTenantId"_s).toString();
    if (probe.action == StepAction::Update && !adopt.isEmpty()) {
        Cloud::Tenant tenant;
        tenant.id = adopt;
        tenant.hostnames = {probe.applyData.value(u"generatedHostname"_s).toString()};
        m_ledgerSubscription = probe.applyData.value(u"subscriptionId"_s).toString();
        setAlias(tenant, true);
        return;
    }
    m_subscriptionId = probe.applyData.value(u"subscriptionId"_s).toString();
    if (probe.action != StepAction::Create || m_subscriptionId.isEmpty()) {
        fail(StepError::failed(u"nothing to apply: a tenant is only created or given its alias (a bug in step type "
                               u"\"tenant\")"_s));
        return;
    }
    m_waitingForGate = true;
    TenantCreationGate::acquire(m_subscriptionId, this, [this] {
        if (!m_waitingForGate)
            return; // cancelled meanwhile
        m_waitingForGate = false;
        const auto blocked = [this](const QString &reason) { fail(StepError::failed(reason)); };
        // Read the key now, not from the probe: it must never reach the journal.
        readLicense(blocked, [this](const QString &licenseKey, const QString &subscriptionId) {
            listSubscription(subscriptionId, {}, [this, licenseKey](const QList<Cloud::Tenant> &tenants) {
                QSet<QString> before;
                for (const Cloud::Tenant &tenant : tenants)
                    before.insert(tenant.id);
                create(licenseKey, before);
            });
        });
    });
}

void TenantStep::create(const QString &licenseKey, const QSet<QString> &before)
{
    // The intent is durable before the POST: whatever happens after it, the next probe finds the tenant.
    TenantCreationLedger ledger(context().stateDirectory);
    QString ledgerError;
    if (!ledger.open({m_subscriptionId, alias(), context().jobId, QDateTime::currentDateTimeUtc()}, &ledgerError)) {
        releaseGate();
        fail(StepError::failed(u"not created: "_s + ledgerError));
        return;
    }
    m_ledgerSubscription = m_subscriptionId;
    QJsonObject body{{u"licenseKey"_s, licenseKey}};
    if (const QString datacenter = params().value(u"datacenter"_s).toString(); !datacenter.isEmpty())
        body.insert(u"datacenter"_s, datacenter);
    Cloud::ApiCall call;
    call.method = "POST";
    call.host = Cloud::CloudHost::registerHost(context().region).hostname();
    call.path = u"/api/v1/tenants"_s;
    call.profileName = context().profile;
    call.setJson(QJsonDocument(body));
    send(
        call,
        [this, before](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::Tenant> tenant = Cloud::parseResource<Cloud::Tenant>(result.response().body);
            if (!tenant.ok() || tenant.value->id.isEmpty() || tenant.value->hostnames.isEmpty()) {
                // Created, but which one? Compare the subscription's tenants, as after a lost answer.
                Cloud::ApiError unreadable;
                reconcile(before, unreadable);
                return;
            }
            releaseGate();
            setAlias(*tenant.value, false);
        },
        [this, before](const Cloud::ApiError &error) {
            if (error.httpStatus() == 403 && error.code() == u"TENANTS-22"_s) {
                releaseGate();
                StepError quota = errorFor(error);
                quota.message = u"the subscription has no tenant left to create (TENANTS-22, quota reached)"_s;
                fail(quota);
                return true;
            }
            if (!errorFor(error).isRetryable())
                return false;
            reconcile(before, error);
            return true;
        });
}

void TenantStep::reconcile(const QSet<QString> &before, const Cloud::ApiError &lost)
{
    listSubscription(m_subscriptionId, {}, [this, before, lost](const QList<Cloud::Tenant> &tenants) {
        QList<Cloud::Tenant> fresh;
        for (const Cloud::Tenant &tenant : tenants) {
            if (!before.contains(tenant.id))
                fresh.append(tenant);
        }
        releaseGate();
        if (fresh.size() == 1) {
            setAlias(fresh.first(), true);
            return;
        }
        if (fresh.isEmpty()) {
            // Nothing was created: the engine probes again and may send the create once more.
            StepError error = lost.isNull() ? StepError::transient(QString()) : errorFor(lost);
            error.kind = StepError::Kind::Transient;
            error.message = u"POST /api/v1/tenants on register.%1 did not create a tenant (%2)"_s.arg(
                context().region, lost.isNull() ? u"unreadable answer"_s : lost.message());
            fail(error);
            return;
        }
        QStringList ids;
        for (const Cloud::Tenant &tenant : fresh)
            ids.append(tenant.id + u" ("_s + tenant.primaryHostname() + u')');
        fail(StepError::failed(
            u"the answer to POST /api/v1/tenants was lost and %1 tenants appeared in the subscription meanwhile (%2); "
            u"set the alias %3 on the one that is this customer's (PATCH /hostnames/1) and apply again"_s
                .arg(fresh.size())
                .arg(ids.join(u", "_s), alias())));
    });
}

void TenantStep::setAlias(const Cloud::Tenant &tenant, bool recovered)
{
    const QString generated = tenant.primaryHostname();
    // FACTS §3.2: PATCH on the tenant host with a tenant token; the first token there also makes
    // the client's bot user (FACTS §2.3). Replacing /hostnames/1 is idempotent: safe to resend.
    const QJsonArray patch{QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/hostnames/1"_s}, {u"value"_s, alias()}}};
    Cloud::ApiCall call;
    call.method = "PATCH";
    call.host = generated;
    call.path = u"/api/v1/tenants/"_s + tenant.id;
    call.profileName = context().profile;
    call.regionHint = context().region;
    call.idempotency = Cloud::ApiCall::Idempotency::Idempotent;
    call.setJson(QJsonDocument(patch));
    send(
        call,
        [this, tenant, generated, recovered](const Cloud::ApiResult &) {
            // The alias finds the tenant from now on. Should closing fail, the entry is harmless: the
            // next probe finds the tenant by its alias before it looks at the ledger.
            QString ledgerError;
            if (!TenantCreationLedger(context().stateDirectory).close(m_ledgerSubscription, alias(), &ledgerError))
                qCWarning(lcTenantStep).noquote() << ledgerError;
            StepChange change;
            change.summary = u"created tenant %1 (%2) with alias %3"_s.arg(tenant.id, generated, alias());
            if (recovered)
                change.summary += u" (its create answer was lost; found by comparing the subscription's tenants)"_s;
            change.created.append({u"tenant"_s, tenant.id, alias()});
            change.outputs = outputs(tenant.id, generated);
            finishApply(change);
        },
        [this, tenant, generated](const Cloud::ApiError &error) {
            // The tenant exists without its alias: a new attempt would not find it. Say exactly what to do.
            StepError failed = errorFor(error);
            failed.kind = StepError::Kind::Failed;
            failed.message = u"tenant %1 (%2) was created, but setting its alias %3 failed: %4; set the alias (PATCH "
                             u"/hostnames/1) or deactivate that tenant before applying again"_s.arg(
                                 tenant.id, generated, alias(), error.message());
            fail(failed);
            return true;
        });
}

void TenantStep::abort()
{
    if (m_waitingForGate) {
        // Nothing was sent yet: leave the queue and end the apply as cancelled.
        m_waitingForGate = false;
        releaseGate();
        fail(StepError::cancelled());
        return;
    }
    CloudStep::abort();
}

void TenantStep::releaseGate()
{
    if (!m_subscriptionId.isEmpty())
        TenantCreationGate::release(m_subscriptionId, this);
}

void TenantStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"tenantId"_s).toString();
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/tenants/"_s + id);
    call.host = alias();
    send(call, [this, id](const Cloud::ApiResult &result) {
        const Cloud::Parsed<Cloud::Tenant> tenant = Cloud::parseResource<Cloud::Tenant>(result.response().body);
        if (!tenant.ok()) {
            fail(StepError::failed(u"GET /api/v1/tenants/%1 answered a malformed tenant: %2"_s.arg(id, tenant.error)));
            return;
        }
        if (!tenant.value->hostnames.contains(alias(), Qt::CaseInsensitive) || tenant.value->status != u"active"_s) {
            fail(StepError::transient(u"tenant %1 is %2 with hostnames %3, not yet active with alias %4"_s.arg(
                id, tenant.value->status, tenant.value->hostnames.join(u", "_s), alias())));
            return;
        }
        finishVerify(u"tenant %1 answers on %2 and is active"_s.arg(id, alias()));
    });
}

} // namespace Ops
