#include "convergeoperation.h"

#include "deploy/certificatetask.h"
#include "deploy/deploymentlabels.h"
#include "deploy/enginerun.h"
#include "deploy/hostpipeline.h"
#include "deploy/planpreview.h"
#include "deploy/serverlabeller.h"
#include "provision/userdatarenderer.h"
#include "ssh/hostkeys.h"

#include <algorithm>

using namespace Qt::StringLiterals;

ConvergeOperation::ConvergeOperation(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

// ---- the stages' dependencies ----------------------------------------------------------------------------------

void ConvergeOperation::reach(Milestone milestone)
{
    m_reached |= milestone;
    advance();
}

bool ConvergeOperation::startOnce(Stage stage)
{
    if (m_started.testFlag(stage))
        return false;
    m_started |= stage;
    return true;
}

void ConvergeOperation::advance()
{
    if (m_run.done())
        return;
    // The hosts install once their servers run and the firewalls protect them.
    if (reached(Milestone::ServersReady | Milestone::FirewallsApplied) && startOnce(Stage::Hosts))
        provisionHosts();
    if (m_run.done())
        return;
    // A bridge's last phase needs the web host installed and 5222 allowed (or learns that the web host failed).
    if (reached(Milestone::WebInstalled | Milestone::AllowListSet) || reached(Milestone::WebFailed))
        releaseBridges();
    if (m_run.done())
        return;
    // The certificate needs the web host and DNS, nothing from the bridges; a run that already failed on a host
    // starts nothing new.
    if (reached(Milestone::WebInstalled | Milestone::DnsDone) && !m_hostError && startOnce(Stage::Certificate))
        startCertificate();
    if (m_run.done())
        return;
    // Verification after every host and the certificate; it ends the run.
    if (reached(Milestone::HostsDone | Milestone::CertificateDone) && startOnce(Stage::Verification))
        m_run.verifyBridges();
}

// ---- deploy and add-bridge: the plan and the cloud -------------------------------------------------------------

void ConvergeOperation::deploy(const DeploymentPlan &plan)
{
    if (auto valid = plan.validate(); !valid.ok()) {
        m_run.fail(valid.error());
        return;
    }
    m_run.state().plan = plan;
    QMap<int, HostSpec> wanted;
    for (int n = 1; n <= plan.bridges.size(); ++n)
        wanted.insert(n, plan.bridges[n - 1]);
    converge(wanted);
}

void ConvergeOperation::addBridges(const DiscoveredDeployment &found, int count, const HostSpec &spec)
{
    RunState &state = m_run.state();
    if (!found.web) {
        m_run.fail(engineError(u"no_web_host"_s,
                               tr("The deployment has no web host. Deploy it again with its plan to repair it.")));
        return;
    }
    const int highest = state.bridges.isEmpty() ? 0 : state.bridges.lastKey();
    if (state.bridges.size() + count > DeploymentPlan::maxBridges) {
        m_run.fail(Error{u"input"_s,
                         u"too_many_bridges"_s,
                         tr("A deployment has at most %1 bridges; it has %2.")
                                 .arg(DeploymentPlan::maxBridges)
                                 .arg(state.bridges.size()),
                         {},
                         {},
                         0});
        return;
    }
    HostSpec like = state.bridges.isEmpty() ? state.plan.web
                                            : HostSpec{state.bridges.last().serverType, state.bridges.last().location};
    HostSpec chosen{spec.serverType.isEmpty() ? like.serverType : spec.serverType,
                    spec.location.isEmpty() ? like.location : spec.location};
    QMap<int, HostSpec> wanted;
    for (int n = highest + 1; n <= highest + count; ++n)
        wanted.insert(n, chosen);
    for (auto it = state.bridges.cbegin(); it != state.bridges.cend(); ++it)
        wanted.insert(it.key(), HostSpec{it->serverType, it->location});
    state.bridges.clear();
    m_withDnsAndCertificate = false;
    converge(wanted);
}

void ConvergeOperation::converge(const QMap<int, HostSpec> &wantedBridges)
{
    RunState &state = m_run.state();
    state.wanted = wantedBridges;
    state.clearSetUpPending = true; // a verified end means every host is installed
    state.plan.bridges = wantedBridges.values(); // what the plan check prices and the store remembers
    m_run.setOutcomeDeployment();
    state.cloud = new CloudResources(m_run.client(), DeploymentLabels(state.plan), &m_run);
    checkPlan();
}

void ConvergeOperation::checkPlan()
{
    m_run.phase(Phase::Validate, tr("Checking the plan with Hetzner Cloud…"));
    const auto checked = [this](const PlanPreview::Check &check) {
        m_imageId = check.imageId;
        m_webZone = check.summary.networkZone;
        for (const PlanSummary::Server &server : check.summary.servers)
            m_zoneByLocation.insert(server.spec.location, server.networkZone);
        m_run.state().cloud->setLocations(check.locations);
        for (const QString &warning : check.summary.warnings)
            m_run.warn(warning);
        if (auto saved = m_run.store().setPlan(m_run.state().plan); !saved.ok())
            return m_run.fail(saved.error());
        createResources();
    };
    // The same check as `plan` and the wizard's Review page make (PlanPreview).
    (new PlanPreview(m_run.client(), &m_run))->preview(m_run.state().plan, m_run.orFail<PlanPreview::Check>(checked));
}

void ConvergeOperation::createResources()
{
    m_run.phase(Phase::Resources, tr("Creating the network, firewalls and servers…"));
    m_run.state().cloud->listServers(m_run.orFail<QList<hcloud::Server>>([this](QList<hcloud::Server> existing) {
        // A web host that exists already holds the deployment's passwords; new ones would lock its bridges out.
        const QString webName = m_run.state().plan.webServerName();
        const auto web = std::find_if(existing.cbegin(), existing.cend(),
                                      [&webName](const hcloud::Server &server) { return server.name == webName; });
        if (web == existing.cend()) {
            m_run.loadSecrets(EngineRun::WhenMissing::Generate, [this, existing] { createServers(existing); });
            return;
        }
        const auto keys = m_run.store().hostKeys(m_run.slug());
        if (!keys.ok() || keys->value(web->name).pinned.isEmpty()) {
            createServers(existing); // which refuses a server it has no pinned key for
            return;
        }
        m_run.state().web = *web;
        m_run.loadSecrets(EngineRun::WhenMissing::FromWebHostElseGenerate,
                          [this, existing] { createServers(existing); });
    }));
}

void ConvergeOperation::createServers(const QList<hcloud::Server> &existing)
{
    RunState &state = m_run.state();
    const DeploymentLabels labels(state.plan);
    const auto storedKeys = m_run.store().hostKeys(m_run.slug());
    if (!storedKeys.ok()) {
        m_run.fail(storedKeys.error());
        return;
    }
    const auto keys = storedKeys.value();
    QSet<QString> existingNames;
    for (const hcloud::Server &server : existing) {
        existingNames.insert(server.name);
        // Bridges outside the plan stay part of the deployment: removing one is remove-bridge's job.
        if (const auto n = labels.bridgeNumberFromName(server.name); n && !state.wanted.contains(*n)) {
            state.wanted.insert(*n, HostSpec{server.serverType, server.location});
            m_run.warn(tr("The bridge %1 is not in the plan; it is kept.").arg(server.name),
                       {Advice::Kind::RemoveBridge, server.name});
        }
    }

    QList<CloudResources::ServerOrder> orders;
    QMap<QString, DeploymentStore::HostKeys> pins; // the new servers' host keys, saved together
    auto order = [&](const QString &name, HostRole role, int number, const HostSpec &spec) -> bool {
        const bool onNetwork = role == HostRole::Web || m_zoneByLocation.value(spec.location) == m_webZone;
        CloudResources::ServerOrder o{name, role, number, spec, {}, onNetwork};
        if (existingNames.contains(name)) {
            if (keys.value(name).pinned.isEmpty()) {
                m_run.fail(engineError(u"host_key_unknown"_s,
                                       tr("The server %1 exists, but this computer does not know its host key, so it "
                                          "cannot be told apart from an impostor. Manage the deployment from the "
                                          "computer that created it, or delete the server and deploy again.")
                                               .arg(name)));
                return false;
            }
        } else {
            // A fresh host key per new server, pinned before the server exists (no trust on first use).
            auto pair = HostKeys::generate();
            if (!pair.ok()) {
                m_run.fail(pair.error());
                return false;
            }
            HostInputs inputs;
            inputs.role = role;
            inputs.serverName = name;
            inputs.bridgeNumber = number;
            inputs.hostKey = HostKeyText{u"ed25519"_s, QString::fromLatin1(pair->privateKey), pair->publicKey.line()};
            auto userData = UserDataRenderer::render(m_run.planByNumber(), inputs);
            if (!userData.ok()) {
                m_run.fail(userData.error());
                return false;
            }
            o.userData = userData.value();
            pins.insert(name, DeploymentStore::HostKeys{pair->publicKey.line(), {}, false});
        }
        orders.append(o);
        return true;
    };
    if (!order(state.plan.webServerName(), HostRole::Web, 0, state.plan.web))
        return;
    for (auto it = state.wanted.cbegin(); it != state.wanted.cend(); ++it) {
        if (!order(state.plan.bridgeName(it.key()), HostRole::Bridge, it.key(), it.value()))
            return;
    }
    // Pinned before any of the servers exists; one write (one file sync) for all of them.
    if (!pins.isEmpty()) {
        if (auto saved = m_run.store().setHostKeys(m_run.slug(), pins); !saved.ok()) {
            m_run.fail(saved.error());
            return;
        }
    }

    // Servers need the key and the network, not the firewalls (they apply by label selector): the servers are
    // created while the firewall actions finish, and no install starts before both are done.
    state.cloud->ensureBase(state.plan, {},
                            m_run.orFail<CloudResources::Base>([this, orders](CloudResources::Base base) {
                                m_run.state().base = base;
                                orderServers(orders);
                            }),
                            m_run.orFail<void>([this]() { reach(Milestone::FirewallsApplied); }));
}

void ConvergeOperation::orderServers(const QList<CloudResources::ServerOrder> &orders)
{
    auto progress = [this](const QString &name, ResourceState state) {
        if (m_run.done())
            return;
        const EngineEvent e = EngineEvent::resourceChanged(u"server "_s + name, state, name);
        m_run.emitEvent(e);
        EngineOutcome &outcome = m_run.mutableOutcome();
        if (state == ResourceState::Created && !outcome.createdThisRun.contains(e.resource))
            outcome.createdThisRun.append(e.resource);
    };
    m_run.state().cloud->createServers(
            orders, m_run.state().base, m_imageId, progress,
            m_run.orFail<QList<hcloud::Server>>([this](QList<hcloud::Server> servers) { adoptServers(servers); }));
}

void ConvergeOperation::adoptServers(const QList<hcloud::Server> &servers)
{
    RunState &state = m_run.state();
    const DeploymentLabels labels(state.plan);
    for (const hcloud::Server &server : servers) {
        m_run.labeller()->know(server); // its labels as created or listed, so label changes need no extra read
        if (server.name == state.plan.webServerName())
            state.web = server;
        else if (const auto n = labels.bridgeNumberFromName(server.name))
            state.bridges.insert(*n, server);
    }
    EngineOutcome &outcome = m_run.mutableOutcome();
    outcome.webAddress = state.web.ipv4;
    outcome.bridges.clear();
    for (const hcloud::Server &bridge : std::as_const(state.bridges))
        outcome.bridges.append(bridge.name);
    // 5222 on the web host's Hetzner firewall: from exactly the bridges that exist now.
    QStringList publicAddresses;
    for (const hcloud::Server &bridge : std::as_const(state.bridges))
        publicAddresses.append(bridge.ipv4);
    // Only a bridge's last phase needs it, so the hosts start installing meanwhile.
    state.cloud->setBridgeAllowList(state.plan, state.base.webFirewall.id, publicAddresses,
                                    m_run.orFail<void>([this]() { reach(Milestone::AllowListSet); }));
    m_reached |= Milestone::ServersReady;
    if (m_withDnsAndCertificate) {
        m_certificate = new CertificateTask(m_run, this);
        m_certificate->waitForDns([this] { reach(Milestone::DnsDone); });
    } else {
        m_reached |= Milestone::DnsDone;
    }
    advance();
}

// ---- the hosts -------------------------------------------------------------------------------------------------

void ConvergeOperation::provisionHosts()
{
    const QMap<int, hcloud::Server> &bridges = m_run.state().bridges;
    m_run.phase(Phase::Hosts, tr("Installing %n host(s) in parallel…", nullptr, int(1 + bridges.size())));
    m_hostsRunning = 1 + int(bridges.size());
    (new HostPipeline(m_run, *this, HostRole::Web, 0, this))->start();
    for (auto it = bridges.cbegin(); it != bridges.cend(); ++it)
        (new HostPipeline(m_run, *this, HostRole::Bridge, it.key(), this))->start();
}

void ConvergeOperation::webInstalled(const QString &prosodyCertificate)
{
    m_run.state().prosodyCertificate = prosodyCertificate;
    reach(Milestone::WebInstalled);
    hostFinished({});
}

void ConvergeOperation::webFailed(const Error &error)
{
    reach(Milestone::WebFailed);
    hostFinished(error);
}

void ConvergeOperation::whenWebReady(const QString &bridge, std::function<void()> next)
{
    m_waitingForWeb.append(std::move(next));
    const bool webReady = m_reached.testFlag(Milestone::WebInstalled);
    if (!webHasFailed() && (!webReady || !m_reached.testFlag(Milestone::AllowListSet))) {
        // Its packages are in; joining prosody needs the web host's certificate and the 5222 allow-list.
        m_run.emitEvent(EngineEvent::hostWaiting(bridge, WaitReason::WebHost,
                                                 webReady ? tr("waiting for the web host's firewall to allow it")
                                                          : tr("waiting for the web host's install to finish")));
    }
    if (reached(Milestone::WebInstalled | Milestone::AllowListSet) || webHasFailed())
        releaseBridges();
}

void ConvergeOperation::releaseBridges()
{
    for (const auto &waiting : std::exchange(m_waitingForWeb, {}))
        waiting();
}

void ConvergeOperation::hostFinished(const Result<void> &result)
{
    if (m_run.done())
        return;
    if (!result.ok() && !m_hostError)
        m_hostError = result.error();
    if (--m_hostsRunning > 0)
        return;
    if (m_hostError) {
        m_run.fail(*m_hostError);
        return;
    }
    m_reached |= Milestone::HostsDone;
    const QString domain = m_run.state().plan.domain;
    if (!m_reached.testFlag(Milestone::DnsDone))
        m_run.phase(Phase::Dns, tr("Waiting for DNS to point %1 at the web host…").arg(domain));
    else if (m_started.testFlag(Stage::Certificate) && !m_reached.testFlag(Milestone::CertificateDone))
        m_run.phase(Phase::Certificate, tr("Waiting for the Let's Encrypt certificate for %1…").arg(domain));
    advance();
}

// ---- the certificate -------------------------------------------------------------------------------------------

void ConvergeOperation::startCertificate()
{
    if (!m_run.outcome().dnsReady || !m_certificate) {
        m_reached |= Milestone::CertificateDone; // nothing resolves (or add-bridge): the self-signed one stays
        return;
    }
    // While bridges still install, the web host's own steps show it; afterwards it is what the run waits for.
    if (m_reached.testFlag(Milestone::HostsDone))
        m_run.phase(Phase::Certificate,
                    tr("Getting a Let's Encrypt certificate for %1…").arg(m_run.state().plan.domain));
    m_certificate->obtain([this] { reach(Milestone::CertificateDone); });
}
