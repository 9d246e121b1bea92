// Discovery: finding deployments by their labels (DESIGN.md §4), and the label sets the engine creates them with.
#include "deploy/deploymentlabels.h"
#include "deploy/discovery.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"
#include "model/deploymentplan.h"
#include "openapivalidator.h"
#include "simtestclient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using hcloud::Labels;

namespace {
// reference/hetzner-cloud-api.md §4, verbatim.
const QRegularExpression labelKeyPattern(
        u"^([a-z0-9A-Z]((?:[\\-_.]|[a-z0-9A-Z]){0,253}[a-z0-9A-Z])?/)?[a-z0-9A-Z]((?:[\\-_.]|[a-z0-9A-Z]|){0,61}[a-z0-9A-Z])?$"_s);
const QRegularExpression labelValuePattern(u"^(([a-z0-9A-Z](?:[\\-_.]|[a-z0-9A-Z]){0,61})?[a-z0-9A-Z]$|$)"_s);

const QString slug = u"meet-example-org"_s;
const QString domain = u"meet.example.org"_s;

hcloud::Server server(qint64 id, const QString &name, const Labels &labels, const QString &privateIp = {},
                      qint64 network = 0)
{
    hcloud::Server s;
    s.id = id;
    s.name = name;
    s.labels = labels;
    s.status = u"running"_s;
    s.serverType = u"cx33"_s;
    s.location = u"fsn1"_s;
    s.ipv4 = u"198.18.0.%1"_s.arg(id);
    if (!privateIp.isEmpty())
        s.privateNet.append(hcloud::PrivateNet{network, privateIp});
    return s;
}

hcloud::Network network(qint64 id, const QString &name, const Labels &labels)
{
    hcloud::Network n;
    n.id = id;
    n.name = name;
    n.labels = labels;
    n.ipRange = u"10.0.0.0/16"_s;
    return n;
}

hcloud::Firewall firewall(qint64 id, const QString &name, const Labels &labels)
{
    hcloud::Firewall f;
    f.id = id;
    f.name = name;
    f.labels = labels;
    return f;
}

QStringList codes(const QList<Inconsistency> &inconsistencies)
{
    QStringList out;
    for (const Inconsistency &inconsistency : inconsistencies)
        out << inconsistency.code;
    return out;
}

QJsonObject toJson(const Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}
} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT

private:
    // A complete, healthy deployment as the engine would leave it, as the API lists it.
    struct Lists
    {
        QList<hcloud::Server> servers;
        QList<hcloud::Network> networks;
        QList<hcloud::Firewall> firewalls;
    };
    static Lists healthy()
    {
        const DeploymentLabels labels(slug, domain);
        Lists lists;
        lists.networks << network(7, labels.networkName(), labels.network());
        lists.servers << server(3, labels.bridgeName(2), labels.bridgeServer(2), u"10.0.1.4"_s, 7)
                      << server(1, labels.webServerName(), labels.webServer(), u"10.0.1.2"_s, 7)
                      << server(2, labels.bridgeName(1), labels.bridgeServer(1), u"10.0.1.3"_s, 7);
        lists.firewalls << firewall(11, labels.webFirewallName(), labels.webFirewall())
                        << firewall(12, labels.bridgeFirewallName(), labels.bridgeFirewall());
        return lists;
    }
    static Inventory group(const Lists &lists)
    {
        return Discovery::group(lists.servers, lists.networks, lists.firewalls);
    }

    // For the tests against the simulator.
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<hcloud::HetznerClient> m_client;

    qint64 post(const QByteArray &path, const QJsonObject &body, const QString &key)
    {
        SimTestClient http(m_sim->endpoint());
        const SimReply reply = http.post(path, body);
        if (reply.status != 201)
            qWarning() << path << reply.status << reply.body;
        return reply.json.value(key).toObject().value(u"id"_s).toInteger();
    }
    // The deployment created through the simulator's HTTP API, as the engine will (labels, network attached).
    void createDeploymentInSim(const DeploymentLabels &labels, int bridges)
    {
        const qint64 net
                = post("/networks",
                       QJsonObject{{u"name"_s, labels.networkName()},
                                   {u"ip_range"_s, u"10.0.0.0/16"_s},
                                   {u"subnets"_s, QJsonArray{QJsonObject{{u"type"_s, u"cloud"_s},
                                                                         {u"ip_range"_s, u"10.0.1.0/24"_s},
                                                                         {u"network_zone"_s, u"eu-central"_s}}}},
                                   {u"labels"_s, toJson(labels.network())}},
                       u"network"_s);
        QVERIFY(net > 0);
        auto createServer = [&](const QString &name, const Labels &serverLabels) {
            return post("/servers",
                        QJsonObject{{u"name"_s, name},
                                    {u"server_type"_s, u"cx23"_s},
                                    {u"image"_s, u"debian-12"_s},
                                    {u"location"_s, u"fsn1"_s},
                                    {u"networks"_s, QJsonArray{net}},
                                    {u"labels"_s, toJson(serverLabels)}},
                        u"server"_s);
        };
        QVERIFY(createServer(labels.webServerName(), labels.webServer()) > 0);
        for (int n = 1; n <= bridges; ++n)
            QVERIFY(createServer(labels.bridgeName(n), labels.bridgeServer(n)) > 0);
        auto applyTo = [](const QString &selector) {
            return QJsonArray{QJsonObject{{u"type"_s, u"label_selector"_s},
                                          {u"label_selector"_s, QJsonObject{{u"selector"_s, selector}}}}};
        };
        QVERIFY(post("/firewalls",
                     QJsonObject{{u"name"_s, labels.webFirewallName()},
                                 {u"labels"_s, toJson(labels.webFirewall())},
                                 {u"apply_to"_s, applyTo(labels.webServerSelector())}},
                     u"firewall"_s)
                > 0);
        QVERIFY(post("/firewalls",
                     QJsonObject{{u"name"_s, labels.bridgeFirewallName()},
                                 {u"labels"_s, toJson(labels.bridgeFirewall())},
                                 {u"apply_to"_s, applyTo(labels.bridgeServerSelector())}},
                     u"firewall"_s)
                > 0);
    }

    Result<Inventory> discover()
    {
        Discovery discovery(m_client.get());
        QObject context;
        std::optional<Result<Inventory>> outcome;
        int calls = 0;
        discovery.discover(&context, [&](Result<Inventory> result) {
            ++calls;
            outcome = std::move(result);
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 30000);
        }();
        QTest::qWait(50); // a second callback would arrive now
        if (!outcome)
            return Error{u"test"_s, u"no_answer"_s, u"discover() never answered"_s, {}, {}, 0};
        if (calls != 1)
            return Error{u"test"_s, u"called_twice"_s, u"done ran %1 times"_s.arg(calls), {}, {}, 0};
        return *outcome;
    }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<HcloudSim>();
        QVERIFY(m_sim->listen());
        m_sim->setActionDurationMs(0);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<hcloud::HetznerClient>(m_network.get());
        m_client->setEndpoint(m_sim->endpoint());
        m_client->setToken(HcloudSim::defaultToken());
    }

    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // --- DeploymentLabels ---

    void labelSetsFollowTheDesign()
    {
        const DeploymentLabels labels(slug, domain);
        const Labels base{{u"managed-by"_s, u"jitsi-deployer"_s},
                          {u"jitsi-deployer/deployment"_s, slug},
                          {u"jitsi-deployer/domain"_s, domain}};
        QCOMPARE(labels.common(), base);
        QCOMPARE(labels.network(), base);
        Labels web = base;
        web.insert(u"jitsi-deployer/role"_s, u"web"_s);
        QCOMPARE(labels.webServer(), web);
        QCOMPARE(labels.webFirewall(), web);
        Labels bridge = base;
        bridge.insert(u"jitsi-deployer/role"_s, u"bridge"_s);
        QCOMPARE(labels.bridgeFirewall(), bridge);
        bridge.insert(u"jitsi-deployer/bridge"_s, u"3"_s);
        QCOMPARE(labels.bridgeServer(3), bridge);
        QCOMPARE(DeploymentLabels::sshKey(), (Labels{{u"managed-by"_s, u"jitsi-deployer"_s}}));
    }

    void selectors()
    {
        const DeploymentLabels labels(slug, domain);
        QCOMPARE(DeploymentLabels::managedSelector(), u"managed-by=jitsi-deployer"_s);
        QCOMPARE(labels.deploymentSelector(),
                 u"jitsi-deployer/deployment=meet-example-org,managed-by=jitsi-deployer"_s);
        QCOMPARE(labels.webServerSelector(),
                 u"jitsi-deployer/deployment=meet-example-org,jitsi-deployer/role=web,managed-by=jitsi-deployer"_s);
        QCOMPARE(labels.bridgeServerSelector(),
                 u"jitsi-deployer/deployment=meet-example-org,jitsi-deployer/role=bridge,managed-by=jitsi-deployer"_s);
        // The selectors match the servers the label sets describe, and not the others.
        QVERIFY(hcloud::labelsMatch(labels.webServer(), {{u"jitsi-deployer/role"_s, u"web"_s}}));
        QVERIFY(!hcloud::labelsMatch(labels.bridgeServer(1), {{u"jitsi-deployer/role"_s, u"web"_s}}));
    }

    void namesAgreeWithThePlan_data()
    {
        QTest::addColumn<QString>("planDomain");
        QTest::newRow("short") << domain;
        QTest::newRow("long") << (u"a"_s.repeated(40) + u".very-long-subdomain-of.example-organisation.org"_s);
    }

    void namesAgreeWithThePlan()
    {
        QFETCH(QString, planDomain);
        DeploymentPlan plan;
        plan.domain = planDomain;
        const DeploymentLabels labels(plan);
        QCOMPARE(labels.slug(), plan.slug());
        QCOMPARE(labels.webServerName(), plan.webServerName());
        QCOMPARE(labels.bridgeName(7), plan.bridgeName(7));
        QCOMPARE(labels.networkName(), plan.networkName());
        QCOMPARE(labels.webFirewallName(), plan.webFirewallName());
        QCOMPARE(labels.bridgeFirewallName(), plan.bridgeFirewallName());
        // Every label the engine sets is one the API accepts.
        for (const Labels &set : {labels.webServer(), labels.bridgeServer(20), labels.network(), labels.webFirewall(),
                                  labels.bridgeFirewall(), DeploymentLabels::sshKey()}) {
            for (auto it = set.begin(); it != set.end(); ++it) {
                QVERIFY2(labelKeyPattern.match(it.key()).hasMatch(), qPrintable(it.key()));
                QVERIFY2(labelValuePattern.match(it.value()).hasMatch(), qPrintable(it.key() + u'=' + it.value()));
            }
        }
    }

    void domainLabelOnlyWhenItFits()
    {
        QCOMPARE(DeploymentLabels::domainLabelValue(u"Meet.Example.org"_s), u"meet.example.org"_s);
        const QString sixtyThree = u"a"_s.repeated(59) + u".org"_s;
        QCOMPARE(sixtyThree.size(), 63);
        QCOMPARE(DeploymentLabels::domainLabelValue(sixtyThree), sixtyThree);
        QCOMPARE(DeploymentLabels::domainLabelValue(u"a"_s + sixtyThree), QString());
        QCOMPARE(DeploymentLabels::domainLabelValue(QString()), QString());
        const DeploymentLabels longOne(u"x"_s, u"a"_s + sixtyThree);
        QVERIFY(!longOne.common().contains(u"jitsi-deployer/domain"_s));
        QCOMPARE(longOne.common().size(), 2);
    }

    void bridgeNumberFromName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("number"); // 0 = not a bridge name
        QTest::newRow("1") << u"meet-example-org-jvb-1"_s << 1;
        QTest::newRow("12") << u"meet-example-org-jvb-12"_s << 12;
        QTest::newRow("leading zero") << u"meet-example-org-jvb-01"_s << 0;
        QTest::newRow("zero") << u"meet-example-org-jvb-0"_s << 0;
        QTest::newRow("suffix") << u"meet-example-org-jvb-1x"_s << 0;
        QTest::newRow("no number") << u"meet-example-org-jvb-"_s << 0;
        QTest::newRow("web") << u"meet-example-org-web"_s << 0;
        QTest::newRow("other slug") << u"meet-example-com-jvb-1"_s << 0;
        QTest::newRow("longer slug") << u"x-meet-example-org-jvb-1"_s << 0;
    }

    void bridgeNumberFromName()
    {
        QFETCH(QString, name);
        QFETCH(int, number);
        QCOMPARE(DeploymentLabels(slug).bridgeNumberFromName(name).value_or(0), number);
    }

    // --- grouping ---

    void healthyDeployment()
    {
        const Inventory inventory = group(healthy());
        QCOMPARE(inventory.deployments.size(), 1);
        QVERIFY(inventory.unassigned.isEmpty());
        const DiscoveredDeployment &d = inventory.deployments.first();
        QCOMPARE(d.slug, slug);
        QCOMPARE(d.domain, domain);
        QVERIFY2(d.inconsistencies.isEmpty(), qPrintable(codes(d.inconsistencies).join(u',')));
        QVERIFY(d.web);
        QCOMPARE(d.web->name, u"meet-example-org-web"_s);
        QCOMPARE(d.web->privateIp, u"10.0.1.2"_s);
        QCOMPARE(d.web->publicIpv4, u"198.18.0.1"_s);
        QCOMPARE(d.bridges.size(), 2);
        QCOMPARE(d.bridges[0].name, u"meet-example-org-jvb-1"_s); // sorted by number, not by id
        QCOMPARE(d.bridges[0].bridgeNumber, 1);
        QCOMPARE(d.bridges[1].bridgeNumber, 2);
        QCOMPARE(d.bridges[1].privateIp, u"10.0.1.4"_s);
        QCOMPARE(d.bridges[1].location, u"fsn1"_s);
        QCOMPARE(d.bridges[1].serverType, u"cx33"_s);
        QCOMPARE(d.bridges[1].status, u"running"_s);
        QCOMPARE(d.networks.size(), 1);
        QCOMPARE(d.networks[0].name, u"meet-example-org-net"_s);
        QCOMPARE(d.firewalls.size(), 2);
        QCOMPARE(d.firewalls[0].name, u"meet-example-org-bridges"_s);
        QCOMPARE(d.firewalls[0].role, u"bridge"_s);
        QVERIFY(d.otherServers.isEmpty());
        QCOMPARE(inventory.find(slug), &inventory.deployments.first());
        QCOMPARE(inventory.find(domain), &inventory.deployments.first());
        QCOMPARE(inventory.find(u"Meet.Example.Org"_s), &inventory.deployments.first());
        QCOMPARE(inventory.find(u"meet.example.com"_s), nullptr);
    }

    void bridgeNumberFromNameWhenUnlabelled()
    {
        Lists lists = healthy();
        lists.servers[0].labels.remove(u"jitsi-deployer/bridge"_s);
        const DiscoveredDeployment d = group(lists).deployments.first();
        QVERIFY(d.inconsistencies.isEmpty());
        QCOMPARE(d.bridges[1].bridgeNumber, 2);
    }

    void privateIpOnlyFromTheDeploymentsNetwork()
    {
        Lists lists = healthy();
        lists.servers[1].privateNet = {hcloud::PrivateNet{99, u"172.16.0.5"_s}};
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(d.web->privateIp, QString());
    }

    void unmanagedResourcesAreInvisible()
    {
        Lists lists = healthy();
        Labels foreign = DeploymentLabels(slug, domain).bridgeServer(3);
        foreign.remove(u"managed-by"_s);
        lists.servers << server(20, u"meet-example-org-jvb-3"_s, foreign);
        foreign.insert(u"managed-by"_s, u"terraform"_s);
        lists.servers << server(21, u"meet-example-org-jvb-4"_s, foreign);
        lists.networks << network(22, u"other-net"_s, {{u"jitsi-deployer/deployment"_s, slug}});
        lists.firewalls << firewall(23, u"other-fw"_s, {});
        lists.servers << server(24, u"lonely"_s, {{u"app"_s, u"jitsi"_s}});
        const Inventory inventory = group(lists);
        QCOMPARE(inventory.deployments.size(), 1);
        QVERIFY(inventory.unassigned.isEmpty());
        const DiscoveredDeployment &d = inventory.deployments.first();
        QVERIFY2(d.inconsistencies.isEmpty(), qPrintable(codes(d.inconsistencies).join(u',')));
        QCOMPARE(d.bridges.size(), 2);
        QCOMPARE(d.networks.size(), 1);
        QCOMPARE(d.firewalls.size(), 2);
    }

    void managedWithoutDeploymentIsUnassigned()
    {
        Lists lists;
        lists.servers << server(1, u"stray"_s, DeploymentLabels::sshKey());
        lists.networks << network(2, u"stray-net"_s, DeploymentLabels::sshKey());
        const Inventory inventory = group(lists);
        QVERIFY(inventory.deployments.isEmpty());
        QCOMPARE(codes(inventory.unassigned), (QStringList{u"no_deployment_label"_s, u"no_deployment_label"_s}));
        QCOMPARE(inventory.unassigned[0].resource, u"server stray"_s);
        QVERIFY(inventory.unassigned[1].message.contains(u"stray-net"_s));
    }

    void bridgeWithoutWeb()
    {
        Lists lists = healthy();
        lists.servers.removeAt(1);
        const DiscoveredDeployment d = group(lists).deployments.first();
        QVERIFY(!d.web);
        QCOMPARE(codes(d.inconsistencies), QStringList{u"bridge_without_web"_s});
        QVERIFY(d.inconsistencies[0].resource.isEmpty());
        QVERIFY(d.inconsistencies[0].message.contains(slug));
    }

    void nameNotMatchingLabels_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expectedInMessage");
        QTest::newRow("bridge label 2 named 5") << 0 << u"meet-example-org-jvb-5"_s << u"meet-example-org-jvb-2"_s;
        QTest::newRow("web misnamed") << 1 << u"meet-example-org-webserver"_s << u"meet-example-org-web"_s;
        QTest::newRow("bridge from another slug") << 0 << u"meet-example-com-jvb-2"_s << u"meet-example-org-jvb-2"_s;
    }

    void nameNotMatchingLabels()
    {
        QFETCH(int, index);
        QFETCH(QString, name);
        QFETCH(QString, expectedInMessage);
        Lists lists = healthy();
        lists.servers[index].name = name;
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(codes(d.inconsistencies), QStringList{u"name_mismatch"_s});
        QCOMPARE(d.inconsistencies[0].resource, u"server "_s + name);
        QVERIFY2(d.inconsistencies[0].message.contains(expectedInMessage), qPrintable(d.inconsistencies[0].message));
        QVERIFY(d.web); // still shown where its labels put it
        QCOMPARE(d.bridges.size(), 2);
    }

    void bridgeWithoutAnyNumber()
    {
        Lists lists = healthy();
        lists.servers[0].labels.remove(u"jitsi-deployer/bridge"_s);
        lists.servers[0].name = u"meet-example-org-extra"_s;
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(codes(d.inconsistencies), QStringList{u"name_mismatch"_s});
        QCOMPARE(d.bridges[0].bridgeNumber, 0);
    }

    void networkAndFirewallNames()
    {
        Lists lists = healthy();
        lists.networks[0].name = u"my-net"_s;
        lists.firewalls[0].name = u"meet-example-org-bridges-2"_s; // labelled role=web
        lists.firewalls[1].labels.remove(u"jitsi-deployer/role"_s); // no role, but a name we use: fine
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(codes(d.inconsistencies), (QStringList{u"name_mismatch"_s, u"name_mismatch"_s}));
        QCOMPARE(d.inconsistencies[0].resource, u"network my-net"_s);
        QCOMPARE(d.inconsistencies[1].resource, u"firewall meet-example-org-bridges-2"_s);
        QVERIFY(d.inconsistencies[1].message.contains(u"meet-example-org-web"_s));
    }

    void duplicateBridgeNumber()
    {
        Lists lists = healthy();
        // A server named as bridge 3 but labelled bridge 2: two claims on number 2.
        lists.servers << server(4, u"meet-example-org-jvb-3"_s, DeploymentLabels(slug, domain).bridgeServer(2));
        const DiscoveredDeployment d = group(lists).deployments.first();
        QVERIFY(codes(d.inconsistencies).contains(u"duplicate_bridge_number"_s));
        QVERIFY(codes(d.inconsistencies).contains(u"name_mismatch"_s));
        const auto duplicate
                = std::find_if(d.inconsistencies.begin(), d.inconsistencies.end(),
                               [](const Inconsistency &i) { return i.code == u"duplicate_bridge_number"_s; });
        QVERIFY(duplicate->message.contains(u"meet-example-org-jvb-2"_s));
        QVERIFY(duplicate->message.contains(u"meet-example-org-jvb-3"_s));
        QCOMPARE(d.bridges.size(), 3);
    }

    void duplicateWeb()
    {
        Lists lists = healthy();
        // The impostor has a lower id, but the correctly named one stays the web host.
        lists.servers << server(0, u"meet-example-org-web2"_s, DeploymentLabels(slug, domain).webServer());
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(codes(d.inconsistencies), QStringList{u"duplicate_web"_s});
        QCOMPARE(d.web->name, u"meet-example-org-web"_s);
        QCOMPARE(d.otherServers.size(), 1);
        QCOMPARE(d.otherServers[0].name, u"meet-example-org-web2"_s);
    }

    void unknownRole()
    {
        Lists lists = healthy();
        Labels labels = DeploymentLabels(slug, domain).common();
        lists.servers << server(5, u"meet-example-org-turn"_s, labels);
        labels.insert(u"jitsi-deployer/role"_s, u"turn"_s);
        lists.servers << server(6, u"meet-example-org-turn2"_s, labels);
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(codes(d.inconsistencies), (QStringList{u"unknown_role"_s, u"unknown_role"_s}));
        QCOMPARE(d.otherServers.size(), 2);
        QVERIFY(d.inconsistencies[1].message.contains(u"turn"_s));
    }

    void leftoversWithoutServers()
    {
        Lists lists = healthy();
        lists.servers.clear();
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(codes(d.inconsistencies), QStringList{u"no_servers"_s});
        QCOMPARE(d.networks.size(), 1);
        QCOMPARE(d.domain, domain); // the network's label still says it
    }

    void duplicateNetwork()
    {
        Lists lists = healthy();
        lists.networks << network(8, u"meet-example-org-net-2"_s, DeploymentLabels(slug, domain).network());
        const DiscoveredDeployment d = group(lists).deployments.first();
        QVERIFY(codes(d.inconsistencies).contains(u"duplicate_network"_s));
        // A server on the second network still gets its private IP shown.
        QCOMPARE(d.web->privateIp, u"10.0.1.2"_s);
    }

    void domainLabelMustMatchTheSlug()
    {
        Lists lists = healthy();
        lists.servers[1].labels.insert(u"jitsi-deployer/domain"_s, u"other.example.org"_s);
        const DiscoveredDeployment d = group(lists).deployments.first();
        QCOMPARE(codes(d.inconsistencies), QStringList{u"domain_mismatch"_s});
        QCOMPARE(d.domain, domain); // from the other resources
    }

    void domainUnknownWithoutLabel()
    {
        Lists lists = healthy();
        for (hcloud::Server &s : lists.servers)
            s.labels.remove(u"jitsi-deployer/domain"_s);
        for (hcloud::Network &n : lists.networks)
            n.labels.remove(u"jitsi-deployer/domain"_s);
        for (hcloud::Firewall &f : lists.firewalls)
            f.labels.remove(u"jitsi-deployer/domain"_s);
        const Inventory inventory = group(lists);
        QCOMPARE(inventory.deployments.first().domain, QString());
        QVERIFY(inventory.deployments.first().inconsistencies.isEmpty());
        QVERIFY(inventory.find(domain)); // found through its slug
    }

    void severalDeploymentsSortedBySlug()
    {
        Lists lists = healthy();
        const DeploymentLabels other(u"a-example-org"_s, u"a.example.org"_s);
        lists.servers << server(30, other.webServerName(), other.webServer());
        const Inventory inventory = group(lists);
        QCOMPARE(inventory.deployments.size(), 2);
        QCOMPARE(inventory.deployments[0].slug, u"a-example-org"_s);
        QCOMPARE(inventory.deployments[0].domain, u"a.example.org"_s);
        QVERIFY(inventory.deployments[0].bridges.isEmpty());
        QVERIFY(inventory.deployments[0].inconsistencies.isEmpty());
        QVERIFY(inventory.deployments[0].networks.isEmpty());
        QCOMPARE(inventory.deployments[1].bridges.size(), 2);
    }

    // --- against the simulator ---

    void discoverWithOneRequestPerKind()
    {
        const DeploymentLabels labels(slug, domain);
        createDeploymentInSim(labels, 3);
        m_sim->seedServer(u"unrelated"_s, QJsonObject{{u"jitsi-deployer/deployment"_s, slug}});
        m_sim->clearExchanges();

        const Result<Inventory> inventory = discover();
        QVERIFY2(inventory.ok(), qPrintable(inventory.error().toString()));
        QCOMPARE(inventory->deployments.size(), 1);
        const DiscoveredDeployment &d = inventory->deployments.first();
        QVERIFY2(d.inconsistencies.isEmpty(), qPrintable(codes(d.inconsistencies).join(u',')));
        QCOMPARE(d.domain, domain);
        QVERIFY(d.web);
        QCOMPARE(d.bridges.size(), 3);
        QCOMPARE(d.bridges[2].name, u"meet-example-org-jvb-3"_s);
        QVERIFY(!d.web->publicIpv4.isEmpty());
        QVERIFY(d.web->privateIp.startsWith(u"10.0.1."_s));
        QVERIFY(d.bridges[0].privateIp.startsWith(u"10.0.1."_s));
        QCOMPARE(d.firewalls.size(), 2);

        const QList<HcloudSim::Exchange> exchanges = m_sim->exchanges();
        QStringList paths;
        for (const HcloudSim::Exchange &exchange : exchanges) {
            QCOMPARE(exchange.method, u"GET"_s);
            QVERIFY2(exchange.query.contains(u"label_selector=managed-by=jitsi-deployer"_s),
                     qPrintable(exchange.query));
            paths << exchange.path;
        }
        paths.sort();
        QCOMPARE(paths, (QStringList{u"/firewalls"_s, u"/networks"_s, u"/servers"_s}));
    }

    void discoverFollowsPagination()
    {
        const DeploymentLabels labels(slug, domain);
        m_sim->seedServer(labels.webServerName(), toJson(labels.webServer()));
        for (int n = 1; n <= 20; ++n)
            m_sim->seedServer(labels.bridgeName(n), toJson(labels.bridgeServer(n)));
        for (int n = 0; n < 40; ++n)
            m_sim->seedServer(u"other-%1"_s.arg(n)); // unmanaged: never fetched
        for (int n = 0; n < 10; ++n) {
            const DeploymentLabels other(u"d%1"_s.arg(n));
            m_sim->seedServer(other.webServerName(), toJson(other.webServer()));
        }
        const Result<Inventory> inventory = discover();
        QVERIFY2(inventory.ok(), qPrintable(inventory.error().toString()));
        QCOMPARE(inventory->deployments.size(), 11);
        const DiscoveredDeployment *d = inventory->find(slug);
        QVERIFY(d);
        QCOMPARE(d->bridges.size(), 20);
        QVERIFY(d->networks.isEmpty());
    }

    void emptyProject()
    {
        m_sim->seedServer(u"someone-elses"_s);
        const Result<Inventory> inventory = discover();
        QVERIFY(inventory.ok());
        QVERIFY(inventory->deployments.isEmpty());
        QVERIFY(inventory->unassigned.isEmpty());
    }

    void failureIsReportedOnce()
    {
        const DeploymentLabels labels(slug, domain);
        m_sim->seedServer(labels.webServerName(), toJson(labels.webServer()));
        HcloudSim::Fault fault;
        fault.kind = HcloudSim::Fault::Kind::ApiError;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/networks$"_s;
        fault.status = 500;
        fault.code = u"server_error"_s;
        fault.count = -1;
        m_sim->injectFault(fault);
        const Result<Inventory> inventory = discover();
        QVERIFY(!inventory.ok());
        QCOMPARE(inventory.error().code, u"server_error"_s);
    }

    void destroyedContextGetsNoCallback()
    {
        Discovery discovery(m_client.get());
        auto context = std::make_unique<QObject>();
        bool called = false;
        discovery.discover(context.get(), [&](Result<Inventory>) { called = true; });
        context.reset();
        QTRY_COMPARE_WITH_TIMEOUT(m_sim->exchanges().size(), 3, 10000);
        QTest::qWait(100);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
