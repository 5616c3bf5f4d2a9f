#pragma once

#include "sandbox/apierror.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

// One JSON Patch operation as Qlik's PATCH endpoints take them: [{"op","path","value"}].
struct PatchOperation
{
    QString op;
    QString path;
    QJsonValue value; // Undefined when absent
    int index = 0; // position in the array, for error pointers ("/0/value")
};

// Parses a PATCH body into operations. Each endpoint passes the ops it supports; paths are the
// handler's business (it knows which it accepts, see patchError()).
class JsonPatch
{
public:
    struct Parsed
    {
        QList<PatchOperation> operations;
        std::optional<ApiError> error;
    };

    [[nodiscard]] static Parsed parse(const QJsonValue &body, const QStringList &allowedOps);
    // The 400 for an operation whose path or value the handler rejects.
    [[nodiscard]] static ApiError invalid(const PatchOperation &operation, const QString &detail);
};

} // namespace Sandbox
