#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QNetworkAccessManager;

namespace Cloud {
class ClientSecretSource;
class ProfileStore;
class SandboxCredentials;
} // namespace Cloud
namespace Sandbox {
class EmbeddedSandbox;
}
namespace Secrets {
class ClientSecretResolver;
class SecretStore;
} // namespace Secrets
class EstateSession;

// Brings up what the estate window shows, without ever blocking the GUI thread: either the
// configured profiles against the real Qlik Cloud (secrets from the keychain or the environment),
// or a sandbox started in this process on a free loopback port with its seed clients. ready()
// follows start(), once (failed() instead when the sandbox cannot start).
class SessionLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionLauncher)

public:
    explicit SessionLauncher(QObject *parent = nullptr);
    ~SessionLauncher() override;

    // `sandboxSeed` empty: the real cloud; otherwise a sandbox seed ("demo", "estate:20000").
    void start(const QString &sandboxSeed);
    [[nodiscard]] EstateSession *session() const { return m_session.get(); }

Q_SIGNALS:
    // What is going on, for the status bar ("Starting the sandbox (demo)…").
    void progress(const QString &text);
    void ready(EstateSession *session);
    void failed(const QString &message);

private:
    void startSandbox(const QString &seed);
    void askSandboxSubscriptions(const QString &seed, quint16 port);
    void openSandboxSession(const QString &seed, quint16 port, const QStringList &subscriptionIds);
    void startCloud();

    std::unique_ptr<Sandbox::EmbeddedSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network; // the sandbox's control surface only
    std::unique_ptr<Cloud::SandboxCredentials> m_sandboxSecrets;
    std::unique_ptr<Secrets::SecretStore> m_keychain;
    std::unique_ptr<Secrets::ClientSecretResolver> m_resolver;
    std::unique_ptr<Cloud::ProfileStore> m_profiles;
    std::unique_ptr<QTemporaryDir> m_sandboxData; // the sandbox's inventory: never the user's
    std::unique_ptr<EstateSession> m_session;
};
