#include "deploy/meetingtest.h"

#include "deploy/enginerun.h"

#include <memory>

using namespace Qt::StringLiterals;

// The run's entry points live with the job they start (enginerun.cpp is long enough).
void EngineRun::testMeeting(const QString &deployment, bool everyBridge)
{
    withRunningDeployment(deployment, [this, everyBridge] { (new MeetingTest(*this, this))->start(everyBridge); });
}

void EngineRun::undoMeetingDrains(const QString &deployment)
{
    // Nothing recorded on this computer (the usual case): no API call, no SSH.
    if (!MeetingDrains::anyIn(m_settings.storeDirectory)) {
        succeed();
        return;
    }
    withRunningDeployment(deployment, [this] { (new MeetingTest(*this, this))->undoOnly(); });
}

MeetingTest::MeetingTest(EngineRun &run, QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_record(run.settings().storeDirectory, run.slug())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MeetingTest::poll);
    const RunState &state = m_run.state();
    for (const hcloud::Server &server : std::as_const(state.bridges)) {
        Bridge bridge;
        bridge.name = server.name;
        bridge.address = server.ipv4;
        m_bridges.append(bridge);
    }
}

HostConnection *MeetingTest::connection(const Bridge &bridge)
{
    return m_run.connectionFor(bridge.name, HostRole::Bridge, bridge.address);
}

QStringList MeetingTest::recorded() const
{
    QStringList names = m_leftOver;
    for (const Bridge &bridge : m_bridges) {
        if (bridge.drainedByTest && !names.contains(bridge.name))
            names.append(bridge.name);
    }
    return names;
}

void MeetingTest::saveRecord(std::function<void()> next)
{
    m_record.save(recorded(), this, [this, next](Result<void> saved) {
        if (!saved.ok()) {
            // Without the record a crash could leave a bridge drained for good: stop before draining anything.
            if (!m_run.done()) {
                m_run.fail(saved.error());
                return;
            }
        }
        next();
    });
}

void MeetingTest::undoOnly()
{
    undoRecorded([this] { m_run.succeed(); });
}

// Drains a test killed earlier left behind: the bridges in the record that still exist are taken out of drain mode;
// the others (deleted since) are dropped from it.
void MeetingTest::undoRecorded(std::function<void()> next)
{
    const Result<QStringList> read = m_record.read();
    if (!read.ok()) {
        m_run.fail(read.error());
        return;
    }
    const QStringList names = read.value();
    if (names.isEmpty()) {
        next();
        return;
    }
    m_run.phase(Phase::Drain, tr("Taking the bridges an interrupted meeting test drained back into service: %1…")
                                      .arg(names.join(u", "_s)));
    auto pending = std::make_shared<int>(1);
    auto oneDone = [this, pending, next] {
        if (--*pending > 0 || m_run.done())
            return;
        saveRecord(next);
    };
    for (const QString &name : names) {
        qsizetype index = -1;
        for (qsizetype i = 0; i < m_bridges.size(); ++i) {
            if (m_bridges.at(i).name == name)
                index = i;
        }
        if (index < 0)
            continue; // deleted since: nothing to undo
        ++*pending;
        // Marked as ours, so setDrained(false) undoes it and the record keeps it until that worked.
        m_bridges[index].drainedByTest = true;
        HostConnection *c = connection(m_bridges.at(index));
        c->open([this, index, oneDone](Result<void> opened) {
            if (m_run.done())
                return;
            if (!opened.ok()) {
                Bridge &bridge = m_bridges[index];
                m_run.warn(tr("%1 is still in drain mode from an interrupted meeting test and cannot be reached now "
                              "(%2); it is taken back into service the next time.")
                                   .arg(bridge.name, opened.error().message));
                bridge.drainedByTest = false;
                m_leftOver.append(bridge.name);
                oneDone();
                return;
            }
            setDrained(m_bridges[index], false, [this, index, oneDone](bool ok) {
                if (!ok)
                    m_leftOver.append(m_bridges.at(index).name);
                m_bridges[index].drainedByTest = false;
                oneDone();
            });
        });
    }
    oneDone();
}

void MeetingTest::start(bool everyBridge)
{
    m_everyBridge = everyBridge;
    // Queued: a control asked from inside an event's handler must not start a turn in the middle of this one's.
    m_run.setMeetingControl([this](EngineRun::MeetingControl choice) {
        QMetaObject::invokeMethod(
                this, [this, choice] { control(int(choice)); }, Qt::QueuedConnection);
    });
    // From here on a cancel first takes every bridge this test drained back into service.
    m_run.setCancelCleanup([this](std::function<void()> finished) {
        m_timer.stop();
        undrainOurs(finished);
    });
    undoRecorded([this] {
        openAll([this] {
            readAll([this] {
                if (m_everyBridge) {
                    for (qsizetype i = 0; i < m_bridges.size(); ++i) {
                        Bridge &bridge = m_bridges[i];
                        if (bridge.drainedByUser)
                            m_run.warn(tr("%1 is in drain mode, not by this test: it is left out and stays drained.")
                                               .arg(bridge.name));
                        else if (!bridge.reachable)
                            m_run.warn(tr("%1 cannot be read, so it is left out of the test.").arg(bridge.name));
                        else
                            m_turns.append(int(i));
                    }
                    if (m_turns.isEmpty()) {
                        m_run.fail(engineError(u"no_bridge_to_test"_s,
                                               tr("No bridge can take the test meeting: every bridge is drained or "
                                                  "unreachable. Check them on the Manage page (status --health).")));
                        return;
                    }
                    nextTurn();
                    return;
                }
                m_room = MeetingStatus::newRoomName();
                for (Bridge &bridge : m_bridges)
                    bridge.iceBaseline = bridge.metrics ? bridge.metrics->iceSucceeded : std::nullopt;
                m_run.phase(Phase::Verify, tr("Test meeting: join the room; the figures of every bridge follow."));
                publish();
                m_timer.start(m_run.settings().meetingPollIntervalMs);
            });
        });
    });
}

void MeetingTest::openAll(std::function<void()> next)
{
    auto pending = std::make_shared<int>(int(m_bridges.size()) + 1);
    auto oneDone = [this, pending, next] {
        if (--*pending == 0 && !m_run.done())
            next();
    };
    for (qsizetype i = 0; i < m_bridges.size(); ++i) {
        HostConnection *c = connection(m_bridges.at(i));
        if (c->agent()) { // opened already (undoing a killed test's drains): open() would connect again
            QTimer::singleShot(0, this, oneDone);
            continue;
        }
        c->open([this, i, oneDone](Result<void> opened) {
            if (m_run.done())
                return;
            if (!opened.ok())
                m_run.warn(tr("%1 cannot be reached over SSH (%2); its figures stay empty.")
                                   .arg(m_bridges.at(i).name, opened.error().message));
            oneDone();
        });
    }
    oneDone();
}

void MeetingTest::readAll(std::function<void()> next)
{
    auto pending = std::make_shared<int>(1);
    auto oneDone = [this, pending, next] {
        if (--*pending == 0 && !m_run.done())
            next();
    };
    for (qsizetype i = 0; i < m_bridges.size(); ++i) {
        HostConnection *c = m_run.existingConnection(m_bridges.at(i).name);
        if (!c || !c->agent()) {
            m_bridges[i].reachable = false;
            m_bridges[i].metrics.reset();
            continue;
        }
        ++*pending;
        c->agent()->probeHttp(8080, u"/metrics"_s, [this, i, oneDone](Result<HttpProbe> probe) {
            if (m_run.done())
                return;
            Bridge &bridge = m_bridges[i];
            const bool answered = probe.ok() && probe.value().status == 200;
            bridge.reachable = answered;
            bridge.metrics = answered ? std::optional(JvbMetrics::parse(probe.value().body)) : std::nullopt;
            // Drain mode this test did not make is the user's: remembered from the first read on.
            if (bridge.metrics && bridge.metrics->drainMode.value_or(false) && !bridge.drainedByTest
                && !m_leftOver.contains(bridge.name) && m_turn < 0)
                bridge.drainedByUser = true;
            oneDone();
        });
    }
    oneDone();
}

void MeetingTest::nextTurn()
{
    ++m_turn;
    if (m_turn >= m_turns.size()) {
        finish();
        return;
    }
    beginTurn();
}

// One bridge's turn: it alone of the tested bridges is in service. It is undrained first and the others drained
// after, so there is never a moment with no bridge for new conferences.
void MeetingTest::beginTurn()
{
    m_switching = true;
    const int carrier = m_turns.at(m_turn);
    m_run.phase(Phase::Drain, tr("Test every bridge: %1 of %2, %3; draining the other bridges…")
                                      .arg(m_turn + 1)
                                      .arg(m_turns.size())
                                      .arg(m_bridges.at(carrier).name));
    auto drainOthers = [this, carrier] {
        auto pending = std::make_shared<int>(1);
        auto oneDone = [this, pending, carrier] {
            if (--*pending > 0 || m_run.done())
                return;
            m_room = MeetingStatus::newRoomName();
            Bridge &bridge = m_bridges[carrier];
            bridge.iceBaseline = bridge.metrics ? bridge.metrics->iceSucceeded : std::nullopt;
            m_run.phase(Phase::Verify, tr("Test every bridge: join the new room now; it opens on %1 (%2 of %3).")
                                               .arg(bridge.name)
                                               .arg(m_turn + 1)
                                               .arg(m_turns.size()));
            m_switching = false;
            publish();
            // Asked while the bridges were switching: done now that no drain is under way.
            if (const std::optional<int> requested = std::exchange(m_requested, std::nullopt)) {
                control(*requested);
                return;
            }
            poll();
        };
        for (int index : std::as_const(m_turns)) {
            if (index == carrier || m_bridges.at(index).drainedByTest)
                continue;
            ++*pending;
            setDrained(m_bridges[index], true, [oneDone](bool) { oneDone(); });
        }
        oneDone();
    };
    Bridge &bridge = m_bridges[carrier];
    if (bridge.drainedByTest)
        setDrained(bridge, false, [drainOthers](bool) { drainOthers(); });
    else
        drainOthers();
}

// Drain: the record first, then the bridge; undrain: the bridge first, then the record. A crash in between leaves
// at most a recorded bridge that is not drained, which undoing again harms nothing.
void MeetingTest::setDrained(Bridge &bridge, bool drained, std::function<void(bool ok)> next)
{
    const QString name = bridge.name;
    HostConnection *c = m_run.existingConnection(name);
    if (!c || !c->agent()) {
        next(false);
        return;
    }
    HostAgent *agent = c->agent();
    if (drained) {
        bridge.drainedByTest = true;
        saveRecord([this, agent, name, next] {
            // A drain time of 0: drain mode on without waiting for the bridge's conferences to end (they stay).
            agent->drainBridge(0, [this, name, next](Result<int> done) {
                if (!done.ok() && !m_run.done())
                    m_run.warn(tr("%1 could not be put into drain mode (%2); the test meeting may land on it too.")
                                       .arg(name, done.error().message));
                next(done.ok());
            });
        });
        return;
    }
    agent->undrainBridge([this, name, next](Result<void> done) {
        if (!done.ok()) {
            m_run.warn(tr("%1 could not be taken out of drain mode (%2); the next meeting test or opening the "
                          "deployment tries again.")
                               .arg(name, done.error().message));
            next(false);
            return;
        }
        for (Bridge &b : m_bridges) {
            if (b.name == name)
                b.drainedByTest = false;
        }
        saveRecord([next] { next(true); });
    });
}

void MeetingTest::undrainOurs(std::function<void()> next)
{
    auto pending = std::make_shared<int>(1);
    auto oneDone = [pending, next] {
        if (--*pending == 0)
            next();
    };
    for (Bridge &bridge : m_bridges) {
        if (!bridge.drainedByTest)
            continue;
        ++*pending;
        setDrained(bridge, false, [oneDone](bool) { oneDone(); });
    }
    oneDone();
}

void MeetingTest::poll()
{
    if (m_run.done() || m_polling)
        return;
    m_polling = true;
    readAll([this] {
        m_polling = false;
        if (m_ending)
            return;
        if (const std::optional<int> requested = std::exchange(m_requested, std::nullopt)) {
            control(*requested);
            return;
        }
        judge();
    });
}

// Has the test meeting been on a bridge? Participants on it now, and an ICE success since its test began where the
// bridge counts them: a browser's media path reached this bridge, not only its signalling.
void MeetingTest::judge()
{
    auto seen = [](const Bridge &b) {
        if (!b.metrics || b.metrics->endpoints.value_or(0) <= 0)
            return false;
        const std::optional<qint64> ice = b.metrics->iceSucceeded;
        return !ice || !b.iceBaseline || *ice > *b.iceBaseline;
    };
    if (!m_everyBridge) {
        for (Bridge &bridge : m_bridges)
            bridge.carried = bridge.carried || seen(bridge);
        publish();
        m_timer.start(m_run.settings().meetingPollIntervalMs);
        return;
    }
    Bridge &carrier = m_bridges[m_turns.at(m_turn)];
    if (seen(carrier)) {
        carrier.carried = true;
        publish();
        nextTurn();
        return;
    }
    publish();
    m_timer.start(m_run.settings().meetingPollIntervalMs);
}

void MeetingTest::control(int choice)
{
    if (m_run.done() || m_ending)
        return;
    const bool end = EngineRun::MeetingControl(choice) == EngineRun::MeetingControl::End;
    // While drains are under way (or, for Next, a read), the request waits for them; End wins over Next.
    if (m_switching || (!end && m_polling)) {
        if (end || !m_requested)
            m_requested = choice;
        return;
    }
    if (end) {
        finish();
        return;
    }
    // Next: the bridge's turn ends without a meeting seen on it.
    if (!m_everyBridge || m_turn < 0 || m_turn >= m_turns.size())
        return;
    m_timer.stop();
    Bridge &carrier = m_bridges[m_turns.at(m_turn)];
    carrier.skipped = !carrier.carried;
    nextTurn();
}

void MeetingTest::finish()
{
    if (m_ending)
        return;
    m_ending = true;
    m_timer.stop();
    m_run.phase(Phase::Verify, tr("Ending the meeting test: the bridges it drained go back into service…"));
    undrainOurs([this] {
        if (m_run.done())
            return;
        m_run.setCancelCleanup(nullptr);
        m_run.setMeetingControl(nullptr);
        for (const Bridge &bridge : std::as_const(m_bridges)) {
            if (bridge.drainedByTest)
                m_run.warn(tr("%1 is still in drain mode: take it back into service with \"jitsi-deployer "
                              "test-meeting\" later, or POST 127.0.0.1:8080/colibri/drain/disable on it.")
                                   .arg(bridge.name));
        }
        const MeetingStatus last = status(true);
        m_run.emitEvent(EngineEvent::meetingStatus(last));
        m_run.mutableOutcome().meeting = last;
        m_run.succeed();
    });
}

MeetingStatus MeetingTest::status(bool finished) const
{
    MeetingStatus s;
    s.roomUrl = u"https://%1/%2"_s.arg(m_run.state().plan.domain, m_room);
    s.everyBridge = m_everyBridge;
    s.finished = finished;
    if (m_everyBridge) {
        s.turns = int(m_turns.size());
        if (!finished && m_turn >= 0 && m_turn < m_turns.size()) {
            s.turn = m_turn + 1;
            s.carrier = m_bridges.at(m_turns.at(m_turn)).name;
        }
    }
    for (const Bridge &b : m_bridges) {
        BridgeMeetingFigures f;
        f.bridge = b.name;
        f.reachable = b.reachable;
        if (b.metrics) {
            f.conferences = b.metrics->conferences;
            f.endpoints = b.metrics->endpoints;
            f.iceSucceeded = b.metrics->iceSucceeded;
            f.dataChannelMessages = b.metrics->dataChannelMessagesReceived;
        }
        f.drainedByTest = b.drainedByTest;
        f.drainedByUser = b.drainedByUser;
        f.carried = b.carried;
        f.skipped = b.skipped;
        s.bridges.append(f);
    }
    return s;
}

void MeetingTest::publish(bool finished)
{
    if (m_run.done())
        return;
    m_run.mutableOutcome().meeting = status(finished);
    m_run.emitEvent(EngineEvent::meetingStatus(status(finished)));
}
