#include "ctlrunner.h"
#include "sandboxprocess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// The whole estate of a large partner: 20,000 tenants through the organization API (200 pages of
// 100), listed by tenantryctl and compared with the sandbox's state.
class TestCtlEstate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAllTwentyThousandTenants();
};

void TestCtlEstate::listsAllTwentyThousandTenants()
{
    QElapsedTimer timer;
    timer.start();
    SandboxProcess sandbox({u"--seed"_s, u"estate:20000"_s, u"--port"_s, u"0"_s});
    QVERIFY2(sandbox.isRunning(), sandbox.errorOutput().constData());
    const qint64 startup = timer.restart();

    CtlRunner ctl;
    const CtlRunner::Result result
        = ctl.run({u"--sandbox-url"_s, sandbox.urlText(), u"tenants"_s, u"list"_s, u"--json"_s}, {}, 120000);
    const qint64 listing = timer.restart();
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject answer = result.json();
    const QJsonArray tenants = answer.value(u"tenants"_s).toArray();
    QCOMPARE(tenants.size(), 20000);
    QCOMPARE(answer.value(u"count"_s).toInt(), 20000);

    QUrlQuery noContent;
    noContent.addQueryItem(u"content"_s, u"false"_s);
    const QJsonArray truth = sandbox.state(noContent).value(u"tenants"_s).toArray();
    QCOMPARE(truth.size(), 20000);
    QSet<QString> expected;
    for (const auto &tenant : truth)
        expected.insert(tenant[u"id"_s].toString());
    QSet<QString> listed;
    QSet<QString> hostnames;
    for (const auto &tenant : tenants) {
        listed.insert(tenant[u"id"_s].toString());
        hostnames.insert(tenant[u"hostname"_s].toString());
    }
    QCOMPARE(listed, expected); // every tenant once: no page lost or repeated
    QCOMPARE(hostnames.size(), 20000);
    qInfo("estate:20000 sandbox start %lld ms; tenantryctl tenants list --json %lld ms (%lld bytes of JSON)", startup,
          listing, static_cast<long long>(result.out.size()));
}

QTEST_GUILESS_MAIN(TestCtlEstate)
#include "tst_ctlestate.moc"
