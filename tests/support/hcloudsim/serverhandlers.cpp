#include "handlers.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"
#include "simvalidation.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {
const QStringList kStatuses = {u"initializing"_s, u"starting"_s,  u"running"_s,    u"stopping"_s, u"off"_s,
                               u"deleting"_s,     u"migrating"_s, u"rebuilding"_s, u"unknown"_s};
constexpr int kMaxUserDataBytes = 32768;

QJsonArray serverResource(qint64 id)
{
    return QJsonArray{QJsonObject{{u"id"_s, id}, {u"type"_s, u"server"_s}}};
}

QString randomPassword()
{
    static const QString alphabet = u"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"_s;
    QString password;
    for (int i = 0; i < 20; ++i)
        password += alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
    return password;
}
} // namespace

void ServerHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/servers"_s,
               [this](const SimRequest &request, const QStringList &) { return list(request); });
    router.add(u"POST"_s, u"/servers"_s,
               [this](const SimRequest &request, const QStringList &) { return create(request); });
    router.add(u"GET"_s, u"/servers/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject stored = m_context.store.get(u"servers"_s, args[0].toLongLong());
        if (stored.isEmpty())
            return SimResponse::notFound(u"server"_s);
        return SimResponse::json(200, QJsonObject{{u"server"_s, m_views.server(stored)}});
    });
    router.add(u"PUT"_s, u"/servers/(\\d+)"_s, [this](const SimRequest &request, const QStringList &args) {
        return update(args[0].toLongLong(), request);
    });
    router.add(u"DELETE"_s, u"/servers/(\\d+)"_s,
               [this](const SimRequest &, const QStringList &args) { return remove(args[0].toLongLong()); });
}

// PUT /servers/{id} (reference/hetzner-cloud-api.md §4): "name" and "labels", each replacing what was there.
SimResponse ServerHandlers::update(qint64 id, const SimRequest &request)
{
    SimResponse error;
    const auto parsed = parseJsonBody(request, &error);
    if (!parsed)
        return error;
    QJsonObject stored = m_context.store.get(u"servers"_s, id);
    if (stored.isEmpty())
        return SimResponse::notFound(u"server"_s);
    if (parsed->contains(u"labels"_s)) {
        if (const auto labelError = SimValidation::checkLabels(parsed->value(u"labels"_s)))
            return *labelError;
        stored[u"labels"_s] = parsed->value(u"labels"_s).toObject();
    }
    if (parsed->contains(u"name"_s)) {
        const QString name = parsed->value(u"name"_s).toString();
        if (!SimValidation::isRfc1123Hostname(name))
            return SimResponse::invalidInput(u"name"_s, u"must be a valid hostname (RFC 1123)"_s);
        for (const QJsonObject &other : m_context.store.all(u"servers"_s)) {
            if (other.value(u"id"_s).toInteger() != id && other.value(u"name"_s).toString() == name)
                return SimResponse::error(409, u"uniqueness_error"_s, u"server name is already used"_s);
        }
        stored[u"name"_s] = name;
    }
    m_context.store.update(u"servers"_s, stored);
    return SimResponse::json(200, QJsonObject{{u"server"_s, m_views.server(stored)}});
}

SimResponse ServerHandlers::list(const SimRequest &request) const
{
    QList<QJsonObject> items = m_context.store.all(u"servers"_s);
    const QStringList statuses = request.values(u"status"_s);
    for (const QString &status : statuses) {
        if (!kStatuses.contains(status))
            return SimResponse::invalidInput(u"status"_s, u"invalid status '%1'"_s.arg(status));
    }
    ListResponder::filterByField(request, u"name"_s, u"name"_s, &items);
    ListResponder::filterByField(request, u"status"_s, u"status"_s, &items);
    if (const auto error = ListResponder::filterByLabelSelector(request, &items))
        return *error;
    QList<QJsonObject> views;
    for (const QJsonObject &item : std::as_const(items))
        views << m_views.server(item);
    return ListResponder::respond(request, u"servers"_s, views, {u"id"_s, u"name"_s, u"created"_s});
}

QJsonObject ServerHandlers::newPrimaryIp(const QString &type, const QString &location, qint64 serverId)
{
    QJsonObject ip{{u"name"_s, u"primary_ip-%1"_s.arg(QRandomGenerator::global()->bounded(100000000))},
                   {u"type"_s, type},
                   {u"ip"_s, type == u"ipv4"_s ? m_context.store.nextIpv4() : m_context.store.nextIpv6Network()},
                   {u"location"_s, location},
                   {u"assignee_id"_s, serverId},
                   {u"assignee_type"_s, u"server"_s},
                   {u"auto_delete"_s, true},
                   {u"blocked"_s, false},
                   {u"created"_s, SimContext::timestamp()},
                   {u"labels"_s, QJsonObject()},
                   {u"protection"_s, QJsonObject{{u"delete"_s, false}}}};
    ip[u"id"_s] = m_context.store.insert(u"primary_ips"_s, ip);
    return ip;
}

SimResponse ServerHandlers::create(const SimRequest &request)
{
    SimResponse error;
    const auto parsed = parseJsonBody(request, &error);
    if (!parsed)
        return error;
    const QJsonObject body = *parsed;

    for (const QString &required : {u"name"_s, u"server_type"_s, u"image"_s}) {
        if (!body.value(required).isString() || body.value(required).toString().isEmpty())
            return SimResponse::invalidInput(required, u"is required"_s);
    }
    const QString name = body.value(u"name"_s).toString();
    if (!SimValidation::isRfc1123Hostname(name))
        return SimResponse::invalidInput(u"name"_s, u"must be a valid hostname (RFC 1123)"_s);
    if (const auto labelError = SimValidation::checkLabels(body.value(u"labels"_s)))
        return *labelError;
    if (body.contains(u"user_data"_s)) {
        if (!body.value(u"user_data"_s).isString())
            return SimResponse::invalidInput(u"user_data"_s, u"must be a string"_s);
        if (body.value(u"user_data"_s).toString().toUtf8().size() > kMaxUserDataBytes)
            return SimResponse::invalidInput(u"user_data"_s, u"is too long (limit 32KiB)"_s);
    }

    const QJsonObject type = m_context.catalogue.serverType(body.value(u"server_type"_s).toString());
    if (type.isEmpty())
        return SimResponse::invalidInput(u"server_type"_s,
                                         u"server type '%1' not found"_s.arg(body.value(u"server_type"_s).toString()));
    const QString typeName = type.value(u"name"_s).toString();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    QString locationName;
    if (body.contains(u"location"_s) && body.contains(u"datacenter"_s))
        return SimResponse::invalidInput(u"location"_s, u"location and datacenter are mutually exclusive"_s);
    if (body.contains(u"location"_s)) {
        const QJsonValue value = body.value(u"location"_s);
        const QString wanted = value.isDouble() ? QString::number(value.toInteger()) : value.toString();
        locationName = m_context.catalogue.location(wanted).value(u"name"_s).toString();
        if (locationName.isEmpty())
            return SimResponse::invalidInput(u"location"_s, u"location '%1' not found"_s.arg(wanted));
    } else if (body.contains(u"datacenter"_s)) {
        const QString wanted = body.value(u"datacenter"_s).toString();
        locationName
                = m_context.catalogue.datacenter(wanted).value(u"location"_s).toObject().value(u"name"_s).toString();
        if (locationName.isEmpty())
            return SimResponse::invalidInput(u"datacenter"_s, u"datacenter '%1' not found"_s.arg(wanted));
    } else {
        const QJsonArray locations = m_context.catalogue.locations();
        for (const QJsonValue &location : locations) {
            const QString candidate = location.toObject().value(u"name"_s).toString();
            if (locationName.isEmpty() && m_context.catalogue.isOrderable(type, candidate, now))
                locationName = candidate;
        }
    }
    if (locationName.isEmpty() || !m_context.catalogue.isOrderable(type, locationName, now))
        return SimResponse::error(
                422, u"invalid_input"_s, u"unsupported location for server type"_s,
                QJsonObject{{u"fields"_s,
                             QJsonArray{QJsonObject{
                                     {u"name"_s, u"server_type"_s},
                                     {u"messages"_s, QJsonArray{u"unsupported location for server type"_s}}}}}});
    if (m_context.soldOut.contains(typeName + u'@' + locationName))
        return SimResponse::error(412, u"resource_unavailable"_s, u"error during placement"_s);

    const QString imageName = body.value(u"image"_s).toString();
    const QJsonObject image = m_context.catalogue.image(imageName, type.value(u"architecture"_s).toString());
    if (image.isEmpty() || image.value(u"architecture"_s) != type.value(u"architecture"_s))
        return SimResponse::invalidInput(u"image"_s, u"image '%1' not found for architecture %2"_s.arg(
                                                             imageName, type.value(u"architecture"_s).toString()));

    const QJsonArray sshKeys = body.value(u"ssh_keys"_s).toArray();
    for (const QJsonValue &key : sshKeys) {
        const QString ref = key.isDouble() ? QString::number(key.toInteger()) : key.toString();
        if (m_context.store.find(u"ssh_keys"_s, ref).isEmpty())
            return SimResponse::invalidInput(u"ssh_keys"_s, u"SSH key '%1' not found"_s.arg(ref));
    }

    QJsonArray firewallIds;
    const QJsonArray firewalls = body.value(u"firewalls"_s).toArray();
    for (const QJsonValue &entry : firewalls) {
        const qint64 id = entry.toObject().value(u"firewall"_s).toInteger();
        if (!m_context.store.contains(u"firewalls"_s, id))
            return SimResponse::invalidInput(u"firewalls"_s, u"firewall %1 not found"_s.arg(id));
        firewallIds.append(id);
    }

    const QString zone = m_context.catalogue.location(locationName).value(u"network_zone"_s).toString();
    QJsonArray privateNet;
    const QJsonArray networks = body.value(u"networks"_s).toArray();
    for (const QJsonValue &entry : networks) {
        const QJsonObject network = m_context.store.get(u"networks"_s, entry.toInteger());
        if (network.isEmpty())
            return SimResponse::invalidInput(u"networks"_s, u"network %1 not found"_s.arg(entry.toInteger()));
        QString subnetRange;
        const QJsonArray subnets = network.value(u"subnets"_s).toArray();
        for (const QJsonValue &subnet : subnets) {
            if (subnetRange.isEmpty() && subnet.toObject().value(u"network_zone"_s).toString() == zone)
                subnetRange = subnet.toObject().value(u"ip_range"_s).toString();
        }
        if (subnetRange.isEmpty())
            return SimResponse::error(
                    422, u"no_subnet_available"_s,
                    u"network %1 has no subnet in network zone %2"_s.arg(entry.toInteger()).arg(zone));
        // The lowest free address after the gateway's, as Hetzner assigns them: after a server was deleted its
        // address is free again, and never one an attached server still has.
        QSet<QString> used;
        for (const QJsonObject &server : m_context.store.all(u"servers"_s)) {
            for (const QJsonValue &net : server.value(u"private_net"_s).toArray()) {
                if (net.toObject().value(u"network"_s) == network.value(u"id"_s))
                    used.insert(net.toObject().value(u"ip"_s).toString());
            }
        }
        const quint32 base = QHostAddress::parseSubnet(subnetRange).first.toIPv4Address();
        quint32 address = base + 2;
        while (used.contains(QHostAddress(address).toString()))
            ++address;
        const quint32 serial = quint32(m_context.store.all(u"servers"_s).size() + 1);
        privateNet.append(QJsonObject{
                {u"network"_s, network.value(u"id"_s)},
                {u"ip"_s, QHostAddress(address).toString()},
                {u"alias_ips"_s, QJsonArray()},
                {u"mac_address"_s, u"86:00:00:%1:%2:%3"_s.arg(int((serial >> 16) & 0xff), 2, 16, QChar(u'0'))
                                           .arg(int((serial >> 8) & 0xff), 2, 16, QChar(u'0'))
                                           .arg(int(serial & 0xff), 2, 16, QChar(u'0'))}});
    }

    const QJsonObject publicNet = body.value(u"public_net"_s).toObject();
    QList<qint64> givenIps;
    for (const QString &family : {u"ipv4"_s, u"ipv6"_s}) {
        if (!publicNet.contains(family) || publicNet.value(family).isNull())
            continue;
        const QJsonObject ip = m_context.store.get(u"primary_ips"_s, publicNet.value(family).toInteger());
        if (ip.isEmpty())
            return SimResponse::invalidInput(u"public_net"_s,
                                             u"primary IP %1 not found"_s.arg(publicNet.value(family).toInteger()));
        if (ip.value(u"type"_s).toString() != family)
            return SimResponse::error(422, u"primary_ip_version_mismatch"_s, u"primary IP has the wrong IP version"_s);
        if (!ip.value(u"assignee_id"_s).isNull())
            return SimResponse::error(422, u"primary_ip_assigned"_s, u"primary IP is already assigned"_s);
        givenIps << ip.value(u"id"_s).toInteger();
    }

    if (!m_context.store.findByName(u"servers"_s, name).isEmpty())
        return SimResponse::uniqueness(u"name"_s, u"server name is already used"_s);
    if (m_context.serverLimit >= 0 && m_context.store.all(u"servers"_s).size() >= m_context.serverLimit)
        return SimResponse::error(403, u"resource_limit_exceeded"_s, u"server limit exceeded"_s,
                                  QJsonObject{{u"limits"_s, QJsonArray{QJsonObject{{u"name"_s, u"project_limit"_s}}}}});

    // Accepted: create the server, its addresses and its actions.
    const bool start = body.value(u"start_after_create"_s).toBool(true);
    QJsonObject server{{u"name"_s, name},
                       {u"status"_s, u"initializing"_s},
                       {u"created"_s, SimContext::timestamp()},
                       {u"labels"_s, body.value(u"labels"_s).toObject()},
                       {u"server_type"_s, typeName},
                       {u"location"_s, locationName},
                       {u"image"_s, image.value(u"id"_s)},
                       {u"firewalls"_s, firewallIds},
                       {u"private_net"_s, privateNet}};
    // Kept for the testbed, which boots the machine from it; the API never shows it again (ResourceViews).
    if (body.contains(u"user_data"_s))
        server[u"user_data"_s] = body.value(u"user_data"_s);
    const qint64 id = m_context.store.insert(u"servers"_s, server);
    server[u"id"_s] = id;
    for (const QString &family : {u"ipv4"_s, u"ipv6"_s}) {
        const QString enable = u"enable_"_s + family;
        qint64 ipId = 0;
        if (publicNet.contains(family) && !publicNet.value(family).isNull()) {
            QJsonObject ip = m_context.store.get(u"primary_ips"_s, publicNet.value(family).toInteger());
            ip[u"assignee_id"_s] = id;
            m_context.store.update(u"primary_ips"_s, ip);
            ipId = ip.value(u"id"_s).toInteger();
        } else if (publicNet.value(enable).toBool(true)) {
            ipId = newPrimaryIp(family, locationName, id).value(u"id"_s).toInteger();
        }
        server[family] = ipId ? QJsonValue(ipId) : QJsonValue();
    }
    m_context.store.update(u"servers"_s, server);

    SimContext &context = m_context;
    const auto setStatus = [&context, id](const QString &status) {
        QJsonObject current = context.store.get(u"servers"_s, id);
        if (current.isEmpty())
            return;
        current[u"status"_s] = status;
        context.store.update(u"servers"_s, current);
    };
    const qint64 createId
            = m_context.actions.start(u"create_server"_s, serverResource(id), [setStatus, start](bool ok) {
                  setStatus(ok && start ? u"starting"_s : u"off"_s);
              });
    QJsonArray nextActions;
    if (start) {
        const qint64 startId = m_context.actions.start(
                u"start_server"_s, serverResource(id),
                [setStatus, &context, id](bool ok) {
                    setStatus(ok ? u"running"_s : u"off"_s);
                    const QJsonObject started = context.store.get(u"servers"_s, id);
                    if (ok && context.observer && !started.isEmpty())
                        context.observer->serverStarted(started);
                },
                createId);
        nextActions.append(m_context.actions.json(startId));
    }
    return SimResponse::json(
            201, QJsonObject{{u"server"_s, m_views.server(server)},
                             {u"action"_s, m_context.actions.json(createId)},
                             {u"next_actions"_s, nextActions},
                             {u"root_password"_s, sshKeys.isEmpty() ? QJsonValue(randomPassword()) : QJsonValue()}});
}

SimResponse ServerHandlers::remove(qint64 id)
{
    QJsonObject server = m_context.store.get(u"servers"_s, id);
    if (server.isEmpty())
        return SimResponse::notFound(u"server"_s);
    const QString previousStatus = server.value(u"status"_s).toString();
    server[u"status"_s] = u"deleting"_s;
    m_context.store.update(u"servers"_s, server);

    SimContext &context = m_context;
    const qint64 actionId
            = m_context.actions.start(u"delete_server"_s, serverResource(id), [&context, id, previousStatus](bool ok) {
                  QJsonObject current = context.store.get(u"servers"_s, id);
                  if (current.isEmpty())
                      return;
                  if (!ok) {
                      current[u"status"_s] = previousStatus;
                      context.store.update(u"servers"_s, current);
                      return;
                  }
                  context.store.remove(u"servers"_s, id);
                  if (context.observer)
                      context.observer->serverDeleted(current);
                  // Auto-delete addresses go with the server; others stay, unassigned.
                  const QList<QJsonObject> ips = context.store.all(u"primary_ips"_s);
                  for (QJsonObject ip : ips) {
                      if (ip.value(u"assignee_id"_s).toInteger() != id)
                          continue;
                      if (ip.value(u"auto_delete"_s).toBool()) {
                          context.store.remove(u"primary_ips"_s, ip.value(u"id"_s).toInteger());
                      } else {
                          ip[u"assignee_id"_s] = QJsonValue();
                          context.store.update(u"primary_ips"_s, ip);
                      }
                  }
              });
    return SimResponse::json(200, QJsonObject{{u"action"_s, m_context.actions.json(actionId)}});
}

qint64 ServerHandlers::seed(const QString &name, const QJsonObject &labels, const QString &type,
                            const QString &location)
{
    const QJsonObject serverType = m_context.catalogue.serverType(type);
    const QJsonObject image
            = m_context.catalogue.image(u"debian-12"_s, serverType.value(u"architecture"_s).toString(u"x86"_s));
    QJsonObject server{{u"name"_s, name},
                       {u"status"_s, u"running"_s},
                       {u"created"_s, SimContext::timestamp()},
                       {u"labels"_s, labels},
                       {u"server_type"_s, type},
                       {u"location"_s, location},
                       {u"image"_s, image.value(u"id"_s)},
                       {u"firewalls"_s, QJsonArray()},
                       {u"private_net"_s, QJsonArray()}};
    const qint64 id = m_context.store.insert(u"servers"_s, server);
    server[u"id"_s] = id;
    server[u"ipv4"_s] = newPrimaryIp(u"ipv4"_s, location, id).value(u"id"_s);
    server[u"ipv6"_s] = newPrimaryIp(u"ipv6"_s, location, id).value(u"id"_s);
    m_context.store.update(u"servers"_s, server);
    return id;
}
