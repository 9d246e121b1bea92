#include "discovery.h"

#include "deploymentlabels.h"
#include "hcloud/hetznerclient.h"
#include "model/deploymentplan.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {
QString key(const char *text)
{
    return QString::fromLatin1(text);
}

QString deploymentOf(const Labels &labels)
{
    return labels.value(key(DeploymentLabels::deploymentKey));
}

struct Bucket
{
    QList<Server> servers;
    QList<Network> networks;
    QList<Firewall> firewalls;
};

QString serverResource(const QString &name)
{
    return u"server "_s + name;
}

// The bridge number a label states, when it is a canonical positive number.
int labelledBridgeNumber(const Labels &labels)
{
    const QString text = labels.value(key(DeploymentLabels::bridgeNumberKey));
    bool ok = false;
    const int n = text.toInt(&ok);
    return ok && n > 0 && QString::number(n) == text ? n : 0;
}

DiscoveredServer describe(const Server &server, const QSet<qint64> &networkIds)
{
    DiscoveredServer out;
    out.id = server.id;
    out.name = server.name;
    out.role = server.labels.value(key(DeploymentLabels::roleKey));
    out.status = server.status;
    out.serverType = server.serverType;
    out.location = server.location;
    out.publicIpv4 = server.ipv4;
    out.image = server.image;
    // A value that is no fingerprint counts as none: the user is asked, never shown a key as "labelled".
    out.hostKeyFingerprint
            = DeploymentLabels::fingerprintFromLabelValue(server.labels.value(key(DeploymentLabels::hostKeyKey)));
    out.setUpPending = DeploymentLabels::isSetUpPending(server.labels);
    out.meetingAccess = DeploymentLabels::meetingAccess(server.labels);
    for (const PrivateNet &net : server.privateNet) {
        if (networkIds.contains(net.network)) {
            out.privateIp = net.ip;
            break;
        }
    }
    return out;
}

DiscoveredDeployment build(const QString &slug, const Bucket &bucket)
{
    DiscoveredDeployment deployment;
    deployment.slug = slug;
    auto report = [&deployment](const QString &code, const QString &resource, const QString &message) {
        deployment.inconsistencies.append(Inconsistency{code, resource, message});
    };

    // The domain label, checked against the slug: a label that names another domain was not set by us.
    auto considerDomain = [&](const Labels &labels, const QString &resource) {
        const QString domain = labels.value(key(DeploymentLabels::domainKey));
        if (domain.isEmpty())
            return;
        DeploymentPlan plan;
        plan.domain = domain;
        if (plan.slug() != slug) {
            report(u"domain_mismatch"_s, resource,
                   Discovery::tr("The %1 says its domain is %2, which does not belong to deployment %3. Correct or "
                                 "remove its jitsi-deployer/domain label in the Hetzner Console.")
                           .arg(resource, domain, slug));
        } else if (deployment.domain.isEmpty()) {
            deployment.domain = domain;
        }
    };
    QList<Server> servers = bucket.servers;
    // The web host's label is the most trustworthy, so it is looked at first.
    std::stable_sort(servers.begin(), servers.end(), [](const Server &a, const Server &b) {
        const bool aWeb = a.labels.value(key(DeploymentLabels::roleKey)) == key(DeploymentLabels::webRole);
        const bool bWeb = b.labels.value(key(DeploymentLabels::roleKey)) == key(DeploymentLabels::webRole);
        return aWeb != bWeb ? aWeb : a.id < b.id;
    });
    for (const Server &server : servers)
        considerDomain(server.labels, serverResource(server.name));
    for (const Network &network : bucket.networks)
        considerDomain(network.labels, u"network "_s + network.name);
    for (const Firewall &firewall : bucket.firewalls)
        considerDomain(firewall.labels, u"firewall "_s + firewall.name);

    const DeploymentLabels labels(slug, deployment.domain);

    QSet<qint64> networkIds;
    for (const Network &network : bucket.networks) {
        deployment.networks.append(DiscoveredNetwork{network.id, network.name, network.ipRange});
        networkIds.insert(network.id);
        if (network.name != labels.networkName())
            report(u"name_mismatch"_s, u"network "_s + network.name,
                   Discovery::tr("The network %1 is labelled for deployment %2 but should be named %3. Rename it "
                                 "or remove its labels in the Hetzner Console.")
                           .arg(network.name, slug, labels.networkName()));
    }
    if (deployment.networks.size() > 1)
        report(u"duplicate_network"_s, {},
               Discovery::tr("Deployment %1 has %2 private networks; it should have one (%3). Delete the extra "
                             "network in the Hetzner Console once no server uses it.")
                       .arg(slug)
                       .arg(deployment.networks.size())
                       .arg(labels.networkName()));

    QList<DiscoveredServer> webs;
    for (const Server &server : servers) {
        DiscoveredServer found = describe(server, networkIds);
        if (found.role == key(DeploymentLabels::webRole)) {
            webs.append(found);
        } else if (found.role == key(DeploymentLabels::bridgeRole)) {
            const int labelled = labelledBridgeNumber(server.labels);
            found.bridgeNumber = labelled > 0 ? labelled : labels.bridgeNumberFromName(server.name).value_or(0);
            if (found.bridgeNumber == 0)
                report(u"name_mismatch"_s, serverResource(found.name),
                       Discovery::tr("The bridge %1 has no bridge number in its name or labels; bridges of "
                                     "deployment %2 are named like %3. Rename it or correct its labels.")
                               .arg(found.name, slug, labels.bridgeName(1)));
            else if (found.name != labels.bridgeName(found.bridgeNumber))
                report(u"name_mismatch"_s, serverResource(found.name),
                       Discovery::tr("The server %1 is labelled as bridge %2 of deployment %3 but should be named "
                                     "%4. Rename it or correct its labels.")
                               .arg(found.name)
                               .arg(found.bridgeNumber)
                               .arg(slug, labels.bridgeName(found.bridgeNumber)));
            deployment.bridges.append(found);
        } else {
            report(u"unknown_role"_s, serverResource(found.name),
                   found.role.isEmpty()
                           ? Discovery::tr("The server %1 is labelled for deployment %2 but has no role label, so "
                                           "it is neither its web host nor a bridge.")
                                     .arg(found.name, slug)
                           : Discovery::tr("The server %1 is labelled for deployment %2 with the unknown role "
                                           "\"%3\".")
                                     .arg(found.name, slug, found.role));
            deployment.otherServers.append(found);
        }
    }

    // Two web hosts: the one with the right name is the web host; the other is reported and listed apart.
    if (!webs.isEmpty()) {
        auto chosen = std::find_if(webs.begin(), webs.end(),
                                   [&labels](const DiscoveredServer &s) { return s.name == labels.webServerName(); });
        if (chosen == webs.end())
            chosen = webs.begin(); // lowest id: servers were sorted by id
        deployment.web = *chosen;
        webs.erase(chosen);
        if (deployment.web->name != labels.webServerName())
            report(u"name_mismatch"_s, serverResource(deployment.web->name),
                   Discovery::tr("The server %1 is labelled as the web host of deployment %2 but should be named "
                                 "%3. Rename it or correct its labels.")
                           .arg(deployment.web->name, slug, labels.webServerName()));
        for (const DiscoveredServer &extra : std::as_const(webs)) {
            report(u"duplicate_web"_s, serverResource(extra.name),
                   Discovery::tr("The server %1 is labelled as a second web host of deployment %2, which has "
                                 "one (%3). Delete it or correct its labels.")
                           .arg(extra.name, slug, deployment.web->name));
            deployment.otherServers.append(extra);
        }
    }

    std::sort(deployment.bridges.begin(), deployment.bridges.end(),
              [](const DiscoveredServer &a, const DiscoveredServer &b) {
                  return a.bridgeNumber != b.bridgeNumber ? a.bridgeNumber < b.bridgeNumber : a.name < b.name;
              });
    for (qsizetype i = 1; i < deployment.bridges.size(); ++i) {
        const DiscoveredServer &previous = deployment.bridges.at(i - 1);
        const DiscoveredServer &bridge = deployment.bridges.at(i);
        if (bridge.bridgeNumber > 0 && bridge.bridgeNumber == previous.bridgeNumber)
            report(u"duplicate_bridge_number"_s, serverResource(bridge.name),
                   Discovery::tr("The servers %1 and %2 both claim to be bridge %3 of deployment %4; bridges need "
                                 "unique numbers (their XMPP nicknames). Delete one or correct its labels.")
                           .arg(previous.name, bridge.name)
                           .arg(bridge.bridgeNumber)
                           .arg(slug));
    }

    if (!deployment.bridges.isEmpty() && !deployment.web)
        report(u"bridge_without_web"_s, {},
               Discovery::tr("Deployment %1 has bridges but no web host, so the bridges have nothing to join. "
                             "Destroy the deployment, or deploy it again to recreate the web host.")
                       .arg(slug));
    if (bucket.servers.isEmpty())
        report(u"no_servers"_s, {},
               Discovery::tr("Deployment %1 has no servers, only networks or firewalls: an interrupted deployment "
                             "or removal left them. Deploy again to continue or destroy it to remove them.")
                       .arg(slug));

    for (const Firewall &firewall : bucket.firewalls) {
        const QString role = firewall.labels.value(key(DeploymentLabels::roleKey));
        QStringList sshSources;
        for (const FirewallRule &rule : firewall.rules) {
            if (rule.direction == u"in"_s && rule.protocol == u"tcp"_s && rule.port == u"22"_s)
                sshSources += rule.sourceIps;
        }
        deployment.firewalls.append(DiscoveredFirewall{firewall.id, firewall.name, role, sshSources});
        QString expected;
        if (role == key(DeploymentLabels::webRole))
            expected = labels.webFirewallName();
        else if (role == key(DeploymentLabels::bridgeRole))
            expected = labels.bridgeFirewallName();
        const bool matches = expected.isEmpty() ? (firewall.name == labels.webFirewallName()
                                                   || firewall.name == labels.bridgeFirewallName())
                                                : firewall.name == expected;
        if (!matches)
            report(u"name_mismatch"_s, u"firewall "_s + firewall.name,
                   Discovery::tr("The firewall %1 is labelled for deployment %2 but should be named %3. Rename it "
                                 "or correct its labels.")
                           .arg(firewall.name, slug,
                                expected.isEmpty() ? labels.webFirewallName() + u" / "_s + labels.bridgeFirewallName()
                                                   : expected));
    }
    std::sort(deployment.firewalls.begin(), deployment.firewalls.end(),
              [](const DiscoveredFirewall &a, const DiscoveredFirewall &b) { return a.name < b.name; });
    return deployment;
}
} // namespace

const DiscoveredDeployment *Inventory::find(const QString &slugOrDomain) const
{
    DeploymentPlan plan;
    plan.domain = slugOrDomain.trimmed();
    const QString slug = plan.slug();
    for (const DiscoveredDeployment &deployment : deployments) {
        if (deployment.slug == slug)
            return &deployment;
    }
    return nullptr;
}

Discovery::Discovery(HetznerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void Discovery::discover(QObject *context, Done done)
{
    struct State
    {
        Done done;
        bool finished = false;
        int pending = 3;
        QList<Server> servers;
        QList<Network> networks;
        QList<Firewall> firewalls;

        void fail(const Error &error)
        {
            if (finished)
                return;
            finished = true;
            done(error);
        }
        void arrived()
        {
            if (finished || --pending > 0)
                return;
            finished = true;
            done(Discovery::group(servers, networks, firewalls));
        }
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);

    // The three kinds are independent, so they are asked for at once; pagination happens in the client.
    const QString selector = DeploymentLabels::managedSelector();
    m_client->listServers(selector, {}, context, [state](Result<QList<Server>> result) {
        if (!result)
            return state->fail(result.error());
        state->servers = std::move(result).value();
        state->arrived();
    });
    m_client->listNetworks(selector, context, [state](Result<QList<Network>> result) {
        if (!result)
            return state->fail(result.error());
        state->networks = std::move(result).value();
        state->arrived();
    });
    m_client->listFirewalls(selector, context, [state](Result<QList<Firewall>> result) {
        if (!result)
            return state->fail(result.error());
        state->firewalls = std::move(result).value();
        state->arrived();
    });
}

Inventory Discovery::group(const QList<Server> &servers, const QList<Network> &networks,
                           const QList<Firewall> &firewalls)
{
    Inventory inventory;
    QMap<QString, Bucket> buckets; // sorted by slug
    auto unassigned = [&inventory](const QString &resource) {
        inventory.unassigned.append(
                Inconsistency{u"no_deployment_label"_s, resource,
                              tr("The %1 is marked as managed by jitsi-deployer but belongs to no deployment (no "
                                 "jitsi-deployer/deployment label). Delete it or add the label in the Hetzner Console.")
                                      .arg(resource)});
    };
    // The API already filtered by the selector; checked again so nothing unmanaged can slip through.
    for (const Server &server : servers) {
        if (!DeploymentLabels::isManaged(server.labels))
            continue;
        if (const QString slug = deploymentOf(server.labels); slug.isEmpty())
            unassigned(serverResource(server.name));
        else
            buckets[slug].servers.append(server);
    }
    for (const Network &network : networks) {
        if (!DeploymentLabels::isManaged(network.labels))
            continue;
        if (const QString slug = deploymentOf(network.labels); slug.isEmpty())
            unassigned(u"network "_s + network.name);
        else
            buckets[slug].networks.append(network);
    }
    for (const Firewall &firewall : firewalls) {
        if (!DeploymentLabels::isManaged(firewall.labels))
            continue;
        if (const QString slug = deploymentOf(firewall.labels); slug.isEmpty())
            unassigned(u"firewall "_s + firewall.name);
        else
            buckets[slug].firewalls.append(firewall);
    }
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it)
        inventory.deployments.append(build(it.key(), it.value()));
    return inventory;
}

bool DiscoveredDeployment::interrupted() const
{
    if (web && web->setUpPending)
        return true;
    return std::any_of(bridges.cbegin(), bridges.cend(), [](const DiscoveredServer &s) { return s.setUpPending; });
}
