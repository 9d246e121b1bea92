#include "ssherrors.h"

#include <QCoreApplication>

namespace {

Error make(const char *code, const QString &message, const QString &detail = QString())
{
    return Error{QStringLiteral("ssh"), QString::fromLatin1(code), message, detail, QString(), 0};
}

} // namespace

namespace SshErrors {

Error hostNotFound(const QString &host, const QString &detail)
{
    return make(
            "host_not_found",
            QCoreApplication::translate(
                    "SshErrors", "The name %1 could not be resolved. Check the spelling and your internet connection.")
                    .arg(host),
            detail);
}

Error hostUnreachable(const QString &host, const QString &detail)
{
    return make(
            "host_unreachable",
            QCoreApplication::translate(
                    "SshErrors",
                    "The server %1 cannot be reached from this computer. Check your internet connection and that the "
                    "server is running.")
                    .arg(host),
            detail);
}

Error connectionRefused(const QString &host, quint16 port)
{
    return make("connection_refused",
                QCoreApplication::translate(
                        "SshErrors",
                        "The server %1 refused the connection on port %2: no SSH server is listening there yet. If the "
                        "server was just created, wait a minute and try again.")
                        .arg(host)
                        .arg(port));
}

Error connectTimeout(const QString &host, quint16 port, int timeoutMs)
{
    return make(
            "connect_timeout",
            QCoreApplication::translate(
                    "SshErrors",
                    "The server %1 did not answer on port %2 within %3 seconds. Check that it is running and that a "
                    "firewall allows SSH, then try again.")
                    .arg(host)
                    .arg(port)
                    .arg(timeoutMs / 1000.0, 0, 'g', 3));
}

Error handshakeFailed(const QString &host, const QString &detail)
{
    return make("handshake_failed",
                QCoreApplication::translate("SshErrors", "The SSH connection to %1 could not be set up. Try again; if "
                                                         "it keeps failing, the server may not be "
                                                         "an SSH server or may be overloaded.")
                        .arg(host),
                detail);
}

Error hostKeyNotPinned(const QString &host)
{
    return make(
            "host_key_not_pinned",
            QCoreApplication::translate(
                    "SshErrors",
                    "There is no known host key for %1, so its identity cannot be checked and the connection was not "
                    "made. Servers created by this app have their key recorded; for other servers add the key first.")
                    .arg(host));
}

Error hostKeyPinInvalid(const QString &host, const QString &detail)
{
    return make(
            "host_key_pin_invalid",
            QCoreApplication::translate(
                    "SshErrors",
                    "The recorded host key for %1 is damaged, so its identity cannot be checked and the connection was "
                    "not made. Record the server's key again.")
                    .arg(host),
            detail);
}

Error hostKeyMismatch(const QString &host, const QString &expectedFingerprint, const QString &actualFingerprint)
{
    return make(
            "host_key_mismatch",
            QCoreApplication::translate(
                    "SshErrors",
                    "The server at %1 identified itself with a different key than the one recorded for it. Someone may "
                    "be "
                    "intercepting the connection, or the server was rebuilt. The connection was refused to keep your "
                    "data safe; if you rebuilt the server, remove it from this app and add it again.")
                    .arg(host),
            QStringLiteral("expected %1, got %2").arg(expectedFingerprint, actualFingerprint));
}

Error hostKeyTypeNotOffered(const QString &host, const QString &detail)
{
    return make(
            "host_key_mismatch",
            QCoreApplication::translate(
                    "SshErrors",
                    "The server at %1 does not offer the kind of key recorded for it. Someone may be intercepting the "
                    "connection, or the server was rebuilt. The connection was refused to keep your data safe.")
                    .arg(host),
            detail);
}

Error authRejectedKey(const QString &host, const QString &user, const QString &keyFile)
{
    return make(
            "auth_rejected",
            QCoreApplication::translate(
                    "SshErrors",
                    "The server %1 did not accept the key %2 for user %3. Make sure the matching public key is in that "
                    "user's authorized_keys on the server, or choose the key the server knows.")
                    .arg(host, keyFile, user));
}

Error authRejectedAgent(const QString &host, const QString &user, const QString &detail)
{
    return make("auth_rejected",
                QCoreApplication::translate("SshErrors", "The server %1 did not accept any of the ssh-agent's keys for "
                                                         "user %2. Add the right key to the agent "
                                                         "(ssh-add), or choose a key file instead.")
                        .arg(host, user),
                detail);
}

Error agentUnavailable()
{
    return make("agent_unavailable",
                QCoreApplication::translate("SshErrors", "No key file was chosen and no ssh-agent is running "
                                                         "(SSH_AUTH_SOCK is not set). Choose a key file, or "
                                                         "start ssh-agent and add your key with ssh-add."));
}

Error agentUnsupported()
{
    return make("agent_unsupported",
                QCoreApplication::translate("SshErrors", "On Windows the app cannot use keys held by an ssh-agent. "
                                                         "Choose a key file instead."));
}

Error keyFileMissing(const QString &keyFile)
{
    return make("key_file_missing",
                QCoreApplication::translate("SshErrors",
                                            "The key file %1 does not exist. Check the path, or generate a new key.")
                        .arg(keyFile));
}

Error keyFileUnreadable(const QString &keyFile, const QString &detail)
{
    return make("key_file_unreadable",
                QCoreApplication::translate(
                        "SshErrors",
                        "The key file %1 cannot be read. Make sure it is a file your user may read (chmod 600).")
                        .arg(keyFile),
                detail);
}

Error keyFilePermissions(const QString &keyFile, int mode)
{
    return make("key_file_permissions",
                QCoreApplication::translate("SshErrors", "The key file %1 can be read by other users, so it is not "
                                                         "safe to use. Restrict it with: chmod 600 %1")
                        .arg(keyFile),
                QStringLiteral("mode %1").arg(mode, 4, 8, QLatin1Char('0')));
}

Error keyFileNotAKey(const QString &keyFile, bool isPublicKey)
{
    if (isPublicKey)
        return make("key_file_not_a_key",
                    QCoreApplication::translate("SshErrors", "The file %1 is a public key. Choose the private key file "
                                                             "instead (the same name without .pub).")
                            .arg(keyFile));
    return make("key_file_not_a_key",
                QCoreApplication::translate("SshErrors", "The file %1 is not a private key this app can use (ed25519, "
                                                         "ECDSA or RSA in OpenSSH or PEM format). "
                                                         "Choose another file.")
                        .arg(keyFile));
}

Error keyFileWrongPassphrase(const QString &keyFile)
{
    return make(
            "key_file_wrong_passphrase",
            QCoreApplication::translate("SshErrors", "The passphrase for the key %1 is not correct. Enter it again.")
                    .arg(keyFile));
}

Error keyFilePassphraseCancelled(const QString &keyFile)
{
    return make(
            "key_file_passphrase_cancelled",
            QCoreApplication::translate(
                    "SshErrors", "The key %1 is protected by a passphrase and none was given, so it cannot be used.")
                    .arg(keyFile));
}

Error connectionLost(const QString &host, const QString &detail)
{
    return make("connection_lost",
                QCoreApplication::translate(
                        "SshErrors",
                        "The connection to %1 was lost. Check your internet connection; the app reconnects by itself.")
                        .arg(host),
                detail);
}

Error idleTimeout(const QString &host, int timeoutMs)
{
    return make(
            "connection_lost",
            QCoreApplication::translate(
                    "SshErrors",
                    "The server %1 stopped answering for %2 seconds, so the connection is treated as lost. Check your "
                    "internet connection; the app reconnects by itself.")
                    .arg(host)
                    .arg(timeoutMs / 1000),
            QStringLiteral("idle timeout"));
}

Error notConnected()
{
    return make("not_connected",
                QCoreApplication::translate("SshErrors",
                                            "There is no connection to the server. Connect first, then try again."));
}

Error channelFailed(const QString &what, const QString &detail)
{
    return make("channel_failed",
                QCoreApplication::translate(
                        "SshErrors",
                        "The server did not allow %1. Try again; if it keeps failing, check the server's SSH settings.")
                        .arg(what),
                detail);
}

Error commandFailed(int exitCode)
{
    return make(
            "command_failed",
            QCoreApplication::translate(
                    "SshErrors", "The command on the server failed with exit code %1. See its output for the reason.")
                    .arg(exitCode),
            QStringLiteral("exit code %1").arg(exitCode));
}

Error commandKilled(const QString &signal)
{
    return make("command_killed",
                QCoreApplication::translate(
                        "SshErrors", "The command on the server was stopped by the signal %1 before it finished.")
                        .arg(signal),
                QStringLiteral("signal %1").arg(signal));
}

Error cancelled()
{
    return make("cancelled", QCoreApplication::translate("SshErrors", "The operation was cancelled."));
}

Error sftpFailed(const QString &what, const QString &remotePath, const QString &detail)
{
    return make(
            "sftp_failed",
            QCoreApplication::translate(
                    "SshErrors", "Could not %1 %2 on the server. Check that the folder exists and there is free space.")
                    .arg(what, remotePath),
            detail);
}

Error remoteFileMissing(const QString &remotePath, const QString &detail)
{
    return make("remote_file_missing",
                QCoreApplication::translate("SshErrors", "The file %1 does not exist on the server.").arg(remotePath),
                detail);
}

} // namespace SshErrors
