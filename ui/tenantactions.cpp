#include "ui/tenantactions.h"

#include "cloud/inventorytenant.h"
#include "cloud/tenantinventory.h"
#include "cloud/tenantlifecycle.h"
#include "estatemodel.h"
#include "estatesession.h"
#include "preferences.h"
#include "tenanttagstore.h"
#include "ui/iconcatalog.h"
#include "ui/typedconfirmationdialog.h"

#include <QDateTime>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>

#include <algorithm>
#include <memory>

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
    return Cloud::TenantLifecycle::isInactiveStatus(tenant.data(int(Role::Status)).toString());
}

bool isReactivatable(const QModelIndex &tenant)
{
    // Until the purge date (FACTS §3.3).
    const QDateTime purge = tenant.data(int(Role::PurgeDate)).toDateTime();
    return isInactive(tenant) && (!purge.isValid() || purge > QDateTime::currentDateTimeUtc());
}

// The hostnames of `tenants` for a confirmation: all of a few, the first ones of many.
QString hostnameList(const QList<QPersistentModelIndex> &tenants)
{
    constexpr qsizetype shown = 8;
    QStringList names;
    for (qsizetype i = 0; i < std::min(shown, tenants.size()); ++i)
        names.append(u"<li>"_s + shownHostname(tenants.at(i)).toHtmlEscaped() + u"</li>"_s);
    QString html = u"<ul>"_s + names.join(QString()) + u"</ul>"_s;
    if (tenants.size() > shown)
        html += TenantActions::tr("and %1 more.").arg(tenants.size() - shown);
    return html;
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
    if (tenants.size() > 1) {
        QModelIndexList active;
        QModelIndexList reactivatable;
        for (const QModelIndex &tenant : tenants) {
            if (!isInactive(tenant))
                active.append(tenant);
            else if (isReactivatable(tenant))
                reactivatable.append(tenant);
        }
        if (!active.isEmpty()) {
            QAction *action
                = menu->addAction(IconCatalog::icon(Icon::Deactivate), tr("&Deactivate %1 Tenants…").arg(active.size()),
                                  this, [this, active] { deactivateAll(active); });
            action->setObjectName(u"bulkDeactivateAction"_s);
        }
        if (!reactivatable.isEmpty()) {
            QAction *action = menu->addAction(IconCatalog::icon(Icon::Reactivate),
                                              tr("&Reactivate %1 Tenants…").arg(reactivatable.size()), this,
                                              [this, reactivatable] { reactivateAll(reactivatable); });
            action->setObjectName(u"bulkReactivateAction"_s);
        }
        return;
    }
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
    QAction *action = menu->addAction(IconCatalog::icon(Icon::Reactivate), tr("&Reactivate…"), this,
                                      [this, tenant] { reactivate(tenant); });
    action->setObjectName(u"reactivateAction"_s);
    action->setEnabled(isReactivatable(tenant));
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
        confirm->setTypingRequired(Preferences::needsTypedConfirmation(1));
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
    dialog->setTypingRequired(Preferences::needsTypedConfirmation(1));
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

void TenantActions::deactivateAll(const QModelIndexList &indexes)
{
    if (!m_session)
        return;
    QList<QPersistentModelIndex> tenants;
    int production = 0;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !isInactive(index)) {
            tenants.append(index);
            production += isProduction(index) ? 1 : 0;
        }
    }
    if (tenants.isEmpty())
        return;
    QString message = tr("Deactivating these %1 tenants signs everyone out of them and refuses every call. Qlik "
                         "purges each (with all its content) after the delay below; until then each can be "
                         "reactivated.")
                          .arg(tenants.size())
        + hostnameList(tenants);
    if (production > 0)
        message += u"<p>"_s + tr("<b>%1 of them are tagged production.</b>").arg(production) + u"</p>"_s;
    // Typing the count, not one hostname: the user confirms the size of what is about to happen.
    auto *dialog = new TypedConfirmationDialog(tr("Deactivate Tenants"), message,
                                               tr("deactivate %1 tenants").arg(tenants.size()), m_window);
    dialog->setObjectName(u"bulkDeactivateDialog"_s);
    dialog->setActionText(tr("Deactivate %1 Tenants").arg(tenants.size()));
    dialog->setTypingRequired(Preferences::needsTypedConfirmation(int(tenants.size())));
    auto *days = new QSpinBox;
    days->setObjectName(u"purgeDaysSpin"_s);
    days->setRange(Cloud::TenantLifecycle::minPurgeDays, Cloud::TenantLifecycle::maxPurgeDays);
    days->setValue(Cloud::TenantLifecycle::defaultPurgeDays);
    days->setSuffix(tr(" days"));
    dialog->addField(tr("Purge after:"), days);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, tenants, days] {
        const int purgeDays = days->value();
        runForEach(tenants, tr("deactivated"),
                   [this, purgeDays](const QPersistentModelIndex &tenant, Cloud::TenantLifecycle::Done done) {
                       // Each tenant's own hostname goes out as qlik-confirm-hostname (FACTS §3.3).
                       m_lifecycle->deactivate(targetOf(tenant), purgeDays, shownHostname(tenant), this,
                                               std::move(done));
                   });
    });
    dialog->open();
}

void TenantActions::reactivateAll(const QModelIndexList &indexes)
{
    if (!m_session)
        return;
    QList<QPersistentModelIndex> tenants;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && isReactivatable(index))
            tenants.append(index);
    }
    if (tenants.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Reactivate Tenants"),
                                tr("Reactivate these %1 tenants?").arg(tenants.size()) + hostnameList(tenants),
                                QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setObjectName(u"bulkReactivateConfirmation"_s);
    box->setTextFormat(Qt::RichText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, tenants] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes)
            return;
        runForEach(tenants, tr("reactivated"),
                   [this](const QPersistentModelIndex &tenant, Cloud::TenantLifecycle::Done done) {
                       m_lifecycle->reactivate(targetOf(tenant), shownHostname(tenant), this, std::move(done));
                   });
    });
    box->open();
}

void TenantActions::runForEach(const QList<QPersistentModelIndex> &tenants, const QString &pastTense,
                               const LifecycleCall &call)
{
    if (!m_lifecycle || !m_session)
        return;
    struct Tally
    {
        qsizetype left = 0;
        int succeeded = 0;
        QStringList failures;
    };
    auto tally = std::make_shared<Tally>();
    tally->left = tenants.size();
    for (const QPersistentModelIndex &tenant : tenants) {
        const QString hostname = shownHostname(tenant);
        call(tenant,
             [this, tenant, hostname, tally, pastTense,
              total = tenants.size()](const Cloud::TenantLifecycle::Outcome &outcome) {
                 if (outcome.ok) {
                     ++tally->succeeded;
                     if (m_session && tenant.isValid())
                         m_session->model()->noteTenantLifecycle(tenant, outcome.status, outcome.purgeDate,
                                                                 outcome.tenantId);
                 } else {
                     tally->failures.append(hostname + u": "_s + outcome.message);
                 }
                 if (--tally->left > 0)
                     return;
                 if (tally->failures.isEmpty()) {
                     report(true, tr("%1 tenants %2.").arg(total).arg(pastTense));
                     return;
                 }
                 tally->failures.sort();
                 report(false,
                        tr("%1 of %2 tenants %3; %4 failed:\n%5")
                            .arg(tally->succeeded)
                            .arg(total)
                            .arg(pastTense)
                            .arg(tally->failures.size())
                            .arg(tally->failures.join(u'\n')));
             });
    }
}
