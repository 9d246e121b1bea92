// The Verified page's controller without widgets: fed with VerificationReports built here, and with the reports of
// real engine runs against hcloud-sim and fake hosts (all bridges working; one bridge with a wrong secret).
#include "deploysandbox.h"
#include "ui/verifiedcontroller.h"
#include "ui/wizardstate.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString jvb1 = u"meet-example-org-jvb-1"_s;
const QString jvb2 = u"meet-example-org-jvb-2"_s;

EngineOutcome outcome()
{
    EngineOutcome o;
    o.slug = u"meet-example-org"_s;
    o.domain = u"meet.example.org"_s;
    o.meetingUrl = u"https://meet.example.org/"_s;
    o.bridges = {jvb1, jvb2};
    return o;
}

// One bridge working, one refused for a wrong secret, in the shapes the Verifier reports them (prosody without peer
// addresses: its logins are counted, not attributed).
VerificationReport mixedReport()
{
    VerificationReport report;
    BridgeVerdict good;
    good.serverName = good.nickname = jvb1;
    good.evidence = {{u"jvb.log"_s, 3,
                      u"JVB 2026-06-01 12:00:31.000 INFO: [37] MucClient$MucWrapper.join#751: Joined MUC: "
                      "jvbbrewery@internal.auth.meet.example.org"_s},
                     {u"jicofo.log"_s, 7,
                      u"Jicofo 2026-06-01 12:00:33.000 INFO: [41] BridgeSelector.addJvbAddress#98: Added new "
                      "videobridge: Bridge[jid=jvbbrewery@internal.auth.meet.example.org/meet-example-org-jvb-1]"_s},
                     {u"/about/health"_s, 0, u"HTTP 200"_s}};
    BridgeVerdict bad;
    bad.serverName = bad.nickname = jvb2;
    const EvidenceLine refused{u"jvb.log"_s, 4,
                               u"JVB 2026-06-01 12:00:35.000 WARNING: [37] MucClient$2.connected#360: Failed to login: "
                               "SASLError using SCRAM-SHA-1: not-authorized"_s};
    bad.evidence = {refused, {u"/about/health"_s, 0, u"HTTP 200"_s}};
    bad.problems = {{VerifyCause::WrongSecret,
                     u"The bridge reached the web host but its login as jvb was refused."_s,
                     {refused}},
                    {VerifyCause::NotInJicofo, u"Jicofo has not added the bridge."_s, {}}};
    report.bridges = {good, bad};
    report.evidence = {
            {u"prosody.log"_s, 12, u"Jun 01 12:00:30 c2s55d0a1b2\tinfo\tAuthenticated as jvb@auth.meet.example.org"_s},
            {u"/stats"_s, 0, u"operational_bridge_count: 1"_s}};
    report.liveSessions = 1;
    report.operationalBridges = 1;
    report.problems = {{VerifyCause::NoProsodySession, u"Prosody has 1 live bridge logins for 2 bridges."_s, {}}};
    return report;
}
} // namespace

class TestVerifiedController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsCarryTheEvidence()
    {
        WizardState state;
        VerifiedController controller(&state);
        controller.show(mixedReport(), outcome());
        const VerifiedPageView &view = controller.view();
        QVERIFY(view.hasReport);
        QVERIFY(!view.ok);
        QCOMPARE(view.bridges.size(), 2);
        QVERIFY2(view.summary.contains(jvb2) && !view.summary.contains(jvb1), qPrintable(view.summary));

        const VerifiedPageView::Bridge &good = view.bridges.at(0);
        QVERIFY(good.ok);
        QVERIFY(good.prosody.ok);
        QVERIFY2(good.prosody.headline.contains(u"jvb@auth.meet.example.org"_s), qPrintable(good.prosody.headline));
        QVERIFY(good.jicofo.ok);
        QCOMPARE(good.jicofo.time, u"2026-06-01 12:00:33"_s);
        QCOMPARE(good.jicofo.where, u"jicofo.log line 7"_s);
        QVERIFY(good.health.ok);
        QCOMPARE(good.health.where, u"/about/health: HTTP 200"_s);
        QVERIFY(good.cause.isEmpty());

        // The login is the deployment's evidence, with prosody's time; it is not pinned to a bridge.
        QCOMPARE(view.logins, QStringList{u"Jun 01 12:00:30  Authenticated as jvb@auth.meet.example.org"_s});
        QVERIFY(view.jicofoCount.contains(u'1'));
        QCOMPARE(view.problems.size(), 1);

        const VerifiedPageView::Bridge &bad = view.bridges.at(1);
        QVERIFY(!bad.ok);
        QCOMPARE(bad.causeName, u"Wrong jvb secret"_s);
        QVERIFY(bad.cause.contains(u"refused"_s));
        QCOMPARE(bad.causeEvidence.size(), 1);
        QVERIFY(bad.causeEvidence.first().startsWith(u"jvb.log:4: "_s));
        QVERIFY(!bad.prosody.ok);
        QVERIFY(!bad.jicofo.ok);
        QVERIFY(bad.health.ok);
        QCOMPARE(view.meetingUrl, u"https://meet.example.org/"_s);
    }

    void attributedLoginIsShownPerBridge()
    {
        // Prosody at debug level logs the peer address: the Verifier gives each bridge its own login line.
        VerificationReport report = mixedReport();
        report.bridges[0].evidence.prepend(
                {u"prosody.log"_s, 9,
                 u"Jun 01 12:00:29 c2s55d0a1b2\tinfo\tAuthenticated as jvb@auth.meet.example.org"_s});
        WizardState state;
        VerifiedController controller(&state);
        controller.show(report, outcome());
        const VerifiedPageView::Evidence &login = controller.view().bridges.at(0).prosody;
        QCOMPARE(login.headline, u"Authenticated as jvb@auth.meet.example.org"_s);
        QCOMPARE(login.time, u"Jun 01 12:00:29"_s);
        QCOMPARE(login.where, u"prosody.log line 9"_s);
    }

    void stateEvidenceAfterRotation()
    {
        // Issue 14: the login line of bridge 1 is in a rotated, compressed file; bridge 2 has only a live session.
        VerificationReport report = mixedReport();
        report.bridges[0].evidence.prepend(
                {u"prosody.log.2.gz"_s, 812,
                 u"Dec 02 12:03:04 c2s55d0a1b2\tinfo\tAuthenticated as jvb@auth.meet.example.org"_s});
        report.bridges[0].login = LoginEvidence::LogLine;
        report.bridges[1].problems.clear();
        report.bridges[1].login = LoginEvidence::LiveSession;
        report.bridges[1].inJicofoView = true;
        report.bridges[1].proofs = {u"live prosody session c2s55d0f00 from 10.0.0.4, login line rotated away"_s};
        WizardState state;
        VerifiedController controller(&state);
        controller.show(report, outcome());
        const VerifiedPageView::Evidence &line = controller.view().bridges.at(0).prosody;
        QCOMPARE(line.time, u"Dec 02 12:03:04"_s);
        QVERIFY2(line.where.startsWith(u"prosody.log.2.gz"_s), qPrintable(line.where));
        const VerifiedPageView::Bridge &live = controller.view().bridges.at(1);
        QVERIFY(live.prosody.ok);
        QVERIFY2(live.prosody.headline.contains(u"rotated away"_s), qPrintable(live.prosody.headline));
        QVERIFY(live.jicofo.ok);
        QCOMPARE(live.jicofo.where, u"127.0.0.1:8888/debug"_s);
    }

    void everyCauseHasAName()
    {
        for (int cause = int(VerifyCause::WrongSecret); cause <= int(VerifyCause::JicofoLogEmpty); ++cause)
            QVERIFY(!VerifiedController::causeName(VerifyCause(cause)).isEmpty());
    }

    void noReportSaysWhy()
    {
        WizardState state;
        VerifiedController controller(&state);
        controller.show(std::nullopt, outcome(), u"A server could not be created."_s);
        QVERIFY(!controller.view().hasReport);
        QVERIFY(controller.view().summary.contains(u"could not be created"_s));
        QVERIFY(controller.view().bridges.isEmpty());
    }

    void realRunShowsEveryBridgeWorking()
    {
        DeploySandbox sandbox;
        QVERIFY(sandbox.start());
        WizardState state(sandbox.environment());
        sandbox.prepare(state);
        VerifiedController controller(&state);
        QList<QUrl> opened;
        controller.setUrlOpener([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        state.engine()->deploy(state.plan());
        QTRY_VERIFY_WITH_TIMEOUT(state.lastResult().has_value(), 60000);
        QVERIFY2(state.lastResult()->ok(), qPrintable(state.lastResult()->error().toString()));

        controller.attach();
        const VerifiedPageView &view = controller.view();
        QVERIFY(view.ok);
        QCOMPARE(view.bridges.size(), 2);
        for (const VerifiedPageView::Bridge &bridge : view.bridges) {
            QVERIFY(bridge.ok && bridge.prosody.ok && bridge.jicofo.ok && bridge.health.ok);
            QVERIFY2(!bridge.jicofo.time.isEmpty(), qPrintable(bridge.jicofo.line));
        }
        QCOMPARE(view.logins.size(), 2);
        for (const QString &login : view.logins)
            QVERIFY2(login.contains(u"  Authenticated as jvb@auth.meet.example.org"_s), qPrintable(login));
        QVERIFY(view.planJson.contains(u"meet.example.org"_s));
        QVERIFY(!view.planJson.contains(u"JD_JVB_SECRET"_s));
        QVERIFY(QFileInfo::exists(view.logPath));

        QVERIFY(controller.openMeeting());
        QVERIFY(controller.openLog());
        QCOMPARE(opened, (QList<QUrl>{QUrl(u"https://meet.example.org/"_s), QUrl::fromLocalFile(view.logPath)}));
    }

    void realRunNamesTheBridgeWithTheWrongSecret()
    {
        DeploySandbox sandbox;
        QVERIFY(sandbox.start());
        WizardState::Environment environment = sandbox.environment();
        WizardState state(environment);
        sandbox.prepare(state);
        state.engine()->deploy(state.plan());
        QTRY_VERIFY_WITH_TIMEOUT(state.lastResult().has_value(), 60000);
        QVERIFY2(state.lastResult()->ok(), qPrintable(state.lastResult()->error().toString()));
        QVERIFY(sandbox.breakBridgeSecret(jvb2, environment.engine.storeDirectory));

        VerifiedController controller(&state);
        controller.attach();
        QSignalSpy changed(&controller, &VerifiedController::viewChanged);
        state.engine()->verify(DeploySandbox::slug);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 30000);
        const VerifiedPageView &view = controller.view();
        QVERIFY(view.hasReport);
        QVERIFY(!view.ok);
        QVERIFY2(view.summary.contains(jvb2), qPrintable(view.summary));
        QCOMPARE(view.bridges.size(), 2);
        QVERIFY(view.bridges.at(0).ok);
        const VerifiedPageView::Bridge &bad = view.bridges.at(1);
        QCOMPARE(bad.serverName, jvb2);
        QVERIFY(!bad.ok);
        QCOMPARE(bad.causeName, u"Wrong jvb secret"_s);
        QVERIFY2(bad.cause.contains(u"password"_s), qPrintable(bad.cause));
        QVERIFY(!bad.causeEvidence.isEmpty());
        QVERIFY2(bad.causeEvidence.join(u'\n').contains(u"Failed to login"_s),
                 qPrintable(bad.causeEvidence.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestVerifiedController)
#include "tst_verifiedcontroller.moc"
