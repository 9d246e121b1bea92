#pragma once

#include "common/result.h"
#include "deploy/drainquestion.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

class EngineRun;
class HostConnection;

// Drains one bridge for remove-bridge and update: drain mode on, then waits (bounded by the drain time) until its
// conferences end, read from the bridge's own /metrics (resources/provision/bridge-drain.sh). A bridge that is not
// confirmed drained goes on only by the user's explicit choice (DrainQuestion); "stop" ends in the error
// "not_drained". A child of its EngineRun.
class BridgeDrain : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    enum class Outcome { Drained, ProceedUndrained };

    BridgeDrain(EngineRun &run, const QString &operation, QObject *parent);

    // `connection` may be unopened; an unreachable bridge is a question too.
    void drain(HostConnection *connection, std::function<void(Result<Outcome>)> done);

private:
    void attempt();
    void notConfirmed(int conferences, const QString &reason);

    EngineRun &m_run;
    QString m_operation;
    HostConnection *m_connection = nullptr;
    std::function<void(Result<Outcome>)> m_done;
};
