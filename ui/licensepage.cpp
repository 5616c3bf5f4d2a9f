#include "ui/licensepage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "tenantlicense.h"
#include "ui/iconcatalog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSortingEnabled(false);
    return table;
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

LicensePage::LicensePage(QWidget *parent)
    : DetailPage(parent)
{
    setObjectName(u"licensePage"_s);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_flag = new QLabel(this);
    m_flag->setObjectName(u"autoAssignFlag"_s);
    m_flag->setWordWrap(true);
    m_flag->setStyleSheet(u"QLabel { background: #fff3cd; color: #664d03; padding: 6px; border-radius: 3px; }"_s);
    m_flag->hide();
    m_settings = new QLabel(this);
    m_settings->setObjectName(u"autoAssignSettings"_s);
    m_error = new QLabel(this);
    m_error->setObjectName(u"licenseError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"QLabel { color: #b02a37; }"_s);
    m_error->hide();
    m_reload = new QPushButton(IconCatalog::icon(Icon::Refresh), tr("Reload"), this);
    m_reload->setObjectName(u"licenseReload"_s);
    connect(m_reload, &QPushButton::clicked, this, &LicensePage::reload);

    m_pool = makeTable({tr("Kind"), tr("Usage"), tr("Units"), tr("Used"), tr("Free"), tr("Overage")}, u"licensePool"_s,
                       this);
    m_pool->setMaximumHeight(140);
    m_assignments = makeTable({tr("Subject"), tr("Type"), tr("Excess"), tr("Created")}, u"licenseAssignments"_s, this);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addLayout(titles, 1);
    header->addWidget(m_reload, 0, Qt::AlignTop);
    auto *poolTitle = new QLabel(tr("<b>Shared pool</b> (the subscription's entitlement: every tenant on it draws on "
                                    "these seats)"),
                                 this);
    auto *assignTitle = new QLabel(tr("<b>Assigned seats</b>"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_flag);
    layout->addWidget(m_error);
    layout->addWidget(poolTitle);
    layout->addWidget(m_pool);
    layout->addWidget(m_settings);
    layout->addWidget(assignTitle);
    layout->addWidget(m_assignments, 1);
}

LicensePage::~LicensePage() = default;

void LicensePage::setNode(EstateSession *session, const QModelIndex &node)
{
    m_session = session;
    m_node = node;
    delete m_license;
    m_license = new TenantLicense(session->client(), this);
    connect(m_license, &TenantLicense::changed, this, &LicensePage::update);
    connect(m_license, &TenantLicense::finished, this, [this] {
        // The tree flags tenants that take seats on their own, wherever this was learnt.
        if (m_session && m_node.isValid() && m_license->settings())
            m_session->model()->noteSeatAutoAssignment(m_session->model()->tenantOf(m_node),
                                                       m_license->takesSeatsAutomatically());
    });
    const QModelIndex tenant = session->model()->tenantOf(node);
    m_title->setText(tr("License of %1").arg(tenant.data().toString()));
    reload();
}

void LicensePage::reload()
{
    if (!m_license || !m_node.isValid())
        return;
    m_license->load(m_node.data(int(EstateModel::Role::Hostname)).toString());
    update();
}

void LicensePage::update()
{
    const QLocale locale;
    const TenantLicense *license = m_license;
    QStringList about;
    if (!license->licenseNumber().isEmpty())
        about.append(tr("license %1").arg(license->licenseNumber()));
    if (!license->product().isEmpty())
        about.append(license->product());
    if (!license->status().isEmpty())
        about.append(license->status());
    if (license->isLoading())
        about.append(tr("loading…"));
    m_subtitle->setText(about.join(u"   ·   "_s));

    const QList<TenantLicense::Pool> pool = license->pool();
    m_pool->setRowCount(static_cast<int>(pool.size()));
    for (int row = 0; row < pool.size(); ++row) {
        const TenantLicense::Pool &kind = pool.at(row);
        m_pool->setItem(row, 0, cell(kind.kind));
        m_pool->setItem(row, 1, cell(kind.usageClass));
        m_pool->setItem(row, 2, cell(locale.toString(kind.units), true));
        m_pool->setItem(row, 3, cell(locale.toString(kind.used), true));
        m_pool->setItem(row, 4, cell(locale.toString(kind.free()), true));
        m_pool->setItem(row, 5, cell(kind.overage < 0 ? tr("unbounded") : locale.toString(kind.overage), true));
    }

    if (const auto &settings = license->settings()) {
        const auto onOff = [](bool on) { return on ? LicensePage::tr("on") : LicensePage::tr("off"); };
        m_settings->setText(tr("Automatic assignment to new users: professional %1, analyzer %2")
                                .arg(onOff(settings->autoAssignProfessional), onOff(settings->autoAssignAnalyzer)));
    } else {
        m_settings->setText(license->isLoading() ? tr("Automatic assignment: loading…")
                                                 : tr("Automatic assignment: unknown"));
    }
    if (license->takesSeatsAutomatically()) {
        QStringList kinds;
        if (license->settings()->autoAssignProfessional)
            kinds.append(tr("professional"));
        if (license->settings()->autoAssignAnalyzer)
            kinds.append(tr("analyzer"));
        m_flag->setText(tr("New users of this tenant take a %1 seat from the shared pool automatically: every "
                           "login of someone new uses up a seat other tenants of the subscription also need.")
                            .arg(kinds.join(tr(" or "))));
        m_flag->show();
    } else {
        m_flag->hide();
    }

    const QList<Cloud::LicenseAssignment> &assignments = license->assignments();
    m_assignments->setRowCount(static_cast<int>(assignments.size()));
    for (int row = 0; row < assignments.size(); ++row) {
        const Cloud::LicenseAssignment &assignment = assignments.at(row);
        m_assignments->setItem(row, 0, cell(assignment.subject));
        m_assignments->setItem(row, 1, cell(assignment.type));
        m_assignments->setItem(row, 2, cell(assignment.excess ? tr("yes") : tr("no")));
        m_assignments->setItem(row, 3, cell(assignment.created.toUTC().toString(Qt::ISODate)));
    }

    const QStringList errors = license->errors();
    m_error->setText(errors.join(u'\n'));
    m_error->setVisible(!errors.isEmpty());
}
