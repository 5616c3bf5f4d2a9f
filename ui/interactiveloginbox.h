#pragma once

#include "ops/onboardingtemplate.h"

#include <QGroupBox>
#include <QPointer>

#include <optional>

class FieldProblemLabel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Secrets {
class SecretStore;
}

// The identity page's optional interactive sign-in (FACTS §4.2): the customer's OIDC provider, its
// discovery URL, the application's client id and realm, checked as typed, and its client secret,
// which goes straight into the keychain (oidc-client-secret/<customer id>) when "Store in Keychain"
// is pressed — never into the template, the plan or the wizard's fields afterwards. The box is
// complete once the keychain holds a secret for the customer.
class InteractiveLoginBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractiveLoginBox)

public:
    explicit InteractiveLoginBox(QWidget *parent = nullptr);
    ~InteractiveLoginBox() override;

    // Where the secret is kept: `keys` under `entry` (the customer's id). Looks, asynchronously,
    // whether one is there already.
    void setSecretEntry(Secrets::SecretStore *keys, const QString &entry);

    // What the template holds; nothing while the box is unchecked.
    [[nodiscard]] std::optional<Ops::OnboardingTemplate::InteractiveLogin> login() const;
    void showLogin(const std::optional<Ops::OnboardingTemplate::InteractiveLogin> &login);
    [[nodiscard]] bool isComplete() const;

    [[nodiscard]] QComboBox *providerCombo() const { return m_provider; }
    [[nodiscard]] QLineEdit *discoveryUrlEdit() const { return m_discoveryUrl; }
    [[nodiscard]] FieldProblemLabel *discoveryUrlProblem() const { return m_discoveryUrlProblem; }
    [[nodiscard]] QLineEdit *clientIdEdit() const { return m_clientId; }
    [[nodiscard]] QLineEdit *realmEdit() const { return m_realm; }
    [[nodiscard]] FieldProblemLabel *realmProblem() const { return m_realmProblem; }
    [[nodiscard]] QCheckBox *emailVerifiedCheck() const { return m_emailVerified; }
    [[nodiscard]] QLineEdit *secretEdit() const { return m_secret; }
    [[nodiscard]] QPushButton *storeSecretButton() const { return m_storeSecret; }
    [[nodiscard]] QLabel *secretStateLabel() const { return m_secretState; }

Q_SIGNALS:
    void completeChanged();

private:
    enum class SecretState { Unknown, Checking, Missing, Stored, Storing, Failed };

    void check();
    void storeSecret();
    void setSecretState(SecretState state, const QString &error = {});

    QComboBox *m_provider = nullptr;
    QLineEdit *m_discoveryUrl = nullptr;
    FieldProblemLabel *m_discoveryUrlProblem = nullptr;
    QLineEdit *m_clientId = nullptr;
    FieldProblemLabel *m_clientIdProblem = nullptr;
    QLineEdit *m_realm = nullptr;
    FieldProblemLabel *m_realmProblem = nullptr;
    QCheckBox *m_emailVerified = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_storeSecret = nullptr;
    QLabel *m_secretState = nullptr;

    QPointer<Secrets::SecretStore> m_keys;
    QString m_entry;
    SecretState m_state = SecretState::Unknown;
    // Answers for an earlier entry (the customer was renamed meanwhile) are dropped.
    quint64 m_generation = 0;
};
