#pragma once

#include "cloud/apicall.h"
#include "cloud/apiresult.h"

#include <functional>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTextStream>

// A tenantry-sandbox process for the benchmarks that talk to it over loopback like the real
// cloud: started with `arguments` (seed, latency), its port read from its first stdout line,
// terminated with it. Control-surface calls are neither delayed nor counted by the sandbox.
class BenchSandbox
{
public:
    BenchSandbox(const QString &program, const QStringList &arguments);
    ~BenchSandbox();
    BenchSandbox(const BenchSandbox &) = delete;
    BenchSandbox &operator=(const BenchSandbox &) = delete;

    [[nodiscard]] quint16 port() const { return m_port; } // 0: it did not start
    [[nodiscard]] QByteArray firstLine() const { return m_firstLine; }
    [[nodiscard]] qint64 processId() const { return m_process.processId(); }

    // GET /__sandbox/state is asked without content (as ?content=false).
    [[nodiscard]] Cloud::ApiResult control(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    // GET /__sandbox/state with every tenant's content (brands, key providers…): for checks after a run.
    [[nodiscard]] QJsonObject stateWithContent();
    // Requests the sandbox has answered so far, every endpoint (one state read adds one).
    [[nodiscard]] qint64 requestTotal();

    // Runs the event loop until `done` says so: benchmarks only, product code never spins a loop.
    static void runUntil(const std::function<bool()> &done);
    // VmHWM of a process in MiB ("self" for this one); -1 when unreadable.
    [[nodiscard]] static double peakRssMiB(const QString &pid);
    // The benchmarks' stdout.
    [[nodiscard]] static QTextStream &out();

private:
    [[nodiscard]] Cloud::ApiResult exchange(const Cloud::ApiCall &call);

    QProcess m_process;
    QByteArray m_firstLine;
    quint16 m_port = 0;
};
