#include "ops/stepchange.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

QJsonArray refsToJson(const QList<ResourceRef> &refs)
{
    QJsonArray array;
    for (const ResourceRef &ref : refs)
        array.append(ref.toJson());
    return array;
}

QList<ResourceRef> refsFromJson(const QJsonArray &array)
{
    QList<ResourceRef> refs;
    refs.reserve(array.size());
    for (const QJsonValue value : array)
        refs.append(ResourceRef::fromJson(value.toObject()));
    return refs;
}

} // namespace

QJsonObject ResourceRef::toJson() const
{
    QJsonObject json{{u"kind"_s, kind}, {u"id"_s, id}};
    if (!name.isEmpty())
        json.insert(u"name"_s, name);
    return json;
}

ResourceRef ResourceRef::fromJson(const QJsonObject &json)
{
    return {json.value(u"kind"_s).toString(), json.value(u"id"_s).toString(), json.value(u"name"_s).toString()};
}

QJsonObject StepChange::toJson() const
{
    QJsonObject json{{u"summary"_s, summary}};
    if (!created.isEmpty())
        json.insert(u"created"_s, refsToJson(created));
    if (!updated.isEmpty())
        json.insert(u"updated"_s, refsToJson(updated));
    if (!outputs.isEmpty())
        json.insert(u"outputs"_s, outputs);
    return json;
}

StepChange StepChange::fromJson(const QJsonObject &json)
{
    StepChange change;
    change.summary = json.value(u"summary"_s).toString();
    change.created = refsFromJson(json.value(u"created"_s).toArray());
    change.updated = refsFromJson(json.value(u"updated"_s).toArray());
    change.outputs = json.value(u"outputs"_s).toObject();
    return change;
}

} // namespace Ops
