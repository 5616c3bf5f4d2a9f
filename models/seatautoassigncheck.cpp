#include "seatautoassigncheck.h"

#include "cloud/apicall.h"
#include "cloud/apiresult.h"
#include "cloud/cloudclient.h"
#include "cloud/resources/licensesettings.h"
#include "cloud/resources/parsed.h"
#include "cloud/tenantlifecycle.h"
#include "estatemodel.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

SeatAutoAssignCheck::SeatAutoAssignCheck(Cloud::CloudClient *client, EstateModel *estate, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_estate(estate)
{ }

SeatAutoAssignCheck::~SeatAutoAssignCheck() = default;

void SeatAutoAssignCheck::start(const QModelIndexList &tenants)
{
    const quint64 generation = ++m_generation; // answers of a check still running are dropped
    m_left = 0;
    m_checked = 0;
    m_takingSeats.clear();
    m_failed.clear();
    for (const QModelIndex &index : tenants) {
        if (!m_client || !m_estate || m_estate->kind(index) != EstateNodeKind::Tenant)
            continue;
        if (Cloud::TenantLifecycle::isInactiveStatus(index.data(int(EstateModel::Role::Status)).toString()))
            continue; // a deactivated tenant answers nothing (FACTS §3.3)
        ++m_left;
        const QPersistentModelIndex tenant = index;
        const QString host = index.data(int(EstateModel::Role::Hostname)).toString();
        m_client->send(Cloud::ApiCall::get(host, u"/api/v1/licenses/settings"_s), this,
                       [this, generation, tenant, host](const Cloud::ApiResult &result) {
                           if (generation != m_generation)
                               return;
                           if (!result.ok()) {
                               m_failed.append(host + u": "_s + result.error().message());
                               settle();
                               return;
                           }
                           const auto settings = Cloud::parseResource<Cloud::LicenseSettings>(result.response().body);
                           if (!settings.ok()) {
                               m_failed.append(host + u": "_s + settings.error);
                           } else {
                               ++m_checked;
                               const bool takes
                                   = settings.value->autoAssignProfessional || settings.value->autoAssignAnalyzer;
                               if (takes)
                                   m_takingSeats.append(host);
                               if (m_estate && tenant.isValid())
                                   m_estate->noteSeatAutoAssignment(tenant, takes);
                           }
                           settle();
                       });
    }
    if (m_left == 0) {
        QTimer::singleShot(0, this, [this, generation] {
            if (generation == m_generation)
                Q_EMIT finished(0, {}, {});
        });
    }
}

void SeatAutoAssignCheck::settle()
{
    if (--m_left > 0)
        return;
    m_takingSeats.sort();
    m_failed.sort();
    Q_EMIT finished(m_checked, m_takingSeats, m_failed);
}
