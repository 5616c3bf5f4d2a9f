#include "ui/onboardingcontentpage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "sourceappcatalog.h"
#include "ui/iconcatalog.h"
#include "ui/onboardingcustomerpage.h"
#include "ui/onboardingtemplatepage.h"
#include "ui/onboardingwizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int appIdRole = Qt::UserRole;

} // namespace

OnboardingContentPage::OnboardingContentPage(QWidget *parent)
    : QWizardPage(parent)
    , m_catalog(new SourceAppCatalog(this))
{
    setObjectName(u"onboardingContentPage"_s);
    setTitle(tr("Content"));
    setSubTitle(tr("Apps of the source tenant's shared spaces to import into staging and publish to production."));
    m_apps = new QTreeWidget(this);
    m_apps->setObjectName(u"contentApps"_s);
    m_apps->setHeaderLabels({tr("App"), tr("Shared space")});
    m_apps->setRootIsDecorated(false);
    m_apps->setUniformRowHeights(true);
    m_apps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_status = new QLabel(this);
    m_status->setObjectName(u"contentStatus"_s);
    m_status->setWordWrap(true);
    m_copies = new QLabel(this);
    m_copies->setObjectName(u"contentCopies"_s);
    m_copies->setWordWrap(true);
    m_copies->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_apps, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_copies);
    connect(m_catalog, &SourceAppCatalog::finished, this, &OnboardingContentPage::showApps);
}

OnboardingContentPage::~OnboardingContentPage() = default;

OnboardingWizard *OnboardingContentPage::onboardingWizard() const
{
    return qobject_cast<OnboardingWizard *>(wizard());
}

bool OnboardingContentPage::isLoading() const
{
    return m_catalog->isLoading();
}

void OnboardingContentPage::initializePage()
{
    OnboardingWizard *wizard = onboardingWizard();
    if (!wizard || !wizard->session())
        return;
    Ops::OnboardingTemplate answers;
    wizard->templatePage()->describe(&answers);
    showCopies(answers.source);
    if (answers.source == m_loadedSource)
        return; // Back and Next again: keep the list and the checks
    m_wanted = selectedApps().isEmpty() ? m_wanted : selectedApps();
    m_loadedSource = answers.source;
    m_apps->clear();
    m_status->setText(tr("Loading the apps of %1…").arg(answers.source));
    const QModelIndex tenant = wizard->session()->model()->tenantIndex(answers.source);
    m_catalog->setCloudClient(wizard->session()->client());
    m_catalog->load(answers.source,
                    tenant.isValid() ? tenant.data(int(EstateModel::Role::RegionId)).toString()
                                     : wizard->customerPage()->regionId());
    Q_EMIT completeChanged();
}

void OnboardingContentPage::showApps(const QString &hostname)
{
    if (hostname != m_loadedSource)
        return;
    {
        const QSignalBlocker blocker(m_apps);
        m_apps->clear();
        for (const SourceAppCatalog::App &app : m_catalog->apps()) {
            auto *item = new QTreeWidgetItem(m_apps, {app.name, app.spaceName});
            item->setIcon(0, IconCatalog::icon(Icon::App));
            item->setData(0, appIdRole, app.id);
            item->setToolTip(0, app.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            bool wanted = false;
            for (const Ops::OnboardingTemplate::App &want : std::as_const(m_wanted))
                wanted = wanted || (want.id.isEmpty() ? want.name == app.name : want.id == app.id);
            item->setCheckState(0, wanted ? Qt::Checked : Qt::Unchecked);
        }
    }
    if (!m_catalog->errorString().isEmpty())
        m_status->setText(tr("Could not list every app of %1: %2").arg(hostname, m_catalog->errorString()));
    else if (m_catalog->apps().isEmpty())
        m_status->setText(tr("%1 has no app in a shared space; the tenant starts empty.").arg(hostname));
    else
        m_status->setText(tr("%n app(s) of %1. Check the apps the customer gets; none is fine.", nullptr,
                             int(m_catalog->apps().size()))
                              .arg(hostname));
    Q_EMIT completeChanged();
}

QList<Ops::OnboardingTemplate::App> OnboardingContentPage::selectedApps() const
{
    if (m_catalog->isLoading() || m_apps->topLevelItemCount() == 0)
        return m_wanted; // not listed (yet): the template's choice stands
    QList<Ops::OnboardingTemplate::App> apps;
    for (int i = 0; i < m_apps->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_apps->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            apps.append({item->data(0, appIdRole).toString(), item->text(0)});
    }
    return apps;
}

bool OnboardingContentPage::isComplete() const
{
    return !m_catalog->isLoading();
}

void OnboardingContentPage::describe(Ops::OnboardingTemplate *onboardingTemplate) const
{
    onboardingTemplate->apps = selectedApps();
    onboardingTemplate->extensions = m_extensions;
    onboardingTemplate->themes = m_themes;
    onboardingTemplate->automations = m_automations;
    onboardingTemplate->embedCheck = m_embedCheck;
}

void OnboardingContentPage::showCopies(const QString &hostname)
{
    QStringList parts;
    if (!m_extensions.isEmpty())
        parts.append(tr("extensions %1").arg(m_extensions.join(u", "_s)));
    if (!m_themes.isEmpty())
        parts.append(tr("themes %1").arg(m_themes.join(u", "_s)));
    if (!m_automations.isEmpty())
        parts.append(tr("automations %1").arg(m_automations.join(u", "_s)));
    m_copies->setText(parts.isEmpty()
                          ? tr("The template copies no extension, theme or automation from %1.").arg(hostname)
                          : tr("Also copied from %1, as the template says: %2.").arg(hostname, parts.join(u"; "_s)));
}

void OnboardingContentPage::showTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_wanted = onboardingTemplate.apps;
    m_extensions = onboardingTemplate.extensions;
    m_themes = onboardingTemplate.themes;
    m_automations = onboardingTemplate.automations;
    m_embedCheck = onboardingTemplate.embedCheck;
    showCopies(onboardingTemplate.source);
    const QSignalBlocker blocker(m_apps);
    for (int i = 0; i < m_apps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_apps->topLevelItem(i);
        bool wanted = false;
        for (const Ops::OnboardingTemplate::App &want : onboardingTemplate.apps)
            wanted = wanted
                || (want.id.isEmpty() ? want.name == item->text(0) : want.id == item->data(0, appIdRole).toString());
        item->setCheckState(0, wanted ? Qt::Checked : Qt::Unchecked);
    }
}
