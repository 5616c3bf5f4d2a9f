#pragma once

#include "ui/detailpage.h"

class PropertiesView;

// The page of a single resource (a user, an app, a space's own fields...): its JSON as the server
// sent it, as properties or raw, with secrets hidden. Follows the node while it stays in the tree.
class PropertiesPage final : public DetailPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertiesPage)

public:
    explicit PropertiesPage(QWidget *parent = nullptr);
    ~PropertiesPage() override;

    void setNode(EstateSession *session, const QModelIndex &node) override;
    bool copySelection() override;
    [[nodiscard]] PropertiesView *propertiesView() const { return m_view; }

private:
    void refreshView();

    PropertiesView *m_view = nullptr;
};
