#include "sandbox/reloadfailures.h"

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

QString ReloadFailures::configure(const QJsonValue &body, const std::function<bool(const QString &)> &appExists)
{
    QStringList order;
    QHash<QString, Rule> rules;
    QJsonArray list;
    if (body.isArray())
        list = body.toArray();
    else if (body.isObject() && body.toObject().value(u"rules"_s).isArray())
        list = body.toObject().value(u"rules"_s).toArray();
    else
        return u"the body must be a list of rules or {\"rules\": [...]}"_s;

    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            return u"rule %1 must be an object"_s.arg(i);
        const QJsonObject object = list.at(i).toObject();
        const QString appId = object.value(u"appId"_s).toString();
        if (appId.isEmpty())
            return u"rule %1 needs an 'appId'"_s.arg(i);
        if (!appExists(appId))
            return u"rule %1: no app '%2' in any tenant"_s.arg(i).arg(appId);
        if (rules.contains(appId))
            return u"rule %1: the app '%2' has a rule already"_s.arg(i).arg(appId);
        Rule rule;
        rule.source = object;
        // The spec's Reload examples (errorCode, errorMessage).
        rule.failure.errorCode = u"EngineConnectionError"_s;
        rule.failure.errorMessage = u"failed to complete reload: unexpected EOF"_s;
        for (const auto &[key, out] : {std::pair{u"errorCode"_s, &rule.failure.errorCode},
                                       std::pair{u"errorMessage"_s, &rule.failure.errorMessage}}) {
            if (!object.contains(key))
                continue;
            if (!object.value(key).isString() || object.value(key).toString().isEmpty())
                return u"rule %1: '%2' must be a non-empty string"_s.arg(i).arg(key);
            *out = object.value(key).toString();
        }
        if (object.contains(u"times"_s)) {
            const QJsonValue times = object.value(u"times"_s);
            const double count = times.toDouble(-1);
            if (!times.isDouble() || count < 1 || count > 1000000 || count != static_cast<int>(count))
                return u"rule %1: 'times' must be a whole number from 1 to 1000000"_s.arg(i);
            rule.remaining = static_cast<int>(count);
        }
        order.append(appId);
        rules.insert(appId, rule);
    }
    m_order = order;
    m_rules = rules;
    return {};
}

void ReloadFailures::clear()
{
    m_order.clear();
    m_rules.clear();
}

std::optional<ReloadFailures::Failure> ReloadFailures::take(const QString &appId)
{
    const auto it = m_rules.find(appId);
    if (it == m_rules.end() || it->remaining == 0)
        return std::nullopt;
    if (it->remaining > 0)
        --it->remaining;
    return it->failure;
}

QJsonArray ReloadFailures::rules() const
{
    QJsonArray list;
    for (const QString &appId : m_order) {
        const Rule &rule = m_rules.value(appId);
        QJsonObject json = rule.source;
        json.insert(u"errorCode"_s, rule.failure.errorCode);
        json.insert(u"errorMessage"_s, rule.failure.errorMessage);
        if (rule.remaining >= 0)
            json.insert(u"remaining"_s, rule.remaining);
        list.append(json);
    }
    return list;
}

} // namespace Sandbox
