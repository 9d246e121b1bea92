#include "managecontroller.h"

#include <QLocale>

#include <utility>

using namespace Qt::StringLiterals;

namespace {
QString serverStatusText(const QString &status)
{
    if (status == u"running"_s)
        return ManageController::tr("running");
    if (status == u"off"_s)
        return ManageController::tr("switched off");
    if (status == u"initializing"_s || status == u"starting"_s)
        return ManageController::tr("starting");
    if (status == u"stopping"_s)
        return ManageController::tr("stopping");
    if (status == u"deleting"_s)
        return ManageController::tr("being deleted");
    return status.isEmpty() ? ManageController::tr("unknown") : status;
}

QString versionsText(const QMap<QString, QString> &versions)
{
    QStringList parts;
    for (auto it = versions.begin(); it != versions.end(); ++it)
        parts << u"%1 %2"_s.arg(it.key(), it.value());
    return parts.join(u", "_s);
}

QString conferencesText(int n)
{
    return n == 1 ? ManageController::tr("1 conference") : ManageController::tr("%1 conferences").arg(n);
}

QString participantsText(int n)
{
    return n == 1 ? ManageController::tr("1 participant") : ManageController::tr("%1 participants").arg(n);
}

QString percent(double stress)
{
    return QLocale().toString(stress * 100, 'f', 0) + u" %"_s;
}
} // namespace

ManageController::ManageController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{
    m_timer.setInterval(refreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ManageController::refresh);
}

void ManageController::setHealthSource(WizardState::HealthSource source)
{
    m_source = std::move(source);
    m_sourceSet = true;
}

bool ManageController::canUpdate() const
{
    return m_state && bool(m_state->updateOperation()) && m_state->managedDeployment().has_value();
}

void ManageController::setActive(bool active)
{
    m_active = active;
    if (!active) {
        m_timer.stop();
        return;
    }
    m_timer.start();
    refresh();
}

void ManageController::refresh()
{
    if (!m_state || m_reading || !m_state->managedDeployment())
        return;
    const WizardState::HealthSource source = m_sourceSet ? m_source : m_state->healthSource();
    if (!source) {
        m_readError = tr("Live health is not available in this version: the servers' state above comes from the "
                         "Hetzner API. `jitsi-deployer verify %1` checks the bridges.")
                              .arg(m_state->managedDeployment()->domain);
        Q_EMIT changed();
        return;
    }
    m_reading = true;
    ++m_readCount;
    const quint64 generation = ++m_generation;
    Q_EMIT changed();
    source(m_state->managedDeployment()->slug, this, [this, generation](Result<WizardState::HealthReading> reading) {
        if (generation != m_generation)
            return;
        m_reading = false;
        if (reading) {
            m_last = reading.value();
            m_readError.clear();
        } else {
            m_readError = reading.error().message;
        }
        Q_EMIT changed();
    });
}

const BridgeHealth *ManageController::bridgeHealth(const QString &name) const
{
    if (!m_last)
        return nullptr;
    for (const BridgeHealth &bridge : m_last->health.bridges) {
        if (bridge.host.serverName == name)
            return &bridge;
    }
    return nullptr;
}

ManageController::Row ManageController::webRow(const DiscoveredServer &server) const
{
    Row row{server.name, tr("Web server"), server.location, serverStatusText(server.status), {}, false, {}, false};
    if (!m_last)
        return row;
    const DeploymentHealth &health = m_last->health;
    row.versions = versionsText(health.web.packageVersions);
    if (!health.web.reachable) {
        row.problem = true;
        row.health = health.web.problem.isEmpty() ? tr("not reachable over SSH") : health.web.problem;
    } else if (!health.jicofoAnswered) {
        row.problem = true;
        row.health = health.web.problem.isEmpty() ? tr("jicofo does not answer on 127.0.0.1:8888") : health.web.problem;
    } else {
        row.problem = !health.web.problem.isEmpty();
        row.health = tr("jicofo: %1 of %2 bridges operational")
                             .arg(health.jicofoOperationalBridges)
                             .arg(health.jicofoBridgeCount);
        if (row.problem)
            row.health += u"; "_s + health.web.problem;
    }
    return row;
}

ManageController::Row ManageController::bridgeRow(const DiscoveredServer &server) const
{
    Row row{server.name, tr("Videobridge"), server.location, serverStatusText(server.status), {}, false, {}, true};
    if (!m_last)
        return row;
    const BridgeHealth *bridge = bridgeHealth(server.name);
    if (!bridge) {
        row.problem = true;
        row.health = tr("not in the last reading");
        return row;
    }
    row.versions = versionsText(bridge->host.packageVersions);
    QStringList parts;
    if (!bridge->host.reachable) {
        row.problem = true;
        parts << (bridge->host.problem.isEmpty() ? tr("not reachable over SSH") : bridge->host.problem);
    } else {
        if (!bridge->inJicofo) {
            row.problem = true;
            parts << tr("not in jicofo");
        } else if (!bridge->inJicofo->operational) {
            row.problem = true;
            parts << tr("in jicofo, not operational");
        } else {
            parts << tr("operational in jicofo");
        }
        if (!bridge->healthOk) {
            row.problem = true;
            parts << tr("its health check fails");
        }
        if (bridge->draining.value_or(false) || (bridge->inJicofo && bridge->inJicofo->draining))
            parts << tr("draining");
        if (bridge->conferences)
            parts << conferencesText(*bridge->conferences);
        if (bridge->participants)
            parts << participantsText(*bridge->participants);
        if (bridge->stress)
            parts << tr("stress %1").arg(percent(*bridge->stress));
        if (!bridge->host.problem.isEmpty()) {
            row.problem = true;
            parts << bridge->host.problem;
        }
    }
    row.health = parts.join(u", "_s);
    return row;
}

QString ManageController::occupancy(const QString &bridgeName) const
{
    const BridgeHealth *bridge = bridgeHealth(bridgeName);
    if (!bridge || !bridge->conferences || !bridge->participants) {
        return tr("Who is on %1 is not known (no live reading of it). Removing it drains it first: jicofo moves no "
                  "one, but starts no new conference on it, and the removal waits for its conferences to end.")
                .arg(bridgeName);
    }
    if (*bridge->conferences == 0)
        return tr("%1 hosts no conference right now: removing it interrupts no one.").arg(bridgeName);
    return tr("%1 hosts %2 with %3 right now. Removing it drains it first and waits for them to end; the "
              "participants who are still on it when it is deleted drop out of their meeting and must rejoin.")
            .arg(bridgeName, conferencesText(*bridge->conferences), participantsText(*bridge->participants));
}

ManageController::View ManageController::view() const
{
    View view;
    view.reading = m_reading;
    view.canUpdate = canUpdate();
    if (!m_state || !m_state->managedDeployment())
        return view;
    const DiscoveredDeployment &found = *m_state->managedDeployment();
    view.title = found.domain.isEmpty() ? found.slug : found.domain;
    view.canRefresh = !m_reading;
    if (found.web)
        view.rows << webRow(*found.web);
    for (const DiscoveredServer &bridge : found.bridges)
        view.rows << bridgeRow(bridge);
    if (m_reading) {
        view.summary = tr("Reading the health of every host…");
    } else if (!m_readError.isEmpty()) {
        view.summary = m_readError;
        view.summaryError = true;
    } else if (m_last) {
        int problems = 0;
        for (const Row &row : std::as_const(view.rows))
            problems += row.problem ? 1 : 0;
        const QString time = QLocale().toString(m_last->health.readAt.toLocalTime().time(), QLocale::ShortFormat);
        view.summary = problems == 0 ? tr("Every host is healthy (read at %1).").arg(time)
                                     : tr("Hosts that need attention: %1 (read at %2).").arg(problems).arg(time);
        view.summaryError = problems > 0;
        view.addBridgeHint = m_last->addBridgeHint;
    }
    return view;
}
