#include "ui/propertiespage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "ui/propertiesview.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

PropertiesPage::PropertiesPage(QWidget *parent)
    : DetailPage(parent)
{
    setObjectName(u"propertiesPage"_s);
    m_view = new PropertiesView(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
}

PropertiesPage::~PropertiesPage() = default;

void PropertiesPage::setNode(EstateSession *session, const QModelIndex &node)
{
    m_node = node;
    EstateModel *model = session->model();
    model->disconnect(this);
    // The resource may change under the page (a refresh of its list brings new JSON).
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (m_node.isValid() && m_node.parent() == topLeft.parent() && topLeft.row() <= m_node.row()
                    && m_node.row() <= bottomRight.row())
                    refreshView();
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_node.isValid())
            m_view->clear(tr("This resource was refreshed away; select it again in the estate."));
    });
    refreshView();
}

void PropertiesPage::refreshView()
{
    const QJsonObject json = m_node.data(static_cast<int>(EstateModel::Role::Json)).toJsonObject();
    if (json.isEmpty())
        m_view->clear(tr("Nothing is known about %1 yet.").arg(m_node.data().toString()));
    else
        m_view->setJson(m_node.data().toString(), json);
}

bool PropertiesPage::copySelection()
{
    if (!m_node.isValid())
        return false;
    QGuiApplication::clipboard()->setText(m_view->rawJson());
    Q_EMIT message(tr("Copied %1 as JSON").arg(m_node.data().toString()));
    return true;
}
