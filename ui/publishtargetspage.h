#pragma once

#include "ops/rolloutplanbuilder.h"

#include <QWizardPage>

class QComboBox;
class PublishWizard;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// The publish wizard's second page: the tenants to publish to, as a checkable list of the estate's
// active tenants (the source left out). The tenants selected in the estate tree start checked;
// more are checked by filter text, by tag, or every tenant of a region.
class PublishTargetsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishTargetsPage)

public:
    explicit PublishTargetsPage(QWidget *parent = nullptr);
    ~PublishTargetsPage() override;

    [[nodiscard]] QListWidget *tenantList() const { return m_list; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QComboBox *tagCombo() const { return m_tagCombo; }
    [[nodiscard]] QComboBox *regionCombo() const { return m_regionCombo; }
    [[nodiscard]] QLabel *countLabel() const { return m_count; }

    // Check the tenants the filter text matches (as the estate filter does), those with the tag
    // chosen, those of the region chosen; returns how many were checked.
    int checkMatchingFilter();
    int checkTagged();
    int checkRegion();
    void clearChecks();
    // Checks (or unchecks) one tenant by hostname or id; false when it is not in the list.
    bool setChecked(const QString &hostnameOrId, bool checked);

    // The checked tenants, in list order.
    [[nodiscard]] QList<Ops::RolloutPlanBuilder::Target> targets() const;

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    [[nodiscard]] PublishWizard *publishWizard() const;
    void fill();
    [[nodiscard]] int checkWhere(const std::function<bool(const QModelIndex &tenant)> &matches);
    void updateCount();

    QListWidget *m_list = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_tagCombo = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QLabel *m_count = nullptr;
    QString m_filledFor; // the source the list was filled without
    bool m_preselected = false;
};
