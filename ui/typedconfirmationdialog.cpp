#include "ui/typedconfirmationdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

TypedConfirmationDialog::TypedConfirmationDialog(const QString &title, const QString &message, const QString &phrase,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_phrase(phrase)
{
    setWindowTitle(title);
    setObjectName(u"typedConfirmation"_s);
    auto *text = new QLabel(message, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);

    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"confirmationEdit"_s);
    m_edit->setPlaceholderText(phrase);
    m_prompt = new QLabel(tr("Type <b>%1</b> to confirm:").arg(phrase.toHtmlEscaped()), this);
    m_prompt->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_confirm = buttons->button(QDialogButtonBox::Ok);
    m_confirm->setObjectName(u"confirmButton"_s);
    m_confirm->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isConfirmed())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { m_confirm->setEnabled(isConfirmed()); });

    m_form = new QFormLayout;
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(m_form);
    layout->addWidget(m_prompt);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

TypedConfirmationDialog::~TypedConfirmationDialog() = default;

void TypedConfirmationDialog::addField(const QString &label, QWidget *field)
{
    field->setParent(this);
    m_form->addRow(label, field);
}

void TypedConfirmationDialog::setActionText(const QString &text)
{
    m_confirm->setText(text);
}

void TypedConfirmationDialog::setTypingRequired(bool required)
{
    m_typingRequired = required;
    m_prompt->setVisible(required);
    m_edit->setVisible(required);
    m_confirm->setEnabled(isConfirmed());
}

bool TypedConfirmationDialog::isConfirmed() const
{
    return !m_phrase.isEmpty() && (!m_typingRequired || m_edit->text().trimmed() == m_phrase);
}
