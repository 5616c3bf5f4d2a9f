#pragma once

#include <QDialog>
#include <QPointer>

class CredentialsDialog;
class QPushButton;

// What `tenantry` shows when no credential profile is configured: add credentials (the credentials
// dialog) or try the sandbox (the same as --sandbox). Either way one of the request signals follows,
// once; closing it without a choice asks for the cloud session (which then says it has no credentials).
class FirstRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDialog)

public:
    explicit FirstRunDialog(QWidget *parent = nullptr);
    ~FirstRunDialog() override;

    // The credentials dialog opened by "Add Credentials…", while it is open.
    [[nodiscard]] CredentialsDialog *credentialsDialog() const;

Q_SIGNALS:
    void sandboxRequested(); // start the sandbox with the demo seed
    void cloudRequested(); // connect with the configured profiles (after the credentials dialog closed)

private:
    void addCredentials();

    QPushButton *m_addButton = nullptr;
    QPushButton *m_sandboxButton = nullptr;
    QPointer<CredentialsDialog> m_credentials;
};
