#include "ops/licensepoolcheck.h"

#include "ops/cloudstep.h"
#include "ops/paramreferences.h"

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"
#include "cloud/resources/licenseoverview.h"
#include "cloud/resources/parsed.h"
#include "cloud/resources/user.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

// The step types whose parameters the check reads (LicenseStep, TenantStep, RecoveryAdminStep).
const QString kLicensesType = u"licenses"_s;
const QString kTenantType = u"tenant"_s;
const QString kRecoveryAdminType = u"recovery-admin"_s;
const QStringList kSeatTypes{u"professional"_s, u"analyzer"_s};
// Subjects per assignments query: the filter stays short, one page of 100 holds every answer.
constexpr qsizetype kSubjectsPerQuery = 20;

} // namespace

LicensePoolCheck::LicensePoolCheck(const JobState &state, const QList<int> &targets, Cloud::CloudClient *cloud,
                                   QObject *parent)
    : QObject(parent)
    , m_cloud(cloud)
{
    collect(state, targets);
}

LicensePoolCheck::~LicensePoolCheck() = default;

void LicensePoolCheck::collect(const JobState &state, const QList<int> &targets)
{
    for (const int t : targets) {
        const Plan::Target &planTarget = state.plan.targets.at(t);
        const JobState::Target &target = state.targets.at(t);
        // What a step at `before` would see now: the target's fields and the outputs of complete steps.
        const auto lookupBefore = [&planTarget, &target](qsizetype before) -> ParamReferences::Lookup {
            return [&planTarget, &target, before](const QString &source,
                                                  const QString &name) -> std::optional<QJsonValue> {
                if (source == u"target"_s) {
                    if (name == u"id"_s)
                        return QJsonValue(planTarget.id);
                    if (name == u"label"_s)
                        return QJsonValue(planTarget.displayName());
                    if (name == u"region"_s)
                        return QJsonValue(planTarget.region);
                    if (name == u"hostname"_s && !target.hostname.isEmpty())
                        return QJsonValue(target.hostname);
                    return std::nullopt;
                }
                if (source == u"vars"_s)
                    return planTarget.vars.contains(name) ? std::optional(planTarget.vars.value(name)) : std::nullopt;
                const qsizetype index = planTarget.stepIndex(source);
                if (index < 0 || index >= before || !target.steps.at(index).isComplete()
                    || !target.steps.at(index).outputs.contains(name))
                    return std::nullopt;
                return target.steps.at(index).outputs.value(name);
            };
        };
        const auto resolved = [](const QJsonValue &value, const ParamReferences::Lookup &lookup) {
            const ParamReferences::Resolution resolution = ParamReferences::resolve(value, lookup, u"$"_s);
            return resolution.unresolved.isEmpty() && resolution.issues.isEmpty() ? resolution.value : QJsonValue();
        };

        for (qsizetype s = 0; s < planTarget.steps.size(); ++s) {
            const Plan::Step &planStep = planTarget.steps.at(s);
            if (planStep.type != kLicensesType || target.steps.at(s).isComplete())
                continue;
            const QJsonArray assignments = planStep.params.value(u"assignments"_s).toArray();
            if (assignments.isEmpty())
                continue;
            const ParamReferences::Lookup lookup = lookupBefore(s);
            Want want;
            want.target = t;
            want.step = static_cast<int>(s);
            want.keepFree = planStep.params.value(u"keepFree"_s).toObject();
            for (const QJsonValue value : assignments) {
                const QJsonObject assignment = value.toObject();
                Seat seat;
                seat.type = assignment.value(u"type"_s).toString();
                const QString raw = assignment.value(u"subject"_s).toString();
                seat.subject = resolved(raw, lookup).toString();
                ParamReference reference;
                if (seat.subject.isEmpty() && ParamReferences::isWholeReference(raw, &reference)
                    && reference.name == u"subject"_s) {
                    // A person copied by a recovery-admin step: the source tenant knows the subject now.
                    const qsizetype admin = planTarget.stepIndex(reference.source);
                    if (admin >= 0 && admin < s && planTarget.steps.at(admin).type == kRecoveryAdminType) {
                        const QJsonObject params
                            = ParamReferences::resolve(planTarget.steps.at(admin).params, lookupBefore(admin), u"$"_s)
                                  .value.toObject();
                        const QJsonValue source
                            = resolved(planTarget.steps.at(admin).params.value(u"source"_s), lookupBefore(admin));
                        const QJsonValue email
                            = resolved(planTarget.steps.at(admin).params.value(u"email"_s), lookupBefore(admin));
                        if (!source.toString().isEmpty() && !email.toString().isEmpty())
                            seat.lookup = source.toString() + u'\n' + email.toString() + u'\n'
                                + params.value(u"sourceProfile"_s).toString();
                    }
                }
                want.seats.append(seat);
            }

            // The license: the target's own, or the one a tenant the plan creates is given.
            ParamReference hostReference;
            if (!target.hostname.isEmpty() || !planTarget.hostnameIsReference()) {
                want.host = target.hostname.isEmpty() ? planTarget.hostname : target.hostname;
                want.profile = planTarget.profile;
                want.region = planTarget.region;
            } else if (ParamReferences::isWholeReference(planTarget.hostname, &hostReference)) {
                const qsizetype creator = planTarget.stepIndex(hostReference.source);
                if (creator >= 0 && planTarget.steps.at(creator).type == kTenantType) {
                    const QJsonObject &params = planTarget.steps.at(creator).params;
                    want.host = resolved(params.value(u"licenseSource"_s), lookupBefore(creator)).toString();
                    want.profile = resolved(params.value(u"sourceProfile"_s), lookupBefore(creator)).toString();
                }
            }
            m_wants.append(want);
        }
    }
}

void LicensePoolCheck::start()
{
    QSet<QString> hosts;
    QSet<QString> lookups;
    for (const Want &want : std::as_const(m_wants)) {
        if (!want.host.isEmpty() && !hosts.contains(want.host)) {
            hosts.insert(want.host);
            readOverview(want.host, want.profile, want.region);
        }
        for (const Seat &seat : want.seats) {
            if (!seat.lookup.isEmpty() && !lookups.contains(seat.lookup)) {
                lookups.insert(seat.lookup);
                lookUpSubject(seat.lookup);
            }
        }
    }
    if (m_pending == 0)
        QMetaObject::invokeMethod(this, &LicensePoolCheck::settle, Qt::QueuedConnection);
}

void LicensePoolCheck::readOverview(const QString &host, const QString &profile, const QString &region)
{
    Cloud::ApiCall call = Cloud::ApiCall::get(host, u"/api/v1/licenses/overview"_s);
    call.profileName = profile;
    call.regionHint = region;
    ++m_pending;
    m_cloud->send(call, this, [this, host, profile, region](const Cloud::ApiResult &result) {
        --m_pending;
        if (!result.ok()) {
            m_overviewErrors.insert(host, result.error().message());
        } else {
            const Cloud::Parsed<Cloud::LicenseOverview> overview
                = Cloud::parseResource<Cloud::LicenseOverview>(result.response().body);
            if (!overview.ok() || overview.value->licenseNumber.isEmpty()) {
                m_overviewErrors.insert(host, overview.ok() ? u"it names no licenseNumber"_s : overview.error);
            } else {
                const QString number = overview.value->licenseNumber;
                m_licenseOf.insert(host, number);
                if (!m_pools.contains(number)) {
                    Pool pool;
                    pool.licenseNumber = number;
                    pool.host = host;
                    pool.profile = profile;
                    pool.region = region;
                    for (const Cloud::LicenseOverview::Allotment &allotment : overview.value->allotments) {
                        pool.units.insert(allotment.name, allotment.units);
                        pool.used.insert(allotment.name, allotment.unitsUsed);
                        pool.left.insert(allotment.name, allotment.units - allotment.unitsUsed);
                    }
                    m_pools.insert(number, pool);
                }
            }
        }
        settle();
    });
}

void LicensePoolCheck::lookUpSubject(const QString &lookup)
{
    const QStringList parts = lookup.split(u'\n');
    const QString email = parts.value(1);
    Cloud::ApiCall call = Cloud::ApiCall::get(
        parts.value(0), u"/api/v1/users"_s,
        QUrlQuery{{u"filter"_s, CloudStep::scimEquals(u"email"_s, email)}, {u"limit"_s, u"100"_s}});
    call.profileName = parts.value(2);
    ++m_pending;
    m_cloud->send(call, this, [this, lookup, email](const Cloud::ApiResult &result) {
        --m_pending;
        // As RecoveryAdminStep judges it: exactly one active person with that email. Anything else
        // leaves the subject unknown (counted as a new seat); the step itself then says what is wrong.
        QStringList subjects;
        for (const QJsonValue item : result.json().object().value(u"data"_s).toArray()) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::User user = Cloud::User::read(reader);
            if (reader.ok() && user.email.compare(email, Qt::CaseInsensitive) == 0 && !user.isBot()
                && user.status == u"active"_s)
                subjects.append(user.subject);
        }
        m_subjects.insert(lookup, subjects.size() == 1 ? subjects.first() : QString());
        settle();
    });
}

void LicensePoolCheck::readAssignments(const QString &licenseNumber, const QStringList &subjects)
{
    const Pool &pool = m_pools[licenseNumber];
    QStringList terms;
    for (const QString &subject : subjects)
        terms.append(CloudStep::scimEquals(u"subject"_s, subject));
    // Assignments belong to the entitlement: any tenant of the license lists all of them (FACTS §6).
    Cloud::ApiCall call = Cloud::ApiCall::get(pool.host, u"/api/v1/licenses/assignments"_s,
                                              QUrlQuery{{u"filter"_s, terms.join(u" or "_s)}, {u"limit"_s, u"100"_s}});
    call.profileName = pool.profile;
    call.regionHint = pool.region;
    ++m_pending;
    Cloud::Pager *pager = m_cloud->list(call);
    connect(pager, &Cloud::Pager::pageReceived, this, [this, licenseNumber](const Cloud::ApiPage &page) {
        for (const QJsonValue item : page.items)
            m_pools[licenseNumber].assigned.insert(item.toObject().value(u"subject"_s).toString());
    });
    connect(pager, &Cloud::Pager::finished, this, [this, licenseNumber](const Cloud::ApiError &error) {
        --m_pending;
        if (!error.isNull())
            m_pools[licenseNumber].error = error.message();
        settle();
    });
}

void LicensePoolCheck::settle()
{
    if (m_pending > 0)
        return;
    if (!m_assignmentsRead) {
        m_assignmentsRead = true;
        // The subjects each license is asked about, in plan order.
        QHash<QString, QStringList> subjects;
        QStringList order;
        for (const Want &want : std::as_const(m_wants)) {
            const QString number = m_licenseOf.value(want.host);
            if (number.isEmpty())
                continue;
            for (const Seat &seat : want.seats) {
                const QString subject = seat.subject.isEmpty() ? m_subjects.value(seat.lookup) : seat.subject;
                if (subject.isEmpty() || subjects.value(number).contains(subject))
                    continue;
                if (!subjects.contains(number))
                    order.append(number);
                subjects[number].append(subject);
            }
        }
        for (const QString &number : std::as_const(order)) {
            const QStringList all = subjects.value(number);
            for (qsizetype i = 0; i < all.size(); i += kSubjectsPerQuery)
                readAssignments(number, all.mid(i, kSubjectsPerQuery));
        }
        if (m_pending > 0)
            return;
    }
    judge();
    Q_EMIT finished();
}

bool LicensePoolCheck::isBlocked(int target) const
{
    return std::any_of(m_blocks.begin(), m_blocks.end(),
                       [target](const Block &block) { return block.target == target; });
}

void LicensePoolCheck::block(const Want &want, const QString &reason)
{
    if (!isBlocked(want.target))
        m_blocks.append({want.target, want.step, reason});
}

void LicensePoolCheck::judge()
{
    QHash<QString, QList<const Want *>> byLicense;
    QStringList order;
    for (const Want &want : std::as_const(m_wants)) {
        if (want.host.isEmpty())
            continue; // a target whose tenant is neither named nor created by a "tenant" step
        if (const auto error = m_overviewErrors.constFind(want.host); error != m_overviewErrors.constEnd()) {
            block(want,
                  u"the shared license pool could not be checked: the license overview of %1 could not be "
                  u"read (%2)"_s.arg(want.host, *error));
            continue;
        }
        const QString number = m_licenseOf.value(want.host);
        if (!byLicense.contains(number))
            order.append(number);
        byLicense[number].append(&want);
    }
    for (const QString &number : std::as_const(order))
        judgePool(number, byLicense.value(number));
}

void LicensePoolCheck::judgePool(const QString &licenseNumber, const QList<const Want *> &wants)
{
    const Pool &pool = m_pools[licenseNumber];
    if (!pool.error.isEmpty()) {
        for (const Want *want : wants)
            block(*want,
                  u"the shared license pool could not be checked: the seats of license %1 could not be read "
                  u"from %2 (%3)"_s.arg(licenseNumber, pool.host, pool.error));
        return;
    }
    // The seats a want would add of a type: distinct subjects without a seat on the license, and
    // every subject not known before its target runs.
    const auto seatsOf = [this, &pool](const Want &want, const QString &type) {
        QSet<QString> keys;
        for (qsizetype i = 0; i < want.seats.size(); ++i) {
            const Seat &seat = want.seats.at(i);
            if (seat.type != type)
                continue;
            const QString subject = seat.subject.isEmpty() ? m_subjects.value(seat.lookup) : seat.subject;
            if (subject.isEmpty())
                keys.insert(u"\n%1/%2/%3"_s.arg(want.target).arg(want.step).arg(i)); // unknown: its own seat
            else if (!pool.assigned.contains(subject))
                keys.insert(subject);
        }
        return keys;
    };

    for (const QString &type : kSeatTypes) {
        QSet<QString> wanted;
        QSet<int> targets;
        for (const Want *want : wants) {
            if (isBlocked(want->target))
                continue; // blocked for another type: none of its seats are taken
            const QSet<QString> keys = seatsOf(*want, type);
            wanted.unite(keys);
            if (!keys.isEmpty())
                targets.insert(want->target);
        }
        if (wanted.isEmpty())
            continue;
        if (!pool.units.contains(type)) {
            for (const Want *want : wants) {
                if (!seatsOf(*want, type).isEmpty())
                    block(*want,
                          u"license %1 has no %2 allotment, and the plan assigns %3 new %2 seat(s) on it"_s
                              .arg(licenseNumber, type)
                              .arg(wanted.size()));
            }
            continue;
        }
        const qint64 left = pool.left.value(type);
        // Plan order: each target takes its seats while what is left (less its keepFree) allows.
        QSet<QString> admitted;
        int blocked = 0;
        for (const Want *want : wants) {
            if (isBlocked(want->target))
                continue;
            const QSet<QString> keys = seatsOf(*want, type) - admitted;
            const qint64 keep = want->keepFree.value(type).toInteger();
            if (keys.isEmpty())
                continue;
            if (admitted.size() + keys.size() <= left - keep) {
                admitted.unite(keys);
                continue;
            }
            ++blocked;
            block(*want,
                  u"the plan assigns %1 new %2 seat(s) on license %3 across %4 target(s), but its shared pool has %5 "
                  u"left (%6 of %7 used by all the license's tenants)%8; this target's %9 after the %10 of the "
                  u"targets before it would exhaust it. Free seats or buy more first"_s.arg(wanted.size())
                      .arg(type, licenseNumber)
                      .arg(targets.size())
                      .arg(left)
                      .arg(pool.used.value(type))
                      .arg(pool.units.value(type))
                      .arg(keep > 0 ? u" and %1 must stay free"_s.arg(keep) : QString())
                      .arg(keys.size())
                      .arg(admitted.size()));
        }
        m_notes.append(u"license pool %1 (%2): the plan assigns %3 new seat(s) across %4 target(s); %5 of %6 are "
                       u"left%7"_s.arg(licenseNumber, type)
                           .arg(wanted.size())
                           .arg(targets.size())
                           .arg(left)
                           .arg(pool.units.value(type))
                           .arg(blocked > 0 ? u"; %1 target(s) blocked"_s.arg(blocked) : QString()));
    }
}

} // namespace Ops
