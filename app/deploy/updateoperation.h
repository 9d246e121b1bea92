#pragma once

#include "deploy/discovery.h"
#include "deploy/hostagent.h"
#include "hcloud/hcloudtypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>

#include <functional>

class EngineRun;
class HostConnection;

// update (DESIGN.md §4 "updates are rolling"): the Jitsi packages of every host to the repository's newest, one
// host at a time so that jicofo always has all bridges but one. A child of its EngineRun, which has loaded the
// deployment's stored plan and servers.
//
//   versions before ─► per bridge: drain (BridgeDrain) ─► upgrade ─► back in jicofo's view ─► undrain
//                   ─► web host (warning: running meetings restart) ─► upgrade ─► all bridges back
//                   ─► versions after ─► verification (ends the run)
//
// A host whose main package (jitsi-videobridge2, jicofo) already is the newest the repository offers is skipped,
// so running update again after a failure or cancel goes on where it stopped. A cancel while a bridge is drained
// takes it back into service before the run ends.
class UpdateOperation : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    UpdateOperation(EngineRun &run, QObject *parent);

    void update(const DiscoveredDeployment &found);

private:
    struct Host
    {
        QString name;
        HostRole role = HostRole::Bridge;
        QString address;
    };

    QList<Host> hosts() const; // bridges by number, then the web host
    void readVersions(bool before, std::function<void()> next);
    void nextBridge();
    void drained(const Host &bridge);
    void upgrade(const Host &host, std::function<void()> next);
    // Polls jicofo's /stats on the web host until operational_bridge_count reaches the number of bridges.
    void waitForBridges(const QString &host, std::function<void()> next);
    void undrain(const Host &bridge, std::function<void()> next);
    void updateWeb();
    void step(const Host &host, const QString &step, int index, int count);
    static QString mainPackage(HostRole role);

    EngineRun &m_run;
    QList<Host> m_bridges; // still to update
    QMap<QString, bool> m_current; // host -> its main package is already the newest offered
    QDateTime m_deadline;
};
