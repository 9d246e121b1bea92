// EngineRun, the part that finds a running deployment and brings this computer's state for it up to date: the
// deployment by its labels, the stored plan or one recovered from the project and the web host, pinned host keys,
// and the secrets from the keychain or the web host (docs/architecture.md). Split from enginerun.cpp to keep each
// file to one concern.
#include "enginerun.h"

#include "common/redactor.h"
#include "deploy/deploymentlabels.h"
#include "deploy/hostkeyrecovery.h"
#include "deploy/planrecovery.h"
#include "provision/envfile.h"

using namespace Qt::StringLiterals;

void EngineRun::findDeployment(const QString &deployment, std::function<void(const DiscoveredDeployment &)> next)
{
    auto *discovery = new Discovery(m_client, this);
    discovery->discover(this, orFail<Inventory>([this, deployment, next](Inventory inventory) {
                            const DiscoveredDeployment *found = inventory.find(deployment);
                            if (!found) {
                                fail(engineError(u"deployment_not_found"_s,
                                                 tr("The project has no deployment \"%1\".").arg(deployment))
                                             .advising(Advice::Kind::ListDeployments));
                                return;
                            }
                            next(*found);
                        }));
}

bool EngineRun::loadStoredPlan(const DiscoveredDeployment &found)
{
    const auto plan = m_store.plan(found.slug);
    if (!plan.ok()) {
        fail(plan.error());
        return false;
    }
    if (!plan.value()) {
        fail(engineError(u"deployment_unknown_here"_s,
                         tr("This computer has no record of the deployment \"%1\": its servers' host keys are "
                            "pinned on the computer that deployed it, and connecting without them would mean "
                            "trusting whoever answers. Manage it from that computer.")
                                 .arg(found.domain.isEmpty() ? found.slug : found.domain)));
        return false;
    }
    m_state.plan = *plan.value();
    setOutcomeDeployment();
    if (found.web) {
        m_state.web.id = found.web->id;
        m_state.web.name = found.web->name;
        m_state.web.ipv4 = found.web->publicIpv4;
        if (!found.web->privateIp.isEmpty())
            m_state.web.privateNet.append(
                    {found.networks.isEmpty() ? 0 : found.networks.first().id, found.web->privateIp});
        m_outcome.webAddress = m_state.web.ipv4;
    }
    for (const DiscoveredServer &bridge : found.bridges) {
        if (bridge.bridgeNumber <= 0)
            continue;
        hcloud::Server server;
        server.id = bridge.id;
        server.name = bridge.name;
        server.ipv4 = bridge.publicIpv4;
        server.serverType = bridge.serverType;
        server.location = bridge.location;
        if (!bridge.privateIp.isEmpty())
            server.privateNet.append({found.networks.isEmpty() ? 0 : found.networks.first().id, bridge.privateIp});
        m_state.bridges.insert(bridge.bridgeNumber, server);
    }
    for (const DiscoveredFirewall &firewall : found.firewalls) {
        if (firewall.role == QLatin1String(DeploymentLabels::webRole))
            m_state.base.webFirewall.id = firewall.id;
    }
    if (!found.networks.isEmpty())
        m_state.base.network.id = found.networks.first().id;
    return true;
}

void EngineRun::prepare(const DiscoveredDeployment &found, std::function<void()> next)
{
    auto *recovery = new HostKeyRecovery(m_settings, m_store, this);
    recovery->recover(
            found, orFail<QStringList>([this, found, next, recovery](QStringList pinned) {
                recovery->deleteLater();
                if (!pinned.isEmpty())
                    warn(tr("This computer had no host keys for %1; they were checked against the servers' labels or "
                            "your confirmation and pinned here.")
                                 .arg(pinned.join(u", "_s)));
                const auto plan = m_store.plan(found.slug);
                if (!plan.ok())
                    return fail(plan.error());
                if (plan.value()) {
                    if (loadStoredPlan(found))
                        next();
                    return;
                }
                recoverPlan(found, next);
            }));
}

void EngineRun::recoverPlan(const DiscoveredDeployment &found, std::function<void()> next)
{
    if (!found.web || found.domain.isEmpty()) {
        loadStoredPlan(found); // fails with "deployment_unknown_here"
        return;
    }
    m_state.web.id = found.web->id;
    m_state.web.name = found.web->name;
    m_state.web.ipv4 = found.web->publicIpv4;
    m_state.plan.domain = found.domain; // the slug for the pinned connection; the rest comes from the web host
    HostConnection *web = connectionFor(found.web->name, HostRole::Web, found.web->publicIpv4);
    web->open(orFail<void>([this, web, found, next]() {
        web->agent()->readFile(EnvFile::remotePath(), orFail<QByteArray>([this, web, found, next](QByteArray env) {
                                   web->agent()->readFile(PlanRecovery::authorizedKeysPath(),
                                                          orFail<QByteArray>([this, found, env, next](QByteArray keys) {
                                                              const auto plan = PlanRecovery::rebuild(found, env, keys);
                                                              if (!plan.ok())
                                                                  return fail(plan.error());
                                                              if (auto saved = m_store.setPlan(plan.value());
                                                                  !saved.ok())
                                                                  return fail(saved.error());
                                                              warn(tr("This computer had no record of %1; its settings "
                                                                      "were read from the project and "
                                                                      "the web host and saved here.")
                                                                           .arg(found.domain));
                                                              if (loadStoredPlan(found))
                                                                  next();
                                                          }));
                               }));
    }));
}

void EngineRun::loadSecrets(WhenMissing whenMissing, std::function<void()> next)
{
    m_secretStore.load(slug(), this,
                       orFail<std::optional<DeploymentSecrets>>(
                               [this, whenMissing, next](std::optional<DeploymentSecrets> loaded) {
                                   if (loaded) {
                                       m_state.secrets = *loaded;
                                       Redactor::instance().addSecret(m_state.secrets.jvbSecret);
                                       Redactor::instance().addSecret(m_state.secrets.focusPassword);
                                       next();
                                       return;
                                   }
                                   if (whenMissing == WhenMissing::Generate)
                                       generateSecrets(next);
                                   else
                                       secretsFromWebHost(whenMissing == WhenMissing::FromWebHostElseGenerate, next);
                               }));
}

void EngineRun::generateSecrets(std::function<void()> next)
{
    // Generated once per deployment and saved before any server can know them, so a re-run finds the same.
    m_state.secrets = DeploymentSecrets::generate();
    Redactor::instance().addSecret(m_state.secrets.jvbSecret);
    Redactor::instance().addSecret(m_state.secrets.focusPassword);
    m_secretStore.save(slug(), m_state.secrets, this, orFail<void>([this, next]() { next(); }));
}

void EngineRun::secretsFromWebHost(bool generateIfAbsent, std::function<void()> next)
{
    // The secret store lost them (another user account, a reinstalled system, a deleted store): the web host's
    // env file has them, and it is read over the pinned session only.
    HostConnection *web = connectionFor(m_state.web.name, HostRole::Web, m_state.web.ipv4);
    web->open(orFail<void>([this, web, generateIfAbsent, next]() {
        web->agent()->readFile(EnvFile::remotePath(), [this, web, generateIfAbsent, next](Result<QByteArray> env) {
            if (m_done)
                return;
            if (!env.ok() && env.error().code == u"file_not_found"_s && generateIfAbsent) {
                // No passwords on the web host: new ones are safe only if no install step has run there yet (a first
                // run stopped before the upload). Steps already done would keep the old ones and be skipped.
                web->agent()->readFile(InstallBundle::statePath(), [this, next](Result<QByteArray> state) {
                    if (m_done)
                        return;
                    if (!state.ok() && state.error().code == u"file_not_found"_s) {
                        generateSecrets(next);
                        return;
                    }
                    fail(engineError(u"secrets_missing"_s,
                                     tr("The deployment's passwords are neither in this computer's secret store (%2) "
                                        "nor on its web host %1, which has already been set up with them. Destroy "
                                        "the deployment and deploy it again.")
                                             .arg(m_state.web.name, m_secretStore.store().description()),
                                     state.ok() ? QString() : state.error().detail));
                });
                return;
            }
            const Result<QHash<QString, QString>> values
                    = env.ok() ? EnvFile::parse(env.value()) : Result<QHash<QString, QString>>(env.error());
            if (values.ok()) {
                m_state.secrets.jvbSecret = values->value(u"JD_JVB_SECRET"_s);
                m_state.secrets.focusPassword = values->value(u"JD_FOCUS_PASSWORD"_s);
            }
            if (!values.ok() || !DeploymentSecrets::validateSecret(m_state.secrets.jvbSecret).ok()
                || !DeploymentSecrets::validateSecret(m_state.secrets.focusPassword).ok()) {
                fail(engineError(u"secrets_missing"_s,
                                 tr("The deployment's passwords are neither in this computer's secret store (%2) nor "
                                    "on its web host %1. Deploy it again from its plan file to restore them.")
                                         .arg(m_state.web.name, m_secretStore.store().description()),
                                 values.ok() ? QString() : values.error().detail));
                return;
            }
            Redactor::instance().addSecret(m_state.secrets.jvbSecret);
            Redactor::instance().addSecret(m_state.secrets.focusPassword);
            warn(tr("The deployment's passwords were missing from this computer's secret store (%1); they were read "
                    "from the web host over its pinned SSH connection and saved again.")
                         .arg(m_secretStore.store().description()));
            m_secretStore.save(slug(), m_state.secrets, this, orFail<void>([this, next]() { next(); }));
        });
    }));
}

// verify and readHealth: the deployment with its web host, this computer's state recovered first when it has none
// (host keys, plan), and every bridge named in the outcome; then `next`.
void EngineRun::withRunningDeployment(const QString &deployment, std::function<void()> next)
{
    findDeployment(deployment, [this, next](const DiscoveredDeployment &found) {
        if (!found.web) {
            fail(engineError(u"no_web_host"_s,
                             tr("The deployment has no web host. Deploy it again with its plan to repair it.")));
            return;
        }
        prepare(found, [this, next] {
            for (const hcloud::Server &bridge : std::as_const(m_state.bridges))
                m_outcome.bridges.append(bridge.name);
            next();
        });
    });
}
