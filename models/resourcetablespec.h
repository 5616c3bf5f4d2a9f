#pragma once

#include "estatenodekind.h"

#include <QList>
#include <QModelIndex>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

// One column of a detail table: its title and how a row's value is read from the estate node it
// shows. Values are typed so tables sort properly: QString, qint64, QDateTime, bool or QStringList.
struct ResourceColumn
{
    QString title;
    std::function<QVariant(const QModelIndex &node)> value;
};

// The columns of the table that lists a node's children: the spaces of a tenant, the apps of a
// space, the users with their roles, the tenants of a region... Reads EstateModel's roles (the
// resource JSON for resources), never the network.
struct ResourceTableSpec
{
    QString title; // "Spaces"
    QString fileStem; // "spaces": the default name of exported files
    QList<ResourceColumn> columns;

    // The table for the children of a node of `kind`; nullopt when its children are not listed as
    // a table (a tenant's categories, the license).
    [[nodiscard]] static std::optional<ResourceTableSpec> forChildrenOf(EstateNodeKind kind);
};
