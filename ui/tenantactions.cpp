#include "ui/tenantactions.h"

#include "cloud/inventorytenant.h"
#include "cloud/tenantinventory.h"
#include "cloud/tenantlifecycle.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "tenanttagstore.h"
#include "ui/iconcatalog.h"
#include "ui/typedconfirmationdialog.h"

#include <QDateTime>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace {

using Role = EstateModel::Role;

Cloud::TenantLifecycle::Target targetOf(const QModelIndex &tenant)
{
    // The generated hostname (first) tells the region; an alias may not (FACTS §3.2).
    return {tenant.data(int(Role::Hostnames)).toStringList().value(0), tenant.data(int(Role::TenantId)).toString(),
            tenant.data(int(Role::RegionId)).toString()};
}

QString shownHostname(const QModelIndex &tenant)
{
    const QStringList hostnames = tenant.data(int(Role::Hostnames)).toStringList();
    return hostnames.size() > 1 ? hostnames.at(1) : hostnames.value(0);
}

bool isInactive(const QModelIndex &tenant)
{
    const QString status = tenant.data(int(Role::Status)).toString();
    return status == "disabled"_L1 || status == "deactivated"_L1;
}

} // namespace

TenantActions::TenantActions(QWidget *window)
    : QObject(window)
    , m_window(window)
{ }

TenantActions::~TenantActions() = default;

void TenantActions::setSession(EstateSession *session)
{
    m_lifecycle.reset();
    m_session = session;
    if (session)
        m_lifecycle = std::make_unique<Cloud::TenantLifecycle>(session->client());
}

bool TenantActions::isProduction(const QModelIndex &tenant) const
{
    return m_session && m_session->model()->tenantTags(tenant).contains(TenantTagStore::production);
}

void TenantActions::report(bool ok, const QString &message)
{
    Q_EMIT finished(ok, message);
}

void TenantActions::addActions(QMenu *menu, const QModelIndexList &tenants)
{
    if (!m_session)
        return;
    menu->addSeparator();
    QAction *add = menu->addAction(IconCatalog::icon(Icon::Add), tr("&Add Tenant by Hostname…"), this,
                                   &TenantActions::addTenantByHostname);
    add->setObjectName(u"addTenantAction"_s);
    if (tenants.size() != 1)
        return;
    const QPersistentModelIndex tenant = tenants.constFirst();
    QAction *alias = menu->addAction(IconCatalog::icon(Icon::Edit), tr("Edit &Alias…"), this,
                                     [this, tenant] { editAlias(tenant); });
    alias->setObjectName(u"editAliasAction"_s);
    alias->setEnabled(!isInactive(tenant));
    if (!isInactive(tenant)) {
        QAction *action = menu->addAction(IconCatalog::icon(Icon::Deactivate), tr("&Deactivate…"), this,
                                          [this, tenant] { deactivate(tenant); });
        action->setObjectName(u"deactivateAction"_s);
        return;
    }
    // Reactivation works until the purge date (FACTS §3.3).
    const QDateTime purge = tenant.data(int(Role::PurgeDate)).toDateTime();
    QAction *action = menu->addAction(IconCatalog::icon(Icon::Reactivate), tr("&Reactivate…"), this,
                                      [this, tenant] { reactivate(tenant); });
    action->setObjectName(u"reactivateAction"_s);
    action->setEnabled(!purge.isValid() || purge > QDateTime::currentDateTimeUtc());
}

void TenantActions::addTenantByHostname()
{
    if (!m_session)
        return;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(u"addTenantDialog"_s);
    dialog->setWindowTitle(tr("Add Tenant by Hostname"));
    dialog->setLabelText(tr("The tenant's hostname (its generated name or its alias), e.g. "
                            "acme.eu.qlikcloud.com. It is added to this computer's tenant inventory."));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        if (!m_session)
            return;
        const Cloud::InventoryTenant entry = Cloud::InventoryTenant::fromHostname(text);
        if (const QString error = entry.validationError(); !error.isEmpty()) {
            report(false, error);
            return;
        }
        if (m_session->model()->tenantIndex(entry.hostname).isValid()) {
            report(false, tr("%1 is already in the estate.").arg(entry.hostname));
            return;
        }
        if (const QString error = m_session->inventory()->add(entry); !error.isEmpty()) {
            report(false, error);
            return;
        }
        report(true, tr("%1 added to the tenant inventory.").arg(entry.hostname));
    });
    dialog->open();
}

void TenantActions::editAlias(const QModelIndex &index)
{
    if (!m_session || !index.isValid())
        return;
    const QPersistentModelIndex tenant = index;
    const QStringList hostnames = tenant.data(int(Role::Hostnames)).toStringList();
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(u"aliasDialog"_s);
    dialog->setWindowTitle(tr("Edit Alias Hostname"));
    dialog->setLabelText(tr("The alias of %1, a hostname in its region (e.g. customer-a.%2.qlikcloud.com):")
                             .arg(hostnames.value(0), tenant.data(int(Role::RegionId)).toString()));
    dialog->setTextValue(hostnames.value(1));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, tenant](const QString &text) {
        const QString alias = text.trimmed().toLower();
        if (const QString error
            = Cloud::TenantLifecycle::aliasError(alias, tenant.data(int(Role::RegionId)).toString());
            !error.isEmpty()) {
            report(false, error);
            return;
        }
        if (!isProduction(tenant)) {
            sendAlias(tenant, alias);
            return;
        }
        // A production tenant's users reach it by its alias: changing it is confirmed by typing.
        const QString hostname = shownHostname(tenant);
        auto *confirm = new TypedConfirmationDialog(
            tr("Change a Production Tenant's Alias"),
            tr("<b>%1</b> is tagged production. Its users and embedding sites reach it by this hostname; "
               "after the change they must use <b>%2</b>.")
                .arg(hostname.toHtmlEscaped(), alias.toHtmlEscaped()),
            hostname, m_window);
        confirm->setActionText(tr("Change Alias"));
        confirm->setAttribute(Qt::WA_DeleteOnClose);
        connect(confirm, &QDialog::accepted, this, [this, tenant, alias] { sendAlias(tenant, alias); });
        confirm->open();
    });
    dialog->open();
}

void TenantActions::sendAlias(const QPersistentModelIndex &tenant, const QString &alias)
{
    if (!m_lifecycle || !tenant.isValid())
        return;
    m_lifecycle->setAlias(targetOf(tenant), alias, this,
                          [this, tenant, alias](const Cloud::TenantLifecycle::Outcome &outcome) {
                              if (outcome.ok && m_session && tenant.isValid())
                                  m_session->model()->noteTenantLifecycle(tenant, {}, {}, outcome.tenantId, alias);
                              report(outcome.ok, outcome.message);
                          });
}

void TenantActions::deactivate(const QModelIndex &index)
{
    if (!m_session || !index.isValid())
        return;
    const QPersistentModelIndex tenant = index;
    const QString hostname = shownHostname(tenant);
    QString message = tr("Deactivating <b>%1</b> signs everyone out and refuses every call to it. Qlik purges it "
                         "(with all its content) after the delay below; until then it can be reactivated.")
                          .arg(hostname.toHtmlEscaped());
    if (isProduction(tenant))
        message += u"<p>"_s + tr("<b>This tenant is tagged production.</b>") + u"</p>"_s;
    auto *dialog = new TypedConfirmationDialog(tr("Deactivate Tenant"), message, hostname, m_window);
    dialog->setObjectName(u"deactivateDialog"_s);
    dialog->setActionText(tr("Deactivate"));
    auto *days = new QSpinBox;
    days->setObjectName(u"purgeDaysSpin"_s);
    days->setRange(Cloud::TenantLifecycle::minPurgeDays, Cloud::TenantLifecycle::maxPurgeDays);
    days->setValue(Cloud::TenantLifecycle::defaultPurgeDays);
    days->setSuffix(tr(" days"));
    dialog->addField(tr("Purge after:"), days);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, tenant, dialog, days] {
        if (!m_lifecycle || !tenant.isValid())
            return;
        // The typed hostname is one of the tenant's: Qlik checks it again (412 otherwise).
        m_lifecycle->deactivate(targetOf(tenant), days->value(), dialog->phrase(), this,
                                [this, tenant](const Cloud::TenantLifecycle::Outcome &outcome) {
                                    if (outcome.ok && m_session && tenant.isValid())
                                        m_session->model()->noteTenantLifecycle(tenant, outcome.status,
                                                                                outcome.purgeDate, outcome.tenantId);
                                    report(outcome.ok, outcome.message);
                                });
    });
    dialog->open();
}

void TenantActions::reactivate(const QModelIndex &index)
{
    if (!m_session || !index.isValid())
        return;
    const QPersistentModelIndex tenant = index;
    const QString hostname = shownHostname(tenant);
    const QDateTime purge = tenant.data(int(Role::PurgeDate)).toDateTime();
    auto *box
        = new QMessageBox(QMessageBox::Question, tr("Reactivate Tenant"),
                          purge.isValid() ? tr("Reactivate %1? It is due to be purged from %2.")
                                                .arg(hostname, purge.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s))
                                          : tr("Reactivate %1?").arg(hostname),
                          QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setObjectName(u"reactivateConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, tenant, hostname] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes || !m_lifecycle || !tenant.isValid())
            return;
        m_lifecycle->reactivate(
            targetOf(tenant), hostname, this, [this, tenant](const Cloud::TenantLifecycle::Outcome &outcome) {
                if (outcome.ok && m_session && tenant.isValid())
                    m_session->model()->noteTenantLifecycle(tenant, outcome.status, {}, outcome.tenantId);
                report(outcome.ok, outcome.message);
            });
    });
    box->open();
}
