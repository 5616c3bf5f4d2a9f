#include "ui/publishsourcepage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "ops/localappfile.h"
#include "sourceappcatalog.h"
#include "ui/iconcatalog.h"
#include "ui/publishwizard.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto lastSourceKey = "PublishWizard/source"_L1; // non-secret: a hostname
constexpr int hostnameRole = Qt::UserRole;
constexpr int regionRole = Qt::UserRole + 1;
constexpr int appIdRole = Qt::UserRole;

} // namespace

PublishSourcePage::PublishSourcePage(QWidget *parent)
    : QWizardPage(parent)
    , m_catalog(new SourceAppCatalog(this))
{
    setObjectName(u"publishSourcePage"_s);
    setTitle(tr("Source apps"));
    setSubTitle(tr("The tenant the apps come from and the apps of its shared spaces to publish, or local app files."));

    m_sourceCombo = new QComboBox(this);
    m_sourceCombo->setObjectName(u"sourceCombo"_s);
    m_sourceCombo->setPlaceholderText(tr("Choose the source tenant"));
    m_sourceCombo->setMinimumContentsLength(40);
    m_apps = new QTreeWidget(this);
    m_apps->setObjectName(u"sourceApps"_s);
    m_apps->setHeaderLabels({tr("App"), tr("Shared space"), tr("Last changed")});
    m_apps->setRootIsDecorated(false);
    m_apps->setUniformRowHeights(true);
    m_apps->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_apps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files = new QListWidget(this);
    m_files->setObjectName(u"sourceFiles"_s);
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_files->setMaximumHeight(m_files->fontMetrics().height() * 6);
    auto *addFiles = new QPushButton(tr("Add App &Files…"), this);
    addFiles->setObjectName(u"addAppFilesButton"_s);
    m_removeFiles = new QPushButton(tr("&Remove"), this);
    m_removeFiles->setObjectName(u"removeAppFilesButton"_s);
    m_removeFiles->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setObjectName(u"sourceStatus"_s);
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Source tenant:"), m_sourceCombo);
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(addFiles);
    fileButtons->addWidget(m_removeFiles);
    fileButtons->addStretch();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_apps, 1);
    layout->addWidget(new QLabel(tr("Or local app files (.qvf), uploaded to each tenant:"), this));
    layout->addLayout(fileRow);
    layout->addWidget(m_status);

    connect(addFiles, &QPushButton::clicked, this, &PublishSourcePage::chooseAppFiles);
    connect(m_removeFiles, &QPushButton::clicked, this, &PublishSourcePage::removeAppFiles);
    connect(m_files, &QListWidget::itemSelectionChanged, this,
            [this] { m_removeFiles->setEnabled(!m_files->selectedItems().isEmpty()); });

    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this, &PublishSourcePage::loadApps);
    connect(m_catalog, &SourceAppCatalog::finished, this, &PublishSourcePage::showApps);
    connect(m_apps, &QTreeWidget::itemChanged, this, &PublishSourcePage::completeChanged);
}

PublishSourcePage::~PublishSourcePage() = default;

PublishWizard *PublishSourcePage::publishWizard() const
{
    return qobject_cast<PublishWizard *>(wizard());
}

void PublishSourcePage::initializePage()
{
    if (m_sourceCombo->count() > 0)
        return; // Back from a later page: keep the choice
    fillSources();
    if (m_sourceCombo->currentIndex() < 0)
        setSource(QSettings().value(lastSourceKey).toString());
}

void PublishSourcePage::fillSources()
{
    PublishWizard *wizard = publishWizard();
    if (!wizard || !wizard->session())
        return;
    const QSignalBlocker blocker(m_sourceCombo);
    const EstateModel *model = wizard->session()->model();
    model->forEachTenant([this](const QModelIndex &tenant) {
        if (tenant.data(int(EstateModel::Role::Status)).toString() != "active"_L1)
            return; // nothing is exported from a deactivated tenant
        const QString hostname = tenant.data(int(EstateModel::Role::Hostname)).toString();
        const QString name = tenant.data(Qt::DisplayRole).toString();
        m_sourceCombo->addItem(IconCatalog::icon(Icon::Tenant), name == hostname ? name : name + u" — "_s + hostname);
        const int row = m_sourceCombo->count() - 1;
        m_sourceCombo->setItemData(row, hostname, hostnameRole);
        m_sourceCombo->setItemData(row, tenant.data(int(EstateModel::Role::RegionId)), regionRole);
    });
    m_sourceCombo->setCurrentIndex(-1);
}

bool PublishSourcePage::setSource(const QString &hostnameOrId)
{
    if (hostnameOrId.isEmpty())
        return false;
    if (m_sourceCombo->count() == 0)
        fillSources();
    PublishWizard *wizard = publishWizard();
    if (!wizard || !wizard->session())
        return false;
    const QModelIndex tenant = wizard->session()->model()->tenantIndex(hostnameOrId);
    const QString hostname = tenant.isValid() ? tenant.data(int(EstateModel::Role::Hostname)).toString() : QString();
    const int row = hostname.isEmpty() ? -1 : m_sourceCombo->findData(hostname, hostnameRole);
    if (row < 0)
        return false;
    m_sourceCombo->setCurrentIndex(row);
    return true;
}

QString PublishSourcePage::sourceHostname() const
{
    return m_sourceCombo->currentData(hostnameRole).toString();
}

void PublishSourcePage::loadApps()
{
    m_apps->clear();
    const QString hostname = sourceHostname();
    PublishWizard *wizard = publishWizard();
    if (hostname.isEmpty() || !wizard || !wizard->session()) {
        m_catalog->cancel();
        m_status->clear();
        Q_EMIT completeChanged();
        return;
    }
    m_status->setText(tr("Loading the apps of %1…").arg(hostname));
    m_catalog->setCloudClient(wizard->session()->client());
    m_catalog->load(hostname, m_sourceCombo->currentData(regionRole).toString());
    Q_EMIT completeChanged();
}

void PublishSourcePage::showApps(const QString &hostname)
{
    if (hostname != sourceHostname())
        return;
    const QSignalBlocker blocker(m_apps);
    m_apps->clear();
    const QLocale locale;
    QStringList spaces;
    for (const SourceAppCatalog::App &app : m_catalog->apps()) {
        auto *item = new QTreeWidgetItem(
            m_apps,
            {app.name, app.spaceName,
             app.updated.isValid() ? locale.toString(app.updated.toLocalTime(), QLocale::ShortFormat) : QString()});
        item->setIcon(0, IconCatalog::icon(Icon::App));
        item->setData(0, appIdRole, app.id);
        item->setToolTip(0, app.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
        if (!spaces.contains(app.spaceId))
            spaces.append(app.spaceId);
    }
    m_apps->resizeColumnToContents(1);
    if (!m_catalog->errorString().isEmpty())
        m_status->setText(tr("Could not list every app of %1: %2").arg(hostname, m_catalog->errorString()));
    else if (m_catalog->apps().isEmpty())
        m_status->setText(tr("%1 has no app in a shared space.").arg(hostname));
    else
        m_status->setText(
            tr("%n app(s) in %1 shared space(s). Check the apps to publish.", nullptr, int(m_catalog->apps().size()))
                .arg(spaces.size()));
    Q_EMIT completeChanged();
}

QStringList PublishSourcePage::selectedAppIds() const
{
    QStringList ids;
    for (int i = 0; i < m_apps->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_apps->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            ids.append(item->data(0, appIdRole).toString());
    }
    return ids;
}

QStringList PublishSourcePage::selectedAppNames() const
{
    QStringList names;
    for (int i = 0; i < m_apps->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_apps->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            names.append(item->text(0));
    }
    return names;
}

int PublishSourcePage::checkApps(const QStringList &names)
{
    int found = 0;
    for (int i = 0; i < m_apps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_apps->topLevelItem(i);
        if (names.contains(item->text(0), Qt::CaseInsensitive)) {
            item->setCheckState(0, Qt::Checked);
            ++found;
        }
    }
    return found;
}

void PublishSourcePage::chooseAppFiles()
{
    auto *dialog = new QFileDialog(this, tr("Add App Files"), QString(), tr("Qlik Sense apps (*.qvf)"));
    dialog->setObjectName(u"appFilesDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &paths) { addAppFiles(paths); });
    dialog->open();
}

int PublishSourcePage::addAppFiles(const QStringList &paths)
{
    QStringList refused;
    int added = 0;
    const QStringList listed = appFiles();
    for (const QString &path : paths) {
        const Ops::LocalAppFile file = Ops::LocalAppFile::inspect(path);
        if (!file.ok()) {
            refused.append(file.problem);
            continue;
        }
        if (listed.contains(file.path))
            continue;
        auto *item
            = new QListWidgetItem(IconCatalog::icon(Icon::App),
                                  u"%1 — %2"_s.arg(file.fileName, QLocale().formattedDataSize(file.size)), m_files);
        item->setData(Qt::UserRole, file.path);
        item->setToolTip(file.path);
        ++added;
    }
    if (!refused.isEmpty())
        m_status->setText(tr("Not added: %1").arg(refused.join(u"; "_s)));
    else if (added > 0)
        m_status->setText(tr("%n app file(s) added.", nullptr, added));
    Q_EMIT completeChanged();
    return added;
}

void PublishSourcePage::removeAppFiles()
{
    qDeleteAll(m_files->selectedItems());
    Q_EMIT completeChanged();
}

QStringList PublishSourcePage::appFiles() const
{
    QStringList paths;
    for (int i = 0; i < m_files->count(); ++i)
        paths.append(m_files->item(i)->data(Qt::UserRole).toString());
    return paths;
}

bool PublishSourcePage::isComplete() const
{
    return !appFiles().isEmpty() || (!m_catalog->isLoading() && !selectedAppIds().isEmpty());
}

bool PublishSourcePage::validatePage()
{
    if (!sourceHostname().isEmpty())
        QSettings().setValue(lastSourceKey, sourceHostname());
    return true;
}
