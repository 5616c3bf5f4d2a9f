#include "seededclient.h"

#include "cloud/apipage.h"
#include "cloud/apirequest.h"
#include "cloud/connecttomap.h"
#include "cloud/pager.h"
#include "support/sandboxhttp.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Cloud::ApiError;
using Cloud::ApiResult;

SeededClient::SeededClient(quint16 port, const QStringList &regions, const Cloud::CloudClient::Options &options)
    : m_client(std::make_unique<Cloud::CloudClient>(options))
{
    QList<Cloud::CredentialProfile> profiles{
        {u"org"_s, Cloud::CredentialTier::Organization, u"sandbox-org"_s, {}, {}, u"sandbox organization"_s}};
    m_secrets.setSecret(u"org"_s, u"sandbox-org-secret"_s);
    for (const QString &region : regions) {
        const QString clientId = u"sandbox-region-"_s + region;
        profiles.append({u"region-"_s + region, Cloud::CredentialTier::Region, clientId, region, {}, {}});
        m_secrets.setSecret(u"region-"_s + region, clientId + u"-secret"_s);
    }
    m_client->setConnectTo(Cloud::ConnectToMap::sandbox(port));
    m_client->setSecretSource(&m_secrets);
    m_client->setProfiles(profiles);
}

SeededClient::~SeededClient() = default;

ApiResult SeededClient::await(Cloud::ApiRequest *request, int timeoutMs)
{
    QSignalSpy spy(request, &Cloud::ApiRequest::finished);
    if (!spy.wait(timeoutMs))
        return ApiResult({}, ApiError(ApiError::Kind::Timeout, u"test: no finished signal"_s));
    return spy.first().first().value<ApiResult>();
}

QList<ApiResult> SeededClient::awaitAll(const QList<Cloud::ApiRequest *> &requests, int timeoutMs)
{
    QList<ApiResult> results(requests.size(), ApiResult({}, ApiError(ApiError::Kind::Timeout, u"test: no result"_s)));
    int done = 0;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QObject::connect(requests.at(i), &Cloud::ApiRequest::finished, requests.at(i),
                         [&results, &done, i](const ApiResult &result) {
                             results[i] = result;
                             ++done;
                         });
    }
    (void)QTest::qWaitFor([&done, &requests] { return done == requests.size(); }, timeoutMs);
    return results;
}

SeededClient::Listing SeededClient::runPager(Cloud::Pager *pager, int cancelAfterPages, int timeoutMs)
{
    Listing listing;
    QObject::connect(pager, &Cloud::Pager::pageReceived, pager,
                     [&listing, pager, cancelAfterPages](const Cloud::ApiPage &page) {
                         listing.pages.append(page);
                         if (cancelAfterPages > 0 && listing.pages.size() == cancelAfterPages)
                             pager->cancel();
                     });
    QObject::connect(pager, &Cloud::Pager::finished, pager, [&listing](const ApiError &error) {
        listing.error = error;
        listing.finished = true;
    });
    (void)QTest::qWaitFor([&listing] { return listing.finished; }, timeoutMs);
    return listing;
}

QStringList SeededClient::tenantHosts(TestSupport::SandboxHttp &http)
{
    QJsonObject answer;
    http.control("GET", u"/__sandbox/state?content=false"_s, {}, &answer);
    QStringList hosts;
    for (const QJsonValue tenant : answer.value(u"tenants"_s).toArray())
        hosts.append(tenant[u"hostnames"_s][0].toString());
    return hosts;
}

int SeededClient::requestCount(TestSupport::SandboxHttp &http, const QString &operation)
{
    QJsonObject answer;
    http.control("GET", u"/__sandbox/state?content=false"_s, {}, &answer);
    return answer.value(u"requests"_s).toObject().value(operation).toInt();
}
