// The fake hosts engine tests run against (tests/support/fakehost): they speak the install scripts' log protocol
// (markers that ProvisionLogParser reads), skip completed steps, check SSH host keys, and produce Jitsi logs that
// the real Verifier passes for a working deployment and fails, with the right cause, for a wrong secret, a
// duplicate nickname and a blocked 5222.
#include "deploy/provisionsteps.h"
#include "deploy/verifier.h"
#include "fakecloud.h"
#include "fakehost.h"
#include "fakehostagent.h"
#include "model/deploymentplan.h"
#include "provision/envfile.h"
#include "provision/installbundle.h"

#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString webAddress = u"203.0.113.10"_s;
const QString webPrivate = u"10.0.0.2"_s;

QString bridgeAddress(int n)
{
    return u"203.0.113.%1"_s.arg(10 + n);
}

QString bridgePrivate(int n)
{
    return u"10.0.0.%1"_s.arg(2 + n);
}

QString publicKey(const QString &name)
{
    return u"ssh-ed25519 "_s + QString::fromLatin1(QByteArray("host key of " + name.toUtf8()).toBase64()) + u" root@"_s
           + name;
}

// A callback's result, waited for in the event loop. Also records whether the callback came synchronously,
// inside the call, which HostAgent forbids.
template<typename T>
struct Awaited
{
    std::optional<Result<T>> result;
    bool synchronous = false;
};

template<typename T, typename Op>
Awaited<T> await(Op op, int timeoutMs = 10000)
{
    auto state = std::make_shared<Awaited<T>>();
    auto returned = std::make_shared<bool>(false);
    op([state, returned](Result<T> r) {
        state->synchronous = state->synchronous || !*returned;
        state->result.emplace(std::move(r));
    });
    *returned = true;
    (void)QTest::qWaitFor([&] { return state->result.has_value(); }, timeoutMs); // a timeout leaves no result
    return *state;
}

struct RunOutcome
{
    int rc = -1; // -1: no "@@run end" seen
    QList<ProvisionLogEvent> events;
    QByteArray bytes;
    bool offsetsConsistent = true; // every delivery's end offset is where the parser stands
    Error error;

    QStringList names(ProvisionLogEvent::Kind kind) const
    {
        QStringList out;
        for (const ProvisionLogEvent &e : events) {
            if (e.kind == kind)
                out << e.name;
        }
        return out;
    }
    QString errorOf(const QString &step) const
    {
        for (const ProvisionLogEvent &e : events) {
            if (e.kind == ProvisionLogEvent::Kind::StepError && e.name == step)
                return e.text;
        }
        return {};
    }
};

// Follows the log from `offset` until the run ends.
RunOutcome follow(HostAgent &agent, qint64 offset)
{
    auto outcome = std::make_shared<RunOutcome>();
    auto parser = std::make_shared<ProvisionLogParser>(offset);
    agent.followLog(
            offset,
            [outcome, parser](const QByteArray &bytes, qint64 end) {
                outcome->bytes += bytes;
                for (const ProvisionLogEvent &e : parser->feed(bytes)) {
                    outcome->events << e;
                    if (e.kind == ProvisionLogEvent::Kind::RunEnded)
                        outcome->rc = e.rc;
                }
                outcome->offsetsConsistent = outcome->offsetsConsistent && end == parser->offset();
            },
            [outcome](Result<void> r) { outcome->error = r.error(); });
    (void)QTest::qWaitFor([&] { return outcome->rc >= 0 || !outcome->error.code.isEmpty(); }, 10000); // rc stays -1
    agent.stopFollowingLog();
    return *outcome;
}

RunOutcome runTask(HostAgent &agent, ProvisionTask task)
{
    const auto started = await<qint64>([&](auto done) { agent.startTask(task, done); });
    if (!started.result || !started.result->ok()) {
        RunOutcome failed;
        failed.error = started.result ? started.result->error() : Error{u"test"_s, u"timeout"_s, {}, {}, {}, 0};
        return failed;
    }
    return follow(agent, started.result->value());
}

QString readText(HostAgent &agent, const QString &path)
{
    const auto read = await<QByteArray>([&](auto done) { agent.readFile(path, done); });
    return read.result && read.result->ok() ? QString::fromUtf8(read.result->value()) : QString();
}

HttpProbe probe(HostAgent &agent, quint16 port, const QString &path)
{
    const auto answer = await<HttpProbe>([&](auto done) { agent.probeHttp(port, path, done); });
    return answer.result && answer.result->ok() ? answer.result->value() : HttpProbe::failed(u"no answer"_s);
}

// A web host and two bridges on a FakeCloud, driven the way the engine will: bridges' packages phase, the web
// host, then the bridges' join with prosody's certificate. Bridge 1 reaches the web host on its public address,
// bridge 2 on the private network.
class World
{
public:
    enum class Fault { None, WrongSecret, DuplicateNickname, Blocked5222 };

    World()
    {
        cloud.setStepDurationMs(1);
        plan.domain = u"meet.example.org"_s;
        plan.email = u"admin@example.org"_s;
        plan.web = {u"cx33"_s, u"fsn1"_s};
        plan.bridges = {{u"cx33"_s, u"fsn1"_s}, {u"cx33"_s, u"fsn1"_s}};
        plan.sshPublicKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbx deployer"_s;
        secrets.jvbSecret = u"JvbSecret0123456789abcdefABCDEF"_s;
        secrets.focusPassword = u"FocusPassword0123456789abcdefAB"_s;
        cloud.setPrivateAddress(webAddress, webPrivate);
        cloud.setPrivateAddress(bridgeAddress(2), bridgePrivate(2));
    }

    std::unique_ptr<HostAgent> agentFor(HostRole role, const QString &name, const QString &address)
    {
        HostEndpoint endpoint;
        endpoint.serverName = name;
        endpoint.role = role;
        endpoint.address = address;
        endpoint.pinnedHostKey = publicKey(name);
        return factory.create(endpoint);
    }

    HostInputs inputs(int bridge) const
    {
        HostInputs in;
        in.role = bridge == 0 ? HostRole::Web : HostRole::Bridge;
        in.serverName = bridge == 0 ? plan.webServerName() : plan.bridgeName(bridge);
        in.bridgeNumber = bridge;
        in.webPublicIp = webAddress;
        in.webPrivateIp = bridge == 2 ? webPrivate : QString();
        in.bridgeAddresses = {bridgeAddress(1), bridgePrivate(2)};
        in.prosodyAuthCertificate = prosodyCertificate;
        return in;
    }

    static bool upload(HostAgent &agent, HostRole role, const QByteArray &env, int mode = 0600)
    {
        QList<InstallFile> files = InstallBundle::forRole(role).files();
        files.append({EnvFile::remotePath(), env, mode});
        const auto uploaded = await<void>([&](auto done) { agent.uploadFiles(files, done); });
        return uploaded.result && uploaded.result->ok();
    }

    static bool connect(HostAgent &agent)
    {
        const auto connected = await<QString>([&](auto done) { agent.connectToHost(5000, done); });
        return connected.result && connected.result->ok();
    }

    // Runs everything; false if a step of the protocol itself (not a host's install) went wrong.
    bool deploy(Fault fault = Fault::None)
    {
        web = agentFor(HostRole::Web, plan.webServerName(), webAddress);
        bridges.clear();
        for (int n = 1; n <= 2; ++n)
            bridges.push_back(agentFor(HostRole::Bridge, plan.bridgeName(n), bridgeAddress(n)));
        if (fault == Fault::DuplicateNickname)
            cloud.setMucNickname(bridgeAddress(2), plan.bridgeName(1));
        if (fault == Fault::Blocked5222)
            cloud.block5222(webAddress);
        if (!connect(*web) || !connect(*bridges[0]) || !connect(*bridges[1]))
            return false;

        // Packages first, before prosody's certificate exists (JD_PHASE=packages).
        prosodyCertificate = u"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"_s;
        for (int n = 1; n <= 2; ++n) {
            const Result<QByteArray> env = EnvFile::render(plan, secrets, inputs(n));
            if (!env || !upload(*bridges[n - 1], HostRole::Bridge, env.value() + "JD_PHASE='packages'\n"))
                return false;
            packagesRuns << runTask(*bridges[n - 1], ProvisionTask::Install);
        }

        const Result<QByteArray> webEnv = EnvFile::render(plan, secrets, inputs(0));
        if (!webEnv || !upload(*web, HostRole::Web, webEnv.value()))
            return false;
        webRun = runTask(*web, ProvisionTask::Install);

        prosodyCertificate = readText(*web, InstallBundle::prosodyAuthCertificatePath(plan.domain));
        for (int n = 1; n <= 2; ++n) {
            DeploymentSecrets own = secrets;
            if (fault == Fault::WrongSecret && n == 2)
                own.jvbSecret = u"SomeOtherSecret0123456789abcdef"_s;
            const Result<QByteArray> env = EnvFile::render(plan, own, inputs(n));
            if (!env || !upload(*bridges[n - 1], HostRole::Bridge, env.value()))
                return false;
            joinRuns << runTask(*bridges[n - 1], ProvisionTask::Install);
        }
        return true;
    }

    VerificationReport verify()
    {
        VerifierInput input;
        input.domain = plan.domain;
        input.prosodyLog = readText(*web, FakeHost::prosodyLogPath());
        input.jicofoLog = readText(*web, FakeHost::jicofoLogPath());
        input.jicofoStats = probe(*web, 8888, u"/stats"_s);
        for (int n = 1; n <= int(bridges.size()); ++n) {
            BridgeEvidenceInput bridge;
            bridge.serverName = plan.bridgeName(n);
            bridge.publicIp = bridgeAddress(n);
            bridge.privateIp = n == 2 ? bridgePrivate(2) : QString();
            bridge.jvbLog = readText(*bridges[n - 1], FakeHost::jvbLogPath());
            bridge.health = probe(*bridges[n - 1], 8080, u"/about/health"_s);
            input.bridges << bridge;
        }
        return Verifier::verify(input);
    }

    FakeCloud cloud;
    FakeHostAgentFactory factory{&cloud};
    DeploymentPlan plan;
    DeploymentSecrets secrets;
    QString prosodyCertificate;
    std::unique_ptr<HostAgent> web;
    std::vector<std::unique_ptr<HostAgent>> bridges;
    QList<RunOutcome> packagesRuns;
    RunOutcome webRun;
    QList<RunOutcome> joinRuns;
};

QString causes(const BridgeVerdict &verdict)
{
    QStringList codes;
    for (const VerifyProblem &p : verdict.problems)
        codes << p.code();
    return codes.join(u", "_s);
}

} // namespace

class TestFakeHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installRunWritesMarkersInStepOrder();
    void rerunSkipsCompletedSteps();
    void failedStepResumesThere();
    void envFileMustBeRootOnly();
    void answersNeverSynchronously();
    void connectWaitsForBoot();
    void connectChecksHostKey();
    void hostKeyRotation();
    void droppedFollowResumesWithoutLoss();
    void failedFollowEnds();
    void hostsOutliveAgents();
    void deploymentVerifies();
    void wrongSecretFails();
    void duplicateNicknameFails();
    void blocked5222FailsUntilOpened();
    void drainRemovesBridge();
    void destroyedBridgeIsLost();
    void webOnlyTasks();
};

void TestFakeHost::installRunWritesMarkersInStepOrder()
{
    World world;
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    QVERIFY(World::upload(*web, HostRole::Web, EnvFile::render(world.plan, world.secrets, world.inputs(0)).value()));

    const RunOutcome run = runTask(*web, ProvisionTask::Install);
    QCOMPARE(run.rc, 0);
    QVERIFY(run.offsetsConsistent);
    const QStringList steps = ProvisionSteps::steps(ProvisionTask::Install, HostRole::Web);
    QCOMPARE(run.names(ProvisionLogEvent::Kind::RunStarted), QStringList{u"install-web"_s});
    QCOMPARE(run.names(ProvisionLogEvent::Kind::StepStarted), steps);
    QCOMPARE(run.names(ProvisionLogEvent::Kind::StepEnded), steps);
    QVERIFY(run.names(ProvisionLogEvent::Kind::Output).size() >= steps.size());
    QCOMPARE(run.events.constLast().kind, ProvisionLogEvent::Kind::RunEnded);
    // Every line is a marker the parser understood or plain output: no malformed marker.
    for (const ProvisionLogEvent &e : run.events)
        QVERIFY2(e.kind != ProvisionLogEvent::Kind::Output || !e.text.startsWith(u"@@"_s), qPrintable(e.text));

    FakeHost *host = world.cloud.host(webAddress);
    QVERIFY(host);
    QCOMPARE(host->fileMode(InstallBundle::logPath()), 0600);
    QCOMPARE(host->completedSteps().keys().size(), steps.size());
    QVERIFY(host->hasFile(InstallBundle::prosodyAuthCertificatePath(world.plan.domain)));
    QCOMPARE(host->registeredJvbSecret(), world.secrets.jvbSecret);
    QCOMPARE(host->allowedAddresses(), (QStringList{bridgeAddress(1), bridgePrivate(2)}));
    // No secret in any log.
    QVERIFY(!host->provisionLog().contains(world.secrets.jvbSecret.toUtf8()));
    QVERIFY(!host->file(FakeHost::prosodyLogPath()).contains(world.secrets.jvbSecret.toUtf8()));
}

void TestFakeHost::rerunSkipsCompletedSteps()
{
    World world;
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    HostInputs inputs = world.inputs(0);
    QVERIFY(World::upload(*web, HostRole::Web, EnvFile::render(world.plan, world.secrets, inputs).value()));
    QCOMPARE(runTask(*web, ProvisionTask::Install).rc, 0);

    const QStringList steps = ProvisionSteps::steps(ProvisionTask::Install, HostRole::Web);
    RunOutcome again = runTask(*web, ProvisionTask::Install);
    QCOMPARE(again.rc, 0);
    QCOMPARE(again.names(ProvisionLogEvent::Kind::StepSkipped), steps);
    QVERIFY(again.names(ProvisionLogEvent::Kind::StepStarted).isEmpty());

    // New bridge addresses: the firewall step runs again, nothing else (as the scripts' digests do).
    inputs.bridgeAddresses << u"203.0.113.99"_s;
    QVERIFY(World::upload(*web, HostRole::Web, EnvFile::render(world.plan, world.secrets, inputs).value()));
    again = runTask(*web, ProvisionTask::Firewall);
    QCOMPARE(again.rc, 0);
    QCOMPARE(again.names(ProvisionLogEvent::Kind::RunStarted), QStringList{u"firewall"_s});
    QCOMPARE(again.names(ProvisionLogEvent::Kind::StepStarted), QStringList{u"firewall"_s});
    again = runTask(*web, ProvisionTask::Install);
    QCOMPARE(again.names(ProvisionLogEvent::Kind::StepStarted), QStringList{});

    const FakeHostCounters &counters = world.cloud.host(webAddress)->counters();
    QCOMPARE(counters.runsStarted, 4);
    for (const QString &step : steps)
        QCOMPARE(counters.stepsRun.value(step), step == u"firewall"_s ? 2 : 1);
    QVERIFY(world.cloud.host(webAddress)->allowedAddresses().contains(u"203.0.113.99"_s));
}

void TestFakeHost::failedStepResumesThere()
{
    World world;
    world.cloud.failStep(world.plan.webServerName(), u"register-jvb"_s, u"prosodyctl failed; see the log"_s);
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    QVERIFY(World::upload(*web, HostRole::Web, EnvFile::render(world.plan, world.secrets, world.inputs(0)).value()));

    RunOutcome run = runTask(*web, ProvisionTask::Install);
    QCOMPARE(run.rc, 1);
    QCOMPARE(run.errorOf(u"register-jvb"_s), u"prosodyctl failed; see the log"_s);
    QCOMPARE(run.names(ProvisionLogEvent::Kind::StepStarted).constLast(), u"register-jvb"_s);

    run = runTask(*web, ProvisionTask::Install);
    QCOMPARE(run.rc, 0);
    QCOMPARE(run.names(ProvisionLogEvent::Kind::StepStarted).constFirst(), u"register-jvb"_s);
    const FakeHostCounters &counters = world.cloud.host(webAddress)->counters();
    QCOMPARE(counters.stepsRun.value(u"install-packages"_s), 1);
    QCOMPARE(counters.stepsRun.value(u"register-jvb"_s), 2);
}

void TestFakeHost::envFileMustBeRootOnly()
{
    World world;
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    // Nothing uploaded: no unit to start.
    const auto noUnit = await<qint64>([&](auto done) { web->startTask(ProvisionTask::Install, done); });
    QVERIFY(noUnit.result && !noUnit.result->ok());
    QCOMPARE(noUnit.result->error().code, u"command_failed"_s);

    QVERIFY(World::upload(*web, HostRole::Web, EnvFile::render(world.plan, world.secrets, world.inputs(0)).value(),
                          0644));
    const RunOutcome run = runTask(*web, ProvisionTask::Install);
    QCOMPARE(run.rc, 1);
    QVERIFY2(run.errorOf(u"none"_s).contains(u"expected 600"_s), qPrintable(run.errorOf(u"none"_s)));
    QVERIFY(run.names(ProvisionLogEvent::Kind::StepStarted).isEmpty());
}

void TestFakeHost::answersNeverSynchronously()
{
    World world;
    world.cloud.setAutoBootMs(0);
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(!await<QString>([&](auto done) { web->connectToHost(1000, done); }).synchronous);
    QVERIFY(!await<void>([&](auto done) { web->uploadFiles({}, done); }).synchronous);
    QVERIFY(!await<QByteArray>([&](auto done) { web->readFile(u"/nope"_s, done); }).synchronous);
    QVERIFY(!await<HttpProbe>([&](auto done) { web->probeHttp(8888, u"/stats"_s, done); }).synchronous);
    QVERIFY(!await<qint64>([&](auto done) { web->startTask(ProvisionTask::Install, done); }).synchronous);
    QVERIFY(!await<int>([&](auto done) { web->drainBridge(1, done); }).synchronous);

    const auto missing = await<QByteArray>([&](auto done) { web->readFile(u"/nope"_s, done); });
    QCOMPARE(missing.result->error().code, u"file_not_found"_s);
    // Before the packages there is no jicofo: a probe answers "no HTTP answer", never an error.
    const auto stats = await<HttpProbe>([&](auto done) { web->probeHttp(8888, u"/stats"_s, done); });
    QVERIFY(stats.result->ok());
    QCOMPARE(stats.result->value().status, 0);

    // An agent deleted with answers pending gets none (would crash or hang otherwise).
    bool called = false;
    web->readFile(u"/nope"_s, [&](Result<QByteArray>) { called = true; });
    web.reset();
    QTest::qWait(20);
    QVERIFY(!called);
}

void TestFakeHost::connectWaitsForBoot()
{
    World world;
    world.cloud.setAutoBootMs(-1);
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);

    const auto early = await<QString>([&](auto done) { web->connectToHost(30, done); });
    QVERIFY(early.result && !early.result->ok());
    QCOMPARE(early.result->error().code, u"connection_refused"_s);
    // Operations need a connection.
    const auto notConnected = await<void>([&](auto done) { web->uploadFiles({}, done); });
    QVERIFY(notConnected.result && !notConnected.result->ok());

    QTimer::singleShot(30, &world.cloud, [&] { world.cloud.boot(webAddress); });
    const auto booted = await<QString>([&](auto done) { web->connectToHost(5000, done); });
    QVERIFY(booted.result && booted.result->ok());
    QCOMPARE(booted.result->value(), publicKey(world.plan.webServerName()));
    QCOMPARE(world.cloud.host(webAddress)->counters().connectAttempts, 2);
    QCOMPARE(world.cloud.host(webAddress)->counters().connects, 1);
}

void TestFakeHost::connectChecksHostKey()
{
    World world;
    world.cloud.setPresentedHostKey(webAddress, publicKey(u"mallory"_s));
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    const auto mitm = await<QString>([&](auto done) { web->connectToHost(5000, done); });
    QVERIFY(mitm.result && !mitm.result->ok());
    QCOMPARE(mitm.result->error().code, u"host_key_mismatch"_s);

    world.cloud.setPresentedHostKey(webAddress, {});
    const auto own = await<QString>([&](auto done) { web->connectToHost(5000, done); });
    QVERIFY(own.result && own.result->ok());
}

void TestFakeHost::hostKeyRotation()
{
    World world;
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    const HostKeyText rotated{u"ed25519"_s, u"private"_s, publicKey(u"rotated"_s)};
    const auto installed = await<void>([&](auto done) { web->installHostKey(rotated, done); });
    QVERIFY(installed.result && installed.result->ok());

    // The next connection with only the old pin fails; with the new one pending it reports the new key.
    auto old = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    const auto stale = await<QString>([&](auto done) { old->connectToHost(5000, done); });
    QCOMPARE(stale.result->error().code, u"host_key_mismatch"_s);

    HostEndpoint endpoint = web->endpoint();
    endpoint.pendingHostKey = rotated.publicKey;
    auto resumed = world.factory.create(endpoint);
    const auto fresh = await<QString>([&](auto done) { resumed->connectToHost(5000, done); });
    QVERIFY(fresh.result && fresh.result->ok());
    QCOMPARE(fresh.result->value(), rotated.publicKey);
    QCOMPARE(world.cloud.host(webAddress)->counters().hostKeyInstalls, 1);
}

void TestFakeHost::droppedFollowResumesWithoutLoss()
{
    World world;
    world.cloud.dropFollow(webAddress, 3);
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    QVERIFY(World::upload(*web, HostRole::Web, EnvFile::render(world.plan, world.secrets, world.inputs(0)).value()));
    const RunOutcome run = runTask(*web, ProvisionTask::Install);
    QCOMPARE(run.rc, 0);
    QVERIFY(run.offsetsConsistent);
    QCOMPARE(world.cloud.host(webAddress)->counters().followDrops, 1);
    // Exactly the log: nothing lost, nothing twice.
    QCOMPARE(run.bytes, world.cloud.host(webAddress)->provisionLog());
}

void TestFakeHost::failedFollowEnds()
{
    World world;
    world.cloud.failFollow(webAddress);
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    const RunOutcome run = follow(*web, 0);
    QCOMPARE(run.error.code, u"connection_lost"_s);
}

void TestFakeHost::hostsOutliveAgents()
{
    World world;
    world.cloud.setStepDurationMs(20);
    auto web = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*web));
    QVERIFY(World::upload(*web, HostRole::Web, EnvFile::render(world.plan, world.secrets, world.inputs(0)).value()));
    const auto started = await<qint64>([&](auto done) { web->startTask(ProvisionTask::Install, done); });
    QVERIFY(started.result && started.result->ok());
    web.reset(); // the engine is killed mid-run

    FakeHost *host = world.cloud.host(webAddress);
    QVERIFY(host->isRunning());
    auto again = world.agentFor(HostRole::Web, world.plan.webServerName(), webAddress);
    QVERIFY(World::connect(*again));
    // Still running: the same run's offset, and following it shows the whole run once.
    const auto restarted = await<qint64>([&](auto done) { again->startTask(ProvisionTask::Install, done); });
    QCOMPARE(restarted.result->value(), started.result->value());
    const RunOutcome run = follow(*again, restarted.result->value());
    QCOMPARE(run.rc, 0);
    QCOMPARE(run.names(ProvisionLogEvent::Kind::RunStarted).size(), 1);
    QCOMPARE(host->counters().runsStarted, 1);
    QCOMPARE(host->counters().startRequests, 2);
    QCOMPARE(host->counters().connects, 2);
    QCOMPARE(world.factory.created(), 2);
}

void TestFakeHost::deploymentVerifies()
{
    World world;
    QVERIFY(world.deploy());
    for (const RunOutcome &run : std::as_const(world.packagesRuns)) {
        QCOMPARE(run.rc, 0);
        QCOMPARE(run.names(ProvisionLogEvent::Kind::StepStarted).constLast(), u"install-packages"_s);
    }
    QCOMPARE(world.webRun.rc, 0);
    QVERIFY(world.prosodyCertificate.startsWith(u"-----BEGIN CERTIFICATE-----"_s));
    for (const RunOutcome &run : std::as_const(world.joinRuns)) {
        QCOMPARE(run.rc, 0);
        // The packages phase is not redone.
        QCOMPARE(run.names(ProvisionLogEvent::Kind::StepStarted),
                 (QStringList{u"trust-prosody-certificate"_s, u"configure-jvb"_s, u"restart-and-join"_s}));
    }
    QCOMPARE(world.cloud.host(bridgeAddress(1))->counters().stepsRun.value(u"install-packages"_s), 1);

    const VerificationReport report = world.verify();
    for (const BridgeVerdict &bridge : report.bridges)
        QVERIFY2(bridge.ok(), qPrintable(bridge.serverName + u": "_s + causes(bridge)));
    QVERIFY2(report.ok(), qPrintable(report.toError().message));
    QCOMPARE(report.liveSessions, 2);
    QCOMPARE(report.operationalBridges, 2);
    QCOMPARE(world.cloud.host(webAddress)->operationalBridgeCount(), 2);
}

void TestFakeHost::wrongSecretFails()
{
    World world;
    QVERIFY(world.deploy(World::Fault::WrongSecret));
    QCOMPARE(world.joinRuns.at(0).rc, 0);
    QCOMPARE(world.joinRuns.at(1).rc, 1);
    QVERIFY2(world.joinRuns.at(1).errorOf(u"restart-and-join"_s).contains(u"not-authorized"_s),
             qPrintable(world.joinRuns.at(1).errorOf(u"restart-and-join"_s)));

    const VerificationReport report = world.verify();
    QVERIFY(!report.ok());
    QVERIFY2(report.bridges.at(0).ok(), qPrintable(causes(report.bridges.at(0))));
    QVERIFY(!report.bridges.at(1).ok());
    QCOMPARE(report.bridges.at(1).problems.constFirst().cause, VerifyCause::WrongSecret);
}

void TestFakeHost::duplicateNicknameFails()
{
    World world;
    QVERIFY(world.deploy(World::Fault::DuplicateNickname));
    QCOMPARE(world.joinRuns.at(0).rc, 0);
    QCOMPARE(world.joinRuns.at(1).rc, 1);

    const VerificationReport report = world.verify();
    QVERIFY(!report.ok());
    QVERIFY(!report.bridges.at(1).ok());
    QCOMPARE(report.bridges.at(1).problems.constFirst().cause, VerifyCause::DuplicateNickname);
    QCOMPARE(world.cloud.host(webAddress)->operationalBridgeCount(), 1);
}

void TestFakeHost::blocked5222FailsUntilOpened()
{
    World world;
    QVERIFY(world.deploy(World::Fault::Blocked5222));
    for (const RunOutcome &run : std::as_const(world.joinRuns)) {
        QCOMPARE(run.rc, 1);
        QVERIFY2(run.errorOf(u"restart-and-join"_s).contains(u"Error connecting"_s),
                 qPrintable(run.errorOf(u"restart-and-join"_s)));
    }
    VerificationReport report = world.verify();
    QVERIFY(!report.ok());
    for (const BridgeVerdict &bridge : report.bridges) {
        QVERIFY(!bridge.ok());
        QCOMPARE(bridge.problems.constFirst().cause, VerifyCause::XmppUnreachable);
    }

    // jvb keeps retrying: once 5222 is open both join without another install.
    world.cloud.block5222(webAddress, false);
    QTRY_COMPARE(world.cloud.host(webAddress)->operationalBridgeCount(), 2);
    report = world.verify();
    QVERIFY2(report.ok(), qPrintable(report.toError().message));
}

void TestFakeHost::drainRemovesBridge()
{
    World world;
    QVERIFY(world.deploy());
    world.cloud.setConferencesAfterDrain(bridgeAddress(1), 0);
    const auto drained = await<int>([&](auto done) { world.bridges[1]->drainBridge(60, done); });
    QVERIFY(drained.result && drained.result->ok());
    QCOMPARE(drained.result->value(), 0);
    QCOMPARE(probe(*world.bridges[1], 8080, u"/about/health"_s).status, 0);
    QVERIFY(readText(*world.web, FakeHost::jicofoLogPath()).contains(u"Removed brewery instance"_s));
    QVERIFY(readText(*world.web, FakeHost::prosodyLogPath()).contains(u"Client disconnected"_s));
    const HttpProbe stats = probe(*world.web, 8888, u"/stats"_s);
    QCOMPARE(stats.status, 200);
    QVERIFY(stats.body.contains("\"operational_bridge_count\":1"));

    // The deployment without it verifies.
    world.bridges.pop_back();
    const VerificationReport report = world.verify();
    QVERIFY2(report.ok(), qPrintable(report.toError().message));
}

void TestFakeHost::destroyedBridgeIsLost()
{
    World world;
    QVERIFY(world.deploy());
    world.cloud.destroyHost(world.plan.bridgeName(2));
    QVERIFY(!world.cloud.host(bridgeAddress(2)));
    QVERIFY(readText(*world.web, FakeHost::jicofoLogPath()).contains(u"Lost a bridge"_s));
    QCOMPARE(world.cloud.host(webAddress)->operationalBridgeCount(), 1);
    const auto gone = await<QByteArray>([&](auto done) { world.bridges[1]->readFile(FakeHost::jvbLogPath(), done); });
    QVERIFY(gone.result && !gone.result->ok());
    QCOMPARE(gone.result->error().code, u"connection_lost"_s);
}

void TestFakeHost::webOnlyTasks()
{
    World world;
    QVERIFY(world.deploy());
    const RunOutcome certificate = runTask(*world.web, ProvisionTask::Certificate);
    QCOMPARE(certificate.rc, 0);
    QCOMPARE(certificate.names(ProvisionLogEvent::Kind::StepStarted), QStringList{u"certificate"_s});
    QVERIFY(world.cloud.host(webAddress)->hasFile(u"/etc/letsencrypt/live/meet.example.org/fullchain.pem"_s));
    // Same inputs: the firewall step is skipped.
    const RunOutcome firewall = runTask(*world.web, ProvisionTask::Firewall);
    QCOMPARE(firewall.rc, 0);
    QCOMPARE(firewall.names(ProvisionLogEvent::Kind::StepSkipped), QStringList{u"firewall"_s});
    // A bridge has no firewall script.
    const auto onBridge = await<qint64>([&](auto done) { world.bridges[0]->startTask(ProvisionTask::Firewall, done); });
    QVERIFY(onBridge.result && !onBridge.result->ok());
}

QTEST_GUILESS_MAIN(TestFakeHost)
#include "tst_fakehost.moc"
