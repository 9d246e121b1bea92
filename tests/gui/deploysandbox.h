#pragma once

// A deployment world for GUI tests: hcloud-sim (the API, OpenAPI-checked) and fake hosts that the engine installs
// (tests/support/fakehost), and the WizardState::Environment that points a wizard at both. Header-only; the tests
// that include it link hcloudsim and fakehost.

#include "deploy/deploymentengine.h"
#include "deploy/deploymentstore.h"
#include "deploy/hostagent.h"
#include "deploy/progressmodel.h"
#include "fakecloud.h"
#include "fakehost.h"
#include "fakehostagent.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"
#include "model/deploymentplan.h"
#include "provision/envfile.h"
#include "secrets/secretstore.h"
#include "ui/wizardshell.h"
#include "ui/wizardstate.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class DeploySandbox
{
public:
    static inline const QString domain = QStringLiteral("meet.example.org");
    static inline const QString slug = QStringLiteral("meet-example-org");

    DeploySandbox()
        : m_factory(&m_cloud)
    {
        m_cloud.setStepDurationMs(2);
    }

    bool start()
    {
        if (!m_sim.listen())
            return false;
        m_sim.setActionDurationMs(30);
        return m_dir.isValid();
    }

    HcloudSim &sim() { return m_sim; }
    FakeCloud &cloud() { return m_cloud; }
    QString directory() const { return m_dir.path(); }

    // The DNS records never resolve (nothing answers DNS on the loopback), so a deploy waits `dnsTimeoutMs` for
    // them, unless the user goes on without DNS.
    WizardState::Environment environment(int dnsTimeoutMs = 200)
    {
        WizardState::Environment environment;
        environment.apiEndpoint = m_sim.endpoint().toString();
        environment.hosts = &m_factory;
        EngineSettings &engine = environment.engine;
        engine.storeDirectory = m_dir.filePath(QStringLiteral("store"));
        engine.logDirectory = m_dir.filePath(QStringLiteral("logs"));
        engine.secrets = SecretStore::files(m_dir.filePath(QStringLiteral("secrets")));
        engine.bootTimeoutMs = 20000;
        engine.installTimeoutMs = 30000;
        engine.dnsNameserver = QHostAddress::LocalHost;
        engine.dnsTimeoutMs = dnsTimeoutMs;
        engine.dnsPollIntervalMs = 100;
        engine.verifyTimeoutMs = 5000;
        engine.verifyIntervalMs = 50;
        engine.drainTimeoutSeconds = 5;
        return environment;
    }

    static DeploymentPlan plan(int bridges)
    {
        DeploymentPlan plan;
        plan.domain = domain;
        plan.email = QStringLiteral("admin@example.org");
        plan.web = {QStringLiteral("cx33"), QStringLiteral("fsn1")};
        for (int i = 0; i < bridges; ++i)
            plan.bridges.append({QStringLiteral("cx33"), QStringLiteral("fsn1")});
        plan.sshPublicKey = QStringLiteral(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop");
        return plan;
    }

    // The state as the steps before Deploy leave it: the token accepted, the plan filled in.
    void prepare(WizardState &state, int bridges = 2)
    {
        state.setToken(HcloudSim::defaultToken());
        state.updatePlan([bridges](DeploymentPlan &plan) { plan = DeploySandbox::plan(bridges); });
        follow(state.engine());
    }

    // The fake hosts learn the servers' private addresses once they exist, as the real network gives them.
    void follow(DeploymentEngine *engine)
    {
        QObject::connect(engine, &DeploymentEngine::event, &m_context, [this](const EngineEvent &event) {
            if (event.kind == EngineEvent::Kind::Phase && event.phase == Phase::Hosts)
                m_cloud.setPrivateAddresses(m_sim.state(QStringLiteral("servers")));
        });
    }

    // The same for a wizard driven through its pages: choosing an SSH key there replaces the state's engine, so this
    // follows the state's progress, which outlives its engines.
    void follow(WizardState &state)
    {
        QObject::connect(state.progress(), &ProgressModel::phaseChanged, &m_context, [this](Phase phase) {
            if (phase == Phase::Hosts)
                m_cloud.setPrivateAddresses(m_sim.state(QStringLiteral("servers")));
        });
    }

    // The real wizard on this sandbox, shown. The engine waits for DNS far longer than a test (the DNS page's button
    // ends the wait); the fake world's wiring, not the user's part: the hosts learn their private addresses, and the
    // API is polled quickly (the simulator's actions take 30 ms).
    std::unique_ptr<WizardShell> openWizard()
    {
        auto wizard = std::make_unique<WizardShell>(environment(10 * 60 * 1000));
        follow(*wizard->state());
        hcloud::PollPolicy poll;
        poll.intervalMs = 20;
        poll.maxIntervalMs = 100;
        wizard->state()->client()->setPollPolicy(poll);
        wizard->resize(1000, 760);
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            return {};
        return wizard;
    }

    // Someone copies a wrong secret into a deployed bridge's configuration and restarts it: its jvb login is
    // refused from then on (the engine's verification names the cause). True when the bridge stopped running.
    bool breakBridgeSecret(const QString &bridge, const QString &storeDirectory)
    {
        FakeHost *host = m_cloud.host(bridge);
        if (!host)
            return false;
        QString env = QString::fromUtf8(host->file(EnvFile::remotePath()));
        static const QRegularExpression secretLine(QStringLiteral("^JD_JVB_SECRET='[A-Za-z0-9]+'$"),
                                                   QRegularExpression::MultilineOption);
        if (!env.contains(secretLine))
            return false;
        env.replace(secretLine, QStringLiteral("JD_JVB_SECRET='CopiedWrong0123456789abcdefgh'"));
        host->writeFile(EnvFile::remotePath(), env.toUtf8(), 0600);
        const auto keys = DeploymentStore(storeDirectory).hostKeys(slug);
        if (!keys.ok())
            return false;
        HostEndpoint endpoint{bridge, HostRole::Bridge, host->address(), 22, keys.value().value(bridge).pinned, {}};
        auto agent = m_factory.create(endpoint);
        bool connected = false;
        agent->connectToHost(1000, [&](Result<QString> r) { connected = r.ok(); });
        if (!QTest::qWaitFor([&] { return connected; }, 5000))
            return false;
        bool started = false;
        agent->startTask(ProvisionTask::Install, [&](Result<qint64> r) { started = r.ok(); });
        if (!QTest::qWaitFor([&] { return started; }, 5000))
            return false;
        return QTest::qWaitFor([&] { return !host->isRunning(); }, 10000);
    }

private:
    HcloudSim m_sim;
    FakeCloud m_cloud;
    FakeHostAgentFactory m_factory;
    QTemporaryDir m_dir;
    QObject m_context;
};
