// Tags on tenants: definitions (built in and user-defined), assignments keyed by id or hostname,
// persistence in an INI file of their own, the file the GUI and tenantryctl share with what older
// versions kept elsewhere merged in, and the messages for bad input.
#include "cloud/storagepaths.h"
#include "tenanttagstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTenantTagStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void builtInTagsAlwaysExist();
    void defineValidates_data();
    void defineValidates();
    void tagsFollowIdAndHostname();
    void removeTakesTagOffTenants();
    void survivesReload();
    void sharedFileMergesOlderSettingsOnce();

private:
    [[nodiscard]] QString file() const { return m_dir->filePath(u"tags.ini"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_config; // XDG_CONFIG_HOME: the shared file and the older ones live here
};

void TestTenantTagStore::initTestCase()
{
    QVERIFY(m_config.isValid());
    // Before any QSettings: it keeps the configuration directory it first sees.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
}

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

void TestTenantTagStore::sharedFileMergesOlderSettingsOnce()
{
    const QString shared = Cloud::StoragePaths::tenantTagsFile();
    QCOMPARE(shared, m_config.path() + u"/Tenantry/tenant-tags.ini"_s);
    {
        // What the GUI kept in its application settings, for the cloud and for its sandbox sessions.
        TenantTagStore gui(m_config.path() + u"/Tenantry/Tenantry.conf"_s, u"TenantTags"_s);
        QCOMPARE(gui.define(u"pilot"_s, u"#112233"_s), QString());
        QCOMPARE(gui.define(u"trial"_s, u"#abcdef"_s), QString()); // recoloured built-in
        QCOMPARE(gui.setTags(u"id-1"_s, {u"a.eu.qlikcloud.com"_s}, {u"production"_s, u"pilot"_s}), QString());
        TenantTagStore guiSandbox(m_config.path() + u"/Tenantry/Tenantry.conf"_s, u"SandboxTenantTags"_s);
        QCOMPARE(guiSandbox.setTags(u"id-9"_s, {}, {u"internal"_s}), QString());
        // What tenantryctl kept in its own, one group for both.
        TenantTagStore ctl(m_config.path() + u"/Tenantry/tenantryctl.conf"_s, u"TenantTags"_s);
        QCOMPARE(ctl.define(u"beta"_s, u"#445566"_s), QString());
        QCOMPARE(ctl.define(u"pilot"_s, u"#778899"_s), QString()); // the GUI's colour wins
        QCOMPARE(ctl.setTags({}, {u"b.eu.qlikcloud.com"_s}, {u"trial"_s, u"beta"_s}), QString());
        QCOMPARE(ctl.setTags({}, {u"a.eu.qlikcloud.com"_s}, {u"internal"_s, u"pilot"_s}), QString());
    }
    QVERIFY(!QFile::exists(shared));
    {
        TenantTagStore cloud(TenantTagStore::cloudGroup);
        QCOMPARE(cloud.tagsOf(u"id-1"_s, {u"a.eu.qlikcloud.com"_s}),
                 (QStringList{u"production"_s, u"internal"_s, u"pilot"_s}));
        QCOMPARE(cloud.tagsOf({}, {u"B.eu.qlikcloud.com"_s}), (QStringList{u"trial"_s, u"beta"_s}));
        QCOMPARE(cloud.tagsOf(u"id-9"_s, {}), QStringList());
        QCOMPARE(cloud.definition(u"pilot"_s)->color, u"#112233"_s);
        QCOMPARE(cloud.definition(u"trial"_s)->color, u"#abcdef"_s);
        QCOMPARE(cloud.definition(u"beta"_s)->color, u"#445566"_s);
        // A change after the merge holds: the older files are not merged in again.
        QCOMPARE(cloud.setTags(u"id-1"_s, {u"a.eu.qlikcloud.com"_s}, {u"trial"_s}), QString());
        TenantTagStore sandbox(TenantTagStore::sandboxGroup);
        QCOMPARE(sandbox.tagsOf(u"id-9"_s, {}), QStringList{u"internal"_s});
        QCOMPARE(sandbox.tagsOf({}, {u"b.eu.qlikcloud.com"_s}), (QStringList{u"trial"_s, u"beta"_s}));
        QCOMPARE(sandbox.tagsOf(u"id-1"_s, {}), QStringList());
    }
    QVERIFY(QFile::exists(shared));
    TenantTagStore cloud(TenantTagStore::cloudGroup);
    QCOMPARE(cloud.tagsOf(u"id-1"_s, {u"a.eu.qlikcloud.com"_s}), QStringList{u"trial"_s});
    QCOMPARE(cloud.tagsOf({}, {u"b.eu.qlikcloud.com"_s}), (QStringList{u"trial"_s, u"beta"_s}));
    // The older files stay as they were.
    TenantTagStore ctl(m_config.path() + u"/Tenantry/tenantryctl.conf"_s, u"TenantTags"_s);
    QCOMPARE(ctl.tagsOf({}, {u"a.eu.qlikcloud.com"_s}), (QStringList{u"internal"_s, u"pilot"_s}));
}

QTEST_GUILESS_MAIN(TestTenantTagStore)
#include "tst_tenanttagstore.moc"
