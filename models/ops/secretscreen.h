#pragma once

#include "ops/plan.h"
#include "ops/planissue.h"

#include <QJsonValue>
#include <QList>
#include <QStringView>

namespace Ops {

// Keeps secrets out of plans, journals and summaries. A plan names credential profiles and keychain
// entries; it never carries a client secret, token, password or private key. The screen rejects
// fields whose name says "secret" (clientSecret, password, token, privateKey...) unless the name
// says it is a reference (…Ref, …Entry, …Profile), and values that are secrets whatever their
// field: private-key PEM blocks, JSON Web Tokens, bearer credentials.
class SecretScreen
{
public:
    // Every secret-looking field of `value`, with its JSON path under `path`.
    [[nodiscard]] static QList<PlanIssue> findSecrets(const QJsonValue &value, const QString &path);
    // The same as findSecrets(plan.toJson(), "$"), without making the JSON (Job::start() screens
    // plans of a thousand targets on the GUI thread): the issues, paths and order are the same.
    [[nodiscard]] static QList<PlanIssue> findSecrets(const Plan &plan);

    // A copy of `value` with secret-looking fields replaced by "<redacted>" and secret-looking parts
    // of strings cut out (also everything Logging::LogRedactor hides): what journals and summaries write.
    [[nodiscard]] static QJsonValue redact(const QJsonValue &value);
    [[nodiscard]] static QString redactText(const QString &text);

    [[nodiscard]] static bool isSecretKey(QStringView key);
    [[nodiscard]] static bool looksLikeSecretValue(const QString &value);
};

} // namespace Ops
