#include "bridgedrain.h"

#include "deploy/enginerun.h"

using namespace Qt::StringLiterals;

BridgeDrain::BridgeDrain(EngineRun &run, const QString &operation, QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_operation(operation)
{ }

void BridgeDrain::drain(HostConnection *connection, std::function<void(Result<Outcome>)> done)
{
    m_connection = connection;
    m_done = std::move(done);
    attempt();
}

void BridgeDrain::attempt()
{
    m_connection->open([this](Result<void> opened) {
        if (m_run.done())
            return;
        if (!opened.ok()) {
            notConfirmed(-1, tr("it could not be reached (%1)").arg(opened.error().message));
            return;
        }
        m_connection->agent()->drainBridge(m_run.settings().drainTimeoutSeconds, [this](Result<int> left) {
            if (m_run.done())
                return;
            if (!left.ok())
                notConfirmed(-1, left.error().message);
            else if (left.value() > 0)
                notConfirmed(left.value(),
                             tr("%n conference(s) still ran on it when the drain time ran out", nullptr, left.value()));
            else
                m_done(Outcome::Drained);
        });
    });
}

void BridgeDrain::notConfirmed(int conferences, const QString &reason)
{
    const QString name = m_connection->serverName();
    DrainQuestion question{name, m_operation, conferences, reason};
    m_run.askDrainChoice(question, [this, name, conferences, reason](DrainChoice choice) {
        if (m_run.done())
            return;
        switch (choice) {
        case DrainChoice::Proceed:
            m_run.warn(tr("%1 is not confirmed drained (%2); going on as you chose: participants on it reconnect "
                          "to the other bridges.")
                               .arg(name, reason));
            m_done(Outcome::ProceedUndrained);
            return;
        case DrainChoice::WaitAgain:
            m_run.phase(Phase::Drain, tr("Waiting again for the conferences on %1 to end…").arg(name));
            attempt();
            return;
        case DrainChoice::Stop:
            break;
        }
        m_done(engineError(u"not_drained"_s,
                           tr("%1 is not confirmed drained (%2), so it was left running.").arg(name, reason))
                       .advising(Advice::Kind::RetryOrForce, name));
    });
}
