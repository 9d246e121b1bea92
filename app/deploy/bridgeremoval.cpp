#include "bridgeremoval.h"

#include "deploy/bridgedrain.h"
#include "deploy/deploymentlabels.h"
#include "deploy/enginerun.h"
#include "provision/envfile.h"

using namespace Qt::StringLiterals;

BridgeRemoval::BridgeRemoval(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

void BridgeRemoval::remove(const DiscoveredDeployment &found, const QString &serverName)
{
    for (const DiscoveredServer &bridge : found.bridges) {
        if (bridge.name == serverName) {
            m_bridge = bridge;
            m_run.state().cloud = new CloudResources(m_run.client(), DeploymentLabels(m_run.state().plan), &m_run);
            m_run.loadSecrets(EngineRun::WhenMissing::FromWebHost, [this] { drain(); });
            return;
        }
    }
    QStringList names;
    for (const DiscoveredServer &bridge : found.bridges)
        names.append(bridge.name);
    m_run.fail(Error{u"input"_s,
                     u"bridge_not_found"_s,
                     tr("The deployment has no bridge \"%1\". Its bridges: %2.")
                             .arg(serverName, names.isEmpty() ? tr("none") : names.join(u", "_s)),
                     {},
                     {},
                     0});
}

void BridgeRemoval::drain()
{
    const QString name = m_bridge.name;
    m_run.phase(Phase::Drain, tr("Draining %1: no new conferences, waiting for the running ones to end…").arg(name));
    HostConnection *connection = m_run.connectionFor(name, HostRole::Bridge, m_bridge.publicIpv4);
    // Not confirmed drained (conferences left, unreachable, metrics unreadable): deleted only by the user's choice.
    auto *drain = new BridgeDrain(m_run, u"remove-bridge"_s, this);
    drain->drain(connection, [this, drain](Result<BridgeDrain::Outcome> outcome) {
        drain->deleteLater();
        if (m_run.done())
            return;
        if (!outcome.ok()) {
            m_run.fail(outcome.error());
            return;
        }
        deleteServer();
    });
}

void BridgeRemoval::deleteServer()
{
    const QString name = m_bridge.name;
    m_run.phase(Phase::Delete, tr("Deleting %1…").arg(name));
    m_run.emitEvent(EngineEvent::resourceChanged(u"server "_s + name, ResourceState::Deleting, name));
    // The connection to a server about to vanish goes first, so nothing reconnects to a reused address.
    m_run.dropConnection(name);
    // Read back as the project shows it now: deleteServers checks the labels before it deletes anything.
    CloudResources *cloud = m_run.state().cloud;
    cloud->listServers(m_run.orFail<QList<hcloud::Server>>([this, cloud, name](QList<hcloud::Server> servers) {
        QList<hcloud::Server> doomed;
        for (const hcloud::Server &server : servers) {
            if (server.id == m_bridge.id)
                doomed.append(server);
        }
        cloud->deleteServers(doomed, m_run.orFail<void>([this, name]() {
            m_run.emitEvent(EngineEvent::resourceChanged(u"server "_s + name, ResourceState::Deleted, name));
            if (auto removed = m_run.store().removeHost(m_run.slug(), name); !removed.ok())
                m_run.warn(removed.error().message);
            RunState &state = m_run.state();
            state.bridges.remove(m_bridge.bridgeNumber);
            state.plan.bridges.clear();
            for (const hcloud::Server &rest : std::as_const(state.bridges)) {
                state.plan.bridges.append(HostSpec{rest.serverType, rest.location});
                m_run.mutableOutcome().bridges.append(rest.name);
            }
            if (auto saved = m_run.store().setPlan(state.plan); !saved.ok())
                m_run.warn(saved.error().message);
            updateAllowList();
        }));
    }));
}

void BridgeRemoval::updateAllowList()
{
    const RunState &state = m_run.state();
    QStringList publicAddresses;
    for (const hcloud::Server &bridge : std::as_const(state.bridges))
        publicAddresses.append(bridge.ipv4);
    state.cloud->setBridgeAllowList(
            state.plan, state.base.webFirewall.id, publicAddresses, m_run.orFail<void>([this]() {
                // The web host's own firewall: new env file with the remaining addresses, then the firewall step alone.
                const hcloud::Server &web = m_run.state().web;
                HostConnection *connection = m_run.connectionFor(web.name, HostRole::Web, web.ipv4);
                connection->open(m_run.orFail<void>([this, connection]() {
                    auto env = m_run.envFile(HostRole::Web, m_run.state().web.name, 0, false);
                    if (!env.ok()) {
                        m_run.fail(env.error());
                        return;
                    }
                    m_run.runTask(connection, HostRole::Web, ProvisionTask::Firewall,
                                  {InstallFile{EnvFile::remotePath(), env.value(), EnvFile::unixMode}},
                                  [this](Result<void> done) {
                                      if (!done.ok()) {
                                          m_run.fail(done.error());
                                          return;
                                      }
                                      m_run.verifyBridges();
                                  });
                }));
            }));
}
