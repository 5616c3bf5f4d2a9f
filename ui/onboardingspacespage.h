#pragma once

#include "ops/onboardingtemplate.h"

#include <QHash>
#include <QWizardPage>

class FieldProblemLabel;
class OnboardingWizard;
class QLineEdit;
class QTableWidget;

// The onboarding wizard's spaces page: the shared staging space and the managed production space
// (names checked for the characters Qlik refuses), and per group of the groups page the roles it has
// in each, checked against the roles of the space's type (FACTS §7). A group without roles is not
// assigned to the space.
class OnboardingSpacesPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingSpacesPage)

public:
    enum class Column { Group, Roles };

    explicit OnboardingSpacesPage(QWidget *parent = nullptr);
    ~OnboardingSpacesPage() override;

    [[nodiscard]] QLineEdit *stagingNameEdit() const { return m_stagingName; }
    [[nodiscard]] QLineEdit *productionNameEdit() const { return m_productionName; }
    [[nodiscard]] QTableWidget *stagingTable() const { return m_stagingTable; }
    [[nodiscard]] QTableWidget *productionTable() const { return m_productionTable; }
    [[nodiscard]] FieldProblemLabel *stagingProblem() const { return m_stagingProblem; }
    [[nodiscard]] FieldProblemLabel *productionProblem() const { return m_productionProblem; }

    void describe(Ops::OnboardingTemplate *onboardingTemplate) const;
    void showTemplate(const Ops::OnboardingTemplate &onboardingTemplate);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    using RolesByGroup = QHash<QString, QStringList>; // case-folded group name → roles
    [[nodiscard]] OnboardingWizard *onboardingWizard() const;
    void fillTable(QTableWidget *table, const RolesByGroup &roles);
    void remember();
    void check();
    [[nodiscard]] QList<Ops::OnboardingTemplate::SpaceAssignment> assignments(const QTableWidget *table) const;

    QLineEdit *m_stagingName = nullptr;
    QLineEdit *m_stagingDescription = nullptr;
    QTableWidget *m_stagingTable = nullptr;
    FieldProblemLabel *m_stagingProblem = nullptr;
    QLineEdit *m_productionName = nullptr;
    QLineEdit *m_productionDescription = nullptr;
    QTableWidget *m_productionTable = nullptr;
    FieldProblemLabel *m_productionProblem = nullptr;
    RolesByGroup m_stagingRoles;
    RolesByGroup m_productionRoles;
    QStringList m_groups;
};
