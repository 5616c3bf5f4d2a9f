#pragma once

#include "cloud/organizationtenants.h"

#include <QList>
#include <QObject>
#include <QStringList>

class CommandContext;
class QCommandLineParser;

namespace Cloud {
class CloudClient;
}

// The tenants a command acts on, from exactly one of --tenants H1,H2 | --tag T | --region R | --all
// (a command may offer only --tenants and --all). --tenants is taken as written; the others walk
// the organization API (the sandbox's seed subscriptions, or the organization profiles' saved
// ones) plus the local inventory and keep the active tenants that match.
class TenantSelection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantSelection)

public:
    enum class Selectors {
        TenantsOrAll, // --tenants, --all
        Every, // --tenants, --tag, --region, --all
    };

    TenantSelection(CommandContext &context, Selectors selectors, QObject *parent = nullptr);

    void addOptions(QCommandLineParser &parser) const;
    // Empty when the options name tenants properly; otherwise the usage error.
    [[nodiscard]] QString read(const QCommandLineParser &parser);
    // Never select this tenant by tag, region or --all (republish's source).
    void exclude(const QString &hostname) { m_excluded = hostname.toLower(); }

    // Resolves the selection: `finished` with at least one tenant, or `failed`. Organization API
    // problems are printed as warnings on the way.
    void start(Cloud::CloudClient &client);

Q_SIGNALS:
    void finished(const QList<Cloud::OrganizationTenants::Entry> &tenants);
    void failed(const QString &message);

private:
    void list(Cloud::CloudClient &client, const QStringList &subscriptionIds);
    void choose(const QList<Cloud::OrganizationTenants::Entry> &known);

    CommandContext &m_context;
    Selectors m_selectors;
    QList<Cloud::OrganizationTenants::Entry> m_explicit;
    QString m_tag;
    QString m_region;
    QString m_excluded;
    bool m_all = false;
};
