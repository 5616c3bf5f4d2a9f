#include "secrets/secretstore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSecrets, "tenantry.secrets", QtInfoMsg)

namespace Secrets {

namespace {

// Calls `done` on `context`'s thread unless the context is gone by then.
void deliver(const QPointer<QObject> &context, const SecretStore::Completion &done, const SecretResult &result)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context.data(), [done, result] { done(result); }, Qt::AutoConnection);
}

// Refuses a request without touching the keychain; the answer still comes asynchronously, as every
// other answer does, so callers never see `done` run inside their own call.
void rejectLater(QObject *receiver, QObject *context, const SecretStore::Completion &done, const QString &why)
{
    QMetaObject::invokeMethod(
        receiver,
        [context = QPointer<QObject>(context), done, why] {
            deliver(context, done, {SecretStatus::Invalid, {}, why});
        },
        Qt::QueuedConnection);
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : SecretStore(u"Tenantry"_s, parent)
{ }

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

SecretStore::~SecretStore() = default;

QString SecretStore::oauthClientKey(const QString &profileName)
{
    return "oauth-client/"_L1 + profileName;
}

QString SecretStore::jwtSigningKeyKey(const QString &name)
{
    return "jwt-signing-key/"_L1 + name;
}

QString SecretStore::oidcClientSecretKey(const QString &name)
{
    return "oidc-client-secret/"_L1 + name;
}

QString SecretStore::keychainName()
{
#if defined(Q_OS_MACOS)
    return u"Keychain"_s;
#elif defined(Q_OS_WIN)
    return u"Credential Manager"_s;
#else
    return u"Secret Service"_s;
#endif
}

QString SecretStore::describeLocation(const QString &key) const
{
    return u"the OS keychain (%1), service '%2', key '%3'"_s.arg(keychainName(), m_service, key);
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, Completion done)
{
    if (key.isEmpty() || secret.isEmpty()) {
        rejectLater(this, context, done,
                    key.isEmpty() ? u"the key is empty"_s : u"the secret for '%1' is empty"_s.arg(key));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    job->setKey(key);
    start(Operation::Write, job, context, std::move(done));
}

void SecretStore::read(const QString &key, QObject *context, Completion done)
{
    if (key.isEmpty()) {
        rejectLater(this, context, done, u"the key is empty"_s);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    start(Operation::Read, job, context, std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, Completion done)
{
    if (key.isEmpty()) {
        rejectLater(this, context, done, u"the key is empty"_s);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    start(Operation::Remove, job, context, std::move(done));
}

void SecretStore::fetchClientSecret(const QString &profileName, QObject *context,
                                    std::function<void(const Cloud::SecretLookup &)> done)
{
    const QString key = oauthClientKey(profileName);
    read(key, context, [this, key, profileName, done = std::move(done)](const SecretResult &result) {
        switch (result.status) {
        case SecretStatus::Ok:
            done({result.secret, {}, false});
            return;
        case SecretStatus::NotFound:
            done({{},
                  u"no client secret stored for profile '%1' (%2)"_s.arg(profileName, describeLocation(key)),
                  false});
            return;
        case SecretStatus::Unavailable:
            done({{}, result.error, true});
            return;
        case SecretStatus::Invalid:
            done({{}, result.error, false});
            return;
        }
    });
}

void SecretStore::start(Operation operation, QKeychain::Job *job, QObject *context, Completion done)
{
    // Never the plaintext fallback (TOOLCHAIN.md: on the KWallet path it writes a .conf file).
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    // The job has no parent: QtKeychain's backends hold it until they answer, and it deletes
    // itself afterwards. Bound to `this`, the answer is dropped if the store is gone.
    connect(job, &QKeychain::Job::finished, this,
            [this, operation, context = QPointer<QObject>(context), done = std::move(done)](QKeychain::Job *finished) {
                const SecretResult result = resultOf(operation, finished);
                noteAvailability(result);
                deliver(context, done, result);
            });
    job->start();
}

SecretResult SecretStore::resultOf(Operation operation, QKeychain::Job *job)
{
    const QString key = job->key();
    const QString detail = job->errorString();
    const auto unavailable = [&] {
        qCWarning(lcSecrets) << "keychain unavailable for" << key << ":" << detail;
        return SecretResult{
            SecretStatus::Unavailable,
            {},
            u"The OS keychain (%1) is unavailable or locked: %2. Tenantry keeps secrets only in the "
            "keychain, so nothing was stored elsewhere; unlock the keychain or make sure its service (%1) is running."_s
                .arg(keychainName(), detail.isEmpty() ? u"no detail given"_s : detail)};
    };

    switch (job->error()) {
    case QKeychain::NoError:
        break;
    case QKeychain::EntryNotFound:
        if (operation == Operation::Remove)
            break;
        qCDebug(lcSecrets) << "no keychain item" << key;
        return {SecretStatus::NotFound, {}, u"nothing is stored under %1"_s.arg(describeLocation(key))};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return unavailable();
    }

    switch (operation) {
    case Operation::Read: {
        const auto *readJob = qobject_cast<const QKeychain::ReadPasswordJob *>(job);
        qCDebug(lcSecrets) << "read keychain item" << key;
        return {SecretStatus::Ok, readJob ? readJob->textData() : QString(), {}};
    }
    case Operation::Write:
        qCDebug(lcSecrets) << "stored keychain item" << key;
        return {};
    case Operation::Remove:
        qCDebug(lcSecrets) << "removed keychain item" << key;
        return {};
    }
    return {};
}

void SecretStore::noteAvailability(const SecretResult &result)
{
    const bool available = result.status != SecretStatus::Unavailable;
    const QString reason = available ? QString() : result.error;
    if (available == m_available && reason == m_unavailableReason)
        return;
    m_available = available;
    m_unavailableReason = reason;
    Q_EMIT availabilityChanged(available, reason);
}

} // namespace Secrets
