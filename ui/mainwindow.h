#pragma once

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QTreeView;

// The estate window: estate tree on the left, details in the middle, status at the bottom. Its size,
// position and dock layout come back as they were left (QSettings, non-secret).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QTreeView *estateView() const { return m_estateView; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreLayout();
    void saveLayout() const;
    void openLogFolder();

    QDockWidget *m_estateDock = nullptr;
    QTreeView *m_estateView = nullptr;
    QLabel *m_connectionLabel = nullptr;
};
