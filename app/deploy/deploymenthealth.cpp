#include "deploy/deploymenthealth.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

// Thresholds of the add-bridge hint, from reference/field-anchors.md §6 (jicofo's reference.conf):
// - stress 0.8: jicofo's `stress-threshold`; above it jicofo treats a bridge as overloaded and avoids it, so a
//   deployment whose bridges all sit there has no room left;
// - 80 participants: jicofo's `max-bridge-participants` (per conference per bridge); a bridge carrying that many
//   on average is where the capacity figures of §6 (14–32 senders per 4–8 cores) are long exceeded.
constexpr double stressThreshold = 0.8;
constexpr int participantsThreshold = 80;

QJsonValue optionalJson(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalJson(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalJson(const std::optional<bool> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject hostJson(const HostHealth &host)
{
    QJsonObject versions;
    for (auto it = host.packageVersions.cbegin(); it != host.packageVersions.cend(); ++it)
        versions.insert(it.key(), it.value());
    return QJsonObject{{u"server"_s, host.serverName},
                       {u"role"_s, host.role},
                       {u"reachable"_s, host.reachable},
                       {u"problem"_s, host.problem.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(host.problem)},
                       {u"versions"_s, versions}};
}

QJsonObject viewJson(const JicofoBridgeView &view)
{
    return QJsonObject{{u"jid"_s, view.jid},
                       {u"operational"_s, view.operational},
                       {u"healthy"_s, optionalJson(view.healthy)},
                       {u"drain"_s, view.draining},
                       {u"graceful_shutdown"_s, view.gracefulShutdown},
                       {u"stress"_s, optionalJson(view.stress)},
                       {u"version"_s, view.version}};
}

} // namespace

DeploymentHealth::Overall DeploymentHealth::overall() const
{
    if (!web.reachable)
        return Overall::Unreachable;
    if (!jicofoAnswered || bridges.isEmpty())
        return Overall::Degraded;
    for (const BridgeHealth &bridge : bridges) {
        if (!bridge.host.reachable || !bridge.healthOk || !bridge.inJicofo || !bridge.inJicofo->operational
            || bridge.inJicofo->draining || bridge.inJicofo->gracefulShutdown)
            return Overall::Degraded;
    }
    return Overall::Healthy;
}

QString DeploymentHealth::addBridgeHint() const
{
    int counted = 0;
    int participants = 0;
    int hot = 0;
    double hottest = 0;
    for (const BridgeHealth &bridge : bridges) {
        const std::optional<double> stress
                = bridge.stress ? bridge.stress : (bridge.inJicofo ? bridge.inJicofo->stress : std::nullopt);
        if (stress) {
            hot += *stress >= stressThreshold ? 1 : 0;
            hottest = std::max(hottest, *stress);
        }
        if (bridge.participants) {
            ++counted;
            participants += *bridge.participants;
        }
    }
    if (bridges.isEmpty())
        return {};
    if (hot == bridges.size())
        return QCoreApplication::translate("DeploymentHealth",
                                           "Every bridge runs hot (stress up to %1; jicofo avoids a bridge from %2 "
                                           "on). Add a bridge.")
                .arg(QString::number(hottest, 'f', 2), QString::number(stressThreshold, 'f', 1));
    if (counted == bridges.size() && participants >= participantsThreshold * counted)
        return QCoreApplication::translate("DeploymentHealth",
                                           "The bridges carry %1 participants, %2 per bridge on average (more than "
                                           "%3). Add a bridge.")
                .arg(participants)
                .arg(participants / counted)
                .arg(participantsThreshold);
    return {};
}

QJsonObject DeploymentHealth::toJson() const
{
    QJsonArray bridgeArray;
    for (const BridgeHealth &bridge : bridges)
        bridgeArray.append(QJsonObject{{u"host"_s, hostJson(bridge.host)},
                                       {u"nickname"_s, bridge.nickname},
                                       {u"in_jicofo"_s, bridge.inJicofo ? QJsonValue(viewJson(*bridge.inJicofo))
                                                                        : QJsonValue(QJsonValue::Null)},
                                       {u"health_ok"_s, bridge.healthOk},
                                       {u"conferences"_s, optionalJson(bridge.conferences)},
                                       {u"participants"_s, optionalJson(bridge.participants)},
                                       {u"stress"_s, optionalJson(bridge.stress)},
                                       {u"draining"_s, optionalJson(bridge.draining)}});
    QJsonArray unknown;
    for (const JicofoBridgeView &view : unknownBridges)
        unknown.append(viewJson(view));
    static const char *const overallNames[] = {"healthy", "degraded", "unreachable"};
    return QJsonObject{{u"slug"_s, slug},
                       {u"domain"_s, domain},
                       {u"read_at"_s, readAt.toString(Qt::ISODate)},
                       {u"overall"_s, QString::fromLatin1(overallNames[int(overall())])},
                       {u"add_bridge_hint"_s,
                        addBridgeHint().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(addBridgeHint())},
                       {u"web"_s, hostJson(web)},
                       {u"jicofo_answered"_s, jicofoAnswered},
                       {u"jicofo_bridge_count"_s, jicofoBridgeCount},
                       {u"jicofo_operational_bridges"_s, jicofoOperationalBridges},
                       {u"bridges"_s, bridgeArray},
                       {u"unknown_bridges"_s, unknown}};
}
