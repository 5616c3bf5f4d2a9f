#pragma once

#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "staticsecretsource.h"

#include <memory>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Cloud {
class ApiRequest;
class Pager;
struct ApiPage;
} // namespace Cloud

namespace TestSupport {
class SandboxHttp;
}

// The production CloudClient wired to a running sandbox: connect-to on its port, and the seed
// credentials of issue 3 (organization client sandbox-org, one region client per seeded region)
// as profiles "org" and "region-<r>", their secrets from a StaticSecretSource.
class SeededClient
{
public:
    SeededClient(quint16 port, const QStringList &regions, const Cloud::CloudClient::Options &options = {});
    ~SeededClient();
    SeededClient(const SeededClient &) = delete;
    SeededClient &operator=(const SeededClient &) = delete;

    [[nodiscard]] Cloud::CloudClient &client() { return *m_client; }
    [[nodiscard]] StaticSecretSource &secrets() { return m_secrets; }

    // Waits for one request (10 s); a timeout comes back as a Timeout error.
    [[nodiscard]] static Cloud::ApiResult await(Cloud::ApiRequest *request, int timeoutMs = 10000);
    // For requests sent together: connects to all before the event loop runs, waits for all.
    [[nodiscard]] static QList<Cloud::ApiResult> awaitAll(const QList<Cloud::ApiRequest *> &requests,
                                                          int timeoutMs = 60000);

    struct Listing
    {
        QList<Cloud::ApiPage> pages;
        Cloud::ApiError error;
        bool finished = false;
    };
    // Runs a pager to its end; `cancelAfterPages` > 0 cancels it from inside that page's signal.
    [[nodiscard]] static Listing runPager(Cloud::Pager *pager, int cancelAfterPages = 0, int timeoutMs = 60000);

    // From the sandbox's state dump (without content): hostnames[0] of every tenant, in seed order,
    // and how often the sandbox served "<METHOD> <spec path>".
    [[nodiscard]] static QStringList tenantHosts(TestSupport::SandboxHttp &http);
    [[nodiscard]] static int requestCount(TestSupport::SandboxHttp &http, const QString &operation);

private:
    StaticSecretSource m_secrets;
    std::unique_ptr<Cloud::CloudClient> m_client;
};
