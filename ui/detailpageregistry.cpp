#include "ui/detailpageregistry.h"

#include "ui/detailpage.h"

void DetailPageRegistry::add(EstateNodeKind kind, Factory factory)
{
    m_factories.insert(kind, std::move(factory));
}

DetailPage *DetailPageRegistry::create(EstateNodeKind kind, QWidget *parent) const
{
    const auto it = m_factories.constFind(kind);
    return it == m_factories.cend() ? nullptr : (*it)(parent);
}
