#include "sandbox/jsonpatch.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

JsonPatch::Parsed JsonPatch::parse(const QJsonValue &body, const QStringList &allowedOps)
{
    Parsed parsed;
    if (!body.isArray()) {
        parsed.error = ApiError::badRequest(u"The request body must be a JSON Patch array."_s).withPointer(u""_s);
        return parsed;
    }
    const QJsonArray array = body.toArray();
    if (array.isEmpty()) {
        parsed.error = ApiError::badRequest(u"The patch must contain at least one operation."_s).withPointer(u""_s);
        return parsed;
    }
    for (int i = 0; i < array.size(); ++i) {
        const QJsonValue item = array.at(i);
        const QString pointer = u"/%1"_s.arg(i);
        if (!item.isObject()) {
            parsed.error = ApiError::badRequest(u"Patch operation %1 must be an object."_s.arg(i)).withPointer(pointer);
            return parsed;
        }
        const QJsonObject object = item.toObject();
        PatchOperation operation;
        operation.index = i;
        if (!object.value(u"op"_s).isString()) {
            parsed.error = ApiError::badRequest(u"Patch operation %1 needs an 'op' string."_s.arg(i))
                               .withPointer(pointer + u"/op"_s);
            return parsed;
        }
        operation.op = object.value(u"op"_s).toString();
        if (!allowedOps.contains(operation.op)) {
            parsed.error = ApiError::badRequest(
                               u"Unsupported op '%1'; supported: %2."_s.arg(operation.op, allowedOps.join(u", "_s)))
                               .withPointer(pointer + u"/op"_s);
            return parsed;
        }
        if (!object.value(u"path"_s).isString()) {
            parsed.error = ApiError::badRequest(u"Patch operation %1 needs a 'path' string."_s.arg(i))
                               .withPointer(pointer + u"/path"_s);
            return parsed;
        }
        operation.path = object.value(u"path"_s).toString();
        operation.value = object.value(u"value"_s);
        parsed.operations.append(operation);
    }
    return parsed;
}

ApiError JsonPatch::invalid(const PatchOperation &operation, const QString &detail)
{
    return ApiError::badRequest(detail).withPointer(u"/%1"_s.arg(operation.index));
}

} // namespace Sandbox
