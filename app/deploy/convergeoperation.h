#pragma once

#include "deploy/cloudresources.h"
#include "deploy/discovery.h"

#include <QCoreApplication>
#include <QFlags>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

class CertificateTask;
class EngineRun;

// Deploy and add-bridge: make the project match the plan (DESIGN.md §4). A child of its EngineRun.
//
// The operation runs in stages; the first ones are a chain of calls, the later ones run in parallel and start
// when what they need is there. Each thing that happens is a Milestone, and advance() starts each stage whose
// milestones are all reached (the whole dependency graph is in advance()):
//
//   plan check ─► secrets ─► SSH key + network ─► servers created/adopted ─► ServersReady ─┐
//                                    └─► firewalls' actions ─────────────► FirewallsApplied ┴─► host pipelines
//   ServersReady ─► 5222 allow-list on the web firewall ─► AllowListSet
//   ServersReady ─► CertificateTask: DNS records and their resolution ─► DnsDone
//   web pipeline ─► WebInstalled (or WebFailed)
//   (WebInstalled and AllowListSet) or WebFailed ─► each bridge's last phase (configure and join)
//   WebInstalled and DnsDone, no host failed ─► the certificate on the web host ─► CertificateDone
//   every host pipeline ended ─► HostsDone;  HostsDone and CertificateDone ─► verification (ends the run)
//
// add-bridge changes neither DNS nor the certificate: DnsDone is reached with the servers, without a DNS check, so
// the certificate stage ends at once (nothing resolved, nothing asked for).
class ConvergeOperation : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    // What has happened so far (see above).
    enum class Milestone {
        ServersReady = 0x01,
        FirewallsApplied = 0x02,
        AllowListSet = 0x04,
        WebInstalled = 0x08,
        WebFailed = 0x10,
        DnsDone = 0x20,
        HostsDone = 0x40,
        CertificateDone = 0x80,
    };
    Q_DECLARE_FLAGS(Milestones, Milestone)
    // The stages advance() starts, each once.
    enum class Stage { Hosts = 0x1, Certificate = 0x2, Verification = 0x4 };
    Q_DECLARE_FLAGS(Stages, Stage)

    ConvergeOperation(EngineRun &run, QObject *parent);

    void deploy(const DeploymentPlan &plan);
    // After the run loaded the deployment's stored plan and its servers.
    void addBridges(const DiscoveredDeployment &found, int count, const HostSpec &spec);

    // ---- for the HostPipelines ----
    void webInstalled(const QString &prosodyCertificate);
    void webFailed(const Error &error);
    // A bridge whose packages are in waits here for the web host's install and the 5222 allow-list.
    void whenWebReady(const QString &bridge, std::function<void()> next);
    bool webHasFailed() const { return m_reached.testFlag(Milestone::WebFailed); }
    void hostFinished(const Result<void> &result);

private:
    void reach(Milestone milestone);
    void advance();
    bool reached(Milestones all) const { return (m_reached & all) == all; }
    // Marks `stage` started; false when it had been already.
    bool startOnce(Stage stage);

    void converge(const QMap<int, HostSpec> &wantedBridges);
    void checkPlan();
    void createResources();
    void createServers(const QList<hcloud::Server> &existing);
    void orderServers(const QList<CloudResources::ServerOrder> &orders);
    void adoptServers(const QList<hcloud::Server> &servers);
    void provisionHosts();
    void releaseBridges();
    void startCertificate();

    EngineRun &m_run;
    qint64 m_imageId = 0;
    // From the plan check: the web host's network zone and each location's; bridges in that zone join the private
    // network and reach prosody over it (DESIGN.md §4).
    QString m_webZone;
    QHash<QString, QString> m_zoneByLocation;
    // deploy sees to DNS and the certificate; add-bridge changes neither, so it neither waits for DNS nor asks again.
    bool m_withDnsAndCertificate = true;
    CertificateTask *m_certificate = nullptr;

    Milestones m_reached;
    Stages m_started;
    int m_hostsRunning = 0;
    std::optional<Error> m_hostError;
    QList<std::function<void()>> m_waitingForWeb;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ConvergeOperation::Milestones)
Q_DECLARE_OPERATORS_FOR_FLAGS(ConvergeOperation::Stages)
