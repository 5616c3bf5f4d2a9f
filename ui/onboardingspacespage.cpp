#include "ui/onboardingspacespage.h"

#include "ops/spacestep.h"
#include "ui/fieldproblemlabel.h"
#include "ui/onboardinggroupspage.h"
#include "ui/onboardingwizard.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

int column(OnboardingSpacesPage::Column c)
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

QTableWidget *newTable(const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(0, 2, parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({OnboardingSpacesPage::tr("Group"), OnboardingSpacesPage::tr("Roles")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(0, 260);
    table->verticalHeader()->setVisible(false);
    return table;
}

} // namespace

OnboardingSpacesPage::OnboardingSpacesPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"onboardingSpacesPage"_s);
    setTitle(tr("Spaces"));
    setSubTitle(tr("A shared staging space where apps are imported, and a managed production space they are "
                   "published to; the roles each group has there (empty: not a member)."));
    const auto makeSpace = [this](const QString &prefix, const QString &title, const QString &type, QLineEdit **name,
                                  QLineEdit **description, QTableWidget **table, FieldProblemLabel **problem) {
        auto *box = new QGroupBox(title, this);
        *name = new QLineEdit(box);
        (*name)->setObjectName(prefix + u"NameEdit"_s);
        *description = new QLineEdit(box);
        (*description)->setObjectName(prefix + u"DescriptionEdit"_s);
        *table = newTable(prefix + u"AssignmentsTable"_s, box);
        (*table)->setToolTip(tr("Roles of a %1 space: %2").arg(type, Ops::SpaceStep::rolesFor(type).join(u", "_s)));
        *problem = new FieldProblemLabel(prefix + u"Problem"_s, box);
        auto *form = new QFormLayout(box);
        form->addRow(tr("Name:"), *name);
        form->addRow(tr("Description:"), *description);
        form->addRow(*table);
        form->addRow(*problem);
        connect(*name, &QLineEdit::textChanged, this, &OnboardingSpacesPage::check);
        connect(*table, &QTableWidget::itemChanged, this, [this] {
            remember();
            check();
        });
        return box;
    };
    auto *spaces = new QHBoxLayout;
    spaces->addWidget(makeSpace(u"staging"_s, tr("Staging (shared)"), u"shared"_s, &m_stagingName,
                                &m_stagingDescription, &m_stagingTable, &m_stagingProblem));
    spaces->addWidget(makeSpace(u"production"_s, tr("Production (managed)"), u"managed"_s, &m_productionName,
                                &m_productionDescription, &m_productionTable, &m_productionProblem));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(spaces);
    showTemplate(Ops::OnboardingTemplate{});
}

OnboardingSpacesPage::~OnboardingSpacesPage() = default;

OnboardingWizard *OnboardingSpacesPage::onboardingWizard() const
{
    return qobject_cast<OnboardingWizard *>(wizard());
}

void OnboardingSpacesPage::initializePage()
{
    m_groups.clear();
    if (OnboardingWizard *wizard = onboardingWizard()) {
        for (const Ops::OnboardingTemplate::Group &group : wizard->groupsPage()->groups())
            m_groups.append(group.name);
    }
    fillTable(m_stagingTable, m_stagingRoles);
    fillTable(m_productionTable, m_productionRoles);
    check();
}

void OnboardingSpacesPage::fillTable(QTableWidget *table, const RolesByGroup &roles)
{
    const QSignalBlocker blocker(table);
    table->setRowCount(int(m_groups.size()));
    for (int row = 0; row < m_groups.size(); ++row) {
        auto *group = new QTableWidgetItem(m_groups.at(row));
        group->setFlags(group->flags() & ~Qt::ItemIsEditable);
        table->setItem(row, column(Column::Group), group);
        table->setItem(row, column(Column::Roles),
                       new QTableWidgetItem(roles.value(m_groups.at(row).toCaseFolded()).join(u", "_s)));
    }
}

void OnboardingSpacesPage::remember()
{
    const auto read = [](const QTableWidget *table, RolesByGroup *roles) {
        for (int row = 0; row < table->rowCount(); ++row) {
            const QTableWidgetItem *group = table->item(row, column(Column::Group));
            const QTableWidgetItem *text = table->item(row, column(Column::Roles));
            if (group && text)
                roles->insert(group->text().toCaseFolded(), splitRoles(text->text()));
        }
    };
    read(m_stagingTable, &m_stagingRoles);
    read(m_productionTable, &m_productionRoles);
}

QList<Ops::OnboardingTemplate::SpaceAssignment> OnboardingSpacesPage::assignments(const QTableWidget *table) const
{
    QList<Ops::OnboardingTemplate::SpaceAssignment> list;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *group = table->item(row, column(Column::Group));
        const QTableWidgetItem *text = table->item(row, column(Column::Roles));
        const QStringList roles = text ? splitRoles(text->text()) : QStringList();
        if (group && !roles.isEmpty())
            list.append({group->text(), roles});
    }
    return list;
}

void OnboardingSpacesPage::check()
{
    const auto problemsOf = [this](const QLineEdit *name, const QTableWidget *table, const QString &type) {
        QStringList problems;
        if (const QString problem = Ops::OnboardingTemplate::spaceNameProblem(name->text()); !problem.isEmpty())
            problems.append(tr("Name: %1").arg(problem));
        for (const Ops::OnboardingTemplate::SpaceAssignment &assignment : assignments(table)) {
            if (const QString problem = Ops::OnboardingTemplate::spaceRolesProblem(type, assignment.roles);
                !problem.isEmpty())
                problems.append(u"%1: %2"_s.arg(assignment.group, problem));
        }
        return problems;
    };
    QStringList staging = problemsOf(m_stagingName, m_stagingTable, u"shared"_s);
    const QStringList production = problemsOf(m_productionName, m_productionTable, u"managed"_s);
    if (m_stagingName->text().trimmed().compare(m_productionName->text().trimmed(), Qt::CaseInsensitive) == 0
        && !m_stagingName->text().trimmed().isEmpty())
        staging.append(tr("Name: the same as the production space's; space names are unique in a tenant"));
    m_stagingProblem->setProblem(staging.join(u'\n'));
    m_productionProblem->setProblem(production.join(u'\n'));
    Q_EMIT completeChanged();
}

bool OnboardingSpacesPage::isComplete() const
{
    return m_stagingProblem->problem().isEmpty() && m_productionProblem->problem().isEmpty();
}

void OnboardingSpacesPage::describe(Ops::OnboardingTemplate *onboardingTemplate) const
{
    onboardingTemplate->staging
        = {m_stagingName->text().trimmed(), m_stagingDescription->text().trimmed(), assignments(m_stagingTable)};
    onboardingTemplate->production = {m_productionName->text().trimmed(), m_productionDescription->text().trimmed(),
                                      assignments(m_productionTable)};
}

void OnboardingSpacesPage::showTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_stagingName->setText(onboardingTemplate.staging.name);
    m_stagingDescription->setText(onboardingTemplate.staging.description);
    m_productionName->setText(onboardingTemplate.production.name);
    m_productionDescription->setText(onboardingTemplate.production.description);
    m_stagingRoles.clear();
    m_productionRoles.clear();
    for (const Ops::OnboardingTemplate::SpaceAssignment &assignment : onboardingTemplate.staging.assignments)
        m_stagingRoles.insert(assignment.group.toCaseFolded(), assignment.roles);
    for (const Ops::OnboardingTemplate::SpaceAssignment &assignment : onboardingTemplate.production.assignments)
        m_productionRoles.insert(assignment.group.toCaseFolded(), assignment.roles);
    m_groups.clear();
    for (const Ops::OnboardingTemplate::Group &group : onboardingTemplate.groups)
        m_groups.append(group.name);
    fillTable(m_stagingTable, m_stagingRoles);
    fillTable(m_productionTable, m_productionRoles);
    check();
}
