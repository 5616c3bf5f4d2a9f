#include "ui/estateitemdelegate.h"

#include "estatemodel.h"
#include "tenanttagstore.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::Literals::StringLiterals;

namespace {

using Role = EstateModel::Role;
using Kind = EstateNodeKind;

QVariant role(const QModelIndex &index, Role r)
{
    return index.data(static_cast<int>(r));
}

Icon kindIcon(Kind kind, const QModelIndex &index)
{
    switch (kind) {
    case Kind::Organization:
        return Icon::Organization;
    case Kind::Region:
        return Icon::Region;
    case Kind::Tenant: {
        const QString status = role(index, Role::Status).toString();
        return status == "active"_L1 || status.isEmpty() ? Icon::Tenant : Icon::TenantDeactivated;
    }
    case Kind::Users:
        return Icon::Users;
    case Kind::User:
        return Icon::User;
    case Kind::Groups:
        return Icon::Groups;
    case Kind::Group:
        return Icon::Group;
    case Kind::Spaces:
        return Icon::Spaces;
    case Kind::Space:
        return role(index, Role::SpaceType).toString() == "managed"_L1 ? Icon::SpaceManaged : Icon::SpaceShared;
    case Kind::App:
        return role(index, Role::Published).toBool() ? Icon::AppPublished : Icon::App;
    case Kind::Extensions:
    case Kind::Extension:
        return Icon::Extension;
    case Kind::Themes:
    case Kind::Theme:
        return Icon::Theme;
    case Kind::IdentityProviders:
    case Kind::IdentityProvider:
        return Icon::IdentityProvider;
    case Kind::CspOrigins:
    case Kind::CspOrigin:
        return Icon::CspOrigin;
    case Kind::WebIntegrations:
    case Kind::WebIntegration:
        return Icon::WebIntegration;
    case Kind::Automations:
    case Kind::Automation:
        return Icon::Automation;
    case Kind::BotUsers:
        return Icon::BotUser;
    case Kind::BotUser:
        return role(index, Role::Orphaned).toBool() ? Icon::BotOrphaned : Icon::BotUser;
    case Kind::License:
        return Icon::License;
    }
    return Icon::Tenant;
}

QColor mutedColor(const QStyleOptionViewItem &option, bool selected)
{
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor base = option.palette.color(selected ? QPalette::Highlight : QPalette::Base);
    // Halfway between text and background: readable, clearly secondary.
    return QColor::fromRgbF((text.redF() * 3 + base.redF() * 2) / 5, (text.greenF() * 3 + base.greenF() * 2) / 5,
                            (text.blueF() * 3 + base.blueF() * 2) / 5);
}

} // namespace

EstateItemDelegate::EstateItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

EstateItemDelegate::~EstateItemDelegate() = default;

void EstateItemDelegate::setTagStore(TenantTagStore *tags)
{
    m_tags = tags;
}

Icon EstateItemDelegate::iconFor(const QModelIndex &index)
{
    switch (static_cast<EstateModel::LoadState>(role(index, Role::LoadState).toInt())) {
    case EstateModel::LoadState::Failed:
        return Icon::Error;
    case EstateModel::LoadState::Loading:
        // Categories and spaces show that their list is on its way; the organization keeps its
        // icon while tenants stream in (its detail text counts them).
        if (static_cast<Kind>(role(index, Role::Kind).toInt()) != Kind::Organization)
            return Icon::Loading;
        break;
    case EstateModel::LoadState::NotLoaded:
    case EstateModel::LoadState::Loaded:
        break;
    }
    return kindIcon(static_cast<Kind>(role(index, Role::Kind).toInt()), index);
}

void EstateItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->icon = IconCatalog::icon(iconFor(index));
    option->features |= QStyleOptionViewItem::HasDecoration;
}

QSize EstateItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Room for the muted detail, so horizontal scrolling reaches it.
    const QString detail = role(index, Role::Detail).toString();
    if (!detail.isEmpty())
        size.rwidth() += option.fontMetrics.horizontalAdvance(detail) + 12;
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 6));
    return size;
}

void EstateItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QString name = opt.text;
    opt.text.clear();
    // Background, selection, focus and the icon as the style draws them; the text is ours.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setClipRect(opt.rect);
    const QFontMetrics metrics(opt.font);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    QRect rect = textRect.adjusted(margin, 0, -margin, 0);

    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QString elidedName = metrics.elidedText(name, Qt::ElideRight, rect.width());
    painter->drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, elidedName);
    int x = rect.left() + metrics.horizontalAdvance(elidedName) + 8;

    const QStringList tags = role(index, Role::Tags).toStringList();
    if (!tags.isEmpty() && m_tags) {
        QFont chipFont = opt.font;
        chipFont.setPointSizeF(opt.font.pointSizeF() * 0.85);
        const QFontMetrics chipMetrics(chipFont);
        painter->setFont(chipFont);
        painter->setRenderHint(QPainter::Antialiasing);
        for (const QString &tag : tags) {
            const std::optional<TenantTag> definition = m_tags->definition(tag);
            const QColor color(definition ? definition->color : u"#757575"_s);
            const int width = chipMetrics.horizontalAdvance(tag) + 10;
            const QRect chip(x, rect.center().y() - chipMetrics.height() / 2 - 1, width, chipMetrics.height() + 2);
            if (chip.right() > rect.right())
                break;
            QPainterPath path;
            path.addRoundedRect(chip, 4, 4);
            painter->fillPath(path, color);
            painter->setPen(color.lightnessF() > 0.6 ? Qt::black : Qt::white);
            painter->drawText(chip, Qt::AlignCenter, tag);
            x = chip.right() + 5;
        }
        painter->setFont(opt.font);
        x += 3;
    }

    const QString detail = role(index, Role::Detail).toString();
    if (!detail.isEmpty() && x < rect.right()) {
        painter->setPen(mutedColor(opt, selected));
        const QRect detailRect(x, rect.top(), rect.right() - x, rect.height());
        painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(detail, Qt::ElideRight, detailRect.width()));
    }
    painter->restore();
}
