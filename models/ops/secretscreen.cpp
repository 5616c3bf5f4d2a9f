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

QString secretKeyMessage(const QString &key)
{
    return u"looks like a secret (\"%1\"); a plan never contains secrets: keep it in the OS keychain and reference "
           u"it by name (e.g. \"%2Entry\": \"<keychain entry>\")"_s.arg(key, key);
}

// Where a value sits, as a chain up to the root: the path text is only built for an issue (a plan
// of a thousand targets has tens of thousands of members, and almost never an issue).
struct Location
{
    const Location *parent = nullptr;
    const QString *root = nullptr; // the root's path
    const QString *key = nullptr; // a member's key, or
    qsizetype index = -1; // an element's index

    [[nodiscard]] QString path() const
    {
        if (root || !parent)
            return root ? *root : QString();
        const QString above = parent->path();
        return key ? JsonPath::member(above, *key) : JsonPath::index(above, index);
    }
};

void collect(const QJsonValue &value, const Location &location, QList<PlanIssue> *issues)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            const Location child{&location, nullptr, &key, -1};
            if (SecretScreen::isSecretKey(key) && !it.value().isNull()) {
                issues->append({child.path(), secretKeyMessage(key)});
                continue;
            }
            collect(it.value(), child, issues);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collect(array.at(i), Location{&location, nullptr, nullptr, i}, issues);
    } else if (value.isString() && SecretScreen::looksLikeSecretValue(value.toString())) {
        issues->append({location.path(),
                        u"holds what looks like a secret (a private key, a token or a credential); a plan never "
                        u"contains secrets: keep it in the OS keychain and reference it by name"_s});
    }
}

void collectString(const QString &value, const Location &location, QList<PlanIssue> *issues)
{
    if (!value.isEmpty())
        collect(QJsonValue(value), location, issues);
}

// Plan::toJson()'s members in its (QJsonObject's sorted) key order; the fixed keys ("id",
// "hostname", ...) are no secret keys, and the fixed values ("tenantry-plan", the options) no secrets.
void collectSteps(const QList<Plan::Step> &steps, const Location &location, QList<PlanIssue> *issues)
{
    static const QString id = u"id"_s, label = u"label"_s, params = u"params"_s, type = u"type"_s;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Plan::Step &step = steps.at(i);
        const Location at{&location, nullptr, nullptr, i};
        collectString(step.id, {&at, nullptr, &id, -1}, issues);
        collectString(step.label, {&at, nullptr, &label, -1}, issues);
        if (!step.params.isEmpty())
            collect(step.params, {&at, nullptr, &params, -1}, issues);
        collectString(step.type, {&at, nullptr, &type, -1}, issues);
    }
}

} // namespace

QList<PlanIssue> SecretScreen::findSecrets(const Plan &plan)
{
    static const QString root = u"$"_s, description = u"description"_s, name = u"name"_s, targets = u"targets"_s,
                         templates = u"templates"_s, hostname = u"hostname"_s, id = u"id"_s, label = u"label"_s,
                         profile = u"profile"_s, region = u"region"_s, steps = u"steps"_s, templateKey = u"template"_s,
                         vars = u"vars"_s;
    QList<PlanIssue> issues;
    const Location top{nullptr, &root, nullptr, -1};
    collectString(plan.description, {&top, nullptr, &description, -1}, &issues);
    collectString(plan.name, {&top, nullptr, &name, -1}, &issues);
    const Location targetsAt{&top, nullptr, &targets, -1};
    for (qsizetype t = 0; t < plan.targets.size(); ++t) {
        const Plan::Target &target = plan.targets.at(t);
        const Location at{&targetsAt, nullptr, nullptr, t};
        collectString(target.hostname, {&at, nullptr, &hostname, -1}, &issues);
        collectString(target.id, {&at, nullptr, &id, -1}, &issues);
        collectString(target.label, {&at, nullptr, &label, -1}, &issues);
        collectString(target.profile, {&at, nullptr, &profile, -1}, &issues);
        collectString(target.region, {&at, nullptr, &region, -1}, &issues);
        if (target.templateName.isEmpty())
            collectSteps(target.steps, {&at, nullptr, &steps, -1}, &issues);
        else
            collectString(target.templateName, {&at, nullptr, &templateKey, -1}, &issues);
        if (!target.vars.isEmpty())
            collect(target.vars, {&at, nullptr, &vars, -1}, &issues);
    }
    if (!plan.templates.isEmpty()) {
        // A template's name is a key in the JSON form: the screen looks at keys too.
        const Location templatesAt{&top, nullptr, &templates, -1};
        for (auto it = plan.templates.begin(); it != plan.templates.end(); ++it) {
            const QString &key = it.key();
            const Location at{&templatesAt, nullptr, &key, -1};
            if (isSecretKey(key)) {
                issues.append({at.path(), secretKeyMessage(key)});
                continue;
            }
            collectSteps(it.value(), at, &issues);
        }
    }
    return issues;
}

bool SecretScreen::isSecretKey(QStringView key)
{
    // Most keys have no separator to drop: compared as they are, without a copy.
    QString copy;
    QStringView normalized = key;
    if (key.contains(u'-') || key.contains(u'_') || key.contains(u'.')) {
        copy = normalizedKey(key);
        normalized = copy;
    }
    // A name that says it is a reference to a secret is fine: "clientSecretEntry", "privateKeyRef".
    static const QStringList referenceSuffixes{u"ref"_s, u"entry"_s, u"profile"_s, u"name"_s, u"id"_s, u"path"_s};
    for (const QString &suffix : referenceSuffixes) {
        if (normalized.endsWith(suffix, Qt::CaseInsensitive) && normalized.size() > suffix.size())
            return false;
    }
    static const QStringList secretSuffixes{u"secret"_s, u"password"_s,   u"passwd"_s,      u"passphrase"_s,
                                            u"token"_s,  u"privatekey"_s, u"apikey"_s,      u"authorization"_s,
                                            u"bearer"_s, u"cookie"_s,     u"credentials"_s, u"signingkey"_s};
    for (const QString &suffix : secretSuffixes) {
        if (normalized.endsWith(suffix, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool SecretScreen::looksLikeSecretValue(const QString &value)
{
    // Every match of the pattern contains one of these (it is case-sensitive): most strings have
    // none and skip the regular expression.
    if (!value.contains("BEGIN"_L1) && !value.contains("eyJ"_L1) && !value.contains("Bearer"_L1)
        && !value.contains("Basic"_L1))
        return false;
    return secretValuePattern().match(value).hasMatch();
}

QList<PlanIssue> SecretScreen::findSecrets(const QJsonValue &value, const QString &path)
{
    QList<PlanIssue> issues;
    collect(value, Location{nullptr, &path, nullptr, -1}, &issues);
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
