#pragma once

#include "ops/onboardingtemplate.h"

#include <QWizardPage>

class FieldProblemLabel;
class OnboardingWizard;
class QGroupBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class SourceAppCatalog;

// The onboarding wizard's content page: the apps of the source tenant's shared spaces, loaded in the
// background (SourceAppCatalog); the checked ones are imported into staging and published to
// production. None checked is fine: the tenant starts empty. Below them, two optional boxes: the
// customer's brand (name, logo and favicon files, each file checked as soon as it is picked or
// typed; FACTS §9.3) and a customer-managed AWS KMS key (ARN checked as typed) — the template's
// `brand` and `keyProvider`, the plan's "brand" and "key-provider" steps.
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

    [[nodiscard]] QGroupBox *brandBox() const { return m_brandBox; }
    [[nodiscard]] QLineEdit *brandNameEdit() const { return m_brandName; }
    [[nodiscard]] QLineEdit *logoEdit() const { return m_logo; }
    [[nodiscard]] QLineEdit *favIconEdit() const { return m_favIcon; }
    [[nodiscard]] FieldProblemLabel *brandNameProblem() const { return m_brandNameProblem; }
    [[nodiscard]] FieldProblemLabel *logoProblem() const { return m_logoProblem; }
    [[nodiscard]] FieldProblemLabel *favIconProblem() const { return m_favIconProblem; }
    [[nodiscard]] QGroupBox *keyBox() const { return m_keyBox; }
    [[nodiscard]] QLineEdit *keyArnEdit() const { return m_keyArn; }
    [[nodiscard]] QLineEdit *keyNameEdit() const { return m_keyName; }
    [[nodiscard]] FieldProblemLabel *keyArnProblem() const { return m_keyArnProblem; }
    [[nodiscard]] FieldProblemLabel *keyNameProblem() const { return m_keyNameProblem; }

    void describe(Ops::OnboardingTemplate *onboardingTemplate) const;
    void showTemplate(const Ops::OnboardingTemplate &onboardingTemplate);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

private:
    [[nodiscard]] OnboardingWizard *onboardingWizard() const;
    void showApps(const QString &hostname);
    void showCopies(const QString &hostname);
    [[nodiscard]] QGroupBox *makeBrandBox();
    [[nodiscard]] QGroupBox *makeKeyBox();
    // A file picker for `edit` (window-modal, no nested event loop).
    void chooseFile(QLineEdit *edit, const QString &title, const QString &filter);
    // Shows why the brand and key fields cannot be used, next to each; then completeChanged().
    void checkExtras();
    [[nodiscard]] bool extrasAreFine() const;

    SourceAppCatalog *m_catalog = nullptr;
    QTreeWidget *m_apps = nullptr;
    QLabel *m_status = nullptr;
    QString m_loadedSource;
    // The template's apps: checked once the list arrives; kept while it is loading.
    QList<Ops::OnboardingTemplate::App> m_wanted;
    // Copied as the template says (shown, not edited here): extensions, themes and automations by name,
    // extensions and themes by tag.
    QStringList m_extensions;
    QStringList m_themes;
    QStringList m_automations;
    QStringList m_extensionTags;
    QStringList m_themeTags;
    bool m_embedCheck = true;
    QLabel *m_copies = nullptr;
    QGroupBox *m_brandBox = nullptr;
    QLineEdit *m_brandName = nullptr;
    QLineEdit *m_logo = nullptr;
    QLineEdit *m_favIcon = nullptr;
    FieldProblemLabel *m_brandNameProblem = nullptr;
    FieldProblemLabel *m_logoProblem = nullptr;
    FieldProblemLabel *m_favIconProblem = nullptr;
    QGroupBox *m_keyBox = nullptr;
    QLineEdit *m_keyArn = nullptr;
    QLineEdit *m_keyName = nullptr;
    FieldProblemLabel *m_keyArnProblem = nullptr;
    FieldProblemLabel *m_keyNameProblem = nullptr;
};
