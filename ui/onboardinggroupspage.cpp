#include "ui/onboardinggroupspage.h"

#include "ui/fieldproblemlabel.h"
#include "ui/iconcatalog.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

int column(OnboardingGroupsPage::Column c)
{
    return static_cast<int>(c);
}

QStringList splitRoles(const QString &text)
{
    QStringList roles;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString role = part.trimmed();
        if (!role.isEmpty() && !roles.contains(role))
            roles.append(role);
    }
    return roles;
}

} // namespace

OnboardingGroupsPage::OnboardingGroupsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"onboardingGroupsPage"_s);
    setTitle(tr("Groups and roles"));
    setSubTitle(tr("The customer's groups and the tenant roles each one has (comma separated, e.g. "
                   "SharedSpaceCreator). ${vars.customer} is the customer's name."));
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(u"groupsTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Group"), tr("Tenant roles")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(column(Column::Name), 320);
    m_table->verticalHeader()->setVisible(false);
    m_add = new QPushButton(IconCatalog::icon(Icon::Add), tr("&Add Group"), this);
    m_add->setObjectName(u"addGroupButton"_s);
    m_remove = new QPushButton(IconCatalog::icon(Icon::Remove), tr("&Remove"), this);
    m_remove->setObjectName(u"removeGroupButton"_s);
    m_problem = new FieldProblemLabel(u"groupsProblem"_s, this);

    // FACTS §5.2: what a login does with the groups its token names.
    m_settings = new QGroupBox(tr("Set the tenant's &group settings"), this);
    m_settings->setObjectName(u"groupSettingsBox"_s);
    m_settings->setCheckable(true);
    m_settings->setChecked(false);
    m_autoCreate = new QCheckBox(tr("Create the groups a login names that do not exist yet"), m_settings);
    m_autoCreate->setObjectName(u"autoCreateGroupsBox"_s);
    m_sync = new QCheckBox(tr("Keep each user's groups in step with the identity provider"), m_settings);
    m_sync->setObjectName(u"syncIdpGroupsBox"_s);
    auto *settingsLayout = new QVBoxLayout(m_settings);
    settingsLayout->addWidget(m_autoCreate);
    settingsLayout->addWidget(m_sync);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    layout->addWidget(m_settings);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = addGroup(tr("${vars.customer} Group %1").arg(m_table->rowCount() + 1), {});
        m_table->setCurrentCell(row, column(Column::Name));
        m_table->editItem(m_table->item(row, column(Column::Name)));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        check();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &OnboardingGroupsPage::check);
    check();
}

OnboardingGroupsPage::~OnboardingGroupsPage() = default;

int OnboardingGroupsPage::addGroup(const QString &name, const QStringList &roles)
{
    const int row = m_table->rowCount();
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, column(Column::Name), new QTableWidgetItem(name));
        m_table->setItem(row, column(Column::Roles), new QTableWidgetItem(roles.join(u", "_s)));
    }
    check();
    return row;
}

QList<Ops::OnboardingTemplate::Group> OnboardingGroupsPage::groups() const
{
    QList<Ops::OnboardingTemplate::Group> list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, column(Column::Name));
        const QTableWidgetItem *roles = m_table->item(row, column(Column::Roles));
        list.append({name ? name->text().trimmed() : QString(), splitRoles(roles ? roles->text() : QString())});
    }
    return list;
}

void OnboardingGroupsPage::check()
{
    QStringList problems;
    QSet<QString> seen;
    const QList<Ops::OnboardingTemplate::Group> list = groups();
    const QSignalBlocker blocker(m_table);
    for (qsizetype row = 0; row < list.size(); ++row) {
        const QString name = list.at(row).name;
        QString problem;
        if (name.isEmpty())
            problem = tr("row %1: the group has no name").arg(row + 1);
        else if (seen.contains(name.toCaseFolded()))
            problem = tr("row %1: \"%2\" is listed twice; group names are unique in a tenant").arg(row + 1).arg(name);
        seen.insert(name.toCaseFolded());
        if (QTableWidgetItem *item = m_table->item(int(row), column(Column::Name)))
            item->setToolTip(problem);
        if (!problem.isEmpty())
            problems.append(problem);
    }
    m_problem->setProblem(problems.join(u'\n'));
    Q_EMIT completeChanged();
}

bool OnboardingGroupsPage::isComplete() const
{
    return m_problem->problem().isEmpty();
}

void OnboardingGroupsPage::describe(Ops::OnboardingTemplate *onboardingTemplate) const
{
    onboardingTemplate->groups = groups();
    onboardingTemplate->autoCreateGroups.reset();
    onboardingTemplate->syncIdpGroups.reset();
    if (m_settings->isChecked()) {
        onboardingTemplate->autoCreateGroups = m_autoCreate->isChecked();
        onboardingTemplate->syncIdpGroups = m_sync->isChecked();
    }
}

void OnboardingGroupsPage::showTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_table->setRowCount(0);
    for (const Ops::OnboardingTemplate::Group &group : onboardingTemplate.groups)
        (void)addGroup(group.name, group.roles);
    m_settings->setChecked(onboardingTemplate.autoCreateGroups || onboardingTemplate.syncIdpGroups);
    m_autoCreate->setChecked(onboardingTemplate.autoCreateGroups.value_or(false));
    m_sync->setChecked(onboardingTemplate.syncIdpGroups.value_or(false));
    check();
}
