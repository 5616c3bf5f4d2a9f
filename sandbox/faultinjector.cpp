#include "sandbox/faultinjector.h"

#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

FaultInjector::FaultInjector(quint64 seed)
    : m_random(seed)
{ }

void FaultInjector::reset(quint64 seed)
{
    m_rules.clear();
    m_random.reseed(seed);
}

QString FaultInjector::configure(const QJsonValue &body)
{
    QJsonArray list;
    if (body.isArray()) {
        list = body.toArray();
    } else if (body.isObject()) {
        const QJsonObject object = body.toObject();
        if (!object.value(u"rules"_s).isArray())
            return u"the body must be a list of rules or {\"rules\": [...], \"seed\": n}"_s;
        list = object.value(u"rules"_s).toArray();
        if (object.contains(u"seed"_s)) {
            const double seed = object.value(u"seed"_s).toDouble(-1);
            if (seed < 0)
                return u"'seed' must be a non-negative number"_s;
            m_random.reseed(static_cast<quint64>(seed));
        }
    } else {
        return u"the body must be a list of rules"_s;
    }

    QList<Rule> rules;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            return u"rule %1 must be an object"_s.arg(i);
        const QJsonObject object = list.at(i).toObject();
        Rule rule;
        rule.source = object;
        const QString pattern = object.value(u"path"_s).toString();
        if (pattern.isEmpty())
            return u"rule %1 needs a 'path' regular expression"_s.arg(i);
        rule.path.setPattern(pattern);
        if (!rule.path.isValid())
            return u"rule %1: 'path' is not a valid regular expression: %2"_s.arg(i).arg(rule.path.errorString());
        rule.method = object.value(u"method"_s).toString().toUpper().toLatin1();
        rule.rate = object.value(u"rate"_s).toDouble(1.0);
        if (rule.rate < 0 || rule.rate > 1)
            return u"rule %1: 'rate' must be from 0 to 1"_s.arg(i);
        const QString kind = object.value(u"kind"_s).toString();
        if (kind == "status"_L1)
            rule.kind = Kind::Status;
        else if (kind == "reset"_L1)
            rule.kind = Kind::Reset;
        else if (kind == "lost-response"_L1)
            rule.kind = Kind::LostResponse;
        else if (kind == "delay"_L1)
            rule.kind = Kind::Delay;
        else
            return u"rule %1: 'kind' must be status, reset, lost-response or delay"_s.arg(i);
        rule.status = object.value(u"status"_s).toInt(503);
        if (rule.kind == Kind::Status && (rule.status < 400 || rule.status > 599))
            return u"rule %1: 'status' must be from 400 to 599"_s.arg(i);
        rule.delayMs = object.value(u"delayMs"_s).toInt(0);
        if (rule.delayMs < 0 || rule.delayMs > 600000)
            return u"rule %1: 'delayMs' must be from 0 to 600000"_s.arg(i);
        rules.append(rule);
    }
    m_rules = rules;
    return {};
}

FaultInjector::Decision FaultInjector::decide(QByteArrayView method, const QString &path)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        if (!rule.method.isEmpty() && rule.method != method)
            continue;
        if (!rule.path.match(path).hasMatch())
            continue;
        // Matching rules draw in order; the first that fires wins.
        if (m_random.uniform() >= rule.rate)
            continue;
        return {true, rule.kind, rule.status, rule.delayMs};
    }
    return {};
}

QJsonArray FaultInjector::rules() const
{
    QJsonArray list;
    for (const Rule &rule : m_rules)
        list.append(rule.source);
    return list;
}

} // namespace Sandbox
