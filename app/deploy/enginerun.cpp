#include "enginerun.h"

#include "common/redactor.h"
#include "deploy/accountoperation.h"
#include "deploy/bridgeremoval.h"
#include "deploy/convergeoperation.h"
#include "deploy/deploymentdnsrecords.h"
#include "deploy/deploymentlabels.h"
#include "deploy/dnscheck.h"
#include "deploy/healthstage.h"
#include "deploy/hostkeyrecovery.h"
#include "deploy/planrecovery.h"
#include "deploy/serverlabeller.h"
#include "deploy/taskrunner.h"
#include "deploy/updateoperation.h"
#include "deploy/verificationstage.h"
#include "deploy/versionpin.h"
#include "provision/envfile.h"
#include "provision/installbundle.h"
#include "ssh/sshpublickey.h"

using namespace Qt::StringLiterals;

EngineRun::EngineRun(hcloud::HetznerClient *client, const EngineSettings &settings, Emit emitEvent, Finished finished,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_settings(settings)
    , m_store(settings.storeDirectory)
    , m_secretStore(settings.secrets)
    , m_emit(std::move(emitEvent))
    , m_finished(std::move(finished))
{ }

// ---- plumbing -----------------------------------------------------------------------------------------------

void EngineRun::phase(Phase name, const QString &message)
{
    m_emit(EngineEvent::phaseChanged(name, message));
}

void EngineRun::warn(const QString &message, const Advice &advice)
{
    m_emit(EngineEvent::warning(Redactor::instance().redact(message), advice));
}

void EngineRun::fail(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    m_finished(error);
}

void EngineRun::succeed()
{
    if (m_done)
        return;
    if (!m_state.clearSetUpPending)
        return finishSucceeded();
    // Installed and verified: the servers lose their set-up label, so no computer shows the run as interrupted.
    m_state.clearSetUpPending = false;
    QList<qint64> servers;
    if (m_state.web.id != 0)
        servers.append(m_state.web.id);
    for (const hcloud::Server &bridge : std::as_const(m_state.bridges))
        servers.append(bridge.id);
    auto remaining = std::make_shared<int>(int(servers.size()));
    if (servers.isEmpty())
        return finishSucceeded();
    // The web server also says who may open a meeting, as the install just configured it (the Manage page reads it).
    const QString access = DeploymentPlan::meetingAccessName(m_state.plan.options.meetingAccess);
    const qint64 webId = m_state.web.id;
    for (qint64 id : std::as_const(servers)) {
        labeller()->change(
                id,
                [id, webId, access](hcloud::Labels labels) {
                    labels = DeploymentLabels::withSetUpPending(labels, false);
                    return id == webId ? DeploymentLabels::withMeetingAccess(labels, access) : labels;
                },
                [this, remaining](Result<void> changed) {
                    if (m_done)
                        return;
                    if (!changed.ok())
                        warn(tr("A server's set-up label could not be removed (%1); the deployment may show as "
                                "interrupted until the next run.")
                                     .arg(changed.error().message));
                    if (--*remaining == 0)
                        finishSucceeded();
                });
    }
}

ServerLabeller *EngineRun::labeller()
{
    if (!m_labeller)
        m_labeller = new ServerLabeller(m_client, this);
    return m_labeller;
}

void EngineRun::labelHostKey(const QString &serverName, const QString &publicKey, HostConnection::Done done)
{
    qint64 id = m_state.web.name == serverName ? m_state.web.id : 0;
    for (const hcloud::Server &bridge : std::as_const(m_state.bridges)) {
        if (bridge.name == serverName)
            id = bridge.id;
    }
    const auto key = SshPublicKey::fromLine(publicKey);
    const QString value = key.ok() ? DeploymentLabels::hostKeyLabelValue(key->sha256Fingerprint()) : QString();
    if (id == 0 || value.isEmpty()) {
        done({});
        return;
    }
    labeller()->change(
            id,
            [value](hcloud::Labels labels) {
                labels.insert(QString::fromLatin1(DeploymentLabels::hostKeyKey), value);
                return labels;
            },
            [this, serverName, done](Result<void> labelled) {
                // Without the label another computer asks the user to confirm the key instead: worth a warning,
                // not a failed run.
                if (!labelled.ok() && !m_done)
                    warn(tr("The host-key label of %1 could not be set (%2); another computer will ask to confirm "
                            "its key.")
                                 .arg(serverName, labelled.error().message));
                done({});
            });
}

void EngineRun::finishSucceeded()
{
    if (m_done)
        return;
    m_done = true;
    phase(Phase::Done, tr("Done."));
    m_finished(m_outcome);
}

void EngineRun::continueWithoutDns()
{
    if (m_done)
        return;
    // The operation's CertificateTask owns the check while it publishes and waits; at most one exists.
    for (DnsCheck *dns : findChildren<DnsCheck *>())
        dns->stopWaiting();
}

void EngineRun::askDrainChoice(const DrainQuestion &question, std::function<void(DrainChoice)> answer)
{
    if (m_settings.drainChoice) { // decided beforehand (CLI --force)
        const DrainChoice preset = *m_settings.drainChoice;
        QMetaObject::invokeMethod(
                this, [answer, preset] { answer(preset); }, Qt::QueuedConnection);
        return;
    }
    m_drainAnswer = std::move(answer);
    if (m_drainAsk)
        m_drainAsk(question);
    else
        answerDrainChoice(DrainChoice::Stop); // nobody to ask: never delete or restart a bridge unasked
}

void EngineRun::answerDrainChoice(DrainChoice choice)
{
    if (auto answer = std::exchange(m_drainAnswer, {}); answer && !m_done)
        QMetaObject::invokeMethod(
                this, [answer, choice] { answer(choice); }, Qt::QueuedConnection);
}

void EngineRun::cancel()
{
    if (m_done)
        return;
    m_done = true; // nothing else finishes this run from now on
    m_drainAnswer = {};
    const Error cancelled
            = engineError(u"cancelled"_s, tr("Cancelled. What was created stays: continue where it stopped, or "
                                             "destroy the deployment to remove it."))
                      .advising(Advice::Kind::RetrySameOperation);
    if (auto cleanup = std::exchange(m_cancelCleanup, {})) {
        cleanup([this, cancelled] { m_finished(cancelled); });
        return;
    }
    // From the event loop: cancel() returns to its caller (a Cancel button's slot, a Ctrl-C handler) first, and
    // the teardown that follows finished() (this run and its SSH sessions) never runs inside that call.
    QMetaObject::invokeMethod(
            this, [this, cancelled] { m_finished(cancelled); }, Qt::QueuedConnection);
}

void EngineRun::setOutcomeDeployment()
{
    m_outcome.slug = m_state.plan.slug();
    m_outcome.domain = m_state.plan.domain;
    m_outcome.meetingUrl = u"https://%1/"_s.arg(m_state.plan.domain);
}

void EngineRun::dropConnection(const QString &name)
{
    if (HostConnection *connection = m_connections.take(name))
        connection->deleteLater();
}

void EngineRun::verifyBridges()
{
    (new VerificationStage(*this, this))->start();
}

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

HostConnection *EngineRun::connectionFor(const QString &name, HostRole role, const QString &address)
{
    if (HostConnection *existing = m_connections.value(name))
        return existing;
    HostEndpoint endpoint;
    endpoint.serverName = name;
    endpoint.role = role;
    endpoint.address = address;
    const QString deployment = slug();
    // A damaged state file was reported when the operation read it; here it only means "no pin", a refusal.
    const auto stored = m_store.hostKeys(deployment);
    auto *connection = new HostConnection(
            m_settings.hosts, endpoint, stored.ok() ? stored.value().value(name) : DeploymentStore::HostKeys{},
            [this, deployment, name](const DeploymentStore::HostKeys &keys, HostConnection::Done saved) {
                if (!keys.rotated || !keys.pending.isEmpty()) {
                    m_store.setHostKeysInBackground(deployment, name, keys, this, std::move(saved));
                    return;
                }
                // A rotation proven: the server's label names the new key, for managing it from another computer.
                m_store.setHostKeysInBackground(deployment, name, keys, this,
                                                [this, name, key = keys.pinned, saved](Result<void> stored) {
                                                    if (!stored.ok())
                                                        return saved(stored);
                                                    labelHostKey(name, key, saved);
                                                });
            },
            m_settings.bootTimeoutMs, this);
    connect(connection, &HostConnection::waiting, this,
            [this, name](WaitReason reason, const QString &message, int elapsedSeconds) {
                if (m_done)
                    return;
                EngineEvent e = EngineEvent::hostWaiting(name, reason, message);
                e.elapsedSeconds = elapsedSeconds;
                m_emit(e);
            });
    m_connections.insert(name, connection);
    return connection;
}

void EngineRun::runTask(HostConnection *connection, HostRole role, ProvisionTask task, const QList<InstallFile> &files,
                        std::function<void(Result<void>)> done)
{
    auto *runner = new TaskRunner(connection->agent(), connection->serverName(), role, this);
    connect(runner, &TaskRunner::event, this, [this](const EngineEvent &e) {
        if (!m_done)
            m_emit(e);
    });
    runner->run(task, files, m_settings.installTimeoutMs, [this, runner, done](Result<void> result) {
        runner->deleteLater();
        if (m_done)
            return;
        done(result);
    });
}

Result<QByteArray> EngineRun::envFile(HostRole role, const QString &name, int number, bool packagesOnly)
{
    HostInputs inputs;
    inputs.role = role;
    inputs.serverName = name;
    inputs.bridgeNumber = number;
    inputs.webPublicIp = m_state.web.ipv4;
    inputs.acmeDirectoryUrl = m_state.plan.options.acmeDirectoryUrl;
    if (role == HostRole::Web) {
        inputs.webPrivateIp = webPrivateIp();
        inputs.bridgeAddresses = bridgeAddresses();
    } else {
        // Same network zone: prosody over the private network; else over public 5222 (DESIGN.md §4).
        inputs.webPrivateIp = onWebNetwork(m_state.bridges.value(number)) ? webPrivateIp() : QString();
        inputs.prosodyAuthCertificate = m_state.prosodyCertificate;
        inputs.phase = packagesOnly ? u"packages"_s : u"all"_s;
        inputs.jvbVersion = m_state.jvbVersion;
    }
    return EnvFile::render(planByNumber(), m_state.secrets, inputs);
}

Result<QList<InstallFile>> EngineRun::installFiles(HostRole role, const QString &name, int number, bool packagesOnly)
{
    auto env = envFile(role, name, number, packagesOnly);
    if (!env.ok())
        return env.error();
    QList<InstallFile> files = InstallBundle::forRole(role).files();
    files.append(InstallFile{EnvFile::remotePath(), env.value(), EnvFile::unixMode});
    return files;
}

DeploymentPlan EngineRun::planByNumber() const
{
    // The renderers read bridge n as plan.bridges[n - 1]; after removals the numbers have gaps, which are
    // filled with a bridge's own spec so the set of locations (multi-location settings) stays what it is.
    QMap<int, HostSpec> specs = m_state.wanted;
    for (auto it = m_state.bridges.cbegin(); it != m_state.bridges.cend(); ++it)
        specs.insert(it.key(), HostSpec{it->serverType, it->location});
    DeploymentPlan plan = m_state.plan;
    if (specs.isEmpty())
        return plan;
    plan.bridges.clear();
    for (int n = 1; n <= specs.lastKey(); ++n)
        plan.bridges.append(specs.value(n, specs.first()));
    return plan;
}

QStringList EngineRun::bridgeAddresses() const
{
    // Both addresses of each bridge: it reaches 5222 from its private address over the network, else publicly.
    QStringList addresses;
    for (const hcloud::Server &bridge : m_state.bridges) {
        if (!bridge.ipv4.isEmpty())
            addresses.append(bridge.ipv4);
        for (const hcloud::PrivateNet &net : bridge.privateNet)
            addresses.append(net.ip);
    }
    return addresses;
}

QString EngineRun::webPrivateIp() const
{
    for (const hcloud::PrivateNet &net : m_state.web.privateNet) {
        if (m_state.base.network.id == 0 || net.network == m_state.base.network.id)
            return net.ip;
    }
    return {};
}

bool EngineRun::onWebNetwork(const hcloud::Server &bridge) const
{
    for (const hcloud::PrivateNet &net : bridge.privateNet) {
        if (m_state.base.network.id == 0 || net.network == m_state.base.network.id)
            return !webPrivateIp().isEmpty();
    }
    return false;
}

// ---- the operations ---------------------------------------------------------------------------------------

void EngineRun::deploy(const DeploymentPlan &plan)
{
    (new ConvergeOperation(*this, this))->deploy(plan);
}

void EngineRun::addBridges(const QString &deployment, int count, const HostSpec &spec)
{
    if (count < 1 || count > DeploymentPlan::maxBridges) {
        fail(Error{u"input"_s,
                   u"invalid_count"_s,
                   tr("The number of bridges to add must be between 1 and %1.").arg(DeploymentPlan::maxBridges),
                   {},
                   {},
                   0});
        return;
    }
    findDeployment(deployment, [this, count, spec](const DiscoveredDeployment &found) {
        prepare(found, [this, found, count, spec] {
            // The new bridges run the version the others run (VersionPin), checked before anything is created.
            (new VersionPin(*this, this))->pin([this, found, count, spec] {
                (new ConvergeOperation(*this, this))->addBridges(found, count, spec);
            });
        });
    });
}

void EngineRun::removeBridge(const QString &deployment, const QString &serverName)
{
    findDeployment(deployment, [this, serverName](const DiscoveredDeployment &found) {
        prepare(found, [this, found, serverName] { (new BridgeRemoval(*this, this))->remove(found, serverName); });
    });
}

// ---- verify and destroy ------------------------------------------------------------------------------------

void EngineRun::verify(const QString &deployment)
{
    withRunningDeployment(deployment, [this] {
        m_settings.verifyTimeoutMs = 0; // a verify on request judges what is there now
        verifyBridges();
    });
}

void EngineRun::readHealth(const QString &deployment)
{
    withRunningDeployment(deployment, [this] { (new HealthStage(*this, this))->start(); });
}

void EngineRun::manageAccounts(const QString &deployment, const AccountRequest &request)
{
    if (auto valid = request.validate(); !valid.ok())
        return fail(valid.error());
    if (request.action == AccountRequest::Action::Add)
        Redactor::instance().addSecret(request.password); // before anything could echo it
    withRunningDeployment(deployment, [this, request] { (new AccountOperation(*this, this))->start(request); });
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

// ---- destroy --------------------------------------------------------------------------------------------------

void EngineRun::update(const QString &deployment)
{
    findDeployment(deployment, [this](const DiscoveredDeployment &found) {
        // Like add-bridge: a computer without the deployment's state recovers it (host keys, plan) first.
        prepare(found, [this, found] { (new UpdateOperation(*this, this))->update(found); });
    });
}

void EngineRun::destroy(const QString &deployment)
{
    findDeployment(deployment, [this](const DiscoveredDeployment &found) {
        const QString slug = found.slug;
        m_outcome.slug = slug;
        m_outcome.domain = found.domain;
        phase(Phase::Delete, tr("Deleting every resource of the deployment…"));
        m_state.cloud = new CloudResources(m_client, DeploymentLabels(slug, found.domain), this);
        auto deleted = [this](const QString &resource) {
            if (m_done)
                return;
            m_emit(EngineEvent::resourceChanged(resource, ResourceState::Deleted));
        };
        // The plan (kept on this computer) names the SSH key; without it the key stays, which costs nothing.
        const auto plan = m_store.plan(slug);
        const QString publicKey = plan.ok() && plan.value() ? plan.value()->sshPublicKey : QString();
        // The DNS records it created go first: when that fails everything else is still there, so the deployment
        // is still found and a second destroy finishes the job.
        auto *dns = new DeploymentDnsRecords(m_client, slug, this);
        dns->find(orFail<QList<DeploymentDnsRecord>>([this, dns, slug, publicKey,
                                                      deleted](const QList<DeploymentDnsRecord> &records) {
            const auto recordDeleted = [deleted](const DeploymentDnsRecord &record) {
                deleted(u"dns_record %1 %2"_s.arg(record.fqdn(), record.type));
            };
            dns->remove(records, recordDeleted, orFail<void>([this, slug, publicKey, deleted]() {
                            m_state.cloud->destroyAll(
                                    deleted, orFail<void>([this, slug, publicKey, deleted]() {
                                        m_state.cloud->deleteUnusedSshKey(
                                                publicKey, [this, slug, deleted](Result<QString> key) {
                                                    if (m_done)
                                                        return;
                                                    if (!key.ok())
                                                        warn(key.error().message);
                                                    else if (!key.value().isEmpty())
                                                        deleted(u"ssh_key "_s + key.value());
                                                    if (auto removed = m_store.removeDeployment(slug); !removed.ok())
                                                        warn(removed.error().message);
                                                    m_secretStore.remove(slug, this, [this](Result<void> removed) {
                                                        if (m_done)
                                                            return;
                                                        if (!removed.ok())
                                                            warn(removed.error().message);
                                                        succeed();
                                                    });
                                                });
                                    }));
                        }));
        }));
    });
}
