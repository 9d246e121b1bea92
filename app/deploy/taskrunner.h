#pragma once

#include "deploy/engineevents.h"
#include "deploy/hostagent.h"
#include "deploy/provisionsteps.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <functional>

// Runs one provisioning task on a connected host and watches it (DESIGN.md §4): uploads the files, starts the
// task's unit, follows provision.log from where this run starts, and turns its markers into per-host step events
// and its other lines into log events (secrets blanked); a lost connection makes the host wait (reason reconnect)
// until the session is back. Finishes at the run's "@@run end" marker: rc=0 is
// success, anything else an error naming the failed step and the script's own explanation.
class TaskRunner : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<void>)>;

    TaskRunner(HostAgent *agent, const QString &serverName, HostRole role, QObject *parent = nullptr);

    // `files` are uploaded before the start (may be empty). `timeoutMs` bounds the whole run.
    void run(ProvisionTask task, const QList<InstallFile> &files, int timeoutMs, Done done);

Q_SIGNALS:
    void event(const EngineEvent &event);

private:
    void start(ProvisionTask task);
    void follow(qint64 offset);
    void handle(const QList<ProvisionLogEvent> &events);
    void flushLog();
    void finish(Result<void> result);
    EngineEvent stepEvent(const QString &step, HostState state); // remembers it as the current one
    void connectionLost(const QString &why);
    void reconnected();

    HostAgent *m_agent;
    QString m_serverName;
    HostRole m_role;
    QString m_taskName;
    QStringList m_steps;
    ProvisionLogParser m_parser;
    QString m_currentStep; // of the last step event
    HostState m_currentState = HostState::Started;
    QString m_failedStep;
    QString m_failureMessage;
    QStringList m_pendingLines;
    QTimer m_timeout;
    QTimer m_logFlush;
    Done m_done;
};
