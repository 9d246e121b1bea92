#pragma once

#include "deploy/deploymentengine.h"
#include "deploy/deploymenthealth.h"
#include "deploy/discovery.h"
#include "deploy/planpreview.h"
#include "deploy/progressmodel.h"
#include "model/deploymentplan.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class HostAgentFactory;
class PassphraseBroker;
class HostKeyBroker;
class QNetworkAccessManager;
namespace hcloud {
class HetznerClient;
}

// The one state the wizard's steps share (DESIGN.md §3): the plan being built, and what earlier steps learned that
// later ones need — the API client with the accepted token, the SSH identity, whether the domain's zone is in the
// project, the last plan check. Controllers read and write it; pages never keep their own copy of the plan.
// Widget-free; lives on the GUI thread.
class WizardState : public QObject
{
    Q_OBJECT

public:
    // What the wizard runs against. The defaults are the real thing; tests inject hcloud-sim and fake hosts.
    struct Environment
    {
        QString apiEndpoint; // empty = HCLOUD_ENDPOINT when set, else Hetzner's own
        HostAgentFactory *hosts = nullptr; // not owned; null = SSH with the identity chosen on the SSH key page
        EngineSettings engine; // secret store, data folders, timeouts; its `hosts` is ignored
    };

    // How the deployer logs in to its servers: a private key file, or a key the ssh-agent holds (keyFile empty).
    struct SshIdentity
    {
        QString keyFile; // absolute path of the private key; empty = the agent
        QString agentSocket; // empty = SSH_AUTH_SOCK
        QString publicKey; // OpenSSH one-line form; becomes the plan's sshPublicKey
        QString md5Fingerprint; // "aa:bb:…", how Hetzner names keys
        QString comment;
        bool inProject = false; // a key with this fingerprint is already in the Hetzner project

        bool isValid() const { return !publicKey.isEmpty(); }
        bool usesAgent() const { return keyFile.isEmpty(); }
    };

    explicit WizardState(QObject *parent = nullptr);
    explicit WizardState(const Environment &environment, QObject *parent = nullptr);
    ~WizardState() override;

    const Environment &environment() const { return m_environment; }

    // The API client every step after the token uses; its endpoint is set, its token once setToken() was called.
    hcloud::HetznerClient *client() const { return m_client; }
    QNetworkAccessManager *network() const { return m_network; }
    void setApiEndpoint(const QUrl &endpoint);
    void setToken(const QString &token);
    bool hasToken() const { return m_hasToken; }

    const DeploymentPlan &plan() const { return m_plan; }
    // Changes the plan in place; planChanged() follows when something changed. A plan check made before is stale
    // then and is dropped.
    void updatePlan(const std::function<void(DeploymentPlan &plan)> &change);

    const SshIdentity &sshIdentity() const { return m_identity; }
    // Also sets the plan's sshPublicKey, and forgets a passphrase given for another key.
    void setSshIdentity(const SshIdentity &identity);

    // The domain's DNS zone lives in this Hetzner project, so the engine creates the records itself.
    bool dnsZoneInProject() const { return m_dnsZoneInProject; }
    void setDnsZoneInProject(bool inProject);

    // The Review page's check of the current plan; nullopt until made, and again after the plan changed.
    const std::optional<PlanPreview::Check> &planCheck() const { return m_planCheck; }
    void setPlanCheck(const PlanPreview::Check &check);

    // Answers the SSH sessions' passphrase questions; the shell shows its dialog.
    PassphraseBroker *passphrases() const { return m_passphrases; }
    // Host keys only the user can vouch for (a server deployed elsewhere without a host-key label): the shell shows
    // its question; engineSettings() hands it to the engine.
    HostKeyBroker *hostKeys() const { return m_hostKeys; }

    // The engine that deploys the plan, created on first use with engineSettings(). One per wizard; every event
    // it sends is folded into progress(), which the Deploy, DNS and Verified pages render.
    DeploymentEngine *engine();
    ProgressModel *progress() const { return m_progress; }
    // The environment's engine settings with the hosts filled in: the injected factory, else SSH with the chosen
    // identity (each host logs in with the identity chosen when it is reached, so choosing another key never
    // replaces the engine).
    EngineSettings engineSettings();
    // What the engine's current (or last) operation said that pages opened later need: its DNS records event, and
    // its result once finished (nullopt while it runs). Both are forgotten when the next operation starts.
    const std::optional<EngineEvent> &dnsRecordsEvent() const { return m_dnsRecordsEvent; }
    const std::optional<Result<EngineOutcome>> &lastResult() const { return m_lastResult; }
    // The plan file the user saved (Review page), empty when none was.
    QString savedPlanPath() const { return m_savedPlanPath; }
    void setSavedPlanPath(const QString &path) { m_savedPlanPath = path; }

    // Coming back (DESIGN.md §2): what the Start page chose. New = the first-deployment path; Manage = the Manage
    // page for managedDeployment(); Resume = deploy the plan (rebuilt for managedDeployment()) again.
    enum class Mode { New, Manage, Resume };
    Mode mode() const { return m_mode; }
    void setMode(Mode mode) { m_mode = mode; }
    const std::optional<DiscoveredDeployment> &managedDeployment() const { return m_managed; }
    void setManagedDeployment(const std::optional<DiscoveredDeployment> &deployment) { m_managed = deployment; }

    // Live health as the Manage page reads it: the reading and the add-bridge hint made from it.
    struct HealthReading
    {
        DeploymentHealth health;
        QString addBridgeHint; // DeploymentHealth::addBridgeHint(); empty when there is none
    };
    using HealthSource = std::function<void(const QString &slug, QObject *context,
                                            std::function<void(Result<HealthReading>)> done)>;
    // The engine's live-health read (DeploymentEngine::readHealth) for the Manage page. Tests may hand the Manage
    // controller their own source.
    HealthSource healthSource();
    // Starts the engine's rolling update of a deployment (DeploymentEngine::update).
    std::function<void(DeploymentEngine *engine, const QString &slug)> updateOperation() const;

Q_SIGNALS:
    void planChanged();
    void sshIdentityChanged();
    void dnsZoneInProjectChanged();
    void planCheckChanged();
    // The engine's undrainedBridge(): Remove or Update Jitsi cannot confirm a bridge drained and waits for the
    // answer (engine()->answerUndrained()).
    void drainChoiceNeeded(const DrainQuestion &question);

private:
    HostAgentFactory *hostAgents();

    Environment m_environment;
    QNetworkAccessManager *m_network = nullptr;
    hcloud::HetznerClient *m_client = nullptr;
    PassphraseBroker *m_passphrases = nullptr;
    HostKeyBroker *m_hostKeys = nullptr;
    ProgressModel *m_progress = nullptr;
    bool m_hasToken = false;
    DeploymentPlan m_plan;
    SshIdentity m_identity;
    bool m_dnsZoneInProject = false;
    std::optional<PlanPreview::Check> m_planCheck;
    std::unique_ptr<HostAgentFactory> m_sshHosts;
    DeploymentEngine *m_engine = nullptr;
    DeploymentEngine *m_healthEngine = nullptr; // readHealth() only (healthSource())
    std::optional<EngineEvent> m_dnsRecordsEvent;
    std::optional<Result<EngineOutcome>> m_lastResult;
    QString m_savedPlanPath;
    Mode m_mode = Mode::New;
    std::optional<DiscoveredDeployment> m_managed;
};
