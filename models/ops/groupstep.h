#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QStringList>

#include <optional>

namespace Ops {

// Step type "group": a group of the target tenant exists with this name and, when "roles" is
// given, exactly these roles (FACTS §5.2, §5.3).
//
//     {"id": "sales", "type": "group", "params": {"name": "Sales", "roles": ["AnalyticsAdmin"]}}
//
// Outputs: groupId, name. Looks the group up by name first; POST /v1/groups answers 409 for a
// name that exists, which here means "look again" (an earlier create whose answer was lost).
class GroupStep : public CloudStep
{
    Q_OBJECT

public:
    GroupStep(const StepContext &context, QObject *parent);
    ~GroupStep() override;
    Q_DISABLE_COPY_MOVE(GroupStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    void findGroup();
    [[nodiscard]] QString name() const;
    [[nodiscard]] std::optional<QStringList> roles() const; // unset: roles are not managed
    [[nodiscard]] QJsonArray roleRefs() const;
    [[nodiscard]] QJsonObject outputs(const QString &id) const;
};

} // namespace Ops
