#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QWizardPage>

class OnboardingWizard;
class QLabel;
class QTableWidget;
namespace Ops {
class Job;
}

// The onboarding wizard's last page: the plan's dry run (probes only, a JobBoard job, so the activity
// panel lists it too) per step — create, update, no change, or blocked and why — with the API calls
// each would make. Finish (Apply) applies exactly the plan the dry run probed as a journalled job of
// the JobBoard; Save as Plan… writes it for `tenantryctl apply`.
class OnboardingReviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingReviewPage)

public:
    enum class Column { Step, Result, Detail, Calls };

    explicit OnboardingReviewPage(QWidget *parent = nullptr);
    ~OnboardingReviewPage() override;

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QLabel *countsLabel() const { return m_counts; }
    [[nodiscard]] QLabel *problemLabel() const { return m_problem; }
    // The dry run's job id (empty until it started) and whether it has finished.
    [[nodiscard]] QString dryRunJobId() const;
    [[nodiscard]] bool isDryRunFinished() const;
    // The plan the dry run runs, as Save as Plan… writes it.
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
    [[nodiscard]] OnboardingWizard *onboardingWizard() const;
    void startDryRun();
    void showSteps();
    void stopDryRun();

    QTableWidget *m_table = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_problem = nullptr;
    QJsonObject m_plan;
    QPointer<Ops::Job> m_job;
};
