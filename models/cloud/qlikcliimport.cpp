#include "cloud/qlikcliimport.h"

#include "cloud/cloudhost.h"
#include "cloud/profilestore.h"
#include "cloud/qlikclicontextsfile.h"
#include "secrets/secretstore.h"

#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using Secrets::SecretResult;
using Secrets::SecretStatus;
using Secrets::SecretStore;

// Names, hosts and outcomes only: never a secret.
Q_LOGGING_CATEGORY(lcQlikCli, "tenantry.qlikcli", QtInfoMsg)

namespace Cloud {
namespace {

using Outcome = QlikCliImportReport::Outcome;

QlikCliImport::Candidate refused(const QString &where, const QString &why)
{
    QlikCliImport::Candidate candidate;
    candidate.refusal = where + u": "_s + why;
    return candidate;
}

// The host a context's `server` names, or why it is not a Qlik Cloud host. qlik-cli accepts a
// URL (https://acme.eu.qlikcloud.com) or a bare host; anything with a path, a port or plain http
// points at a client-managed site or an engine, which Tenantry does not manage.
CloudHost hostOf(const QString &server, QString *error)
{
    const QString withScheme = server.contains(u"://"_s) ? server : u"https://"_s + server;
    const QUrl url(withScheme, QUrl::StrictMode);
    const QString shown = u"'server' '%1'"_s.arg(server);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = shown + u" is not a URL such as https://acme.eu.qlikcloud.com"_s;
        return {};
    }
    if (url.scheme() != u"https"_s) {
        *error = shown + u" is not https; Qlik Cloud is served over https only"_s;
        return {};
    }
    if (url.port(443) != 443 || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()
        || (!url.path().isEmpty() && url.path() != u"/"_s)) {
        *error = shown
            + u" has a port, path or query: it is not a Qlik Cloud tenant URL such as "
              "https://acme.eu.qlikcloud.com"_s;
        return {};
    }
    QString hostError;
    CloudHost host = CloudHost::parse(url.host(), &hostError);
    if (!host.isValid())
        *error = shown + u": "_s + hostError;
    return host;
}

// Which fields of `existing` the import would change, for the report (never the secret's value).
QStringList differencesBetween(const CredentialProfile &existing, const CredentialProfile &imported)
{
    QStringList differences;
    if (existing.tier != imported.tier)
        differences << u"tier (%1, not %2)"_s.arg(credentialTierName(existing.tier), credentialTierName(imported.tier));
    if (existing.clientId != imported.clientId)
        differences << u"client id"_s;
    if (existing.region != imported.region)
        differences << u"region"_s;
    if (existing.tenantHost != imported.tenantHost)
        differences << u"tenant host"_s;
    if (existing.subscriptionIds != imported.subscriptionIds)
        differences << u"subscriptions"_s;
    if (existing.label != imported.label)
        differences << u"label"_s;
    return differences;
}

} // namespace

QlikCliImport::QlikCliImport(ProfileStore *profiles, Secrets::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{ }

QlikCliImport::~QlikCliImport() = default;

QString QlikCliImport::profileNameFor(const QString &contextName)
{
    static const QRegularExpression notAllowed(u"[^A-Za-z0-9_-]"_s);
    QString name = contextName;
    return name.replace(notAllowed, u"-"_s);
}

QlikCliImport::Candidate QlikCliImport::candidateFor(const QlikCliContext &context)
{
    const QString where = u"context '%1' (line %2)"_s.arg(context.name).arg(context.line);
    if (!context.serverType.isEmpty() && context.serverType.compare(u"cloud"_s, Qt::CaseInsensitive) != 0)
        return refused(
            where, u"'server-type' is '%1', not 'cloud': Tenantry manages Qlik Cloud only"_s.arg(context.serverType));
    if (context.server.isEmpty())
        return refused(where,
                       u"'server' is missing: it should be the tenant URL, e.g. https://acme.eu.qlikcloud.com"_s);
    QString hostError;
    const CloudHost host = hostOf(context.server, &hostError);
    if (!host.isValid())
        return refused(where, hostError);

    if (context.oauthClientId.isEmpty() && context.oauthClientSecret.isEmpty()) {
        if (!context.apiKey.isEmpty())
            return refused(where,
                           u"'%1' holds an API key; Tenantry signs in with OAuth clients only, so the context was "
                           "not imported and the key was not copied anywhere. Create an OAuth client for this "
                           "tenant and add it with 'tenantryctl credentials set'"_s.arg(context.apiKeyField));
        return refused(where,
                       u"'oauth-client-id' and 'oauth-client-secret' are missing: there is no OAuth client "
                       "to import"_s);
    }
    if (context.oauthClientId.isEmpty())
        return refused(where, u"'oauth-client-id' is missing (the context has only an 'oauth-client-secret')"_s);
    if (context.oauthClientSecret.isEmpty())
        return refused(where, u"'oauth-client-secret' is missing or empty"_s);

    Candidate candidate;
    CredentialProfile &profile = candidate.profile;
    profile.name = profileNameFor(context.name);
    profile.clientId = context.oauthClientId;
    profile.label = context.comment.isEmpty() ? u"qlik-cli context '%1'"_s.arg(context.name) : context.comment;
    switch (host.kind()) {
    case CloudHost::Kind::Tenant:
        profile.tier = CredentialTier::Tenant;
        profile.tenantHost = host.hostname();
        break;
    case CloudHost::Kind::Register:
        profile.tier = CredentialTier::Region;
        profile.region = host.regionId();
        break;
    case CloudHost::Kind::Organization:
        profile.tier = CredentialTier::Organization;
        break;
    }
    if (const QString invalid = profile.validationError(); !invalid.isEmpty())
        return refused(where, invalid);
    candidate.secret = context.oauthClientSecret;

    QStringList notes;
    if (!context.apiKey.isEmpty())
        notes << u"its API key ('%1') was not copied"_s.arg(context.apiKeyField);
    if (!context.otherHeaders.isEmpty())
        notes << u"its headers (%1) are not used by Tenantry"_s.arg(context.otherHeaders.join(u", "_s));
    candidate.note = notes.join(u"; "_s);
    return candidate;
}

void QlikCliImport::start(const QString &path)
{
    m_report = {};
    m_report.file = path;
    m_pending.clear();
    m_keychainDown.clear();

    const QlikCliContextsFile::Result file = QlikCliContextsFile::read(path);
    if (!file.ok()) {
        m_report.fileError = file.error;
        qCDebug(lcQlikCli).noquote() << "not importing" << path << "-" << file.error;
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
        return;
    }
    qCDebug(lcQlikCli).noquote() << "importing" << file.contexts.size() << "qlik-cli contexts from" << path;

    QHash<QString, QString> claimedBy; // profile name -> the context that becomes it
    for (const QlikCliContext &context : file.contexts) {
        if (context.holdsSecret())
            ++m_report.contextsWithSecrets;
        QlikCliImportReport::Entry entry;
        entry.context = context.name;
        entry.line = context.line;
        entry.current = context.current;
        Candidate candidate = candidateFor(context);
        entry.profile = candidate.profile;
        entry.detail = candidate.refusal.isEmpty() ? candidate.note : candidate.refusal;
        if (candidate.refusal.isEmpty() && claimedBy.contains(entry.profile.name)) {
            entry.detail = u"context '%1' (line %2): becomes profile '%3', like context '%4' before it; rename one "
                           "of them with 'qlik context rename'"_s.arg(context.name)
                               .arg(context.line)
                               .arg(entry.profile.name, claimedBy.value(entry.profile.name));
            candidate.refusal = entry.detail;
        }
        m_report.entries.append(entry);
        if (!candidate.refusal.isEmpty()) {
            qCDebug(lcQlikCli).noquote() << "context" << context.name << "refused";
            continue;
        }
        claimedBy.insert(entry.profile.name, context.name);
        m_pending.append({m_report.entries.size() - 1, candidate.secret});
    }
    QTimer::singleShot(0, this, &QlikCliImport::next);
}

void QlikCliImport::next()
{
    if (m_pending.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    const Pending pending = m_pending.takeFirst();
    if (!m_keychainDown.isEmpty()) {
        settle(pending.entry, Outcome::Failed, m_keychainDown);
        return;
    }
    const CredentialProfile &profile = m_report.entries.at(pending.entry).profile;
    if (const std::optional<CredentialProfile> existing = m_profiles->profile(profile.name))
        compareWithExisting(pending, *existing);
    else
        importNew(pending);
}

void QlikCliImport::importNew(const Pending &pending)
{
    const CredentialProfile profile = m_report.entries.at(pending.entry).profile;
    // A stored entry that cannot be read, or a name too close to another profile's: not ours to replace.
    if (const QString clash = m_profiles->validateNew(profile); !clash.isEmpty()) {
        settle(pending.entry, Outcome::Skipped, clash);
        return;
    }
    const QString key = SecretStore::oauthClientKey(profile.name);
    m_secrets->write(key, pending.secret, this, [this, pending, profile, key](const SecretResult &written) {
        if (!written.ok()) {
            noteKeychainFailure(written);
            settle(pending.entry, Outcome::Failed, written.error);
            return;
        }
        if (const QString error = m_profiles->add(profile); !error.isEmpty()) {
            // Do not leave a secret behind for a profile that does not exist.
            m_secrets->remove(key, this, [this, pending, error](const SecretResult &) {
                settle(pending.entry, Outcome::Failed, error);
            });
            return;
        }
        settle(pending.entry, Outcome::Imported, m_report.entries.at(pending.entry).detail);
    });
}

void QlikCliImport::compareWithExisting(const Pending &pending, const CredentialProfile &existing)
{
    const QString key = SecretStore::oauthClientKey(existing.name);
    m_secrets->read(key, this, [this, pending, existing](const SecretResult &stored) {
        if (stored.status == SecretStatus::Unavailable) {
            noteKeychainFailure(stored);
            settle(pending.entry, Outcome::Failed, stored.error);
            return;
        }
        const CredentialProfile &imported = m_report.entries.at(pending.entry).profile;
        QStringList differences = differencesBetween(existing, imported);
        if (!stored.ok())
            differences << u"client secret (none in the keychain)"_s;
        else if (stored.secret != pending.secret)
            differences << u"client secret"_s;
        if (differences.isEmpty()) {
            settle(pending.entry, Outcome::Unchanged, m_report.entries.at(pending.entry).detail);
            return;
        }
        if (!m_overwrite) {
            settle(pending.entry, Outcome::Skipped,
                   u"a profile named '%1' already exists with a different %2; import with --overwrite to replace "
                   "it"_s.arg(existing.name, differences.join(u", "_s)));
            return;
        }
        replace(pending, differences, stored);
    });
}

void QlikCliImport::replace(const Pending &pending, const QStringList &differences, const SecretResult &previous)
{
    const CredentialProfile profile = m_report.entries.at(pending.entry).profile;
    const QString key = SecretStore::oauthClientKey(profile.name);
    m_secrets->write(
        key, pending.secret, this, [this, pending, profile, key, differences, previous](const SecretResult &written) {
            if (!written.ok()) {
                noteKeychainFailure(written);
                settle(pending.entry, Outcome::Failed, written.error);
                return;
            }
            if (const QString error = m_profiles->update(profile); !error.isEmpty()) {
                // Put the old secret back so the unchanged profile keeps working.
                const auto restored
                    = [this, pending, error](const SecretResult &) { settle(pending.entry, Outcome::Failed, error); };
                if (previous.ok())
                    m_secrets->write(key, previous.secret, this, restored);
                else
                    m_secrets->remove(key, this, restored);
                return;
            }
            settle(pending.entry, Outcome::Updated, u"replaced its %1"_s.arg(differences.join(u", "_s)));
        });
}

void QlikCliImport::settle(qsizetype entry, Outcome outcome, const QString &detail)
{
    QlikCliImportReport::Entry &settled = m_report.entries[entry];
    settled.outcome = outcome;
    settled.detail = detail;
    qCDebug(lcQlikCli).noquote() << "context" << settled.context << "-> profile" << settled.profile.name << ":"
                                 << qlikCliImportOutcomeName(outcome);
    next();
}

void QlikCliImport::noteKeychainFailure(const SecretResult &result)
{
    if (result.status == SecretStatus::Unavailable)
        m_keychainDown = result.error;
}

} // namespace Cloud
