// The Deploy step's controller without widgets: a real DeploymentEngine (through WizardState) against hcloud-sim
// and fake hosts. Covers success, the DNS records the user must create, failure and Retry, cancel with keep and
// with delete, and the refusal to delete a deployment that existed before.

#include "deploy/progressmodel.h"
#include "deploytestworld.h"
#include "ui/deploycontroller.h"
#include "ui/wizardadvice.h"
#include "ui/wizardstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDeployController : public QObject
{
    Q_OBJECT

private:
    static constexpr int timeoutMs = 60000;

    // Cancels as soon as the run is installing the hosts (all servers exist then).
    static void cancelWhenInstalling(WizardState &state, DeployController &controller)
    {
        QObject::connect(state.progress(), &ProgressModel::phaseChanged, &controller, [&controller](Phase phase) {
            if (phase == Phase::Hosts)
                controller.cancel();
        });
    }

private Q_SLOTS:
    // The engine's advice in the window's words: a button or a page, never a command (the CLI's are in
    // tst_eventrenderer). Every kind is said, with and without its subject.
    void adviceIsSaidAsTheWindowsWay()
    {
        const QList<Advice::Kind> kinds{Advice::Kind::RetrySameOperation, Advice::Kind::RetryOnceDnsResolves,
                                        Advice::Kind::ListDeployments, Advice::Kind::RemoveBridge,
                                        Advice::Kind::ListServerTypes};
        for (const Advice::Kind kind : kinds) {
            for (const QString &subject : {QString(), u"hel1"_s}) {
                const QString text = WizardAdvice::text({kind, subject});
                QVERIFY2(!text.isEmpty(), qPrintable(Advice::kindName(kind)));
                QVERIFY2(!text.contains(u"jitsi-deployer"_s) && !text.contains(u"command"_s) && !text.contains(u"--"_s),
                         qPrintable(text));
            }
        }
        QVERIFY(WizardAdvice::text({}).isEmpty());
        Error error{u"deploy"_s, u"cancelled"_s, u"Cancelled."_s, {}, {}, 0};
        QCOMPARE(WizardAdvice::message(error), u"Cancelled."_s);
        error.advice.kind = Advice::Kind::RetrySameOperation;
        QCOMPARE(WizardAdvice::message(error), u"Cancelled. "_s + WizardAdvice::text(error.advice));
        QVERIFY(WizardAdvice::message(error).contains(u"Retry"_s));
    }

    void deploySucceeds()
    {
        DeployTestWorld world;
        WizardState state(world.environment());
        world.prepare(&state);
        DeployController controller(&state);
        QCOMPARE(controller.status(), DeployController::Status::Idle);
        QVERIFY(!controller.isComplete());
        QVERIFY(controller.requestClose());

        // Complete while still running, once the user has records to create.
        bool completeWhileRunning = false;
        connect(&controller, &DeployController::completeChanged, this, [&] {
            if (controller.isComplete() && controller.status() == DeployController::Status::Running)
                completeWhileRunning = true;
        });
        QStringList logHosts;
        connect(&controller, &DeployController::hostLog, this, [&](const QString &host, const QStringList &) {
            if (!logHosts.contains(host))
                logHosts << host;
        });
        controller.start();
        QCOMPARE(controller.status(), DeployController::Status::Running);
        QVERIFY(controller.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), DeployController::Status::Succeeded, timeoutMs);
        QVERIFY2(controller.lastError().message.isEmpty(), qPrintable(controller.lastError().toString()));
        QVERIFY(controller.isComplete());
        QVERIFY(completeWhileRunning);
        QVERIFY(controller.dnsRecordsManual());
        QVERIFY(!controller.dnsRecords().isEmpty());
        QVERIFY(controller.needsDnsPage()); // nothing resolves in this world
        QVERIFY(controller.deploymentIsNew());
        QCOMPARE(controller.createdServers().size(), qsizetype(3));
        QCOMPARE(world.serverNames().size(), qsizetype(3));
        QCOMPARE(logHosts.size(), qsizetype(3));
        QVERIFY(!controller.runLogPath().isEmpty());
        // A succeeded run is not started again.
        controller.start();
        QCOMPARE(controller.status(), DeployController::Status::Succeeded);
    }

    void failureThenRetryResumes()
    {
        DeployTestWorld world;
        const QString bridge = DeployTestWorld::slug + u"-jvb-2"_s;
        world.cloud.failStep(bridge, u"install-packages"_s, u"E: Unable to locate package jitsi-videobridge2"_s);
        WizardState state(world.environment());
        world.prepare(&state);
        DeployController controller(&state);
        QSignalSpy failed(&controller, &DeployController::failed);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), DeployController::Status::Failed, timeoutMs);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(controller.failedHost(), bridge);
        QVERIFY(!controller.lastError().message.isEmpty());
        QVERIFY(!controller.isComplete());
        QVERIFY(controller.requestClose()); // nothing runs: the window may close

        controller.retry();
        QCOMPARE(controller.status(), DeployController::Status::Running);
        QTRY_COMPARE_WITH_TIMEOUT(controller.status(), DeployController::Status::Succeeded, timeoutMs);
        QCOMPARE(world.serverNames().size(), qsizetype(3)); // nothing created twice
        QVERIFY(controller.deploymentIsNew()); // the retry found the first run's servers: still this wizard's
    }

    void cancelThenKeep()
    {
        DeployTestWorld world;
        world.cloud.setStepDurationMs(50);
        WizardState state(world.environment());
        world.prepare(&state);
        QVERIFY(DeployTestWorld::checkPlan(&state));
        DeployController controller(&state);
        QSignalSpy question(&controller, &DeployController::cleanupQuestion);
        QSignalSpy closeApproved(&controller, &DeployController::closeApproved);
        QObject::connect(state.progress(), &ProgressModel::phaseChanged, &controller, [&controller](Phase phase) {
            if (phase == Phase::Hosts)
                QVERIFY(!controller.requestClose()); // the close box while running: stop and ask first
        });
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(question.size(), 1, timeoutMs);
        QCOMPARE(controller.status(), DeployController::Status::Cancelled);
        QCOMPARE(closeApproved.size(), 0);
        QCOMPARE(controller.createdServers().size(), qsizetype(3));
        // Each with its monthly cost from the plan check (server + its IPv4), and the sum.
        for (const DeployController::CreatedServer &server : controller.createdServers())
            QVERIFY2(server.monthlyCost.contains(u"/month"_s), qPrintable(server.monthlyCost));
        QVERIFY(!controller.createdMonthlyTotal().isEmpty());
        qInfo("created: %s", qPrintable(controller.createdMonthlyTotal()));
        QVERIFY(controller.deploymentIsNew());
        controller.keepServers();
        QCOMPARE(closeApproved.size(), 1);
        QCOMPARE(world.serverNames().size(), qsizetype(3));
    }

    void cancelThenDelete()
    {
        DeployTestWorld world;
        world.cloud.setStepDurationMs(50);
        WizardState state(world.environment());
        world.prepare(&state);
        DeployController controller(&state);
        cancelWhenInstalling(state, controller);
        QSignalSpy question(&controller, &DeployController::cleanupQuestion);
        QSignalSpy deleted(&controller, &DeployController::deletionFinished);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(question.size(), 1, timeoutMs);
        QVERIFY(controller.deleteCreated());
        QCOMPARE(controller.status(), DeployController::Status::Deleting);
        QVERIFY(!controller.requestClose());
        QTRY_COMPARE_WITH_TIMEOUT(deleted.size(), 1, timeoutMs);
        QVERIFY2(deleted.first().at(0).toBool(), qPrintable(deleted.first().at(1).toString()));
        QCOMPARE(controller.status(), DeployController::Status::Deleted);
        QVERIFY(world.serverNames().isEmpty());
    }

    void neverDeletesADeploymentThatExistedBefore()
    {
        DeployTestWorld world;
        {
            WizardState first(world.environment());
            world.prepare(&first);
            DeployController controller(&first);
            controller.start();
            QTRY_COMPARE_WITH_TIMEOUT(controller.status(), DeployController::Status::Succeeded, timeoutMs);
        }
        // Another wizard session deploys the same plan: the servers are found, not created.
        WizardState state(world.environment());
        world.prepare(&state);
        DeployController controller(&state);
        connect(state.engine(), &DeploymentEngine::event, &controller, [&controller](const EngineEvent &e) {
            if (e.kind == EngineEvent::Kind::Resource && e.resourceState == ResourceState::Exists)
                controller.cancel();
        });
        QSignalSpy question(&controller, &DeployController::cleanupQuestion);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(question.size(), 1, timeoutMs);
        QVERIFY(!controller.deploymentIsNew());
        QVERIFY(!controller.deleteCreated());
        QCOMPARE(controller.status(), DeployController::Status::Cancelled);
        QVERIFY(!controller.serversDestroyWouldDelete().isEmpty());
        QCOMPARE(world.serverNames().size(), qsizetype(3));
    }
};

QTEST_GUILESS_MAIN(TestDeployController)
#include "tst_deploycontroller.moc"
