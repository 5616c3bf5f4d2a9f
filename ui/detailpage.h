#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class EstateSession;

// The central area's page for the selected estate node. Pages are made by the DetailPageRegistry
// for a node kind, shown for one node at a time and deleted when the selection moves on. A page
// reads the estate model (and, for documents the tree does not hold, loads them through models/)
// — never HTTP.
class DetailPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPage)

public:
    enum class ExportFormat { Csv, Json };

    explicit DetailPage(QWidget *parent = nullptr);
    ~DetailPage() override;

    // Shows `node`, an index of the session's EstateModel (not of a proxy).
    virtual void setNode(EstateSession *session, const QModelIndex &node) = 0;
    [[nodiscard]] QModelIndex node() const { return m_node; }

    // What the window's Copy / Export actions do on this page. The defaults: nothing to copy or export.
    [[nodiscard]] virtual bool canExport() const { return false; }
    // Copies the selected rows (or the shown resource) to the clipboard; false when there is nothing.
    virtual bool copySelection() { return false; }
    // Writes the page's table to `path` (on a worker thread); `done` gets "" or what went wrong.
    virtual void exportTo(const QString &path, ExportFormat format, std::function<void(const QString &)> done);
    // The file name an export starts from ("spaces-acme-source").
    [[nodiscard]] virtual QString exportName() const { return {}; }

Q_SIGNALS:
    // Something worth a line in the status bar ("Exported 12 rows to …").
    void message(const QString &text);

protected:
    QPersistentModelIndex m_node;
};
