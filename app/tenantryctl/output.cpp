#include "output.h"

#include "texttable.h"

#include <cstdio>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

Output::Output(bool json)
    : m_json(json)
{ }

void Output::write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

void Output::table(const TextTable &table) const
{
    write(stdout, table.render());
}

void Output::json(const QJsonObject &object) const
{
    write(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

void Output::line(const QString &text) const
{
    write(stdout, text + u'\n');
}

void Output::error(const QString &message) const
{
    write(stderr, "tenantryctl: "_L1 + message + u'\n');
}

void Output::warning(const QString &message) const
{
    write(stderr, "tenantryctl: warning: "_L1 + message + u'\n');
}
