#pragma once

#include "ops/onboardingtemplate.h"

#include <QWizardPage>

class FieldProblemLabel;
class QLineEdit;
class QPlainTextEdit;

// The onboarding wizard's web origins page: the customer's web app origins, one per line — each gets
// a CSP frame-ancestors entry, and together a web integration (FACTS §8). Each line is checked as
// typed: an origin only (no path), https (http only for localhost), listed once.
class OnboardingOriginsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingOriginsPage)

public:
    explicit OnboardingOriginsPage(QWidget *parent = nullptr);
    ~OnboardingOriginsPage() override;

    [[nodiscard]] QPlainTextEdit *originsEdit() const { return m_origins; }
    [[nodiscard]] QLineEdit *integrationNameEdit() const { return m_name; }
    [[nodiscard]] FieldProblemLabel *originsProblem() const { return m_problem; }
    [[nodiscard]] QStringList origins() const;

    void describe(Ops::OnboardingTemplate *onboardingTemplate) const;
    void showTemplate(const Ops::OnboardingTemplate &onboardingTemplate);

    [[nodiscard]] bool isComplete() const override;

private:
    void check();

    QPlainTextEdit *m_origins = nullptr;
    QLineEdit *m_name = nullptr;
    FieldProblemLabel *m_problem = nullptr;
};
