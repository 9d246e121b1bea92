#include "deploymentengine.h"

#include "deploy/enginerun.h"

#include <QPointer>

using namespace Qt::StringLiterals;

class DeploymentEngine::Private
{
public:
    hcloud::HetznerClient *client = nullptr;
    EngineSettings settings;
    QPointer<EngineRun> run;
    EngineOutcome lastOutcome;
};

DeploymentEngine::DeploymentEngine(hcloud::HetznerClient *client, const EngineSettings &settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    Q_ASSERT(settings.hosts);
    d->client = client;
    d->settings = settings;
}

DeploymentEngine::~DeploymentEngine()
{
    delete d->run; // drops every pending callback; servers keep installing on their own
}

namespace {
Error busyError()
{
    return Error{u"deploy"_s,
                 u"busy"_s,
                 QCoreApplication::translate("DeploymentEngine",
                                             "Another operation is still running; wait for it or cancel it first."),
                 {},
                 {},
                 0};
}
} // namespace

void DeploymentEngine::startRun(const std::function<void(EngineRun *)> &start)
{
    if (isRunning()) {
        const Error busy = busyError();
        QMetaObject::invokeMethod(
                this, [this, busy] { Q_EMIT finished(busy); }, Qt::QueuedConnection);
        return;
    }
    EngineRun *run = newRun();
    // Started from the event loop, so finished() never comes before the caller's call returned.
    QMetaObject::invokeMethod(
            run, [run, start] { start(run); }, Qt::QueuedConnection);
}

EngineRun *DeploymentEngine::newRun()
{
    auto *run = new EngineRun(
            d->client, d->settings, [this](const EngineEvent &e) { Q_EMIT event(e); },
            [this](const Result<EngineOutcome> &result) {
                EngineRun *finishedRun = d->run;
                d->lastOutcome = finishedRun->outcome();
                d->run = nullptr;
                finishedRun->deleteLater(); // we are inside one of its callbacks
                Q_EMIT finished(result);
            },
            this);
    d->run = run;
    return run;
}

void DeploymentEngine::deploy(const DeploymentPlan &plan)
{
    startRun([=](EngineRun *run) { run->deploy(plan); });
}

void DeploymentEngine::verify(const QString &deployment)
{
    startRun([=](EngineRun *run) { run->verify(deployment); });
}

void DeploymentEngine::addBridges(const QString &deployment, int count, const HostSpec &spec)
{
    startRun([=](EngineRun *run) { run->addBridges(deployment, count, spec); });
}

void DeploymentEngine::removeBridge(const QString &deployment, const QString &serverName)
{
    startRun([=](EngineRun *run) { run->removeBridge(deployment, serverName); });
}

void DeploymentEngine::destroy(const QString &deployment)
{
    startRun([=](EngineRun *run) { run->destroy(deployment); });
}

void DeploymentEngine::cancel()
{
    if (d->run)
        d->run->cancel();
}

hcloud::PollPolicy DeploymentEngine::pollPolicy()
{
    hcloud::PollPolicy policy;
    policy.maxIntervalMs = 2000;
    return policy;
}

bool DeploymentEngine::isRunning() const
{
    return !d->run.isNull();
}

EngineOutcome DeploymentEngine::outcome() const
{
    return d->run ? d->run->outcome() : d->lastOutcome;
}
