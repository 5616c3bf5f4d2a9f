#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QJsonObject>

namespace Ops {

// Step types "extension" and "theme" (FACTS §9.1, §9.2): the target tenant has the source tenant's
// extension or theme of this name with the same file. The zip is downloaded from the source
// (GET /v1/{extensions|themes}/{id}/file) and uploaded as multipart part `file`: POST when the
// target has none of that name, PATCH when its file differs (by the md5 Qlik reports).
//
//     {"id": "kpi-card", "type": "extension", "params": {
//         "source": "acme-source.eu.qlikcloud.com", "name": "kpi-card"}}
//
// Or from a zip on this computer, "file" instead of "source" (absolute or relative to the plan's
// folder), compared by md5 with the target's:
//
//     {"id": "kpi-card", "type": "extension", "params": {"file": "packages/kpi-card.zip", "name": "kpi-card"}}
//
// "name" must be what the zip's .qext calls it (Qlik names the package from it): an upload Qlik
// names otherwise fails the step, naming both.
//
// Outputs: extensionId (or themeId), name. Names are unique per tenant, so a lost create is found
// by the next probe; a 409 on create (created meanwhile) is left to that probe too.
class VisualPackageStep : public CloudStep
{
    Q_OBJECT

public:
    enum class Kind { Extension, Theme };

    VisualPackageStep(Kind kind, const StepContext &context, QObject *parent);
    ~VisualPackageStep() override;
    Q_DISABLE_COPY_MOVE(VisualPackageStep)

    [[nodiscard]] static StepType extensionType();
    [[nodiscard]] static StepType themeType();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    [[nodiscard]] static StepType typeOf(Kind kind);
    [[nodiscard]] QString collection() const; // "/api/v1/extensions" | "/api/v1/themes"
    [[nodiscard]] QString noun() const; // "extension" | "theme"
    [[nodiscard]] QString idOutput() const; // "extensionId" | "themeId"
    [[nodiscard]] QString source() const;
    [[nodiscard]] QString localFile() const; // "file", resolved against the plan's folder; or empty
    // The probe once the target's entry of this name (empty: none) and the wanted md5 are known.
    void judge(const QJsonObject &existing, const QString &wantedMd5, const QStringList &readCalls);
    [[nodiscard]] QString name() const;
    // The entry named name() in a list answer; empty when there is none.
    [[nodiscard]] QJsonObject named(const QJsonArray &items) const;
    [[nodiscard]] static QString md5Of(const QJsonObject &entry);
    [[nodiscard]] QJsonObject outputs(const QString &id) const;
    void upload(const QString &targetId, const QByteArray &zip, const QString &filename);

    Kind m_kind;
};

} // namespace Ops
