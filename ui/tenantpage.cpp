#include "ui/tenantpage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "tenanttagstore.h"
#include "ui/auditpage.h"
#include "ui/iconcatalog.h"
#include "ui/propertiesview.h"
#include "ui/resourcetablepage.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

using Role = EstateModel::Role;

} // namespace

TenantPage::TenantPage(QWidget *parent)
    : DetailPage(parent)
{
    setObjectName(u"tenantPage"_s);
    m_title = new QLabel(this);
    m_title->setObjectName(u"tenantTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(u"tenantSubtitle"_s);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tenantTabs"_s);
    m_tabs->setDocumentMode(true);
    const QList<std::pair<EstateNodeKind, Icon>> lists{{EstateNodeKind::Spaces, Icon::Spaces},
                                                       {EstateNodeKind::Users, Icon::Users},
                                                       {EstateNodeKind::Groups, Icon::Groups},
                                                       {EstateNodeKind::BotUsers, Icon::BotUser}};
    for (const auto &[kind, icon] : lists) {
        auto *table = new ResourceTablePage(m_tabs);
        table->setObjectName(estateNodeKindName(kind) + u"Table"_s);
        connect(table, &DetailPage::message, this, &DetailPage::message);
        m_tables.insert(kind, table);
        m_tabKinds.append(kind);
        m_tabs->addTab(table, IconCatalog::icon(icon), QString());
    }
    m_tabs->setTabText(0, tr("Spaces"));
    m_tabs->setTabText(1, tr("Users"));
    m_tabs->setTabText(2, tr("Groups"));
    m_tabs->setTabText(3, tr("Bot users"));
    m_audit = new AuditPage(m_tabs);
    connect(m_audit, &DetailPage::message, this, &DetailPage::message);
    m_tabs->addTab(m_audit, IconCatalog::icon(Icon::Audit), tr("Audit"));
    m_tabKinds.append(EstateNodeKind::Tenant); // not a category of the tree
    m_properties = new PropertiesView(m_tabs);
    m_properties->setObjectName(u"tenantProperties"_s);
    m_tabs->addTab(m_properties, IconCatalog::icon(Icon::Tenant), tr("Properties"));
    m_tabKinds.append(EstateNodeKind::Tenant);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TenantPage::activateTab);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_tabs, 1);
}

TenantPage::~TenantPage() = default;

void TenantPage::setNode(EstateSession *session, const QModelIndex &node)
{
    m_session = session;
    m_node = node;
    EstateModel *model = session->model();
    model->disconnect(this);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (m_node.isValid() && m_node.parent() == topLeft.parent() && topLeft.row() <= m_node.row()
                    && m_node.row() <= bottomRight.row())
                    updateHeader();
            });
    // The tenant's lists exist once it is populated; that costs nothing on the network.
    model->ensureFolders(node);
    for (ResourceTablePage *table : std::as_const(m_tables))
        table->setEnabled(model->categoryIndex(node, m_tabKinds.at(m_tabs->indexOf(table))).isValid());
    updateHeader();
    activateTab(m_tabs->currentIndex());
}

void TenantPage::updateHeader()
{
    if (!m_node.isValid()) {
        m_subtitle->setText(tr("This tenant is no longer in the estate."));
        return;
    }
    m_title->setText(m_node.data().toString());
    QStringList parts;
    parts.append(m_node.data(int(Role::Hostnames)).toStringList().join(u" · "_s));
    const QString region = m_node.data(int(Role::RegionId)).toString();
    parts.append(region.isEmpty() ? tr("region unknown") : tr("region %1").arg(region));
    parts.append(m_node.data(int(Role::Status)).toString());
    const QStringList tags = m_node.data(int(Role::Tags)).toStringList();
    if (!tags.isEmpty())
        parts.append(tr("tags: %1").arg(tags.join(u", "_s)));
    const QString label = m_node.data(int(Role::Label)).toString();
    if (!label.isEmpty())
        parts.append(label);
    m_subtitle->setText(parts.join(u"   ·   "_s));
    m_properties->setJson(m_node.data().toString(), m_node.data(int(Role::Json)).toJsonObject());
}

void TenantPage::activateTab(int index)
{
    if (!m_session || !m_node.isValid() || index < 0 || index >= m_tabKinds.size())
        return;
    if (m_tabs->widget(index) == m_audit) {
        if (m_audit->node() != QModelIndex(m_node))
            m_audit->setNode(m_session, m_node); // the first page of events
        return;
    }
    const EstateNodeKind kind = m_tabKinds.at(index);
    ResourceTablePage *table = m_tables.value(kind);
    if (!table)
        return;
    const QModelIndex category = m_session->model()->categoryIndex(m_node, kind);
    if (category.isValid() && table->node() != category)
        table->setNode(m_session, category); // loads the list when it was never loaded
}

void TenantPage::showCategory(EstateNodeKind category)
{
    const qsizetype index = m_tabKinds.indexOf(category);
    if (index >= 0)
        m_tabs->setCurrentIndex(static_cast<int>(index));
}

ResourceTablePage *TenantPage::tablePage(EstateNodeKind category) const
{
    return m_tables.value(category);
}

ResourceTablePage *TenantPage::currentTable() const
{
    return qobject_cast<ResourceTablePage *>(m_tabs->currentWidget());
}

bool TenantPage::canExport() const
{
    return currentTable() != nullptr;
}

bool TenantPage::copySelection()
{
    ResourceTablePage *table = currentTable();
    return table && table->copySelection();
}

void TenantPage::exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done)
{
    if (ResourceTablePage *table = currentTable())
        table->exportTo(path, format, std::move(done));
    else
        DetailPage::exportTo(path, format, std::move(done));
}

QString TenantPage::exportName() const
{
    ResourceTablePage *table = currentTable();
    return table ? table->exportName() : QString();
}
