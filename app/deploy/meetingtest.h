#pragma once

#include "deploy/jitsistate.h"
#include "deploy/meetingdrains.h"
#include "deploy/meetingstatus.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

class EngineRun;
class HostConnection;

// "Test a meeting" (DeploymentEngine::testMeeting): a fresh, unguessable room https://<domain>/<room> for the user
// (browser, phone), and every ~2 s each bridge's /metrics read into a MeetingStatus event: conferences, endpoints,
// ICE succeeded, data-channel messages received. Read-only unless "test every bridge" is asked:
//
//   undo drains a killed test left (MeetingDrains) ─► read every bridge once (user-drained bridges are left out)
//   ─► per bridge in turn: record, then drain all the others; undrain this one; a fresh room (a conference stays on
//      the bridge it started on, so each turn needs its own room) ─► poll until the test meeting is seen on it
//      (participants and an ICE success since its turn began) or the user says Next ─► …
//   ─► every drain this test made undone, then the run succeeds with the last status in the outcome.
//
// A cancel undoes the drains before the run ends (EngineRun::setCancelCleanup); a killed process leaves them in
// MeetingDrains for undoMeetingDrains() / the next test. A bridge that cannot be read is shown as unreachable; a
// drain or undrain that fails is a warning and the test goes on (never undrain a bridge this test did not drain).
// A child of its EngineRun, which has found the deployment and its bridges.
class MeetingTest : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    MeetingTest(EngineRun &run, QObject *parent);

    void start(bool everyBridge);
    // undoMeetingDrains(): only the first step, then the run succeeds.
    void undoOnly();

private:
    struct Bridge
    {
        QString name;
        QString address;
        bool reachable = false;
        std::optional<JvbMetrics> metrics; // of the last round
        std::optional<qint64> iceBaseline; // ICE successes when its test began (its turn, or the test's start)
        bool drainedByUser = false;
        bool drainedByTest = false;
        bool carried = false;
        bool skipped = false;
    };

    HostConnection *connection(const Bridge &bridge);
    void undoRecorded(std::function<void()> next);
    void openAll(std::function<void()> next);
    void readAll(std::function<void()> next);
    void beginTurn();
    void poll();
    void judge();
    void publish(bool finished = false);
    void control(int choice); // EngineRun::MeetingControl
    void nextTurn();
    void finish();
    void undrainOurs(std::function<void()> next);
    void setDrained(Bridge &bridge, bool drained, std::function<void(bool ok)> next);
    void saveRecord(std::function<void()> next);
    QStringList recorded() const;
    MeetingStatus status(bool finished) const;

    EngineRun &m_run;
    MeetingDrains m_record;
    QStringList m_leftOver; // drained by an earlier test that could not be undone now: kept in the record
    QList<Bridge> m_bridges; // by bridge number
    QList<int> m_turns; // indexes into m_bridges of the bridges to test, in order ("every bridge")
    int m_turn = -1;
    bool m_everyBridge = false;
    bool m_polling = false;
    bool m_switching = false; // a turn's drains are under way
    std::optional<int> m_requested; // a control that came while switching or polling
    bool m_ending = false;
    QString m_room;
    QTimer m_timer;
};
