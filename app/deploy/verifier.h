#pragma once

#include "common/result.h"
#include "deploy/jitsistate.h"
#include "deploy/logexcerpt.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

// Decides whether a deployment's bridges really work (DESIGN.md §5) from evidence the engine fetched over
// SSH: prosody.log and jicofo.log of the web host, jicofo's /stats, and per bridge its jvb.log and the answer
// of its /about/health. Pure: no I/O, no clock, so every verdict is reproducible from the same texts. Logs come
// as excerpts (only the lines *Query() selects, with their line numbers): a verdict on an excerpt is the verdict
// on the whole log, and the work is bounded by the lines that matter, not by the log's size.
// Line shapes are those of reference/jitsi-packaging.md §4.

// One HTTP probe made on the host itself (curl over SSH). status 0 = no HTTP answer; error says why.
struct HttpProbe
{
    int status = 0;
    QByteArray body;
    QString error; // e.g. "connection refused"; technical, for the log

    static HttpProbe answered(int status, QByteArray body = {}) { return {status, std::move(body), {}}; }
    static HttpProbe failed(QString error) { return {0, {}, std::move(error)}; }
};

struct BridgeEvidenceInput
{
    QString serverName; // e.g. meet-example-org-jvb-1
    QString nickname; // its MUC_NICKNAME as configured on the bridge; empty = serverName (what provisioning sets)
    QString publicIp;
    QString privateIp; // empty when the bridge is not on the deployment's network
    LogExcerpt jvbLog; // /var/log/jitsi/jvb.log; empty when missing or just rotated
    HttpProbe health; // 127.0.0.1:8080/about/health
    HttpProbe metrics; // 127.0.0.1:8080/metrics (Prometheus): mucs_joined, muc_clients_connected; status 0 = not read

    QString effectiveNickname() const { return nickname.isEmpty() ? serverName : nickname; }
};

struct VerifierInput
{
    QString domain; // the meeting domain
    LogExcerpt prosodyLog; // /var/log/prosody/prosody.log of the web host
    LogExcerpt jicofoLog; // /var/log/jitsi/jicofo.log
    HttpProbe jicofoStats; // 127.0.0.1:8888/stats
    // State, which outlives log rotation (issue 14): when present it decides, and the logs only explain.
    HttpProbe jicofoDebug; // 127.0.0.1:8888/debug: jicofo's bridge selector; status 0 = not read
    std::optional<QList<ProsodyLiveSession>> prosodySessions; // prosodyctl shell c2s:show; nullopt = not read
    QList<ProsodyLoginLine> prosodyLogins; // the login lines of those sessions, in prosody.log or a rotated file
    QList<BridgeEvidenceInput> bridges; // every bridge the deployment should have
};

// Why a bridge (or the deployment) is not verified. Each has a stable code() for --json and tests.
enum class VerifyCause {
    WrongSecret, // jvb: "Failed to login" (SASL not-authorized): the bridge's PASSWORD differs from prosody's
    DuplicateNickname, // two bridges share a MUC_NICKNAME: jicofo sees them as one
    XmppUnreachable, // jvb: "Error connecting" without a certificate problem: 5222 blocked or prosody down
    CertificateRejected, // jvb: "Error connecting" with a TLS certificate error
    SessionDisconnected, // the bridge authenticated, then its prosody session ended
    NoProsodySession, // no live jvb@auth.<domain> session for the bridge in prosody.log
    ExtraProsodySessions, // more live jvb sessions than bridges (a foreign or leftover bridge)
    NotInJicofo, // jicofo.log has no "Added new videobridge" for the nickname
    RemovedFromJicofo, // jicofo added it, then removed or lost it
    JicofoCountMismatch, // /stats operational_bridge_count != number of bridges
    JicofoStatsUnavailable, // /stats did not answer 200 with the bridge_selector counts
    HealthFailed, // /about/health answered, but not 200
    HealthUnreachable, // /about/health did not answer
    MucNotJoined, // the latest jvb run shows no "Joined MUC" (still connecting, or stopped)
    JvbLogEmpty, // nothing to judge: jvb.log empty (rotated) or without a MucClient start
    ProsodyLogEmpty,
    JicofoLogEmpty,
    NotOperationalInJicofo, // jicofo's bridge view lists the bridge, but not as operational
};

// Which evidence shows a bridge's login to prosody (the report says it per bridge).
enum class LoginEvidence {
    None,
    LogLine, // its live session's "Authenticated as" line, in prosody.log or a rotated file
    LiveSession, // a live session from its address (admin shell), whose login line was rotated away
    Counted, // prosody.log without addresses: counted among the live logins
};

struct EvidenceLine
{
    QString source; // "prosody.log", "jicofo.log", "jvb.log", "/about/health", "/stats"
    int line = 0; // 1-based line number in that text; 0 for HTTP answers
    QString text; // the line as logged, trimmed (and blanked of any known secret)

    QString toString() const; // "jvb.log:12: JVB 2026-… Joined MUC: …"
    friend bool operator==(const EvidenceLine &, const EvidenceLine &) = default;
};

struct VerifyProblem
{
    VerifyCause cause;
    QString message; // translated, plain language, names the fix; never a secret
    QList<EvidenceLine> evidence; // the lines that show it (may be empty: "no such line")

    QString code() const;
};

struct BridgeVerdict
{
    QString serverName;
    QString nickname;
    QList<VerifyProblem> problems; // empty = verified; the first is the main cause
    QList<EvidenceLine> evidence; // what was found for this bridge, good or bad, in a stable order
    LoginEvidence login = LoginEvidence::None;
    bool inJicofoView = false; // listed as operational in jicofo's bridge selector (/debug)
    bool mucJoinedByMetrics = false; // its /metrics say it joined the brewery
    // One translated phrase per kind of evidence it has, e.g. "prosody login line at Dec 03 12:03:04
    // (prosody.log.1)", "in jicofo's bridge view": what the report shows next to the bridge.
    QStringList proofs;

    bool ok() const { return problems.isEmpty(); }
};

struct VerificationReport
{
    QList<BridgeVerdict> bridges; // in input order
    QList<VerifyProblem> problems; // deployment-level: counts, unavailable stats, empty web host logs
    QList<EvidenceLine> evidence; // deployment-level evidence (the /stats counts, live sessions)
    int liveSessions = 0; // live jvb@auth.<domain> sessions in prosody.log
    int operationalBridges = -1; // from /stats; -1 when unknown

    bool ok() const;
    // The first problem as an Error (domain "verify"), for the engine's failure path; ok() gives no error.
    Error toError() const;
};

class Verifier
{
    Q_DECLARE_TR_FUNCTIONS(Verifier)

public:
    static VerificationReport verify(const VerifierInput &input);
    // verify() on a pool thread: a busy web host's excerpts still hold thousands of prosody sessions, and the
    // GUI thread must not wait for their analysis (DESIGN.md §8). `done` runs on `context`'s thread (which needs
    // an event loop), and not at all once `context` is gone.
    static void verifyInBackground(VerifierInput input, QObject *context,
                                   std::function<void(const VerificationReport &)> done);
    static QString causeCode(VerifyCause cause);
    static QString loginEvidenceCode(LoginEvidence login); // "line", "live-session", "counted", "none"

    // The lines of each log that verify() reads (path left empty): every line it looks at matches a needle, so
    // judging the excerpt equals judging the whole log. Change them together with the analysis.
    static LogQuery prosodyQuery();
    static LogQuery jicofoQuery();
    static LogQuery jvbQuery();
};
