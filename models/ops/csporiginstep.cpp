#include "ops/csporiginstep.h"

#include "cloud/apiresult.h"
#include "cloud/resources/csporigin.h"
#include "cloud/resources/jsonreader.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

CspOriginStep::CspOriginStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

CspOriginStep::~CspOriginStep() = default;

const QStringList &CspOriginStep::directiveNames()
{
    static const QStringList names{u"childSrc"_s,   u"connectSrc"_s,     u"connectSrcWSS"_s, u"fontSrc"_s,
                                   u"formAction"_s, u"frameAncestors"_s, u"frameSrc"_s,      u"imgSrc"_s,
                                   u"mediaSrc"_s,   u"objectSrc"_s,      u"scriptSrc"_s,     u"styleSrc"_s,
                                   u"workerSrc"_s};
    return names;
}

StepType CspOriginStep::type()
{
    StepType type;
    type.name = u"csp-origin"_s;
    type.title = u"CSP origin"_s;
    QJsonObject schema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["origin", "directives"],
        "additionalProperties": false,
        "properties": {
            "origin": {"type": "string", "minLength": 1, "maxLength": 256,
                       "description": "One origin, e.g. https://portal.customer-a.example (FACTS §8.1: one per entry)."},
            "name": {"type": "string", "minLength": 1, "maxLength": 512, "description": "Defaults to the origin."},
            "description": {"type": "string", "maxLength": 1024},
            "directives": {"type": "array", "minItems": 1, "uniqueItems": true,
                           "description": "The directives the origin is allowed in, exactly."}
        }
    })")
                             .object();
    // The directive names come from one list, so the schema and the request body cannot drift apart.
    QJsonObject properties = schema.value(u"properties"_s).toObject();
    QJsonObject directives = properties.value(u"directives"_s).toObject();
    directives.insert(u"items"_s,
                      QJsonObject{{u"type"_s, u"string"_s}, {u"enum"_s, QJsonArray::fromStringList(directiveNames())}});
    properties.insert(u"directives"_s, directives);
    schema.insert(u"properties"_s, properties);
    type.paramsSchema = schema;
    type.outputs = {{u"cspOriginId"_s, u"the entry's id"_s, u"62b6024fcdf339bb986fae76"_s},
                    {u"origin"_s, u"the origin"_s, u"https://portal.customer-a.example"_s}};
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new CspOriginStep(context, parent); };
    return type;
}

QString CspOriginStep::origin() const
{
    return params().value(u"origin"_s).toString();
}

QString CspOriginStep::name() const
{
    const QString name = params().value(u"name"_s).toString();
    return name.isEmpty() ? origin() : name;
}

QStringList CspOriginStep::directives() const
{
    QStringList list;
    for (const QJsonValue directive : params().value(u"directives"_s).toArray())
        list.append(directive.toString());
    list.sort();
    return list;
}

QStringList CspOriginStep::directivesOf(const QJsonObject &entry)
{
    QStringList list;
    for (const QString &directive : directiveNames()) {
        if (entry.value(directive).toBool())
            list.append(directive);
    }
    list.sort();
    return list;
}

QJsonObject CspOriginStep::body() const
{
    QJsonObject body{{u"origin"_s, origin()}, {u"name"_s, name()}};
    if (params().contains(u"description"_s))
        body.insert(u"description"_s, params().value(u"description"_s));
    const QStringList wanted = directives();
    for (const QString &directive : directiveNames())
        body.insert(directive, wanted.contains(directive));
    return body;
}

QJsonObject CspOriginStep::outputs(const QString &id) const
{
    return {{u"cspOriginId"_s, id}, {u"origin"_s, origin()}};
}

QString CspOriginStep::describe() const
{
    return u"CSP origin %1 in %2"_s.arg(origin(), directives().join(u", "_s));
}

StepProbe CspOriginStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(), {u"POST /api/v1/csp-origins"_s});
}

void CspOriginStep::probe()
{
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/csp-origins"_s);
    call.query = QUrlQuery{{u"origin"_s, origin()}, {u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &items) {
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::CspOrigin entry = Cloud::CspOrigin::read(reader);
            if (!reader.ok() || entry.id.isEmpty()) {
                fail(StepError::failed(u"an entry in the answer of GET /api/v1/csp-origins is malformed: "_s
                                       + (reader.ok() ? u"no id"_s : reader.error())));
                return;
            }
            if (entry.origin.compare(origin(), Qt::CaseInsensitive) != 0)
                continue;
            QList<FieldChange> changes;
            const QStringList current = directivesOf(item.toObject());
            if (current != directives()) {
                changes.append(
                    {u"directives"_s, QJsonArray::fromStringList(current), QJsonArray::fromStringList(directives())});
            }
            if (entry.name != name())
                changes.append({u"name"_s, entry.name, name()});
            if (params().contains(u"description"_s) && entry.description != params().value(u"description"_s).toString())
                changes.append({u"description"_s, entry.description, params().value(u"description"_s)});
            if (changes.isEmpty()) {
                finishProbe(StepProbe::noChange(describe() + u" exists"_s, outputs(entry.id)));
                return;
            }
            finishProbe(StepProbe::update(u"update CSP origin %1"_s.arg(origin()),
                                          {u"PUT /api/v1/csp-origins/%1"_s.arg(entry.id)}, changes, outputs(entry.id)));
            return;
        }
        finishProbe(StepProbe::create(u"create "_s + describe(), {u"POST /api/v1/csp-origins"_s}));
    });
}

void CspOriginStep::apply(const StepProbe &probe)
{
    const bool update = probe.action == StepAction::Update;
    const QString existing = probe.outputs.value(u"cspOriginId"_s).toString();
    Cloud::ApiCall call = update ? tenantCall("PUT", u"/api/v1/csp-origins/"_s + existing)
                                 : tenantCall("POST", u"/api/v1/csp-origins"_s);
    call.setJson(QJsonDocument(body()));
    send(call, [this, update, existing](const Cloud::ApiResult &result) {
        QString id = existing;
        if (!update) {
            Cloud::JsonReader reader(QJsonDocument::fromJson(result.response().body).object());
            const Cloud::CspOrigin entry = Cloud::CspOrigin::read(reader);
            if (!reader.ok() || entry.id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the CSP origin was created but the answer is unreadable"_s));
                return;
            }
            id = entry.id;
        }
        StepChange change;
        change.summary = (update ? u"updated "_s : u"created "_s) + describe();
        (update ? change.updated : change.created).append({u"csp-origin"_s, id, origin()});
        change.outputs = outputs(id);
        finishApply(change);
    });
}

void CspOriginStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"cspOriginId"_s).toString();
    send(tenantCall("GET", u"/api/v1/csp-origins/"_s + id), [this, id](const Cloud::ApiResult &result) {
        const QJsonObject entry = QJsonDocument::fromJson(result.response().body).object();
        if (entry.value(u"origin"_s).toString().compare(origin(), Qt::CaseInsensitive) != 0
            || directivesOf(entry) != directives()) {
            fail(StepError::transient(u"CSP origin %1 reads back as %2 in [%3], not yet as planned"_s.arg(
                id, entry.value(u"origin"_s).toString(), directivesOf(entry).join(u", "_s))));
            return;
        }
        finishVerify(u"CSP origin %1 (%2) reads back as planned"_s.arg(origin(), id));
    });
}

} // namespace Ops
