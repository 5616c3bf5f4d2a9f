#include "ops/groupstep.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/resources/group.h"
#include "cloud/resources/parsed.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QStringList roleNames(const QList<Cloud::AssignedRole> &roles)
{
    QStringList names;
    for (const Cloud::AssignedRole &role : roles)
        names.append(role.name);
    names.sort();
    return names;
}

QJsonArray jsonList(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

GroupStep::GroupStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

GroupStep::~GroupStep() = default;

StepType GroupStep::type()
{
    StepType type;
    type.name = u"group"_s;
    type.title = u"Group"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["name"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 256, "description": "The group's name (unique in the tenant)."},
            "roles": {"type": "array", "maxItems": 100, "uniqueItems": true,
                      "items": {"type": "string", "minLength": 1},
                      "description": "Role names the group has, exactly (case sensitive, e.g. \"AnalyticsAdmin\"); leave out to not manage roles."}
        }
    })")
                            .object();
    type.outputs = {{u"groupId"_s, u"the group's id"_s, u"62b6024fcdf339bb986fae75"_s},
                    {u"name"_s, u"the group's name"_s, u"Sales"_s}};
    type.create = [](const StepContext &context, QObject *parent) -> Step * { return new GroupStep(context, parent); };
    return type;
}

QString GroupStep::name() const
{
    return params().value(u"name"_s).toString();
}

std::optional<QStringList> GroupStep::roles() const
{
    if (!params().contains(u"roles"_s))
        return std::nullopt;
    QStringList list;
    for (const QJsonValue role : params().value(u"roles"_s).toArray())
        list.append(role.toString());
    list.sort();
    return list;
}

QJsonArray GroupStep::roleRefs() const
{
    QJsonArray refs;
    for (const QString &role : roles().value_or(QStringList()))
        refs.append(QJsonObject{{u"name"_s, role}});
    return refs;
}

QJsonObject GroupStep::outputs(const QString &id) const
{
    return {{u"groupId"_s, id}, {u"name"_s, name()}};
}

QString GroupStep::describe() const
{
    const std::optional<QStringList> list = roles();
    QString text = u"group '%1'"_s.arg(name());
    if (list)
        text += list->isEmpty() ? u" without roles"_s : u" with roles "_s + list->join(u", "_s);
    return text;
}

StepProbe GroupStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(), {u"POST /api/v1/groups"_s});
}

void GroupStep::probe()
{
    const std::optional<QStringList> wanted = roles();
    if (!wanted || wanted->isEmpty()) {
        findGroup();
        return;
    }
    // Role names differ per tenant only in ids; unknown names are a plan error worth stopping on
    // before anything changes (FACTS §5.3).
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/roles"_s);
    call.query = QUrlQuery{{u"limit"_s, u"100"_s}};
    listAll(call, [this, wanted](const QJsonArray &items) {
        QStringList known;
        for (const QJsonValue item : items)
            known.append(item.toObject().value(u"name"_s).toString());
        QStringList unknown;
        for (const QString &role : *wanted) {
            if (!known.contains(role))
                unknown.append(role);
        }
        if (!unknown.isEmpty()) {
            known.sort();
            finishProbe(
                StepProbe::blocked(u"no role %1 on %2 (role names are case sensitive; the tenant has "
                                   u"%3)"_s.arg(unknown.join(u", "_s), context().tenantHost, known.join(u", "_s))));
            return;
        }
        findGroup();
    });
}

void GroupStep::findGroup()
{
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/groups"_s);
    call.query = QUrlQuery{{u"filter"_s, scimEquals(u"name"_s, name())}, {u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &items) {
        std::optional<Cloud::Group> found;
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            Cloud::Group group = Cloud::Group::read(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"a group in the answer of GET /api/v1/groups is malformed: "_s
                                       + reader.error()));
                return;
            }
            if (group.name == name())
                found = group;
        }
        if (!found) {
            QStringList calls{u"POST /api/v1/groups"_s};
            finishProbe(StepProbe::create(u"create "_s + describe(), calls));
            return;
        }
        const std::optional<QStringList> wanted = roles();
        const QStringList current = roleNames(found->assignedRoles);
        if (!wanted || *wanted == current) {
            finishProbe(StepProbe::noChange(describe() + u" exists"_s, outputs(found->id)));
            return;
        }
        finishProbe(StepProbe::update(u"set the roles of group '%1'"_s.arg(name()),
                                      {u"PATCH /api/v1/groups/%1"_s.arg(found->id)},
                                      {{u"roles"_s, jsonList(current), jsonList(*wanted)}}, outputs(found->id)));
    });
}

void GroupStep::apply(const StepProbe &probe)
{
    if (probe.action == StepAction::Update) {
        const QString id = probe.outputs.value(u"groupId"_s).toString();
        // FACTS §5.2/§18.6: the spec's enum spells the path without '/', Qlik's tutorial (which gets
        // 204) and the spec's own example with it; we send the tutorial's form.
        const QJsonArray patch{
            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/assignedRoles"_s}, {u"value"_s, roleRefs()}}};
        send(tenantCall("PATCH", u"/api/v1/groups/"_s + id).setJson(QJsonDocument(patch)),
             [this, id](const Cloud::ApiResult &) {
                 StepChange change;
                 change.summary = u"set the roles of group '%1' to %2"_s.arg(
                     name(), roles().value_or(QStringList()).join(u", "_s));
                 change.updated.append({u"group"_s, id, name()});
                 change.outputs = outputs(id);
                 finishApply(change);
             });
        return;
    }
    QJsonObject body{{u"name"_s, name()}, {u"status"_s, u"active"_s}};
    if (roles() && !roles()->isEmpty())
        body.insert(u"assignedRoles"_s, roleRefs());
    send(
        tenantCall("POST", u"/api/v1/groups"_s).setJson(QJsonDocument(body)),
        [this](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::Group> group = Cloud::parseResource<Cloud::Group>(result.response().body);
            if (!group.ok() || group.value->id.isEmpty()) {
                // Created, but we cannot tell its id: the next probe finds it.
                fail(
                    StepError::outcomeUnknown(u"the group was created but the answer is unreadable: "_s + group.error));
                return;
            }
            StepChange change;
            change.summary = u"created "_s + describe();
            change.created.append({u"group"_s, group.value->id, name()});
            change.outputs = outputs(group.value->id);
            finishApply(change);
        },
        [this](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return false;
            // FACTS §14.6: the name exists now (an earlier attempt did create it): probe again.
            StepError exists = errorFor(error);
            exists.kind = StepError::Kind::OutcomeUnknown;
            exists.message = u"a group named '%1' exists already (409); looking again"_s.arg(name());
            fail(exists);
            return true;
        });
}

void GroupStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"groupId"_s).toString();
    send(tenantCall("GET", u"/api/v1/groups/"_s + id), [this, id](const Cloud::ApiResult &result) {
        const Cloud::Parsed<Cloud::Group> group = Cloud::parseResource<Cloud::Group>(result.response().body);
        if (!group.ok()) {
            fail(StepError::failed(u"GET /api/v1/groups/%1 answered a malformed group: %2"_s.arg(id, group.error)));
            return;
        }
        if (group.value->name != name()) {
            fail(StepError::failed(u"group %1 is named '%2', not '%3'"_s.arg(id, group.value->name, name())));
            return;
        }
        const std::optional<QStringList> wanted = roles();
        if (wanted && roleNames(group.value->assignedRoles) != *wanted) {
            // Role changes may take a moment to show: let the engine read again.
            fail(StepError::transient(u"group '%1' has roles [%2], not yet [%3]"_s.arg(
                name(), roleNames(group.value->assignedRoles).join(u", "_s), wanted->join(u", "_s))));
            return;
        }
        finishVerify(u"group '%1' (%2) reads back as planned"_s.arg(name(), id));
    });
}

} // namespace Ops
