// Tags on tenants: definitions (built in and user-defined), assignments keyed by id or hostname,
// persistence in an INI file of their own, and the messages for bad input.
#include "tenanttagstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTenantTagStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void builtInTagsAlwaysExist();
    void defineValidates_data();
    void defineValidates();
    void tagsFollowIdAndHostname();
    void removeTakesTagOffTenants();
    void survivesReload();

private:
    [[nodiscard]] QString file() const { return m_dir->filePath(u"tags.ini"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTenantTagStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTenantTagStore::builtInTagsAlwaysExist()
{
    TenantTagStore store(file(), u"Tags"_s);
    QStringList names;
    for (const TenantTag &tag : store.definitions())
        names.append(tag.name);
    QCOMPARE(names, (QStringList{u"production"_s, u"trial"_s, u"internal"_s}));
    QVERIFY(store.definition(u" Production "_s)->builtIn);
    QCOMPARE(store.remove(u"production"_s), u"The tag 'production' is built in and cannot be removed."_s);
    QCOMPARE(TenantTagStore::displayName(u"trial"_s), u"Trial"_s);
    QVERIFY(store.isEmpty());
}

void TestTenantTagStore::defineValidates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("color");
    QTest::addColumn<QString>("error");
    QTest::newRow("ok") << u"Pilot customers"_s << u"#00AA11"_s << QString();
    QTest::newRow("recolour built in") << u"trial"_s << u"#123456"_s << QString();
    QTest::newRow("empty name") << u"  "_s << u"#123456"_s
                                << u"Tag name '' is not valid: use 1 to 32 letters, digits, spaces, '-' or '_', "
                                   "starting with a letter or digit."_s;
    QTest::newRow("slash") << u"a/b"_s << u"#123456"_s
                           << u"Tag name 'a/b' is not valid: use 1 to 32 letters, digits, spaces, '-' or '_', "
                              "starting with a letter or digit."_s;
    QTest::newRow("colour") << u"ok"_s << u"red"_s << u"Tag colour 'red' is not valid: expected #rrggbb."_s;
}

void TestTenantTagStore::defineValidates()
{
    QFETCH(QString, name);
    QFETCH(QString, color);
    QFETCH(QString, error);
    TenantTagStore store(file(), u"Tags"_s);
    QSignalSpy changed(&store, &TenantTagStore::definitionsChanged);
    QCOMPARE(store.define(name, color), error);
    QCOMPARE(changed.size(), error.isEmpty() ? 1 : 0);
    if (error.isEmpty())
        QCOMPARE(store.definition(name)->color, color.toLower());
}

void TestTenantTagStore::tagsFollowIdAndHostname()
{
    TenantTagStore store(file(), u"Tags"_s);
    QSignalSpy changed(&store, &TenantTagStore::tagsChanged);
    const QStringList hosts{u"acme.eu.qlikcloud.com"_s};
    // Known by hostname only (added to the inventory by hand).
    QCOMPARE(store.setTags({}, hosts, {u"trial"_s}), QString());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.tagsOf({}, {u"ACME.eu.qlikcloud.com"_s}), QStringList{u"trial"_s});
    // Later the organization API names its id: the hostname's entry folds into the id's.
    QCOMPARE(store.setTags(u"tid1"_s, hosts, {u"Internal"_s, u"production"_s, u"internal"_s}), QString());
    QCOMPARE(store.tagsOf(u"tid1"_s, {}), (QStringList{u"production"_s, u"internal"_s})); // definition order
    QCOMPARE(store.tagsOf({}, hosts), QStringList());
    QVERIFY(store.hasTag(u"tid1"_s, hosts, u"PRODUCTION"_s));
    QCOMPARE(store.setTags(u"tid1"_s, hosts, {u"unknown"_s}), u"There is no tag 'unknown'; define it first."_s);
    QCOMPARE(store.setTags({}, {}, {u"trial"_s}), u"A tenant needs an id or a hostname to carry tags."_s);
    // Setting the same tags again changes nothing.
    changed.clear();
    QCOMPARE(store.setTags(u"tid1"_s, {}, {u"production"_s, u"internal"_s}), QString());
    QCOMPARE(changed.size(), 0);
}

void TestTenantTagStore::removeTakesTagOffTenants()
{
    TenantTagStore store(file(), u"Tags"_s);
    QCOMPARE(store.define(u"pilot"_s, u"#00aa11"_s), QString());
    QCOMPARE(store.setTags(u"t1"_s, {}, {u"pilot"_s, u"trial"_s}), QString());
    QCOMPARE(store.setTags(u"t2"_s, {}, {u"pilot"_s}), QString());
    QSignalSpy changed(&store, &TenantTagStore::tagsChanged);
    QCOMPARE(store.remove(u"pilot"_s), QString());
    QCOMPARE(changed.size(), 1);
    QStringList keys = changed.constFirst().at(0).toStringList();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"t1"_s, u"t2"_s}));
    QCOMPARE(store.tagsOf(u"t1"_s, {}), QStringList{u"trial"_s});
    QCOMPARE(store.tagsOf(u"t2"_s, {}), QStringList());
    QCOMPARE(store.remove(u"pilot"_s), u"There is no tag 'pilot'."_s);
}

void TestTenantTagStore::survivesReload()
{
    {
        TenantTagStore store(file(), u"Tags"_s);
        QCOMPARE(store.define(u"pilot"_s, u"#00aa11"_s), QString());
        QCOMPARE(store.define(u"production"_s, u"#ff0000"_s), QString());
        QCOMPARE(store.setTags(u"t1"_s, {}, {u"pilot"_s, u"production"_s}), QString());
        QCOMPARE(store.setTags({}, {u"host.us.qlikcloud.com"_s}, {u"trial"_s}), QString());
    }
    TenantTagStore store(file(), u"Tags"_s);
    QCOMPARE(store.definition(u"pilot"_s)->color, u"#00aa11"_s);
    QCOMPARE(store.definition(u"production"_s)->color, u"#ff0000"_s);
    QCOMPARE(store.tagsOf(u"t1"_s, {}), (QStringList{u"production"_s, u"pilot"_s}));
    QCOMPARE(store.tagsOf({}, {u"host.us.qlikcloud.com"_s}), QStringList{u"trial"_s});
    // Another group of the same file is another set of tags (the sandbox keeps its own).
    TenantTagStore other(file(), u"SandboxTags"_s);
    QVERIFY(other.isEmpty());
}

QTEST_GUILESS_MAIN(TestTenantTagStore)
#include "tst_tenanttagstore.moc"
