#pragma once

#include "sandbox/sandboxoptions.h"

#include <QObject>

class QThread;

namespace Sandbox {

// Runs a sandbox on its own worker thread, for the GUI (its embedded default) and for tests.
// start() returns at once; started(port) or failed(message) follows. stop() shuts the server down
// on its thread and emits stopped() once the thread has ended; the destructor stops and joins.
//
//     auto *sandbox = new Sandbox::EmbeddedSandbox(this);
//     connect(sandbox, &Sandbox::EmbeddedSandbox::started, this, [](quint16 port) { ... });
//     sandbox->start({.seed = u"demo"_s});
class EmbeddedSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedSandbox)

public:
    explicit EmbeddedSandbox(QObject *parent = nullptr);
    ~EmbeddedSandbox() override;

    void start(const SandboxOptions &options);
    void stop();

    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    [[nodiscard]] quint16 port() const { return m_port; }

Q_SIGNALS:
    void started(quint16 port);
    void failed(const QString &message);
    void stopped();

private:
    QThread *m_thread = nullptr;
    QObject *m_anchor = nullptr; // lives on the worker thread; parent of the server
    quint16 m_port = 0;
    bool m_stopping = false;
};

} // namespace Sandbox
