#pragma once

#include "ops/onboardingtemplate.h"

#include <QWizardPage>

class FieldProblemLabel;
class QCheckBox;
class QGroupBox;
class QPushButton;
class QTableWidget;

// The onboarding wizard's groups page: the groups the tenant gets (names may hold ${vars.customer})
// and their tenant roles, comma separated. Duplicate and empty names are flagged as typed. Below,
// the tenant's group settings, left as they are unless their box is checked.
class OnboardingGroupsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingGroupsPage)

public:
    enum class Column { Name, Roles };

    explicit OnboardingGroupsPage(QWidget *parent = nullptr);
    ~OnboardingGroupsPage() override;

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QPushButton *addButton() const { return m_add; }
    [[nodiscard]] QPushButton *removeButton() const { return m_remove; }
    [[nodiscard]] FieldProblemLabel *problemLabel() const { return m_problem; }
    [[nodiscard]] QGroupBox *settingsBox() const { return m_settings; }
    [[nodiscard]] QCheckBox *autoCreateBox() const { return m_autoCreate; }
    [[nodiscard]] QCheckBox *syncBox() const { return m_sync; }

    // Adds a row (and returns it) for a group named `name` with `roles`.
    int addGroup(const QString &name, const QStringList &roles);
    [[nodiscard]] QList<Ops::OnboardingTemplate::Group> groups() const;

    void describe(Ops::OnboardingTemplate *onboardingTemplate) const;
    void showTemplate(const Ops::OnboardingTemplate &onboardingTemplate);

    [[nodiscard]] bool isComplete() const override;

private:
    void check();

    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    FieldProblemLabel *m_problem = nullptr;
    QGroupBox *m_settings = nullptr;
    QCheckBox *m_autoCreate = nullptr;
    QCheckBox *m_sync = nullptr;
};
