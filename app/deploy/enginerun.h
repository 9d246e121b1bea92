#pragma once

#include "deploy/cloudresources.h"
#include "deploy/deploymentengine.h"
#include "deploy/discovery.h"
#include "deploy/drainquestion.h"
#include "deploy/hostconnection.h"
#include "hcloud/hcloudtypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <functional>

class TaskRunner;
class ServerLabeller;

// An error of the engine itself (category "deploy").
inline Error engineError(const QString &code, const QString &message, const QString &detail = {})
{
    return Error{QStringLiteral("deploy"), code, message, detail, {}, 0};
}

// What one run knows about its deployment, shared by the run's jobs (ConvergeOperation, HostPipeline,
// CertificateTask, VerificationStage, BridgeRemoval).
struct RunState
{
    DeploymentPlan plan;
    DeploymentSecrets secrets;
    QMap<int, HostSpec> wanted; // bridge number -> spec, for servers this run may create
    CloudResources *cloud = nullptr; // a child of the run, made by the operation that needs it
    CloudResources::Base base;
    hcloud::Server web;
    QMap<int, hcloud::Server> bridges; // by bridge number
    QString prosodyCertificate; // the web host's auth.<domain> certificate, which bridges trust
    bool clearSetUpPending = false; // deploy and add-bridge: a verified end removes the servers' set-up label
    QString jvbVersion; // add-bridge: the jitsi-videobridge2 version the running bridges have (JD_JVB_VERSION)
};

// One operation of the DeploymentEngine, from start to its single finish (DESIGN.md §3–§5). The operations are
// jobs of their own: deploy and add-bridge are a ConvergeOperation (cloud resources, then a HostPipeline per host
// and the CertificateTask, then verification), remove-bridge is a BridgeRemoval, verify is a VerificationStage
// (also the last stage of the others); destroy is short and lives here. This class holds what they share: the
// run's state, its host connections, the secrets, and the single end (fail, succeed, cancel).
//
// Everything the operation owns (jobs, cloud calls, host connections, runners) is a child, so cancelling or
// finishing drops every pending callback at once. Each continuation checks done() first: nothing happens after
// the end.
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
    void readHealth(const QString &deployment);
    void addBridges(const QString &deployment, int count, const HostSpec &spec);
    void removeBridge(const QString &deployment, const QString &serverName);
    void update(const QString &deployment);
    void manageAccounts(const QString &deployment, const AccountRequest &request);
    void destroy(const QString &deployment);
    void testMeeting(const QString &deployment, bool everyBridge); // MeetingTest (meetingtest.cpp)
    void undoMeetingDrains(const QString &deployment); // meetingtest.cpp
    void cancel();
    // The DNS wait of a running deploy ends now (DeploymentEngine::continueWithoutDns).
    void continueWithoutDns();

    const EngineOutcome &outcome() const { return m_outcome; }

    // The drain question (DrainQuestion): `ask` tells the front end; answerDrainChoice() resumes the waiting job.
    void setDrainAsk(std::function<void(const DrainQuestion &)> ask) { m_drainAsk = std::move(ask); }
    void askDrainChoice(const DrainQuestion &question, std::function<void(DrainChoice)> answer);
    void answerDrainChoice(DrainChoice choice);
    // A job that must undo something before a cancel ends the run (a drained bridge back into service) sets this;
    // it calls `finish` once done. Cleared by passing nullptr.
    void setCancelCleanup(std::function<void(std::function<void()> finish)> cleanup)
    {
        m_cancelCleanup = std::move(cleanup);
    }

    // The running meeting test's controls (DeploymentEngine::nextMeetingBridge, endMeetingTest).
    enum class MeetingControl { NextBridge, End };
    void setMeetingControl(std::function<void(MeetingControl)> control) { m_meetingControl = std::move(control); }
    void meetingControl(MeetingControl choice)
    {
        if (m_meetingControl)
            m_meetingControl(choice);
    }

    // ---- for the run's jobs ----

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

    bool done() const { return m_done; }
    void emitEvent(const EngineEvent &event) { m_emit(event); }
    void phase(Phase name, const QString &message);
    void warn(const QString &message, const Advice &advice = {});
    void fail(const Error &error);
    void succeed();

    hcloud::HetznerClient *client() const { return m_client; }
    EngineSettings &settings() { return m_settings; }
    DeploymentStore &store() { return m_store; }
    DeploymentSecretStore &secretStore() { return m_secretStore; }
    RunState &state() { return m_state; }
    EngineOutcome &mutableOutcome() { return m_outcome; }
    QString slug() const { return m_state.plan.slug(); }
    void setOutcomeDeployment(); // slug, domain and meeting URL from the plan

    // What to do when the secret store has no passwords for the deployment: a new deployment generates them; one
    // whose web host exists reads them back from it over the pinned session (the store was lost, or the command
    // runs on another computer); a web host that never received them (a first run stopped early) allows new ones.
    enum class WhenMissing { Generate, FromWebHost, FromWebHostElseGenerate };
    void loadSecrets(WhenMissing whenMissing, std::function<void()> next);

    // The pinned connection to a host, made once per run.
    HostConnection *connectionFor(const QString &name, HostRole role, const QString &address);
    HostConnection *existingConnection(const QString &name) const { return m_connections.value(name); }
    void dropConnection(const QString &name);
    // One provisioning task on a host, its events passed on; `done` runs only while the run is alive.
    void runTask(HostConnection *connection, HostRole role, ProvisionTask task, const QList<InstallFile> &files,
                 std::function<void(Result<void>)> done);
    Result<QList<InstallFile>> installFiles(HostRole role, const QString &name, int number, bool packagesOnly);
    Result<QByteArray> envFile(HostRole role, const QString &name, int number, bool packagesOnly);
    DeploymentPlan planByNumber() const;

    // The last stage of deploy, add-bridge and remove-bridge, and all of verify: ends the run.
    void verifyBridges();
    // The run's label changes on servers (host-key label after a rotation, the set-up label).
    ServerLabeller *labeller();

private:
    void findDeployment(const QString &deployment, std::function<void(const DiscoveredDeployment &)> next);
    bool loadStoredPlan(const DiscoveredDeployment &found);
    // Before an operation on an existing deployment: pins the servers this computer does not know (HostKeyRecovery)
    // and, without a stored plan, rebuilds it from the project and the web host (PlanRecovery); then loadStoredPlan.
    void prepare(const DiscoveredDeployment &found, std::function<void()> next);
    void withRunningDeployment(const QString &deployment, std::function<void()> next);
    void recoverPlan(const DiscoveredDeployment &found, std::function<void()> next);
    void labelHostKey(const QString &serverName, const QString &publicKey, HostConnection::Done done);
    void finishSucceeded();
    void generateSecrets(std::function<void()> next);
    void secretsFromWebHost(bool generateIfAbsent, std::function<void()> next);
    QStringList bridgeAddresses() const;
    QString webPrivateIp() const;
    bool onWebNetwork(const hcloud::Server &bridge) const;

    hcloud::HetznerClient *m_client;
    EngineSettings m_settings;
    DeploymentStore m_store;
    DeploymentSecretStore m_secretStore;
    Emit m_emit;
    Finished m_finished;
    bool m_done = false;
    EngineOutcome m_outcome;
    RunState m_state;
    QMap<QString, HostConnection *> m_connections; // by server name
    ServerLabeller *m_labeller = nullptr;
    std::function<void(const DrainQuestion &)> m_drainAsk;
    std::function<void(DrainChoice)> m_drainAnswer; // the open question's continuation
    std::function<void(std::function<void()>)> m_cancelCleanup;
    std::function<void(MeetingControl)> m_meetingControl;
};
