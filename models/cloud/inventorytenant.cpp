#include "cloud/inventorytenant.h"

#include "cloud/resources/jsonreader.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

namespace {

const QRegularExpression &hostPattern()
{
    static const QRegularExpression pattern(
        u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"_s);
    return pattern;
}

} // namespace

InventoryTenant InventoryTenant::fromHostname(const QString &hostname)
{
    InventoryTenant tenant;
    tenant.hostname = hostname.trimmed().toLower();
    tenant.region = regionOfHostname(tenant.hostname);
    return tenant;
}

QString InventoryTenant::regionOfHostname(const QString &hostname)
{
    // <name>.<region>.qlikcloud.com (FACTS §1.1); aliases follow the same pattern.
    static const QRegularExpression pattern(u"^[a-z0-9-]+\\.([a-z]{2})\\.qlikcloud\\.com$"_s);
    const QRegularExpressionMatch match = pattern.match(hostname.toLower());
    return match.hasMatch() ? match.captured(1) : QString();
}

QString InventoryTenant::validationError() const
{
    static const QRegularExpression regionPattern(u"^[a-z]{2}$"_s);
    if (!hostPattern().match(hostname).hasMatch())
        return u"tenant host '%1' is not a hostname such as 'acme.eu.qlikcloud.com'"_s.arg(hostname);
    if (region.isEmpty())
        return u"tenant host '%1' does not show its region; give the region id (such as 'eu')"_s.arg(hostname);
    if (!regionPattern.match(region).hasMatch())
        return u"tenant '%1': region '%2' is not a region id such as 'eu' or 'us'"_s.arg(hostname, region);
    const QString hostRegion = regionOfHostname(hostname);
    if (!hostRegion.isEmpty() && hostRegion != region)
        return u"tenant '%1' is in region '%2', not '%3'"_s.arg(hostname, hostRegion, region);
    return {};
}

QString InventoryTenant::originName(Origin origin)
{
    switch (origin) {
    case Origin::Added:
        return u"added"_s;
    case Origin::Created:
        return u"created"_s;
    }
    return {};
}

QJsonObject InventoryTenant::toJson() const
{
    QJsonObject object{{u"hostname"_s, hostname}, {u"region"_s, region}, {u"origin"_s, originName(origin)}};
    if (!tenantId.isEmpty())
        object.insert(u"tenantId"_s, tenantId);
    if (!name.isEmpty())
        object.insert(u"name"_s, name);
    if (!label.isEmpty())
        object.insert(u"label"_s, label);
    if (addedAt.isValid())
        object.insert(u"addedAt"_s, addedAt.toUTC().toString(Qt::ISODateWithMs));
    return object;
}

InventoryTenant InventoryTenant::read(JsonReader &reader)
{
    InventoryTenant tenant;
    tenant.hostname = reader.requiredString(u"hostname");
    tenant.region = reader.requiredString(u"region");
    tenant.tenantId = reader.string(u"tenantId");
    tenant.name = reader.string(u"name");
    tenant.label = reader.string(u"label");
    const QString origin = reader.string(u"origin");
    reader.expectOneOf(u"origin", origin, {originName(Origin::Added), originName(Origin::Created)});
    tenant.origin = origin == originName(Origin::Created) ? Origin::Created : Origin::Added;
    tenant.addedAt = reader.dateTime(u"addedAt");
    if (reader.ok()) {
        if (const QString error = tenant.validationError(); !error.isEmpty())
            reader.fail(u"hostname", error);
    }
    return tenant;
}

} // namespace Cloud
