#include "handlers.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"
#include "simvalidation.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

void PrimaryIpHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/primary_ips"_s, [this](const SimRequest &request, const QStringList &) {
        return ListResponder::listCollection(request, u"primary_ips"_s, m_context.store.all(u"primary_ips"_s),
                                             [this](const QJsonObject &item) { return m_views.primaryIp(item); },
                                             {u"ip"_s});
    });
    router.add(u"POST"_s, u"/primary_ips"_s,
               [this](const SimRequest &request, const QStringList &) { return create(request); });
    router.add(u"GET"_s, u"/primary_ips/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject ip = m_context.store.get(u"primary_ips"_s, args[0].toLongLong());
        if (ip.isEmpty())
            return SimResponse::notFound(u"primary IP"_s);
        return SimResponse::json(200, QJsonObject{{u"primary_ip"_s, m_views.primaryIp(ip)}});
    });
    router.add(u"DELETE"_s, u"/primary_ips/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject ip = m_context.store.get(u"primary_ips"_s, args[0].toLongLong());
        if (ip.isEmpty())
            return SimResponse::notFound(u"primary IP"_s);
        if (!ip.value(u"assignee_id"_s).isNull())
            return SimResponse::error(422, u"primary_ip_assigned"_s, u"primary IP is assigned to a server"_s);
        m_context.store.remove(u"primary_ips"_s, args[0].toLongLong());
        return SimResponse::noContent();
    });
}

SimResponse PrimaryIpHandlers::create(const SimRequest &request)
{
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString();
    const QString type = body->value(u"type"_s).toString();
    if (name.isEmpty())
        return SimResponse::invalidInput(u"name"_s, u"is required"_s);
    if (type != u"ipv4"_s && type != u"ipv6"_s)
        return SimResponse::invalidInput(u"type"_s, u"must be ipv4 or ipv6"_s);
    if (body->value(u"assignee_type"_s).toString() != u"server"_s)
        return SimResponse::invalidInput(u"assignee_type"_s, u"must be server"_s);
    if (const auto labelError = SimValidation::checkLabels(body->value(u"labels"_s)))
        return *labelError;
    const QJsonValue assignee = body->value(u"assignee_id"_s);
    QString locationName;
    if (!assignee.isNull() && !assignee.isUndefined()) {
        const QJsonObject server = m_context.store.get(u"servers"_s, assignee.toInteger());
        if (server.isEmpty())
            return SimResponse::invalidInput(u"assignee_id"_s, u"server not found"_s);
        locationName = server.value(u"location"_s).toString();
    } else if (body->contains(u"location"_s)) {
        locationName = m_context.catalogue.location(body->value(u"location"_s).toString()).value(u"name"_s).toString();
    } else if (body->contains(u"datacenter"_s)) {
        locationName = m_context.catalogue.datacenter(body->value(u"datacenter"_s).toString())
                               .value(u"location"_s)
                               .toObject()
                               .value(u"name"_s)
                               .toString();
    }
    if (locationName.isEmpty())
        return SimResponse::invalidInput(u"location"_s, u"a known location or an assignee is required"_s);
    if (!m_context.store.findByName(u"primary_ips"_s, name).isEmpty())
        return SimResponse::uniqueness(u"name"_s, u"primary IP name is already used"_s);

    const QJsonObject ip{{u"name"_s, name},
                         {u"type"_s, type},
                         {u"ip"_s, type == u"ipv4"_s ? m_context.store.nextIpv4() : m_context.store.nextIpv6Network()},
                         {u"location"_s, locationName},
                         {u"assignee_id"_s, assignee.isUndefined() ? QJsonValue() : assignee},
                         {u"assignee_type"_s, u"server"_s},
                         {u"auto_delete"_s, body->value(u"auto_delete"_s).toBool(false)},
                         {u"blocked"_s, false},
                         {u"created"_s, SimContext::timestamp()},
                         {u"labels"_s, body->value(u"labels"_s).toObject()},
                         {u"protection"_s, QJsonObject{{u"delete"_s, false}}}};
    const qint64 id = m_context.store.insert(u"primary_ips"_s, ip);
    const qint64 action = m_context.actions.start(u"create_primary_ip"_s,
                                                  QJsonArray{QJsonObject{{u"id"_s, id}, {u"type"_s, u"primary_ip"_s}}});
    return SimResponse::json(
            201, QJsonObject{{u"primary_ip"_s, m_views.primaryIp(m_context.store.get(u"primary_ips"_s, id))},
                             {u"action"_s, m_context.actions.json(action)}});
}
