#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

namespace Ops {

// Step type "owner": one resource on the target tenant is owned by the user `to` (a subject such
// as qlikbot\<clientId>, or an email), looked up on that tenant since user ids differ per tenant.
// Each resource type changes owner through its own endpoint (FACTS §11.2):
//
//     app                    PUT  /api/v1/apps/{id}/owner {ownerId}
//     space                  PATCH /api/v1/spaces/{id} [{op: replace, path: /ownerId}]
//     automation             POST /api/v1/automations/{id}/actions/move {userId}
//     automation-connection  POST /api/v1/automation-connections/{id}/actions/change-owner {userId}
//     data-connection        POST /api/v1/data-connections/actions/update {connections: [{id, ownerId}]} (207)
//     data-file, data-folder POST /api/v1/data-files/{id}/actions/change-owner {ownerId}
//
//     {"id": "item-1", "type": "owner", "params": {
//         "resourceType": "app", "resourceId": "…", "name": "Sales", "to": "qlikbot\\<clientId>"}}
//
// The probe reads the current owner first: already the new owner means no change, which is what
// makes re-runs and retries safe. Content in a shared, managed or data space needs its new owner
// to be a member with a role that can own it, so the apply adds (or widens) that membership first.
// A data file in a folder has no call of its own: it moves with its folder, which must come first.
// No owner change is ever resent blindly: a lost answer is settled by probing again.
class OwnerChangeStep : public CloudStep
{
    Q_OBJECT

public:
    OwnerChangeStep(const StepContext &context, QObject *parent);
    ~OwnerChangeStep() override;
    Q_DISABLE_COPY_MOVE(OwnerChangeStep)

    [[nodiscard]] static StepType type();
    // The resource types the step can move, as the ownership audit names them.
    [[nodiscard]] static QStringList resourceTypes();
    // The role a space member needs to own content there: `producer` (shared, data), `publisher`
    // (managed); a member with any of `owningRoles(spaceType)` already qualifies.
    [[nodiscard]] static QString ownerRole(const QString &spaceType);
    [[nodiscard]] static QStringList owningRoles(const QString &spaceType);

    [[nodiscard]] QString describe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    [[nodiscard]] QString resourceType() const;
    [[nodiscard]] QString resourceId() const;
    [[nodiscard]] QString to() const;
    [[nodiscard]] QString resourcePath() const; // where to read the owner, e.g. /api/v1/apps/{id}
    [[nodiscard]] Cloud::ApiCall readCall() const;
    [[nodiscard]] QString changeCall() const; // "PUT /api/v1/apps/{id}/owner"
    [[nodiscard]] QJsonObject outputs(const QString &ownerId) const;

    void findNewOwner();
    void readOwner(const QString &userId);
    void checkFolder(const QString &userId, const QString &ownerId, const QString &folderId);
    void checkMembership(const QString &userId, const QString &ownerId, const QString &spaceId);
    void probeDone(const QString &userId, const QString &ownerId, const QString &spaceId,
                   const QJsonObject &membership);
    void changeOwner(const StepProbe &probe);

    // Reads the owner and space of the resource in `body` (the GET of resourcePath()).
    [[nodiscard]] bool readResource(const QByteArray &body, QString *ownerId, QString *spaceId, QString *error,
                                    QString *folderId = nullptr) const;
};

} // namespace Ops
