#include "networkcommand.h"

#include "commandcontext.h"

#include "cloud/cloudhost.h"

#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

NetworkCommand::~NetworkCommand() = default;

Cloud::CloudClient *NetworkCommand::clientOrUsageError()
{
    QString error;
    Cloud::CloudClient *client = context().client(&error);
    if (!client)
        usageError(error);
    return client;
}

void NetworkCommand::addTenantOption(QCommandLineParser &parser)
{
    parser.addOption({u"tenant"_s, u"The tenant's hostname, e.g. acme.eu.qlikcloud.com."_s, u"HOST"_s});
}

QString NetworkCommand::tenantOrUsageError(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"tenant"_s)) {
        usageError(u"--tenant HOST is required"_s);
        return {};
    }
    QString error;
    const Cloud::CloudHost host = Cloud::CloudHost::parse(parser.value(u"tenant"_s), &error);
    if (!host.isValid()) {
        usageError(u"--tenant: "_s + error);
        return {};
    }
    if (host.kind() != Cloud::CloudHost::Kind::Tenant) {
        usageError(u"--tenant: '%1' is the %2 host, not a tenant"_s.arg(host.hostname(),
                                                                        Cloud::cloudHostKindName(host.kind())));
        return {};
    }
    return host.hostname();
}
