#pragma once

#include "ops/onboardingtemplate.h"

#include <QWizardPage>

class OnboardingWizard;
class QLabel;
class QTreeWidget;
class SourceAppCatalog;

// The onboarding wizard's content page: the apps of the source tenant's shared spaces, loaded in the
// background (SourceAppCatalog); the checked ones are imported into staging and published to
// production. None checked is fine: the tenant starts empty.
class OnboardingContentPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OnboardingContentPage)

public:
    explicit OnboardingContentPage(QWidget *parent = nullptr);
    ~OnboardingContentPage() override;

    [[nodiscard]] QTreeWidget *appList() const { return m_apps; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QLabel *copiesLabel() const { return m_copies; }
    [[nodiscard]] bool isLoading() const;
    [[nodiscard]] QList<Ops::OnboardingTemplate::App> selectedApps() const;

    void describe(Ops::OnboardingTemplate *onboardingTemplate) const;
    void showTemplate(const Ops::OnboardingTemplate &onboardingTemplate);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    [[nodiscard]] OnboardingWizard *onboardingWizard() const;
    void showApps(const QString &hostname);
    void showCopies(const QString &hostname);

    SourceAppCatalog *m_catalog = nullptr;
    QTreeWidget *m_apps = nullptr;
    QLabel *m_status = nullptr;
    QString m_loadedSource;
    // The template's apps: checked once the list arrives; kept while it is loading.
    QList<Ops::OnboardingTemplate::App> m_wanted;
    // Copied by name as the template says (shown, not edited here): extensions, themes, automations.
    QStringList m_extensions;
    QStringList m_themes;
    QStringList m_automations;
    bool m_embedCheck = true;
    QLabel *m_copies = nullptr;
};
