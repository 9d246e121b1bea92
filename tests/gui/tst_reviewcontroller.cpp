// ReviewController without widgets, against the in-process hcloud-sim: it runs PlanPreview on the wizard's plan and
// stores the answer in WizardState; the costs match the simulator's pricing to the last digit (gross and net, server
// plus IPv4); an unorderable type, an invalid plan and an API error fail with the fix; a changed plan makes the check
// stale; the saved plan file loads back as the same plan.
#include "catalogue.h"
#include "hcloud/money.h"
#include "hcloudsim.h"
#include "ui/reviewcontroller.h"
#include "ui/wizardstate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Fault = HcloudSim::Fault;
using Status = ReviewController::Status;

namespace {
const QString sshKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;

// A price from the simulator's own pricing document, exactly as the API sends it.
Money simPrice(const QString &type, const QString &location, const QString &period, const QString &kind)
{
    const QJsonObject pricing = Catalogue().pricing();
    const QJsonArray groups
            = type == u"ipv4"_s ? pricing[u"primary_ips"_s].toArray() : pricing[u"server_types"_s].toArray();
    for (const QJsonValue &group : groups) {
        if (group[type == u"ipv4"_s ? u"type"_s : u"name"_s].toString() != type)
            continue;
        for (const QJsonValue &price : group[u"prices"_s].toArray())
            if (price[u"location"_s].toString() == location)
                return *Money::parse(price[period][kind].toString());
    }
    return {};
}

QString serverCost(const QString &type, const QString &location, const QString &period, const QString &kind)
{
    const Money total = *simPrice(type, location, period, kind).plus(simPrice(u"ipv4"_s, location, period, kind));
    return total.toString() + u"\u00a0EUR"_s;
}
} // namespace

class TestReviewController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<WizardState> m_state;
    std::unique_ptr<ReviewController> m_controller;

    Status checked()
    {
        m_controller->check();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(m_controller->status() != Status::Checking, 30000);
        }();
        return m_controller->status();
    }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<HcloudSim>();
        QVERIFY(m_sim->listen());
        WizardState::Environment environment;
        environment.apiEndpoint = m_sim->endpoint().toString();
        m_state = std::make_unique<WizardState>(environment);
        m_state->setToken(HcloudSim::defaultToken());
        m_state->updatePlan([](DeploymentPlan &plan) {
            plan.domain = u"meet.example.org"_s;
            plan.email = u"admin@example.org"_s;
            plan.web = {u"cx33"_s, u"fsn1"_s};
            plan.bridges = QList<HostSpec>(2, HostSpec{u"cx23"_s, u"fsn1"_s});
            plan.sshPublicKey = sshKey;
        });
        m_controller = std::make_unique<ReviewController>(m_state.get());
    }

    void cleanup()
    {
        m_controller.reset();
        m_state.reset();
        m_sim.reset();
    }

    void checksThePlanAndStoresTheCheck()
    {
        QSignalSpy stored(m_state.get(), &WizardState::planCheckChanged);
        m_controller->check();
        QCOMPARE(m_controller->status(), Status::Checking); // asynchronous
        QVERIFY(!m_state->planCheck());
        QTRY_COMPARE_WITH_TIMEOUT(m_controller->status(), Status::Ready, 30000);
        QVERIFY(m_state->planCheck().has_value());
        QCOMPARE(stored.count(), 1);
        QCOMPARE(m_state->planCheck()->summary.servers.size(), 3);
        QVERIFY(m_state->planCheck()->imageId != 0);
        QVERIFY(m_controller->errorMessage().isEmpty());
    }

    void costsMatchTheSimsPricingExactly()
    {
        QCOMPARE(checked(), Status::Ready);
        const auto rows = m_controller->costRows();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].name, u"meet-example-org-web"_s);
        QCOMPARE(rows[0].role, u"Web server"_s);
        QCOMPARE(rows[0].type, u"cx33"_s);
        QCOMPARE(rows[0].location, u"fsn1"_s);
        QCOMPARE(rows[2].name, u"meet-example-org-jvb-2"_s);
        QCOMPARE(rows[2].role, u"Bridge 2"_s);
        for (const auto &[row, type] : {std::pair{0, u"cx33"_s}, {1, u"cx23"_s}, {2, u"cx23"_s}}) {
            QCOMPARE(rows[row].monthlyGross, serverCost(type, u"fsn1"_s, u"price_monthly"_s, u"gross"_s));
            QCOMPARE(rows[row].monthlyNet, serverCost(type, u"fsn1"_s, u"price_monthly"_s, u"net"_s));
            QCOMPARE(rows[row].hourlyGross, serverCost(type, u"fsn1"_s, u"price_hourly"_s, u"gross"_s));
            QCOMPARE(rows[row].hourlyNet, serverCost(type, u"fsn1"_s, u"price_hourly"_s, u"net"_s));
        }
        // The figures by hand, from the catalogue's net prices plus 19 %: cx33 6.5331 + IPv4 0.595, cx23 4.1531 +
        // 0.595.
        QCOMPARE(rows[0].monthlyGross, u"7.1281\u00a0EUR"_s);
        const auto total = m_controller->totalRow();
        QCOMPARE(total.name, u"Total"_s);
        QCOMPARE(total.monthlyGross, u"16.6243\u00a0EUR"_s);
        QCOMPARE(total.monthlyNet, u"13.97\u00a0EUR"_s);
        QVERIFY(m_controller->vatNote().contains(u"19.00 %"_s));
        // The simulator includes 20 TB of traffic in the EU.
        QVERIFY2(m_controller->notIncluded().contains(u"20 TB"_s), qPrintable(m_controller->notIncluded()));
        QVERIFY(m_controller->warnings().isEmpty());
    }

    void listsEverythingThatWillBeCreated()
    {
        QCOMPARE(checked(), Status::Ready);
        const QString created = m_controller->createdResources().join(u'\n');
        for (const QString &expected :
             {u"meet-example-org-net"_s, u"meet-example-org-web"_s, u"meet-example-org-bridges"_s, u"uploaded"_s,
              u"debian-13"_s, u"nothing is created"_s})
            QVERIFY2(created.contains(expected), qPrintable(expected + u" missing in: "_s + created));

        // The key already in the project is reused; the zone in the project gets its records automatically.
        m_sim->seedSshKey(u"laptop"_s, sshKey);
        m_state->setDnsZoneInProject(true);
        QCOMPARE(checked(), Status::Ready);
        const QString again = m_controller->createdResources().join(u'\n');
        QVERIFY2(again.contains(u"laptop"_s) && again.contains(u"reused"_s), qPrintable(again));
        QVERIFY2(again.contains(u"created in your Hetzner DNS zone"_s), qPrintable(again));

        // Who may open a meeting (issue 15), as the Deployment page chose it.
        QVERIFY2(again.contains(u"Meetings: anyone with the link may open one."_s), qPrintable(again));
        m_state->updatePlan(
                [](DeploymentPlan &plan) { plan.options.meetingAccess = DeploymentPlan::MeetingAccess::Moderated; });
        QVERIFY2(m_controller->meetingAccessLine().contains(u"only accounts you create may open one"_s),
                 qPrintable(m_controller->meetingAccessLine()));
        QCOMPARE(checked(), Status::Ready);
        QCOMPARE(m_controller->createdResources().constLast(), m_controller->meetingAccessLine());
    }

    void unorderableTypeFailsWithTheFix()
    {
        m_state->updatePlan([](DeploymentPlan &plan) {
            plan.web = {u"cx53"_s, u"hel1"_s};
            plan.bridges = QList<HostSpec>(1, HostSpec{u"cx53"_s, u"hel1"_s});
        });
        QCOMPARE(checked(), Status::Failed);
        const QString message = m_controller->errorMessage();
        QVERIFY2(message.contains(u"cx53"_s) && message.contains(u"hel1"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Go Back"_s), qPrintable(message));
        QVERIFY(!m_state->planCheck());
        QVERIFY(m_controller->costRows().isEmpty());
    }

    void invalidPlanFails()
    {
        m_state->updatePlan([](DeploymentPlan &plan) { plan.domain.clear(); });
        QCOMPARE(checked(), Status::Failed);
        QVERIFY(!m_controller->errorMessage().isEmpty());
        QVERIFY(!m_state->planCheck());
    }

    void apiErrorFails()
    {
        Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/pricing"_s;
        fault.status = 403;
        fault.code = u"forbidden"_s;
        fault.count = -1;
        m_sim->injectFault(fault);
        QCOMPARE(checked(), Status::Failed);
        QVERIFY2(m_controller->errorMessage().contains(u"could not be checked"_s),
                 qPrintable(m_controller->errorMessage()));
        m_sim->clearFaults();
        QCOMPARE(checked(), Status::Ready); // Check again
    }

    void quotaWarningIsShown()
    {
        for (int i = 0; i < 9; ++i)
            m_sim->seedServer(u"other-%1"_s.arg(i));
        QCOMPARE(checked(), Status::Ready);
        QCOMPARE(m_controller->warnings().size(), 1);
    }

    void aChangedPlanMakesTheCheckStale()
    {
        // Changed while the check runs: its answer is dropped and never stored.
        QSignalSpy stored(m_state.get(), &WizardState::planCheckChanged);
        m_controller->check();
        m_state->updatePlan([](DeploymentPlan &plan) { plan.image = u"ubuntu-24.04"_s; });
        QCOMPARE(m_controller->status(), Status::Idle);
        QTest::qWait(500);
        QCOMPARE(m_controller->status(), Status::Idle);
        QVERIFY(!m_state->planCheck());

        QCOMPARE(checked(), Status::Ready);
        m_state->updatePlan([](DeploymentPlan &plan) { plan.bridges.removeLast(); });
        QCOMPARE(m_controller->status(), Status::Idle);
        QVERIFY(!m_state->planCheck());
    }

    void savedPlanLoadsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(m_controller->suggestedPlanPath().endsWith(u"/meet-example-org.plan.json"_s));
        const QString path = dir.filePath(u"meet.plan.json"_s);
        QSignalSpy saved(m_controller.get(), &ReviewController::planSaved);
        m_controller->savePlan(path);
        QCOMPARE(saved.count(), 0); // written off the GUI thread
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 10000);
        QCOMPARE(saved.first().at(0).toBool(), true);
        QVERIFY(saved.first().at(2).toString().contains(u"--plan-file"_s));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Result<DeploymentPlan> loaded = DeploymentPlan::fromJsonText(file.readAll());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QCOMPARE(loaded.value(), m_state->plan());

        m_controller->savePlan(dir.filePath(u"missing/folder/plan.json"_s));
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
        QCOMPARE(saved.last().at(0).toBool(), false);
        QVERIFY(saved.last().at(2).toString().contains(u"Choose another folder"_s));
    }
};

QTEST_GUILESS_MAIN(TestReviewController)
#include "tst_reviewcontroller.moc"
