// The estate window against a big estate: a tenantry-sandbox process seeded with estate:N, the real
// MainWindow (offscreen) with the real session, model, filter proxy and tree view. Prints the
// figures issue 5 asks for: time from connect to the first tenants in the tree, to all of them,
// filter keystroke latency, resident memory per tenant, and the longest stall of the GUI thread
// while loading and filtering (EventLoopHeartbeat). Asserts nothing; run by hand:
//     build/tests/bench/bench_estate [--tenants 20000] [--latency-ms 0] [--rounds 1]
#include "cloud/connecttomap.h"
#include "cloud/sandboxcredentials.h"
#include "estatefilterproxy.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "eventloopheartbeat.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return 0;
}

// Waits for `done` while the event loop runs (a benchmark may; product code never does).
template<typename Predicate>
bool runUntil(Predicate done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

int visibleTenantRows(const QTreeView *view)
{
    const QAbstractItemModel *model = view->model();
    const QModelIndex organization = model->index(0, 0);
    int rows = 0;
    for (int row = 0; row < model->rowCount(organization); ++row) {
        const QModelIndex region = model->index(row, 0, organization);
        if (view->isExpanded(region))
            rows += model->rowCount(region);
    }
    return rows;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_estate"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption tenantsOption(u"tenants"_s, u"Tenants in the estate."_s, u"N"_s, u"20000"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Sandbox latency per answer."_s, u"MS"_s, u"0"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Type and erase the filter text N times (for a profiler)."_s,
                                          u"N"_s, u"1"_s);
    parser.addOptions({tenantsOption, latencyOption, roundsOption});
    parser.process(app);
    const int tenants = parser.value(tenantsOption).toInt();
    const QString latency = parser.value(latencyOption);
    QStandardPaths::setTestModeEnabled(true);

    QProcess sandbox;
    sandbox.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sandbox.start(QStringLiteral(TENANTRY_BIN_DIR "/tenantry-sandbox"),
                  {u"--seed"_s, u"estate:%1"_s.arg(tenants), u"--latency-ms"_s, latency});
    if (!sandbox.waitForStarted(10000) || !sandbox.waitForReadyRead(300000)) {
        out() << "cannot start tenantry-sandbox\n";
        return 1;
    }
    const QByteArray line = sandbox.readLine().trimmed();
    const auto port = static_cast<quint16>(line.mid(line.lastIndexOf(':') + 1).toUInt());

    // The seed's subscription, which the organization API needs (FACTS §3.4).
    QNetworkAccessManager network;
    QNetworkReply *reply
        = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/__sandbox/state?content=false&tenant=-"_s.arg(port))));
    runUntil([reply] { return reply->isFinished(); }, 30000);
    QStringList subscriptions;
    for (const auto &subscription :
         QJsonDocument::fromJson(reply->readAll()).object().value(u"subscriptions"_s).toArray())
        subscriptions.append(subscription.toObject().value(u"id"_s).toString());
    reply->deleteLater();

    QTemporaryDir dir;
    Cloud::SandboxCredentials secrets;
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    runUntil([] { return false; }, 200); // settle: fonts, icons, first paint
    const qint64 rssBefore = residentKb();

    EventLoopHeartbeat heartbeat(5ms);
    heartbeat.start();
    QElapsedTimer clock;
    clock.start();
    EstateSession::Setup setup;
    setup.mode = EstateSession::Mode::Sandbox;
    setup.description = u"bench"_s;
    setup.profiles = Cloud::SandboxCredentials::profiles(subscriptions);
    setup.secrets = &secrets;
    setup.connectTo = Cloud::ConnectToMap::sandbox(port);
    setup.inventoryFile = dir.filePath(u"inventory.jsonl"_s);
    setup.tagSettingsFile = dir.filePath(u"tags.ini"_s);
    EstateSession session(setup);
    window.setSession(&session);
    QTreeView *view = window.estateView();

    qint64 firstVisibleMs = -1;
    if (!runUntil([&] { return visibleTenantRows(view) > 0; }, 120000)) {
        out() << "no tenant became visible\n";
        return 1;
    }
    view->viewport()->repaint(); // the first rows drawn, not only inserted
    firstVisibleMs = clock.elapsed();
    const qint64 firstCount = session.model()->tenantCount();
    if (!runUntil([&] { return !session.model()->isLoadingTenants(); }, 600000)) {
        out() << "the tenant list did not finish loading\n";
        return 1;
    }
    const qint64 allLoadedMs = clock.elapsed();
    runUntil([&] { return visibleTenantRows(view) == session.model()->tenantCount(); }, 10000);
    const qint64 allVisibleMs = clock.elapsed();
    const auto loadStall = heartbeat.longestStall();
    const qint64 rssAfter = residentKb();
    const int loaded = session.model()->tenantCount();
    const QString loadError = session.model()->organizationIndex().data(int(EstateModel::Role::Error)).toString();

    // Filter keystrokes: type a fragment of a real tenant's name one key at a time, then erase it.
    QString needle;
    session.model()->forEachTenant([&needle](const QModelIndex &tenant) { needle = tenant.data().toString(); });
    needle = needle.left(6);
    QLineEdit *filter = window.filterEdit();
    heartbeat.reset();
    QList<qint64> keystrokeUs;
    QList<qint64> keystrokeFilterUs;
    const auto keystroke = [&](auto press) {
        QElapsedTimer timer;
        timer.start();
        press();
        keystrokeFilterUs.append(timer.nsecsElapsed() / 1000); // the proxy's part: filtering, signals
        QCoreApplication::processEvents(); // the view lays out and paints what the filter left
        view->viewport()->repaint();
        keystrokeUs.append(timer.nsecsElapsed() / 1000);
    };
    int matches = 0;
    for (int round = 0; round < std::max(1, parser.value(roundsOption).toInt()); ++round) {
        for (const QChar c : std::as_const(needle))
            keystroke([&] { QTest::keyClick(filter, c.toLatin1()); });
        matches = window.estateProxy()->matchingTenantCount();
        for (qsizetype i = 0; i < needle.size(); ++i)
            keystroke([&] { QTest::keyClick(filter, Qt::Key_Backspace); });
    }
    const auto filterStall = heartbeat.longestStall();
    heartbeat.stop();
    std::vector<qint64> sorted(keystrokeUs.cbegin(), keystrokeUs.cend());
    std::sort(sorted.begin(), sorted.end());

    out() << "bench_estate: estate:" << tenants << ", sandbox latency " << latency
          << " ms, tenantry-sandbox in its own process, MainWindow offscreen\n";
    if (!loadError.isEmpty())
        out() << "  organization node error: " << loadError << "\n";
    out() << "  first tenants visible:        " << firstVisibleMs << " ms after connect (" << firstCount
          << " tenants in the tree then)\n";
    out() << "  all tenants in the tree:      " << allLoadedMs << " ms (" << loaded << " tenants), all rows laid out "
          << allVisibleMs << " ms\n";
    out() << "  longest GUI stall, loading:   " << loadStall.count() << " ms (heartbeat every 5 ms, "
          << heartbeat.beats() << " beats while filtering)\n";
    out() << "  resident memory:              " << (rssAfter - rssBefore) / 1024 << " MiB more, "
          << (loaded > 0 ? (rssAfter - rssBefore) * 1024 / loaded : 0) << " bytes per tenant\n";
    out() << "  filter keystrokes (\"" << needle << "\", typed then erased, " << matches << " matches at "
          << needle.size() << " chars): median " << sorted.at(sorted.size() / 2) / 1000.0 << " ms, max "
          << sorted.back() / 1000.0 << " ms over " << sorted.size() << " keys\n";
    out() << "  each key of the first round (ms):";
    for (qsizetype i = 0; i < std::min<qsizetype>(keystrokeUs.size(), needle.size() * 2); ++i)
        out() << ' ' << QString::number(keystrokeUs.at(i) / 1000.0, 'f', 1);
    out() << "\n  of which the key press and filter (ms):";
    for (qsizetype i = 0; i < std::min<qsizetype>(keystrokeFilterUs.size(), needle.size() * 2); ++i)
        out() << ' ' << QString::number(keystrokeFilterUs.at(i) / 1000.0, 'f', 1);
    out() << "\n";
    out() << "  longest GUI stall, filtering: " << filterStall.count() << " ms\n";
    out().flush();

    window.setSession(nullptr);
    sandbox.terminate();
    sandbox.waitForFinished(10000);
    return 0;
}
