#include "handlers.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"
#include "simvalidation.h"

#include <QHostAddress>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
const QStringList kNetworkZones = {u"eu-central"_s, u"us-east"_s, u"us-west"_s, u"ap-southeast"_s};

bool overlaps(const QString &a, const QString &b)
{
    const auto sa = QHostAddress::parseSubnet(a);
    const auto sb = QHostAddress::parseSubnet(b);
    return sa.first.isInSubnet(sb) || sb.first.isInSubnet(sa);
}
} // namespace

void NetworkHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/networks"_s, [this](const SimRequest &request, const QStringList &) {
        return ListResponder::listCollection(request, u"networks"_s, m_context.store.all(u"networks"_s),
                                             [this](const QJsonObject &item) { return m_views.network(item); });
    });
    router.add(u"POST"_s, u"/networks"_s,
               [this](const SimRequest &request, const QStringList &) { return create(request); });
    router.add(u"GET"_s, u"/networks/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject network = m_context.store.get(u"networks"_s, args[0].toLongLong());
        if (network.isEmpty())
            return SimResponse::notFound(u"network"_s);
        return SimResponse::json(200, QJsonObject{{u"network"_s, m_views.network(network)}});
    });
    router.add(u"DELETE"_s, u"/networks/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject network = m_context.store.get(u"networks"_s, args[0].toLongLong());
        if (network.isEmpty())
            return SimResponse::notFound(u"network"_s);
        if (!m_views.network(network).value(u"servers"_s).toArray().isEmpty())
            return SimResponse::error(422, u"resource_in_use"_s, u"network still has attached servers"_s);
        m_context.store.remove(u"networks"_s, args[0].toLongLong());
        return SimResponse::noContent();
    });
}

SimResponse NetworkHandlers::create(const SimRequest &request)
{
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString();
    if (name.isEmpty())
        return SimResponse::invalidInput(u"name"_s, u"is required"_s);
    if (const auto labelError = SimValidation::checkLabels(body->value(u"labels"_s)))
        return *labelError;
    const QString ipRange = body->value(u"ip_range"_s).toString();
    int prefix = 0;
    QString address;
    if (!SimValidation::parseCidr(ipRange, &address, &prefix) || !SimValidation::isRfc1918Range(ipRange))
        return SimResponse::invalidInput(u"ip_range"_s, u"must be a private (RFC 1918) IPv4 range"_s);
    if (prefix > 24)
        return SimResponse::invalidInput(u"ip_range"_s, u"must be at least a /24"_s);
    const auto network = QHostAddress::parseSubnet(ipRange);

    QJsonArray subnets;
    const QJsonArray requested = body->value(u"subnets"_s).toArray();
    for (int i = 0; i < requested.size(); ++i) {
        const QJsonObject subnet = requested.at(i).toObject();
        const QString field = u"subnets[%1]"_s.arg(i);
        const QString type = subnet.value(u"type"_s).toString();
        if (type != u"cloud"_s && type != u"server"_s)
            return SimResponse::invalidInput(field + u".type"_s, u"must be cloud"_s);
        const QString zone = subnet.value(u"network_zone"_s).toString();
        if (!kNetworkZones.contains(zone))
            return SimResponse::invalidInput(field + u".network_zone"_s, u"unknown network zone '%1'"_s.arg(zone));
        QString subnetRange = subnet.value(u"ip_range"_s).toString();
        if (subnetRange.isEmpty()) {
            // The first free /24 inside the network.
            for (quint32 candidate = network.first.toIPv4Address();; candidate += 256) {
                const QString range = QHostAddress(candidate).toString() + u"/24"_s;
                if (!QHostAddress(candidate).isInSubnet(network))
                    return SimResponse::error(422, u"no_subnet_available"_s, u"no free /24 left in the network"_s);
                bool taken = false;
                for (const QJsonValue &existing : std::as_const(subnets))
                    taken = taken || overlaps(existing.toObject().value(u"ip_range"_s).toString(), range);
                if (!taken) {
                    subnetRange = range;
                    break;
                }
            }
        }
        int subnetPrefix = 0;
        if (!SimValidation::parseCidr(subnetRange, nullptr, &subnetPrefix) || subnetPrefix > 30
            || subnetPrefix < network.second || !QHostAddress::parseSubnet(subnetRange).first.isInSubnet(network))
            return SimResponse::invalidInput(field + u".ip_range"_s,
                                             u"must be a range of at least /30 inside the network"_s);
        for (const QJsonValue &existing : std::as_const(subnets)) {
            if (overlaps(existing.toObject().value(u"ip_range"_s).toString(), subnetRange))
                return SimResponse::error(422, u"networks_overlap"_s, u"subnets overlap"_s);
        }
        subnets.append(QJsonObject{{u"type"_s, u"cloud"_s},
                                   {u"ip_range"_s, subnetRange},
                                   {u"network_zone"_s, zone},
                                   {u"gateway"_s, QHostAddress(network.first.toIPv4Address() + 1).toString()},
                                   {u"vswitch_id"_s, QJsonValue()}});
    }
    if (!m_context.store.findByName(u"networks"_s, name).isEmpty())
        return SimResponse::uniqueness(u"name"_s, u"network name is already used"_s);
    const qint64 id = m_context.store.insert(
            u"networks"_s,
            QJsonObject{{u"name"_s, name},
                        {u"ip_range"_s, QString(network.first.toString() + u'/' + QString::number(network.second))},
                        {u"subnets"_s, subnets},
                        {u"routes"_s, QJsonArray()},
                        {u"labels"_s, body->value(u"labels"_s).toObject()},
                        {u"created"_s, SimContext::timestamp()},
                        {u"expose_routes_to_vswitch"_s, false}});
    return SimResponse::json(201, QJsonObject{{u"network"_s, m_views.network(m_context.store.get(u"networks"_s, id))}});
}
