#pragma once

#include "deploy/discovery.h"

#include <QCoreApplication>
#include <QObject>

class EngineRun;

// remove-bridge (DESIGN.md §4): drains the bridge (BridgeDrain: no new conferences, waits for the running ones up to
// the drain time; a bridge not confirmed drained is deleted only by the user's choice), deletes its server, narrows the
// 5222 allow-list on the web host's Hetzner firewall and its own firewall to the bridges that remain, then verifies
// them. A child of its EngineRun, which has loaded the deployment's stored plan and servers.
//
//   secrets (from the store or the web host) ─► Draining ─► Deleting ─► AllowList ─► verification (ends the run)
class BridgeRemoval : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    BridgeRemoval(EngineRun &run, QObject *parent);

    void remove(const DiscoveredDeployment &found, const QString &serverName);

private:
    void drain();
    void deleteServer();
    void updateAllowList();

    EngineRun &m_run;
    DiscoveredServer m_bridge;
};
