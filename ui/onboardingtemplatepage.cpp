#include "ui/onboardingtemplatepage.h"

#include "estatemodel.h"
#include "estatesession.h"
#include "ui/fieldproblemlabel.h"
#include "ui/iconcatalog.h"
#include "ui/onboardingwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

OnboardingTemplatePage::OnboardingTemplatePage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"onboardingTemplatePage"_s);
    setTitle(tr("Template"));
    setSubTitle(tr("Everything but the customer: load a saved template, or fill in the pages and save them as one "
                   "for the next customer."));
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"templateNameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. Embedded analytics, eu"));
    m_load = new QPushButton(IconCatalog::icon(Icon::Add), tr("&Load Template…"), this);
    m_load->setObjectName(u"loadTemplateButton"_s);
    m_source = new QComboBox(this);
    m_source->setObjectName(u"templateSourceCombo"_s);
    m_source->setPlaceholderText(tr("Choose the source tenant"));
    m_source->setMinimumContentsLength(40);
    m_adminEmail = new QLineEdit(this);
    m_adminEmail->setObjectName(u"adminEmailEdit"_s);
    m_adminEmail->setPlaceholderText(tr("a user of the source tenant; empty: no recovery admin"));
    m_adminProblem = new FieldProblemLabel(u"adminEmailProblem"_s, this);
    m_autoProfessional = new QCheckBox(tr("Give new users a &professional seat automatically"), this);
    m_autoProfessional->setObjectName(u"autoProfessionalBox"_s);
    m_autoAnalyzer = new QCheckBox(tr("Give new users an a&nalyzer seat automatically"), this);
    m_autoAnalyzer->setObjectName(u"autoAnalyzerBox"_s);
    m_adminSeat = new QComboBox(this);
    m_adminSeat->setObjectName(u"adminSeatCombo"_s);
    m_adminSeat->addItem(tr("none"), QString());
    m_adminSeat->addItem(tr("professional"), u"professional"_s);
    m_adminSeat->addItem(tr("analyzer"), u"analyzer"_s);
    m_keepProfessional = new QSpinBox(this);
    m_keepProfessional->setObjectName(u"keepProfessionalSpin"_s);
    m_keepProfessional->setRange(0, 100000);
    m_keepAnalyzer = new QSpinBox(this);
    m_keepAnalyzer->setObjectName(u"keepAnalyzerSpin"_s);
    m_keepAnalyzer->setRange(0, 100000);
    m_status = new QLabel(this);
    m_status->setObjectName(u"templateStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_load);
    auto *keepFree = new QHBoxLayout;
    keepFree->addWidget(m_keepProfessional);
    keepFree->addWidget(new QLabel(tr("professional"), this));
    keepFree->addWidget(m_keepAnalyzer);
    keepFree->addWidget(new QLabel(tr("analyzer"), this));
    keepFree->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Template:"), nameRow);
    form->addRow(tr("&Source tenant:"), m_source);
    form->addRow(tr("&Recovery admin:"), m_adminEmail);
    form->addRow(QString(), m_adminProblem);
    form->addRow(tr("Admin's &seat:"), m_adminSeat);
    form->addRow(tr("Seats:"), m_autoProfessional);
    form->addRow(QString(), m_autoAnalyzer);
    form->addRow(tr("Keep free in the pool:"), keepFree);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_status);

    connect(m_load, &QPushButton::clicked, this, &OnboardingTemplatePage::chooseAndLoadTemplate);
    connect(m_source, &QComboBox::currentIndexChanged, this, &OnboardingTemplatePage::check);
    connect(m_adminEmail, &QLineEdit::textChanged, this, &OnboardingTemplatePage::check);
    connect(m_adminSeat, &QComboBox::currentIndexChanged, this, &OnboardingTemplatePage::check);
}

OnboardingTemplatePage::~OnboardingTemplatePage() = default;

OnboardingWizard *OnboardingTemplatePage::onboardingWizard() const
{
    return qobject_cast<OnboardingWizard *>(wizard());
}

void OnboardingTemplatePage::initializePage()
{
    if (m_source->count() == 0)
        fillSources();
    check();
}

void OnboardingTemplatePage::fillSources()
{
    OnboardingWizard *wizard = onboardingWizard();
    if (!wizard || !wizard->session())
        return;
    const QSignalBlocker blocker(m_source);
    wizard->session()->model()->forEachTenant([this](const QModelIndex &tenant) {
        if (tenant.data(int(EstateModel::Role::Status)).toString() != "active"_L1)
            return; // a deactivated tenant gives no license key and no app
        const QString hostname = tenant.data(int(EstateModel::Role::Hostname)).toString();
        const QString name = tenant.data(Qt::DisplayRole).toString();
        m_source->addItem(IconCatalog::icon(Icon::Tenant), name == hostname ? name : name + u" — "_s + hostname,
                          hostname);
    });
    m_source->setCurrentIndex(-1);
    if (!m_wantedSource.isEmpty())
        setSource(m_wantedSource);
}

void OnboardingTemplatePage::setSource(const QString &hostname)
{
    m_wantedSource = hostname;
    OnboardingWizard *wizard = onboardingWizard();
    int row = m_source->findData(hostname);
    if (row < 0 && wizard && wizard->session()) {
        // The template may name the tenant by its alias; the estate lists the hostname it calls.
        const QModelIndex tenant = wizard->session()->model()->tenantIndex(hostname);
        if (tenant.isValid())
            row = m_source->findData(tenant.data(int(EstateModel::Role::Hostname)));
    }
    if (row < 0 && !hostname.isEmpty() && m_source->count() > 0) {
        // Not in this estate: keep it, so the template's plan still names it.
        m_source->addItem(IconCatalog::icon(Icon::Tenant), hostname, hostname);
        row = m_source->count() - 1;
    }
    m_source->setCurrentIndex(row);
}

void OnboardingTemplatePage::check()
{
    const QString email = m_adminEmail->text().trimmed();
    QString problem = email.isEmpty() ? QString() : Ops::OnboardingTemplate::emailProblem(email);
    if (problem.isEmpty() && email.isEmpty() && !m_adminSeat->currentData().toString().isEmpty())
        problem = tr("A seat for the admin needs a recovery admin.");
    m_adminProblem->setProblem(problem);
    Q_EMIT completeChanged();
}

bool OnboardingTemplatePage::isComplete() const
{
    return m_source->currentIndex() >= 0 && m_adminProblem->problem().isEmpty();
}

void OnboardingTemplatePage::describe(Ops::OnboardingTemplate *onboardingTemplate) const
{
    onboardingTemplate->name = m_name->text().trimmed();
    onboardingTemplate->source = m_source->currentData().toString();
    onboardingTemplate->recoveryAdminEmail = m_adminEmail->text().trimmed();
    onboardingTemplate->licenses.autoAssignProfessional = m_autoProfessional->isChecked();
    onboardingTemplate->licenses.autoAssignAnalyzer = m_autoAnalyzer->isChecked();
    onboardingTemplate->licenses.adminSeat = m_adminSeat->currentData().toString();
    onboardingTemplate->licenses.keepFreeProfessional = m_keepProfessional->value();
    onboardingTemplate->licenses.keepFreeAnalyzer = m_keepAnalyzer->value();
}

void OnboardingTemplatePage::showTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_name->setText(onboardingTemplate.name);
    if (m_source->count() == 0)
        fillSources();
    setSource(onboardingTemplate.source);
    m_adminEmail->setText(onboardingTemplate.recoveryAdminEmail);
    m_autoProfessional->setChecked(onboardingTemplate.licenses.autoAssignProfessional);
    m_autoAnalyzer->setChecked(onboardingTemplate.licenses.autoAssignAnalyzer);
    m_adminSeat->setCurrentIndex(std::max(0, m_adminSeat->findData(onboardingTemplate.licenses.adminSeat)));
    m_keepProfessional->setValue(onboardingTemplate.licenses.keepFreeProfessional);
    m_keepAnalyzer->setValue(onboardingTemplate.licenses.keepFreeAnalyzer);
    check();
}

QString OnboardingTemplatePage::loadTemplate(const QString &path)
{
    const Ops::OnboardingTemplate::ReadResult read = Ops::OnboardingTemplate::readFile(path);
    if (!read.onboardingTemplate) {
        const QString problems = read.errors.join(u'\n');
        m_status->setText(tr("Not loaded:\n%1").arg(problems));
        return problems;
    }
    if (OnboardingWizard *wizard = onboardingWizard())
        wizard->setOnboardingTemplate(*read.onboardingTemplate);
    m_status->setText(tr("Loaded %1. The next pages show what it holds.").arg(path));
    return {};
}

void OnboardingTemplatePage::chooseAndLoadTemplate()
{
    auto *dialog = new QFileDialog(this, tr("Load Onboarding Template"), QString(),
                                   tr("Onboarding templates (*.json);;All files (*)"));
    dialog->setObjectName(u"loadTemplateDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { (void)loadTemplate(path); });
    dialog->open();
}
