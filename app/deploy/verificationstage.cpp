#include "verificationstage.h"

#include "deploy/enginerun.h"
#include "deploy/evidencecollector.h"

#include <QTimer>

#include <memory>

VerificationStage::VerificationStage(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
{ }

void VerificationStage::start()
{
    m_run.phase(Phase::Verify, tr("Verifying that every bridge is connected…"));
    m_deadline = QDateTime::currentDateTimeUtc().addMSecs(m_run.settings().verifyTimeoutMs);
    openAll([this] { collectEvidence(); });
}

void VerificationStage::openAll(std::function<void()> next)
{
    const RunState &state = m_run.state();
    QList<HostConnection *> connections{m_run.connectionFor(state.web.name, HostRole::Web, state.web.ipv4)};
    for (const hcloud::Server &bridge : std::as_const(state.bridges))
        connections.append(m_run.connectionFor(bridge.name, HostRole::Bridge, bridge.ipv4));
    auto pending = std::make_shared<int>(int(connections.size()));
    auto error = std::make_shared<std::optional<Error>>();
    for (HostConnection *connection : connections) {
        auto opened = [this, pending, error, next](Result<void> result) {
            if (m_run.done())
                return;
            if (!result.ok() && !*error)
                *error = result.error();
            if (--*pending > 0)
                return;
            if (*error)
                m_run.fail(**error);
            else
                next();
        };
        if (connection->agent())
            QTimer::singleShot(0, this, [opened] { opened({}); }); // already open from the install
        else
            connection->open(opened);
    }
}

void VerificationStage::collectEvidence()
{
    const RunState &state = m_run.state();
    QList<EvidenceCollector::Bridge> bridges;
    for (const hcloud::Server &bridge : std::as_const(state.bridges)) {
        const QString privateIp = bridge.privateNet.isEmpty() ? QString() : bridge.privateNet.first().ip;
        bridges.append({m_run.existingConnection(bridge.name)->agent(), bridge.name, bridge.ipv4, privateIp});
    }
    auto *collector = new EvidenceCollector(state.plan.domain, m_run.existingConnection(state.web.name)->agent(),
                                            bridges, this);
    collector->collect([this, collector](Result<VerifierInput> input) {
        collector->deleteLater();
        if (m_run.done())
            return;
        if (!input.ok()) {
            m_run.fail(input.error());
            return;
        }
        Verifier::verifyInBackground(input.value(), this, [this](const VerificationReport &report) {
            if (m_run.done())
                return;
            // Bridges need a few seconds after their install to show up in jicofo: judge again until the deadline.
            if (!report.ok() && QDateTime::currentDateTimeUtc() < m_deadline) {
                QTimer::singleShot(m_run.settings().verifyIntervalMs, this, [this] {
                    if (!m_run.done())
                        collectEvidence();
                });
                return;
            }
            m_run.mutableOutcome().verification = report;
            m_run.emitEvent(EngineEvent::verification(report));
            if (report.ok())
                m_run.succeed();
            else
                m_run.fail(report.toError());
        });
    });
}
