#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class PassphraseRequest;
class QThread;

// Where and how to connect. The host key must be known beforehand (DESIGN.md §4): there is no
// trust-on-first-use, a missing or different key is a refusal.
struct SshConnectOptions
{
    QString host; // IP address or name
    quint16 port = 22;
    QString user = QStringLiteral("root");

    // Authentication: a private key file (ed25519, ecdsa, rsa; OpenSSH or PEM), or the ssh-agent when keyFile is
    // empty: at agentSocket, or SSH_AUTH_SOCK when that is empty too.
    QString keyFile;
    QString agentSocket;
    // Called when the key file is encrypted, on the thread that owns the session (never the worker), with a
    // request to answer now or later: from a dialog (GUI), a terminal prompt (CLI), a constant (tests), or to
    // cancel. The connect waits for it on the worker thread; tearing the session down meanwhile withdraws the
    // request. Without a handler an encrypted key fails (key_file_passphrase_cancelled). Asked at most once
    // per session: the decrypted key is kept for reconnects.
    std::function<void(PassphraseRequest *request)> passphraseHandler;

    // The pinned host public key, OpenSSH one-line form ("ssh-ed25519 AAAA…"). When empty, the key pinned for
    // host:port in the KnownHosts store is used (knownHostsFile, or the app's data folder when that is empty);
    // with neither, the connection is refused (host_key_not_pinned).
    QString pinnedHostKey;
    QString knownHostsFile;

    int connectTimeoutMs = 15000; // TCP connect + handshake
    int keepaliveIntervalMs = 15000; // keepalive probes; a dead peer is detected after a few missed
    int idleTimeoutMs = 60000; // no data and no keepalive answer for this long = connection lost
    int reconnectAttempts = 5; // after a lost connection, with exponential backoff
};

class SshExec;
class SshTransfer;
class SshFollow;
class SshWorker;

// One SSH connection (libssh 0.10) on its own worker thread (DESIGN.md §3): libssh is never called from
// any other thread, and nothing here blocks the caller's thread. Operations are objects living in the
// caller's thread that report through signals; several may run at once on one session.
//
// Operations may be started right after connectToHost(): they run once connected, or finish with the error
// "not_connected" if connecting fails. After a lost connection the session reconnects by itself (with
// backoff): running commands and transfers fail with "connection_lost", follows resume where they were.
class SshSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    explicit SshSession(const SshConnectOptions &options, QObject *parent = nullptr);
    // Returns at once: running operations end without a result, and the worker disconnects and ends its thread
    // in the background.
    ~SshSession() override;

    State state() const;
    void connectToHost(); // -> connected() or connectFailed(error)
    void disconnectFromHost();

    // Runs `command` on the remote host. Output arrives as whole lines; the caller owns the object.
    SshExec *exec(const QString &command, QObject *parent = nullptr);
    // The same, with `input` written to the command's stdin and then EOF: for a secret the command must read (it
    // never appears on the remote command line, where every process on the host could read it).
    SshExec *execWithInput(const QString &command, const QByteArray &input, QObject *parent = nullptr);
    // Writes `data` to `remotePath` with `mode` (e.g. 0600) atomically (temp file + rename) via SFTP.
    SshTransfer *upload(const QByteArray &data, const QString &remotePath, int mode, QObject *parent = nullptr);
    SshTransfer *download(const QString &remotePath, QObject *parent = nullptr);
    // Follows a remote file from `offset` like `tail -F`; survives reconnects without losing or repeating bytes.
    SshFollow *follow(const QString &remotePath, qint64 offset = 0, QObject *parent = nullptr);

    // The worker thread, for tests that check no libssh call happens elsewhere.
    QThread *workerThread() const;

Q_SIGNALS:
    void stateChanged(SshSession::State state);
    void connected();
    void connectFailed(const Error &error);
    void connectionLost(const Error &error); // before reconnecting; reconnected() or connectFailed() follows
    void reconnected();

private:
    friend class SshExec;
    friend class SshTransfer;
    friend class SshFollow;
    void cancelExec(quint64 id);
    void cancelTransfer(quint64 id);
    void stopFollow(quint64 id);

    class Private;
    std::unique_ptr<Private> d;
};
