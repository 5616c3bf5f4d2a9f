#pragma once

#include "cloud/qlikclicontext.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Cloud {

// Reads qlik-cli's contexts file (YAML, ~/.qlik/contexts.yml) with yaml-cpp. Structure, from
// qlik.dev's qlik-cli reference ("qlik context", "qlik context create": contexts hold the server
// url, headers, certificates and a comment; flags --api-key, --oauth-client-id,
// --oauth-client-secret, --server-type) and qlik-oss/corectl's ContextHandler
// (internal/context.go: `current-context`, `contexts` as a map of name to context):
//
//   current-context: acme
//   contexts:
//     acme:
//       server: https://acme.eu.qlikcloud.com
//       server-type: cloud
//       oauth-client-id: …
//       oauth-client-secret: …
//     old-key:
//       server: https://acme.eu.qlikcloud.com
//       headers:
//         Authorization: Bearer <api key>     (how qlik-cli keeps an --api-key context)
//
// Reading is all or nothing: a syntax error or a field of the wrong type fails the whole file with
// its line and column, so an import never acts on half a file. Values are never quoted in errors.
class QlikCliContextsFile
{
public:
    struct Result
    {
        QList<QlikCliContext> contexts; // in file order
        QString currentContext;
        QString error; // "<file>:<line>:<column>: <what>" (or "<file>: <what>"); empty on success
        int errorLine = 0; // 1-based; 0 when the error has no position
        int errorColumn = 0;

        [[nodiscard]] bool ok() const { return error.isEmpty(); }
    };

    [[nodiscard]] static QString defaultPath(); // ~/.qlik/contexts.yml
    [[nodiscard]] static Result read(const QString &path);
    // `fileName` only names the source in messages.
    [[nodiscard]] static Result parse(const QByteArray &content, const QString &fileName);
};

} // namespace Cloud
