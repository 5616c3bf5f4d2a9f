#include "sourceappcatalog.h"

#include "cloud/apicall.h"
#include "cloud/apierror.h"
#include "cloud/apipage.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"
#include "cloud/resources/item.h"
#include "cloud/resources/resourcepage.h"
#include "cloud/resources/space.h"

#include <QUrlQuery>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr auto listLimit = "100"_L1; // FACTS §14.1: the largest page of spaces and items

} // namespace

SourceAppCatalog::SourceAppCatalog(QObject *parent)
    : QObject(parent)
{ }

SourceAppCatalog::~SourceAppCatalog()
{
    cancel();
}

void SourceAppCatalog::setCloudClient(Cloud::CloudClient *client)
{
    cancel();
    m_client = client;
}

void SourceAppCatalog::cancel()
{
    ++m_generation; // answers still on their way are dropped
    m_pending = 0;
    const QList<QPointer<Cloud::Pager>> pagers = std::exchange(m_pagers, {});
    for (const QPointer<Cloud::Pager> &pager : pagers) {
        if (pager)
            pager->cancel();
    }
}

void SourceAppCatalog::load(const QString &hostname, const QString &regionId)
{
    cancel();
    m_hostname = hostname;
    m_regionId = regionId;
    m_apps.clear();
    m_error.clear();
    if (!m_client) {
        m_error = tr("not connected");
        Q_EMIT finished(m_hostname);
        return;
    }
    const quint64 generation = m_generation;
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, listLimit);
    Cloud::ApiCall call = Cloud::ApiCall::get(hostname, u"/api/v1/spaces"_s, query);
    call.regionHint = regionId;
    Cloud::Pager *pager = m_client->list(call);
    m_pagers.append(pager);
    ++m_pending;
    connect(pager, &Cloud::Pager::pageReceived, this, [this, generation](const Cloud::ApiPage &page) {
        if (generation != m_generation)
            return;
        const Cloud::Parsed<QList<Cloud::Space>> spaces
            = Cloud::ResourcePage<Cloud::Space>::readItems(page.items, &Cloud::Space::read);
        if (!spaces.ok()) {
            m_error = tr("unexpected spaces list from %1: %2").arg(m_hostname, spaces.error);
            return;
        }
        for (const Cloud::Space &space : *spaces.value) {
            if (space.isShared())
                listApps(space.id, space.name);
        }
    });
    connect(pager, &Cloud::Pager::finished, this, [this, generation](const Cloud::ApiError &error) {
        pagerFinished(generation, error.isNull() ? QString() : tr("spaces of %1: %2").arg(m_hostname, error.message()));
    });
}

void SourceAppCatalog::listApps(const QString &spaceId, const QString &spaceName)
{
    const quint64 generation = m_generation;
    QUrlQuery query;
    query.addQueryItem(u"resourceType"_s, u"app"_s);
    query.addQueryItem(u"spaceId"_s, spaceId);
    query.addQueryItem(u"limit"_s, listLimit);
    Cloud::ApiCall call = Cloud::ApiCall::get(m_hostname, u"/api/v1/items"_s, query);
    call.regionHint = m_regionId;
    Cloud::Pager *pager = m_client->list(call);
    m_pagers.append(pager);
    ++m_pending;
    connect(pager, &Cloud::Pager::pageReceived, this,
            [this, generation, spaceId, spaceName](const Cloud::ApiPage &page) {
                if (generation != m_generation)
                    return;
                const Cloud::Parsed<QList<Cloud::Item>> items
                    = Cloud::ResourcePage<Cloud::Item>::readItems(page.items, &Cloud::Item::read);
                if (!items.ok()) {
                    m_error = tr("unexpected items list of space '%1': %2").arg(spaceName, items.error);
                    return;
                }
                for (const Cloud::Item &item : *items.value) {
                    const QString id = item.app && !item.app->id.isEmpty() ? item.app->id : item.resourceId;
                    m_apps.append({id, item.name, spaceId, spaceName, item.resourceUpdatedAt});
                }
            });
    connect(pager, &Cloud::Pager::finished, this, [this, generation, spaceName](const Cloud::ApiError &error) {
        pagerFinished(generation,
                      error.isNull() ? QString() : tr("apps of space '%1': %2").arg(spaceName, error.message()));
    });
}

void SourceAppCatalog::pagerFinished(quint64 generation, const QString &error)
{
    if (generation != m_generation)
        return;
    if (!error.isEmpty() && m_error.isEmpty())
        m_error = error;
    if (--m_pending > 0)
        return;
    m_pagers.clear();
    std::sort(m_apps.begin(), m_apps.end(), [](const App &a, const App &b) {
        const int bySpace = a.spaceName.compare(b.spaceName, Qt::CaseInsensitive);
        return bySpace != 0 ? bySpace < 0 : a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    Q_EMIT finished(m_hostname);
}
