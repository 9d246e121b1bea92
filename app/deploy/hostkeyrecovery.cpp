#include "hostkeyrecovery.h"

#include "deploy/hostagent.h"
#include "deploy/hostkeybroker.h"
#include "ssh/sshpublickey.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
Error recoveryError(const QString &code, const QString &message, const QString &detail = {})
{
    return Error{u"deploy"_s, code, message, detail, {}, 0};
}
} // namespace

HostKeyRecovery::HostKeyRecovery(const EngineSettings &settings, DeploymentStore &store, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_store(store)
{ }

HostKeyRecovery::~HostKeyRecovery() = default;

void HostKeyRecovery::recover(const DiscoveredDeployment &deployment, Done done)
{
    m_done = std::move(done);
    m_slug = deployment.slug;
    m_deploymentName = deployment.domain.isEmpty() ? deployment.slug : deployment.domain;
    const auto stored = m_store.hostKeys(m_slug);
    if (!stored.ok()) {
        QTimer::singleShot(0, this, [this, error = stored.error()] { finish(error); });
        return;
    }
    QList<DiscoveredServer> servers = deployment.bridges;
    if (deployment.web)
        servers.prepend(*deployment.web);
    for (const DiscoveredServer &server : std::as_const(servers)) {
        if (stored->value(server.name).pinned.isEmpty() && !server.publicIpv4.isEmpty())
            m_todo.append(server);
    }
    QTimer::singleShot(0, this, [this] { next(); });
}

void HostKeyRecovery::next()
{
    if (m_todo.isEmpty()) {
        if (!m_accepted.isEmpty()) {
            if (auto saved = m_store.setHostKeys(m_slug, m_accepted); !saved.ok())
                return finish(saved.error());
        }
        return finish(QStringList(m_accepted.keys()));
    }
    const DiscoveredServer server = m_todo.first();
    HostEndpoint endpoint;
    endpoint.serverName = server.name;
    endpoint.role = server.role == u"web"_s ? HostRole::Web : HostRole::Bridge;
    endpoint.address = server.publicIpv4;
    m_agent = m_settings.hosts->create(endpoint);
    m_agent->scanHostKey(scanTimeoutMs, [this, server](Result<QString> presented) {
        if (!presented.ok())
            return finish(presented.error());
        check(server, presented.value());
    });
}

void HostKeyRecovery::check(const DiscoveredServer &server, const QString &presented)
{
    const auto key = SshPublicKey::fromLine(presented);
    if (!key.ok())
        return finish(key.error());
    const QString fingerprint = key->sha256Fingerprint();
    if (!server.hostKeyFingerprint.isEmpty()) {
        if (fingerprint == server.hostKeyFingerprint)
            return accept(server, presented, true);
        return finish(recoveryError(
                u"host_key_label_mismatch"_s,
                tr("The server %1 presents a host key (%2) other than the one its label in the project names (%3). "
                   "Something other than your server may be answering at %4. Nothing was changed. Check the server "
                   "in the Hetzner Console (its console: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before "
                   "trying again.")
                        .arg(server.name, fingerprint, server.hostKeyFingerprint, server.publicIpv4)));
    }
    const QString given = m_settings.hostKeyFingerprints.value(server.name).trimmed();
    if (!given.isEmpty()) {
        if (given == fingerprint)
            return accept(server, presented, false);
        return finish(recoveryError(
                u"host_key_fingerprint_mismatch"_s,
                tr("The server %1 presents the host key %2, not the fingerprint %3 you gave for it. Nothing was "
                   "changed. Check the fingerprint on the server's console in the Hetzner Console.")
                        .arg(server.name, fingerprint, given)));
    }
    const Error refused = recoveryError(
            u"host_key_not_confirmed"_s,
            tr("The server %1 has no host-key label, and its host key %2 was not confirmed, so it cannot be told "
               "apart from an impostor. Nothing was changed.")
                    .arg(server.name, fingerprint));
    if (!m_settings.hostKeyBroker)
        return finish(refused);
    m_settings.hostKeyBroker->ask(HostKeyQuestion{m_deploymentName, server.name, server.publicIpv4, fingerprint}, this,
                                  [this, server, presented, refused](bool trusted) {
                                      if (!trusted)
                                          return finish(refused);
                                      accept(server, presented, false);
                                  });
}

void HostKeyRecovery::accept(const DiscoveredServer &server, const QString &key, bool rotated)
{
    m_accepted.insert(server.name, DeploymentStore::HostKeys{key, {}, rotated});
    m_todo.removeFirst();
    if (m_agent)
        m_agent.release()->deleteLater(); // possibly inside its own callback
    next();
}

void HostKeyRecovery::finish(const Result<QStringList> &result)
{
    if (!m_done)
        return;
    if (m_agent)
        m_agent.release()->deleteLater();
    std::exchange(m_done, nullptr)(result);
}
