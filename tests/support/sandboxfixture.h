#pragma once

#include "support/sandboxhttp.h"
#include "support/specvalidator.h"

#include "sandbox/embeddedsandbox.h"

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

private:
    Sandbox::EmbeddedSandbox m_sandbox;
    SpecValidator m_validator;
    std::unique_ptr<SandboxHttp> m_http;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace TestSupport
