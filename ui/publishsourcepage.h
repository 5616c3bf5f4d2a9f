#pragma once

#include <QStringList>
#include <QWizardPage>

class QComboBox;
class PublishWizard;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;
class SourceAppCatalog;

// The publish wizard's first page: the source tenant (any active tenant of the estate) and the
// apps of its shared spaces, several at once, or local .qvf app files (or both). The apps load on
// the event loop when the source changes; the page is complete once at least one app is checked
// or one file is listed. A file that cannot be published is refused when it is added, naming it.
class PublishSourcePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishSourcePage)

public:
    explicit PublishSourcePage(QWidget *parent = nullptr);
    ~PublishSourcePage() override;

    [[nodiscard]] QComboBox *sourceCombo() const { return m_sourceCombo; }
    [[nodiscard]] QTreeWidget *appList() const { return m_apps; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] SourceAppCatalog *catalog() const { return m_catalog; }
    [[nodiscard]] QListWidget *fileList() const { return m_files; }

    // Chooses the source tenant by hostname (or id); false when the estate does not list it.
    bool setSource(const QString &hostnameOrId);
    [[nodiscard]] QString sourceHostname() const;
    // The checked apps' ids and names, in list order.
    [[nodiscard]] QStringList selectedAppIds() const;
    [[nodiscard]] QStringList selectedAppNames() const;
    // Checks the apps with these names (exact, case-insensitive); returns how many it found.
    int checkApps(const QStringList &names);
    // Lists local app files (the "Add App Files…" button's work). Files that cannot be published
    // (missing, empty, not .qvf) are left out and named in the status line; returns how many were added.
    int addAppFiles(const QStringList &paths);
    // The listed files' absolute paths, in list order.
    [[nodiscard]] QStringList appFiles() const;

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] bool validatePage() override;

private:
    [[nodiscard]] PublishWizard *publishWizard() const;
    void fillSources();
    void loadApps();
    void showApps(const QString &hostname);
    void chooseAppFiles();
    void removeAppFiles();

    QComboBox *m_sourceCombo = nullptr;
    QTreeWidget *m_apps = nullptr;
    QListWidget *m_files = nullptr;
    QPushButton *m_removeFiles = nullptr;
    QLabel *m_status = nullptr;
    SourceAppCatalog *m_catalog = nullptr;
};
