#include "deploymentengine.h"

#include "common/logging.h"
#include "deploy/enginerun.h"

#include <QMetaMethod>
#include <QPointer>

using namespace Qt::StringLiterals;

class DeploymentEngine::Private
{
public:
    hcloud::HetznerClient *client = nullptr;
    EngineSettings settings;
    QPointer<EngineRun> run;
    EngineOutcome lastOutcome;
    std::unique_ptr<RunLog> log; // of the running operation
    QString logPath; // of the last (or running) operation
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

void DeploymentEngine::startRun(const QString &operation, const QString &deployment,
                                const std::function<void(EngineRun *)> &start)
{
    if (isRunning()) {
        const Error busy = busyError();
        QMetaObject::invokeMethod(
                this, [this, busy] { Q_EMIT finished(busy); }, Qt::QueuedConnection);
        return;
    }
    EngineRun *run = newRun(operation, deployment);
    // Started from the event loop, so finished() never comes before the caller's call returned.
    QMetaObject::invokeMethod(
            run, [run, start] { start(run); }, Qt::QueuedConnection);
}

EngineRun *DeploymentEngine::newRun(const QString &operation, const QString &deployment)
{
    d->log.reset();
    d->logPath.clear();
    // A health read changes nothing and repeats every 30 s on the Manage page: it gets no run log.
    if (!d->settings.logDirectory.isEmpty() && operation != u"health"_s) {
        d->log = std::make_unique<RunLog>(d->settings.logDirectory, deployment, operation);
        d->logPath = d->log->path();
        qCDebug(lcDeploy).noquote() << operation << deployment << "started; its log:" << d->logPath;
    }
    auto *run = new EngineRun(
            d->client, d->settings,
            [this](const EngineEvent &e) {
                if (d->log)
                    d->log->append(e);
                Q_EMIT event(e);
            },
            [this](const Result<EngineOutcome> &result) {
                EngineRun *finishedRun = d->run;
                d->lastOutcome = finishedRun->outcome();
                d->run = nullptr;
                finishedRun->deleteLater(); // we are inside one of its callbacks
                if (d->log) {
                    d->log->finish(result);
                    d->log.reset(); // closed before anyone reads it
                }
                Q_EMIT finished(result);
            },
            this);
    if (isSignalConnected(QMetaMethod::fromSignal(&DeploymentEngine::undrainedBridge)))
        run->setDrainAsk([this](const DrainQuestion &question) { Q_EMIT undrainedBridge(question); });
    d->run = run;
    return run;
}

void DeploymentEngine::deploy(const DeploymentPlan &plan)
{
    startRun(u"deploy"_s, plan.slug(), [=](EngineRun *run) { run->deploy(plan); });
}

void DeploymentEngine::verify(const QString &deployment)
{
    startRun(u"verify"_s, deployment, [=](EngineRun *run) { run->verify(deployment); });
}

void DeploymentEngine::readHealth(const QString &deployment)
{
    startRun(u"health"_s, deployment, [=](EngineRun *run) { run->readHealth(deployment); });
}

void DeploymentEngine::addBridges(const QString &deployment, int count, const HostSpec &spec)
{
    startRun(u"add-bridge"_s, deployment, [=](EngineRun *run) { run->addBridges(deployment, count, spec); });
}

void DeploymentEngine::removeBridge(const QString &deployment, const QString &serverName)
{
    startRun(u"remove-bridge"_s, deployment, [=](EngineRun *run) { run->removeBridge(deployment, serverName); });
}

void DeploymentEngine::update(const QString &deployment)
{
    startRun(u"update"_s, deployment, [=](EngineRun *run) { run->update(deployment); });
}

void DeploymentEngine::manageAccounts(const QString &deployment, const AccountRequest &request)
{
    startRun(u"account"_s, deployment, [=](EngineRun *run) { run->manageAccounts(deployment, request); });
}

void DeploymentEngine::answerUndrained(DrainChoice choice)
{
    if (d->run)
        d->run->answerDrainChoice(choice);
}

void DeploymentEngine::destroy(const QString &deployment)
{
    startRun(u"destroy"_s, deployment, [=](EngineRun *run) { run->destroy(deployment); });
}

void DeploymentEngine::testMeeting(const QString &deployment, bool everyBridge)
{
    startRun(u"test-meeting"_s, deployment, [=](EngineRun *run) { run->testMeeting(deployment, everyBridge); });
}

void DeploymentEngine::nextMeetingBridge()
{
    if (d->run)
        d->run->meetingControl(EngineRun::MeetingControl::NextBridge);
}

void DeploymentEngine::endMeetingTest()
{
    if (d->run)
        d->run->meetingControl(EngineRun::MeetingControl::End);
}

void DeploymentEngine::undoMeetingDrains(const QString &deployment)
{
    startRun(u"undo-meeting-drains"_s, deployment, [=](EngineRun *run) { run->undoMeetingDrains(deployment); });
}

void DeploymentEngine::continueWithoutDns()
{
    if (d->run)
        d->run->continueWithoutDns();
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

QString DeploymentEngine::runLogPath() const
{
    return d->logPath;
}

EngineOutcome DeploymentEngine::outcome() const
{
    return d->run ? d->run->outcome() : d->lastOutcome;
}
