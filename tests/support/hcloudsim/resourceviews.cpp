#include "resourceviews.h"

#include "labelselector.h"
#include "simcontext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

ResourceViews::ResourceViews(const SimContext &context)
    : m_context(context)
{ }

QJsonObject ResourceViews::server(const QJsonObject &stored) const
{
    const qint64 id = stored.value(u"id"_s).toInteger();
    const QString locationName = stored.value(u"location"_s).toString();
    const QJsonObject type = m_context.catalogue.serverType(stored.value(u"server_type"_s).toString());

    qint64 includedTraffic = 0;
    const QJsonArray prices = type.value(u"prices"_s).toArray();
    for (const QJsonValue &price : prices) {
        if (price.toObject().value(u"location"_s).toString() == locationName)
            includedTraffic = price.toObject().value(u"included_traffic"_s).toInteger();
    }

    QJsonObject publicNet{{u"floating_ips"_s, QJsonArray()}, {u"ipv4"_s, QJsonValue()}, {u"ipv6"_s, QJsonValue()}};
    const QJsonObject ipv4 = m_context.store.get(u"primary_ips"_s, stored.value(u"ipv4"_s).toInteger());
    if (!ipv4.isEmpty()) {
        const QString ip = ipv4.value(u"ip"_s).toString();
        publicNet[u"ipv4"_s] = QJsonObject{{u"id"_s, ipv4.value(u"id"_s)},
                                           {u"ip"_s, ip},
                                           {u"blocked"_s, false},
                                           {u"dns_ptr"_s, u"static.%1.clients.sim.invalid"_s.arg(ip)}};
    }
    const QJsonObject ipv6 = m_context.store.get(u"primary_ips"_s, stored.value(u"ipv6"_s).toInteger());
    if (!ipv6.isEmpty()) {
        publicNet[u"ipv6"_s] = QJsonObject{{u"id"_s, ipv6.value(u"id"_s)},
                                           {u"ip"_s, ipv6.value(u"ip"_s)},
                                           {u"blocked"_s, false},
                                           {u"dns_ptr"_s, QJsonArray()}};
    }
    QJsonArray firewalls;
    const QList<QJsonObject> allFirewalls = m_context.store.all(u"firewalls"_s);
    for (const QJsonObject &firewall : allFirewalls) {
        if (firewallTargets(firewall).contains(id))
            firewalls.append(QJsonObject{{u"id"_s, firewall.value(u"id"_s)}, {u"status"_s, u"applied"_s}});
    }
    publicNet[u"firewalls"_s] = firewalls;

    QJsonObject view{
            {u"id"_s, id},
            {u"name"_s, stored.value(u"name"_s)},
            {u"status"_s, stored.value(u"status"_s)},
            {u"created"_s, stored.value(u"created"_s)},
            {u"labels"_s, stored.value(u"labels"_s).toObject()},
            {u"server_type"_s, type},
            {u"location"_s, m_context.catalogue.location(locationName)},
            {u"image"_s, m_context.catalogue.image(QString::number(stored.value(u"image"_s).toInteger()), {})},
            {u"iso"_s, QJsonValue()},
            {u"locked"_s, false},
            {u"protection"_s, QJsonObject{{u"delete"_s, false}, {u"rebuild"_s, false}}},
            {u"backup_window"_s, QJsonValue()},
            {u"rescue_enabled"_s, false},
            {u"primary_disk_size"_s, type.value(u"disk"_s)},
            {u"included_traffic"_s, includedTraffic},
            {u"ingoing_traffic"_s, QJsonValue()},
            {u"outgoing_traffic"_s, QJsonValue()},
            {u"load_balancers"_s, QJsonArray()},
            {u"volumes"_s, QJsonArray()},
            {u"private_net"_s, stored.value(u"private_net"_s).toArray()},
            {u"public_net"_s, publicNet},
    };
    if (m_context.emitDatacenter)
        view[u"datacenter"_s] = m_context.catalogue.datacenterOf(locationName);
    return view;
}

QJsonObject ResourceViews::primaryIp(const QJsonObject &stored) const
{
    QJsonObject view = stored;
    const QString locationName = stored.value(u"location"_s).toString();
    view[u"location"_s] = m_context.catalogue.location(locationName);
    if (m_context.emitDatacenter)
        view[u"datacenter"_s] = m_context.catalogue.datacenterOf(locationName);
    const QString ip = stored.value(u"ip"_s).toString();
    view[u"dns_ptr"_s] = stored.value(u"type"_s).toString() == u"ipv4"_s ? QJsonArray{QJsonObject{
                                 {u"ip"_s, ip}, {u"dns_ptr"_s, u"static.%1.clients.sim.invalid"_s.arg(ip)}}}
                                                                         : QJsonArray();
    return view;
}

QList<qint64> ResourceViews::firewallTargets(const QJsonObject &firewall) const
{
    QList<qint64> targets;
    const QList<QJsonObject> servers = m_context.store.all(u"servers"_s);
    const QJsonArray applyTo = firewall.value(u"apply_to"_s).toArray();
    for (const QJsonValue &entry : applyTo) {
        const QJsonObject target = entry.toObject();
        if (target.value(u"type"_s).toString() == u"server"_s) {
            const qint64 id = target.value(u"server"_s).toObject().value(u"id"_s).toInteger();
            if (m_context.store.contains(u"servers"_s, id) && !targets.contains(id))
                targets << id;
            continue;
        }
        const auto selector
                = LabelSelector::parse(target.value(u"label_selector"_s).toObject().value(u"selector"_s).toString());
        for (const QJsonObject &server : servers) {
            const qint64 id = server.value(u"id"_s).toInteger();
            if (selector && selector->matches(server.value(u"labels"_s).toObject()) && !targets.contains(id))
                targets << id;
        }
    }
    // Firewalls given at server creation apply directly.
    for (const QJsonObject &server : servers) {
        const qint64 id = server.value(u"id"_s).toInteger();
        if (server.value(u"firewalls"_s).toArray().contains(firewall.value(u"id"_s)) && !targets.contains(id))
            targets << id;
    }
    return targets;
}

QJsonObject ResourceViews::firewall(const QJsonObject &stored) const
{
    QJsonArray appliedTo;
    const QJsonArray applyTo = stored.value(u"apply_to"_s).toArray();
    for (const QJsonValue &entry : applyTo) {
        QJsonObject target = entry.toObject();
        if (target.value(u"type"_s).toString() == u"label_selector"_s) {
            QJsonArray resources;
            const QList<qint64> ids = firewallTargets(QJsonObject{{u"apply_to"_s, QJsonArray{target}}});
            for (qint64 id : ids)
                resources.append(QJsonObject{{u"type"_s, u"server"_s}, {u"server"_s, QJsonObject{{u"id"_s, id}}}});
            target[u"applied_to_resources"_s] = resources;
        }
        appliedTo.append(target);
    }
    QJsonObject view = stored;
    view.remove(u"apply_to"_s);
    view[u"applied_to"_s] = appliedTo;
    return view;
}

QJsonObject ResourceViews::network(const QJsonObject &stored) const
{
    QJsonArray servers;
    const qint64 id = stored.value(u"id"_s).toInteger();
    const QList<QJsonObject> all = m_context.store.all(u"servers"_s);
    for (const QJsonObject &server : all) {
        const QJsonArray privateNets = server.value(u"private_net"_s).toArray();
        for (const QJsonValue &net : privateNets) {
            if (net.toObject().value(u"network"_s).toInteger() == id)
                servers.append(server.value(u"id"_s));
        }
    }
    QJsonObject view = stored;
    view[u"servers"_s] = servers;
    view[u"load_balancers"_s] = QJsonArray();
    view[u"protection"_s] = QJsonObject{{u"delete"_s, false}};
    return view;
}

QJsonObject ResourceViews::zone(const QJsonObject &stored) const
{
    int records = 0;
    const QList<QJsonObject> rrsets = m_context.store.all(u"rrsets"_s);
    for (const QJsonObject &rrset : rrsets) {
        if (rrset.value(u"zone"_s).toInteger() == stored.value(u"id"_s).toInteger())
            records += int(rrset.value(u"records"_s).toArray().size());
    }
    QJsonObject view = stored;
    view[u"record_count"_s] = records;
    return view;
}

QJsonObject ResourceViews::rrset(const QJsonObject &stored) const
{
    QJsonObject view = stored;
    view[u"id"_s] = QString(stored.value(u"name"_s).toString() + u'/' + stored.value(u"type"_s).toString());
    return view;
}
