#include "ui/resourcetablepage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "resourcetablemodel.h"
#include "tableexport.h"
#include "ui/iconcatalog.h"
#include "ui/propertiesview.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QToolButton *toolButton(QWidget *parent, Icon icon, const QString &text, const QString &objectName)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(IconCatalog::icon(icon));
    button->setText(text);
    button->setToolTip(text);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

ResourceTablePage::ResourceTablePage(QWidget *parent)
    : DetailPage(parent)
{
    setObjectName(u"resourceTablePage"_s);
    m_model = new ResourceTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(static_cast<int>(ResourceTableModel::Role::SortKey));
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_title = new QLabel(this);
    m_title->setObjectName(u"tableTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_count = new QLabel(this);
    m_count->setObjectName(u"tableCount"_s);
    m_count->setEnabled(false);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"tableFilter"_s);
    m_filter->setPlaceholderText(tr("Filter rows"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(IconCatalog::icon(Icon::Filter), QLineEdit::LeadingPosition);
    m_filter->setMaximumWidth(280);
    m_copyButton = toolButton(this, Icon::Copy, tr("Copy"), u"copyRowsButton"_s);
    m_csvButton = toolButton(this, Icon::ExportCsv, tr("CSV"), u"exportCsvButton"_s);
    m_csvButton->setToolTip(tr("Export the rows shown to CSV"));
    m_jsonButton = toolButton(this, Icon::ExportJson, tr("JSON"), u"exportJsonButton"_s);
    m_jsonButton->setToolTip(tr("Export the resources shown to JSON"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_count);
    header->addStretch(1);
    header->addWidget(m_filter);
    header->addWidget(m_copyButton);
    header->addWidget(m_csvButton);
    header->addWidget(m_jsonButton);

    m_banner = new QWidget(this);
    m_banner->setObjectName(u"loadBanner"_s);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(u"loadBannerText"_s);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(IconCatalog::icon(Icon::Refresh), tr("Retry"), m_banner);
    m_retry->setObjectName(u"retryButton"_s);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_retry);
    m_banner->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(u"resourceTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the server's order until asked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    m_properties = new PropertiesView(this);
    m_properties->setObjectName(u"rowProperties"_s);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"tableSplitter"_s);
    splitter->addWidget(m_table);
    splitter->addWidget(m_properties);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    auto *copyAction = new QAction(IconCatalog::icon(Icon::Copy), tr("Copy Rows"), this);
    copyAction->setObjectName(u"copyRowsAction"_s);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &ResourceTablePage::copySelection);
    connect(m_copyButton, &QToolButton::clicked, this, &ResourceTablePage::copySelection);
    connect(m_csvButton, &QToolButton::clicked, this, [this] { chooseExportFile(ExportFormat::Csv); });
    connect(m_jsonButton, &QToolButton::clicked, this, [this] { chooseExportFile(ExportFormat::Json); });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &ResourceTablePage::updateCount);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_estate && m_node.isValid())
            m_estate->refresh(m_node);
    });
    connect(m_model, &ResourceTableModel::sourceNodeChanged, this, &ResourceTablePage::updateBanner);
    connect(m_model, &ResourceTableModel::sourceNodeRemoved, this, &ResourceTablePage::updateBanner);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateCount();
        if (!m_columnsSized && m_model->rowCount() > 0) {
            m_columnsSized = true; // once, from the first page: later pages must not make columns jump
            m_table->resizeColumnsToContents();
            for (int column = 0; column < m_model->columnCount(); ++column)
                m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 320));
        }
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ResourceTablePage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ResourceTablePage::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ResourceTablePage::showCurrentProperties);
}

ResourceTablePage::~ResourceTablePage() = default;

void ResourceTablePage::setNode(EstateSession *session, const QModelIndex &node)
{
    m_estate = session->model();
    m_node = node;
    const EstateNodeKind kind = m_estate->kind(node);
    const std::optional<ResourceTableSpec> spec = ResourceTableSpec::forChildrenOf(kind);
    m_columnsSized = false;
    m_model->setSource(m_estate, node, spec.value_or(ResourceTableSpec{}));
    const QModelIndex tenant = m_estate->tenantOf(node);
    const QString title = spec ? spec->title : node.data().toString();
    if (kind == EstateNodeKind::Space || (tenant.isValid() && tenant != node))
        m_title->setText(
            tr("%1 of %2")
                .arg(title, kind == EstateNodeKind::Space ? node.data().toString() : tenant.data().toString()));
    else if (kind == EstateNodeKind::Region)
        m_title->setText(tr("Tenants in %1").arg(node.data().toString()));
    else
        m_title->setText(title);
    if (m_model->rowCount() > 0) {
        m_columnsSized = true;
        m_table->resizeColumnsToContents();
        for (int column = 0; column < m_model->columnCount(); ++column)
            m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 320));
    }
    // Selecting a category loads it, as expanding it in the tree would.
    if (m_estate->canFetchMore(node))
        m_estate->fetchMore(node);
    updateBanner();
    updateCount();
    m_properties->clear();
}

void ResourceTablePage::updateBanner()
{
    if (!m_estate || !m_node.isValid()) {
        m_bannerText->setText(tr("This list was refreshed away; select it again in the estate."));
        m_retry->hide();
        m_banner->show();
        return;
    }
    const auto state = m_estate->loadState(m_node);
    switch (state) {
    case EstateModel::LoadState::Failed:
        m_bannerText->setText(
            tr("<b>Could not load:</b> %1")
                .arg(m_node.data(static_cast<int>(EstateModel::Role::Error)).toString().toHtmlEscaped()));
        m_retry->show();
        m_banner->show();
        break;
    case EstateModel::LoadState::Loading:
        m_bannerText->setText(tr("Loading…"));
        m_retry->hide();
        m_banner->show();
        break;
    case EstateModel::LoadState::NotLoaded:
    case EstateModel::LoadState::Loaded:
        m_banner->hide();
        break;
    }
    updateCount();
}

void ResourceTablePage::updateCount()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text = shown == total ? tr("%1 rows").arg(locale.toString(total))
                                  : tr("%1 of %2 rows").arg(locale.toString(shown), locale.toString(total));
    if (m_estate && m_node.isValid() && m_estate->loadState(m_node) == EstateModel::LoadState::Loading)
        text += tr(", loading…");
    m_count->setText(text);
}

void ResourceTablePage::showCurrentProperties()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_properties->clear();
        return;
    }
    const int row = m_proxy->mapToSource(current).row();
    const QModelIndex source = m_model->sourceIndex(row);
    m_properties->setJson(source.data().toString(), m_model->json(row));
}

QList<int> ResourceTablePage::shownSourceRows() const
{
    QList<int> rows;
    rows.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    return rows;
}

QList<QStringList> ResourceTablePage::shownRows() const
{
    QList<QStringList> rows;
    for (const int row : shownSourceRows())
        rows.append(m_model->rowText(row));
    return rows;
}

QList<QStringList> ResourceTablePage::selectedRows() const
{
    QModelIndexList selected = m_table->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<QStringList> rows;
    for (const QModelIndex &index : std::as_const(selected))
        rows.append(m_model->rowText(m_proxy->mapToSource(index).row()));
    return rows;
}

bool ResourceTablePage::copySelection()
{
    const QList<QStringList> rows = selectedRows();
    if (rows.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(TableExport::toTsv(m_model->headers(), rows));
    Q_EMIT message(tr("Copied %n row(s)", nullptr, static_cast<int>(rows.size())));
    return true;
}

QString ResourceTablePage::exportName() const
{
    QString name = m_model->spec().fileStem.isEmpty() ? u"table"_s : m_model->spec().fileStem;
    if (m_estate && m_node.isValid()) {
        const QModelIndex tenant = m_estate->tenantOf(m_node);
        if (tenant.isValid())
            name += u'-' + tenant.data().toString();
        const EstateNodeKind kind = m_estate->kind(m_node);
        if (kind == EstateNodeKind::Space || kind == EstateNodeKind::Region)
            name += u'-' + m_node.data().toString();
    }
    // Keep file names portable: letters, digits, '-', '_' and '.'.
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_' && c != u'.')
            c = u'_';
    }
    return name;
}

void ResourceTablePage::exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done)
{
    QByteArray bytes;
    int count = 0;
    if (format == ExportFormat::Csv) {
        const QList<QStringList> rows = shownRows();
        count = static_cast<int>(rows.size());
        bytes = TableExport::toCsv(m_model->headers(), rows);
    } else {
        QJsonArray items;
        for (const int row : shownSourceRows())
            items.append(m_model->json(row));
        count = static_cast<int>(items.size());
        bytes = TableExport::toJson(items);
    }
    TableExport::writeFile(path, bytes, this, [this, path, count, done = std::move(done)](const QString &error) {
        if (error.isEmpty())
            Q_EMIT message(tr("Exported %n row(s) to %1", nullptr, count).arg(QDir::toNativeSeparators(path)));
        done(error);
    });
}

void ResourceTablePage::chooseExportFile(ExportFormat format)
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
    dialog->selectFile(exportName() + u'.' + suffix);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        exportTo(path, format, [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT message(error);
        });
    });
    dialog->open();
}
