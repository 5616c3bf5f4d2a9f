// Benchmark of the cloud client against a separate sandbox process (issue 4):
//   A. list all tenants of an estate through the organization API — one pager over every page,
//      against one pager per region running side by side;
//   B. list spaces on 500 tenants (token + GET each) — all at once, against one at a time on
//      another 500 tenants of the same estate.
// Prints wall time, requests/s and peak RSS (client and sandbox), and the ratio of each pair.
//
//   build/tests/bench/bench_client [--tenants 20000] [--spaces-tenants 500] [--latency-ms 0]
//
// The sandbox runs as its own process (build/bin/tenantry-sandbox --seed estate:N), so client and
// server never share a thread or a core's event loop.

#include "benchsandbox.h"
#include "cloud/apipage.h"
#include "cloud/apirequest.h"
#include "cloud/cloudclient.h"
#include "cloud/connecttomap.h"
#include "cloud/pager.h"
#include "cloud/region.h"
#include "cloud/tokenprovider.h"
#include "staticsecretsource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using Cloud::ApiCall;
using Cloud::ApiResult;
using Cloud::CloudClient;

namespace {

QTextStream &out()
{
    return BenchSandbox::out();
}

struct Figures
{
    qint64 wallMs = 0;
    int requests = 0; // HTTP requests sent, token requests included
    int failures = 0;
    qsizetype items = 0;
    int peakInFlight = 0;
    bool notServed = false; // the sandbox answered 404 for the route

    [[nodiscard]] double perSecond() const { return wallMs > 0 ? requests * 1000.0 / wallMs : 0; }
};

class Bench
{
public:
    Bench(quint16 port, QStringList regions)
        : m_port(port)
        , m_regions(std::move(regions))
    {
        m_secrets.setSecret(u"org"_s, u"sandbox-org-secret"_s);
        for (const QString &region : std::as_const(m_regions))
            m_secrets.setSecret(u"region-"_s + region, u"sandbox-region-"_s + region + u"-secret"_s);
    }

    std::unique_ptr<CloudClient> client(int maxInFlight)
    {
        CloudClient::Options options;
        options.limits.maxTotal = maxInFlight;
        auto client = std::make_unique<CloudClient>(options);
        client->setConnectTo(Cloud::ConnectToMap::sandbox(m_port));
        client->setSecretSource(&m_secrets);
        QList<Cloud::CredentialProfile> profiles{
            {u"org"_s, Cloud::CredentialTier::Organization, u"sandbox-org"_s, {}, {}, {}}};
        for (const QString &region : m_regions)
            profiles.append(
                {u"region-"_s + region, Cloud::CredentialTier::Region, u"sandbox-region-"_s + region, region, {}, {}});
        client->setProfiles(profiles);
        return client;
    }

    // Pages through the organization API; one pager per filter, all at once.
    Figures listTenants(const QString &subscription, const QStringList &extraFilters)
    {
        auto cloud = client(128);
        Figures figures;
        int running = 0;
        QSet<QString> ids;
        QElapsedTimer clock;
        clock.start();
        for (const QString &extra : extraFilters) {
            QUrlQuery query;
            QString filter = u"subscriptionId eq \"%1\""_s.arg(subscription);
            if (!extra.isEmpty())
                filter += u" and "_s + extra;
            query.addQueryItem(u"filter"_s, filter);
            query.addQueryItem(u"limit"_s, u"100"_s);
            Cloud::Pager *pager = cloud->list(ApiCall::get(u"console.qlikcloud.com"_s, u"/api/core/tenants"_s, query));
            ++running;
            QObject::connect(pager, &Cloud::Pager::pageReceived, pager, [&](const Cloud::ApiPage &page) {
                ++figures.requests;
                for (const QJsonValue tenant : page.items)
                    ids.insert(tenant[u"id"_s].toString());
            });
            QObject::connect(pager, &Cloud::Pager::finished, pager, [&](const Cloud::ApiError &error) {
                if (error.httpStatus() == 404 && ids.isEmpty()) {
                    figures.notServed = true;
                } else if (!error.isNull()) {
                    ++figures.failures;
                    out() << "  ! " << error.message() << Qt::endl;
                }
                --running;
            });
        }
        BenchSandbox::runUntil([&] { return running == 0; });
        figures.wallMs = clock.elapsed();
        figures.requests += cloud->tokens()->tokenRequestCount();
        figures.items = ids.size();
        figures.peakInFlight = cloud->scheduler()->peakRunning();
        return figures;
    }

    // Token + GET /api/v1/spaces on each host, at most `maxInFlight` at a time.
    Figures listSpaces(const QStringList &hosts, int maxInFlight)
    {
        auto cloud = client(maxInFlight);
        Figures figures;
        int pending = static_cast<int>(hosts.size());
        QElapsedTimer clock;
        clock.start();
        for (const QString &host : hosts) {
            cloud->send(ApiCall::get(host, u"/api/v1/spaces"_s), cloud.get(), [&](const ApiResult &result) {
                if (!result.ok()) {
                    ++figures.failures;
                    out() << "  ! " << result.error().message() << Qt::endl;
                } else {
                    figures.items += result.json()[u"data"_s].toArray().size();
                }
                figures.requests += result.attempts();
                --pending;
            });
        }
        BenchSandbox::runUntil([&] { return pending == 0; });
        figures.wallMs = clock.elapsed();
        figures.requests += cloud->tokens()->tokenRequestCount();
        figures.peakInFlight = cloud->scheduler()->peakRunning();
        return figures;
    }

private:
    quint16 m_port;
    QStringList m_regions;
    StaticSecretSource m_secrets;
};

void print(const QString &label, const Figures &figures)
{
    out() << "  " << label.leftJustified(44) << QString::number(figures.wallMs).rightJustified(7) << " ms  "
          << QString::number(figures.requests).rightJustified(6) << " req  "
          << QString::number(figures.perSecond(), 'f', 0).rightJustified(6) << " req/s  "
          << QString::number(figures.items).rightJustified(6) << " items  peak " << figures.peakInFlight << " in flight"
          << (figures.failures ? u"  FAILURES: %1"_s.arg(figures.failures) : QString()) << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Cloud client benchmark against a tenantry-sandbox process."_s);
    parser.addHelpOption();
    const QCommandLineOption tenantsOption(u"tenants"_s, u"Tenants in the estate seed."_s, u"N"_s, u"20000"_s);
    const QCommandLineOption spacesOption(u"spaces-tenants"_s, u"Tenants to list spaces on."_s, u"N"_s, u"500"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Sandbox latency per answer."_s, u"MS"_s, u"0"_s);
    const QCommandLineOption sandboxOption(u"sandbox"_s, u"The tenantry-sandbox executable."_s, u"PATH"_s,
                                           QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"));
    parser.addOptions({tenantsOption, spacesOption, latencyOption, sandboxOption});
    parser.process(app);
    const int tenants = parser.value(tenantsOption).toInt();
    const int spacesTenants = parser.value(spacesOption).toInt();
    if (tenants < 2 * spacesTenants || spacesTenants <= 0) {
        out() << "--tenants must be at least twice --spaces-tenants" << Qt::endl;
        return 2;
    }

    // The sandbox, in its own process; its first stdout line tells the port.
    QElapsedTimer seedClock;
    seedClock.start();
    BenchSandbox sandbox(parser.value(sandboxOption),
                         {u"--seed"_s, u"estate:%1"_s.arg(tenants), u"--latency-ms"_s, parser.value(latencyOption)});
    const quint16 port = sandbox.port();
    if (port == 0) {
        out() << "the sandbox did not start: " << sandbox.firstLine() << Qt::endl;
        return 1;
    }
    out() << "sandbox: estate:" << tenants << " seeded and listening on port " << port << " after "
          << seedClock.elapsed() << " ms (latency " << parser.value(latencyOption) << " ms)" << Qt::endl;

    // What to list: the subscription, regions and hostnames, from the control surface.
    const ApiResult result = sandbox.control("GET", u"/__sandbox/state"_s);
    if (!result.ok()) {
        out() << "no state from the sandbox: " << result.error().message() << Qt::endl;
        return 1;
    }
    const QJsonDocument state = result.json();
    const QJsonArray tenantList = state[u"tenants"_s].toArray();
    const QString subscription = tenantList.first()[u"subscriptionId"_s].toString();
    QStringList hosts;
    QStringList regions;
    for (const QJsonValue tenant : tenantList) {
        hosts.append(tenant[u"hostnames"_s][0].toString());
        const QString region = tenant[u"region"_s].toString();
        if (!regions.contains(region))
            regions.append(region);
    }
    QStringList regionFilters;
    for (const QString &region : std::as_const(regions))
        regionFilters.append(u"regionCode eq \"%1\""_s.arg(Cloud::Region::fromId(region)->awsCode));

    Bench bench(port, regions);
    out() << "\nA. all " << tenants << " tenants through the organization API (limit 100)" << Qt::endl;
    const Figures oneList = bench.listTenants(subscription, {QString()});
    Figures perRegion;
    if (oneList.notServed) {
        out() << "  skipped: this sandbox does not serve GET /api/core/tenants (HTTP 404)" << Qt::endl;
    } else {
        print(u"one pager, page after page"_s, oneList);
        perRegion = bench.listTenants(subscription, regionFilters);
        print(u"one pager per region (%1), side by side"_s.arg(regions.size()), perRegion);
        out() << "  ratio: " << QString::number(double(oneList.wallMs) / std::max<qint64>(1, perRegion.wallMs), 'f', 2)
              << "x faster side by side" << Qt::endl;
    }

    out() << "\nB. spaces on " << spacesTenants << " tenants (token + GET /api/v1/spaces each)" << Qt::endl;
    const Figures concurrent = bench.listSpaces(hosts.mid(0, spacesTenants), 128);
    print(u"concurrently (tenants 1-%1)"_s.arg(spacesTenants), concurrent);
    const Figures sequential = bench.listSpaces(hosts.mid(spacesTenants, spacesTenants), 1);
    print(u"one at a time (tenants %1-%2)"_s.arg(spacesTenants + 1).arg(2 * spacesTenants), sequential);
    out() << "  ratio: " << QString::number(double(sequential.wallMs) / std::max<qint64>(1, concurrent.wallMs), 'f', 2)
          << "x faster concurrently" << Qt::endl;

    out() << "\npeak RSS: client " << QString::number(BenchSandbox::peakRssMiB(u"self"_s), 'f', 1) << " MiB, sandbox "
          << QString::number(BenchSandbox::peakRssMiB(QString::number(sandbox.processId())), 'f', 1) << " MiB"
          << Qt::endl;

    const bool failed = oneList.failures + perRegion.failures + concurrent.failures + sequential.failures > 0
        || (!oneList.notServed && (oneList.items != tenants || perRegion.items != tenants));
    return failed ? 1 : 0;
}
