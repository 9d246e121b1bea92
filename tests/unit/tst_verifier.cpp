// The Verifier (DESIGN.md §5) on log fixtures shaped as prosody, jicofo and jvb write them
// (tests/fixtures/verify, reference/jitsi-packaging.md §4): it passes a working deployment of 1, 2 and 10
// bridges and fails, naming its own cause, for each way a bridge can be broken.
#include "common/redactor.h"
#include "deploy/verifier.h"

#include <QDir>
#include <QFile>
#include <QThread>
#include <QThreadPool>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"meet.example.org"_s;

QString fixture(const QString &name)
{
    QFile file(QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/fixtures/verify/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(file.readAll());
}

QString nickname(int n)
{
    return u"meet-example-org-jvb-"_s + QString::number(n);
}

// A jvb log fixture as bridge n writes it: the fixtures are bridge 1's, its nickname in the MucClient line.
QString jvbLog(const QString &name, int n)
{
    return fixture(name).replace(u"mucNickname="_s + nickname(1), u"mucNickname="_s + nickname(n));
}

// jicofo's /stats body (reference §4), other sections left out.
HttpProbe stats(int operational, int total = -1)
{
    const QString body
            = uR"({"bridge_selector":{"bridge_count":%1,"operational_bridge_count":%2,)"
              uR"("in_shutdown_bridge_count":0,"lost_bridges":0,"bridge_version_count":1},"conferences":0})"_s
                      .arg(total < 0 ? operational : total)
                      .arg(operational);
    return HttpProbe::answered(200, body.toUtf8());
}

BridgeEvidenceInput bridge(int n, const QString &jvbFixture = u"jvb-ok.log"_s)
{
    BridgeEvidenceInput in;
    in.serverName = nickname(n);
    in.publicIp = u"203.0.113."_s + QString::number(10 + n);
    in.privateIp = u"10.0.0."_s + QString::number(2 + n);
    in.jvbLog = jvbLog(jvbFixture, n);
    in.health = HttpProbe::answered(200);
    return in;
}

// A working deployment of two bridges; each test breaks one thing.
VerifierInput twoBridges()
{
    VerifierInput input;
    input.domain = domain;
    input.prosodyLog = fixture(u"prosody-2.log"_s);
    input.jicofoLog = fixture(u"jicofo-2.log"_s);
    input.jicofoStats = stats(2);
    input.bridges = {bridge(1), bridge(2)};
    return input;
}

QStringList codes(const QList<VerifyProblem> &problems)
{
    QStringList result;
    for (const VerifyProblem &p : problems)
        result.append(p.code());
    return result;
}

QString describe(const VerificationReport &report)
{
    QStringList lines;
    for (const BridgeVerdict &b : report.bridges)
        lines.append(b.serverName + u": "_s + (b.ok() ? u"ok"_s : codes(b.problems).join(u',')));
    lines.append(u"deployment: "_s + codes(report.problems).join(u','));
    return lines.join(u"; "_s);
}

// Everything a report says, for comparing two reports whole.
QStringList fingerprint(const VerificationReport &report)
{
    QStringList out;
    auto add = [&out](const QString &prefix, const QList<EvidenceLine> &evidence) {
        for (const EvidenceLine &line : evidence)
            out.append(prefix + line.toString());
    };
    auto addProblems = [&](const QString &prefix, const QList<VerifyProblem> &problems) {
        for (const VerifyProblem &problem : problems) {
            out.append(prefix + problem.code() + u' ' + problem.message);
            add(prefix + u"  "_s, problem.evidence);
        }
    };
    for (const BridgeVerdict &b : report.bridges) {
        out.append(b.serverName + u" as "_s + b.nickname);
        addProblems(b.serverName + u": "_s, b.problems);
        add(b.serverName + u" evidence: "_s, b.evidence);
    }
    addProblems(u"deployment: "_s, report.problems);
    add(u"deployment evidence: "_s, report.evidence);
    out.append(u"live %1, operational %2"_s.arg(report.liveSessions).arg(report.operationalBridges));
    return out;
}

// A whole log back as the bytes of its file.
QByteArray fileBytes(const LogExcerpt &whole)
{
    QStringList lines;
    for (const LogExcerpt::Line &line : whole.lines)
        lines.append(line.text);
    return lines.join(u'\n').toUtf8();
}

// The input as the engine gets it from hosts: each log cut down to what the Verifier's queries select.
VerifierInput excerpted(VerifierInput input)
{
    input.prosodyLog = Verifier::prosodyQuery().extract(fileBytes(input.prosodyLog));
    input.jicofoLog = Verifier::jicofoQuery().extract(fileBytes(input.jicofoLog));
    for (BridgeEvidenceInput &bridge : input.bridges)
        bridge.jvbLog = Verifier::jvbQuery().extract(fileBytes(bridge.jvbLog));
    return input;
}

bool quotes(const QList<EvidenceLine> &evidence, const QString &source, const QString &text)
{
    return std::any_of(evidence.cbegin(), evidence.cend(),
                       [&](const EvidenceLine &e) { return e.source == source && e.text.contains(text); });
}

// 1-based number of the last line of a fixture containing text, found independently of the Verifier.
int lastLineWith(const QString &content, const QString &text)
{
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        if (lines.at(i).contains(text))
            return int(i + 1);
    }
    return -1;
}

} // namespace

class tst_Verifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Redactor::instance().clear(); }

    void happyPath_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("prosody");
        QTest::addColumn<QString>("jicofo");
        // prosody-1 is prosody 13 (role suffix); the 2-bridge logs hold an earlier run that must not count.
        QTest::newRow("1 bridge") << 1 << u"prosody-1.log"_s << u"jicofo-1.log"_s;
        QTest::newRow("2 bridges") << 2 << u"prosody-2.log"_s << u"jicofo-2.log"_s;
        QTest::newRow("10 bridges") << 10 << u"prosody-10.log"_s << u"jicofo-10.log"_s;
    }
    void happyPath()
    {
        QFETCH(int, count);
        QFETCH(QString, prosody);
        QFETCH(QString, jicofo);
        VerifierInput input;
        input.domain = domain;
        input.prosodyLog = fixture(prosody);
        input.jicofoLog = fixture(jicofo);
        input.jicofoStats = stats(count);
        for (int n = 1; n <= count; ++n)
            input.bridges.append(bridge(n));

        const VerificationReport report = Verifier::verify(input);
        QVERIFY2(report.ok(), qPrintable(describe(report)));
        QCOMPARE(report.bridges.size(), count);
        QCOMPARE(report.liveSessions, count);
        QCOMPARE(report.operationalBridges, count);
        QVERIFY(report.toError().code.isEmpty());
        for (int n = 1; n <= count; ++n) {
            const BridgeVerdict &verdict = report.bridges.at(n - 1);
            QCOMPARE(verdict.serverName, nickname(n));
            QCOMPARE(verdict.nickname, nickname(n));
            QVERIFY(quotes(verdict.evidence, u"jvb.log"_s, u"Joined MUC: jvbbrewery@internal.auth.meet.example.org"_s));
            QVERIFY(quotes(verdict.evidence, u"jicofo.log"_s,
                           u"Added new videobridge: Bridge[jid=jvbbrewery@internal.auth.meet.example.org/"_s
                                   + nickname(n) + u','));
            QVERIFY(quotes(verdict.evidence, u"/about/health"_s, u"HTTP 200"_s));
        }
        QCOMPARE(std::count_if(report.evidence.cbegin(), report.evidence.cend(),
                               [](const EvidenceLine &e) {
                                   return e.source == u"prosody.log"_s
                                          && e.text.contains(u"Authenticated as jvb@auth.meet.example.org"_s);
                               }),
                 count);
        QVERIFY(quotes(report.evidence, u"/stats"_s, u"operational_bridge_count: "_s + QString::number(count)));
    }

    // Quoted evidence is the real line: right number, trimmed, the latest run's.
    void evidenceLinesAreQuoted()
    {
        const VerificationReport report = Verifier::verify(twoBridges());
        QVERIFY(report.ok());
        const QString jvb = jvbLog(u"jvb-ok.log"_s, 1);
        const auto &evidence = report.bridges.at(0).evidence;
        const auto joined = std::find_if(evidence.cbegin(), evidence.cend(),
                                         [](const EvidenceLine &e) { return e.text.contains(u"Joined MUC"_s); });
        QVERIFY(joined != evidence.cend());
        QCOMPARE(joined->line, lastLineWith(jvb, u"Joined MUC"_s));
        QCOMPARE(joined->text, jvb.split(u'\n').at(joined->line - 1).trimmed());
        QVERIFY(joined->toString().startsWith(u"jvb.log:"_s + QString::number(joined->line)
                                              + u": JVB 2026-06-01 12:04"_s));
        // The earlier run's lines are history, not evidence.
        QVERIFY(!quotes(evidence, u"jvb.log"_s, u"Failed to login"_s));
        const int latestStart = lastLineWith(jvb, u"Initializing a new MucClient"_s);
        for (const EvidenceLine &e : evidence) {
            if (e.source == u"jvb.log"_s)
                QVERIFY2(e.line >= latestStart, qPrintable(e.toString()));
        }
        // Bridge 2's jicofo line is the one after jicofo's restart, not the earlier run's.
        const QString jicofo = fixture(u"jicofo-2.log"_s);
        const auto &second = report.bridges.at(1).evidence;
        const auto added = std::find_if(second.cbegin(), second.cend(), [](const EvidenceLine &e) {
            return e.text.contains(u"Added new videobridge"_s);
        });
        QVERIFY(added != second.cend());
        QCOMPARE(
                added->line,
                lastLineWith(
                        jicofo,
                        u"Added new videobridge: Bridge[jid=jvbbrewery@internal.auth.meet.example.org/meet-example-org-jvb-2"_s));
    }

    void wrongSecret()
    {
        VerifierInput input = twoBridges();
        input.bridges[1] = bridge(2, u"jvb-wrong-secret.log"_s);
        input.prosodyLog = fixture(u"prosody-2-one-session.log"_s);
        input.jicofoLog = fixture(u"jicofo-2-only-1.log"_s);
        input.jicofoStats = stats(1);

        const VerificationReport report = Verifier::verify(input);
        QVERIFY(!report.ok());
        QVERIFY2(report.bridges.at(0).ok(), qPrintable(describe(report)));
        const BridgeVerdict &broken = report.bridges.at(1);
        QCOMPARE(broken.problems.constFirst().code(), u"wrong-secret"_s);
        QVERIFY(quotes(broken.problems.constFirst().evidence, u"jvb.log"_s, u"Failed to login."_s));
        QVERIFY(quotes(broken.problems.constFirst().evidence, u"jvb.log"_s, u"not-authorized"_s));
        QVERIFY(codes(broken.problems).contains(u"not-in-jicofo"_s));
        QVERIFY(codes(report.problems).contains(u"no-prosody-session"_s));
        QVERIFY(codes(report.problems).contains(u"jicofo-count-mismatch"_s));
        // The missing login is the refused password's: no advice to check the firewall beside it.
        for (const VerifyProblem &problem : report.problems)
            QVERIFY2(!problem.message.contains(u"5222"_s), qPrintable(problem.message));
        const Error error = report.toError();
        QCOMPARE(error.domain, u"verify"_s);
        QCOMPARE(error.code, u"wrong-secret"_s);
        QVERIFY(error.message.startsWith(nickname(2)));
        QVERIFY(error.detail.contains(u"Failed to login."_s));
    }

    void unreachable5222()
    {
        VerifierInput input = twoBridges();
        input.bridges[1] = bridge(2, u"jvb-unreachable.log"_s);
        input.prosodyLog = fixture(u"prosody-2-one-session.log"_s);
        input.jicofoLog = fixture(u"jicofo-2-only-1.log"_s);
        input.jicofoStats = stats(1);

        const VerificationReport report = Verifier::verify(input);
        QVERIFY(report.bridges.at(0).ok());
        const VerifyProblem &cause = report.bridges.at(1).problems.constFirst();
        QCOMPARE(cause.code(), u"xmpp-unreachable"_s);
        QVERIFY(cause.message.contains(u"5222"_s));
        QVERIFY(quotes(cause.evidence, u"jvb.log"_s, u"Error connecting:"_s));
        QVERIFY(quotes(cause.evidence, u"jvb.log"_s, u"Connect timed out"_s));
    }

    void certificateRejected()
    {
        VerifierInput input = twoBridges();
        input.bridges[0] = bridge(1, u"jvb-certificate.log"_s);
        const VerificationReport report = Verifier::verify(input);
        QCOMPARE(report.bridges.at(0).problems.constFirst().code(), u"certificate-rejected"_s);
        QVERIFY(quotes(report.bridges.at(0).problems.constFirst().evidence, u"jvb.log"_s,
                       u"PKIX path building failed"_s));
    }

    // Two bridges with one MUC_NICKNAME: both log in, jicofo sees one bridge.
    void duplicateNickname_data()
    {
        QTest::addColumn<bool>("fromLog");
        QTest::newRow("nickname logged by jvb") << true;
        QTest::newRow("nickname read from jvb.conf") << false;
    }
    void duplicateNickname()
    {
        QFETCH(bool, fromLog);
        VerifierInput input = twoBridges();
        input.jicofoLog = fixture(u"jicofo-2-only-1.log"_s);
        input.jicofoStats = stats(1);
        if (fromLog) {
            input.bridges[1].jvbLog = fixture(u"jvb-duplicate.log"_s);
        } else {
            for (int n = 1; n <= 2; ++n) {
                BridgeEvidenceInput &b = input.bridges[n - 1];
                b.jvbLog = jvbLog(u"jvb-ok.log"_s, n).remove(QRegularExpression(uR"( mucNickname=\S+)"_s));
                b.nickname = nickname(1);
            }
        }
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(!report.ok());
        for (const BridgeVerdict &b : report.bridges) {
            QVERIFY2(!b.ok(), qPrintable(describe(report)));
            QCOMPARE(b.problems.constFirst().code(), u"duplicate-nickname"_s);
            QVERIFY(b.problems.constFirst().message.contains(nickname(1)));
        }
        QVERIFY(codes(report.problems).contains(u"jicofo-count-mismatch"_s));
    }

    void nicknameConflictLoggedByJvb()
    {
        VerifierInput input = twoBridges();
        input.bridges[1].jvbLog = fixture(u"jvb-conflict.log"_s);
        input.jicofoLog = fixture(u"jicofo-2-only-1.log"_s);
        input.jicofoStats = stats(1);
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(report.bridges.at(0).ok());
        const VerifyProblem &cause = report.bridges.at(1).problems.constFirst();
        QCOMPARE(cause.code(), u"duplicate-nickname"_s);
        QVERIFY(quotes(cause.evidence, u"jvb.log"_s, u"conflict"_s));
    }

    // Without addresses in prosody.log the disconnect cannot be pinned on one bridge: none is confirmed.
    void disconnectedAfterAuthenticating()
    {
        VerifierInput input = twoBridges();
        input.prosodyLog = fixture(u"prosody-2-disconnected.log"_s);
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(!report.ok());
        QCOMPARE(report.liveSessions, 1);
        QCOMPARE(codes(report.problems), QStringList{u"session-disconnected"_s});
        QVERIFY(quotes(report.problems.constFirst().evidence, u"prosody.log"_s,
                       u"Client disconnected: connection closed"_s));
        for (const BridgeVerdict &b : report.bridges)
            QCOMPARE(b.problems.constFirst().code(), u"session-disconnected"_s);

        // When the bridge's own log shows the drop, that bridge is named and the other is not suspected.
        input.bridges[1].jvbLog = jvbLog(u"jvb-dropped.log"_s, 2);
        const VerificationReport named = Verifier::verify(input);
        QVERIFY2(named.bridges.at(0).ok(), qPrintable(describe(named)));
        QCOMPARE(named.bridges.at(1).problems.constFirst().code(), u"xmpp-unreachable"_s);
    }

    // With prosody at debug level, sessions carry the peer address and belong to bridges.
    void sessionsAttributedByAddress()
    {
        VerifierInput input = twoBridges();
        input.prosodyLog = fixture(u"prosody-2-debug.log"_s);
        const VerificationReport report = Verifier::verify(input);
        QVERIFY2(report.bridges.at(0).ok(), qPrintable(describe(report))); // matched by its private address
        QVERIFY(quotes(report.bridges.at(0).evidence, u"prosody.log"_s, u"(10.0.0.3, 40101"_s));
        const VerifyProblem &cause = report.bridges.at(1).problems.constFirst();
        QCOMPARE(cause.code(), u"session-disconnected"_s);
        QVERIFY(quotes(cause.evidence, u"prosody.log"_s, u"(203.0.113.12,"_s));
        QVERIFY(quotes(cause.evidence, u"prosody.log"_s, u"Client disconnected"_s));

        // It reconnected: its latest session is the one that counts.
        VerifierInput reconnected = input;
        reconnected.prosodyLog
                = QString(fixture(u"prosody-2-debug.log"_s)
                          + u"Jun 01 12:08:10 server_epoll\tdebug\tNew connection FD 24 (203.0.113.12, 40177, "
                            u"10.0.0.2, 5222) on server FD 11 (*, 5222)\n"
                            u"Jun 01 12:08:10 c2s55b1e7e2f0a0\tinfo\tClient connected\n"
                            u"Jun 01 12:08:11 c2s55b1e7e2f0a0\tinfo\tAuthenticated as jvb@auth.meet.example.org\n"_s);
        QVERIFY2(Verifier::verify(reconnected).bridges.at(1).ok(), qPrintable(describe(Verifier::verify(reconnected))));

        // A bridge with no session from its addresses is named.
        input.bridges[0].privateIp = u"10.0.0.44"_s;
        const VerificationReport missing = Verifier::verify(input);
        QCOMPARE(missing.bridges.at(0).problems.constFirst().code(), u"no-prosody-session"_s);
    }

    void extraSessions()
    {
        VerifierInput input = twoBridges();
        input.prosodyLog = fixture(u"prosody-2-extra.log"_s);
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(!report.ok());
        QCOMPARE(report.liveSessions, 3);
        QCOMPARE(codes(report.problems), QStringList{u"extra-prosody-sessions"_s});
    }

    void removedFromJicofo()
    {
        VerifierInput input = twoBridges();
        input.jicofoLog = fixture(u"jicofo-2-removed.log"_s);
        input.jicofoStats = stats(1, 1);
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(report.bridges.at(0).ok());
        const VerifyProblem &cause = report.bridges.at(1).problems.constFirst();
        QCOMPARE(cause.code(), u"removed-from-jicofo"_s);
        QVERIFY(quotes(
                cause.evidence, u"jicofo.log"_s,
                u"Removed brewery instance: jvbbrewery@internal.auth.meet.example.org/meet-example-org-jvb-2"_s));
    }

    // Every log agrees, only jicofo's count does not: nothing can be confirmed.
    void statsCountMismatch()
    {
        VerifierInput input = twoBridges();
        input.jicofoStats = stats(1, 2);
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(!report.ok());
        QCOMPARE(report.operationalBridges, 1);
        QCOMPARE(codes(report.problems), QStringList{u"jicofo-count-mismatch"_s});
        for (const BridgeVerdict &b : report.bridges) {
            QCOMPARE(b.problems.constFirst().code(), u"jicofo-count-mismatch"_s);
            QVERIFY(quotes(b.problems.constFirst().evidence, u"/stats"_s, u"operational_bridge_count: 1"_s));
        }
    }

    void statsUnavailable_data()
    {
        QTest::addColumn<HttpProbe>("probe");
        QTest::newRow("connection refused") << HttpProbe::failed(u"connection refused"_s);
        QTest::newRow("404") << HttpProbe::answered(404);
        QTest::newRow("not json") << HttpProbe::answered(200, "<html>");
        QTest::newRow("no count") << HttpProbe::answered(200, R"({"bridge_selector":{}})");
    }
    void statsUnavailable()
    {
        QFETCH(HttpProbe, probe);
        VerifierInput input = twoBridges();
        input.jicofoStats = probe;
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(!report.ok());
        QCOMPARE(report.operationalBridges, -1);
        QCOMPARE(codes(report.problems), QStringList{u"jicofo-stats-unavailable"_s});
    }

    void health_data()
    {
        QTest::addColumn<HttpProbe>("probe");
        QTest::addColumn<QString>("code");
        QTest::newRow("500") << HttpProbe::answered(500) << u"health-failed"_s;
        QTest::newRow("503") << HttpProbe::answered(503) << u"health-failed"_s;
        QTest::newRow("unreachable") << HttpProbe::failed(u"curl: (7) Failed to connect to 127.0.0.1 port 8080"_s)
                                     << u"health-unreachable"_s;
    }
    void health()
    {
        QFETCH(HttpProbe, probe);
        QFETCH(QString, code);
        VerifierInput input = twoBridges();
        input.bridges[1].health = probe;
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(report.bridges.at(0).ok());
        QCOMPARE(codes(report.bridges.at(1).problems), QStringList{code});
        QVERIFY(!report.bridges.at(1).problems.constFirst().evidence.isEmpty());
        QCOMPARE(report.toError().code, code);
    }

    void mucNotJoined()
    {
        VerifierInput input = twoBridges();
        input.bridges[1].jvbLog = jvbLog(u"jvb-connecting.log"_s, 2);
        const VerificationReport report = Verifier::verify(input);
        QCOMPARE(report.bridges.at(1).problems.constFirst().code(), u"muc-not-joined"_s);
    }

    // Only the latest run counts: a bridge that worked this morning and fails now is failed.
    void earlierRunDoesNotCount()
    {
        VerifierInput input = twoBridges();
        input.bridges[1].jvbLog = jvbLog(u"jvb-restarted-failing.log"_s, 2);
        const VerificationReport report = Verifier::verify(input);
        QCOMPARE(report.bridges.at(1).problems.constFirst().code(), u"xmpp-unreachable"_s);
        QVERIFY(!quotes(report.bridges.at(1).evidence, u"jvb.log"_s, u"Joined MUC"_s));

        // Bridges jicofo knew before its restart must be added again.
        VerifierInput jicofoRestarted = twoBridges();
        jicofoRestarted.jicofoLog = fixture(u"jicofo-2-restarted.log"_s);
        jicofoRestarted.jicofoStats = stats(1);
        const VerificationReport forgotten = Verifier::verify(jicofoRestarted);
        QVERIFY(forgotten.bridges.at(0).ok());
        QCOMPARE(forgotten.bridges.at(1).problems.constFirst().code(), u"not-in-jicofo"_s);

        // Sessions from before prosody's restart are gone with the old process.
        VerifierInput restarted = twoBridges();
        restarted.prosodyLog = fixture(u"prosody-restarted.log"_s);
        const VerificationReport gone = Verifier::verify(restarted);
        QCOMPARE(gone.liveSessions, 0);
        QCOMPARE(codes(gone.problems), QStringList{u"no-prosody-session"_s});
        for (const BridgeVerdict &b : gone.bridges)
            QCOMPARE(b.problems.constFirst().code(), u"no-prosody-session"_s);
    }

    void emptyOrRotatedLogs()
    {
        VerifierInput input = twoBridges();
        input.bridges[0].jvbLog = u"\n"_s;
        VerificationReport report = Verifier::verify(input);
        QCOMPARE(report.bridges.at(0).problems.constFirst().code(), u"jvb-log-empty"_s);
        QVERIFY(report.bridges.at(1).ok());

        input = twoBridges();
        input.prosodyLog = {};
        report = Verifier::verify(input);
        QVERIFY(!report.ok());
        QCOMPARE(codes(report.problems), QStringList{u"prosody-log-empty"_s});

        input = twoBridges();
        input.jicofoLog = {};
        report = Verifier::verify(input);
        QVERIFY(codes(report.problems).contains(u"jicofo-log-empty"_s));
        for (const BridgeVerdict &b : report.bridges)
            QCOMPARE(b.problems.constFirst().code(), u"not-in-jicofo"_s);
    }

    // Another deployment's domain in the logs is not evidence for this one.
    void otherDomainIsNotEvidence()
    {
        VerifierInput input = twoBridges();
        input.domain = u"meet.example.net"_s;
        const VerificationReport report = Verifier::verify(input);
        QCOMPARE(report.liveSessions, 0);
        for (const BridgeVerdict &b : report.bridges)
            QVERIFY(!b.ok());
    }

    // Messages never carry a secret; a secret a host echoes into its log is blanked in the quotes.
    void noSecretAnywhere()
    {
        const QString secret = u"Zq8xW3vN5tR7yU1pL4kJ6hG9fD2sA0mB"_s;
        Redactor::instance().addSecret(secret);
        QList<VerifierInput> inputs;
        VerifierInput input = twoBridges();
        input.bridges[1].jvbLog = jvbLog(u"jvb-wrong-secret.log"_s, 2)
                                          .replace(u"not-authorized"_s, u"not-authorized password="_s + secret);
        input.prosodyLog
                = QString(fixture(u"prosody-2.log"_s)
                          + u"Jun 01 12:09:00 c2s55b1e7e1f9a0\tinfo\tAuthenticated as jvb@auth.meet.example.org "_s
                          + secret + u'\n');
        inputs << input;
        input.bridges[1].health = HttpProbe::failed(u"token "_s + secret);
        input.jicofoStats = HttpProbe::failed(secret);
        inputs << input;

        int quoted = 0;
        for (const VerifierInput &in : std::as_const(inputs)) {
            const VerificationReport report = Verifier::verify(in);
            QStringList texts;
            auto collect = [&](const QList<VerifyProblem> &problems, const QList<EvidenceLine> &evidence) {
                for (const VerifyProblem &p : problems) {
                    texts << p.message;
                    for (const EvidenceLine &e : p.evidence)
                        texts << e.toString();
                }
                for (const EvidenceLine &e : evidence)
                    texts << e.toString();
            };
            for (const BridgeVerdict &b : report.bridges)
                collect(b.problems, b.evidence);
            collect(report.problems, report.evidence);
            const Error error = report.toError();
            texts << error.message << error.detail << error.toString();
            for (const QString &text : std::as_const(texts)) {
                QVERIFY2(!text.contains(secret), qPrintable(text));
                quoted += text.contains(Redactor::placeholder()) ? 1 : 0;
            }
        }
        QVERIFY(quoted > 0); // the secret was in quoted lines, and blanked there
    }

    // The engine judges excerpts (only the lines the queries select, picked on the host), never whole logs: on
    // every fixture, in every role, the verdict, its messages and its quoted evidence (with line numbers) are
    // those of the whole log. A needle missing from a query fails here.
    void excerptsJudgeAsTheWholeLog()
    {
        const QDir fixtures(QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/fixtures/verify"));
        QList<VerifierInput> inputs;
        for (const QString &name : fixtures.entryList({u"prosody-*.log"_s})) {
            VerifierInput input = twoBridges();
            input.prosodyLog = fixture(name);
            inputs << input;
        }
        for (const QString &name : fixtures.entryList({u"jicofo-*.log"_s})) {
            VerifierInput input = twoBridges();
            input.jicofoLog = fixture(name);
            inputs << input;
        }
        for (const QString &name : fixtures.entryList({u"jvb-*.log"_s})) {
            VerifierInput input = twoBridges();
            input.bridges[1].jvbLog = jvbLog(name, 2);
            inputs << input;
            // Unrelated lines between all others: the excerpt skips them, line numbers and verdict stay.
            input.bridges[1].jvbLog = jvbLog(name, 2).replace(
                    u"\n"_s,
                    u"\nJVB 2026-06-01 12:00:00.000 INFO: [12] HealthChecker.run#1: Performed a successful health check\n"_s);
            inputs << input;
        }
        VerifierInput ten;
        ten.domain = domain;
        ten.prosodyLog = fixture(u"prosody-10.log"_s);
        ten.jicofoLog = fixture(u"jicofo-10.log"_s);
        ten.jicofoStats = stats(10);
        for (int n = 1; n <= 10; ++n)
            ten.bridges.append(bridge(n));
        inputs << ten;
        int failing = 0;
        for (const VerifierInput &input : std::as_const(inputs)) {
            const VerificationReport whole = Verifier::verify(input);
            failing += whole.ok() ? 0 : 1;
            QCOMPARE(fingerprint(Verifier::verify(excerpted(input))), fingerprint(whole));
        }
        QVERIFY(failing > inputs.size() / 2); // the failures are compared too, not only the good case
    }

    // The engine judges on a pool thread: the report comes back on the caller's thread, the same as verify()'s,
    // and never to a caller that is gone.
    void verifiesInBackground()
    {
        const VerifierInput input = twoBridges();
        QObject context;
        std::optional<VerificationReport> report;
        QThread *deliveredOn = nullptr;
        Verifier::verifyInBackground(input, &context, [&](const VerificationReport &r) {
            report = r;
            deliveredOn = QThread::currentThread();
        });
        QTRY_VERIFY(report.has_value());
        QCOMPARE(deliveredOn, QThread::currentThread());
        QCOMPARE(fingerprint(*report), fingerprint(Verifier::verify(input)));

        bool delivered = false;
        {
            QObject gone;
            Verifier::verifyInBackground(input, &gone, [&](const VerificationReport &) { delivered = true; });
        }
        QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
        QTest::qWait(50);
        QVERIFY(!delivered);
    }

    void causeCodesAreDistinct()
    {
        QSet<QString> seen;
        for (int c = int(VerifyCause::WrongSecret); c <= int(VerifyCause::JicofoLogEmpty); ++c) {
            const QString code = Verifier::causeCode(VerifyCause(c));
            QVERIFY(!code.isEmpty() && code != u"unknown"_s);
            QVERIFY2(!seen.contains(code), qPrintable(code));
            seen.insert(code);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Verifier)
#include "tst_verifier.moc"
