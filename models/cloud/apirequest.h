#pragma once

#include "cloud/accesstoken.h"
#include "cloud/apicall.h"
#include "cloud/apiresult.h"
#include "cloud/cloudhost.h"
#include "cloud/credentialprofile.h"
#include "cloud/requestscheduler.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace Cloud {

class CloudClient;

// One REST call in flight: a small QObject with exactly one completion signal, `finished`, which
// carries the response or an ApiError. It gets its token, waits for its turn in the scheduler,
// sends, follows Qlik's redirects (same origin keeps Authorization; cross-origin never gets it),
// re-authenticates once on 401, honours 429 Retry-After, and retries transient failures only when
// that is safe. Then it deletes itself (deleteLater) — don't keep the pointer past `finished`.
// ownCloud's AbstractNetworkJob is the model.
class ApiRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRequest)

public:
    ~ApiRequest() override;

    [[nodiscard]] const ApiCall &call() const { return m_call; }
    [[nodiscard]] bool isFinished() const { return m_state == State::Finished; }
    // Valid once finished.
    [[nodiscard]] const ApiResult &result() const { return m_result; }

    // Stops the request wherever it is; `finished` follows (never from inside this call) with an
    // error of kind Cancelled, marked "outcome unknown" when a non-idempotent request was already on
    // the wire. Cancelling is never reported as a timeout. No effect once finished.
    void cancel();

Q_SIGNALS:
    void finished(const Cloud::ApiResult &result);

private:
    friend class CloudClient;
    ApiRequest(CloudClient *client, ApiCall call);

    enum class State { Created, AwaitingToken, Queued, Running, RetryWait, Finished };

    void start();
    void awaitToken();
    void onToken(const AccessToken &token, const ApiError &error);
    void enqueue(bool urgent);
    void run();
    void onReplyFinished();
    void handleHttp(ApiResponse response);
    void handleTransportError(int networkError, const QString &errorText);
    void followRedirect(const ApiResponse &response);
    void retryLater(std::chrono::milliseconds delay);
    void finish(const ApiResponse &response, ApiError error, bool deferSignal = false);
    [[nodiscard]] RequestScheduler::Budget budget() const;
    [[nodiscard]] ApiError requestError(ApiError::Kind kind, const QString &detail) const;

    CloudClient *m_client;
    ApiCall m_call;
    State m_state = State::Created;
    QByteArray m_method;
    QByteArray m_body;
    QUrl m_url; // the logical URL of the current attempt (changes on redirects)
    CloudHost m_host;
    CredentialProfile m_profile;
    QString m_identity;
    AccessToken m_token;
    RequestScheduler::Ticket m_ticket = 0;
    QNetworkReply *m_reply = nullptr;
    int m_manager = -1; // NetworkPool index while a reply runs
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_attemptElapsed;
    ApiResult m_result;
    int m_attempts = 0;
    int m_transientRetries = 0;
    int m_rateLimitRetries = 0;
    int m_redirects = 0;
    bool m_reauthenticated = false;
    bool m_crossOrigin = false; // a redirect left the original origin: no Authorization any more
    bool m_cancelled = false;
};

} // namespace Cloud
