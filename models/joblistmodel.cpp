#include "joblistmodel.h"

#include "ops/job.h"
#include "ops/jobsummary.h"
#include "ops/journalreader.h"
#include "ops/journalreplay.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using Ops::JobState;

namespace {

constexpr int columns = static_cast<int>(JobListModel::Column::Count);

QStringList refTexts(const QList<Ops::ResourceRef> &refs)
{
    QStringList texts;
    for (const Ops::ResourceRef &ref : refs)
        texts.append(ref.kind + u' ' + ref.id);
    return texts;
}

QString stepStatusText(const JobState::Step &step)
{
    if (step.status == Ops::StepStatus::Planned && step.probe)
        return step.probe->action == Ops::StepAction::Update
            ? QCoreApplication::translate("JobListModel", "will update")
            : QCoreApplication::translate("JobListModel", "will create");
    return Ops::stepStatusName(step.status);
}

// The roles data() answers: display and tool tip, and the model's own (Role::Live is the last).
bool isModelRole(int role)
{
    return role == Qt::DisplayRole || role == Qt::ToolTipRole
        || (role >= static_cast<int>(JobListModel::Role::Kind) && role <= static_cast<int>(JobListModel::Role::Live));
}

} // namespace

JobListModel::JobListModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(std::chrono::milliseconds(100));
    connect(&m_flush, &QTimer::timeout, this, &JobListModel::flush);
}

JobListModel::~JobListModel() = default;

const JobState *JobListModel::stateOf(const JobNode *node) const
{
    if (node->live)
        return &node->live->state();
    return node->replayed ? &*node->replayed : nullptr;
}

int JobListModel::rowOf(const JobNode *node) const
{
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(), [node](const auto &job) { return job.get() == node; });
    return it == m_jobs.end() ? -1 : static_cast<int>(it - m_jobs.begin());
}

JobListModel::JobNode *JobListModel::jobNodeFor(const QObject *job) const
{
    for (const auto &node : m_jobs) {
        if (node->liveObject == job)
            return node.get();
    }
    return nullptr;
}

void JobListModel::createTargetNodes(JobNode *node, int count)
{
    node->targets.reserve(count);
    for (int i = 0; i < count; ++i) {
        auto target = std::make_unique<TargetNode>();
        target->kind = Kind::Target;
        target->job = node;
        target->row = i;
        node->targets.push_back(std::move(target));
    }
}

void JobListModel::addJob(Ops::Job *job)
{
    if (!job || jobNodeFor(job))
        return;
    // A resumed job takes the place of its past-job row.
    const QModelIndex past = indexOfJob(job->id());
    if (past.isValid()) {
        beginRemoveRows({}, past.row(), past.row());
        m_jobs.erase(m_jobs.begin() + past.row());
        endRemoveRows();
    }
    auto node = std::make_unique<JobNode>();
    node->kind = Kind::Job;
    node->serial = m_nextSerial++;
    node->live = job;
    node->liveObject = job;
    node->fetched = true;
    createTargetNodes(node.get(), static_cast<int>(job->state().targets.size()));
    beginInsertRows({}, 0, 0);
    m_jobs.insert(m_jobs.begin(), std::move(node));
    endInsertRows();

    connect(job, &Ops::Job::stepChanged, this, [this, job](int target, int step) { markDirty(job, target, step); });
    connect(job, &Ops::Job::targetChanged, this, [this, job](int target) { markDirty(job, target, -1); });
    connect(job, &Ops::Job::statusChanged, this, [this, job] { markDirty(job, -1, -1); });
    connect(job, &QObject::destroyed, this, [this](QObject *object) { removeJob(object); });
}

void JobListModel::removeJob(const QObject *job)
{
    JobNode *node = jobNodeFor(job);
    if (!node)
        return;
    const int row = rowOf(node);
    beginRemoveRows({}, row, row);
    m_jobs.erase(m_jobs.begin() + row);
    endRemoveRows();
}

void JobListModel::loadHistory(const Ops::JobHistory &history)
{
    const auto firstPast
        = std::find_if(m_jobs.begin(), m_jobs.end(), [](const auto &node) { return !node->liveObject; });
    const int first = static_cast<int>(firstPast - m_jobs.begin());
    if (firstPast != m_jobs.end()) {
        beginRemoveRows({}, first, static_cast<int>(m_jobs.size()) - 1);
        m_jobs.erase(firstPast, m_jobs.end());
        endRemoveRows();
    }
    std::vector<std::unique_ptr<JobNode>> past;
    for (const Ops::JobHistory::Entry &entry : history.entries()) {
        const bool live = std::any_of(m_jobs.begin(), m_jobs.end(), [&entry](const auto &node) {
            return node->live && node->live->id() == entry.jobId;
        });
        if (live)
            continue;
        auto node = std::make_unique<JobNode>();
        node->kind = Kind::Job;
        node->serial = m_nextSerial++;
        node->entry = entry;
        past.push_back(std::move(node));
    }
    if (past.empty())
        return;
    beginInsertRows({}, static_cast<int>(m_jobs.size()), static_cast<int>(m_jobs.size() + past.size()) - 1);
    for (auto &node : past)
        m_jobs.push_back(std::move(node));
    endInsertRows();
}

Ops::Job *JobListModel::job(const QModelIndex &index) const
{
    if (!index.isValid() || index.parent().isValid())
        return nullptr;
    return m_jobs.at(index.row())->live;
}

QModelIndex JobListModel::indexOfJob(const QString &jobId) const
{
    for (size_t row = 0; row < m_jobs.size(); ++row) {
        const JobNode *node = m_jobs.at(row).get();
        const QString id = node->live ? node->live->id() : node->entry.jobId;
        if (id == jobId)
            return createIndex(static_cast<int>(row), 0, nullptr);
    }
    return {};
}

void JobListModel::markDirty(const QObject *job, int target, int step)
{
    JobNode *node = jobNodeFor(job);
    if (!node)
        return;
    node->jobDirty = true;
    if (target >= 0)
        node->dirtyTargets.insert(target);
    if (target >= 0 && step >= 0)
        node->dirtySteps[target].insert(step);
    if (!m_flush.isActive())
        m_flush.start();
}

void JobListModel::flush()
{
    for (size_t row = 0; row < m_jobs.size(); ++row) {
        JobNode *node = m_jobs.at(row).get();
        if (!node->jobDirty)
            continue;
        node->jobDirty = false;
        const QModelIndex jobIndex = createIndex(static_cast<int>(row), 0, nullptr);
        Q_EMIT dataChanged(jobIndex, jobIndex.siblingAtColumn(columns - 1));
        if (!node->dirtyTargets.isEmpty()) {
            const auto [low, high] = std::minmax_element(node->dirtyTargets.begin(), node->dirtyTargets.end());
            Q_EMIT dataChanged(createIndex(*low, 0, node), createIndex(*high, columns - 1, node));
            node->dirtyTargets.clear();
        }
        for (auto it = node->dirtySteps.begin(); it != node->dirtySteps.end(); ++it) {
            TargetNode *target = node->targets.at(it.key()).get();
            const auto [low, high] = std::minmax_element(it.value().begin(), it.value().end());
            Q_EMIT dataChanged(createIndex(*low, 0, target), createIndex(*high, columns - 1, target));
        }
        node->dirtySteps.clear();
    }
}

QModelIndex JobListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columns || !hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    auto *parentNode = static_cast<Node *>(parent.internalPointer());
    if (!parentNode) // parent is a job: children are its targets
        return createIndex(row, column, m_jobs.at(parent.row()).get());
    if (parentNode->kind == Kind::Job) // parent is a target: children are its steps
        return createIndex(row, column, static_cast<JobNode *>(parentNode)->targets.at(parent.row()).get());
    return {};
}

QModelIndex JobListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    auto *node = static_cast<Node *>(child.internalPointer());
    if (!node)
        return {};
    if (node->kind == Kind::Job)
        return createIndex(rowOf(static_cast<JobNode *>(node)), 0, nullptr);
    auto *target = static_cast<TargetNode *>(node);
    return createIndex(target->row, 0, target->job);
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_jobs.size());
    auto *node = static_cast<Node *>(parent.internalPointer());
    if (!node) {
        const JobNode *job = m_jobs.at(parent.row()).get();
        return job->fetched ? static_cast<int>(job->targets.size()) : 0;
    }
    if (node->kind == Kind::Job) {
        const JobState *state = stateOf(static_cast<JobNode *>(node));
        return state ? static_cast<int>(state->targets.at(parent.row()).steps.size()) : 0;
    }
    return 0;
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return columns;
}

bool JobListModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_jobs.empty();
    if (parent.column() > 0)
        return false;
    auto *node = static_cast<Node *>(parent.internalPointer());
    if (!node) {
        const JobNode *job = m_jobs.at(parent.row()).get();
        if (!job->targets.empty())
            return true;
        const bool loading = job->fetched && !job->replayed && job->loadError.isEmpty();
        return (!job->fetched || loading) && job->entry.readable && job->entry.targets > 0;
    }
    return node->kind == Kind::Job && rowCount(parent) > 0;
}

bool JobListModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.internalPointer() || parent.column() > 0)
        return false;
    const JobNode *job = m_jobs.at(parent.row()).get();
    return !job->fetched && job->entry.readable;
}

void JobListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    JobNode *job = m_jobs.at(parent.row()).get();
    job->fetched = true; // before loading, so that a view cannot ask twice
    // Load from the event loop, not from within fetchMore(): views call it while they handle other
    // changes, and the rows must not arrive in the middle of those.
    QMetaObject::invokeMethod(
        this, [this, serial = job->serial] { loadPastJob(serial); }, Qt::QueuedConnection);
}

void JobListModel::loadPastJob(quint64 serial)
{
    const auto it
        = std::find_if(m_jobs.begin(), m_jobs.end(), [serial](const auto &node) { return node->serial == serial; });
    if (it == m_jobs.end())
        return; // its row went away meanwhile
    JobNode *job = it->get();
    const int row = static_cast<int>(it - m_jobs.begin());
    QString error;
    job->replayed = Ops::JournalReplay::replay(Ops::JournalReader::read(job->entry.journalPath), &error);
    const QModelIndex parent = createIndex(row, 0, nullptr);
    if (!job->replayed) {
        job->loadError = error;
        Q_EMIT dataChanged(parent, parent.siblingAtColumn(columns - 1));
        return;
    }
    const int count = static_cast<int>(job->replayed->targets.size());
    if (count == 0)
        return;
    beginInsertRows(parent, 0, count - 1);
    createTargetNodes(job, count);
    endInsertRows();
    Q_EMIT dataChanged(parent, parent.siblingAtColumn(columns - 1));
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    auto *node = static_cast<Node *>(index.internalPointer());
    if (!node)
        return jobData(m_jobs.at(index.row()).get(), index.column(), role);
    if (node->kind == Kind::Job)
        return targetData(static_cast<JobNode *>(node), index.row(), index.column(), role);
    auto *target = static_cast<TargetNode *>(node);
    return stepData(target->job, target->row, index.row(), index.column(), role);
}

QVariant JobListModel::jobData(const JobNode *node, int column, int role) const
{
    // Views ask for many roles per cell and repaint the job row with every batch: the counts over
    // a thousand targets are only made for the cells and roles that show them.
    if (!isModelRole(role))
        return {};
    const JobState *state = stateOf(node);
    const Ops::JobHistory::Entry &entry = node->entry;
    const QString jobId = node->live ? node->live->id() : entry.jobId;
    const QString status = node->live ? Ops::jobStatusName(state->status) : Ops::jobStatusName(entry.status);
    const bool dryRun = state ? state->dryRun : entry.dryRun;
    const QString planName = state ? state->plan.name : entry.planName;
    const auto progress = [state, &entry] {
        return state ? state->progressPercent() : (entry.status == Ops::JobStatus::Succeeded ? 100 : 0);
    };
    const auto detail = [node, state, &entry, dryRun] {
        if (!node->loadError.isEmpty())
            return node->loadError;
        if (!state)
            return entry.note.isEmpty() ? tr("%1 targets").arg(entry.targets) : entry.note;
        const JobState::Counts counts = state->counts();
        if (dryRun)
            return tr("dry run of %1 targets").arg(counts.targets);
        return tr("%1 targets: %2 succeeded, %3 failed, %4 blocked")
            .arg(counts.targets)
            .arg(counts.succeeded)
            .arg(counts.failed)
            .arg(counts.blocked);
    };

    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (static_cast<Column>(column)) {
        case Column::Name:
            return QString((planName.isEmpty() ? jobId : planName) + (dryRun ? tr(" (dry run)") : QString()));
        case Column::Status:
            return status;
        case Column::Progress:
            return u"%1%"_s.arg(progress());
        case Column::Detail:
            return detail();
        case Column::Count:
            break;
        }
        return {};
    default:
        break;
    }
    switch (static_cast<Role>(role)) {
    case Role::Kind:
        return static_cast<int>(Kind::Job);
    case Role::JobId:
        return jobId;
    case Role::Status:
        return status;
    case Role::Summary:
        return detail();
    case Role::Error:
        return node->loadError.isEmpty() ? QVariant() : QVariant(node->loadError);
    case Role::Progress:
        return progress();
    case Role::Started:
        return state ? state->started : entry.started;
    case Role::Finished:
        return state ? state->finished : QDateTime();
    case Role::Resumable:
        return !node->live && entry.isResumable();
    case Role::DryRun:
        return dryRun;
    case Role::JournalPath:
        return node->live ? node->live->journalPath() : entry.journalPath;
    case Role::Live:
        return !node->live.isNull();
    case Role::TargetId:
    case Role::StepId:
    case Role::StepType:
    case Role::Action:
    case Role::CreatedIds:
    case Role::UpdatedIds:
    case Role::Outputs:
    case Role::Calls:
    case Role::After:
    case Role::Attempts:
    case Role::Hostname:
        break;
    }
    return {};
}

QVariant JobListModel::targetData(const JobNode *node, int target, int column, int role) const
{
    if (!isModelRole(role))
        return {};
    const JobState *state = stateOf(node);
    if (!state || target >= state->targets.size())
        return {};
    const JobState::Target &targetState = state->targets.at(target);
    const Ops::Plan::Target &planTarget = state->plan.targets.at(target);
    const QString hostname = targetState.hostname.isEmpty() ? planTarget.hostname : targetState.hostname;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (static_cast<Column>(column)) {
        case Column::Name:
            return planTarget.label.isEmpty() ? hostname : QString(planTarget.label + u" (" + hostname + u')');
        case Column::Status:
            return Ops::targetStatusName(targetState.status);
        case Column::Progress:
            return u"%1%"_s.arg(targetState.progressPercent());
        case Column::Detail:
            return targetState.message;
        case Column::Count:
            break;
        }
        return {};
    default:
        break;
    }
    switch (static_cast<Role>(role)) {
    case Role::Kind:
        return static_cast<int>(Kind::Target);
    case Role::JobId:
        return state->jobId;
    case Role::TargetId:
        return planTarget.id;
    case Role::Status:
        return Ops::targetStatusName(targetState.status);
    case Role::Summary:
    case Role::Error:
        return targetState.message;
    case Role::Progress:
        return targetState.progressPercent();
    case Role::Hostname:
        return hostname;
    case Role::Started:
        return targetState.started;
    case Role::Finished:
        return targetState.finished;
    case Role::DryRun:
        return state->dryRun;
    case Role::StepId:
    case Role::StepType:
    case Role::Action:
    case Role::CreatedIds:
    case Role::UpdatedIds:
    case Role::Outputs:
    case Role::Calls:
    case Role::After:
    case Role::Attempts:
    case Role::Resumable:
    case Role::JournalPath:
    case Role::Live:
        break;
    }
    return {};
}

QVariant JobListModel::stepData(const JobNode *node, int target, int step, int column, int role) const
{
    if (!isModelRole(role))
        return {};
    const JobState *state = stateOf(node);
    if (!state || target >= state->targets.size() || step >= state->targets.at(target).steps.size())
        return {};
    const JobState::Step &stepState = state->targets.at(target).steps.at(step);
    const Ops::Plan::Step &planStep = state->plan.targets.at(target).steps.at(step);
    const auto line = [&stepState] { return Ops::JobSummary::stepLine(stepState).mid(2); };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (static_cast<Column>(column)) {
        case Column::Name:
            return QString((planStep.label.isEmpty() ? planStep.id : planStep.label) + u" (" + planStep.type + u')');
        case Column::Status:
            return stepStatusText(stepState);
        case Column::Progress:
            return stepState.isSettled() ? u"100%"_s : u"0%"_s;
        case Column::Detail:
            return line();
        case Column::Count:
            break;
        }
        return {};
    default:
        break;
    }
    switch (static_cast<Role>(role)) {
    case Role::Kind:
        return static_cast<int>(Kind::Step);
    case Role::JobId:
        return state->jobId;
    case Role::TargetId:
        return state->plan.targets.at(target).id;
    case Role::StepId:
        return planStep.id;
    case Role::StepType:
        return planStep.type;
    case Role::Status:
        return Ops::stepStatusName(stepState.status);
    case Role::Action:
        return stepState.probe ? Ops::stepActionName(stepState.probe->action) : QString();
    case Role::Summary:
        return line();
    case Role::Error:
        return stepState.error ? stepState.error->toString() : QString();
    case Role::Progress:
        return stepState.isSettled() ? 100 : 0;
    case Role::CreatedIds:
        return refTexts(stepState.change.created);
    case Role::UpdatedIds:
        return refTexts(stepState.change.updated);
    case Role::Outputs:
        return QVariant::fromValue(stepState.outputs);
    case Role::Calls:
        return stepState.probe ? stepState.probe->calls : QStringList();
    case Role::After:
        return stepState.after;
    case Role::Attempts:
        return stepState.attempts;
    case Role::Started:
        return stepState.started;
    case Role::Finished:
        return stepState.finished;
    case Role::DryRun:
        return state->dryRun;
    case Role::Hostname:
    case Role::Resumable:
    case Role::JournalPath:
    case Role::Live:
        break;
    }
    return {};
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Column::Name:
        return tr("Job");
    case Column::Status:
        return tr("Status");
    case Column::Progress:
        return tr("Progress");
    case Column::Detail:
        return tr("Details");
    case Column::Count:
        break;
    }
    return {};
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    const std::pair<Role, const char *> roles[] = {{Role::Kind, "kind"},
                                                   {Role::JobId, "jobId"},
                                                   {Role::TargetId, "targetId"},
                                                   {Role::StepId, "stepId"},
                                                   {Role::StepType, "stepType"},
                                                   {Role::Status, "status"},
                                                   {Role::Action, "action"},
                                                   {Role::Summary, "summary"},
                                                   {Role::Error, "error"},
                                                   {Role::Progress, "progress"},
                                                   {Role::CreatedIds, "createdIds"},
                                                   {Role::UpdatedIds, "updatedIds"},
                                                   {Role::Outputs, "outputs"},
                                                   {Role::Calls, "calls"},
                                                   {Role::After, "after"},
                                                   {Role::Attempts, "attempts"},
                                                   {Role::Hostname, "hostname"},
                                                   {Role::Started, "started"},
                                                   {Role::Finished, "finished"},
                                                   {Role::Resumable, "resumable"},
                                                   {Role::DryRun, "dryRun"},
                                                   {Role::JournalPath, "journalPath"},
                                                   {Role::Live, "live"}};
    for (const auto &[role, name] : roles)
        names.insert(static_cast<int>(role), name);
    return names;
}
