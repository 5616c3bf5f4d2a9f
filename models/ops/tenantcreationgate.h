#pragma once

#include <QString>

#include <functional>

class QObject;

namespace Ops {

// Lets one tenant creation per subscription run at a time in this process. POST /v1/tenants is not
// idempotent and names nothing the caller chose (FACTS §3.1, §14.6): when its answer is lost, the
// only way to find the tenant it made is to compare the subscription's tenants before and after.
// That comparison is only unambiguous while no other creation of the same subscription runs, so
// TenantStep holds the gate from its "before" listing until the outcome of its POST is known.
// Main-thread only, like the steps that use it.
class TenantCreationGate
{
public:
    // Calls `entered` (later, never inside the call) once `holder` holds the gate of `key`. The
    // holder keeps it until release() or until it is destroyed; a holder destroyed while waiting
    // leaves the queue.
    static void acquire(const QString &key, QObject *holder, std::function<void()> entered);
    // Passes the gate of `key` on to the next waiting holder, if `holder` holds it.
    static void release(const QString &key, const QObject *holder);
    // The number of holders waiting or holding for `key` (for tests).
    [[nodiscard]] static int queued(const QString &key);
};

} // namespace Ops
