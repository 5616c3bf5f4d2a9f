#include "sandbox/entities.h"

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

int Subscription::unitsUsed(const QString &type) const
{
    return static_cast<int>(std::count_if(assignments.cbegin(), assignments.cend(),
                                          [&type](const LicenseAssignment &a) { return a.type == type; }));
}

const Allotment *Subscription::allotment(const QString &name) const
{
    for (const Allotment &allotment : allotments) {
        if (allotment.name == name)
            return &allotment;
    }
    return nullptr;
}

LicenseAssignment *Subscription::assignment(const QString &subject)
{
    for (LicenseAssignment &assignment : assignments) {
        if (assignment.subject.compare(subject, Qt::CaseInsensitive) == 0)
            return &assignment;
    }
    return nullptr;
}

SpaceAssignment *Space::assignment(const QString &assignmentId)
{
    for (SpaceAssignment &assignment : assignments) {
        if (assignment.id == assignmentId)
            return &assignment;
    }
    return nullptr;
}

SpaceAssignment *Space::assignmentFor(const QString &assigneeId)
{
    for (SpaceAssignment &assignment : assignments) {
        if (assignment.assigneeId == assigneeId)
            return &assignment;
    }
    return nullptr;
}

User *Tenant::userBySubject(const QString &subject) const
{
    for (User &user : users) {
        if (user.subject.compare(subject, Qt::CaseInsensitive) == 0)
            return &user;
    }
    return nullptr;
}

User *Tenant::userByEmail(const QString &email) const
{
    if (email.isEmpty())
        return nullptr;
    for (User &user : users) {
        if (user.email.compare(email, Qt::CaseInsensitive) == 0)
            return &user;
    }
    return nullptr;
}

Group *Tenant::groupByName(const QString &name) const
{
    for (Group &group : groups) {
        if (group.name.compare(name, Qt::CaseInsensitive) == 0)
            return &group;
    }
    return nullptr;
}

Space *Tenant::spaceByName(const QString &name) const
{
    for (Space &space : spaces) {
        if (space.name.compare(name, Qt::CaseInsensitive) == 0)
            return &space;
    }
    return nullptr;
}

void Tenant::purgeIfDue(const QDateTime &now)
{
    if (status == TenantStatus::Disabled && estimatedPurgeDate.isValid() && estimatedPurgeDate <= now)
        status = TenantStatus::Deleted;
}

bool Tenant::spaceHasContent(const QString &spaceId) const
{
    const auto inSpace = [&spaceId](const auto &collection) {
        for (const auto &entity : collection) {
            if (entity.spaceId == spaceId)
                return true;
        }
        return false;
    };
    return inSpace(apps) || inSpace(automations) || inSpace(automationConnections) || inSpace(dataConnections)
        || inSpace(dataFiles);
}

QString statusName(TenantStatus status)
{
    switch (status) {
    case TenantStatus::Active:
        return u"active"_s;
    case TenantStatus::Disabled:
        return u"disabled"_s;
    case TenantStatus::Deleted:
        return u"deleted"_s;
    }
    return {};
}

QString kindName(ClientKind kind)
{
    switch (kind) {
    case ClientKind::Org:
        return u"org"_s;
    case ClientKind::Region:
        return u"region"_s;
    case ClientKind::Tenant:
        return u"tenant"_s;
    }
    return {};
}

} // namespace Sandbox
