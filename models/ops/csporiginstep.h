#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QStringList>

namespace Ops {

// Step type "csp-origin": the target tenant's Content-Security-Policy list has an entry for this
// origin allowed in exactly these directives (FACTS §8.1) — needed when extensions or themes load
// assets from elsewhere, and `frameAncestors` for embedding the tenant in the customer's pages.
//
//     {"id": "portal-csp", "type": "csp-origin", "params": {
//         "origin": "https://portal.customer-a.example", "directives": ["frameAncestors", "imgSrc"]}}
//
// Outputs: cspOriginId, origin. One origin per entry; found by its origin (compared exactly,
// case-insensitively: the list's `origin` filter is a wildcard match). A lost create answer is
// found by the next probe; PUT replaces the whole entry, so an update is safe to resend.
class CspOriginStep : public CloudStep
{
    Q_OBJECT

public:
    CspOriginStep(const StepContext &context, QObject *parent);
    ~CspOriginStep() override;
    Q_DISABLE_COPY_MOVE(CspOriginStep)

    [[nodiscard]] static StepType type();
    // The directive flags of a CSP entry, in the spec's order (FACTS §8.1).
    [[nodiscard]] static const QStringList &directiveNames();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    [[nodiscard]] QString origin() const;
    [[nodiscard]] QString name() const;
    [[nodiscard]] QStringList directives() const; // sorted
    [[nodiscard]] static QStringList directivesOf(const QJsonObject &entry); // sorted
    [[nodiscard]] QJsonObject body() const;
    [[nodiscard]] QJsonObject outputs(const QString &id) const;
};

} // namespace Ops
