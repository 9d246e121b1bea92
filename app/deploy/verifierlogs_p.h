#pragma once

// Private to the Verifier: the three log analysers (prosody, jicofo, jvb) it uses to explain what state shows,
// and to decide where no state answered. Split from verifier.cpp to keep each file one judgement; the needles of
// Verifier::*Query() mirror them and must change together.
#include "deploy/verifier.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace VerifierLogs {

// A quoted line is for humans: a stack-trace-sized line would drown the verdict.
constexpr qsizetype maxQuotedLength = 400;

struct Line
{
    int number = 0;
    QString text;
    // No line of the file is missing between the previous content line and this one (an excerpt has gaps).
    bool adjacent = true;
};

// The non-blank lines of an excerpt, in file order.
QList<Line> contentLines(const LogExcerpt &log);

EvidenceLine quote(const QString &source, const Line &line);

bool containsCi(const QString &haystack, const QString &needle);

// ---- prosody.log: "%b %d %H:%M:%S <source>\t<level>\t<msg>" ----

struct ProsodySession
{
    QString id; // the c2s<hex> source
    std::optional<Line> connected;
    std::optional<Line> peer; // debug "New connection FD …" line, only when prosody logs at debug
    QString peerIp;
    std::optional<Line> authenticated; // as jvb@auth.<domain>
    std::optional<Line> disconnected;

    bool live() const { return authenticated && !disconnected; }
};

struct ProsodyAnalysis
{
    QList<ProsodySession> jvbSessions; // authenticated as jvb@auth.<domain> since prosody's last start
    std::optional<Line> restart;
    bool empty = true;

    int liveCount() const
    {
        return int(std::count_if(jvbSessions.cbegin(), jvbSessions.cend(), [](const auto &s) { return s.live(); }));
    }
    bool anyPeerIp() const
    {
        return std::any_of(jvbSessions.cbegin(), jvbSessions.cend(), [](const auto &s) { return !s.peerIp.isEmpty(); });
    }
};

ProsodyAnalysis analyseProsody(const LogExcerpt &text, const QString &domain);

// ---- jicofo.log: "Jicofo <date> INFO: [tid] [ctx] Class.method#line: msg" ----

struct JicofoBridge
{
    std::optional<Line> brewery; // "Added brewery instance"
    std::optional<Line> added; // "Added new videobridge"
    std::optional<Line> removed; // "Removed brewery instance" / "Removing JVB" / "Lost a bridge"
    bool live = false;
};

struct JicofoAnalysis
{
    QHash<QString, JicofoBridge> byNickname;
    bool empty = true;
};

JicofoAnalysis analyseJicofo(const LogExcerpt &text, const QString &domain);

// ---- jvb.log: "JVB <date> INFO: [tid] [hostname=… id=shard] MucClient…: msg" ----

enum class JvbState { NoRun, Connecting, Joined, LoginFailed, ConnectFailed, CertificateFailed, Conflict };

struct JvbAnalysis
{
    JvbState state = JvbState::NoRun;
    std::optional<Line> start; // "Initializing a new MucClient for …" of the latest run
    std::optional<Line> outcome; // the line that decided the state
    std::optional<Line> outcomeDetail; // the exception jvb logged right below it, if any
    QList<Line> progress; // the latest run's connect/login/auth lines, for the record
    QString loggedNickname; // from the start line, when jicoco prints it
    bool empty = true;
};

JvbAnalysis analyseJvb(const LogExcerpt &text, const QString &domain);

} // namespace VerifierLogs
