#include "cloudresources.h"

#include "common/logging.h"
#include "deploy/cloudsupport.h"
#include "deploy/firewallpolicy.h"
#include "deploy/plansummary.h"
#include "hcloud/hclouderrors.h"
#include "hcloud/hetznerclient.h"
#include "hcloud/labelselector.h"

#include <QTimer>

using namespace Qt::StringLiterals;
using namespace hcloud;
using namespace cloudsupport;

namespace {

QString zoneOf(const QList<Location> &locations, const QString &location)
{
    for (const Location &candidate : locations) {
        if (candidate.name == location)
            return candidate.networkZone;
    }
    return {};
}

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

CloudResources::CloudResources(HetznerClient *client, const DeploymentLabels &labels, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_labels(labels)
{ }

// ---- Rules (FirewallPolicy)

QList<FirewallRule> CloudResources::webFirewallRules(const DeploymentPlan &plan, const QStringList &bridgeAddresses)
{
    return FirewallPolicy::webRules(plan, bridgeAddresses);
}

QList<FirewallRule> CloudResources::bridgeFirewallRules(const DeploymentPlan &plan)
{
    return FirewallPolicy::bridgeRules(plan);
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
                    done(rephrased(cause,
                                   tr("A network named %1 already exists in the project, but this deployment did not "
                                      "create "
                                      "it. Rename or delete it in the Hetzner Cloud Console first.")
                                           .arg(name),
                                   u"network %1 without the labels of deployment %2"_s.arg(name, m_labels.slug()))
                                 .advising(Advice::Kind::RetrySameOperation));
                });
    });
}

void CloudResources::ensureFirewall(const CreateFirewallRequest &request, const QList<Firewall> &existing,
                                    Done<Created<Firewall>> done)
{
    if (const Firewall *firewall = findByName(existing, request.name)) {
        const QList<FirewallRule> wanted = FirewallPolicy::keepingXmppSources(request.rules, firewall->rules);
        if (FirewallPolicy::sameRules(wanted, firewall->rules)) {
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
                                      "not create it. Rename or delete it in the Hetzner Cloud Console first.")
                                           .arg(name),
                                   u"firewall %1 without the labels of deployment %2"_s.arg(name, m_labels.slug()))
                                 .advising(Advice::Kind::RetrySameOperation));
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
