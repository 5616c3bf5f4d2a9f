#include "recordstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

#include <csignal>

using namespace Qt::Literals::StringLiterals;

RecordStore::RecordStore(const QString &file, QObject *parent)
    : QObject(parent)
    , m_file(file)
{ }

RecordStore::~RecordStore() = default;

QString RecordStore::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Get:
        return u"get"_s;
    case Operation::Create:
        return u"create"_s;
    case Operation::Update:
        return u"update"_s;
    }
    return {};
}

QString RecordStore::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return u"none"_s;
    case Fault::Fail:
        return u"fail"_s;
    case Fault::Transient:
        return u"transient"_s;
    case Fault::LostResponse:
        return u"lost-response"_s;
    case Fault::Crash:
        return u"crash"_s;
    }
    return {};
}

bool RecordStore::load(QString *error)
{
    if (m_file.isEmpty() || !QFile::exists(m_file))
        return true;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    m_nextId = json.value(u"nextId"_s).toInt(1);
    m_records.clear();
    for (const QJsonValue value : json.value(u"records"_s).toArray()) {
        const QJsonObject object = value.toObject();
        m_records.append(
            {object.value(u"id"_s).toString(), object.value(u"name"_s).toString(), object.value(u"value"_s)});
    }
    m_log.clear();
    for (const QJsonValue value : json.value(u"log"_s).toArray())
        m_log.append(value.toObject());
    reindex();
    return true;
}

void RecordStore::reindex()
{
    m_byName.clear();
    m_byId.clear();
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        m_byName[m_records.at(i).name].append(i);
        m_byId.insert(m_records.at(i).id, i);
    }
}

void RecordStore::save()
{
    if (m_file.isEmpty())
        return;
    QJsonArray records;
    for (const Record &record : std::as_const(m_records))
        records.append(QJsonObject{{u"id"_s, record.id}, {u"name"_s, record.name}, {u"value"_s, record.value}});
    QJsonArray log;
    for (const QJsonObject &entry : std::as_const(m_log))
        log.append(entry);
    // Atomic replace: a process killed mid-save leaves the previous state, never half a file.
    QSaveFile file(m_file);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(QJsonObject{{u"nextId"_s, m_nextId}, {u"records"_s, records}, {u"log"_s, log}})
                       .toJson(QJsonDocument::Compact));
        file.commit();
    }
}

void RecordStore::addFault(Operation operation, const QString &namePattern, Fault fault, int count, int skip)
{
    m_faults.append({operation, QRegularExpression(namePattern), fault, count, skip});
}

bool RecordStore::addFaults(const QJsonValue &json, QString *error)
{
    for (const QJsonValue value : json.toArray()) {
        const QJsonObject rule = value.toObject();
        Operation operation = Operation::Get;
        bool knownOperation = false;
        for (const Operation candidate : {Operation::Get, Operation::Create, Operation::Update}) {
            if (operationName(candidate) == rule.value(u"op"_s).toString()) {
                operation = candidate;
                knownOperation = true;
            }
        }
        Fault fault = Fault::None;
        for (const Fault candidate : {Fault::Fail, Fault::Transient, Fault::LostResponse, Fault::Crash}) {
            if (faultName(candidate) == rule.value(u"fault"_s).toString())
                fault = candidate;
        }
        if (!knownOperation || fault == Fault::None) {
            *error = u"bad fault rule: "_s + QString::fromUtf8(QJsonDocument(rule).toJson(QJsonDocument::Compact));
            return false;
        }
        addFault(operation, rule.value(u"name"_s).toString(), fault, rule.value(u"count"_s).toInt(1),
                 rule.value(u"skip"_s).toInt(0));
    }
    return true;
}

RecordStore::Fault RecordStore::takeFault(Operation operation, const QString &name)
{
    for (FaultRule &rule : m_faults) {
        if (rule.operation != operation || rule.remaining <= 0 || !rule.name.match(name).hasMatch())
            continue;
        if (rule.skip > 0) {
            --rule.skip;
            continue;
        }
        --rule.remaining;
        return rule.fault;
    }
    return Fault::None;
}

quint64 RecordStore::get(const QString &name, QObject *context, Callback done)
{
    return enqueue(Operation::Get, name, {}, context, std::move(done));
}

quint64 RecordStore::create(const QString &name, const QJsonValue &value, QObject *context, Callback done)
{
    return enqueue(Operation::Create, name, value, context, std::move(done));
}

quint64 RecordStore::update(const QString &id, const QJsonValue &value, QObject *context, Callback done)
{
    return enqueue(Operation::Update, id, value, context, std::move(done));
}

quint64 RecordStore::enqueue(Operation operation, const QString &key, const QJsonValue &value, QObject *context,
                             Callback done)
{
    const quint64 ticket = m_nextTicket++;
    m_pending.insert(ticket, {operation, key, value, context, std::move(done)});
    ++m_inFlight;
    m_peakInFlight = std::max(m_peakInFlight, m_inFlight);
    QTimer::singleShot(m_latency, this, [this, ticket] { execute(ticket); });
    return ticket;
}

void RecordStore::abort(quint64 ticket)
{
    auto it = m_pending.find(ticket);
    if (it == m_pending.end())
        return;
    Pending pending = it.value();
    m_pending.erase(it);
    --m_inFlight;
    Result result;
    result.cancelled = true;
    if (pending.context)
        QMetaObject::invokeMethod(
            pending.context, [done = pending.done, result] { done(result); }, Qt::QueuedConnection);
}

void RecordStore::execute(quint64 ticket)
{
    auto it = m_pending.find(ticket);
    if (it == m_pending.end())
        return; // aborted
    const Pending pending = it.value();
    m_pending.erase(it);
    --m_inFlight;
    ++m_operationCounts.at(static_cast<int>(pending.operation));

    QString name = pending.key;
    qsizetype index = -1;
    if (pending.operation == Operation::Update) {
        index = m_byId.value(pending.key, -1);
        name = index >= 0 ? m_records.at(index).name : QString();
    }
    Result result;
    result.fault = takeFault(pending.operation, name);
    const bool commits
        = result.fault == Fault::None || result.fault == Fault::LostResponse || result.fault == Fault::Crash;
    if (commits) {
        switch (pending.operation) {
        case Operation::Get:
            result.records = recordsNamed(name);
            break;
        case Operation::Create:
            result.record = {u"rec-%1"_s.arg(m_nextId++, 4, 10, QChar(u'0')), name, pending.value};
            m_byName[name].append(m_records.size());
            m_byId.insert(result.record.id, m_records.size());
            m_records.append(result.record);
            m_log.append({{u"op"_s, u"create"_s}, {u"name"_s, name}, {u"id"_s, result.record.id}});
            break;
        case Operation::Update:
            if (index < 0) {
                result.fault = Fault::Fail;
                break;
            }
            m_records[index].value = pending.value;
            result.record = m_records.at(index);
            m_log.append({{u"op"_s, u"update"_s}, {u"name"_s, name}, {u"id"_s, result.record.id}});
            break;
        }
        if (pending.operation != Operation::Get && result.fault != Fault::Fail) {
            save();
            Q_EMIT committed(pending.operation, name);
        }
    }
    if (result.fault == Fault::Crash)
        std::raise(SIGKILL); // a real kill -9, right after the change reached the store
    if (pending.context)
        pending.done(result);
}

QList<RecordStore::Record> RecordStore::recordsNamed(const QString &name) const
{
    QList<Record> found;
    for (const qsizetype index : m_byName.value(name))
        found.append(m_records.at(index));
    return found;
}

int RecordStore::creates(const QString &name) const
{
    int count = 0;
    for (const QJsonObject &entry : m_log) {
        if (entry.value(u"op"_s).toString() == u"create"_s
            && (name.isEmpty() || entry.value(u"name"_s).toString() == name))
            ++count;
    }
    return count;
}

int RecordStore::updates(const QString &name) const
{
    int count = 0;
    for (const QJsonObject &entry : m_log) {
        if (entry.value(u"op"_s).toString() == u"update"_s
            && (name.isEmpty() || entry.value(u"name"_s).toString() == name))
            ++count;
    }
    return count;
}
