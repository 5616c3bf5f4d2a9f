#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// `tenantryctl --help` laid out like a man page: NAME, SYNOPSIS, DESCRIPTION, then titled sections
// of terms (an option, a command's synopsis) each followed by its indented, wrapped description,
// or of plain paragraphs. Lines wrap at 80 columns so it reads in any terminal.
class ManualPage
{
public:
    ManualPage(const QString &name, const QString &summary, const QString &synopsis);

    void addParagraphs(const QString &section, const QStringList &paragraphs);
    // A definition list: `term` on its own line, `description` under it, indented.
    void addTerm(const QString &section, const QString &term, const QString &description);

    [[nodiscard]] QString text() const;
    // `text` broken into lines of at most `width` columns, each starting with `indent` spaces; a
    // word longer than a line keeps its own line.
    [[nodiscard]] static QString wrapped(const QString &text, int indent, int width = 80);

private:
    struct Section
    {
        QString title;
        QStringList body; // already laid out
    };
    Section &section(const QString &title);

    QList<Section> m_sections;
};
