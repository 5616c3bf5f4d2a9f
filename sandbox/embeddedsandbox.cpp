#include "sandbox/embeddedsandbox.h"

#include "sandbox/sandboxserver.h"

#include <QThread>

#include <openssl/crypto.h>

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

EmbeddedSandbox::EmbeddedSandbox(QObject *parent)
    : QObject(parent)
{ }

EmbeddedSandbox::~EmbeddedSandbox()
{
    if (!m_thread)
        return;
    stop();
    // The only blocking wait: joining a thread that has been told to quit, as a destructor must.
    m_thread->wait();
}

void EmbeddedSandbox::start(const SandboxOptions &options)
{
    if (m_thread) {
        Q_EMIT failed(u"The embedded sandbox is already running."_s);
        return;
    }
    m_stopping = false;
    m_thread = new QThread(this);
    m_thread->setObjectName(u"tenantry-sandbox"_s);
    m_anchor = new QObject;
    m_anchor->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_anchor = nullptr;
        m_port = 0;
        Q_EMIT stopped();
    });
    m_thread->start();

    // Everything of the server is created, used and destroyed on the worker thread.
    QMetaObject::invokeMethod(
        m_anchor,
        [this, anchor = m_anchor, options] {
            auto *server = new SandboxServer(options, anchor);
            const quint16 port = server->listen(options.port);
            if (port == 0) {
                delete server;
                QMetaObject::invokeMethod(this, [this, wanted = options.port] {
                    Q_EMIT failed(u"Cannot listen on 127.0.0.1:%1."_s.arg(wanted));
                    stop();
                });
                return;
            }
            QMetaObject::invokeMethod(this, [this, port] {
                m_port = port;
                Q_EMIT started(port);
            });
        },
        Qt::QueuedConnection);
}

void EmbeddedSandbox::stop()
{
    if (!m_thread || m_stopping)
        return;
    m_stopping = true;
    QMetaObject::invokeMethod(
        m_anchor,
        [anchor = m_anchor] {
            qDeleteAll(anchor->children()); // the server, on its own thread
            // JWT checks used OpenSSL here. Free its per-thread state (error queue, DRBGs) now:
            // QThread::wait() returns before the thread's TLS destructors run, and at process
            // exit OPENSSL_cleanup() may win that race and leave the state leaked (LSan saw it).
            OPENSSL_thread_stop();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
}

} // namespace Sandbox
