#include "ui/onboardingcustomerpage.h"

#include "cloud/region.h"
#include "ops/onboardingtemplate.h"
#include "ui/fieldproblemlabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

OnboardingCustomerPage::OnboardingCustomerPage(const QString &regionId, QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"onboardingCustomerPage"_s);
    setTitle(tr("Customer and region"));
    setSubTitle(tr("Who the new tenant is for, where it lives, and the hostname people will use for it."));
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"customerNameEdit"_s);
    m_name->setPlaceholderText(tr("e.g. Demo Customer"));
    m_region = new QComboBox(this);
    m_region->setObjectName(u"regionCombo"_s);
    for (const Cloud::Region &region : Cloud::Region::all())
        m_region->addItem(u"%1 — %2 (%3)"_s.arg(region.id, region.location, region.awsCode), region.id);
    m_alias = new QLineEdit(this);
    m_alias->setObjectName(u"aliasEdit"_s);
    m_alias->setPlaceholderText(tr("name.region.qlikcloud.com"));
    m_nameProblem = new FieldProblemLabel(u"customerNameProblem"_s, this);
    m_aliasProblem = new FieldProblemLabel(u"aliasProblem"_s, this);

    auto *form = new QFormLayout;
    form->addRow(tr("Customer &name:"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("&Alias hostname:"), m_alias);
    form->addRow(QString(), m_aliasProblem);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);

    setRegionId(regionId);
    connect(m_name, &QLineEdit::textChanged, this, &OnboardingCustomerPage::suggestAlias);
    connect(m_region, &QComboBox::currentIndexChanged, this, &OnboardingCustomerPage::suggestAlias);
    connect(m_alias, &QLineEdit::textEdited, this, [this] { m_aliasEdited = !m_alias->text().isEmpty(); });
    connect(m_alias, &QLineEdit::textChanged, this, &OnboardingCustomerPage::check);
    check();
}

OnboardingCustomerPage::~OnboardingCustomerPage() = default;

Ops::OnboardingPlanBuilder::Customer OnboardingCustomerPage::customer() const
{
    return {m_name->text().trimmed(), m_alias->text().trimmed(), {}};
}

QString OnboardingCustomerPage::regionId() const
{
    return m_region->currentData().toString();
}

void OnboardingCustomerPage::setRegionId(const QString &regionId)
{
    const int row = m_region->findData(regionId.toLower());
    m_region->setCurrentIndex(row >= 0 ? row : m_region->findData(u"eu"_s));
}

void OnboardingCustomerPage::suggestAlias()
{
    if (!m_aliasEdited) {
        const QString id = Ops::OnboardingPlanBuilder::idFrom(m_name->text());
        const QSignalBlocker blocker(m_alias);
        m_alias->setText(id.isEmpty() ? QString() : id + u'.' + regionId() + u".qlikcloud.com"_s);
    }
    check();
}

void OnboardingCustomerPage::check()
{
    const QString name = m_name->text().trimmed();
    if (!name.isEmpty() && Ops::OnboardingPlanBuilder::idFrom(name).isEmpty())
        m_nameProblem->setProblem(tr("The name needs at least one letter."));
    else
        m_nameProblem->setProblem({});
    const QString alias = m_alias->text().trimmed();
    m_aliasProblem->setProblem(alias.isEmpty() ? QString() : Ops::OnboardingTemplate::aliasProblem(alias, regionId()));
    Q_EMIT completeChanged();
}

bool OnboardingCustomerPage::isComplete() const
{
    const QString name = m_name->text().trimmed();
    return !name.isEmpty() && !Ops::OnboardingPlanBuilder::idFrom(name).isEmpty()
        && Ops::OnboardingTemplate::aliasProblem(m_alias->text().trimmed(), regionId()).isEmpty();
}
