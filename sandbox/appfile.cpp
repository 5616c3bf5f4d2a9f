#include "sandbox/appfile.h"

#include "sandbox/idgenerator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {
namespace {

constexpr QByteArrayView kMagic("QVF\x01 tenantry-sandbox app\n");

} // namespace

QByteArray AppFile::build(const QString &title, IdGenerator &ids, int fillerBytes)
{
    QByteArray content = kMagic.toByteArray();
    content += QJsonDocument(QJsonObject{{u"name"_s, title}, {u"sheets"_s, 3 + ids.bounded(9)}})
                   .toJson(QJsonDocument::Compact);
    content.reserve(content.size() + fillerBytes);
    for (int i = 0; i < fillerBytes; i += 8) {
        const quint64 word = ids.next();
        content.append(reinterpret_cast<const char *>(&word), std::min(8, fillerBytes - i));
    }
    return content;
}

QString AppFile::titleOf(const QByteArray &content)
{
    if (!content.startsWith(kMagic))
        return {};
    // The JSON header is followed by binary filler: parse up to where the parser says it ended.
    const QByteArray rest = content.mid(kMagic.size());
    QJsonParseError error;
    QJsonDocument header = QJsonDocument::fromJson(rest, &error);
    if (error.error == QJsonParseError::GarbageAtEnd)
        header = QJsonDocument::fromJson(rest.left(error.offset), &error);
    if (error.error != QJsonParseError::NoError || !header.isObject())
        return {};
    return header.object().value(u"name"_s).toString();
}

} // namespace Sandbox
