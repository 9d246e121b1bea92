#pragma once

#include "common/result.h"
#include "deploy/deploymentengine.h"
#include "deploy/deploymentstore.h"
#include "deploy/discovery.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QObject>

#include <functional>
#include <memory>

class HostAgent;

// Pins the servers of a deployment made on another computer (issue 14; DESIGN.md §4: never trust the first key
// seen). For each server without a local pin it reads the key the server presents (HostAgent::scanHostKey) and
// accepts it only when its fingerprint equals the server's host-key label, or — for a server without the label —
// a fingerprint the user gave (EngineSettings::hostKeyFingerprints) or confirmed (HostKeyBroker). A mismatch, a
// refusal or an unreachable server stops it, and then nothing at all is written; otherwise all pins are saved in
// one write. A key accepted from a label was rotated by the engine that set the label; a key the user confirmed
// may still be the one from the user-data, so it is rotated on the first connection (and then labelled).
class HostKeyRecovery : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(HostKeyRecovery)

public:
    using Done = std::function<void(Result<QStringList>)>; // the servers pinned now (empty: all were known)

    HostKeyRecovery(const EngineSettings &settings, DeploymentStore &store, QObject *parent = nullptr);
    ~HostKeyRecovery() override;

    // `done` runs exactly once, later, unless this object is destroyed first.
    void recover(const DiscoveredDeployment &deployment, Done done);

    static constexpr int scanTimeoutMs = 20000;

private:
    void next();
    void check(const DiscoveredServer &server, const QString &presented);
    void accept(const DiscoveredServer &server, const QString &key, bool rotated);
    void finish(const Result<QStringList> &result);

    EngineSettings m_settings;
    DeploymentStore &m_store;
    QString m_slug;
    QString m_deploymentName;
    QList<DiscoveredServer> m_todo;
    QMap<QString, DeploymentStore::HostKeys> m_accepted;
    std::unique_ptr<HostAgent> m_agent;
    Done m_done;
};
