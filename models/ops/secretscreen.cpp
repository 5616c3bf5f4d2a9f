#include "ops/secretscreen.h"

#include "logging/logredactor.h"
#include "ops/jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

// Field names are compared lower-cased without '-', '_' and '.': "client_secret" is "clientsecret".
QString normalizedKey(QStringView key)
{
    QString normalized;
    normalized.reserve(key.size());
    for (const QChar c : key) {
        if (c != u'-' && c != u'_' && c != u'.')
            normalized.append(c.toLower());
    }
    return normalized;
}

const QRegularExpression &secretValuePattern()
{
    // Private keys of any kind, JSON Web Tokens (header.payload.signature, both JSON parts start
    // with '{"' = "eyJ"), and HTTP bearer/basic credentials.
    static const QRegularExpression pattern(
        u"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[^-]|-(?!----END))*(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----)?"
        u"|eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"
        u"|\\b(?:Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{12,}"_s);
    return pattern;
}

void collect(const QJsonValue &value, const QString &path, QList<PlanIssue> *issues)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString childPath = JsonPath::member(path, it.key());
            if (SecretScreen::isSecretKey(it.key()) && !it.value().isNull()) {
                issues->append({childPath,
                                u"looks like a secret (\"%1\"); a plan never contains secrets: keep it in the OS "
                                u"keychain and reference it by name (e.g. \"%2Entry\": \"<keychain entry>\")"_s.arg(
                                    it.key(), it.key())});
                continue;
            }
            collect(it.value(), childPath, issues);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collect(array.at(i), JsonPath::index(path, i), issues);
    } else if (value.isString() && SecretScreen::looksLikeSecretValue(value.toString())) {
        issues->append({path,
                        u"holds what looks like a secret (a private key, a token or a credential); a plan never "
                        u"contains secrets: keep it in the OS keychain and reference it by name"_s});
    }
}

} // namespace

bool SecretScreen::isSecretKey(QStringView key)
{
    const QString normalized = normalizedKey(key);
    // A name that says it is a reference to a secret is fine: "clientSecretEntry", "privateKeyRef".
    static const QStringList referenceSuffixes{u"ref"_s, u"entry"_s, u"profile"_s, u"name"_s, u"id"_s, u"path"_s};
    for (const QString &suffix : referenceSuffixes) {
        if (normalized.endsWith(suffix) && normalized.size() > suffix.size())
            return false;
    }
    static const QStringList secretSuffixes{u"secret"_s, u"password"_s,   u"passwd"_s,      u"passphrase"_s,
                                            u"token"_s,  u"privatekey"_s, u"apikey"_s,      u"authorization"_s,
                                            u"bearer"_s, u"cookie"_s,     u"credentials"_s, u"signingkey"_s};
    for (const QString &suffix : secretSuffixes) {
        if (normalized.endsWith(suffix))
            return true;
    }
    return false;
}

bool SecretScreen::looksLikeSecretValue(const QString &value)
{
    return secretValuePattern().match(value).hasMatch();
}

QList<PlanIssue> SecretScreen::findSecrets(const QJsonValue &value, const QString &path)
{
    QList<PlanIssue> issues;
    collect(value, path, &issues);
    return issues;
}

// Every secret the redactors know contains one of these (case-insensitively); most journal strings
// (ids, names, summaries) contain none, and skip the regular expressions.
bool mayHoldSecret(const QString &text)
{
    // One pass (PCRE2 compiles the alternation) rather than a search per word.
    static const QRegularExpression needles(
        u"begin|authoriz|bearer|basic|eyj|token|secret|passw|passp|private|api|assertion|cookie|credential|@"_s,
        QRegularExpression::CaseInsensitiveOption);
    return needles.match(text).hasMatch();
}

QString SecretScreen::redactText(const QString &text)
{
    if (!mayHoldSecret(text))
        return text;
    QString redacted = text;
    if (looksLikeSecretValue(text))
        redacted.replace(secretValuePattern(), u"<redacted>"_s);
    // And whatever the application log would hide ("client_secret=…", passwords in URLs, …).
    return Logging::LogRedactor::redact(redacted);
}

QJsonValue SecretScreen::redact(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretKey(it.key()) && !it.value().isNull())
                it.value() = u"<redacted>"_s;
            else
                it.value() = redact(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray redacted;
        for (const QJsonValue item : value.toArray())
            redacted.append(redact(item));
        return redacted;
    }
    if (value.isString())
        return redactText(value.toString());
    return value;
}

} // namespace Ops
