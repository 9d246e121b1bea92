#pragma once

#include "common/result.h"
#include "deploy/deploymentengine.h"
#include "deploy/deploymenthealth.h"
#include "deploy/discovery.h"
#include "secrets/secretstore.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

class CliOutput;
namespace hcloud {
class HetznerClient;
}

// `jitsi-deployer status [--deployment D]`: the deployments found in the project by their labels (Discovery),
// each with its web host, bridges, network, firewalls and whatever looks wrong. Read-only. Reports its exit
// code through `done` exactly once.
class StatusCommand : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(int exitCode)>;

    StatusCommand(hcloud::HetznerClient *client, CliOutput *output, bool json, QObject *parent = nullptr);

    // Named in the output, so the user knows where this computer keeps the deployments' passwords.
    void setSecretStore(const SecretStore &store) { m_secretStore = store; }
    // Where the engine writes each run's log (EngineSettings::logDirectory): each deployment names its newest one.
    void setLogDirectory(const QString &directory) { m_logDirectory = directory; }

    // `--health`: also read each deployment's live health over SSH (DeploymentEngine::readHealth) with these
    // settings (their host agent factory holds the SSH key).
    void setHealthReading(const EngineSettings &settings) { m_healthSettings = settings; }
    // `deployment`: a slug or a domain; empty = every deployment.
    void run(const QString &deployment, Done done);

    // The `--json` form of one deployment (docs/cli.md).
    static QJsonObject toJson(const DiscoveredDeployment &deployment);

private:
    int fail(const Error &error);
    QString lastLog(const QString &slug) const; // the newest run log of the deployment here, or empty
    void print(const QList<DiscoveredDeployment> &deployments, const QList<Inconsistency> &unassigned);
    // Reads the health of each deployment in turn (one engine operation at a time), then `next`.
    void readHealth(QList<DiscoveredDeployment> pending, std::function<void()> next);
    std::optional<EngineSettings> m_healthSettings;
    QHash<QString, Result<DeploymentHealth>> m_health; // by slug

    hcloud::HetznerClient *m_client;
    CliOutput *m_output;
    SecretStore m_secretStore;
    QString m_logDirectory;
    bool m_json;
};
