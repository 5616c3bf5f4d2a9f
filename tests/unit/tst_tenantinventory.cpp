#include "cloud/tenantinventory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Cloud;

class TestTenantInventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void missingFileIsEmpty();
    void addPersistsAcrossInstances();
    void addRefusesDuplicatesAndBadHosts_data();
    void addRefusesDuplicatesAndBadHosts();
    void updateAndRemove();
    void unreadableLinesAreReportedAndSkipped();
    void aTruncatedLastLineDoesNotSpoilTheNext();
    void manyUpdatesAreCompactedOnLoad();
    void unwritableFileIsAnError();

private:
    [[nodiscard]] QString path() const { return m_dir->filePath(u"Tenantry/tenant-inventory.jsonl"_s); }
    [[nodiscard]] QByteArray fileBytes() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTenantInventory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QByteArray TestTenantInventory::fileBytes() const
{
    QFile file(path());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestTenantInventory::missingFileIsEmpty()
{
    TenantInventory inventory(path());
    QCOMPARE(inventory.size(), 0);
    QVERIFY(inventory.problems().isEmpty());
    QVERIFY(!QFile::exists(path())); // reading creates nothing
}

void TestTenantInventory::addPersistsAcrossInstances()
{
    {
        TenantInventory inventory(path());
        QSignalSpy added(&inventory, &TenantInventory::tenantAdded);
        InventoryTenant acme = InventoryTenant::fromHostname(u"  Acme.EU.qlikcloud.com "_s);
        acme.label = u"Acme Corp"_s;
        QCOMPARE(inventory.add(acme), QString());
        InventoryTenant beta = InventoryTenant::fromHostname(u"beta.us.qlikcloud.com"_s);
        beta.origin = InventoryTenant::Origin::Created;
        beta.tenantId = u"kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ"_s;
        beta.name = u"bk1672h181jm1b1"_s;
        QCOMPARE(inventory.add(beta), QString());
        QCOMPARE(added.count(), 2);
        QCOMPARE(added.at(0).at(0).toString(), u"acme.eu.qlikcloud.com"_s);
    }
    TenantInventory reread(path());
    QVERIFY2(reread.problems().isEmpty(), qPrintable(reread.problems().join(u'\n')));
    const QList<InventoryTenant> tenants = reread.tenants();
    QCOMPARE(tenants.size(), 2);
    QCOMPARE(tenants.at(0).hostname, u"acme.eu.qlikcloud.com"_s);
    QCOMPARE(tenants.at(0).region, u"eu"_s);
    QCOMPARE(tenants.at(0).label, u"Acme Corp"_s);
    QCOMPARE(tenants.at(0).origin, InventoryTenant::Origin::Added);
    QVERIFY(tenants.at(0).addedAt.isValid());
    QCOMPARE(tenants.at(1).origin, InventoryTenant::Origin::Created);
    QCOMPARE(tenants.at(1).tenantId, u"kg1knZuzosd7LR-CfvV7ZZnyEI--XYZZ"_s);
    QCOMPARE(reread.tenant(u"BETA.us.qlikcloud.com"_s)->name, u"bk1672h181jm1b1"_s);
    QVERIFY(fileBytes().startsWith(R"({"format":"tenantry-tenant-inventory","version":1})"));
}

void TestTenantInventory::addRefusesDuplicatesAndBadHosts_data()
{
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("error");
    QTest::newRow("duplicate") << u"acme.eu.qlikcloud.com"_s << QString()
                               << u"tenant 'acme.eu.qlikcloud.com' is already in the inventory"_s;
    QTest::newRow("not a hostname") << u"https://acme.eu.qlikcloud.com/"_s << u"eu"_s
                                    << u"tenant host 'https://acme.eu.qlikcloud.com/' is not a hostname such as "
                                       "'acme.eu.qlikcloud.com'"_s;
    QTest::newRow("region unknown") << u"analytics.partner.example"_s << QString()
                                    << u"tenant host 'analytics.partner.example' does not show its region; give the "
                                       "region id (such as 'eu')"_s;
    QTest::newRow("region contradicts host")
        << u"other.eu.qlikcloud.com"_s << u"us"_s << u"tenant 'other.eu.qlikcloud.com' is in region 'eu', not 'us'"_s;
    QTest::newRow("region malformed") << u"analytics.partner.example"_s << u"Europe"_s
                                      << u"tenant 'analytics.partner.example': region 'Europe' is not a region id "
                                         "such as 'eu' or 'us'"_s;
    QTest::newRow("custom host with region") << u"analytics.partner.example"_s << u"de"_s << QString();
}

void TestTenantInventory::addRefusesDuplicatesAndBadHosts()
{
    QFETCH(QString, hostname);
    QFETCH(QString, region);
    QFETCH(QString, error);
    TenantInventory inventory(path());
    QCOMPARE(inventory.add(InventoryTenant::fromHostname(u"acme.eu.qlikcloud.com"_s)), QString());
    const QByteArray before = fileBytes();
    InventoryTenant tenant;
    tenant.hostname = hostname;
    tenant.region = region;
    QCOMPARE(inventory.add(tenant), error);
    if (!error.isEmpty()) {
        QCOMPARE(fileBytes(), before); // nothing written for a refused entry
        QCOMPARE(inventory.size(), 1);
    } else {
        QCOMPARE(TenantInventory(path()).size(), 2);
    }
}

void TestTenantInventory::updateAndRemove()
{
    TenantInventory inventory(path());
    QSignalSpy updated(&inventory, &TenantInventory::tenantUpdated);
    QSignalSpy removed(&inventory, &TenantInventory::tenantRemoved);
    QCOMPARE(inventory.add(InventoryTenant::fromHostname(u"acme.eu.qlikcloud.com"_s)), QString());
    QCOMPARE(inventory.add(InventoryTenant::fromHostname(u"beta.us.qlikcloud.com"_s)), QString());

    InventoryTenant acme = *inventory.tenant(u"acme.eu.qlikcloud.com"_s);
    acme.label = u"renamed"_s;
    QCOMPARE(inventory.update(acme), QString());
    QCOMPARE(updated.count(), 1);
    QCOMPARE(inventory.update(InventoryTenant::fromHostname(u"nope.eu.qlikcloud.com"_s)),
             u"tenant 'nope.eu.qlikcloud.com' is not in the inventory"_s);
    QCOMPARE(inventory.remove(u"BETA.us.qlikcloud.com"_s), QString());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), u"beta.us.qlikcloud.com"_s);
    QCOMPARE(inventory.remove(u"beta.us.qlikcloud.com"_s), u"tenant 'beta.us.qlikcloud.com' is not in the inventory"_s);

    TenantInventory reread(path());
    QCOMPARE(reread.size(), 1);
    QCOMPARE(reread.tenant(u"acme.eu.qlikcloud.com"_s)->label, u"renamed"_s);
    QVERIFY(!reread.tenant(u"beta.us.qlikcloud.com"_s));
}

void TestTenantInventory::unreadableLinesAreReportedAndSkipped()
{
    QVERIFY(QDir().mkpath(QFileInfo(path()).absolutePath()));
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"tenantry-tenant-inventory","version":1})"
               "\n"
               R"({"hostname":"acme.eu.qlikcloud.com","region":"eu","origin":"added"})"
               "\n"
               "this is not json\n"
               R"({"hostname":42,"region":"eu"})"
               "\n"
               R"({"hostname":"x.eu.qlikcloud.com","region":"eu","origin":"stolen"})"
               "\n"
               R"({"hostname":"beta.us.qlikcloud.com","region":"us","origin":"created","addedAt":"soon"})"
               "\n"
               R"({"hostname":"gamma.de.qlikcloud.com","region":"de","origin":"created"})"
               "\n");
    file.close();

    TenantInventory inventory(path());
    QCOMPARE(
        inventory.problems(),
        QStringList({u"tenant-inventory.jsonl line 3: not valid JSON (illegal value at offset 1)"_s,
                     u"tenant-inventory.jsonl line 4: hostname: expected a string, got a number"_s,
                     u"tenant-inventory.jsonl line 5: origin: 'stolen' is not one of added, created"_s,
                     u"tenant-inventory.jsonl line 6: addedAt: expected an ISO-8601 date and time, got 'soon'"_s}));
    QCOMPARE(inventory.size(), 2);
    QVERIFY(inventory.tenant(u"acme.eu.qlikcloud.com"_s));
    QVERIFY(inventory.tenant(u"gamma.de.qlikcloud.com"_s));
}

void TestTenantInventory::aTruncatedLastLineDoesNotSpoilTheNext()
{
    {
        TenantInventory inventory(path());
        QCOMPARE(inventory.add(InventoryTenant::fromHostname(u"acme.eu.qlikcloud.com"_s)), QString());
    }
    QFile file(path());
    QVERIFY(file.open(QIODevice::Append));
    file.write(R"({"hostname":"half.eu.qlik)"); // what a crash mid-write leaves behind
    file.close();

    TenantInventory inventory(path());
    QCOMPARE(inventory.problems().size(), 1);
    QCOMPARE(inventory.add(InventoryTenant::fromHostname(u"next.eu.qlikcloud.com"_s)), QString());
    TenantInventory reread(path());
    QCOMPARE(reread.problems().size(), 1); // still only the broken line
    QCOMPARE(reread.size(), 2);
    QVERIFY(reread.tenant(u"next.eu.qlikcloud.com"_s));
}

void TestTenantInventory::manyUpdatesAreCompactedOnLoad()
{
    {
        TenantInventory inventory(path());
        QCOMPARE(inventory.add(InventoryTenant::fromHostname(u"acme.eu.qlikcloud.com"_s)), QString());
        InventoryTenant acme = *inventory.tenant(u"acme.eu.qlikcloud.com"_s);
        for (int i = 0; i < 200; ++i) {
            acme.label = u"label %1"_s.arg(i);
            QCOMPARE(inventory.update(acme), QString());
        }
    }
    QCOMPARE(fileBytes().count('\n'), 202);
    TenantInventory compacted(path());
    QCOMPARE(fileBytes().count('\n'), 2); // header and the one entry
    QCOMPARE(compacted.tenant(u"acme.eu.qlikcloud.com"_s)->label, u"label 199"_s);
    QCOMPARE(TenantInventory(path()).tenant(u"acme.eu.qlikcloud.com"_s)->label, u"label 199"_s);
}

void TestTenantInventory::unwritableFileIsAnError()
{
    // The inventory's folder is a plain file: nothing can be created under it.
    QFile blocker(m_dir->filePath(u"Tenantry"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    TenantInventory inventory(path());
    const QString error = inventory.add(InventoryTenant::fromHostname(u"acme.eu.qlikcloud.com"_s));
    QVERIFY2(error.startsWith(u"cannot create the folder "_s), qPrintable(error));
    QCOMPARE(inventory.size(), 0);
}

QTEST_GUILESS_MAIN(TestTenantInventory)
#include "tst_tenantinventory.moc"
