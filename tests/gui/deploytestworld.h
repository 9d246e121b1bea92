#pragma once

// What the Deploy step's tests run against: hcloud-sim (the API, OpenAPI-checked) and fake hosts that speak the
// provisioning log protocol (tests/support/fakehost), with short timeouts as in tst_engine, and the deployment's
// secrets in files of a temporary folder (no keychain needed).

#include "deploy/deploymentengine.h"
#include "deploy/planpreview.h"
#include "fakecloud.h"
#include "fakehostagent.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"
#include "model/deploymentplan.h"
#include "secrets/secretstore.h"
#include "ui/wizardstate.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

struct DeployTestWorld
{
    static inline const QString slug = QStringLiteral("meet-example-org");

    DeployTestWorld()
    {
        sim.listen();
        sim.setActionDurationMs(30);
        cloud.setStepDurationMs(2);
    }

    WizardState::Environment environment()
    {
        WizardState::Environment env;
        env.apiEndpoint = sim.endpoint().toString();
        env.hosts = &factory;
        EngineSettings &settings = env.engine;
        settings.storeDirectory = dir.filePath(QStringLiteral("store"));
        settings.logDirectory = dir.filePath(QStringLiteral("logs"));
        settings.secrets = SecretStore::files(dir.filePath(QStringLiteral("secrets")));
        settings.bootTimeoutMs = 20000;
        settings.installTimeoutMs = 30000;
        settings.dnsNameserver = QHostAddress::LocalHost; // nothing answers there: DNS stays "not ready"
        settings.dnsTimeoutMs = 200;
        settings.dnsPollIntervalMs = 50;
        settings.verifyTimeoutMs = 5000;
        settings.verifyIntervalMs = 50;
        settings.drainTimeoutSeconds = 5;
        return env;
    }

    static DeploymentPlan plan(int bridges = 2)
    {
        DeploymentPlan plan;
        plan.domain = QStringLiteral("meet.example.org");
        plan.email = QStringLiteral("admin@example.org");
        plan.web = {QStringLiteral("cx33"), QStringLiteral("fsn1")};
        for (int i = 0; i < bridges; ++i)
            plan.bridges.append({QStringLiteral("cx33"), QStringLiteral("fsn1")});
        plan.sshPublicKey = QStringLiteral(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop");
        return plan;
    }

    // The token accepted, fast polling, the plan set, and the fake hosts told the servers' private addresses when
    // the installs start (as tst_engine does).
    void prepare(WizardState *state, const DeploymentPlan &deploymentPlan = plan())
    {
        state->setToken(HcloudSim::defaultToken());
        hcloud::PollPolicy poll;
        poll.intervalMs = 20;
        poll.maxIntervalMs = 100;
        state->client()->setPollPolicy(poll);
        hcloud::RetryPolicy retry;
        retry.baseDelayMs = 10;
        retry.maxDelayMs = 50;
        state->client()->setRetryPolicy(retry);
        state->updatePlan([&deploymentPlan](DeploymentPlan &p) { p = deploymentPlan; });
        QObject::connect(state->engine(), &DeploymentEngine::event, state, [this](const EngineEvent &e) {
            if (e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Hosts)
                cloud.setPrivateAddresses(sim.state(QStringLiteral("servers")));
        });
    }

    // The Review page's plan check (what each server costs), made against the simulator's catalogue.
    static bool checkPlan(WizardState *state)
    {
        PlanPreview preview(state->client());
        bool done = false;
        preview.preview(state->plan(), [state, &done](Result<PlanPreview::Check> check) {
            if (check)
                state->setPlanCheck(*check);
            done = true;
        });
        QDeadlineTimer deadline(20000);
        while (!done && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return state->planCheck().has_value();
    }

    // Deploys `deploymentPlan` with the real engine on the fake hosts of `hosts` (each deployment may have its own:
    // the simulator gives every deployment's network the same private range, and one FakeCloud finds a host by its
    // address). True when the engine finished without error within `timeoutMs`.
    bool deployOn(const DeploymentPlan &deploymentPlan, FakeCloud *hosts, int timeoutMs = 60000)
    {
        FakeHostAgentFactory agents{hosts};
        WizardState::Environment env = environment();
        env.hosts = &agents;
        WizardState state(env);
        prepare(&state, deploymentPlan);
        QObject::connect(state.engine(), &DeploymentEngine::event, &state, [this, hosts](const EngineEvent &e) {
            if (e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Hosts)
                hosts->setPrivateAddresses(sim.state(QStringLiteral("servers")));
        });
        std::optional<bool> ok;
        QObject context;
        QObject::connect(state.engine(), &DeploymentEngine::finished, &context,
                         [&ok](const Result<EngineOutcome> &result) {
                             if (!result.ok())
                                 qWarning("%s", qPrintable(result.error().toString()));
                             ok = result.ok();
                         });
        state.engine()->deploy(deploymentPlan);
        const QDeadlineTimer deadline(timeoutMs);
        while (!ok && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        return ok.value_or(false);
    }

    QStringList serverNames()
    {
        QStringList names;
        for (const QJsonValue &value : sim.state(QStringLiteral("servers")))
            names << value.toObject().value(QStringLiteral("name")).toString();
        names.sort();
        return names;
    }

    QTemporaryDir dir;
    HcloudSim sim;
    FakeCloud cloud;
    FakeHostAgentFactory factory{&cloud};
};
