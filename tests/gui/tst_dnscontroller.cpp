// The DNS page's controller without widgets: fed with the engine's own events (constructed), and driven by a real
// engine run against hcloud-sim and fake hosts whose DNS never resolves.
#include "deploysandbox.h"
#include "testdnsserver.h"
#include "ui/dnscontroller.h"
#include "ui/wizardstate.h"

#include <QSignalSpy>

#include <unistd.h>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QList<DnsRecord> records{{u"meet.example.org"_s, u"A"_s, u"198.18.0.7"_s},
                               {u"meet.example.org"_s, u"AAAA"_s, u"2001:db8:0:7::1"_s}};

DnsCheckProgress round(int number, const QString &resolver)
{
    DnsCheckProgress progress;
    progress.resolver = resolver;
    progress.round = number;
    progress.nextTryMs = 4200;
    progress.answers
            = {{records.at(0),
                {u"203.0.113.9"_s},
                false,
                u"meet.example.org resolves to 203.0.113.9, expected 198.18.0.7"_s},
               {records.at(1), {u"2001:db8:0:7::1"_s}, true, u"meet.example.org resolves to 2001:db8:0:7::1"_s}};
    return progress;
}
} // namespace

class TestDnsController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsAndTheirCopyTexts()
    {
        WizardState state;
        DnsController controller(&state);
        controller.attach();
        QVERIFY(controller.view().records.isEmpty());
        QVERIFY(!controller.view().canContinueWithoutDns);

        Q_EMIT state.engine()->event(EngineEvent::phaseChanged(Phase::Validate, {}));
        Q_EMIT state.engine()->event(EngineEvent::dnsRecords(records, DnsPublication::Manual, {}));
        const DnsPageView &view = controller.view();
        QCOMPARE(view.records, records);
        QVERIFY(!view.createdAutomatically);
        QCOMPARE(controller.recordText(0), u"198.18.0.7"_s);
        QCOMPARE(controller.recordText(1), u"2001:db8:0:7::1"_s);
        QCOMPARE(controller.recordText(2), QString());
        QCOMPARE(view.zoneText,
                 u"meet.example.org. 300 IN A 198.18.0.7\nmeet.example.org. 300 IN AAAA 2001:db8:0:7::1\n"_s);
        QCOMPARE(view.certificate, DnsPageView::Certificate::WaitingForDns);
        QVERIFY(view.canContinueWithoutDns);
        QVERIFY(!controller.isComplete());
    }

    void checkRoundShowsResolverAnswersAndNextTry()
    {
        WizardState state;
        DnsController controller(&state);
        controller.attach();
        Q_EMIT state.engine()->event(EngineEvent::phaseChanged(Phase::Validate, {}));
        Q_EMIT state.engine()->event(EngineEvent::dnsRecords(records, DnsPublication::Manual, {}));
        QSignalSpy changed(&controller, &DnsController::viewChanged);
        Q_EMIT state.engine()->event(EngineEvent::dnsCheckRound(round(3, u"198.18.0.1"_s)));
        QCOMPARE(changed.count(), 1);
        const DnsPageView &view = controller.view();
        QCOMPARE(view.resolver, u"198.18.0.1"_s);
        QCOMPARE(view.checkLines.size(), 2);
        QCOMPARE(view.checkLines.at(0).record, u"meet.example.org A"_s);
        QVERIFY(view.checkLines.at(0).answer.contains(u"203.0.113.9"_s));
        QVERIFY(!view.checkLines.at(0).ready);
        QVERIFY(view.checkLines.at(1).ready);
        QVERIFY2(view.checkStatus.contains(u"Check 3"_s) && view.checkStatus.contains(u"Next check in 5 s"_s),
                 qPrintable(view.checkStatus));

        // The system's resolver has no address to show.
        Q_EMIT state.engine()->event(EngineEvent::dnsCheckRound(round(4, {})));
        QVERIFY(controller.view().resolver.contains(u"resolver"_s));
    }

    void certificateSwitchesToLetsEncryptWhenTheRecordsResolve()
    {
        WizardState state;
        DnsController controller(&state);
        controller.attach();
        Q_EMIT state.engine()->event(EngineEvent::phaseChanged(Phase::Validate, {}));
        Q_EMIT state.engine()->event(EngineEvent::dnsRecords(records, DnsPublication::Manual, {}));
        Q_EMIT state.engine()->event(EngineEvent::dnsCheckRound(round(1, u"198.18.0.1"_s)));
        const QString web = u"meet-example-org-web"_s;
        Q_EMIT state.engine()->event(EngineEvent::hostStep(web, u"certificate"_s, HostState::Started, 1, 1));
        QCOMPARE(controller.view().certificate, DnsPageView::Certificate::Requesting);
        QVERIFY(controller.view().checkLines.isEmpty()); // the old round no longer says what is true
        QVERIFY(!controller.view().canContinueWithoutDns);
        Q_EMIT state.engine()->event(EngineEvent::hostStep(web, u"certificate"_s, HostState::Succeeded, 1, 1));
        QCOMPARE(controller.view().certificate, DnsPageView::Certificate::LetsEncrypt);
        QVERIFY(controller.view().certificateText.contains(u"Let's Encrypt"_s));
        // Verification afterwards changes nothing about the certificate.
        Q_EMIT state.engine()->event(EngineEvent::phaseChanged(Phase::Verify, {}));
        QCOMPARE(controller.view().certificate, DnsPageView::Certificate::LetsEncrypt);
    }

    void verifyingWithoutResolutionKeepsSelfSigned()
    {
        WizardState state;
        DnsController controller(&state);
        controller.attach();
        Q_EMIT state.engine()->event(EngineEvent::phaseChanged(Phase::Validate, {}));
        Q_EMIT state.engine()->event(EngineEvent::dnsRecords(records, DnsPublication::Manual, {}));
        Q_EMIT state.engine()->event(EngineEvent::phaseChanged(Phase::Verify, {}));
        QCOMPARE(controller.view().certificate, DnsPageView::Certificate::SelfSigned);
        QVERIFY(!controller.view().canContinueWithoutDns);
        QVERIFY(controller.view().certificateText.contains(u"again"_s));

        QSignalSpy complete(&controller, &DnsController::completeChanged);
        EngineOutcome outcome;
        outcome.dnsReady = false;
        Q_EMIT state.engine()->finished(outcome);
        QCOMPARE(complete.count(), 1);
        QVERIFY(controller.isComplete());
        QVERIFY(!controller.view().finishedText.isEmpty());
    }

    void aPageOpenedLateCatchesUp()
    {
        WizardState state;
        DeploymentEngine *engine = state.engine();
        Q_EMIT engine->event(EngineEvent::phaseChanged(Phase::Validate, {}));
        Q_EMIT engine->event(EngineEvent::dnsRecords(records, DnsPublication::Created, {}));
        Q_EMIT engine->event(EngineEvent::phaseChanged(Phase::Dns, {}));
        Q_EMIT engine->event(EngineEvent::dnsCheckRound(round(2, u"198.18.0.1"_s)));

        DnsController controller(&state);
        controller.attach();
        QCOMPARE(controller.view().records, records);
        QVERIFY(controller.view().createdAutomatically);
        QCOMPARE(controller.view().resolver, u"198.18.0.1"_s);
        QCOMPARE(controller.view().checkLines.size(), 2);
        controller.attach(); // twice changes nothing, and connects once
        QSignalSpy changed(&controller, &DnsController::viewChanged);
        Q_EMIT engine->event(EngineEvent::dnsCheckRound(round(3, u"198.18.0.1"_s)));
        QCOMPARE(changed.count(), 1);
    }

    void realRunGoesOnWithoutDns()
    {
        DeploySandbox sandbox;
        QVERIFY(sandbox.start());
        WizardState state(sandbox.environment(120000)); // DNS would be waited for two minutes
        sandbox.prepare(state);
        DnsController controller(&state);
        controller.attach();
        QElapsedTimer timer;
        timer.start();
        state.engine()->deploy(state.plan());

        QTRY_VERIFY_WITH_TIMEOUT(!controller.view().checkLines.isEmpty(), 30000);
        QCOMPARE(controller.view().records.size(), 2);
        QCOMPARE(controller.view().records.at(0).type, u"A"_s);
        QCOMPARE(controller.view().records.at(1).type, u"AAAA"_s);
        QVERIFY(!controller.view().createdAutomatically); // the zone is not in the project
        QCOMPARE(controller.view().resolver, u"127.0.0.1"_s);
        QVERIFY(controller.view().canContinueWithoutDns);
        QVERIFY(!controller.isComplete());

        controller.continueWithoutDns();
        QVERIFY(!controller.view().canContinueWithoutDns);
        QTRY_VERIFY_WITH_TIMEOUT(controller.isComplete(), 30000);
        QVERIFY(timer.elapsed() < 60000);
        QVERIFY(state.lastResult());
        QVERIFY2(state.lastResult()->ok(), qPrintable(state.lastResult()->error().toString()));
        QVERIFY(!state.lastResult()->value().dnsReady);
        QCOMPARE(controller.view().certificate, DnsPageView::Certificate::SelfSigned);
    }

    void realRunSwitchesToLetsEncryptWhenTheRecordsResolve()
    {
        if (::geteuid() != 0)
            QSKIP("The records resolve through a DNS server on port 53 of a loopback address, which needs root (as "
                  "in CI).");
        // A real DNS server that learns the records a while after the page showed them, as the user's provider.
        QTemporaryDir zone;
        TestDnsServer dns;
        const QHostAddress nameserver = TestDnsServer::privateLoopback(9);
        const QString failure = dns.start(nameserver, {}, zone.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        DeploySandbox sandbox;
        QVERIFY(sandbox.start());
        WizardState::Environment environment = sandbox.environment(30000);
        environment.engine.dnsNameserver = nameserver;
        WizardState state(environment);
        sandbox.prepare(state);
        DnsController controller(&state);
        controller.attach();
        state.engine()->deploy(state.plan());

        QTRY_VERIFY_WITH_TIMEOUT(!controller.view().checkLines.isEmpty(), 30000);
        QCOMPARE(controller.view().resolver, nameserver.toString());
        QCOMPARE(controller.view().certificate, DnsPageView::Certificate::WaitingForDns);
        QByteArray hosts;
        for (const DnsRecord &record : controller.view().records)
            hosts += record.value.toLatin1() + ' ' + record.name.toLatin1() + '\n';
        // A plain write: dnsmasq reads the file when it is closed.
        QFile file(zone.filePath(u"records"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(hosts), hosts.size());
        file.close();

        QTRY_VERIFY_WITH_TIMEOUT(controller.isComplete(), 30000);
        QVERIFY2(state.lastResult()->ok(), qPrintable(state.lastResult()->error().toString()));
        QVERIFY2(state.lastResult()->value().dnsReady, dns.log().constData());
        QCOMPARE(controller.view().certificate, DnsPageView::Certificate::LetsEncrypt);
        QVERIFY(controller.view().checkLines.isEmpty());
        QVERIFY(controller.view().checkStatus.contains(u"resolve"_s));
    }
};

QTEST_GUILESS_MAIN(TestDnsController)
#include "tst_dnscontroller.moc"
