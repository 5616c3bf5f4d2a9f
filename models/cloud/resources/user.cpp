#include "cloud/resources/user.h"

#include "cloud/resources/jsonreader.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

QString User::botSubject(const QString &clientId)
{
    return "qlikbot\\"_L1 + clientId;
}

bool User::isBot() const
{
    return !clientId.isEmpty() || subject.startsWith("qlikbot\\"_L1);
}

bool User::hasRole(const QString &roleName) const
{
    return std::any_of(assignedRoles.cbegin(), assignedRoles.cend(),
                       [&](const AssignedRole &role) { return role.name == roleName; });
}

User::AssignedGroup User::AssignedGroup::read(JsonReader &reader)
{
    AssignedGroup group;
    group.id = reader.requiredString(u"id");
    group.name = reader.string(u"name");
    group.providerType = reader.string(u"providerType");
    group.assignedRoles = reader.list<AssignedRole>(u"assignedRoles", &AssignedRole::read);
    return group;
}

User User::read(JsonReader &reader)
{
    User user;
    user.id = reader.requiredString(u"id");
    user.tenantId = reader.string(u"tenantId");
    user.subject = reader.requiredString(u"subject");
    user.name = reader.string(u"name");
    user.email = reader.string(u"email");
    user.status = reader.string(u"status");
    user.clientId = reader.string(u"clientId");
    user.assignedRoles = reader.list<AssignedRole>(u"assignedRoles", &AssignedRole::read);
    user.assignedGroups = reader.list<AssignedGroup>(u"assignedGroups", &AssignedGroup::read);
    user.assignedScopes = reader.stringList(u"assignedScopes");
    user.locale = reader.string(u"locale");
    user.zoneinfo = reader.string(u"zoneinfo");
    user.preferredLocale = reader.string(u"preferredLocale");
    user.preferredZoneinfo = reader.string(u"preferredZoneinfo");
    // `createdAt`/`lastUpdatedAt` replace the deprecated `created`/`lastUpdated`; read either.
    user.createdAt = reader.has(u"createdAt") ? reader.dateTime(u"createdAt") : reader.dateTime(u"created");
    user.lastUpdatedAt
        = reader.has(u"lastUpdatedAt") ? reader.dateTime(u"lastUpdatedAt") : reader.dateTime(u"lastUpdated");
    return user;
}

} // namespace Cloud
