#include "ui/commandpalette.h"

#include "estatemodel.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Menu texts carry mnemonics ("&Refresh"); "&&" is a literal ampersand.
QString plainText(QString text)
{
    text.replace("&&"_L1, "\x01"_L1);
    text.remove(u'&');
    text.replace("\x01"_L1, "&"_L1);
    return text;
}

} // namespace

CommandPalette::CommandPalette(QWidget *window)
    : QFrame(window, Qt::Popup)
    , m_window(window)
{
    setObjectName(u"commandPalette"_s);
    setFrameShape(QFrame::StyledPanel);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"commandPaletteEdit"_s);
    m_edit->setPlaceholderText(tr("Type a command or a tenant…"));
    m_edit->installEventFilter(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"commandPaletteList"_s);
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the edit; the edit forwards the arrows
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_list);
    connect(m_edit, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { activate(m_list->row(item)); });
}

CommandPalette::~CommandPalette() = default;

void CommandPalette::setEstate(EstateModel *estate)
{
    m_estate = estate;
}

void CommandPalette::open()
{
    gather();
    m_edit->clear();
    refilter();
    if (m_window) {
        const int width = std::clamp(m_window->width() / 2, 360, 720);
        resize(width, 360);
        const QPoint topCenter = m_window->mapToGlobal(QPoint(m_window->width() / 2, 0));
        move(topCenter.x() - width / 2, topCenter.y() + 40);
    }
    show();
    raise();
    activateWindow();
    m_edit->setFocus(Qt::PopupFocusReason);
}

void CommandPalette::gather()
{
    m_candidates.clear();
    if (m_window) {
        // Every action with a text, once, whether in a menu or on the window; not the palette's own.
        QList<QAction *> actions = m_window->findChildren<QAction *>();
        QList<QAction *> seen;
        for (QAction *action : std::as_const(actions)) {
            if (action->isSeparator() || action->menu() || action->text().isEmpty() || !action->isEnabled()
                || action->objectName() == "commandPaletteAction"_L1 || seen.contains(action))
                continue;
            seen.append(action);
            Candidate candidate;
            candidate.text = plainText(action->text());
            if (candidate.text.endsWith(u'…'))
                candidate.text.chop(1);
            candidate.detail = action->shortcut().toString(QKeySequence::NativeText);
            candidate.haystack = candidate.text.toLower();
            candidate.action = action;
            m_candidates.append(candidate);
        }
    }
    if (m_estate) {
        m_estate->forEachTenant([this](const QModelIndex &tenant) {
            Candidate candidate;
            candidate.text = tenant.data(Qt::DisplayRole).toString();
            const QString hostname = tenant.data(int(EstateModel::Role::Hostname)).toString();
            candidate.detail = hostname;
            candidate.haystack = (candidate.text + u' ' + hostname).toLower();
            const QString id = tenant.data(int(EstateModel::Role::TenantId)).toString();
            candidate.tenant = id.isEmpty() ? hostname : id;
            m_candidates.append(candidate);
        });
    }
}

int CommandPalette::score(const QString &haystack, const QString &needle)
{
    if (needle.isEmpty())
        return 0;
    const qsizetype at = haystack.indexOf(needle);
    if (at == 0)
        return 0;
    if (at > 0)
        return haystack.at(at - 1).isLetterOrNumber() ? 2 : 1; // a word's start beats its middle
    // The letters in order, fewer gaps first.
    qsizetype position = 0;
    int gaps = 0;
    for (const QChar c : needle) {
        const qsizetype found = haystack.indexOf(c, position);
        if (found < 0)
            return -1;
        gaps += found > position ? 1 : 0;
        position = found + 1;
    }
    return 3 + gaps;
}

void CommandPalette::refilter()
{
    const QString needle = m_edit->text().trimmed().toLower();
    QList<QPair<int, int>> matches; // score, candidate
    for (int i = 0; i < m_candidates.size(); ++i) {
        const int s = score(m_candidates.at(i).haystack, needle);
        if (s >= 0)
            matches.append({s, i});
    }
    // Best first; among equals, commands before tenants, then by name.
    const auto better = [this](const QPair<int, int> &a, const QPair<int, int> &b) {
        if (a.first != b.first)
            return a.first < b.first;
        const Candidate &x = m_candidates.at(a.second);
        const Candidate &y = m_candidates.at(b.second);
        if (x.tenant.isEmpty() != y.tenant.isEmpty())
            return x.tenant.isEmpty();
        return x.text.compare(y.text, Qt::CaseInsensitive) < 0;
    };
    const qsizetype shown = std::min<qsizetype>(matches.size(), maxShown);
    std::partial_sort(matches.begin(), matches.begin() + shown, matches.end(), better);
    m_shown.clear();
    m_list->clear();
    for (qsizetype i = 0; i < shown; ++i) {
        const Candidate &candidate = m_candidates.at(matches.at(i).second);
        const QString kind = candidate.tenant.isEmpty() ? tr("Command") : tr("Tenant");
        auto *item = new QListWidgetItem(
            candidate.detail.isEmpty() ? candidate.text : candidate.text + u"    "_s + candidate.detail, m_list);
        item->setToolTip(kind);
        m_shown.append(matches.at(i).second);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QStringList CommandPalette::shownTexts() const
{
    QStringList texts;
    for (const int candidate : m_shown)
        texts.append(m_candidates.at(candidate).text);
    return texts;
}

void CommandPalette::activate(int row)
{
    if (row < 0 || row >= m_shown.size())
        return;
    const Candidate candidate = m_candidates.at(m_shown.at(row));
    close();
    if (!candidate.tenant.isEmpty())
        Q_EMIT tenantChosen(candidate.tenant);
    else if (candidate.action && candidate.action->isEnabled())
        candidate.action->trigger();
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_edit || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const int count = m_list->count();
    const int row = m_list->currentRow();
    const int page = 10;
    switch (key->key()) {
    case Qt::Key_Down:
        if (count > 0)
            m_list->setCurrentRow((row + 1) % count);
        return true;
    case Qt::Key_Up:
        if (count > 0)
            m_list->setCurrentRow((row - 1 + count) % count);
        return true;
    case Qt::Key_PageDown:
        if (count > 0)
            m_list->setCurrentRow(std::min(count - 1, row + page));
        return true;
    case Qt::Key_PageUp:
        if (count > 0)
            m_list->setCurrentRow(std::max(0, row - page));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activate(row);
        return true;
    case Qt::Key_Escape:
        close();
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}
