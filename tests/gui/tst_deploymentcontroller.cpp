// The Deployment step's controller alone (no widgets): field checks as the plan file's, the punycode form, the names
// a domain leads to, and the two questions to the project (DNS zone, existing deployment) against hcloud-sim.

#include "deploy/deploymentlabels.h"
#include "hcloudsim.h"
#include "openapivalidator.h"
#include "ui/deploymentcontroller.h"
#include "ui/wizardstate.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QJsonObject toJson(const hcloud::Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

class TestDeploymentController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WizardState> newState()
    {
        WizardState::Environment environment;
        environment.apiEndpoint = m_sim.endpoint().toString();
        auto state = std::make_unique<WizardState>(environment);
        state->setToken(HcloudSim::defaultToken());
        return state;
    }
    static void waitForCheck(DeploymentController &controller)
    {
        QTRY_VERIFY_WITH_TIMEOUT(controller.checkState() != DeploymentController::CheckState::Checking, 15000);
    }

    HcloudSim m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sim.listen());
        m_sim.seedZone(u"example.org"_s);
        m_sim.seedZone(u"copied.example"_s, u"secondary"_s);
        // A deployment made earlier for taken.example.org: its servers carry the engine's labels.
        DeploymentPlan taken;
        taken.domain = u"taken.example.org"_s;
        const DeploymentLabels labels(taken);
        m_sim.seedServer(taken.webServerName(), toJson(labels.webServer()));
        m_sim.seedServer(taken.bridgeName(1), toJson(labels.bridgeServer(1)));
        m_sim.seedServer(u"unrelated"_s);
    }
    void cleanup()
    {
        m_sim.clearFaults();
        const QStringList violations = openApiViolations(m_sim);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void badDomainsAreExplainedAndNotChecked_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("needle");
        QTest::newRow("no dot") << u"meet"_s << u"fully qualified"_s;
        QTest::newRow("final dot") << u"meet.example.org."_s << u"ends with a dot"_s;
        QTest::newRow("hyphen at start") << u"-meet.example.org"_s << u"hyphen"_s;
        QTest::newRow("space") << u"meet example.org"_s << u"letters, digits"_s;
        QTest::newRow("ip address") << u"10.0.0.1"_s << u"IP address"_s;
        QTest::newRow("empty part") << u"meet..example.org"_s << u"empty part"_s;
    }
    void badDomainsAreExplainedAndNotChecked()
    {
        QFETCH(QString, domain);
        QFETCH(QString, needle);
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        m_sim.clearExchanges();
        controller.setDomain(domain);
        controller.setEmail(u"admin@example.org"_s);
        QVERIFY(!controller.domainValid());
        QVERIFY2(controller.domainProblem().contains(needle), qPrintable(controller.domainProblem()));
        QVERIFY(controller.domainProblem().startsWith(u"The meeting domain"_s));
        QVERIFY(controller.view().domainError);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Idle);
        QVERIFY(controller.serverNames().isEmpty());
        QVERIFY(!controller.isComplete());
        QVERIFY(state->plan().domain.isEmpty()); // only a valid domain reaches the plan
        QTest::qWait(50);
        QVERIFY(m_sim.exchanges().isEmpty()); // nothing is asked about a domain that cannot be one
    }

    void badEmailsAreExplained_data()
    {
        QTest::addColumn<QString>("email");
        QTest::newRow("no at") << u"admin"_s;
        QTest::newRow("space") << u"ad min@example.org"_s;
        QTest::newRow("two at") << u"a@b@example.org"_s;
        QTest::newRow("bad domain") << u"admin@localhost"_s;
    }
    void badEmailsAreExplained()
    {
        QFETCH(QString, email);
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        controller.setDomain(u"meet.example.org"_s);
        controller.setEmail(email);
        waitForCheck(controller);
        QVERIFY(!controller.emailValid());
        QVERIFY(!controller.emailProblem().isEmpty());
        QVERIFY(controller.view().emailError);
        QVERIFY(!controller.isComplete());
        QVERIFY(state->plan().email.isEmpty());
        controller.setEmail(u"  admin@example.org "_s);
        QVERIFY(controller.emailValid());
        QCOMPARE(state->plan().email, u"admin@example.org"_s);
        QVERIFY(controller.isComplete());
    }

    void zoneInProjectMeansAutomaticRecords()
    {
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        QSignalSpy changed(&controller, &DeploymentController::changed);
        controller.setDomain(u"Meet.Example.org"_s);
        controller.setEmail(u"admin@example.org"_s);
        QCOMPARE(controller.asciiDomain(), u"meet.example.org"_s);
        QVERIFY(!controller.isInternationalDomain()); // case is not worth a punycode line
        QCOMPARE(controller.slug(), u"meet-example-org"_s);
        QCOMPARE(controller.serverNames(),
                 QStringList({u"meet-example-org-web"_s, u"meet-example-org-jvb-1"_s, u"meet-example-org-jvb-2"_s}));
        QCOMPARE(controller.view().serverNames,
                 u"meet-example-org-web, meet-example-org-jvb-1, meet-example-org-jvb-2, \u2026"_s);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Checking);
        QVERIFY(!controller.isComplete()); // not before the project answered
        waitForCheck(controller);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Done);
        QVERIFY(controller.zoneInProject());
        QVERIFY(state->dnsZoneInProject());
        QVERIFY2(controller.checkMessage().contains(u"created automatically"_s), qPrintable(controller.checkMessage()));
        QVERIFY(controller.isComplete());
        QVERIFY(controller.view().complete);
        QCOMPARE(state->plan().domain, u"meet.example.org"_s);
        QCOMPARE(state->plan().email, u"admin@example.org"_s);
        QVERIFY(changed.count() >= 3);
    }

    void foreignZoneMeansRecordsByHand()
    {
        auto state = newState();
        state->setDnsZoneInProject(true); // from an earlier domain
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        controller.setDomain(u"meet.elsewhere.net"_s);
        controller.setEmail(u"admin@elsewhere.net"_s);
        waitForCheck(controller);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Done);
        QVERIFY(!controller.zoneInProject());
        QVERIFY(!state->dnsZoneInProject());
        QVERIFY2(controller.checkMessage().contains(u"two DNS records"_s), qPrintable(controller.checkMessage()));
        QVERIFY(controller.isComplete());
    }

    void secondaryZoneMeansRecordsByHand()
    {
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        controller.setDomain(u"meet.copied.example"_s);
        waitForCheck(controller);
        QVERIFY(!controller.zoneInProject());
        QVERIFY2(controller.checkMessage().contains(u"secondary zone"_s), qPrintable(controller.checkMessage()));
    }

    void internationalDomainShowsPunycode()
    {
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        controller.setDomain(u"treffen.münchen.example.org"_s);
        QVERIFY(controller.domainValid());
        QCOMPARE(controller.asciiDomain(), u"treffen.xn--mnchen-3ya.example.org"_s);
        QVERIFY(controller.isInternationalDomain());
        QCOMPARE(controller.view().domainHint, u"Will be registered as treffen.xn--mnchen-3ya.example.org."_s);
        QVERIFY(!controller.view().domainError);
        QCOMPARE(controller.slug(), u"treffen-xn--mnchen-3ya-example-org"_s);
        QCOMPARE(state->plan().domain, u"treffen.xn--mnchen-3ya.example.org"_s);
        waitForCheck(controller);
        QVERIFY(controller.zoneInProject()); // the punycode name is what the zone holds
    }

    void existingDeploymentBlocksASecondOne()
    {
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        controller.setDomain(u"taken.example.org"_s);
        controller.setEmail(u"admin@example.org"_s);
        waitForCheck(controller);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Done);
        QVERIFY(controller.deploymentExists());
        QVERIFY(!controller.isComplete());
        const DeploymentController::View view = controller.view();
        QVERIFY(view.checkError);
        QVERIFY(!view.canRetry);
        QVERIFY2(view.checkMessage.contains(u"already exists"_s), qPrintable(view.checkMessage));
        QVERIFY(view.checkMessage.contains(u"taken-example-org-web"_s));
        QVERIFY2(view.checkMessage.contains(u"Manage it"_s), qPrintable(view.checkMessage));
        QVERIFY(view.canManage);
        // Another domain is fine again.
        controller.setDomain(u"free.example.org"_s);
        waitForCheck(controller);
        QVERIFY(!controller.deploymentExists());
        QVERIFY(!controller.view().canManage);
        QVERIFY(controller.isComplete());
    }

    void failedCheckKeepsInputAndRetries()
    {
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(0);
        HcloudSim::Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/zones"_s;
        fault.status = 403;
        fault.code = u"forbidden"_s;
        fault.message = u"insufficient permissions"_s;
        m_sim.injectFault(fault);
        controller.setDomain(u"meet.example.org"_s);
        controller.setEmail(u"admin@example.org"_s);
        waitForCheck(controller);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Failed);
        QVERIFY(controller.view().canRetry);
        QVERIFY(controller.view().checkError);
        QVERIFY2(controller.checkMessage().contains(u"Retry"_s), qPrintable(controller.checkMessage()));
        QVERIFY(!controller.isComplete());
        QCOMPARE(controller.typedDomain(), u"meet.example.org"_s);
        QCOMPARE(controller.email(), u"admin@example.org"_s);
        controller.recheck();
        waitForCheck(controller);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Done);
        QVERIFY(controller.isComplete());
    }

    void typingFastAsksOnlyAboutTheLastDomain()
    {
        auto state = newState();
        DeploymentController controller(state.get());
        controller.setCheckDelay(100);
        m_sim.clearExchanges();
        for (const QString &domain : {u"taken.example.or"_s, u"taken.example.org"_s, u"other.example.org"_s})
            controller.setDomain(domain);
        waitForCheck(controller);
        QVERIFY(!controller.deploymentExists());
        QCOMPARE(controller.asciiDomain(), u"other.example.org"_s);
        // One zone list and one discovery (servers, networks, firewalls): the pause swallowed the other domains.
        QCOMPARE(m_sim.exchanges().size(), 4);
    }

    void withoutTokenSaysGoBack()
    {
        WizardState::Environment environment;
        environment.apiEndpoint = m_sim.endpoint().toString();
        WizardState state(environment);
        DeploymentController controller(&state);
        controller.setCheckDelay(0);
        controller.setDomain(u"meet.example.org"_s);
        waitForCheck(controller);
        QCOMPARE(controller.checkState(), DeploymentController::CheckState::Failed);
        QVERIFY(controller.checkMessage().contains(u"token"_s));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentController)
#include "tst_deploymentcontroller.moc"
