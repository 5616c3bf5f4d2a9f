#include "cloud/apirequest.h"
#include "cloud/cloudclient.h"
#include "cloud/networkpool.h"
#include "cloud/pager.h"
#include "cloud/tokenprovider.h"
#include "scriptedserver.h"
#include "staticsecretsource.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Cloud::ApiCall;
using Cloud::ApiError;
using Cloud::ApiRequest;
using Cloud::ApiResult;
using Cloud::CloudClient;
using Cloud::CredentialTier;
using Reply = ScriptedServer::Reply;
using Request = ScriptedServer::Request;

namespace {

constexpr auto kSecret = "s3cr3t-client-secret-value";

QStringList g_logLines;

void captureMessages(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_logLines.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
}

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

// Every level of the client's categories on, whatever QT_LOGGING_RULES says (ctest turns debug off).
void enableCloudCategories(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "tenantry.cloud.", 15) == 0) {
        category->setEnabled(QtDebugMsg, true);
        category->setEnabled(QtInfoMsg, true);
    }
}

} // namespace

// ApiRequest, TokenProvider, the scheduler and the pager over real loopback sockets, against a
// peer whose answers each test scripts (the integration tests run the same client against the sandbox).
class TestApiRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendsThroughConnectToWithTheRealHost();
    void cachesTheTokenPerHostAndClient();
    void concurrentRequestsShareOneTokenFetch();
    void reauthenticatesOnceOn401();
    void tenantDisabledIsNotRetried();
    void tokenFailureFailsAllWaitersTogether();
    void missingSecretIsAClearError();
    void credentialProblemsSendNothing();
    void followsSameOriginRedirectsWithAuthorization();
    void neverSendsAuthorizationCrossOrigin();
    void rateLimitedRequestsWaitAndSucceed();
    void retriesGetsOn5xxAndResets();
    void neverResendsAPostAfterItWasSent();
    void resendsAPostThatNeverLeft();
    void malformedJsonIsAnError();
    void timeoutIsNotCancel();
    void cancelIsNotTimeout();
    void pagerFollowsLinksAndCancels();
    void pagerDetectsLoops();
    void keepsManyRequestsInFlightAcrossTenants();
    void logsAndErrorsNeverContainSecrets();

private:
    [[nodiscard]] static ApiResult await(ApiRequest *request, int timeoutMs = 10000);
    // For requests sent together: connects to all before the event loop runs (each deletes itself
    // after `finished`), then waits for every result.
    [[nodiscard]] static QList<ApiResult> awaitAll(const QList<ApiRequest *> &requests, int timeoutMs = 20000);
    [[nodiscard]] static Reply tokenReply(int n, int expiresIn = 21600);
    void useDefaultHandler(std::function<Reply(const Request &)> api);

    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<StaticSecretSource> m_secrets;
    std::unique_ptr<CloudClient> m_client;
    int m_tokensIssued = 0;
};

ApiResult TestApiRequest::await(ApiRequest *request, int timeoutMs)
{
    QSignalSpy spy(request, &ApiRequest::finished);
    if (!spy.wait(timeoutMs))
        return ApiResult({}, ApiError(ApiError::Kind::Timeout, u"test: no finished signal"_s));
    return spy.first().first().value<ApiResult>();
}

QList<ApiResult> TestApiRequest::awaitAll(const QList<ApiRequest *> &requests, int timeoutMs)
{
    QList<ApiResult> results(requests.size(), ApiResult({}, ApiError(ApiError::Kind::Timeout, u"test: no result"_s)));
    int done = 0;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        connect(requests.at(i), &ApiRequest::finished, requests.at(i), [&results, &done, i](const ApiResult &result) {
            results[i] = result;
            ++done;
        });
    }
    (void)QTest::qWaitFor([&done, &requests] { return done == requests.size(); }, timeoutMs);
    return results;
}

Reply TestApiRequest::tokenReply(int n, int expiresIn)
{
    return Reply::json(200,
                       QJsonDocument(QJsonObject{{u"access_token"_s, u"tok-%1"_s.arg(n)},
                                                 {u"token_type"_s, u"bearer"_s},
                                                 {u"expires_in"_s, expiresIn}})
                           .toJson(QJsonDocument::Compact));
}

void TestApiRequest::useDefaultHandler(std::function<Reply(const Request &)> api)
{
    m_server->setHandler([this, api = std::move(api)](const Request &request) {
        if (request.path() == "/oauth/token")
            return tokenReply(++m_tokensIssued);
        return api(request);
    });
}

void TestApiRequest::init()
{
    m_server = std::make_unique<ScriptedServer>();
    const quint16 port = m_server->listen();
    QVERIFY(port != 0);
    m_secrets = std::make_unique<StaticSecretSource>(QHash<QString, QString>{
        {u"region-eu"_s, QString::fromLatin1(kSecret)}, {u"region-us"_s, u"us-secret"_s}, {u"org"_s, u"org-secret"_s}});
    CloudClient::Options options;
    options.retry.baseDelay = 20ms;
    options.retry.maxDelay = 100ms;
    m_client = std::make_unique<CloudClient>(options);
    m_client->setConnectTo(Cloud::ConnectToMap::sandbox(port));
    m_client->setSecretSource(m_secrets.get());
    m_client->setProfiles({
        {u"region-eu"_s, CredentialTier::Region, u"eu-client"_s, u"eu"_s, {}, {}},
        {u"region-us"_s, CredentialTier::Region, u"us-client"_s, u"us"_s, {}, {}},
        {u"org"_s, CredentialTier::Organization, u"org-client"_s, {}, {}, {}},
    });
    m_tokensIssued = 0;
    useDefaultHandler([](const Request &) { return Reply::json(200, R"({"data":[]})"); });
}

void TestApiRequest::cleanup()
{
    m_client.reset();
    m_secrets.reset();
    m_server.reset();
}

void TestApiRequest::sendsThroughConnectToWithTheRealHost()
{
    useDefaultHandler([](const Request &) { return Reply::json(200, R"({"data":[{"id":"s1"}]})"); });
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"5"_s);
    const ApiResult result
        = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s, query)));
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result.status(), 200);
    QCOMPARE(result.json()[u"data"_s][0][u"id"_s].toString(), u"s1"_s);
    QCOMPARE(result.attempts(), 1);

    QCOMPARE(m_server->requests().size(), 2);
    const Request &token = m_server->requests().at(0);
    QCOMPARE(token.method, "POST"_ba);
    QCOMPARE(token.target, "/oauth/token"_ba);
    QCOMPARE(token.host(), "acme.eu.qlikcloud.com"_ba);
    QVERIFY(!token.headers.contains("authorization"));
    QVERIFY(token.headers.value("content-type").startsWith("application/json"));
    const QJsonObject tokenBody = QJsonDocument::fromJson(token.body).object();
    QCOMPARE(tokenBody.value(u"client_id"_s).toString(), u"eu-client"_s);
    QCOMPARE(tokenBody.value(u"client_secret"_s).toString(), QString::fromLatin1(kSecret));
    QCOMPARE(tokenBody.value(u"grant_type"_s).toString(), u"client_credentials"_s);

    const Request &api = m_server->requests().at(1);
    QCOMPARE(api.method, "GET"_ba);
    QCOMPARE(api.target, "/api/v1/spaces?limit=5"_ba);
    QCOMPARE(api.host(), "acme.eu.qlikcloud.com"_ba);
    QCOMPARE(api.headers.value("authorization"), "Bearer tok-1"_ba);
    QCOMPARE(api.headers.value("accept"), "application/json"_ba);
    QVERIFY(api.headers.value("user-agent").startsWith("Tenantry/"));
    QVERIFY(!api.headers.contains("cookie"));
}

void TestApiRequest::cachesTheTokenPerHostAndClient()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s))).ok());
    QCOMPARE(m_server->count("POST", "/oauth/token"), 1);
    // Tokens are bound to one host (FACTS §2.1): another tenant needs its own.
    QVERIFY(await(m_client->send(ApiCall::get(u"beta.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s))).ok());
    QCOMPARE(m_server->count("POST", "/oauth/token"), 2);
    QCOMPARE(m_client->tokens()->cachedTokenCount(), 2);
    QCOMPARE(m_secrets->lookups(), 1); // the secret is read once per profile
}

void TestApiRequest::concurrentRequestsShareOneTokenFetch()
{
    m_server->setHandler([this](const Request &request) {
        if (request.path() == "/oauth/token") {
            Reply reply = tokenReply(++m_tokensIssued);
            reply.delayMs = 100;
            return reply;
        }
        return Reply::json(200, R"({"data":[]})");
    });
    QList<ApiRequest *> requests;
    for (int i = 0; i < 10; ++i)
        requests.append(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/users"_s)));
    for (const ApiResult &result : awaitAll(requests))
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(m_server->count("POST", "/oauth/token"), 1);
    QCOMPARE(m_server->count("GET", "/api/v1/users"), 10);
}

void TestApiRequest::reauthenticatesOnceOn401()
{
    int spacesCalls = 0;
    useDefaultHandler([&spacesCalls](const Request &request) {
        ++spacesCalls;
        // The first token is refused (revoked server-side); the second is fine.
        if (request.headers.value("authorization") == "Bearer tok-1")
            return Reply::json(401, R"({"errors":[{"code":"HTTP-401","title":"Unauthorized","status":"401"}]})");
        return Reply::json(200, R"({"data":[]})");
    });
    const ApiResult result = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result.attempts(), 2);
    QCOMPARE(m_server->count("POST", "/oauth/token"), 2);

    // Refused again after the fresh token: one resend only, then the 401 is the answer.
    useDefaultHandler([](const Request &) {
        return Reply::json(401, R"({"errors":[{"code":"HTTP-401","title":"Unauthorized","status":"401"}]})");
    });
    m_server->clear();
    const ApiResult refused = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(refused.error().kind(), ApiError::Kind::Http);
    QCOMPARE(refused.error().httpStatus(), 401);
    QCOMPARE(m_server->count("GET", "/api/v1/spaces"), 2);
    QCOMPARE(m_server->count("POST", "/oauth/token"), 1);
}

void TestApiRequest::tenantDisabledIsNotRetried()
{
    useDefaultHandler([](const Request &) {
        return Reply::json(
            401,
            R"({"errors":[{"title":"Tenant has been deactivated. Contact your administrator for more details.","code":"TENANT_DISABLED","status":"401"}],"traceId":"tr-9"})");
    });
    const ApiResult result = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(result.error().code(), u"TENANT_DISABLED"_s);
    QCOMPARE(result.error().traceId(), u"tr-9"_s);
    QCOMPARE(m_server->count("GET", "/api/v1/spaces"), 1);
    QCOMPARE(m_server->count("POST", "/oauth/token"), 1);
}

void TestApiRequest::tokenFailureFailsAllWaitersTogether()
{
    m_server->setHandler([](const Request &request) {
        if (request.path() == "/oauth/token")
            return Reply::json(
                401,
                R"({"errors":[{"title":"Invalid client_id","detail":"OAuth client is not authorized","code":"OAUTH-14","status":"401"}],"traceId":"abc"})");
        return Reply::json(200, R"({"data":[]})");
    });
    QList<ApiRequest *> requests;
    for (int i = 0; i < 5; ++i)
        requests.append(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    for (const ApiResult &result : awaitAll(requests)) {
        QCOMPARE(result.error().kind(), ApiError::Kind::Authentication);
        QCOMPARE(result.error().code(), u"OAUTH-14"_s);
        QVERIFY2(result.error().message().contains(u"no token for client 'eu-client' (profile 'region-eu')"_s),
                 qPrintable(result.error().message()));
    }
    QCOMPARE(m_server->count("POST", "/oauth/token"), 1);
    QCOMPARE(m_server->count("GET", "/api/v1/spaces"), 0);
}

void TestApiRequest::missingSecretIsAClearError()
{
    m_secrets->setUnavailable(true);
    const ApiResult result = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(result.error().kind(), ApiError::Kind::SecretUnavailable);
    QVERIFY2(result.error().message().contains(u"the keychain is locked"_s), qPrintable(result.error().message()));
    QVERIFY(m_server->requests().isEmpty());
}

void TestApiRequest::credentialProblemsSendNothing()
{
    const ApiResult noClient = await(m_client->send(ApiCall::get(u"acme.de.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(noClient.error().kind(), ApiError::Kind::NoCredentials);

    ApiCall forced = ApiCall::get(u"acme.us.qlikcloud.com"_s, u"/api/v1/spaces"_s);
    forced.profileName = u"region-eu"_s;
    const ApiResult mismatch = await(m_client->send(forced));
    QCOMPARE(mismatch.error().kind(), ApiError::Kind::RegionMismatch);
    QVERIFY(
        mismatch.error().message().startsWith(u"GET https://acme.us.qlikcloud.com/api/v1/spaces: region mismatch"_s));

    const ApiResult offSandbox = await(m_client->send(ApiCall::get(u"analytics.example.com"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(offSandbox.error().kind(), ApiError::Kind::InvalidRequest);

    const ApiResult badHost = await(m_client->send(ApiCall::get(u"not a host"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(badHost.error().kind(), ApiError::Kind::InvalidRequest);
    QVERIFY(m_server->requests().isEmpty());
}

void TestApiRequest::followsSameOriginRedirectsWithAuthorization()
{
    useDefaultHandler([](const Request &request) {
        if (request.path() == "/api/v1/users/me")
            return Reply{301,
                         {{"Location", "/api/v1/users/u1"}, {"Content-Type", "text/html"}},
                         "<a>moved</a>",
                         0,
                         Reply::Action::Answer};
        if (request.path() == "/api/v1/tenants/me")
            return Reply{
                302, {{"Location", "https://acme.eu.qlikcloud.com/api/v1/tenants/t1"}}, {}, 0, Reply::Action::Answer};
        return Reply::json(200, R"({"id":"x"})");
    });
    const ApiResult me = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/users/me"_s)));
    QVERIFY2(me.ok(), qPrintable(me.error().message()));
    QCOMPARE(me.response().url.toString(), u"https://acme.eu.qlikcloud.com/api/v1/users/u1"_s);
    const ApiResult tenant = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/tenants/me"_s)));
    QVERIFY2(tenant.ok(), qPrintable(tenant.error().message()));
    QCOMPARE(m_server->count("GET", "/api/v1/users/u1"), 1);
    QCOMPARE(m_server->count("GET", "/api/v1/tenants/t1"), 1);
    for (const Request &request : m_server->requests()) {
        if (request.method == "GET") {
            QCOMPARE(request.headers.value("authorization"), "Bearer tok-1"_ba);
            QCOMPARE(request.host(), "acme.eu.qlikcloud.com"_ba);
        }
    }
}

void TestApiRequest::neverSendsAuthorizationCrossOrigin()
{
    useDefaultHandler([](const Request &request) {
        if (request.host() == "acme.eu.qlikcloud.com")
            return Reply{302, {{"Location", "https://cdn.eu.qlikcloud.com/files/1"}}, {}, 0, Reply::Action::Answer};
        return Reply::json(200, R"({"ok":true})");
    });
    const ApiResult result = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/export"_s)));
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    const Request &last = m_server->requests().constLast();
    QCOMPARE(last.host(), "cdn.eu.qlikcloud.com"_ba);
    QVERIFY(!last.headers.contains("authorization"));
    QCOMPARE(m_server->count("POST", "/oauth/token"), 1); // no token fetched for the other origin
}

void TestApiRequest::rateLimitedRequestsWaitAndSucceed()
{
    int calls = 0;
    useDefaultHandler([&calls](const Request &) {
        if (++calls <= 2)
            return Reply{
                429,
                {{"Content-Type", "application/json"}, {"Retry-After", "1"}},
                R"({"errors":[{"code":"HTTP-429","title":"API rate limit reached.","detail":"You need to wait 1 seconds until limit is lifted."}]})",
                0,
                Reply::Action::Answer};
        return Reply::json(201, R"({"id":"sp1"})");
    });
    QSignalSpy parked(m_client->scheduler(), &Cloud::RequestScheduler::budgetParked);
    QElapsedTimer clock;
    clock.start();
    // A POST too: a 429 means the server did not process it.
    const ApiResult result = await(m_client->send(ApiCall::post(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s,
                                                                QJsonDocument(QJsonObject{{u"name"_s, u"x"_s}}))));
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result.status(), 201);
    QVERIFY2(clock.elapsed() >= 1900, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(parked.size(), 2);
    QCOMPARE(parked.first().at(1).toString(), u"tier2"_s);
}

void TestApiRequest::retriesGetsOn5xxAndResets()
{
    int calls = 0;
    useDefaultHandler([&calls](const Request &) {
        ++calls;
        if (calls == 1)
            return Reply::json(503, R"({"errors":[{"code":"HTTP-503","title":"Service unavailable"}]})");
        if (calls == 2)
            return Reply::drop();
        return Reply::json(200, R"({"data":[1]})");
    });
    const ApiResult result = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    // Qt itself may resend a GET once on a dropped connection: count at the server.
    QCOMPARE(calls, 3);
    QVERIFY(result.attempts() >= 2);

    // Persistent 5xx: the error after maxAttempts.
    useDefaultHandler(
        [](const Request &) { return Reply::json(500, R"({"errors":[{"code":"X-500","title":"boom"}]})"); });
    m_server->clear();
    const ApiResult failed = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(failed.error().kind(), ApiError::Kind::Http);
    QCOMPARE(failed.error().httpStatus(), 500);
    QCOMPARE(failed.error().code(), u"X-500"_s);
    QCOMPARE(m_server->count("GET", "/api/v1/spaces"), m_client->options().retry.maxAttempts);
    QVERIFY(!failed.error().isOutcomeUnknown());
}

void TestApiRequest::neverResendsAPostAfterItWasSent()
{
    useDefaultHandler([](const Request &) { return Reply::drop(); }); // lost response
    const ApiResult lost = await(m_client->send(ApiCall::post(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s,
                                                              QJsonDocument(QJsonObject{{u"name"_s, u"x"_s}}))));
    QCOMPARE(lost.error().kind(), ApiError::Kind::Network);
    QVERIFY(lost.error().isOutcomeUnknown());
    QCOMPARE(m_server->count("POST", "/api/v1/spaces"), 1);

    useDefaultHandler(
        [](const Request &) { return Reply::json(503, R"({"errors":[{"code":"HTTP-503","title":"x"}]})"); });
    m_server->clear();
    const ApiResult unavailable = await(m_client->send(ApiCall::post(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s,
                                                                     QJsonDocument(QJsonObject{{u"name"_s, u"y"_s}}))));
    QCOMPARE(unavailable.error().httpStatus(), 503);
    QVERIFY(!unavailable.error().isOutcomeUnknown());
    QCOMPARE(m_server->count("POST", "/api/v1/spaces"), 1);

    useDefaultHandler(
        [](const Request &) { return Reply::json(504, R"({"errors":[{"code":"HTTP-504","title":"x"}]})"); });
    m_server->clear();
    const ApiResult gateway = await(m_client->send(ApiCall::post(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s,
                                                                 QJsonDocument(QJsonObject{{u"name"_s, u"z"_s}}))));
    QVERIFY(gateway.error().isOutcomeUnknown());
    QCOMPARE(m_server->count("POST", "/api/v1/spaces"), 1);
}

void TestApiRequest::resendsAPostThatNeverLeft()
{
    // Nothing listens on the port: connection refused, so the POST cannot have been applied.
    const quint16 deadPort = [] {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }();
    CloudClient::Options options;
    options.retry.baseDelay = 10ms;
    options.retry.maxDelay = 20ms;
    CloudClient client(options);
    client.setConnectTo(Cloud::ConnectToMap::sandbox(deadPort));
    ApiCall call = ApiCall::post(u"register.eu.qlikcloud.com"_s, u"/api/v1/tenants"_s, QJsonDocument(QJsonObject{}));
    call.auth = ApiCall::Auth::None;
    const ApiResult result = await(client.send(call));
    QCOMPARE(result.error().kind(), ApiError::Kind::Network);
    QCOMPARE(result.attempts(), options.retry.maxAttempts);
    QVERIFY(!result.error().isOutcomeUnknown());
}

void TestApiRequest::malformedJsonIsAnError()
{
    useDefaultHandler([](const Request &) { return Reply::json(200, R"({"data":[{"id":"a"},)"); });
    const ApiResult result = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    QCOMPARE(result.error().kind(), ApiError::Kind::MalformedResponse);
    QCOMPARE(result.error().httpStatus(), 200);
    QVERIFY2(result.error().message().contains(u"not valid JSON"_s), qPrintable(result.error().message()));
    QVERIFY(result.json().isNull());
    QCOMPARE(m_server->count("GET", "/api/v1/spaces"), 1); // not retried: it would not get better

    // A non-JSON body that says so is passed through untouched.
    useDefaultHandler([](const Request &) {
        return Reply{200, {{"Content-Type", "application/octet-stream"}}, "QVF\x01", 0, Reply::Action::Answer};
    });
    const ApiResult binary
        = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/temp-contents/1"_s)));
    QVERIFY(binary.ok());
    QCOMPARE(binary.response().body, "QVF\x01"_ba);
}

void TestApiRequest::timeoutIsNotCancel()
{
    useDefaultHandler([](const Request &) { return Reply::hang(); });
    ApiCall post = ApiCall::post(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s, QJsonDocument(QJsonObject{}));
    post.transferTimeout = 300ms;
    const ApiResult result = await(m_client->send(post));
    QCOMPARE(result.error().kind(), ApiError::Kind::Timeout);
    QVERIFY(result.error().isOutcomeUnknown());
    QCOMPARE(m_server->count("POST", "/api/v1/spaces"), 1);
}

void TestApiRequest::cancelIsNotTimeout()
{
    useDefaultHandler([](const Request &) { return Reply::hang(); });
    ApiCall post = ApiCall::post(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s, QJsonDocument(QJsonObject{}));
    post.transferTimeout = 5s;
    ApiRequest *request = m_client->send(post);
    QSignalSpy finished(request, &ApiRequest::finished);
    QTRY_COMPARE(m_server->count("POST", "/api/v1/spaces"), 1);
    request->cancel();
    QCOMPARE(finished.size(), 0); // never from inside cancel()
    QVERIFY(finished.wait(2000));
    const ApiResult result = finished.first().first().value<ApiResult>();
    QCOMPARE(result.error().kind(), ApiError::Kind::Cancelled);
    QVERIFY(result.error().isOutcomeUnknown()); // it was on the wire
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);

    // Cancelled while still waiting for its token: nothing was sent, so the outcome is known.
    m_server->clear();
    ApiRequest *early = m_client->send(ApiCall::post(u"other.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s, {}));
    early->cancel();
    const ApiResult earlyResult = await(early);
    QCOMPARE(earlyResult.error().kind(), ApiError::Kind::Cancelled);
    QVERIFY(!earlyResult.error().isOutcomeUnknown());
}

void TestApiRequest::pagerFollowsLinksAndCancels()
{
    // Three pages by cursor; the last link uses another host form, which must stay on the sandbox.
    useDefaultHandler([](const Request &request) {
        const QByteArray target = request.target;
        if (target == "/api/v1/users?limit=2")
            return Reply::json(
                200,
                R"({"data":[{"id":"1"},{"id":"2"}],"links":{"next":{"href":"https://acme.eu.qlikcloud.com/api/v1/users?limit=2&next=c2"}}})");
        if (target == "/api/v1/users?limit=2&next=c2")
            return Reply::json(
                200,
                R"({"data":[{"id":"3"},{"id":"4"}],"links":{"next":{"href":"https://alias.eu.qlikcloud.com/api/v1/users?limit=2&next=c4"}}})");
        if (target == "/api/v1/users?limit=2&next=c4")
            return Reply::json(200, R"({"data":[{"id":"5"}],"links":{"self":{"href":"x"}}})");
        return Reply::json(404, R"({"errors":[{"code":"HTTP-404","title":"no"}]})");
    });
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"2"_s);
    Cloud::Pager *pager = m_client->list(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/users"_s, query));
    QSignalSpy pages(pager, &Cloud::Pager::pageReceived);
    QSignalSpy finished(pager, &Cloud::Pager::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(pages.size(), 3);
    QVERIFY(finished.first().first().value<ApiError>().isNull());
    QStringList ids;
    for (const QList<QVariant> &arguments : std::as_const(pages)) {
        for (const auto &item : arguments.first().value<Cloud::ApiPage>().items)
            ids.append(item[u"id"_s].toString());
    }
    QCOMPARE(ids, (QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s}));
    QCOMPARE(m_server->requests().constLast().host(), "alias.eu.qlikcloud.com"_ba);

    // Cancel after the first page: no further page, finished once, as cancelled.
    m_server->clear();
    Cloud::Pager *cancelled = m_client->list(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/users"_s, query));
    QSignalSpy cancelledPages(cancelled, &Cloud::Pager::pageReceived);
    QSignalSpy cancelledFinished(cancelled, &Cloud::Pager::finished);
    connect(cancelled, &Cloud::Pager::pageReceived, cancelled, [cancelled] { cancelled->cancel(); });
    QVERIFY(cancelledFinished.wait(5000));
    QCOMPARE(cancelledPages.size(), 1);
    QCOMPARE(cancelledFinished.first().first().value<ApiError>().kind(), ApiError::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(cancelledFinished.size(), 1);
    QCOMPARE(m_server->count("GET", "/api/v1/users"), 1);
}

void TestApiRequest::pagerDetectsLoops()
{
    useDefaultHandler([](const Request &) {
        return Reply::json(
            200,
            R"({"data":[{"id":"1"}],"links":{"next":{"href":"https://acme.eu.qlikcloud.com/api/v1/users?next=same"}}})");
    });
    Cloud::Pager *pager = m_client->list(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/users"_s));
    QSignalSpy finished(pager, &Cloud::Pager::finished);
    QVERIFY(finished.wait(5000));
    const ApiError error = finished.first().first().value<ApiError>();
    QCOMPARE(error.kind(), ApiError::Kind::MalformedResponse);
    QVERIFY2(error.message().contains(u"points back to a page already read"_s), qPrintable(error.message()));
    QCOMPARE(m_server->count("GET", "/api/v1/users"), 2);
}

void TestApiRequest::keepsManyRequestsInFlightAcrossTenants()
{
    // Every tenant shares the server's one port, as with the sandbox. A single network manager would
    // hold only six connections; the pool must put 64 requests for 64 tenants on the wire at once.
    useDefaultHandler([](const Request &) {
        Reply reply = Reply::json(200, R"({"data":[]})");
        reply.delayMs = 400;
        return reply;
    });
    QList<ApiRequest *> warmups;
    QList<ApiRequest *> requests;
    constexpr int kTenants = 64;
    for (int i = 0; i < kTenants; ++i)
        warmups.append(m_client->send(ApiCall::get(u"t%1.eu.qlikcloud.com"_s.arg(i), u"/api/v1/users"_s)));
    for (const ApiResult &result : awaitAll(warmups))
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
    m_server->clear();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kTenants; ++i)
        requests.append(m_client->send(ApiCall::get(u"t%1.eu.qlikcloud.com"_s.arg(i), u"/api/v1/spaces"_s)));
    for (const ApiResult &result : awaitAll(requests))
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
    qInfo() << "peak concurrent at the server:" << m_server->peakConcurrent() << "in" << clock.elapsed() << "ms";
    QVERIFY2(m_server->peakConcurrent() >= 64, qPrintable(QString::number(m_server->peakConcurrent())));
    QVERIFY(m_client->scheduler()->peakRunning() >= 64);
}

void TestApiRequest::logsAndErrorsNeverContainSecrets()
{
    g_previousFilter = QLoggingCategory::installFilter(enableCloudCategories);
    g_logLines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
    useDefaultHandler([](const Request &request) {
        if (request.path() == "/api/v1/me")
            return Reply::json(401, R"({"errors":[{"code":"HTTP-401","title":"Unauthorized"}]})");
        return Reply::json(200, R"({"data":[]})");
    });
    const ApiResult ok = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    const ApiResult refused = await(m_client->send(ApiCall::get(u"acme.eu.qlikcloud.com"_s, u"/api/v1/me"_s)));
    m_server->setHandler(
        [](const Request &) { return Reply::json(401, R"({"errors":[{"code":"OAUTH-14","title":"x"}]})"); });
    const ApiResult tokenRefused = await(m_client->send(ApiCall::get(u"zeta.eu.qlikcloud.com"_s, u"/api/v1/spaces"_s)));
    qInstallMessageHandler(previous);
    QLoggingCategory::installFilter(g_previousFilter);

    QVERIFY(ok.ok());
    QVERIFY(!refused.ok());
    QVERIFY(!tokenRefused.ok());
    QVERIFY(g_logLines.size() > 5);
    const QString everything = g_logLines.join(u'\n') + refused.error().message() + tokenRefused.error().message();
    QVERIFY2(!everything.contains(QString::fromLatin1(kSecret)), "a client secret was logged");
    QVERIFY2(!everything.contains(u"tok-1"_s) && !everything.contains(u"tok-2"_s), "a token was logged");
    QVERIFY(everything.contains(u"Authorization: <redacted>"_s));
}

QTEST_GUILESS_MAIN(TestApiRequest)
#include "tst_apirequest.moc"
