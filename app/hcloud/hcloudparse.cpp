#include "hcloudparse.h"

#include "common/logging.h"

using namespace Qt::StringLiterals;

namespace hcloud {

namespace {

QStringList parseStrings(const QJsonValue &value)
{
    QStringList strings;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            strings.append(item.toString());
    }
    return strings;
}

Money parseMoney(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (const std::optional<Money> money = Money::parse(value.toString()))
        return *money;
    // A float here would be an API change; reading it as a float would lose exactness, so show it instead.
    qCWarning(lcHcloud) << "price is not a decimal string:" << value;
    return {};
}

QString nameOf(const QJsonValue &value)
{
    return value.toObject().value("name"_L1).toString();
}

ServerTypePrice parseServerTypePrice(const QJsonObject &object)
{
    ServerTypePrice price;
    price.location = object.value("location"_L1).toString();
    price.hourly = parsePrice(object.value("price_hourly"_L1));
    price.monthly = parsePrice(object.value("price_monthly"_L1));
    price.includedTrafficBytes = object.value("included_traffic"_L1).toInteger();
    return price;
}

QJsonArray toJsonArray(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

} // namespace

QDateTime parseDateTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime dateTime = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (dateTime.isValid())
        dateTime = dateTime.toUTC();
    return dateTime;
}

Labels parseLabels(const QJsonValue &value)
{
    Labels labels;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

Price parsePrice(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return {parseMoney(object.value("net"_L1)), parseMoney(object.value("gross"_L1))};
}

Action parseAction(const QJsonObject &object)
{
    Action action;
    action.id = object.value("id"_L1).toInteger();
    action.command = object.value("command"_L1).toString();
    action.status = object.value("status"_L1).toString();
    action.progress = object.value("progress"_L1).toInt();
    const QJsonObject error = object.value("error"_L1).toObject();
    action.errorCode = error.value("code"_L1).toString();
    action.errorMessage = error.value("message"_L1).toString();
    const QJsonArray resources = object.value("resources"_L1).toArray();
    for (const QJsonValue &resource : resources) {
        const QJsonObject entry = resource.toObject();
        action.resources.append({entry.value("type"_L1).toString(), entry.value("id"_L1).toInteger()});
    }
    return action;
}

QList<Action> parseActions(const QJsonArray &array)
{
    return parseList<Action>(array, parseAction);
}

Location parseLocation(const QJsonObject &object)
{
    Location location;
    location.id = object.value("id"_L1).toInteger();
    location.name = object.value("name"_L1).toString();
    location.description = object.value("description"_L1).toString();
    location.country = object.value("country"_L1).toString();
    location.city = object.value("city"_L1).toString();
    location.networkZone = object.value("network_zone"_L1).toString();
    return location;
}

ServerType parseServerType(const QJsonObject &object)
{
    ServerType type;
    type.id = object.value("id"_L1).toInteger();
    type.name = object.value("name"_L1).toString();
    type.description = object.value("description"_L1).toString();
    type.category = object.value("category"_L1).toString();
    type.cores = object.value("cores"_L1).toInt();
    type.memoryGb = object.value("memory"_L1).toDouble();
    type.diskGb = object.value("disk"_L1).toInt();
    type.storageType = object.value("storage_type"_L1).toString();
    type.cpuType = object.value("cpu_type"_L1).toString();
    type.architecture = object.value("architecture"_L1).toString();
    type.deprecated = object.value("deprecated"_L1).toBool();
    const QJsonArray locations = object.value("locations"_L1).toArray();
    for (const QJsonValue &value : locations) {
        const QJsonObject entry = value.toObject();
        ServerTypeLocation location;
        location.location = entry.value("name"_L1).toString();
        const QJsonValue deprecation = entry.value("deprecation"_L1);
        location.deprecated = deprecation.isObject();
        location.unavailableAfter = parseDateTime(deprecation.toObject().value("unavailable_after"_L1));
        location.available = entry.value("available"_L1).toBool(true);
        location.recommended = entry.value("recommended"_L1).toBool(false);
        type.locations.append(location);
    }
    type.prices = parseList<ServerTypePrice>(object.value("prices"_L1).toArray(), parseServerTypePrice);
    return type;
}

Image parseImage(const QJsonObject &object)
{
    Image image;
    image.id = object.value("id"_L1).toInteger();
    image.type = object.value("type"_L1).toString();
    image.name = object.value("name"_L1).toString();
    image.description = object.value("description"_L1).toString();
    image.osFlavor = object.value("os_flavor"_L1).toString();
    image.osVersion = object.value("os_version"_L1).toString();
    image.architecture = object.value("architecture"_L1).toString();
    image.status = object.value("status"_L1).toString();
    image.deprecated = parseDateTime(object.value("deprecated"_L1));
    image.labels = parseLabels(object.value("labels"_L1));
    return image;
}

Server parseServer(const QJsonObject &object)
{
    Server server;
    server.id = object.value("id"_L1).toInteger();
    server.name = object.value("name"_L1).toString();
    server.status = object.value("status"_L1).toString();
    server.created = parseDateTime(object.value("created"_L1));
    server.labels = parseLabels(object.value("labels"_L1));
    const QJsonObject publicNet = object.value("public_net"_L1).toObject();
    server.ipv4 = publicNet.value("ipv4"_L1).toObject().value("ip"_L1).toString();
    server.ipv6Network = publicNet.value("ipv6"_L1).toObject().value("ip"_L1).toString();
    const QJsonArray firewalls = publicNet.value("firewalls"_L1).toArray();
    for (const QJsonValue &firewall : firewalls)
        server.firewallIds.append(firewall.toObject().value("id"_L1).toInteger());
    const QJsonArray privateNet = object.value("private_net"_L1).toArray();
    for (const QJsonValue &value : privateNet) {
        const QJsonObject entry = value.toObject();
        server.privateNet.append({entry.value("network"_L1).toInteger(), entry.value("ip"_L1).toString()});
    }
    server.serverType = nameOf(object.value("server_type"_L1));
    // `location` replaced `datacenter` (removed 2026-07-01); older answers only have the latter.
    QJsonObject location = object.value("location"_L1).toObject();
    if (location.isEmpty())
        location = object.value("datacenter"_L1).toObject().value("location"_L1).toObject();
    server.location = location.value("name"_L1).toString();
    server.networkZone = location.value("network_zone"_L1).toString();
    server.image = nameOf(object.value("image"_L1));
    return server;
}

SshKey parseSshKey(const QJsonObject &object)
{
    SshKey key;
    key.id = object.value("id"_L1).toInteger();
    key.name = object.value("name"_L1).toString();
    key.fingerprint = object.value("fingerprint"_L1).toString();
    key.publicKey = object.value("public_key"_L1).toString();
    key.labels = parseLabels(object.value("labels"_L1));
    return key;
}

FirewallRule parseFirewallRule(const QJsonObject &object)
{
    FirewallRule rule;
    rule.direction = object.value("direction"_L1).toString();
    rule.protocol = object.value("protocol"_L1).toString();
    rule.port = object.value("port"_L1).toString();
    rule.sourceIps = parseStrings(object.value("source_ips"_L1));
    rule.destinationIps = parseStrings(object.value("destination_ips"_L1));
    rule.description = object.value("description"_L1).toString();
    return rule;
}

Firewall parseFirewall(const QJsonObject &object)
{
    Firewall firewall;
    firewall.id = object.value("id"_L1).toInteger();
    firewall.name = object.value("name"_L1).toString();
    firewall.labels = parseLabels(object.value("labels"_L1));
    firewall.rules = parseList<FirewallRule>(object.value("rules"_L1).toArray(), parseFirewallRule);
    const QJsonArray appliedTo = object.value("applied_to"_L1).toArray();
    for (const QJsonValue &value : appliedTo) {
        const QJsonObject entry = value.toObject();
        const QString type = entry.value("type"_L1).toString();
        if (type == "label_selector"_L1)
            firewall.appliedToLabelSelectors.append(
                    entry.value("label_selector"_L1).toObject().value("selector"_L1).toString());
        else if (type == "server"_L1)
            firewall.appliedToServers.append(entry.value("server"_L1).toObject().value("id"_L1).toInteger());
    }
    return firewall;
}

Network parseNetwork(const QJsonObject &object)
{
    Network network;
    network.id = object.value("id"_L1).toInteger();
    network.name = object.value("name"_L1).toString();
    network.ipRange = object.value("ip_range"_L1).toString();
    network.labels = parseLabels(object.value("labels"_L1));
    const QJsonArray subnets = object.value("subnets"_L1).toArray();
    for (const QJsonValue &value : subnets) {
        const QJsonObject entry = value.toObject();
        Subnet subnet;
        subnet.type = entry.value("type"_L1).toString(subnet.type);
        subnet.ipRange = entry.value("ip_range"_L1).toString();
        subnet.networkZone = entry.value("network_zone"_L1).toString();
        subnet.gateway = entry.value("gateway"_L1).toString();
        network.subnets.append(subnet);
    }
    const QJsonArray servers = object.value("servers"_L1).toArray();
    for (const QJsonValue &server : servers)
        network.servers.append(server.toInteger());
    return network;
}

PrimaryIp parsePrimaryIp(const QJsonObject &object)
{
    PrimaryIp ip;
    ip.id = object.value("id"_L1).toInteger();
    ip.name = object.value("name"_L1).toString();
    ip.type = object.value("type"_L1).toString();
    ip.ip = object.value("ip"_L1).toString();
    QJsonObject location = object.value("location"_L1).toObject();
    if (location.isEmpty())
        location = object.value("datacenter"_L1).toObject().value("location"_L1).toObject();
    ip.location = location.value("name"_L1).toString();
    ip.assigneeId = object.value("assignee_id"_L1).toInteger();
    ip.autoDelete = object.value("auto_delete"_L1).toBool();
    ip.labels = parseLabels(object.value("labels"_L1));
    return ip;
}

Pricing parsePricing(const QJsonObject &object)
{
    Pricing pricing;
    pricing.currency = object.value("currency"_L1).toString();
    pricing.vatRate = object.value("vat_rate"_L1).toString();
    const QJsonArray primaryIps = object.value("primary_ips"_L1).toArray();
    for (const QJsonValue &value : primaryIps) {
        const QJsonObject entry = value.toObject();
        const QJsonArray prices = entry.value("prices"_L1).toArray();
        for (const QJsonValue &priceValue : prices) {
            const QJsonObject price = priceValue.toObject();
            pricing.primaryIps.append({entry.value("type"_L1).toString(), price.value("location"_L1).toString(),
                                       parsePrice(price.value("price_hourly"_L1)),
                                       parsePrice(price.value("price_monthly"_L1))});
        }
    }
    const QJsonArray serverTypes = object.value("server_types"_L1).toArray();
    for (const QJsonValue &value : serverTypes) {
        const QJsonObject entry = value.toObject();
        pricing.serverTypes.insert(
                entry.value("name"_L1).toString(),
                parseList<ServerTypePrice>(entry.value("prices"_L1).toArray(), parseServerTypePrice));
    }
    return pricing;
}

Zone parseZone(const QJsonObject &object)
{
    Zone zone;
    zone.id = object.value("id"_L1).toInteger();
    zone.name = object.value("name"_L1).toString();
    zone.mode = object.value("mode"_L1).toString();
    zone.ttl = object.value("ttl"_L1).toInt(zone.ttl);
    zone.assignedNameservers
            = parseStrings(object.value("authoritative_nameservers"_L1).toObject().value("assigned"_L1));
    zone.labels = parseLabels(object.value("labels"_L1));
    return zone;
}

RRSet parseRRSet(const QJsonObject &object)
{
    RRSet rrset;
    rrset.id = object.value("id"_L1).toString();
    rrset.name = object.value("name"_L1).toString();
    rrset.type = object.value("type"_L1).toString();
    rrset.ttl = object.value("ttl"_L1).toInt(0);
    const QJsonArray records = object.value("records"_L1).toArray();
    for (const QJsonValue &record : records)
        rrset.records.append(record.toObject().value("value"_L1).toString());
    rrset.labels = parseLabels(object.value("labels"_L1));
    return rrset;
}

QJsonObject toJson(const Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject toJson(const FirewallRule &rule)
{
    QJsonObject object{{"direction"_L1, rule.direction}, {"protocol"_L1, rule.protocol}};
    // The API only takes a port for tcp and udp.
    if (!rule.port.isEmpty())
        object.insert("port"_L1, rule.port);
    if (rule.direction == "in"_L1 || !rule.sourceIps.isEmpty())
        object.insert("source_ips"_L1, toJsonArray(rule.sourceIps));
    if (rule.direction == "out"_L1 || !rule.destinationIps.isEmpty())
        object.insert("destination_ips"_L1, toJsonArray(rule.destinationIps));
    if (!rule.description.isEmpty())
        object.insert("description"_L1, rule.description);
    return object;
}

QJsonArray toJson(const QList<FirewallRule> &rules)
{
    QJsonArray array;
    for (const FirewallRule &rule : rules)
        array.append(toJson(rule));
    return array;
}

QJsonObject toJson(const CreateServerRequest &request)
{
    QJsonObject object{{"name"_L1, request.name}, {"server_type"_L1, request.serverType}};
    // The image as an id: names are not unique across architectures (reference §2.10).
    if (request.imageId != 0)
        object.insert("image"_L1, QString::number(request.imageId));
    else
        object.insert("image"_L1, request.image);
    if (!request.location.isEmpty())
        object.insert("location"_L1, request.location);
    if (!request.sshKeyIds.isEmpty()) {
        QJsonArray keys;
        for (qint64 id : request.sshKeyIds)
            keys.append(id);
        object.insert("ssh_keys"_L1, keys);
    }
    if (!request.userData.isEmpty())
        object.insert("user_data"_L1, request.userData);
    if (!request.labels.isEmpty())
        object.insert("labels"_L1, toJson(request.labels));
    if (!request.firewallIds.isEmpty()) {
        QJsonArray firewalls;
        for (qint64 id : request.firewallIds)
            firewalls.append(QJsonObject{{"firewall"_L1, id}});
        object.insert("firewalls"_L1, firewalls);
    }
    if (!request.networkIds.isEmpty()) {
        QJsonArray networks;
        for (qint64 id : request.networkIds)
            networks.append(id);
        object.insert("networks"_L1, networks);
    }
    object.insert("public_net"_L1,
                  QJsonObject{{"enable_ipv4"_L1, request.enableIpv4}, {"enable_ipv6"_L1, request.enableIpv6}});
    object.insert("start_after_create"_L1, request.startAfterCreate);
    return object;
}

QJsonObject toJson(const CreateFirewallRequest &request)
{
    QJsonObject object{{"name"_L1, request.name}, {"rules"_L1, toJson(request.rules)}};
    if (!request.labels.isEmpty())
        object.insert("labels"_L1, toJson(request.labels));
    if (!request.applyToLabelSelectors.isEmpty()) {
        QJsonArray applyTo;
        for (const QString &selector : request.applyToLabelSelectors)
            applyTo.append(QJsonObject{{"type"_L1, "label_selector"_L1},
                                       {"label_selector"_L1, QJsonObject{{"selector"_L1, selector}}}});
        object.insert("apply_to"_L1, applyTo);
    }
    return object;
}

QJsonObject toJson(const CreateNetworkRequest &request)
{
    QJsonObject object{{"name"_L1, request.name}, {"ip_range"_L1, request.ipRange}};
    if (!request.labels.isEmpty())
        object.insert("labels"_L1, toJson(request.labels));
    if (!request.subnets.isEmpty()) {
        QJsonArray subnets;
        for (const Subnet &subnet : request.subnets) {
            QJsonObject entry{{"type"_L1, subnet.type}, {"network_zone"_L1, subnet.networkZone}};
            if (!subnet.ipRange.isEmpty())
                entry.insert("ip_range"_L1, subnet.ipRange);
            subnets.append(entry);
        }
        object.insert("subnets"_L1, subnets);
    }
    return object;
}

QJsonObject toJson(const CreatePrimaryIpRequest &request)
{
    QJsonObject object{{"name"_L1, request.name},
                       {"type"_L1, request.type},
                       {"assignee_type"_L1, "server"_L1},
                       {"auto_delete"_L1, request.autoDelete}};
    if (!request.location.isEmpty())
        object.insert("location"_L1, request.location);
    if (!request.labels.isEmpty())
        object.insert("labels"_L1, toJson(request.labels));
    return object;
}

} // namespace hcloud
