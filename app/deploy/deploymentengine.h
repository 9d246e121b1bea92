#pragma once

#include "common/result.h"
#include "deploy/accounts.h"
#include "deploy/deploymentstore.h"
#include "deploy/drainquestion.h"
#include "deploy/engineevents.h"
#include "deploy/runlog.h"
#include "hcloud/retrypolicy.h"
#include "model/deploymentplan.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QMap>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class EngineRun;
class HostAgentFactory;
class HostKeyBroker;
namespace hcloud {
class HetznerClient;
}

struct EngineSettings
{
    HostAgentFactory *hosts = nullptr; // required; not owned
    QString storeDirectory = DeploymentStore::defaultDirectory();
    QString logDirectory = RunLog::defaultDirectory(); // each operation's log (RunLog); empty = none
    SecretStore secrets; // where the deployment's passwords live: the keychain unless the user chose files
    int bootTimeoutMs = 10 * 60 * 1000; // a new server answering SSH
    int installTimeoutMs = 40 * 60 * 1000; // one host's install, from start to "@@run end"
    int dnsTimeoutMs = 10 * 60 * 1000; // records resolving; after that the certificate stays self-signed
    int dnsPollIntervalMs = 5000; // between lookups while waiting for the records
    int verifyTimeoutMs = 3 * 60 * 1000; // bridges showing up in jicofo and prosody after an install
    int verifyIntervalMs = 5000;
    int drainTimeoutSeconds = 15 * 60;
    int meetingPollIntervalMs = 2000; // test meeting: between two reads of every bridge's /metrics
    std::optional<DrainChoice> drainChoice; // answers every DrainQuestion without asking (CLI --force); unset = ask
    QHostAddress dnsNameserver; // null = the system's resolver
    // A server pinned on another computer and without a host-key label: fingerprints the user gave beforehand
    // (server name -> "SHA256:…", the CLI's --host-key), else the broker asks; with neither, the run stops.
    QMap<QString, QString> hostKeyFingerprints;
    HostKeyBroker *hostKeyBroker = nullptr; // not owned
};

// Executes plans and manages deployments (DESIGN.md §3–§5). One operation at a time; it emits events while it
// runs and finished() exactly once. Everything it creates carries the deployment's labels; running the same
// operation again after a failure, a cancel or a killed process converges to the same result (nothing created
// twice, completed host steps skipped). Lives in the GUI thread; all waiting is asynchronous.
class DeploymentEngine : public QObject
{
    Q_OBJECT

public:
    DeploymentEngine(hcloud::HetznerClient *client, const EngineSettings &settings, QObject *parent = nullptr);
    ~DeploymentEngine() override;

    // New deployment or resume of one: validate (fields, API), secrets (from the secret store; generated once for a new
    // web host, read back from an existing one), cloud resources, all hosts in parallel, DNS, certificate, verify.
    void deploy(const DeploymentPlan &plan);
    // The deployment by slug or domain. Verification alone (read-only).
    void verify(const QString &deployment);
    // Live health from state (DeploymentHealth: jicofo's bridge view, each bridge's /metrics and health, package
    // versions), read-only; finished() carries it in EngineOutcome::health. Unreachable hosts are part of the answer.
    void readHealth(const QString &deployment);
    // `count` new bridges with this spec (empty fields = like the last bridge), then the 5222 allow-list, verify.
    void addBridges(const QString &deployment, int count, const HostSpec &spec);
    // Drains the bridge (bounded), deletes it, updates the allow-list, verifies the rest.
    void removeBridge(const QString &deployment, const QString &serverName);
    // Rolling update of the Jitsi packages (UpdateOperation): versions before; each bridge in turn drained,
    // upgraded, back in jicofo's view, undrained; then the web host (a warning: running meetings restart);
    // versions after, in the outcome. Safe to run again after a failure or cancel.
    void update(const QString &deployment);
    // Lists, adds or removes an account that may open meetings on a moderated deployment (AccountOperation); finished()
    // carries the accounts afterwards in EngineOutcome::accounts. A bad user name or password fails before any
    // request. The password is never logged.
    void manageAccounts(const QString &deployment, const AccountRequest &request);
    // The answer to undrainedBridge(); ignored when no question is open.
    void answerUndrained(DrainChoice choice);
    // "Test a meeting" (MeetingTest): a fresh room, and every bridge's meeting figures as Meeting events until
    // endMeetingTest(); with `everyBridge`, all bridges but one drained in turn so that each carries the test once,
    // ending by itself after the last. Every drain it made is undone at its end and on cancel.
    void testMeeting(const QString &deployment, bool everyBridge);
    void nextMeetingBridge(); // "every bridge": the current bridge's turn ends now (no meeting seen on it)
    void endMeetingTest(); // the test ends normally: its drains undone, finished() succeeds
    // Takes the bridges a killed meeting test left drained (recorded on this computer) back into service; only
    // those. Without a record it succeeds at once, touching nothing. Run when a deployment is opened.
    void undoMeetingDrains(const QString &deployment);
    // Deletes everything labelled for the deployment, and its local state and secrets. The caller confirmed.
    void destroy(const QString &deployment);

    // Stops the running operation at the next safe point; finished() follows with the error "cancelled".
    // Servers already created stay (and are listed in the outcome) so a re-run resumes.
    void cancel();

    // A deploy waiting for the DNS records to resolve stops waiting now, as if its dnsTimeoutMs had passed: the
    // certificate stays self-signed (a warning says so) and the run goes on to verify. For a user who creates
    // the records later; running deploy again then gets the Let's Encrypt certificate. Nothing when not waiting.
    void continueWithoutDns();

    bool isRunning() const;

    // How the client should poll actions during engine operations: they wait on actions that take seconds
    // (servers, firewalls), so polling at most every 2 s notices them promptly for a few requests more
    // (bench/README.md, engine_deploy).
    static hcloud::PollPolicy pollPolicy();
    EngineOutcome outcome() const; // of the last (or running) operation
    // The log file of the last (or running) operation (RunLog), for "read the full log at …"; empty when none was
    // written (no log directory, or it could not be written).
    QString runLogPath() const;

Q_SIGNALS:
    void event(const EngineEvent &event);
    void finished(const Result<EngineOutcome> &result);
    // remove-bridge or update cannot confirm a bridge drained: the operation waits for answerUndrained().
    // Without a receiver (and without EngineSettings::drainChoice) the answer is DrainChoice::Stop.
    void undrainedBridge(const DrainQuestion &question);

private:
    EngineRun *newRun(const QString &operation, const QString &deployment);
    // `operation` and `deployment` (slug or domain) name the run's log.
    void startRun(const QString &operation, const QString &deployment, const std::function<void(EngineRun *)> &start);

    class Private;
    std::unique_ptr<Private> d;
};
