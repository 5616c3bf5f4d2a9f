#pragma once

#include "ops/onboardingtemplate.h"

#include <QWizardPage>

class FieldProblemLabel;
class OnboardingWizard;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The onboarding wizard's template page: load a template file (it fills every later page), or fill
// in the source tenant (whose license key the new tenant gets, whose apps it may publish), the
// recovery admin copied from it, and the seat settings. "Save as Template…" keeps all the answers
// except the customer for the next one.
class OnboardingTemplatePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingTemplatePage)

public:
    explicit OnboardingTemplatePage(QWidget *parent = nullptr);
    ~OnboardingTemplatePage() override;

    [[nodiscard]] QLineEdit *templateNameEdit() const { return m_name; }
    [[nodiscard]] QComboBox *sourceCombo() const { return m_source; }
    [[nodiscard]] QLineEdit *adminEmailEdit() const { return m_adminEmail; }
    [[nodiscard]] QComboBox *adminSeatCombo() const { return m_adminSeat; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

    // Reads `path` and fills the wizard from it; an empty string on success, otherwise every
    // problem of the file, each naming its field (also shown on the page).
    QString loadTemplate(const QString &path);
    // Asks for a file (window-modal, no nested event loop) and loads it.
    void chooseAndLoadTemplate();

    void describe(Ops::OnboardingTemplate *onboardingTemplate) const;
    void showTemplate(const Ops::OnboardingTemplate &onboardingTemplate);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    [[nodiscard]] OnboardingWizard *onboardingWizard() const;
    void fillSources();
    void setSource(const QString &hostname);
    void check();

    QLineEdit *m_name = nullptr;
    QPushButton *m_load = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_adminEmail = nullptr;
    FieldProblemLabel *m_adminProblem = nullptr;
    QCheckBox *m_autoProfessional = nullptr;
    QCheckBox *m_autoAnalyzer = nullptr;
    QComboBox *m_adminSeat = nullptr;
    QSpinBox *m_keepProfessional = nullptr;
    QSpinBox *m_keepAnalyzer = nullptr;
    QLabel *m_status = nullptr;
    QString m_wantedSource; // a loaded template's source before the estate lists it
};
