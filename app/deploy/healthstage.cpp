#include "deploy/healthstage.h"

#include "deploy/enginerun.h"
#include "deploy/healthreader.h"

#include <QTimer>

#include <memory>

HealthStage::HealthStage(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

void HealthStage::start()
{
    m_run.phase(Phase::Verify, tr("Reading the health of every host…"));
    const RunState &state = m_run.state();
    QList<HostConnection *> connections{m_run.connectionFor(state.web.name, HostRole::Web, state.web.ipv4)};
    QStringList names{state.web.name};
    for (const hcloud::Server &bridge : std::as_const(state.bridges)) {
        connections.append(m_run.connectionFor(bridge.name, HostRole::Bridge, bridge.ipv4));
        names.append(bridge.name);
    }
    auto pending = std::make_shared<int>(int(connections.size()));
    for (qsizetype i = 0; i < connections.size(); ++i) {
        auto opened = [this, pending, name = names.at(i)](Result<void> result) {
            if (m_run.done())
                return;
            if (!result.ok())
                m_connectErrors.insert(name, result.error().message);
            if (--*pending == 0)
                read();
        };
        if (connections.at(i)->agent())
            QTimer::singleShot(0, this, [opened] { opened({}); });
        else
            connections.at(i)->open(opened);
    }
}

void HealthStage::read()
{
    const RunState &state = m_run.state();
    auto agentOf = [this](const QString &name) -> HostAgent * {
        HostConnection *connection = m_run.existingConnection(name);
        return connection && !m_connectErrors.contains(name) ? connection->agent() : nullptr;
    };
    QList<HealthReader::Bridge> bridges;
    for (const hcloud::Server &bridge : std::as_const(state.bridges))
        bridges.append({agentOf(bridge.name), bridge.name, {}, m_connectErrors.value(bridge.name)});
    auto *reader
            = new HealthReader(m_run.slug(), state.plan.domain, state.web.name, agentOf(state.web.name), bridges, this);
    reader->setWebConnectError(m_connectErrors.value(state.web.name));
    reader->read([this, reader](const DeploymentHealth &health) {
        reader->deleteLater();
        if (m_run.done())
            return;
        m_run.mutableOutcome().health = health;
        m_run.succeed();
    });
}
