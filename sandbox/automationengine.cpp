#include "sandbox/automationengine.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/contenttimings.h"
#include "sandbox/entities.h"
#include "sandbox/requestcontext.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxoptions.h"
#include "sandbox/sandboxservices.h"
#include "sandbox/sandboxstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

// The Qlik Cloud Services connector and the parts of it the template uses, by their guids.
const QString kQlikCloudServices = u"61a87510-c7a3-11ea-95da-0fb0c241e75c"_s;
const QString kUserCreatedEvent = u"5be4c220-6156-11eb-a3df-fdbac6cc38a0"_s;
const QString kSearchSpaces = u"590a1a20-6d2e-11eb-9714-df1bbaac055d"_s;
const QString kSearchSpacesType = u"592e21a0-6d2e-11eb-9985-3ff14fb3335f"_s;
const QString kSearchSpacesSort = u"593c5340-6d2e-11eb-a82b-e17cfa6c8a6d"_s;
const QString kSearchSpacesName = u"59429c60-6d2e-11eb-b7b1-e7ca1f22830c"_s;
const QString kAddMember = u"272d9c70-6d31-11eb-870f-67624392ed86"_s;
const QString kAddMemberSpace = u"3162f740-6d33-11eb-a089-71f7ccab24b9"_s;
const QString kAddMemberUser = u"27499b00-6d31-11eb-bbe5-5b3db3c974dc"_s;
const QString kAddMemberRoles = u"2751b870-6d31-11eb-9d77-41c5fae28bc5"_s;
const QString kAddMemberType = u"275e2c50-6d31-11eb-8eeb-157347755492"_s;
const QString kAddMemberTypeUser = u"aec7c5b0-6d32-11eb-a4b2-f5e181a2c241"_s;

constexpr int kMaxBlockExecutions = 10000; // a malformed graph (a childId cycle) stops here

thread_local int t_runsInProgress = 0; // events raised by a run trigger nothing

QHash<QString, QString> eventTypes()
{
    return {{kUserCreatedEvent, u"com.qlik.v1.user.created"_s}};
}

QJsonObject startBlock(const QJsonObject &workspace)
{
    for (const QJsonValue &block : workspace.value(u"blocks"_s).toArray()) {
        if (block.toObject().value(u"type"_s).toString() == "StartBlock"_L1)
            return block.toObject();
    }
    return {};
}

QJsonValue inputValue(const QJsonObject &block, const QString &id)
{
    for (const QJsonValue &input : block.value(u"inputs"_s).toArray()) {
        if (input.toObject().value(u"id"_s).toString() == id)
            return input.toObject().value(u"value"_s);
    }
    return QJsonValue::Undefined;
}

QJsonObject input(const QJsonObject &block, const QString &id)
{
    for (const QJsonValue &value : block.value(u"inputs"_s).toArray()) {
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    }
    return {};
}

// Interprets one run's block graph against the tenant, as the automation's owner.
class BlockRunner
{
public:
    BlockRunner(const RequestContext &ctx, Tenant &tenant, User *owner, const QJsonObject &workspace)
        : m_ctx(ctx)
        , m_tenant(tenant)
        , m_owner(owner)
    {
        for (const QJsonValue &value : workspace.value(u"blocks"_s).toArray()) {
            const QJsonObject block = value.toObject();
            m_blocks.insert(block.value(u"id"_s).toString(), block);
        }
    }

    // Runs from the start block; returns the error that stopped the run, empty on success.
    QString run(const QJsonObject &start, const QJsonObject &inputs)
    {
        m_variables.insert(start.value(u"name"_s).toString(), inputs);
        return chain(start.value(u"childId"_s).toString());
    }

private:
    QString chain(QString blockId)
    {
        while (!blockId.isEmpty()) {
            if (++m_executions > kMaxBlockExecutions)
                return u"The run stopped after %1 blocks: the workspace loops."_s.arg(kMaxBlockExecutions);
            const auto it = m_blocks.constFind(blockId);
            if (it == m_blocks.constEnd())
                return u"The workspace names a block '%1' it does not have."_s.arg(blockId);
            const QJsonObject block = *it;
            if (!block.value(u"disabled"_s).toBool()) {
                if (const QString error = execute(block); !error.isEmpty())
                    return error;
            }
            blockId = block.value(u"childId"_s).toString();
        }
        return {};
    }

    QString execute(const QJsonObject &block)
    {
        const QString endpoint = block.value(u"endpoint_guid"_s).toString();
        if (block.value(u"type"_s).toString() == "EndpointBlock"_L1 && endpoint == kSearchSpaces)
            return searchSpaces(block);
        if (block.value(u"type"_s).toString() == "EndpointBlock"_L1 && endpoint == kAddMember)
            return addMember(block);
        return u"The sandbox does not run the block '%1' (%2)."_s.arg(
            block.value(u"displayName"_s).toString(block.value(u"name"_s).toString()),
            block.value(u"type"_s).toString());
    }

    QString searchSpaces(const QJsonObject &block)
    {
        const QString type = resolve(inputValue(block, kSearchSpacesType)).toString();
        const QString name = resolve(inputValue(block, kSearchSpacesName)).toString();
        const QString sort = resolve(inputValue(block, kSearchSpacesSort)).toString();
        QList<const Space *> found;
        for (const Space &space : m_tenant.spaces) {
            if (!m_owner || !AccessControl::canSeeSpace(m_tenant, space, *m_owner))
                continue;
            if (!type.isEmpty() && !type.split(u',').contains(space.type))
                continue;
            if (!name.isEmpty() && !space.name.contains(name, Qt::CaseInsensitive))
                continue;
            found.append(&space);
        }
        const bool descending = sort.startsWith(u'-');
        std::stable_sort(found.begin(), found.end(), [descending](const Space *a, const Space *b) {
            return descending ? b->name.toLower() < a->name.toLower() : a->name.toLower() < b->name.toLower();
        });
        QJsonArray items;
        for (const Space *space : std::as_const(found)) {
            items.append(QJsonObject{{u"id"_s, space->id},
                                     {u"name"_s, space->name},
                                     {u"type"_s, space->type},
                                     {u"ownerId"_s, space->ownerId},
                                     {u"description"_s, space->description}});
        }
        const QString blockName = block.value(u"name"_s).toString();
        m_variables.insert(blockName, items);
        const QString loop = block.value(u"loopBlockId"_s).toString();
        if (loop.isEmpty())
            return {};
        for (const QJsonValue &item : std::as_const(items)) {
            m_variables.insert(blockName, QJsonObject{{u"item"_s, item}});
            if (const QString error = chain(loop); !error.isEmpty())
                return error;
        }
        m_variables.insert(blockName, items);
        return {};
    }

    QString addMember(const QJsonObject &block)
    {
        const QString spaceId = resolve(inputValue(block, kAddMemberSpace)).toString();
        const QString assigneeId = resolve(inputValue(block, kAddMemberUser)).toString();
        const QJsonValue rolesValue = resolve(inputValue(block, kAddMemberRoles));
        const QJsonObject typeInput = input(block, kAddMemberType);
        QString type = typeInput.value(u"displayValue"_s).toString();
        if (type.isEmpty())
            type = typeInput.value(u"value"_s).toString() == kAddMemberTypeUser
                ? u"user"_s
                : typeInput.value(u"value"_s).toString();
        QJsonArray roles = rolesValue.toArray();
        if (rolesValue.isString())
            roles = QJsonDocument::fromJson(rolesValue.toString().toUtf8()).array();
        QStringList roleNames;
        for (const QJsonValue &role : std::as_const(roles))
            roleNames.append(role.toString());

        Space *space = m_tenant.spaces.find(spaceId);
        if (!space)
            return u"Add Member To Space: no space '%1'."_s.arg(spaceId);
        if (type != "user"_L1 && type != "group"_L1)
            return u"Add Member To Space: the member type '%1' is neither user nor group."_s.arg(type);
        const bool exists
            = type == "user"_L1 ? m_tenant.users.contains(assigneeId) : m_tenant.groups.contains(assigneeId);
        if (!exists)
            return u"Add Member To Space: no %1 '%2'."_s.arg(type, assigneeId);
        const QStringList allowed = AccessControl::assignableRoles(space->type);
        if (roleNames.isEmpty() || std::any_of(roleNames.cbegin(), roleNames.cend(), [&allowed](const QString &role) {
                return !allowed.contains(role);
            }))
            return u"Add Member To Space: roles %1 do not fit a %2 space."_s.arg(roleNames.join(u','), space->type);
        const bool mayManage = m_owner
            && (space->ownerId == m_owner->id || AccessControl::isTenantAdmin(m_tenant, *m_owner)
                || AccessControl::spaceRoles(m_tenant, *space, *m_owner).contains(u"facilitator"_s));
        if (!mayManage)
            return u"Add Member To Space: the owner may not manage members of '%1' (403)."_s.arg(space->name);
        if (space->assignmentFor(assigneeId))
            return u"Add Member To Space: '%1' is already a member of '%2' (409 AssignmentConflict)."_s.arg(
                assigneeId, space->name);

        SpaceAssignment assignment;
        assignment.id = m_ctx.state().ids().objectId();
        assignment.type = type;
        assignment.assigneeId = assigneeId;
        assignment.roles = roleNames;
        assignment.createdAt = m_ctx.clock().now();
        assignment.createdBy = m_owner->id;
        assignment.updatedAt = assignment.createdAt;
        assignment.updatedBy = m_owner->id;
        space->assignments.push_back(assignment);
        RequestContext asOwner(m_ctx);
        asOwner.setCaller(Caller{nullptr, m_owner});
        asOwner.auditOn(m_tenant, u"com.qlik.v1.space.assignment.created"_s, u"com.qlik/spaces"_s,
                        {{u"id"_s, assignment.id},
                         {u"spaceId"_s, space->id},
                         {u"type"_s, type},
                         {u"assigneeId"_s, assigneeId},
                         {u"roles"_s, QJsonArray::fromStringList(roleNames)}},
                        {space->id, space->ownerId, space->id});
        return {};
    }

    // "{$.Block.path.to.value}": the whole string as a JSON value; inside longer strings, as text.
    QJsonValue resolve(const QJsonValue &value) const
    {
        if (!value.isString())
            return value;
        static const QRegularExpression reference(u"\\{\\$\\.([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+)*)\\}"_s);
        const QString text = value.toString();
        const QRegularExpressionMatch whole = reference.match(text);
        if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == text.size())
            return lookup(whole.captured(1), whole.captured(2));
        QString out = text;
        QRegularExpressionMatchIterator it = reference.globalMatch(text);
        qsizetype shift = 0;
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const QJsonValue found = lookup(match.captured(1), match.captured(2));
            const QString replacement = found.isString() ? found.toString()
                : found.isDouble()                       ? QString::number(found.toDouble())
                                                         : QString();
            out.replace(match.capturedStart() + shift, match.capturedLength(), replacement);
            shift += replacement.size() - match.capturedLength();
        }
        return out;
    }

    QJsonValue lookup(const QString &blockName, const QString &path) const
    {
        QJsonValue current = m_variables.value(blockName);
        for (const QString &key : path.split(u'.', Qt::SkipEmptyParts)) {
            bool isIndex = false;
            const int index = key.toInt(&isIndex);
            current = isIndex && current.isArray() ? current.toArray().at(index) : current.toObject().value(key);
        }
        return current;
    }

    const RequestContext &m_ctx;
    Tenant &m_tenant;
    User *m_owner;
    QHash<QString, QJsonObject> m_blocks;
    QJsonObject m_variables;
    int m_executions = 0;
};

QJsonObject selectInput(const QString &id, const QString &value, const QString &displayValue)
{
    return {{u"id"_s, id},
            {u"value"_s, value},
            {u"type"_s, u"select"_s},
            {u"displayValue"_s, displayValue},
            {u"structure"_s, QJsonArray()}};
}

QJsonObject stringInput(const QString &id, const QJsonValue &value)
{
    return {{u"id"_s, id}, {u"value"_s, value}, {u"type"_s, u"string"_s}, {u"structure"_s, QJsonArray()}};
}

} // namespace

QString AutomationEngine::runModeOf(const QJsonObject &workspace)
{
    const QString mode = inputValue(startBlock(workspace), u"run_mode"_s).toString();
    static const QStringList modes{u"manual"_s, u"scheduled"_s, u"triggered"_s, u"webhook"_s};
    return modes.contains(mode) ? mode : u"manual"_s;
}

QString AutomationEngine::triggerOf(const QJsonObject &workspace)
{
    const QJsonObject start = startBlock(workspace);
    if (inputValue(start, u"run_mode"_s).toString() != "webhook"_L1
        || inputValue(start, u"datasourcetype_guid"_s).toString() != kQlikCloudServices)
        return {};
    return eventTypes().value(inputValue(start, u"webhook_event_guid"_s).toString());
}

AutomationRun &AutomationEngine::start(const RequestContext &ctx, Tenant &tenant, Automation &automation,
                                       const QString &context, const QJsonObject &inputs)
{
    const QDateTime now = ctx.clock().now();
    AutomationRun run;
    run.id = ctx.state().ids().uuidV1Like();
    run.context = context;
    run.title = automation.name;
    run.actorId = automation.ownerId;
    run.inputs = inputs;
    run.createdAt = now;
    run.startTime = now;
    run.stopTime = ContentTimings::after(ctx.services(), ctx.services().options.automationRunSeconds);

    const QJsonObject start = startBlock(automation.workspace);
    User *owner = tenant.users.find(automation.ownerId);
    QString error;
    if (start.isEmpty()) {
        error = u"The workspace has no start block."_s;
    } else if (!owner) {
        error = u"The automation's owner no longer exists."_s;
    } else {
        ++t_runsInProgress;
        error = BlockRunner(ctx, tenant, owner, automation.workspace).run(start, inputs);
        --t_runsInProgress;
    }
    if (!error.isEmpty())
        run.error = QJsonObject{{u"message"_s, error}};

    automation.runs.push_back(run);
    automation.lastRunAt = now;
    automation.lastRunStatus = run.status;
    RequestContext asOwner(ctx);
    if (owner)
        asOwner.setCaller(Caller{nullptr, owner});
    asOwner.auditOn(tenant, u"com.qlik.v1.automation.run.started"_s, u"com.qlik/automations"_s,
                    {{u"id"_s, run.id}, {u"automationId"_s, automation.id}, {u"context"_s, context}},
                    {automation.id, automation.ownerId, automation.spaceId});
    return automation.runs.back();
}

void AutomationEngine::onEvent(const RequestContext &ctx, Tenant &tenant, const AuditEvent &event)
{
    if (t_runsInProgress > 0)
        return;
    QList<Automation *> triggered;
    for (Automation &automation : tenant.automations) {
        if (automation.state == "available"_L1 && automation.runMode == "webhook"_L1
            && triggerOf(automation.workspace) == event.eventType)
            triggered.append(&automation);
    }
    // FACTS §13.1: the CloudEvents envelope a webhook start block receives.
    const QJsonObject envelope{{u"eventType"_s, event.eventType},
                               {u"eventTypeVersion"_s, event.eventTypeVersion},
                               {u"eventTime"_s, SandboxClock::iso(event.eventTime)},
                               {u"eventId"_s, event.eventId},
                               {u"source"_s, event.source},
                               {u"contentType"_s, u"application/json"_s},
                               {u"cloudEventsVersion"_s, u"0.1"_s},
                               {u"data"_s, event.data},
                               {u"extensions"_s, QJsonObject{{u"userId"_s, event.userId}, {u"tenantId"_s, tenant.id}}}};
    for (Automation *automation : std::as_const(triggered))
        start(ctx, tenant, *automation, u"webhook"_s, envelope);
}

void AutomationEngine::settle(Tenant &tenant, const QDateTime &now)
{
    for (Automation &automation : tenant.automations) {
        for (AutomationRun &run : automation.runs) {
            if (run.status != "running"_L1 || now < run.stopTime)
                continue;
            run.status = run.error.isEmpty() ? u"finished"_s : u"failed"_s;
            if (&run == &automation.runs.back())
                automation.lastRunStatus = run.status;
        }
    }
}

QJsonObject AutomationEngine::addUsersToSpaceWorkspace(const QString &spaceName)
{
    const QString startId = u"2252CA1C-FDAF-4634-B1B4-F43283AA074B"_s;
    const QString searchId = u"689E8B00-5803-4A44-B0C2-BBE363933BBC"_s;
    const QString addId = u"9303A69B-E135-4911-A930-A50904EB9D3E"_s;
    const QJsonObject start{
        {u"id"_s, startId},
        {u"type"_s, u"StartBlock"_s},
        {u"disabled"_s, false},
        {u"name"_s, u"UserCreated"_s},
        {u"displayName"_s, u"User Created"_s},
        {u"childId"_s, searchId},
        {u"inputs"_s,
         QJsonArray{selectInput(u"run_mode"_s, u"webhook"_s, u"Webhook"_s),
                    selectInput(u"datasourcetype_guid"_s, kQlikCloudServices, u"Qlik Cloud Services"_s),
                    selectInput(u"webhook_event_guid"_s, kUserCreatedEvent, u"User Created"_s)}}};
    const QJsonObject search{
        {u"id"_s, searchId},
        {u"type"_s, u"EndpointBlock"_s},
        {u"disabled"_s, false},
        {u"name"_s, u"searchSpaces"_s},
        {u"displayName"_s, u"Qlik Cloud Services - Search Spaces"_s},
        {u"childId"_s, QJsonValue::Null},
        {u"loopBlockId"_s, addId},
        {u"datasourcetype_guid"_s, kQlikCloudServices},
        {u"endpoint_guid"_s, kSearchSpaces},
        {u"endpoint_role"_s, u"search"_s},
        {u"inputs"_s,
         QJsonArray{stringInput(kSearchSpacesType, u"managed"_s), stringInput(kSearchSpacesSort, u"+name"_s),
                    stringInput(kSearchSpacesName, spaceName)}}};
    const QJsonObject add{{u"id"_s, addId},
                          {u"type"_s, u"EndpointBlock"_s},
                          {u"disabled"_s, false},
                          {u"name"_s, u"addMemberToSpace"_s},
                          {u"displayName"_s, u"Qlik Cloud Services - Add Member To Space"_s},
                          {u"childId"_s, QJsonValue::Null},
                          {u"datasourcetype_guid"_s, kQlikCloudServices},
                          {u"endpoint_guid"_s, kAddMember},
                          {u"endpoint_role"_s, u"create"_s},
                          {u"inputs"_s,
                           QJsonArray{stringInput(kAddMemberSpace, u"{$.searchSpaces.item.id}"_s),
                                      stringInput(kAddMemberUser, u"{$.UserCreated.data.id}"_s),
                                      stringInput(kAddMemberRoles, u"[\"consumer\"]"_s),
                                      selectInput(kAddMemberType, kAddMemberTypeUser, u"user"_s)}}};
    return {{u"blocks"_s, QJsonArray{start, add, search}}, {u"variables"_s, QJsonArray()}};
}

QString AutomationEngine::timestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"000Z"_s;
}

} // namespace Sandbox
