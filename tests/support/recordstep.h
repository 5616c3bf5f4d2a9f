#pragma once

#include "ops/step.h"

#include <QPointer>

class RecordStore;

namespace Ops {
class StepRegistry;
}

// The test suite's step type "test.record": ensures that exactly one record named params.name
// exists in a RecordStore with value params.value (optionally only when the record named
// params.requires exists). It keeps the same idempotency contract as the Qlik steps: it looks up
// before creating, reports lost answers as unknown outcomes, and its probe sees duplicates.
class RecordStep : public Ops::Step
{
    Q_OBJECT

public:
    RecordStep(const Ops::StepContext &context, RecordStore *store, QObject *parent);
    ~RecordStep() override;
    Q_DISABLE_COPY_MOVE(RecordStep)

    static constexpr auto TypeName = "test.record";
    // Registers "test.record" working on `store`.
    static bool registerType(Ops::StepRegistry *registry, RecordStore *store);

    [[nodiscard]] QString describe() const override;
    [[nodiscard]] Ops::StepProbe deferredProbe() const override;

protected:
    void probe() override;
    void apply(const Ops::StepProbe &probe) override;
    void verify(const Ops::StepChange &change) override;
    void abort() override;

private:
    void probeRecord();
    void abortTicket();
    [[nodiscard]] QString name() const;
    [[nodiscard]] QJsonValue value() const;

    QPointer<RecordStore> m_store;
    quint64 m_ticket = 0;
};
