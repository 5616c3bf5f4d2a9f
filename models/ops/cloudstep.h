#pragma once

#include "ops/step.h"

#include "cloud/apicall.h"

#include <QJsonArray>
#include <QPointer>

#include <functional>

namespace Cloud {
class ApiError;
class ApiRequest;
class ApiResult;
class Pager;
} // namespace Cloud

namespace Ops {

// The base of steps that talk to Qlik Cloud: calls go through the job's Cloud::CloudClient to the
// target tenant with the target's credential profile, the client's errors become the engine's
// (a lost answer to a create is an unknown outcome, never a failure to retry blindly), and what is
// in flight is cancelled on abort. One call at a time, so a step's calls are easy to follow.
class CloudStep : public Step
{
    Q_OBJECT

public:
    using Step::Step;
    ~CloudStep() override;
    Q_DISABLE_COPY_MOVE(CloudStep)

    // The engine's view of a client error: transient (5xx, network, rate limit) or an unknown
    // outcome (the client says a non-idempotent request may have taken effect) may be retried after
    // a probe; everything else (4xx, credentials, malformed answers) is a definite failure.
    [[nodiscard]] static StepError errorFor(const Cloud::ApiError &error);
    // `name eq "X"` with the quotes in X escaped, for SCIM filters (FACTS §7, §5.2).
    [[nodiscard]] static QString scimEquals(const QString &attribute, const QString &value);

protected:
    // A call to the target tenant ("/api/v1/spaces"), with the target's profile and region.
    [[nodiscard]] Cloud::ApiCall tenantCall(const QByteArray &method, const QString &path) const;
    // A call to the tenant content is copied from: the host is the parameter `hostParam`, the
    // profile the optional parameter "sourceProfile" (empty: chosen by tier).
    [[nodiscard]] Cloud::ApiCall sourceCall(const QByteArray &method, const QString &path,
                                            const QString &hostParam = QStringLiteral("source")) const;

    using ResultHandler = std::function<void(const Cloud::ApiResult &result)>;
    // Returns true when it handled the error itself (e.g. a 409 that means "exists already").
    using ErrorHandler = std::function<bool(const Cloud::ApiError &error)>;

    // Sends `call`; `done` gets a successful result; an error goes to `onError` first, then fails
    // the current step call with errorFor(error).
    void send(const Cloud::ApiCall &call, ResultHandler done, ErrorHandler onError = {});
    // Reads every page of a list (following links.next.href), then `done(items)`.
    void listAll(const Cloud::ApiCall &call, std::function<void(const QJsonArray &items)> done);

    void abort() override;

private:
    [[nodiscard]] bool haveClient();

    QPointer<Cloud::ApiRequest> m_request;
    QPointer<Cloud::Pager> m_pager;
};

} // namespace Ops
