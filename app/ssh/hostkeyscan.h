#pragma once

#include "common/result.h"
#include "sshpublickey.h"

#include <QObject>
#include <QString>

#include <functional>

// What `ssh-keyscan` does: the SSH handshake up to the server's host key, then goodbye — no authentication, and
// nothing is trusted or pinned here. For a server this computer never pinned (a deployment made on another
// computer): the caller accepts the key only if its fingerprint equals the host-key label or the user confirms it.
class HostKeyScan
{
public:
    using Done = std::function<void(Result<SshPublicKey>)>;

    // Blocking (a TCP connect and a key exchange, at most ~timeoutMs): never call it on the GUI thread.
    // `algorithm` is the host key type to ask for ("ssh-ed25519": the type the app gives every server).
    static Result<SshPublicKey> scanBlocking(const QString &host, quint16 port, int timeoutMs,
                                             const QString &algorithm = QStringLiteral("ssh-ed25519"));
    // The same on a pool thread; `done` runs in `context`'s thread (not at all once `context` is gone).
    static void scan(const QString &host, quint16 port, int timeoutMs, QObject *context, Done done);
};
