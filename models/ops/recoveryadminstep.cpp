#include "ops/recoveryadminstep.h"

#include "cloud/apierror.h"
#include "cloud/apiresult.h"
#include "cloud/resources/parsed.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Ops {

namespace {

const QString kTenantAdmin = u"TenantAdmin"_s;

QStringList roleNames(const QList<Cloud::AssignedRole> &roles)
{
    QStringList names;
    for (const Cloud::AssignedRole &role : roles)
        names.append(role.name);
    return names;
}

QJsonArray roleRefs(const QStringList &names)
{
    QJsonArray refs;
    for (const QString &name : names)
        refs.append(QJsonObject{{u"name"_s, name}});
    return refs;
}

} // namespace

RecoveryAdminStep::RecoveryAdminStep(const StepContext &context, QObject *parent)
    : CloudStep(context, parent)
{ }

RecoveryAdminStep::~RecoveryAdminStep() = default;

StepType RecoveryAdminStep::type()
{
    StepType type;
    type.name = u"recovery-admin"_s;
    type.title = u"Recovery administrator"_s;
    type.paramsSchema = QJsonDocument::fromJson(R"({
        "type": "object",
        "required": ["source", "email"],
        "additionalProperties": false,
        "properties": {
            "source": {"type": "string", "minLength": 1, "description": "Hostname of the tenant where the person is a user."},
            "sourceProfile": {"type": "string", "description": "Credential profile for the source tenant (default: chosen by tier)."},
            "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$", "description": "The person's email on the source tenant."}
        }
    })")
                            .object();
    type.outputs = {{u"userId"_s, u"the user's id on the target"_s, u"62b6024fcdf339bb986fae77"_s},
                    {u"subject"_s, u"the user's subject"_s, u"auth0|a08D000001I0dAlIAJ"_s}};
    type.create
        = [](const StepContext &context, QObject *parent) -> Step * { return new RecoveryAdminStep(context, parent); };
    return type;
}

QString RecoveryAdminStep::email() const
{
    return params().value(u"email"_s).toString();
}

QString RecoveryAdminStep::source() const
{
    return params().value(u"source"_s).toString();
}

QJsonObject RecoveryAdminStep::outputs(const QString &id, const QString &subject)
{
    return {{u"userId"_s, id}, {u"subject"_s, subject}};
}

QString RecoveryAdminStep::describe() const
{
    return u"TenantAdmin %1 (copied from %2)"_s.arg(email(), source());
}

StepProbe RecoveryAdminStep::deferredProbe() const
{
    return StepProbe::create(u"create "_s + describe(),
                             {u"GET /api/v1/users?filter=email eq (on %1)"_s.arg(source()), u"POST /api/v1/users"_s});
}

void RecoveryAdminStep::probe()
{
    Cloud::ApiCall call = sourceCall("GET", u"/api/v1/users"_s);
    call.query = QUrlQuery{{u"filter"_s, scimEquals(u"email"_s, email())}, {u"limit"_s, u"100"_s}};
    listAll(call, [this](const QJsonArray &items) {
        QList<Cloud::User> people;
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            Cloud::User user = Cloud::User::read(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"a user in the answer of GET /api/v1/users on %1 is malformed: %2"_s.arg(
                    source(), reader.error())));
                return;
            }
            // The filter compares without regard to case; so does email.
            if (user.email.compare(email(), Qt::CaseInsensitive) == 0 && !user.isBot())
                people.append(user);
        }
        if (people.isEmpty()) {
            finishProbe(StepProbe::blocked(u"no user with email %1 on %2 to copy"_s.arg(email(), source())));
            return;
        }
        if (people.size() > 1) {
            finishProbe(StepProbe::blocked(
                u"%1 users have email %2 on %3; the recovery admin must be one person"_s.arg(people.size())
                    .arg(email(), source())));
            return;
        }
        if (people.first().status != u"active"_s) {
            finishProbe(
                StepProbe::blocked(u"user %1 on %2 is %3, not active"_s.arg(email(), source(), people.first().status)));
            return;
        }
        findOnTarget(people.first());
    });
}

void RecoveryAdminStep::findOnTarget(const Cloud::User &person)
{
    Cloud::ApiCall call = tenantCall("GET", u"/api/v1/users"_s);
    call.query = QUrlQuery{{u"filter"_s, scimEquals(u"subject"_s, person.subject)}, {u"limit"_s, u"100"_s}};
    listAll(call, [this, person](const QJsonArray &items) {
        const QJsonObject who{{u"subject"_s, person.subject}, {u"name"_s, person.name}, {u"email"_s, person.email}};
        for (const QJsonValue item : items) {
            Cloud::JsonReader reader(item.toObject());
            const Cloud::User user = Cloud::User::read(reader);
            if (!reader.ok()) {
                fail(StepError::failed(u"a user in the answer of GET /api/v1/users is malformed: "_s + reader.error()));
                return;
            }
            if (user.subject != person.subject)
                continue;
            const QStringList roles = roleNames(user.assignedRoles);
            if (roles.contains(kTenantAdmin) && user.status == u"active"_s) {
                finishProbe(
                    StepProbe::noChange(describe() + u" exists ("_s + user.id + u')', outputs(user.id, user.subject)));
                return;
            }
            if (user.status != u"active"_s) {
                finishProbe(StepProbe::blocked(
                    u"user %1 (%2) on %3 is %4; enable it by hand, Tenantry does not "
                    u"re-enable users"_s.arg(user.id, person.email, context().tenantHost, user.status)));
                return;
            }
            StepProbe update
                = StepProbe::update(u"make %1 a TenantAdmin"_s.arg(email()), {u"PATCH /api/v1/users/"_s + user.id},
                                    {{u"roles"_s, QJsonArray::fromStringList(roles),
                                      QJsonArray::fromStringList(roles + QStringList{kTenantAdmin})}},
                                    outputs(user.id, user.subject));
            update.applyData = {{u"roles"_s, QJsonArray::fromStringList(roles + QStringList{kTenantAdmin})}};
            finishProbe(update);
            return;
        }
        StepProbe create = deferredProbe();
        create.applyData = {{u"user"_s, who}};
        finishProbe(create);
    });
}

void RecoveryAdminStep::apply(const StepProbe &probe)
{
    if (probe.action == StepAction::Update) {
        const QString id = probe.outputs.value(u"userId"_s).toString();
        QStringList roles;
        for (const QJsonValue role : probe.applyData.value(u"roles"_s).toArray())
            roles.append(role.toString());
        // FACTS §5.1: replace sets the whole list.
        const QJsonArray patch{
            QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"/assignedRoles"_s}, {u"value"_s, roleRefs(roles)}}};
        send(tenantCall("PATCH", u"/api/v1/users/"_s + id).setJson(QJsonDocument(patch)),
             [this, id, probe](const Cloud::ApiResult &) {
                 StepChange change;
                 change.summary = u"made %1 a TenantAdmin"_s.arg(email());
                 change.updated.append({u"user"_s, id, email()});
                 change.outputs = probe.outputs;
                 finishApply(change);
             });
        return;
    }
    const QJsonObject who = probe.applyData.value(u"user"_s).toObject();
    const QString subject = who.value(u"subject"_s).toString();
    if (subject.isEmpty()) {
        fail(StepError::failed(u"nothing to apply: the probe named no user (a bug in step type \"recovery-admin\")"_s));
        return;
    }
    // FACTS §5.1, §18.5: status "active" is what Qlik's tutorial sends, and it is accepted.
    const QJsonObject body{{u"subject"_s, subject},
                           {u"name"_s, who.value(u"name"_s)},
                           {u"email"_s, who.value(u"email"_s)},
                           {u"status"_s, u"active"_s},
                           {u"assignedRoles"_s, roleRefs({kTenantAdmin})}};
    send(
        tenantCall("POST", u"/api/v1/users"_s).setJson(QJsonDocument(body)),
        [this, subject](const Cloud::ApiResult &result) {
            const Cloud::Parsed<Cloud::User> user = Cloud::parseResource<Cloud::User>(result.response().body);
            if (!user.ok() || user.value->id.isEmpty()) {
                fail(StepError::outcomeUnknown(u"the user was created but the answer is unreadable: "_s + user.error));
                return;
            }
            StepChange change;
            change.summary = u"created "_s + describe();
            change.created.append({u"user"_s, user.value->id, email()});
            change.outputs = outputs(user.value->id, subject);
            finishApply(change);
        },
        [this](const Cloud::ApiError &error) {
            if (error.httpStatus() != 409)
                return false;
            // FACTS §14.6: the subject exists now (an earlier attempt did create it): probe again.
            StepError exists = errorFor(error);
            exists.kind = StepError::Kind::OutcomeUnknown;
            exists.message = u"a user with the subject of %1 exists already (409); looking again"_s.arg(email());
            fail(exists);
            return true;
        });
}

void RecoveryAdminStep::verify(const StepChange &change)
{
    const QString id = change.outputs.value(u"userId"_s).toString();
    const QString subject = change.outputs.value(u"subject"_s).toString();
    send(tenantCall("GET", u"/api/v1/users/"_s + id), [this, id, subject](const Cloud::ApiResult &result) {
        const Cloud::Parsed<Cloud::User> user = Cloud::parseResource<Cloud::User>(result.response().body);
        if (!user.ok()) {
            fail(StepError::failed(u"GET /api/v1/users/%1 answered a malformed user: %2"_s.arg(id, user.error)));
            return;
        }
        if (user.value->subject != subject) {
            fail(StepError::failed(u"user %1 has another subject than %2's"_s.arg(id, email())));
            return;
        }
        if (!user.value->hasRole(kTenantAdmin)) {
            fail(StepError::transient(u"user %1 (%2) is not yet a TenantAdmin"_s.arg(id, email())));
            return;
        }
        finishVerify(u"%1 is TenantAdmin %2 on %3"_s.arg(email(), id, context().tenantHost));
    });
}

} // namespace Ops
