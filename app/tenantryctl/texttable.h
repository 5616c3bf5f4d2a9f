#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// A table for people: a header row and aligned columns separated by two spaces. The last column is
// not padded, so lines carry no trailing blanks.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void addRow(QStringList cells); // missing cells are blank, extra cells are dropped
    [[nodiscard]] qsizetype rowCount() const { return m_rows.size(); }
    [[nodiscard]] QString render() const; // ends with a newline

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
