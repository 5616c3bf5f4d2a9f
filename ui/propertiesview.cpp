#include "ui/propertiesview.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString hiddenMarker = QStringLiteral("••• (hidden)");

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        const auto integer = static_cast<qint64>(number);
        return static_cast<double>(integer) == number ? QString::number(integer) : QString::number(number);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

} // namespace

PropertiesView::PropertiesView(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setObjectName(u"propertiesTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_rawToggle = new QToolButton(this);
    m_rawToggle->setObjectName(u"rawJsonToggle"_s);
    m_rawToggle->setText(tr("Raw JSON"));
    m_rawToggle->setCheckable(true);
    m_rawToggle->setToolTip(tr("Show the resource as the server sent it"));

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"propertiesTree"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Property"), tr("Value")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_raw = new QPlainTextEdit(this);
    m_raw->setObjectName(u"propertiesRaw"_s);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_raw);
    connect(m_rawToggle, &QToolButton::toggled, this, [this](bool raw) { m_stack->setCurrentIndex(raw ? 1 : 0); });

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_rawToggle);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    clear();
}

PropertiesView::~PropertiesView() = default;

bool PropertiesView::isSecretKey(const QString &key)
{
    const QString lower = key.toLower();
    return lower == "licensekey"_L1 || lower.contains("secret"_L1) || lower.contains("token"_L1)
        || lower.contains("password"_L1) || lower == "pem"_L1 || lower == "privatekey"_L1;
}

QJsonObject PropertiesView::redacted(const QJsonObject &json)
{
    QJsonObject out;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (isSecretKey(it.key())) {
            out.insert(it.key(), hiddenMarker);
        } else if (it->isObject()) {
            out.insert(it.key(), redacted(it->toObject()));
        } else if (it->isArray()) {
            QJsonArray array;
            for (const auto &value : it->toArray())
                array.append(value.isObject() ? QJsonValue(redacted(value.toObject())) : value);
            out.insert(it.key(), array);
        } else {
            out.insert(it.key(), *it);
        }
    }
    return out;
}

void PropertiesView::addValue(QTreeWidgetItem *parent, QTreeWidget *tree, const QString &key, const QJsonValue &value)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, key);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        item->setText(1, object.isEmpty() ? u"{}"_s : QString());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            addValue(item, tree, it.key(), *it);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool scalars = true;
        QStringList texts;
        for (const auto &element : array) {
            scalars = scalars && !element.isObject() && !element.isArray();
            texts.append(scalarText(element));
        }
        if (scalars) {
            item->setText(1, array.isEmpty() ? u"[]"_s : texts.join(u", "_s));
        } else {
            for (qsizetype i = 0; i < array.size(); ++i)
                addValue(item, tree, u"[%1]"_s.arg(i), array.at(i));
        }
    } else {
        item->setText(1, scalarText(value));
    }
    item->setToolTip(1, item->text(1));
}

void PropertiesView::setJson(const QString &title, const QJsonObject &json)
{
    m_json = redacted(json);
    m_title->setText(title);
    m_tree->clear();
    m_tree->setUpdatesEnabled(false);
    for (auto it = m_json.constBegin(); it != m_json.constEnd(); ++it)
        addValue(nullptr, m_tree, it.key(), *it);
    m_tree->setUpdatesEnabled(true);
    m_raw->setPlainText(QString::fromUtf8(QJsonDocument(m_json).toJson(QJsonDocument::Indented)));
    m_rawToggle->setEnabled(true);
}

void PropertiesView::clear(const QString &hint)
{
    m_json = {};
    m_title->setText(hint.isEmpty() ? tr("Select a row to see its properties.") : hint);
    m_tree->clear();
    m_raw->clear();
    m_rawToggle->setEnabled(false);
}

bool PropertiesView::isRawJsonShown() const
{
    return m_rawToggle->isChecked();
}

void PropertiesView::setRawJsonShown(bool shown)
{
    m_rawToggle->setChecked(shown);
}

QString PropertiesView::rawJson() const
{
    return m_raw->toPlainText();
}
