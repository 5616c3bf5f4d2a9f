#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
namespace Ops {
class RolloutPlanBuilder;
}

// The publish wizard's third page: the managed space to publish to (by name, created when missing
// if allowed), the shared staging space apps are imported into, and how the rollout runs: the
// publish's data, republish over existing copies or publish new ones only, reload after,
// matching by name, staging clean-up, tenants in parallel.
class PublishOptionsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishOptionsPage)

public:
    explicit PublishOptionsPage(QWidget *parent = nullptr);
    ~PublishOptionsPage() override;

    [[nodiscard]] QLineEdit *managedSpaceEdit() const { return m_managed; }
    [[nodiscard]] QCheckBox *createSpacesBox() const { return m_create; }
    [[nodiscard]] QLineEdit *stagingSpaceEdit() const { return m_staging; }
    [[nodiscard]] QComboBox *dataCombo() const { return m_data; }
    [[nodiscard]] QComboBox *existingCombo() const { return m_existing; }
    [[nodiscard]] QCheckBox *reloadBox() const { return m_reload; }
    [[nodiscard]] QCheckBox *matchByNameBox() const { return m_matchByName; }
    [[nodiscard]] QComboBox *cleanupCombo() const { return m_cleanup; }
    [[nodiscard]] QSpinBox *concurrencySpin() const { return m_concurrency; }
    // A staged rollout: none, the first N targets, or the targets with a tag, as the first wave.
    enum class Wave { None, FirstTenants, Tagged };
    [[nodiscard]] QComboBox *waveCombo() const { return m_wave; }
    [[nodiscard]] QSpinBox *waveSizeSpin() const { return m_waveSize; }
    [[nodiscard]] QComboBox *waveTagCombo() const { return m_waveTag; }
    [[nodiscard]] QSpinBox *maxWaveFailuresSpin() const { return m_maxWaveFailures; }
    // After the first wave: the others in waves of this many (0: all of them at once).
    [[nodiscard]] QSpinBox *laterWavesSpin() const { return m_laterWaves; }
    [[nodiscard]] Wave wave() const;
    // The tag whose tenants form the first wave (Wave::Tagged).
    [[nodiscard]] QString waveTag() const;

    // Writes the page's answers into `rollout`.
    void describe(Ops::RolloutPlanBuilder *rollout) const;

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    // What is wrong with a space name; empty when it is usable.
    [[nodiscard]] QString problemOf(const QString &what, const QString &name) const;
    void updateProblem();

    QLineEdit *m_managed = nullptr;
    QCheckBox *m_create = nullptr;
    QLineEdit *m_staging = nullptr;
    QComboBox *m_data = nullptr;
    QComboBox *m_existing = nullptr;
    QCheckBox *m_reload = nullptr;
    QCheckBox *m_matchByName = nullptr;
    QComboBox *m_cleanup = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QComboBox *m_wave = nullptr;
    QSpinBox *m_waveSize = nullptr;
    QComboBox *m_waveTag = nullptr;
    QSpinBox *m_laterWaves = nullptr;
    QSpinBox *m_maxWaveFailures = nullptr;
    QLabel *m_problem = nullptr;
};
