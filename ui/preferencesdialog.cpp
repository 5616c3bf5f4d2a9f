#include "ui/preferencesdialog.h"

#include "cloud/region.h"
#include "interfacelanguage.h"
#include "logging/applicationlog.h"
#include "preferences.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

using Level = Logging::ApplicationLog::Level;

// A language's own name ("Deutsch"), so people find theirs whatever language the window is in.
QString nativeName(const QString &language)
{
    if (language == "en"_L1)
        return u"English"_s; // not QLocale's "American English": the source language is plain English
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(u"preferencesConcurrencySpin"_s);
    m_concurrency->setRange(Preferences::minConcurrency, Preferences::maxConcurrency);
    m_concurrency->setValue(Preferences::concurrency());
    m_concurrency->setSuffix(tr(" tenants in parallel"));
    m_concurrency->setToolTip(tr("How many tenants the publish and reassign plans Tenantry builds work on at once. "
                                 "Plan files keep their own concurrency."));

    m_regions = new QLineEdit(Preferences::defaultRegions().join(u", "_s), this);
    m_regions->setObjectName(u"preferencesRegionsEdit"_s);
    m_regions->setPlaceholderText(tr("every region, e.g. eu, us"));
    m_regions->setToolTip(tr("Region ids, separated by commas: %1. These regions open in the estate tree and the "
                             "first is preselected where a region is chosen.")
                              .arg(Cloud::Region::knownIds()));

    m_confirmation = new QComboBox(this);
    m_confirmation->setObjectName(u"preferencesConfirmationCombo"_s);
    m_confirmation->addItem(tr("Always (deactivations, production aliases)"),
                            int(Preferences::ConfirmationPolicy::Always));
    m_confirmation->addItem(tr("Only for several tenants at once"), int(Preferences::ConfirmationPolicy::BulkOnly));
    m_confirmation->setToolTip(tr("Always: the tenant's hostname is typed for every deactivation and for the alias "
                                  "change of a production tenant. Otherwise only changes to several tenants at once "
                                  "ask for typing; one tenant is confirmed with the button."));
    m_confirmation->setCurrentIndex(m_confirmation->findData(int(Preferences::confirmationPolicy())));

    m_logLevel = new QComboBox(this);
    m_logLevel->setObjectName(u"preferencesLogLevelCombo"_s);
    m_logLevel->addItem(tr("Warnings and errors"), int(Level::Warning));
    m_logLevel->addItem(tr("Information (default)"), int(Level::Info));
    m_logLevel->addItem(tr("Debug (verbose)"), int(Level::Debug));
    m_logLevel->setCurrentIndex(m_logLevel->findData(int(Preferences::logLevel())));

    m_language = new QComboBox(this);
    m_language->setObjectName(u"preferencesLanguageCombo"_s);
    // What "System" resolves to among the shipped languages, so nobody has to guess.
    m_language->addItem(tr("System (%1)").arg(nativeName(InterfaceLanguage::choose({}, {}))), QString());
    m_language->addItem(nativeName(u"en"_s), u"en"_s);
    for (const QString &language : Preferences::shippedLanguages())
        m_language->addItem(nativeName(language), language);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Preferences::language())));
    auto *restartNote = new QLabel(tr("The language changes at the next start."), this);
    restartNote->setEnabled(false);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"preferencesProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Concurrency:"), m_concurrency);
    form->addRow(tr("Default &regions:"), m_regions);
    form->addRow(tr("Confirm by &typing:"), m_confirmation);
    form->addRow(tr("&Log level:"), m_logLevel);
    form->addRow(tr("L&anguage:"), m_language);
    form->addRow(QString(), restartNote);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::accept()
{
    if (const QString problem = store(); !problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

QString PreferencesDialog::store()
{
    QStringList regions;
    for (const QString &id : m_regions->text().split(u',', Qt::SkipEmptyParts)) {
        if (!id.trimmed().isEmpty())
            regions.append(id.trimmed());
    }
    // Every value is checked before any is stored: a refused dialog changes nothing.
    for (const QString &id : std::as_const(regions)) {
        if (!Cloud::Region::fromId(id))
            return tr("Default regions: \"%1\" is not a Qlik Cloud region; use one of %2.")
                .arg(id, Cloud::Region::knownIds());
    }
    const int concurrency = m_concurrency->value();
    if (concurrency < Preferences::minConcurrency || concurrency > Preferences::maxConcurrency)
        return tr("Concurrency: use %1 to %2 tenants.")
            .arg(Preferences::minConcurrency)
            .arg(Preferences::maxConcurrency);

    if (QString error = Preferences::setConcurrency(concurrency); !error.isEmpty())
        return error;
    if (QString error = Preferences::setDefaultRegions(regions); !error.isEmpty())
        return error;
    if (QString error = Preferences::setLanguage(m_language->currentData().toString()); !error.isEmpty())
        return error;
    Preferences::setConfirmationPolicy(
        static_cast<Preferences::ConfirmationPolicy>(m_confirmation->currentData().toInt()));
    const auto level = static_cast<Level>(m_logLevel->currentData().toInt());
    Preferences::setLogLevel(level);
    Logging::ApplicationLog::setLevel(level);
    return {};
}
