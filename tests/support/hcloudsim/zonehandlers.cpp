#include "handlers.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"
#include "simvalidation.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
const QStringList kRecordTypes = {u"A"_s,  u"AAAA"_s, u"CAA"_s, u"CNAME"_s, u"DS"_s,  u"HINFO"_s, u"HTTPS"_s, u"MX"_s,
                                  u"NS"_s, u"PTR"_s,  u"RP"_s,  u"SOA"_s,   u"SRV"_s, u"SVCB"_s,  u"TLSA"_s,  u"TXT"_s};
const QStringList kNameservers
        = {u"hydrogen.ns.hetzner.com."_s, u"oxygen.ns.hetzner.com."_s, u"helium.ns.hetzner.de."_s};
constexpr qint64 kMinTtl = 60;
constexpr qint64 kMaxTtl = 2147483647;

bool isRegistrableZoneName(const QString &name)
{
    static const QRegularExpression pattern(
            u"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+(xn--[a-z0-9-]{1,59}|[a-z]{2,63})$"_s);
    if (!pattern.match(name).hasMatch())
        return false;
    // Subdomains cannot be zones; allow the common two-level public suffixes (example.co.uk).
    const QStringList labels = name.split(u'.');
    if (labels.size() == 2)
        return true;
    static const QStringList secondLevel = {u"co"_s, u"com"_s, u"org"_s, u"net"_s, u"ac"_s, u"gov"_s, u"edu"_s};
    return labels.size() == 3 && labels.at(2).size() == 2 && secondLevel.contains(labels.at(1));
}

bool isRrsetName(const QString &name)
{
    static const QRegularExpression pattern(
            u"^(@|(\\*|[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*)$"_s);
    return pattern.match(name).hasMatch();
}

QJsonArray zoneResource(qint64 id)
{
    return QJsonArray{QJsonObject{{u"id"_s, id}, {u"type"_s, u"zone"_s}}};
}
} // namespace

void ZoneHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/zones"_s, [this](const SimRequest &request, const QStringList &) {
        QList<QJsonObject> items = m_context.store.all(u"zones"_s);
        ListResponder::filterByField(request, u"name"_s, u"name"_s, &items);
        ListResponder::filterByField(request, u"mode"_s, u"mode"_s, &items);
        if (const auto error = ListResponder::filterByLabelSelector(request, &items))
            return *error;
        QList<QJsonObject> views;
        for (const QJsonObject &item : std::as_const(items))
            views << m_views.zone(item);
        return ListResponder::respond(request, u"zones"_s, views);
    });
    router.add(u"POST"_s, u"/zones"_s,
               [this](const SimRequest &request, const QStringList &) { return createZone(request); });
    router.add(u"GET"_s, u"/zones/([^/]+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject zone = m_context.store.find(u"zones"_s, args[0]);
        if (zone.isEmpty())
            return SimResponse::notFound(u"zone"_s);
        return SimResponse::json(200, QJsonObject{{u"zone"_s, m_views.zone(zone)}});
    });
    router.add(u"GET"_s, u"/zones/([^/]+)/rrsets"_s,
               [this](const SimRequest &request, const QStringList &args) { return listRrsets(request, args[0]); });
    router.add(u"POST"_s, u"/zones/([^/]+)/rrsets"_s,
               [this](const SimRequest &request, const QStringList &args) { return createRrset(request, args[0]); });
    router.add(
            u"GET"_s, u"/zones/([^/]+)/rrsets/([^/]+)/([^/]+)"_s, [this](const SimRequest &, const QStringList &args) {
                const QJsonObject zone = m_context.store.find(u"zones"_s, args[0]);
                const QJsonObject rrset
                        = zone.isEmpty() ? QJsonObject() : findRrset(zone.value(u"id"_s).toInteger(), args[1], args[2]);
                if (rrset.isEmpty())
                    return SimResponse::notFound(zone.isEmpty() ? u"zone"_s : u"RRSet"_s);
                return SimResponse::json(200, QJsonObject{{u"rrset"_s, m_views.rrset(rrset)}});
            });
    router.add(u"DELETE"_s, u"/zones/([^/]+)/rrsets/([^/]+)/([^/]+)"_s,
               [this](const SimRequest &, const QStringList &args) { return deleteRrset(args); });
    router.add(u"POST"_s, u"/zones/([^/]+)/rrsets/([^/]+)/([^/]+)/actions/set_records"_s,
               [this](const SimRequest &request, const QStringList &args) { return setRecords(request, args); });
}

qint64 ZoneHandlers::insertZone(const QString &name, const QString &mode, int ttl, const QJsonObject &labels)
{
    const qint64 id = m_context.store.insert(
            u"zones"_s, QJsonObject{{u"name"_s, name},
                                    {u"mode"_s, mode},
                                    {u"ttl"_s, ttl},
                                    {u"status"_s, u"ok"_s},
                                    {u"registrar"_s, u"hetzner"_s},
                                    {u"labels"_s, labels},
                                    {u"created"_s, SimContext::timestamp()},
                                    {u"protection"_s, QJsonObject{{u"delete"_s, false}}},
                                    {u"authoritative_nameservers"_s,
                                     QJsonObject{{u"assigned"_s, QJsonArray::fromStringList(kNameservers)},
                                                 {u"delegated"_s, QJsonArray::fromStringList(kNameservers)},
                                                 {u"delegation_last_check"_s, SimContext::timestamp()},
                                                 {u"delegation_status"_s, u"valid"_s}}}});
    if (mode == u"primary"_s) {
        // Every primary zone starts with an SOA and the three assigned NS records.
        const QString soa = kNameservers.constFirst() + u" dns.hetzner.com. 2026010101 86400 10800 3600000 3600"_s;
        QJsonArray ns;
        for (const QString &server : kNameservers)
            ns.append(QJsonObject{{u"value"_s, server}, {u"comment"_s, QString()}});
        const QList<std::pair<QString, QJsonArray>> defaults
                = {{u"SOA"_s, QJsonArray{QJsonObject{{u"value"_s, soa}, {u"comment"_s, QString()}}}}, {u"NS"_s, ns}};
        for (const auto &[type, records] : defaults) {
            m_context.store.insert(u"rrsets"_s, QJsonObject{{u"zone"_s, id},
                                                            {u"name"_s, u"@"_s},
                                                            {u"type"_s, type},
                                                            {u"ttl"_s, QJsonValue()},
                                                            {u"records"_s, records},
                                                            {u"labels"_s, QJsonObject()},
                                                            {u"protection"_s, QJsonObject{{u"change"_s, false}}}});
        }
    }
    return id;
}

qint64 ZoneHandlers::seed(const QString &name, const QString &mode)
{
    return insertZone(name, mode, 3600, {});
}

void ZoneHandlers::seedRrset(qint64 zoneId, const QString &name, const QString &type, const QStringList &values,
                             const QJsonObject &labels)
{
    QJsonArray records;
    for (const QString &value : values)
        records.append(QJsonObject{{u"value"_s, value}, {u"comment"_s, QString()}});
    m_context.store.insert(u"rrsets"_s, QJsonObject{{u"zone"_s, zoneId},
                                                    {u"name"_s, name},
                                                    {u"type"_s, type},
                                                    {u"ttl"_s, 300},
                                                    {u"records"_s, records},
                                                    {u"labels"_s, labels},
                                                    {u"protection"_s, QJsonObject{{u"change"_s, false}}}});
}

QJsonObject ZoneHandlers::findRrset(qint64 zoneId, const QString &name, const QString &type) const
{
    const QList<QJsonObject> all = m_context.store.all(u"rrsets"_s);
    for (const QJsonObject &rrset : all) {
        if (rrset.value(u"zone"_s).toInteger() == zoneId && rrset.value(u"name"_s).toString() == name
            && rrset.value(u"type"_s).toString() == type)
            return rrset;
    }
    return {};
}

std::optional<SimResponse> ZoneHandlers::checkRecords(const QString &type, const QJsonValue &records) const
{
    if (!records.isArray() || records.toArray().isEmpty())
        return SimResponse::invalidInput(u"records"_s, u"at least one record is required"_s);
    const QJsonArray array = records.toArray();
    for (const QJsonValue &value : array) {
        const QString text = value.toObject().value(u"value"_s).toString();
        if (text.isEmpty())
            return SimResponse::invalidInput(u"records"_s, u"record value is required"_s);
        const QHostAddress address(text);
        if (type == u"A"_s && address.protocol() != QHostAddress::IPv4Protocol)
            return SimResponse::invalidInput(u"records"_s, u"'%1' is not an IPv4 address"_s.arg(text));
        if (type == u"AAAA"_s && address.protocol() != QHostAddress::IPv6Protocol)
            return SimResponse::invalidInput(u"records"_s, u"'%1' is not an IPv6 address"_s.arg(text));
    }
    return std::nullopt;
}

SimResponse ZoneHandlers::createZone(const SimRequest &request)
{
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString();
    if (!isRegistrableZoneName(name))
        return SimResponse::invalidInput(u"name"_s, u"must be a lowercase registrable domain without trailing dot"_s);
    const QString mode = body->value(u"mode"_s).toString();
    if (mode != u"primary"_s && mode != u"secondary"_s)
        return SimResponse::invalidInput(u"mode"_s, u"must be primary or secondary"_s);
    const qint64 ttl = body->value(u"ttl"_s).toInteger(3600);
    if (ttl < kMinTtl || ttl > kMaxTtl)
        return SimResponse::invalidInput(u"ttl"_s, u"must be between 60 and 2147483647"_s);
    if (const auto labelError = SimValidation::checkLabels(body->value(u"labels"_s)))
        return *labelError;
    if (mode == u"secondary"_s && body->value(u"primary_nameservers"_s).toArray().isEmpty())
        return SimResponse::invalidInput(u"primary_nameservers"_s, u"required for secondary zones"_s);
    const QJsonArray rrsets = body->value(u"rrsets"_s).toArray();
    for (const QJsonValue &value : rrsets) {
        const QJsonObject rrset = value.toObject();
        if (!isRrsetName(rrset.value(u"name"_s).toString())
            || !kRecordTypes.contains(rrset.value(u"type"_s).toString()))
            return SimResponse::invalidInput(u"rrsets"_s, u"invalid RRSet name or type"_s);
        if (const auto recordError = checkRecords(rrset.value(u"type"_s).toString(), rrset.value(u"records"_s)))
            return *recordError;
    }
    if (!m_context.store.findByName(u"zones"_s, name).isEmpty())
        return SimResponse::uniqueness(u"name"_s, u"zone name is already used"_s);

    const qint64 id = insertZone(name, mode, int(ttl), body->value(u"labels"_s).toObject());
    if (mode == u"secondary"_s) {
        QJsonObject zone = m_context.store.get(u"zones"_s, id);
        zone[u"primary_nameservers"_s] = body->value(u"primary_nameservers"_s);
        m_context.store.update(u"zones"_s, zone);
    }
    for (const QJsonValue &value : rrsets) {
        const QJsonObject rrset = value.toObject();
        m_context.store.insert(
                u"rrsets"_s,
                QJsonObject{{u"zone"_s, id},
                            {u"name"_s, rrset.value(u"name"_s)},
                            {u"type"_s, rrset.value(u"type"_s)},
                            {u"ttl"_s, rrset.value(u"ttl"_s).isDouble() ? rrset.value(u"ttl"_s) : QJsonValue()},
                            {u"records"_s, rrset.value(u"records"_s)},
                            {u"labels"_s, rrset.value(u"labels"_s).toObject()},
                            {u"protection"_s, QJsonObject{{u"change"_s, false}}}});
    }
    const qint64 action = m_context.actions.start(u"create_zone"_s, zoneResource(id));
    return SimResponse::json(201, QJsonObject{{u"zone"_s, m_views.zone(m_context.store.get(u"zones"_s, id))},
                                              {u"action"_s, m_context.actions.json(action)}});
}

SimResponse ZoneHandlers::listRrsets(const SimRequest &request, const QString &zoneRef) const
{
    const QJsonObject zone = m_context.store.find(u"zones"_s, zoneRef);
    if (zone.isEmpty())
        return SimResponse::notFound(u"zone"_s);
    QList<QJsonObject> items;
    const QList<QJsonObject> all = m_context.store.all(u"rrsets"_s);
    for (const QJsonObject &rrset : all) {
        if (rrset.value(u"zone"_s).toInteger() == zone.value(u"id"_s).toInteger())
            items << m_views.rrset(rrset);
    }
    ListResponder::filterByField(request, u"name"_s, u"name"_s, &items);
    ListResponder::filterByField(request, u"type"_s, u"type"_s, &items);
    if (const auto error = ListResponder::filterByLabelSelector(request, &items))
        return *error;
    return ListResponder::respond(request, u"rrsets"_s, items, {u"name"_s, u"type"_s, u"ttl"_s}, 100);
}

SimResponse ZoneHandlers::createRrset(const SimRequest &request, const QString &zoneRef)
{
    const QJsonObject zone = m_context.store.find(u"zones"_s, zoneRef);
    if (zone.isEmpty())
        return SimResponse::notFound(u"zone"_s);
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    if (zone.value(u"mode"_s).toString() != u"primary"_s)
        return SimResponse::error(422, u"incorrect_zone_mode"_s, u"RRSets of secondary zones cannot be changed"_s);
    const QString name = body->value(u"name"_s).toString();
    const QString type = body->value(u"type"_s).toString();
    if (!isRrsetName(name))
        return SimResponse::invalidInput(u"name"_s, u"must be a relative lowercase name or @"_s);
    if (!kRecordTypes.contains(type))
        return SimResponse::invalidInput(u"type"_s, u"unsupported record type '%1'"_s.arg(type));
    const QJsonValue ttl = body->value(u"ttl"_s);
    if (ttl.isDouble() && (ttl.toInteger() < kMinTtl || ttl.toInteger() > kMaxTtl))
        return SimResponse::invalidInput(u"ttl"_s, u"must be between 60 and 2147483647"_s);
    if (const auto labelError = SimValidation::checkLabels(body->value(u"labels"_s)))
        return *labelError;
    if (const auto recordError = checkRecords(type, body->value(u"records"_s)))
        return *recordError;
    const qint64 zoneId = zone.value(u"id"_s).toInteger();
    if (!findRrset(zoneId, name, type).isEmpty())
        return SimResponse::uniqueness(u"name"_s, u"RRSet already exists"_s);
    const qint64 key
            = m_context.store.insert(u"rrsets"_s, QJsonObject{{u"zone"_s, zoneId},
                                                              {u"name"_s, name},
                                                              {u"type"_s, type},
                                                              {u"ttl"_s, ttl.isDouble() ? ttl : QJsonValue()},
                                                              {u"records"_s, body->value(u"records"_s)},
                                                              {u"labels"_s, body->value(u"labels"_s).toObject()},
                                                              {u"protection"_s, QJsonObject{{u"change"_s, false}}}});
    const qint64 action = m_context.actions.start(u"create_rrset"_s, zoneResource(zoneId));
    return SimResponse::json(201, QJsonObject{{u"rrset"_s, m_views.rrset(m_context.store.get(u"rrsets"_s, key))},
                                              {u"action"_s, m_context.actions.json(action)}});
}

SimResponse ZoneHandlers::setRecords(const SimRequest &request, const QStringList &args)
{
    const QJsonObject zone = m_context.store.find(u"zones"_s, args[0]);
    if (zone.isEmpty())
        return SimResponse::notFound(u"zone"_s);
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    if (zone.value(u"mode"_s).toString() != u"primary"_s)
        return SimResponse::error(422, u"incorrect_zone_mode"_s, u"RRSets of secondary zones cannot be changed"_s);
    const qint64 zoneId = zone.value(u"id"_s).toInteger();
    QJsonObject rrset = findRrset(zoneId, args[1], args[2]);
    if (rrset.isEmpty())
        return SimResponse::notFound(u"RRSet"_s);
    if (const auto recordError = checkRecords(args[2], body->value(u"records"_s)))
        return *recordError;
    rrset[u"records"_s] = body->value(u"records"_s);
    m_context.store.update(u"rrsets"_s, rrset);
    const qint64 action = m_context.actions.start(u"set_rrset_records"_s, zoneResource(zoneId));
    return SimResponse::json(201, QJsonObject{{u"action"_s, m_context.actions.json(action)}});
}

SimResponse ZoneHandlers::deleteRrset(const QStringList &args)
{
    const QJsonObject zone = m_context.store.find(u"zones"_s, args[0]);
    if (zone.isEmpty())
        return SimResponse::notFound(u"zone"_s);
    if (zone.value(u"mode"_s).toString() != u"primary"_s)
        return SimResponse::error(422, u"incorrect_zone_mode"_s, u"RRSets of secondary zones cannot be changed"_s);
    const qint64 zoneId = zone.value(u"id"_s).toInteger();
    const QJsonObject rrset = findRrset(zoneId, args[1], args[2]);
    if (rrset.isEmpty())
        return SimResponse::notFound(u"RRSet"_s);
    // The zone's own SOA and NS at the apex are the provider's, and a protected RRSet must be unprotected first.
    if (args[1] == u"@"_s && (args[2] == u"SOA"_s || args[2] == u"NS"_s))
        return SimResponse::error(422, u"invalid_input"_s, u"the apex SOA and NS records cannot be deleted"_s);
    if (rrset.value(u"protection"_s).toObject().value(u"change"_s).toBool())
        return SimResponse::error(423, u"protected"_s, u"RRSet is protected"_s);
    m_context.store.remove(u"rrsets"_s, rrset.value(u"id"_s).toInteger());
    const qint64 action = m_context.actions.start(u"delete_rrset"_s, zoneResource(zoneId));
    return SimResponse::json(201, QJsonObject{{u"action"_s, m_context.actions.json(action)}});
}
