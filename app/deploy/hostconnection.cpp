#include "hostconnection.h"

#include "ssh/hostkeys.h"

#include <QPointer>

using namespace Qt::StringLiterals;

HostConnection::HostConnection(HostAgentFactory *factory, const HostEndpoint &endpoint,
                               const DeploymentStore::HostKeys &keys, SaveKeys saveKeys, int bootTimeoutMs,
                               QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_endpoint(endpoint)
    , m_keys(keys)
    , m_saveKeys(std::move(saveKeys))
    , m_bootTimeoutMs(bootTimeoutMs)
{ }

HostConnection::~HostConnection() = default;

void HostConnection::open(Done done)
{
    connectAgent([this, done](Result<void> connected) {
        if (!connected.ok() || m_keys.rotated) {
            done(connected);
            return;
        }
        rotate(done);
    });
}

void HostConnection::connectAgent(Done done)
{
    HostEndpoint endpoint = m_endpoint;
    endpoint.pinnedHostKey = m_keys.pinned;
    endpoint.pendingHostKey = m_keys.pending;
    if (m_agent) {
        // Possibly called from inside the old agent's callback: let it unwind before it goes.
        m_agent->disconnectFromHost();
        m_agent.release()->deleteLater();
    }
    m_agent = m_factory->create(endpoint);
    connect(m_agent.get(), &HostAgent::bootWaiting, this, [this](int elapsedMs, int nextTryMs, const QString &why) {
        Q_EMIT waiting(WaitReason::Boot,
                       tr("the server does not accept SSH yet (%1); next try in %n second(s)", nullptr,
                          (nextTryMs + 999) / 1000)
                               .arg(why),
                       elapsedMs / 1000);
    });
    m_agent->connectToHost(m_bootTimeoutMs, [this, done](Result<QString> presented) {
        if (!presented.ok()) {
            done(presented.error());
            return;
        }
        if (!m_keys.pending.isEmpty()) {
            // The host shows either key: settle what the interrupted rotation left behind.
            DeploymentStore::HostKeys settled = m_keys;
            const bool rotationHappened = presented.value() == m_keys.pending;
            if (rotationHappened)
                settled.pinned = m_keys.pending;
            settled.pending.clear();
            settled.rotated = settled.rotated || rotationHappened;
            save(settled, done);
            return;
        }
        done({});
    });
}

void HostConnection::rotate(Done done)
{
    Q_EMIT waiting(WaitReason::HostKeyRotation,
                   tr("replacing the server's first host key (it was readable by the cloud's metadata service)"), -1);
    auto pair = HostKeys::generate();
    if (!pair.ok()) {
        done(pair.error());
        return;
    }
    const HostKeyText newKey{u"ed25519"_s, QString::fromLatin1(pair->privateKey), pair->publicKey.line()};
    // Saved as pending first: if the process dies after the host switched keys, the next run still connects.
    DeploymentStore::HostKeys pending = m_keys;
    pending.pending = newKey.publicKey;
    save(pending, [this, done, newKey](Result<void> saved) {
        if (!saved.ok()) {
            done(saved.error());
            return;
        }
        installKey(newKey, done);
    });
}

void HostConnection::installKey(const HostKeyText &newKey, Done done)
{
    m_agent->installHostKey(newKey, [this, done, newKey](Result<void> installed) {
        if (!installed.ok()) {
            done(installed.error());
            return;
        }
        // Reconnect: the pending key must now be the one the host presents, which settles it as pinned.
        connectAgent([this, done, newKey](Result<void> reconnected) {
            if (reconnected.ok() && m_keys.pinned != newKey.publicKey) {
                done(Error{u"ssh"_s,
                           u"host_key_rotation_failed"_s,
                           tr("The server %1 still presents its first host key after the key was replaced. "
                              "Check that its SSH service reloads.")
                                   .arg(m_endpoint.serverName),
                           {},
                           {},
                           0,
                           {Advice::Kind::RetrySameOperation, {}}});
                return;
            }
            done(reconnected);
        });
    });
}

void HostConnection::save(const DeploymentStore::HostKeys &keys, Done saved)
{
    m_keys = keys;
    if (!m_saveKeys) {
        saved({});
        return;
    }
    // Nothing continues once this connection is gone (a run cancelled while the keys were being written).
    m_saveKeys(keys, [self = QPointer<HostConnection>(this), saved = std::move(saved)](Result<void> result) {
        if (self)
            saved(result);
    });
}
