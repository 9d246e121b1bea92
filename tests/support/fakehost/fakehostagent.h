#pragma once

#include "fakecloud.h"

#include "deploy/hostagent.h"

#include <QPointer>

#include <optional>

class FakeHost;

// HostAgent for a FakeHost: every answer comes later from the event loop (after FakeCloud::latencyMs), never
// inside the call, and never after the agent is gone. Operations other than connectToHost() need a connection.
// followLog() delivers whole lines with their end offset as the host appends them; a simulated drop
// (FakeCloud::dropFollow) makes it reconnect and resume from the last delivered offset.
class FakeHostAgent : public HostAgent
{
    Q_OBJECT

public:
    FakeHostAgent(FakeCloud *cloud, FakeHost *host, const HostEndpoint &endpoint, QObject *parent = nullptr);
    ~FakeHostAgent() override;

    HostEndpoint endpoint() const override { return m_endpoint; }
    void connectToHost(int bootTimeoutMs, Done<QString> done) override;
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
    void manageAccounts(const AccountRequest &request, Done<AccountList> done) override;
    void disconnectFromHost() override;

    bool isConnected() const { return m_connected; }

private:
    struct Follow
    {
        qint64 offset = 0;
        LogBytes received;
        Done<void> ended;
        int linesUntilDrop = -1;
        bool reconnecting = false;
    };

    template<typename F>
    void later(F &&f);
    // The host for an operation: an error if it is gone or the agent is not connected.
    Result<FakeHost *> session() const;
    void finishConnect(const Done<QString> &done);
    void deliver();

    QPointer<FakeCloud> m_cloud;
    QPointer<FakeHost> m_host;
    HostEndpoint m_endpoint;
    bool m_connected = false;
    std::optional<Follow> m_follow;
};

// Makes FakeHostAgents on a FakeCloud; the host behind an address is created by the first create().
class FakeHostAgentFactory : public HostAgentFactory
{
public:
    explicit FakeHostAgentFactory(FakeCloud *cloud)
        : m_cloud(cloud)
    { }

    std::unique_ptr<HostAgent> create(const HostEndpoint &endpoint) override;
    int created() const { return m_created; }

private:
    FakeCloud *m_cloud;
    int m_created = 0;
};
