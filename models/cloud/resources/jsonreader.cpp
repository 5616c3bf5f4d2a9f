#include "cloud/resources/jsonreader.h"

#include <cmath>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        return u"nothing"_s;
    }
    return u"nothing"_s;
}

} // namespace

JsonReader JsonReader::fromBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        JsonReader reader{QJsonObject(), QString()};
        reader.failAtPath(u"body"_s,
                          u"not valid JSON (%1 at offset %2)"_s.arg(parseError.errorString()).arg(parseError.offset));
        return reader;
    }
    JsonReader reader(document.object(), QString());
    if (!document.isObject())
        reader.failAtPath(u"body"_s,
                          document.isArray() ? u"expected an object, got an array"_s : u"expected an object"_s);
    return reader;
}

JsonReader::JsonReader(const QJsonObject &object, const QString &path)
    : JsonReader(object, path, std::make_shared<QString>())
{ }

JsonReader::JsonReader(const QJsonObject &object, QString path, std::shared_ptr<QString> error)
    : m_object(object)
    , m_path(std::move(path))
    , m_error(std::move(error))
{ }

QString JsonReader::pathOf(QStringView key) const
{
    if (m_path.isEmpty())
        return key.toString();
    return m_path + u'.' + key;
}

QString JsonReader::elementPath(QStringView key, qsizetype index) const
{
    return pathOf(key) + u'[' + QString::number(index) + u']';
}

bool JsonReader::has(QStringView key) const
{
    const QJsonValue value = m_object.value(key);
    return !value.isUndefined() && !value.isNull();
}

void JsonReader::failAtPath(const QString &path, const QString &message)
{
    if (m_error->isEmpty())
        *m_error = path + u": "_s + message;
}

void JsonReader::fail(QStringView key, const QString &message)
{
    failAtPath(pathOf(key), message);
}

QString JsonReader::expectation(Kind expected, const QJsonValue &actual)
{
    QString expectedName;
    switch (expected) {
    case Kind::String:
        expectedName = u"a string"_s;
        break;
    case Kind::Boolean:
        expectedName = u"a boolean"_s;
        break;
    case Kind::Number:
        expectedName = u"a number"_s;
        break;
    case Kind::Integer:
        expectedName = u"an integer"_s;
        break;
    case Kind::Object:
        expectedName = u"an object"_s;
        break;
    case Kind::Array:
        expectedName = u"an array"_s;
        break;
    }
    return u"expected %1, got %2"_s.arg(expectedName, typeName(actual));
}

bool JsonReader::matches(const QJsonValue &value, Kind expected)
{
    switch (expected) {
    case Kind::String:
        return value.isString();
    case Kind::Boolean:
        return value.isBool();
    case Kind::Number:
    case Kind::Integer:
        return value.isDouble();
    case Kind::Object:
        return value.isObject();
    case Kind::Array:
        return value.isArray();
    }
    return false;
}

QJsonValue JsonReader::valueAt(QStringView key, bool required, Kind expected)
{
    if (!ok())
        return {};
    QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(key, value.isNull() ? expectation(expected, value) : u"missing"_s);
        return {};
    }
    if (!matches(value, expected)) {
        fail(key, expectation(expected, value));
        return {};
    }
    return value;
}

QString JsonReader::string(QStringView key)
{
    return valueAt(key, false, Kind::String).toString();
}

QString JsonReader::requiredString(QStringView key)
{
    QString value = valueAt(key, true, Kind::String).toString();
    if (ok() && value.isEmpty())
        fail(key, u"must not be empty"_s);
    return value;
}

bool JsonReader::boolean(QStringView key, bool fallback)
{
    const QJsonValue value = valueAt(key, false, Kind::Boolean);
    return value.isBool() ? value.toBool() : fallback;
}

std::optional<qint64> JsonReader::optionalInteger(QStringView key)
{
    const QJsonValue value = valueAt(key, false, Kind::Integer);
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // Doubles hold integers exactly up to 2^53; Qlik's counts and sizes stay far below.
    if (std::trunc(number) != number || std::abs(number) > 9007199254740992.0) {
        fail(key, u"expected an integer, got %1"_s.arg(number));
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

qint64 JsonReader::integer(QStringView key, qint64 fallback)
{
    return optionalInteger(key).value_or(fallback);
}

double JsonReader::number(QStringView key, double fallback)
{
    const QJsonValue value = valueAt(key, false, Kind::Number);
    return value.isDouble() ? value.toDouble() : fallback;
}

QDateTime JsonReader::dateTime(QStringView key)
{
    const QString text = valueAt(key, false, Kind::String).toString();
    if (text.isEmpty())
        return {};
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODate);
    if (!parsed.isValid()) {
        fail(key, u"expected an ISO-8601 date and time, got '%1'"_s.arg(text.left(64)));
        return {};
    }
    return parsed.toUTC();
}

QJsonArray JsonReader::arrayAt(QStringView key, bool required)
{
    return valueAt(key, required, Kind::Array).toArray();
}

QStringList JsonReader::stringList(QStringView key)
{
    const QJsonArray array = arrayAt(key, false);
    QStringList strings;
    strings.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            failAtPath(elementPath(key, i), expectation(Kind::String, array.at(i)));
            return {};
        }
        strings.append(array.at(i).toString());
    }
    return strings;
}

QUrl JsonReader::href(QStringView key)
{
    JsonReader link = object(key);
    const QString text = link.has(u"href") ? link.requiredString(u"href") : QString();
    if (text.isEmpty())
        return {};
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        link.fail(u"href", u"expected a URL, got '%1'"_s.arg(text.left(128)));
        return {};
    }
    return url;
}

QJsonObject JsonReader::rawObject(QStringView key)
{
    return valueAt(key, false, Kind::Object).toObject();
}

JsonReader JsonReader::object(QStringView key)
{
    return JsonReader(valueAt(key, false, Kind::Object).toObject(), pathOf(key), m_error);
}

JsonReader JsonReader::requiredObject(QStringView key)
{
    return JsonReader(valueAt(key, true, Kind::Object).toObject(), pathOf(key), m_error);
}

void JsonReader::expectOneOf(QStringView key, const QString &value, const QStringList &allowed)
{
    if (!ok() || value.isEmpty() || allowed.contains(value))
        return;
    fail(key, u"'%1' is not one of %2"_s.arg(value.left(64), allowed.join(u", "_s)));
}

} // namespace Cloud
