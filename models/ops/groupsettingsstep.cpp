#include "ops/groupsettingsstep.h"

#include "cloud/apiresult.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

const QString kSettings = u"/api/v1/groups/settings"_s;
const QStringList kFields{u"autoCreateGroups"_s, u"syncIdpGroups"_s};

} // namespace

GroupSettingsStep::~GroupSettingsStep() = default;

StepType GroupSettingsStep::type()
{
    StepType type;
    type.name = u"group-settings"_s;
    type.title = u"Group settings"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "minProperties": 1,
        "additionalProperties": false,
        "properties": {
            "autoCreateGroups": {"type": "boolean", "description": "Create the groups a login's token names (FACTS §5.2)."},
            "syncIdpGroups": {"type": "boolean", "description": "Keep users' IdP groups in step with their tokens."}
        }
    })")
                            .object();
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new GroupSettingsStep(context, parent); };
    return type;
}

QString GroupSettingsStep::describe() const
{
    QStringList parts;
    for (const QString &field : kFields) {
        if (params().contains(field))
            parts.append(u"%1 %2"_s.arg(field, params().value(field).toBool() ? u"on"_s : u"off"_s));
    }
    return u"group settings: "_s + parts.join(u", "_s);
}

StepProbe GroupSettingsStep::deferredProbe() const
{
    return StepProbe::update(u"set "_s + describe(), {u"PATCH "_s + kSettings}, differences({}), {});
}

QList<FieldChange> GroupSettingsStep::differences(const QJsonObject &settings) const
{
    QList<FieldChange> changes;
    for (const QString &field : kFields) {
        if (!params().contains(field))
            continue;
        const QJsonValue now = settings.value(field);
        if (settings.isEmpty() || now != params().value(field))
            changes.append({field, now, params().value(field)});
    }
    return changes;
}

void GroupSettingsStep::probe()
{
    send(tenantCall("GET", kSettings), [this](const Cloud::ApiResult &result) {
        const QJsonObject settings = result.json().object();
        if (!settings.value(u"autoCreateGroups"_s).isBool() || !settings.value(u"syncIdpGroups"_s).isBool()) {
            fail(StepError::failed(
                u"the group settings of %1 have no autoCreateGroups/syncIdpGroups flags"_s.arg(context().tenantHost)));
            return;
        }
        const QList<FieldChange> changes = differences(settings);
        if (changes.isEmpty()) {
            finishProbe(StepProbe::noChange(describe(), {}));
            return;
        }
        finishProbe(StepProbe::update(u"set "_s + describe(), {u"PATCH "_s + kSettings}, changes, {}));
    });
}

void GroupSettingsStep::apply(const StepProbe &)
{
    // Every planned field is sent: replacing a value with itself is harmless, and the probe may be old.
    QJsonArray patch;
    for (const QString &field : kFields) {
        if (params().contains(field))
            patch.append(QJsonObject{
                {u"op"_s, u"replace"_s}, {u"path"_s, QString(u'/' + field)}, {u"value"_s, params().value(field)}});
    }
    send(tenantCall("PATCH", kSettings).setJson(QJsonDocument(patch)), [this](const Cloud::ApiResult &) {
        StepChange change;
        change.summary = u"set "_s + describe();
        change.updated.append({u"group-settings"_s, context().tenantHost, describe()});
        finishApply(change);
    });
}

void GroupSettingsStep::verify(const StepChange &)
{
    send(tenantCall("GET", kSettings), [this](const Cloud::ApiResult &result) {
        if (!differences(result.json().object()).isEmpty()) {
            fail(StepError::transient(u"the group settings do not read back as planned yet"_s));
            return;
        }
        finishVerify(describe());
    });
}

} // namespace Ops
