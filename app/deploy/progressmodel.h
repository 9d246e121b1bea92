#pragma once

#include "deploy/engineevents.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// Where one host is, folded from the engine's events.
struct HostProgress
{
    QString host; // server name
    std::optional<HostState> state; // nullopt until its first step event
    QString step; // the current (or last) step; empty before the first
    int stepIndex = 0; // 1-based position of `step` in its task, 0 when unknown
    int stepCount = 0; // steps of the current task, 0 when unknown
    int stepsDone = 0; // completed (succeeded or skipped) steps of the current task
    QString failedStep; // the step that failed last; empty when none did
    QString failureMessage;
    std::optional<WaitReason> waitingFor; // set while state is Waiting
    QString waitingReason; // translated, for humans; empty unless waiting
    int waitedSeconds = -1; // for a boot wait: how long so far; -1 = not said
    QDateTime started; // the first event for this host
    QDateTime finished; // when its current task ended (last step done, or a step failed); null while it runs
    QString lastLine; // the latest non-empty log line
    QStringList recentLines; // the last few log lines

    double fraction() const; // 0..1 of the current task's steps done; 0 when the count is unknown
};

// The one place that turns engine events into progress (DESIGN.md §3): per host its state, step i/n, failed step,
// waiting reason, start and end; per run its phase, the latest DNS check and the overall progress. The CLI's
// EventRenderer and the wizard's deploy page both read it, so they cannot disagree. Feed it every event with
// apply(), in order; it owns no engine and no widget. Times come from clock() (injectable for tests).
class ProgressModel : public QObject
{
    Q_OBJECT

public:
    struct FailedStep
    {
        QString host;
        QString step;
        QString message;
    };

    explicit ProgressModel(QObject *parent = nullptr);

    void apply(const EngineEvent &event);
    void reset(); // for the next operation

    std::optional<Phase> phase() const { return m_phase; } // nullopt before the first phase event
    bool isComplete() const { return m_phase == Phase::Done; }
    QStringList hosts() const { return m_order; } // in the order they were first seen
    // A default HostProgress (state nullopt, empty name) for a host never seen.
    HostProgress host(const QString &name) const { return m_hosts.value(name); }
    bool hasHost(const QString &name) const { return m_hosts.contains(name); }
    // 0..1: the mean, over the hosts seen so far, of their current task's completed steps; 1 after phase done.
    double progress() const;
    // The step that failed last in this run, for the failure report.
    std::optional<FailedStep> failedStep() const { return m_failed; }
    QStringList lastLogLines(const QString &host) const { return m_hosts.value(host).recentLines; }
    // The latest round of the DNS check that did not find every record yet; nullopt before one or after the
    // phase moved on past DNS.
    std::optional<DnsCheckProgress> dnsCheck() const { return m_dnsCheck; }

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void phaseChanged(Phase phase);
    void hostChanged(const QString &host);
    void dnsCheckChanged();

private:
    HostProgress &hostEntry(const QString &name);
    void applyStep(const EngineEvent &event);
    void applyLog(const EngineEvent &event);

    std::optional<Phase> m_phase;
    QStringList m_order;
    QMap<QString, HostProgress> m_hosts;
    std::optional<FailedStep> m_failed;
    std::optional<DnsCheckProgress> m_dnsCheck;
    std::function<QDateTime()> m_clock;
};
