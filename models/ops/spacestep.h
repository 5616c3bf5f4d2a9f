#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QStringList>

namespace Ops {

// Step type "space": a shared, managed or data space of the target tenant exists with this name,
// and the listed users and groups are members with exactly the listed roles (FACTS §7). Members
// not listed are left alone.
//
//     {"id": "production", "type": "space", "params": {
//         "name": "Production", "type": "managed", "description": "Published apps",
//         "assignments": [{"type": "group", "assignee": "${sales.groupId}", "roles": ["consumer"]}]}}
//
// Outputs: spaceId, name, type. Names are unique per tenant (409 on a duplicate), so the space is
// found by name; a type cannot change, so an existing space of another type blocks the step.
// Roles must suit the space type (checked in the plan and against the space's assignableRoles).
class SpaceStep : public CloudStep
{
    Q_OBJECT

public:
    SpaceStep(const StepContext &context, QObject *parent);
    ~SpaceStep() override;
    Q_DISABLE_COPY_MOVE(SpaceStep)

    [[nodiscard]] static StepType type();
    // The roles each space type takes (FACTS §7, the spec's RoleType).
    [[nodiscard]] static QStringList rolesFor(const QString &spaceType);

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    struct Member
    {
        QString type; // user | group
        QString assignee;
        QStringList roles; // sorted
        [[nodiscard]] QString key() const { return type + u':' + assignee; }
    };

    void probeMembers(const QJsonObject &space);
    void createSpace();
    void changeNext();
    void finishChanges();

    [[nodiscard]] QString name() const;
    [[nodiscard]] QString spaceType() const;
    [[nodiscard]] QList<Member> members() const;
    [[nodiscard]] QJsonObject outputs(const QString &id) const;

    // The work of one apply(): the steps still to take, and what was done so far.
    QString m_spaceId;
    QJsonArray m_todo;
    StepChange m_change;
};

} // namespace Ops
