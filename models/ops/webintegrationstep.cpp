#include "ops/webintegrationstep.h"

#include "cloud/apiresult.h"
#include "cloud/resources/jsonreader.h"
#include "cloud/resources/parsed.h"
#include "cloud/resources/webintegration.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

WebIntegrationStep::WebIntegrationStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

WebIntegrationStep::~WebIntegrationStep() = default;

StepType WebIntegrationStep::type()
{
    StepType type;
    type.name = u"web-integration"_s;
    type.title = u"Web integration"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["name", "validOrigins"],
        "additionalProperties": false,
        "properties": {
            "name": {"type": "string", "minLength": 1, "description": "The web integration's name (how the step finds it)."},
            "validOrigins": {"type": "array", "minItems": 1, "uniqueItems": true,
                             "items": {"type": "string", "pattern": "^https?://[^/\\s]+$"},
                             "description": "Origins allowed to embed the tenant, exactly, e.g. https://portal.customer-a.example."}
        }
    })")
                            .object();
    type.outputs = {{u"webIntegrationId"_s, u"the id browsers send as qlik-web-integration-id"_s,
                     u"X6Y8u7rn5tJtzUVwh2zmYZbGmVF-3Iys"_s},
                    {u"name"_s, u"the web integration's name"_s, u"Customer A portal"_s}};
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new WebIntegrationStep(context, parent); };
    return type;
}

QString WebIntegrationStep::name() const
{
    return params().value(u"name"_s).toString();
}

QStringList WebIntegrationStep::validOrigins() const
{
    QStringList list;
    for (const QJsonValue origin : params().value(u"validOrigins"_s).toArray())
        list.append(origin.toString());
    return sorted(list);
}

QJsonObject WebIntegrationStep::outputs(const QString &id) const
{
    return {{u"webIntegrationId"_s, id}, {u"name"_s, name()}};
}

QString WebIntegrationStep::describe() const
{
    return u"web integration '%1' for %2"_s.arg(name(), validOrigins().join(u", "_s));
}

StepProbe WebIntegrationStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(), {u"POST /api/v1/web-integrations"_s});
}

void WebIntegrationStep::probe()
{
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/web-integrations"_s);
    call.query = QUrlQuery{{u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &items) {
        QList<Cloud::WebIntegration> named;
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::WebIntegration integration = Cloud::WebIntegration::read(reader);
            if (!reader.ok() || integration.id.isEmpty()) {
                fail(StepError::failed(u"a web integration in the answer of GET /api/v1/web-integrations is "
                                       u"malformed: "_s
                                       + (reader.ok() ? u"no id"_s : reader.error())));
                return;
            }
            if (integration.name == name())
                named.append(integration);
        }
        if (named.isEmpty()) {
            finishProbe(StepProbe::create(u"create "_s + describe(), {u"POST /api/v1/web-integrations"_s}));
            return;
        }
        if (named.size() > 1) {
            QStringList ids;
            for (const Cloud::WebIntegration &integration : std::as_const(named))
                ids.append(integration.id);
            finishProbe(StepProbe::blocked(
                u"%1 web integrations are named '%2' (%3); delete or rename all but one"_s.arg(named.size())
                    .arg(name(), ids.join(u", "_s))));
            return;
        }
        const Cloud::WebIntegration &found = named.first();
        const QStringList current = sorted(found.validOrigins);
        if (current == validOrigins()) {
            finishProbe(StepProbe::noChange(describe() + u" exists"_s, outputs(found.id)));
            return;
        }
        finishProbe(StepProbe::update(
            u"set the valid origins of web integration '%1'"_s.arg(name()),
            {u"PATCH /api/v1/web-integrations/%1"_s.arg(found.id)},
            {{u"validOrigins"_s, QJsonArray::fromStringList(current), QJsonArray::fromStringList(validOrigins())}},
            outputs(found.id)));
    });
}

void WebIntegrationStep::apply(const StepProbe &probe)
{
    if (probe.action == StepAction::Update) {
        const QString id = probe.outputs.value(u"webIntegrationId"_s).toString();
        const QJsonArray patch{QJsonObject{{u"op"_s, u"replace"_s},
                                           {u"path"_s, u"/validOrigins"_s},
                                           {u"value"_s, QJsonArray::fromStringList(validOrigins())}}};
        Cloud::ApiCall call = tenantCall("PATCH", u"/api/v1/web-integrations/"_s + id);
        call.idempotency = Cloud::ApiCall::Idempotency::Idempotent; // a replace: the same result when resent
        send(call.setJson(QJsonDocument(patch)), [this, id](const Cloud::ApiResult &) {
            StepChange change;
            change.summary
                = u"set the valid origins of web integration '%1' to %2"_s.arg(name(), validOrigins().join(u", "_s));
            change.updated.append({u"web-integration"_s, id, name()});
            change.outputs = outputs(id);
            finishApply(change);
        });
        return;
    }
    const QJsonObject body{{u"name"_s, name()}, {u"validOrigins"_s, QJsonArray::fromStringList(validOrigins())}};
    send(tenantCall("POST", u"/api/v1/web-integrations"_s).setJson(QJsonDocument(body)),
         [this](const Cloud::ApiResult &result) {
             const Cloud::Parsed<Cloud::WebIntegration> created
                 = Cloud::parseResource<Cloud::WebIntegration>(result.response().body);
             if (!created.ok() || created.value->id.isEmpty()) {
                 fail(StepError::outcomeUnknown(u"the web integration was created but the answer is unreadable: "_s
                                                + created.error));
                 return;
             }
             StepChange change;
             change.summary = u"created "_s + describe();
             change.created.append({u"web-integration"_s, created.value->id, name()});
             change.outputs = outputs(created.value->id);
             finishApply(change);
         });
}

void WebIntegrationStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"webIntegrationId"_s).toString();
    send(tenantCall("GET", u"/api/v1/web-integrations/"_s + id), [this, id](const Cloud::ApiResult &result) {
        const Cloud::Parsed<Cloud::WebIntegration> integration
            = Cloud::parseResource<Cloud::WebIntegration>(result.response().body);
        if (!integration.ok()) {
            fail(StepError::failed(u"GET /api/v1/web-integrations/%1 answered a malformed web integration: %2"_s.arg(
                id, integration.error)));
            return;
        }
        if (integration.value->name != name() || sorted(integration.value->validOrigins) != validOrigins()) {
            fail(StepError::transient(u"web integration %1 reads back as '%2' for %3, not yet as planned"_s.arg(
                id, integration.value->name, integration.value->validOrigins.join(u", "_s))));
            return;
        }
        finishVerify(u"web integration '%1' (%2) reads back as planned"_s.arg(name(), id));
    });
}

} // namespace Ops
