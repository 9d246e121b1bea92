#include "progressmodel.h"

#include <algorithm>

namespace {
constexpr int recentLinesKept = 8;
} // namespace

double HostProgress::fraction() const
{
    if (stepCount <= 0)
        return 0.0;
    return double(std::min(stepsDone, stepCount)) / stepCount;
}

ProgressModel::ProgressModel(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{ }

void ProgressModel::reset()
{
    m_phase.reset();
    m_order.clear();
    m_hosts.clear();
    m_failed.reset();
    m_dnsCheck.reset();
}

double ProgressModel::progress() const
{
    if (isComplete())
        return 1.0;
    if (m_order.isEmpty())
        return 0.0;
    double sum = 0;
    for (const QString &name : m_order)
        sum += m_hosts.value(name).fraction();
    return sum / double(m_order.size());
}

HostProgress &ProgressModel::hostEntry(const QString &name)
{
    auto it = m_hosts.find(name);
    if (it == m_hosts.end()) {
        m_order.append(name);
        it = m_hosts.insert(name, HostProgress{});
        it->host = name;
        it->started = m_clock();
    }
    return *it;
}

void ProgressModel::apply(const EngineEvent &event)
{
    switch (event.kind) {
    case EngineEvent::Kind::Phase:
        m_phase = event.phase;
        // The DNS check's last round says nothing once the run has moved on to what follows it.
        if (m_dnsCheck && event.phase != Phase::Dns && event.phase != Phase::Hosts) {
            m_dnsCheck.reset();
            Q_EMIT dnsCheckChanged();
        }
        Q_EMIT phaseChanged(event.phase);
        return;
    case EngineEvent::Kind::HostStep:
        applyStep(event);
        return;
    case EngineEvent::Kind::HostLog:
        applyLog(event);
        return;
    case EngineEvent::Kind::DnsCheck:
        m_dnsCheck = event.dnsCheck;
        Q_EMIT dnsCheckChanged();
        return;
    case EngineEvent::Kind::Resource:
    case EngineEvent::Kind::DnsRecords:
    case EngineEvent::Kind::Verification:
    case EngineEvent::Kind::Warning:
    case EngineEvent::Kind::Meeting:
        return;
    }
}

void ProgressModel::applyStep(const EngineEvent &event)
{
    if (event.host.isEmpty())
        return;
    HostProgress &host = hostEntry(event.host);
    if (event.hostState == HostState::Waiting) {
        // A wait interrupts; it does not move the host's steps (a step it names is the one it waits in).
        host.state = HostState::Waiting;
        host.waitingFor = event.waitReason;
        host.waitingReason = event.message;
        host.waitedSeconds = event.elapsedSeconds;
        Q_EMIT hostChanged(event.host);
        return;
    }
    // A host runs several tasks (install, then firewall or certificate); a new step count or an earlier step
    // than the current one is a new task.
    if (event.stepCount != host.stepCount || (event.stepIndex > 0 && event.stepIndex < host.stepIndex)) {
        host.stepsDone = 0;
        host.finished = {};
    }
    host.state = event.hostState;
    host.step = event.step;
    host.stepIndex = event.stepIndex;
    host.stepCount = event.stepCount;
    host.waitingFor.reset();
    host.waitingReason.clear();
    host.waitedSeconds = -1;
    switch (event.hostState) {
    case HostState::Started:
        host.finished = {};
        break;
    case HostState::Succeeded:
    case HostState::Skipped:
        host.stepsDone = event.stepIndex > 0 ? std::max(host.stepsDone, event.stepIndex) : host.stepsDone + 1;
        if (event.stepCount > 0 && event.stepIndex == event.stepCount)
            host.finished = m_clock();
        break;
    case HostState::Failed:
        host.failedStep = event.step;
        host.failureMessage = event.message;
        host.finished = m_clock();
        m_failed = FailedStep{event.host, event.step, event.message};
        break;
    case HostState::Waiting:
        break; // handled above
    }
    Q_EMIT hostChanged(event.host);
}

void ProgressModel::applyLog(const EngineEvent &event)
{
    if (event.host.isEmpty() || event.lines.isEmpty())
        return;
    HostProgress &host = hostEntry(event.host);
    host.recentLines += event.lines;
    if (host.recentLines.size() > recentLinesKept)
        host.recentLines = host.recentLines.mid(host.recentLines.size() - recentLinesKept);
    for (auto it = event.lines.crbegin(); it != event.lines.crend(); ++it) {
        if (!it->trimmed().isEmpty()) {
            host.lastLine = it->trimmed();
            break;
        }
    }
    Q_EMIT hostChanged(event.host);
}
