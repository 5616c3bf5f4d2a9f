#include "ops/spacestep.h"

#include "ops/jsonpath.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/resources/parsed.h"
#include "cloud/resources/space.h"
#include "cloud/resources/spaceassignment.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue item : value.toArray())
        list.append(item.toString());
    return list;
}

// The params' checks that the schema cannot make: roles that suit the space type, one entry per member.
QList<PlanIssue> checkSpaceParams(const QJsonObject &params, const QString &path)
{
    QList<PlanIssue> issues;
    const QString type = params.value(u"type"_s).toString();
    const QStringList allowed = SpaceStep::rolesFor(type);
    const QJsonArray assignments = params.value(u"assignments"_s).toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < assignments.size(); ++i) {
        const QJsonObject assignment = assignments.at(i).toObject();
        const QString itemPath = JsonPath::index(JsonPath::member(path, u"assignments"_s), i);
        const QString key = assignment.value(u"type"_s).toString() + u':' + assignment.value(u"assignee"_s).toString();
        if (seen.contains(key))
            issues.append({JsonPath::member(itemPath, u"assignee"_s),
                           u"this %1 is listed twice; a member has one assignment with all its roles"_s.arg(
                               assignment.value(u"type"_s).toString())});
        seen.insert(key);
        const QStringList roles = stringList(assignment.value(u"roles"_s));
        for (qsizetype r = 0; r < roles.size(); ++r) {
            if (!allowed.contains(roles.at(r)))
                issues.append({JsonPath::index(JsonPath::member(itemPath, u"roles"_s), r),
                               u"\"%1\" is not a role of %2 spaces; they take %3"_s.arg(roles.at(r), type,
                                                                                        allowed.join(u", "_s))});
        }
    }
    return issues;
}

} // namespace

SpaceStep::SpaceStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

SpaceStep::~SpaceStep() = default;

QStringList SpaceStep::rolesFor(const QString &spaceType)
{
    if (spaceType == u"shared"_s)
        return {u"codeveloper"_s, u"consumer"_s, u"dataconsumer"_s, u"facilitator"_s, u"producer"_s};
    if (spaceType == u"managed"_s)
        return {u"basicconsumer"_s, u"consumer"_s,    u"contributor"_s,
                u"dataconsumer"_s,  u"facilitator"_s, u"publisher"_s};
    if (spaceType == u"data"_s)
        return {u"consumer"_s, u"dataconsumer"_s, u"datapreview"_s, u"facilitator"_s,
                u"operator"_s, u"producer"_s,     u"publisher"_s};
    return {};
}

StepType SpaceStep::type()
{
    StepType type;
    type.name = u"space"_s;
    type.title = u"Space"_s;
    // Name rules from the spec's SpaceCreate: at most 256 characters, none of " * ? < > / | \ :
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["name", "type"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 256, "pattern": "^[^\"*?<>/|\\\\:]+$",
                     "description": "The space's name, unique in the tenant; none of \" * ? < > / | \\ :"},
            "type": {"enum": ["shared", "managed", "data"], "description": "A space's type cannot change once it exists."},
            "description": {"type": "string", "maxLength": 4000},
            "assignments": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["type", "assignee", "roles"],
                    "additionalProperties": false,
                    "properties": {
                        "type": {"enum": ["user", "group"]},
                        "assignee": {"type": "string", "minLength": 1, "description": "The user's or group's id, e.g. \"${sales.groupId}\"."},
                        "roles": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string"}}
                    }
                }
            }
        }
    })")
                            .object();
    type.outputs = {{u"spaceId"_s, u"the space's id"_s, u"62b6024fcdf339bb986fae76"_s},
                    {u"name"_s, u"the space's name"_s, u"Production"_s},
                    {u"type"_s, u"shared, managed or data"_s, u"managed"_s}};
    type.checkParams = checkSpaceParams;
    type.create = [](const StepContext &context, QObject *parent) -> Step * { return new SpaceStep(context, parent); };
    return type;
}

QString SpaceStep::name() const
{
    return params().value(u"name"_s).toString();
}

QString SpaceStep::spaceType() const
{
    return params().value(u"type"_s).toString();
}

QList<SpaceStep::Member> SpaceStep::members() const
{
    QList<Member> list;
    for (const QJsonValue value : params().value(u"assignments"_s).toArray()) {
        const QJsonObject assignment = value.toObject();
        list.append({assignment.value(u"type"_s).toString(), assignment.value(u"assignee"_s).toString(),
                     sorted(stringList(assignment.value(u"roles"_s)))});
    }
    return list;
}

QJsonObject SpaceStep::outputs(const QString &id) const
{
    return {{u"spaceId"_s, id}, {u"name"_s, name()}, {u"type"_s, spaceType()}};
}

QString SpaceStep::describe() const
{
    QString text = u"%1 space '%2'"_s.arg(spaceType(), name());
    const QList<Member> list = members();
    if (!list.isEmpty()) {
        QStringList parts;
        for (const Member &member : list)
            parts.append(u"%1 %2 as %3"_s.arg(member.type, member.assignee, member.roles.join(u'+')));
        text += u" with "_s + parts.join(u", "_s);
    }
    return text;
}

StepProbe SpaceStep::deferredProbe() const
{
    QStringList calls{u"POST /api/v1/spaces"_s};
    for (qsizetype i = 0; i < members().size(); ++i)
        calls.append(u"POST /api/v1/spaces/{spaceId}/assignments"_s);
    return StepProbe::create(u"create "_s + describe(), calls);
}

void SpaceStep::probe()
{
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/spaces"_s);
    call.query = QUrlQuery{{u"filter"_s, scimEquals(u"name"_s, name())}, {u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &items) {
        for (const QJsonValue item : items) {
            // The filter matches names without regard to case; so do Qlik's unique names.
            if (item.toObject().value(u"name"_s).toString().compare(name(), Qt::CaseInsensitive) == 0) {
                probeMembers(item.toObject());
                return;
            }
        }
        StepProbe create = deferredProbe();
        QJsonArray todo{QJsonObject{{u"do"_s, u"create"_s}}};
        for (const Member &member : members())
            todo.append(QJsonObject{{u"do"_s, u"add"_s},
                                    {u"type"_s, member.type},
                                    {u"assignee"_s, member.assignee},
                                    {u"roles"_s, QJsonArray::fromStringList(member.roles)}});
        create.applyData = {{u"todo"_s, todo}};
        finishProbe(create);
    });
}

void SpaceStep::probeMembers(const QJsonObject &json)
{
    Cloud::JsonReader reader(json);
    const Cloud::Space space = Cloud::Space::read(reader);
    if (!reader.ok()) {
        fail(StepError::failed(u"a space in the answer of GET /api/v1/spaces is malformed: "_s + reader.error()));
        return;
    }
    if (space.type != spaceType()) {
        finishProbe(
            StepProbe::blocked(u"a %1 space named '%2' exists already (%3); a space's type cannot change, so "
                               u"choose another name or remove that space"_s.arg(space.type, space.name, space.id)));
        return;
    }
    // Roles the space takes: its own word when it gives it, the type's table otherwise.
    const QStringList assignable = space.assignableRoles.isEmpty() ? rolesFor(space.type) : space.assignableRoles;
    for (const Member &member : members()) {
        for (const QString &role : member.roles) {
            if (!assignable.contains(role)) {
                finishProbe(StepProbe::blocked(u"role \"%1\" cannot be assigned in space '%2'; it takes %3"_s.arg(
                    role, space.name, assignable.join(u", "_s))));
                return;
            }
        }
    }

    listAll(tenantCall("GET", u"/api/v1/spaces/%1/assignments"_s.arg(space.id)),
            [this, space](const QJsonArray &items) {
                QHash<QString, Cloud::SpaceAssignment> current;
                for (const QJsonValue item : items) {
                    Cloud::JsonReader itemReader(item.toObject());
                    const Cloud::SpaceAssignment assignment = Cloud::SpaceAssignment::read(itemReader);
                    if (!itemReader.ok()) {
                        fail(StepError::failed(
                            u"an assignment of space %1 is malformed: %2"_s.arg(space.id, itemReader.error())));
                        return;
                    }
                    current.insert(assignment.type + u':' + assignment.assigneeId, assignment);
                }

                QJsonArray todo;
                QList<FieldChange> changes;
                QStringList calls;
                QJsonArray patch;
                if (space.name != name()) {
                    patch.append(QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/name"_s}, {u"value"_s, name()}});
                    changes.append({u"name"_s, space.name, name()});
                }
                if (params().contains(u"description"_s)
                    && space.description != params().value(u"description"_s).toString()) {
                    patch.append(QJsonObject{{u"op"_s, u"replace"_s},
                                             {u"path"_s, u"/description"_s},
                                             {u"value"_s, params().value(u"description"_s)}});
                    changes.append({u"description"_s, space.description, params().value(u"description"_s)});
                }
                if (!patch.isEmpty()) {
                    todo.append(QJsonObject{{u"do"_s, u"patch"_s}, {u"patch"_s, patch}});
                    calls.append(u"PATCH /api/v1/spaces/"_s + space.id);
                }
                for (const Member &member : members()) {
                    const QString field = u"member %1 %2"_s.arg(member.type, member.assignee);
                    const auto found = current.constFind(member.key());
                    if (found == current.constEnd()) {
                        todo.append(QJsonObject{{u"do"_s, u"add"_s},
                                                {u"type"_s, member.type},
                                                {u"assignee"_s, member.assignee},
                                                {u"roles"_s, QJsonArray::fromStringList(member.roles)}});
                        changes.append({field, QJsonValue(), QJsonArray::fromStringList(member.roles)});
                        calls.append(u"POST /api/v1/spaces/%1/assignments"_s.arg(space.id));
                    } else if (sorted(found->roles) != member.roles) {
                        todo.append(QJsonObject{{u"do"_s, u"roles"_s},
                                                {u"assignment"_s, found->id},
                                                {u"roles"_s, QJsonArray::fromStringList(member.roles)}});
                        changes.append({field, QJsonArray::fromStringList(sorted(found->roles)),
                                        QJsonArray::fromStringList(member.roles)});
                        calls.append(u"PUT /api/v1/spaces/%1/assignments/%2"_s.arg(space.id, found->id));
                    }
                }
                if (todo.isEmpty()) {
                    finishProbe(StepProbe::noChange(describe() + u" exists"_s, outputs(space.id)));
                    return;
                }
                StepProbe update = StepProbe::update(u"update %1 space '%2'"_s.arg(space.type, name()), calls, changes,
                                                     outputs(space.id));
                update.applyData = {{u"todo"_s, todo}};
                finishProbe(update);
            });
}

void SpaceStep::apply(const StepProbe &probe)
{
    m_todo = probe.applyData.value(u"todo"_s).toArray();
    m_spaceId = probe.outputs.value(u"spaceId"_s).toString();
    m_change = StepChange();
    if (m_todo.isEmpty()) {
        fail(StepError::failed(u"nothing to apply: the probe gave no work (a bug in step type \"space\")"_s));
        return;
    }
    changeNext();
}

// Takes the next piece of work of this apply; each one is a single call.
void SpaceStep::changeNext()
{
    if (m_todo.isEmpty()) {
        finishChanges();
        return;
    }
    const QJsonObject work = m_todo.takeAt(0).toObject();
    const QString what = work.value(u"do"_s).toString();
    // A definite failure part way names what was already done: the summary must not hide it.
    const auto partial = [this](const Cloud::ApiError &error) {
        if (m_change.created.isEmpty() && m_change.updated.isEmpty())
            return false;
        StepError failed = errorFor(error);
        QStringList done;
        for (const ResourceRef &ref : m_change.created + m_change.updated)
            done.append(ref.kind + u' ' + ref.id);
        failed.message = u"after changing %1: "_s.arg(done.join(u", "_s)) + failed.message;
        fail(failed);
        return true;
    };

    if (what == u"create"_s) {
        createSpace();
        return;
    }
    if (what == u"patch"_s) {
        send(
            tenantCall("PATCH", u"/api/v1/spaces/"_s + m_spaceId)
                .setJson(QJsonDocument(work.value(u"patch"_s).toArray())),
            [this](const Cloud::ApiResult &) {
                m_change.updated.append({u"space"_s, m_spaceId, name()});
                changeNext();
            },
            partial);
        return;
    }
    const QJsonArray roles = work.value(u"roles"_s).toArray();
    if (what == u"roles"_s) {
        const QString assignment = work.value(u"assignment"_s).toString();
        send(
            tenantCall("PUT", u"/api/v1/spaces/%1/assignments/%2"_s.arg(m_spaceId, assignment))
                .setJson(QJsonDocument(QJsonObject{{u"roles"_s, roles}})),
            [this, assignment](const Cloud::ApiResult &) {
                m_change.updated.append({u"space-assignment"_s, assignment, {}});
                changeNext();
            },
            partial);
        return;
    }
    // "add"
    const QString type = work.value(u"type"_s).toString();
    const QString assignee = work.value(u"assignee"_s).toString();
    send(
        tenantCall("POST", u"/api/v1/spaces/%1/assignments"_s.arg(m_spaceId))
            .setJson(QJsonDocument(QJsonObject{{u"type"_s, type}, {u"assigneeId"_s, assignee}, {u"roles"_s, roles}})),
        [this, type, assignee](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::SpaceAssignment> assignment
                = Cloud::parseResource<Cloud::SpaceAssignment>(result.response().body);
            m_change.created.append(
                {u"space-assignment"_s, assignment.ok() ? assignment.value->id : QString(), type + u' ' + assignee});
            changeNext();
        },
        [this, partial, type, assignee](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return partial(error);
            // AssignmentConflict: the member is there already (maybe with other roles): look again.
            StepError exists = errorFor(error);
            exists.kind = StepError::Kind::OutcomeUnknown;
            exists.message
                = u"%1 %2 is a member of space '%3' already (409); looking again"_s.arg(type, assignee, name());
            fail(exists);
            return true;
        });
}

void SpaceStep::createSpace()
{
    QJsonObject body{{u"name"_s, name()}, {u"type"_s, spaceType()}};
    if (params().contains(u"description"_s))
        body.insert(u"description"_s, params().value(u"description"_s));
    send(
        tenantCall("POST", u"/api/v1/spaces"_s).setJson(QJsonDocument(body)),
        [this](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::Space> space = Cloud::parseResource<Cloud::Space>(result.response().body);
            if (!space.ok() || space.value->id.isEmpty()) {
                fail(
                    StepError::outcomeUnknown(u"the space was created but the answer is unreadable: "_s + space.error));
                return;
            }
            m_spaceId = space.value->id;
            m_change.created.append({u"space"_s, m_spaceId, name()});
            changeNext();
        },
        [this](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return false;
            // FACTS §7, §14.6: the name is taken, most likely by our own earlier attempt: probe again.
            StepError exists = errorFor(error);
            exists.kind = StepError::Kind::OutcomeUnknown;
            exists.message = u"a space named '%1' exists already (409); looking again"_s.arg(name());
            fail(exists);
            return true;
        });
}

void SpaceStep::finishChanges()
{
    const bool created = std::any_of(m_change.created.begin(), m_change.created.end(),
                                     [](const ResourceRef &ref) { return ref.kind == u"space"_s; });
    m_change.summary = (created ? u"created "_s : u"updated "_s) + describe();
    m_change.outputs = outputs(m_spaceId);
    finishApply(m_change);
}

void SpaceStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"spaceId"_s).toString();
    send(tenantCall("GET", u"/api/v1/spaces/"_s + id), [this, id](const Cloud::ApiResult &result) {
        const Cloud::Parsed<Cloud::Space> space = Cloud::parseResource<Cloud::Space>(result.response().body);
        if (!space.ok()) {
            fail(StepError::failed(u"GET /api/v1/spaces/%1 answered a malformed space: %2"_s.arg(id, space.error)));
            return;
        }
        if (space.value->name != name() || space.value->type != spaceType()) {
            fail(StepError::failed(u"space %1 is the %2 space '%3', not the planned %4 space '%5'"_s.arg(
                id, space.value->type, space.value->name, spaceType(), name())));
            return;
        }
        listAll(tenantCall("GET", u"/api/v1/spaces/%1/assignments"_s.arg(id)), [this, id](const QJsonArray &items) {
            QHash<QString, QStringList> current;
            for (const QJsonValue item : items) {
                const QJsonObject object = item.toObject();
                current.insert(object.value(u"type"_s).toString() + u':' + object.value(u"assigneeId"_s).toString(),
                               sorted(stringList(object.value(u"roles"_s))));
            }
            for (const Member &member : members()) {
                if (current.value(member.key()) != member.roles) {
                    fail(StepError::transient(u"%1 %2 is not yet a member of space '%3' as %4"_s.arg(
                        member.type, member.assignee, name(), member.roles.join(u'+'))));
                    return;
                }
            }
            finishVerify(u"space '%1' (%2) and its %3 planned members read back as planned"_s.arg(name(), id)
                             .arg(members().size()));
        });
    });
}

} // namespace Ops
