#pragma once

// Exit codes are part of the interface: scripts and CI rely on them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1, // the command ran and something went wrong (network, keychain, server)
    ExitUsage = 2, // the command line was wrong; nothing was done
};
