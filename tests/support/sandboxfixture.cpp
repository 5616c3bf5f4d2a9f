#include "support/sandboxfixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

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

QDateTime SandboxFixture::now()
{
    QJsonObject settings;
    m_http->control("GET", u"/__sandbox/settings"_s, {}, &settings);
    return QDateTime::fromString(settings.value(u"now"_s).toString(), Qt::ISODateWithMs);
}

QByteArray SandboxFixture::endUserSession(const QString &host, const QString &subject, const QStringList &groups)
{
    if (!m_endUserKey.isValid())
        m_endUserKey = SigningKeyPair::generate(SigningKeyPair::Kind::Rsa2048);
    const int login = ++m_endUserLogins;
    const QString kid = u"tenantry-tests-%1"_s.arg(login);
    const QString issuer = u"https://tests.tenantry.example"_s;
    const QJsonObject idp{
        {u"provider"_s, u"external"_s},
        {u"protocol"_s, u"jwtAuth"_s},
        {u"description"_s, u"End users of Tenantry's tests"_s},
        {u"options"_s,
         QJsonObject{{u"issuer"_s, issuer},
                     {u"staticKeys"_s,
                      QJsonArray{QJsonObject{
                          {u"kid"_s, kid},
                          {u"pem"_s, QString::fromLatin1(SigningKeyPair::oneLine(m_endUserKey.publicKeyPem()))}}}}}}};
    const HttpReply registered = m_http->post(host, u"/api/v1/identity-providers"_s, idp, regionToken(host));
    if (registered.status != 201) {
        QTest::qFail(qPrintable(u"cannot register a JWT IdP on %1: HTTP %2"_s.arg(host).arg(registered.status)),
                     __FILE__, __LINE__);
        return {};
    }
    const qint64 now = this->now().toSecsSinceEpoch();
    QJsonObject claims{{u"iss"_s, issuer},
                       {u"aud"_s, u"qlik.api/login/jwt-session"_s},
                       {u"sub"_s, subject},
                       {u"subType"_s, u"user"_s},
                       {u"name"_s, subject.section(u'|', -1)},
                       {u"email"_s, QString(subject.section(u'|', -1) + u"@users.tenantry.example"_s)},
                       {u"email_verified"_s, true},
                       {u"jti"_s, u"tenantry-tests-jti-%1"_s.arg(login)},
                       {u"iat"_s, now},
                       {u"nbf"_s, now},
                       {u"exp"_s, now + 300}};
    if (!groups.isEmpty())
        claims.insert(u"groups"_s, QJsonArray::fromStringList(groups));
    const QByteArray jwt = m_endUserKey.sign({{u"alg"_s, u"RS256"_s}, {u"kid"_s, kid}, {u"typ"_s, u"JWT"_s}}, claims);
    const HttpReply reply
        = m_http->send({"POST", host, u"/login/jwt-session"_s, {}, {}, QString::fromLatin1(jwt), {}, true});
    const QRegularExpressionMatch cookie = QRegularExpression(u"(?:^|\\n)eas\\.sid=([A-Za-z0-9]+)"_s)
                                               .match(QString::fromLatin1(reply.header("set-cookie")));
    if (reply.status != 200 || !cookie.hasMatch()) {
        QTest::qFail(qPrintable(u"JWT login of %1 on %2 failed: HTTP %3 %4"_s.arg(subject, host)
                                    .arg(reply.status)
                                    .arg(QString::fromUtf8(reply.body.left(300)))),
                     __FILE__, __LINE__);
        return {};
    }
    return "eas.sid=" + cookie.captured(1).toLatin1();
}

} // namespace TestSupport
