#pragma once

#include "ops/onboardingplanbuilder.h"

#include <QWizardPage>

class FieldProblemLabel;
class OnboardingWizard;
class QComboBox;
class QLineEdit;

// The onboarding wizard's first page: who the customer is (the name, ${vars.customer}), the region
// their tenant lives in and its alias hostname, checked as typed (FACTS §3.1). The alias follows the
// name until it is edited by hand.
class OnboardingCustomerPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingCustomerPage)

public:
    explicit OnboardingCustomerPage(const QString &regionId, QWidget *parent = nullptr);
    ~OnboardingCustomerPage() override;

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QLineEdit *aliasEdit() const { return m_alias; }
    [[nodiscard]] QComboBox *regionCombo() const { return m_region; }
    [[nodiscard]] FieldProblemLabel *aliasProblem() const { return m_aliasProblem; }

    [[nodiscard]] Ops::OnboardingPlanBuilder::Customer customer() const;
    [[nodiscard]] QString regionId() const;
    void setRegionId(const QString &regionId);

    [[nodiscard]] bool isComplete() const override;

private:
    void suggestAlias();
    void check();

    QLineEdit *m_name = nullptr;
    QComboBox *m_region = nullptr;
    QLineEdit *m_alias = nullptr;
    FieldProblemLabel *m_nameProblem = nullptr;
    FieldProblemLabel *m_aliasProblem = nullptr;
    bool m_aliasEdited = false;
};
