#pragma once

#include "cloud/credentialprofile.h"

#include <QList>
#include <QString>

namespace Cloud {

// What an import of qlik-cli contexts did, context by context. Holds no secret.
struct QlikCliImportReport
{
    enum class Outcome {
        Imported, // a new profile, its secret in the keychain
        Updated, // an existing profile replaced (only when asked to overwrite)
        Unchanged, // the profile and its keychain secret already had these values
        Skipped, // a profile of that name exists with other values, or the name clashes
        Refused, // the context does not fit a Tenantry profile (API key, not Qlik Cloud, …)
        Failed, // the keychain or the settings file refused; nothing was left half-written
    };

    struct Entry
    {
        QString context;
        int line = 0;
        bool current = false; // qlik-cli's current-context
        CredentialProfile profile; // name empty when the context was refused before it had one
        Outcome outcome = Outcome::Refused;
        QString detail; // why, for every outcome but Imported/Unchanged; notes otherwise
    };

    QString file;
    QString fileError; // the file could not be read or is not valid; then nothing was written
    QList<Entry> entries; // in file order
    int contextsWithSecrets = 0; // contexts whose secret the original file still holds in plain text

    [[nodiscard]] bool ok() const; // the file was read and nothing failed
    [[nodiscard]] qsizetype count(Outcome outcome) const;
    // The reminder that the qlik-cli file still holds secrets in plain text; empty when it holds none.
    [[nodiscard]] QString plaintextReminder() const;
};

[[nodiscard]] QString qlikCliImportOutcomeName(QlikCliImportReport::Outcome outcome); // "imported", …

} // namespace Cloud
