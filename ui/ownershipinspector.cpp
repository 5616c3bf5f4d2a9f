#include "ui/ownershipinspector.h"

#include "cloud/cloudclient.h"
#include "cloud/ownershipaudit.h"
#include "cloud/sandboxcredentials.h"
#include "estatemodel.h"
#include "ops/deleteplanbuilder.h"
#include "ops/job.h"
#include "ops/planreader.h"
#include "ops/reassignplanbuilder.h"
#include "ownershiptablemodel.h"
#include "preferences.h"
#include "tableexport.h"
#include "ui/iconcatalog.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

OwnershipInspector::OwnershipInspector(EstateSession *session, JobBoard *board, const QStringList &tenants,
                                       QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_board(board)
    , m_tenants(tenants)
{
    setObjectName(u"ownershipInspector"_s);
    setWindowTitle(tr("Ownership Inspector"));
    setWindowIcon(IconCatalog::icon(Icon::BotUser));
    setModal(false);

    m_scope = new QLabel(this);
    m_scope->setWordWrap(true);
    m_scope->setText(tenants.size() == 1
                         ? tr("Tenant: %1").arg(tenants.first())
                         : tr("%n tenant(s): %1", nullptr, int(tenants.size())).arg(tenants.join(u", "_s)));
    m_selection = new QComboBox(this);
    m_selection->addItem(IconCatalog::icon(Icon::BotOrphaned), tr("All orphaned bots"));
    m_selection->addItem(IconCatalog::icon(Icon::BotUser), tr("All bots"));
    m_selection->addItem(IconCatalog::icon(Icon::User), tr("A user or bot, by subject"));
    m_subject = new QLineEdit(this);
    m_subject->setPlaceholderText(tr("qlikbot\\<clientId> or a user's subject"));
    m_auditButton = new QPushButton(IconCatalog::icon(Icon::Refresh), tr("&Audit"), this);
    // Whose TenantAdmins are the partner's own staff; everyone else holding it is a finding.
    m_partnerDomains = new QLineEdit(this);
    m_partnerDomains->setObjectName(u"partnerDomains"_s);
    m_partnerDomains->setPlaceholderText(tr("Your staff's email domains, e.g. acme.example, acme.dev"));
    m_partnerDomains->setText(QSettings().value(u"ownership/partnerDomains"_s).toString());
    connect(m_partnerDomains, &QLineEdit::editingFinished, this, [this] {
        QSettings().setValue(u"ownership/partnerDomains"_s, m_partnerDomains->text().trimmed());
        showFindings();
    });
    auto *owners = new QHBoxLayout;
    owners->addWidget(m_selection);
    owners->addWidget(m_subject, 1);
    owners->addWidget(m_auditButton);
    m_status = new QLabel(this);
    m_status->setObjectName(u"ownershipStatus"_s);

    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter rows"));
    m_filter->setClearButtonEnabled(true);
    m_csvButton = new QToolButton(this);
    m_csvButton->setIcon(IconCatalog::icon(Icon::ExportCsv));
    m_csvButton->setToolTip(tr("Export the shown rows to CSV…"));
    m_jsonButton = new QToolButton(this);
    m_jsonButton->setIcon(IconCatalog::icon(Icon::ExportJson));
    m_jsonButton->setToolTip(tr("Export the shown rows to JSON…"));
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_csvButton);
    tools->addWidget(m_jsonButton);

    m_model = new OwnershipTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(int(OwnershipTableModel::Role::SortKey));
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the audit's order until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"ownershipSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_reassignTo = new QLineEdit(this);
    m_reassignTo->setPlaceholderText(tr("New owner: qlikbot\\<clientId>, a subject or an email"));
    m_reassignButton = new QPushButton(IconCatalog::icon(Icon::Reassign), tr("&Reassign to…"), this);
    m_reassignButton->setToolTip(tr("Dry run of moving every listed item to the new owner, in the activity panel"));
    m_deleteButton = new QPushButton(IconCatalog::icon(Icon::Remove), tr("&Delete…"), this);
    m_deleteButton->setObjectName(u"deleteOwnedButton"_s);
    m_deleteButton->setAutoDefault(false); // never the default: Return must not start a delete
    m_deleteButton->setToolTip(
        tr("Dry run of deleting every listed item, in the activity panel; applying it asks you to type a "
           "confirmation"));
    // A new owner per tenant (user ids differ per tenant; each step looks the owner up there).
    m_perTenant = new QTableWidget(0, 3, this);
    m_perTenant->setObjectName(u"perTenantOwners"_s);
    m_perTenant->setHorizontalHeaderLabels({tr("Tenant"), tr("Active bot"), tr("New owner (empty: as below)")});
    m_perTenant->verticalHeader()->hide();
    m_perTenant->horizontalHeader()->setStretchLastSection(true);
    m_perTenant->setMaximumHeight(120);
    m_perTenant->setToolTip(tr("The new owner on each tenant: a subject (qlikbot\\<clientId> for a bot) or an "
                               "email, looked up on that tenant"));
    m_activeBotsButton = new QPushButton(IconCatalog::icon(Icon::BotUser), tr("Each Tenant's Active &Bot"), this);
    m_activeBotsButton->setObjectName(u"useActiveBotsButton"_s);
    m_activeBotsButton->setAutoDefault(false);
    auto *perTenantRow = new QHBoxLayout;
    perTenantRow->addWidget(m_perTenant, 1);
    perTenantRow->addWidget(m_activeBotsButton, 0, Qt::AlignTop);
    auto *reassignRow = new QHBoxLayout;
    reassignRow->addWidget(new QLabel(tr("Reassign to:"), this));
    reassignRow->addWidget(m_reassignTo, 1);
    reassignRow->addWidget(m_reassignButton);
    reassignRow->addSpacing(24);
    reassignRow->addWidget(m_deleteButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scope);
    layout->addLayout(owners);
    auto *domains = new QHBoxLayout;
    domains->addWidget(new QLabel(tr("Partner domains:"), this));
    domains->addWidget(m_partnerDomains, 1);
    layout->addLayout(domains);
    layout->addWidget(m_status);
    layout->addLayout(tools);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addLayout(perTenantRow);
    layout->addLayout(reassignRow);

    connect(m_selection, &QComboBox::currentIndexChanged, this, &OwnershipInspector::updateActions);
    connect(m_subject, &QLineEdit::textChanged, this, &OwnershipInspector::updateActions);
    connect(m_subject, &QLineEdit::returnPressed, this, &OwnershipInspector::audit);
    connect(m_auditButton, &QPushButton::clicked, this, &OwnershipInspector::audit);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_csvButton, &QToolButton::clicked, this, [this] { chooseExportFile(ExportFormat::Csv); });
    connect(m_jsonButton, &QToolButton::clicked, this, [this] { chooseExportFile(ExportFormat::Json); });
    connect(m_reassignTo, &QLineEdit::textChanged, this, &OwnershipInspector::updateActions);
    connect(m_perTenant, &QTableWidget::itemChanged, this, &OwnershipInspector::updateActions);
    connect(m_activeBotsButton, &QPushButton::clicked, this, &OwnershipInspector::useActiveBots);
    connect(m_reassignButton, &QPushButton::clicked, this, [this] { std::ignore = reassign(); });
    connect(m_deleteButton, &QPushButton::clicked, this, [this] { std::ignore = deleteOwned(); });
    updateActions();
    resize(1100, 620);
}

OwnershipInspector::~OwnershipInspector() = default;

void OwnershipInspector::setSelection(Selection selection, const QString &subject)
{
    m_selection->setCurrentIndex(int(selection));
    m_subject->setText(subject);
    audit();
}

void OwnershipInspector::audit()
{
    ++m_generation;
    delete m_audit;
    m_audit = nullptr;
    m_auditing = false;
    m_model->clear();
    m_summary->clear();
    m_perTenant->setRowCount(0);
    if (!m_session || !m_session->client()) {
        m_status->setText(tr("Not connected: the audit needs the estate's connection."));
        updateActions();
        return;
    }
    if (m_tenants.isEmpty()) {
        m_status->setText(tr("No tenant chosen: select tenants in the estate tree first."));
        updateActions();
        return;
    }
    if (Selection(m_selection->currentIndex()) == Selection::Subject && m_subject->text().trimmed().isEmpty()) {
        m_status->setText(tr("Type the subject of the user or bot whose content to list."));
        updateActions();
        return;
    }
    m_status->setText(tr("Auditing %n tenant(s)…", nullptr, int(m_tenants.size())));
    m_auditing = true;
    if (!m_session->isSandbox()) {
        // On the real cloud no API lists region clients (FACTS §2.2, §18.10): unconfigured bots stay "unknown".
        runAudit({});
        return;
    }
    const int generation = m_generation;
    Cloud::SandboxCredentials::fetchDeletedClientIds(
        *m_session->client(), this, [this, generation](const QStringList &ids, const QString &error) {
            if (generation != m_generation)
                return;
            if (!error.isEmpty()) {
                m_status->setText(tr("Could not learn which clients are gone: %1").arg(error));
                m_auditing = false;
                updateActions();
                Q_EMIT audited();
                return;
            }
            runAudit(QSet<QString>(ids.cbegin(), ids.cend()));
        });
    updateActions();
}

void OwnershipInspector::runAudit(const QSet<QString> &deletedClientIds)
{
    Cloud::OwnershipAudit::Options options;
    switch (Selection(m_selection->currentIndex())) {
    case Selection::OrphanedBots:
        options.selection = Cloud::OwnershipAudit::Selection::OrphanedBots;
        break;
    case Selection::AllBots:
        options.selection = Cloud::OwnershipAudit::Selection::AllBots;
        break;
    case Selection::Subject:
        options.selection = Cloud::OwnershipAudit::Selection::Subject;
        options.subject = m_subject->text().trimmed();
        break;
    }
    for (const Cloud::CredentialProfile &profile : m_session->client()->profiles())
        options.configuredClientIds.insert(profile.clientId);
    options.deletedClientIds = deletedClientIds;
    options.tenantAdmins = true;
    options.lastActivity = true;
    m_audit = new Cloud::OwnershipAudit(*m_session->client(), options, this);
    m_auditedTenants = 0;
    connect(m_audit, &Cloud::OwnershipAudit::tenantAudited, this, [this] {
        ++m_auditedTenants;
        m_status->setText(
            tr("Auditing: %1 of %n tenant(s) done…", nullptr, int(m_tenants.size())).arg(m_auditedTenants));
    });
    connect(m_audit, &Cloud::OwnershipAudit::finished, this, &OwnershipInspector::showResults);
    m_audit->start(m_tenants);
    updateActions();
}

QStringList OwnershipInspector::partnerDomains(QStringList *bad) const
{
    QStringList domains;
    for (const QString &entry : m_partnerDomains->text().split(u',', Qt::SkipEmptyParts)) {
        if (entry.trimmed().isEmpty())
            continue;
        if (const QString domain = Cloud::TenantOwnership::normalizedDomain(entry); !domain.isEmpty())
            domains.append(domain);
        else
            bad->append(entry.trimmed());
    }
    return domains;
}

void OwnershipInspector::showFindings()
{
    QStringList lines = m_model->summary() + m_model->botLines();
    QStringList bad;
    const QStringList domains = partnerDomains(&bad);
    // Refused like `--partner-domain`: a bad entry would hide nobody and find everybody.
    if (!bad.isEmpty())
        lines.prepend(tr("Partner domains: %1 is not an email domain (e.g. acme.example) and is left out")
                          .arg(bad.join(u", "_s)));
    const QStringList findings = m_model->tenantAdminFindings(domains);
    if (!findings.isEmpty()) {
        lines.append(domains.isEmpty() ? tr("People holding TenantAdmin (name your staff's domains above to keep "
                                            "only end customers):")
                                       : tr("End customers holding TenantAdmin, the management console:"));
        lines.append(findings);
    }
    m_summary->setText(lines.join(u'\n'));
}

void OwnershipInspector::showResults()
{
    if (!m_audit)
        return;
    const QList<Cloud::TenantOwnership> results = m_audit->results();
    const int requests = m_audit->requestCount();
    m_audit->deleteLater();
    m_audit = nullptr;
    m_auditing = false;
    m_model->setResults(results);
    m_table->resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 300));
    showFindings();
    fillPerTenantOwners();
    int failed = 0;
    for (const Cloud::TenantOwnership &tenant : results)
        failed += tenant.error.isEmpty() ? 0 : 1;
    QString status = tr("%n item(s) owned", nullptr, m_model->rowCount())
        + tr(" on %n tenant(s)", nullptr, int(results.size())) + tr(", %n request(s)", nullptr, requests);
    if (failed > 0)
        status += tr("; %n tenant(s) could not be read completely (see the summary)", nullptr, failed);
    m_status->setText(status);
    updateActions();
    Q_EMIT audited();
}

void OwnershipInspector::updateActions()
{
    const bool subject = Selection(m_selection->currentIndex()) == Selection::Subject;
    m_subject->setEnabled(subject);
    m_auditButton->setEnabled(!subject || !m_subject->text().trimmed().isEmpty());
    const bool rows = !isAuditing() && m_model->rowCount() > 0;
    m_csvButton->setEnabled(rows);
    m_jsonButton->setEnabled(rows);
    bool perTenant = false;
    for (int row = 0; row < m_perTenant->rowCount() && !perTenant; ++row) {
        const QTableWidgetItem *owner = m_perTenant->item(row, int(OwnerColumn::NewOwner));
        perTenant = owner && !owner->text().trimmed().isEmpty();
    }
    m_reassignButton->setEnabled(rows && m_board && (perTenant || !m_reassignTo->text().trimmed().isEmpty()));
    m_activeBotsButton->setEnabled(m_perTenant->rowCount() > 0);
    m_deleteButton->setEnabled(rows && m_board);
}

QList<QStringList> OwnershipInspector::shownRows() const
{
    QList<QStringList> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.append(m_model->rowText(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return rows;
}

void OwnershipInspector::exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done)
{
    QByteArray bytes;
    if (format == ExportFormat::Csv) {
        bytes = TableExport::toCsv(m_model->headers(), shownRows());
    } else {
        QJsonArray items;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            items.append(m_model->json(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
        bytes = TableExport::toJson(items);
    }
    TableExport::writeFile(path, bytes, this, std::move(done));
}

void OwnershipInspector::chooseExportFile(ExportFormat format)
{
    // A non-modal dialog (open(), not exec()): the event loop keeps running while the user chooses.
    auto *dialog = new QFileDialog(this, format == ExportFormat::Csv ? tr("Export to CSV") : tr("Export to JSON"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    const QString suffix = format == ExportFormat::Csv ? u"csv"_s : u"json"_s;
    dialog->setDefaultSuffix(suffix);
    dialog->setNameFilter(format == ExportFormat::Csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(u"ownership."_s + suffix);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        exportTo(path, format, [this, path](const QString &error) {
            m_status->setText(error.isEmpty() ? tr("Exported to %1").arg(path) : error);
        });
    });
    dialog->open();
}

QString OwnershipInspector::reassign()
{
    const QString to = m_reassignTo->text().trimmed();
    if (!m_board || !m_session || isAuditing())
        return {};
    Ops::ReassignPlanBuilder builder;
    builder.to = to;
    builder.concurrency = Preferences::concurrency();
    int without = 0;
    for (const Cloud::TenantOwnership &tenant : m_model->results()) {
        const QString owner = newOwnerOf(tenant.hostname);
        if (owner.isEmpty()) {
            without += tenant.resources.isEmpty() ? 0 : 1;
            continue;
        }
        for (const Cloud::User &listed : tenant.owners) {
            if (listed.subject.compare(owner, Qt::CaseInsensitive) == 0) {
                m_status->setText(
                    tr("%1 is one of the listed owners on %2: choose another new owner.").arg(owner, tenant.hostname));
                return {};
            }
        }
        const QString region
            = m_session->model()->tenantIndex(tenant.hostname).data(int(EstateModel::Role::RegionId)).toString();
        builder.addTenant(tenant, region, owner);
    }
    if (without > 0 && builder.isEmpty()) {
        m_status->setText(tr("Name a new owner, below or per tenant."));
        return {};
    }
    QString unmovable;
    if (!builder.unmovable().isEmpty())
        unmovable = tr(" (%n item(s) have no owner-change call and stay as they are)", nullptr,
                       int(builder.unmovable().size()));
    if (without > 0)
        unmovable += tr(" (%n tenant(s) without a new owner are left out)", nullptr, without);
    if (builder.isEmpty()) {
        m_status->setText(tr("Nothing to reassign") + unmovable + u'.');
        return {};
    }
    const Ops::Job *job = startDryRun(builder.toJson());
    if (!job)
        return {};
    m_status->setText(tr("Dry run of \"%1\" in the activity panel: apply it from there").arg(builder.name()) + unmovable
                      + u'.');
    Q_EMIT reassignStarted(job->id());
    return job->id();
}

const Ops::Job *OwnershipInspector::startDryRun(const QJsonObject &plan)
{
    const Ops::PlanReadResult read = Ops::PlanReader(&m_board->steps()).fromJson(plan);
    if (!read.ok()) {
        m_status->setText(
            tr("The plan \"%1\" is not valid: %2")
                .arg(plan.value(u"name"_s).toString(), Ops::PlanIssue::toStrings(read.issues).join(u"; "_s)));
        return nullptr;
    }
    QString error;
    const Ops::Job *job = m_board->dryRun(*read.plan, &error);
    if (!job)
        m_status->setText(tr("Could not start the dry run: %1").arg(error));
    return job;
}

QString OwnershipInspector::deleteOwned()
{
    if (!m_board || !m_session || isAuditing())
        return {};
    Ops::DeletePlanBuilder builder;
    builder.concurrency = Preferences::concurrency();
    for (const Cloud::TenantOwnership &tenant : m_model->results()) {
        const QString region
            = m_session->model()->tenantIndex(tenant.hostname).data(int(EstateModel::Role::RegionId)).toString();
        builder.addTenant(tenant, region);
    }
    QString undeletable;
    if (!builder.undeletable().isEmpty())
        undeletable = tr(" (%n item(s) have no delete call here and stay as they are)", nullptr,
                         int(builder.undeletable().size()));
    if (builder.isEmpty()) {
        m_status->setText(tr("Nothing to delete") + undeletable + u'.');
        return {};
    }
    const Ops::Job *job = startDryRun(builder.toJson());
    if (!job)
        return {};
    m_status->setText(tr("Dry run of \"%1\" in the activity panel: applying it there asks you to type a confirmation")
                          .arg(builder.name())
                      + undeletable + u'.');
    Q_EMIT deleteStarted(job->id());
    return job->id();
}

void OwnershipInspector::fillPerTenantOwners()
{
    const QSignalBlocker blocker(m_perTenant);
    m_perTenant->setRowCount(0);
    for (const Cloud::TenantOwnership &tenant : m_model->results()) {
        if (tenant.resources.isEmpty())
            continue;
        QString activeBot;
        for (const Cloud::BotIdentity &bot : tenant.bots) {
            if (bot.standing == Cloud::BotIdentity::Standing::Active) {
                activeBot = bot.user.subject;
                break;
            }
        }
        const int row = m_perTenant->rowCount();
        m_perTenant->insertRow(row);
        auto *host = new QTableWidgetItem(tenant.hostname);
        host->setFlags(host->flags() & ~Qt::ItemIsEditable);
        auto *bot = new QTableWidgetItem(activeBot.isEmpty() ? tr("none") : activeBot);
        bot->setFlags(bot->flags() & ~Qt::ItemIsEditable);
        bot->setData(Qt::UserRole, activeBot);
        m_perTenant->setItem(row, int(OwnerColumn::Tenant), host);
        m_perTenant->setItem(row, int(OwnerColumn::ActiveBot), bot);
        m_perTenant->setItem(row, int(OwnerColumn::NewOwner), new QTableWidgetItem());
    }
    m_perTenant->resizeColumnToContents(int(OwnerColumn::Tenant));
    m_perTenant->resizeColumnToContents(int(OwnerColumn::ActiveBot));
}

void OwnershipInspector::useActiveBots()
{
    for (int row = 0; row < m_perTenant->rowCount(); ++row) {
        const QString bot = m_perTenant->item(row, int(OwnerColumn::ActiveBot))->data(Qt::UserRole).toString();
        if (!bot.isEmpty())
            m_perTenant->item(row, int(OwnerColumn::NewOwner))->setText(bot);
    }
}

QString OwnershipInspector::newOwnerOf(const QString &hostname) const
{
    for (int row = 0; row < m_perTenant->rowCount(); ++row) {
        if (m_perTenant->item(row, int(OwnerColumn::Tenant))->text() != hostname)
            continue;
        if (QString owner = m_perTenant->item(row, int(OwnerColumn::NewOwner))->text().trimmed(); !owner.isEmpty())
            return owner;
    }
    return m_reassignTo->text().trimmed();
}
