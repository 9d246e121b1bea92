#pragma once

#include "deploycontroller.h"
#include "model/deploymentplan.h"
#include "serverscontroller.h"

#include <QObject>
#include <QPointer>
#include <QString>

class WizardState;

// Owns the Add bridges step: how many new bridges, of which type, where. The catalogue logic (orderable types in a
// location, their prices, the same architecture as the web host) is ServersController's, used here without writing
// the wizard's plan; this class adds the counting (no more than DeploymentPlan::maxBridges in all), the monthly
// total before and after, and the engine operation the Deploy page then runs (addBridges). No widgets.
class AddBridgesController : public QObject
{
    Q_OBJECT

public:
    explicit AddBridgesController(WizardState *state, QObject *parent = nullptr);

    ServersController *catalogue() const { return m_servers; }

    int existingBridges() const;
    int maxNewBridges() const; // 0 when the deployment has DeploymentPlan::maxBridges already
    int count() const { return m_count; }
    QStringList newBridgeNames() const;
    // "21.38 EUR/month" now, and with the new bridges; empty while the catalogue is not loaded or a price is missing.
    QString currentMonthly() const;
    QString newMonthly() const;
    bool isComplete() const;

    // The wizard's plan with the new bridges (what the Deploy page lists) and the engine call that adds them.
    DeploymentPlan plannedDeployment() const;
    DeployController::Operation operation() const;

public Q_SLOTS:
    void load();
    bool setCount(int count);

Q_SIGNALS:
    void changed();

private:
    QString monthlyOf(const DeploymentPlan &plan) const;

    QPointer<WizardState> m_state;
    ServersController *m_servers;
    int m_count = 1;
};
