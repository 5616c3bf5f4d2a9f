#include "ops/tenantcreationgate.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Ops {

namespace {

struct Waiter
{
    QPointer<QObject> holder;
    const QObject *identity = nullptr; // compared after the holder is gone
    std::function<void()> entered;
};

// Per key: the holder first, then those waiting.
QHash<QString, QList<Waiter>> &queues()
{
    static QHash<QString, QList<Waiter>> all;
    return all;
}

void startFront(const QString &key)
{
    QList<Waiter> &queue = queues()[key];
    while (!queue.isEmpty() && !queue.first().holder)
        queue.removeFirst(); // destroyed while waiting
    if (queue.isEmpty()) {
        queues().remove(key);
        return;
    }
    const Waiter &front = queue.first();
    QMetaObject::invokeMethod(
        front.holder.data(),
        [entered = front.entered] {
            if (entered)
                entered();
        },
        Qt::QueuedConnection);
}

} // namespace

void TenantCreationGate::acquire(const QString &key, QObject *holder, std::function<void()> entered)
{
    QList<Waiter> &queue = queues()[key];
    queue.append({holder, holder, std::move(entered)});
    QObject::connect(holder, &QObject::destroyed, holder, [key, holder] { release(key, holder); });
    if (queue.size() == 1)
        startFront(key);
}

void TenantCreationGate::release(const QString &key, const QObject *holder)
{
    auto found = queues().find(key);
    if (found == queues().end())
        return;
    QList<Waiter> &queue = *found;
    if (!queue.isEmpty() && queue.first().identity == holder) {
        queue.removeFirst();
        startFront(key);
        return;
    }
    // A waiter that gives up before its turn just leaves the queue.
    for (qsizetype i = 1; i < queue.size(); ++i) {
        if (queue.at(i).identity == holder) {
            queue.removeAt(i);
            return;
        }
    }
}

int TenantCreationGate::queued(const QString &key)
{
    return static_cast<int>(queues().value(key).size());
}

} // namespace Ops
