#pragma once

#include "ops/cloudstep.h"
#include "ops/exportedappcache.h"
#include "ops/steptype.h"

#include "cloud/resources/app.h"
#include "cloud/resources/space.h"

#include <QElapsedTimer>
#include <QTimer>

#include <optional>

namespace Ops {

// Step type "publish-app": one source app is published to the managed space of the target tenant,
// exactly once (issue 7; FACTS §10.2–10.4, §14.5). Per target: import the exported app into the
// staging space, find the copy published earlier, republish over it (PUT with targetId) or publish
// a new one, optionally reload it, verify it, and clean the staging space up.
//
//     {"id": "sales", "type": "publish-app", "params": {
//         "source": "acme-source.eu.qlikcloud.com", "app": "Sales Dashboard",
//         "stagingSpace": "Staging", "managedSpace": "Production", "reload": true}}
//
// Instead of "source" and "app", "appFile" names a .qvf on this computer (the plan holds its path,
// never its bytes): it is uploaded to the target's temporary contents and imported from there
// (FACTS §10.2, §10.3); the app is called by the file's name, and the file's modification time
// stands for the source app's last change. A file that is missing, empty or no .qvf blocks.
//
// Outputs: publishedAppId, stagedAppId, sourceAppId (empty for a local file).
//
// Finding the earlier copy: a published app in the managed space whose originAppId is a staged
// copy of this app (an app of the staging space with the app's name, owned by this client's bot
// user: Tenantry's own imports), or one of `knownOriginAppIds` (staged ids recorded earlier); by
// its name only when `matchByName` allows it. More than one match, or a copy of the same name that
// cannot be traced, blocks the step: it never makes a second copy.
// With "existing": "keep" (publish new copies only) a copy found is left as it is (no change).
//
// "Up to date" is decided from the published copy's publishTime against the source app's last
// change (the later of its modifiedDate and lastReloadTime), for a copy traced to a staged copy:
// a copy published after the source last changed carries its current content. (Qlik exposes no
// content hash of an app; exporting the copy to hash it is not allowed from a managed space.)
//
// Idempotency: imports and publishes are not repeatable, so after an unknown outcome the probe
// finds what the lost call did — a fresh staged copy (created after the source's last change, not
// yet published from) is reused instead of importing again; a copy published from it is found by
// its originAppId — and only what is left is done.
class PublishAppStep : public CloudStep
{
    Q_OBJECT

public:
    PublishAppStep(const StepContext &context, QObject *parent);
    ~PublishAppStep() override;
    Q_DISABLE_COPY_MOVE(PublishAppStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepChange recoveredChange(StepAction intended, const StepProbe &found) const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;
    void abort() override;

private:
    // What a probe gathers, call by call.
    struct Reading
    {
        ExportedAppCache::SourceApp source;
        QString botId;
        std::optional<Cloud::Space> managed;
        std::optional<Cloud::Space> staging;
        QList<Cloud::App> managedApps;
        QList<Cloud::App> stagingApps;
    };

    [[nodiscard]] ExportedAppCache::Source source() const;
    [[nodiscard]] QString appFile() const; // empty: the app comes from a source tenant
    [[nodiscard]] QString managedName() const;
    [[nodiscard]] QString stagingName() const;
    [[nodiscard]] QString publishedName(const ExportedAppCache::SourceApp &app) const;
    [[nodiscard]] QString cleanupMode() const;

    // probe
    void probeFile();
    void probeTarget();
    void findSpace(bool managed);
    void listApps(bool managed);
    void classify();
    [[nodiscard]] bool blockedOnError(const Cloud::ApiError &error);

    // apply: the work list in m_work, one call at a time
    void nextWork();
    void createSpace(bool managed);
    void stageApp();
    void uploadFile(const QByteArray &qvf);
    void importApp(const QByteArray &qvf, const QString &fileId);
    void publishApp(int attempt);
    void reloadApp();
    void deleteStaged();
    void deleteNextStaged();
    void finishWork();
    [[nodiscard]] bool partialFailure(const Cloud::ApiError &error, const QString &what);

    // verify
    void readPublished();
    void readReload();
    void retryVerify(const QString &why, void (PublishAppStep::*again)());

    Reading m_reading;
    bool m_waitingForSource = false;

    QJsonObject m_data; // the probe's applyData, updated as the work proceeds
    QStringList m_work;
    StepChange m_change;
    QStringList m_cleanup;
    bool m_createdManaged = false;

    QString m_verifyAppId;
    QString m_verifyStaged;
    QString m_verifySpace;
    QString m_verifyReload;
    QElapsedTimer m_verifyClock;
    QTimer m_retryTimer;
};

} // namespace Ops
