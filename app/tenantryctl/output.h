#pragma once

#include <QJsonObject>
#include <QString>

class TextTable;

// Where tenantryctl writes: results on stdout (an aligned table or text for people, stable JSON
// with --json), errors and warnings on stderr, always UTF-8.
class Output
{
public:
    explicit Output(bool json);

    [[nodiscard]] bool isJson() const { return m_json; }

    void table(const TextTable &table) const;
    // Indented, keys sorted (QJsonObject keeps them sorted), newline at the end.
    void json(const QJsonObject &object) const;
    void line(const QString &text) const; // stdout

    void error(const QString &message) const; // "tenantryctl: <message>" on stderr
    void warning(const QString &message) const; // "tenantryctl: warning: <message>" on stderr

private:
    static void write(FILE *stream, const QString &text);
    bool m_json = false;
};
