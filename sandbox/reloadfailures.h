#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Sandbox {

// Apps whose reloads the sandbox makes fail, set through PUT /__sandbox/reload-failures. A reload
// of such an app is created as usual (201, QUEUED), runs, and ends FAILED with the rule's
// errorCode and errorMessage instead of SUCCEEDED (FACTS §10.5; the defaults are the spec's
// Reload examples). `times` limits how many reloads fail before the app reloads normally again.
class ReloadFailures
{
public:
    struct Failure
    {
        QString errorCode;
        QString errorMessage;
    };

    // The body of PUT /__sandbox/reload-failures: a list of rules
    // {"appId", "errorCode"?, "errorMessage"?, "times"?}, or {"rules": [...]}. Replaces every rule;
    // returns an error message naming the bad rule (the rules stay unchanged then). `appExists`
    // says whether an app id is known, so a typo is refused instead of silently never firing.
    [[nodiscard]] QString configure(const QJsonValue &body, const std::function<bool(const QString &)> &appExists);
    void clear();

    // The failure the next reload of the app ends with, if a rule names the app; counts it.
    [[nodiscard]] std::optional<Failure> take(const QString &appId);
    // The rules as given, with `remaining` for those limited by `times`.
    [[nodiscard]] QJsonArray rules() const;

private:
    struct Rule
    {
        Failure failure;
        int remaining = -1; // -1: every reload
        QJsonObject source;
    };
    QStringList m_order; // app ids as given, for GET
    QHash<QString, Rule> m_rules; // by app id
};

} // namespace Sandbox
