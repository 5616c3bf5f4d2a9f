#pragma once

#include "ops/cloudstep.h"
#include "ops/steptype.h"

#include <QStringList>

namespace Ops {

// Step type "web-integration": the target tenant has a web integration of this name whose valid
// origins are exactly these (FACTS §8.2). Its id is what the customer's portal sends as
// `qlik-web-integration-id` to embed Qlik content.
//
//     {"id": "portal", "type": "web-integration", "params": {
//         "name": "Customer A portal", "validOrigins": ["https://portal.customer-a.example"]}}
//
// Outputs: webIntegrationId, name. Found by name — Qlik does not keep names unique, so two of the
// same name block the step instead of guessing. A lost create answer is found by the next probe.
class WebIntegrationStep : public CloudStep
{
    Q_OBJECT

public:
    WebIntegrationStep(const StepContext &context, QObject *parent);
    ~WebIntegrationStep() override;
    Q_DISABLE_COPY_MOVE(WebIntegrationStep)

    [[nodiscard]] static StepType type();

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const StepProbe &probe) override;
    void verify(const StepChange &change) override;

private:
    [[nodiscard]] QString name() const;
    [[nodiscard]] QStringList validOrigins() const; // sorted
    [[nodiscard]] QJsonObject outputs(const QString &id) const;
};

} // namespace Ops
