#pragma once

#include "ui/iconcatalog.h"

#include <QPointer>
#include <QStyledItemDelegate>

class TenantTagStore;

// Draws an estate node the way an admin scans a tree of thousands: the icon of its kind (or of its
// state: loading, failed, deactivated, orphaned), its name, its tags as coloured chips, then the
// muted detail (hostname, count, status). EstateModel exposes kinds and states; the icons live
// here, on the ui side (IconCatalog caches them).
class EstateItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EstateItemDelegate)

public:
    explicit EstateItemDelegate(QObject *parent = nullptr);
    ~EstateItemDelegate() override;

    // Where tag colours come from (not owned).
    void setTagStore(TenantTagStore *tags);

    // The icon of an estate node (any model exposing EstateModel's roles, proxies included).
    [[nodiscard]] static Icon iconFor(const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QPointer<TenantTagStore> m_tags;
};
