#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Sandbox {

class RequestContext;
struct AuditEvent;
struct Automation;
struct AutomationRun;
struct Tenant;

// Runs automations (FACTS §12). An automation's workspace is the editor's block graph; the sandbox
// interprets the part Qlik's "add new users to spaces" template uses and nothing more:
//  - the StartBlock's run_mode input (manual | scheduled | triggered | webhook) is the runMode; in
//    webhook mode on Qlik Cloud Services its webhook_event_guid names the event it listens to
//    (only "User Created", com.qlik.v1.user.created, is known);
//  - EndpointBlocks of the Qlik Cloud Services connector: Search Spaces (type, name, sort inputs;
//    its loopBlockId runs once per space found) and Add Member To Space (space id, user id, roles,
//    user|group), recognised by their endpoint guids;
//  - inputs may hold {$.BlockName.path} references to the start block's event and to the current
//    loop item.
// Anything else makes the run fail with an error naming the block. A run applies its effects at
// once, acting as the automation's owner (audit events name the owner, FACTS §2.3), and reports
// "running" until automationRunSeconds have passed on the sandbox clock.
class AutomationEngine
{
public:
    [[nodiscard]] static QString runModeOf(const QJsonObject &workspace);
    // The event type the automation is triggered by, empty when none.
    [[nodiscard]] static QString triggerOf(const QJsonObject &workspace);

    // Starts a run now. `context` is the run's context (api_async, webhook, ...), `inputs` what
    // the start block holds (a webhook's event envelope).
    static AutomationRun &start(const RequestContext &ctx, Tenant &tenant, Automation &automation,
                                const QString &context, const QJsonObject &inputs);

    // Starts the runs an event triggers: enabled webhook automations listening to its type.
    // Events raised by runs themselves trigger nothing (no loops).
    static void onEvent(const RequestContext &ctx, Tenant &tenant, const AuditEvent &event);

    // Finishes runs whose time is up.
    static void settle(Tenant &tenant, const QDateTime &now);

    // Qlik's template: on User Created, add the user to every managed space named like
    // `spaceName` as consumer (the block graph of FACTS §12's deployment asset).
    [[nodiscard]] static QJsonObject addUsersToSpaceWorkspace(const QString &spaceName);

    // Qlik's automation timestamps: 2021-12-23T12:28:21.000000Z.
    [[nodiscard]] static QString timestamp(const QDateTime &time);
};

} // namespace Sandbox
