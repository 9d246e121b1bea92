#include "healthlines.h"

using namespace Qt::StringLiterals;

namespace {

QString versions(const QMap<QString, QString> &packages)
{
    QStringList parts;
    for (auto it = packages.cbegin(); it != packages.cend(); ++it)
        parts << it.key() + u' ' + it.value();
    return parts.join(u", "_s);
}

QString figure(const std::optional<int> &value)
{
    return value ? QString::number(*value) : u"?"_s;
}

} // namespace

QStringList HealthLines::lines(const DeploymentHealth &health)
{
    QString overall;
    switch (health.overall()) {
    case DeploymentHealth::Overall::Healthy:
        overall = tr("healthy");
        break;
    case DeploymentHealth::Overall::Degraded:
        overall = tr("degraded");
        break;
    case DeploymentHealth::Overall::Unreachable:
        overall = tr("unreachable");
        break;
    }
    QStringList out{tr("Health (read %1 UTC): %2").arg(health.readAt.toString(u"yyyy-MM-dd HH:mm:ss"_s), overall)};
    QString web = health.jicofoAnswered ? tr("  web %1: jicofo sees %2 bridge(s), %3 operational")
                                                  .arg(health.web.serverName)
                                                  .arg(health.jicofoBridgeCount)
                                                  .arg(health.jicofoOperationalBridges)
                                        : tr("  web %1: jicofo does not answer").arg(health.web.serverName);
    if (!health.web.packageVersions.isEmpty())
        web += u"; "_s + versions(health.web.packageVersions);
    out << web;
    if (!health.web.problem.isEmpty())
        out << u"      "_s + health.web.problem;
    for (const BridgeHealth &bridge : health.bridges) {
        QStringList parts;
        if (!bridge.host.reachable) {
            parts << tr("not reachable");
        } else {
            if (!bridge.inJicofo)
                parts << tr("not in jicofo");
            else
                parts << tr("in jicofo: %1%2, stress %3")
                                 .arg(bridge.inJicofo->operational ? tr("operational") : tr("not operational"),
                                      bridge.inJicofo->draining ? tr(", draining") : QString(),
                                      bridge.inJicofo->stress ? QString::number(*bridge.inJicofo->stress, 'f', 2)
                                                              : u"?"_s);
            parts << (bridge.healthOk ? tr("health OK") : tr("health failing"));
            parts << tr("%1 conference(s), %2 participant(s)")
                             .arg(figure(bridge.conferences), figure(bridge.participants));
            if (!bridge.host.packageVersions.isEmpty())
                parts << versions(bridge.host.packageVersions);
        }
        out << tr("  bridge %1: %2").arg(bridge.host.serverName, parts.join(u"; "_s));
        if (!bridge.host.problem.isEmpty())
            out << u"      "_s + bridge.host.problem;
    }
    for (const JicofoBridgeView &view : health.unknownBridges)
        out << tr("  jicofo also lists a bridge that is not part of this deployment: %1").arg(view.jid);
    if (const QString hint = health.addBridgeHint(); !hint.isEmpty())
        out << tr("Hint: %1").arg(hint);
    return out;
}
