#include "sandbox/usersapi.h"

#include "sandbox/accesscontrol.h"
#include "sandbox/bodyfields.h"
#include "sandbox/entities.h"
#include "sandbox/jsonpatch.h"
#include "sandbox/paging.h"
#include "sandbox/requestcontext.h"
#include "sandbox/rolecatalog.h"
#include "sandbox/router.h"
#include "sandbox/sandboxclock.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/scimfilter.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

const QString kSource = u"com.qlik/users"_s;

// The deprecated `roles` array only knows these names (spec User.roles enum).
const QStringList kLegacyRoles{u"TenantAdmin"_s,      u"Developer"_s,           u"AnalyticsAdmin"_s,    u"DataAdmin"_s,
                               u"DataSpaceCreator"_s, u"ManagedSpaceCreator"_s, u"SharedSpaceCreator"_s};

// What a user's attributes are for the SCIM filter (lower-case attribute names).
QStringList attributeValues(const Tenant &tenant, const User &user, const QString &attribute)
{
    if (attribute == "id"_L1)
        return {user.id};
    if (attribute == "subject"_L1)
        return {user.subject};
    if (attribute == "name"_L1)
        return {user.name};
    if (attribute == "email"_L1)
        return {user.email};
    if (attribute == "status"_L1)
        return {user.status};
    if (attribute == "clientid"_L1)
        return {user.clientId};
    if (attribute == "assignedroles.id"_L1)
        return user.roleIds;
    if (attribute == "assignedroles.name"_L1) {
        QStringList names;
        for (const QString &id : user.roleIds) {
            if (const auto role = RoleCatalog::byId(tenant, id))
                names.append(role->name);
        }
        return names;
    }
    if (attribute == "assignedgroups.id"_L1)
        return user.groupIds;
    if (attribute == "assignedgroupsassignedroles.name"_L1) {
        QStringList names;
        for (const QString &groupId : user.groupIds) {
            if (const Group *group = tenant.groups.find(groupId)) {
                for (const QString &id : group->roleIds) {
                    if (const auto role = RoleCatalog::byId(tenant, id))
                        names.append(role->name);
                }
            }
        }
        return names;
    }
    return {};
}

// FACTS §5.1: eq on these, co on name, email and subject.
const ScimFilter::Allowed &filterAttributes()
{
    static const ScimFilter::Allowed allowed{
        {u"id"_s, {u"eq"_s}},
        {u"subject"_s, {u"eq"_s, u"co"_s}},
        {u"name"_s, {u"eq"_s, u"co"_s}},
        {u"email"_s, {u"eq"_s, u"co"_s}},
        {u"status"_s, {u"eq"_s}},
        {u"clientid"_s, {u"eq"_s}},
        {u"assignedroles.id"_s, {u"eq"_s}},
        {u"assignedroles.name"_s, {u"eq"_s}},
        {u"assignedgroups.id"_s, {u"eq"_s}},
        {u"assignedgroupsassignedroles.name"_s, {u"eq"_s}},
    };
    return allowed;
}

// Sorts by one of the spec's sort keys ("+name", "-createdAt", ...); false for an unknown key.
bool sortUsers(QList<const User *> &users, const QString &sort)
{
    QString key = sort.isEmpty() ? u"+name"_s : sort;
    bool descending = false;
    if (key.startsWith(u'-') || key.startsWith(u'+')) {
        descending = key.startsWith(u'-');
        key.remove(0, 1);
    }
    std::function<QString(const User &)> field;
    if (key == "name"_L1)
        field = [](const User &u) { return u.name.toLower(); };
    else if (key == "_id"_L1 || key == "id"_L1)
        field = [](const User &u) { return u.id; };
    else if (key == "tenantId"_L1)
        field = [](const User &) { return QString(); };
    else if (key == "clientId"_L1)
        field = [](const User &u) { return u.clientId; };
    else if (key == "status"_L1)
        field = [](const User &u) { return u.status; };
    else if (key == "subject"_L1)
        field = [](const User &u) { return u.subject.toLower(); };
    else if (key == "email"_L1)
        field = [](const User &u) { return u.email.toLower(); };
    else if (key == "inviteExpiry"_L1)
        field = [](const User &u) { return u"%1"_s.arg(u.inviteExpiry, 20, 10, QLatin1Char('0')); };
    else if (key == "createdAt"_L1)
        field = [](const User &u) { return SandboxClock::iso(u.createdAt); };
    else
        return false;
    std::stable_sort(users.begin(), users.end(), [&](const User *a, const User *b) {
        const QString left = field(*a);
        const QString right = field(*b);
        if (left == right)
            return a->id < b->id;
        return descending ? right < left : left < right;
    });
    return true;
}

HttpResponse listWithFilter(RequestContext &ctx, const QString &filterText, bool deprecatedParameters)
{
    Tenant &tenant = *ctx.tenant();
    const ScimFilter filter = ScimFilter::parse(filterText, filterAttributes());
    if (!filter.isValid())
        return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));

    // The deprecated query filters (FACTS §5.1); they cannot be mixed with `filter`.
    QHash<QString, QString> legacy;
    if (deprecatedParameters) {
        for (const QString &name : {u"email"_s, u"subject"_s, u"status"_s, u"role"_s}) {
            if (ctx.hasQuery(name))
                legacy.insert(name, ctx.query(name));
        }
        if (!legacy.isEmpty() && !filterText.isEmpty()) {
            return ctx.error(ApiError::badRequest(u"'filter' cannot be combined with deprecated parameters."_s)
                                 .withParameter(u"filter"_s));
        }
    }

    Paging paging(ctx, PagingStyle::NextPrev, {20, 100, 1}, CursorForm::RawId);
    if (const auto error = paging.error())
        return ctx.error(*error);

    QList<const User *> users;
    for (const User &user : tenant.users) {
        if (!filter.matches([&](const QString &attribute) { return attributeValues(tenant, user, attribute); }))
            continue;
        if (legacy.contains(u"email"_s) && user.email.compare(legacy.value(u"email"_s), Qt::CaseInsensitive) != 0)
            continue;
        if (legacy.contains(u"subject"_s) && user.subject != legacy.value(u"subject"_s))
            continue;
        if (legacy.contains(u"status"_s) && user.status != legacy.value(u"status"_s))
            continue;
        if (legacy.contains(u"role"_s)
            && !attributeValues(tenant, user, u"assignedroles.name"_s).contains(legacy.value(u"role"_s)))
            continue;
        users.append(&user);
    }
    if (!sortUsers(users, ctx.query(u"sort"_s)))
        return ctx.error(
            ApiError::badRequest(u"Unknown sort key '%1'."_s.arg(ctx.query(u"sort"_s))).withParameter(u"sort"_s));

    QStringList ids;
    ids.reserve(users.size());
    for (const User *user : std::as_const(users))
        ids.append(user->id);
    const Page page = paging.select(ids);
    if (const auto error = paging.error())
        return ctx.error(*error);

    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(UsersApi::toJson(ctx, tenant, *users.at(i)));
    QJsonObject body{{u"data"_s, data}, {u"links"_s, page.links}};
    if (ctx.query(u"totalResults"_s) == "true"_L1)
        body.insert(u"totalResults"_s, users.size());
    return HttpResponse::json(200, body);
}

HttpResponse list(RequestContext &ctx)
{
    return listWithFilter(ctx, ctx.query(u"filter"_s), true);
}

HttpResponse filterAction(RequestContext &ctx)
{
    QString filter;
    if (!ctx.request().body.trimmed().isEmpty()) {
        QJsonObject body;
        if (auto failure = ctx.readJsonObject(body))
            return *failure;
        BodyFields fields(body);
        filter = fields.string(u"filter"_s);
        if (const auto error = fields.error())
            return ctx.error(*error);
    }
    return listWithFilter(ctx, filter, false);
}

std::optional<ApiError> resolveLegacyRoles(const Tenant &tenant, const QJsonValue &value, const QString &pointer,
                                           QStringList &roleIds)
{
    if (!value.isArray())
        return ApiError::badRequest(u"'roles' must be an array of role names."_s).withPointer(pointer);
    for (const QJsonValue &name : value.toArray()) {
        const auto role = RoleCatalog::byName(tenant, name.toString());
        if (!name.isString() || !role)
            return ApiError::badRequest(u"No such role: '%1'."_s.arg(name.toString())).withPointer(pointer);
        if (!roleIds.contains(role->id))
            roleIds.append(role->id);
    }
    return std::nullopt;
}

std::optional<ApiError> resolveGroups(const Tenant &tenant, const QJsonValue &value, const QString &pointer,
                                      QStringList &groupIds)
{
    if (!value.isArray())
        return ApiError::badRequest(u"'assignedGroups' must be an array of {\"id\"} or {\"name\"} objects."_s)
            .withPointer(pointer);
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject ref = item.toObject();
        const Group *group = nullptr;
        if (ref.value(u"id"_s).isString())
            group = tenant.groups.find(ref.value(u"id"_s).toString());
        else if (ref.value(u"name"_s).isString())
            group = tenant.groupByName(ref.value(u"name"_s).toString());
        if (!group)
            return ApiError::badRequest(u"No such group in assignedGroups."_s).withPointer(pointer);
        if (!groupIds.contains(group->id))
            groupIds.append(group->id);
    }
    return std::nullopt;
}

bool callerIsAdmin(const RequestContext &ctx)
{
    return ctx.caller().user && AccessControl::isTenantAdmin(*ctx.tenant(), *ctx.caller().user);
}

HttpResponse create(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Creating users needs the TenantAdmin role."_s));
    QJsonObject body;
    if (auto failure = ctx.readJsonObject(body))
        return *failure;
    BodyFields fields(body);
    User user;
    user.subject = fields.string(u"subject"_s, BodyFields::Required);
    user.name = fields.string(u"name"_s);
    user.email = fields.string(u"email"_s);
    user.picture = fields.string(u"picture"_s);
    // The spec allows only "invited", Qlik's tutorials send "active" and get it (FACTS §18.5).
    user.status = fields.oneOf(u"status"_s, {u"invited"_s, u"active"_s});
    if (user.status.isEmpty())
        user.status = u"active"_s;
    const QString tenantId = fields.string(u"tenantId"_s);
    if (!tenantId.isEmpty() && tenantId != tenant.id)
        fields.fail(u"tenantId"_s, u"'tenantId' must be this tenant's id."_s);
    if (const auto error = fields.error())
        return ctx.error(*error);
    if (body.contains(u"assignedRoles"_s)) {
        if (auto error
            = RoleCatalog::resolveRefs(tenant, body.value(u"assignedRoles"_s), u"/assignedRoles"_s, user.roleIds))
            return ctx.error(*error);
    }
    if (body.contains(u"roles"_s)) {
        if (auto error = resolveLegacyRoles(tenant, body.value(u"roles"_s), u"/roles"_s, user.roleIds))
            return ctx.error(*error);
    }
    if (tenant.userBySubject(user.subject))
        return ctx.error(ApiError::conflict(u"A user with this subject already exists."_s).withPointer(u"/subject"_s));
    if (tenant.userByEmail(user.email))
        return ctx.error(ApiError::conflict(u"A user with this email already exists."_s).withPointer(u"/email"_s));

    user.id = ctx.state().ids().objectId();
    user.createdAt = ctx.clock().now();
    user.lastUpdatedAt = user.createdAt;
    if (user.status == "invited"_L1)
        user.inviteExpiry = user.createdAt.addDays(7).toSecsSinceEpoch();
    const User &stored = tenant.users.insert(user);
    ctx.audit(u"com.qlik.v1.user.created"_s, kSource,
              {{u"id"_s, stored.id}, {u"subject"_s, stored.subject}, {u"tenantId"_s, tenant.id}}, {stored.id, {}, {}});
    return HttpResponse::json(201, UsersApi::toJson(ctx, tenant, stored));
}

HttpResponse get(RequestContext &ctx)
{
    const User *user = ctx.tenant()->users.find(ctx.param(u"userId"_s));
    if (!user)
        return ctx.error(ApiError::notFound(u"No user '%1'."_s.arg(ctx.param(u"userId"_s))));
    return HttpResponse::json(200, UsersApi::toJson(ctx, *ctx.tenant(), *user));
}

HttpResponse me(RequestContext &ctx)
{
    // FACTS §14.4: a 301 to the caller's own user (path-only Location, FACTS §17).
    if (!ctx.caller().user)
        return ctx.error(ApiError::notFound(u"This token has no user on this tenant."_s));
    return HttpResponse::redirect(301, u"/api/v1/users/"_s + ctx.caller().user->id);
}

HttpResponse count(RequestContext &ctx)
{
    if (ctx.hasQuery(u"tenantId"_s) && ctx.query(u"tenantId"_s) != ctx.tenant()->id)
        return ctx.error(ApiError::notFound(u"No tenant '%1' here."_s.arg(ctx.query(u"tenantId"_s))));
    return HttpResponse::json(200, QJsonObject{{u"total"_s, ctx.tenant()->users.size()}});
}

std::optional<ApiError> applyPatch(const Tenant &tenant, const PatchOperation &op, User &user, const QDateTime &now)
{
    const QString valuePointer = u"/%1/value"_s.arg(op.index);
    const auto needString = [&]() -> std::optional<ApiError> {
        if (!op.value.isString())
            return ApiError::badRequest(u"'%1' needs a string value."_s.arg(op.path)).withPointer(valuePointer);
        return std::nullopt;
    };
    const bool replacing = op.op == "replace"_L1 || op.op == "set"_L1;
    if (op.path == "/name"_L1 && replacing) {
        if (auto error = needString())
            return error;
        user.name = op.value.toString();
    } else if (op.path == "/status"_L1 && replacing) {
        const QString status = op.value.toString();
        if (status != "active"_L1 && status != "disabled"_L1)
            return ApiError::badRequest(u"'/status' can be set to active or disabled."_s).withPointer(valuePointer);
        user.status = status;
    } else if (op.path == "/assignedRoles"_L1 && (replacing || op.op == "add"_L1)) {
        QStringList roles = op.op == "add"_L1 ? user.roleIds : QStringList();
        if (auto error = RoleCatalog::resolveRefs(tenant, op.value, valuePointer, roles))
            return error;
        user.roleIds = roles;
    } else if (op.path == "/assignedRoles"_L1 && op.op == "unset"_L1) {
        user.roleIds.clear();
    } else if (op.path == "/roles"_L1 && (replacing || op.op == "add"_L1)) {
        QStringList roles = op.op == "add"_L1 ? user.roleIds : QStringList();
        if (auto error = resolveLegacyRoles(tenant, op.value, valuePointer, roles))
            return error;
        user.roleIds = roles;
    } else if (op.path == "/assignedGroups"_L1 && (replacing || op.op == "add"_L1)) {
        QStringList groups = op.op == "add"_L1 ? user.groupIds : QStringList();
        if (auto error = resolveGroups(tenant, op.value, valuePointer, groups))
            return error;
        user.groupIds = groups;
    } else if (op.path == "/assignedGroups"_L1 && op.op == "unset"_L1) {
        user.groupIds.clear();
    } else if ((op.path == "/preferredLocale"_L1 || op.path == "/preferredZoneinfo"_L1)
               && (replacing || op.op == "unset"_L1)) {
        QString &target = op.path == "/preferredLocale"_L1 ? user.preferredLocale : user.preferredZoneinfo;
        if (op.op == "unset"_L1) {
            target.clear();
        } else {
            if (auto error = needString())
                return error;
            target = op.value.toString();
        }
    } else if (op.path == "/inviteExpiry"_L1 && op.op == "renew"_L1) {
        if (user.status != "invited"_L1)
            return JsonPatch::invalid(op, u"Only invited users have an invitation to renew."_s);
        user.inviteExpiry = now.addDays(7).toSecsSinceEpoch();
    } else {
        return JsonPatch::invalid(op, u"'%1' on '%2' is not supported."_s.arg(op.op, op.path));
    }
    return std::nullopt;
}

HttpResponse patch(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    User *user = tenant.users.find(ctx.param(u"userId"_s));
    if (!user)
        return ctx.error(ApiError::notFound(u"No user '%1'."_s.arg(ctx.param(u"userId"_s))));
    if (!callerIsAdmin(ctx) && ctx.caller().user != user)
        return ctx.error(ApiError::forbidden(u"Updating other users needs the TenantAdmin role."_s));
    QJsonValue body;
    if (auto failure = ctx.readJson(body))
        return *failure;
    const JsonPatch::Parsed parsed = JsonPatch::parse(body, {u"replace"_s, u"set"_s, u"unset"_s, u"add"_s, u"renew"_s});
    if (parsed.error)
        return ctx.error(*parsed.error);
    // All or nothing: the operations are applied to a copy first.
    User updated = *user;
    QJsonArray changed;
    for (const PatchOperation &op : parsed.operations) {
        if (auto error = applyPatch(tenant, op, updated, ctx.clock().now()))
            return ctx.error(*error);
        changed.append(op.path);
    }
    updated.lastUpdatedAt = ctx.clock().now();
    *user = updated;
    ctx.audit(u"com.qlik.v1.user.updated"_s, kSource, {{u"id"_s, user->id}, {u"updates"_s, changed}},
              {user->id, {}, {}});
    return HttpResponse::empty(204);
}

HttpResponse remove(RequestContext &ctx)
{
    Tenant &tenant = *ctx.tenant();
    const QString id = ctx.param(u"userId"_s);
    const User *user = tenant.users.find(id);
    if (!user)
        return ctx.error(ApiError::notFound(u"No user '%1'."_s.arg(id)));
    if (!callerIsAdmin(ctx))
        return ctx.error(ApiError::forbidden(u"Deleting users needs the TenantAdmin role."_s));
    const QString subject = user->subject;
    // The user's own content stays, orphaned (FACTS §5.1); its space memberships go.
    for (Space &space : tenant.spaces) {
        std::erase_if(space.assignments,
                      [&id](const SpaceAssignment &a) { return a.type == "user"_L1 && a.assigneeId == id; });
    }
    // Audit first: the event names the caller, which may be the deleted user itself.
    ctx.audit(u"com.qlik.v1.user.deleted"_s, kSource,
              {{u"id"_s, id}, {u"subject"_s, subject}, {u"tenantId"_s, tenant.id}}, {id, {}, {}});
    tenant.users.remove(id);
    return HttpResponse::empty(204);
}

} // namespace

void UsersApi::addRoutes(Router &router)
{
    router.add(HostKind::Tenant, "GET", u"/v1/users"_s, list);
    router.add(HostKind::Tenant, "POST", u"/v1/users"_s, create);
    router.add(HostKind::Tenant, "GET", u"/v1/users/me"_s, me);
    router.add(HostKind::Tenant, "GET", u"/v1/users/actions/count"_s, count);
    router.add(HostKind::Tenant, "POST", u"/v1/users/actions/filter"_s, filterAction);
    router.add(HostKind::Tenant, "GET", u"/v1/users/{userId}"_s, get);
    router.add(HostKind::Tenant, "PATCH", u"/v1/users/{userId}"_s, patch);
    router.add(HostKind::Tenant, "DELETE", u"/v1/users/{userId}"_s, remove);
}

QJsonObject UsersApi::toJson(const RequestContext &ctx, const Tenant &tenant, const User &user)
{
    QJsonObject json{
        {u"id"_s, user.id},
        {u"tenantId"_s, tenant.id},
        {u"subject"_s, user.subject},
        {u"name"_s, user.name},
        {u"status"_s, user.status},
        {u"createdAt"_s, SandboxClock::iso(user.createdAt)},
        {u"lastUpdatedAt"_s, SandboxClock::iso(user.lastUpdatedAt)},
        {u"created"_s, SandboxClock::iso(user.createdAt)},
        {u"lastUpdated"_s, SandboxClock::iso(user.lastUpdatedAt)},
        {u"assignedRoles"_s, RoleCatalog::refs(tenant, user.roleIds)},
        {u"assignedScopes"_s, QJsonArray()},
        {u"links"_s,
         QJsonObject{{u"self"_s, QJsonObject{{u"href"_s, ctx.absoluteUrl(u"/api/v1/users/"_s + user.id)}}}}}};
    QJsonArray legacyRoles;
    for (const QJsonValue &role : json.value(u"assignedRoles"_s).toArray()) {
        const QString name = role.toObject().value(u"name"_s).toString();
        if (kLegacyRoles.contains(name))
            legacyRoles.append(name);
    }
    json.insert(u"roles"_s, legacyRoles);
    QJsonArray groups;
    for (const QString &groupId : user.groupIds) {
        if (const Group *group = tenant.groups.find(groupId)) {
            groups.append(QJsonObject{{u"id"_s, group->id},
                                      {u"name"_s, group->name},
                                      {u"providerType"_s, group->providerType},
                                      {u"assignedRoles"_s, RoleCatalog::refs(tenant, group->roleIds)}});
        }
    }
    json.insert(u"assignedGroups"_s, groups);
    if (!user.email.isEmpty())
        json.insert(u"email"_s, user.email);
    if (user.isBot())
        json.insert(u"clientId"_s, user.clientId);
    const std::pair<QString, QString> optionals[] = {{u"picture"_s, user.picture},
                                                     {u"locale"_s, user.locale},
                                                     {u"zoneinfo"_s, user.zoneinfo},
                                                     {u"preferredLocale"_s, user.preferredLocale},
                                                     {u"preferredZoneinfo"_s, user.preferredZoneinfo}};
    for (const auto &[key, value] : optionals) {
        if (!value.isEmpty())
            json.insert(key, value);
    }
    if (user.status == "invited"_L1)
        json.insert(u"inviteExpiry"_s, static_cast<double>(user.inviteExpiry));
    return json;
}

} // namespace Sandbox
