#include "sandbox/bodyfields.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

BodyFields::BodyFields(QJsonObject object, QString pointerPrefix)
    : m_object(std::move(object))
    , m_prefix(std::move(pointerPrefix))
{ }

bool BodyFields::present(const QString &name, Presence presence)
{
    const QJsonValue value = m_object.value(name);
    if (!value.isUndefined() && !value.isNull())
        return true;
    if (presence == Required)
        fail(name, u"'%1' is required."_s.arg(name));
    return false;
}

void BodyFields::failType(const QString &name, const QString &expected)
{
    fail(name, u"'%1' must be %2."_s.arg(name, expected));
}

void BodyFields::fail(const QString &name, const QString &detail)
{
    if (!m_error)
        m_error = ApiError::badRequest(detail).withPointer(m_prefix + u'/' + name);
}

QString BodyFields::string(const QString &name, Presence presence)
{
    if (!present(name, presence))
        return {};
    const QJsonValue value = m_object.value(name);
    if (!value.isString()) {
        failType(name, u"a string"_s);
        return {};
    }
    if (presence == Required && value.toString().isEmpty())
        fail(name, u"'%1' must not be empty."_s.arg(name));
    return value.toString();
}

QString BodyFields::oneOf(const QString &name, const QStringList &allowed, Presence presence)
{
    const bool wasFine = !m_error;
    const QString text = string(name, presence);
    if (wasFine && !m_error && has(name) && !allowed.contains(text))
        fail(name, u"'%1' must be one of: %2."_s.arg(name, allowed.join(u", "_s)));
    return text;
}

std::optional<bool> BodyFields::boolean(const QString &name, Presence presence)
{
    if (!present(name, presence))
        return std::nullopt;
    const QJsonValue value = m_object.value(name);
    if (!value.isBool()) {
        failType(name, u"a boolean"_s);
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<qint64> BodyFields::integer(const QString &name, Presence presence)
{
    if (!present(name, presence))
        return std::nullopt;
    const QJsonValue value = m_object.value(name);
    const double number = value.toDouble();
    if (!value.isDouble() || std::trunc(number) != number || std::abs(number) > 9.0e15) {
        failType(name, u"an integer"_s);
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

QStringList BodyFields::stringList(const QString &name, Presence presence)
{
    if (!present(name, presence))
        return {};
    const QJsonValue value = m_object.value(name);
    if (!value.isArray()) {
        failType(name, u"an array of strings"_s);
        return {};
    }
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            failType(name, u"an array of strings"_s);
            return {};
        }
        list.append(item.toString());
    }
    return list;
}

QJsonArray BodyFields::array(const QString &name, Presence presence)
{
    if (!present(name, presence))
        return {};
    const QJsonValue value = m_object.value(name);
    if (!value.isArray()) {
        failType(name, u"an array"_s);
        return {};
    }
    return value.toArray();
}

QJsonObject BodyFields::object(const QString &name, Presence presence)
{
    if (!present(name, presence))
        return {};
    const QJsonValue value = m_object.value(name);
    if (!value.isObject()) {
        failType(name, u"an object"_s);
        return {};
    }
    return value.toObject();
}

} // namespace Sandbox
