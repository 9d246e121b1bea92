#include "enginerun.h"

#include "common/redactor.h"
#include "deploy/deploymentlabels.h"
#include "deploy/dnscheck.h"
#include "deploy/evidencecollector.h"
#include "deploy/planpreview.h"
#include "deploy/taskrunner.h"
#include "provision/envfile.h"
#include "provision/installbundle.h"
#include "provision/userdatarenderer.h"
#include "ssh/hostkeys.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
Error engineError(const QString &code, const QString &message, const QString &detail = {})
{
    return Error{u"deploy"_s, code, message, detail, {}, 0};
}

} // namespace

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

void EngineRun::warn(const QString &message)
{
    m_emit(EngineEvent::warning(Redactor::instance().redact(message)));
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
    m_done = true;
    phase(Phase::Done, tr("Done."));
    m_finished(m_outcome);
}

void EngineRun::continueWithoutDns()
{
    if (!m_done && m_dnsCheck)
        m_dnsCheck->stopWaiting();
}

void EngineRun::cancel()
{
    if (m_done)
        return;
    m_done = true; // nothing else finishes this run from now on
    const Error cancelled
            = engineError(u"cancelled"_s, tr("Cancelled. What was created stays; run the same command again to "
                                             "continue where it stopped, or destroy the deployment to remove it."));
    // From the event loop: cancel() returns to its caller (a Cancel button's slot, a Ctrl-C handler) first, and
    // the teardown that follows finished() (this run and its SSH sessions) never runs inside that call.
    QMetaObject::invokeMethod(
            this, [this, cancelled] { m_finished(cancelled); }, Qt::QueuedConnection);
}

void EngineRun::findDeployment(const QString &deployment, std::function<void(const DiscoveredDeployment &)> next)
{
    auto *discovery = new Discovery(m_client, this);
    discovery->discover(
            this, orFail<Inventory>([this, deployment, next](Inventory inventory) {
                const DiscoveredDeployment *found = inventory.find(deployment);
                if (!found) {
                    fail(engineError(u"deployment_not_found"_s,
                                     tr("The project has no deployment \"%1\". `jitsi-deployer status` lists the "
                                        "deployments it has.")
                                             .arg(deployment)));
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
                            "trusting whoever answers. Run the command there.")
                                 .arg(found.domain.isEmpty() ? found.slug : found.domain)));
        return false;
    }
    m_plan = *plan.value();
    m_outcome.slug = m_plan.slug();
    m_outcome.domain = m_plan.domain;
    m_outcome.meetingUrl = u"https://%1/"_s.arg(m_plan.domain);
    if (found.web) {
        m_web.id = found.web->id;
        m_web.name = found.web->name;
        m_web.ipv4 = found.web->publicIpv4;
        if (!found.web->privateIp.isEmpty())
            m_web.privateNet.append({found.networks.isEmpty() ? 0 : found.networks.first().id, found.web->privateIp});
        m_outcome.webAddress = m_web.ipv4;
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
        m_bridges.insert(bridge.bridgeNumber, server);
    }
    for (const DiscoveredFirewall &firewall : found.firewalls) {
        if (firewall.role == QLatin1String(DeploymentLabels::webRole))
            m_base.webFirewall.id = firewall.id;
    }
    if (!found.networks.isEmpty())
        m_base.network.id = found.networks.first().id;
    return true;
}

void EngineRun::loadSecrets(WhenMissing whenMissing, std::function<void()> next)
{
    m_secretStore.load(slug(), this,
                       orFail<std::optional<DeploymentSecrets>>(
                               [this, whenMissing, next](std::optional<DeploymentSecrets> loaded) {
                                   if (loaded) {
                                       m_secrets = *loaded;
                                       Redactor::instance().addSecret(m_secrets.jvbSecret);
                                       Redactor::instance().addSecret(m_secrets.focusPassword);
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
    m_secrets = DeploymentSecrets::generate();
    Redactor::instance().addSecret(m_secrets.jvbSecret);
    Redactor::instance().addSecret(m_secrets.focusPassword);
    m_secretStore.save(slug(), m_secrets, this, orFail<void>([this, next]() { next(); }));
}

void EngineRun::secretsFromWebHost(bool generateIfAbsent, std::function<void()> next)
{
    // The secret store lost them (another user account, a reinstalled system, a deleted store): the web host's
    // env file has them, and it is read over the pinned session only.
    HostConnection *web = connectionFor(m_web.name, HostRole::Web, m_web.ipv4);
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
                                             .arg(m_web.name, m_secretStore.store().description()),
                                     state.ok() ? QString() : state.error().detail));
                });
                return;
            }
            const Result<QHash<QString, QString>> values
                    = env.ok() ? EnvFile::parse(env.value()) : Result<QHash<QString, QString>>(env.error());
            if (values.ok()) {
                m_secrets.jvbSecret = values->value(u"JD_JVB_SECRET"_s);
                m_secrets.focusPassword = values->value(u"JD_FOCUS_PASSWORD"_s);
            }
            if (!values.ok() || !DeploymentSecrets::validateSecret(m_secrets.jvbSecret).ok()
                || !DeploymentSecrets::validateSecret(m_secrets.focusPassword).ok()) {
                fail(engineError(u"secrets_missing"_s,
                                 tr("The deployment's passwords are neither in this computer's secret store (%2) nor "
                                    "on its web host %1. Deploy it again from its plan file to restore them.")
                                         .arg(m_web.name, m_secretStore.store().description()),
                                 values.ok() ? QString() : values.error().detail));
                return;
            }
            Redactor::instance().addSecret(m_secrets.jvbSecret);
            Redactor::instance().addSecret(m_secrets.focusPassword);
            warn(tr("The deployment's passwords were missing from this computer's secret store (%1); they were read "
                    "from the web host over its pinned SSH connection and saved again.")
                         .arg(m_secretStore.store().description()));
            m_secretStore.save(slug(), m_secrets, this, orFail<void>([this, next]() { next(); }));
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
            [this, deployment, name](const DeploymentStore::HostKeys &keys) {
                return m_store.setHostKeys(deployment, name, keys);
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

// ---- deploy and add-bridge -----------------------------------------------------------------------------------

void EngineRun::deploy(const DeploymentPlan &plan)
{
    if (auto valid = plan.validate(); !valid.ok()) {
        fail(valid.error());
        return;
    }
    m_plan = plan;
    QMap<int, HostSpec> wanted;
    for (int n = 1; n <= plan.bridges.size(); ++n)
        wanted.insert(n, plan.bridges[n - 1]);
    converge(wanted);
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
        if (!loadStoredPlan(found))
            return;
        if (!found.web) {
            fail(engineError(u"no_web_host"_s,
                             tr("The deployment has no web host. Run deploy with its plan file to repair it.")));
            return;
        }
        const int highest = m_bridges.isEmpty() ? 0 : m_bridges.lastKey();
        if (m_bridges.size() + count > DeploymentPlan::maxBridges) {
            fail(Error{u"input"_s,
                       u"too_many_bridges"_s,
                       tr("A deployment has at most %1 bridges; it has %2.")
                               .arg(DeploymentPlan::maxBridges)
                               .arg(m_bridges.size()),
                       {},
                       {},
                       0});
            return;
        }
        HostSpec like
                = m_bridges.isEmpty() ? m_plan.web : HostSpec{m_bridges.last().serverType, m_bridges.last().location};
        HostSpec chosen{spec.serverType.isEmpty() ? like.serverType : spec.serverType,
                        spec.location.isEmpty() ? like.location : spec.location};
        QMap<int, HostSpec> wanted;
        for (int n = highest + 1; n <= highest + count; ++n)
            wanted.insert(n, chosen);
        for (auto it = m_bridges.cbegin(); it != m_bridges.cend(); ++it)
            wanted.insert(it.key(), HostSpec{it->serverType, it->location});
        m_bridges.clear();
        m_withDnsAndCertificate = false;
        converge(wanted);
    });
}

void EngineRun::converge(const QMap<int, HostSpec> &wantedBridges)
{
    m_wanted = wantedBridges;
    m_plan.bridges = wantedBridges.values(); // what the plan check prices and the store remembers
    m_outcome.slug = m_plan.slug();
    m_outcome.domain = m_plan.domain;
    m_outcome.meetingUrl = u"https://%1/"_s.arg(m_plan.domain);
    m_cloud = new CloudResources(m_client, DeploymentLabels(m_plan), this);
    checkPlan();
}

void EngineRun::checkPlan()
{
    phase(Phase::Validate, tr("Checking the plan with Hetzner Cloud…"));
    const auto checked = [this](const PlanPreview::Check &check) {
        m_imageId = check.imageId;
        m_webZone = check.summary.networkZone;
        for (const PlanSummary::Server &server : check.summary.servers)
            m_zoneByLocation.insert(server.spec.location, server.networkZone);
        m_cloud->setLocations(check.locations);
        for (const QString &warning : check.summary.warnings)
            warn(warning);
        if (auto saved = m_store.setPlan(m_plan); !saved.ok())
            return fail(saved.error());
        createResources();
    };
    // The same check as `plan` and the wizard's Review page make (PlanPreview).
    (new PlanPreview(m_client, this))->preview(m_plan, orFail<PlanPreview::Check>(checked));
}

void EngineRun::createResources()
{
    phase(Phase::Resources, tr("Creating the network, firewalls and servers…"));
    m_cloud->listServers(orFail<QList<hcloud::Server>>([this](QList<hcloud::Server> existing) {
        // A web host that exists already holds the deployment's passwords; new ones would lock its bridges out.
        const auto web = std::find_if(existing.cbegin(), existing.cend(), [this](const hcloud::Server &server) {
            return server.name == m_plan.webServerName();
        });
        if (web == existing.cend()) {
            loadSecrets(WhenMissing::Generate, [this, existing] { createServers(existing); });
            return;
        }
        const auto keys = m_store.hostKeys(slug());
        if (!keys.ok() || keys->value(web->name).pinned.isEmpty()) {
            createServers(existing); // which refuses a server it has no pinned key for
            return;
        }
        m_web = *web;
        loadSecrets(WhenMissing::FromWebHostElseGenerate, [this, existing] { createServers(existing); });
    }));
}

void EngineRun::createServers(const QList<hcloud::Server> &existing)
{
    const DeploymentLabels labels(m_plan);
    const auto storedKeys = m_store.hostKeys(slug());
    if (!storedKeys.ok()) {
        fail(storedKeys.error());
        return;
    }
    const auto keys = storedKeys.value();
    QSet<QString> existingNames;
    for (const hcloud::Server &server : existing) {
        existingNames.insert(server.name);
        // Bridges outside the plan stay part of the deployment: removing one is remove-bridge's job.
        if (const auto n = labels.bridgeNumberFromName(server.name); n && !m_wanted.contains(*n)) {
            m_wanted.insert(*n, HostSpec{server.serverType, server.location});
            warn(tr("The bridge %1 is not in the plan; it is kept. Use remove-bridge to remove it.").arg(server.name));
        }
    }

    QList<CloudResources::ServerOrder> orders;
    auto order = [&](const QString &name, HostRole role, int number, const HostSpec &spec) -> bool {
        const bool onNetwork = role == HostRole::Web || m_zoneByLocation.value(spec.location) == m_webZone;
        CloudResources::ServerOrder o{name, role, number, spec, {}, onNetwork};
        if (existingNames.contains(name)) {
            if (keys.value(name).pinned.isEmpty()) {
                fail(engineError(u"host_key_unknown"_s,
                                 tr("The server %1 exists, but this computer does not know its host key, so it "
                                    "cannot be told apart from an impostor. Run the command on the computer that "
                                    "created it, or delete the server and run it again.")
                                         .arg(name)));
                return false;
            }
        } else {
            // A fresh host key per new server, pinned before the server exists (no trust on first use).
            auto pair = HostKeys::generate();
            if (!pair.ok()) {
                fail(pair.error());
                return false;
            }
            HostInputs inputs;
            inputs.role = role;
            inputs.serverName = name;
            inputs.bridgeNumber = number;
            inputs.hostKey = HostKeyText{u"ed25519"_s, QString::fromLatin1(pair->privateKey), pair->publicKey.line()};
            auto userData = UserDataRenderer::render(planByNumber(), inputs);
            if (!userData.ok()) {
                fail(userData.error());
                return false;
            }
            o.userData = userData.value();
            const DeploymentStore::HostKeys pinned{pair->publicKey.line(), {}, false};
            if (auto saved = m_store.setHostKeys(slug(), name, pinned); !saved.ok()) {
                fail(saved.error());
                return false;
            }
        }
        orders.append(o);
        return true;
    };
    if (!order(m_plan.webServerName(), HostRole::Web, 0, m_plan.web))
        return;
    for (auto it = m_wanted.cbegin(); it != m_wanted.cend(); ++it) {
        if (!order(m_plan.bridgeName(it.key()), HostRole::Bridge, it.key(), it.value()))
            return;
    }

    // Servers need the key and the network, not the firewalls (they apply by label selector): the servers are
    // created while the firewall actions finish, and no install starts before both are done.
    m_cloud->ensureBase(m_plan, {}, orFail<CloudResources::Base>([this, orders](CloudResources::Base base) {
                            m_base = base;
                            orderServers(orders);
                        }),
                        orFail<void>([this]() {
                            m_firewallsApplied = true;
                            startHostsWhenReady();
                        }));
}

void EngineRun::orderServers(const QList<CloudResources::ServerOrder> &orders)
{
    auto progress = [this](const QString &name, ResourceState state) {
        if (m_done)
            return;
        const EngineEvent e = EngineEvent::resourceChanged(u"server "_s + name, state, name);
        m_emit(e);
        if (state == ResourceState::Created && !m_outcome.createdThisRun.contains(e.resource))
            m_outcome.createdThisRun.append(e.resource);
    };
    m_cloud->createServers(
            orders, m_base, m_imageId, progress,
            orFail<QList<hcloud::Server>>([this](QList<hcloud::Server> servers) { adoptServers(servers); }));
}

void EngineRun::adoptServers(const QList<hcloud::Server> &servers)
{
    const DeploymentLabels labels(m_plan);
    for (const hcloud::Server &server : servers) {
        if (server.name == m_plan.webServerName())
            m_web = server;
        else if (const auto n = labels.bridgeNumberFromName(server.name))
            m_bridges.insert(*n, server);
    }
    m_outcome.webAddress = m_web.ipv4;
    m_outcome.bridges.clear();
    for (const hcloud::Server &bridge : std::as_const(m_bridges))
        m_outcome.bridges.append(bridge.name);
    // 5222 on the web host's Hetzner firewall: from exactly the bridges that exist now.
    QStringList publicAddresses;
    for (const hcloud::Server &bridge : std::as_const(m_bridges))
        publicAddresses.append(bridge.ipv4);
    // Only a bridge's last phase needs it, so the hosts start installing meanwhile.
    m_cloud->setBridgeAllowList(m_plan, m_base.webFirewall.id, publicAddresses, orFail<void>([this]() {
                                    m_allowListSet = true;
                                    releaseBridges();
                                }));
    m_serversReady = true;
    if (m_withDnsAndCertificate)
        startDns();
    else
        m_dnsDone = true;
    startHostsWhenReady();
}

void EngineRun::startHostsWhenReady()
{
    if (m_serversReady && m_firewallsApplied && !m_hostsStarted) {
        m_hostsStarted = true;
        provisionHosts();
    }
}

void EngineRun::releaseBridges()
{
    if ((m_webReady && m_allowListSet) || m_webFailed) {
        for (const auto &waiting : std::exchange(m_waitingForWeb, {}))
            waiting();
    }
}

void EngineRun::startDns()
{
    auto *dns = new DnsCheck(m_client, this);
    m_dnsCheck = dns;
    if (!m_settings.dnsNameserver.isNull())
        dns->setNameserver(m_settings.dnsNameserver);
    dns->setPollIntervalMs(m_settings.dnsPollIntervalMs);
    const QList<DnsRecord> records = DnsCheck::requiredRecords(m_plan.domain, m_web.ipv4, m_web.ipv6Address());
    m_outcome.dnsRecords = records;
    dns->publish(records, [this, dns, records](Result<bool> published) {
        if (m_done)
            return;
        const bool created = published.ok() && published.value();
        m_emit(EngineEvent::dnsRecords(
                records, created ? DnsPublication::Created : DnsPublication::Manual,
                created ? tr("The DNS records were created in the project's zone.")
                        : tr("Create these DNS records at your DNS provider; the certificate follows once they "
                             "resolve.")));
        if (!published.ok())
            warn(published.error().message);
        dns->waitForResolution(
                records, m_settings.dnsTimeoutMs,
                [this](const DnsCheckProgress &round) {
                    if (m_done)
                        return;
                    m_emit(EngineEvent::dnsCheckRound(round));
                },
                [this](Result<void> resolved) {
                    if (m_done)
                        return;
                    m_outcome.dnsReady = resolved.ok();
                    if (!resolved.ok())
                        warn(resolved.error().message
                             + tr(" The web host keeps its self-signed certificate for now; run the same command again "
                                  "once DNS resolves to get the Let's Encrypt certificate."));
                    m_dnsDone = true;
                    startCertificateWhenReady();
                });
    });
}

void EngineRun::provisionHosts()
{
    phase(Phase::Hosts, tr("Installing %n host(s) in parallel…", nullptr, int(1 + m_bridges.size())));
    m_hostsRunning = 1 + int(m_bridges.size());
    provisionWeb();
    for (auto it = m_bridges.cbegin(); it != m_bridges.cend(); ++it)
        provisionBridge(it.key());
}

void EngineRun::provisionWeb()
{
    HostConnection *web = connectionFor(m_web.name, HostRole::Web, m_web.ipv4);
    auto failWeb = [this](const Error &error) {
        m_webFailed = true;
        releaseBridges();
        hostFinished(error);
    };
    web->open([this, web, failWeb](Result<void> opened) {
        if (m_done)
            return;
        if (!opened.ok()) {
            failWeb(opened.error());
            return;
        }
        auto files = installFiles(HostRole::Web, m_web.name, 0, false);
        if (!files.ok()) {
            failWeb(files.error());
            return;
        }
        runTask(web, HostRole::Web, ProvisionTask::Install, files.value(), [this, web, failWeb](Result<void> done) {
            if (!done.ok()) {
                failWeb(done.error());
                return;
            }
            // Bridges trust prosody's own certificate for auth.<domain> instead of disabling verification.
            const QString path = InstallBundle::prosodyAuthCertificatePath(m_plan.domain);
            web->agent()->readFile(path, [this, failWeb](Result<QByteArray> certificate) {
                if (m_done)
                    return;
                if (!certificate.ok()) {
                    failWeb(certificate.error());
                    return;
                }
                m_prosodyCertificate = QString::fromUtf8(certificate.value());
                m_webReady = true;
                releaseBridges();
                startCertificateWhenReady();
                hostFinished({});
            });
        });
    });
}

void EngineRun::provisionBridge(int number)
{
    const hcloud::Server server = m_bridges.value(number);
    HostConnection *bridge = connectionFor(server.name, HostRole::Bridge, server.ipv4);
    bridge->open([this, bridge, number, server](Result<void> opened) {
        if (m_done)
            return;
        if (!opened.ok()) {
            hostFinished(opened.error());
            return;
        }
        // Phase 1 needs nothing from the web host: the slow package install runs while the web host installs.
        auto packages = installFiles(HostRole::Bridge, server.name, number, true);
        if (!packages.ok()) {
            hostFinished(packages.error());
            return;
        }
        runTask(bridge, HostRole::Bridge, ProvisionTask::Install, packages.value(),
                [this, bridge, number, server](Result<void> phaseOne) {
                    if (!phaseOne.ok()) {
                        hostFinished(phaseOne.error());
                        return;
                    }
                    whenWebReady(server.name,
                                 [this, bridge, number, server] { configureBridge(bridge, number, server); });
                });
    });
}

void EngineRun::configureBridge(HostConnection *bridge, int number, const hcloud::Server &server)
{
    if (m_webFailed) {
        hostFinished(engineError(u"web_host_failed"_s,
                                 tr("%1 waits for the web host, whose install failed.").arg(server.name)));
        return;
    }
    auto env = envFile(HostRole::Bridge, server.name, number, false);
    if (!env.ok()) {
        hostFinished(env.error());
        return;
    }
    const InstallFile envFile{EnvFile::remotePath(), env.value(), EnvFile::unixMode};
    runTask(bridge, HostRole::Bridge, ProvisionTask::Install, {envFile},
            [this](Result<void> done) { hostFinished(done); });
}

void EngineRun::whenWebReady(const QString &bridge, std::function<void()> next)
{
    m_waitingForWeb.append(std::move(next));
    if (!m_webFailed && (!m_webReady || !m_allowListSet)) {
        // Its packages are in; joining prosody needs the web host's certificate and the 5222 allow-list.
        m_emit(EngineEvent::hostWaiting(bridge, WaitReason::WebHost,
                                        m_webReady ? tr("waiting for the web host's firewall to allow it")
                                                   : tr("waiting for the web host's install to finish")));
    }
    releaseBridges();
}

void EngineRun::hostFinished(const Result<void> &result)
{
    if (m_done)
        return;
    if (!result.ok() && !m_hostError)
        m_hostError = result.error();
    if (--m_hostsRunning > 0)
        return;
    if (m_hostError) {
        fail(*m_hostError);
        return;
    }
    m_hostsDone = true;
    if (!m_dnsDone)
        phase(Phase::Dns, tr("Waiting for DNS to point %1 at the web host…").arg(m_plan.domain));
    else if (m_certificate == CertificateStep::Running)
        phase(Phase::Certificate, tr("Waiting for the Let's Encrypt certificate for %1…").arg(m_plan.domain));
    verifyWhenReady();
}

void EngineRun::startCertificateWhenReady()
{
    // A run that already failed on a host starts nothing new.
    if (m_certificate != CertificateStep::Waiting || !m_webReady || !m_dnsDone || m_hostError)
        return;
    if (!m_outcome.dnsReady) {
        m_certificate = CertificateStep::Done;
        verifyWhenReady();
        return;
    }
    m_certificate = CertificateStep::Running;
    // While bridges still install, the web host's own steps show it; afterwards it is what the run waits for.
    if (m_hostsDone)
        phase(Phase::Certificate, tr("Getting a Let's Encrypt certificate for %1…").arg(m_plan.domain));
    runTask(m_connections.value(m_web.name), HostRole::Web, ProvisionTask::Certificate, {}, [this](Result<void> done) {
        if (!done.ok()) {
            // The meeting works with the self-signed certificate; a failed certificate is not a failed deployment.
            warn(done.error().message);
        }
        m_certificate = CertificateStep::Done;
        verifyWhenReady();
    });
}

void EngineRun::verifyWhenReady()
{
    if (m_hostsDone && m_certificate == CertificateStep::Done && !m_verifyStarted) {
        m_verifyStarted = true;
        verifyBridges();
    }
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
    inputs.webPublicIp = m_web.ipv4;
    inputs.acmeDirectoryUrl = m_plan.options.acmeDirectoryUrl;
    if (role == HostRole::Web) {
        inputs.webPrivateIp = webPrivateIp();
        inputs.bridgeAddresses = bridgeAddresses();
    } else {
        // Same network zone: prosody over the private network; else over public 5222 (DESIGN.md §4).
        inputs.webPrivateIp = onWebNetwork(m_bridges.value(number)) ? webPrivateIp() : QString();
        inputs.prosodyAuthCertificate = m_prosodyCertificate;
        inputs.phase = packagesOnly ? u"packages"_s : u"all"_s;
    }
    return EnvFile::render(planByNumber(), m_secrets, inputs);
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
    QMap<int, HostSpec> specs = m_wanted;
    for (auto it = m_bridges.cbegin(); it != m_bridges.cend(); ++it)
        specs.insert(it.key(), HostSpec{it->serverType, it->location});
    DeploymentPlan plan = m_plan;
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
    for (const hcloud::Server &bridge : m_bridges) {
        if (!bridge.ipv4.isEmpty())
            addresses.append(bridge.ipv4);
        for (const hcloud::PrivateNet &net : bridge.privateNet)
            addresses.append(net.ip);
    }
    return addresses;
}

QString EngineRun::webPrivateIp() const
{
    for (const hcloud::PrivateNet &net : m_web.privateNet) {
        if (m_base.network.id == 0 || net.network == m_base.network.id)
            return net.ip;
    }
    return {};
}

bool EngineRun::onWebNetwork(const hcloud::Server &bridge) const
{
    for (const hcloud::PrivateNet &net : bridge.privateNet) {
        if (m_base.network.id == 0 || net.network == m_base.network.id)
            return !webPrivateIp().isEmpty();
    }
    return false;
}

// ---- verify ---------------------------------------------------------------------------------------------------

void EngineRun::verify(const QString &deployment)
{
    findDeployment(deployment, [this](const DiscoveredDeployment &found) {
        if (!loadStoredPlan(found))
            return;
        if (!found.web) {
            fail(engineError(u"no_web_host"_s,
                             tr("The deployment has no web host. Run deploy with its plan file to repair it.")));
            return;
        }
        for (const hcloud::Server &bridge : std::as_const(m_bridges))
            m_outcome.bridges.append(bridge.name);
        m_settings.verifyTimeoutMs = 0; // a verify on request judges what is there now
        verifyBridges();
    });
}

void EngineRun::openAll(std::function<void()> next)
{
    QList<HostConnection *> connections{connectionFor(m_web.name, HostRole::Web, m_web.ipv4)};
    for (const hcloud::Server &bridge : std::as_const(m_bridges))
        connections.append(connectionFor(bridge.name, HostRole::Bridge, bridge.ipv4));
    auto pending = std::make_shared<int>(int(connections.size()));
    auto error = std::make_shared<std::optional<Error>>();
    for (HostConnection *connection : connections) {
        auto opened = [this, pending, error, next](Result<void> result) {
            if (m_done)
                return;
            if (!result.ok() && !*error)
                *error = result.error();
            if (--*pending > 0)
                return;
            if (*error)
                fail(**error);
            else
                next();
        };
        if (connection->agent())
            QTimer::singleShot(0, this, [opened] { opened({}); }); // already open from the install
        else
            connection->open(opened);
    }
}

void EngineRun::verifyBridges()
{
    phase(Phase::Verify, tr("Verifying that every bridge is connected…"));
    m_verifyDeadline = QDateTime::currentDateTimeUtc().addMSecs(m_settings.verifyTimeoutMs);
    openAll([this] { collectEvidence(); });
}

void EngineRun::collectEvidence()
{
    QList<EvidenceCollector::Bridge> bridges;
    for (const hcloud::Server &bridge : std::as_const(m_bridges)) {
        const QString privateIp = bridge.privateNet.isEmpty() ? QString() : bridge.privateNet.first().ip;
        bridges.append({m_connections.value(bridge.name)->agent(), bridge.name, bridge.ipv4, privateIp});
    }
    auto *collector = new EvidenceCollector(m_plan.domain, m_connections.value(m_web.name)->agent(), bridges, this);
    collector->collect([this, collector](Result<VerifierInput> input) {
        collector->deleteLater();
        if (m_done)
            return;
        if (!input.ok()) {
            fail(input.error());
            return;
        }
        Verifier::verifyInBackground(input.value(), this, [this](const VerificationReport &report) {
            if (m_done)
                return;
            // Bridges need a few seconds after their install to show up in jicofo: judge again until the deadline.
            if (!report.ok() && QDateTime::currentDateTimeUtc() < m_verifyDeadline) {
                QTimer::singleShot(m_settings.verifyIntervalMs, this, [this] {
                    if (!m_done)
                        collectEvidence();
                });
                return;
            }
            m_outcome.verification = report;
            m_emit(EngineEvent::verification(report));
            if (report.ok())
                succeed();
            else
                fail(report.toError());
        });
    });
}

// ---- remove-bridge ------------------------------------------------------------------------------------------

void EngineRun::removeBridge(const QString &deployment, const QString &serverName)
{
    findDeployment(deployment, [this, serverName](const DiscoveredDeployment &found) {
        if (!loadStoredPlan(found))
            return;
        for (const DiscoveredServer &bridge : found.bridges) {
            if (bridge.name == serverName) {
                m_cloud = new CloudResources(m_client, DeploymentLabels(m_plan), this);
                loadSecrets(WhenMissing::FromWebHost, [this, bridge] { drainBridge(bridge); });
                return;
            }
        }
        QStringList names;
        for (const DiscoveredServer &bridge : found.bridges)
            names.append(bridge.name);
        fail(Error{u"input"_s,
                   u"bridge_not_found"_s,
                   tr("The deployment has no bridge \"%1\". Its bridges: %2.")
                           .arg(serverName, names.isEmpty() ? tr("none") : names.join(u", "_s)),
                   {},
                   {},
                   0});
    });
}

void EngineRun::drainBridge(const DiscoveredServer &bridge)
{
    phase(Phase::Drain, tr("Draining %1: no new conferences, waiting for the running ones to end…").arg(bridge.name));
    HostConnection *connection = connectionFor(bridge.name, HostRole::Bridge, bridge.publicIpv4);
    connection->open([this, connection, bridge](Result<void> opened) {
        if (m_done)
            return;
        if (!opened.ok()) {
            // An unreachable bridge hosts no conference anyone can use; it is removed all the same.
            warn(tr("%1 could not be reached to drain it (%2); it is deleted without draining.")
                         .arg(bridge.name, opened.error().message));
            deleteBridge(bridge);
            return;
        }
        connection->agent()->drainBridge(m_settings.drainTimeoutSeconds, [this, bridge](Result<int> left) {
            if (m_done)
                return;
            if (!left.ok())
                warn(tr("Draining %1 failed (%2); it is deleted anyway.").arg(bridge.name, left.error().message));
            else if (left.value() > 0)
                warn(tr("%1 still hosted %n conference(s) when the drain time ran out; their participants "
                        "reconnect to the other bridges.",
                        nullptr, left.value())
                             .arg(bridge.name));
            deleteBridge(bridge);
        });
    });
}

void EngineRun::deleteBridge(const DiscoveredServer &bridge)
{
    phase(Phase::Delete, tr("Deleting %1…").arg(bridge.name));
    m_emit(EngineEvent::resourceChanged(u"server "_s + bridge.name, ResourceState::Deleting, bridge.name));
    // The connection to a server about to vanish goes first, so nothing reconnects to a reused address.
    if (HostConnection *connection = m_connections.take(bridge.name))
        connection->deleteLater();
    // Read back as the project shows it now: deleteServers checks the labels before it deletes anything.
    m_cloud->listServers(orFail<QList<hcloud::Server>>([this, bridge](QList<hcloud::Server> servers) {
        QList<hcloud::Server> doomed;
        for (const hcloud::Server &server : servers) {
            if (server.id == bridge.id)
                doomed.append(server);
        }
        m_cloud->deleteServers(doomed, orFail<void>([this, bridge]() {
                                   m_emit(EngineEvent::resourceChanged(u"server "_s + bridge.name,
                                                                       ResourceState::Deleted, bridge.name));
                                   if (auto removed = m_store.removeHost(slug(), bridge.name); !removed.ok())
                                       warn(removed.error().message);
                                   m_bridges.remove(bridge.bridgeNumber);
                                   m_plan.bridges.clear();
                                   for (const hcloud::Server &rest : std::as_const(m_bridges)) {
                                       m_plan.bridges.append(HostSpec{rest.serverType, rest.location});
                                       m_outcome.bridges.append(rest.name);
                                   }
                                   if (auto saved = m_store.setPlan(m_plan); !saved.ok())
                                       warn(saved.error().message);
                                   updateAllowList();
                               }));
    }));
}

void EngineRun::updateAllowList()
{
    QStringList publicAddresses;
    for (const hcloud::Server &bridge : std::as_const(m_bridges))
        publicAddresses.append(bridge.ipv4);
    m_cloud->setBridgeAllowList(m_plan, m_base.webFirewall.id, publicAddresses, orFail<void>([this]() {
                                    // The web host's own firewall: new env file with the remaining addresses, then the
                                    // firewall step alone.
                                    HostConnection *web = connectionFor(m_web.name, HostRole::Web, m_web.ipv4);
                                    web->open(orFail<void>([this, web]() {
                                        auto env = envFile(HostRole::Web, m_web.name, 0, false);
                                        if (!env.ok()) {
                                            fail(env.error());
                                            return;
                                        }
                                        runTask(web, HostRole::Web, ProvisionTask::Firewall,
                                                {InstallFile{EnvFile::remotePath(), env.value(), EnvFile::unixMode}},
                                                [this](Result<void> done) {
                                                    if (!done.ok()) {
                                                        fail(done.error());
                                                        return;
                                                    }
                                                    verifyBridges();
                                                });
                                    }));
                                }));
}

// ---- destroy --------------------------------------------------------------------------------------------------

void EngineRun::destroy(const QString &deployment)
{
    findDeployment(deployment, [this](const DiscoveredDeployment &found) {
        const QString slug = found.slug;
        m_outcome.slug = slug;
        m_outcome.domain = found.domain;
        phase(Phase::Delete, tr("Deleting every resource of the deployment…"));
        m_cloud = new CloudResources(m_client, DeploymentLabels(slug, found.domain), this);
        auto deleted = [this](const QString &resource) {
            if (m_done)
                return;
            m_emit(EngineEvent::resourceChanged(resource, ResourceState::Deleted));
        };
        // The plan (kept on this computer) names the SSH key; without it the key stays, which costs nothing.
        const auto plan = m_store.plan(slug);
        const QString publicKey = plan.ok() && plan.value() ? plan.value()->sshPublicKey : QString();
        m_cloud->destroyAll(deleted, orFail<void>([this, slug, publicKey, deleted]() {
                                m_cloud->deleteUnusedSshKey(publicKey, [this, slug, deleted](Result<QString> key) {
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
    });
}
