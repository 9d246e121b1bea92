#pragma once

#include "deploy/hostagent.h"
#include "ssh/sshsession.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>

#include <memory>

class SshFollow;
class SshInterrupt;

// HostAgent over one pinned SshSession: a thin adapter. What runs on the host is in the install scripts
// (resources/provision) and the few shell commands in sshhostagent.cpp; this class only moves bytes and
// turns outcomes into values.
class SshHostAgent : public HostAgent
{
    Q_OBJECT

public:
    struct Options
    {
        // A template: authentication (keyFile or agent), passphraseHandler and timeouts. Host, port and the
        // pinned key come from the endpoint.
        SshConnectOptions connect;
        // Prefixes every remote path and is exported to the remote commands as JD_ROOT (the scripts' own path
        // prefix), so tests can run everything as root against a real sshd without touching the machine.
        // Empty on real servers.
        QString remoteRoot;
        // Backoff while the server is still booting: doubles from the first delay up to the maximum.
        int retryInitialDelayMs = 1000;
        int retryMaxDelayMs = 10000;
    };

    SshHostAgent(const HostEndpoint &endpoint, const Options &options, QObject *parent = nullptr);
    ~SshHostAgent() override;

    HostEndpoint endpoint() const override { return m_endpoint; }
    void connectToHost(int bootTimeoutMs, Done<QString> done) override;
    // After success, endpoint().pinnedHostKey is the new key. This session keeps going; should it have to
    // reconnect it still expects the old key and fails, so make a new agent for further work.
    void installHostKey(const HostKeyText &key, Done<void> done) override;
    void scanHostKey(int timeoutMs, Done<QString> done) override;
    void uploadFiles(const QList<InstallFile> &files, Done<void> done) override;
    void startTask(ProvisionTask task, Done<qint64> done) override;
    void followLog(qint64 offset, LogBytes received, Done<void> ended) override;
    void stopFollowingLog() override;
    void readFile(const QString &path, Done<QByteArray> done) override;
    void extractLog(const LogQuery &query, Done<LogExcerpt> done) override;
    void probeHttp(quint16 port, const QString &path, Done<HttpProbe> done) override;
    void queryState(const StateQuery &query, Done<QStringList> done) override;
    void drainBridge(int timeoutSeconds, Done<int> done) override;
    void undrainBridge(Done<void> done) override;
    void packageVersions(const QString &availableOf, Done<PackageVersions> done) override;
    void upgradePackages(Done<PackageVersions> done) override;
    void manageAccounts(const AccountRequest &request, Done<AccountList> done) override; // sshhostagent_accounts.cpp
    void disconnectFromHost() override;

private:
    struct CommandOutcome
    {
        Result<int> result = 0;
        QStringList out;
        QStringList err;
    };

    void attemptConnect(const QString &hostKey);
    void connectFailed(const QString &hostKey, const Error &error);
    void finishConnect(Result<QString> result);
    void replaceSession(std::unique_ptr<SshSession> session);
    bool checkConnected(const std::function<void(const Error &)> &fail) const;
    // `input` (not null) is written to the command's stdin, then EOF: for a secret the command reads.
    void run(const QString &command, std::function<void(const CommandOutcome &)> done,
             const QByteArray &input = QByteArray());
    void uploadNext(QList<InstallFile> files, Done<void> done);
    // Uploads `script` and runs it with `arguments` (already shell-quoted); `done` gets the outcome.
    void runScript(const InstallFile &script, const QString &arguments,
                   std::function<void(const CommandOutcome &)> done);
    QString remotePath(const QString &path) const;

    HostEndpoint m_endpoint;
    Options m_options;
    std::unique_ptr<SshSession> m_session;
    bool m_connected = false;

    // The connect in progress.
    Done<QString> m_connectDone;
    QDeadlineTimer m_bootDeadline;
    QElapsedTimer m_bootClock; // since connectToHost(), for bootWaiting()
    int m_retryDelayMs = 0;

    QPointer<SshFollow> m_follow;
    std::shared_ptr<SshInterrupt> m_scan; // the host-key scan in progress: triggered on disconnect and teardown
    Done<QString> m_scanDone; // its callback, for disconnectFromHost()
};

// Makes SshHostAgents that share one way of logging in (the template in Options::connect).
class SshHostAgentFactory : public HostAgentFactory
{
public:
    explicit SshHostAgentFactory(const SshHostAgent::Options &options)
        : m_options(options)
    { }
    std::unique_ptr<HostAgent> create(const HostEndpoint &endpoint) override;

private:
    SshHostAgent::Options m_options;
};
