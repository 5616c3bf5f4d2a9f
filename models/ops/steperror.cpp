#include "ops/steperror.h"

#include "ops/secretscreen.h"

using namespace Qt::Literals::StringLiterals;

namespace Ops {

StepError StepError::failed(const QString &message)
{
    return {Kind::Failed, message, 0, {}, {}, {}};
}

StepError StepError::transient(const QString &message)
{
    return {Kind::Transient, message, 0, {}, {}, {}};
}

StepError StepError::outcomeUnknown(const QString &message)
{
    return {Kind::OutcomeUnknown, message, 0, {}, {}, {}};
}

StepError StepError::cancelled()
{
    return {Kind::Cancelled, u"cancelled"_s, 0, {}, {}, {}};
}

QString StepError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Failed:
        return u"failed"_s;
    case Kind::Transient:
        return u"transient"_s;
    case Kind::OutcomeUnknown:
        return u"outcome-unknown"_s;
    case Kind::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

QString StepError::toString() const
{
    QString text = message;
    if (httpStatus != 0)
        text += u" (HTTP %1"_s.arg(httpStatus) + (code.isEmpty() ? QString() : u' ' + code) + u')';
    else if (!code.isEmpty())
        text += u" (" + code + u')';
    if (!traceId.isEmpty())
        text += u" [traceId " + traceId + u']';
    return SecretScreen::redactText(text);
}

QJsonObject StepError::toJson() const
{
    QJsonObject json{{u"kind"_s, kindName(kind)}, {u"message"_s, SecretScreen::redactText(message)}};
    if (httpStatus != 0)
        json.insert(u"status"_s, httpStatus);
    if (!code.isEmpty())
        json.insert(u"code"_s, code);
    if (!traceId.isEmpty())
        json.insert(u"traceId"_s, traceId);
    if (!request.isEmpty())
        json.insert(u"request"_s, SecretScreen::redactText(request));
    return json;
}

StepError StepError::fromJson(const QJsonObject &json)
{
    StepError error;
    const QString kind = json.value(u"kind"_s).toString();
    for (const Kind candidate : {Kind::Failed, Kind::Transient, Kind::OutcomeUnknown, Kind::Cancelled}) {
        if (kindName(candidate) == kind)
            error.kind = candidate;
    }
    error.message = json.value(u"message"_s).toString();
    error.httpStatus = json.value(u"status"_s).toInt();
    error.code = json.value(u"code"_s).toString();
    error.traceId = json.value(u"traceId"_s).toString();
    error.request = json.value(u"request"_s).toString();
    return error;
}

} // namespace Ops
