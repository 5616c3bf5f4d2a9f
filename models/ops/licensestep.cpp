#include "ops/licensestep.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/resources/licenseassignment.h"
#include "cloud/resources/licenseoverview.h"
#include "cloud/resources/parsed.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

const QStringList kSettingKeys{u"autoAssignProfessional"_s, u"autoAssignAnalyzer"_s};

} // namespace

LicenseStep::LicenseStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

LicenseStep::~LicenseStep() = default;

StepType LicenseStep::type()
{
    StepType type;
    type.name = u"licenses"_s;
    type.title = u"Licenses"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "autoAssignProfessional": {"type": "boolean", "description": "Give new users a professional seat when one is free."},
            "autoAssignAnalyzer": {"type": "boolean", "description": "Give new users an analyzer seat when one is free."},
            "assignments": {
                "type": "array", "maxItems": 100,
                "items": {
                    "type": "object",
                    "required": ["subject", "type"],
                    "additionalProperties": false,
                    "properties": {
                        "subject": {"type": "string", "minLength": 1, "description": "The user's subject, e.g. \"${admin.subject}\"."},
                        "type": {"enum": ["professional", "analyzer"]}
                    }
                }
            },
            "keepFree": {
                "type": "object",
                "additionalProperties": false,
                "description": "Seats of the shared pool this plan must leave free.",
                "properties": {
                    "professional": {"type": "integer", "minimum": 0},
                    "analyzer": {"type": "integer", "minimum": 0}
                }
            }
        }
    })")
                            .object();
    type.checkParams = [](const QJsonObject &params, const QString &path) {
        QList<PlanIssue> issues;
        QStringList subjects;
        const QJsonArray assignments = params.value(u"assignments"_s).toArray();
        for (qsizetype i = 0; i < assignments.size(); ++i) {
            const QString subject = assignments.at(i).toObject().value(u"subject"_s).toString();
            if (subjects.contains(subject))
                issues.append({path + u".assignments[%1].subject"_s.arg(i),
                               u"subject %1 is listed twice; a subject has one seat"_s.arg(subject)});
            subjects.append(subject);
        }
        return issues;
    };
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new LicenseStep(context, parent); };
    return type;
}

QJsonObject LicenseStep::wantedSettings() const
{
    QJsonObject wanted;
    for (const QString &key : kSettingKeys) {
        if (params().contains(key))
            wanted.insert(key, params().value(key).toBool());
    }
    return wanted;
}

QList<LicenseStep::Seat> LicenseStep::seats() const
{
    QList<Seat> list;
    for (const QJsonValue value : params().value(u"assignments"_s).toArray()) {
        const QJsonObject seat = value.toObject();
        list.append({seat.value(u"subject"_s).toString(), seat.value(u"type"_s).toString()});
    }
    return list;
}

QString LicenseStep::describe() const
{
    QStringList parts;
    const QJsonObject wanted = wantedSettings();
    for (auto it = wanted.begin(); it != wanted.end(); ++it)
        parts.append(u"%1 %2"_s.arg(it.key(), it.value().toBool() ? u"on"_s : u"off"_s));
    if (!seats().isEmpty())
        parts.append(u"%1 seat(s) assigned"_s.arg(seats().size()));
    return u"licenses: "_s + (parts.isEmpty() ? u"as they are"_s : parts.join(u", "_s));
}

StepProbe LicenseStep::deferredProbe() const
{
    QStringList calls;
    if (!wantedSettings().isEmpty())
        calls.append(u"PUT /api/v1/licenses/settings"_s);
    if (!seats().isEmpty())
        calls.append(u"POST /api/v1/licenses/assignments/actions/add"_s);
    return StepProbe::create(u"set "_s + describe(), calls);
}

StepChange LicenseStep::recoveredChange(StepAction intended, const StepProbe &found) const
{
    Q_UNUSED(intended)
    StepChange change;
    change.summary = u"set "_s + describe();
    change.outputs = found.outputs;
    change.updated.append({u"licenses"_s, context().tenantHost, {}});
    return change;
}

void LicenseStep::probe()
{
    send(tenantCall("GET", u"/api/v1/licenses/settings"_s), [this](const Cloud::ApiResult &result) {
        const QJsonObject current = result.json().object();
        QJsonObject settings;
        const QJsonObject wanted = wantedSettings();
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            if (current.value(it.key()).toBool() != it.value().toBool())
                settings.insert(it.key(), it.value());
        }
        if (!settings.isEmpty()) {
            // PUT takes both flags: keep the one the plan does not set.
            for (const QString &key : kSettingKeys) {
                if (!wanted.contains(key))
                    settings.insert(key, current.value(key).toBool());
                else
                    settings.insert(key, wanted.value(key));
            }
            settings.insert(u"_before"_s, current);
        }
        probeAssignments(settings);
    });
}

void LicenseStep::probeAssignments(const QJsonObject &settings)
{
    const QList<Seat> wanted = seats();
    if (wanted.isEmpty()) {
        finishPlanned(settings, {});
        return;
    }
    QStringList terms;
    for (const Seat &seat : wanted)
        terms.append(scimEquals(u"subject"_s, seat.subject));
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/licenses/assignments"_s);
    call.query = QUrlQuery{{u"filter"_s, terms.join(u" or "_s)}, {u"limit"_s, u"100"_s}};
    listAll(call, [this, settings, wanted](const QJsonArray &items) {
        QHash<QString, QString> assigned; // subject -> type
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::LicenseAssignment assignment = Cloud::LicenseAssignment::read(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"a license assignment is malformed: "_s + reader.error()));
                return;
            }
            assigned.insert(assignment.subject, assignment.type);
        }
        QList<Seat> missing;
        for (const Seat &seat : wanted) {
            const auto found = assigned.constFind(seat.subject);
            if (found == assigned.constEnd()) {
                missing.append(seat);
            } else if (*found != seat.type) {
                finishProbe(StepProbe::blocked(u"subject %1 has a %2 seat, not %3; change it by hand, Tenantry does "
                                               u"not move seats between types"_s.arg(seat.subject, *found, seat.type)));
                return;
            }
        }
        if (missing.isEmpty())
            finishPlanned(settings, missing);
        else
            probePool(settings, missing);
    });
}

void LicenseStep::probePool(const QJsonObject &settings, const QList<Seat> &missing)
{
    send(tenantCall("GET", u"/api/v1/licenses/overview"_s), [this, settings, missing](const Cloud::ApiResult &result) {
        const Cloud::Parsed<Cloud::LicenseOverview> overview
            = Cloud::parseResource<Cloud::LicenseOverview>(result.response().body);
        if (!overview.ok()) {
            fail(StepError::failed(
                u"the license overview of %1 is malformed: %2"_s.arg(context().tenantHost, overview.error)));
            return;
        }
        const QJsonObject keepFree = params().value(u"keepFree"_s).toObject();
        for (const QString &type : {u"professional"_s, u"analyzer"_s}) {
            const auto needed = std::count_if(missing.begin(), missing.end(),
                                              [&type](const Seat &seat) { return seat.type == type; });
            if (needed == 0)
                continue;
            const auto allotment = std::find_if(overview.value->allotments.begin(), overview.value->allotments.end(),
                                                [&type](const auto &a) { return a.name == type; });
            if (allotment == overview.value->allotments.end()) {
                finishProbe(StepProbe::blocked(
                    u"the license has no %1 allotment; %2 %1 seat(s) cannot be assigned"_s.arg(type).arg(needed)));
                return;
            }
            const qint64 left = allotment->units - allotment->unitsUsed;
            const qint64 keep = keepFree.value(type).toInteger();
            if (needed > left - keep) {
                finishProbe(StepProbe::blocked(
                    u"the plan assigns %1 %2 seat(s) but the subscription's shared pool has %3 left (%4 of %5 used "
                    u"by all its tenants)%6; free seats or buy more first"_s.arg(needed)
                        .arg(type)
                        .arg(left)
                        .arg(allotment->unitsUsed)
                        .arg(allotment->units)
                        .arg(keep > 0 ? u" and %1 must stay free"_s.arg(keep) : QString())));
                return;
            }
        }
        finishPlanned(settings, missing);
    });
}

void LicenseStep::finishPlanned(const QJsonObject &settings, const QList<Seat> &missing)
{
    if (settings.isEmpty() && missing.isEmpty()) {
        finishProbe(StepProbe::noChange(describe(), {}));
        return;
    }
    QStringList calls;
    QList<FieldChange> changes;
    QJsonObject applyData;
    if (!settings.isEmpty()) {
        calls.append(u"PUT /api/v1/licenses/settings"_s);
        const QJsonObject before = settings.value(u"_before"_s).toObject();
        for (const QString &key : kSettingKeys) {
            if (before.value(key) != settings.value(key))
                changes.append({key, before.value(key), settings.value(key)});
        }
        QJsonObject body = settings;
        body.remove(u"_before"_s);
        applyData.insert(u"settings"_s, body);
    }
    if (!missing.isEmpty()) {
        calls.append(u"POST /api/v1/licenses/assignments/actions/add"_s);
        QJsonArray add;
        for (const Seat &seat : missing) {
            add.append(QJsonObject{{u"subject"_s, seat.subject}, {u"type"_s, seat.type}});
            changes.append({u"seat of "_s + seat.subject, QJsonValue(), seat.type});
        }
        applyData.insert(u"add"_s, add);
    }
    StepProbe update = StepProbe::update(u"set "_s + describe(), calls, changes, {});
    update.applyData = applyData;
    finishProbe(update);
}

void LicenseStep::apply(const StepProbe &probe)
{
    StepChange change;
    change.summary = u"set "_s + describe();
    const QJsonArray add = probe.applyData.value(u"add"_s).toArray();
    if (!probe.applyData.contains(u"settings"_s)) {
        applyAssignments(add, change);
        return;
    }
    send(tenantCall("PUT", u"/api/v1/licenses/settings"_s)
             .setJson(QJsonDocument(probe.applyData.value(u"settings"_s).toObject())),
         [this, add, change](const Cloud::ApiResult &) mutable {
             change.updated.append({u"license-settings"_s, context().tenantHost, {}});
             applyAssignments(add, change);
         });
}

void LicenseStep::applyAssignments(const QJsonArray &add, StepChange change)
{
    if (add.isEmpty()) {
        finishApply(change);
        return;
    }
    send(
        tenantCall("POST", u"/api/v1/licenses/assignments/actions/add"_s)
            .setJson(QJsonDocument(QJsonObject{{u"add"_s, add}})),
        [this, change](const Cloud::ApiResult &result) mutable {
            // 207: one status per subject (FACTS §6); 409 means it has a seat already (an earlier attempt).
            QStringList refused;
            for (const QJsonValue item : result.json().object().value(u"data"_s).toArray()) {
                const QJsonObject object = item.toObject();
                const int status = object.value(u"status"_s).toInt();
                const QString subject = object.value(u"subject"_s).toString();
                if (status >= 200 && status < 300)
                    change.created.append({u"license-assignment"_s, subject, object.value(u"type"_s).toString()});
                else if (status != 409)
                    refused.append(u"%1: %2 %3"_s.arg(subject).arg(status).arg(object.value(u"title"_s).toString()));
            }
            if (!refused.isEmpty()) {
                fail(StepError::failed(
                    u"license seats refused (%1)"_s.arg(refused.join(u"; "_s))
                    + (change.created.isEmpty() && change.updated.isEmpty() ? QString() : u", after changing some"_s)));
                return;
            }
            finishApply(change);
        });
}

void LicenseStep::verify(const StepChange &change)
{
    Q_UNUSED(change)
    send(tenantCall("GET", u"/api/v1/licenses/settings"_s), [this](const Cloud::ApiResult &result) {
        const QJsonObject current = result.json().object();
        const QJsonObject wanted = wantedSettings();
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            if (current.value(it.key()).toBool() != it.value().toBool()) {
                fail(StepError::transient(
                    u"%1 is not yet %2"_s.arg(it.key(), it.value().toBool() ? u"on"_s : u"off"_s)));
                return;
            }
        }
        verifySeats(0);
    });
}

void LicenseStep::verifySeats(qsizetype index)
{
    const QList<Seat> wanted = seats();
    if (index >= wanted.size()) {
        finishVerify(u"license settings and %1 seat(s) read back as planned"_s.arg(wanted.size()));
        return;
    }
    const Seat seat = wanted.at(index);
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/licenses/assignments"_s);
    call.query = QUrlQuery{{u"filter"_s, scimEquals(u"subject"_s, seat.subject)}};
    listAll(call, [this, seat, index](const QJsonArray &items) {
        for (const QJsonValue item : items) {
            const QJsonObject object = item.toObject();
            if (object.value(u"subject"_s).toString() == seat.subject
                && object.value(u"type"_s).toString() == seat.type) {
                verifySeats(index + 1);
                return;
            }
        }
        fail(StepError::transient(u"subject %1 has no %2 seat yet"_s.arg(seat.subject, seat.type)));
    });
}

} // namespace Ops
