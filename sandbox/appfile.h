#pragma once

#include <QByteArray>
#include <QString>

namespace Sandbox {

class IdGenerator;

// The bytes of a sandbox app (what import stores and export hands out). Real .qvf files are
// opaque to the REST API; the sandbox's own carry a small header with the app's title so that an
// exported app imported elsewhere without ?name= keeps its name, as a real .qvf does (FACTS §10.2).
// Bytes from elsewhere are stored as they are.
class AppFile
{
public:
    // "QVF\x01 tenantry-sandbox app\n" + {"name","sheets"} + filler: a few kilobytes.
    [[nodiscard]] static QByteArray build(const QString &title, IdGenerator &ids, int fillerBytes);
    // The title embedded by build(), empty when the bytes carry none.
    [[nodiscard]] static QString titleOf(const QByteArray &content);
};

} // namespace Sandbox
