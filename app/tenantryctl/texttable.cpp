#include "texttable.h"

#include <algorithm>

TextTable::TextTable(QStringList headers)
    : m_headers(std::move(headers))
{ }

void TextTable::addRow(QStringList cells)
{
    cells.resize(m_headers.size());
    m_rows.append(std::move(cells));
}

QString TextTable::render() const
{
    QList<qsizetype> widths;
    widths.reserve(m_headers.size());
    for (const QString &header : m_headers)
        widths.append(header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }

    QString text;
    const auto appendLine = [&](const QStringList &cells) {
        QString line;
        for (qsizetype column = 0; column < cells.size(); ++column) {
            if (column > 0)
                line += QStringLiteral("  ");
            const bool last = column == cells.size() - 1;
            line += last ? cells.at(column) : cells.at(column).leftJustified(widths.at(column));
        }
        // A blank last cell would leave the padding of the one before it.
        while (line.endsWith(u' '))
            line.chop(1);
        text += line + u'\n';
    };
    appendLine(m_headers);
    for (const QStringList &row : m_rows)
        appendLine(row);
    return text;
}
