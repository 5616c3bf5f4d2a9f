#pragma once

#include "ops/onboardingtemplate.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Ops {

// An onboarding template plus a customer as a plan (format tenantry-plan): one target whose
// hostname comes from the tenant step, with the steps the built-in step types accept — tenant,
// recovery-admin, oidc-idp, jwt-idp, group (one per group), licenses, space (staging, production), csp-origin
// (one per origin), web-integration, extension, theme, brand, key-provider, publish-app (one per
// app), automation and embed-check — in that order. The onboarding
// wizard fills it from its pages; the plan runs with Ops::Job and saves for `tenantryctl apply`.
class OnboardingPlanBuilder
{
public:
    struct Customer
    {
        QString name; // "Demo Customer": the target's label and ${vars.customer}
        QString alias; // the tenant's alias hostname, demo-customer.eu.qlikcloud.com
        QJsonObject vars; // more ${vars.*} values; "customer" is always the name
    };

    OnboardingTemplate onboardingTemplate;
    Customer customer;
    QString profile; // the region's credential profile; empty: chosen per host

    // Everything that keeps the plan from being made or run, each naming its field (empty: fine).
    [[nodiscard]] QStringList problems() const;
    // The plan. Meaningful only when problems() is empty.
    [[nodiscard]] QJsonObject toJson() const;

    // The target's id: the customer's name in lower case with dashes ("demo-customer").
    [[nodiscard]] QString targetId() const;
    // A step or target id from any text: lower-case letters, digits and dashes, starting with a
    // letter; ${...} references are left out. Empty when nothing is left.
    [[nodiscard]] static QString idFrom(const QString &text);
    // The step id of each template group, in the template's order (unique, never a fixed step's id).
    [[nodiscard]] QStringList groupStepIds() const;
};

} // namespace Ops
