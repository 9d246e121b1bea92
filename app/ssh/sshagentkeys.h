#pragma once

#include "common/result.h"
#include "sshpublickey.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

// The public keys a running ssh-agent holds, as `ssh-add -L` lists them (comment included). libssh signs with
// the agent but has no public call to list its keys, so this speaks the agent protocol's one request for it
// (draft-miller-ssh-agent §4.4, REQUEST_IDENTITIES) over the agent's socket — a Unix socket, or the OpenSSH
// named pipe on Windows. Blocking: call from a worker thread.
class SshAgentKeys
{
    Q_DECLARE_TR_FUNCTIONS(SshAgentKeys)

public:
    // SSH_AUTH_SOCK; empty when no agent is announced.
    static QString defaultSocket();

    // The agent's keys, in the agent's order. `socketPath` empty = defaultSocket(). Errors (domain "ssh"):
    // agent_unavailable (no socket given or announced), agent_unreachable (nothing answers there),
    // agent_protocol (an answer that is not a key list).
    static Result<QList<SshPublicKey>> list(const QString &socketPath = {}, int timeoutMs = 3000);
};
