#include "deploy/healthreader.h"

#include <QSet>

using namespace Qt::StringLiterals;

HealthReader::HealthReader(const QString &slug, const QString &domain, const QString &webName, HostAgent *web,
                           const QList<Bridge> &bridges, QObject *parent)
    : QObject(parent)
    , m_slug(slug)
{
    m_raw.domain = domain;
    m_raw.webName = webName;
    m_raw.webAgent = web;
    for (const Bridge &bridge : bridges)
        m_raw.bridges.append({bridge, {}, {}, {}});
}

void HealthReader::read(Done done)
{
    m_done = std::move(done);
    // Counted before the first probe starts, so a fast answer cannot finish early; +1 for the trailing oneDone().
    m_pending = 1;
    if (m_raw.webAgent) {
        m_pending += 3;
        probe(m_raw.webAgent, 8888, u"/debug"_s, &m_raw.debug);
        probe(m_raw.webAgent, 8888, u"/stats"_s, &m_raw.stats);
        packages(m_raw.webAgent, &m_raw.webPackages);
    }
    for (Raw::PerBridge &b : m_raw.bridges) {
        if (!b.bridge.agent)
            continue;
        m_pending += 3;
        probe(b.bridge.agent, 8080, u"/metrics"_s, &b.metrics);
        probe(b.bridge.agent, 8080, u"/about/health"_s, &b.health);
        packages(b.bridge.agent, &b.packages);
    }
    oneDone();
}

void HealthReader::probe(HostAgent *agent, quint16 port, const QString &path, HttpProbe *into)
{
    agent->probeHttp(port, path, [this, into](Result<HttpProbe> answer) {
        *into = answer.ok() ? answer.value() : HttpProbe::failed(answer.error().message);
        oneDone();
    });
}

void HealthReader::packages(HostAgent *agent, QStringList *into)
{
    agent->queryState(StateQuery::packageVersions(StateQuery::jitsiPackages()), [this, into](Result<QStringList> out) {
        if (out.ok())
            *into = out.value();
        oneDone();
    });
}

void HealthReader::oneDone()
{
    if (--m_pending > 0 || !m_done)
        return;
    auto done = std::exchange(m_done, nullptr);
    done(build(m_slug, m_raw, QDateTime::currentDateTimeUtc()));
}

DeploymentHealth HealthReader::build(const QString &slug, const Raw &raw, const QDateTime &readAt)
{
    DeploymentHealth health;
    health.slug = slug;
    health.domain = raw.domain;
    health.readAt = readAt;
    health.web.serverName = raw.webName;
    health.web.role = u"web"_s;
    health.web.reachable = raw.webAgent != nullptr;
    health.web.packageVersions = parsePackageVersions(raw.webPackages);

    JicofoState jicofo;
    const std::optional<QList<JicofoBridgeView>> view
            = raw.debug.status == 200 ? JicofoState::parseDebug(raw.debug.body) : std::nullopt;
    const bool stats = raw.stats.status == 200 && jicofo.readStats(raw.stats.body);
    health.jicofoAnswered = view.has_value() && stats;
    if (view)
        jicofo.bridges = *view;
    health.jicofoBridgeCount = jicofo.bridgeCount.value_or(int(jicofo.bridges.size()));
    health.jicofoOperationalBridges = jicofo.operationalBridgeCount.value_or(0);
    if (!health.web.reachable)
        health.web.problem
                = raw.webConnectError.isEmpty()
                          ? QCoreApplication::translate("HealthReader", "The web host cannot be reached over SSH.")
                          : raw.webConnectError;
    else if (!health.jicofoAnswered)
        health.web.problem = QCoreApplication::translate(
                "HealthReader", "Jicofo does not answer on 127.0.0.1:8888 (/debug, /stats). Check that jicofo runs on "
                                "the web host (systemctl status jicofo).");

    const QString brewery = u"jvbbrewery@internal.auth."_s + raw.domain;
    QSet<QString> ours;
    for (const Raw::PerBridge &b : raw.bridges) {
        BridgeHealth bridge;
        bridge.host.serverName = b.bridge.serverName;
        bridge.host.role = u"bridge"_s;
        bridge.host.reachable = b.bridge.agent != nullptr;
        bridge.host.packageVersions = parsePackageVersions(b.packages);
        bridge.nickname = b.bridge.nickname.isEmpty() ? b.bridge.serverName : b.bridge.nickname;
        ours.insert(bridge.nickname.toLower());
        if (const JicofoBridgeView *v = jicofo.find(brewery, bridge.nickname))
            bridge.inJicofo = *v;
        bridge.healthOk = b.health.status == 200;
        if (b.metrics.status == 200) {
            const JvbMetrics m = JvbMetrics::parse(b.metrics.body);
            bridge.conferences = m.conferences;
            bridge.participants = m.endpoints;
            bridge.stress = m.stress;
            bridge.draining = m.drainMode;
        }
        if (!bridge.host.reachable)
            bridge.host.problem
                    = b.bridge.connectError.isEmpty()
                              ? QCoreApplication::translate("HealthReader", "The bridge cannot be reached over SSH.")
                              : b.bridge.connectError;
        else if (!bridge.healthOk)
            bridge.host.problem = QCoreApplication::translate(
                    "HealthReader", "Its health check (127.0.0.1:8080/about/health) fails. Restart jitsi-videobridge2 "
                                    "on it and check /var/log/jitsi/jvb.log.");
        else if (view && !bridge.inJicofo)
            bridge.host.problem = QCoreApplication::translate(
                    "HealthReader", "Jicofo does not list it, so no conference uses it. Run verify to see why.");
        else if (bridge.inJicofo && !bridge.inJicofo->operational)
            bridge.host.problem = QCoreApplication::translate(
                    "HealthReader", "Jicofo lists it as not operational. Run verify to see why.");
        health.bridges.append(bridge);
    }
    for (const JicofoBridgeView &v : std::as_const(jicofo.bridges)) {
        if (!ours.contains(v.nickname.toLower()))
            health.unknownBridges.append(v);
    }
    return health;
}
