#include "ui/auditpage.h"

#include "auditeventmodel.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "tableexport.h"
#include "ui/iconcatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

AuditPage::AuditPage(QWidget *parent)
    : DetailPage(parent)
{
    setObjectName(u"auditPage"_s);
    m_eventType = new QComboBox(this);
    m_eventType->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_eventType->setObjectName(u"auditEventType"_s);
    m_eventType->setEditable(true); // types are case sensitive and open-ended (FACTS §13)
    m_eventType->setMinimumContentsLength(16);
    m_eventType->lineEdit()->setPlaceholderText(tr("Any event type"));
    m_user = new QComboBox(this);
    m_user->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_user->setObjectName(u"auditUser"_s);
    m_user->setMinimumContentsLength(12);
    m_user->addItem(tr("Any user"), QString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_fromCheck = new QCheckBox(tr("From"), this);
    m_fromCheck->setObjectName(u"auditFromCheck"_s);
    m_from = new QDateTimeEdit(now.addDays(-7), this);
    m_from->setObjectName(u"auditFrom"_s);
    m_from->setTimeSpec(Qt::UTC);
    m_from->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_toCheck = new QCheckBox(tr("To"), this);
    m_toCheck->setObjectName(u"auditToCheck"_s);
    m_to = new QDateTimeEdit(now, this);
    m_to->setObjectName(u"auditTo"_s);
    m_to->setTimeSpec(Qt::UTC);
    m_to->setCalendarPopup(true);
    m_to->setEnabled(false);
    connect(m_fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_search = new QPushButton(IconCatalog::icon(Icon::Filter), tr("Search"), this);
    m_search->setObjectName(u"auditSearch"_s);
    m_search->setDefault(true);
    connect(m_search, &QPushButton::clicked, this, &AuditPage::search);
    connect(m_eventType->lineEdit(), &QLineEdit::returnPressed, this, &AuditPage::search);

    m_csv = new QToolButton(this);
    m_csv->setObjectName(u"auditExportCsv"_s);
    m_csv->setIcon(IconCatalog::icon(Icon::ExportCsv));
    m_csv->setToolTip(tr("Export the loaded events to CSV"));
    connect(m_csv, &QToolButton::clicked, this, [this] { chooseExportFile(ExportFormat::Csv); });
    m_json = new QToolButton(this);
    m_json->setObjectName(u"auditExportJson"_s);
    m_json->setIcon(IconCatalog::icon(Icon::ExportJson));
    m_json->setToolTip(tr("Export the loaded events to JSON"));
    connect(m_json, &QToolButton::clicked, this, [this] { chooseExportFile(ExportFormat::Json); });

    m_table = new QTableView(this);
    m_table->setObjectName(u"auditTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_status = new QLabel(this);
    m_status->setObjectName(u"auditStatus"_s);
    m_status->setWordWrap(true);
    m_loadMore = new QPushButton(tr("Load More"), this);
    m_loadMore->setObjectName(u"auditLoadMore"_s);
    m_loadMore->setEnabled(false);
    connect(m_loadMore, &QPushButton::clicked, this, [this] {
        if (m_model)
            m_model->loadMore();
        updateStatus();
    });

    // Two rows: the tenant page must not grow wider than the window gives it.
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_eventType, 2);
    filters->addWidget(m_user, 1);
    filters->addWidget(m_search);
    auto *range = new QHBoxLayout;
    range->addWidget(m_fromCheck);
    range->addWidget(m_from);
    range->addWidget(m_toCheck);
    range->addWidget(m_to);
    range->addStretch(1);
    range->addWidget(m_csv);
    range->addWidget(m_json);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_loadMore);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addLayout(range);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
}

AuditPage::~AuditPage() = default;

void AuditPage::setNode(EstateSession *session, const QModelIndex &node)
{
    m_session = session;
    const QModelIndex tenant = session->model()->tenantOf(node);
    m_node = tenant;
    if (!m_model) {
        m_model = new AuditEventModel(session->client(), this);
        m_table->setModel(m_model);
        connect(m_model, &AuditEventModel::loadingChanged, this, &AuditPage::updateStatus);
        connect(m_model, &AuditEventModel::loadFailed, this, &AuditPage::updateStatus);
        connect(m_model, &AuditEventModel::pageLoaded, this, [this] {
            updateEventTypes();
            updateStatus();
        });
        connect(m_model, &AuditEventModel::usersChanged, this, &AuditPage::updateUsers);
        connect(m_model, &AuditEventModel::eventTypesChanged, this, &AuditPage::updateEventTypes);
    }
    m_model->setTenant(tenant.data(int(EstateModel::Role::Hostname)).toString());
    search();
}

void AuditPage::search()
{
    if (!m_model)
        return;
    AuditEventModel::Filter filter;
    filter.eventType = m_eventType->currentText().trimmed();
    filter.userId = m_user->currentData().toString();
    if (m_fromCheck->isChecked())
        filter.from = m_from->dateTime();
    if (m_toCheck->isChecked())
        filter.to = m_to->dateTime();
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to) {
        m_status->setText(tr("The time range ends before it starts: %1 is after %2.")
                              .arg(filter.from.toString(Qt::ISODate), filter.to.toString(Qt::ISODate)));
        return;
    }
    m_model->setFilter(filter);
    m_model->reload();
    updateStatus();
}

void AuditPage::updateStatus()
{
    if (!m_model)
        return;
    m_loadMore->setEnabled(m_model->canLoadMore());
    const int rows = m_model->rowCount();
    QString text;
    if (!m_model->errorString().isEmpty())
        text = m_model->errorString();
    else if (m_model->isLoading())
        text = tr("%n event(s) loaded, loading more…", nullptr, rows);
    else if (m_model->canLoadMore())
        text = tr("%n event(s) loaded; more on the server", nullptr, rows);
    else
        text = tr("%n event(s)", nullptr, rows);
    m_status->setText(text);
}

void AuditPage::updateUsers()
{
    // Keeps the chosen user while the names arrive.
    const QString chosen = m_user->currentData().toString();
    m_user->clear();
    m_user->addItem(tr("Any user"), QString());
    for (const auto &[id, name] : m_model->users())
        m_user->addItem(name, id);
    const int index = m_user->findData(chosen);
    m_user->setCurrentIndex(index < 0 ? 0 : index);
}

void AuditPage::updateEventTypes()
{
    // The tenant's event types (GET /v1/audits/types) and any other seen in its events, for picking;
    // typing any other still works. Rebuilt per tenant, keeping what is typed.
    QStringList types = m_model->eventTypes();
    for (const auto &event : m_model->events()) {
        if (!event.eventType.isEmpty() && !types.contains(event.eventType))
            types.append(event.eventType);
    }
    types.sort();
    const QString typed = m_eventType->currentText();
    const QSignalBlocker blocker(m_eventType);
    m_eventType->clear();
    m_eventType->addItems(types);
    m_eventType->setCurrentIndex(-1);
    m_eventType->setEditText(typed);
}

QString AuditPage::exportName() const
{
    const QString host = m_model ? m_model->tenant() : QString();
    return u"audit-"_s + host.section(u'.', 0, 0);
}

void AuditPage::exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done)
{
    if (!m_model) {
        done(tr("Nothing to export"));
        return;
    }
    QByteArray bytes;
    switch (format) {
    case ExportFormat::Csv: {
        QList<QStringList> rows;
        rows.reserve(m_model->rowCount());
        for (int row = 0; row < m_model->rowCount(); ++row)
            rows.append(m_model->rowText(row));
        bytes = TableExport::toCsv(m_model->headers(), rows);
        break;
    }
    case ExportFormat::Json:
        bytes = TableExport::toJson(m_model->json());
        break;
    }
    const int count = m_model->rowCount();
    TableExport::writeFile(path, bytes, this, [this, path, count, done = std::move(done)](const QString &error) {
        if (error.isEmpty())
            Q_EMIT message(tr("Exported %n event(s) to %1", nullptr, count).arg(path));
        done(error);
    });
}

void AuditPage::chooseExportFile(ExportFormat format)
{
    const bool csv = format == ExportFormat::Csv;
    auto *dialog = new QFileDialog(this, csv ? tr("Export to CSV") : tr("Export to JSON"),
                                   exportName() + (csv ? u".csv"_s : u".json"_s),
                                   csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        exportTo(path, format, [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT message(error);
        });
    });
    dialog->open();
}
