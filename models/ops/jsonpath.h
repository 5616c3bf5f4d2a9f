#pragma once

#include <QString>

namespace Ops {

// Builds the JSON paths that plan issues and journal records use: "$.targets[2].steps[0].params".
class JsonPath
{
public:
    [[nodiscard]] static QString member(const QString &path, const QString &key)
    {
        bool plain = !key.isEmpty() && !key.front().isDigit();
        for (const QChar c : key) {
            if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'$'))
                plain = false;
        }
        if (plain)
            return path + u'.' + key;
        QString quoted = key;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        return path + u"[\"" + quoted + u"\"]";
    }

    [[nodiscard]] static QString index(const QString &path, qsizetype i)
    {
        return path + u'[' + QString::number(i) + u']';
    }
};

} // namespace Ops
