#include "updateoperation.h"

#include "deploy/bridgedrain.h"
#include "deploy/enginerun.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
constexpr int bridgeSteps = 4; // drain, upgrade, rejoin, undrain
constexpr int webSteps = 2; // upgrade, rejoin
} // namespace

UpdateOperation::UpdateOperation(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

QString UpdateOperation::mainPackage(HostRole role)
{
    return role == HostRole::Web ? u"jicofo"_s : u"jitsi-videobridge2"_s;
}

QList<UpdateOperation::Host> UpdateOperation::hosts() const
{
    const RunState &state = m_run.state();
    QList<Host> all;
    for (const hcloud::Server &bridge : std::as_const(state.bridges))
        all.append({bridge.name, HostRole::Bridge, bridge.ipv4});
    all.append({state.web.name, HostRole::Web, state.web.ipv4});
    return all;
}

void UpdateOperation::update(const DiscoveredDeployment &found)
{
    if (!found.web) {
        m_run.fail(engineError(u"no_web_host"_s,
                               tr("The deployment has no web host. Deploy it again with its plan to repair it.")));
        return;
    }
    for (const hcloud::Server &bridge : std::as_const(m_run.state().bridges))
        m_run.mutableOutcome().bridges.append(bridge.name);
    // The closing verification reads the web host's secrets (from the store, else over the pinned session).
    m_run.loadSecrets(EngineRun::WhenMissing::FromWebHost, [this] {
        m_run.phase(Phase::Update, tr("Reading the Jitsi package versions of every host…"));
        readVersions(true, [this] {
            for (const Host &host : hosts()) {
                if (host.role == HostRole::Bridge)
                    m_bridges.append(host);
            }
            nextBridge();
        });
    });
}

void UpdateOperation::readVersions(bool before, std::function<void()> next)
{
    const QList<Host> all = hosts();
    auto pending = std::make_shared<int>(int(all.size()));
    for (const Host &host : all) {
        HostConnection *connection = m_run.connectionFor(host.name, host.role, host.address);
        connection->open(m_run.orFail<void>([this, connection, host, before, pending, next]() {
            // Before: refresh the package lists and learn the newest version offered (the skip test).
            const QString availableOf = before ? mainPackage(host.role) : QString();
            connection->agent()->packageVersions(
                    availableOf, m_run.orFail<PackageVersions>([this, host, before, pending, next](PackageVersions v) {
                        EngineOutcome &outcome = m_run.mutableOutcome();
                        (before ? outcome.versionsBefore : outcome.versionsAfter).insert(host.name, v.installed);
                        if (before) {
                            const QString installed = v.installed.value(mainPackage(host.role));
                            m_current.insert(host.name, !installed.isEmpty() && !v.available.isEmpty()
                                                                && installed == v.available.first());
                        }
                        EngineEvent e;
                        e.kind = EngineEvent::Kind::HostLog;
                        e.host = host.name;
                        for (auto it = v.installed.cbegin(); it != v.installed.cend(); ++it)
                            e.lines.append((before ? tr("before: %1 %2") : tr("after: %1 %2")).arg(it.key(), *it));
                        m_run.emitEvent(e);
                        if (--*pending == 0)
                            next();
                    }));
        }));
    }
}

void UpdateOperation::step(const Host &host, const QString &name, int index, int count)
{
    m_run.emitEvent(EngineEvent::hostStep(host.name, name, HostState::Started, index, count));
}

void UpdateOperation::nextBridge()
{
    if (m_run.done())
        return;
    if (m_bridges.isEmpty()) {
        updateWeb();
        return;
    }
    const Host bridge = m_bridges.takeFirst();
    if (m_current.value(bridge.name)) {
        m_run.emitEvent(EngineEvent::hostStep(bridge.name, u"upgrade"_s, HostState::Skipped, 2, bridgeSteps));
        nextBridge();
        return;
    }
    m_run.phase(Phase::Drain,
                tr("Draining %1: no new conferences, waiting for the running ones to end…").arg(bridge.name));
    step(bridge, u"drain"_s, 1, bridgeSteps);
    HostConnection *connection = m_run.connectionFor(bridge.name, bridge.role, bridge.address);
    // From here until it is undrained, a cancel takes the bridge back into service first.
    m_run.setCancelCleanup([this, connection](std::function<void()> finish) {
        if (!connection->agent()) {
            finish();
            return;
        }
        connection->agent()->undrainBridge([finish](Result<void>) { finish(); });
    });
    auto *drain = new BridgeDrain(m_run, u"update"_s, this);
    drain->drain(connection, [this, drain, bridge](Result<BridgeDrain::Outcome> outcome) {
        drain->deleteLater();
        if (m_run.done())
            return;
        if (!outcome.ok()) {
            // Stopped by the user's choice: the bridge serves again before the run ends.
            const Error error = outcome.error();
            undrain(bridge, [this, error] { m_run.fail(error); });
            return;
        }
        drained(bridge);
    });
}

void UpdateOperation::drained(const Host &bridge)
{
    m_run.phase(Phase::Update, tr("Upgrading the Jitsi packages on %1…").arg(bridge.name));
    step(bridge, u"upgrade"_s, 2, bridgeSteps);
    upgrade(bridge, [this, bridge] {
        step(bridge, u"rejoin"_s, 3, bridgeSteps);
        waitForBridges(bridge.name, [this, bridge] {
            step(bridge, u"undrain"_s, 4, bridgeSteps);
            undrain(bridge, [this, bridge] {
                if (m_run.done())
                    return;
                m_run.emitEvent(EngineEvent::hostStep(bridge.name, u"undrain"_s, HostState::Succeeded, 4, bridgeSteps));
                nextBridge();
            });
        });
    });
}

void UpdateOperation::upgrade(const Host &host, std::function<void()> next)
{
    HostConnection *connection = m_run.connectionFor(host.name, host.role, host.address);
    connection->agent()->upgradePackages([this, host, next](Result<PackageVersions> after) {
        if (m_run.done())
            return;
        if (!after.ok()) {
            m_run.emitEvent(EngineEvent::hostStep(host.name, u"upgrade"_s, HostState::Failed, 2, bridgeSteps));
            const Error error = after.error();
            if (host.role == HostRole::Bridge)
                undrain(host, [this, error] { m_run.fail(error); });
            else
                m_run.fail(error);
            return;
        }
        m_run.mutableOutcome().versionsAfter.insert(host.name, after.value().installed);
        next();
    });
}

void UpdateOperation::waitForBridges(const QString &host, std::function<void()> next)
{
    m_deadline = QDateTime::currentDateTimeUtc().addMSecs(m_run.settings().verifyTimeoutMs);
    const int expected = int(m_run.state().bridges.size());
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [this, host, expected, next, poll] {
        const hcloud::Server &web = m_run.state().web;
        HostConnection *connection = m_run.connectionFor(web.name, HostRole::Web, web.ipv4);
        connection->open(m_run.orFail<void>([this, connection, host, expected, next, poll]() {
            // jicofo's own view (state, not logs): /stats bridge_selector.operational_bridge_count.
            connection->agent()->probeHttp(
                    8888, u"/stats"_s, [this, host, expected, next, poll](Result<HttpProbe> probe) {
                        if (m_run.done())
                            return;
                        int operational = -1;
                        if (probe.ok() && probe.value().status == 200) {
                            const QJsonObject stats = QJsonDocument::fromJson(probe.value().body).object();
                            operational = stats.value(u"bridge_selector"_s)
                                                  .toObject()
                                                  .value(u"operational_bridge_count"_s)
                                                  .toInt(-1);
                        }
                        if (operational >= expected) {
                            next();
                            return;
                        }
                        if (QDateTime::currentDateTimeUtc() >= m_deadline) {
                            m_run.fail(
                                    engineError(u"bridge_not_back"_s, tr("After the upgrade of %1, jicofo sees %2 of "
                                                                         "%3 bridges. Check jitsi-videobridge2 "
                                                                         "(journalctl -u jitsi-videobridge2) and "
                                                                         "jicofo on the web host, then run the update "
                                                                         "again.")
                                                                              .arg(host)
                                                                              .arg(qMax(operational, 0))
                                                                              .arg(expected)));
                            return;
                        }
                        QTimer::singleShot(m_run.settings().verifyIntervalMs, this, [this, poll] {
                            if (!m_run.done())
                                (*poll)();
                        });
                    });
        }));
    };
    (*poll)();
}

void UpdateOperation::undrain(const Host &bridge, std::function<void()> next)
{
    HostConnection *connection = m_run.existingConnection(bridge.name);
    m_run.setCancelCleanup(nullptr);
    if (!connection || !connection->agent()) {
        next();
        return;
    }
    connection->agent()->undrainBridge([this, bridge, next](Result<void> done) {
        if (!done.ok())
            m_run.warn(done.error().message);
        next();
    });
}

void UpdateOperation::updateWeb()
{
    const RunState &state = m_run.state();
    const Host web{state.web.name, HostRole::Web, state.web.ipv4};
    auto finish = [this] {
        m_run.phase(Phase::Update, tr("Reading the Jitsi package versions after the update…"));
        readVersions(false, [this] { m_run.verifyBridges(); });
    };
    if (m_current.value(web.name)) {
        m_run.emitEvent(EngineEvent::hostStep(web.name, u"upgrade"_s, HostState::Skipped, 1, webSteps));
        finish();
        return;
    }
    m_run.warn(tr("Updating the web host %1 restarts prosody and jicofo: meetings running now are interrupted for "
                  "a moment and their participants rejoin.")
                       .arg(web.name));
    m_run.phase(Phase::Update, tr("Upgrading the Jitsi packages on %1…").arg(web.name));
    step(web, u"upgrade"_s, 1, webSteps);
    upgrade(web, [this, web, finish] {
        step(web, u"rejoin"_s, 2, webSteps);
        waitForBridges(web.name, finish);
    });
}
