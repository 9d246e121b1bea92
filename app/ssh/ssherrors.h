#pragma once

#include "common/result.h"

#include <QString>

// The SSH subsystem's errors (domain "ssh"): one constructor per distinct situation, so every message says in
// plain language what happened and what to do, and callers can tell the cases apart by code.
namespace SshErrors {

Error hostNotFound(const QString &host, const QString &detail);
Error hostUnreachable(const QString &host, const QString &detail);
Error connectionRefused(const QString &host, quint16 port);
Error connectTimeout(const QString &host, quint16 port, int timeoutMs);
Error handshakeFailed(const QString &host, const QString &detail);
Error hostKeyNotPinned(const QString &host);
Error hostKeyPinInvalid(const QString &host, const QString &detail);
Error hostKeyMismatch(const QString &host, const QString &expectedFingerprint, const QString &actualFingerprint);
Error hostKeyTypeNotOffered(const QString &host, const QString &detail);
Error authRejectedKey(const QString &host, const QString &user, const QString &keyFile);
Error authRejectedAgent(const QString &host, const QString &user, const QString &detail);
Error agentUnavailable();
Error agentUnsupported(); // Windows: libssh 0.10 has no ssh-agent client there
Error keyFileMissing(const QString &keyFile);
Error keyFileUnreadable(const QString &keyFile, const QString &detail);
Error keyFilePermissions(const QString &keyFile, int mode);
Error keyFileNotAKey(const QString &keyFile, bool isPublicKey);
Error keyFileWrongPassphrase(const QString &keyFile);
Error keyFilePassphraseCancelled(const QString &keyFile);
Error connectionLost(const QString &host, const QString &detail);
Error idleTimeout(const QString &host, int timeoutMs);
Error notConnected();
Error channelFailed(const QString &what, const QString &detail);
Error commandFailed(int exitCode);
Error commandKilled(const QString &signal);
Error cancelled();
Error sftpFailed(const QString &what, const QString &remotePath, const QString &detail);
Error remoteFileMissing(const QString &remotePath, const QString &detail); // a download of a file that is not there

} // namespace SshErrors
