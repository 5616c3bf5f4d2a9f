#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QString>

#include <array>
#include <chrono>
#include <functional>

// A small, real, observable resource store for testing the ops engine before Qlik steps exist:
// named records with values, kept in memory and (optionally) in a JSON file so that separate
// processes — a job killed with SIGKILL and the one resuming it — see the same state. Like POST
// /v1/tenants, create() is not idempotent: creating a name twice makes a duplicate, which tests
// then detect. Operations answer after a latency, on the event loop; faults can be injected per
// operation and name: definite failure, transient failure, lost response (committed, answer lost)
// and crash (committed, then the process kills itself with SIGKILL before answering).
class RecordStore : public QObject
{
    Q_OBJECT

public:
    struct Record
    {
        QString id;
        QString name;
        QJsonValue value;
    };

    enum class Operation { Get, Create, Update };
    enum class Fault { None, Fail, Transient, LostResponse, Crash };

    struct Result
    {
        Fault fault = Fault::None; // Fail/Transient: nothing happened; LostResponse: it did, unseen
        bool cancelled = false;
        QList<Record> records; // Get
        Record record; // Create, Update
        [[nodiscard]] bool ok() const { return fault == Fault::None && !cancelled; }
    };
    using Callback = std::function<void(const Result &)>;

    explicit RecordStore(const QString &file = {}, QObject *parent = nullptr);
    ~RecordStore() override;
    Q_DISABLE_COPY_MOVE(RecordStore)

    bool load(QString *error);

    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    // The `skip`+1-th to `skip`+`count`-th operations of kind `operation` on names matching
    // `namePattern` get `fault`.
    void addFault(Operation operation, const QString &namePattern, Fault fault, int count = 1, int skip = 0);
    // Faults from JSON: [{"op": "create", "name": "^r3$", "fault": "lost-response", "count": 1, "skip": 0}].
    bool addFaults(const QJsonValue &json, QString *error);

    // Each returns a ticket for abort(); `done` runs later on `context`'s thread, once.
    quint64 get(const QString &name, QObject *context, Callback done);
    quint64 create(const QString &name, const QJsonValue &value, QObject *context, Callback done);
    quint64 update(const QString &id, const QJsonValue &value, QObject *context, Callback done);
    // Aborts an operation that has not reached the store yet: it answers `cancelled`, nothing changes.
    void abort(quint64 ticket);

    [[nodiscard]] QList<Record> records() const { return m_records; }
    [[nodiscard]] QList<Record> recordsNamed(const QString &name) const;
    // Counted across every process that used the file (the file keeps the log).
    [[nodiscard]] int creates(const QString &name = {}) const;
    [[nodiscard]] int updates(const QString &name = {}) const;
    [[nodiscard]] int operations(Operation operation) const
    {
        return m_operationCounts.at(static_cast<int>(operation));
    }
    [[nodiscard]] int inFlight() const { return m_inFlight; }
    [[nodiscard]] int peakInFlight() const { return m_peakInFlight; }

    [[nodiscard]] static QString operationName(Operation operation);
    [[nodiscard]] static QString faultName(Fault fault);

Q_SIGNALS:
    // After a change was committed (and written to the file), before anyone is told.
    void committed(RecordStore::Operation operation, const QString &name);

private:
    struct FaultRule
    {
        Operation operation;
        QRegularExpression name;
        Fault fault;
        int remaining;
        int skip;
    };
    struct Pending
    {
        Operation operation;
        QString key; // name, or id for updates
        QJsonValue value;
        QPointer<QObject> context;
        Callback done;
    };

    quint64 enqueue(Operation operation, const QString &key, const QJsonValue &value, QObject *context, Callback done);
    void execute(quint64 ticket);
    Fault takeFault(Operation operation, const QString &name);
    void save();

    void reindex();

    QString m_file;
    QList<Record> m_records;
    QHash<QString, QList<qsizetype>> m_byName; // name -> indexes in m_records
    QHash<QString, qsizetype> m_byId;
    QList<QJsonObject> m_log;
    int m_nextId = 1;
    std::chrono::milliseconds m_latency{0};
    QList<FaultRule> m_faults;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextTicket = 1;
    std::array<int, 3> m_operationCounts{};
    int m_inFlight = 0;
    int m_peakInFlight = 0;
};
