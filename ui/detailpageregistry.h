#pragma once

#include "estatenodekind.h"

#include <QHash>

#include <functional>

class DetailPage;
class QWidget;

// Which page the central area shows for a node kind. The window registers its defaults (tables for
// categories, properties for single resources); later work replaces or adds pages per kind —
// a license page, an audit page — without touching the window:
//
//     window.detailPages()->add(EstateNodeKind::License, [](QWidget *parent) { return new LicensePage(parent); });
class DetailPageRegistry final
{
public:
    using Factory = std::function<DetailPage *(QWidget *parent)>;

    // Replaces any page registered for `kind`.
    void add(EstateNodeKind kind, Factory factory);
    [[nodiscard]] bool contains(EstateNodeKind kind) const { return m_factories.contains(kind); }
    // A new page for `kind`, or nullptr when none is registered.
    [[nodiscard]] DetailPage *create(EstateNodeKind kind, QWidget *parent) const;

private:
    QHash<EstateNodeKind, Factory> m_factories;
};
