#pragma once

#include "deploy/cloudresources.h"
#include "deploy/deploymentengine.h"
#include "deploy/discovery.h"
#include "deploy/hostconnection.h"
#include "hcloud/hcloudtypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <functional>

class TaskRunner;

// One operation of the DeploymentEngine, from start to its single finish (DESIGN.md §3–§5). Everything the
// operation owns (cloud calls, host connections, runners) is a child, so cancelling or finishing drops every
// pending callback at once. Each continuation checks m_finished first: nothing happens after the end.
class EngineRun : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    using Emit = std::function<void(const EngineEvent &)>;
    using Finished = std::function<void(const Result<EngineOutcome> &)>;

    EngineRun(hcloud::HetznerClient *client, const EngineSettings &settings, Emit emitEvent, Finished finished,
              QObject *parent);

    void deploy(const DeploymentPlan &plan);
    void verify(const QString &deployment);
    void addBridges(const QString &deployment, int count, const HostSpec &spec);
    void removeBridge(const QString &deployment, const QString &serverName);
    void destroy(const QString &deployment);
    void cancel();
    void continueWithoutDns();

    const EngineOutcome &outcome() const { return m_outcome; }

private:
    // Plumbing
    // A continuation that runs only while the run is alive and only on success; a failure ends the run with it.
    template<typename T, typename Next>
    auto orFail(Next next)
    {
        return [this, next](Result<T> result) {
            if (m_done)
                return;
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            if constexpr (std::is_void_v<T>)
                next();
            else
                next(std::move(result).value());
        };
    }

    void phase(Phase name, const QString &message);
    void warn(const QString &message);
    void fail(const Error &error);
    void succeed();
    QString slug() const { return m_plan.slug(); }
    void findDeployment(const QString &deployment, std::function<void(const DiscoveredDeployment &)> next);
    bool loadStoredPlan(const DiscoveredDeployment &found);
    // What to do when the secret store has no passwords for the deployment: a new deployment generates them; one
    // whose web host exists reads them back from it over the pinned session (the store was lost, or the command
    // runs on another computer); a web host that never received them (a first run stopped early) allows new ones.
    enum class WhenMissing { Generate, FromWebHost, FromWebHostElseGenerate };
    void loadSecrets(WhenMissing whenMissing, std::function<void()> next);
    void generateSecrets(std::function<void()> next);
    void secretsFromWebHost(bool generateIfAbsent, std::function<void()> next);
    HostConnection *connectionFor(const QString &name, HostRole role, const QString &address);
    void openAll(std::function<void()> next);

    // Deploy and add-bridge: make the project match m_plan + m_wanted
    void converge(const QMap<int, HostSpec> &wantedBridges);
    void checkPlan();
    void createResources();
    void createServers(const QList<hcloud::Server> &existing);
    void orderServers(const QList<CloudResources::ServerOrder> &orders);
    void adoptServers(const QList<hcloud::Server> &servers);
    void startHostsWhenReady();
    void releaseBridges(); // a bridge's last phase needs the web host installed and 5222 allowed
    void startDns();
    void provisionHosts();
    void provisionWeb();
    void provisionBridge(int number);
    void configureBridge(HostConnection *bridge, int number, const hcloud::Server &server);
    void whenWebReady(const QString &bridge, std::function<void()> next);
    void hostFinished(const Result<void> &result);
    void startCertificateWhenReady(); // needs the web host and DNS, nothing from the bridges
    void verifyWhenReady(); // after every host and the certificate
    void runTask(HostConnection *connection, HostRole role, ProvisionTask task, const QList<InstallFile> &files,
                 std::function<void(Result<void>)> done);
    Result<QList<InstallFile>> installFiles(HostRole role, const QString &name, int number, bool packagesOnly);
    Result<QByteArray> envFile(HostRole role, const QString &name, int number, bool packagesOnly);
    DeploymentPlan planByNumber() const;
    QStringList bridgeAddresses() const;
    QString webPrivateIp() const;
    bool onWebNetwork(const hcloud::Server &bridge) const;

    // Verify (also the end of deploy, add-bridge and remove-bridge)
    void verifyBridges();
    void collectEvidence();

    // Remove-bridge
    void drainBridge(const DiscoveredServer &bridge);
    void deleteBridge(const DiscoveredServer &bridge);
    void updateAllowList();

    hcloud::HetznerClient *m_client;
    EngineSettings m_settings;
    DeploymentStore m_store;
    DeploymentSecretStore m_secretStore;
    Emit m_emit;
    Finished m_finished;
    bool m_done = false;
    EngineOutcome m_outcome;

    DeploymentPlan m_plan;
    DeploymentSecrets m_secrets;
    QMap<int, HostSpec> m_wanted; // bridge number -> spec, for servers this run may create
    CloudResources *m_cloud = nullptr;
    CloudResources::Base m_base;
    qint64 m_imageId = 0;
    // From the plan check: the web host's network zone and each location's; bridges in that zone join the private
    // network and reach prosody over it (DESIGN.md §4).
    QString m_webZone;
    QHash<QString, QString> m_zoneByLocation;
    hcloud::Server m_web;
    QMap<int, hcloud::Server> m_bridges; // by bridge number
    QMap<QString, HostConnection *> m_connections; // by server name
    QMap<QString, DeploymentStore::HostKeys> m_newKeys;

    int m_hostsRunning = 0;
    std::optional<Error> m_hostError;
    bool m_serversReady = false;
    bool m_firewallsApplied = false;
    bool m_hostsStarted = false;
    bool m_allowListSet = false;
    bool m_webReady = false;
    bool m_webFailed = false;
    QString m_prosodyCertificate;
    QList<std::function<void()>> m_waitingForWeb;
    bool m_dnsDone = false;
    QPointer<DnsCheck> m_dnsCheck; // while the records are published and awaited
    // deploy sees to DNS and the certificate; add-bridge changes neither, so it neither waits for DNS nor asks again.
    bool m_withDnsAndCertificate = true;
    bool m_hostsDone = false;
    enum class CertificateStep { Waiting, Running, Done };
    CertificateStep m_certificate = CertificateStep::Waiting;
    bool m_verifyStarted = false;
    QDateTime m_verifyDeadline;
};
