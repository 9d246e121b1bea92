// "Test a meeting" (issue 15) in the engine: MeetingTest against hcloud-sim and fake hosts whose bridges serve
// jitsi-videobridge's /metrics names (tests/support/fakehost). The figures per bridge, "test every bridge" draining
// all but one bridge in turn, and every drain undone: at the end, on cancel, and after a killed run at the next
// start (MeetingDrains). A bridge the user drained himself is never touched.
#include "deploy/deploymentengine.h"
#include "deploy/meetingdrains.h"
#include "fakecloud.h"
#include "fakehost.h"
#include "fakehostagent.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString domain = u"meet.example.org"_s;
const QString slug = u"meet-example-org"_s;

QString bridge(int n)
{
    return slug + u"-jvb-"_s + QString::number(n);
}

DeploymentPlan makePlan(int bridges)
{
    DeploymentPlan plan;
    plan.domain = domain;
    plan.email = u"admin@example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    for (int i = 0; i < bridges; ++i)
        plan.bridges.append({u"cx33"_s, u"fsn1"_s});
    plan.sshPublicKey
            = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;
    return plan;
}

struct Outcome
{
    bool finished = false;
    Result<EngineOutcome> result = Error{};
    QList<MeetingStatus> statuses; // of the Meeting events, in order
};
} // namespace

class TestMeetingTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<hcloud::HetznerClient> m_client;
    std::unique_ptr<FakeCloud> m_cloud;
    std::unique_ptr<FakeHostAgentFactory> m_factory;
    std::unique_ptr<DeploymentEngine> m_engine;
    std::unique_ptr<QTemporaryDir> m_dir;
    EngineSettings m_settings;

    // One operation to its end; `onStatus` sees each Meeting event and may steer the engine. It returns true to
    // kill the engine there ("kill -9": no cleanup runs).
    Outcome run(const std::function<void(DeploymentEngine *)> &start,
                const std::function<bool(DeploymentEngine *, const MeetingStatus &)> &onStatus = {})
    {
        Outcome outcome;
        m_engine = std::make_unique<DeploymentEngine>(m_client.get(), m_settings);
        DeploymentEngine *engine = m_engine.get();
        bool killed = false;
        QObject guard;
        connect(engine, &DeploymentEngine::event, &guard, [&](const EngineEvent &e) {
            if (e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Hosts)
                m_cloud->setPrivateAddresses(m_sim->state(u"servers"_s));
            if (e.kind != EngineEvent::Kind::Meeting || !e.meeting || killed)
                return;
            outcome.statuses.append(*e.meeting);
            if (onStatus && onStatus(engine, *e.meeting))
                killed = true;
        });
        connect(engine, &DeploymentEngine::finished, &guard, [&](const Result<EngineOutcome> &result) {
            outcome.finished = true;
            outcome.result = result;
        });
        start(engine);
        (void)QTest::qWaitFor([&] { return outcome.finished || killed; }, 60000);
        if (killed && !outcome.finished)
            m_engine.reset();
        return outcome;
    }

    static QString errorText(const Outcome &outcome)
    {
        return outcome.result.ok() ? QString() : outcome.result.error().toString();
    }

    QStringList drained() const
    {
        QStringList names;
        for (FakeHost *host : m_cloud->hosts()) {
            if (host->drainMode())
                names.append(host->serverName());
        }
        names.sort();
        return names;
    }

    QStringList recorded() const
    {
        const Result<QStringList> read = MeetingDrains(m_settings.storeDirectory, slug).read();
        return read.ok() ? read.value() : QStringList{u"unreadable"_s};
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_sim = std::make_unique<HcloudSim>();
        QVERIFY(m_sim->listen());
        m_sim->setActionDurationMs(30);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<hcloud::HetznerClient>(m_network.get());
        m_client->setEndpoint(m_sim->endpoint());
        m_client->setToken(HcloudSim::defaultToken());
        hcloud::PollPolicy poll;
        poll.intervalMs = 20;
        poll.maxIntervalMs = 100;
        m_client->setPollPolicy(poll);
        m_cloud = std::make_unique<FakeCloud>();
        m_cloud->setStepDurationMs(2);
        m_factory = std::make_unique<FakeHostAgentFactory>(m_cloud.get());
        m_settings = EngineSettings{};
        m_settings.hosts = m_factory.get();
        m_settings.storeDirectory = m_dir->filePath(u"store"_s);
        m_settings.logDirectory.clear();
        m_settings.dnsNameserver = QHostAddress::LocalHost; // nothing answers: DNS stays "not ready"
        m_settings.dnsTimeoutMs = 100;
        m_settings.verifyTimeoutMs = 5000;
        m_settings.verifyIntervalMs = 50;
        m_settings.meetingPollIntervalMs = 20;
    }

    void cleanup()
    {
        m_engine.reset();
        bool removed = false;
        QObject context;
        DeploymentSecretStore().remove(slug, &context, [&](Result<void>) { removed = true; });
        QTRY_VERIFY(removed);
        m_factory.reset();
        m_cloud.reset();
        m_client.reset();
        m_network.reset();
        m_sim.reset();
    }

    // Without "every bridge": nothing is drained; a fresh room; the figures of each bridge as its /metrics has
    // them; the bridge the participants' media reached is marked; ends when the user ends it.
    void figuresPerBridge()
    {
        const Outcome deployed = run([](DeploymentEngine *e) { e->deploy(makePlan(2)); });
        QVERIFY2(deployed.result.ok(), qPrintable(errorText(deployed)));
        m_cloud->host(bridge(2))->setMeeting(3, 9, 40, 1000); // other people's meetings, before the test

        const Outcome tested = run([](DeploymentEngine *e) { e->testMeeting(slug, false); },
                                   [this](DeploymentEngine *e, const MeetingStatus &s) {
                                       const BridgeMeetingFigures *one = s.find(bridge(1));
                                       if (!one || !one->reachable)
                                           return false;
                                       if (one->carried)
                                           e->endMeetingTest();
                                       else if (s.bridges.size() == 2)
                                           m_cloud->host(bridge(1))->setMeeting(1, 2, 2, 17);
                                       return false;
                                   });
        QVERIFY2(tested.result.ok(), qPrintable(errorText(tested)));
        QVERIFY(!tested.statuses.isEmpty());
        const MeetingStatus first = tested.statuses.first();
        static const QRegularExpression room(u"^https://meet\\.example\\.org/test-[a-z0-9]{20}$"_s);
        QVERIFY2(room.match(first.roomUrl).hasMatch(), qPrintable(first.roomUrl));
        QVERIFY(!first.everyBridge);
        // One room for the whole test.
        for (const MeetingStatus &s : tested.statuses)
            QCOMPARE(s.roomUrl, first.roomUrl);

        QVERIFY(tested.result->meeting);
        const MeetingStatus &last = *tested.result->meeting;
        QVERIFY(last.finished);
        const BridgeMeetingFigures *one = last.find(bridge(1));
        const BridgeMeetingFigures *two = last.find(bridge(2));
        QVERIFY(one && two);
        QCOMPARE(one->conferences, 1);
        QCOMPARE(one->endpoints, 2);
        QCOMPARE(one->iceSucceeded, qint64(2));
        QCOMPARE(one->dataChannelMessages, qint64(17));
        QVERIFY(one->carried);
        // Busy with other meetings from before the test, no new ICE success: not the test meeting's bridge.
        QCOMPARE(two->endpoints, 9);
        QVERIFY(!two->carried);
        QVERIFY(m_cloud->journal().filter(u"drain"_s).isEmpty());
        QVERIFY(tested.result->toJson().value(u"meeting"_s).toObject().value(u"finished"_s).toBool());
    }

    // "Test every bridge": each bridge in turn is the only one in service, with its own room; the turn ends when
    // the test meeting shows on it, or when the user says Next. A bridge the user drained himself is left out
    // and stays drained. At the end every drain of the test is undone and the record is gone.
    void everyBridgeInTurn()
    {
        const Outcome deployed = run([](DeploymentEngine *e) { e->deploy(makePlan(4)); });
        QVERIFY2(deployed.result.ok(), qPrintable(errorText(deployed)));
        m_cloud->host(bridge(4))->enterDrainMode(); // the user's own drain
        const int userUndrains = m_cloud->host(bridge(4))->counters().undrains;

        QStringList carriers;
        QStringList rooms;
        QStringList violations;
        const Outcome tested = run([](DeploymentEngine *e) { e->testMeeting(slug, true); },
                                   [&](DeploymentEngine *e, const MeetingStatus &s) {
                                       if (s.finished || s.carrier.isEmpty())
                                           return false;
                                       if (carriers.isEmpty() || carriers.last() != s.carrier) {
                                           carriers.append(s.carrier);
                                           rooms.append(s.roomUrl);
                                           // While a turn runs, every other bridge is drained (the user's too) and the
                                           // carrier is not.
                                           const QStringList expected = [&] {
                                               QStringList all{bridge(1), bridge(2), bridge(3), bridge(4)};
                                               all.removeAll(s.carrier);
                                               return all;
                                           }();
                                           if (drained() != expected)
                                               violations.append(s.carrier + u": drained "_s + drained().join(u','));
                                           if (!recorded().contains(expected.first()) || recorded().contains(bridge(4)))
                                               violations.append(s.carrier + u": recorded "_s + recorded().join(u','));
                                       }
                                       // The user skips bridge 2; on the others the test meeting appears.
                                       if (s.carrier == bridge(2))
                                           e->nextMeetingBridge();
                                       else
                                           m_cloud->host(s.carrier)->setMeeting(1, 2, 2, 5);
                                       return false;
                                   });
        QVERIFY2(tested.result.ok(), qPrintable(errorText(tested)));
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        QCOMPARE(carriers, (QStringList{bridge(1), bridge(2), bridge(3)}));
        QCOMPARE(QSet<QString>(rooms.begin(), rooms.end()).size(), 3); // a fresh room per turn

        const MeetingStatus &last = *tested.result->meeting;
        QVERIFY(last.finished);
        QCOMPARE(last.turns, 3);
        QVERIFY(last.find(bridge(1))->carried);
        QVERIFY(last.find(bridge(2))->skipped && !last.find(bridge(2))->carried);
        QVERIFY(last.find(bridge(3))->carried);
        QVERIFY(last.find(bridge(4))->drainedByUser && !last.find(bridge(4))->carried);
        for (const BridgeMeetingFigures &b : last.bridges)
            QVERIFY(!b.drainedByTest);

        // Nothing of the test's left; the user's drain untouched.
        QCOMPARE(drained(), QStringList{bridge(4)});
        QCOMPARE(m_cloud->host(bridge(4))->counters().undrains, userUndrains);
        QVERIFY(!QFile::exists(MeetingDrains(m_settings.storeDirectory, slug).filePath()));
    }

    // Cancel halfway: the drains are undone before finished() says "cancelled".
    void cancelUndoesTheDrains()
    {
        const Outcome deployed = run([](DeploymentEngine *e) { e->deploy(makePlan(3)); });
        QVERIFY2(deployed.result.ok(), qPrintable(errorText(deployed)));
        QStringList drainedWhileRunning;
        const Outcome cancelled = run([](DeploymentEngine *e) { e->testMeeting(slug, true); },
                                      [&](DeploymentEngine *e, const MeetingStatus &s) {
                                          if (s.carrier == bridge(2) && drainedWhileRunning.isEmpty()) {
                                              drainedWhileRunning = drained();
                                              e->cancel();
                                          } else if (!s.carrier.isEmpty() && s.carrier != bridge(2)) {
                                              m_cloud->host(s.carrier)->setMeeting(1, 1, 1, 1);
                                          }
                                          return false;
                                      });
        QVERIFY(cancelled.finished);
        QVERIFY(!cancelled.result.ok());
        QCOMPARE(cancelled.result.error().code, u"cancelled"_s);
        QCOMPARE(drainedWhileRunning, (QStringList{bridge(1), bridge(3)}));
        QCOMPARE(drained(), QStringList());
        QCOMPARE(recorded(), QStringList());
    }

    // A killed test leaves its drains recorded; undoMeetingDrains (opening the deployment) or the next test undoes
    // them, and only them. Without a record it touches nothing.
    void killedRunIsUndoneAtTheNextStart()
    {
        const Outcome deployed = run([](DeploymentEngine *e) { e->deploy(makePlan(3)); });
        QVERIFY2(deployed.result.ok(), qPrintable(errorText(deployed)));

        // Nothing recorded: no connection is made.
        int connects = 0;
        for (FakeHost *host : m_cloud->hosts())
            connects += host->counters().connectAttempts;
        const Outcome nothing = run([](DeploymentEngine *e) { e->undoMeetingDrains(slug); });
        QVERIFY2(nothing.result.ok(), qPrintable(errorText(nothing)));
        int connectsAfter = 0;
        for (FakeHost *host : m_cloud->hosts())
            connectsAfter += host->counters().connectAttempts;
        QCOMPARE(connectsAfter, connects);

        const Outcome killed = run([](DeploymentEngine *e) { e->testMeeting(slug, true); },
                                   [](DeploymentEngine *, const MeetingStatus &s) { return !s.carrier.isEmpty(); });
        QVERIFY(!killed.finished);
        QCOMPARE(drained(), (QStringList{bridge(2), bridge(3)}));
        QCOMPARE(recorded(), (QStringList{bridge(2), bridge(3)}));

        // Meanwhile the user drains bridge 1 himself: the undo must not take it back into service.
        m_cloud->host(bridge(1))->enterDrainMode();
        const Outcome undone = run([](DeploymentEngine *e) { e->undoMeetingDrains(slug); });
        QVERIFY2(undone.result.ok(), qPrintable(errorText(undone)));
        QCOMPARE(drained(), QStringList{bridge(1)});
        QCOMPARE(recorded(), QStringList());

        // The same through the next test's start: the record from a killed run is undone first.
        m_cloud->host(bridge(1))->undrain();
        const Outcome killedAgain
                = run([](DeploymentEngine *e) { e->testMeeting(slug, true); },
                      [](DeploymentEngine *, const MeetingStatus &s) { return !s.carrier.isEmpty(); });
        QVERIFY(!killedAgain.finished);
        QCOMPARE(recorded(), (QStringList{bridge(2), bridge(3)}));
        const Outcome next = run([](DeploymentEngine *e) { e->testMeeting(slug, false); },
                                 [](DeploymentEngine *e, const MeetingStatus &) {
                                     e->endMeetingTest();
                                     return false;
                                 });
        QVERIFY2(next.result.ok(), qPrintable(errorText(next)));
        QCOMPARE(drained(), QStringList());
        QCOMPARE(recorded(), QStringList());
        // The undone bridges are not mistaken for the user's drains.
        for (const BridgeMeetingFigures &b : next.result->meeting->bridges)
            QVERIFY(!b.drainedByUser);
    }

    // A damaged record stops the test before anything is drained, naming the file.
    void damagedRecordStops()
    {
        const Outcome deployed = run([](DeploymentEngine *e) { e->deploy(makePlan(2)); });
        QVERIFY2(deployed.result.ok(), qPrintable(errorText(deployed)));
        const QString path = MeetingDrains(m_settings.storeDirectory, slug).filePath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json");
        file.close();
        const Outcome refused = run([](DeploymentEngine *e) { e->testMeeting(slug, true); });
        QVERIFY(!refused.result.ok());
        QCOMPARE(refused.result.error().code, u"meeting_drains_corrupt"_s);
        QVERIFY(refused.result.error().message.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(drained(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestMeetingTest)
#include "tst_meetingtest.moc"
