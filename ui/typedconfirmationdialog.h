#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// Asks for a destructive or far-reaching action to be confirmed by typing a phrase (a tenant's
// hostname, "3 tenants"): the action button stays disabled until the text matches exactly. Extra
// inputs (a purge delay, say) go above the phrase with addField().
class TypedConfirmationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TypedConfirmationDialog)

public:
    TypedConfirmationDialog(const QString &title, const QString &message, const QString &phrase,
                            QWidget *parent = nullptr);
    ~TypedConfirmationDialog() override;

    void addField(const QString &label, QWidget *field);
    void setActionText(const QString &text); // the button that confirms, e.g. "Deactivate"
    // Off: the action button alone confirms (Preferences::ConfirmationPolicy::BulkOnly for one
    // tenant); phrase() still names what is confirmed.
    void setTypingRequired(bool required);
    [[nodiscard]] bool isTypingRequired() const { return m_typingRequired; }

    [[nodiscard]] QString phrase() const { return m_phrase; }
    [[nodiscard]] bool isConfirmed() const; // the typed text is the phrase, or no typing is required
    [[nodiscard]] QLineEdit *confirmationEdit() const { return m_edit; }
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }

private:
    QString m_phrase;
    QFormLayout *m_form = nullptr;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_confirm = nullptr;
    bool m_typingRequired = true;
};
