#include "ui/onboardingwizard.h"

#include "cloud/credentialprofile.h"
#include "estatesession.h"
#include "jobboard.h"
#include "ui/iconcatalog.h"
#include "ui/onboardingcontentpage.h"
#include "ui/onboardingcustomerpage.h"
#include "ui/onboardinggroupspage.h"
#include "ui/onboardingidentitypage.h"
#include "ui/onboardingoriginspage.h"
#include "ui/onboardingreviewpage.h"
#include "ui/onboardingspacespage.h"
#include "ui/onboardingtemplatepage.h"

#include <QAbstractButton>
#include <QFileDialog>

using namespace Qt::Literals::StringLiterals;

OnboardingWizard::OnboardingWizard(EstateSession *session, JobBoard *board, const QString &regionId, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_board(board)
{
    setObjectName(u"onboardingWizard"_s);
    setWindowTitle(tr("Onboard Customer"));
    setWindowIcon(IconCatalog::icon(Icon::Onboard));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CustomButton1, tr("Save as &Plan…"));
    setButtonText(QWizard::CustomButton2, tr("Save as &Template…"));
    setButtonText(QWizard::FinishButton, tr("&Apply"));
    m_customer = new OnboardingCustomerPage(regionId, this);
    m_template = new OnboardingTemplatePage(this);
    m_identity = new OnboardingIdentityPage(this);
    m_groups = new OnboardingGroupsPage(this);
    m_spaces = new OnboardingSpacesPage(this);
    m_origins = new OnboardingOriginsPage(this);
    m_content = new OnboardingContentPage(this);
    m_review = new OnboardingReviewPage(this);
    setPage(CustomerPageId, m_customer);
    setPage(TemplatePageId, m_template);
    setPage(IdentityPageId, m_identity);
    setPage(GroupsPageId, m_groups);
    setPage(SpacesPageId, m_spaces);
    setPage(OriginsPageId, m_origins);
    setPage(ContentPageId, m_content);
    setPage(ReviewPageId, m_review);
    // Save as Plan… belongs to the review; Save as Template… to every page that holds template answers.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        setOption(QWizard::HaveCustomButton1, id == ReviewPageId);
        setOption(QWizard::HaveCustomButton2, id >= TemplatePageId);
    });
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            m_review->chooseAndSavePlan();
        else if (which == QWizard::CustomButton2)
            chooseAndSaveTemplate();
    });
    resize(900, 620);
}

OnboardingWizard::~OnboardingWizard() = default;

Ops::OnboardingTemplate OnboardingWizard::onboardingTemplate() const
{
    Ops::OnboardingTemplate answers;
    answers.region = m_customer->regionId();
    m_template->describe(&answers);
    m_identity->describe(&answers);
    m_groups->describe(&answers);
    m_spaces->describe(&answers);
    m_origins->describe(&answers);
    m_content->describe(&answers);
    return answers;
}

void OnboardingWizard::setOnboardingTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_customer->setRegionId(onboardingTemplate.region);
    m_template->showTemplate(onboardingTemplate);
    m_identity->showTemplate(onboardingTemplate);
    m_groups->showTemplate(onboardingTemplate);
    m_spaces->showTemplate(onboardingTemplate);
    m_origins->showTemplate(onboardingTemplate);
    m_content->showTemplate(onboardingTemplate);
}

Ops::OnboardingPlanBuilder OnboardingWizard::planBuilder() const
{
    Ops::OnboardingPlanBuilder builder;
    builder.onboardingTemplate = onboardingTemplate();
    builder.customer = m_customer->customer();
    builder.profile = regionProfile(builder.onboardingTemplate.region);
    return builder;
}

QString OnboardingWizard::regionProfile(const QString &regionId) const
{
    if (!m_session)
        return {};
    // Creating a tenant needs a region-tier client of that region (FACTS §2.2, §3.1).
    for (const Cloud::CredentialProfile &profile : m_session->profiles()) {
        if (profile.tier == Cloud::CredentialTier::Region && profile.region == regionId)
            return profile.name;
    }
    return {};
}

QString OnboardingWizard::saveTemplate(const QString &path) const
{
    const Ops::OnboardingTemplate answers = onboardingTemplate();
    if (const QStringList problems = answers.problems(); !problems.isEmpty())
        return tr("the template is not complete yet:\n%1").arg(problems.join(u'\n'));
    return answers.save(path);
}

void OnboardingWizard::chooseAndSaveTemplate()
{
    auto *dialog
        = new QFileDialog(this, tr("Save as Onboarding Template"), QString(), tr("Onboarding templates (*.json)"));
    dialog->setObjectName(u"saveTemplateDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"json"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString error = saveTemplate(path);
        Q_EMIT templateSaved(path, error);
    });
    dialog->open();
}

void OnboardingWizard::noteApplied(const QString &jobId)
{
    m_appliedJobId = jobId;
    Q_EMIT onboardingStarted(jobId);
}
