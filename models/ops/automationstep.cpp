#include "ops/automationstep.h"

#include "cloud/apiresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

const QString kCollection = u"/api/v1/automations"_s;

} // namespace

AutomationStep::~AutomationStep() = default;

StepType AutomationStep::type()
{
    StepType type;
    type.name = u"automation"_s;
    type.title = u"Automation"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["source", "name"],
        "additionalProperties": false,
        "properties": {
            "source": {"type": "string", "minLength": 1, "description": "Hostname of the tenant to copy it from; this client's bot must own it there (FACTS §12)."},
            "sourceProfile": {"type": "string", "description": "Credential profile for the source tenant (default: chosen by tier)."},
            "name": {"type": "string", "minLength": 1, "maxLength": 256, "description": "The automation's name on the source; the copy keeps it."},
            "state": {"enum": ["available", "disabled", "unavailable"],
                      "description": "The copy's state; default: the source's (a template kept disabled there is deployed with \"available\")."}
        }
    })")
                            .object();
    type.outputs = {{u"automationId"_s, u"the copy's id on the target"_s, u"4b9c2d3e-1f0a-11ef-9c8b-0242ac120002"_s},
                    {u"name"_s, u"its name"_s, u"Add new users to Production"_s}};
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new AutomationStep(context, parent); };
    return type;
}

QString AutomationStep::source() const
{
    return params().value(u"source"_s).toString();
}

QString AutomationStep::name() const
{
    return params().value(u"name"_s).toString();
}

QJsonObject AutomationStep::outputs(const QString &id) const
{
    return {{u"automationId"_s, id}, {u"name"_s, name()}};
}

QString AutomationStep::describe() const
{
    return u"automation '%1' (copied from %2)"_s.arg(name(), source());
}

StepProbe AutomationStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(),
                             {u"GET %1/{id} (on %2)"_s.arg(kCollection, source()), u"POST "_s + kCollection});
}

void AutomationStep::findNamed(const Cloud::ApiCall &call, std::function<void(const QString &id)> done)
{
    Cloud::ApiCall named = call;
    named.query = QUrlQuery{{u"filter"_s, scimEquals(u"name"_s, name())}, {u"limit"_s, u"100"_s}};
    listAll(named, [this, done = std::move(done)](const QJsonArray &items) {
        for (const QJsonValue item : items) {
            // The filter is the server's; the name is compared again in case it matched loosely.
            if (item[u"name"_s].toString() == name()) {
                done(item[u"id"_s].toString());
                return;
            }
        }
        done({});
    });
}

void AutomationStep::readSource(bool blocking, DefinitionHandler done)
{
    findNamed(sourceCall("GET", kCollection), [this, blocking, done = std::move(done)](const QString &sourceId) {
        if (sourceId.isEmpty()) {
            const QString reason
                = u"%1 has no automation named '%2' that this client's bot owns; deploy it there "
                  u"with this client first (reading another user's automation needs owning it)"_s.arg(source(), name());
            if (blocking)
                finishProbe(StepProbe::blocked(reason));
            else
                fail(StepError::failed(reason));
            return;
        }
        send(sourceCall("GET", kCollection + u'/' + sourceId),
             [done](const Cloud::ApiResult &result) { done(result.json().object()); });
    });
}

QJsonValue AutomationStep::wantedState(const QJsonObject &definition) const
{
    return params().contains(u"state"_s) ? params().value(u"state"_s) : definition.value(u"state"_s);
}

// What is posted: the definition fields of AutomationDetailRequestObject. The service would ignore
// the rest (FACTS §12), but ids, owner and run history of the source mean nothing on the target.
QJsonObject AutomationStep::deployable(const QJsonObject &definition) const
{
    QJsonObject body;
    for (const QString &field : {u"name"_s, u"description"_s, u"workspace"_s})
        if (definition.contains(field))
            body.insert(field, definition.value(field));
    if (const QJsonValue state = wantedState(definition); state.isString())
        body.insert(u"state"_s, state);
    QJsonArray schedules;
    for (const QJsonValue schedule : definition.value(u"schedules"_s).toArray()) {
        QJsonObject copy = schedule.toObject();
        copy.remove(u"id"_s); // the target gives its own
        schedules.append(copy);
    }
    body.insert(u"schedules"_s, schedules);
    return body;
}

void AutomationStep::probe()
{
    // The target's first (FACTS §12: the tutorial also lists the target's automations before it posts).
    findNamed(tenantCall("GET", kCollection), [this](const QString &targetId) {
        readSource(true, [this, targetId](const QJsonObject &original) {
            const QString sourceId = original.value(u"id"_s).toString();
            const QStringList calls{u"GET %1/%2 (on %3)"_s.arg(kCollection, sourceId, source())};
            if (targetId.isEmpty()) {
                finishProbe(
                    StepProbe::create(u"create "_s + describe(), calls + QStringList{u"POST "_s + kCollection}));
                return;
            }
            send(tenantCall("GET", kCollection + u'/' + targetId),
                 [this, targetId, calls, original](const Cloud::ApiResult &result) {
                     const QJsonObject copy = result.json().object();
                     QList<FieldChange> changes;
                     for (const QString &field : {u"description"_s, u"workspace"_s}) {
                         if (copy.value(field) != original.value(field))
                             changes.append({field, copy.value(field), original.value(field)});
                     }
                     if (const QJsonValue state = wantedState(original); copy.value(u"state"_s) != state)
                         changes.append({u"state"_s, copy.value(u"state"_s), state});
                     if (changes.isEmpty()) {
                         finishProbe(StepProbe::noChange(describe() + u" is there with the same definition"_s,
                                                         outputs(targetId)));
                         return;
                     }
                     finishProbe(StepProbe::update(u"replace the definition of "_s + describe(),
                                                   calls + QStringList{u"PUT %1/%2"_s.arg(kCollection, targetId)},
                                                   changes, outputs(targetId)));
                 });
        });
    });
}

void AutomationStep::apply(const StepProbe &probe)
{
    const QString targetId
        = probe.action == StepAction::Update ? probe.outputs.value(u"automationId"_s).toString() : QString();
    // The source is read again: the probe may be from a dry run a while ago.
    readSource(false, [this, targetId](const QJsonObject &original) {
        const QJsonDocument body(deployable(original));
        const bool update = !targetId.isEmpty();
        const Cloud::ApiCall call = update ? tenantCall("PUT", kCollection + u'/' + targetId).setJson(body)
                                           : tenantCall("POST", kCollection).setJson(body);
        send(call, [this, update, targetId](const Cloud::ApiResult &result) {
            const QString id = update ? targetId : result.json()[u"id"_s].toString();
            if (id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the automation was created but the answer has no id"_s));
                return;
            }
            StepChange change;
            change.summary = (update ? u"replaced the definition of "_s : u"created "_s) + describe();
            (update ? change.updated : change.created).append({u"automation"_s, id, name()});
            change.outputs = outputs(id);
            finishApply(change);
        });
    });
}

void AutomationStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"automationId"_s).toString();
    send(tenantCall("GET", kCollection + u'/' + id), [this, id](const Cloud::ApiResult &result) {
        const QJsonObject copy = result.json().object();
        readSource(false, [this, id, copy](const QJsonObject &original) {
            if (copy.value(u"workspace"_s) != original.value(u"workspace"_s)
                || copy.value(u"state"_s) != wantedState(original)) {
                fail(StepError::transient(
                    u"automation %1 does not read back with the source's definition yet"_s.arg(id)));
                return;
            }
            finishVerify(u"automation '%1' (%2) has the source's definition (run mode %3)"_s.arg(
                name(), id, copy.value(u"runMode"_s).toString()));
        });
    });
}

} // namespace Ops
