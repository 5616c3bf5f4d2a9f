#include "credentialscommands.h"

#include "command.h"
#include "commandcontext.h"
#include "commandregistry.h"
#include "secretinput.h"
#include "texttable.h"

#include "cloud/profilestore.h"
#include "cloud/qlikclicontextsfile.h"
#include "cloud/qlikcliimport.h"
#include "secrets/clientsecretresolver.h"
#include "secrets/secretstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QMap>

using namespace Qt::Literals::StringLiterals;
using Cloud::CredentialProfile;
using Cloud::CredentialTier;
using Secrets::SecretResult;
using Secrets::SecretStatus;

namespace {

QString scopeOf(const CredentialProfile &profile)
{
    switch (profile.tier) {
    case CredentialTier::Organization:
        return profile.subscriptionIds.isEmpty()
            ? u"console.qlikcloud.com"_s
            : u"console.qlikcloud.com (subscription %1)"_s.arg(profile.subscriptionIds.join(u", "_s));
    case CredentialTier::Region:
        return profile.region;
    case CredentialTier::Tenant:
        return profile.tenantHost;
    }
    return {};
}

QJsonObject profileJson(const CredentialProfile &profile)
{
    QJsonObject object{{u"name"_s, profile.name},
                       {u"tier"_s, Cloud::credentialTierName(profile.tier)},
                       {u"clientId"_s, profile.clientId},
                       {u"label"_s, profile.label}};
    if (profile.tier == CredentialTier::Region)
        object.insert(u"region"_s, profile.region);
    if (profile.tier == CredentialTier::Tenant)
        object.insert(u"tenantHost"_s, profile.tenantHost);
    if (profile.tier == CredentialTier::Organization)
        object.insert(u"subscriptionIds"_s, QJsonArray::fromStringList(profile.subscriptionIds));
    return object;
}

// --- credentials list -----------------------------------------------------------------------

class ListCredentials final : public Command
{
public:
    using Command::Command;

    [[nodiscard]] bool takesPositionalArguments() const override { return false; }

    void defineArguments(QCommandLineParser &) override { }

    void run(const QCommandLineParser &) override
    {
        Cloud::ProfileStore &store = context().profileStore();
        for (const QString &problem : store.problems())
            context().output().warning(problem);
        m_profiles = store.profiles();
        m_pending = m_profiles.size();
        if (m_pending == 0) {
            print();
            return;
        }
        // Where each secret is: the environment wins, otherwise look in the keychain.
        for (const CredentialProfile &profile : std::as_const(m_profiles)) {
            if (context().secretResolver().environmentSecret(profile.name)) {
                settle(profile.name, u"environment"_s);
                continue;
            }
            context().secretStore().read(Secrets::SecretStore::oauthClientKey(profile.name), this,
                                         [this, name = profile.name](const SecretResult &result) {
                                             switch (result.status) {
                                             case SecretStatus::Ok:
                                                 settle(name, u"keychain"_s);
                                                 return;
                                             case SecretStatus::NotFound:
                                             case SecretStatus::Invalid:
                                                 settle(name, u"missing"_s);
                                                 return;
                                             case SecretStatus::Unavailable:
                                                 m_keychainProblem = result.error;
                                                 settle(name, u"unknown"_s);
                                                 return;
                                             }
                                         });
        }
    }

private:
    void settle(const QString &name, const QString &where)
    {
        m_secretPlace.insert(name, where);
        if (--m_pending == 0)
            print();
    }

    void print()
    {
        if (!m_keychainProblem.isEmpty())
            context().output().warning(m_keychainProblem);
        if (context().output().isJson()) {
            QJsonArray profiles;
            for (const CredentialProfile &profile : std::as_const(m_profiles)) {
                QJsonObject object = profileJson(profile);
                object.insert(u"secret"_s, m_secretPlace.value(profile.name));
                profiles.append(object);
            }
            context().output().json({{u"profiles"_s, profiles}});
        } else if (m_profiles.isEmpty()) {
            context().output().line(u"No credential profiles. Add one with 'tenantryctl credentials set'."_s);
        } else {
            TextTable table({u"NAME"_s, u"TIER"_s, u"CLIENT ID"_s, u"FOR"_s, u"SECRET"_s, u"LABEL"_s});
            for (const CredentialProfile &profile : std::as_const(m_profiles))
                table.addRow({profile.name, Cloud::credentialTierName(profile.tier), profile.clientId, scopeOf(profile),
                              m_secretPlace.value(profile.name), profile.label});
            context().output().table(table);
        }
        finish(ExitOk);
    }

    QList<CredentialProfile> m_profiles;
    QMap<QString, QString> m_secretPlace;
    qsizetype m_pending = 0;
    QString m_keychainProblem;
};

// --- credentials set ------------------------------------------------------------------------

class SetCredentials final : public Command
{
public:
    using Command::Command;

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(u"NAME"_s, u"Profile name: letters, digits, '-' or '_'."_s);
        parser.addOption({u"tier"_s, u"organization, region or tenant (required for a new profile)."_s, u"TIER"_s});
        parser.addOption({u"client-id"_s, u"The OAuth client id (required for a new profile)."_s, u"ID"_s});
        parser.addOption({u"region"_s, u"Region id of a region client, e.g. eu."_s, u"REGION"_s});
        parser.addOption({u"tenant"_s, u"Tenant hostname of a tenant client."_s, u"HOST"_s});
        parser.addOption({u"label"_s, u"Free text shown in lists."_s, u"TEXT"_s});
        parser.addOption({u"subscription"_s,
                          u"Organization client: a subscription (license) number whose tenants it lists; repeat "
                          "for several. Replaces the saved list."_s,
                          u"ID"_s});
        parser.addOption({u"no-secret"_s,
                          u"Save the profile only; the secret comes from "
                          "TENANTRY_CLIENT_SECRET_<NAME> (CI)."_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        const QStringList names = parser.positionalArguments();
        if (names.size() != 1) {
            usageError(u"credentials set takes one profile NAME"_s);
            return;
        }
        Cloud::ProfileStore &store = context().profileStore();
        const std::optional<CredentialProfile> existing = store.profile(names.first());
        m_isNew = !existing;
        m_profile = existing.value_or(CredentialProfile{});
        m_profile.name = names.first();

        if (m_isNew && (!parser.isSet(u"tier"_s) || !parser.isSet(u"client-id"_s))) {
            usageError(u"a new profile needs --tier and --client-id"_s);
            return;
        }
        if (parser.isSet(u"tier"_s) && !Cloud::parseCredentialTier(parser.value(u"tier"_s), &m_profile.tier)) {
            usageError(u"--tier must be organization, region or tenant, not '%1'"_s.arg(parser.value(u"tier"_s)));
            return;
        }
        if (parser.isSet(u"region"_s) && m_profile.tier != CredentialTier::Region) {
            usageError(u"--region applies to region profiles only"_s);
            return;
        }
        if (parser.isSet(u"tenant"_s) && m_profile.tier != CredentialTier::Tenant) {
            usageError(u"--tenant applies to tenant profiles only"_s);
            return;
        }
        if (parser.isSet(u"subscription"_s) && m_profile.tier != CredentialTier::Organization) {
            usageError(u"--subscription applies to organization profiles only"_s);
            return;
        }
        if (parser.isSet(u"subscription"_s)) {
            m_profile.subscriptionIds.clear();
            for (const QString &id : parser.values(u"subscription"_s))
                m_profile.subscriptionIds.append(id.trimmed());
        }
        if (parser.isSet(u"client-id"_s))
            m_profile.clientId = parser.value(u"client-id"_s).trimmed();
        if (parser.isSet(u"region"_s))
            m_profile.region = parser.value(u"region"_s).trimmed().toLower();
        if (parser.isSet(u"tenant"_s))
            m_profile.tenantHost = parser.value(u"tenant"_s).trimmed().toLower();
        if (parser.isSet(u"label"_s))
            m_profile.label = parser.value(u"label"_s);
        if (m_profile.tier != CredentialTier::Region)
            m_profile.region.clear();
        if (m_profile.tier != CredentialTier::Tenant)
            m_profile.tenantHost.clear();
        if (m_profile.tier != CredentialTier::Organization)
            m_profile.subscriptionIds.clear();

        const QString invalid = m_isNew ? store.validateNew(m_profile) : m_profile.validationError();
        if (!invalid.isEmpty()) {
            usageError(invalid);
            return;
        }

        if (parser.isSet(u"no-secret"_s)) {
            save(false);
            return;
        }
        const SecretInput::Result input = SecretInput::read(u"Client secret for profile '%1': "_s.arg(m_profile.name));
        if (!input.error.isEmpty()) {
            usageError(input.error + u" (or use --no-secret)"_s);
            return;
        }
        m_key = Secrets::SecretStore::oauthClientKey(m_profile.name);
        // The secret first: if the keychain refuses it, nothing at all has changed.
        context().secretStore().write(m_key, input.secret, this, [this](const SecretResult &result) {
            if (!result.ok()) {
                fail(result.error
                     + u" The profile was not saved. (In CI, use --no-secret and set %1.)"_s.arg(
                         Secrets::ClientSecretResolver::environmentVariable(m_profile.name)));
                return;
            }
            save(true);
        });
    }

private:
    void save(bool secretStored)
    {
        Cloud::ProfileStore &store = context().profileStore();
        const QString error = m_isNew ? store.add(m_profile) : store.update(m_profile);
        if (!error.isEmpty()) {
            if (secretStored && m_isNew) {
                // Do not leave a secret behind for a profile that does not exist.
                context().secretStore().remove(m_key, this, [this, error](const SecretResult &) { fail(error); });
                return;
            }
            fail(error);
            return;
        }
        report(secretStored);
    }

    void report(bool secretStored)
    {
        const Secrets::ClientSecretResolver &resolver = context().secretResolver();
        const QString variable = Secrets::ClientSecretResolver::environmentVariable(m_profile.name);
        const bool environmentWins = resolver.environmentSecret(m_profile.name).has_value();
        if (context().output().isJson()) {
            QJsonObject secret{{u"storedIn"_s, secretStored ? u"keychain"_s : u"nowhere"_s},
                               {u"environmentVariable"_s, variable},
                               {u"environmentVariableSet"_s, environmentWins}};
            if (secretStored) {
                secret.insert(u"service"_s, context().secretStore().service());
                secret.insert(u"key"_s, m_key);
            }
            context().output().json(
                {{u"profile"_s, profileJson(m_profile)}, {u"created"_s, m_isNew}, {u"secret"_s, secret}});
        } else {
            context().output().line(u"%1 profile '%2' (%3, client id %4)."_s.arg(
                m_isNew ? u"Added"_s : u"Updated"_s, m_profile.name,
                Cloud::credentialTierName(m_profile.tier)
                    + (m_profile.tier == CredentialTier::Organization ? QString() : u" "_s + scopeOf(m_profile)),
                m_profile.clientId));
            if (secretStored)
                context().output().line(
                    u"Stored its client secret in %1."_s.arg(context().secretStore().describeLocation(m_key)));
            else
                context().output().line(
                    u"No secret stored: tenantryctl reads it from %1 when that is set."_s.arg(variable));
            if (secretStored && environmentWins)
                context().output().line(
                    u"Note: %1 is set here and takes precedence over the keychain."_s.arg(variable));
        }
        finish(ExitOk);
    }

    CredentialProfile m_profile;
    bool m_isNew = false;
    QString m_key;
};

// --- credentials remove ---------------------------------------------------------------------

class RemoveCredentials final : public Command
{
public:
    using Command::Command;

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(u"NAME"_s, u"The profile to remove, with its keychain secret."_s);
    }

    void run(const QCommandLineParser &parser) override
    {
        const QStringList names = parser.positionalArguments();
        if (names.size() != 1) {
            usageError(u"credentials remove takes one profile NAME"_s);
            return;
        }
        const QString &name = names.first();
        const QString key = Secrets::SecretStore::oauthClientKey(name);
        const QString error
            = context().profileStore().remove(name, this, [this, name, key](const SecretResult &result) {
                  if (!result.ok()) {
                      fail(u"removed profile '%1', but not its secret: %2"_s.arg(name, result.error));
                      return;
                  }
                  if (context().output().isJson()) {
                      context().output().json({{u"removed"_s, name}, {u"secretRemoved"_s, true}});
                  } else {
                      context().output().line(u"Removed profile '%1' and its secret from %2."_s.arg(
                          name, context().secretStore().describeLocation(key)));
                  }
                  finish(ExitOk);
              });
        if (!error.isEmpty())
            fail(error);
    }
};

// --- credentials import-qlik-cli -------------------------------------------------------------

class ImportQlikCliCredentials final : public Command
{
public:
    using Command::Command;

    void defineArguments(QCommandLineParser &parser) override
    {
        parser.addPositionalArgument(u"FILE"_s, u"qlik-cli's contexts file (default ~/.qlik/contexts.yml)."_s,
                                     u"[FILE]"_s);
        parser.addOption({u"overwrite"_s, u"Replace profiles of the same name that hold other values."_s});
    }

    void run(const QCommandLineParser &parser) override
    {
        const QStringList files = parser.positionalArguments();
        if (files.size() > 1) {
            usageError(u"credentials import-qlik-cli takes at most one FILE"_s);
            return;
        }
        const QString path = files.isEmpty() ? Cloud::QlikCliContextsFile::defaultPath() : files.first();
        m_import = std::make_unique<Cloud::QlikCliImport>(&context().profileStore(), &context().secretStore());
        m_import->setOverwrite(parser.isSet(u"overwrite"_s));
        connect(m_import.get(), &Cloud::QlikCliImport::finished, this, [this] { print(m_import->report()); });
        m_import->start(path);
    }

private:
    static QString scopeText(const CredentialProfile &profile)
    {
        return profile.name.isEmpty() ? QString() : scopeOf(profile);
    }

    void print(const Cloud::QlikCliImportReport &report)
    {
        using Outcome = Cloud::QlikCliImportReport::Outcome;
        if (!report.fileError.isEmpty()) {
            fail(report.fileError + u" Nothing was imported."_s);
            return;
        }
        const Output &output = context().output();
        if (output.isJson()) {
            QJsonArray entries;
            for (const auto &entry : report.entries) {
                QJsonObject object{{u"context"_s, entry.context},
                                   {u"line"_s, entry.line},
                                   {u"current"_s, entry.current},
                                   {u"result"_s, Cloud::qlikCliImportOutcomeName(entry.outcome)},
                                   {u"detail"_s, entry.detail}};
                if (!entry.profile.name.isEmpty())
                    object.insert(u"profile"_s, profileJson(entry.profile));
                entries.append(object);
            }
            QJsonObject counts;
            for (const Outcome outcome : {Outcome::Imported, Outcome::Updated, Outcome::Unchanged, Outcome::Skipped,
                                          Outcome::Refused, Outcome::Failed})
                counts.insert(Cloud::qlikCliImportOutcomeName(outcome), report.count(outcome));
            output.json({{u"file"_s, report.file},
                         {u"contexts"_s, entries},
                         {u"counts"_s, counts},
                         {u"plaintextSecretsRemain"_s, report.contextsWithSecrets},
                         {u"reminder"_s, report.plaintextReminder()}});
        } else if (report.entries.isEmpty()) {
            output.line(u"No contexts in %1."_s.arg(report.file));
        } else {
            TextTable table({u"CONTEXT"_s, u"PROFILE"_s, u"RESULT"_s, u"TIER"_s, u"FOR"_s, u"DETAIL"_s});
            for (const auto &entry : report.entries)
                table.addRow({entry.context, entry.profile.name, Cloud::qlikCliImportOutcomeName(entry.outcome),
                              entry.profile.name.isEmpty() ? QString() : Cloud::credentialTierName(entry.profile.tier),
                              scopeText(entry.profile), entry.detail});
            output.table(table);
            output.line(u"\n%1 imported, %2 updated, %3 unchanged, %4 skipped, %5 refused, %6 failed. Secrets are "
                        "in %7."_s.arg(report.count(Outcome::Imported))
                            .arg(report.count(Outcome::Updated))
                            .arg(report.count(Outcome::Unchanged))
                            .arg(report.count(Outcome::Skipped))
                            .arg(report.count(Outcome::Refused))
                            .arg(report.count(Outcome::Failed))
                            .arg(context().secretStore().describeLocation(u"oauth-client/<profile>"_s)));
        }
        if (!output.isJson() && !report.plaintextReminder().isEmpty())
            output.line(u"Reminder: "_s + report.plaintextReminder());
        if (report.count(Outcome::Failed) > 0) {
            output.error(u"%1 of %2 contexts could not be imported"_s.arg(report.count(Outcome::Failed))
                             .arg(report.entries.size()));
            finish(ExitFailed);
            return;
        }
        finish(ExitOk);
    }

    std::unique_ptr<Cloud::QlikCliImport> m_import;
};

} // namespace

void CredentialsCommands::registerIn(CommandRegistry &registry)
{
    registry.addGroup(u"credentials"_s, u"OAuth client profiles; their secrets live only in the OS keychain."_s);
    registry.add({u"credentials"_s,
                  u"list"_s,
                  u"List profiles and where each secret is."_s,
                  {},
                  CommandRegistry::factoryOf<ListCredentials>()});
    registry.add({u"credentials"_s, u"set"_s, u"Add or update a profile; the secret is read from stdin."_s, u"NAME"_s,
                  CommandRegistry::factoryOf<SetCredentials>()});
    registry.add({u"credentials"_s, u"remove"_s, u"Remove a profile and its keychain secret."_s, u"NAME"_s,
                  CommandRegistry::factoryOf<RemoveCredentials>()});
    registry.add({u"credentials"_s, u"import-qlik-cli"_s,
                  u"Import qlik-cli's OAuth contexts as profiles; secrets move to the keychain."_s, u"[FILE]"_s,
                  CommandRegistry::factoryOf<ImportQlikCliCredentials>()});
}
