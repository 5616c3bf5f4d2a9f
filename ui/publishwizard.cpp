#include "ui/publishwizard.h"

#include "estatesession.h"
#include "jobboard.h"
#include "ui/iconcatalog.h"
#include "ui/publishdryrunpage.h"
#include "ui/publishoptionspage.h"
#include "ui/publishsourcepage.h"
#include "ui/publishtargetspage.h"

using namespace Qt::Literals::StringLiterals;

PublishWizard::PublishWizard(EstateSession *session, JobBoard *board, const QStringList &selectedTenants,
                             QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_board(board)
    , m_selectedTenants(selectedTenants)
{
    setObjectName(u"publishWizard"_s);
    setWindowTitle(tr("Publish Apps"));
    setWindowIcon(IconCatalog::icon(Icon::Publish));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CustomButton1, tr("Save as &Plan…"));
    setButtonText(QWizard::FinishButton, tr("&Apply"));
    m_source = new PublishSourcePage(this);
    m_targets = new PublishTargetsPage(this);
    m_options = new PublishOptionsPage(this);
    m_dryRun = new PublishDryRunPage(this);
    setPage(SourcePageId, m_source);
    setPage(TargetsPageId, m_targets);
    setPage(OptionsPageId, m_options);
    setPage(DryRunPageId, m_dryRun);
    // Save as Plan… belongs to the dry run page only.
    connect(this, &QWizard::currentIdChanged, this,
            [this](int id) { setOption(QWizard::HaveCustomButton1, id == DryRunPageId); });
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            m_dryRun->chooseAndSavePlan();
    });
    resize(860, 600);
}

PublishWizard::~PublishWizard() = default;

Ops::RolloutPlanBuilder PublishWizard::rollout() const
{
    Ops::RolloutPlanBuilder rollout;
    rollout.source = m_source->sourceHostname();
    rollout.apps = m_source->selectedAppIds();
    rollout.appLabels = m_source->selectedAppNames();
    rollout.targets = m_targets->targets();
    m_options->describe(&rollout);
    return rollout;
}

void PublishWizard::noteApplied(const QString &jobId)
{
    m_appliedJobId = jobId;
    Q_EMIT rolloutStarted(jobId);
}
