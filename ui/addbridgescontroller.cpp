#include "addbridgescontroller.h"

#include "deploy/deploymentengine.h"
#include "startcontroller.h"
#include "wizardstate.h"

AddBridgesController::AddBridgesController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_servers(new ServersController(state, this))
{
    m_servers->setWritesPlan(false);
    connect(m_servers, &ServersController::statusChanged, this, &AddBridgesController::changed);
    connect(m_servers, &ServersController::choicesChanged, this, &AddBridgesController::changed);
}

void AddBridgesController::load()
{
    m_servers->load();
}

int AddBridgesController::existingBridges() const
{
    return m_state && m_state->managedDeployment() ? int(m_state->managedDeployment()->bridges.size()) : 0;
}

int AddBridgesController::maxNewBridges() const
{
    return std::max(0, DeploymentPlan::maxBridges - existingBridges());
}

bool AddBridgesController::setCount(int count)
{
    if (count < 1 || count > maxNewBridges())
        return false;
    if (count != m_count) {
        m_count = count;
        Q_EMIT changed();
    }
    return true;
}

DeploymentPlan AddBridgesController::plannedDeployment() const
{
    if (!m_state)
        return {};
    DeploymentPlan plan = m_state->plan();
    plan.bridges = plan.bridges.mid(0, existingBridges());
    for (int i = 0; i < m_count; ++i)
        plan.bridges.append(HostSpec{m_servers->bridgeType(), m_servers->location()});
    return plan;
}

QStringList AddBridgesController::newBridgeNames() const
{
    const DeploymentPlan plan = plannedDeployment();
    QStringList names;
    for (int n = existingBridges() + 1; n <= plan.bridges.size(); ++n)
        names << plan.bridgeName(n);
    return names;
}

QString AddBridgesController::monthlyOf(const DeploymentPlan &plan) const
{
    if (m_servers->status() != ServersController::Status::Ready)
        return {};
    const Result<Money> cost = StartController::monthlyCost(
            plan, m_servers->catalogueTypes(), m_servers->catalogueLocations(), m_servers->cataloguePricing());
    if (!cost)
        return {};
    return tr("%1/month").arg(ServersController::formatMoney(cost.value(), m_servers->currency()));
}

QString AddBridgesController::currentMonthly() const
{
    DeploymentPlan plan = plannedDeployment();
    plan.bridges = plan.bridges.mid(0, existingBridges());
    return monthlyOf(plan);
}

QString AddBridgesController::newMonthly() const
{
    return monthlyOf(plannedDeployment());
}

bool AddBridgesController::isComplete() const
{
    return m_state && m_state->managedDeployment() && m_servers->status() == ServersController::Status::Ready
           && !m_servers->bridgeType().isEmpty() && m_count >= 1 && m_count <= maxNewBridges();
}

DeployController::Operation AddBridgesController::operation() const
{
    const QString slug = m_state && m_state->managedDeployment() ? m_state->managedDeployment()->slug : QString();
    const int count = m_count;
    const HostSpec spec{m_servers->bridgeType(), m_servers->location()};
    return [slug, count, spec](DeploymentEngine *engine) {
        engine->addBridges(slug, count, spec);
    };
}
