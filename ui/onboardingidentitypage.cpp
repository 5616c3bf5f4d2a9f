#include "ui/onboardingidentitypage.h"

#include "jobboard.h"
#include "ui/fieldproblemlabel.h"
#include "ui/interactiveloginbox.h"
#include "ui/onboardingcustomerpage.h"
#include "ui/onboardingwizard.h"

#include <QButtonGroup>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

using Identity = Ops::OnboardingTemplate::Identity;

OnboardingIdentityPage::OnboardingIdentityPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"onboardingIdentityPage"_s);
    setTitle(tr("Identity provider"));
    setSubTitle(tr("How the customer's portal signs its users in to the tenant (JWT, for embedded analytics), "
                   "and, if wanted, how the customer's own people sign in (OIDC)."));
    m_none = new QRadioButton(tr("&No identity provider for now"), this);
    m_none->setObjectName(u"identityNoneButton"_s);
    m_generate = new QRadioButton(tr("JWT, &generate a key pair (the private key stays in the keychain)"), this);
    m_generate->setObjectName(u"identityGenerateButton"_s);
    m_import = new QRadioButton(tr("JWT, &import the customer's public key or certificate (PEM)"), this);
    m_import->setObjectName(u"identityImportButton"_s);
    m_choice = new QButtonGroup(this);
    m_choice->addButton(m_none, int(Identity::None));
    m_choice->addButton(m_generate, int(Identity::JwtGenerate));
    m_choice->addButton(m_import, int(Identity::JwtImport));
    m_none->setChecked(true);
    m_issuer = new QLineEdit(this);
    m_issuer->setObjectName(u"issuerEdit"_s);
    m_issuer->setPlaceholderText(u"https://login.example.com/${target.id}"_s);
    m_issuerProblem = new FieldProblemLabel(u"issuerProblem"_s, this);
    m_pem = new QPlainTextEdit(this);
    m_pem->setObjectName(u"pemEdit"_s);
    m_pem->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pem->setPlaceholderText(u"-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----"_s);
    m_pemProblem = new FieldProblemLabel(u"pemProblem"_s, this);
    auto *hint = new QLabel(tr("${target.id} in the issuer is the customer's id (e.g. demo-customer); the key id "
                               "is <id>-1 and a generated key is kept under <id>."),
                            this);
    hint->setWordWrap(true);
    m_login = new InteractiveLoginBox(this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Issuer:"), m_issuer);
    form->addRow(QString(), m_issuerProblem);
    form->addRow(tr("&Public key:"), m_pem);
    form->addRow(QString(), m_pemProblem);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_none);
    layout->addWidget(m_generate);
    layout->addWidget(m_import);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_login);
    layout->addStretch(1);

    connect(m_choice, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            check();
    });
    connect(m_issuer, &QLineEdit::textChanged, this, &OnboardingIdentityPage::check);
    connect(m_pem, &QPlainTextEdit::textChanged, this, &OnboardingIdentityPage::check);
    connect(m_login, &InteractiveLoginBox::completeChanged, this, &OnboardingIdentityPage::completeChanged);
    check();
}

void OnboardingIdentityPage::initializePage()
{
    // The secret is kept under the customer's id, the plan's keychain entry for it.
    auto *onboarding = qobject_cast<OnboardingWizard *>(wizard());
    if (!onboarding)
        return;
    Ops::OnboardingPlanBuilder builder;
    builder.customer = onboarding->customerPage()->customer();
    m_login->setSecretEntry(onboarding->jobBoard() ? onboarding->jobBoard()->keys() : nullptr, builder.targetId());
}

OnboardingIdentityPage::~OnboardingIdentityPage() = default;

Identity OnboardingIdentityPage::identity() const
{
    return Identity(m_choice->checkedId());
}

void OnboardingIdentityPage::check()
{
    const Identity chosen = identity();
    m_issuer->setEnabled(chosen != Identity::None);
    m_pem->setEnabled(chosen == Identity::JwtImport);
    m_issuerProblem->setProblem(chosen != Identity::None && m_issuer->text().trimmed().isEmpty()
                                    ? tr("A JWT identity provider needs the issuer its tokens carry.")
                                    : QString());
    QString pemProblem;
    if (chosen == Identity::JwtImport) {
        pemProblem = Ops::OnboardingTemplate::publicKeyProblem(m_pem->toPlainText());
    }
    m_pemProblem->setProblem(pemProblem);
    Q_EMIT completeChanged();
}

bool OnboardingIdentityPage::isComplete() const
{
    if (!m_login->isComplete())
        return false;
    switch (identity()) {
    case Identity::None:
        return true;
    case Identity::JwtGenerate:
        return !m_issuer->text().trimmed().isEmpty();
    case Identity::JwtImport:
        return !m_issuer->text().trimmed().isEmpty()
            && Ops::OnboardingTemplate::publicKeyProblem(m_pem->toPlainText()).isEmpty();
    }
    return false;
}

void OnboardingIdentityPage::describe(Ops::OnboardingTemplate *onboardingTemplate) const
{
    onboardingTemplate->identity = identity();
    onboardingTemplate->issuer = identity() == Identity::None ? QString() : m_issuer->text().trimmed();
    onboardingTemplate->publicKeyPem = identity() == Identity::JwtImport ? m_pem->toPlainText().trimmed() : QString();
    onboardingTemplate->interactiveLogin = m_login->login();
}

void OnboardingIdentityPage::showTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_issuer->setText(onboardingTemplate.issuer);
    m_pem->setPlainText(onboardingTemplate.publicKeyPem);
    if (QAbstractButton *button = m_choice->button(int(onboardingTemplate.identity)))
        button->setChecked(true);
    m_login->showLogin(onboardingTemplate.interactiveLogin);
    check();
}
