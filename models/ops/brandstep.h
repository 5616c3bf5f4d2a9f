#pragma once

#include "ops/brandasset.h"
#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QHash>
#include <QJsonObject>

namespace Ops {

// Step type "brand" (issue 6 step 9; FACTS §9.3, spec /v1/brands): the tenant has a brand of this
// name with the plan's logo and favicon (local files, referenced by path), active unless
// `activate` is false.
//
//     {"id": "branding", "type": "brand", "params": {"name": "Northwind",
//         "logo": "/home/me/northwind/logo.png", "favIcon": "/home/me/northwind/favicon.ico"}}
//
// Idempotency: the brand is found by name in GET /v1/brands (names are not unique on Qlik's side,
// so a lost create is found by the next probe, never sent twice). Its files are compared with the
// local files byte for byte, downloaded with GET /v1/brands/{id}/files/{fileId}: the spec gives
// `eTag` no meaning (the sandbox's is an md5, Qlik's is not documented), so it is not trusted.
// Missing: POST /v1/brands (multipart name, description, logo, favIcon), then .../actions/activate.
// Present: PUT a changed file, POST a missing one, PATCH /description, activate when inactive.
// `activate: false` leaves the brand's state alone (it never deactivates). Local files are checked
// before any call (exists, readable, PNG/JPEG logo ≤ 300 KB, ICO favicon ≤ 100 KB): a bad file
// blocks the step, naming it. Relative paths resolve against the current directory.
//
// Outputs: brandId, name.
class BrandStep : public CloudStep
{
    Q_OBJECT

public:
    BrandStep(const StepContext &context, QObject *parent);
    ~BrandStep() override;
    Q_DISABLE_COPY_MOVE(BrandStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    using Downloads = QHash<QString, QByteArray>; // fileId -> bytes on the tenant
    [[nodiscard]] QString name() const;
    [[nodiscard]] bool activate() const;
    [[nodiscard]] QList<BrandAsset> assets() const; // logo, favIcon
    // The first problem of the local files; empty when both can be uploaded.
    [[nodiscard]] static QString problemOf(const QList<BrandAsset> &assets);
    [[nodiscard]] QJsonObject outputs(const QString &id) const;
    // Downloads the files the brand has among `fileIds`, one after the other, then `done`.
    void download(const QString &brandId, QStringList fileIds, const Downloads &got,
                  const std::function<void(const Downloads &)> &done);
    // Sends `calls` one after the other, then `done`.
    void sendAll(QList<Cloud::ApiCall> calls, const std::function<void()> &done);
    void judge(const QJsonObject &brand, const QList<BrandAsset> &assets, const Downloads &remote);
    [[nodiscard]] Cloud::ApiCall fileCall(const QByteArray &method, const QString &brandId,
                                          const BrandAsset &asset) const;
};

} // namespace Ops
