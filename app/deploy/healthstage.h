#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>

class EngineRun;

// All of DeploymentEngine::readHealth(): opens every host of the run (a host that cannot be opened is shown as
// unreachable, not a failure), reads the state (HealthReader), puts the DeploymentHealth into the outcome and
// ends the run with succeed(). Read-only. A child of its EngineRun.
class HealthStage : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    HealthStage(EngineRun &run, QObject *parent);
    void start();

private:
    void read();

    EngineRun &m_run;
    QHash<QString, QString> m_connectErrors; // server name -> why it could not be opened
};
