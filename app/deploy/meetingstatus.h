#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// What "Test a meeting" shows while people are in the test room (DESIGN.md §5, "Test a meeting adds the data
// plane"): per bridge the figures of its own /metrics (JvbMetrics), and in "test every bridge" mode which bridge
// carries the test now. Plain data: in EngineEvent::Kind::Meeting while the test runs and in EngineOutcome::meeting
// at its end; rendered by the CLI (`test-meeting`) and the wizard's meeting test dialog.
struct BridgeMeetingFigures
{
    QString bridge; // server name
    bool reachable = false; // its /metrics was read in the last round
    std::optional<int> conferences;
    std::optional<int> endpoints;
    std::optional<qint64> iceSucceeded; // since the bridge started
    std::optional<qint64> dataChannelMessages; // received, since the bridge started
    bool drainedByTest = false; // drained by this test, undone at its end
    bool drainedByUser = false; // was drained before the test: left alone, and not tested
    // The test meeting was seen on it: participants on it and (where the bridge counts it) an ICE success since the
    // test began, i.e. a browser's media connected to this bridge.
    bool carried = false;
    bool skipped = false; // "test every bridge": its turn ended by the user (Next) before a meeting was seen
};

struct MeetingStatus
{
    QString roomUrl; // https://<domain>/<room>: a fresh, unguessable room (one per turn in "every bridge" mode)
    bool everyBridge = false;
    QString carrier; // "every bridge": the only bridge in service now, the one the room lands on; else empty
    int turn = 0; // "every bridge": 1-based turn of `carrier`
    int turns = 0; // "every bridge": the bridges to test
    bool finished = false; // the last status of a test
    QList<BridgeMeetingFigures> bridges; // by bridge number

    const BridgeMeetingFigures *find(const QString &bridge) const;
    QJsonObject toJson() const; // docs/cli.md, `test-meeting --json`

    // A fresh room name: 20 characters of [a-z0-9] from the system's CSPRNG (about 103 bits), so nobody can guess
    // and join (or pre-open) the test room.
    static QString newRoomName();
};
