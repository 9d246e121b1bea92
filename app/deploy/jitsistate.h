#pragma once

#include "deploy/deploymenthealth.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// Readers of the Jitsi daemons' *state* (not their logs, which rotate away): jicofo's /debug and /stats, a
// bridge's Prometheus /metrics, prosody's live c2s sessions (admin shell) and dpkg's package versions. Pure
// parsers plus the read-only shell commands that fetch the non-HTTP ones (StateQuery). Field and metric names
// come from the daemons' sources, cited where each is read (jitsistate.cpp); tests/fixtures/verify/README.md
// says which fixture mirrors which source.

// jicofo's bridge selector, from 127.0.0.1:8888/debug (bridge_selector.bridge.<jid>) and /stats.
struct JicofoState
{
    QList<JicofoBridgeView> bridges; // every bridge jicofo knows, in JID order
    std::optional<int> bridgeCount; // /stats bridge_selector.bridge_count
    std::optional<int> operationalBridgeCount; // /stats bridge_selector.operational_bridge_count

    // nullopt: not a jicofo /debug document (no bridge_selector.bridge object).
    static std::optional<QList<JicofoBridgeView>> parseDebug(const QByteArray &json);
    // Fills the two counts from /stats; false when the document has no bridge_selector counts.
    bool readStats(const QByteArray &json);
    // The view of the bridge with this brewery nickname (the resource of its brewery JID), if jicofo has one.
    const JicofoBridgeView *find(const QString &breweryJid, const QString &nickname) const;
};

// A bridge's own figures from its Prometheus /metrics (namespace jitsi_jvb). A figure absent from the text is
// nullopt.
struct JvbMetrics
{
    std::optional<int> conferences;
    std::optional<int> endpoints; // current endpoints (local and relayed): the participants on this bridge
    std::optional<double> stress;
    std::optional<bool> drainMode;
    std::optional<bool> gracefulShutdown;
    std::optional<int> mucClientsConnected; // XMPP connections up
    std::optional<int> mucsJoined; // MUCs (the brewery) joined
    // Counters since the bridge started (the test meeting's data plane): endpoints whose ICE succeeded, messages
    // received on the endpoints' data channels (the bridge channel over SCTP), conferences created.
    std::optional<qint64> iceSucceeded;
    std::optional<qint64> dataChannelMessagesReceived;
    std::optional<qint64> conferencesCreated;

    bool any() const;
    // Prometheus text exposition format (0.0.4): "name{labels} value" lines, comments skipped.
    static QMap<QString, double> samples(const QByteArray &text);
    static JvbMetrics parse(const QByteArray &text);
};

// One live c2s session on prosody, from the admin shell.
struct ProsodyLiveSession
{
    QString id; // "c2s55d0…": also the source field of the session's lines in prosody.log
    QString jid; // full JID once bound; empty before
    QString ip; // peer address

    QString bareJid() const { return jid.section(u'/', 0, 0); }
    friend bool operator==(const ProsodyLiveSession &, const ProsodyLiveSession &) = default;
};

// A session's login line, found in prosody.log or one of its rotated files.
struct ProsodyLoginLine
{
    QString file; // "prosody.log", "prosody.log.1", "prosody.log.2.gz"
    int line = 0;
    QString text;
    QString sessionId() const; // the line's source field
};

struct ProsodyState
{
    // The table `c2s:show(nil, <StateQuery::prosodySessions columns>)` prints; nullopt when the output has no
    // such table (prosody down, admin shell disabled).
    static std::optional<QList<ProsodyLiveSession>> parseSessions(const QStringList &output);
    // The output of StateQuery::prosodyLogins: the "Authenticated as" lines of those sessions.
    static QList<ProsodyLoginLine> parseLogins(const QStringList &output);
};

// dpkg-query's "${Package}\t${db:Status-Abbrev}\t${Version}" lines -> installed package -> version.
QMap<QString, QString> parsePackageVersions(const QStringList &output);

// A read-only command a HostAgent runs on a host for state that has no HTTP endpoint. The fake hosts answer the
// same kinds with the same output format.
struct StateQuery
{
    enum class Kind { ProsodySessions, ProsodyLogins, PackageVersions };
    Kind kind = Kind::ProsodySessions;
    QStringList arguments; // ProsodyLogins: session ids; PackageVersions: package names

    static StateQuery prosodySessions();
    static StateQuery prosodyLogins(const QStringList &sessionIds);
    static StateQuery packageVersions(const QStringList &packages);
    // The Jitsi packages (and prosody) whose versions health shows.
    static QStringList jitsiPackages();
    // The Lua line prosodyctl shell runs for ProsodySessions (also run directly by the tests against real prosody).
    static QString prosodySessionsLua();

    // The shell command; `root` prefixes file paths (the testbed's and tests' host roots). Always exits 0
    // unless the shell itself fails: a missing prosody or file is an empty answer, judged by the parser.
    QString command(const QString &root) const;
};
