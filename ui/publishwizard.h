#pragma once

#include "estatesession.h"
#include "jobboard.h"
#include "ops/rolloutplanbuilder.h"

#include <QPointer>
#include <QStringList>
#include <QWizard>

class PublishDryRunPage;
class PublishOptionsPage;
class PublishSourcePage;
class PublishTargetsPage;

// Publish Apps… (issue 7): source apps of a tenant's shared spaces → target tenants → managed and
// staging spaces and options → the rollout's dry run per tenant and app → Apply, which hands the
// job to the JobBoard (the activity panel shows it, with Cancel and Retry Failed) and closes. The
// answers are collected in an Ops::RolloutPlanBuilder, the same plan `tenantryctl republish`
// builds; "Save as Plan…" writes it for `tenantryctl apply`. Open it with open(), never exec():
// jobs and loads run on the event loop.
class PublishWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishWizard)

public:
    enum PageId { SourcePageId, TargetsPageId, OptionsPageId, DryRunPageId };

    // `session` and `board` are not owned and must outlive the wizard. `selectedTenants` (hostnames
    // or ids, the estate tree's selection) start checked on the targets page.
    PublishWizard(EstateSession *session, JobBoard *board, const QStringList &selectedTenants,
                  QWidget *parent = nullptr);
    ~PublishWizard() override;

    [[nodiscard]] EstateSession *session() const { return m_session; }
    [[nodiscard]] JobBoard *jobBoard() const { return m_board; }
    [[nodiscard]] QStringList selectedTenants() const { return m_selectedTenants; }

    [[nodiscard]] PublishSourcePage *sourcePage() const { return m_source; }
    [[nodiscard]] PublishTargetsPage *targetsPage() const { return m_targets; }
    [[nodiscard]] PublishOptionsPage *optionsPage() const { return m_options; }
    [[nodiscard]] PublishDryRunPage *dryRunPage() const { return m_dryRun; }

    // The rollout the pages describe so far.
    [[nodiscard]] Ops::RolloutPlanBuilder rollout() const;
    // The apply job Finish started; empty before.
    [[nodiscard]] QString appliedJobId() const { return m_appliedJobId; }

Q_SIGNALS:
    // Apply started the rollout as job `jobId` of the JobBoard (the wizard closes next).
    void rolloutStarted(const QString &jobId);

private:
    friend class PublishDryRunPage;
    void noteApplied(const QString &jobId);

    QPointer<EstateSession> m_session;
    QPointer<JobBoard> m_board;
    QStringList m_selectedTenants;
    PublishSourcePage *m_source = nullptr;
    PublishTargetsPage *m_targets = nullptr;
    PublishOptionsPage *m_options = nullptr;
    PublishDryRunPage *m_dryRun = nullptr;
    QString m_appliedJobId;
};
