// ServersController without widgets, against the in-process hcloud-sim: the catalogue it lists, the prices exactly as
// the simulator's pricing gives them, locations disabled with the reason where a chosen type cannot be ordered, the
// bounds of every choice, API errors with Retry, and the plan it writes.
#include "catalogue.h"
#include "hcloud/money.h"
#include "hcloudsim.h"
#include "ui/serverscontroller.h"
#include "ui/wizardstate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using Fault = HcloudSim::Fault;
using Status = ServersController::Status;

class TestServersController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<WizardState> m_state;
    std::unique_ptr<ServersController> m_controller;

    // The catalogue's deprecations are dated 2025-12-31; a fixed "now" keeps the test independent of the clock.
    static QDateTime now() { return QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC); }

    void makeController()
    {
        m_controller = std::make_unique<ServersController>(m_state.get());
        m_controller->setNow(now());
    }

    bool loaded()
    {
        m_controller->load();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(m_controller->status() != Status::Loading, 30000);
        }();
        return m_controller->status() == Status::Ready;
    }

    static const ServersController::LocationChoice *findLocation(const QList<ServersController::LocationChoice> &all,
                                                                 const QString &name)
    {
        for (const auto &choice : all)
            if (choice.name == name)
                return &choice;
        return nullptr;
    }

    static QStringList names(const QList<ServersController::TypeChoice> &types)
    {
        QStringList result;
        for (const auto &type : types)
            result << type.name;
        return result;
    }

    // The simulator's own figure, read from its pricing document, as the API sends it.
    static QString simMonthlyGross(const QString &type, const QString &location)
    {
        const QJsonArray types = Catalogue().pricing().value(u"server_types"_s).toArray();
        for (const QJsonValue &entry : types) {
            if (entry[u"name"_s].toString() != type)
                continue;
            for (const QJsonValue &price : entry[u"prices"_s].toArray())
                if (price[u"location"_s].toString() == location)
                    return price[u"price_monthly"_s][u"gross"_s].toString();
        }
        return {};
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
        makeController();
    }

    void cleanup()
    {
        m_controller.reset();
        m_state.reset();
        m_sim.reset();
    }

    void loadsTheCatalogueAndWritesDefaults()
    {
        QSignalSpy status(m_controller.get(), &ServersController::statusChanged);
        QCOMPARE(m_controller->status(), Status::Idle);
        m_controller->load();
        QCOMPARE(m_controller->status(), Status::Loading); // asynchronous: nothing answered yet
        QVERIFY(loaded());
        QCOMPARE(status.count(), 2);

        const auto locations = m_controller->locations();
        QCOMPARE(locations.size(), 6);
        QCOMPARE(findLocation(locations, u"fsn1"_s)->label, u"Falkenstein, Germany (fsn1)"_s);
        QCOMPARE(findLocation(locations, u"hel1"_s)->label, u"Helsinki, Finland (hel1)"_s);
        QCOMPARE(findLocation(locations, u"sin"_s)->label, u"Singapore (sin)"_s);

        // Defaults as docs/examples/plan.json: cx33 for both roles, in Falkenstein, Debian 13.
        QCOMPARE(m_controller->location(), u"fsn1"_s);
        QCOMPARE(m_controller->webType(), u"cx33"_s);
        QCOMPARE(m_controller->bridgeType(), u"cx33"_s);
        QCOMPARE(m_controller->bridgeCount(), 2);
        QCOMPARE(m_controller->image(), u"debian-13"_s);
        QVERIFY(m_controller->isComplete());
        // The page offers exactly the images a plan may name, the default first.
        QStringList offered;
        for (const ServersController::ImageChoice &image : ServersController::images())
            offered << image.name;
        QCOMPARE(offered, DeploymentPlan::supportedImages());
        QCOMPARE(offered.first(), DeploymentPlan::defaultImage());

        const DeploymentPlan &plan = m_state->plan();
        QCOMPARE(plan.web, (HostSpec{u"cx33"_s, u"fsn1"_s}));
        QCOMPARE(plan.bridges, QList<HostSpec>(2, HostSpec{u"cx33"_s, u"fsn1"_s}));
        QCOMPARE(plan.image, u"debian-13"_s);
        QCOMPARE(m_controller->currency(), u"EUR"_s);
        QCOMPARE(m_controller->vatRate(), u"19.00"_s);
        QVERIFY(m_controller->priceNote().contains(u"19.00 %"_s));
    }

    void offersOnlyOrderableTypesWithTheSimsPrices()
    {
        QVERIFY(loaded());
        const auto types = m_controller->webTypes();
        const QStringList offered = names(types);
        // cx22 and cpx11 are past their deprecation in the EU; everything offered is orderable in fsn1.
        QVERIFY(!offered.contains(u"cx22"_s));
        QVERIFY(!offered.contains(u"cpx11"_s));
        QVERIFY(offered.contains(u"cx33"_s));
        QVERIFY(offered.contains(u"ccx13"_s));
        for (const auto &type : types) {
            const QString api = simMonthlyGross(type.name, u"fsn1"_s);
            QVERIFY2(!api.isEmpty(), qPrintable(type.name));
            // Exact: the same decimal number as the API's string, shown with all its significant digits.
            QCOMPARE(type.monthly.gross, *Money::parse(api));
            QVERIFY2(type.label.contains(type.monthly.gross.toString() + u"\u00a0EUR"_s), qPrintable(type.label));
        }
        const auto cx33 = std::find_if(types.begin(), types.end(), [](const auto &t) { return t.name == u"cx33"_s; });
        QCOMPARE(cx33->monthly.gross.toString(), u"6.5331"_s); // 5.49 net + 19 % in the simulator's catalogue
        QCOMPARE(cx33->cores, 4);
        QCOMPARE(cx33->memoryGb, 8.0);
        QCOMPARE(cx33->diskGb, 80);
        QVERIFY(cx33->label.startsWith(u"cx33 \u2013 4 shared vCPU, 8 GB RAM, 80 GB disk"_s));
    }

    void locationWhereTheTypeIsNotOrderableIsDisabledWithTheReason()
    {
        QVERIFY(loaded());
        // cx33 is sold in the EU only: the US and Singapore stay listed, disabled, naming the type.
        const auto ash = *findLocation(m_controller->locations(), u"ash"_s);
        QVERIFY(!ash.enabled);
        QVERIFY2(ash.reason.contains(u"cx33"_s), qPrintable(ash.reason));
        QVERIFY2(ash.reason.contains(u"ccx13"_s), qPrintable(ash.reason)); // what would work there
        QVERIFY(!m_controller->setLocation(u"ash"_s));
        QCOMPARE(m_controller->location(), u"fsn1"_s);
        QCOMPARE(m_state->plan().web.location, u"fsn1"_s);

        // cx53 is listed in hel1 but not available there (available: false).
        QVERIFY(findLocation(m_controller->locations(), u"hel1"_s)->enabled);
        QVERIFY(m_controller->setWebType(u"cx53"_s));
        const auto hel1 = *findLocation(m_controller->locations(), u"hel1"_s);
        QVERIFY(!hel1.enabled);
        QVERIFY2(hel1.reason.contains(u"cx53"_s), qPrintable(hel1.reason));
        QVERIFY(!m_controller->setLocation(u"hel1"_s));
        QVERIFY(m_controller->setLocation(u"nbg1"_s));
        QCOMPARE(m_state->plan().web, (HostSpec{u"cx53"_s, u"nbg1"_s}));

        // Types sold everywhere open the US location; its prices are the US ones.
        QVERIFY(m_controller->setWebType(u"ccx13"_s));
        QVERIFY(!findLocation(m_controller->locations(), u"ash"_s)->enabled); // the bridges are still cx33
        QVERIFY(m_controller->setBridgeType(u"ccx13"_s));
        QVERIFY(findLocation(m_controller->locations(), u"ash"_s)->enabled);
        QVERIFY(m_controller->setLocation(u"ash"_s));
        QCOMPARE(m_state->plan().bridges.first(), (HostSpec{u"ccx13"_s, u"ash"_s}));
        const auto usTypes = m_controller->webTypes();
        QVERIFY(!names(usTypes).contains(u"cx33"_s));
        for (const auto &type : usTypes)
            QCOMPARE(type.monthly.gross, *Money::parse(simMonthlyGross(type.name, u"ash"_s)));
    }

    void refusesTypesNotOrderableHere()
    {
        QVERIFY(loaded());
        QVERIFY(!m_controller->setWebType(u"cx22"_s)); // deprecated
        QVERIFY(!m_controller->setWebType(u"nonexistent"_s));
        QVERIFY(m_controller->setLocation(u"hel1"_s));
        QVERIFY(!names(m_controller->webTypes()).contains(u"cx53"_s));
        QVERIFY(!m_controller->setBridgeType(u"cx53"_s));
        QCOMPARE(m_controller->bridgeType(), u"cx33"_s);
    }

    void bridgesShareTheWebServersArchitecture()
    {
        QVERIFY(loaded());
        QVERIFY(m_controller->setWebType(u"cax21"_s));
        const auto bridgeTypes = m_controller->bridgeTypes();
        QVERIFY(!bridgeTypes.isEmpty());
        for (const auto &type : bridgeTypes)
            QCOMPARE(type.architecture, u"arm"_s);
        QCOMPARE(m_state->plan().bridges.first().serverType.left(3), u"cax"_s);
        QVERIFY(!m_controller->setBridgeType(u"cx33"_s));
        QVERIFY(m_controller->isComplete());
    }

    void bridgeCountAndImageBounds()
    {
        QVERIFY(loaded());
        QVERIFY(!m_controller->setBridgeCount(0));
        QVERIFY(!m_controller->setBridgeCount(DeploymentPlan::maxBridges + 1));
        QVERIFY(!m_controller->setBridgeCount(-3));
        QCOMPARE(m_state->plan().bridges.size(), 2);
        QVERIFY(m_controller->setBridgeCount(DeploymentPlan::maxBridges));
        QCOMPARE(m_state->plan().bridges.size(), DeploymentPlan::maxBridges);
        QVERIFY(m_controller->setBridgeCount(1));
        QCOMPARE(m_state->plan().bridges.size(), 1);

        QVERIFY(!m_controller->setImage(u"windows-11"_s));
        QVERIFY(m_controller->setImage(u"ubuntu-24.04"_s));
        QCOMPARE(m_state->plan().image, u"ubuntu-24.04"_s);
    }

    void turnIsOnUnlessSwitchedOff()
    {
        QVERIFY(loaded());
        QVERIFY(m_controller->turnServer());
        QVERIFY(m_state->plan().options.turnServer);
        QSignalSpy changed(m_controller.get(), &ServersController::choicesChanged);
        m_controller->setTurnServer(false);
        QVERIFY(!m_state->plan().options.turnServer);
        QCOMPARE(changed.size(), 1);
        m_controller->setTurnServer(false); // no change, no signal
        QCOMPARE(changed.size(), 1);
        m_controller->setTurnServer(true);
        QVERIFY(m_state->plan().options.turnServer);
        QVERIFY(ServersController::turnServerHint().contains(u"3478"_s));
    }

    void keepsWhatThePlanAlreadySays()
    {
        m_state->updatePlan([](DeploymentPlan &plan) {
            plan.web = {u"ccx13"_s, u"hil"_s};
            plan.bridges = QList<HostSpec>(3, HostSpec{u"ccx23"_s, u"hil"_s});
            plan.image = u"ubuntu-24.04"_s;
            plan.options.turnServer = false;
        });
        QVERIFY(loaded());
        QVERIFY(!m_controller->turnServer());
        QCOMPARE(m_controller->location(), u"hil"_s);
        QCOMPARE(m_controller->webType(), u"ccx13"_s);
        QCOMPARE(m_controller->bridgeType(), u"ccx23"_s);
        QCOMPARE(m_controller->bridgeCount(), 3);
        QCOMPARE(m_controller->image(), u"ubuntu-24.04"_s);

        // A second controller (the page shown again) reads the same choices back.
        m_controller->setBridgeCount(5);
        makeController();
        QVERIFY(loaded());
        QCOMPARE(m_controller->bridgeCount(), 5);
        QCOMPARE(m_controller->location(), u"hil"_s);
    }

    void apiErrorFailsWithRetry()
    {
        Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/server_types"_s;
        fault.status = 403;
        fault.code = u"forbidden"_s;
        fault.count = -1;
        m_sim->injectFault(fault);
        QVERIFY(!loaded());
        QCOMPARE(m_controller->status(), Status::Failed);
        QVERIFY(!m_controller->errorMessage().isEmpty());
        QVERIFY(m_controller->errorMessage().contains(u"Retry"_s));
        QVERIFY(!m_controller->isComplete());
        QVERIFY(!m_controller->setWebType(u"cx33"_s));

        m_sim->clearFaults();
        QVERIFY(loaded()); // Retry
        QVERIFY(m_controller->errorMessage().isEmpty());
        QVERIFY(m_controller->isComplete());
    }

    void sizingHints()
    {
        QVERIFY(loaded());
        QVERIFY(m_controller->bridgeSizingHint().contains(u"15"_s));
        QVERIFY(!m_controller->webSizingHint().contains(u"smaller"_s));
        QVERIFY(m_controller->setWebType(u"cx23"_s));
        QVERIFY(m_controller->webSizingHint().contains(u"cx23 is smaller"_s));
        QVERIFY(m_controller->setBridgeType(u"cx23"_s));
        QVERIFY(m_controller->bridgeSizingHint().contains(u"cx23 has 2 cores"_s));
    }
};

QTEST_GUILESS_MAIN(TestServersController)
#include "tst_serverscontroller.moc"
