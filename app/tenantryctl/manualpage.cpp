#include "manualpage.h"

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kIndent = 7; // as man(1) indents section bodies
constexpr int kTermIndent = 11;

} // namespace

ManualPage::ManualPage(const QString &name, const QString &summary, const QString &synopsis)
{
    addParagraphs(u"NAME"_s, {name + u" - "_s + summary});
    addParagraphs(u"SYNOPSIS"_s, {synopsis});
}

ManualPage::Section &ManualPage::section(const QString &title)
{
    for (Section &existing : m_sections) {
        if (existing.title == title)
            return existing;
    }
    m_sections.append({title, {}});
    return m_sections.last();
}

void ManualPage::addParagraphs(const QString &title, const QStringList &paragraphs)
{
    Section &target = section(title);
    for (const QString &paragraph : paragraphs)
        target.body.append(wrapped(paragraph, kIndent));
}

void ManualPage::addTerm(const QString &title, const QString &term, const QString &description)
{
    section(title).body.append(wrapped(term, kIndent) + u'\n' + wrapped(description, kTermIndent));
}

QString ManualPage::text() const
{
    QStringList sections;
    for (const Section &each : m_sections)
        sections.append(each.title + u'\n' + each.body.join(u"\n\n"_s));
    return sections.join(u"\n\n"_s) + u'\n';
}

QString ManualPage::wrapped(const QString &text, int indent, int width)
{
    const QString margin(indent, u' ');
    QStringList lines;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && margin.size() + line.size() + 1 + word.size() > width) {
            lines.append(margin + line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        lines.append(margin + line);
    return lines.join(u'\n');
}
