#pragma once

#include "estatesession.h"
#include "jobboard.h"
#include "ops/onboardingplanbuilder.h"
#include "ops/onboardingtemplate.h"

#include <QPointer>
#include <QWizard>

class OnboardingContentPage;
class OnboardingCustomerPage;
class OnboardingGroupsPage;
class OnboardingIdentityPage;
class OnboardingOriginsPage;
class OnboardingReviewPage;
class OnboardingSpacesPage;
class OnboardingTemplatePage;

// Onboard Customer… (issue 6): customer & region → template (the source tenant, recovery admin and
// seats; load a template file or save the answers as one) → identity provider → groups & roles →
// spaces → web origins → content → review, where the plan's dry run shows per step what Apply would
// do. Apply hands exactly that plan to the JobBoard (the activity panel runs it; the wizard closes);
// "Save as Plan…" writes it for `tenantryctl apply`. The answers are an Ops::OnboardingTemplate plus
// the customer, turned into the plan by Ops::OnboardingPlanBuilder. Open it with open(), never exec().
class OnboardingWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingWizard)

public:
    enum PageId {
        CustomerPageId,
        TemplatePageId,
        IdentityPageId,
        GroupsPageId,
        SpacesPageId,
        OriginsPageId,
        ContentPageId,
        ReviewPageId
    };

    // `session` and `board` are not owned and must outlive the wizard; `regionId` starts selected.
    OnboardingWizard(EstateSession *session, JobBoard *board, const QString &regionId, QWidget *parent = nullptr);
    ~OnboardingWizard() override;

    [[nodiscard]] EstateSession *session() const { return m_session; }
    [[nodiscard]] JobBoard *jobBoard() const { return m_board; }

    [[nodiscard]] OnboardingCustomerPage *customerPage() const { return m_customer; }
    [[nodiscard]] OnboardingTemplatePage *templatePage() const { return m_template; }
    [[nodiscard]] OnboardingIdentityPage *identityPage() const { return m_identity; }
    [[nodiscard]] OnboardingGroupsPage *groupsPage() const { return m_groups; }
    [[nodiscard]] OnboardingSpacesPage *spacesPage() const { return m_spaces; }
    [[nodiscard]] OnboardingOriginsPage *originsPage() const { return m_origins; }
    [[nodiscard]] OnboardingContentPage *contentPage() const { return m_content; }
    [[nodiscard]] OnboardingReviewPage *reviewPage() const { return m_review; }

    // The template the pages describe so far (everything but the customer).
    [[nodiscard]] Ops::OnboardingTemplate onboardingTemplate() const;
    // Fills every page from `onboardingTemplate` (Load Template…); the customer stays.
    void setOnboardingTemplate(const Ops::OnboardingTemplate &onboardingTemplate);
    // The template and the customer, ready to make the plan.
    [[nodiscard]] Ops::OnboardingPlanBuilder planBuilder() const;

    // Writes the template to `path`; an empty string on success, otherwise what went wrong.
    [[nodiscard]] QString saveTemplate(const QString &path) const;
    // Asks for a file (window-modal, no nested event loop) and saves the template there.
    void chooseAndSaveTemplate();

    // The apply job Finish started; empty before.
    [[nodiscard]] QString appliedJobId() const { return m_appliedJobId; }

Q_SIGNALS:
    // Apply started the onboarding as job `jobId` of the JobBoard (the wizard closes next).
    void onboardingStarted(const QString &jobId);
    // A template file was saved (`error` empty) or not.
    void templateSaved(const QString &path, const QString &error);

private:
    friend class OnboardingReviewPage;
    void noteApplied(const QString &jobId);
    // The credential profile for creating tenants in `regionId`: a region-tier profile of the session.
    [[nodiscard]] QString regionProfile(const QString &regionId) const;

    QPointer<EstateSession> m_session;
    QPointer<JobBoard> m_board;
    OnboardingCustomerPage *m_customer = nullptr;
    OnboardingTemplatePage *m_template = nullptr;
    OnboardingIdentityPage *m_identity = nullptr;
    OnboardingGroupsPage *m_groups = nullptr;
    OnboardingSpacesPage *m_spaces = nullptr;
    OnboardingOriginsPage *m_origins = nullptr;
    OnboardingContentPage *m_content = nullptr;
    OnboardingReviewPage *m_review = nullptr;
    QString m_appliedJobId;
};
