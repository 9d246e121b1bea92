#include "deploycontroller.h"
#include "wizardadvice.h"

#include "deploy/deploymentengine.h"
#include "deploy/progressmodel.h"
#include "hcloud/money.h"
#include "wizardstate.h"

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

DeployController::DeployController(WizardState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{ }

bool DeployController::isBusy() const
{
    return m_status == Status::Running || m_status == Status::Cancelling || m_status == Status::Deleting;
}

bool DeployController::isComplete() const
{
    return m_status == Status::Succeeded || (m_status == Status::Running && m_dnsManual);
}

bool DeployController::needsDnsPage() const
{
    if (!m_dnsManual)
        return false;
    return m_status != Status::Succeeded || !m_outcome.dnsReady;
}

QString DeployController::runLogPath() const
{
    return m_state && m_connected ? m_state->engine()->runLogPath() : QString();
}

void DeployController::setStatus(Status status)
{
    if (status == m_status)
        return;
    const bool wasComplete = isComplete();
    m_status = status;
    Q_EMIT statusChanged(status);
    if (wasComplete != isComplete())
        Q_EMIT completeChanged();
}

void DeployController::connectEngine()
{
    if (m_connected)
        return;
    m_connected = true;
    DeploymentEngine *engine = m_state->engine();
    connect(engine, &DeploymentEngine::event, this, &DeployController::onEvent);
    connect(engine, &DeploymentEngine::finished, this, &DeployController::onFinished);
}

void DeployController::start()
{
    if (!m_state || isBusy() || m_status == Status::Succeeded || m_status == Status::Deleted)
        return;
    connectEngine();
    DeploymentEngine *engine = m_state->engine();
    if (engine->isRunning())
        return;
    m_state->progress()->reset();
    m_error = {};
    m_failedHost.clear();
    m_destroying = false;
    const bool wasManual = std::exchange(m_dnsManual, false);
    m_dnsRecords.clear();
    if (wasManual)
        Q_EMIT dnsRecordsChanged();
    // A deployment being managed or resumed existed before this window: "delete what this run created" must never
    // become a destroy of it (deploymentIsNew() is false from the start, not only once the engine reports it).
    if (const std::optional<DiscoveredDeployment> &managed = m_state->managedDeployment()) {
        if (managed->web)
            m_existedBefore.insert(managed->web->name);
        for (const DiscoveredServer &bridge : managed->bridges)
            m_existedBefore.insert(bridge.name);
    }
    setStatus(Status::Running);
    if (m_operation)
        m_operation(engine);
    else
        engine->deploy(m_state->plan());
}

void DeployController::prepare(Operation operation, const QString &title)
{
    if (isBusy())
        return;
    m_operation = std::move(operation);
    m_operationTitle = title;
    m_operationIsDestroy = false;
    m_created.clear();
    m_existedBefore.clear();
    setStatus(Status::Idle);
}

void DeployController::retry()
{
    if (m_status == Status::Failed || m_status == Status::Cancelled)
        start();
}

void DeployController::cancel()
{
    if (m_status != Status::Running)
        return;
    setStatus(Status::Cancelling);
    m_state->engine()->cancel();
}

bool DeployController::requestClose()
{
    switch (m_status) {
    case Status::Running:
        m_closeWhenDecided = true;
        cancel();
        return false;
    case Status::Cancelling:
    case Status::Deleting:
        m_closeWhenDecided = true;
        return false;
    case Status::Idle:
    case Status::Succeeded:
    case Status::Failed:
    case Status::Cancelled:
    case Status::Deleted:
    case Status::DeleteFailed:
        return true;
    }
    return true;
}

void DeployController::keepServers()
{
    if (m_status != Status::Cancelled)
        return;
    if (std::exchange(m_closeWhenDecided, false))
        Q_EMIT closeApproved();
}

bool DeployController::deploymentIsNew() const
{
    return m_existedBefore.isEmpty() && !m_created.isEmpty();
}

QStringList DeployController::serversDestroyWouldDelete() const
{
    QStringList all = m_created;
    for (const QString &server : m_existedBefore) {
        if (!all.contains(server))
            all << server;
    }
    return all;
}

bool DeployController::deleteCreated()
{
    if (m_status != Status::Cancelled || !deploymentIsNew() || m_state->engine()->isRunning())
        return false;
    m_destroying = true;
    setStatus(Status::Deleting);
    m_state->engine()->destroy(m_state->plan().slug());
    return true;
}

QList<DeployController::CreatedServer> DeployController::createdServers() const
{
    QList<CreatedServer> servers;
    for (const QString &name : m_created) {
        CreatedServer server{name, {}};
        if (m_state && m_state->planCheck()) {
            for (const PlanSummary::Server &planned : m_state->planCheck()->summary.servers) {
                if (planned.name == name) {
                    server.monthlyCost = tr("%1 %2/month")
                                                 .arg(planned.totalMonthlyGross.toString(2),
                                                      m_state->planCheck()->summary.currency);
                }
            }
        }
        servers << server;
    }
    return servers;
}

QString DeployController::createdMonthlyTotal() const
{
    if (!m_state || !m_state->planCheck() || m_created.isEmpty())
        return {};
    std::optional<Money> total = Money();
    for (const QString &name : m_created) {
        bool found = false;
        for (const PlanSummary::Server &planned : m_state->planCheck()->summary.servers) {
            if (planned.name == name) {
                total = total ? total->plus(planned.totalMonthlyGross) : std::nullopt;
                found = true;
            }
        }
        if (!found || !total)
            return {};
    }
    return tr("%1 %2/month").arg(total->toString(2), m_state->planCheck()->summary.currency);
}

void DeployController::onEvent(const EngineEvent &event)
{
    if (m_destroying && event.kind != EngineEvent::Kind::HostLog)
        return;
    switch (event.kind) {
    case EngineEvent::Kind::Resource: {
        if (event.host.isEmpty())
            return;
        if (event.resourceState == ResourceState::Created) {
            if (!m_created.contains(event.host))
                m_created << event.host;
        } else if (event.resourceState == ResourceState::Exists || event.resourceState == ResourceState::Running) {
            // A server found existing is ours only when an earlier run of this wizard created it.
            if (!m_created.contains(event.host))
                m_existedBefore.insert(event.host);
        }
        return;
    }
    case EngineEvent::Kind::DnsRecords: {
        const bool wasComplete = isComplete();
        m_dnsRecords = event.records;
        m_dnsManual = event.dnsPublication == DnsPublication::Manual;
        Q_EMIT dnsRecordsChanged();
        if (wasComplete != isComplete())
            Q_EMIT completeChanged();
        return;
    }
    case EngineEvent::Kind::HostLog:
        Q_EMIT hostLog(event.host, event.lines);
        return;
    case EngineEvent::Kind::Phase:
    case EngineEvent::Kind::HostStep:
    case EngineEvent::Kind::DnsCheck:
    case EngineEvent::Kind::Verification:
    case EngineEvent::Kind::Warning:
    case EngineEvent::Kind::Meeting:
        return;
    }
}

void DeployController::onFinished(const Result<EngineOutcome> &result)
{
    if (m_destroying) {
        m_destroying = false;
        if (result.ok()) {
            m_created.clear();
            setStatus(Status::Deleted);
            Q_EMIT deletionFinished(true, tr("Everything this run created was deleted; nothing of it costs money "
                                             "any more."));
            if (std::exchange(m_closeWhenDecided, false))
                Q_EMIT closeApproved();
        } else {
            m_error = result.error();
            setStatus(Status::DeleteFailed);
            Q_EMIT deletionFinished(false, WizardAdvice::message(result.error()));
        }
        return;
    }
    if (result.ok()) {
        m_outcome = result.value();
        setStatus(Status::Succeeded);
        return;
    }
    m_outcome = m_state->engine()->outcome();
    m_error = result.error();
    if (m_status == Status::Cancelling || m_error.code == u"cancelled"_s) {
        setStatus(Status::Cancelled);
        Q_EMIT cleanupQuestion();
        return;
    }
    if (const std::optional<ProgressModel::FailedStep> step = m_state->progress()->failedStep())
        m_failedHost = step->host;
    setStatus(Status::Failed);
    Q_EMIT failed();
}
