#include "cloud/ownershipaudit.h"

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"
#include "cloud/resources/resourcepage.h"

#include <algorithm>
#include <memory>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Cloud {

namespace {

QString quoted(QString value)
{
    // SCIM filter string literal (FACTS §5.1): escape backslashes (bot subjects have one) and quotes.
    value.replace(u"\\"_s, u"\\\\"_s);
    value.replace(u"\""_s, u"\\\""_s);
    return u'"' + value + u'"';
}

} // namespace

OwnershipAudit::OwnershipAudit(CloudClient &client, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
{
    if (m_options.configuredClientIds.isEmpty()) {
        for (const CredentialProfile &profile : m_client.profiles())
            m_options.configuredClientIds.insert(profile.clientId);
    }
    m_options.concurrentTenants = std::max(1, m_options.concurrentTenants);
}

int OwnershipAudit::requestCount() const
{
    int total = 0;
    for (const TenantOwnership &tenant : m_results)
        total += tenant.requests;
    return total;
}

void OwnershipAudit::start(const QStringList &hostnames)
{
    m_results.clear();
    for (const QString &hostname : hostnames) {
        TenantOwnership tenant;
        tenant.hostname = hostname;
        m_results.append(tenant);
    }
    m_pendingPerTenant = QList<int>(m_results.size(), 0);
    m_next = 0;
    m_running = 0;
    m_finished = false;
    // finished always comes later than start(), also for an empty list
    QTimer::singleShot(0, this, &OwnershipAudit::startNext);
}

void OwnershipAudit::startNext()
{
    while (m_running < m_options.concurrentTenants && m_next < m_results.size()) {
        ++m_running;
        auditTenant(m_next++);
    }
    if (m_running == 0 && m_next >= m_results.size() && !m_finished) {
        m_finished = true;
        Q_EMIT finished();
    }
}

void OwnershipAudit::fetchAll(int index, const ApiCall &firstPage,
                              std::function<void(QJsonArray items, QString error)> done)
{
    auto items = std::make_shared<QJsonArray>();
    Pager *pager = m_client.list(firstPage);
    connect(pager, &Pager::pageReceived, this, [this, index, items](const ApiPage &page) {
        ++m_results[index].requests;
        for (const QJsonValue item : page.items) // by value: the array yields QJsonValueConstRef
            items->append(item);
    });
    connect(pager, &Pager::finished, this,
            [items, done = std::move(done), path = firstPage.path](const ApiError &error) {
                if (!error.isNull())
                    done({}, path + u": "_s + error.message());
                else
                    done(std::move(*items), {});
            });
}

void OwnershipAudit::auditTenant(int index)
{
    const QString host = m_results[index].hostname;
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"100"_s);
    // FACTS §2.3: bots by subject; a chosen owner by its exact subject (FACTS §5.1 filter grammar).
    const QString filter = m_options.selection == Selection::Subject ? u"subject eq "_s + quoted(m_options.subject)
                                                                     : u"subject co \"qlikbot\""_s;
    query.addQueryItem(u"filter"_s, filter);
    ApiCall call = ApiCall::get(host, u"/api/v1/users"_s, query);
    call.profileName = m_options.profileName;
    m_pendingPerTenant[index] = 1;
    if (m_options.tenantAdmins) {
        ++m_pendingPerTenant[index];
        listTenantAdmins(index);
    }
    fetchAll(index, call, [this, index](const QJsonArray &items, const QString &error) {
        TenantOwnership &tenant = m_results[index];
        if (!error.isEmpty()) {
            tenant.error = error;
            tenantStepDone(index);
            return;
        }
        const Parsed<QList<User>> users = ResourcePage<User>::readItems(items, &User::read);
        if (!users.ok()) {
            tenant.error = u"unexpected answer from /api/v1/users: "_s + users.error;
            tenantStepDone(index);
            return;
        }
        for (const User &user : *users.value) {
            if (user.isBot()) // `co` is a substring match: keep real bots only
                tenant.bots.append(
                    BotIdentity::classify(user, m_options.configuredClientIds, m_options.deletedClientIds));
        }
        for (const User &user : *users.value) {
            bool selected = false;
            switch (m_options.selection) {
            case Selection::AllBots:
                selected = user.isBot();
                break;
            case Selection::OrphanedBots:
                selected = user.isBot() && tenant.bot(user.id)->standing == BotIdentity::Standing::Orphaned;
                break;
            case Selection::Subject:
                selected = user.subject.compare(m_options.subject, Qt::CaseInsensitive) == 0;
                break;
            }
            if (selected)
                tenant.owners.append(user);
        }
        for (const User &owner : std::as_const(tenant.owners))
            listOwned(index, owner.id);
        if (m_options.lastActivity) {
            for (const BotIdentity &bot : std::as_const(tenant.bots))
                readLastActivity(index, bot.user.id);
        }
        tenantStepDone(index);
    });
}

void OwnershipAudit::listTenantAdmins(int index)
{
    // FACTS §5.1: assignedRoles.name and assignedGroupsAssignedRoles.name take `eq`; people who
    // can no longer sign in (disabled, deleted) are left out.
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"100"_s);
    query.addQueryItem(u"filter"_s,
                       u"(assignedRoles.name eq \"TenantAdmin\" or assignedGroupsAssignedRoles.name eq "
                       u"\"TenantAdmin\") and (status eq \"active\" or status eq \"invited\" or status eq "
                       u"\"provisioned\")"_s);
    ApiCall call = ApiCall::get(m_results[index].hostname, u"/api/v1/users"_s, query);
    call.profileName = m_options.profileName;
    fetchAll(index, call, [this, index](const QJsonArray &items, const QString &error) {
        TenantOwnership &tenant = m_results[index];
        const Parsed<QList<User>> users = error.isEmpty() ? ResourcePage<User>::readItems(items, &User::read)
                                                          : Parsed<QList<User>>{std::nullopt, error};
        if (!users.ok()) {
            tenant.error += (tenant.error.isEmpty() ? QString() : u"; "_s) + u"TenantAdmins: "_s + users.error;
        } else {
            for (const User &user : *users.value) {
                if (!user.isBot())
                    tenant.tenantAdmins.append(user);
            }
        }
        tenantStepDone(index);
    });
}

// FACTS §13: the newest event of the user, one of them only (no paging).
void OwnershipAudit::readLastActivity(int index, const QString &botId)
{
    ApiCall call = ApiCall::get(m_results[index].hostname, u"/api/v1/audits"_s,
                                QUrlQuery{{u"userId"_s, botId}, {u"sort"_s, u"-eventTime"_s}, {u"limit"_s, u"1"_s}});
    call.profileName = m_options.profileName;
    ++m_pendingPerTenant[index];
    m_client.send(call, this, [this, index, botId](const ApiResult &result) {
        TenantOwnership &tenant = m_results[index];
        ++tenant.requests;
        const auto problem = [&tenant, &botId](const QString &what) {
            tenant.error += (tenant.error.isEmpty() ? QString() : u"; "_s)
                + u"last activity of %1 (/api/v1/audits): %2"_s.arg(botId, what);
        };
        if (!result.ok()) {
            problem(result.error().message());
        } else {
            const QJsonValue events = result.json().object().value(u"data"_s);
            const QJsonValue time = events.toArray().at(0).toObject().value(u"eventTime"_s);
            const QDateTime when = QDateTime::fromString(time.toString(), Qt::ISODateWithMs);
            if (!events.isArray())
                problem(u"the answer has no data array"_s);
            else if (!events.toArray().isEmpty() && !when.isValid())
                problem(u"data[0].eventTime is not a date: '%1'"_s.arg(time.toString()));
            else if (when.isValid()) {
                for (BotIdentity &bot : tenant.bots) {
                    if (bot.user.id == botId)
                        bot.lastActivity = when;
                }
            }
        }
        tenantStepDone(index);
    });
}

void OwnershipAudit::listOwned(int index, const QString &ownerId)
{
    const QString host = m_results[index].hostname;
    struct Source
    {
        QString path;
        QUrlQuery query;
        OwnedResource (*read)(const QJsonObject &, QString *);
    };
    // FACTS §11.2: where each kind of content is found by owner. Items cover apps (staged and
    // published), automations and the other catalog types.
    const QList<Source> sources{
        {u"/api/v1/items"_s, QUrlQuery{{u"ownerId"_s, ownerId}, {u"limit"_s, u"100"_s}, {u"noActions"_s, u"true"_s}},
         &OwnedResource::fromItem},
        {u"/api/v1/spaces"_s, QUrlQuery{{u"ownerId"_s, ownerId}, {u"limit"_s, u"100"_s}}, &OwnedResource::fromSpace},
        {u"/api/v1/data-connections"_s, QUrlQuery{{u"userId"_s, ownerId}, {u"limit"_s, u"100"_s}},
         &OwnedResource::fromDataConnection},
        {u"/api/v1/automation-connections"_s,
         QUrlQuery{
             {u"filter"_s, u"ownerId eq "_s + quoted(ownerId)}, {u"listAll"_s, u"true"_s}, {u"limit"_s, u"100"_s}},
         &OwnedResource::fromAutomationConnection},
        {u"/api/v1/data-files"_s,
         QUrlQuery{{u"ownerId"_s, ownerId},
                   {u"includeAllSpaces"_s, u"true"_s},
                   {u"includeFolders"_s, u"true"_s},
                   {u"limit"_s, u"1000"_s}},
         &OwnedResource::fromDataFile},
    };
    for (const Source &source : sources) {
        ApiCall call = ApiCall::get(host, source.path, source.query);
        call.profileName = m_options.profileName;
        ++m_pendingPerTenant[index];
        fetchAll(index, call,
                 [this, index, ownerId, read = source.read, path = source.path](const QJsonArray &items,
                                                                                const QString &error) {
                     TenantOwnership &tenant = m_results[index];
                     if (!error.isEmpty()) {
                         tenant.error += (tenant.error.isEmpty() ? QString() : u"; "_s) + error;
                     } else {
                         for (qsizetype i = 0; i < items.size(); ++i) {
                             QString problem;
                             OwnedResource resource = read(items.at(i).toObject(), &problem);
                             if (!problem.isEmpty()) {
                                 tenant.error += (tenant.error.isEmpty() ? QString() : u"; "_s)
                                     + u"unexpected answer from %1: data[%2]: %3"_s.arg(path).arg(i).arg(problem);
                                 continue;
                             }
                             resource.ownerId = ownerId; // asked by owner: data files may omit it
                             tenant.resources.append(resource);
                         }
                     }
                     tenantStepDone(index);
                 });
    }
}

void OwnershipAudit::tenantStepDone(int index)
{
    if (--m_pendingPerTenant[index] > 0)
        return;
    Q_EMIT tenantAudited(index);
    --m_running;
    startNext();
}

} // namespace Cloud
