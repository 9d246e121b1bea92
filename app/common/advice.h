#pragma once

#include <QString>

// How to go on after an error or warning, said by its kind and not in words: the engine does not know whether
// a terminal or a window shows its message, so the message says what happened and what to fix, and each front
// end says how to do it in its own terms (app/cli/cliadvice.*: the command to run; ui/wizardadvice.*: the
// button to press). A message that comes with advice never names a command or a button itself.
struct Advice
{
    enum class Kind {
        None,
        RetrySameOperation, // the same operation resumes where it stopped; completed steps are not repeated
        RetryOnceDnsResolves, // as RetrySameOperation, once the domain's records resolve (the certificate)
        ListDeployments, // the project's deployments are listed elsewhere
        RemoveBridge, // subject: the bridge's server name; removal (drained first) is its own operation
        ListServerTypes, // subject: the location whose orderable types are listed
        UpdateJitsi, // every host is brought to the current Jitsi version by the rolling update
        RetryOrForce, // subject: the bridge; retry once its meetings ended, or go on without it confirmed drained
    };

    Kind kind = Kind::None;
    QString subject; // what the advice is about, as the comment of each kind says; may be empty

    bool isNone() const { return kind == Kind::None; }
    static QString kindName(Kind kind); // "retry", ... for --json (docs/cli.md)
};
