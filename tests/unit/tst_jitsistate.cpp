// The state readers (deploy/jitsistate.h) on fixtures shaped as the real daemons serve them
// (tests/fixtures/verify/README.md), and the Verifier deciding from that state after every log rotated away
// (issue 14): old bridges stay verified, each bridge says which prosody evidence it has, and state that says
// "not there" fails even when the log still looks good.
#include "../support/verifyfixtures.h"
#include "deploy/healthreader.h"
#include "deploy/jitsistate.h"
#include "deploy/verifier.h"

#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"meet.example.org"_s;
const QString brewery = u"jvbbrewery@internal.auth.meet.example.org"_s;

using VerifyFixtures::nickname;
const auto fixture = VerifyFixtures::read;

QByteArray debugWith(const QList<int> &operational, const QList<int> &notOperational = {})
{
    QStringList entries;
    for (int n : operational)
        entries.append(
                uR"("%1/%2":{"operational":true,"healthy":true,"drain":false,"graceful-shutdown":false,"stress":0.05,"version":"2.3.209"})"_s
                        .arg(brewery, nickname(n)));
    for (int n : notOperational)
        entries.append(
                uR"("%1/%2":{"operational":false,"healthy":false,"drain":false,"graceful-shutdown":false,"stress":0.0,"version":"2.3.209"})"_s
                        .arg(brewery, nickname(n)));
    return (uR"({"bridge_selector":{"strategy":"SingleBridgeSelectionStrategy","bridge":{)"_s + entries.join(u',')
            + u"}}}"_s)
            .toUtf8();
}

QByteArray metricsJoined(int joined)
{
    return "# TYPE jitsi_jvb_mucs_joined gauge\njitsi_jvb_mucs_joined " + QByteArray::number(joined)
           + "\njitsi_jvb_muc_clients_connected " + QByteArray::number(joined) + "\njitsi_jvb_conferences 0\n";
}

// Two bridges a day after deployment: jicofo.log, jvb.log and prosody.log all rotated (empty), the state intact.
VerifierInput rotatedTwoBridges()
{
    VerifierInput input;
    input.domain = domain;
    input.jicofoStats = HttpProbe::answered(
            200, R"({"bridge_selector":{"bridge_count":2,"operational_bridge_count":2,"in_shutdown_bridge_count":0}})");
    input.jicofoDebug = HttpProbe::answered(200, debugWith({1, 2}));
    input.prosodySessions
            = QList<ProsodyLiveSession>{{u"c2s55b1e7e0003"_s, u"jvb@auth.meet.example.org/aB3"_s, u"10.0.0.3"_s},
                                        {u"c2s55b1e7e0001"_s, u"focus@auth.meet.example.org/focus"_s, u"127.0.0.1"_s},
                                        {u"c2s55b1e7e0009"_s, u"jvb@auth.meet.example.org/Zx9"_s, u"203.0.113.12"_s}};
    // Only bridge 2's login is still in a (rotated, compressed) file.
    input.prosodyLogins = {{u"prosody.log.2.gz"_s, 812,
                            u"Dec 02 12:03:04 c2s55b1e7e0009\tinfo\tAuthenticated as jvb@auth.meet.example.org"_s}};
    for (int n : {1, 2}) {
        BridgeEvidenceInput in;
        in.serverName = nickname(n);
        in.publicIp = u"203.0.113."_s + QString::number(10 + n);
        in.privateIp = u"10.0.0."_s + QString::number(2 + n);
        in.health = HttpProbe::answered(200);
        in.metrics = HttpProbe::answered(200, metricsJoined(1));
        input.bridges.append(in);
    }
    return input;
}

QString describe(const VerificationReport &report)
{
    QStringList lines;
    for (const BridgeVerdict &b : report.bridges) {
        QStringList codes;
        for (const VerifyProblem &p : b.problems)
            codes.append(p.code());
        lines.append(b.serverName + u": "_s + (b.ok() ? u"ok"_s : codes.join(u',')));
    }
    for (const VerifyProblem &p : report.problems)
        lines.append(u"deployment: "_s + p.code());
    return lines.join(u"; "_s);
}

// build() only tells "an agent" from "none"; this one is never called.
class FakeAgent : public HostAgent
{
public:
    HostEndpoint endpoint() const override { return {}; }
    void connectToHost(int, Done<QString>) override { }
    void installHostKey(const HostKeyText &, Done<void>) override { }
    void uploadFiles(const QList<InstallFile> &, Done<void>) override { }
    void startTask(ProvisionTask, Done<qint64>) override { }
    void followLog(qint64, LogBytes, Done<void>) override { }
    void stopFollowingLog() override { }
    void readFile(const QString &, Done<QByteArray>) override { }
    void extractLog(const LogQuery &, Done<LogExcerpt>) override { }
    void probeHttp(quint16, const QString &, Done<HttpProbe>) override { }
    void queryState(const StateQuery &, Done<QStringList>) override { }
    void drainBridge(int, Done<int>) override { }
    // Not used by the health read; the engine tests cover them with the fake hosts.
    void scanHostKey(int, Done<QString>) override { }
    void undrainBridge(Done<void>) override { }
    void packageVersions(const QString &, Done<PackageVersions>) override { }
    void upgradePackages(Done<PackageVersions>) override { }
    void manageAccounts(const AccountRequest &, Done<AccountList>) override { }
    void disconnectFromHost() override { }
};

} // namespace

class TestJitsiState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jicofoDebugShape()
    {
        const auto view = JicofoState::parseDebug(fixture(u"jicofo-debug.json"_s));
        QVERIFY(view);
        QCOMPARE(view->size(), 2);
        JicofoState state;
        state.bridges = *view;
        const JicofoBridgeView *one = state.find(brewery, nickname(1));
        QVERIFY(one);
        QVERIFY(one->operational);
        QCOMPARE(one->healthy, true);
        QVERIFY(!one->draining);
        QCOMPARE(one->stress, 0.1);
        QCOMPARE(one->version, u"2.3.209-g9c8bc33f"_s);
        const JicofoBridgeView *two = state.find(brewery, nickname(2));
        QVERIFY(two && !two->operational && two->draining && two->healthy == false);
        QVERIFY(!state.find(brewery, nickname(3)));
        QVERIFY(state.readStats(fixture(u"jicofo-stats.json"_s)));
        QCOMPARE(state.bridgeCount, 2);
        QCOMPARE(state.operationalBridgeCount, 1);
        // Not a /debug document: unknown, not "no bridges".
        QVERIFY(!JicofoState::parseDebug("{\"bridge_selector\":{\"bridges\":{}}}"));
        QVERIFY(!JicofoState::parseDebug("not json"));
        QCOMPARE(JicofoState::parseDebug(R"({"bridge_selector":{"bridge":{}}})")->size(), 0);
    }

    void jvbMetricsShape()
    {
        const JvbMetrics m = JvbMetrics::parse(fixture(u"jvb-metrics.prom"_s));
        QCOMPARE(m.conferences, 2);
        QCOMPARE(m.endpoints, 7);
        QCOMPARE(m.stress, 0.1);
        QCOMPARE(m.drainMode, false);
        QCOMPARE(m.gracefulShutdown, false);
        QCOMPARE(m.mucClientsConnected, 1);
        QCOMPARE(m.mucsJoined, 1);
        // The test meeting's counters, by their exposed names (with _total; the _created sample is not the count).
        QCOMPARE(m.iceSucceeded, qint64(12));
        QCOMPARE(m.dataChannelMessagesReceived, qint64(4711));
        QCOMPARE(m.conferencesCreated, qint64(9));
        // A labelled sample is read by name; the counter's _total is not the current endpoint count.
        QCOMPARE(
                JvbMetrics::samples(fixture(u"jvb-metrics.prom"_s)).value(u"jitsi_jvb_ice_candidates_received_total"_s),
                4.0);
        const JvbMetrics empty = JvbMetrics::parse("<html>404</html>");
        QVERIFY(!empty.any());
        QVERIFY(!empty.mucsJoined);
        QVERIFY(!empty.iceSucceeded);
        // The counter's bare family name (no _total) is not what the bridge exposes: not read as the count.
        QVERIFY(!JvbMetrics::parse("jitsi_jvb_ice_succeeded 3\n").iceSucceeded);
    }

    void prosodySessionsFromRealShell()
    {
        const QStringList lines = QString::fromUtf8(fixture(u"prosody-c2s-show.txt"_s)).split(u'\n');
        const auto sessions = ProsodyState::parseSessions(lines);
        QVERIFY(sessions);
        QCOMPARE(sessions->size(), 3);
        int jvb = 0;
        for (const ProsodyLiveSession &s : *sessions) {
            QVERIFY(s.id.startsWith(u"c2s"_s));
            QCOMPARE(s.ip, u"127.0.0.1"_s);
            jvb += s.bareJid() == u"jvb@auth.meet.example.org"_s ? 1 : 0;
        }
        QCOMPARE(jvb, 2);
        // prosody down / admin shell off: unknown, not "no sessions".
        QVERIFY(!ProsodyState::parseSessions({u"Prosody is not running"_s}));
        QCOMPARE(ProsodyState::parseSessions({u"Session ID | JID | IP address"_s, u"OK: 0 c2s sessions shown"_s})
                         ->size(),
                 0);
    }

    void prosodyLoginsAndPackages()
    {
        const QList<ProsodyLoginLine> logins = ProsodyState::parseLogins(
                {u"@@file prosody.log"_s, u"@@file prosody.log.1"_s,
                 u"17:Dec 03 09:00:01 c2s55b1e7e0009\tinfo\tAuthenticated as jvb@auth.meet.example.org"_s,
                 u"18:Dec 03 09:00:01 c2s55b1e7e0009\tinfo\tClient connected"_s});
        QCOMPARE(logins.size(), 1);
        QCOMPARE(logins.at(0).file, u"prosody.log.1"_s);
        QCOMPARE(logins.at(0).line, 17);
        QCOMPARE(logins.at(0).sessionId(), u"c2s55b1e7e0009"_s);
        const auto versions = parsePackageVersions({u"jicofo\tii \t1.0-1141-1"_s, u"prosody\trc \t0.12.3-1"_s,
                                                    u"jitsi-videobridge2\tii \t2.3-209-g9c8bc33f-1"_s});
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.value(u"jicofo"_s), u"1.0-1141-1"_s);
        // The commands name what they read, and quote ids.
        const QString grep = StateQuery::prosodyLogins({u"c2s1"_s}).command(u"/r"_s);
        QVERIFY(grep.contains(u"'/r/var/log/prosody'"_s) && grep.contains(u"prosody.log.*.gz"_s));
        QVERIFY(StateQuery::prosodySessions().command({}).contains(u"prosodyctl shell"_s));
        QVERIFY(StateQuery::packageVersions(StateQuery::jitsiPackages())
                        .command({})
                        .contains(u"'jitsi-videobridge2'"_s));
    }

    void rotatedLogsStillVerifyFromState()
    {
        const VerifierInput input = rotatedTwoBridges();
        const VerificationReport report = Verifier::verify(input);
        QVERIFY2(report.ok(), qPrintable(describe(report)));
        QCOMPARE(report.liveSessions, 2);
        // Bridge 1 over the private network: a live session, its login line rotated away.
        QCOMPARE(report.bridges.at(0).login, LoginEvidence::LiveSession);
        QVERIFY(report.bridges.at(0).proofs.join(u'|').contains(u"login line rotated away"_s));
        // Bridge 2: its login line, found in the compressed file.
        QCOMPARE(report.bridges.at(1).login, LoginEvidence::LogLine);
        QVERIFY2(report.bridges.at(1).proofs.join(u'|').contains(
                         u"prosody login line at Dec 02 12:03:04 (prosody.log.2.gz)"_s),
                 qPrintable(report.bridges.at(1).proofs.join(u'|')));
        for (const BridgeVerdict &b : report.bridges) {
            QVERIFY(b.inJicofoView);
            QVERIFY(b.mucJoinedByMetrics);
            QVERIFY(b.proofs.contains(u"in jicofo's bridge view"_s));
        }
        // The same evidence without the state: the defect of issue 14 (healthy bridges failed).
        VerifierInput logsOnly = input;
        logsOnly.jicofoDebug = {};
        logsOnly.prosodySessions.reset();
        logsOnly.prosodyLogins.clear();
        for (BridgeEvidenceInput &b : logsOnly.bridges)
            b.metrics = {};
        QVERIFY(!Verifier::verify(logsOnly).ok());
    }

    void stateFailuresAreNamed()
    {
        // jicofo does not list bridge 2 / lists it as not operational.
        VerifierInput input = rotatedTwoBridges();
        input.jicofoDebug = HttpProbe::answered(200, debugWith({1}));
        VerificationReport report = Verifier::verify(input);
        QVERIFY(report.bridges.at(0).ok());
        QCOMPARE(report.bridges.at(1).problems.constFirst().code(), u"not-in-jicofo"_s);
        input.jicofoDebug = HttpProbe::answered(200, debugWith({1}, {2}));
        report = Verifier::verify(input);
        QCOMPARE(report.bridges.at(1).problems.constFirst().code(), u"not-operational-in-jicofo"_s);

        // No live session from bridge 1's addresses.
        input = rotatedTwoBridges();
        input.prosodySessions->removeFirst();
        report = Verifier::verify(input);
        QVERIFY2(!report.bridges.at(0).ok(), qPrintable(describe(report)));
        QCOMPARE(report.bridges.at(0).problems.constFirst().code(), u"no-prosody-session"_s);
        QVERIFY(report.bridges.at(1).ok());

        // Its /metrics say it has not joined: the log, still saying "wrong secret", explains why.
        input = rotatedTwoBridges();
        input.bridges[0].metrics = HttpProbe::answered(200, metricsJoined(0));
        report = Verifier::verify(input);
        QCOMPARE(report.bridges.at(0).problems.constFirst().code(), u"muc-not-joined"_s);
        input.bridges[0].jvbLog = QString::fromUtf8(fixture(u"jvb-wrong-secret.log"_s));
        report = Verifier::verify(input);
        QCOMPARE(report.bridges.at(0).problems.constFirst().code(), u"wrong-secret"_s);

        // A joined bridge whose log still holds an old failure is fine: state beats history.
        input = rotatedTwoBridges();
        input.bridges[1].jvbLog = QString::fromUtf8(fixture(u"jvb-wrong-secret.log"_s))
                                          .replace(u"mucNickname="_s + nickname(1), u"mucNickname="_s + nickname(2));
        report = Verifier::verify(input);
        QVERIFY2(report.ok(), qPrintable(describe(report)));
    }

    // DeploymentHealth from the probes' answers: per host, overall, the add-bridge hint and its thresholds.
    void healthFromState()
    {
        FakeAgent web;
        FakeAgent one;
        HealthReader::Raw raw;
        raw.domain = domain;
        raw.webName = u"meet-example-org-web"_s;
        raw.webAgent = &web;
        raw.debug = HttpProbe::answered(200, fixture(u"jicofo-debug.json"_s));
        raw.stats = HttpProbe::answered(200, fixture(u"jicofo-stats.json"_s));
        raw.webPackages = {u"jicofo\tii \t1.0-1141-1"_s, u"prosody\tii \t0.12.3-1+deb12u1"_s};
        raw.bridges.append(HealthReader::Raw::PerBridge{{&one, nickname(1), {}, {}},
                                                        HttpProbe::answered(200, fixture(u"jvb-metrics.prom"_s)),
                                                        HttpProbe::answered(200),
                                                        {u"jitsi-videobridge2\tii \t2.3-209-g9c8bc33f-1"_s}});
        raw.bridges.append(
                HealthReader::Raw::PerBridge{{nullptr, nickname(2), {}, u"connection refused"_s}, {}, {}, {}});
        const QDateTime at = QDateTime::fromString(u"2026-12-03T12:00:00Z"_s, Qt::ISODate);
        DeploymentHealth health = HealthReader::build(u"meet-example-org"_s, raw, at);
        QVERIFY(health.jicofoAnswered);
        QCOMPARE(health.jicofoBridgeCount, 2);
        QCOMPARE(health.jicofoOperationalBridges, 1);
        QCOMPARE(health.web.packageVersions.value(u"jicofo"_s), u"1.0-1141-1"_s);
        const BridgeHealth &b1 = health.bridges.at(0);
        QVERIFY(b1.host.reachable && b1.healthOk && b1.host.problem.isEmpty());
        QVERIFY(b1.inJicofo && b1.inJicofo->operational);
        QCOMPARE(b1.conferences, 2);
        QCOMPARE(b1.participants, 7);
        QCOMPARE(b1.stress, 0.1);
        QCOMPARE(b1.host.packageVersions.value(u"jitsi-videobridge2"_s), u"2.3-209-g9c8bc33f-1"_s);
        const BridgeHealth &b2 = health.bridges.at(1);
        QVERIFY(!b2.host.reachable);
        QCOMPARE(b2.host.problem, u"connection refused"_s);
        QVERIFY(!b2.participants); // not read: unknown, not 0
        QCOMPARE(health.overall(), DeploymentHealth::Overall::Degraded);
        QVERIFY(health.addBridgeHint().isEmpty());
        QCOMPARE(health.toJson().value(u"overall"_s).toString(), u"degraded"_s);

        // Both bridges reachable and operational, one a foreign bridge in jicofo's view.
        raw.bridges.removeLast();
        raw.debug = HttpProbe::answered(200, debugWith({1, 3}));
        health = HealthReader::build(u"meet-example-org"_s, raw, at);
        QCOMPARE(health.overall(), DeploymentHealth::Overall::Healthy);
        QCOMPARE(health.unknownBridges.size(), 1);
        QCOMPARE(health.unknownBridges.at(0).nickname, nickname(3));

        // Hot: stress at jicofo's stress-threshold (0.8) on every bridge, or 80 participants per bridge.
        health.bridges[0].stress = 0.85;
        QVERIFY(health.addBridgeHint().contains(u"0.85"_s));
        health.bridges[0].stress = 0.2;
        health.bridges[0].participants = 79;
        QVERIFY(health.addBridgeHint().isEmpty());
        health.bridges[0].participants = 80;
        QVERIFY(health.addBridgeHint().contains(u"80 participants"_s));

        // The web host unreachable: the whole deployment is.
        raw.webAgent = nullptr;
        QCOMPARE(HealthReader::build(u"meet-example-org"_s, raw, at).overall(), DeploymentHealth::Overall::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TestJitsiState)
#include "tst_jitsistate.moc"
