#include "hcloud/hcloudparse.h"
#include "hcloud/hetznerclient.h"
#include "hcloud/labelselector.h"
#include "ssh/sshpublickey.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("fixture is not a JSON object: %s", qPrintable(error.errorString()));
    return document.object();
}

// Shaped like reference §2.1 (a create answer's server), with `location` as sent since 2025-12.
constexpr const char *serverWithLocation = R"({
  "id": 42, "name": "meet-prod-1", "status": "initializing", "created": "2016-01-30T23:50:00Z",
  "public_net": {"ipv4": {"id": 1, "ip": "1.2.3.4", "blocked": false, "dns_ptr": "server01.example.com"},
                 "ipv6": {"id": 2, "ip": "2001:db8::/64", "blocked": false, "dns_ptr": []},
                 "floating_ips": [], "firewalls": [{"id": 38, "status": "applied"}]},
  "private_net": [{"network": 456, "ip": "10.0.0.2", "alias_ips": [], "mac_address": "86:00:ff:2a:7d:e1"}],
  "server_type": {"id": 1, "name": "cx33"},
  "location": {"id": 1, "name": "fsn1", "network_zone": "eu-central"},
  "image": {"id": 4711, "name": "debian-12", "type": "system"},
  "labels": {"app": "jitsi", "jitsi-deployer/role": "web"}, "locked": false,
  "protection": {"delete": false, "rebuild": false}, "backup_window": null, "rescue_enabled": false,
  "iso": null, "primary_disk_size": 80, "placement_group": null, "volumes": [], "load_balancers": []
})";

// Before 2026-07-01 only `datacenter` carried the location.
constexpr const char *serverWithDatacenterOnly = R"({
  "id": 7, "name": "old", "status": "running", "created": "2025-01-30T23:50:00+01:00",
  "public_net": {"ipv4": {"ip": "5.6.7.8"}, "ipv6": null},
  "server_type": {"name": "cx22"},
  "datacenter": {"id": 4, "name": "nbg1-dc3", "location": {"id": 2, "name": "nbg1", "network_zone": "eu-central"}},
  "image": null, "labels": {}
})";

// IPv4 disabled, a real-shaped /64 (hcloud-go fixture), and fields this build has never heard of.
constexpr const char *serverIpv6Only = R"({
  "id": 9007199254740991, "name": "v6", "status": "running",
  "public_net": {"ipv4": null, "ipv6": {"ip": "2a01:4f9:c012:fa81::/64"}, "brand_new": {"x": [1, 2]}},
  "location": {"name": "hel1", "network_zone": "eu-central", "shiny": true},
  "server_type": {"name": "cax11"}, "future_field": "ignored", "labels": {"a": "b"}
})";

constexpr const char *serverTypeCx22 = R"({
  "id": 104, "name": "cx22", "description": "CX22", "category": "cost_optimized", "cores": 2, "memory": 4,
  "disk": 40, "storage_type": "local", "cpu_type": "shared", "architecture": "x86",
  "deprecated": true, "deprecation": {"announced": "2025-10-16T06:00:00Z", "unavailable_after": "2025-12-31T23:59:59Z"},
  "prices": [{"location": "fsn1",
              "price_hourly":  {"gross": "0.0052000000000000", "net": "0.0052000000"},
              "price_monthly": {"gross": "3.2900000000000000", "net": "3.2900000000"},
              "included_traffic": 21990232555520,
              "price_per_tb_traffic": {"gross": "1.0000000000000000", "net": "1.0000000000"}}],
  "locations": [{"id": 1, "name": "fsn1", "deprecation": {"announced": "2025-10-16T06:00:00Z",
                                                          "unavailable_after": "2025-12-31T23:59:59Z"}},
                {"id": 2, "name": "nbg1", "deprecation": {"announced": "2025-10-16T06:00:00Z",
                                                          "unavailable_after": "2025-12-31T23:59:59Z"}}]
})";

constexpr const char *serverTypeCpx22 = R"({
  "id": 109, "name": "cpx22", "category": "regular_purpose", "cores": 2, "memory": 4.5, "disk": 80,
  "storage_type": "local", "cpu_type": "shared", "architecture": "x86", "deprecated": false, "deprecation": null,
  "prices": [{"location": "fsn1", "price_hourly": {"net": "0.0120000000", "gross": "0.0142800000000000"},
              "price_monthly": {"net": "7.4900000000", "gross": "8.9131000000000000"}, "included_traffic": 1}],
  "locations": [{"id": 1, "name": "fsn1", "deprecation": null, "available": true, "recommended": true},
                {"id": 4, "name": "ash", "deprecation": null, "available": false, "recommended": false},
                {"id": 3, "name": "hel1", "deprecation": null}]
})";

} // namespace

class TestHcloudParse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverWithLocation();
    void serverFallsBackToDatacenterLocation();
    void serverWithNullIpv4AndUnknownFields();
    void ipv6HostAddress_data();
    void ipv6HostAddress();
    void serverTypeFields();
    void orderability_data();
    void orderability();
    void imageOrderability();
    void pricing();
    void actionWithError();
    void firewallNetworkPrimaryIpZoneRRSet();
    void requestBodies();
    void md5Fingerprint_data();
    void md5Fingerprint();
    void md5FingerprintAsSshKeygen_data();
    void md5FingerprintAsSshKeygen();
    void hcloudIncludesNothingFromSsh();
    void selectorBuilder();
    void queryEncodingKeepsSelectorIntact();
};

void TestHcloudParse::serverWithLocation()
{
    const Server server = parseServer(json(::serverWithLocation));
    QCOMPARE(server.id, 42);
    QCOMPARE(server.name, u"meet-prod-1"_s);
    QCOMPARE(server.status, u"initializing"_s);
    QCOMPARE(server.created, QDateTime(QDate(2016, 1, 30), QTime(23, 50), Qt::UTC));
    QCOMPARE(server.ipv4, u"1.2.3.4"_s);
    QCOMPARE(server.ipv6Network, u"2001:db8::/64"_s);
    QCOMPARE(server.ipv6Address(), u"2001:db8::1"_s);
    QCOMPARE(server.location, u"fsn1"_s);
    QCOMPARE(server.networkZone, u"eu-central"_s);
    QCOMPARE(server.serverType, u"cx33"_s);
    QCOMPARE(server.image, u"debian-12"_s);
    QCOMPARE(server.labels.value(u"jitsi-deployer/role"_s), u"web"_s);
    QCOMPARE(server.firewallIds, QList<qint64>{38});
    QCOMPARE(server.privateNet.size(), 1);
    QCOMPARE(server.privateNet.first().network, 456);
    QCOMPARE(server.privateNet.first().ip, u"10.0.0.2"_s);
}

void TestHcloudParse::serverFallsBackToDatacenterLocation()
{
    const Server server = parseServer(json(serverWithDatacenterOnly));
    QCOMPARE(server.location, u"nbg1"_s);
    QCOMPARE(server.networkZone, u"eu-central"_s);
    QCOMPARE(server.ipv4, u"5.6.7.8"_s);
    QVERIFY(server.ipv6Network.isEmpty());
    QVERIFY(server.ipv6Address().isEmpty());
    QVERIFY(server.image.isEmpty());
    QCOMPARE(server.created, QDateTime(QDate(2025, 1, 30), QTime(22, 50), Qt::UTC));
}

void TestHcloudParse::serverWithNullIpv4AndUnknownFields()
{
    const Server server = parseServer(json(serverIpv6Only));
    QCOMPARE(server.id, Q_INT64_C(9007199254740991)); // the spec's maximum id survives the double in QJsonValue
    QVERIFY(server.ipv4.isEmpty());
    QCOMPARE(server.ipv6Address(), u"2a01:4f9:c012:fa81::1"_s);
    QCOMPARE(server.location, u"hel1"_s);
    QCOMPARE(server.labels, (Labels{{u"a"_s, u"b"_s}}));
    QVERIFY(!server.created.isValid());
}

void TestHcloudParse::ipv6HostAddress_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("host");
    QTest::newRow("documentation /64") << u"2001:db8::/64"_s << u"2001:db8::1"_s;
    QTest::newRow("hetzner /64") << u"2a01:4f8:1c1c:abcd::/64"_s << u"2a01:4f8:1c1c:abcd::1"_s;
    QTest::newRow("host bits set are cleared") << u"2001:db8:0:1:ffff::5/64"_s << u"2001:db8:0:1::1"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("ipv4 is not ipv6") << u"10.0.0.0/24"_s << QString();
    QTest::newRow("garbage") << u"not-an-address"_s << QString();
}

void TestHcloudParse::ipv6HostAddress()
{
    QFETCH(QString, network);
    QFETCH(QString, host);
    Server server;
    server.ipv6Network = network;
    QCOMPARE(server.ipv6Address(), host);
}

void TestHcloudParse::serverTypeFields()
{
    const ServerType type = parseServerType(json(serverTypeCx22));
    QCOMPARE(type.id, 104);
    QCOMPARE(type.name, u"cx22"_s);
    QCOMPARE(type.cores, 2);
    QCOMPARE(type.memoryGb, 4.0);
    QCOMPARE(type.diskGb, 40);
    QCOMPARE(type.architecture, u"x86"_s);
    QVERIFY(type.deprecated);
    QCOMPARE(type.locations.size(), 2);
    QVERIFY(type.locations.first().deprecated);
    QCOMPARE(type.locations.first().unavailableAfter, QDateTime(QDate(2025, 12, 31), QTime(23, 59, 59), Qt::UTC));
    QVERIFY(type.locations.first().available); // omitted before 2026-04: available
    const std::optional<ServerTypePrice> price = type.priceIn(u"fsn1"_s);
    QVERIFY(price);
    QCOMPARE(price->monthly.gross.toString(), u"3.29"_s);
    QCOMPARE(price->hourly.net.toString(), u"0.0052"_s);
    QCOMPARE(price->includedTrafficBytes, Q_INT64_C(21990232555520));
    QVERIFY(!type.priceIn(u"ash"_s));

    const ServerType cpx22 = parseServerType(json(serverTypeCpx22));
    QCOMPARE(cpx22.memoryGb, 4.5);
    QCOMPARE(cpx22.priceIn(u"fsn1"_s)->monthly.gross.toString(), u"8.9131"_s);
    QVERIFY(cpx22.locations.first().recommended);
}

void TestHcloudParse::orderability_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("orderable");
    const QDateTime before(QDate(2025, 11, 1), QTime(0, 0), Qt::UTC);
    const QDateTime after(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime lastSecond(QDate(2025, 12, 31), QTime(23, 59, 58), Qt::UTC);
    QTest::newRow("deprecated, before unavailable_after") << u"cx22"_s << u"fsn1"_s << before << true;
    QTest::newRow("deprecated, one second before") << u"cx22"_s << u"fsn1"_s << lastSecond << true;
    QTest::newRow("deprecated, past unavailable_after") << u"cx22"_s << u"fsn1"_s << after << false;
    QTest::newRow("not listed in location") << u"cx22"_s << u"hel1"_s << before << false;
    QTest::newRow("available") << u"cpx22"_s << u"fsn1"_s << after << true;
    QTest::newRow("available: false") << u"cpx22"_s << u"ash"_s << after << false;
    QTest::newRow("available omitted") << u"cpx22"_s << u"hel1"_s << after << true;
    QTest::newRow("unknown location") << u"cpx22"_s << u"xyz1"_s << after << false;
}

void TestHcloudParse::orderability()
{
    QFETCH(QString, fixture);
    QFETCH(QString, location);
    QFETCH(QDateTime, now);
    QFETCH(bool, orderable);
    const ServerType type = parseServerType(json(fixture == "cx22"_L1 ? serverTypeCx22 : serverTypeCpx22));
    QCOMPARE(type.isOrderableIn(location, now), orderable);
}

void TestHcloudParse::imageOrderability()
{
    const Image image = parseImage(json(R"({"id": 310554929, "type": "system", "name": "debian-13",
        "description": "Debian 13", "os_flavor": "debian", "os_version": "13", "architecture": "x86",
        "status": "available", "deprecated": "2026-01-01T00:00:00Z", "labels": {}, "bound_to": null})"));
    QCOMPARE(image.id, 310554929);
    QCOMPARE(image.architecture, u"x86"_s);
    QVERIFY(image.isOrderable(QDateTime(QDate(2026, 3, 31), QTime(23, 0), Qt::UTC)));
    QVERIFY(!image.isOrderable(QDateTime(QDate(2026, 4, 1), QTime(0, 0, 1), Qt::UTC)));
    const Image current = parseImage(json(R"({"id": 1, "name": "debian-12", "deprecated": null})"));
    QVERIFY(current.isOrderable());
}

void TestHcloudParse::pricing()
{
    const Pricing pricing = parsePricing(json(R"({"currency": "EUR", "vat_rate": "19.00",
      "image": {"price_per_gb_month": {"net": "0.01", "gross": "0.0119"}},
      "primary_ips": [{"type": "ipv4", "prices": [{"location": "fsn1",
          "price_hourly": {"net": "0.0008000000", "gross": "0.0009520000000000"},
          "price_monthly": {"net": "0.5000000000", "gross": "0.5950000000000000"}}]}],
      "server_types": [{"id": 104, "name": "cx22", "prices": [{"location": "fsn1",
          "price_hourly": {"net": "0.0052000000", "gross": "0.0052000000000000"},
          "price_monthly": {"net": "3.2900000000", "gross": "3.2900000000000000"},
          "included_traffic": 21990232555520}]}]})"));
    QCOMPARE(pricing.currency, u"EUR"_s);
    QCOMPARE(pricing.vatRate, u"19.00"_s);
    QCOMPARE(pricing.primaryIps.size(), 1);
    QCOMPARE(pricing.primaryIps.first().monthly.gross.toString(), u"0.595"_s);
    QCOMPARE(pricing.serverTypes.value(u"cx22"_s).first().monthly.net.toString(2), u"3.29"_s);
}

void TestHcloudParse::actionWithError()
{
    const Action action = parseAction(json(R"({"id": 1, "command": "remove_rrset_records", "status": "error",
        "progress": 50, "started": "2026-01-01T00:00:00Z", "finished": "2026-01-01T00:00:01Z",
        "resources": [{"id": 42, "type": "zone"}], "error": {"code": "action_failed", "message": "Action failed"}})"));
    QCOMPARE(action.status, u"error"_s);
    QVERIFY(action.finished());
    QCOMPARE(action.errorCode, u"action_failed"_s);
    QCOMPARE(action.errorMessage, u"Action failed"_s);
    QCOMPARE(action.resources.size(), 1);
    QCOMPARE(action.resources.first().first, u"zone"_s);
    QCOMPARE(action.resources.first().second, 42);
    const Action running = parseAction(json(R"({"id": 2, "status": "running", "error": null})"));
    QVERIFY(!running.finished());
    QVERIFY(running.errorCode.isEmpty());
}

void TestHcloudParse::firewallNetworkPrimaryIpZoneRRSet()
{
    const Firewall firewall = parseFirewall(json(R"({"id": 38, "name": "jitsi-fw", "labels": {"app": "jitsi"},
        "rules": [{"direction": "in", "protocol": "tcp", "port": "22", "source_ips": ["0.0.0.0/0", "::/0"],
                   "destination_ips": [], "description": "ssh"},
                  {"direction": "in", "protocol": "icmp", "port": null, "source_ips": ["0.0.0.0/0"], "description": null}],
        "applied_to": [{"type": "label_selector", "label_selector": {"selector": "app=jitsi"},
                        "applied_to_resources": [{"type": "server", "server": {"id": 42}}]},
                       {"type": "server", "server": {"id": 43}}]})"));
    QCOMPARE(firewall.rules.size(), 2);
    QCOMPARE(firewall.rules.first().port, u"22"_s);
    QCOMPARE(firewall.rules.first().sourceIps, (QStringList{u"0.0.0.0/0"_s, u"::/0"_s}));
    QVERIFY(firewall.rules.last().port.isEmpty());
    QCOMPARE(firewall.appliedToLabelSelectors, QStringList{u"app=jitsi"_s});
    QCOMPARE(firewall.appliedToServers, QList<qint64>{43});

    const Network network = parseNetwork(json(R"({"id": 456, "name": "jitsi-net", "ip_range": "10.0.0.0/16",
        "subnets": [{"type": "cloud", "ip_range": "10.0.1.0/24", "network_zone": "eu-central",
                     "gateway": "10.0.0.1", "vswitch_id": null}], "servers": [42], "labels": {"app": "jitsi"}})"));
    QCOMPARE(network.subnets.size(), 1);
    QCOMPARE(network.subnets.first().networkZone, u"eu-central"_s);
    QCOMPARE(network.servers, QList<qint64>{42});

    const PrimaryIp ip = parsePrimaryIp(json(R"({"id": 5, "name": "web-v4", "type": "ipv4", "ip": "198.18.0.5",
        "assignee_id": null, "assignee_type": "server", "auto_delete": false,
        "location": {"name": "fsn1"}, "labels": {}})"));
    QCOMPARE(ip.assigneeId, 0);
    QCOMPARE(ip.location, u"fsn1"_s);

    const Zone zone = parseZone(json(R"({"id": 42, "name": "example.com", "mode": "primary", "ttl": 3600,
        "authoritative_nameservers": {"assigned": ["hydrogen.ns.hetzner.com.", "oxygen.ns.hetzner.com."]}})"));
    QCOMPARE(zone.assignedNameservers.size(), 2);

    const RRSet rrset = parseRRSet(json(R"({"id": "meet/A", "name": "meet", "type": "A", "ttl": null,
        "records": [{"value": "203.0.113.10", "comment": "jitsi"}], "zone": 42})"));
    QCOMPARE(rrset.ttl, 0);
    QCOMPARE(rrset.records, QStringList{u"203.0.113.10"_s});
}

void TestHcloudParse::requestBodies()
{
    CreateServerRequest server;
    server.name = u"meet-web"_s;
    server.serverType = u"cx23"_s;
    server.imageId = 310554929;
    server.location = u"fsn1"_s;
    server.sshKeyIds = {4711};
    server.firewallIds = {38};
    server.labels = {{u"app"_s, u"jitsi"_s}};
    const QJsonObject body = toJson(server);
    QCOMPARE(body.value("image"_L1).toString(), u"310554929"_s);
    QCOMPARE(body.value("location"_L1).toString(), u"fsn1"_s);
    QVERIFY(!body.contains("datacenter"_L1));
    QCOMPARE(body.value("firewalls"_L1).toArray().first().toObject().value("firewall"_L1).toInteger(), 38);
    QCOMPARE(body.value("ssh_keys"_L1).toArray().first().toInteger(), 4711);

    FirewallRule icmp;
    icmp.direction = u"in"_s;
    icmp.protocol = u"icmp"_s;
    icmp.sourceIps = {u"0.0.0.0/0"_s};
    QVERIFY(!toJson(icmp).contains("port"_L1));
    QVERIFY(!toJson(icmp).contains("destination_ips"_L1));

    CreateFirewallRequest firewall;
    firewall.name = u"fw"_s;
    firewall.applyToLabelSelectors = {u"a=b"_s};
    const QJsonObject applyTo = toJson(firewall).value("apply_to"_L1).toArray().first().toObject();
    QCOMPARE(applyTo.value("type"_L1).toString(), u"label_selector"_s);
    QCOMPARE(applyTo.value("label_selector"_L1).toObject().value("selector"_L1).toString(), u"a=b"_s);
}

void TestHcloudParse::md5Fingerprint_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("fingerprint");
    // Fingerprint from `ssh-keygen -l -E md5` of the same key.
    const QString ed25519 = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFIliKSm/I9kkuFvHkoYJOx0Tx2GIJdSj72lsGHITTnq"_s;
    const QString expected = u"ef:b6:c9:89:ae:58:6a:d6:df:0d:8b:22:54:ef:29:12"_s;
    QTest::newRow("with comment") << ed25519 + u" user@host"_s << expected;
    QTest::newRow("without comment") << ed25519 << expected;
    QTest::newRow("rsa")
            << u"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQD0IW1OyQ+6SZ5ikP17hzleF7fz/bN1nvzO2DPBXdVCbujyfC+fJAvbCmvUpeYh1qQW/ySoPA9+dDnLVgCwCWxH7gqHwJQXZUfAqPB7yWk0YRXpcqRMCn3Vnrza4eyr/iNEcl+08WkP7F3JcLAX/rw8oFNdDZ+Q0iBOQyPPQCCQJlDvjcQi+tTBes2PNBZ7w2UiekNOXbEpWOGGP4Hf5m9Tekc9lA/8XjoiRejkSqxo3TJ0ACUvy/7YHM80at165f+iwD7m5+8/sx3+fdTJdSLb/FCYflkxxIu5nr+pwVCk8LcHVn3lt3jjP4GUGsJEmjydiLne2ssVBru4fcnGfQG7 x"_s
            << u"a7:ed:cc:aa:cc:d9:a0:12:a1:d5:e9:15:98:ac:b5:ec"_s;
    QTest::newRow("surrounding whitespace and newline") << u"  "_s + ed25519 + u" a b c\n"_s << expected;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("type only") << u"ssh-ed25519"_s << QString();
    QTest::newRow("not base64") << u"ssh-ed25519 ***notbase64***"_s << QString();
    QTest::newRow("type does not match blob")
            << u"ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIFIliKSm/I9kkuFvHkoYJOx0Tx2GIJdSj72lsGHITTnq"_s << QString();
    QTest::newRow("private key header") << u"-----BEGIN OPENSSH PRIVATE KEY-----"_s << QString();
    QTest::newRow("algorithm name only") << u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"_s << QString();
    QTest::newRow("length beyond the blob") << u"ssh-ed25519 AAAA/3NzaC1lZDI1NTE5AAAAIA=="_s << QString();
}

void TestHcloudParse::md5Fingerprint()
{
    QFETCH(QString, key);
    QFETCH(QString, fingerprint);
    QCOMPARE(HetznerClient::md5Fingerprint(key), fingerprint);
}

// Keys made now by the real ssh-keygen: the client's own fingerprint is the one ssh-keygen shows and the one
// SshPublicKey (which the client used before) computes, for every algorithm the wizard accepts.
void TestHcloudParse::md5FingerprintAsSshKeygen_data()
{
    QTest::addColumn<QStringList>("keygenArguments");
    QTest::newRow("ed25519") << QStringList{u"-t"_s, u"ed25519"_s};
    QTest::newRow("rsa 3072") << QStringList{u"-t"_s, u"rsa"_s, u"-b"_s, u"3072"_s};
    QTest::newRow("ecdsa 256") << QStringList{u"-t"_s, u"ecdsa"_s, u"-b"_s, u"256"_s};
}

void TestHcloudParse::md5FingerprintAsSshKeygen()
{
    QFETCH(QStringList, keygenArguments);
    QTemporaryDir dir;
    const QString file = dir.filePath(u"key"_s);
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s,
                 keygenArguments + QStringList{u"-q"_s, u"-N"_s, QString(), u"-C"_s, u"me@laptop"_s, u"-f"_s, file});
    QVERIFY(keygen.waitForFinished(60000) && keygen.exitCode() == 0);
    QProcess list;
    list.start(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"md5"_s, u"-f"_s, file + u".pub"_s});
    QVERIFY(list.waitForFinished(60000) && list.exitCode() == 0);
    const QString shown = QString::fromUtf8(list.readAllStandardOutput()).split(u' ').value(1); // "MD5:ab:cd:…"
    QFile publicFile(file + u".pub"_s);
    QVERIFY(publicFile.open(QIODevice::ReadOnly));
    const QString line = QString::fromUtf8(publicFile.readAll());

    const QString ours = HetznerClient::md5Fingerprint(line);
    QCOMPARE(u"MD5:"_s + ours, shown);
    const Result<SshPublicKey> key = SshPublicKey::fromLine(line);
    QVERIFY(key.ok());
    QCOMPARE(ours, key->md5Fingerprint());
}

// DESIGN.md §3: hcloud/ does not need the SSH layer or libssh.
void TestHcloudParse::hcloudIncludesNothingFromSsh()
{
    const QDir dir(QStringLiteral(DEPLOYER_SOURCE_DIR "/app/hcloud"));
    const QStringList files = dir.entryList({u"*.h"_s, u"*.cpp"_s}, QDir::Files);
    QVERIFY(files.contains(u"hetznerclient.cpp"_s));
    static const QRegularExpression include(u"^\\s*#\\s*include\\s*[<\"](ssh/|libssh)"_s,
                                            QRegularExpression::MultilineOption);
    for (const QString &name : files) {
        QFile source(dir.filePath(name));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QRegularExpressionMatch match = include.match(QString::fromUtf8(source.readAll()));
        QVERIFY2(!match.hasMatch(), qPrintable(name + u": "_s + match.captured(0)));
    }
}

void TestHcloudParse::selectorBuilder()
{
    QCOMPARE(selectorFor({}), QString());
    QCOMPARE(selectorFor(
                     {{u"managed-by"_s, u"jitsi-deployer"_s}, {u"jitsi-deployer/deployment"_s, u"meet-example-org"_s}}),
             u"jitsi-deployer/deployment=meet-example-org,managed-by=jitsi-deployer"_s);
    QVERIFY(labelsMatch({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}}, {{u"a"_s, u"1"_s}}));
    QVERIFY(!labelsMatch({{u"a"_s, u"1"_s}}, {{u"a"_s, u"2"_s}}));
    QVERIFY(!labelsMatch({}, {{u"a"_s, u"1"_s}}));
}

void TestHcloudParse::queryEncodingKeepsSelectorIntact()
{
    const QString selector = u"app=jitsi,role!=bridge,!old,env in (prod, test)&x+y#z"_s;
    const QByteArray encoded = encodeQuery({{u"label_selector"_s, selector}, {u"name"_s, u"a b"_s}});
    // Nothing a server could read as a delimiter stays literal inside a value.
    const QByteArray value = encoded.mid(encoded.indexOf('=') + 1, encoded.indexOf('&') - encoded.indexOf('=') - 1);
    for (char delimiter : {'=', ',', '!', ' ', '(', ')', '&', '+', '#'})
        QVERIFY2(!value.contains(delimiter), QByteArray(1, delimiter).constData());
    // Decoded by a standard parser, the value is the selector again.
    const QUrlQuery query(QString::fromLatin1(encoded));
    QCOMPARE(query.queryItemValue(u"label_selector"_s, QUrl::FullyDecoded), selector);
    QCOMPARE(query.queryItemValue(u"name"_s, QUrl::FullyDecoded), u"a b"_s);
}

QTEST_GUILESS_MAIN(TestHcloudParse)
#include "tst_hcloudparse.moc"
