#include "tenantlicense.h"

#include "cloud/apicall.h"
#include "cloud/apipage.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/pager.h"
#include "cloud/resources/parsed.h"
#include "cloud/resources/resourcepage.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

TenantLicense::TenantLicense(Cloud::CloudClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

TenantLicense::~TenantLicense() = default;

void TenantLicense::load(const QString &hostname)
{
    ++m_generation;
    m_host = hostname;
    m_errors.clear();
    m_pool.clear();
    m_licenseNumber.clear();
    m_product.clear();
    m_status.clear();
    m_settings.reset();
    m_assignments.clear();
    if (!m_client) {
        m_errors.append(tr("Not connected"));
        m_pending = 0;
        Q_EMIT changed();
        Q_EMIT finished();
        return;
    }
    m_pending = 3;
    const quint64 generation = m_generation;

    m_client->send(Cloud::ApiCall::get(hostname, u"/api/v1/licenses/overview"_s), this,
                   [this, generation](const Cloud::ApiResult &result) {
                       if (generation != m_generation)
                           return;
                       if (!result.ok()) {
                           m_errors.append(tr("License overview: %1").arg(result.error().message()));
                       } else {
                           const auto overview = Cloud::parseResource<Cloud::LicenseOverview>(result.response().body);
                           if (!overview.ok()) {
                               m_errors.append(tr("License overview: %1").arg(overview.error));
                           } else {
                               // Only what the page shows: the signed key stays out of this object.
                               m_licenseNumber = overview.value->licenseNumber;
                               m_product = overview.value->product;
                               m_status = overview.value->status;
                               for (const auto &allotment : overview.value->allotments)
                                   m_pool.append({allotment.name, allotment.usageClass, allotment.units,
                                                  allotment.unitsUsed, allotment.overage});
                           }
                       }
                       settle();
                   });

    m_client->send(Cloud::ApiCall::get(hostname, u"/api/v1/licenses/settings"_s), this,
                   [this, generation](const Cloud::ApiResult &result) {
                       if (generation != m_generation)
                           return;
                       if (!result.ok()) {
                           m_errors.append(tr("License settings: %1").arg(result.error().message()));
                       } else {
                           const auto settings = Cloud::parseResource<Cloud::LicenseSettings>(result.response().body);
                           if (settings.ok())
                               m_settings = *settings.value;
                           else
                               m_errors.append(tr("License settings: %1").arg(settings.error));
                       }
                       settle();
                   });

    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"100"_s);
    Cloud::Pager *pager = m_client->list(Cloud::ApiCall::get(hostname, u"/api/v1/licenses/assignments"_s, query));
    connect(pager, &Cloud::Pager::pageReceived, this, [this, generation](const Cloud::ApiPage &page) {
        if (generation != m_generation)
            return;
        const auto items
            = Cloud::ResourcePage<Cloud::LicenseAssignment>::readItems(page.items, &Cloud::LicenseAssignment::read);
        if (items.ok())
            m_assignments.append(*items.value);
        else
            m_errors.append(tr("License assignments: %1").arg(items.error));
        Q_EMIT changed();
    });
    connect(pager, &Cloud::Pager::finished, this, [this, generation](const Cloud::ApiError &error) {
        if (generation != m_generation)
            return;
        if (!error.isNull())
            m_errors.append(tr("License assignments: %1").arg(error.message()));
        settle();
    });
}

void TenantLicense::settle()
{
    m_pending = std::max(0, m_pending - 1);
    Q_EMIT changed();
    if (m_pending == 0)
        Q_EMIT finished();
}
