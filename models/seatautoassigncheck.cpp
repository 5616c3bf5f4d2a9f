#include "seatautoassigncheck.h"

#include "cloud/cloudclient.h"
#include "estatemodel.h"
#include "tenantlicense.h"

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
    qDeleteAll(m_loads); // their answers are dropped with them
    m_loads.clear();
    m_left = 0;
    m_checked = 0;
    m_takingSeats.clear();
    m_failed.clear();
    for (const QModelIndex &index : tenants) {
        if (!m_client || !m_estate || m_estate->kind(index) != EstateNodeKind::Tenant)
            continue;
        const QString status = index.data(int(EstateModel::Role::Status)).toString();
        if (status == "disabled"_L1 || status == "deactivated"_L1)
            continue; // a deactivated tenant answers nothing (FACTS §3.3)
        auto *license = new TenantLicense(m_client, this);
        m_loads.append(license);
        ++m_left;
        const QPersistentModelIndex tenant = index;
        connect(license, &TenantLicense::finished, this, [this, license, tenant] { onLoaded(license, tenant); });
        license->load(index.data(int(EstateModel::Role::Hostname)).toString());
    }
    if (m_left == 0) {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(0, {}, {}); });
    }
}

void SeatAutoAssignCheck::onLoaded(TenantLicense *license, const QPersistentModelIndex &tenant)
{
    const QString host = license->hostname();
    if (!license->settings()) {
        m_failed.append(host + u": "_s + license->errors().join(u"; "_s));
    } else {
        ++m_checked;
        const bool takes = license->takesSeatsAutomatically();
        if (takes)
            m_takingSeats.append(host);
        if (m_estate && tenant.isValid())
            m_estate->noteSeatAutoAssignment(tenant, takes);
    }
    m_loads.removeOne(license);
    license->deleteLater();
    if (--m_left > 0)
        return;
    m_takingSeats.sort();
    m_failed.sort();
    Q_EMIT finished(m_checked, m_takingSeats, m_failed);
}
