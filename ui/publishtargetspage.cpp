#include "ui/publishtargetspage.h"

#include "cloud/region.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "preferences.h"
#include "tenanttagstore.h"
#include "ui/iconcatalog.h"
#include "ui/publishsourcepage.h"
#include "ui/publishwizard.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int hostnameRole = Qt::UserRole;
constexpr int regionRole = Qt::UserRole + 1;

} // namespace

PublishTargetsPage::PublishTargetsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"publishTargetsPage"_s);
    setTitle(tr("Target tenants"));
    setSubTitle(tr("The tenants whose managed space gets the apps. The tenants selected in the estate start "
                   "checked."));

    m_list = new QListWidget(this);
    m_list->setObjectName(u"targetTenants"_s);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"targetFilter"_s);
    m_filter->setPlaceholderText(tr("name, hostname, label or tag"));
    m_filter->setClearButtonEnabled(true);
    auto *byFilter = new QPushButton(tr("Check &Matching"), this);
    byFilter->setObjectName(u"checkMatchingButton"_s);
    connect(byFilter, &QPushButton::clicked, this, [this] { checkMatchingFilter(); });
    connect(m_filter, &QLineEdit::returnPressed, this, [this] { checkMatchingFilter(); });

    m_tagCombo = new QComboBox(this);
    m_tagCombo->setObjectName(u"targetTag"_s);
    auto *byTag = new QPushButton(tr("Check &Tagged"), this);
    byTag->setObjectName(u"checkTaggedButton"_s);
    connect(byTag, &QPushButton::clicked, this, [this] { checkTagged(); });

    m_regionCombo = new QComboBox(this);
    m_regionCombo->setObjectName(u"targetRegion"_s);
    for (const Cloud::Region &region : Cloud::Region::all())
        m_regionCombo->addItem(u"%1 (%2)"_s.arg(region.id, region.location), region.id);
    if (const QStringList preferred = Preferences::defaultRegions(); !preferred.isEmpty())
        m_regionCombo->setCurrentIndex(std::max(0, m_regionCombo->findData(preferred.constFirst())));
    auto *byRegion = new QPushButton(tr("Check All in &Region"), this);
    byRegion->setObjectName(u"checkRegionButton"_s);
    connect(byRegion, &QPushButton::clicked, this, [this] { checkRegion(); });

    auto *clear = new QPushButton(tr("&Uncheck All"), this);
    clear->setObjectName(u"uncheckAllButton"_s);
    connect(clear, &QPushButton::clicked, this, &PublishTargetsPage::clearChecks);

    m_count = new QLabel(this);
    m_count->setObjectName(u"targetCount"_s);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Filter:"), this), 0, 0);
    grid->addWidget(m_filter, 0, 1);
    grid->addWidget(byFilter, 0, 2);
    grid->addWidget(new QLabel(tr("Tag:"), this), 1, 0);
    grid->addWidget(m_tagCombo, 1, 1);
    grid->addWidget(byTag, 1, 2);
    grid->addWidget(new QLabel(tr("Region:"), this), 2, 0);
    grid->addWidget(m_regionCombo, 2, 1);
    grid->addWidget(byRegion, 2, 2);
    grid->setColumnStretch(1, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(grid);
    layout->addLayout(bottom);

    connect(m_list, &QListWidget::itemChanged, this, &PublishTargetsPage::updateCount);
}

PublishTargetsPage::~PublishTargetsPage() = default;

PublishWizard *PublishTargetsPage::publishWizard() const
{
    return qobject_cast<PublishWizard *>(wizard());
}

void PublishTargetsPage::initializePage()
{
    PublishWizard *wizard = publishWizard();
    if (!wizard || !wizard->session())
        return;
    const QString source = wizard->sourcePage()->sourceHostname();
    if (source != m_filledFor || m_list->count() == 0) {
        m_filledFor = source;
        fill();
    }
    if (!m_preselected) {
        m_preselected = true;
        for (const QString &tenant : wizard->selectedTenants())
            setChecked(tenant, true);
    }
    m_tagCombo->clear();
    for (const TenantTag &tag : wizard->session()->tags()->definitions())
        m_tagCombo->addItem(IconCatalog::icon(Icon::Tag), TenantTagStore::displayName(tag.name), tag.name);
    updateCount();
}

void PublishTargetsPage::fill()
{
    PublishWizard *wizard = publishWizard();
    QSet<QString> checked;
    for (const Ops::RolloutPlanBuilder::Target &target : targets())
        checked.insert(target.hostname);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const EstateModel *model = wizard->session()->model();
    model->forEachTenant([this, model, &checked](const QModelIndex &tenant) {
        const QString hostname = tenant.data(int(EstateModel::Role::Hostname)).toString();
        if (hostname.compare(m_filledFor, Qt::CaseInsensitive) == 0
            || tenant.data(int(EstateModel::Role::Status)).toString() != "active"_L1)
            return; // the source is not a target; nothing is published to a deactivated tenant
        const QString name = tenant.data(Qt::DisplayRole).toString();
        const QString region = tenant.data(int(EstateModel::Role::RegionId)).toString();
        QString text = name == hostname ? hostname : name + u" — "_s + hostname;
        if (!region.isEmpty())
            text += u" ("_s + region + u')';
        const QStringList tags = model->tenantTags(tenant);
        if (!tags.isEmpty()) {
            QStringList shown;
            for (const QString &tag : tags)
                shown.append(TenantTagStore::displayName(tag));
            text += u"  ["_s + shown.join(u", "_s) + u']';
        }
        auto *item = new QListWidgetItem(IconCatalog::icon(Icon::Tenant), text, m_list);
        item->setData(hostnameRole, hostname);
        item->setData(regionRole, region);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(hostname) ? Qt::Checked : Qt::Unchecked);
    });
}

int PublishTargetsPage::checkWhere(const std::function<bool(const QModelIndex &tenant)> &matches)
{
    PublishWizard *wizard = publishWizard();
    if (!wizard || !wizard->session())
        return 0;
    const EstateModel *model = wizard->session()->model();
    int count = 0;
    {
        const QSignalBlocker blocker(m_list);
        for (int row = 0; row < m_list->count(); ++row) {
            QListWidgetItem *item = m_list->item(row);
            const QModelIndex tenant = model->tenantIndex(item->data(hostnameRole).toString());
            if (tenant.isValid() && matches(tenant)) {
                item->setCheckState(Qt::Checked);
                ++count;
            }
        }
    }
    updateCount();
    return count;
}

int PublishTargetsPage::checkMatchingFilter()
{
    const QString needle = m_filter->text().trimmed().toLower();
    PublishWizard *wizard = publishWizard();
    if (needle.isEmpty() || !wizard || !wizard->session())
        return 0;
    const EstateModel *model = wizard->session()->model();
    return checkWhere([model, &needle](const QModelIndex &tenant) { return model->matchesText(tenant, needle); });
}

int PublishTargetsPage::checkTagged()
{
    const QString tag = m_tagCombo->currentData().toString();
    PublishWizard *wizard = publishWizard();
    if (tag.isEmpty() || !wizard || !wizard->session())
        return 0;
    const EstateModel *model = wizard->session()->model();
    return checkWhere([model, &tag](const QModelIndex &tenant) { return model->tenantTags(tenant).contains(tag); });
}

int PublishTargetsPage::checkRegion()
{
    const QString region = m_regionCombo->currentData().toString();
    return checkWhere([&region](const QModelIndex &tenant) {
        return tenant.data(int(EstateModel::Role::RegionId)).toString() == region;
    });
}

void PublishTargetsPage::clearChecks()
{
    {
        const QSignalBlocker blocker(m_list);
        for (int row = 0; row < m_list->count(); ++row)
            m_list->item(row)->setCheckState(Qt::Unchecked);
    }
    updateCount();
}

bool PublishTargetsPage::setChecked(const QString &hostnameOrId, bool checked)
{
    PublishWizard *wizard = publishWizard();
    if (!wizard || !wizard->session())
        return false;
    const QModelIndex tenant = wizard->session()->model()->tenantIndex(hostnameOrId);
    const QString hostname = tenant.data(int(EstateModel::Role::Hostname)).toString();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        if (!hostname.isEmpty() && item->data(hostnameRole).toString() == hostname) {
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

QList<Ops::RolloutPlanBuilder::Target> PublishTargetsPage::targets() const
{
    QList<Ops::RolloutPlanBuilder::Target> list;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            list.append({item->data(hostnameRole).toString(), item->data(regionRole).toString()});
    }
    return list;
}

bool PublishTargetsPage::isComplete() const
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            return true;
    }
    return false;
}

void PublishTargetsPage::updateCount()
{
    const QLocale locale;
    m_count->setText(tr("%1 of %2 tenants checked")
                         .arg(locale.toString(qsizetype(targets().size())), locale.toString(m_list->count())));
    Q_EMIT completeChanged();
}
