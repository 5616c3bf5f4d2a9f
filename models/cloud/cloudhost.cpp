#include "cloud/cloudhost.h"

#include "cloud/region.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {
namespace {

constexpr QLatin1StringView kQlikDomain{".qlikcloud.com"};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool validHostname(const QString &host, QString *error)
{
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
    if (host.isEmpty())
        return fail(error, u"the hostname is empty"_s);
    if (host.size() > 253)
        return fail(error, u"hostname '%1…' is longer than 253 characters"_s.arg(host.left(40)));
    if (host.contains(u"://"_s) || host.contains(u'/') || host.contains(u':'))
        return fail(error, u"'%1' is not a bare hostname: give it without scheme, port or path"_s.arg(host));
    if (!QHostAddress(host).isNull())
        return fail(error, u"'%1' is an IP address, not a Qlik Cloud hostname"_s.arg(host));
    const QStringList labels = host.split(u'.');
    if (labels.size() < 2)
        return fail(error, u"'%1' is not a fully qualified hostname"_s.arg(host));
    for (const QString &part : labels) {
        if (!label.match(part).hasMatch())
            return fail(error, u"hostname '%1' has an invalid label '%2'"_s.arg(host, part));
    }
    return true;
}

} // namespace

CloudHost CloudHost::parse(const QString &hostname, QString *error)
{
    QString host = hostname.trimmed().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    if (!validHostname(host, error))
        return {};

    CloudHost result;
    result.m_hostname = host;
    if (host == u"console.qlikcloud.com"_s || host == u"api.qlikcloud.com"_s) {
        // FACTS §3.4 / §14.1: the organization API lives on console; its documented paging links
        // point at api.qlikcloud.com, which is the same API under another host form.
        result.m_kind = Kind::Organization;
        return result;
    }
    if (host == u"qlikcloud.com"_s) {
        fail(error, u"'qlikcloud.com' is not a tenant, register or console host"_s);
        return {};
    }
    if (!host.endsWith(kQlikDomain)) {
        // A custom alias hostname: a tenant whose region the name does not tell.
        result.m_kind = Kind::Tenant;
        return result;
    }

    const QStringList labels = host.chopped(kQlikDomain.size()).split(u'.');
    if (labels.size() == 2 && labels.at(0) == u"register"_s) {
        const auto region = Region::fromId(labels.at(1));
        if (!region) {
            fail(error, u"'%1' names an unknown region '%2' (known: %3)"_s.arg(host, labels.at(1), Region::knownIds()));
            return {};
        }
        result.m_kind = Kind::Register;
        result.m_regionId = region->id;
        return result;
    }
    result.m_kind = Kind::Tenant;
    if (labels.size() == 2) {
        // <name>.<region>.qlikcloud.com; an unknown second label leaves the region undetermined
        // rather than guessing.
        if (const auto region = Region::fromId(labels.at(1)))
            result.m_regionId = region->id;
    }
    return result;
}

CloudHost CloudHost::tenant(const QString &name, const QString &regionId)
{
    return parse(name + u'.' + regionId + kQlikDomain);
}

CloudHost CloudHost::registerHost(const QString &regionId)
{
    return parse(u"register."_s + regionId + kQlikDomain);
}

CloudHost CloudHost::console()
{
    return parse(u"console.qlikcloud.com"_s);
}

QString CloudHost::tenantLabel() const
{
    if (m_kind != Kind::Tenant)
        return {};
    return m_hostname.section(u'.', 0, 0);
}

QString cloudHostKindName(CloudHost::Kind kind)
{
    switch (kind) {
    case CloudHost::Kind::Tenant:
        return u"tenant"_s;
    case CloudHost::Kind::Register:
        return u"register"_s;
    case CloudHost::Kind::Organization:
        return u"organization"_s;
    }
    return {};
}

} // namespace Cloud
