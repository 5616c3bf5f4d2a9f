#include "recordstep.h"

#include "ops/stepregistry.h"
#include "recordstore.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;
using namespace Ops;

namespace {

QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

StepError errorFor(const RecordStore::Result &result, const QString &what)
{
    if (result.cancelled)
        return StepError::cancelled();
    switch (result.fault) {
    case RecordStore::Fault::Fail:
        return StepError::failed(what + u": refused by the store"_s);
    case RecordStore::Fault::Transient:
        return StepError::transient(what + u": the store is unavailable (transient)"_s);
    case RecordStore::Fault::LostResponse:
    case RecordStore::Fault::Crash:
        return StepError::outcomeUnknown(what + u": the answer was lost"_s);
    case RecordStore::Fault::None:
        break;
    }
    return StepError::failed(what);
}

} // namespace

RecordStep::RecordStep(const StepContext &context, RecordStore *store, QObject *parent)
    : Step(context, parent)
    , m_store(store)
{ }

RecordStep::~RecordStep()
{
    abortTicket();
}

bool RecordStep::registerType(StepRegistry *registry, RecordStore *store)
{
    StepType type;
    type.name = QString::fromLatin1(TypeName);
    type.title = u"Test record"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["name", "value"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{1,64}$"},
            "value": {},
            "requires": {"type": "string", "minLength": 1}
        }
    })")
                            .object();
    type.outputs = {{u"id"_s, u"the record's id"_s, u"rec-0001"_s}, {u"name"_s, u"the record's name"_s, u"example"_s}};
    type.needsTenantHost = false;
    QPointer<RecordStore> guard(store);
    type.create = [guard](const StepContext &context, QObject *parent) -> Step * {
        return new RecordStep(context, guard, parent);
    };
    return registry->add(type);
}

QString RecordStep::name() const
{
    return params().value(u"name"_s).toString();
}

QJsonValue RecordStep::value() const
{
    return params().value(u"value"_s);
}

QString RecordStep::describe() const
{
    return u"record '%1' = %2"_s.arg(name(), jsonText(value()));
}

StepProbe RecordStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(), {u"create record"_s});
}

void RecordStep::probe()
{
    if (!m_store) {
        fail(StepError::failed(u"no record store"_s));
        return;
    }
    const QString required = params().value(u"requires"_s).toString();
    if (required.isEmpty()) {
        probeRecord();
        return;
    }
    m_ticket = m_store->get(required, this, [this, required](const RecordStore::Result &result) {
        m_ticket = 0;
        if (!result.ok()) {
            fail(errorFor(result, u"reading record '%1'"_s.arg(required)));
            return;
        }
        if (result.records.isEmpty()) {
            finishProbe(
                StepProbe::blocked(u"record '%1', which '%2' requires, does not exist"_s.arg(required, name())));
            return;
        }
        probeRecord();
    });
}

void RecordStep::probeRecord()
{
    m_ticket = m_store->get(name(), this, [this](const RecordStore::Result &result) {
        m_ticket = 0;
        if (!result.ok()) {
            fail(errorFor(result, u"reading record '%1'"_s.arg(name())));
            return;
        }
        if (result.records.size() > 1) {
            QStringList ids;
            for (const RecordStore::Record &record : result.records)
                ids.append(record.id);
            finishProbe(
                StepProbe::blocked(u"%1 records are named '%2' (%3); remove the duplicates"_s.arg(result.records.size())
                                       .arg(name(), ids.join(u", "_s))));
            return;
        }
        if (result.records.isEmpty()) {
            finishProbe(StepProbe::create(u"create "_s + describe(), {u"create record"_s}));
            return;
        }
        const RecordStore::Record &record = result.records.first();
        const QJsonObject outputs{{u"id"_s, record.id}, {u"name"_s, record.name}};
        if (record.value == value()) {
            finishProbe(StepProbe::noChange(describe() + u" exists"_s, outputs));
            return;
        }
        finishProbe(StepProbe::update(u"update record '%1'"_s.arg(name()), {u"update record "_s + record.id},
                                      {{u"value"_s, record.value, value()}}, outputs));
    });
}

void RecordStep::apply(const StepProbe &probe)
{
    if (!m_store) {
        fail(StepError::failed(u"no record store"_s));
        return;
    }
    const bool creating = probe.action == StepAction::Create;
    auto done = [this, creating](const RecordStore::Result &result) {
        m_ticket = 0;
        if (!result.ok()) {
            fail(errorFor(result, (creating ? u"creating record '%1'"_s : u"updating record '%1'"_s).arg(name())));
            return;
        }
        StepChange change;
        change.summary = (creating ? u"created "_s : u"updated "_s) + describe();
        const ResourceRef ref{u"record"_s, result.record.id, result.record.name};
        (creating ? change.created : change.updated).append(ref);
        change.outputs = {{u"id"_s, result.record.id}, {u"name"_s, result.record.name}};
        finishApply(change);
    };
    if (creating)
        m_ticket = m_store->create(name(), value(), this, done);
    else
        m_ticket = m_store->update(probe.outputs.value(u"id"_s).toString(), value(), this, done);
}

void RecordStep::verify(const StepChange &change)
{
    m_ticket = m_store->get(name(), this, [this, change](const RecordStore::Result &result) {
        m_ticket = 0;
        if (!result.ok()) {
            fail(errorFor(result, u"reading record '%1' back"_s.arg(name())));
            return;
        }
        if (result.records.size() != 1 || result.records.first().value != value()
            || result.records.first().id != change.outputs.value(u"id"_s).toString()) {
            fail(StepError::failed(
                u"record '%1' is not as applied (%2 found)"_s.arg(name()).arg(result.records.size())));
            return;
        }
        finishVerify(u"record '%1' reads back as %2"_s.arg(name(), jsonText(value())));
    });
}

void RecordStep::abort()
{
    abortTicket();
}

void RecordStep::abortTicket()
{
    if (m_store && m_ticket != 0)
        m_store->abort(m_ticket);
    m_ticket = 0;
}
