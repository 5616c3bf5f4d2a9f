#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Ops {

struct OnboardingTemplateReadResult;

// Everything of an onboarding (issue 6) except the customer: the region, the source tenant (its
// license, its recovery admin, its apps), the identity provider, groups, spaces, web origins and
// the apps to publish — so the second customer takes a minute. Names may hold ${vars.customer};
// OnboardingPlanBuilder turns a template and a customer into a plan. Saved as versioned JSON
// (format "tenantry-onboarding-template", version 1). It never holds a secret: a generated JWT key
// pair lives in the keychain, an imported key is a public key or certificate.
class OnboardingTemplate
{
public:
    static constexpr int FormatVersion = 1;
    static constexpr auto Format = "tenantry-onboarding-template";

    enum class Identity {
        None, // no identity provider step
        JwtGenerate, // Tenantry makes an RSA key pair, the private key stays in the keychain
        JwtImport, // the customer's public key or certificate (PEM)
    };

    struct Group
    {
        QString name; // e.g. "${vars.customer} Developers"
        QStringList roles; // tenant roles, e.g. "SharedSpaceCreator"

        friend bool operator==(const Group &, const Group &) = default;
    };

    struct SpaceAssignment
    {
        QString group; // a Group's name, as in `groups`
        QStringList roles; // roles valid for the space's type (FACTS §7)

        friend bool operator==(const SpaceAssignment &, const SpaceAssignment &) = default;
    };

    struct Space
    {
        QString name;
        QString description;
        QList<SpaceAssignment> assignments;

        friend bool operator==(const Space &, const Space &) = default;
    };

    struct App
    {
        QString id; // on the source tenant
        QString name;

        friend bool operator==(const App &, const App &) = default;
    };

    struct Licenses
    {
        bool autoAssignProfessional = false;
        bool autoAssignAnalyzer = false;
        QString adminSeat; // "professional", "analyzer" or empty: none for the recovery admin
        int keepFreeProfessional = 0;
        int keepFreeAnalyzer = 0;

        friend bool operator==(const Licenses &, const Licenses &) = default;
    };

    // Optional branding (FACTS §9.3): the brand's name (may hold ${vars.customer}) and the paths of
    // local logo (PNG/JPEG) and favicon (ICO) files; the "brand" step activates it.
    struct Brand
    {
        QString name;
        QString logo;
        QString favIcon;

        friend bool operator==(const Brand &, const Brand &) = default;
    };

    // Optional customer-managed encryption (spec /v1/encryption/keyproviders): the customer's AWS KMS
    // key, registered, tested and migrated to by the "key-provider" step. The ARN is per customer,
    // so it is usually a reference such as ${vars.keyArn}.
    struct KeyProvider
    {
        QString arn;
        QString name;

        friend bool operator==(const KeyProvider &, const KeyProvider &) = default;
    };

    // Optional interactive sign-in for the customer's own people through their OIDC identity provider
    // (FACTS §4.2), beside or instead of the JWT one. Its client secret is never here: the plan names
    // the keychain entry (the customer's id), which the wizard or `tenantryctl idp-secret set` fills.
    struct InteractiveLogin
    {
        QString provider = QStringLiteral("azureAD"); // one of oidcProviders()
        QString discoveryUrl; // https://…/.well-known/openid-configuration
        QString clientId; // the tenant's application at the customer's IdP
        QString realm; // optional
        bool emailVerifiedAlwaysTrue = false; // adfs and azureAD only

        friend bool operator==(const InteractiveLogin &, const InteractiveLogin &) = default;
    };

    QString name; // what the template is called
    QString region; // "eu"
    QString source; // the source tenant's hostname: license key, recovery admin, apps
    QString recoveryAdminEmail; // empty: no recovery admin
    Identity identity = Identity::None;
    QString issuer; // JWT issuer pattern, e.g. "https://login.${vars.slug}.example"
    QString publicKeyPem; // Identity::JwtImport only
    QList<Group> groups;
    // The tenant's group settings (FACTS §5.2); unset: left as the tenant has them.
    std::optional<bool> autoCreateGroups;
    std::optional<bool> syncIdpGroups;
    Licenses licenses;
    Space staging{QStringLiteral("Staging"), {}, {}};
    Space production{QStringLiteral("Production"), {}, {}};
    QStringList webOrigins;
    QString webIntegrationName = QStringLiteral("${vars.customer} portal");
    QList<App> apps;
    // Copied from the source by name: extensions and themes (FACTS §9.1, §9.2), and automations its
    // region client's bot owns there (FACTS §12), e.g. "add new users to spaces".
    QStringList extensions;
    QStringList themes;
    QStringList automations;
    // Copied from the source by tag (the spec's `tags[]`): every extension or theme tagged so.
    QStringList extensionTags;
    QStringList themeTags;
    // With a generated JWT key and apps to publish: a test user of the production space's consumer
    // groups logs in and must see them (the "embed-check" step).
    bool embedCheck = true;
    std::optional<Brand> brand;
    std::optional<KeyProvider> keyProvider;
    std::optional<InteractiveLogin> interactiveLogin;

    [[nodiscard]] QJsonObject toJson() const;

    using ReadResult = OnboardingTemplateReadResult;
    // `directory`: where relative brand file paths are taken from (readFile(): the template's folder;
    // empty: left as they are). A saved template holds the paths as they were given, absolute when
    // the wizard's file pickers chose them.
    [[nodiscard]] static ReadResult fromJson(const QJsonObject &json, const QString &directory = {});
    [[nodiscard]] static ReadResult read(const QByteArray &json, const QString &directory = {});
    [[nodiscard]] static ReadResult readFile(const QString &path);
    // Writes the JSON form; an empty string on success, otherwise what went wrong.
    [[nodiscard]] QString save(const QString &path) const;

    // Every problem of the template, each naming its field (empty: usable).
    [[nodiscard]] QStringList problems() const;

    // Checks of single values, shared with the wizard's fields; each returns why the value is wrong,
    // or an empty string.
    [[nodiscard]] static QString aliasProblem(const QString &alias, const QString &region);
    [[nodiscard]] static QString originProblem(const QString &origin);
    [[nodiscard]] static QString spaceNameProblem(const QString &name);
    [[nodiscard]] static QString spaceRolesProblem(const QString &spaceType, const QStringList &roles);
    [[nodiscard]] static QString publicKeyProblem(const QString &pem);
    [[nodiscard]] static QString emailProblem(const QString &email);
    // A brand file: readable, the right kind (logo PNG/JPEG, favicon ICO) and size. Paths with a
    // ${...} reference are left to the plan.
    [[nodiscard]] static QString brandFileProblem(const QString &path, bool logo);
    // An AWS KMS key ARN (the key-provider step's pattern); a ${...} reference is left to the plan.
    [[nodiscard]] static QString keyArnProblem(const QString &arn);
    // An OIDC discovery URL (https, with a host) and realm (Qlik's pattern); ${...} references pass.
    [[nodiscard]] static QString discoveryUrlProblem(const QString &url);
    [[nodiscard]] static QString realmProblem(const QString &realm);
    // The providers an interactive OIDC IdP may name (FACTS §4.2).
    [[nodiscard]] static QStringList oidcProviders();

    [[nodiscard]] static QString identityName(Identity identity);
    [[nodiscard]] static std::optional<Identity> identityFromName(const QString &name);

    friend bool operator==(const OnboardingTemplate &, const OnboardingTemplate &) = default;
};

struct OnboardingTemplateReadResult
{
    std::optional<OnboardingTemplate> onboardingTemplate; // set only when `errors` is empty
    QStringList errors; // each names the field: "groups[1].name: ..."
};

} // namespace Ops
