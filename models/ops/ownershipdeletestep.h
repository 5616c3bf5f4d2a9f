#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

namespace Ops {

// Step type "delete": one resource an ownership audit found on the target tenant is deleted
// through its type's own endpoint (spec; FACTS §7, §10.1, §12):
//
//     app                    DELETE /api/v1/apps/{id}
//     space                  DELETE /api/v1/spaces/{id}         (412 while it holds content)
//     automation             DELETE /api/v1/automations/{id}
//     automation-connection  DELETE /api/v1/automation-connections/{id}
//     data-connection        DELETE /api/v1/data-connections/{id}
//     data-file, data-folder DELETE /api/v1/data-files/{id}     (a folder takes its content along)
//
//     {"id": "item-1", "type": "delete", "params": {
//         "resourceType": "app", "resourceId": "…", "name": "Sales", "owner": "<audited owner id>"}}
//
// The probe reads the resource: gone means no change (so re-runs and retries are safe); owned by
// someone else than `owner` (it was reassigned since the audit), or a folder holding other people's
// files, blocks the step rather than deleting what the audit did not list. The DELETE is never
// resent blindly: a lost answer is settled by probing again, which finds the resource gone.
class OwnershipDeleteStep : public CloudStep
{
    Q_OBJECT

public:
    OwnershipDeleteStep(const StepContext &context, QObject *parent);
    ~OwnershipDeleteStep() override;
    Q_DISABLE_COPY_MOVE(OwnershipDeleteStep)

    [[nodiscard]] static StepType type();
    // The resource types the step can delete, as the ownership audit names them.
    [[nodiscard]] static QStringList resourceTypes();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepChange recoveredChange(StepAction intended, const StepProbe &found) const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    [[nodiscard]] QString resourceType() const;
    [[nodiscard]] QString resourceId() const;
    [[nodiscard]] QJsonObject outputs() const;
    [[nodiscard]] StepProbe gone(const QString &how) const;
    [[nodiscard]] Cloud::ApiCall readCall() const;
    // Reads the resource; `found` gets its owner, or nothing when it is gone.
    void read(const std::function<void(const QString &ownerId)> &found);
    void checkFolder(const QString &ownerId);
    void planned(const QString &ownerId);
};

} // namespace Ops
