#include "cloud/credentialcheck.h"

#include "cloud/accesstoken.h"
#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apirequest.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/cloudhost.h"
#include "cloud/tokenprovider.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcCredentialCheck, "tenantry.credentials.check", QtInfoMsg)

namespace Cloud {

namespace {

// The secret typed into the dialog for one profile, held only while its check's client lives (it
// is that client's child); every other profile's secret comes from the stored source.
class TypedSecret final : public QObject, public ClientSecretSource
{
public:
    TypedSecret(ClientSecretSource *stored, QString profileName, QString secret, QObject *parent)
        : QObject(parent)
        , m_stored(stored)
        , m_profileName(std::move(profileName))
        , m_secret(std::move(secret))
    { }

    void fetchClientSecret(const QString &profileName, QObject *context,
                           std::function<void(const SecretLookup &)> done) override
    {
        if (profileName != m_profileName || m_secret.isEmpty()) {
            if (m_stored) {
                m_stored->fetchClientSecret(profileName, context, std::move(done));
                return;
            }
            const SecretLookup missing{{}, u"no secret is stored for profile '%1'"_s.arg(profileName), false};
            QMetaObject::invokeMethod(
                context, [done = std::move(done), missing] { done(missing); }, Qt::QueuedConnection);
            return;
        }
        const SecretLookup lookup{m_secret, {}, false};
        QMetaObject::invokeMethod(
            context, [done = std::move(done), lookup] { done(lookup); }, Qt::QueuedConnection);
    }

private:
    ClientSecretSource *m_stored;
    QString m_profileName;
    QString m_secret;
};

} // namespace

CredentialCheck::CredentialCheck(ClientSecretSource *secrets, const ConnectToMap &connectTo, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_connectTo(connectTo)
{
    qRegisterMetaType<Cloud::CredentialCheck::Outcome>();
}

CredentialCheck::~CredentialCheck() = default;

void CredentialCheck::start(const CredentialProfile &profile, const QString &secret)
{
    // A fresh client per check: no token or secret cached from an earlier attempt answers for this one.
    // The previous one may be inside its own callback (start() from a finished() handler): delete it later.
    if (m_client)
        m_client.release()->deleteLater();
    m_client = std::make_unique<CloudClient>();
    if (!m_connectTo.isEmpty())
        m_client->setConnectTo(m_connectTo);
    m_client->setSecretSource(new TypedSecret(m_secrets, profile.name, secret, m_client.get()));
    m_client->setProfiles({profile});
    m_running = true;
    ++m_generation;
    qCDebug(lcCredentialCheck) << "checking profile" << profile.name << "tier" << credentialTierName(profile.tier);

    if (const QString problem = profile.validationError(); !problem.isEmpty()) {
        Outcome outcome;
        outcome.summary = problem;
        QMetaObject::invokeMethod(
            this, [this, outcome, generation = m_generation] { finish(generation, outcome); }, Qt::QueuedConnection);
        return;
    }
    switch (profile.tier) {
    case CredentialTier::Tenant:
        checkTenant(profile);
        return;
    case CredentialTier::Region:
        checkRegion(profile);
        return;
    case CredentialTier::Organization:
        checkOrganization(profile);
        return;
    }
}

void CredentialCheck::checkTenant(const CredentialProfile &profile)
{
    // The bot user behind the client (FACTS §2.3); /users/me answers 301 to /users/{id} (FACTS §14.4).
    const QString host = profile.tenantHost;
    ApiCall call = ApiCall::get(host, u"/api/v1/users/me"_s);
    call.profileName = profile.name;
    m_client->send(call, this, [this, host, generation = m_generation](const ApiResult &result) {
        if (!result.ok()) {
            finish(generation, failure(host, result.error()));
            return;
        }
        const QJsonObject user = result.json().object();
        Outcome outcome;
        outcome.ok = true;
        outcome.host = host;
        outcome.httpStatus = result.status();
        outcome.botSubject = user.value(u"subject"_s).toString();
        outcome.botName = user.value(u"name"_s).toString();
        const QString roles = user.value(u"roles"_s).toVariant().toStringList().join(u", "_s);
        outcome.summary = tr("Connected to %1 as the bot user “%2” (%3)%4.")
                              .arg(host, outcome.botName, outcome.botSubject,
                                   roles.isEmpty() ? QString() : tr(", roles %1").arg(roles));
        finish(generation, outcome);
    });
}

void CredentialCheck::checkRegion(const CredentialProfile &profile)
{
    // Region clients sign in on register.<region> (FACTS §1.1); their bot users exist per tenant only.
    const QString host = CloudHost::registerHost(profile.region).hostname();
    m_client->tokens()->fetch(
        profile, host, this, [this, host, generation = m_generation](const AccessToken &, const ApiError &error) {
            if (!error.isNull()) {
                finish(generation, failure(host, error));
                return;
            }
            Outcome outcome;
            outcome.ok = true;
            outcome.host = host;
            outcome.summary = tr("%1 accepted the region client. Its bot user is created in each tenant at the "
                                 "first sign-in there.")
                                  .arg(host);
            finish(generation, outcome);
        });
}

void CredentialCheck::checkOrganization(const CredentialProfile &profile)
{
    const QString host = CloudHost::console().hostname();
    if (profile.subscriptionIds.isEmpty()) {
        m_client->tokens()->fetch(
            profile, host, this, [this, host, generation = m_generation](const AccessToken &, const ApiError &error) {
                if (!error.isNull()) {
                    finish(generation, failure(host, error));
                    return;
                }
                Outcome outcome;
                outcome.ok = true;
                outcome.host = host;
                outcome.summary = tr("%1 accepted the organization client. Add a subscription id to list its "
                                     "tenants.")
                                      .arg(host);
                finish(generation, outcome);
            });
        return;
    }
    // The organization API wants a subscription in every tenant filter (FACTS §3.4).
    const QString subscription = profile.subscriptionIds.constFirst();
    QUrlQuery query;
    query.addQueryItem(u"filter"_s, u"subscriptionId eq \"%1\""_s.arg(subscription));
    query.addQueryItem(u"limit"_s, u"1"_s);
    query.addQueryItem(u"totalResults"_s, u"true"_s);
    ApiCall call = ApiCall::get(host, u"/api/core/tenants"_s, query);
    call.profileName = profile.name;
    m_client->send(call, this, [this, host, subscription, generation = m_generation](const ApiResult &result) {
        if (!result.ok()) {
            finish(generation, failure(host, result.error()));
            return;
        }
        Outcome outcome;
        outcome.ok = true;
        outcome.host = host;
        outcome.httpStatus = result.status();
        const QJsonObject page = result.json().object();
        const QJsonValue total = page.value(u"totalResults"_s);
        outcome.summary = total.isDouble()
            ? tr("%1 accepted the organization client; subscription %2 has %n tenant(s).", nullptr, total.toInt())
                  .arg(host, subscription)
            : tr("%1 accepted the organization client and lists the tenants of subscription %2.")
                  .arg(host, subscription);
        finish(generation, outcome);
    });
}

CredentialCheck::Outcome CredentialCheck::failure(const QString &host, const ApiError &error)
{
    Outcome outcome;
    outcome.host = host;
    outcome.errorCode = error.code();
    outcome.httpStatus = error.httpStatus();
    outcome.summary = error.message();
    return outcome;
}

void CredentialCheck::finish(quint64 generation, const Outcome &outcome)
{
    if (generation != m_generation)
        return;
    m_running = false;
    qCInfo(lcCredentialCheck).noquote() << "credential check on" << outcome.host
                                        << (outcome.ok ? "succeeded" : "failed") << outcome.errorCode;
    Q_EMIT finished(outcome);
}

} // namespace Cloud
