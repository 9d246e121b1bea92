#include "taskrunner.h"

#include "common/redactor.h"

using namespace Qt::StringLiterals;

namespace {
// Log lines reach the renderers in batches: the console pane must not get one signal per line (DESIGN.md §3).
constexpr int logFlushIntervalMs = 50;
} // namespace

TaskRunner::TaskRunner(HostAgent *agent, const QString &serverName, HostRole role, QObject *parent)
    : QObject(parent)
    , m_agent(agent)
    , m_serverName(serverName)
    , m_role(role)
{
    m_timeout.setSingleShot(true);
    m_logFlush.setSingleShot(true);
    m_logFlush.setInterval(logFlushIntervalMs);
    connect(&m_logFlush, &QTimer::timeout, this, &TaskRunner::flushLog);
}

void TaskRunner::run(ProvisionTask task, const QList<InstallFile> &files, int timeoutMs, Done done)
{
    m_done = std::move(done);
    connect(m_agent, &HostAgent::connectionLost, this, &TaskRunner::connectionLost);
    connect(m_agent, &HostAgent::reconnected, this, &TaskRunner::reconnected);
    m_taskName = ProvisionSteps::taskName(task, m_role);
    m_steps = ProvisionSteps::steps(task, m_role);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(Error{u"deploy"_s,
                     u"install_timeout"_s,
                     tr("%1 on %2 did not finish in time. The install keeps running on the server; follow it "
                        "again from here, or look at /var/log/jitsi-deployer/provision.log there.")
                             .arg(m_taskName, m_serverName),
                     {},
                     {},
                     0,
                     {Advice::Kind::RetrySameOperation, {}}});
    });
    m_timeout.start();
    if (files.isEmpty()) {
        start(task);
        return;
    }
    m_agent->uploadFiles(files, [this, task](Result<void> uploaded) {
        if (!uploaded.ok()) {
            finish(uploaded.error());
            return;
        }
        start(task);
    });
}

void TaskRunner::start(ProvisionTask task)
{
    m_agent->startTask(task, [this](Result<qint64> offset) {
        if (!offset.ok()) {
            finish(offset.error());
            return;
        }
        follow(offset.value());
    });
}

void TaskRunner::follow(qint64 offset)
{
    m_parser = ProvisionLogParser(offset);
    m_agent->followLog(
            offset, [this](const QByteArray &bytes, qint64) { handle(m_parser.feed(bytes)); },
            [this](Result<void> ended) {
                finish(ended.ok() ? Result<void>(Error{u"deploy"_s,
                                                       u"follow_ended"_s,
                                                       tr("Lost the install log of %1.").arg(m_serverName),
                                                       {},
                                                       {},
                                                       0})
                                  : ended);
            });
}

void TaskRunner::handle(const QList<ProvisionLogEvent> &events)
{
    for (const ProvisionLogEvent &e : events) {
        switch (e.kind) {
        case ProvisionLogEvent::Kind::Output:
            m_pendingLines.append(Redactor::instance().redact(e.text));
            if (!m_logFlush.isActive())
                m_logFlush.start();
            break;
        case ProvisionLogEvent::Kind::StepStarted:
            Q_EMIT event(stepEvent(e.name, HostState::Started));
            break;
        case ProvisionLogEvent::Kind::StepSkipped:
            Q_EMIT event(stepEvent(e.name, HostState::Skipped));
            break;
        case ProvisionLogEvent::Kind::StepEnded:
            if (e.rc != 0 && m_failedStep.isEmpty())
                m_failedStep = e.name;
            Q_EMIT event(stepEvent(e.name, e.rc == 0 ? HostState::Succeeded : HostState::Failed));
            break;
        case ProvisionLogEvent::Kind::StepError:
            m_failedStep = e.name;
            m_failureMessage = Redactor::instance().redact(e.text);
            break;
        case ProvisionLogEvent::Kind::RunStarted:
            break;
        case ProvisionLogEvent::Kind::RunEnded:
            if (e.name != m_taskName)
                break;
            if (e.rc == 0) {
                finish({});
            } else {
                const QString step = m_failedStep.isEmpty() ? m_taskName : m_failedStep;
                finish(Error{
                        u"deploy"_s,
                        u"step_failed"_s,
                        tr("The step \"%1\" failed on %2: %3 Fix the cause first.")
                                .arg(step, m_serverName,
                                     m_failureMessage.isEmpty() ? tr("see its install log above.") : m_failureMessage),
                        u"rc=%1"_s.arg(e.rc),
                        {},
                        0,
                        {Advice::Kind::RetrySameOperation, {}}});
            }
            return; // nothing after the run's end belongs to this run
        }
    }
}

void TaskRunner::flushLog()
{
    if (m_pendingLines.isEmpty())
        return;
    EngineEvent e;
    e.kind = EngineEvent::Kind::HostLog;
    e.host = m_serverName;
    e.lines = std::exchange(m_pendingLines, {});
    Q_EMIT event(e);
}

void TaskRunner::finish(Result<void> result)
{
    if (!m_done)
        return;
    m_timeout.stop();
    m_agent->disconnect(this); // a later reconnect is no longer this task's
    flushLog();
    m_agent->stopFollowingLog();
    auto done = std::exchange(m_done, nullptr);
    done(result);
}

EngineEvent TaskRunner::stepEvent(const QString &step, HostState state)
{
    m_currentStep = step;
    m_currentState = state;
    return EngineEvent::hostStep(m_serverName, step, state, int(m_steps.indexOf(step)) + 1, int(m_steps.size()));
}

void TaskRunner::connectionLost(const QString &why)
{
    // The install goes on on the server; only following it pauses until the session is back.
    const int index = m_currentStep.isEmpty() ? 0 : int(m_steps.indexOf(m_currentStep)) + 1;
    Q_EMIT event(EngineEvent::hostWaiting(m_serverName, WaitReason::Reconnect,
                                          tr("the connection broke (%1); reconnecting").arg(why), m_currentStep, index,
                                          index > 0 ? int(m_steps.size()) : 0));
}

void TaskRunner::reconnected()
{
    // Back to where it was: the last step event again, so a renderer no longer shows the host waiting.
    if (!m_currentStep.isEmpty())
        Q_EMIT event(stepEvent(m_currentStep, m_currentState));
}
