#pragma once

#include <memory>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Cloud {

// Reads Qlik's JSON strictly but tolerantly: a value of the wrong type is an error that names the
// field path ("data[3].attributes.spaceId: expected a string, got a number"); unknown fields are
// ignored; optional fields may be absent or null. The first error wins; after it every read
// returns a default, so a resource's reader can run to its end and check ok() once.
// Readers made by object() and list() share their parent's error.
class JsonReader
{
public:
    // A reader of a whole response body, which must be a JSON object.
    [[nodiscard]] static JsonReader fromBody(const QByteArray &body);
    // A reader of an object found at `path` ("" for the root).
    explicit JsonReader(const QJsonObject &object, const QString &path = {});

    [[nodiscard]] bool ok() const { return m_error->isEmpty(); }
    [[nodiscard]] QString error() const { return *m_error; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString pathOf(QStringView key) const;
    [[nodiscard]] const QJsonObject &json() const { return m_object; }

    // True when the key is present and not null.
    [[nodiscard]] bool has(QStringView key) const;

    [[nodiscard]] QString string(QStringView key);
    [[nodiscard]] QString requiredString(QStringView key); // present, a string, not empty
    [[nodiscard]] bool boolean(QStringView key, bool fallback = false);
    [[nodiscard]] qint64 integer(QStringView key, qint64 fallback = 0); // a number without a fraction
    [[nodiscard]] std::optional<qint64> optionalInteger(QStringView key);
    [[nodiscard]] double number(QStringView key, double fallback = 0);
    // ISO-8601 (with or without fractions, 'Z' or an offset). An empty string counts as absent.
    [[nodiscard]] QDateTime dateTime(QStringView key);
    [[nodiscard]] QStringList stringList(QStringView key);
    // `{"href": "..."}` objects as found in `links`.
    [[nodiscard]] QUrl href(QStringView key);
    // Free-form payloads (custom attributes, event data) kept as they are.
    [[nodiscard]] QJsonObject rawObject(QStringView key);

    // A child reader; an absent or null optional object reads as empty.
    [[nodiscard]] JsonReader object(QStringView key);
    [[nodiscard]] JsonReader requiredObject(QStringView key);

    // Reads each element of the array at `key` (absent or null: no elements) as an object with
    // `readItem(JsonReader &) -> T`. Stops at the first error.
    template<typename T, typename ReadItem>
    [[nodiscard]] QList<T> list(QStringView key, ReadItem readItem, bool required = false)
    {
        QList<T> items;
        const QJsonArray array = arrayAt(key, required);
        items.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && ok(); ++i) {
            const QString itemPath = elementPath(key, i);
            if (!array.at(i).isObject()) {
                failAtPath(itemPath, expectation(Kind::Object, array.at(i)));
                break;
            }
            JsonReader itemReader(array.at(i).toObject(), itemPath, m_error);
            T item = readItem(itemReader);
            if (ok())
                items.append(std::move(item));
        }
        return items;
    }

    // Records an error at `key` unless one was recorded before.
    void fail(QStringView key, const QString &message);
    // Checks that a string read from `key` is one of `allowed`; Qlik adds values over time, so
    // call this only where an unknown value would make the data unusable.
    void expectOneOf(QStringView key, const QString &value, const QStringList &allowed);

private:
    enum class Kind { String, Boolean, Number, Integer, Object, Array };

    JsonReader(const QJsonObject &object, QString path, std::shared_ptr<QString> error);
    [[nodiscard]] QJsonValue valueAt(QStringView key, bool required, Kind expected);
    [[nodiscard]] QJsonArray arrayAt(QStringView key, bool required);
    void failAtPath(const QString &path, const QString &message);
    [[nodiscard]] QString elementPath(QStringView key, qsizetype index) const;
    [[nodiscard]] static QString expectation(Kind expected, const QJsonValue &actual);
    [[nodiscard]] static bool matches(const QJsonValue &value, Kind expected);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<QString> m_error;
};

} // namespace Cloud
