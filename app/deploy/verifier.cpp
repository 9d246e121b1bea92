// Over 600 lines on purpose: the verdict (state first, then the log analyses of verifierlogs.cpp as explanation),
// the cause codes and the LogQuery mirrors are one judgement (DESIGN.md §5) that must change together.
#include "deploy/verifier.h"

#include "deploy/verifierlogs_p.h"

#include "common/redactor.h"

#include <QFutureWatcher>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace VerifierLogs;

namespace {

const QString prosodySource = u"prosody.log"_s;
const QString jicofoSource = u"jicofo.log"_s;
const QString jvbSource = u"jvb.log"_s;
const QString healthSource = u"/about/health"_s;
const QString statsSource = u"/stats"_s;
const QString debugSource = u"/debug"_s;
const QString metricsSource = u"/metrics"_s;
const QString sessionsSource = u"prosodyctl shell"_s;
VerifyProblem problem(VerifyCause cause, QString message, QList<EvidenceLine> evidence = {})
{
    return {cause, std::move(message), std::move(evidence)};
}

std::optional<int> operationalBridgeCount(const HttpProbe &stats)
{
    if (stats.status != 200)
        return std::nullopt;
    const QJsonObject selector = QJsonDocument::fromJson(stats.body).object().value(u"bridge_selector"_s).toObject();
    const QJsonValue count = selector.value(u"operational_bridge_count"_s);
    if (!count.isDouble())
        return std::nullopt;
    return count.toInt();
}

} // namespace

QString EvidenceLine::toString() const
{
    if (line > 0)
        return source + u':' + QString::number(line) + u": "_s + text;
    return source + u": "_s + text;
}

QString VerifyProblem::code() const
{
    return Verifier::causeCode(cause);
}

bool VerificationReport::ok() const
{
    return problems.isEmpty() && std::all_of(bridges.cbegin(), bridges.cend(), [](const auto &b) { return b.ok(); });
}

Error VerificationReport::toError() const
{
    Error error;
    if (ok())
        return error;
    error.domain = u"verify"_s;
    const VerifyProblem *first = nullptr;
    QString where;
    for (const BridgeVerdict &bridge : bridges) {
        if (!bridge.ok()) {
            first = &bridge.problems.constFirst();
            where = bridge.serverName;
            break;
        }
    }
    if (!first)
        first = &problems.constFirst();
    error.code = first->code();
    error.message = where.isEmpty() ? first->message : where + u": "_s + first->message;
    QStringList lines;
    for (const EvidenceLine &line : first->evidence)
        lines.append(line.toString());
    error.detail = lines.join(u'\n');
    return error;
}

QString Verifier::causeCode(VerifyCause cause)
{
    switch (cause) {
    case VerifyCause::WrongSecret:
        return u"wrong-secret"_s;
    case VerifyCause::DuplicateNickname:
        return u"duplicate-nickname"_s;
    case VerifyCause::XmppUnreachable:
        return u"xmpp-unreachable"_s;
    case VerifyCause::CertificateRejected:
        return u"certificate-rejected"_s;
    case VerifyCause::SessionDisconnected:
        return u"session-disconnected"_s;
    case VerifyCause::NoProsodySession:
        return u"no-prosody-session"_s;
    case VerifyCause::ExtraProsodySessions:
        return u"extra-prosody-sessions"_s;
    case VerifyCause::NotInJicofo:
        return u"not-in-jicofo"_s;
    case VerifyCause::RemovedFromJicofo:
        return u"removed-from-jicofo"_s;
    case VerifyCause::JicofoCountMismatch:
        return u"jicofo-count-mismatch"_s;
    case VerifyCause::JicofoStatsUnavailable:
        return u"jicofo-stats-unavailable"_s;
    case VerifyCause::HealthFailed:
        return u"health-failed"_s;
    case VerifyCause::HealthUnreachable:
        return u"health-unreachable"_s;
    case VerifyCause::MucNotJoined:
        return u"muc-not-joined"_s;
    case VerifyCause::JvbLogEmpty:
        return u"jvb-log-empty"_s;
    case VerifyCause::ProsodyLogEmpty:
        return u"prosody-log-empty"_s;
    case VerifyCause::JicofoLogEmpty:
        return u"jicofo-log-empty"_s;
    case VerifyCause::NotOperationalInJicofo:
        return u"not-operational-in-jicofo"_s;
    }
    return u"unknown"_s;
}

QString Verifier::loginEvidenceCode(LoginEvidence login)
{
    switch (login) {
    case LoginEvidence::LogLine:
        return u"line"_s;
    case LoginEvidence::LiveSession:
        return u"live-session"_s;
    case LoginEvidence::Counted:
        return u"counted"_s;
    case LoginEvidence::None:
        break;
    }
    return u"none"_s;
}

void Verifier::verifyInBackground(VerifierInput input, QObject *context,
                                  std::function<void(const VerificationReport &)> done)
{
    // A watcher owned by `context` reports on the caller's thread, and goes (with the report) if `context` does.
    auto *watcher = new QFutureWatcher<VerificationReport>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        const VerificationReport report = watcher->result();
        watcher->deleteLater();
        done(report);
    });
    auto promise = std::make_shared<QPromise<VerificationReport>>();
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([input = std::move(input), promise] {
        promise->addResult(verify(input));
        promise->finish();
    });
}

// The needles mirror the analysers above: a line none of them matches changes no analysis. The content pattern
// keeps "empty" (and jvb's run-without-start) as on the whole file: prosody counts only tab-separated lines.
LogQuery Verifier::prosodyQuery()
{
    LogQuery query;
    query.needles = {u"Hello and welcome to "_s, u"New connection FD "_s, u"Client connected"_s, u"Authenticated as "_s,
                     u"Client disconnected"_s};
    query.contentPattern = u"\t.*\t"_s;
    return query;
}

LogQuery Verifier::jicofoQuery()
{
    LogQuery query;
    query.needles = {u"Joined the room."_s,
                     u"Added new videobridge: "_s,
                     u"Added brewery instance: "_s,
                     u"Removed brewery instance"_s,
                     u"Removing JVB"_s,
                     u"Lost a bridge"_s};
    query.contentPattern = u"[^[:space:]]"_s;
    return query;
}

LogQuery Verifier::jvbQuery()
{
    LogQuery query;
    query.needles = {u"Initializing a new MucClient for"_s,
                     u"Joined MUC: "_s,
                     u"Failed to login"_s,
                     u"Error connecting"_s,
                     u"conflict"_s,
                     u"Authenticated, resumed="_s,
                     u"Connected. isSmEnabled"_s,
                     u"Logging in."_s,
                     u"Disabling certificate verification!"_s};
    query.withNextLine = true; // an outcome's exception detail
    query.contentPattern = u"[^[:space:]]"_s;
    return query;
}

VerificationReport Verifier::verify(const VerifierInput &input)
{
    VerificationReport report;
    const qsizetype bridgeCount = input.bridges.size();
    const ProsodyAnalysis prosody = analyseProsody(input.prosodyLog, input.domain);
    const JicofoAnalysis jicofo = analyseJicofo(input.jicofoLog, input.domain);
    report.liveSessions = prosody.liveCount();

    QList<JvbAnalysis> jvb;
    QStringList nicknames;
    for (const BridgeEvidenceInput &bridge : input.bridges) {
        jvb.append(analyseJvb(bridge.jvbLog, input.domain));
        // What the bridge itself logged beats what we believe we configured.
        nicknames.append(jvb.constLast().loggedNickname.isEmpty() ? bridge.effectiveNickname()
                                                                  : jvb.constLast().loggedNickname);
    }

    // State first (issue 14): jicofo's bridge view, prosody's live sessions, each bridge's /metrics. Where a state
    // answered it decides; the logs then only explain a failure and add the lines a user can check.
    const QString brewery = u"jvbbrewery@internal.auth."_s + input.domain;
    const QString jvbJid = u"jvb@auth."_s + input.domain;
    JicofoState jicofoState;
    const std::optional<QList<JicofoBridgeView>> debugView
            = input.jicofoDebug.status == 200 ? JicofoState::parseDebug(input.jicofoDebug.body) : std::nullopt;
    if (debugView)
        jicofoState.bridges = *debugView;
    QList<ProsodyLiveSession> liveJvb;
    if (input.prosodySessions) {
        for (const ProsodyLiveSession &session : *input.prosodySessions) {
            if (session.bareJid().compare(jvbJid, Qt::CaseInsensitive) == 0)
                liveJvb.append(session);
        }
        report.liveSessions = int(liveJvb.size());
    }
    // Each session belongs to one bridge: two bridges behind one address (a NAT, the tests' loopback) take one each.
    QSet<QString> claimed;
    auto liveSessionOf = [&](const BridgeEvidenceInput &bridge) -> const ProsodyLiveSession * {
        for (const ProsodyLiveSession &session : std::as_const(liveJvb)) {
            if (!claimed.contains(session.id)
                && (session.ip == bridge.publicIp || (!bridge.privateIp.isEmpty() && session.ip == bridge.privateIp))) {
                claimed.insert(session.id);
                return &session;
            }
        }
        return nullptr;
    };
    auto loginLineOf = [&](const QString &sessionId) -> const ProsodyLoginLine * {
        for (const ProsodyLoginLine &login : input.prosodyLogins) {
            if (login.sessionId() == sessionId)
                return &login;
        }
        return nullptr;
    };

    // With prosody at debug level each session carries its peer address: then sessions belong to bridges. The
    // admin shell always names the address.
    const bool attributable = input.prosodySessions.has_value() || prosody.anyPeerIp();
    auto sessionOf = [&](const BridgeEvidenceInput &bridge) -> const ProsodySession * {
        const ProsodySession *latest = nullptr;
        for (const ProsodySession &session : prosody.jvbSessions) {
            if (!session.peerIp.isEmpty()
                && (session.peerIp == bridge.publicIp
                    || (!bridge.privateIp.isEmpty() && session.peerIp == bridge.privateIp)))
                latest = &session; // only the latest session of a bridge counts
        }
        return latest;
    };
    auto sessionEvidence = [](const ProsodySession &session) {
        QList<EvidenceLine> lines;
        for (const auto &line : {session.peer, session.connected, session.authenticated, session.disconnected}) {
            if (line)
                lines.append(quote(prosodySource, *line));
        }
        return lines;
    };

    for (qsizetype i = 0; i < bridgeCount; ++i) {
        const BridgeEvidenceInput &in = input.bridges.at(i);
        const JvbAnalysis &log = jvb.at(i);
        BridgeVerdict verdict;
        verdict.serverName = in.serverName;
        verdict.nickname = nicknames.at(i);
        auto addProblem = [&](VerifyCause cause, QString message, QList<EvidenceLine> evidence = {}) {
            verdict.problems.append(problem(cause, std::move(message), std::move(evidence)));
        };

        // jvb's own account of its latest run: the most specific causes live here.
        QList<EvidenceLine> outcome;
        for (const auto &line : {log.outcome, log.outcomeDetail}) {
            if (line)
                outcome.append(quote(jvbSource, *line));
        }
        if (log.start)
            verdict.evidence.append(quote(jvbSource, *log.start));
        for (const Line &line : log.progress)
            verdict.evidence.append(quote(jvbSource, line));
        verdict.evidence.append(outcome);
        const JvbMetrics metrics = in.metrics.status == 200 ? JvbMetrics::parse(in.metrics.body) : JvbMetrics{};
        const bool metricsKnown = metrics.mucsJoined.has_value();
        if (metricsKnown) {
            verdict.mucJoinedByMetrics = *metrics.mucsJoined > 0;
            verdict.evidence.append(
                    {metricsSource, 0,
                     u"jitsi_jvb_mucs_joined %1, jitsi_jvb_muc_clients_connected %2"_s.arg(
                             QString::number(*metrics.mucsJoined),
                             metrics.mucClientsConnected ? QString::number(*metrics.mucClientsConnected) : u"?"_s)});
        }
        // The bridge's own state beats its log: joined now means an old failure in the log is history, and a
        // rotated log is no gap. Not joined: the log names why, if it still can.
        JvbState jvbState = log.state;
        if (metricsKnown && verdict.mucJoinedByMetrics && jvbState != JvbState::Conflict)
            jvbState = JvbState::Joined;
        else if (metricsKnown && !verdict.mucJoinedByMetrics
                 && (jvbState == JvbState::Joined || jvbState == JvbState::NoRun))
            jvbState = JvbState::Connecting;
        if (metricsKnown && !verdict.mucJoinedByMetrics && outcome.isEmpty())
            outcome.append(verdict.evidence.constLast());

        const qsizetype sameNickname = nicknames.count(nicknames.at(i));
        if (sameNickname > 1 || jvbState == JvbState::Conflict) {
            addProblem(VerifyCause::DuplicateNickname,
                       tr("Another bridge uses the same MUC nickname \"%1\", so jicofo sees them as one bridge. "
                          "Give each bridge its own MUC_NICKNAME in /etc/jitsi/videobridge/jvb.conf and restart "
                          "jitsi-videobridge2, or remove the bridge and add a new one.")
                               .arg(nicknames.at(i)),
                       outcome);
        }
        switch (jvbState) {
        case JvbState::NoRun:
            addProblem(VerifyCause::JvbLogEmpty,
                       tr("The bridge's log /var/log/jitsi/jvb.log is empty or was just rotated, so there is no "
                          "evidence that it connected. Check that jitsi-videobridge2 is running "
                          "(systemctl status jitsi-videobridge2), then verify again."));
            break;
        case JvbState::LoginFailed:
            addProblem(VerifyCause::WrongSecret,
                       tr("The bridge reached the web host but its login as jvb was refused: its password does not "
                          "match the one prosody has. Set the same jvb secret on both hosts, or remove the bridge and "
                          "add a new one (it gets the secret this computer keeps), then verify again."),
                       outcome);
            break;
        case JvbState::ConnectFailed:
            addProblem(VerifyCause::XmppUnreachable,
                       tr("The bridge cannot connect to the web host on port 5222. Check that the web host's "
                          "firewall allows 5222/tcp from this bridge's address and that prosody is running."),
                       outcome);
            break;
        case JvbState::CertificateFailed:
            addProblem(VerifyCause::CertificateRejected,
                       tr("The bridge rejected the web host's TLS certificate for auth.%1. Copy prosody's "
                          "certificate to the bridge (re-provision it), or explicitly allow disabling certificate "
                          "verification in the plan.")
                               .arg(input.domain),
                       outcome);
            break;
        case JvbState::Connecting:
            addProblem(VerifyCause::MucNotJoined,
                       metricsKnown ? tr("The bridge has not joined the bridge room (its /metrics show "
                                         "jitsi_jvb_mucs_joined 0). Wait a minute and verify again; if it persists, "
                                         "check /var/log/jitsi/jvb.log on the bridge.")
                                    : tr("The bridge has not joined the bridge room (no \"Joined MUC\" in its log "
                                         "since it last started). Wait a minute and verify again; if it persists, "
                                         "check /var/log/jitsi/jvb.log on the bridge."),
                       outcome);
            break;
        case JvbState::Joined:
        case JvbState::Conflict:
            break;
        }

        // Condition 1, per bridge when prosody tells us who connected: from its live sessions (state), else from
        // the peer addresses of a debug-level log.
        if (input.prosodySessions) {
            if (const ProsodyLiveSession *session = liveSessionOf(in)) {
                verdict.evidence.append(
                        {sessionsSource, 0, session->id + u' ' + session->jid + u" from "_s + session->ip});
                if (const ProsodyLoginLine *login = loginLineOf(session->id)) {
                    verdict.login = LoginEvidence::LogLine;
                    verdict.evidence.append(quote(login->file, {login->line, login->text}));
                    verdict.proofs.append(
                            tr("prosody login line at %1 (%2)").arg(login->text.section(u' ', 0, 2), login->file));
                } else {
                    verdict.login = LoginEvidence::LiveSession;
                    verdict.proofs.append(tr("live prosody session %1 from %2, login line rotated away")
                                                  .arg(session->id, session->ip));
                }
            } else {
                QList<EvidenceLine> lines;
                for (const ProsodyLiveSession &s : std::as_const(liveJvb))
                    lines.append({sessionsSource, 0, s.id + u' ' + s.jid + u" from "_s + s.ip});
                addProblem(VerifyCause::NoProsodySession,
                           tr("Prosody on the web host has no live login as %1 from this bridge (%2). Check that "
                              "the web host's firewall allows 5222/tcp from it and that the bridge points at the "
                              "web host.")
                                   .arg(jvbJid, in.privateIp.isEmpty() ? in.publicIp : in.privateIp),
                           lines);
            }
        } else if (attributable) {
            if (const ProsodySession *session = sessionOf(in)) {
                verdict.evidence.append(sessionEvidence(*session));
                if (session->live()) {
                    verdict.login = LoginEvidence::LogLine;
                    verdict.proofs.append(tr("prosody login line at %1 (prosody.log)")
                                                  .arg(session->authenticated->text.section(u' ', 0, 2)));
                }
                if (!session->live()) {
                    addProblem(VerifyCause::SessionDisconnected,
                               tr("The bridge logged in to prosody but was disconnected since. Check the bridge's "
                                  "network and that jitsi-videobridge2 is running, then verify again."),
                               sessionEvidence(*session));
                }
            } else {
                addProblem(VerifyCause::NoProsodySession,
                           tr("Prosody on the web host shows no login from this bridge (%1). Check that the web "
                              "host's firewall allows 5222/tcp from it and that the bridge points at the web host.")
                                   .arg(in.publicIp));
            }
        }

        // Condition 2: jicofo added this nickname and has not removed it since.
        const auto found = jicofo.byNickname.constFind(nicknames.at(i));
        if (found != jicofo.byNickname.cend()) {
            for (const auto &line : {found->brewery, found->added, found->removed}) {
                if (line)
                    verdict.evidence.append(quote(jicofoSource, *line));
            }
        }
        if (debugView) {
            const JicofoBridgeView *view = jicofoState.find(brewery, nicknames.at(i));
            QList<EvidenceLine> removedLines;
            if (found != jicofo.byNickname.cend() && found->removed && !found->live)
                removedLines.append(quote(jicofoSource, *found->removed));
            if (!view) {
                addProblem(VerifyCause::NotInJicofo,
                           tr("Jicofo's bridge view (127.0.0.1:8888/debug) does not list the bridge \"%1\". "
                              "Conferences will not use it until it joins the bridge room; see the bridge's own "
                              "problems above, or restart jitsi-videobridge2 on it.")
                                   .arg(nicknames.at(i)),
                           removedLines);
            } else {
                const QString state
                        = u"%1: operational=%2, healthy=%3, drain=%4, graceful-shutdown=%5, stress=%6"_s.arg(
                                view->jid, view->operational ? u"true"_s : u"false"_s,
                                !view->healthy   ? u"?"_s
                                : *view->healthy ? u"true"_s
                                                 : u"false"_s,
                                view->draining ? u"true"_s : u"false"_s,
                                view->gracefulShutdown ? u"true"_s : u"false"_s,
                                view->stress ? QString::number(*view->stress) : u"?"_s);
                verdict.evidence.append({debugSource, 0, state});
                if (!view->operational) {
                    addProblem(VerifyCause::NotOperationalInJicofo,
                               tr("Jicofo lists the bridge \"%1\" but not as operational, so it gives it no "
                                  "conferences. Restart jitsi-videobridge2 on it and check its connection to the "
                                  "web host.")
                                       .arg(nicknames.at(i)),
                               {verdict.evidence.constLast()});
                } else {
                    verdict.inJicofoView = true;
                    verdict.proofs.append(tr("in jicofo's bridge view"));
                }
            }
        } else if (found == jicofo.byNickname.cend() || !found->added) {
            addProblem(VerifyCause::NotInJicofo,
                       tr("Jicofo has not added the bridge \"%1\" (no \"Added new videobridge\" in jicofo.log). "
                          "Conferences will not use it until it joins the bridge room; see the bridge's own "
                          "problems above, or restart jitsi-videobridge2 on it.")
                               .arg(nicknames.at(i)));
        } else if (!found->live) {
            addProblem(VerifyCause::RemovedFromJicofo,
                       tr("Jicofo added the bridge \"%1\" but removed it since. Check that jitsi-videobridge2 is "
                          "still running on it and that its connection to the web host is stable.")
                               .arg(nicknames.at(i)),
                       {quote(jicofoSource, *found->removed)});
        }

        if (!debugView && found != jicofo.byNickname.cend() && found->added && found->live)
            verdict.proofs.append(tr("\"Added new videobridge\" in jicofo.log"));
        if (verdict.mucJoinedByMetrics)
            verdict.proofs.append(tr("joined the bridge room (its /metrics)"));

        // Condition 3: the bridge's own health check.
        if (in.health.status == 200) {
            verdict.evidence.append({healthSource, 0, u"HTTP 200"_s});
            verdict.proofs.append(tr("health check HTTP 200"));
        } else if (in.health.status > 0) {
            verdict.evidence.append({healthSource, 0, u"HTTP "_s + QString::number(in.health.status)});
            addProblem(VerifyCause::HealthFailed,
                       tr("The bridge reports itself unhealthy (HTTP %1 from its health check). Restart "
                          "jitsi-videobridge2 on it and check /var/log/jitsi/jvb.log.")
                               .arg(in.health.status),
                       {verdict.evidence.constLast()});
        } else {
            const EvidenceLine line{healthSource, 0, Redactor::instance().redact(in.health.error)};
            verdict.evidence.append(line);
            addProblem(VerifyCause::HealthUnreachable,
                       tr("The bridge's health check on 127.0.0.1:8080 did not answer. Check that "
                          "jitsi-videobridge2 is running on it (systemctl status jitsi-videobridge2)."),
                       {line});
        }
        report.bridges.append(verdict);
    }

    // Condition 1 as a count, and per bridge by elimination when prosody does not log addresses.
    if (prosody.empty && !input.prosodySessions) {
        report.problems.append(problem(VerifyCause::ProsodyLogEmpty,
                                       tr("The web host's /var/log/prosody/prosody.log is empty or was just "
                                          "rotated, so no bridge login can be confirmed. Verify again in a "
                                          "minute; if it stays empty, check that prosody is running.")));
    }
    QList<EvidenceLine> liveLines;
    QList<EvidenceLine> disconnectLines;
    for (const ProsodyLiveSession &session : std::as_const(liveJvb)) {
        if (const ProsodyLoginLine *login = loginLineOf(session.id))
            liveLines.append(quote(login->file, {login->line, login->text}));
        else
            liveLines.append({sessionsSource, 0, session.id + u' ' + session.jid + u" from "_s + session.ip});
    }
    for (const ProsodySession &session : prosody.jvbSessions) {
        if (input.prosodySessions)
            break; // the live sessions come from prosody itself
        if (session.live())
            liveLines.append(quote(prosodySource, *session.authenticated));
        else
            disconnectLines << quote(prosodySource, *session.authenticated)
                            << quote(prosodySource, *session.disconnected);
    }
    report.evidence.append(liveLines);
    if (report.liveSessions > bridgeCount) {
        report.problems.append(
                problem(VerifyCause::ExtraProsodySessions,
                        tr("Prosody has %1 live bridge logins but the deployment has %2 bridges: a bridge that is not "
                           "part of this deployment, or a leftover one, uses the jvb account. Remove it or change the "
                           "jvb secret.")
                                .arg(report.liveSessions)
                                .arg(bridgeCount),
                        liveLines));
    } else if ((!prosody.empty || input.prosodySessions) && report.liveSessions < bridgeCount) {
        const VerifyCause cause
                = disconnectLines.isEmpty() ? VerifyCause::NoProsodySession : VerifyCause::SessionDisconnected;
        // Bridges whose own log already says why they are not logged in (a refused password, a failed connect, a
        // certificate) account for missing sessions: advising the firewall for those would contradict them.
        qsizetype explained = 0;
        for (const JvbAnalysis &log : std::as_const(jvb))
            explained += log.state == JvbState::LoginFailed || log.state == JvbState::ConnectFailed
                                         || log.state == JvbState::CertificateFailed
                                 ? 1
                                 : 0;
        const QString message
                = report.liveSessions + explained >= bridgeCount
                          ? tr("Prosody has %1 live bridge logins for %2 bridges; the bridges that are not logged in "
                               "name their cause.")
                                    .arg(report.liveSessions)
                                    .arg(bridgeCount)
                          : tr("Prosody has %1 live bridge logins for %2 bridges. Check that the web host's "
                               "firewall allows 5222/tcp from every bridge, then verify again.")
                                    .arg(report.liveSessions)
                                    .arg(bridgeCount);
        report.problems.append(problem(cause, message, disconnectLines));
        // Without addresses, the bridges that claim to be joined share the sessions there are; if there are
        // fewer, no claimant can be confirmed.
        if (!attributable) {
            qsizetype claimants = 0;
            for (const JvbAnalysis &log : std::as_const(jvb))
                claimants += log.state == JvbState::Joined ? 1 : 0;
            if (report.liveSessions < claimants) {
                for (qsizetype i = 0; i < bridgeCount; ++i) {
                    if (jvb.at(i).state == JvbState::Joined)
                        report.bridges[i].problems.append(problem(cause, message, disconnectLines));
                }
            }
        }
    }

    if (!attributable) {
        for (qsizetype i = 0; i < bridgeCount; ++i) {
            BridgeVerdict &verdict = report.bridges[i];
            if (verdict.login == LoginEvidence::None && jvb.at(i).state == JvbState::Joined && verdict.ok()) {
                verdict.login = LoginEvidence::Counted;
                verdict.proofs.prepend(tr("counted among %n live prosody login(s)", nullptr, report.liveSessions));
            }
        }
    }

    // Condition 2 as a count: jicofo's own view.
    if (jicofo.empty && !debugView) {
        report.problems.append(problem(VerifyCause::JicofoLogEmpty,
                                       tr("The web host's /var/log/jitsi/jicofo.log is empty or was just rotated, "
                                          "so no bridge can be confirmed. Verify again in a minute; if it stays "
                                          "empty, check that jicofo is running.")));
    }
    const std::optional<int> operational = operationalBridgeCount(input.jicofoStats);
    if (!operational) {
        const QString what = input.jicofoStats.status > 0 ? u"HTTP "_s + QString::number(input.jicofoStats.status)
                                                          : Redactor::instance().redact(input.jicofoStats.error);
        report.problems.append(problem(VerifyCause::JicofoStatsUnavailable,
                                       tr("Jicofo's statistics on 127.0.0.1:8888/stats gave no bridge count. "
                                          "Check that jicofo is running on the web host (systemctl status "
                                          "jicofo), then verify again."),
                                       {{statsSource, 0, what}}));
    } else {
        report.operationalBridges = *operational;
        const EvidenceLine line{statsSource, 0, u"operational_bridge_count: "_s + QString::number(*operational)};
        report.evidence.append(line);
        if (*operational != bridgeCount) {
            const QString message = tr("Jicofo counts %1 working bridges, but the deployment has %2. "
                                       "See the bridges' problems; if none is named, restart jicofo on the web "
                                       "host and verify again.")
                                            .arg(*operational)
                                            .arg(bridgeCount);
            report.problems.append(problem(VerifyCause::JicofoCountMismatch, message, {line}));
            // If the failing bridges do not explain the shortfall, none of the others can be confirmed.
            const qsizetype passing = std::count_if(report.bridges.cbegin(), report.bridges.cend(),
                                                    [](const auto &b) { return b.ok(); });
            if (*operational < passing) {
                for (BridgeVerdict &bridge : report.bridges) {
                    if (bridge.ok())
                        bridge.problems.append(problem(VerifyCause::JicofoCountMismatch, message, {line}));
                }
            }
        }
    }
    return report;
}
