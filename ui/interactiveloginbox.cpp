#include "ui/interactiveloginbox.h"

#include "secrets/secretstore.h"
#include "ui/fieldproblemlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;
using Ops::OnboardingTemplate;

InteractiveLoginBox::InteractiveLoginBox(QWidget *parent)
    : QGroupBox(tr("Also let the customer's people sign in interactively (&OIDC)"), parent)
{
    setObjectName(u"interactiveLoginBox"_s);
    setCheckable(true);
    setChecked(false);
    m_provider = new QComboBox(this);
    m_provider->setObjectName(u"oidcProviderCombo"_s);
    m_provider->addItems(OnboardingTemplate::oidcProviders());
    m_discoveryUrl = new QLineEdit(this);
    m_discoveryUrl->setObjectName(u"oidcDiscoveryUrlEdit"_s);
    m_discoveryUrl->setPlaceholderText(
        u"https://login.microsoftonline.com/<directory>/v2.0/.well-known/openid-configuration"_s);
    m_discoveryUrlProblem = new FieldProblemLabel(u"oidcDiscoveryUrlProblem"_s, this);
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(u"oidcClientIdEdit"_s);
    m_clientIdProblem = new FieldProblemLabel(u"oidcClientIdProblem"_s, this);
    m_realm = new QLineEdit(this);
    m_realm->setObjectName(u"oidcRealmEdit"_s);
    m_realm->setPlaceholderText(tr("optional"));
    m_realmProblem = new FieldProblemLabel(u"oidcRealmProblem"_s, this);
    m_emailVerified = new QCheckBox(tr("&Trust the provider's email addresses as verified"), this);
    m_emailVerified->setObjectName(u"oidcEmailVerifiedCheck"_s);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(u"oidcSecretEdit"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("the application's client secret"));
    m_storeSecret = new QPushButton(tr("&Store in Keychain"), this);
    m_storeSecret->setObjectName(u"oidcStoreSecretButton"_s);
    m_storeSecret->setAutoDefault(false);
    m_secretState = new QLabel(this);
    m_secretState->setObjectName(u"oidcSecretStateLabel"_s);
    m_secretState->setWordWrap(true);

    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_storeSecret);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Pro&vider:"), m_provider);
    form->addRow(tr("&Discovery URL:"), m_discoveryUrl);
    form->addRow(QString(), m_discoveryUrlProblem);
    form->addRow(tr("&Client ID:"), m_clientId);
    form->addRow(QString(), m_clientIdProblem);
    form->addRow(tr("&Realm:"), m_realm);
    form->addRow(QString(), m_realmProblem);
    form->addRow(QString(), m_emailVerified);
    auto *secretLabel = new QLabel(tr("Client s&ecret:"), this); // a row of two: the form sets no buddy
    secretLabel->setBuddy(m_secret);
    form->addRow(secretLabel, secretRow);
    form->addRow(QString(), m_secretState);

    connect(this, &QGroupBox::toggled, this, &InteractiveLoginBox::check);
    connect(m_provider, &QComboBox::currentTextChanged, this, &InteractiveLoginBox::check);
    for (QLineEdit *edit : {m_discoveryUrl, m_clientId, m_realm, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &InteractiveLoginBox::check);
    connect(m_storeSecret, &QPushButton::clicked, this, &InteractiveLoginBox::storeSecret);
    connect(m_secret, &QLineEdit::returnPressed, this, &InteractiveLoginBox::storeSecret);
    setSecretState(SecretState::Unknown);
}

InteractiveLoginBox::~InteractiveLoginBox() = default;

void InteractiveLoginBox::setSecretEntry(Secrets::SecretStore *keys, const QString &entry)
{
    if (keys == m_keys && entry == m_entry && m_state != SecretState::Unknown && m_state != SecretState::Failed)
        return;
    m_keys = keys;
    m_entry = entry;
    const quint64 generation = ++m_generation;
    if (!m_keys || m_entry.isEmpty()) {
        setSecretState(SecretState::Unknown);
        return;
    }
    setSecretState(SecretState::Checking);
    m_keys->read(Secrets::SecretStore::oidcClientSecretKey(m_entry), this,
                 [this, generation](const Secrets::SecretResult &result) {
                     if (generation != m_generation || m_state != SecretState::Checking)
                         return;
                     if (result.ok())
                         setSecretState(SecretState::Stored);
                     else if (result.status == Secrets::SecretStatus::NotFound)
                         setSecretState(SecretState::Missing);
                     else
                         setSecretState(SecretState::Failed, result.error);
                 });
}

void InteractiveLoginBox::storeSecret()
{
    const QString secret = m_secret->text();
    if (!m_keys || m_entry.isEmpty() || secret.isEmpty() || m_state == SecretState::Storing)
        return;
    const quint64 generation = ++m_generation;
    setSecretState(SecretState::Storing);
    m_keys->write(Secrets::SecretStore::oidcClientSecretKey(m_entry), secret, this,
                  [this, generation](const Secrets::SecretResult &result) {
                      if (generation != m_generation)
                          return;
                      if (!result.ok()) {
                          setSecretState(SecretState::Failed, result.error);
                          return;
                      }
                      m_secret->clear(); // kept only in the keychain from now on
                      setSecretState(SecretState::Stored);
                  });
}

void InteractiveLoginBox::setSecretState(SecretState state, const QString &error)
{
    m_state = state;
    const QString location
        = m_keys ? m_keys->describeLocation(Secrets::SecretStore::oidcClientSecretKey(m_entry)) : QString();
    switch (state) {
    case SecretState::Unknown:
        m_secretState->setText(tr("Name the customer first: the secret is kept under the customer's id."));
        break;
    case SecretState::Checking:
        m_secretState->setText(tr("Looking in the keychain…"));
        break;
    case SecretState::Missing:
        m_secretState->setText(tr("Not in the keychain yet: type it and store it (%1).").arg(location));
        break;
    case SecretState::Stored:
        m_secretState->setText(tr("Stored in %1. Type a new one and store it to replace it.").arg(location));
        break;
    case SecretState::Storing:
        m_secretState->setText(tr("Storing in the keychain…"));
        break;
    case SecretState::Failed:
        m_secretState->setText(tr("The keychain failed: %1").arg(error));
        break;
    }
    check();
}

void InteractiveLoginBox::check()
{
    const bool on = isChecked();
    const QString provider = m_provider->currentText();
    const bool emailFlag = provider == "azureAD"_L1 || provider == "adfs"_L1;
    m_emailVerified->setEnabled(on && emailFlag);
    if (!emailFlag)
        m_emailVerified->setChecked(false);
    m_discoveryUrlProblem->setProblem(on ? OnboardingTemplate::discoveryUrlProblem(m_discoveryUrl->text().trimmed())
                                         : QString());
    m_clientIdProblem->setProblem(on && m_clientId->text().trimmed().isEmpty()
                                      ? tr("The client id of the tenant's application at the provider.")
                                      : QString());
    m_realmProblem->setProblem(on ? OnboardingTemplate::realmProblem(m_realm->text().trimmed()) : QString());
    m_storeSecret->setEnabled(on && m_keys && !m_entry.isEmpty() && !m_secret->text().isEmpty()
                              && m_state != SecretState::Storing);
    Q_EMIT completeChanged();
}

bool InteractiveLoginBox::isComplete() const
{
    if (!isChecked())
        return true;
    return OnboardingTemplate::discoveryUrlProblem(m_discoveryUrl->text().trimmed()).isEmpty()
        && !m_clientId->text().trimmed().isEmpty()
        && OnboardingTemplate::realmProblem(m_realm->text().trimmed()).isEmpty() && m_state == SecretState::Stored;
}

std::optional<OnboardingTemplate::InteractiveLogin> InteractiveLoginBox::login() const
{
    if (!isChecked())
        return std::nullopt;
    return OnboardingTemplate::InteractiveLogin{m_provider->currentText(), m_discoveryUrl->text().trimmed(),
                                                m_clientId->text().trimmed(), m_realm->text().trimmed(),
                                                m_emailVerified->isChecked()};
}

void InteractiveLoginBox::showLogin(const std::optional<OnboardingTemplate::InteractiveLogin> &login)
{
    setChecked(login.has_value());
    const OnboardingTemplate::InteractiveLogin shown = login.value_or(OnboardingTemplate::InteractiveLogin{});
    m_provider->setCurrentText(shown.provider);
    m_discoveryUrl->setText(shown.discoveryUrl);
    m_clientId->setText(shown.clientId);
    m_realm->setText(shown.realm);
    m_emailVerified->setChecked(shown.emailVerifiedAlwaysTrue);
    check();
}
