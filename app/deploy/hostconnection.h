#pragma once

#include "deploy/deploymentstore.h"
#include "deploy/enginestates.h"
#include "deploy/hostagent.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <memory>

// A verified connection to one host (DESIGN.md §4): connects with the pinned host key (or a pending one left by
// an interrupted rotation), and the first time a host is reached, rotates its host key — the key from the
// user-data was readable by the metadata service — and proves the new key with a second connection. Every key
// change is saved before and after it happens, so a kill at any moment never locks the app out.
class HostConnection : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<void>)>;
    // Saves the keys and calls back once they are on disk; the connection goes on only then. Asynchronous, so that a
    // file sync never stalls the caller's (GUI) thread; a callback after this object is gone is ignored.
    using SaveKeys = std::function<void(const DeploymentStore::HostKeys &keys, Done saved)>;

    HostConnection(HostAgentFactory *factory, const HostEndpoint &endpoint, const DeploymentStore::HostKeys &keys,
                   SaveKeys saveKeys, int bootTimeoutMs, QObject *parent = nullptr);
    ~HostConnection() override;

    // Connects (and rotates when not done yet). `done` runs exactly once unless this object is destroyed first.
    void open(Done done);
    HostAgent *agent() const { return m_agent.get(); } // valid after open() succeeded
    QString serverName() const { return m_endpoint.serverName; }
    DeploymentStore::HostKeys keys() const { return m_keys; }

Q_SIGNALS:
    // While open() cannot go on yet: the server is still booting (`elapsedSeconds` since the first try), or its
    // host key is being rotated (elapsedSeconds -1). `message` is translated, for humans.
    void waiting(WaitReason reason, const QString &message, int elapsedSeconds);

private:
    void connectAgent(Done done);
    void rotate(Done done);
    void installKey(const HostKeyText &newKey, Done done); // after the new key was saved as pending
    void save(const DeploymentStore::HostKeys &keys, Done saved);

    HostAgentFactory *m_factory;
    HostEndpoint m_endpoint;
    DeploymentStore::HostKeys m_keys;
    SaveKeys m_saveKeys;
    int m_bootTimeoutMs;
    std::unique_ptr<HostAgent> m_agent;
};
