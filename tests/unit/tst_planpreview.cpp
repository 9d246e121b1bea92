// PlanPreview, the one plan check (issue 12 §3) that `plan`, `deploy` and the wizard's Review page share, against
// the in-process hcloud-sim: costs and image, the quota warning, input and API errors, read requests only, and its
// answer coming exactly once and never before preview() returned.
#include "deploy/deploymentlabels.h"
#include "deploy/planpreview.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"
#include "openapivalidator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace Qt::StringLiterals;
using Fault = HcloudSim::Fault;

namespace {
const QString sshKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;
constexpr qint64 debian13x86 = 310554929; // the plan's default image (debian-13) in the simulator's catalogue

DeploymentPlan makePlan(const QString &domain, int bridges)
{
    DeploymentPlan plan;
    plan.domain = domain;
    plan.email = u"admin@example.org"_s;
    plan.web = HostSpec{u"cx33"_s, u"fsn1"_s};
    for (int n = 1; n <= bridges; ++n)
        plan.bridges.append(HostSpec{u"cx23"_s, u"fsn1"_s});
    plan.sshPublicKey = sshKey;
    plan.options.sshSourceCidrs = {u"203.0.113.0/24"_s};
    return plan;
}

QJsonObject toJson(const hcloud::Labels &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}
} // namespace

class TestPlanPreview : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<hcloud::HetznerClient> m_client;

    // Runs one preview to its answer; fails when the answer comes twice, or before preview() returned.
    Result<PlanPreview::Check> preview(const DeploymentPlan &plan)
    {
        PlanPreview previewer(m_client.get());
        std::optional<Result<PlanPreview::Check>> outcome;
        int calls = 0;
        bool returned = false;
        bool early = false;
        previewer.preview(plan, [&](Result<PlanPreview::Check> result) {
            ++calls;
            early = early || !returned;
            outcome.emplace(std::move(result));
        });
        returned = true;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000);
        }();
        QTest::qWait(20); // a second answer would arrive now
        if (!outcome)
            return Error{u"test"_s, u"no_answer"_s, u"the preview never answered"_s, {}, {}, 0};
        if (calls != 1)
            return Error{u"test"_s, u"called_twice"_s, u"done ran %1 times"_s.arg(calls), {}, {}, 0};
        if (early)
            return Error{u"test"_s, u"synchronous"_s, u"done ran inside preview()"_s, {}, {}, 0};
        return *outcome;
    }

    void onlyReads()
    {
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges())
            QCOMPARE(exchange.method, u"GET"_s);
    }

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<HcloudSim>();
        QVERIFY(m_sim->listen());
        m_sim->setActionDurationMs(0);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<hcloud::HetznerClient>(m_network.get());
        m_client->setEndpoint(m_sim->endpoint());
        m_client->setToken(HcloudSim::defaultToken());
        hcloud::RetryPolicy retry;
        retry.baseDelayMs = 10;
        retry.maxDelayMs = 50;
        m_client->setRetryPolicy(retry);
    }

    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void resolvesImageAndCosts()
    {
        const DeploymentPlan plan = makePlan(u"meet.example.org"_s, 2);
        const auto check = preview(plan);
        QVERIFY2(check.ok(), qPrintable(check.error().toString()));
        QCOMPARE(check->imageId, debian13x86);
        QCOMPARE(check->summary.servers.size(), 3);
        QCOMPARE(check->serversInProject, 0);
        QVERIFY(check->summary.warnings.isEmpty());
        QVERIFY(!check->summary.toJson().contains(u"warnings"_s)); // `plan --json` as before
        QVERIFY(!check->locations.isEmpty()); // handed on to CloudResources
        QVERIFY(!check->summary.sshKeyExists);
        onlyReads();

        // Arm types get the Arm build of the image.
        DeploymentPlan arm = plan;
        arm.web.serverType = u"cax11"_s;
        for (HostSpec &bridge : arm.bridges)
            bridge.serverType = u"cax21"_s;
        const auto armCheck = preview(arm);
        QVERIFY2(armCheck.ok(), qPrintable(armCheck.error().toString()));
        QCOMPARE(armCheck->imageId, qint64(310554935)); // debian-13 for arm
    }

    void quotaHintIsAWarning()
    {
        const DeploymentPlan plan = makePlan(u"meet.example.org"_s, 3); // 4 servers
        for (int i = 0; i < PlanPreview::assumedServerLimit - 4; ++i)
            m_sim->seedServer(u"other-%1"_s.arg(i));
        auto check = preview(plan);
        QVERIFY2(check.ok(), qPrintable(check.error().toString()));
        QCOMPARE(check->serversInProject, PlanPreview::assumedServerLimit - 4);
        // Exactly at the limit.
        QVERIFY2(check->summary.warnings.isEmpty(), qPrintable(check->summary.warnings.join(u'\n')));
        // A server this deployment already has does not count twice.
        const DeploymentLabels labels(plan);
        m_sim->seedServer(plan.bridgeName(3), toJson(labels.bridgeServer(3)));
        check = preview(plan);
        QVERIFY(check.ok());
        QCOMPARE(check->serversInProject, PlanPreview::assumedServerLimit - 3);
        QVERIFY2(check->summary.warnings.isEmpty(), qPrintable(check->summary.warnings.join(u'\n')));
        m_sim->seedServer(u"one-more"_s);
        check = preview(plan);
        QVERIFY(check.ok());
        QCOMPARE(check->summary.warnings.size(), 1);
        const QString hint = check->summary.warnings.first();
        QVERIFY2(hint.contains(QString::number(PlanPreview::assumedServerLimit + 1)), qPrintable(hint));
        QVERIFY(hint.contains(u"limit"_s));
        // The plan command and the Review page show it with the summary.
        QCOMPARE(check->summary.toJson()[u"warnings"_s].toArray().first().toString(), hint);
        QVERIFY(check->summary.toText().contains(hint));
    }

    void errorsAreInputErrors_data()
    {
        QTest::addColumn<QString>("webType");
        QTest::addColumn<QString>("webLocation");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not orderable") << u"cx22"_s << u"fsn1"_s << u"debian-12"_s << u"server_type_not_orderable"_s
                                       << u"cx22"_s;
        QTest::newRow("unknown type") << u"cx99"_s << u"fsn1"_s << u"debian-12"_s << u"server_type_unknown"_s
                                      << u"cx99"_s;
        QTest::newRow("unknown location")
                << u"cx33"_s << u"xyz1"_s << u"debian-12"_s << u"location_unknown"_s << u"xyz1"_s;
        // Caught by the plan's own validation, before anything is sent.
        QTest::newRow("unsupported image")
                << u"cx33"_s << u"fsn1"_s << u"debian-99"_s << u"plan_invalid"_s << u"debian-99"_s;
        QTest::newRow("mixed architectures")
                << u"cax11"_s << u"fsn1"_s << u"debian-12"_s << u"architecture_mixed"_s << u"Arm"_s;
    }

    void errorsAreInputErrors()
    {
        QFETCH(QString, webType);
        QFETCH(QString, webLocation);
        QFETCH(QString, image);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        DeploymentPlan plan = makePlan(u"meet.example.org"_s, 1);
        plan.web = HostSpec{webType, webLocation};
        plan.image = image;
        const auto check = preview(plan);
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, code);
        QCOMPARE(check.error().domain, u"input"_s);
        QVERIFY2(check.error().message.contains(mentions), qPrintable(check.error().message));
        onlyReads();
    }

    void invalidPlanSendsNothing()
    {
        DeploymentPlan plan = makePlan(u"meet.example.org"_s, 1);
        plan.domain = u"localhost"_s;
        const auto check = preview(plan);
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, u"plan_invalid"_s);
        QCOMPARE(m_sim->exchanges().size(), 0);
    }

    void apiErrorAnswersOnce()
    {
        // One of the requests sent together fails for good while the others succeed: one answer, the API's code.
        Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/pricing"_s;
        fault.count = -1;
        fault.status = 403;
        fault.code = u"forbidden"_s;
        m_sim->injectFault(fault);
        const auto check = preview(makePlan(u"meet.example.org"_s, 1));
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, u"forbidden"_s);
        onlyReads();
    }

    void existingKeyIsReused()
    {
        m_sim->seedSshKey(u"my-laptop"_s, sshKey);
        const auto check = preview(makePlan(u"meet.example.org"_s, 1));
        QVERIFY2(check.ok(), qPrintable(check.error().toString()));
        QVERIFY(check->summary.sshKeyExists);
        QCOMPARE(check->summary.sshKeyName, u"my-laptop"_s);
    }
};

QTEST_GUILESS_MAIN(TestPlanPreview)
#include "tst_planpreview.moc"
