#include "cloud/sandboxcredentials.h"

#include "cloud/apirequest.h"
#include "cloud/cloudclient.h"
#include "cloud/cloudhost.h"
#include "cloud/region.h"
#include "cloud/resources/jsonreader.h"

#include <algorithm>
#include <QObject>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

SandboxCredentials::SandboxCredentials(ClientSecretSource *savedSecrets)
    : m_savedSecrets(savedSecrets)
{ }

bool SandboxCredentials::isSeedProfile(const QString &profileName)
{
    const QList<CredentialProfile> seeds = profiles();
    return std::any_of(seeds.cbegin(), seeds.cend(), [&](const CredentialProfile &p) { return p.name == profileName; });
}

QList<CredentialProfile> SandboxCredentials::profilesWith(const QList<CredentialProfile> &saved)
{
    QList<CredentialProfile> all = profiles();
    for (const CredentialProfile &profile : saved) {
        if (!isSeedProfile(profile.name))
            all.append(profile);
    }
    return all;
}

QList<CredentialProfile> SandboxCredentials::profiles(const QStringList &subscriptionIds)
{
    QList<CredentialProfile> profiles{{u"sandbox-org"_s,
                                       CredentialTier::Organization,
                                       u"sandbox-org"_s,
                                       {},
                                       {},
                                       u"Sandbox organization client"_s,
                                       subscriptionIds}};
    for (const Region &region : Region::all()) {
        const QString name = u"sandbox-region-"_s + region.id;
        profiles.append(
            {name, CredentialTier::Region, name, region.id, {}, u"Sandbox %1 region client"_s.arg(region.id)});
    }
    return profiles;
}

void SandboxCredentials::fetchClientSecret(const QString &profileName, QObject *context,
                                           std::function<void(const SecretLookup &)> done)
{
    if (!isSeedProfile(profileName) && m_savedSecrets) {
        m_savedSecrets->fetchClientSecret(profileName, context, std::move(done));
        return;
    }
    const SecretLookup lookup = isSeedProfile(profileName)
        ? SecretLookup{profileName + u"-secret"_s, {}, false}
        : SecretLookup{{}, u"'%1' is not a sandbox seed client"_s.arg(profileName), false};
    QMetaObject::invokeMethod(
        context, [done = std::move(done), lookup] { done(lookup); }, Qt::QueuedConnection);
}

void SandboxCredentials::fetchSubscriptionIds(CloudClient &client, QObject *context,
                                              std::function<void(const QStringList &, const QString &)> done)
{
    QUrlQuery query;
    query.addQueryItem(u"content"_s, u"false"_s);
    ApiCall call = ApiCall::get(CloudHost::console().hostname(), u"/__sandbox/state"_s, query);
    call.auth = ApiCall::Auth::None; // the control surface takes no token
    ApiRequest *request = client.send(call);
    QObject::connect(request, &ApiRequest::finished, context, [done = std::move(done)](const ApiResult &result) {
        if (!result.ok()) {
            done({}, u"the sandbox's subscriptions could not be read: "_s + result.error().message());
            return;
        }
        JsonReader reader(result.json().object());
        const QStringList ids = reader.list<QString>(
            u"subscriptions", [](JsonReader &subscription) { return subscription.requiredString(u"id"); }, true);
        if (!reader.ok()) {
            done({}, u"unexpected sandbox state: "_s + reader.error());
            return;
        }
        done(ids, {});
    });
}

void SandboxCredentials::fetchDeletedClientIds(CloudClient &client, QObject *context,
                                               std::function<void(const QStringList &, const QString &)> done)
{
    QUrlQuery query;
    query.addQueryItem(u"content"_s, u"false"_s);
    ApiCall call = ApiCall::get(CloudHost::console().hostname(), u"/__sandbox/state"_s, query);
    call.auth = ApiCall::Auth::None; // the control surface takes no token
    ApiRequest *request = client.send(call);
    QObject::connect(request, &ApiRequest::finished, context, [done = std::move(done)](const ApiResult &result) {
        if (!result.ok()) {
            done({}, u"the sandbox's clients could not be read: "_s + result.error().message());
            return;
        }
        JsonReader reader(result.json().object());
        QStringList deleted;
        (void)reader.list<QString>(
            u"clients",
            [&deleted](JsonReader &entry) {
                const QString id = entry.requiredString(u"clientId");
                if (entry.boolean(u"deleted"))
                    deleted.append(id);
                return id;
            },
            true);
        if (!reader.ok()) {
            done({}, u"unexpected sandbox state: "_s + reader.error());
            return;
        }
        done(deleted, {});
    });
}

} // namespace Cloud
