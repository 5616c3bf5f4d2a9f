#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QJsonObject>

namespace Ops {

// Step type "automation" (FACTS §12, the tutorial "deploy an automation to a tenant"): the target
// tenant has the source tenant's automation of this name, with the same definition. The source's
// full definition (GET /v1/automations/{id}, which needs the caller to own it: the region client's
// bot deploys it to the source) is POSTed to the target, or PUT over the target's copy when its
// workspace differs.
//
//     {"id": "add-users", "type": "automation", "params": {
//         "source": "acme-source.eu.qlikcloud.com", "name": "Add new users to Production",
//         "state": "available"}}
//
// Outputs: automationId, name. Automation names are not unique in Qlik, so the step looks for its
// own copy by name among the automations its bot owns; a create whose answer was lost is found
// there by the next probe. Connections other than Qlik Cloud Services' are not copied (FACTS §12).
class AutomationStep : public CloudStep
{
    Q_OBJECT

public:
    using CloudStep::CloudStep;
    ~AutomationStep() override;
    Q_DISABLE_COPY_MOVE(AutomationStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    using DefinitionHandler = std::function<void(const QJsonObject &definition)>;

    [[nodiscard]] QString source() const;
    [[nodiscard]] QString name() const;
    // The id of the first automation named name() in `call`'s answer; empty when there is none.
    void findNamed(const Cloud::ApiCall &call, std::function<void(const QString &id)> done);
    // The source's full definition; blocks or fails (per `blocking`) when it has none of that name.
    void readSource(bool blocking, DefinitionHandler done);
    // The copy's state: the plan's, or else the source's.
    [[nodiscard]] QJsonValue wantedState(const QJsonObject &definition) const;
    [[nodiscard]] QJsonObject deployable(const QJsonObject &definition) const;
    [[nodiscard]] QJsonObject outputs(const QString &id) const;
};

} // namespace Ops
