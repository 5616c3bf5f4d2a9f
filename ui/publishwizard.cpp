#include "ui/publishwizard.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "jobboard.h"
#include "ui/iconcatalog.h"
#include "ui/publishdryrunpage.h"
#include "ui/publishoptionspage.h"
#include "ui/publishsourcepage.h"
#include "ui/publishtargetspage.h"

#include <algorithm>
#include <iterator>

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
    rollout.appFiles = m_source->appFiles();
    rollout.targets = m_targets->targets();
    m_options->describe(&rollout);
    if (m_options->wave() == PublishOptionsPage::Wave::Tagged && m_session) {
        // The tagged tenants go first, as the first wave; the order within each part stays.
        const EstateModel *model = m_session->model();
        const QString tag = m_options->waveTag();
        const auto tagged = [model, &tag](const Ops::RolloutPlanBuilder::Target &target) {
            return model->tenantTags(model->tenantIndex(target.hostname)).contains(tag);
        };
        const auto rest = std::stable_partition(rollout.targets.begin(), rollout.targets.end(), tagged);
        rollout.firstWave = static_cast<int>(std::distance(rollout.targets.begin(), rest));
    }
    return rollout;
}

void PublishWizard::noteApplied(const QString &jobId)
{
    m_appliedJobId = jobId;
    Q_EMIT rolloutStarted(jobId);
}
