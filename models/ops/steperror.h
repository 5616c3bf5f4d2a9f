#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Ops {

// Why a step call did not succeed. The kind tells the engine what is safe to do next.
struct StepError
{
    enum class Kind {
        Failed, // definite: nothing was changed and trying again will not help (a 4xx, bad input)
        Transient, // nothing was changed, a later attempt may work (429 after its waits, 503, refused)
        OutcomeUnknown, // a change may or may not have happened (lost response, reset after send)
        Cancelled, // the job was cancelled while the call was in flight (an apply's outcome is unknown)
    };

    Kind kind = Kind::Failed;
    QString message; // for people; names what failed and where; never a secret
    int httpStatus = 0;
    QString code; // Qlik's error code, e.g. "AssignmentConflict"
    QString traceId;
    QString request; // "POST https://acme.eu.qlikcloud.com/api/v1/spaces"

    [[nodiscard]] static StepError failed(const QString &message);
    [[nodiscard]] static StepError transient(const QString &message);
    [[nodiscard]] static StepError outcomeUnknown(const QString &message);
    [[nodiscard]] static StepError cancelled();

    // Transient and OutcomeUnknown: the engine may try again (re-probing first before an apply).
    [[nodiscard]] bool isRetryable() const { return kind == Kind::Transient || kind == Kind::OutcomeUnknown; }

    [[nodiscard]] static QString kindName(Kind kind); // "failed" | "transient" | "outcome-unknown" | "cancelled"
    [[nodiscard]] QString toString() const;
    [[nodiscard]] QJsonObject toJson() const; // redacted of anything secret-looking
    [[nodiscard]] static StepError fromJson(const QJsonObject &json);

    friend bool operator==(const StepError &, const StepError &) = default;
};

} // namespace Ops

Q_DECLARE_METATYPE(Ops::StepError)
