#include "wizardstate.h"

#include "deploy/hostkeybroker.h"

#include "common/inputvalidation.h"
#include "common/logging.h"
#include "deploy/sshhostagent.h"
#include "hcloud/hetznerclient.h"
#include "ssh/passphrasebroker.h"

#include <QNetworkAccessManager>
#include <QPointer>

#include <utility>

using namespace Qt::StringLiterals;

namespace {
// SSH host agents that log in with the identity chosen when each host is reached, so the engine (and every page
// listening to it) stays the same when the user goes back and picks another key.
class IdentityHostAgents : public HostAgentFactory
{
public:
    explicit IdentityHostAgents(const WizardState &state)
        : m_state(state)
    { }

    std::unique_ptr<HostAgent> create(const HostEndpoint &endpoint) override
    {
        SshHostAgent::Options options;
        options.connect.keyFile = m_state.sshIdentity().keyFile;
        options.connect.agentSocket = m_state.sshIdentity().agentSocket;
        options.connect.passphraseHandler
                = [broker = QPointer<PassphraseBroker>(m_state.passphrases())](PassphraseRequest *request) {
                      if (broker)
                          broker->handle(request);
                  };
        return std::make_unique<SshHostAgent>(endpoint, options);
    }

private:
    const WizardState &m_state;
};
} // namespace

WizardState::WizardState(QObject *parent)
    : WizardState(Environment(), parent)
{ }

WizardState::WizardState(const Environment &environment, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_network(new QNetworkAccessManager(this))
    , m_client(new hcloud::HetznerClient(m_network, this))
    , m_passphrases(new PassphraseBroker(this))
    , m_hostKeys(new HostKeyBroker(this))
    , m_progress(new ProgressModel(this))
{
    QString endpoint = environment.apiEndpoint;
    if (endpoint.isEmpty())
        endpoint = qEnvironmentVariable("HCLOUD_ENDPOINT").trimmed();
    if (endpoint.isEmpty())
        endpoint = QString::fromLatin1(hcloud::defaultEndpoint);
    // An unusable endpoint is reported by the token step, which checks the same value first.
    if (const Result<QUrl> checked = InputValidation::endpoint(endpoint))
        m_client->setEndpoint(*checked);
    m_client->setPollPolicy(DeploymentEngine::pollPolicy());
}

WizardState::~WizardState()
{
    // The engines' runs use the host factory; they go first.
    delete m_engine;
    delete m_healthEngine;
}

void WizardState::setApiEndpoint(const QUrl &endpoint)
{
    m_client->setEndpoint(endpoint);
}

void WizardState::setToken(const QString &token)
{
    m_client->setToken(token);
    m_hasToken = !token.isEmpty();
}

void WizardState::updatePlan(const std::function<void(DeploymentPlan &plan)> &change)
{
    DeploymentPlan changed = m_plan;
    change(changed);
    if (changed == m_plan)
        return;
    m_plan = changed;
    if (m_planCheck) {
        m_planCheck.reset();
        Q_EMIT planCheckChanged();
    }
    Q_EMIT planChanged();
}

void WizardState::setSshIdentity(const SshIdentity &identity)
{
    if (identity.keyFile != m_identity.keyFile || identity.publicKey != m_identity.publicKey) {
        m_passphrases->forget();
    }
    m_identity = identity;
    updatePlan([&identity](DeploymentPlan &plan) { plan.sshPublicKey = identity.publicKey; });
    Q_EMIT sshIdentityChanged();
}

void WizardState::setDnsZoneInProject(bool inProject)
{
    if (inProject == m_dnsZoneInProject)
        return;
    m_dnsZoneInProject = inProject;
    Q_EMIT dnsZoneInProjectChanged();
}

void WizardState::setPlanCheck(const PlanPreview::Check &check)
{
    m_planCheck = check;
    Q_EMIT planCheckChanged();
}

HostAgentFactory *WizardState::hostAgents()
{
    if (m_environment.hosts)
        return m_environment.hosts;
    if (!m_sshHosts)
        m_sshHosts = std::make_unique<IdentityHostAgents>(*this);
    return m_sshHosts.get();
}

EngineSettings WizardState::engineSettings()
{
    EngineSettings settings = m_environment.engine;
    settings.hosts = hostAgents();
    settings.hostKeyBroker = m_hostKeys;
    return settings;
}

DeploymentEngine *WizardState::engine()
{
    if (!m_engine) {
        m_engine = new DeploymentEngine(m_client, engineSettings(), this);
        connect(m_engine, &DeploymentEngine::event, m_progress, &ProgressModel::apply);
        connect(m_engine, &DeploymentEngine::event, this, [this](const EngineEvent &event) {
            // The first event of an operation is its first phase; what the previous one said no longer holds.
            if (m_lastResult) {
                m_lastResult.reset();
                m_dnsRecordsEvent.reset();
            }
            if (event.kind == EngineEvent::Kind::DnsRecords)
                m_dnsRecordsEvent = event;
        });
        connect(m_engine, &DeploymentEngine::finished, this,
                [this](const Result<EngineOutcome> &result) { m_lastResult = result; });
        connect(m_engine, &DeploymentEngine::undrainedBridge, this, &WizardState::drainChoiceNeeded);
    }
    return m_engine;
}

// Health reads run on an engine of their own: they are read-only and frequent (every 30 s on the Manage page), and
// their events must not reach the ProgressModel the Deploy page shows, nor replace the last operation's result.
// The Manage controller never starts a read while one runs.
WizardState::HealthSource WizardState::healthSource()
{
    return [this](const QString &slug, QObject *context, std::function<void(Result<HealthReading>)> done) {
        if (!m_healthEngine)
            m_healthEngine = new DeploymentEngine(m_client, engineSettings(), this);
        auto *once = new QObject(context);
        connect(m_healthEngine, &DeploymentEngine::finished, once,
                [once, done = std::move(done)](const Result<EngineOutcome> &result) {
                    once->deleteLater();
                    if (!result)
                        return done(result.error());
                    if (!result->health)
                        return done(Error{u"engine"_s,
                                          u"health_missing"_s,
                                          tr("The deployment's health could not be read."),
                                          {},
                                          {},
                                          0});
                    done(HealthReading{*result->health, result->health->addBridgeHint()});
                });
        m_healthEngine->readHealth(slug);
    };
}

std::function<void(DeploymentEngine *engine, const QString &slug)> WizardState::updateOperation() const
{
    return [](DeploymentEngine *engine, const QString &slug) {
        engine->update(slug);
    };
}
