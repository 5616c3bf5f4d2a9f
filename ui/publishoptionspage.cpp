#include "ui/publishoptionspage.h"

#include "ops/rolloutplanbuilder.h"
#include "preferences.h"
#include "tenanttagstore.h"
#include "ui/publishwizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Characters Qlik refuses in space names (the publish-app step's schema says the same).
constexpr QStringView forbiddenInSpaceNames = u"\"*?<>/|\\:";

} // namespace

PublishOptionsPage::PublishOptionsPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(u"publishOptionsPage"_s);
    setTitle(tr("Spaces and options"));
    setSubTitle(tr("Where the apps go on each target, and how the rollout runs."));

    m_managed = new QLineEdit(this);
    m_managed->setObjectName(u"managedSpaceEdit"_s);
    m_managed->setPlaceholderText(tr("the managed space's name, e.g. Customer Apps"));
    m_create = new QCheckBox(tr("Create the spaces where they are missing"), this);
    m_create->setObjectName(u"createSpacesBox"_s);
    m_staging = new QLineEdit(u"Staging"_s, this);
    m_staging->setObjectName(u"stagingSpaceEdit"_s);
    m_data = new QComboBox(this);
    m_data->setObjectName(u"dataCombo"_s);
    m_data->addItem(tr("Qlik's default"), QString());
    m_data->addItem(tr("Publish the source's data"), u"source"_s);
    m_data->addItem(tr("Keep the published copy's data"), u"target"_s);
    m_existing = new QComboBox(this);
    m_existing->setObjectName(u"existingCombo"_s);
    m_existing->addItem(tr("Republish over the copy published earlier"), false);
    m_existing->addItem(tr("Publish new copies only (keep existing ones)"), true);
    m_reload = new QCheckBox(tr("Reload each published copy afterwards"), this);
    m_reload->setObjectName(u"reloadBox"_s);
    m_matchByName = new QCheckBox(tr("Republish over a copy of the same name Tenantry cannot trace"), this);
    m_matchByName->setObjectName(u"matchByNameBox"_s);
    m_cleanup = new QComboBox(this);
    m_cleanup->setObjectName(u"cleanupCombo"_s);
    m_cleanup->addItem(tr("Keep the latest staged copy"), u"keep-latest"_s);
    m_cleanup->addItem(tr("Delete staged copies"), u"delete"_s);
    m_cleanup->addItem(tr("Keep every staged copy"), u"keep"_s);
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(u"concurrencySpin"_s);
    m_concurrency->setRange(Preferences::minConcurrency, Preferences::maxConcurrency);
    m_concurrency->setValue(Preferences::concurrency());
    m_concurrency->setSuffix(tr(" tenants in parallel"));
    m_wave = new QComboBox(this);
    m_wave->setObjectName(u"waveCombo"_s);
    m_wave->addItem(tr("All tenants at once"), int(Wave::None));
    m_wave->addItem(tr("First wave: the first tenants"), int(Wave::FirstTenants));
    m_wave->addItem(tr("First wave: the tenants tagged"), int(Wave::Tagged));
    m_waveSize = new QSpinBox(this);
    m_waveSize->setObjectName(u"waveSizeSpin"_s);
    m_waveSize->setRange(1, 100000);
    m_waveSize->setValue(5);
    m_waveSize->setSuffix(tr(" tenants"));
    m_waveTag = new QComboBox(this);
    m_waveTag->setObjectName(u"waveTagCombo"_s);
    m_laterWaves = new QSpinBox(this);
    m_laterWaves->setObjectName(u"laterWavesSpin"_s);
    m_laterWaves->setRange(0, 100000);
    m_laterWaves->setPrefix(tr("then waves of "));
    m_laterWaves->setSuffix(tr(" tenants"));
    m_laterWaves->setSpecialValueText(tr("then all the others"));
    m_maxWaveFailures = new QSpinBox(this);
    m_maxWaveFailures->setObjectName(u"maxWaveFailuresSpin"_s);
    m_maxWaveFailures->setRange(0, 100);
    m_maxWaveFailures->setSuffix(u"%"_s);
    m_maxWaveFailures->setPrefix(tr("stop when more than "));
    auto *waveRow = new QHBoxLayout;
    waveRow->addWidget(m_wave);
    waveRow->addWidget(m_waveSize);
    waveRow->addWidget(m_waveTag);
    waveRow->addWidget(m_laterWaves);
    waveRow->addWidget(m_maxWaveFailures, 1);
    const auto showWave = [this] {
        m_waveSize->setVisible(wave() == Wave::FirstTenants);
        m_waveTag->setVisible(wave() == Wave::Tagged);
        m_laterWaves->setVisible(wave() != Wave::None);
        m_maxWaveFailures->setEnabled(wave() != Wave::None);
        Q_EMIT completeChanged();
    };
    connect(m_wave, &QComboBox::currentIndexChanged, this, showWave);
    showWave();
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"optionsProblem"_s);
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Managed space:"), m_managed);
    form->addRow(QString(), m_create);
    form->addRow(tr("S&taging space (shared):"), m_staging);
    form->addRow(tr("&Existing copies:"), m_existing);
    form->addRow(tr("&Data:"), m_data);
    form->addRow(QString(), m_reload);
    form->addRow(QString(), m_matchByName);
    form->addRow(tr("Staged &copies:"), m_cleanup);
    form->addRow(tr("C&oncurrency:"), m_concurrency);
    form->addRow(tr("Staged &rollout:"), waveRow);
    form->addRow(m_problem);

    connect(m_managed, &QLineEdit::textChanged, this, &PublishOptionsPage::updateProblem);
    connect(m_staging, &QLineEdit::textChanged, this, &PublishOptionsPage::updateProblem);
}

PublishOptionsPage::~PublishOptionsPage() = default;

void PublishOptionsPage::initializePage()
{
    auto *wizard = qobject_cast<PublishWizard *>(this->wizard());
    if (!wizard || !wizard->session())
        return;
    const QString current = waveTag();
    m_waveTag->clear();
    for (const TenantTag &tag : wizard->session()->tags()->definitions())
        m_waveTag->addItem(TenantTagStore::displayName(tag.name), tag.name);
    m_waveTag->setCurrentIndex(std::max(0, m_waveTag->findData(current)));
}

PublishOptionsPage::Wave PublishOptionsPage::wave() const
{
    return static_cast<Wave>(m_wave->currentData().toInt());
}

QString PublishOptionsPage::waveTag() const
{
    return m_waveTag->currentData().toString();
}

void PublishOptionsPage::describe(Ops::RolloutPlanBuilder *rollout) const
{
    rollout->managedSpace = m_managed->text().trimmed();
    rollout->stagingSpace = m_staging->text().trimmed();
    rollout->createSpaces = m_create->isChecked();
    rollout->data = m_data->currentData().toString();
    rollout->keepExisting = m_existing->currentData().toBool();
    rollout->reload = m_reload->isChecked();
    rollout->matchByName = m_matchByName->isChecked();
    rollout->cleanup = m_cleanup->currentData().toString();
    rollout->concurrency = m_concurrency->value();
    // Wave::Tagged: the wizard puts the tagged targets first and sizes the wave (it knows the tags).
    rollout->firstWave = wave() == Wave::FirstTenants ? m_waveSize->value() : 0;
    rollout->waveSize = wave() == Wave::None ? 0 : m_laterWaves->value();
    rollout->maxWaveFailurePercent = m_maxWaveFailures->value();
}

QString PublishOptionsPage::problemOf(const QString &what, const QString &name) const
{
    if (name.isEmpty())
        return tr("Name the %1.").arg(what);
    if (name.size() > 256)
        return tr("The %1's name is longer than 256 characters.").arg(what);
    for (const QChar c : name) {
        if (forbiddenInSpaceNames.contains(c))
            return tr("The %1's name may not contain %2").arg(what, QString(c));
    }
    return {};
}

bool PublishOptionsPage::isComplete() const
{
    if (wave() == Wave::Tagged && waveTag().isEmpty())
        return false;
    return problemOf(tr("managed space"), m_managed->text().trimmed()).isEmpty()
        && problemOf(tr("staging space"), m_staging->text().trimmed()).isEmpty()
        && m_managed->text().trimmed().compare(m_staging->text().trimmed(), Qt::CaseInsensitive) != 0;
}

void PublishOptionsPage::updateProblem()
{
    const QString managed = m_managed->text().trimmed();
    const QString staging = m_staging->text().trimmed();
    QString problem = problemOf(tr("managed space"), managed);
    if (problem.isEmpty())
        problem = problemOf(tr("staging space"), staging);
    if (problem.isEmpty() && managed.compare(staging, Qt::CaseInsensitive) == 0)
        problem = tr("The managed and the staging space must be two spaces.");
    m_problem->setText(problem);
    Q_EMIT completeChanged();
}
