#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QWizardPage>

class PublishWizard;
class QLabel;
class QTableWidget;
namespace Ops {
class Job;
}

// The publish wizard's last page: the rollout's dry run (a JobBoard job, so the activity panel
// lists it too), per tenant and app: publish, republish over <id>, up to date, or blocked and why,
// with counts. Finish (Apply) applies exactly the plan the dry run probed as a journalled job of
// the JobBoard; Save as Plan… writes it for `tenantryctl apply`.
class PublishDryRunPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishDryRunPage)

public:
    enum class Column { Tenant, App, Result, Detail };

    explicit PublishDryRunPage(QWidget *parent = nullptr);
    ~PublishDryRunPage() override;

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QLabel *countsLabel() const { return m_counts; }
    // The dry run's job id (empty until it started) and whether it has finished.
    [[nodiscard]] QString dryRunJobId() const;
    [[nodiscard]] bool isDryRunFinished() const;
    // The plan the dry run runs, as written by Save as Plan….
    [[nodiscard]] QJsonObject planJson() const { return m_plan; }

    // Writes the plan to `path`; an empty string on success, otherwise what went wrong.
    [[nodiscard]] QString savePlan(const QString &path) const;
    // Asks for a file (window-modal, no nested event loop) and saves the plan there.
    void chooseAndSavePlan();

    void initializePage() override;
    void cleanupPage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

private:
    [[nodiscard]] PublishWizard *publishWizard() const;
    void startDryRun();
    void showTarget(int target);
    void showCounts();
    void stopDryRun();

    QTableWidget *m_table = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_problem = nullptr;
    QJsonObject m_plan;
    QStringList m_apps; // the apps' labels, in step order
    QPointer<Ops::Job> m_job;
};
