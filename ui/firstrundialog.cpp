#include "ui/firstrundialog.h"

#include "cloud/connecttomap.h"
#include "ui/credentialsdialog.h"
#include "ui/iconcatalog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Tenantry"));
    setObjectName(u"firstRunDialog"_s);

    auto *title = new QLabel(tr("<h3>No Qlik Cloud credentials yet</h3>"), this);
    auto *text = new QLabel(
        tr("Tenantry signs in to Qlik Cloud with OAuth machine-to-machine clients: an <b>organization</b> client "
           "lists your tenants across regions, a <b>region</b> client creates and manages the tenants of a "
           "region, a <b>tenant</b> client reaches one tenant. Their secrets are kept only in the OS keychain."
           "<p>Or try everything first against a local sandbox of Qlik Cloud with a demo estate: nothing "
           "leaves this computer.</p>"),
        this);
    text->setWordWrap(true);

    m_addButton = new QPushButton(IconCatalog::icon(Icon::Credentials), tr("&Add Credentials…"), this);
    m_addButton->setObjectName(u"addCredentialsButton"_s);
    m_addButton->setDefault(true);
    connect(m_addButton, &QPushButton::clicked, this, &FirstRunDialog::addCredentials);
    m_sandboxButton = new QPushButton(tr("Try the &Sandbox"), this);
    m_sandboxButton->setObjectName(u"sandboxButton"_s);
    connect(m_sandboxButton, &QPushButton::clicked, this, [this] {
        done(QDialog::Accepted);
        Q_EMIT sandboxRequested();
    });

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_addButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_sandboxButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("&Later"), QDialogButtonBox::RejectRole)->setObjectName(u"laterButton"_s);
    // The buttons above say what they do; the box only lays them out.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        done(QDialog::Rejected);
        Q_EMIT cloudRequested();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, 280);
}

FirstRunDialog::~FirstRunDialog() = default;

CredentialsDialog *FirstRunDialog::credentialsDialog() const
{
    return m_credentials;
}

void FirstRunDialog::addCredentials()
{
    // The credentials dialog belongs to the main window, not to this one, which goes away now.
    m_credentials = new CredentialsDialog(Cloud::ConnectToMap(), parentWidget());
    m_credentials->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_credentials, &QDialog::finished, this, [this] {
        done(QDialog::Accepted);
        Q_EMIT cloudRequested();
    });
    hide();
    m_credentials->open();
}
