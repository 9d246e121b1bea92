#pragma once

#include "common/result.h"
#include "sshpublickey.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class SshInterrupt;

// What `ssh-keyscan` does: the SSH handshake up to the server's host key, then goodbye — no authentication, and
// nothing is trusted or pinned here. For a server this computer never pinned (a deployment made on another
// computer): the caller accepts the key only if its fingerprint equals the host-key label or the user confirms it.
class HostKeyScan
{
public:
    using Done = std::function<void(Result<SshPublicKey>)>;

    // Blocking (a TCP connect and a key exchange, at most ~timeoutMs): never call it on the GUI thread.
    // `algorithm` is the host key type to ask for ("ssh-ed25519": the type the app gives every server). A triggered
    // `interrupt` ends the connect or the key exchange at once with SshErrors::cancelled().
    static Result<SshPublicKey> scanBlocking(const QString &host, quint16 port, int timeoutMs,
                                             const QString &algorithm = QStringLiteral("ssh-ed25519"),
                                             SshInterrupt *interrupt = nullptr);
    // The same on a pool thread; `done` runs in `context`'s thread (not at all once `context` is gone, nor once
    // the returned interrupt was triggered: that is how the owner cancels without waiting for the thread).
    static std::shared_ptr<SshInterrupt> scan(const QString &host, quint16 port, int timeoutMs, QObject *context,
                                              Done done);
};
