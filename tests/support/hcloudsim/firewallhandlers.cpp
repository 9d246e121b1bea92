#include "handlers.h"
#include "labelselector.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"
#include "simvalidation.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
constexpr int kMaxRules = 50;
constexpr int kMaxCidrs = 100;
constexpr int kMaxDescription = 255;
constexpr int kMaxName = 128;

bool validPort(const QString &port)
{
    static const QRegularExpression pattern(u"^(\\d{1,5})(?:-(\\d{1,5}))?$"_s);
    const auto match = pattern.match(port);
    if (!match.hasMatch())
        return false;
    const int from = match.captured(1).toInt();
    const int to = match.hasCaptured(2) ? match.captured(2).toInt() : from;
    return from >= 1 && to <= 65535 && from <= to;
}

// The normalised rule, or a 422 answer.
std::variant<QJsonObject, SimResponse> checkRule(const QJsonValue &value, int index)
{
    const QString field = u"rules[%1]"_s.arg(index);
    if (!value.isObject())
        return SimResponse::invalidInput(field, u"must be an object"_s);
    const QJsonObject rule = value.toObject();
    const QString direction = rule.value(u"direction"_s).toString();
    if (direction != u"in"_s && direction != u"out"_s)
        return SimResponse::invalidInput(field + u".direction"_s, u"must be 'in' or 'out'"_s);
    const QString protocol = rule.value(u"protocol"_s).toString();
    if (!QStringList{u"tcp"_s, u"udp"_s, u"icmp"_s, u"esp"_s, u"gre"_s}.contains(protocol))
        return SimResponse::invalidInput(field + u".protocol"_s, u"must be one of tcp, udp, icmp, esp, gre"_s);
    const bool hasPort = rule.contains(u"port"_s) && !rule.value(u"port"_s).isNull();
    const bool portProtocol = protocol == u"tcp"_s || protocol == u"udp"_s;
    if (hasPort && !portProtocol)
        return SimResponse::invalidInput(field + u".port"_s, u"port is only allowed for tcp and udp"_s);
    if (portProtocol && !hasPort)
        return SimResponse::invalidInput(field + u".port"_s, u"port is required for tcp and udp"_s);
    if (hasPort && !validPort(rule.value(u"port"_s).toString()))
        return SimResponse::invalidInput(field + u".port"_s, u"must be a port or a port range like 10000-20000"_s);
    const QJsonValue description = rule.value(u"description"_s);
    if (description.isString() && description.toString().size() > kMaxDescription)
        return SimResponse::invalidInput(field + u".description"_s, u"is too long"_s);

    const QString ipsField = direction == u"in"_s ? u"source_ips"_s : u"destination_ips"_s;
    const QJsonArray ips = rule.value(ipsField).toArray();
    if (ips.isEmpty())
        return SimResponse::invalidInput(field + u'.' + ipsField, u"is required for direction %1"_s.arg(direction));
    if (ips.size() > kMaxCidrs)
        return SimResponse::invalidInput(field + u'.' + ipsField, u"too many entries (limit 100)"_s);
    for (const QJsonValue &ip : ips) {
        if (!SimValidation::parseCidr(ip.toString()))
            return SimResponse::invalidInput(field + u'.' + ipsField, u"'%1' is not a CIDR"_s.arg(ip.toString()));
    }
    return QJsonObject{{u"direction"_s, direction},
                       {u"protocol"_s, protocol},
                       {u"port"_s, hasPort ? rule.value(u"port"_s) : QJsonValue()},
                       {u"source_ips"_s, direction == u"in"_s ? ips : QJsonArray()},
                       {u"destination_ips"_s, direction == u"out"_s ? ips : QJsonArray()},
                       {u"description"_s, description.isString() ? description : QJsonValue()}};
}

std::variant<QJsonArray, SimResponse> checkRules(const QJsonValue &value)
{
    if (!value.isUndefined() && !value.isArray())
        return SimResponse::invalidInput(u"rules"_s, u"must be an array"_s);
    const QJsonArray rules = value.toArray();
    if (rules.size() > kMaxRules)
        return SimResponse::invalidInput(u"rules"_s, u"too many rules (limit 50)"_s);
    QJsonArray out;
    for (int i = 0; i < rules.size(); ++i) {
        auto checked = checkRule(rules.at(i), i);
        if (auto *error = std::get_if<SimResponse>(&checked))
            return *error;
        out.append(std::get<QJsonObject>(checked));
    }
    return out;
}
} // namespace

void FirewallHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/firewalls"_s, [this](const SimRequest &request, const QStringList &) {
        return ListResponder::listCollection(request, u"firewalls"_s, m_context.store.all(u"firewalls"_s),
                                             [this](const QJsonObject &item) { return m_views.firewall(item); });
    });
    router.add(u"POST"_s, u"/firewalls"_s,
               [this](const SimRequest &request, const QStringList &) { return create(request); });
    router.add(u"GET"_s, u"/firewalls/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject firewall = m_context.store.get(u"firewalls"_s, args[0].toLongLong());
        if (firewall.isEmpty())
            return SimResponse::notFound(u"firewall"_s);
        return SimResponse::json(200, QJsonObject{{u"firewall"_s, m_views.firewall(firewall)}});
    });
    router.add(u"POST"_s, u"/firewalls/(\\d+)/actions/set_rules"_s,
               [this](const SimRequest &request, const QStringList &args) {
                   return setRules(request, args[0].toLongLong());
               });
    router.add(u"DELETE"_s, u"/firewalls/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const QJsonObject firewall = m_context.store.get(u"firewalls"_s, args[0].toLongLong());
        if (firewall.isEmpty())
            return SimResponse::notFound(u"firewall"_s);
        if (!m_views.firewallTargets(firewall).isEmpty())
            return SimResponse::error(422, u"resource_in_use"_s, u"firewall is still applied to resources"_s);
        m_context.store.remove(u"firewalls"_s, args[0].toLongLong());
        return SimResponse::noContent();
    });
}

QJsonArray FirewallHandlers::startRuleActions(qint64 id, bool applied)
{
    QJsonArray resources{QJsonObject{{u"id"_s, id}, {u"type"_s, u"firewall"_s}}};
    QJsonArray actions{m_context.actions.json(m_context.actions.start(u"set_firewall_rules"_s, resources))};
    if (applied) {
        const QList<qint64> targets = m_views.firewallTargets(m_context.store.get(u"firewalls"_s, id));
        for (qint64 server : targets)
            resources.append(QJsonObject{{u"id"_s, server}, {u"type"_s, u"server"_s}});
        actions.append(m_context.actions.json(m_context.actions.start(u"apply_firewall"_s, resources)));
    }
    return actions;
}

SimResponse FirewallHandlers::create(const SimRequest &request)
{
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString();
    if (name.isEmpty())
        return SimResponse::invalidInput(u"name"_s, u"is required"_s);
    if (name.size() > kMaxName)
        return SimResponse::invalidInput(u"name"_s, u"is too long (limit 128)"_s);
    if (const auto labelError = SimValidation::checkLabels(body->value(u"labels"_s)))
        return *labelError;
    auto rules = checkRules(body->value(u"rules"_s));
    if (auto *ruleError = std::get_if<SimResponse>(&rules))
        return *ruleError;

    QJsonArray applyTo;
    const QJsonArray requested = body->value(u"apply_to"_s).toArray();
    for (const QJsonValue &value : requested) {
        const QJsonObject entry = value.toObject();
        const QString type = entry.value(u"type"_s).toString();
        if (type == u"server"_s) {
            const qint64 server = entry.value(u"server"_s).toObject().value(u"id"_s).toInteger();
            if (!m_context.store.contains(u"servers"_s, server))
                return SimResponse::error(422, u"firewall_resource_not_found"_s, u"server %1 not found"_s.arg(server));
            applyTo.append(QJsonObject{{u"type"_s, type}, {u"server"_s, QJsonObject{{u"id"_s, server}}}});
        } else if (type == u"label_selector"_s) {
            const QString selector = entry.value(u"label_selector"_s).toObject().value(u"selector"_s).toString();
            QString reason;
            if (selector.isEmpty() || !LabelSelector::parse(selector, &reason))
                return SimResponse::invalidInput(u"apply_to"_s, u"invalid label selector: %1"_s.arg(reason));
            applyTo.append(
                    QJsonObject{{u"type"_s, type}, {u"label_selector"_s, QJsonObject{{u"selector"_s, selector}}}});
        } else {
            return SimResponse::invalidInput(u"apply_to"_s, u"type must be server or label_selector"_s);
        }
    }
    if (!m_context.store.findByName(u"firewalls"_s, name).isEmpty())
        return SimResponse::uniqueness(u"name"_s, u"firewall name is already used"_s);

    const qint64 id
            = m_context.store.insert(u"firewalls"_s, QJsonObject{{u"name"_s, name},
                                                                 {u"labels"_s, body->value(u"labels"_s).toObject()},
                                                                 {u"created"_s, SimContext::timestamp()},
                                                                 {u"rules"_s, std::get<QJsonArray>(rules)},
                                                                 {u"apply_to"_s, applyTo}});
    const QJsonArray actions = startRuleActions(id, !applyTo.isEmpty());
    return SimResponse::json(201,
                             QJsonObject{{u"firewall"_s, m_views.firewall(m_context.store.get(u"firewalls"_s, id))},
                                         {u"actions"_s, actions}});
}

SimResponse FirewallHandlers::setRules(const SimRequest &request, qint64 id)
{
    QJsonObject firewall = m_context.store.get(u"firewalls"_s, id);
    if (firewall.isEmpty())
        return SimResponse::notFound(u"firewall"_s);
    SimResponse error;
    const auto body = parseJsonBody(request, &error);
    if (!body)
        return error;
    if (!body->value(u"rules"_s).isArray())
        return SimResponse::invalidInput(u"rules"_s, u"is required"_s);
    auto rules = checkRules(body->value(u"rules"_s));
    if (auto *ruleError = std::get_if<SimResponse>(&rules))
        return *ruleError;
    firewall[u"rules"_s] = std::get<QJsonArray>(rules);
    m_context.store.update(u"firewalls"_s, firewall);
    const bool applied = !m_views.firewallTargets(firewall).isEmpty();
    return SimResponse::json(201, QJsonObject{{u"actions"_s, startRuleActions(id, applied)}});
}
