#pragma once

#include <QFrame>
#include <QList>
#include <QPointer>
#include <QString>

class EstateModel;
class QAction;
class QLineEdit;
class QListWidget;

// Ctrl+K: a popup with a line edit over every action of a window and every tenant of the estate.
// Typing narrows the list (substring first, then the letters in order: "nwt" finds Northwind);
// Up/Down/PageUp/PageDown move, Enter runs the action or chooses the tenant, Esc closes. Keyboard
// only; nothing is fetched, so it opens at once over 20,000 tenants.
class CommandPalette final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandPalette)

public:
    // The actions are those of `window` (and its menus) at the time the palette opens.
    explicit CommandPalette(QWidget *window);
    ~CommandPalette() override;

    void setEstate(EstateModel *estate);
    // Gathers the candidates, shows the palette over the top of the window and focuses the edit.
    void open();

    [[nodiscard]] QLineEdit *lineEdit() const { return m_edit; }
    [[nodiscard]] QListWidget *listWidget() const { return m_list; }
    // What is listed, top first, as shown.
    [[nodiscard]] QStringList shownTexts() const;

    // The most candidates listed at once.
    static constexpr int maxShown = 50;

Q_SIGNALS:
    // A tenant was chosen: its id, or its hostname when the id is not known yet.
    void tenantChosen(const QString &idOrHostname);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Candidate
    {
        QString text; // shown
        QString detail; // shown after it, dimmed: the shortcut, or the tenant's hostname
        QString haystack; // lower case: what typing matches against
        QPointer<QAction> action;
        QString tenant; // id or hostname
    };

    void gather();
    void refilter();
    void activate(int row);
    // Lower is better; -1: no match.
    [[nodiscard]] static int score(const QString &haystack, const QString &needle);

    QPointer<QWidget> m_window;
    QPointer<EstateModel> m_estate;
    QLineEdit *m_edit = nullptr;
    QListWidget *m_list = nullptr;
    QList<Candidate> m_candidates;
    QList<int> m_shown; // candidate per list row
};
