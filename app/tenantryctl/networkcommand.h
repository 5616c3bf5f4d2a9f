#pragma once

#include "command.h"

namespace Cloud {
class CloudClient;
}

// A command that talks to Qlik Cloud (or the sandbox): shared handling of the client and of the
// --tenant option.
class NetworkCommand : public Command
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkCommand)

public:
    using Command::Command;
    ~NetworkCommand() override;

protected:
    // The client, or null after the command finished with a usage error.
    [[nodiscard]] Cloud::CloudClient *clientOrUsageError();

    static void addTenantOption(QCommandLineParser &parser);
    // The --tenant hostname, lower-cased; empty after a usage error when it is missing or not a
    // tenant host (a register or console host, a URL).
    [[nodiscard]] QString tenantOrUsageError(const QCommandLineParser &parser);
};
