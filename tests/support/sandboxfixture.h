#pragma once

#include "support/sandboxhttp.h"
#include "support/signingkeypair.h"
#include "support/specvalidator.h"

#include "sandbox/embeddedsandbox.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace TestSupport {

// Starts a sandbox in this process, on its own thread and a free loopback port, and gives the
// test an HTTP helper that validates every answer against the spec. One per test class:
//
//     void initTestCase() { m_sandbox = std::make_unique<SandboxFixture>(); QVERIFY(m_sandbox->isReady()); }
//     void init() { QVERIFY(m_sandbox->http().reset(u"demo"_s)); }
//     ...
//     const QString host = m_sandbox->hostOf(u"acme-source"_s);
//     const QString token = m_sandbox->regionToken(host);
class SandboxFixture
{
public:
    explicit SandboxFixture(const Sandbox::SandboxOptions &options = {});
    ~SandboxFixture();
    SandboxFixture(const SandboxFixture &) = delete;
    SandboxFixture &operator=(const SandboxFixture &) = delete;

    [[nodiscard]] bool isReady() const { return m_port != 0 && m_validator.isLoaded(); }
    [[nodiscard]] QString error() const; // why it is not ready
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] SandboxHttp &http() { return *m_http; }
    [[nodiscard]] const SpecValidator &validator() const { return m_validator; }

    // The first hostname of the tenant whose id, name or a hostname starts with `key` ("acme-source",
    // "northwind", "source..."); empty when none.
    [[nodiscard]] QString hostOf(const QString &key);
    // The tenant's entry in the state dump (see hostOf for `key`).
    [[nodiscard]] QJsonObject tenantState(const QString &key);
    // A token of the seeded region client of the tenant's region (sandbox-region-<region>).
    [[nodiscard]] QString regionToken(const QString &host);

    // The sandbox's clock (GET /__sandbox/settings "now"): it runs ahead of the wall clock after
    // POST /__sandbox/clock/advance, and a reset does not turn it back. JWTs are dated with it.
    [[nodiscard]] QDateTime now();

    // An end user's credential on a tenant: registers a JWT identity provider there (through the
    // API, with a key pair of this fixture), logs `subject` in through /login/jwt-session with
    // these `groups` (created on first login, FACTS §2.4) and returns the session cookie as a
    // Cookie header value, "eas.sid=...". Send it as `Cookie` to act as that user; empty (and the
    // test fails) when the login does not succeed.
    [[nodiscard]] QByteArray endUserSession(const QString &host, const QString &subject,
                                            const QStringList &groups = {});

private:
    Sandbox::EmbeddedSandbox m_sandbox;
    SpecValidator m_validator;
    std::unique_ptr<SandboxHttp> m_http;
    SigningKeyPair m_endUserKey; // generated on first use
    int m_endUserLogins = 0;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace TestSupport
