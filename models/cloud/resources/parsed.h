#pragma once

#include "cloud/resources/jsonreader.h"

#include <optional>
#include <QString>

namespace Cloud {

// A value read from server JSON, or what was wrong with the JSON (naming the field path).
template<typename T>
struct Parsed
{
    std::optional<T> value;
    QString error;

    [[nodiscard]] bool ok() const { return value.has_value(); }
};

// Parses one resource from a response body with `read(JsonReader &) -> T` (usually &T::read).
template<typename T, typename Read>
[[nodiscard]] Parsed<T> parseResource(const QByteArray &body, Read read)
{
    JsonReader reader = JsonReader::fromBody(body);
    if (!reader.ok())
        return {std::nullopt, reader.error()};
    T value = read(reader);
    if (!reader.ok())
        return {std::nullopt, reader.error()};
    return {std::move(value), {}};
}

template<typename T>
[[nodiscard]] Parsed<T> parseResource(const QByteArray &body)
{
    return parseResource<T>(body, &T::read);
}

} // namespace Cloud
