#pragma once

#include <QString>

// Reads a secret from standard input, never from the command line (where it would land in shell
// history and in every process listing). On a terminal it prompts on stderr and turns echo off;
// from a pipe or file it takes the whole input, without its final line break.
class SecretInput
{
public:
    struct Result
    {
        QString secret;
        QString error; // for people; empty on success
    };

    [[nodiscard]] static Result read(const QString &prompt);
};
