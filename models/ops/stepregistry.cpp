#include "ops/stepregistry.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

bool StepRegistry::add(const StepType &type, QString *error)
{
    static const QRegularExpression namePattern(u"^[a-z][a-z0-9.-]{0,63}$"_s);
    static const QRegularExpression outputPattern(u"^[A-Za-z][A-Za-z0-9_]{0,63}$"_s);
    auto refuse = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!namePattern.match(type.name).hasMatch())
        return refuse(u"step type name \"%1\" is not [a-z][a-z0-9.-]*"_s.arg(type.name));
    if (m_types.count(type.name) != 0)
        return refuse(u"step type \"%1\" is already registered"_s.arg(type.name));
    if (!type.create)
        return refuse(u"step type \"%1\" has no factory"_s.arg(type.name));
    for (const StepOutput &output : type.outputs) {
        if (!outputPattern.match(output.name).hasMatch())
            return refuse(
                u"step type \"%1\": output name \"%2\" is not [A-Za-z][A-Za-z0-9_]*"_s.arg(type.name, output.name));
    }
    Entry entry{type, {}};
    if (!type.paramsSchema.isEmpty()) {
        QString schemaError;
        entry.schema = JsonSchema::compile(type.paramsSchema, &schemaError);
        if (!entry.schema.isValid())
            return refuse(u"step type \"%1\": %2"_s.arg(type.name, schemaError));
    }
    m_types.emplace(type.name, std::move(entry));
    return true;
}

const StepType *StepRegistry::find(const QString &name) const
{
    const auto it = m_types.find(name);
    return it == m_types.end() ? nullptr : &it->second.type;
}

QStringList StepRegistry::typeNames() const
{
    QStringList names;
    for (const auto &[name, entry] : m_types)
        names.append(name);
    return names;
}

QList<PlanIssue> StepRegistry::validateParams(const QString &typeName, const QJsonObject &params,
                                              const QString &path) const
{
    const auto it = m_types.find(typeName);
    if (it == m_types.end())
        return {{path, u"unknown step type \"%1\""_s.arg(typeName)}};
    const Entry &entry = it->second;
    QList<PlanIssue> issues;
    if (entry.schema.isValid())
        issues = entry.schema.validate(params, path);
    if (issues.isEmpty() && entry.type.checkParams)
        issues = entry.type.checkParams(params, path);
    return issues;
}

} // namespace Ops
