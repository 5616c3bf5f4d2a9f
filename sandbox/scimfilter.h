#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Sandbox {

// The SCIM filter subset Qlik's list endpoints take (RFC 7644 §3.4.2.2): attribute operators eq,
// ne, co, sw, ew, gt, ge, lt, le, pr; "and", "or", "not (...)" and parentheses; string, number,
// boolean and null values. Attribute names and string comparisons are case-insensitive (as the
// users filter documentation says). Each endpoint declares which attributes and operators it
// supports; anything else is a 400 with a message naming the problem.
//
//     const ScimFilter filter = ScimFilter::parse(text, {{u"name"_s, {u"eq"_s, u"co"_s}}});
//     if (!filter.isValid())
//         return ctx.error(ApiError::badRequest(filter.errorMessage()).withParameter(u"filter"_s));
//     const bool hit = filter.matches([&](const QString &attribute) { return valuesOf(user, attribute); });
class ScimFilter
{
public:
    // Attribute (lower case) -> operators it supports (lower case); an empty map allows everything.
    using Allowed = QHash<QString, QStringList>;
    // Values of an attribute for the item under test (several for multi-valued attributes).
    using Values = std::function<QStringList(const QString &attributeLowerCase)>;

    ScimFilter() = default;
    [[nodiscard]] static ScimFilter parse(const QString &text, const Allowed &allowed = {});

    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] bool isEmpty() const { return m_root < 0; }
    [[nodiscard]] const QString &errorMessage() const { return m_error; }

    // An empty filter matches everything.
    [[nodiscard]] bool matches(const Values &values) const;
    // Whether the filter compares this attribute anywhere (e.g. the required subscriptionId).
    [[nodiscard]] bool mentions(const QString &attribute) const;
    // The values compared with eq for this attribute (e.g. every subscriptionId asked for).
    [[nodiscard]] QStringList equalityValues(const QString &attribute) const;

private:
    struct Node
    {
        enum class Kind { And, Or, Not, Compare };
        Kind kind = Kind::Compare;
        int left = -1;
        int right = -1;
        QString attribute; // lower case
        QString op; // lower case
        QString value;
        bool isNull = false;
    };
    friend class ScimParser;

    [[nodiscard]] bool evaluate(int node, const Values &values) const;

    QList<Node> m_nodes;
    int m_root = -1;
    QString m_error;
};

} // namespace Sandbox
