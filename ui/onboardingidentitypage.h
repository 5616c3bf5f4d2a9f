#pragma once

#include "ops/onboardingtemplate.h"

#include <QWizardPage>

class FieldProblemLabel;
class InteractiveLoginBox;
class QButtonGroup;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

// The onboarding wizard's identity page: no identity provider, a JWT identity provider whose RSA key
// pair Tenantry generates (the private key stays in the keychain, FACTS §4.1), or one for the
// customer's own public key or certificate, parsed as it is pasted. The issuer may hold references
// such as ${target.id} (the customer's id). Besides, optionally, an interactive OIDC sign-in for the
// customer's own people (InteractiveLoginBox), whose client secret goes to the keychain.
class OnboardingIdentityPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingIdentityPage)

public:
    explicit OnboardingIdentityPage(QWidget *parent = nullptr);
    ~OnboardingIdentityPage() override;

    [[nodiscard]] QRadioButton *noneButton() const { return m_none; }
    [[nodiscard]] QRadioButton *generateButton() const { return m_generate; }
    [[nodiscard]] QRadioButton *importButton() const { return m_import; }
    [[nodiscard]] QLineEdit *issuerEdit() const { return m_issuer; }
    [[nodiscard]] QPlainTextEdit *pemEdit() const { return m_pem; }
    [[nodiscard]] FieldProblemLabel *pemProblem() const { return m_pemProblem; }
    [[nodiscard]] InteractiveLoginBox *interactiveLoginBox() const { return m_login; }

    [[nodiscard]] Ops::OnboardingTemplate::Identity identity() const;
    void describe(Ops::OnboardingTemplate *onboardingTemplate) const;
    void showTemplate(const Ops::OnboardingTemplate &onboardingTemplate);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    void check();

    QRadioButton *m_none = nullptr;
    QRadioButton *m_generate = nullptr;
    QRadioButton *m_import = nullptr;
    QButtonGroup *m_choice = nullptr;
    QLineEdit *m_issuer = nullptr;
    FieldProblemLabel *m_issuerProblem = nullptr;
    QPlainTextEdit *m_pem = nullptr;
    FieldProblemLabel *m_pemProblem = nullptr;
    InteractiveLoginBox *m_login = nullptr;
};
