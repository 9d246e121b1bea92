#include "cloudresources.h"

#include "common/logging.h"
#include "deploy/plansummary.h"
#include "hcloud/hclouderrors.h"
#include "hcloud/hetznerclient.h"
#include "hcloud/labelselector.h"

#include <QHostAddress>
#include <QSet>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {

QString latin1(const char *text)
{
    return QString::fromLatin1(text);
}

const QStringList anywhere = {u"0.0.0.0/0"_s, u"::/0"_s};

bool hasCode(const Error &error, ApiErrorCode code)
{
    return error.code == toString(code);
}

// A failure after which the request may still have taken effect: the answer was lost, the backend failed (5xx)
// after committing, or the name is taken now (possibly by a silent resend of our own request).
bool mayHaveTakenEffect(const Error &error)
{
    return hasCode(error, ApiErrorCode::UniquenessError) || error.httpStatus == 0 || error.httpStatus >= 500;
}

Error deployError(const QString &code, const QString &message, const QString &detail)
{
    return Error{u"deploy"_s, code, message, detail, {}, 0};
}

// Keeps the API's code, status and correlation id (the engine and support need them) with our own message.
Error rephrased(const Error &cause, const QString &message, const QString &context)
{
    Error error = cause;
    error.message = message;
    error.detail = context + u": "_s + (cause.detail.isEmpty() ? cause.message : cause.detail);
    return error;
}

QStringList asCidrs(const QStringList &addresses)
{
    QStringList cidrs;
    for (const QString &address : addresses) {
        QString cidr = address.trimmed();
        if (cidr.isEmpty())
            continue;
        if (!cidr.contains(u'/'))
            cidr += QHostAddress(cidr).protocol() == QAbstractSocket::IPv6Protocol ? u"/128"_s : u"/32"_s;
        if (!cidrs.contains(cidr))
            cidrs << cidr;
    }
    return cidrs;
}

const QString xmppPort = u"5222"_s;

// Rules as the API compares them: order and descriptions do not matter.
bool sameRules(const QList<FirewallRule> &a, const QList<FirewallRule> &b)
{
    const auto keys = [](const QList<FirewallRule> &rules) {
        QStringList out;
        for (const FirewallRule &rule : rules) {
            QStringList sources = rule.sourceIps;
            QStringList destinations = rule.destinationIps;
            sources.sort();
            destinations.sort();
            out << QStringList{rule.direction, rule.protocol, rule.port, sources.join(u','), destinations.join(u',')}
                            .join(u' ');
        }
        out.sort();
        return out;
    };
    return keys(a) == keys(b);
}

FirewallRule inbound(const QString &protocol, const QString &port, const QStringList &sources,
                     const QString &description)
{
    FirewallRule rule;
    rule.direction = u"in"_s;
    rule.protocol = protocol;
    rule.port = port;
    rule.sourceIps = sources;
    rule.description = description;
    return rule;
}

QStringList sshSources(const DeploymentPlan &plan)
{
    const QStringList cidrs = asCidrs(plan.options.sshSourceCidrs);
    return cidrs.isEmpty() ? anywhere : cidrs;
}

template<typename T>
const T *findByName(const QList<T> &items, const QString &name)
{
    for (const T &item : items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

QString zoneOf(const QList<Location> &locations, const QString &location)
{
    for (const Location &candidate : locations) {
        if (candidate.name == location)
            return candidate.networkZone;
    }
    return {};
}

// Collects the answers of requests sent together and continues once, when the last one is in.
struct Join
{
    int outstanding = 0;
    std::optional<Error> error;
    std::function<void(const std::optional<Error> &)> then;

    void fail(const Error &failure)
    {
        if (!error)
            error = failure;
    }
    void arrived()
    {
        if (--outstanding == 0)
            then(error);
    }
};

} // namespace

struct CloudResources::BaseRun
{
    DeploymentPlan plan;
    QStringList bridgeAddresses;
    Done<Base> done;
    Base base;
    QList<Network> networks;
    QList<Firewall> firewalls;
    QList<qint64> actionIds;
};

struct CloudResources::ServerRun
{
    enum class State {
        Pending, // to be created
        Exists, // found before this run
        Created, // POST answered with the server
        Uncertain, // POST failed in a way that may have created it; the final list decides
        Failed, // not created
        ActionFailed, // created, but its create/start action failed; deleted again
        Deleted,
    };
    struct Entry
    {
        State state = State::Pending;
        qint64 serverId = 0;
        QList<qint64> actionIds;
        std::optional<Error> error;
    };

    QList<ServerOrder> orders;
    QList<Entry> entries;
    Base base;
    qint64 imageId = 0;
    ServerProgress progress;
    Done<QList<Server>> done;
    std::optional<Error> fatal; // a failure of no single server (the poll failed)
    int outstanding = 0;

    void report(qsizetype index, ResourceState state) const
    {
        if (progress)
            progress(orders.at(index).name, state);
    }
};

CloudResources::CloudResources(HetznerClient *client, const DeploymentLabels &labels, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_labels(labels)
{ }

// ---- Rules

QList<FirewallRule> CloudResources::webFirewallRules(const DeploymentPlan &plan, const QStringList &bridgeAddresses)
{
    QList<FirewallRule> rules{inbound(u"tcp"_s, u"80"_s, anywhere, u"HTTP (certificate challenge, redirect)"_s),
                              inbound(u"tcp"_s, u"443"_s, anywhere, u"HTTPS (meetings)"_s),
                              inbound(u"tcp"_s, u"22"_s, sshSources(plan), u"SSH (deployer)"_s)};
    const QStringList bridges = asCidrs(bridgeAddresses);
    if (!bridges.isEmpty())
        rules << inbound(u"tcp"_s, xmppPort, bridges, u"XMPP from the videobridges"_s);
    return rules;
}

QList<FirewallRule> CloudResources::bridgeFirewallRules(const DeploymentPlan &plan)
{
    return {inbound(u"udp"_s, u"10000"_s, anywhere, u"Media (Jitsi Videobridge)"_s),
            inbound(u"tcp"_s, u"22"_s, sshSources(plan), u"SSH (deployer)"_s)};
}

// ---- Base resources

void CloudResources::withLocations(std::function<void(Result<QList<Location>>)> next)
{
    if (!m_locations.isEmpty()) {
        QTimer::singleShot(0, this, [this, next] { next(m_locations); });
        return;
    }
    m_client->listLocations(this, [this, next](Result<QList<Location>> locations) {
        if (locations)
            m_locations = locations.value();
        next(locations);
    });
}

void CloudResources::ensureBase(const DeploymentPlan &plan, const QStringList &bridgeAddresses, Done<Base> done)
{
    ensureBase(plan, bridgeAddresses, std::move(done), nullptr);
}

void CloudResources::ensureBase(const DeploymentPlan &plan, const QStringList &bridgeAddresses, Done<Base> done,
                                Done<void> applied)
{
    auto run = std::make_shared<BaseRun>();
    run->plan = plan;
    run->bridgeAddresses = bridgeAddresses;
    run->done = std::move(done);

    const QString fingerprint = HetznerClient::md5Fingerprint(plan.sshPublicKey);
    auto lists = std::make_shared<Join>();
    lists->outstanding = 4;
    lists->then = [this, run, applied](const std::optional<Error> &error) {
        if (error)
            return run->done(*error);
        // The network and both firewalls at once; each is reused when it exists.
        auto creates = std::make_shared<Join>();
        creates->outstanding = 3;
        creates->then = [this, run, applied](const std::optional<Error> &error) {
            if (error)
                return run->done(*error);
            if (applied) {
                run->done(run->base);
                m_client->waitForActions(run->actionIds, this, [applied](Result<QList<Action>> actions) {
                    applied(actions ? Result<void>() : Result<void>(actions.error()));
                });
                return;
            }
            m_client->waitForActions(run->actionIds, this, [run](Result<QList<Action>> actions) {
                if (!actions)
                    return run->done(actions.error());
                run->done(run->base);
            });
        };
        ensureNetwork(run->plan, run->networks, [run, creates](Result<Network> network) {
            if (network)
                run->base.network = network.value();
            else
                creates->fail(network.error());
            creates->arrived();
        });
        const auto firewallDone = [run, creates](Firewall *target) {
            return [run, creates, target](Result<Created<Firewall>> firewall) {
                if (firewall) {
                    *target = firewall->object;
                    for (const Action &action : firewall->actions)
                        run->actionIds << action.id;
                } else {
                    creates->fail(firewall.error());
                }
                creates->arrived();
            };
        };
        ensureFirewall(CreateFirewallRequest{m_labels.webFirewallName(),
                                             m_labels.webFirewall(),
                                             webFirewallRules(run->plan, run->bridgeAddresses),
                                             {m_labels.webServerSelector()}},
                       run->firewalls, firewallDone(&run->base.webFirewall));
        ensureFirewall(CreateFirewallRequest{m_labels.bridgeFirewallName(),
                                             m_labels.bridgeFirewall(),
                                             bridgeFirewallRules(run->plan),
                                             {m_labels.bridgeServerSelector()}},
                       run->firewalls, firewallDone(&run->base.bridgeFirewall));
    };

    m_client->ensureSshKey(PlanSummary::newSshKeyName(fingerprint), plan.sshPublicKey, DeploymentLabels::sshKey(), this,
                           [run, lists](Result<SshKey> key) {
                               if (key)
                                   run->base.sshKey = key.value();
                               else
                                   lists->fail(key.error());
                               lists->arrived();
                           });
    m_client->listNetworks(m_labels.deploymentSelector(), this, [run, lists](Result<QList<Network>> networks) {
        if (networks)
            run->networks = networks.value();
        else
            lists->fail(networks.error());
        lists->arrived();
    });
    m_client->listFirewalls(m_labels.deploymentSelector(), this, [run, lists](Result<QList<Firewall>> firewalls) {
        if (firewalls)
            run->firewalls = firewalls.value();
        else
            lists->fail(firewalls.error());
        lists->arrived();
    });
    withLocations([lists](Result<QList<Location>> locations) {
        if (!locations)
            lists->fail(locations.error());
        lists->arrived();
    });
}

void CloudResources::ensureNetwork(const DeploymentPlan &plan, const QList<Network> &existing, Done<Network> done)
{
    const QString name = m_labels.networkName();
    if (const Network *network = findByName(existing, name)) {
        QTimer::singleShot(0, this, [done, network = *network] { done(network); });
        return;
    }
    const QString zone = zoneOf(m_locations, plan.web.location);
    if (zone.isEmpty()) {
        QTimer::singleShot(0, this, [done, location = plan.web.location] {
            done(Error{u"input"_s,
                       u"location_unknown"_s,
                       tr("web: the location \"%1\" does not exist in this project.").arg(location),
                       u"web.location"_s,
                       {},
                       0});
        });
        return;
    }
    CreateNetworkRequest request;
    request.name = name;
    request.ipRange = latin1(networkRange);
    Subnet subnet;
    subnet.ipRange = latin1(subnetRange);
    subnet.networkZone = zone;
    request.subnets = {subnet};
    request.labels = m_labels.network();
    m_client->createNetwork(request, this, [this, name, done](Result<Network> created) {
        if (created || !mayHaveTakenEffect(created.error()))
            return done(created);
        const Error cause = created.error();
        m_client->listNetworks(
                m_labels.deploymentSelector(), this, [this, name, cause, done](Result<QList<Network>> found) {
                    if (found) {
                        if (const Network *network = findByName(found.value(), name))
                            return done(*network);
                    }
                    if (!hasCode(cause, ApiErrorCode::UniquenessError))
                        return done(cause);
                    done(rephrased(
                            cause,
                            tr("A network named %1 already exists in the project, but this deployment did not create "
                               "it. Rename or delete it in the Hetzner Cloud Console, then run the deployment again.")
                                    .arg(name),
                            u"network %1 without the labels of deployment %2"_s.arg(name, m_labels.slug())));
                });
    });
}

void CloudResources::ensureFirewall(const CreateFirewallRequest &request, const QList<Firewall> &existing,
                                    Done<Created<Firewall>> done)
{
    if (const Firewall *firewall = findByName(existing, request.name)) {
        QList<FirewallRule> wanted;
        for (const FirewallRule &rule : request.rules) {
            if (rule.port != xmppPort)
                wanted << rule;
        }
        for (const FirewallRule &rule : firewall->rules) {
            if (rule.port == xmppPort)
                wanted << rule;
        }
        if (sameRules(wanted, firewall->rules)) {
            QTimer::singleShot(0, this, [done, firewall = *firewall] { done(Created<Firewall>{firewall, {}, true}); });
            return;
        }
        m_client->setFirewallRules(firewall->id, wanted, this,
                                   [done, firewall = *firewall, wanted](Result<QList<Action>> actions) mutable {
                                       if (!actions)
                                           return done(actions.error());
                                       firewall.rules = wanted;
                                       done(Created<Firewall>{firewall, actions.value(), true});
                                   });
        return;
    }
    m_client->createFirewall(request, this, [this, name = request.name, done](Result<Created<Firewall>> created) {
        if (created || !mayHaveTakenEffect(created.error()))
            return done(created);
        const Error cause = created.error();
        m_client->listFirewalls(
                m_labels.deploymentSelector(), this, [this, name, cause, done](Result<QList<Firewall>> found) {
                    if (found) {
                        if (const Firewall *firewall = findByName(found.value(), name))
                            return done(Created<Firewall>{*firewall, {}, true});
                    }
                    if (!hasCode(cause, ApiErrorCode::UniquenessError))
                        return done(cause);
                    done(rephrased(cause,
                                   tr("A firewall named %1 already exists in the project, but this deployment did "
                                      "not create it. Rename or delete it in the Hetzner Cloud Console, then run the "
                                      "deployment again.")
                                           .arg(name),
                                   u"firewall %1 without the labels of deployment %2"_s.arg(name, m_labels.slug())));
                });
    });
}

// ---- Servers

void CloudResources::listServers(Done<QList<Server>> done)
{
    m_client->listServers(m_labels.deploymentSelector(), {}, this, std::move(done));
}

Labels CloudResources::labelsOf(const ServerOrder &order) const
{
    return order.role == HostRole::Web ? m_labels.webServer() : m_labels.bridgeServer(order.bridgeNumber);
}

Labels CloudResources::identityOf(const ServerOrder &order) const
{
    Labels labels = labelsOf(order);
    labels.remove(latin1(DeploymentLabels::domainKey));
    return labels;
}

void CloudResources::createServers(const QList<ServerOrder> &orders, const Base &base, qint64 imageId,
                                   ServerProgress progress, Done<QList<Server>> done)
{
    auto run = std::make_shared<ServerRun>();
    run->orders = orders;
    run->entries.resize(orders.size());
    run->base = base;
    run->imageId = imageId;
    run->progress = std::move(progress);
    run->done = std::move(done);

    m_client->listServers(m_labels.deploymentSelector(), {}, this, [this, run](Result<QList<Server>> listed) {
        if (!listed)
            return run->done(listed.error());
        for (qsizetype i = 0; i < run->orders.size(); ++i) {
            const ServerOrder &order = run->orders.at(i);
            ServerRun::Entry &entry = run->entries[i];
            const Server *existing = findByName(listed.value(), order.name);
            if (!existing)
                continue;
            if (!labelsMatch(existing->labels, identityOf(order))) {
                entry.state = ServerRun::State::Failed;
                entry.error = deployError(
                        u"server_labels_mismatch"_s,
                        tr("The server %1 belongs to this deployment but is labelled for another role. Delete it "
                           "in the Hetzner Cloud Console (or with \"jitsi-deployer remove-bridge\"), then run the "
                           "deployment again.")
                                .arg(order.name),
                        u"server %1 (id %2) labels do not include %3"_s.arg(order.name)
                                .arg(existing->id)
                                .arg(selectorFor(identityOf(order))));
                run->report(i, ResourceState::Failed);
                continue;
            }
            entry.state = ServerRun::State::Exists;
            entry.serverId = existing->id;
            run->report(i, ResourceState::Exists);
        }
        postServers(run);
    });
}

void CloudResources::postServers(const std::shared_ptr<ServerRun> &run)
{
    QList<qsizetype> pending;
    for (qsizetype i = 0; i < run->entries.size(); ++i) {
        if (run->entries.at(i).state == ServerRun::State::Pending)
            pending << i;
    }
    if (pending.isEmpty())
        return finishServers(run);

    // Every POST now; none waits for another's answer or action.
    run->outstanding = int(pending.size());
    for (qsizetype i : std::as_const(pending)) {
        const ServerOrder &order = run->orders.at(i);
        CreateServerRequest request;
        request.name = order.name;
        request.serverType = order.spec.serverType;
        request.imageId = run->imageId;
        request.location = order.spec.location;
        request.sshKeyIds = {run->base.sshKey.id};
        request.userData = QString::fromUtf8(order.userData);
        request.labels = labelsOf(order);
        if (order.role == HostRole::Web || order.onNetwork)
            request.networkIds = {run->base.network.id};
        run->report(i, ResourceState::Creating);
        m_client->createServer(request, this, [this, run, i](Result<Created<Server>> created) {
            const ServerOrder &order = run->orders.at(i);
            ServerRun::Entry &entry = run->entries[i];
            const QString where
                    = u"POST /servers %1 (%2 in %3)"_s.arg(order.name, order.spec.serverType, order.spec.location);
            if (created) {
                entry.state = ServerRun::State::Created;
                entry.serverId = created->object.id;
                for (const Action &action : created->actions)
                    entry.actionIds << action.id;
                run->report(i, ResourceState::Created);
            } else if (hasCode(created.error(), ApiErrorCode::UniquenessError)) {
                // HetznerClient already looked: the name belongs to a server without our labels.
                entry.state = ServerRun::State::Failed;
                entry.error = rephrased(created.error(),
                                        tr("A server named %1 already exists in the project, but this deployment did "
                                           "not create it. Rename or delete it in the Hetzner Cloud Console, then run "
                                           "the deployment again.")
                                                .arg(order.name),
                                        where);
                run->report(i, ResourceState::Failed);
            } else {
                const Error &cause = created.error();
                QString message;
                if (hasCode(cause, ApiErrorCode::ResourceUnavailable) || hasCode(cause, ApiErrorCode::PlacementError))
                    message = tr("%1 could not be created: the server type %2 is not available in %3 right now (sold "
                                 "out). Choose another type or location for it and run the deployment again; the "
                                 "servers already created are reused.")
                                      .arg(order.name, order.spec.serverType, order.spec.location);
                else if (hasCode(cause, ApiErrorCode::ResourceLimitExceeded))
                    message = tr("%1 (%2 in %3) could not be created: the project has reached its server limit. Ask "
                                 "Hetzner to raise the limit or delete servers you no longer need, then run the "
                                 "deployment again; the servers already created are reused.")
                                      .arg(order.name, order.spec.serverType, order.spec.location);
                else
                    message = tr("%1 (%2 in %3) could not be created. %4")
                                      .arg(order.name, order.spec.serverType, order.spec.location, cause.message);
                entry.error = rephrased(cause, message, where);
                entry.state = mayHaveTakenEffect(cause) ? ServerRun::State::Uncertain : ServerRun::State::Failed;
                if (entry.state == ServerRun::State::Failed)
                    run->report(i, ResourceState::Failed);
            }
            if (--run->outstanding > 0)
                return;
            QList<qint64> actionIds;
            for (const ServerRun::Entry &each : std::as_const(run->entries))
                actionIds << each.actionIds;
            waitForServers(run, actionIds);
        });
    }
}

void CloudResources::waitForServers(const std::shared_ptr<ServerRun> &run, const QList<qint64> &actionIds)
{
    if (actionIds.isEmpty())
        return deleteFailedServers(run);
    m_client->waitForActions(actionIds, this, [this, run, actionIds](Result<QList<Action>> waited) {
        if (waited)
            return deleteFailedServers(run);
        // The shared wait stops at the first failed action; find out which servers failed and let the rest finish.
        const Error cause = waited.error();
        m_client->getActions(actionIds, this, [this, run, cause](Result<QList<Action>> actions) {
            if (!actions) {
                run->fatal = cause;
                return deleteFailedServers(run);
            }
            bool anyFailed = false;
            for (const Action &action : actions.value()) {
                if (action.status != u"error"_s)
                    continue;
                for (qsizetype i = 0; i < run->entries.size(); ++i) {
                    ServerRun::Entry &entry = run->entries[i];
                    if (!entry.actionIds.contains(action.id) || entry.state != ServerRun::State::Created)
                        continue;
                    const ServerOrder &order = run->orders.at(i);
                    entry.state = ServerRun::State::ActionFailed;
                    entry.error = rephrased(
                            actionError(action.command, action.id, action.errorCode, action.errorMessage),
                            tr("Hetzner could not finish creating %1 (%2 in %3): %4 The server is deleted again; "
                               "run the deployment again to retry.")
                                    .arg(order.name, order.spec.serverType, order.spec.location, action.errorMessage),
                            u"action %1 (%2) of server %3"_s.arg(action.id).arg(action.command, order.name));
                    anyFailed = true;
                }
            }
            if (!anyFailed) {
                run->fatal = cause; // the poll itself failed, or an action timed out
                return deleteFailedServers(run);
            }
            QList<qint64> stillOpen;
            for (const Action &action : actions.value()) {
                if (action.finished())
                    continue;
                for (const ServerRun::Entry &entry : std::as_const(run->entries)) {
                    if (entry.state == ServerRun::State::Created && entry.actionIds.contains(action.id))
                        stillOpen << action.id;
                }
            }
            waitForServers(run, stillOpen);
        });
    });
}

void CloudResources::deleteFailedServers(const std::shared_ptr<ServerRun> &run)
{
    // A server whose create or start failed would stay half-made (and billed): this run made it, so it removes it,
    // and the next run creates it afresh instead of finding a broken one.
    QList<Server> failed;
    for (qsizetype i = 0; i < run->entries.size(); ++i) {
        if (run->entries.at(i).state != ServerRun::State::ActionFailed)
            continue;
        Server server;
        server.id = run->entries.at(i).serverId;
        server.name = run->orders.at(i).name;
        server.labels = labelsOf(run->orders.at(i));
        failed << server;
    }
    if (failed.isEmpty())
        return finishServers(run);
    deleteAndWait(failed, {}, [this, run](Result<void> deleted) {
        if (deleted) {
            for (qsizetype i = 0; i < run->entries.size(); ++i) {
                if (run->entries.at(i).state != ServerRun::State::ActionFailed)
                    continue;
                run->entries[i].state = ServerRun::State::Deleted;
                run->report(i, ResourceState::Deleted);
            }
        } else {
            qCWarning(lcHcloud) << "could not delete servers whose creation failed:" << deleted.error().toString();
        }
        finishServers(run);
    });
}

void CloudResources::finishServers(const std::shared_ptr<ServerRun> &run)
{
    m_client->listServers(m_labels.deploymentSelector(), {}, this, [this, run](Result<QList<Server>> listed) {
        if (!listed) {
            Error error = run->fatal.value_or(listed.error());
            return run->done(error);
        }
        QList<Server> servers;
        QStringList present;
        std::optional<Error> failure = run->fatal;
        for (qsizetype i = 0; i < run->orders.size(); ++i) {
            const ServerOrder &order = run->orders.at(i);
            ServerRun::Entry &entry = run->entries[i];
            const Server *found = findByName(listed.value(), order.name);
            const bool ours = found && labelsMatch(found->labels, identityOf(order));
            if (ours)
                present << order.name;
            switch (entry.state) {
            case ServerRun::State::Exists:
            case ServerRun::State::Created:
            case ServerRun::State::Uncertain:
                if (ours) {
                    if (entry.state == ServerRun::State::Uncertain)
                        run->report(i, ResourceState::Created); // the lost answer's server, adopted by name and labels
                    if (found->status == u"running"_s)
                        run->report(i, ResourceState::Running);
                    servers << *found;
                    break;
                }
                if (entry.state != ServerRun::State::Uncertain)
                    entry.error = deployError(
                            u"server_vanished"_s,
                            tr("The server %1 disappeared while it was being created. Run the "
                               "deployment again to create it anew.")
                                    .arg(order.name),
                            u"server %1 (id %2) is not listed any more"_s.arg(order.name).arg(entry.serverId));
                run->report(i, ResourceState::Failed);
                if (!failure)
                    failure = entry.error;
                break;
            case ServerRun::State::Pending:
            case ServerRun::State::Failed:
            case ServerRun::State::ActionFailed:
            case ServerRun::State::Deleted:
                if (!failure)
                    failure = entry.error;
                break;
            }
        }
        if (failure) {
            Error error = *failure;
            error.detail += u"; servers of %1 now: %2"_s.arg(m_labels.slug(),
                                                             present.isEmpty() ? u"none"_s : present.join(u", "_s));
            return run->done(error);
        }
        run->done(servers);
    });
}

void CloudResources::setBridgeAllowList(const DeploymentPlan &plan, qint64 webFirewallId,
                                        const QStringList &bridgeAddresses, Done<void> done)
{
    m_client->setFirewallRules(webFirewallId, webFirewallRules(plan, bridgeAddresses), this,
                               [this, done](Result<QList<Action>> actions) {
                                   if (!actions)
                                       return done(actions.error());
                                   QList<qint64> ids;
                                   for (const Action &action : actions.value())
                                       ids << action.id;
                                   m_client->waitForActions(ids, this, [done](Result<QList<Action>> waited) {
                                       if (!waited)
                                           return done(waited.error());
                                       done({});
                                   });
                               });
}

// ---- Deleting

void CloudResources::deleteServers(const QList<Server> &servers, Done<void> done)
{
    const Labels deployment{{latin1(DeploymentLabels::managedByKey), latin1(DeploymentLabels::managedByValue)},
                            {latin1(DeploymentLabels::deploymentKey), m_labels.slug()}};
    for (const Server &server : servers) {
        if (labelsMatch(server.labels, deployment))
            continue;
        const Error error = deployError(
                u"not_labelled_for_deployment"_s,
                tr("The server %1 is not labelled as part of %2, so it is left alone.")
                        .arg(server.name, m_labels.slug()),
                u"server %1 (id %2) lacks %3"_s.arg(server.name).arg(server.id).arg(selectorFor(deployment)));
        QTimer::singleShot(0, this, [done, error] { done(error); });
        return;
    }
    deleteAndWait(servers, {}, std::move(done));
}

void CloudResources::deleteAndWait(const QList<Server> &servers, std::function<void(const QString &)> progress,
                                   Done<void> done)
{
    if (servers.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    auto actionIds = std::make_shared<QList<qint64>>();
    auto join = std::make_shared<Join>();
    join->outstanding = int(servers.size());
    join->then = [this, actionIds, done](const std::optional<Error> &error) {
        // Wait for the deletes that were accepted even when one failed, so nothing is left half-deleted.
        m_client->waitForActions(*actionIds, this, [done, error](Result<QList<Action>> waited) {
            if (error)
                return done(*error);
            if (!waited)
                return done(waited.error());
            done({});
        });
    };
    for (const Server &server : servers) {
        m_client->deleteServer(server.id, this, [join, actionIds, progress, name = server.name](Result<Action> action) {
            if (action) {
                *actionIds << action->id;
                if (progress)
                    progress(name);
            } else if (!hasCode(action.error(), ApiErrorCode::NotFound)) {
                join->fail(action.error());
            }
            join->arrived();
        });
    }
}

void CloudResources::deleteWhenFree(const std::function<void(Done<void>)> &send, int attemptsLeft, Done<void> done)
{
    send([this, send, attemptsLeft, done](Result<void> result) {
        if (result || attemptsLeft <= 1 || !hasCode(result.error(), ApiErrorCode::ResourceInUse))
            return done(result);
        QTimer::singleShot(inUseRetryMs, this,
                           [this, send, attemptsLeft, done] { deleteWhenFree(send, attemptsLeft - 1, done); });
    });
}

void CloudResources::deleteUnusedSshKey(const QString &publicKey, Done<QString> done)
{
    const QString fingerprint = HetznerClient::md5Fingerprint(publicKey);
    if (fingerprint.isEmpty())
        return done(QString());
    m_client->listServers(
            DeploymentLabels::managedSelector(), {}, this, [this, fingerprint, done](Result<QList<Server>> servers) {
                if (!servers)
                    return done(servers.error());
                if (!servers->isEmpty())
                    return done(QString());
                m_client->findSshKeyByFingerprint(fingerprint, this, [this, done](Result<std::optional<SshKey>> key) {
                    if (!key)
                        return done(key.error());
                    const Labels ours = DeploymentLabels::sshKey();
                    if (!key->has_value() || key->value().labels.value(ours.firstKey()) != ours.first())
                        return done(QString());
                    const QString name = key->value().name;
                    m_client->deleteSshKey(key->value().id, this, [done, name](Result<void> gone) {
                        if (!gone && !hasCode(gone.error(), ApiErrorCode::NotFound))
                            return done(gone.error());
                        done(name);
                    });
                });
            });
}

void CloudResources::destroyAll(std::function<void(const QString &resource)> progress, Done<void> done)
{
    struct Found
    {
        QList<Server> servers;
        QList<Firewall> firewalls;
        QList<Network> networks;
    };
    auto found = std::make_shared<Found>();
    auto lists = std::make_shared<Join>();
    lists->outstanding = 3;
    lists->then = [this, found, progress, done](const std::optional<Error> &error) {
        if (error)
            return done(*error);
        // Servers first: a firewall still applied to one, or a network with one attached, cannot be deleted.
        deleteAndWait(found->servers, progress, [this, found, progress, done](Result<void> deleted) {
            if (!deleted)
                return done(deleted);
            auto rest = std::make_shared<Join>();
            rest->outstanding = int(found->firewalls.size() + found->networks.size());
            rest->then = [done](const std::optional<Error> &error) {
                if (error)
                    return done(*error);
                done({});
            };
            if (rest->outstanding == 0)
                return done({});
            const auto onDeleted = [rest, progress](const QString &name) {
                return [rest, progress, name](Result<void> result) {
                    if (result) {
                        if (progress)
                            progress(name);
                    } else if (!hasCode(result.error(), ApiErrorCode::NotFound)) {
                        rest->fail(result.error());
                    }
                    rest->arrived();
                };
            };
            for (const Firewall &firewall : std::as_const(found->firewalls))
                deleteWhenFree([this, id = firewall.id](Done<void> sent) { m_client->deleteFirewall(id, this, sent); },
                               inUseAttempts, onDeleted(firewall.name));
            for (const Network &network : std::as_const(found->networks))
                deleteWhenFree([this, id = network.id](Done<void> sent) { m_client->deleteNetwork(id, this, sent); },
                               inUseAttempts, onDeleted(network.name));
        });
    };
    // Everything listed by the deployment's selector, so nothing without its labels is ever touched.
    const QString selector = m_labels.deploymentSelector();
    m_client->listServers(selector, {}, this, [found, lists](Result<QList<Server>> servers) {
        if (servers)
            found->servers = servers.value();
        else
            lists->fail(servers.error());
        lists->arrived();
    });
    m_client->listFirewalls(selector, this, [found, lists](Result<QList<Firewall>> firewalls) {
        if (firewalls)
            found->firewalls = firewalls.value();
        else
            lists->fail(firewalls.error());
        lists->arrived();
    });
    m_client->listNetworks(selector, this, [found, lists](Result<QList<Network>> networks) {
        if (networks)
            found->networks = networks.value();
        else
            lists->fail(networks.error());
        lists->arrived();
    });
}
