#pragma once

#include "sandbox/apierror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Sandbox {

// Typed reads from a JSON request body with Qlik-style 400s: the first wrong field becomes the
// error, with source.pointer naming it. Unknown fields are ignored, as Qlik's services do.
//
//     BodyFields fields(body);
//     const QString name = fields.string(u"name"_s, BodyFields::Required);
//     const auto type = fields.oneOf(u"type"_s, {u"shared"_s, u"managed"_s}, BodyFields::Required);
//     if (const auto error = fields.error())
//         return ctx.error(*error);
class BodyFields
{
public:
    enum Presence { Optional, Required };

    explicit BodyFields(QJsonObject object, QString pointerPrefix = {});

    [[nodiscard]] bool has(const QString &name) const { return m_object.contains(name); }
    [[nodiscard]] QString string(const QString &name, Presence presence = Optional);
    // A string that must be one of the allowed values (compared exactly).
    [[nodiscard]] QString oneOf(const QString &name, const QStringList &allowed, Presence presence = Optional);
    [[nodiscard]] std::optional<bool> boolean(const QString &name, Presence presence = Optional);
    [[nodiscard]] std::optional<qint64> integer(const QString &name, Presence presence = Optional);
    [[nodiscard]] QStringList stringList(const QString &name, Presence presence = Optional);
    [[nodiscard]] QJsonArray array(const QString &name, Presence presence = Optional);
    [[nodiscard]] QJsonObject object(const QString &name, Presence presence = Optional);

    // Records a problem found by the caller's own checks (the first one wins).
    void fail(const QString &name, const QString &detail);
    [[nodiscard]] std::optional<ApiError> error() const { return m_error; }

private:
    [[nodiscard]] bool present(const QString &name, Presence presence);
    void failType(const QString &name, const QString &expected);

    QJsonObject m_object;
    QString m_prefix;
    std::optional<ApiError> m_error;
};

} // namespace Sandbox
