#include "sessionlauncher.h"

#include "cloud/connecttomap.h"
#include "cloud/profilestore.h"
#include "cloud/sandboxcredentials.h"
#include "estatesession.h"
#include "sandbox/embeddedsandbox.h"
#include "secrets/clientsecretresolver.h"
#include "secrets/secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcLauncher, "tenantry.app.session")

SessionLauncher::SessionLauncher(QObject *parent)
    : QObject(parent)
{ }

SessionLauncher::~SessionLauncher()
{
    // The session's client talks to the sandbox: it goes before the sandbox stops.
    m_session.reset();
}

void SessionLauncher::start(const QString &sandboxSeed)
{
    if (sandboxSeed.isEmpty())
        startCloud();
    else
        startSandbox(sandboxSeed);
}

void SessionLauncher::startSandbox(const QString &seed)
{
    Q_EMIT progress(tr("Starting the sandbox (%1)…").arg(seed));
    m_sandbox = std::make_unique<Sandbox::EmbeddedSandbox>();
    connect(m_sandbox.get(), &Sandbox::EmbeddedSandbox::failed, this, [this](const QString &message) {
        qCWarning(lcLauncher).noquote() << "The sandbox did not start:" << message;
        Q_EMIT failed(tr("The sandbox did not start: %1").arg(message));
    });
    connect(m_sandbox.get(), &Sandbox::EmbeddedSandbox::started, this, [this, seed](quint16 port) {
        qCInfo(lcLauncher) << "Sandbox" << seed << "listening on 127.0.0.1 port" << port;
        askSandboxSubscriptions(seed, port);
    });
    Sandbox::SandboxOptions options;
    options.seed = seed;
    m_sandbox->start(options);
}

void SessionLauncher::askSandboxSubscriptions(const QString &seed, quint16 port)
{
    // The organization API lists tenants per subscription (FACTS §3.4). A partner reads the id in
    // My Qlik; the sandbox tells its seed's through its control surface (a tenant filter that
    // matches nothing keeps the answer small for estates of any size).
    m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/__sandbox/state?content=false&tenant=-"_s.arg(port)));
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, seed, port] {
        reply->deleteLater();
        QStringList subscriptions;
        const QJsonArray list = QJsonDocument::fromJson(reply->readAll()).object().value(u"subscriptions"_s).toArray();
        for (const auto &subscription : list)
            subscriptions.append(subscription.toObject().value(u"id"_s).toString());
        subscriptions.removeAll(QString());
        if (subscriptions.isEmpty())
            qCWarning(lcLauncher).noquote() << "The sandbox named no subscription:" << reply->errorString();
        openSandboxSession(seed, port, subscriptions);
    });
}

void SessionLauncher::openSandboxSession(const QString &seed, quint16 port, const QStringList &subscriptionIds)
{
    m_sandboxSecrets = std::make_unique<Cloud::SandboxCredentials>();
    m_sandboxData = std::make_unique<QTemporaryDir>();
    EstateSession::Setup setup;
    setup.mode = EstateSession::Mode::Sandbox;
    setup.description = tr("Sandbox (%1) on 127.0.0.1:%2").arg(seed).arg(port);
    setup.profiles = Cloud::SandboxCredentials::profiles(subscriptionIds);
    setup.secrets = m_sandboxSecrets.get();
    setup.connectTo = Cloud::ConnectToMap::sandbox(port);
    if (m_sandboxData->isValid())
        setup.inventoryFile = m_sandboxData->filePath(u"tenant-inventory.jsonl"_s);
    setup.tagGroup = TenantTagStore::sandboxGroup; // tenantryctl --sandbox-url reads the same
    m_session = std::make_unique<EstateSession>(setup);
    Q_EMIT ready(m_session.get());
}

void SessionLauncher::startCloud()
{
    m_keychain = std::make_unique<Secrets::SecretStore>();
    m_resolver = std::make_unique<Secrets::ClientSecretResolver>(m_keychain.get());
    m_profiles = std::make_unique<Cloud::ProfileStore>(m_keychain.get());
    for (const QString &problem : m_profiles->problems())
        qCWarning(lcLauncher).noquote() << "Credential profiles:" << problem;
    EstateSession::Setup setup;
    setup.mode = EstateSession::Mode::Cloud;
    setup.profiles = m_profiles->profiles();
    setup.secrets = m_resolver.get();
    setup.description = setup.profiles.isEmpty()
        ? tr("Qlik Cloud: no credentials (tenantryctl credentials set, or --sandbox)")
        : tr("Qlik Cloud: %n credential profile(s)", nullptr, static_cast<int>(setup.profiles.size()));
    m_session = std::make_unique<EstateSession>(setup);
    Q_EMIT ready(m_session.get());
}
