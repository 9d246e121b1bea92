// The coming-back steps' controllers alone (no widgets): Start against hcloud-sim with two deployments made by the
// real engine on fake hosts and a foreign server; Manage with health readings built here (the engine's health read
// is another piece, switched on in WizardState::healthSource()); Add bridges and Destroy against the same world.

#include "deploytestworld.h"
#include "ui/addbridgescontroller.h"
#include "ui/deploycontroller.h"
#include "ui/destroycontroller.h"
#include "ui/managecontroller.h"
#include "ui/startcontroller.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int timeoutMs = 60000;

DeploymentPlan otherPlan()
{
    DeploymentPlan plan = DeployTestWorld::plan(1);
    plan.domain = u"talk.example.net"_s;
    return plan;
}

BridgeHealth bridge(const QString &name, int conferences, int participants, double stress, bool inJicofo = true)
{
    BridgeHealth b;
    b.host.serverName = name;
    b.host.role = u"bridge"_s;
    b.host.reachable = true;
    b.host.packageVersions.insert(u"jitsi-videobridge2"_s, u"2.3-160-g97a1f6a0-1"_s);
    b.nickname = name;
    if (inJicofo) {
        JicofoBridgeView view;
        view.nickname = name;
        view.operational = true;
        view.healthy = true;
        view.stress = stress;
        b.inJicofo = view;
    }
    b.healthOk = true;
    b.conferences = conferences;
    b.participants = participants;
    b.stress = stress;
    b.draining = false;
    return b;
}

WizardState::HealthReading reading(const QString &slug)
{
    DeploymentHealth health;
    health.slug = slug;
    health.domain = u"meet.example.org"_s;
    health.readAt = QDateTime::currentDateTimeUtc();
    health.web.serverName = slug + u"-web"_s;
    health.web.role = u"web"_s;
    health.web.reachable = true;
    health.web.packageVersions.insert(u"jicofo"_s, u"1.0-1101-1"_s);
    health.jicofoAnswered = true;
    health.jicofoBridgeCount = 2;
    health.jicofoOperationalBridges = 1;
    health.bridges << bridge(slug + u"-jvb-1"_s, 3, 17, 0.82) << bridge(slug + u"-jvb-2"_s, 0, 0, 0.0, false);
    return {health, u"Bridges run hot: stress 82 % on meet-example-org-jvb-1."_s};
}
} // namespace

class TestManageControllers : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DeployTestWorld> m_world;
    std::unique_ptr<WizardState> m_state;
    FakeCloud m_otherCloud;

    void foreignServer()
    {
        hcloud::CreateServerRequest request;
        request.name = u"someone-elses-server"_s;
        request.serverType = u"cx23"_s;
        request.image = u"debian-12"_s;
        request.location = u"fsn1"_s;
        bool done = false;
        m_state->client()->createServer(request, this, [&done](Result<hcloud::Created<hcloud::Server>> created) {
            QVERIFY2(created.ok(), qPrintable(created.error().toString()));
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<DeployTestWorld>();
        m_state = std::make_unique<WizardState>(m_world->environment());
        m_world->prepare(m_state.get());
        QVERIFY(m_world->deployOn(DeployTestWorld::plan(2), &m_world->cloud));
        QVERIFY(m_world->deployOn(otherPlan(), &m_otherCloud));
        foreignServer();
    }

    void startListsOnlyTheDeployments()
    {
        StartController start(m_state.get());
        QSignalSpy changed(&start, &StartController::changed);
        start.load();
        QTRY_COMPARE_WITH_TIMEOUT(start.status(), StartController::Status::Ready, timeoutMs);
        const QList<StartController::Row> rows = start.rows();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).slug, DeployTestWorld::slug);
        QCOMPARE(rows.at(0).domain, u"meet.example.org"_s);
        QCOMPARE(rows.at(0).location, u"fsn1"_s);
        QCOMPARE(rows.at(0).hosts, u"web server + 2 bridges"_s);
        QCOMPARE(rows.at(1).hosts, u"web server + 1 bridge"_s);
        QCOMPARE(rows.at(0).state, StartController::DeploymentState::Healthy);
        QCOMPARE(rows.at(1).domain, u"talk.example.net"_s);
        for (const StartController::Row &row : rows) {
            QVERIFY2(!row.domain.contains(u"someone-elses"_s), qPrintable(row.domain));
            QVERIFY2(row.monthlyCost.contains(u"EUR/month"_s), qPrintable(row.monthlyCost));
        }
        // Three servers cost more than two of the same type.
        const auto amount = [](const QString &text) {
            return QRegularExpression(u"^[0-9.,]+"_s).match(text).captured().replace(u',', u'.').toDouble();
        };
        QVERIFY2(amount(rows.at(0).monthlyCost) > amount(rows.at(1).monthlyCost),
                 qPrintable(rows.at(0).monthlyCost + u" vs "_s + rows.at(1).monthlyCost));
    }

    void stateOfARow()
    {
        DiscoveredDeployment found;
        found.slug = u"a-b"_s;
        found.domain = u"a.b"_s;
        found.web = DiscoveredServer{1,  u"a-b-web"_s, u"web"_s, 0,  u"running"_s, u"cx33"_s, u"fsn1"_s,
                                     {}, {},           {},       {}, false,        {}};
        DiscoveredServer jvb{2,  u"a-b-jvb-1"_s, u"bridge"_s, 1, u"running"_s, u"cx33"_s, u"nbg1"_s, {}, {}, {},
                             {}, false,          {}};
        found.bridges << jvb;
        QCOMPARE(StartController::rowFor(found, {}).state, StartController::DeploymentState::Healthy);
        QCOMPARE(StartController::rowFor(found, {}).location, u"fsn1, nbg1"_s);
        found.bridges[0].status = u"off"_s;
        const StartController::Row off = StartController::rowFor(found, {});
        QCOMPARE(off.state, StartController::DeploymentState::Degraded);
        QVERIFY2(off.stateText.contains(u"a-b-jvb-1"_s), qPrintable(off.stateText));
        found.bridges[0].setUpPending = true;
        QCOMPARE(StartController::rowFor(found, {}).state, StartController::DeploymentState::Interrupted);
    }

    void resumeNeedsThePlanOfThisComputer()
    {
        DiscoveredDeployment found;
        found.slug = DeployTestWorld::slug;
        found.domain = u"meet.example.org"_s;
        found.web = DiscoveredServer{
                1, u"meet-example-org-web"_s, u"web"_s, 0, u"running"_s, u"cx33"_s, u"fsn1"_s, {}, {}, {}, {}, false,
                {}};
        found.bridges << DiscoveredServer{2,
                                          u"meet-example-org-jvb-1"_s,
                                          u"bridge"_s,
                                          1,
                                          u"running"_s,
                                          u"cx33"_s,
                                          u"fsn1"_s,
                                          {},
                                          {},
                                          {},
                                          {},
                                          true,
                                          {}};
        const Result<DeploymentPlan> elsewhere = StartController::resumePlan(found, std::nullopt);
        QVERIFY(!elsewhere.ok());
        QVERIFY2(elsewhere.error().message.contains(u"another computer"_s), qPrintable(elsewhere.error().message));
        // The stored plan asked for two bridges; the interrupted run created one: resume plans both.
        const Result<DeploymentPlan> here = StartController::resumePlan(found, DeployTestWorld::plan(2));
        QVERIFY(here.ok());
        QCOMPARE(here->bridges.size(), 2);
        QCOMPARE(here->email, u"admin@example.org"_s);
    }

    void chooseManageSetsTheState()
    {
        StartController start(m_state.get());
        start.load();
        QTRY_COMPARE_WITH_TIMEOUT(start.status(), StartController::Status::Ready, timeoutMs);
        QVERIFY(!start.chooseManage(u"no-such-deployment"_s));
        QVERIFY(start.chooseManage(u"talk-example-net"_s));
        QCOMPARE(m_state->mode(), WizardState::Mode::Manage);
        QCOMPARE(m_state->managedDeployment()->domain, u"talk.example.net"_s);
        QCOMPARE(m_state->plan().domain, u"talk.example.net"_s);
        QCOMPARE(m_state->plan().bridges.size(), 1);
        // The plan this computer stored at deploy (read off the GUI thread): the e-mail is not in the project.
        QCOMPARE(m_state->plan().email, u"admin@example.org"_s);
        start.chooseNew();
        QCOMPARE(m_state->mode(), WizardState::Mode::New);
        QVERIFY(!m_state->managedDeployment());
    }

    void manageRendersHealthAndNeverOverlapsReads()
    {
        StartController start(m_state.get());
        start.load();
        QTRY_COMPARE_WITH_TIMEOUT(start.status(), StartController::Status::Ready, timeoutMs);
        QVERIFY(start.chooseManage(DeployTestWorld::slug));

        ManageController manage(m_state.get());
        // Without a health source (the engine's read is not switched on) it says so, and reads nothing.
        manage.setHealthSource({});
        manage.refresh();
        QCOMPARE(manage.readCount(), 0);
        QVERIFY(manage.view().summaryError);

        // A source answering when the test says so, to hold a read open.
        std::function<void(Result<WizardState::HealthReading>)> pending;
        manage.setHealthSource([&pending](const QString &, QObject *, auto done) { pending = done; });
        manage.setRefreshInterval(40);
        manage.setActive(true);
        QCOMPARE(manage.readCount(), 1);
        QVERIFY(manage.view().reading);
        manage.refresh();
        QTest::qWait(150); // three timer ticks while the read is open
        QCOMPARE(manage.readCount(), 1);
        pending(reading(DeployTestWorld::slug));
        const ManageController::View view = manage.view();
        QCOMPARE(view.rows.size(), 3);
        QCOMPARE(view.rows.at(0).name, u"meet-example-org-web"_s);
        QVERIFY2(view.rows.at(0).health.contains(u"1 of 2 bridges"_s), qPrintable(view.rows.at(0).health));
        QVERIFY2(view.rows.at(0).versions.contains(u"jicofo 1.0-1101-1"_s), qPrintable(view.rows.at(0).versions));
        QVERIFY(!view.rows.at(1).problem);
        QVERIFY2(view.rows.at(1).health.contains(u"17 participants"_s), qPrintable(view.rows.at(1).health));
        QVERIFY2(view.rows.at(1).health.contains(u"82 %"_s), qPrintable(view.rows.at(1).health));
        QVERIFY(view.rows.at(2).problem);
        QVERIFY2(view.rows.at(2).health.contains(u"not in jicofo"_s), qPrintable(view.rows.at(2).health));
        QVERIFY(view.summaryError);
        QVERIFY(view.addBridgeHint.contains(u"82 %"_s));
        QVERIFY2(manage.occupancy(u"meet-example-org-jvb-1"_s).contains(u"3 conferences with 17 participants"_s),
                 qPrintable(manage.occupancy(u"meet-example-org-jvb-1"_s)));
        QVERIFY(manage.occupancy(u"meet-example-org-jvb-2"_s).contains(u"no conference"_s));

        // The timer reads again while active...
        QTRY_VERIFY_WITH_TIMEOUT(manage.readCount() >= 2, 5000);
        pending(reading(DeployTestWorld::slug));
        // ...and not at all while the page is hidden.
        manage.setActive(false);
        const int reads = manage.readCount();
        QTest::qWait(200);
        QCOMPARE(manage.readCount(), reads);

        // A failed read is shown in plain words; the rows keep the last good figures.
        manage.refresh();
        pending(Error{u"ssh"_s, u"unreachable"_s, u"The web server did not answer."_s, {}, {}, 0});
        QVERIFY(manage.view().summary.contains(u"did not answer"_s));
        QVERIFY(manage.view().rows.at(1).health.contains(u"17 participants"_s));
        QVERIFY(manage.canUpdate()); // the engine's rolling update, for the deployment being managed
    }

    void addBridgesPricesTheNewTotal()
    {
        StartController start(m_state.get());
        start.load();
        QTRY_COMPARE_WITH_TIMEOUT(start.status(), StartController::Status::Ready, timeoutMs);
        QVERIFY(start.chooseManage(DeployTestWorld::slug));
        const DeploymentPlan before = m_state->plan();

        AddBridgesController add(m_state.get());
        add.load();
        QTRY_COMPARE_WITH_TIMEOUT(add.catalogue()->status(), ServersController::Status::Ready, timeoutMs);
        QCOMPARE(add.existingBridges(), 2);
        QCOMPARE(add.maxNewBridges(), DeploymentPlan::maxBridges - 2);
        QVERIFY(!add.setCount(0));
        QVERIFY(!add.setCount(DeploymentPlan::maxBridges - 1));
        QVERIFY(add.setCount(2));
        QCOMPARE(add.newBridgeNames(), QStringList({u"meet-example-org-jvb-3"_s, u"meet-example-org-jvb-4"_s}));
        QVERIFY(add.isComplete());
        QVERIFY2(!add.currentMonthly().isEmpty() && !add.newMonthly().isEmpty(), "prices missing");
        QVERIFY(add.currentMonthly() != add.newMonthly());
        QCOMPARE(add.plannedDeployment().bridges.size(), 4);
        // Choosing never rewrites the wizard's plan (that is the Next button's).
        QVERIFY(add.catalogue()->setBridgeType(add.catalogue()->bridgeTypes().constLast().name));
        QCOMPARE(m_state->plan(), before);
    }

    // Cancelling an add-bridge run never offers to delete the deployment it was adding to.
    void managedDeploymentIsNeverNew()
    {
        StartController start(m_state.get());
        start.load();
        QTRY_COMPARE_WITH_TIMEOUT(start.status(), StartController::Status::Ready, timeoutMs);
        QVERIFY(start.chooseManage(DeployTestWorld::slug));
        DeployController deploy(m_state.get());
        bool ran = false;
        deploy.prepare([&ran](DeploymentEngine *) { ran = true; }, u"Adding bridges"_s);
        deploy.start();
        QVERIFY(ran);
        QVERIFY(!deploy.deploymentIsNew());
        QVERIFY(deploy.serversDestroyWouldDelete().contains(u"meet-example-org-web"_s));
        QVERIFY(!deploy.deleteCreated());
    }

    void destroyNeedsTheTypedDomain()
    {
        StartController start(m_state.get());
        start.load();
        QTRY_COMPARE_WITH_TIMEOUT(start.status(), StartController::Status::Ready, timeoutMs);
        QVERIFY(start.chooseManage(u"talk-example-net"_s));
        DestroyController destroy(m_state.get(), &start);
        const QString resources = destroy.resources().join(u'\n');
        QVERIFY2(resources.contains(u"talk-example-net-web"_s) && resources.contains(u"talk-example-net-jvb-1"_s)
                         && resources.contains(u"talk-example-net-net"_s)
                         && resources.contains(u"talk-example-net-bridges"_s),
                 qPrintable(resources));
        QVERIFY2(!resources.contains(u"meet-example-org"_s), qPrintable(resources));
        QVERIFY2(destroy.monthlySaved().contains(u"EUR/month"_s), qPrintable(destroy.monthlySaved()));

        // The DNS records the app created for this deployment are listed; the user's own and the other
        // deployment's are not.
        const qint64 zone = m_world->sim.seedZone(u"example.net"_s);
        const QJsonObject common{{u"managed-by"_s, u"jitsi-deployer"_s}};
        QJsonObject talk = common, meet = common;
        talk.insert(u"jitsi-deployer/deployment"_s, u"talk-example-net"_s);
        meet.insert(u"jitsi-deployer/deployment"_s, u"meet-example-org"_s);
        m_world->sim.seedRrset(zone, u"talk"_s, u"A"_s, {u"198.18.0.7"_s}, talk);
        m_world->sim.seedRrset(zone, u"meet"_s, u"A"_s, {u"198.18.0.9"_s}, meet);
        m_world->sim.seedRrset(zone, u"www"_s, u"A"_s, {u"203.0.113.80"_s});
        QVERIFY(destroy.dnsNote().contains(u"Looking for"_s));
        destroy.loadDnsRecords();
        QTRY_COMPARE_WITH_TIMEOUT(destroy.dnsStatus(), DestroyController::DnsStatus::Ready, timeoutMs);
        QCOMPARE(destroy.dnsRecords(), QStringList{u"talk.example.net A 198.18.0.7"_s});
        QVERIFY2(destroy.resources().join(u'\n').contains(u"DNS record talk.example.net A 198.18.0.7"_s),
                 qPrintable(destroy.resources().join(u'\n')));
        QVERIFY2(destroy.dnsNote().contains(u"yourself in the zone stay"_s), qPrintable(destroy.dnsNote()));
        QSignalSpy changed(&destroy, &DestroyController::changed);
        destroy.setTypedDomain(u"talk.example"_s);
        QVERIFY(!destroy.confirmed());
        destroy.setTypedDomain(u"meet.example.org"_s);
        QVERIFY(!destroy.confirmed());
        destroy.setTypedDomain(u" Talk.Example.NET "_s);
        QVERIFY(destroy.confirmed());
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_MAIN(TestManageControllers)
#include "tst_managecontrollers.moc"
