#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

namespace Ops {

// Step type "group-settings" (FACTS §5.2): whether a login creates the groups its token names
// (autoCreateGroups) and keeps the user's IdP groups in step (syncIdpGroups). Read with
// GET /v1/groups/settings, changed with one JSON Patch of the differing fields (204). A setting the
// plan leaves out is left as it is.
//
//     {"id": "group-settings", "type": "group-settings", "params": {
//         "autoCreateGroups": true, "syncIdpGroups": true}}
class GroupSettingsStep : public CloudStep
{
    Q_OBJECT

public:
    using CloudStep::CloudStep;
    ~GroupSettingsStep() override;
    Q_DISABLE_COPY_MOVE(GroupSettingsStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    // The planned fields that differ from `settings`, as field changes (all planned ones when empty).
    [[nodiscard]] QList<FieldChange> differences(const QJsonObject &settings) const;
};

} // namespace Ops
