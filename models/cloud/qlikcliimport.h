#pragma once

#include "cloud/credentialprofile.h"
#include "cloud/qlikclicontext.h"
#include "cloud/qlikcliimportreport.h"
#include "secrets/secretresult.h"

#include <QList>
#include <QObject>
#include <QString>

namespace Secrets {
class SecretStore;
}

namespace Cloud {

class ProfileStore;

// Turns qlik-cli's contexts into credential profiles: each context with an OAuth client on a Qlik
// Cloud host becomes a profile (tenant host → tenant tier; register.<region> → region tier;
// console → organization tier, FACTS §1.1 / §2.2) and its client secret moves into the keychain
// under SecretStore::oauthClientKey(profile). API-key contexts are refused: Tenantry signs in with
// OAuth clients only, and the key is not copied anywhere. Safe to re-run: a context whose profile
// and keychain secret already match is left alone, and a different profile of the same name is
// only replaced when asked to overwrite. Contexts are handled one at a time, secret first, so a
// keychain failure never leaves a profile without its secret.
class QlikCliImport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QlikCliImport)

public:
    // Neither store is owned; both must outlive the import.
    QlikCliImport(ProfileStore *profiles, Secrets::SecretStore *secrets, QObject *parent = nullptr);
    ~QlikCliImport() override;

    void setOverwrite(bool overwrite) { m_overwrite = overwrite; }

    // Reads `path` and imports its contexts; finished() follows exactly once, later (never inside
    // this call). A file that cannot be read or parsed writes nothing: report().fileError says why.
    void start(const QString &path);
    [[nodiscard]] const QlikCliImportReport &report() const { return m_report; }

    // What one context becomes, decided from the file alone: a profile and its secret, or why not.
    struct Candidate
    {
        CredentialProfile profile;
        QString secret;
        QString refusal; // empty when the context can be imported; names the context and the field
        QString note; // what is left behind (an API key, headers), for the report
    };
    [[nodiscard]] static Candidate candidateFor(const QlikCliContext &context);
    // The profile name for a context name: characters a profile name cannot hold become '-'.
    [[nodiscard]] static QString profileNameFor(const QString &contextName);

Q_SIGNALS:
    void finished();

private:
    struct Pending
    {
        qsizetype entry = 0; // index into m_report.entries
        QString secret;
    };
    void next();
    void importNew(const Pending &pending);
    void compareWithExisting(const Pending &pending, const CredentialProfile &existing);
    void replace(const Pending &pending, const QStringList &differences, const Secrets::SecretResult &previous);
    void settle(qsizetype entry, QlikCliImportReport::Outcome outcome, const QString &detail);
    void noteKeychainFailure(const Secrets::SecretResult &result);

    ProfileStore *m_profiles;
    Secrets::SecretStore *m_secrets;
    bool m_overwrite = false;
    QlikCliImportReport m_report;
    QList<Pending> m_pending;
    QString m_keychainDown; // set once the keychain is unavailable: the rest fail without trying
};

} // namespace Cloud
