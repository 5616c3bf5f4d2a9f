#include "cloud/region.h"
#include "cloud/sandboxcredentials.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Cloud;

class TestSandboxCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void profilesCoverTheOrganizationAndEveryRegion();
    void secretsAreTheSeedValuesAnsweredLater();
    void savedProfilesComeAfterTheSeeds();
};

namespace {
// Answers every lookup with "saved:<profile>", later.
class SavedSecrets final : public ClientSecretSource
{
public:
    void fetchClientSecret(const QString &profileName, QObject *context,
                           std::function<void(const SecretLookup &)> done) override
    {
        asked << profileName;
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), profileName] {
                done({u"saved:"_s + profileName, {}, false});
            },
            Qt::QueuedConnection);
    }
    QStringList asked;
};
} // namespace

void TestSandboxCredentials::profilesCoverTheOrganizationAndEveryRegion()
{
    const QList<CredentialProfile> profiles = SandboxCredentials::profiles();
    QCOMPARE(profiles.size(), 1 + Region::all().size());
    QCOMPARE(profiles.first().tier, CredentialTier::Organization);
    QCOMPARE(profiles.first().clientId, u"sandbox-org"_s);
    for (const CredentialProfile &profile : profiles) {
        QCOMPARE(profile.validationError(), QString());
        QCOMPARE(profile.name, profile.clientId);
    }
    const auto eu = std::find_if(profiles.cbegin(), profiles.cend(),
                                 [](const CredentialProfile &p) { return p.clientId == "sandbox-region-eu"_L1; });
    QVERIFY(eu != profiles.cend());
    QCOMPARE(eu->tier, CredentialTier::Region);
    QCOMPARE(eu->region, u"eu"_s);
}

void TestSandboxCredentials::secretsAreTheSeedValuesAnsweredLater()
{
    SandboxCredentials credentials;
    QObject context;
    std::optional<SecretLookup> lookup;
    credentials.fetchClientSecret(u"sandbox-region-us"_s, &context, [&](const SecretLookup &l) { lookup = l; });
    QVERIFY(!lookup);
    QTRY_VERIFY(lookup.has_value());
    QCOMPARE(lookup->secret, u"sandbox-region-us-secret"_s);

    lookup.reset();
    credentials.fetchClientSecret(u"my-real-client"_s, &context, [&](const SecretLookup &l) { lookup = l; });
    QTRY_VERIFY(lookup.has_value());
    QVERIFY(!lookup->ok());
    QVERIFY(lookup->secret.isEmpty());

    bool called = false;
    {
        QObject shortLived;
        credentials.fetchClientSecret(u"sandbox-org"_s, &shortLived, [&](const SecretLookup &) { called = true; });
    }
    QTest::qWait(20);
    QVERIFY(!called);
}

void TestSandboxCredentials::savedProfilesComeAfterTheSeeds()
{
    const CredentialProfile recreated{u"recreated-eu"_s, CredentialTier::Region, u"new-client"_s, u"eu"_s, {}, {}};
    const CredentialProfile shadow{u"sandbox-org"_s, CredentialTier::Organization, u"other"_s, {}, {}, {}};
    const QList<CredentialProfile> all = SandboxCredentials::profilesWith({recreated, shadow});
    QCOMPARE(all.size(), SandboxCredentials::profiles().size() + 1);
    QCOMPARE(all.last(), recreated);
    QCOMPARE(all.first().clientId, u"sandbox-org"_s); // a seed's name stays the seed's

    SavedSecrets saved;
    SandboxCredentials credentials(&saved);
    QObject context;
    std::optional<SecretLookup> lookup;
    credentials.fetchClientSecret(u"recreated-eu"_s, &context, [&](const SecretLookup &l) { lookup = l; });
    QTRY_VERIFY(lookup.has_value());
    QCOMPARE(lookup->secret, u"saved:recreated-eu"_s);
    lookup.reset();
    credentials.fetchClientSecret(u"sandbox-region-eu"_s, &context, [&](const SecretLookup &l) { lookup = l; });
    QTRY_VERIFY(lookup.has_value());
    QCOMPARE(lookup->secret, u"sandbox-region-eu-secret"_s);
    QCOMPARE(saved.asked, QStringList({u"recreated-eu"_s}));
}

QTEST_GUILESS_MAIN(TestSandboxCredentials)
#include "tst_sandboxcredentials.moc"
