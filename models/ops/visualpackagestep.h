#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QJsonObject>
#include <QList>

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
// Step types "extensions-by-tag" and "themes-by-tag" copy every package the source tags so (the
// spec's `tags[]`), each as above; a package tagged later is copied by the next run:
//
//     {"id": "onboarding-pack", "type": "extensions-by-tag", "params": {
//         "source": "acme-source.eu.qlikcloud.com", "tag": "onboarding"}}
//
// Outputs: extensionId (or themeId) and name; by tag, extensionIds (themeIds) and names, in the
// source's order. Names are unique per tenant, so a lost create is found by the next probe; a 409
// on create (created meanwhile) is left to that probe too.
class VisualPackageStep : public CloudStep
{
    Q_OBJECT

public:
    enum class Kind { Extension, Theme };
    enum class Selection { ByName, ByTag };

    VisualPackageStep(Kind kind, Selection selection, const StepContext &context, QObject *parent);
    ~VisualPackageStep() override;
    Q_DISABLE_COPY_MOVE(VisualPackageStep)

    [[nodiscard]] static StepType extensionType();
    [[nodiscard]] static StepType themeType();
    [[nodiscard]] static StepType extensionsByTagType();
    [[nodiscard]] static StepType themesByTagType();

    [[nodiscard]] QString describe() const override;

protected:
    void probe() override;
    // On a tenant the plan creates: the source (or the zip) is read already, so a package it lacks
    // blocks the target before the tenant is made, and the dry run names what will be copied.
    void probeDeferred() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    // A package the step wants on the target: its name, the md5 its file must have, its id on the
    // source (copies only), and the target's package of that name (empty: none).
    struct Wanted
    {
        QString name;
        QString md5;
        QString sourceId;
        QJsonObject existing;

        [[nodiscard]] bool present() const;
    };
    // `missing` is set instead when the source has nothing the step asks for.
    using GatherHandler = std::function<void(const QList<Wanted> &wanted, const QString &missing)>;

    [[nodiscard]] static StepType typeOf(Kind kind, Selection selection);
    [[nodiscard]] QString collection() const; // "/api/v1/extensions" | "/api/v1/themes"
    [[nodiscard]] QString noun() const; // "extension" | "theme"
    [[nodiscard]] QString nouns() const; // "extensions" | "themes"
    [[nodiscard]] QString idOutput() const; // "extensionId" | "themeId" (by tag: "extensionIds" | "themeIds")
    [[nodiscard]] QString source() const;
    [[nodiscard]] QString localFile() const; // "file", resolved against the plan's folder; or empty
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString tag() const;
    // "extension 'kpi-card'", or "extensions 'a', 'b'".
    [[nodiscard]] QString named(const QList<Wanted> &packages) const;
    // Reads the target's list (unless `onTarget` is false: a tenant not made yet has none), then
    // what the step wants (the source's list, or the local zip).
    void gather(GatherHandler then, bool onTarget = true);
    void wantedFrom(const QJsonArray &targetItems, GatherHandler then);
    // The source's packages this step copies: the one of its name, or every one with its tag.
    [[nodiscard]] QList<QJsonObject> selected(const QJsonArray &sourceItems) const;
    [[nodiscard]] static QJsonObject entryNamed(const QJsonArray &items, const QString &name);
    [[nodiscard]] static QString md5Of(const QJsonObject &entry);
    [[nodiscard]] QJsonObject outputs(const QList<Wanted> &wanted) const;
    // The probe's verdict on what gather() found.
    void judge(const QList<Wanted> &wanted, const QString &missing);
    // Uploads wanted packages not present, one at a time, from `next` on; then finishes the apply.
    void uploadPending(QList<Wanted> wanted, qsizetype next, StepChange change);
    void upload(const Wanted &package, const QByteArray &zip, const QString &filename,
                std::function<void(const QString &id)> done);

    Kind m_kind;
    Selection m_selection;
};

} // namespace Ops
