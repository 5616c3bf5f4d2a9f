#include "cloud/qlikclicontextsfile.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

// Far above any real contexts file; stops a wrong path (a disk image, a log) from being loaded whole.
constexpr qint64 maxFileSize = qint64(1024) * 1024;

QString kindOf(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return u"empty"_s;
    case YAML::NodeType::Scalar:
        return u"text"_s;
    case YAML::NodeType::Sequence:
        return u"a list"_s;
    case YAML::NodeType::Map:
        return u"a map"_s;
    }
    return {};
}

class Reader
{
public:
    explicit Reader(const QString &fileName)
        : m_fileName(fileName)
    { }

    [[nodiscard]] QlikCliContextsFile::Result take() { return std::move(m_result); }

    bool fail(const YAML::Mark &mark, const QString &message)
    {
        m_result.contexts.clear(); // all or nothing
        m_result.currentContext.clear();
        if (mark.is_null()) {
            m_result.error = u"%1: %2"_s.arg(m_fileName, message);
            return false;
        }
        m_result.errorLine = mark.line + 1;
        m_result.errorColumn = mark.column + 1;
        m_result.error
            = u"%1:%2:%3: %4"_s.arg(m_fileName).arg(m_result.errorLine).arg(m_result.errorColumn).arg(message);
        return false;
    }

    bool readDocument(const YAML::Node &root)
    {
        if (root.IsNull())
            return true; // an empty file: no contexts
        if (!root.IsMap())
            return fail(root.Mark(),
                        u"the file must be a map with 'contexts' and 'current-context', not %1"_s.arg(kindOf(root)));
        QSet<QString> seen;
        for (const auto &entry : root) {
            QString key;
            if (!keyText(entry.first, u"top-level keys"_s, &key) || !once(entry.first, key, &seen, QString()))
                return false;
            if (key == u"current-context"_s) {
                if (!text(entry.second, u"'current-context'"_s, &m_result.currentContext))
                    return false;
            } else if (key == u"contexts"_s) {
                if (!readContexts(entry.second))
                    return false;
            }
        }
        for (QlikCliContext &context : m_result.contexts)
            context.current = !m_result.currentContext.isEmpty() && context.name == m_result.currentContext;
        return true;
    }

private:
    bool keyText(const YAML::Node &key, const QString &what, QString *out)
    {
        if (!key.IsScalar())
            return fail(key.Mark(), u"%1 must be text, not %2"_s.arg(what, kindOf(key)));
        *out = QString::fromStdString(key.Scalar());
        return true;
    }

    bool once(const YAML::Node &key, const QString &name, QSet<QString> *seen, const QString &where)
    {
        if (seen->contains(name))
            return fail(key.Mark(), u"%1'%2' is given twice"_s.arg(where, name));
        seen->insert(name);
        return true;
    }

    // A scalar as text; an empty value (`server:`) reads as empty text.
    bool text(const YAML::Node &value, const QString &what, QString *out)
    {
        if (value.IsNull()) {
            out->clear();
            return true;
        }
        if (!value.IsScalar())
            return fail(value.Mark(), u"%1 must be text, not %2"_s.arg(what, kindOf(value)));
        *out = QString::fromStdString(value.Scalar()).trimmed();
        return true;
    }

    bool readContexts(const YAML::Node &contexts)
    {
        if (contexts.IsNull())
            return true;
        if (!contexts.IsMap())
            return fail(contexts.Mark(),
                        u"'contexts' must be a map of context names to contexts, not %1"_s.arg(kindOf(contexts)));
        QSet<QString> names;
        for (const auto &entry : contexts) {
            QlikCliContext context;
            if (!keyText(entry.first, u"context names"_s, &context.name))
                return false;
            if (names.contains(context.name))
                return fail(entry.first.Mark(), u"context '%1' is defined twice"_s.arg(context.name));
            names.insert(context.name);
            context.line = entry.first.Mark().line + 1;
            context.column = entry.first.Mark().column + 1;
            if (!readContext(entry.second, &context))
                return false;
            m_result.contexts.append(context);
        }
        return true;
    }

    bool readContext(const YAML::Node &node, QlikCliContext *context)
    {
        if (node.IsNull())
            return true; // nothing in it: the import refuses it for want of a server
        const QString where = u"context '%1': "_s.arg(context->name);
        if (!node.IsMap())
            return fail(node.Mark(), u"%1must be a map of fields such as 'server', not %2"_s.arg(where, kindOf(node)));
        QSet<QString> seen;
        for (const auto &field : node) {
            QString key;
            if (!keyText(field.first, where + u"field names"_s, &key) || !once(field.first, key, &seen, where))
                return false;
            const QString what = u"%1'%2'"_s.arg(where, key);
            bool ok = true;
            if (key == u"server"_s)
                ok = text(field.second, what, &context->server);
            else if (key == u"server-type"_s)
                ok = text(field.second, what, &context->serverType);
            else if (key == u"comment"_s)
                ok = text(field.second, what, &context->comment);
            else if (key == u"oauth-client-id"_s)
                ok = text(field.second, what, &context->oauthClientId);
            else if (key == u"oauth-client-secret"_s)
                ok = text(field.second, what, &context->oauthClientSecret);
            else if (key == u"api-key"_s) {
                ok = text(field.second, what, &context->apiKey);
                if (!context->apiKey.isEmpty())
                    context->apiKeyField = key;
            } else if (key == u"headers"_s)
                ok = readHeaders(field.second, what, context);
            // Other fields (certificates, insecure, …) mean nothing to Tenantry and are left alone.
            if (!ok)
                return false;
        }
        return true;
    }

    bool readHeaders(const YAML::Node &headers, const QString &what, QlikCliContext *context)
    {
        if (headers.IsNull())
            return true;
        if (!headers.IsMap())
            return fail(headers.Mark(),
                        u"%1 must be a map of header names to values, not %2"_s.arg(what, kindOf(headers)));
        for (const auto &header : headers) {
            QString name;
            QString value;
            if (!keyText(header.first, what + u" names"_s, &name)
                || !text(header.second, u"%1 '%2'"_s.arg(what, name), &value))
                return false;
            constexpr QLatin1StringView bearer{"Bearer "};
            if (name.compare(u"Authorization"_s, Qt::CaseInsensitive) == 0
                && value.startsWith(bearer, Qt::CaseInsensitive) && context->apiKey.isEmpty()) {
                context->apiKey = value.mid(bearer.size()).trimmed();
                context->apiKeyField = u"headers"_s;
            } else
                context->otherHeaders.append(name);
        }
        return true;
    }

    QString m_fileName;
    QlikCliContextsFile::Result m_result;
};

} // namespace

QString QlikCliContextsFile::defaultPath()
{
    return QDir::homePath() + u"/.qlik/contexts.yml"_s;
}

QlikCliContextsFile::Result QlikCliContextsFile::read(const QString &path)
{
    Result result;
    QFile file(path);
    if (!file.exists()) {
        result.error = u"%1: no such file (qlik-cli keeps its contexts in ~/.qlik/contexts.yml)"_s.arg(path);
        return result;
    }
    if (file.size() > maxFileSize) {
        result.error = u"%1: larger than 1 MiB, which no qlik-cli contexts file is"_s.arg(path);
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = u"%1: cannot be read: %2"_s.arg(path, file.errorString());
        return result;
    }
    return parse(file.read(maxFileSize + 1), path);
}

QlikCliContextsFile::Result QlikCliContextsFile::parse(const QByteArray &content, const QString &fileName)
{
    Reader reader(fileName);
    try {
        const YAML::Node root = YAML::Load(content.toStdString());
        if (!reader.readDocument(root))
            return reader.take();
    } catch (const YAML::Exception &error) {
        // yaml-cpp's own text ("illegal map value", "end of map not found", …) without its prefix;
        // it describes the syntax, never the value found there.
        reader.fail(error.mark, u"not valid YAML: %1"_s.arg(QString::fromStdString(error.msg)));
        return reader.take();
    }
    return reader.take();
}

} // namespace Cloud
