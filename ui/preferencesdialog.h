#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// File → Preferences… (Ctrl+,): job concurrency, default regions, the typed-confirmation policy,
// the log level and the language, stored through Preferences (QSettings, nothing secret). OK
// checks every value first and stays open naming the first bad one; the log level applies at
// once, the language at the next start.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    [[nodiscard]] QSpinBox *concurrencySpin() const { return m_concurrency; }
    [[nodiscard]] QLineEdit *regionsEdit() const { return m_regions; }
    [[nodiscard]] QComboBox *confirmationCombo() const { return m_confirmation; }
    [[nodiscard]] QComboBox *logLevelCombo() const { return m_logLevel; }
    [[nodiscard]] QComboBox *languageCombo() const { return m_language; }
    [[nodiscard]] QLabel *problemLabel() const { return m_problem; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }

    // Stores the values and closes, or names what is wrong and stays open.
    void accept() override;

private:
    [[nodiscard]] QString store();

    QSpinBox *m_concurrency = nullptr;
    QLineEdit *m_regions = nullptr;
    QComboBox *m_confirmation = nullptr;
    QComboBox *m_logLevel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
