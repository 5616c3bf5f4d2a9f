#include "ui/onboardingcontentpage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "sourceappcatalog.h"
#include "ui/fieldproblemlabel.h"
#include "ui/iconcatalog.h"
#include "ui/onboardingcustomerpage.h"
#include "ui/onboardingtemplatepage.h"
#include "ui/onboardingwizard.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int appIdRole = Qt::UserRole;

} // namespace

OnboardingContentPage::OnboardingContentPage(QWidget *parent)
    : QWizardPage(parent)
    , m_catalog(new SourceAppCatalog(this))
{
    setObjectName(u"onboardingContentPage"_s);
    setTitle(tr("Content"));
    setSubTitle(tr("Apps of the source tenant's shared spaces to import into staging and publish to production."));
    m_apps = new QTreeWidget(this);
    m_apps->setObjectName(u"contentApps"_s);
    m_apps->setHeaderLabels({tr("App"), tr("Shared space")});
    m_apps->setRootIsDecorated(false);
    m_apps->setUniformRowHeights(true);
    m_apps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_status = new QLabel(this);
    m_status->setObjectName(u"contentStatus"_s);
    m_status->setWordWrap(true);
    m_copies = new QLabel(this);
    m_copies->setObjectName(u"contentCopies"_s);
    m_copies->setWordWrap(true);
    m_copies->setTextFormat(Qt::PlainText);
    auto *extras = new QHBoxLayout;
    extras->addWidget(makeBrandBox(), 1, Qt::AlignTop);
    extras->addWidget(makeKeyBox(), 1, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_apps, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_copies);
    layout->addLayout(extras);
    connect(m_catalog, &SourceAppCatalog::finished, this, &OnboardingContentPage::showApps);
    checkExtras();
}

QGroupBox *OnboardingContentPage::makeBrandBox()
{
    m_brandBox = new QGroupBox(tr("Brandin&g (optional)"), this);
    m_brandBox->setObjectName(u"brandBox"_s);
    m_brandBox->setCheckable(true);
    m_brandBox->setChecked(false);
    m_brandBox->setToolTip(
        tr("Upload the customer's logo and favicon as a brand and make it the tenant's active one."));
    m_brandName = new QLineEdit(m_brandBox);
    m_brandName->setObjectName(u"brandNameEdit"_s);
    m_brandName->setPlaceholderText(tr("e.g. ${vars.customer}"));
    m_logo = new QLineEdit(m_brandBox);
    m_logo->setObjectName(u"logoEdit"_s);
    m_logo->setPlaceholderText(tr("PNG or JPEG, at most 300 KB"));
    m_favIcon = new QLineEdit(m_brandBox);
    m_favIcon->setObjectName(u"favIconEdit"_s);
    m_favIcon->setPlaceholderText(tr("ICO, at most 100 KB"));
    m_brandNameProblem = new FieldProblemLabel(u"brandNameProblem"_s, m_brandBox);
    m_logoProblem = new FieldProblemLabel(u"logoProblem"_s, m_brandBox);
    m_favIconProblem = new FieldProblemLabel(u"favIconProblem"_s, m_brandBox);
    auto *chooseLogo = new QPushButton(tr("Choose…"), m_brandBox);
    chooseLogo->setObjectName(u"chooseLogoButton"_s);
    auto *chooseFavIcon = new QPushButton(tr("Choose…"), m_brandBox);
    chooseFavIcon->setObjectName(u"chooseFavIconButton"_s);
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo, 1);
    logoRow->addWidget(chooseLogo);
    auto *favIconRow = new QHBoxLayout;
    favIconRow->addWidget(m_favIcon, 1);
    favIconRow->addWidget(chooseFavIcon);
    auto *form = new QFormLayout(m_brandBox);
    form->addRow(tr("Brand na&me:"), m_brandName);
    form->addRow(QString(), m_brandNameProblem);
    // A row whose field is a layout gets no buddy by itself: without one, "&" would show.
    auto *logoLabel = new QLabel(tr("&Logo:"), m_brandBox);
    logoLabel->setBuddy(m_logo);
    auto *favIconLabel = new QLabel(tr("Fav&icon:"), m_brandBox);
    favIconLabel->setBuddy(m_favIcon);
    form->addRow(logoLabel, logoRow);
    form->addRow(QString(), m_logoProblem);
    form->addRow(favIconLabel, favIconRow);
    form->addRow(QString(), m_favIconProblem);
    connect(chooseLogo, &QPushButton::clicked, this,
            [this] { chooseFile(m_logo, tr("Choose the Brand's Logo"), tr("Images (*.png *.jpg *.jpeg)")); });
    connect(chooseFavIcon, &QPushButton::clicked, this,
            [this] { chooseFile(m_favIcon, tr("Choose the Brand's Favicon"), tr("Icons (*.ico)")); });
    for (QLineEdit *edit : {m_brandName, m_logo, m_favIcon})
        connect(edit, &QLineEdit::textChanged, this, &OnboardingContentPage::checkExtras);
    connect(m_brandBox, &QGroupBox::toggled, this, &OnboardingContentPage::checkExtras);
    m_brandBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // the app list takes the height
    return m_brandBox;
}

QGroupBox *OnboardingContentPage::makeKeyBox()
{
    m_keyBox = new QGroupBox(tr("Customer-managed &encryption key (optional)"), this);
    m_keyBox->setObjectName(u"keyBox"_s);
    m_keyBox->setCheckable(true);
    m_keyBox->setChecked(false);
    m_keyBox->setToolTip(
        tr("Register the customer's AWS KMS key, test it, and move the tenant's encryption to it. A key that fails "
           "the test is never moved to."));
    m_keyArn = new QLineEdit(m_keyBox);
    m_keyArn->setObjectName(u"keyArnEdit"_s);
    m_keyArn->setPlaceholderText(u"arn:aws:kms:eu-west-1:111122223333:key/mrk-…"_s);
    m_keyName = new QLineEdit(m_keyBox);
    m_keyName->setObjectName(u"keyNameEdit"_s);
    m_keyName->setPlaceholderText(tr("e.g. ${vars.customer} key"));
    m_keyArnProblem = new FieldProblemLabel(u"keyArnProblem"_s, m_keyBox);
    m_keyNameProblem = new FieldProblemLabel(u"keyNameProblem"_s, m_keyBox);
    auto *form = new QFormLayout(m_keyBox);
    form->addRow(tr("&Key ARN:"), m_keyArn);
    form->addRow(QString(), m_keyArnProblem);
    form->addRow(tr("Provider n&ame:"), m_keyName);
    form->addRow(QString(), m_keyNameProblem);
    for (QLineEdit *edit : {m_keyArn, m_keyName})
        connect(edit, &QLineEdit::textChanged, this, &OnboardingContentPage::checkExtras);
    connect(m_keyBox, &QGroupBox::toggled, this, &OnboardingContentPage::checkExtras);
    m_keyBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    return m_keyBox;
}

void OnboardingContentPage::chooseFile(QLineEdit *edit, const QString &title, const QString &filter)
{
    auto *dialog = new QFileDialog(this, title, edit->text().trimmed(), filter);
    dialog->setObjectName(u"brandFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    // The picked path is kept as it is, absolute: a saved template names the files where they are.
    connect(dialog, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
    dialog->open();
}

void OnboardingContentPage::checkExtras()
{
    const bool brand = m_brandBox->isChecked();
    m_brandNameProblem->setProblem(brand && m_brandName->text().trimmed().isEmpty() ? tr("The brand needs a name.")
                                                                                    : QString());
    const QString logo = m_logo->text().trimmed();
    const QString favIcon = m_favIcon->text().trimmed();
    if (!brand)
        m_logoProblem->setProblem({});
    else if (logo.isEmpty())
        m_logoProblem->setProblem(tr("Choose the logo: a PNG or JPEG file of at most 300 KB."));
    else
        m_logoProblem->setProblem(Ops::OnboardingTemplate::brandFileProblem(logo, true));
    if (!brand)
        m_favIconProblem->setProblem({});
    else if (favIcon.isEmpty())
        m_favIconProblem->setProblem(tr("Choose the favicon: an ICO file of at most 100 KB."));
    else
        m_favIconProblem->setProblem(Ops::OnboardingTemplate::brandFileProblem(favIcon, false));

    const bool key = m_keyBox->isChecked();
    const QString arn = m_keyArn->text().trimmed();
    if (!key)
        m_keyArnProblem->setProblem({});
    else if (arn.isEmpty())
        m_keyArnProblem->setProblem(tr("Type the ARN of the customer's AWS KMS key."));
    else
        m_keyArnProblem->setProblem(Ops::OnboardingTemplate::keyArnProblem(arn));
    m_keyNameProblem->setProblem(key && m_keyName->text().trimmed().isEmpty() ? tr("The key provider needs a name.")
                                                                              : QString());
    Q_EMIT completeChanged();
}

bool OnboardingContentPage::extrasAreFine() const
{
    for (const FieldProblemLabel *problem :
         {m_brandNameProblem, m_logoProblem, m_favIconProblem, m_keyArnProblem, m_keyNameProblem}) {
        if (!problem->problem().isEmpty())
            return false;
    }
    return true;
}

OnboardingContentPage::~OnboardingContentPage() = default;

OnboardingWizard *OnboardingContentPage::onboardingWizard() const
{
    return qobject_cast<OnboardingWizard *>(wizard());
}

bool OnboardingContentPage::isLoading() const
{
    return m_catalog->isLoading();
}

void OnboardingContentPage::initializePage()
{
    OnboardingWizard *wizard = onboardingWizard();
    if (!wizard || !wizard->session())
        return;
    Ops::OnboardingTemplate answers;
    wizard->templatePage()->describe(&answers);
    showCopies(answers.source);
    if (answers.source == m_loadedSource)
        return; // Back and Next again: keep the list and the checks
    m_wanted = selectedApps().isEmpty() ? m_wanted : selectedApps();
    m_loadedSource = answers.source;
    m_apps->clear();
    m_status->setText(tr("Loading the apps of %1…").arg(answers.source));
    const QModelIndex tenant = wizard->session()->model()->tenantIndex(answers.source);
    m_catalog->setCloudClient(wizard->session()->client());
    m_catalog->load(answers.source,
                    tenant.isValid() ? tenant.data(int(EstateModel::Role::RegionId)).toString()
                                     : wizard->customerPage()->regionId());
    Q_EMIT completeChanged();
}

void OnboardingContentPage::showApps(const QString &hostname)
{
    if (hostname != m_loadedSource)
        return;
    {
        const QSignalBlocker blocker(m_apps);
        m_apps->clear();
        for (const SourceAppCatalog::App &app : m_catalog->apps()) {
            auto *item = new QTreeWidgetItem(m_apps, {app.name, app.spaceName});
            item->setIcon(0, IconCatalog::icon(Icon::App));
            item->setData(0, appIdRole, app.id);
            item->setToolTip(0, app.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            bool wanted = false;
            for (const Ops::OnboardingTemplate::App &want : std::as_const(m_wanted))
                wanted = wanted || (want.id.isEmpty() ? want.name == app.name : want.id == app.id);
            item->setCheckState(0, wanted ? Qt::Checked : Qt::Unchecked);
        }
    }
    if (!m_catalog->errorString().isEmpty())
        m_status->setText(tr("Could not list every app of %1: %2").arg(hostname, m_catalog->errorString()));
    else if (m_catalog->apps().isEmpty())
        m_status->setText(tr("%1 has no app in a shared space; the tenant starts empty.").arg(hostname));
    else
        m_status->setText(tr("%n app(s) of %1. Check the apps the customer gets; none is fine.", nullptr,
                             int(m_catalog->apps().size()))
                              .arg(hostname));
    Q_EMIT completeChanged();
}

QList<Ops::OnboardingTemplate::App> OnboardingContentPage::selectedApps() const
{
    if (m_catalog->isLoading() || m_apps->topLevelItemCount() == 0)
        return m_wanted; // not listed (yet): the template's choice stands
    QList<Ops::OnboardingTemplate::App> apps;
    for (int i = 0; i < m_apps->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_apps->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            apps.append({item->data(0, appIdRole).toString(), item->text(0)});
    }
    return apps;
}

bool OnboardingContentPage::isComplete() const
{
    return !m_catalog->isLoading() && extrasAreFine();
}

void OnboardingContentPage::describe(Ops::OnboardingTemplate *onboardingTemplate) const
{
    onboardingTemplate->apps = selectedApps();
    onboardingTemplate->extensions = m_extensions;
    onboardingTemplate->themes = m_themes;
    onboardingTemplate->automations = m_automations;
    onboardingTemplate->extensionTags = m_extensionTags;
    onboardingTemplate->themeTags = m_themeTags;
    onboardingTemplate->embedCheck = m_embedCheck;
    onboardingTemplate->brand.reset();
    if (m_brandBox->isChecked())
        onboardingTemplate->brand = Ops::OnboardingTemplate::Brand{
            m_brandName->text().trimmed(), m_logo->text().trimmed(), m_favIcon->text().trimmed()};
    onboardingTemplate->keyProvider.reset();
    if (m_keyBox->isChecked())
        onboardingTemplate->keyProvider
            = Ops::OnboardingTemplate::KeyProvider{m_keyArn->text().trimmed(), m_keyName->text().trimmed()};
}

void OnboardingContentPage::showCopies(const QString &hostname)
{
    QStringList parts;
    if (!m_extensions.isEmpty())
        parts.append(tr("extensions %1").arg(m_extensions.join(u", "_s)));
    if (!m_themes.isEmpty())
        parts.append(tr("themes %1").arg(m_themes.join(u", "_s)));
    if (!m_extensionTags.isEmpty())
        parts.append(tr("extensions tagged %1").arg(m_extensionTags.join(u", "_s)));
    if (!m_themeTags.isEmpty())
        parts.append(tr("themes tagged %1").arg(m_themeTags.join(u", "_s)));
    if (!m_automations.isEmpty())
        parts.append(tr("automations %1").arg(m_automations.join(u", "_s)));
    m_copies->setText(parts.isEmpty()
                          ? tr("The template copies no extension, theme or automation from %1.").arg(hostname)
                          : tr("Also copied from %1, as the template says: %2.").arg(hostname, parts.join(u"; "_s)));
}

void OnboardingContentPage::showTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_wanted = onboardingTemplate.apps;
    m_extensions = onboardingTemplate.extensions;
    m_themes = onboardingTemplate.themes;
    m_automations = onboardingTemplate.automations;
    m_extensionTags = onboardingTemplate.extensionTags;
    m_themeTags = onboardingTemplate.themeTags;
    m_embedCheck = onboardingTemplate.embedCheck;
    showCopies(onboardingTemplate.source);
    {
        const std::optional<Ops::OnboardingTemplate::Brand> &brand = onboardingTemplate.brand;
        const std::optional<Ops::OnboardingTemplate::KeyProvider> &key = onboardingTemplate.keyProvider;
        const QSignalBlocker blockBrand(m_brandBox);
        const QSignalBlocker blockName(m_brandName);
        const QSignalBlocker blockLogo(m_logo);
        const QSignalBlocker blockFavIcon(m_favIcon);
        const QSignalBlocker blockKey(m_keyBox);
        const QSignalBlocker blockArn(m_keyArn);
        const QSignalBlocker blockKeyName(m_keyName);
        m_brandBox->setChecked(brand.has_value());
        m_brandName->setText(brand ? brand->name : QString());
        m_logo->setText(brand ? brand->logo : QString());
        m_favIcon->setText(brand ? brand->favIcon : QString());
        m_keyBox->setChecked(key.has_value());
        m_keyArn->setText(key ? key->arn : QString());
        m_keyName->setText(key ? key->name : QString());
    }
    checkExtras();
    const QSignalBlocker blocker(m_apps);
    for (int i = 0; i < m_apps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_apps->topLevelItem(i);
        bool wanted = false;
        for (const Ops::OnboardingTemplate::App &want : onboardingTemplate.apps)
            wanted = wanted
                || (want.id.isEmpty() ? want.name == item->text(0) : want.id == item->data(0, appIdRole).toString());
        item->setCheckState(0, wanted ? Qt::Checked : Qt::Unchecked);
    }
}
