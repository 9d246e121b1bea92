#pragma once

#include "common/result.h"
#include "deploy/accounts.h"
#include "deploy/jitsistate.h"
#include "deploy/provisionsteps.h"
#include "deploy/verifier.h"
#include "provision/installbundle.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

// Where a host is and which host keys it may present (DESIGN.md §4: no trust-on-first-use).
struct HostEndpoint
{
    QString serverName;
    HostRole role = HostRole::Web;
    QString address; // public IPv4 (or IPv6)
    quint16 port = 22;
    QString pinnedHostKey; // OpenSSH one-line public key: the one delivered in user-data, or the rotated one
    // Set while a host key rotation may have happened without the app learning the outcome (killed midway):
    // when the pinned key does not match, this one is tried; connectToHost() says which one the host showed.
    QString pendingHostKey;
};

// The Jitsi packages on a host (resources/provision/jitsi-packages.sh): what dpkg has installed and, when asked,
// which versions of one package the host's apt repositories offer.
struct PackageVersions
{
    QMap<QString, QString> installed; // package -> version, e.g. "jitsi-videobridge2" -> "2.3-312-g1-1"
    QStringList available; // of the package asked for, newest first (apt-cache madison); empty when none was asked
};

// Everything the engine does on one host, as asynchronous operations. SshHostAgent does it over a pinned
// SshSession (worker thread, never blocks); tests use a fake host that speaks the same log protocol.
// Callbacks run exactly once on the agent's thread (the caller's), never after the agent is destroyed.
// Operations may be issued after connectToHost() returned success; several may run at once.
class HostAgent : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Done = std::function<void(Result<T>)>;
    using LogBytes = std::function<void(const QByteArray &bytes, qint64 endOffset)>;

    using QObject::QObject;

    virtual HostEndpoint endpoint() const = 0;

    // Connects, retrying while the server is still booting (connection refused/unreachable/no banner) for up to
    // `bootTimeoutMs`. The value is the host key the server presented: the pinned or the pending one.
    // Errors: host_key_mismatch (neither key; a hard stop), auth_rejected, timeout, ...
    virtual void connectToHost(int bootTimeoutMs, Done<QString> done) = 0;

    // For a server this computer has no pin for (deployed from another computer): the host key it presents, OpenSSH
    // one-line form, from a handshake without authentication (ssh-keyscan). Nothing is trusted here: HostKeyRecovery
    // compares it with the server's host-key label or asks the user. The agent need not be connected.
    virtual void scanHostKey(int timeoutMs, Done<QString> done) = 0;

    // Host key rotation (DESIGN.md §4): installs this new host key pair as the server's key and reloads sshd.
    // The current session stays up; the next connection must present the new key.
    virtual void installHostKey(const HostKeyText &key, Done<void> done) = 0;

    // Writes each file atomically with its mode (temp file + rename), creating missing directories.
    virtual void uploadFiles(const QList<InstallFile> &files, Done<void> done) = 0;

    // Starts `task` unless it is already running. The value is the provision.log offset where this run's
    // "@@run start" line is (or will be) written, so following from it shows this run and nothing older.
    virtual void startTask(ProvisionTask task, Done<qint64> done) = 0;

    // Follows provision.log from `offset` (whole lines, across reconnects, never a line twice) until
    // stopFollowingLog(); `ended` runs only if following fails.
    virtual void followLog(qint64 offset, LogBytes received, Done<void> ended) = 0;
    virtual void stopFollowingLog() = 0;

    // Reads a whole file (logs, prosody's certificate). A missing file is the error "file_not_found".
    virtual void readFile(const QString &path, Done<QByteArray> done) = 0;

    // The lines of a log the Verifier needs (LogQuery), picked on the host: a log of hundreds of megabytes is
    // neither copied nor parsed here. A missing log is the error "file_not_found".
    virtual void extractLog(const LogQuery &query, Done<LogExcerpt> done) = 0;

    // An HTTP GET to 127.0.0.1:`port``path` made on the host itself (jicofo /stats, jvb /about/health).
    // Never fails: no answer is an HttpProbe with status 0.
    virtual void probeHttp(quint16 port, const QString &path, Done<HttpProbe> done) = 0;
    // A read-only state command (prosody's live sessions, a session's login line in the rotated logs, package
    // versions): the value is its output lines, parsed by jitsistate.h. Fails only if the command cannot run.
    virtual void queryState(const StateQuery &query, Done<QStringList> done) = 0;

    // Bridge: graceful shutdown, then waits until the bridge hosts no conference, at most `timeoutSeconds`.
    // The value is the number of conferences still running when it gave up waiting (0 = drained).
    virtual void drainBridge(int timeoutSeconds, Done<int> done) = 0;
    // Bridge: drain mode off again (the update put it back into service, or was cancelled while it was drained).
    virtual void undrainBridge(Done<void> done) = 0;

    // The installed Jitsi packages; with `availableOf` a package name, the package lists are refreshed and the
    // versions of that package the repositories offer are listed too.
    virtual void packageVersions(const QString &availableOf, Done<PackageVersions> done) = 0;
    // apt-get install --only-upgrade of the installed Jitsi packages, their services restarted; the value is the
    // versions afterwards.
    virtual void upgradePackages(Done<PackageVersions> done) = 0;

    // Web host: lists, adds or removes an account of the meeting domain (resources/provision/web-accounts.sh); the
    // value is the accounts afterwards. An added account's password reaches the host on stdin only.
    virtual void manageAccounts(const AccountRequest &request, Done<AccountList> done) = 0;

    virtual void disconnectFromHost() = 0;

Q_SIGNALS:
    // While connectToHost() waits for a booting server: after each refused try, before the next one. `why` is
    // the try's error code (connection_refused, host_unreachable, ...): short, for a progress line; the full
    // message is for the error the wait may end in.
    void bootWaiting(int elapsedMs, int nextTryMs, const QString &why);
    // After a connection was up: it broke and the agent reconnects by itself (operations continue after
    // reconnected(); if it gives up, they fail on their own). `why` is the error code.
    void connectionLost(const QString &why);
    void reconnected();
};

// Makes agents; the engine asks for one per host it works on. SshHostAgentFactory is the real one.
class HostAgentFactory
{
public:
    virtual ~HostAgentFactory() = default;
    virtual std::unique_ptr<HostAgent> create(const HostEndpoint &endpoint) = 0;
};
