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
