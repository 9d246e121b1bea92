#pragma once

#include "deploy/accounts.h"

#include <QCoreApplication>
#include <QObject>

class EngineRun;

// accounts list/add/remove (DeploymentEngine::manageAccounts): one call of web-accounts.sh on the web host over
// its pinned session. The password travels on the command's stdin only, and is registered with the Redactor before
// anything is sent, so no log line, event or run log can hold it. The outcome carries the accounts afterwards.
// A child of its EngineRun.
class AccountOperation : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    AccountOperation(EngineRun &run, QObject *parent);

    // After EngineRun found the deployment and its web host (RunState::web).
    void start(const AccountRequest &request);

private:
    EngineRun &m_run;
};
