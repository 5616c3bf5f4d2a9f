#pragma once

#include "sandbox/idgenerator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace Sandbox {

// Injected failures (DESIGN.md §5), set through PUT /__sandbox/faults. A rule applies to requests
// whose path matches its regular expression (and method, when given) with probability `rate`,
// drawn from a seeded PRNG so a run is reproducible.
class FaultInjector
{
public:
    enum class Kind {
        Status, // answer `status` with a Qlik error body; the handler does not run
        Reset, // reset the connection; nothing is committed
        LostResponse, // run the handler (commit), then close the connection without answering
        Delay, // answer normally, `delayMs` later
    };

    struct Rule
    {
        QRegularExpression path;
        QByteArray method; // empty: any
        double rate = 1.0;
        Kind kind = Kind::Status;
        int status = 503;
        int delayMs = 0;
        QJsonObject source; // as given, for GET /__sandbox/faults
    };

    struct Decision
    {
        bool fires = false;
        Kind kind = Kind::Status;
        int status = 0;
        int delayMs = 0;
    };

    explicit FaultInjector(quint64 seed = 1);

    // The body of PUT /__sandbox/faults: a list of rules, or {"rules": [...], "seed": n}.
    // Returns an error message naming the bad rule; the rules stay unchanged then.
    [[nodiscard]] QString configure(const QJsonValue &body);
    void reset(quint64 seed);

    [[nodiscard]] Decision decide(QByteArrayView method, const QString &path);
    [[nodiscard]] QJsonArray rules() const;

private:
    QList<Rule> m_rules;
    IdGenerator m_random;
};

} // namespace Sandbox
