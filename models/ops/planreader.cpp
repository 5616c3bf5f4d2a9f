#include "ops/planreader.h"

#include "ops/jsonpath.h"
#include "ops/paramreferences.h"
#include "ops/secretscreen.h"
#include "ops/stepregistry.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

const QStringList &targetFields()
{
    static const QStringList fields{u"id"_s, u"hostname"_s, u"region"_s, u"label"_s};
    return fields;
}

QString quotedList(QStringList names)
{
    if (names.isEmpty())
        return u"none"_s;
    names.sort();
    for (QString &name : names)
        name = u'"' + name + u'"';
    return names.join(u", "_s);
}

void lineAndColumn(const QByteArray &bytes, qsizetype offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++*line;
            *column = 1;
        } else if ((static_cast<unsigned char>(bytes.at(i)) & 0xC0) != 0x80) {
            ++*column; // count characters, not UTF-8 continuation bytes
        }
    }
}

QList<Plan::Step> stepsFromJson(const QJsonArray &array)
{
    QList<Plan::Step> steps;
    steps.reserve(array.size());
    for (const QJsonValue value : array) {
        const QJsonObject object = value.toObject();
        steps.append({object.value(u"id"_s).toString(), object.value(u"type"_s).toString(),
                      object.value(u"label"_s).toString(), object.value(u"params"_s).toObject()});
    }
    return steps;
}

QList<PlanIssue> capped(QList<PlanIssue> issues)
{
    if (issues.size() > PlanReader::MaxIssues) {
        const qsizetype more = issues.size() - PlanReader::MaxIssues;
        issues.resize(PlanReader::MaxIssues);
        issues.append({QString(), u"… and %1 more issues"_s.arg(more)});
    }
    return issues;
}

} // namespace

PlanReader::PlanReader(const StepRegistry *registry)
    : m_registry(registry)
{ }

QJsonObject PlanReader::schemaDocument()
{
    QFile file(u":/plans/plan.schema.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

const JsonSchema &PlanReader::schema()
{
    static const JsonSchema compiled = [] {
        QString error;
        JsonSchema schema = JsonSchema::compile(schemaDocument(), &error);
        Q_ASSERT_X(schema.isValid(), "PlanReader::schema", qPrintable(error));
        return schema;
    }();
    return compiled;
}

PlanReadResult PlanReader::readFile(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, {{QString(), u"cannot read plan file %1: %2"_s.arg(path, file.errorString())}}};
    return read(file.readAll());
}

PlanReadResult PlanReader::read(const QByteArray &bytes) const
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        lineAndColumn(bytes, error.offset, &line, &column);
        return {std::nullopt,
                {{QString(),
                  u"not valid JSON: %1 at line %2, column %3"_s.arg(error.errorString()).arg(line).arg(column)}}};
    }
    if (!document.isObject())
        return {std::nullopt,
                {{u"$"_s,
                  u"a plan is a JSON object; this file holds %1"_s.arg(document.isArray() ? u"an array"_s
                                                                                          : u"no object"_s)}}};
    return fromJson(document.object());
}

PlanReadResult PlanReader::fromJson(const QJsonObject &json) const
{
    // Format and version first, so that a file from elsewhere or a newer Tenantry gets one clear
    // message instead of a page of schema violations.
    const QJsonValue format = json.value(u"format"_s);
    if (format != QJsonValue(u"tenantry-plan"_s)) {
        return {std::nullopt,
                {{u"$.format"_s,
                  format.isUndefined() ? u"missing; a Tenantry plan starts with \"format\": \"tenantry-plan\""_s
                                       : u"is not \"tenantry-plan\"; this file is not a Tenantry plan"_s}}};
    }
    const QJsonValue version = json.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() != Plan::FormatVersion) {
        const QString message = version.isUndefined()
            ? u"missing; this Tenantry reads plan format version %1"_s.arg(Plan::FormatVersion)
            : version.isDouble() ? u"is %1, but this Tenantry reads plan format version %2 only (a plan from a newer "
                                   u"Tenantry?)"_s.arg(version.toDouble())
                                       .arg(Plan::FormatVersion)
                                 : u"must be the number %1"_s.arg(Plan::FormatVersion);
        return {std::nullopt, {{u"$.version"_s, message}}};
    }

    QList<PlanIssue> issues = SecretScreen::findSecrets(json, u"$"_s);
    if (!issues.isEmpty())
        return {std::nullopt, capped(issues)};

    issues = schema().validate(json, u"$"_s);
    if (!issues.isEmpty())
        return {std::nullopt, capped(issues)};

    issues = checkSemantics(json);
    if (!issues.isEmpty())
        return {std::nullopt, capped(issues)};
    return {toPlan(json), {}};
}

QList<PlanIssue> PlanReader::checkSemantics(const QJsonObject &json) const
{
    QList<PlanIssue> issues;
    auto add = [&issues](const QString &path, const QString &message) {
        const PlanIssue issue{path, message};
        if (!issues.contains(issue))
            issues.append(issue);
    };

    const QJsonObject templates = json.value(u"templates"_s).toObject();
    const QJsonArray targets = json.value(u"targets"_s).toArray();
    QSet<QString> targetIds;
    for (qsizetype t = 0; t < targets.size(); ++t) {
        const QJsonObject target = targets.at(t).toObject();
        const QString targetPath = JsonPath::index(u"$.targets"_s, t);
        const QString targetId = target.value(u"id"_s).toString();
        if (targetIds.contains(targetId))
            add(JsonPath::member(targetPath, u"id"_s),
                u"\"%1\" is used by an earlier target; target ids are unique"_s.arg(targetId));
        targetIds.insert(targetId);

        // The steps: the target's own, or its template's (issues then point into the template and
        // say for which target, since references to ${vars.…} depend on the target).
        QJsonArray steps;
        QString stepsPath;
        QString forTarget;
        if (target.contains(u"template"_s)) {
            const QString name = target.value(u"template"_s).toString();
            if (!templates.contains(name)) {
                add(JsonPath::member(targetPath, u"template"_s),
                    u"no template named \"%1\"; the plan defines %2"_s.arg(name, quotedList(templates.keys())));
                continue;
            }
            steps = templates.value(name).toArray();
            stepsPath = JsonPath::member(u"$.templates"_s, name);
            forTarget = u" (for target \"%1\")"_s.arg(targetId);
        } else {
            steps = target.value(u"steps"_s).toArray();
            stepsPath = JsonPath::member(targetPath, u"steps"_s);
        }

        QStringList stepIds;
        for (const QJsonValue step : steps)
            stepIds.append(step.toObject().value(u"id"_s).toString());
        auto typeOfStep = [&](qsizetype index) -> const StepType * {
            return m_registry ? m_registry->find(steps.at(index).toObject().value(u"type"_s).toString()) : nullptr;
        };

        // The hostname: a literal, or the output of one of this target's steps.
        const QString hostname = target.value(u"hostname"_s).toString();
        const QString region = target.value(u"region"_s).toString();
        const QString hostnamePath = JsonPath::member(targetPath, u"hostname"_s);
        qsizetype hostnameStep = -1;
        QJsonValue hostnameExample(u"example.eu.qlikcloud.com"_s);
        ParamReference hostnameReference;
        if (ParamReferences::isWholeReference(hostname, &hostnameReference)) {
            hostnameStep = stepIds.indexOf(hostnameReference.source);
            if (hostnameReference.source == u"target"_s || hostnameReference.source == u"vars"_s || hostnameStep < 0) {
                add(hostnamePath,
                    u"%1 does not name a step of this target; a tenant to be created takes its hostname "
                    u"from the step that creates it, e.g. \"${tenant.hostname}\""_s.arg(hostname));
                hostnameStep = -1;
            } else if (const StepType *type = typeOfStep(hostnameStep)) {
                if (const StepOutput *output = type->output(hostnameReference.name))
                    hostnameExample = output->example;
                else
                    add(hostnamePath,
                        u"step \"%1\" (type \"%2\") has no output \"%3\"; it has %4"_s.arg(
                            hostnameReference.source, type->name, hostnameReference.name, quotedList([type] {
                                QStringList names;
                                for (const StepOutput &output : type->outputs)
                                    names.append(output.name);
                                return names;
                            }())));
            }
            if (region.isEmpty())
                add(JsonPath::member(targetPath, u"region"_s),
                    u"missing; a target whose tenant is created by the plan needs its region (e.g. \"eu\")"_s);
        } else {
            hostnameExample = hostname;
            const QString derived = Plan::regionOfHostname(hostname);
            if (!region.isEmpty() && !derived.isEmpty() && derived != region)
                add(JsonPath::member(targetPath, u"region"_s),
                    u"is \"%1\", but the hostname %2 is in region \"%3\""_s.arg(region, hostname, derived));
        }

        const QJsonObject vars = target.value(u"vars"_s).toObject();
        for (qsizetype s = 0; s < steps.size(); ++s) {
            const QJsonObject step = steps.at(s).toObject();
            const QString stepPath = JsonPath::index(stepsPath, s);
            const QString stepId = step.value(u"id"_s).toString();
            const qsizetype issuesBefore = issues.size();
            const QString typeName = step.value(u"type"_s).toString();
            if (stepIds.indexOf(stepId) != s)
                add(JsonPath::member(stepPath, u"id"_s),
                    u"\"%1\" is used by an earlier step of this target; step ids are unique per target"_s.arg(stepId));

            const StepType *type = typeOfStep(s);
            if (m_registry && !type) {
                add(JsonPath::member(stepPath, u"type"_s),
                    u"unknown step type \"%1\"; known types are %2"_s.arg(typeName,
                                                                          quotedList(m_registry->typeNames())));
            }
            if (type && type->needsTenantHost && hostnameStep >= s) {
                add(stepPath,
                    u"step \"%1\" works on the target tenant, whose hostname step \"%2\" only produces "
                    u"later; move it after \"%2\"%3"_s.arg(stepId, stepIds.at(hostnameStep), forTarget));
            }

            // References: each must name something this step can know when it runs.
            const QString paramsPath = JsonPath::member(stepPath, u"params"_s);
            const QJsonObject params = step.value(u"params"_s).toObject();
            QList<PlanIssue> referenceIssues;
            const QList<ParamReference> references = ParamReferences::find(params, paramsPath, &referenceIssues);
            for (const PlanIssue &issue : referenceIssues)
                add(issue.path, issue.message + forTarget);
            for (const ParamReference &reference : references) {
                if (reference.source == u"target"_s) {
                    if (!targetFields().contains(reference.name))
                        add(reference.path, u"%1: a target has %2"_s.arg(reference.text(), quotedList(targetFields())));
                    else if (reference.name == u"region"_s && region.isEmpty()
                             && Plan::regionOfHostname(hostname).isEmpty())
                        add(reference.path, u"%1: the target has no region; set \"region\""_s.arg(reference.text()));
                    continue;
                }
                if (reference.source == u"vars"_s) {
                    if (!vars.contains(reference.name))
                        add(reference.path,
                            u"%1: target \"%2\" has no variable \"%3\" (its vars are %4)"_s.arg(
                                reference.text(), targetId, reference.name, quotedList(vars.keys())));
                    continue;
                }
                const qsizetype source = stepIds.indexOf(reference.source);
                if (source < 0) {
                    add(reference.path,
                        u"%1: this target has no step \"%2\"%3"_s.arg(reference.text(), reference.source, forTarget));
                } else if (source >= s) {
                    add(reference.path,
                        u"%1: step \"%2\" %3; a step can only use outputs of earlier steps"_s.arg(
                            reference.text(), reference.source, source == s ? u"is this step"_s : u"comes later"_s));
                } else if (const StepType *sourceType = typeOfStep(source);
                           sourceType && !sourceType->output(reference.name)) {
                    QStringList names;
                    for (const StepOutput &output : sourceType->outputs)
                        names.append(output.name);
                    add(reference.path,
                        u"%1: step \"%2\" (type \"%3\") has no output \"%4\"; it has %5"_s.arg(
                            reference.text(), reference.source, sourceType->name, reference.name, quotedList(names)));
                }
            }
            if (!type || issues.size() != issuesBefore)
                continue;

            // The parameters against the type's schema, with each reference standing in as a value
            // of the shape it will have.
            const ParamReferences::Lookup lookup
                = [&](const QString &source, const QString &name) -> std::optional<QJsonValue> {
                if (source == u"target"_s) {
                    if (name == u"id"_s)
                        return QJsonValue(targetId);
                    if (name == u"hostname"_s)
                        return hostnameExample;
                    if (name == u"region"_s)
                        return QJsonValue(region.isEmpty() ? Plan::regionOfHostname(hostname) : region);
                    return QJsonValue(target.value(u"label"_s).toString(targetId));
                }
                if (source == u"vars"_s)
                    return vars.value(name);
                if (const StepType *sourceType = typeOfStep(stepIds.indexOf(source))) {
                    if (const StepOutput *output = sourceType->output(name))
                        return output->example;
                }
                return QJsonValue(u"example"_s);
            };
            const ParamReferences::Resolution resolution = ParamReferences::resolve(params, lookup, paramsPath);
            for (const PlanIssue &issue : resolution.issues)
                add(issue.path, issue.message + forTarget);
            for (const PlanIssue &issue : m_registry->validateParams(typeName, resolution.value.toObject(), paramsPath))
                add(issue.path, issue.message + forTarget);
        }
    }
    return issues;
}

Plan PlanReader::toPlan(const QJsonObject &json)
{
    Plan plan;
    plan.name = json.value(u"name"_s).toString();
    plan.description = json.value(u"description"_s).toString();
    const QJsonObject options = json.value(u"options"_s).toObject();
    plan.options.concurrency = options.value(u"concurrency"_s).toInt(plan.options.concurrency);
    plan.options.maxAttempts = options.value(u"maxAttempts"_s).toInt(plan.options.maxAttempts);
    plan.options.firstWave = options.value(u"firstWave"_s).toInt(plan.options.firstWave);
    plan.options.waveSize = options.value(u"waveSize"_s).toInt(plan.options.waveSize);
    plan.options.maxWaveFailurePercent
        = options.value(u"maxWaveFailurePercent"_s).toInt(plan.options.maxWaveFailurePercent);
    if (options.contains(u"preflight"_s))
        (void)Plan::parsePreflight(options.value(u"preflight"_s).toString(), &plan.options.preflight); // schema-checked

    const QJsonObject templates = json.value(u"templates"_s).toObject();
    for (auto it = templates.begin(); it != templates.end(); ++it)
        plan.templates.insert(it.key(), stepsFromJson(it.value().toArray()));

    const QJsonArray targets = json.value(u"targets"_s).toArray();
    plan.targets.reserve(targets.size());
    for (const QJsonValue value : targets) {
        const QJsonObject object = value.toObject();
        Plan::Target target;
        target.id = object.value(u"id"_s).toString();
        target.label = object.value(u"label"_s).toString();
        target.hostname = object.value(u"hostname"_s).toString();
        target.region = object.value(u"region"_s).toString();
        if (target.region.isEmpty())
            target.region = Plan::regionOfHostname(target.hostname);
        target.profile = object.value(u"profile"_s).toString();
        target.vars = object.value(u"vars"_s).toObject();
        target.templateName = object.value(u"template"_s).toString();
        target.steps = target.templateName.isEmpty() ? stepsFromJson(object.value(u"steps"_s).toArray())
                                                     : plan.templates.value(target.templateName);
        plan.targets.append(target);
    }
    return plan;
}

} // namespace Ops
