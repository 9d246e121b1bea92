#include "startcontroller.h"

#include "deploy/deploymentstore.h"
#include "deploy/plansummary.h"
#include "hcloud/hetznerclient.h"
#include "serverscontroller.h"
#include "wizardstate.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QStringList>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;
using namespace hcloud;

StartController::StartController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{ }

void StartController::load()
{
    if (!m_state)
        return;
    const int generation = ++m_generation;
    m_status = Status::Loading;
    m_error.clear();
    m_firstError.reset();
    m_outstanding = 5;
    Q_EMIT changed();

    const auto arrived = [this, generation](const std::optional<Error> &error) {
        if (generation != m_generation)
            return;
        if (error && !m_firstError)
            m_firstError = error;
        if (--m_outstanding > 0)
            return;
        if (m_firstError) {
            m_status = Status::Failed;
            m_error = tr("The deployments in the project could not be read: %1").arg(m_firstError->message);
            Q_EMIT changed();
            return;
        }
        finish();
    };
    HetznerClient *client = m_state->client();
    auto *discovery = new Discovery(client, this);
    discovery->discover(this, [this, arrived, discovery](Result<Inventory> inventory) {
        discovery->deleteLater();
        if (inventory)
            m_inventory = inventory.value();
        arrived(inventory ? std::nullopt : std::optional(inventory.error()));
    });
    client->listServerTypes(this, [this, arrived](Result<QList<ServerType>> types) {
        if (types)
            m_types = types.value();
        arrived(types ? std::nullopt : std::optional(types.error()));
    });
    client->listLocations(this, [this, arrived](Result<QList<Location>> locations) {
        if (locations)
            m_locations = locations.value();
        arrived(locations ? std::nullopt : std::optional(locations.error()));
    });
    // The plans this computer stored (small JSON files, read off the GUI thread).
    auto *watcher = new QFutureWatcher<QMap<QString, DeploymentPlan>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, arrived] {
        m_storedPlans = watcher->result();
        watcher->deleteLater();
        arrived(std::nullopt);
    });
    auto promise = std::make_shared<QPromise<QMap<QString, DeploymentPlan>>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([directory = m_state->environment().engine.storeDirectory, promise] {
        QMap<QString, DeploymentPlan> plans;
        const DeploymentStore store(directory);
        for (const QString &slug : store.slugs()) {
            // A damaged file is the engine's to report (it never replaces one); here it is only "no plan".
            if (const auto plan = store.plan(slug); plan.ok() && plan.value())
                plans.insert(slug, *plan.value());
        }
        promise->addResult(plans);
        promise->finish();
    });
    client->getPricing(this, [this, arrived](Result<Pricing> pricing) {
        if (pricing)
            m_pricing = pricing.value();
        arrived(pricing ? std::nullopt : std::optional(pricing.error()));
    });
}

DeploymentPlan StartController::planFor(const DiscoveredDeployment &found, const std::optional<DeploymentPlan> &stored)
{
    DeploymentPlan plan = stored.value_or(DeploymentPlan());
    if (plan.domain.isEmpty())
        plan.domain = found.domain.isEmpty() ? found.slug : found.domain;
    if (found.web)
        plan.web = HostSpec{found.web->serverType, found.web->location};
    // The bridges the project has now (an add or a removal since the plan was stored), numbered as they are named.
    int highest = 0;
    for (const DiscoveredServer &bridge : found.bridges)
        highest = std::max(highest, bridge.bridgeNumber);
    if (highest > 0) {
        QList<HostSpec> bridges(
                highest, found.bridges.constLast().serverType.isEmpty()
                                 ? HostSpec{}
                                 : HostSpec{found.bridges.constLast().serverType, found.bridges.constLast().location});
        for (const DiscoveredServer &bridge : found.bridges) {
            if (bridge.bridgeNumber > 0)
                bridges[bridge.bridgeNumber - 1] = HostSpec{bridge.serverType, bridge.location};
        }
        // A stored plan's bridges beyond the project's (an interrupted run had not created them yet) stay planned.
        if (stored && stored->bridges.size() > highest)
            bridges.append(stored->bridges.mid(highest));
        plan.bridges = bridges;
    }
    return plan;
}

Result<DeploymentPlan> StartController::resumePlan(const DiscoveredDeployment &found,
                                                   const std::optional<DeploymentPlan> &stored)
{
    if (!stored) {
        return Error{u"input"_s,
                     u"resume_plan_unknown"_s,
                     tr("This deployment was started on another computer, and the e-mail address for its certificate "
                        "and its servers' pinned host keys are kept there. Resume it on that computer, or destroy it "
                        "here and deploy again."),
                     {},
                     {},
                     0};
    }
    return planFor(found, stored);
}

Result<Money> StartController::monthlyCost(const DeploymentPlan &plan, const QList<ServerType> &types,
                                           const QList<Location> &locations, const Pricing &pricing)
{
    const Result<PlanSummary> summary = PlanSummary::build(plan, types, locations, pricing, std::nullopt);
    if (!summary)
        return summary.error();
    return summary->totalMonthlyGross;
}

QString StartController::formatCost(const Money &amount) const
{
    return tr("%1/month").arg(ServersController::formatMoney(amount, m_pricing.currency));
}

std::optional<DeploymentPlan> StartController::storedPlan(const QString &slug) const
{
    const auto found = m_storedPlans.constFind(slug);
    return found == m_storedPlans.constEnd() ? std::nullopt : std::optional(*found);
}

const DiscoveredDeployment *StartController::find(const QString &slug) const
{
    for (const DiscoveredDeployment &deployment : m_inventory.deployments) {
        if (deployment.slug == slug)
            return &deployment;
    }
    return nullptr;
}

void StartController::finish()
{
    m_rows.clear();
    for (const DiscoveredDeployment &found : std::as_const(m_inventory.deployments)) {
        DeploymentPlan plan = planFor(found, storedPlan(found.slug));
        // Only what exists costs money: the servers the project has now.
        plan.bridges = plan.bridges.mid(0, found.bridges.size());
        const Result<Money> cost = found.web ? monthlyCost(plan, m_types, m_locations, m_pricing)
                                             : Result<Money>(Error{{}, {}, tr("no web server"), {}, {}, 0});
        m_rows << rowFor(found, cost ? formatCost(cost.value()) : tr("unknown (%1)").arg(cost.error().message));
    }
    m_status = Status::Ready;
    Q_EMIT changed();
}

StartController::Row StartController::rowFor(const DiscoveredDeployment &found, const QString &monthlyCost)
{
    Row row;
    row.slug = found.slug;
    row.domain = found.domain.isEmpty() ? found.slug : found.domain;
    const int bridges = int(found.bridges.size());
    const QString bridgeCount = bridges == 1 ? tr("1 bridge") : tr("%1 bridges").arg(bridges);
    row.hosts = found.web ? tr("web server + %1").arg(bridgeCount) : tr("no web server, %1").arg(bridgeCount);
    QStringList locations;
    if (found.web)
        locations << found.web->location;
    for (const DiscoveredServer &bridge : found.bridges) {
        if (!locations.contains(bridge.location))
            locations << bridge.location;
    }
    row.location = locations.join(u", "_s);
    row.monthlyCost = monthlyCost;
    QStringList notRunning;
    if (found.web && found.web->status != u"running"_s)
        notRunning << found.web->name;
    for (const DiscoveredServer &bridge : found.bridges) {
        if (bridge.status != u"running"_s)
            notRunning << bridge.name;
    }
    if (found.interrupted()) {
        row.state = DeploymentState::Interrupted;
        row.stateText = tr("Interrupted: a run created servers and did not finish setting them up. Resume it.");
    } else if (!found.web || !found.inconsistencies.isEmpty() || !notRunning.isEmpty()) {
        row.state = DeploymentState::Degraded;
        QStringList why;
        if (!notRunning.isEmpty())
            why << tr("not running: %1").arg(notRunning.join(u", "_s));
        for (const Inconsistency &problem : found.inconsistencies)
            why << problem.message;
        if (!found.web && why.isEmpty())
            why << tr("it has no web server");
        row.stateText = tr("Degraded: %1").arg(why.join(u"; "_s));
    } else {
        row.state = DeploymentState::Healthy;
        row.stateText = tr("Healthy: every server is running");
    }
    return row;
}

void StartController::chooseNew()
{
    if (!m_state)
        return;
    m_state->setMode(WizardState::Mode::New);
    m_state->setManagedDeployment(std::nullopt);
}

bool StartController::chooseManage(const QString &slug)
{
    const DiscoveredDeployment *found = find(slug);
    if (!m_state || !found)
        return false;
    const DeploymentPlan plan = planFor(*found, storedPlan(slug));
    m_state->setMode(WizardState::Mode::Manage);
    m_state->setManagedDeployment(*found);
    m_state->updatePlan([&plan](DeploymentPlan &current) {
        const QString key = current.sshPublicKey;
        current = plan;
        if (!key.isEmpty())
            current.sshPublicKey = key;
    });
    return true;
}

bool StartController::chooseResume(const QString &slug)
{
    const DiscoveredDeployment *found = find(slug);
    if (!m_state || !found)
        return false;
    const Result<DeploymentPlan> plan = resumePlan(*found, storedPlan(slug));
    if (!plan) {
        m_error = plan.error().message;
        Q_EMIT changed();
        return false;
    }
    m_error.clear();
    m_state->setMode(WizardState::Mode::Resume);
    m_state->setManagedDeployment(*found);
    m_state->updatePlan([&plan](DeploymentPlan &current) {
        const QString key = current.sshPublicKey;
        current = plan.value();
        if (!key.isEmpty())
            current.sshPublicKey = key;
    });
    Q_EMIT changed();
    return true;
}
