#include "ui/onboardingoriginspage.h"

#include "ui/fieldproblemlabel.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

OnboardingOriginsPage::OnboardingOriginsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"onboardingOriginsPage"_s);
    setTitle(tr("Web origins"));
    setSubTitle(tr("The origins of the customer's web apps that embed the tenant, one per line. Each may frame "
                   "the tenant (CSP frame-ancestors); together they make the web integration."));
    m_origins = new QPlainTextEdit(this);
    m_origins->setObjectName(u"originsEdit"_s);
    m_origins->setPlaceholderText(u"https://portal.customer.example"_s);
    m_problem = new FieldProblemLabel(u"originsProblem"_s, this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"integrationNameEdit"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Origins:"), m_origins);
    form->addRow(QString(), m_problem);
    form->addRow(tr("Web &integration:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);

    connect(m_origins, &QPlainTextEdit::textChanged, this, &OnboardingOriginsPage::check);
    connect(m_name, &QLineEdit::textChanged, this, &OnboardingOriginsPage::check);
    showTemplate(Ops::OnboardingTemplate{});
}

OnboardingOriginsPage::~OnboardingOriginsPage() = default;

QStringList OnboardingOriginsPage::origins() const
{
    QStringList list;
    for (const QString &line : m_origins->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            list.append(line.trimmed());
    }
    return list;
}

void OnboardingOriginsPage::check()
{
    QStringList problems;
    QSet<QString> seen;
    const QStringList lines = m_origins->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString origin = lines.at(i).trimmed();
        if (origin.isEmpty())
            continue;
        if (const QString problem = Ops::OnboardingTemplate::originProblem(origin); !problem.isEmpty())
            problems.append(tr("line %1: %2").arg(i + 1).arg(problem));
        else if (seen.contains(origin.toLower()))
            problems.append(tr("line %1: %2 is listed twice").arg(i + 1).arg(origin));
        seen.insert(origin.toLower());
    }
    if (!seen.isEmpty() && m_name->text().trimmed().isEmpty())
        problems.append(tr("The web integration needs a name."));
    m_problem->setProblem(problems.join(u'\n'));
    Q_EMIT completeChanged();
}

bool OnboardingOriginsPage::isComplete() const
{
    return m_problem->problem().isEmpty();
}

void OnboardingOriginsPage::describe(Ops::OnboardingTemplate *onboardingTemplate) const
{
    onboardingTemplate->webOrigins = origins();
    onboardingTemplate->webIntegrationName = m_name->text().trimmed();
}

void OnboardingOriginsPage::showTemplate(const Ops::OnboardingTemplate &onboardingTemplate)
{
    m_origins->setPlainText(onboardingTemplate.webOrigins.join(u'\n'));
    m_name->setText(onboardingTemplate.webIntegrationName);
    check();
}
