#include "ui/credentialsdialog.h"

#include "cloud/profilestore.h"
#include "cloud/qlikclicontextsfile.h"
#include "cloud/qlikcliimport.h"
#include "cloud/region.h"
#include "preferences.h"
#include "secrets/secretstore.h"
#include "ui/iconcatalog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcCredentialsDialog, "tenantry.ui.credentials", QtInfoMsg)

namespace {

enum Column { NameColumn, TierColumn, TargetColumn, ClientIdColumn, LabelColumn, ColumnCount };

// A key no profile can have (a profile name holds no '.'): reading it only asks whether the keychain answers.
const QString availabilityProbeProfile = u".availability-probe"_s;

QString targetOf(const Cloud::CredentialProfile &profile)
{
    switch (profile.tier) {
    case Cloud::CredentialTier::Organization:
        return profile.subscriptionIds.isEmpty()
            ? CredentialsDialog::tr("console (no subscription)")
            : CredentialsDialog::tr("console, subscription %1").arg(profile.subscriptionIds.join(u", "_s));
    case Cloud::CredentialTier::Region:
        return CredentialsDialog::tr("region %1").arg(profile.region);
    case Cloud::CredentialTier::Tenant:
        return profile.tenantHost;
    }
    return {};
}

QString tierTitle(Cloud::CredentialTier tier)
{
    switch (tier) {
    case Cloud::CredentialTier::Organization:
        return CredentialsDialog::tr("Organization");
    case Cloud::CredentialTier::Region:
        return CredentialsDialog::tr("Region");
    case Cloud::CredentialTier::Tenant:
        return CredentialsDialog::tr("Tenant");
    }
    return {};
}

} // namespace

CredentialsDialog::CredentialsDialog(Cloud::ProfileStore *profiles, Secrets::SecretStore *secrets,
                                     const Cloud::ConnectToMap &connectTo, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_check(new Cloud::CredentialCheck(secrets, connectTo, this))
{
    setWindowTitle(tr("Credentials"));
    setObjectName(u"credentialsDialog"_s);
    resize(900, 560);

    m_banner = new QLabel(this);
    m_banner->setObjectName(u"keychainBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(u"QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c7; "
                            "padding: 6px; }"_s);
    m_banner->hide();
    m_sessionNote = new QLabel(this);
    m_sessionNote->setObjectName(u"sessionNote"_s);
    m_sessionNote->setWordWrap(true);
    m_sessionNote->setFrameShape(QFrame::StyledPanel);
    m_sessionNote->setMargin(6);
    m_sessionNote->hide();

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"profileList"_s);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Tier"), tr("For"), tr("Client id"), tr("Label")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (!current)
            return;
        if (const auto profile = m_profiles->profile(current->text(NameColumn)))
            showProfile(*profile);
    });

    m_addButton = new QPushButton(IconCatalog::icon(Icon::Add), tr("&Add"), this);
    m_addButton->setObjectName(u"addButton"_s);
    connect(m_addButton, &QPushButton::clicked, this, &CredentialsDialog::startNew);
    m_removeButton = new QPushButton(IconCatalog::icon(Icon::Remove), tr("&Remove…"), this);
    m_removeButton->setObjectName(u"removeButton"_s);
    connect(m_removeButton, &QPushButton::clicked, this, &CredentialsDialog::askRemove);
    m_importButton = new QPushButton(tr("&Import from qlik-cli…"), this);
    m_importButton->setObjectName(u"importButton"_s);
    connect(m_importButton, &QPushButton::clicked, this, &CredentialsDialog::chooseQlikCliFile);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch(1);
    listButtons->addWidget(m_importButton);
    auto *listPane = new QVBoxLayout;
    listPane->addWidget(m_list, 1);
    listPane->addLayout(listButtons);

    buildForm();
    auto *formBox = new QGroupBox(tr("Profile"), this);
    auto *formPane = new QVBoxLayout(formBox);
    formPane->addLayout(m_form);
    formPane->addWidget(m_message);
    formPane->addWidget(m_testResult);
    formPane->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listPane, 3);
    columns->addWidget(formBox, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_sessionNote);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(m_check, &Cloud::CredentialCheck::finished, this, &CredentialsDialog::showCheck);
    connect(m_secrets, &Secrets::SecretStore::availabilityChanged, this, &CredentialsDialog::setKeychainAvailable);

    reloadList();
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    else
        startNew();
    for (const QString &problem : m_profiles->problems())
        report(false, problem);
    probeKeychain();
}

CredentialsDialog::CredentialsDialog(const Cloud::ConnectToMap &connectTo, QWidget *parent)
    : CredentialsDialog(std::make_unique<Secrets::SecretStore>(), connectTo, parent)
{ }

CredentialsDialog::CredentialsDialog(std::unique_ptr<Secrets::SecretStore> secrets,
                                     const Cloud::ConnectToMap &connectTo, QWidget *parent)
    : CredentialsDialog(new Cloud::ProfileStore(secrets.get()), secrets.get(), connectTo, parent)
{
    m_ownSecrets = std::move(secrets);
    m_ownProfiles.reset(m_profiles);
}

CredentialsDialog::~CredentialsDialog()
{
    // The check and the import talk to the stores: they go first.
    m_import.reset();
    delete m_check;
    m_check = nullptr;
}

void CredentialsDialog::buildForm()
{
    m_form = new QFormLayout;
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_nameEdit->setPlaceholderText(tr("e.g. acme-eu (letters, digits, '-' or '_')"));
    m_tierCombo = new QComboBox(this);
    m_tierCombo->setObjectName(u"tierCombo"_s);
    for (const Cloud::CredentialTier tier :
         {Cloud::CredentialTier::Tenant, Cloud::CredentialTier::Region, Cloud::CredentialTier::Organization})
        m_tierCombo->addItem(tierTitle(tier), static_cast<int>(tier));
    connect(m_tierCombo, &QComboBox::currentIndexChanged, this, &CredentialsDialog::updateTierRows);
    m_clientIdEdit = new QLineEdit(this);
    m_clientIdEdit->setObjectName(u"clientIdEdit"_s);
    m_regionCombo = new QComboBox(this);
    m_regionCombo->setObjectName(u"regionCombo"_s);
    for (const Cloud::Region &region : Cloud::Region::all()) {
        const QString text = region.idVerified
            ? tr("%1 — %2 (%3)").arg(region.id, region.location, region.awsCode)
            : tr("%1 — %2 (%3, id not documented by Qlik)").arg(region.id, region.location, region.awsCode);
        m_regionCombo->addItem(text, region.id);
    }
    m_tenantHostEdit = new QLineEdit(this);
    m_tenantHostEdit->setObjectName(u"tenantHostEdit"_s);
    m_tenantHostEdit->setPlaceholderText(tr("acme.eu.qlikcloud.com"));
    m_subscriptionsEdit = new QLineEdit(this);
    m_subscriptionsEdit->setObjectName(u"subscriptionsEdit"_s);
    m_subscriptionsEdit->setPlaceholderText(tr("subscription (license) numbers, comma-separated"));
    m_subscriptionsEdit->setToolTip(tr("The organization API lists tenants per subscription; My Qlik shows the "
                                       "numbers."));
    m_labelEdit = new QLineEdit(this);
    m_labelEdit->setObjectName(u"labelEdit"_s);
    m_secretEdit = new QLineEdit(this);
    m_secretEdit->setObjectName(u"secretEdit"_s);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setAttribute(Qt::WA_InputMethodEnabled, false);

    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(u"saveButton"_s);
    m_saveButton->setDefault(true);
    connect(m_saveButton, &QPushButton::clicked, this, &CredentialsDialog::save);
    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testButton->setObjectName(u"testButton"_s);
    connect(m_testButton, &QPushButton::clicked, this, &CredentialsDialog::testConnection);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(m_testButton);
    formButtons->addStretch(1);
    formButtons->addWidget(m_saveButton);

    m_message = new QLabel(this);
    m_message->setObjectName(u"formMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_form->addRow(tr("&Name:"), m_nameEdit);
    m_form->addRow(tr("&Tier:"), m_tierCombo);
    m_form->addRow(tr("&Client id:"), m_clientIdEdit);
    m_form->addRow(tr("&Region:"), m_regionCombo);
    m_form->addRow(tr("Tenant &host:"), m_tenantHostEdit);
    m_form->addRow(tr("S&ubscriptions:"), m_subscriptionsEdit);
    m_form->addRow(tr("&Label:"), m_labelEdit);
    m_form->addRow(tr("Client s&ecret:"), m_secretEdit);
    m_form->addRow(formButtons);
}

QList<Cloud::CredentialProfile> CredentialsDialog::profiles() const
{
    return m_profiles->profiles();
}

void CredentialsDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QTreeWidgetItem *selected = nullptr;
    for (const Cloud::CredentialProfile &profile : m_profiles->profiles()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, profile.name);
        item->setText(TierColumn, tierTitle(profile.tier));
        item->setText(TargetColumn, targetOf(profile));
        item->setText(ClientIdColumn, profile.clientId);
        item->setText(LabelColumn, profile.label);
        if (profile.name == select)
            selected = item;
    }
    for (int column = 0; column < LabelColumn; ++column)
        m_list->resizeColumnToContents(column);
    if (selected)
        m_list->setCurrentItem(selected);
    m_removeButton->setEnabled(m_keychainAvailable && !m_busy && m_list->currentItem());
}

void CredentialsDialog::setSessionNote(const QString &text)
{
    m_sessionNote->setText(text);
    m_sessionNote->setVisible(!text.isEmpty());
}

bool CredentialsDialog::selectProfile(const QString &name)
{
    const QList<QTreeWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly, NameColumn);
    if (found.isEmpty())
        return false;
    m_list->setCurrentItem(found.constFirst());
    if (const auto profile = m_profiles->profile(name))
        showProfile(*profile);
    return true;
}

void CredentialsDialog::startNew()
{
    m_editing.reset();
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
        m_list->clearSelection();
    }
    m_nameEdit->clear();
    m_nameEdit->setReadOnly(false);
    m_tierCombo->setCurrentIndex(m_tierCombo->findData(static_cast<int>(Cloud::CredentialTier::Tenant)));
    m_clientIdEdit->clear();
    const QStringList preferred = Preferences::defaultRegions();
    m_regionCombo->setCurrentIndex(preferred.isEmpty() ? 0
                                                       : std::max(0, m_regionCombo->findData(preferred.constFirst())));
    m_tenantHostEdit->clear();
    m_subscriptionsEdit->clear();
    m_labelEdit->clear();
    m_secretEdit->clear();
    m_secretEdit->setPlaceholderText(tr("required; kept only in the OS keychain"));
    m_message->clear();
    m_testResult->clear();
    m_removeButton->setEnabled(false);
    updateTierRows();
    m_nameEdit->setFocus();
}

void CredentialsDialog::showProfile(const Cloud::CredentialProfile &profile)
{
    m_editing = profile.name;
    m_nameEdit->setText(profile.name);
    m_nameEdit->setReadOnly(true); // the name is the secret's key: remove and add again to rename
    m_tierCombo->setCurrentIndex(m_tierCombo->findData(static_cast<int>(profile.tier)));
    m_clientIdEdit->setText(profile.clientId);
    const int region = m_regionCombo->findData(profile.region);
    m_regionCombo->setCurrentIndex(region >= 0 ? region : 0);
    m_tenantHostEdit->setText(profile.tenantHost);
    m_subscriptionsEdit->setText(profile.subscriptionIds.join(u", "_s));
    m_labelEdit->setText(profile.label);
    // Never read back from the keychain: a stored secret is not shown, only replaced.
    m_secretEdit->clear();
    m_secretEdit->setPlaceholderText(tr("stored in the keychain; type a new one to replace it"));
    m_message->clear();
    m_testResult->clear();
    m_removeButton->setEnabled(m_keychainAvailable && !m_busy);
    updateTierRows();
}

void CredentialsDialog::updateTierRows()
{
    const auto tier = static_cast<Cloud::CredentialTier>(m_tierCombo->currentData().toInt());
    m_form->setRowVisible(m_regionCombo, tier == Cloud::CredentialTier::Region);
    m_form->setRowVisible(m_tenantHostEdit, tier == Cloud::CredentialTier::Tenant);
    m_form->setRowVisible(m_subscriptionsEdit, tier == Cloud::CredentialTier::Organization);
}

Cloud::CredentialProfile CredentialsDialog::formProfile() const
{
    Cloud::CredentialProfile profile;
    profile.name = m_nameEdit->text().trimmed();
    profile.tier = static_cast<Cloud::CredentialTier>(m_tierCombo->currentData().toInt());
    profile.clientId = m_clientIdEdit->text().trimmed();
    profile.label = m_labelEdit->text().trimmed();
    switch (profile.tier) {
    case Cloud::CredentialTier::Organization: {
        static const QRegularExpression separators(u"[,;\\s]+"_s);
        profile.subscriptionIds = m_subscriptionsEdit->text().split(separators, Qt::SkipEmptyParts);
        break;
    }
    case Cloud::CredentialTier::Region:
        profile.region = m_regionCombo->currentData().toString();
        break;
    case Cloud::CredentialTier::Tenant:
        profile.tenantHost = m_tenantHostEdit->text().trimmed().toLower();
        break;
    }
    return profile;
}

QString CredentialsDialog::formError(const Cloud::CredentialProfile &profile) const
{
    if (profile.name.isEmpty())
        return tr("Enter a profile name.");
    if (profile.clientId.isEmpty())
        return tr("Enter the client id of the OAuth client.");
    if (profile.tier == Cloud::CredentialTier::Tenant && profile.tenantHost.isEmpty())
        return tr("Enter the tenant's hostname, e.g. acme.eu.qlikcloud.com.");
    if (profile.tier == Cloud::CredentialTier::Region && !Cloud::Region::fromId(profile.region))
        return tr("Region '%1' is not one Tenantry knows (%2).").arg(profile.region, Cloud::Region::knownIds());
    QString error = m_editing ? profile.validationError() : m_profiles->validateNew(profile);
    if (!error.isEmpty())
        return error;
    if (!m_editing && m_secretEdit->text().isEmpty())
        return tr("Enter the client secret: Qlik shows it once, when the OAuth client is created.");
    return {};
}

void CredentialsDialog::save()
{
    if (m_busy || !m_keychainAvailable)
        return;
    const Cloud::CredentialProfile profile = formProfile();
    if (const QString error = formError(profile); !error.isEmpty()) {
        report(false, error);
        return;
    }
    const QString secret = m_secretEdit->text();
    if (secret.isEmpty()) {
        storeProfile(profile, false);
        return;
    }
    // Secret first: a profile is never saved without its secret (the import does the same).
    setBusy(true);
    m_message->setText(tr("Saving the secret in the keychain…"));
    m_secrets->write(Secrets::SecretStore::oauthClientKey(profile.name), secret, this,
                     [this, profile](const Secrets::SecretResult &result) {
                         setBusy(false);
                         if (!result.ok()) {
                             report(false, tr("The secret was not saved, nor the profile: %1").arg(result.error));
                             return;
                         }
                         m_secretEdit->clear();
                         storeProfile(profile, true);
                     });
}

void CredentialsDialog::storeProfile(const Cloud::CredentialProfile &profile, bool secretWritten)
{
    const bool adding = !m_editing.has_value();
    const QString error = adding ? m_profiles->add(profile) : m_profiles->update(profile);
    if (!error.isEmpty()) {
        if (adding && secretWritten) {
            // The new profile did not make it: its secret must not stay behind on its own.
            m_secrets->remove(Secrets::SecretStore::oauthClientKey(profile.name), this,
                              [](const Secrets::SecretResult &) {});
        }
        report(false, error);
        return;
    }
    qCInfo(lcCredentialsDialog) << (adding ? "Added" : "Updated") << "credential profile" << profile.name;
    reloadList(profile.name);
    showProfile(profile);
    Q_EMIT profilesChanged();
    report(true,
           adding
               ? tr("Profile '%1' added; its secret is in %2.").arg(profile.name, Secrets::SecretStore::keychainName())
               : (secretWritten ? tr("Profile '%1' saved with its new secret.").arg(profile.name)
                                : tr("Profile '%1' saved.").arg(profile.name)));
}

void CredentialsDialog::askRemove()
{
    if (!m_editing || m_busy || !m_keychainAvailable)
        return;
    const QString name = *m_editing;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Profile"),
                                tr("Remove the profile '%1' and its secret from the keychain?").arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"removeConfirmation"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, name] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            remove(name);
    });
    box->open();
}

void CredentialsDialog::remove(const QString &name)
{
    setBusy(true);
    const QString error = m_profiles->remove(name, this, [this, name](const Secrets::SecretResult &result) {
        setBusy(false);
        if (!result.ok()) {
            report(false,
                   tr("Profile '%1' removed, but its secret is still in the keychain: %2").arg(name, result.error));
            return;
        }
        report(true, tr("Profile '%1' and its secret removed.").arg(name));
    });
    if (!error.isEmpty()) {
        setBusy(false);
        report(false, error);
        return;
    }
    qCInfo(lcCredentialsDialog) << "Removed credential profile" << name;
    reloadList();
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    else
        startNew();
    Q_EMIT profilesChanged();
}

void CredentialsDialog::testConnection()
{
    const Cloud::CredentialProfile profile = formProfile();
    QString error = profile.validationError();
    if (profile.name.isEmpty() || profile.clientId.isEmpty())
        error = formError(profile);
    if (!error.isEmpty()) {
        report(false, error);
        return;
    }
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet({});
    m_testResult->setText(tr("Testing %1…").arg(targetOf(profile)));
    // A typed secret is tested as typed; otherwise the stored one is used.
    m_check->start(profile, m_secretEdit->text());
}

void CredentialsDialog::showCheck(const Cloud::CredentialCheck::Outcome &outcome)
{
    m_testButton->setEnabled(true);
    QString text = outcome.summary;
    if (!outcome.ok && !outcome.errorCode.isEmpty() && !text.contains(outcome.errorCode))
        text += tr(" (code %1)").arg(outcome.errorCode);
    m_testResult->setStyleSheet(outcome.ok ? u"color: #1b5e20;"_s : u"color: #b71c1c;"_s);
    m_testResult->setText(text);
    Q_EMIT operationFinished(outcome.ok, text);
}

void CredentialsDialog::chooseQlikCliFile()
{
    if (m_busy || !m_keychainAvailable)
        return;
    const QString path = Cloud::QlikCliContextsFile::defaultPath();
    auto *chooser = new QFileDialog(this, tr("Import qlik-cli Contexts"), QFileInfo(path).path(),
                                    tr("qlik-cli contexts (*.yml *.yaml);;All files (*)"));
    chooser->setObjectName(u"qlikCliFileDialog"_s);
    chooser->setFileMode(QFileDialog::ExistingFile);
    if (QFileInfo::exists(path))
        chooser->selectFile(path);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, &CredentialsDialog::importQlikCli);
    chooser->open();
}

void CredentialsDialog::importQlikCli(const QString &path)
{
    if (m_busy || !m_keychainAvailable)
        return;
    setBusy(true);
    m_message->setText(tr("Importing %1…").arg(QDir::toNativeSeparators(path)));
    m_import = std::make_unique<Cloud::QlikCliImport>(m_profiles, m_secrets);
    connect(m_import.get(), &Cloud::QlikCliImport::finished, this, &CredentialsDialog::showImportReport);
    m_import->start(path);
}

void CredentialsDialog::showImportReport()
{
    setBusy(false);
    using Outcome = Cloud::QlikCliImportReport::Outcome;
    const Cloud::QlikCliImportReport &result = m_import->report();
    QString summary;
    QStringList details;
    if (!result.fileError.isEmpty()) {
        summary = tr("%1 Nothing was imported.").arg(result.fileError);
    } else if (result.entries.isEmpty()) {
        summary = tr("No contexts in %1.").arg(QDir::toNativeSeparators(result.file));
    } else {
        summary = tr("%1 imported, %2 updated, %3 unchanged, %4 skipped, %5 refused, %6 failed.")
                      .arg(result.count(Outcome::Imported))
                      .arg(result.count(Outcome::Updated))
                      .arg(result.count(Outcome::Unchanged))
                      .arg(result.count(Outcome::Skipped))
                      .arg(result.count(Outcome::Refused))
                      .arg(result.count(Outcome::Failed));
        for (const Cloud::QlikCliImportReport::Entry &entry : result.entries) {
            QString line = tr("%1 (line %2): %3")
                               .arg(entry.context)
                               .arg(entry.line)
                               .arg(Cloud::qlikCliImportOutcomeName(entry.outcome));
            if (!entry.profile.name.isEmpty())
                line += tr(" → profile '%1' (%2)").arg(entry.profile.name, targetOf(entry.profile));
            if (!entry.detail.isEmpty())
                line += u" — "_s + entry.detail;
            details.append(line);
        }
    }
    if (!result.plaintextReminder().isEmpty())
        summary += u"\n\n"_s + tr("Reminder: %1").arg(result.plaintextReminder());
    reloadList(m_editing.value_or(QString()));
    if (result.count(Outcome::Imported) + result.count(Outcome::Updated) > 0)
        Q_EMIT profilesChanged();

    auto *box = new QMessageBox(result.ok() ? QMessageBox::Information : QMessageBox::Warning, tr("qlik-cli Import"),
                                summary, QMessageBox::Ok, this);
    box->setObjectName(u"importReport"_s);
    if (!details.isEmpty())
        box->setDetailedText(details.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    report(result.ok(), summary);
}

void CredentialsDialog::probeKeychain()
{
    // Whether the keychain answers at all (a missing item is a fine answer): the banner comes up
    // before anyone types a secret that could not be saved.
    m_secrets->read(Secrets::SecretStore::oauthClientKey(availabilityProbeProfile), this,
                    [this](const Secrets::SecretResult &result) {
                        setKeychainAvailable(result.status != Secrets::SecretStatus::Unavailable, result.error);
                    });
}

void CredentialsDialog::setKeychainAvailable(bool available, const QString &reason)
{
    m_keychainAvailable = available;
    if (available) {
        m_banner->hide();
    } else {
        m_banner->setText(tr("<b>The OS keychain (%1) is unavailable:</b> profiles cannot be added, changed or "
                             "removed until it is, and no secret is kept anywhere else. %2")
                              .arg(Secrets::SecretStore::keychainName(), reason.toHtmlEscaped()));
        m_banner->show();
    }
    setBusy(m_busy);
}

void CredentialsDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool canWrite = m_keychainAvailable && !busy;
    m_saveButton->setEnabled(canWrite);
    m_addButton->setEnabled(canWrite);
    m_importButton->setEnabled(canWrite);
    m_removeButton->setEnabled(canWrite && m_editing.has_value());
}

void CredentialsDialog::report(bool ok, const QString &message)
{
    m_message->setStyleSheet(ok ? u"color: #1b5e20;"_s : u"color: #b71c1c;"_s);
    m_message->setText(message);
    Q_EMIT operationFinished(ok, message);
}
