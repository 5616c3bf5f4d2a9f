#include "support/sandboxfixture.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace TestSupport {

SandboxFixture::SandboxFixture(const Sandbox::SandboxOptions &options)
{
    if (!m_validator.isLoaded()) {
        m_error = m_validator.loadError();
        return;
    }
    QSignalSpy started(&m_sandbox, &Sandbox::EmbeddedSandbox::started);
    QSignalSpy failed(&m_sandbox, &Sandbox::EmbeddedSandbox::failed);
    m_sandbox.start(options);
    // Seeding a large estate takes a few seconds; everything else starts at once.
    for (int i = 0; i < 120 && started.isEmpty() && failed.isEmpty(); ++i)
        started.wait(500);
    if (!failed.isEmpty()) {
        m_error = failed.constFirst().constFirst().toString();
        return;
    }
    if (started.isEmpty()) {
        m_error = u"the sandbox did not start within 60 s"_s;
        return;
    }
    m_port = started.constFirst().constFirst().value<quint16>();
    m_http = std::make_unique<SandboxHttp>(m_port, &m_validator);
}

SandboxFixture::~SandboxFixture() = default;

QString SandboxFixture::error() const
{
    return m_error;
}

QJsonObject SandboxFixture::tenantState(const QString &key)
{
    const QJsonArray tenants = m_http->state().value(u"tenants"_s).toArray();
    for (const QJsonValue &value : tenants) {
        const QJsonObject tenant = value.toObject();
        if (tenant.value(u"id"_s).toString() == key || tenant.value(u"name"_s).toString().startsWith(key))
            return tenant;
        for (const QJsonValue &hostname : tenant.value(u"hostnames"_s).toArray()) {
            if (hostname.toString().startsWith(key))
                return tenant;
        }
    }
    return {};
}

QString SandboxFixture::hostOf(const QString &key)
{
    return tenantState(key).value(u"hostnames"_s).toArray().first().toString();
}

QString SandboxFixture::regionToken(const QString &host)
{
    const QStringList labels = host.split(u'.');
    const QString region = labels.size() > 2 ? labels.at(1) : QString();
    const QString client = u"sandbox-region-"_s + region;
    return m_http->token(host, client, client + u"-secret"_s);
}

} // namespace TestSupport
