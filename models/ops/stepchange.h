#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Ops {

// A resource a step created or updated, as the summary and journal name it.
struct ResourceRef
{
    QString kind; // "space", "group", "tenant", ...
    QString id;
    QString name;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ResourceRef fromJson(const QJsonObject &json);
    friend bool operator==(const ResourceRef &, const ResourceRef &) = default;
};

// The result of Step::apply(): what changed, and the step's outputs for later steps.
struct StepChange
{
    QString summary; // "created space 'Production' (managed)"
    QList<ResourceRef> created;
    QList<ResourceRef> updated;
    QJsonObject outputs; // e.g. {"spaceId": "…"}; must name every output the step type declares

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static StepChange fromJson(const QJsonObject &json);
    friend bool operator==(const StepChange &, const StepChange &) = default;
};

} // namespace Ops

Q_DECLARE_METATYPE(Ops::StepChange)
