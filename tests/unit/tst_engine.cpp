// The DeploymentEngine against hcloud-sim (the API, OpenAPI-checked) and fake hosts that speak the real
// provisioning log protocol (tests/support/fakehost), with the deployment's secrets in a real gnome-keyring.
// Covers issue 5's engine list: parallel creation, batched polling, API faults during a deployment, kill and
// resume at several points, add/remove/destroy, validation errors, host key refusal, verify naming causes.
#include "common/redactor.h"
#include "deploy/deploymentdnsrecords.h"
#include "deploy/deploymentengine.h"
#include "deploy/deploymentlabels.h"
#include "deploy/deploymentstore.h"
#include "deploy/discovery.h"
#include "deploy/hostkeybroker.h"
#include "deploy/progressmodel.h"
#include "fakecloud.h"
#include "fakehost.h"
#include "fakehostagent.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"
#include "openapivalidator.h"
#include "provision/envfile.h"
#include "ssh/sshpublickey.h"
#include "testdnsserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const QString domain = u"meet.example.org"_s;
const QString slug = u"meet-example-org"_s;

DeploymentPlan makePlan(int bridges)
{
    DeploymentPlan plan;
    plan.domain = domain;
    plan.email = u"admin@example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    for (int i = 0; i < bridges; ++i)
        plan.bridges.append({u"cx33"_s, u"fsn1"_s});
    plan.sshPublicKey
            = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;
    return plan;
}

struct Outcome
{
    bool finished = false;
    Result<EngineOutcome> result = Error{};
    QList<EngineEvent> events;
};
} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<hcloud::HetznerClient> m_client;
    std::unique_ptr<FakeCloud> m_cloud;
    std::unique_ptr<FakeHostAgentFactory> m_factory;
    std::unique_ptr<DeploymentEngine> m_engine;
    std::unique_ptr<QTemporaryDir> m_dir;
    EngineSettings m_settings;
    QList<EngineEvent> m_events;
    std::function<void(const EngineEvent &)> m_onEvent; // a test's own reaction to the engine's events

    // The simulator's private addresses, told to the fake hosts so a bridge on the network reaches the web host
    // by its private IP as the engine configures it.
    void sharePrivateAddresses() { m_cloud->setPrivateAddresses(m_sim->state(u"servers"_s)); }

    DeploymentEngine *newEngine()
    {
        m_engine.reset();
        m_engine = std::make_unique<DeploymentEngine>(m_client.get(), m_settings);
        connect(m_engine.get(), &DeploymentEngine::event, this, [this](const EngineEvent &e) {
            m_events.append(e);
            if (e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Hosts)
                sharePrivateAddresses();
            if (m_onEvent)
                m_onEvent(e);
        });
        return m_engine.get();
    }

    // Runs one operation to its end (or until `stopWhen` says to kill the engine: then finished stays false).
    Outcome run(const std::function<void(DeploymentEngine *)> &start,
                const std::function<bool(const EngineEvent &)> &stopWhen = {})
    {
        Outcome outcome;
        m_events.clear();
        DeploymentEngine *engine = newEngine();
        bool killed = false;
        QObject guard;
        if (stopWhen) {
            connect(engine, &DeploymentEngine::event, &guard, [&](const EngineEvent &e) {
                if (!killed && stopWhen(e))
                    killed = true;
            });
        }
        connect(engine, &DeploymentEngine::finished, &guard, [&](const Result<EngineOutcome> &result) {
            outcome.finished = true;
            outcome.result = result;
        });
        start(engine);
        (void)QTest::qWaitFor([&] { return outcome.finished || killed; }, 60000);
        if (killed && !outcome.finished)
            m_engine.reset(); // "kill -9": no cleanup runs, pending callbacks are dropped
        outcome.events = m_events;
        if (!outcome.finished && !killed)
            qWarning("the operation did not finish in time");
        return outcome;
    }

    Outcome deploy(const DeploymentPlan &plan, const std::function<bool(const EngineEvent &)> &stopWhen = {})
    {
        return run([plan](DeploymentEngine *engine) { engine->deploy(plan); }, stopWhen);
    }

    QJsonArray labelled(const QString &collection) const
    {
        QJsonArray found;
        for (const QJsonValue &value : m_sim->state(collection)) {
            const QJsonObject labels = value.toObject().value(u"labels"_s).toObject();
            if (labels.value(QLatin1String(DeploymentLabels::deploymentKey)).toString() == slug)
                found.append(value);
        }
        return found;
    }

    QStringList serverNames() const
    {
        QStringList names;
        for (const QJsonValue &value : m_sim->state(u"servers"_s))
            names << value.toObject().value(u"name"_s).toString();
        names.sort();
        return names;
    }

    QString serverAddress(const QString &name) const
    {
        for (const QJsonValue &value : m_sim->state(u"servers"_s)) {
            const QJsonObject server = value.toObject();
            if (server.value(u"name"_s).toString() == name)
                return server.value(u"public_net"_s).toObject().value(u"ipv4"_s).toObject().value(u"ip"_s).toString();
        }
        return {};
    }

    QStringList web5222Sources() const
    {
        for (const QJsonValue &value : m_sim->state(u"firewalls"_s)) {
            const QJsonObject firewall = value.toObject();
            if (firewall.value(u"name"_s).toString() != slug + u"-web"_s)
                continue;
            for (const QJsonValue &rule : firewall.value(u"rules"_s).toArray()) {
                if (rule.toObject().value(u"port"_s).toString() == u"5222"_s) {
                    QStringList sources;
                    for (const QJsonValue &source : rule.toObject().value(u"source_ips"_s).toArray())
                        sources << source.toString().section(u'/', 0, 0);
                    sources.sort();
                    return sources;
                }
            }
        }
        return {};
    }

    static QString errorText(const Outcome &outcome)
    {
        return outcome.result.ok() ? QString() : outcome.result.error().toString();
    }

    void verifyExactlyOneOfEach(int bridges)
    {
        QStringList expected{slug + u"-web"_s};
        for (int n = 1; n <= bridges; ++n)
            expected << slug + u"-jvb-"_s + QString::number(n);
        expected.sort();
        QCOMPARE(serverNames(), expected);
        QCOMPARE(labelled(u"servers"_s).size(), qsizetype(bridges + 1));
        QCOMPARE(m_sim->state(u"networks"_s).size(), qsizetype(1));
        QCOMPARE(m_sim->state(u"firewalls"_s).size(), qsizetype(2));
        // Primary IPs come and go with their servers; one without a server is an orphan that costs money.
        for (const QJsonValue &ip : m_sim->state(u"primary_ips"_s))
            QVERIFY2(!ip.toObject().value(u"assignee_id"_s).isNull(), "an orphaned primary IP");
    }

    // ---- issue 14: labels, and managing from a second computer -------------------------------------------------

    QJsonObject simServer(const QString &name) const
    {
        for (const QJsonValue &value : m_sim->state(u"servers"_s)) {
            if (value.toObject().value(u"name"_s).toString() == name)
                return value.toObject();
        }
        return {};
    }

    QString labelOf(const QString &server, const char *key) const
    {
        return simServer(server).value(u"labels"_s).toObject().value(QLatin1String(key)).toString();
    }

    // Changes a server's labels in the project, as a user in the Hetzner Console would.
    void editLabels(const QString &server, const std::function<void(hcloud::Labels &)> &edit)
    {
        const QJsonObject stored = simServer(server);
        hcloud::Labels labels;
        const QJsonObject object = stored.value(u"labels"_s).toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            labels.insert(it.key(), it.value().toString());
        edit(labels);
        bool done = false;
        QObject context;
        m_client->setServerLabels(stored.value(u"id"_s).toInteger(), labels, &context, [&](Result<hcloud::Server> r) {
            QVERIFY(r.ok());
            done = true;
        });
        QTRY_VERIFY(done);
    }

    // The second computer: no state file, no secrets.
    void becomeAnotherComputer(const QString &store)
    {
        // What cloud-init does with the project's SSH key on a real server (the fake host has no cloud-init).
        if (FakeHost *web = m_cloud->host(slug + u"-web"_s); web && !web->hasFile(u"/root/.ssh/authorized_keys"_s))
            web->writeFile(u"/root/.ssh/authorized_keys"_s, makePlan(1).sshPublicKey.toUtf8() + '\n', 0600);
        m_settings.storeDirectory = m_dir->filePath(store);
        bool removed = false;
        QObject context;
        DeploymentSecretStore().remove(slug, &context, [&](Result<void>) { removed = true; });
        QTRY_VERIFY(removed);
    }

    std::optional<DeploymentSecrets> storedSecrets()
    {
        std::optional<DeploymentSecrets> found;
        bool loaded = false;
        QObject context;
        DeploymentSecretStore().load(slug, &context, [&](Result<std::optional<DeploymentSecrets>> secrets) {
            if (secrets.ok())
                found = secrets.value();
            loaded = true;
        });
        (void)QTest::qWaitFor([&] { return loaded; }, 10000);
        return found;
    }

private Q_SLOTS:
    void init()
    {
        Redactor::instance().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_sim = std::make_unique<HcloudSim>();
        QVERIFY(m_sim->listen());
        m_sim->setActionDurationMs(30);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<hcloud::HetznerClient>(m_network.get());
        m_client->setEndpoint(m_sim->endpoint());
        m_client->setToken(HcloudSim::defaultToken());
        hcloud::PollPolicy poll;
        poll.intervalMs = 20;
        poll.maxIntervalMs = 100;
        m_client->setPollPolicy(poll);
        hcloud::RetryPolicy retry;
        retry.baseDelayMs = 10;
        retry.maxDelayMs = 50;
        m_client->setRetryPolicy(retry);
        m_cloud = std::make_unique<FakeCloud>();
        m_cloud->setStepDurationMs(2);
        m_factory = std::make_unique<FakeHostAgentFactory>(m_cloud.get());
        m_settings = EngineSettings{};
        m_settings.hosts = m_factory.get();
        m_settings.storeDirectory = m_dir->filePath(u"store"_s);
        m_settings.bootTimeoutMs = 20000;
        m_settings.installTimeoutMs = 30000;
        m_settings.dnsNameserver = QHostAddress::LocalHost; // nothing answers there: DNS stays "not ready"
        m_settings.dnsTimeoutMs = 200;
        m_settings.verifyTimeoutMs = 5000;
        m_settings.verifyIntervalMs = 50;
        m_settings.drainTimeoutSeconds = 5;
        m_events.clear();
        m_onEvent = {};
    }

    void cleanup()
    {
        m_engine.reset();
        // Secrets of this test's deployment go with it, so the next test starts from an empty keychain entry.
        bool removed = false;
        QObject context;
        DeploymentSecretStore().remove(slug, &context, [&](Result<void>) { removed = true; });
        QTRY_VERIFY(removed);
        m_factory.reset();
        m_cloud.reset();
        m_client.reset();
        m_network.reset();
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void bridgesInTheWebZoneUseThePrivateNetwork()
    {
        // nbg1 shares fsn1's network zone; ash does not.
        DeploymentPlan plan = makePlan(0);
        plan.bridges = {{u"cx33"_s, u"nbg1"_s}, {u"cpx22"_s, u"ash"_s}};
        const Outcome outcome = deploy(plan);
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome)));

        QMap<QString, QJsonArray> privateNets;
        for (const QJsonValue &server : m_sim->state(u"servers"_s))
            privateNets.insert(server[u"name"_s].toString(), server[u"private_net"_s].toArray());
        const QJsonArray webNet = privateNets.value(slug + u"-web"_s);
        QCOMPARE(webNet.size(), qsizetype(1));
        const QJsonArray sameZone = privateNets.value(slug + u"-jvb-1"_s);
        QCOMPARE(sameZone.size(), qsizetype(1));
        QCOMPARE(sameZone[0][u"network"_s], webNet[0][u"network"_s]);
        QVERIFY(privateNets.value(slug + u"-jvb-2"_s).isEmpty());

        // What each bridge was told to connect to: the web host's private address, or its public one.
        const QString webPrivate = webNet[0][u"ip"_s].toString();
        const QByteArray nearEnv = m_cloud->host(slug + u"-jvb-1"_s)->file(EnvFile::remotePath());
        const QByteArray farEnv = m_cloud->host(slug + u"-jvb-2"_s)->file(EnvFile::remotePath());
        QVERIFY2(nearEnv.contains(QByteArray("JD_XMPP_HOST='" + webPrivate.toLatin1() + "'")), nearEnv.constData());
        QVERIFY2(farEnv.contains(QByteArray("JD_XMPP_HOST='" + serverAddress(slug + u"-web"_s).toLatin1() + "'")),
                 farEnv.constData());
    }

    void certificateWhileBridgesFinish()
    {
        if (::geteuid() != 0)
            QSKIP("The records resolve through a DNS server on port 53 of a loopback address, which needs root (as "
                  "in CI).");
        // A real DNS server that learns the records when the engine publishes them, as the user's provider would.
        QTemporaryDir zone;
        TestDnsServer dns;
        const QHostAddress nameserver = TestDnsServer::privateLoopback(9);
        const QString failure = dns.start(nameserver, {}, zone.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_onEvent = [&zone](const EngineEvent &e) {
            if (e.kind != EngineEvent::Kind::DnsRecords)
                return;
            QByteArray hosts;
            for (const DnsRecord &record : e.records)
                hosts += record.value.toLatin1() + ' ' + record.name.toLatin1() + '\n';
            // A plain write: dnsmasq reads the file when it is closed (QSaveFile's unnamed temporary confuses it).
            QFile file(zone.filePath(u"records"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(hosts), hosts.size());
        };
        m_settings.dnsNameserver = nameserver;
        m_settings.dnsTimeoutMs = 20000;
        m_settings.dnsPollIntervalMs = 50;
        // The bridges take their time to join; the web host is ready long before.
        m_cloud->setStepDuration(slug + u"-jvb-1"_s, u"restart-and-join"_s, 1500);
        m_cloud->setStepDuration(slug + u"-jvb-2"_s, u"restart-and-join"_s, 1500);

        const Outcome outcome = deploy(makePlan(2));
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome) + u'\n' + QString::fromUtf8(dns.log())));
        QVERIFY2(outcome.result->dnsReady, dns.log().constData());
        QVERIFY(outcome.result->verification && outcome.result->verification->ok());
        QCOMPARE(m_cloud->host(slug + u"-web"_s)->counters().stepsRun.value(u"certificate"_s), 1);

        // The certificate was fetched while the bridges were still joining, and verification came after both.
        auto indexOf = [&outcome](const std::function<bool(const EngineEvent &)> &match, bool last = false) {
            qsizetype found = -1;
            for (qsizetype i = 0; i < outcome.events.size(); ++i) {
                if (match(outcome.events.at(i))) {
                    found = i;
                    if (!last)
                        break;
                }
            }
            return found;
        };
        const qsizetype certificateDone = indexOf([](const EngineEvent &e) {
            return e.kind == EngineEvent::Kind::HostStep && e.host == slug + u"-web"_s && e.step == u"certificate"_s
                   && e.hostState == HostState::Succeeded;
        });
        const qsizetype lastBridgeJoined = indexOf(
                [](const EngineEvent &e) {
                    return e.kind == EngineEvent::Kind::HostStep && e.step == u"restart-and-join"_s
                           && e.hostState == HostState::Succeeded;
                },
                true);
        const qsizetype verifying = indexOf(
                [](const EngineEvent &e) { return e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Verify; });
        QVERIFY(certificateDone >= 0 && lastBridgeJoined >= 0 && verifying >= 0);
        QVERIFY2(certificateDone < lastBridgeJoined, "the certificate waited for the bridges");
        QVERIFY(lastBridgeJoined < verifying);
        // Nothing was waited for after the hosts, so no separate certificate phase.
        QCOMPARE(indexOf([](const EngineEvent &e) {
                     return e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Certificate;
                 }),
                 qsizetype(-1));
    }

    void continueWithoutDnsEndsTheWaitAndVerifies()
    {
        // Nothing answers DNS, and the run would wait a minute for the records: the user goes on without them.
        m_settings.dnsTimeoutMs = 60000;
        m_settings.dnsPollIntervalMs = 50;
        int checkRounds = 0;
        QElapsedTimer sinceContinue;
        m_onEvent = [&](const EngineEvent &e) {
            if (e.kind != EngineEvent::Kind::DnsCheck || ++checkRounds != 2)
                return;
            sinceContinue.start();
            m_engine->continueWithoutDns();
            m_engine->continueWithoutDns(); // a second click changes nothing
        };
        const Outcome outcome = deploy(makePlan(1));
        QVERIFY2(outcome.finished, "the run still waits for DNS");
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome)));
        QVERIFY(sinceContinue.isValid());
        QVERIFY2(sinceContinue.elapsed() < m_settings.dnsTimeoutMs / 4, "the wait did not end early");
        QVERIFY(!outcome.result->dnsReady);
        QVERIFY(outcome.result->verification && outcome.result->verification->ok());
        // Once the user went on, no more rounds; the certificate stays self-signed and a warning says so.
        qsizetype rounds = 0;
        bool warned = false;
        for (const EngineEvent &e : outcome.events) {
            rounds += e.kind == EngineEvent::Kind::DnsCheck ? 1 : 0;
            warned = warned || (e.kind == EngineEvent::Kind::Warning && e.message.contains(u"self-signed"_s));
        }
        QCOMPARE(rounds, qsizetype(2));
        QVERIFY(warned);
        QCOMPARE(m_cloud->host(slug + u"-web"_s)->counters().stepsRun.value(u"certificate"_s), 0);
        // Called when nothing waits, it does nothing.
        m_engine->continueWithoutDns();
        QVERIFY(!m_engine->isRunning());
    }

    void deployCreatesInParallelAndVerifies()
    {
        const Outcome outcome = deploy(makePlan(2));
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome)));
        verifyExactlyOneOfEach(2);

        // Verified by the real Verifier on the fake hosts' logs.
        QVERIFY(outcome.result->verification && outcome.result->verification->ok());
        QCOMPARE(outcome.result->verification->bridges.size(), qsizetype(2));
        QCOMPARE(outcome.result->bridges, (QStringList{slug + u"-jvb-1"_s, slug + u"-jvb-2"_s}));
        QCOMPARE(outcome.result->createdThisRun.size(), qsizetype(3));

        // Parallel: every POST /servers went out before the first action poll.
        const auto exchanges = m_sim->exchanges();
        int firstPost = -1, lastPost = -1, firstPoll = -1;
        for (int i = 0; i < exchanges.size(); ++i) {
            if (exchanges[i].method == u"POST"_s && exchanges[i].path == u"/servers"_s) {
                lastPost = i;
                if (firstPost < 0)
                    firstPost = i;
            }
            if (firstPost >= 0 && firstPoll < 0 && exchanges[i].method == u"GET"_s
                && exchanges[i].path.startsWith(u"/actions"_s))
                firstPoll = i;
        }
        QVERIFY(lastPost >= 0 && firstPoll >= 0);
        QVERIFY2(lastPost < firstPoll, "servers were created one after the other");

        // 5222 allowed from exactly the bridges.
        QStringList bridgeAddresses{serverAddress(slug + u"-jvb-1"_s), serverAddress(slug + u"-jvb-2"_s)};
        bridgeAddresses.sort();
        QCOMPARE(web5222Sources(), bridgeAddresses);

        // Host keys: rotated once per host, and the rotated key is the one pinned on this computer.
        const auto keys = DeploymentStore(m_settings.storeDirectory).hostKeys(slug);
        QVERIFY(keys.ok());
        QCOMPARE(keys.value().size(), qsizetype(3));
        for (auto it = keys.value().cbegin(); it != keys.value().cend(); ++it) {
            FakeHost *host = m_cloud->host(it.key());
            QVERIFY(host);
            QCOMPARE(host->counters().hostKeyInstalls, 1);
            QVERIFY(it->rotated);
            QVERIFY(it->pending.isEmpty());
            QCOMPARE(host->ownHostKey().section(u' ', 0, 1), it->pinned.section(u' ', 0, 1));
            // The env file (the only file with secrets) went up with mode 0600.
            QCOMPARE(host->fileMode(EnvFile::remotePath()), 0600);
        }

        // Every host reported its steps; bridges waited for the web host only after their packages.
        QSet<QString> hostsWithSteps;
        for (const EngineEvent &e : outcome.events) {
            if (e.kind == EngineEvent::Kind::HostStep && !e.step.isEmpty()) {
                hostsWithSteps.insert(e.host);
                QVERIFY(e.stepIndex >= 1 && e.stepIndex <= e.stepCount);
            }
        }
        QCOMPARE(hostsWithSteps.size(), qsizetype(3));

        // No secret in any event.
        QVERIFY(m_cloud->host(slug + u"-web"_s));
        const QString secret = m_cloud->host(slug + u"-web"_s)->registeredJvbSecret();
        QVERIFY(secret.size() >= 24);
        for (const EngineEvent &e : outcome.events)
            QVERIFY(!QJsonDocument(e.toJson()).toJson().contains(secret.toUtf8()));
        QVERIFY(!QJsonDocument(outcome.result->toJson()).toJson().contains(secret.toUtf8()));
    }

    void hostsSayWhatTheyWaitFor()
    {
        // Servers boot a while after they are created; the web host installs slowly, so the bridges finish their
        // packages first and wait for it; the web host's log connection drops once; DNS does not resolve.
        m_cloud->setAutoBootMs(300);
        const QString web = slug + u"-web"_s;
        const QString bridge = slug + u"-jvb-1"_s;
        m_cloud->setStepDuration(web, u"register-jvb"_s, 600);
        m_cloud->dropFollow(web, 4);
        m_settings.dnsTimeoutMs = 1500;
        m_settings.dnsPollIntervalMs = 100;
        ProgressModel model;
        QList<HostProgress> waitingSeen;
        m_onEvent = [&](const EngineEvent &e) {
            model.apply(e);
            if (e.kind == EngineEvent::Kind::HostStep && e.hostState == HostState::Waiting)
                waitingSeen.append(model.host(e.host));
        };
        const Outcome outcome = deploy(makePlan(1));
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome)));

        auto waits = [&outcome](const QString &host, WaitReason reason) {
            QList<qsizetype> at;
            for (qsizetype i = 0; i < outcome.events.size(); ++i) {
                const EngineEvent &e = outcome.events.at(i);
                if (e.kind == EngineEvent::Kind::HostStep && e.host == host && e.hostState == HostState::Waiting
                    && e.waitReason == reason && !e.message.isEmpty())
                    at.append(i);
            }
            return at;
        };
        auto firstStep = [&outcome](const QString &host, const QString &step) {
            for (qsizetype i = 0; i < outcome.events.size(); ++i) {
                const EngineEvent &e = outcome.events.at(i);
                if (e.kind == EngineEvent::Kind::HostStep && e.host == host && e.step == step
                    && e.hostState != HostState::Waiting)
                    return i;
            }
            return qsizetype(-1);
        };
        for (const QString &host : {web, bridge}) {
            // Booting, then the host-key rotation, both before the install's first step.
            const QList<qsizetype> boot = waits(host, WaitReason::Boot);
            const QList<qsizetype> rotation = waits(host, WaitReason::HostKeyRotation);
            QVERIFY2(!boot.isEmpty(), qPrintable(host));
            QCOMPARE(rotation.size(), qsizetype(1));
            QVERIFY(boot.last() < rotation.first());
            QVERIFY(rotation.first() < firstStep(host, u"wait-cloud-init"_s));
            QVERIFY(outcome.events.at(boot.first()).elapsedSeconds >= 0);
        }
        // The bridge waited for the web host between its packages and joining it.
        const QList<qsizetype> forWeb = waits(bridge, WaitReason::WebHost);
        QCOMPARE(forWeb.size(), qsizetype(1));
        QVERIFY(firstStep(bridge, u"install-packages"_s) < forWeb.first());
        QVERIFY(forWeb.first() < firstStep(bridge, u"trust-prosody-certificate"_s));
        QVERIFY(waits(web, WaitReason::WebHost).isEmpty());
        // The dropped connection: a wait inside the step it was in, then that step again.
        const QList<qsizetype> reconnect = waits(web, WaitReason::Reconnect);
        QCOMPARE(reconnect.size(), qsizetype(1));
        const EngineEvent &lost = outcome.events.at(reconnect.first());
        QVERIFY(!lost.step.isEmpty());
        bool resumed = false;
        for (qsizetype i = reconnect.first() + 1; i < outcome.events.size() && !resumed; ++i) {
            const EngineEvent &e = outcome.events.at(i);
            resumed = e.kind == EngineEvent::Kind::HostStep && e.host == web && e.step == lost.step;
        }
        QVERIFY(resumed);
        // What the resolver answered, round by round, instead of silence.
        QList<EngineEvent> rounds;
        for (const EngineEvent &e : outcome.events) {
            if (e.kind == EngineEvent::Kind::DnsCheck)
                rounds.append(e);
        }
        QVERIFY(!rounds.isEmpty());
        QCOMPARE(rounds.first().dnsCheck->resolver, QHostAddress(QHostAddress::LocalHost).toString());
        QCOMPARE(rounds.first().dnsCheck->nextTryMs, 100);
        QVERIFY(!rounds.first().dnsCheck->answers.isEmpty());
        QVERIFY(!rounds.first().dnsCheck->answers.first().ready);
        QCOMPARE(rounds.first().toJson().value(u"event"_s).toString(), u"dns_check"_s);

        // The model saw each wait with its reason, and nothing is left waiting at the end.
        QVERIFY(!waitingSeen.isEmpty());
        for (const HostProgress &seen : std::as_const(waitingSeen))
            QVERIFY(seen.waitingFor && !seen.waitingReason.isEmpty());
        for (const QString &host : model.hosts()) {
            const HostProgress progress = model.host(host);
            QVERIFY2(progress.state != HostState::Waiting && !progress.waitingFor, qPrintable(host));
            QVERIFY2(!progress.finished.isNull() && progress.started <= progress.finished, qPrintable(host));
        }
        QVERIFY(model.isComplete());
    }

    void rerunConvergesWithoutRedoingSteps()
    {
        QVERIFY(deploy(makePlan(1)).result.ok());
        QHash<QString, QHash<QString, int>> stepsBefore;
        for (const QString &name : QStringList{slug + u"-web"_s, slug + u"-jvb-1"_s})
            stepsBefore.insert(name, m_cloud->host(name)->counters().stepsRun);
        m_sim->clearExchanges();

        const Outcome again = deploy(makePlan(1));
        QVERIFY2(again.result.ok(), qPrintable(errorText(again)));
        verifyExactlyOneOfEach(1);
        for (const auto &exchange : m_sim->exchanges())
            QVERIFY2(exchange.method == u"GET"_s || exchange.path.contains(u"/actions/"_s)
                             || exchange.path.contains(u"set_rules"_s),
                     qPrintable(exchange.method + u' ' + exchange.path));
        for (const QString &name : QStringList{slug + u"-web"_s, slug + u"-jvb-1"_s}) {
            QCOMPARE(m_cloud->host(name)->counters().stepsRun, stepsBefore.value(name));
            QCOMPARE(m_cloud->host(name)->counters().hostKeyInstalls, 1);
        }
        // The second run reported the completed steps as skipped.
        bool skipped = false;
        for (const EngineEvent &e : again.events)
            skipped = skipped || (e.kind == EngineEvent::Kind::HostStep && e.hostState == HostState::Skipped);
        QVERIFY(skipped);
    }

    // Issue 18: this computer lost the deployment's passwords (another store, a reinstall). A re-run must take them
    // from the web host over the pinned session, not generate new ones that prosody and the bridges do not know.
    void lostSecretsComeBackFromTheWebHost()
    {
        QTemporaryDir storeDir;
        QVERIFY(storeDir.isValid());
        m_settings.secrets = SecretStore::files(storeDir.filePath(u"secrets"_s));
        const DeploymentSecretStore store(m_settings.secrets);
        auto load = [&] {
            std::optional<Result<std::optional<DeploymentSecrets>>> loaded;
            QObject context;
            store.load(slug, &context, [&](Result<std::optional<DeploymentSecrets>> r) { loaded = r; });
            [&] {
                QTRY_VERIFY(loaded.has_value());
            }();
            return loaded.value_or(Result<std::optional<DeploymentSecrets>>(std::optional<DeploymentSecrets>()));
        };

        QVERIFY(deploy(makePlan(1)).result.ok());
        const auto first = load();
        QVERIFY(first.ok() && first->has_value());
        QVERIFY(QDir(storeDir.filePath(u"secrets"_s)).removeRecursively());

        const Outcome again = deploy(makePlan(1));
        QVERIFY2(again.result.ok(), qPrintable(errorText(again)));
        bool warned = false;
        for (const EngineEvent &e : again.events)
            warned = warned
                     || (e.kind == EngineEvent::Kind::Warning && e.message.contains(u"read from the web host"_s));
        QVERIFY(warned);
        const auto recovered = load();
        QVERIFY(recovered.ok() && recovered->has_value());
        QCOMPARE((*recovered)->jvbSecret, (*first)->jvbSecret);
        QCOMPARE((*recovered)->focusPassword, (*first)->focusPassword);

        // Neither here nor on a web host that has already installed with them: a clear stop, never new passwords the
        // installed steps would not pick up.
        QVERIFY(QDir(storeDir.filePath(u"secrets"_s)).removeRecursively());
        m_cloud->host(slug + u"-web"_s)->removeFile(EnvFile::remotePath());
        const Outcome lost = deploy(makePlan(1));
        QVERIFY(!lost.result.ok());
        QCOMPARE(lost.result.error().code, u"secrets_missing"_s);
        QVERIFY(!load()->has_value());
    }

    void killAndResume_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("step");
        QTest::newRow("while creating servers") << u"resources"_s << QString();
        QTest::newRow("first step of an install") << QString() << u"wait-cloud-init"_s;
        QTest::newRow("during the package install") << QString() << u"install-packages"_s;
        QTest::newRow("bridge joining") << QString() << u"restart-and-join"_s;
        QTest::newRow("while verifying") << u"verify"_s << QString();
    }

    void killAndResume()
    {
        QFETCH(QString, phase);
        QFETCH(QString, step);
        m_cloud->setStepDurationMs(10);
        const Outcome killed = deploy(makePlan(2), [&](const EngineEvent &e) {
            if (!phase.isEmpty())
                return e.kind == EngineEvent::Kind::Phase && toJsonName(e.phase) == phase;
            return e.kind == EngineEvent::Kind::HostStep && e.step == step && e.hostState == HostState::Started;
        });
        QVERIFY2(!killed.finished, "the kill point was never reached");

        const Outcome resumed = deploy(makePlan(2));
        QVERIFY2(resumed.result.ok(), qPrintable(errorText(resumed)));
        verifyExactlyOneOfEach(2);
        // Completed host steps were not redone: every step ran at most once on every host.
        for (const QString &name : serverNames()) {
            const auto steps = m_cloud->host(name)->counters().stepsRun;
            for (auto it = steps.cbegin(); it != steps.cend(); ++it)
                QVERIFY2(it.value() == 1, qPrintable(name + u": "_s + it.key() + u" ran "_s + QString::number(*it)));
            QCOMPARE(m_cloud->host(name)->counters().hostKeyInstalls, 1);
        }
    }

    void apiFaultsDuringDeploy_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("afterProcessing");
        using K = HcloudSim::Fault::Kind;
        QTest::newRow("500 on a server create")
                << int(K::ApiError) << u"POST"_s << u"^/servers$"_s << 1 << 500 << false;
        QTest::newRow("500 after the server was created")
                << int(K::ApiError) << u"POST"_s << u"^/servers$"_s << 1 << 500 << true;
        QTest::newRow("connection dropped after the create")
                << int(K::DropConnection) << u"POST"_s << u"^/servers$"_s << 3 << 0 << true;
        QTest::newRow("proxy 502 on the network")
                << int(K::BareStatus) << u"POST"_s << u"^/networks$"_s << 1 << 502 << false;
        QTest::newRow("500 on a firewall after processing")
                << int(K::ApiError) << u"POST"_s << u"^/firewalls$"_s << 1 << 500 << true;
        QTest::newRow("server action ends in error")
                << int(K::ActionError) << u"POST"_s << u"^/servers$"_s << 1 << 0 << false;
        QTest::newRow("action polls fail") << int(K::ApiError) << u"GET"_s << u"^/actions"_s << 1 << 503 << false;
    }

    void apiFaultsDuringDeploy()
    {
        QFETCH(int, kind);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, count);
        QFETCH(int, status);
        QFETCH(bool, afterProcessing);
        HcloudSim::Fault fault;
        fault.kind = HcloudSim::Fault::Kind(kind);
        fault.method = method;
        fault.pathPattern = path;
        fault.count = count;
        fault.status = status;
        fault.afterProcessing = afterProcessing;
        if (fault.kind == HcloudSim::Fault::Kind::ActionError)
            fault.code = u"server_create_failed"_s;
        m_sim->injectFault(fault);

        Outcome outcome = deploy(makePlan(2));
        if (!outcome.result.ok()) {
            // A fault the client may not retry ends the run with a clear error; running again converges.
            QVERIFY(!outcome.result.error().message.isEmpty());
            outcome = deploy(makePlan(2));
        }
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome)));
        verifyExactlyOneOfEach(2);
    }

    void rateLimitStormIsWaitedOut()
    {
        m_sim->startRateLimitStorm(1);
        const Outcome outcome = deploy(makePlan(1));
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome)));
        verifyExactlyOneOfEach(1);
    }

    void addRemoveAndDestroy()
    {
        QVERIFY(deploy(makePlan(1)).result.ok());

        const Outcome added = run([](DeploymentEngine *e) { e->addBridges(domain, 2, {}); });
        QVERIFY2(added.result.ok(), qPrintable(errorText(added)));
        verifyExactlyOneOfEach(3);
        QCOMPARE(added.result->verification->bridges.size(), qsizetype(3));
        QCOMPARE(web5222Sources().size(), qsizetype(3));
        // The web host's own firewall step ran again for the new addresses, nothing else on it.
        QCOMPARE(m_cloud->host(slug + u"-web"_s)->counters().stepsRun.value(u"firewall"_s), 2);
        QCOMPARE(m_cloud->host(slug + u"-web"_s)->counters().stepsRun.value(u"install-packages"_s), 1);

        const QString doomed = slug + u"-jvb-2"_s;
        const QString doomedAddress = serverAddress(doomed);
        const Outcome removed = run([doomed](DeploymentEngine *e) { e->removeBridge(slug, doomed); });
        QVERIFY2(removed.result.ok(), qPrintable(errorText(removed)));
        QCOMPARE(m_cloud->host(doomed)->counters().drains, 1);
        QVERIFY(!serverNames().contains(doomed));
        QCOMPARE(removed.result->verification->bridges.size(), qsizetype(2));
        QVERIFY(!web5222Sources().contains(doomedAddress));
        QCOMPARE(web5222Sources().size(), qsizetype(2));
        QVERIFY(!m_cloud->host(slug + u"-web"_s)->allowedAddresses().contains(doomedAddress));

        // A new bridge after a removal gets a fresh number, never the removed one's.
        m_sim->clearExchanges();
        const Outcome again = run([](DeploymentEngine *e) { e->addBridges(slug, 1, {}); });
        QVERIFY2(again.result.ok(), qPrintable(errorText(again)));
        QVERIFY(serverNames().contains(slug + u"-jvb-4"_s));
        QVERIFY(!serverNames().contains(doomed));
        // A bridge changes neither DNS nor the certificate: add-bridge does not wait for DNS or ask for one again.
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges())
            QVERIFY2(!exchange.path.startsWith(u"/zones"_s), qPrintable(exchange.path));
        for (const EngineEvent &event : again.events)
            QVERIFY(event.kind != EngineEvent::Kind::DnsRecords
                    && !(event.kind == EngineEvent::Kind::Phase && event.phase == Phase::Certificate));

        // Something else in the project is never touched by destroy.
        m_sim->seedServer(u"unrelated"_s);
        const Outcome destroyed = run([](DeploymentEngine *e) { e->destroy(slug); });
        QVERIFY2(destroyed.result.ok(), qPrintable(errorText(destroyed)));
        QCOMPARE(serverNames(), QStringList{u"unrelated"_s});
        QCOMPARE(m_sim->state(u"networks"_s).size(), qsizetype(0));
        QCOMPARE(m_sim->state(u"firewalls"_s).size(), qsizetype(0));
        // The SSH key the deployment uploaded goes with the last deployment (the unrelated server is not ours).
        QCOMPARE(m_sim->state(u"ssh_keys"_s).size(), qsizetype(0));
        bool keyReported = false;
        for (const EngineEvent &event : destroyed.events)
            keyReported |= event.kind == EngineEvent::Kind::Resource && event.resource.startsWith(u"ssh_key "_s)
                           && event.resourceState == ResourceState::Deleted;
        QVERIFY(keyReported);
        QVERIFY(!QFile::exists(DeploymentStore(m_settings.storeDirectory).filePath(slug)));
        bool loaded = false;
        QObject context;
        DeploymentSecretStore().load(slug, &context, [&](Result<std::optional<DeploymentSecrets>> secrets) {
            QVERIFY(secrets.ok());
            QVERIFY(!secrets.value().has_value());
            loaded = true;
        });
        QTRY_VERIFY(loaded);
    }

    // Destroy deletes the DNS records it created (labelled for the deployment) and nothing else in the zone: not a
    // user's record, not a record of the same name the user made before deploying, not another deployment's.
    void destroyDeletesOnlyTheDnsRecordsItCreated()
    {
        m_sim->seedZone(u"example.org"_s);
        const qint64 zoneId = m_sim->state(u"zones"_s).at(0).toObject().value(u"id"_s).toInteger();
        auto userRecord = [&](const QString &name, const QString &type, const QString &value) {
            bool done = false;
            QObject context;
            m_client->setRecords(zoneId, name, type, {value}, 300, {}, &context, [&](Result<void> r) {
                QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
                done = true;
            });
            QTRY_VERIFY(done);
        };
        userRecord(u"www"_s, u"A"_s, u"203.0.113.80"_s);
        userRecord(u"meet"_s, u"AAAA"_s, u"2001:db8::80"_s); // made before deploying; the engine overwrites it
        // Who owns each RRSet of the zone, "name/type" -> the deployment label ("" = nobody).
        auto owners = [this, zoneId] {
            QMap<QString, QString> out;
            for (const QJsonValue &value : m_sim->state(u"rrsets"_s)) {
                const QJsonObject rrset = value.toObject();
                if (rrset.value(u"zone"_s).toInteger() != zoneId)
                    continue;
                out.insert(rrset.value(u"id"_s).toString(),
                           rrset.value(u"labels"_s)
                                   .toObject()
                                   .value(QLatin1String(DeploymentLabels::deploymentKey))
                                   .toString());
            }
            return out;
        };

        const Outcome ours = deploy(makePlan(1));
        QVERIFY2(ours.result.ok(), qPrintable(errorText(ours)));
        // Its bridge reaches its web host by public address: the fake hosts tell hosts apart by address, and both
        // deployments' networks hand out the same private ones.
        DeploymentPlan other = makePlan(0);
        other.domain = u"other.example.org"_s;
        other.bridges = {{u"cpx22"_s, u"ash"_s}};
        const QString otherSlug = u"other-example-org"_s;
        const Outcome second = deploy(other);
        QVERIFY2(second.result.ok(), qPrintable(errorText(second)));
        const QMap<QString, QString> before = owners();
        QCOMPARE(before.value(u"meet/A"_s), slug);
        QCOMPARE(before.value(u"other/A"_s), otherSlug);
        QCOMPARE(before.value(u"other/AAAA"_s), otherSlug);
        QVERIFY(before.contains(u"meet/AAAA"_s) && before.value(u"meet/AAAA"_s).isEmpty());
        QVERIFY(before.contains(u"www/A"_s) && before.value(u"www/A"_s).isEmpty());

        const Outcome destroyed = run([](DeploymentEngine *e) { e->destroy(slug); });
        QVERIFY2(destroyed.result.ok(), qPrintable(errorText(destroyed)));
        QMap<QString, QString> expected = before;
        expected.remove(u"meet/A"_s);
        QCOMPARE(owners(), expected);
        QStringList reported;
        for (const EngineEvent &event : destroyed.events) {
            if (event.kind == EngineEvent::Kind::Resource && event.resourceState == ResourceState::Deleted
                && event.resource.startsWith(u"dns_record "_s))
                reported << event.resource;
        }
        QCOMPARE(reported, QStringList{u"dns_record meet.example.org A"_s});

        // The other deployment goes the same way, and the user's records still stay.
        const Outcome again = run([otherSlug](DeploymentEngine *e) { e->destroy(otherSlug); });
        QVERIFY2(again.result.ok(), qPrintable(errorText(again)));
        expected.remove(u"other/A"_s);
        expected.remove(u"other/AAAA"_s);
        QCOMPARE(owners(), expected);
        QVERIFY(expected.contains(u"www/A"_s) && expected.contains(u"meet/AAAA"_s) && expected.contains(u"@/SOA"_s));
    }

    // A record that lost its deployment label between listing and deleting is left alone, and nothing else goes.
    void dnsRecordNoLongerLabelledIsNotDeleted()
    {
        m_sim->seedZone(u"example.org"_s);
        const qint64 zoneId = m_sim->state(u"zones"_s).at(0).toObject().value(u"id"_s).toInteger();
        DeploymentDnsRecords records(m_client.get(), slug);
        bool done = false;
        QObject context;
        m_client->setRecords(zoneId, u"meet"_s, u"A"_s, {u"203.0.113.9"_s}, 300, {}, &context,
                             [&](Result<void> r) { done = r.ok(); });
        QTRY_VERIFY(done);
        // A stale list naming the user's record: refused with a plain message.
        const DeploymentDnsRecord stale{zoneId, u"example.org"_s, u"meet"_s, u"A"_s, {u"203.0.113.9"_s}};
        std::optional<Result<void>> removed;
        records.remove({stale}, {}, [&](Result<void> r) { removed = r; });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(!removed->ok());
        QCOMPARE(removed->error().code, u"dns_record_not_owned"_s);
        QVERIFY(removed->error().message.contains(u"left alone"_s));
        // And find() does not list it.
        std::optional<Result<QList<DeploymentDnsRecord>>> found;
        records.find([&](Result<QList<DeploymentDnsRecord>> r) { found = r; });
        QTRY_VERIFY(found.has_value());
        QVERIFY(found->ok());
        QVERIFY(found->value().isEmpty());
        bool stillThere = false;
        for (const QJsonValue &value : m_sim->state(u"rrsets"_s))
            stillThere |= value.toObject().value(u"id"_s).toString() == u"meet/A"_s;
        QVERIFY(stillThere);
    }

    // Versions must match (issue 14): a bridge added after the repository moved on installs what the others run.
    void addBridgeInstallsTheRunningVersion()
    {
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-100-g1-1"_s});
        QVERIFY(deploy(makePlan(1)).result.ok());
        QCOMPARE(m_cloud->host(slug + u"-jvb-1"_s)->packageVersions({}).installed.value(u"jitsi-videobridge2"_s),
                 u"2.3-100-g1-1"_s);
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-100-g1-1"_s, u"2.3-200-g2-1"_s});

        const Outcome added = run([](DeploymentEngine *e) { e->addBridges(slug, 1, {}); });
        QVERIFY2(added.result.ok(), qPrintable(errorText(added)));
        FakeHost *fresh = m_cloud->host(slug + u"-jvb-2"_s);
        QVERIFY(fresh);
        QCOMPARE(fresh->packageVersions({}).installed.value(u"jitsi-videobridge2"_s), u"2.3-100-g1-1"_s);
        QVERIFY(fresh->file(EnvFile::remotePath()).contains("JD_JVB_VERSION='2.3-100-g1-1'"));
    }

    void addBridgeStopsWhenVersionsCannotMatch()
    {
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-100-g1-1"_s});
        QVERIFY(deploy(makePlan(2)).result.ok());
        const QStringList before = serverNames();

        // The bridges disagree among themselves: say which runs what, create nothing.
        m_cloud->host(slug + u"-jvb-2"_s)->setInstalledVersion(u"jitsi-videobridge2"_s, u"2.3-90-g0-1"_s);
        const Outcome mixed = run([](DeploymentEngine *e) { e->addBridges(slug, 1, {}); });
        QVERIFY(!mixed.result.ok());
        QCOMPARE(mixed.result.error().code, u"bridge_versions_differ"_s);
        QVERIFY2(mixed.result.error().message.contains(u"2.3-90-g0-1"_s), qPrintable(mixed.result.error().message));
        QCOMPARE(mixed.result.error().advice.kind, Advice::Kind::UpdateJitsi);
        QCOMPARE(serverNames(), before);

        // Their version is gone from the repository: point to the update, create nothing.
        m_cloud->host(slug + u"-jvb-2"_s)->setInstalledVersion(u"jitsi-videobridge2"_s, u"2.3-100-g1-1"_s);
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-200-g2-1"_s});
        const Outcome gone = run([](DeploymentEngine *e) { e->addBridges(slug, 1, {}); });
        QVERIFY(!gone.result.ok());
        QCOMPARE(gone.result.error().code, u"bridge_version_unavailable"_s);
        QCOMPARE(gone.result.error().advice.kind, Advice::Kind::UpdateJitsi);
        QCOMPARE(serverNames(), before);
        QVERIFY(!m_cloud->host(slug + u"-jvb-3"_s));
    }

    // The rolling update: one bridge at a time drained, upgraded, back, undrained; then the web host; jicofo never
    // has fewer than all bridges but one. Running it again changes nothing.
    void updateIsRolling()
    {
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-100-g1-1"_s});
        m_cloud->setRepository(u"jicofo"_s, {u"1.0-1000-1"_s});
        QVERIFY(deploy(makePlan(2)).result.ok());
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-100-g1-1"_s, u"2.3-200-g2-1"_s});
        m_cloud->setRepository(u"jicofo"_s, {u"1.0-1000-1"_s, u"1.0-1100-1"_s});

        const Outcome updated = run([](DeploymentEngine *e) { e->update(slug); });
        QVERIFY2(updated.result.ok(), qPrintable(errorText(updated)));
        const QString b1 = slug + u"-jvb-1"_s, b2 = slug + u"-jvb-2"_s, web = slug + u"-web"_s;
        QCOMPARE(m_cloud->journal(),
                 (QStringList{u"drain "_s + b1, u"upgrade "_s + b1 + u" bridges=1"_s, u"undrain "_s + b1,
                              u"drain "_s + b2, u"upgrade "_s + b2 + u" bridges=1"_s, u"undrain "_s + b2,
                              u"upgrade "_s + web + u" bridges=2"_s}));
        for (const QString &bridge : {b1, b2})
            QCOMPARE(m_cloud->host(bridge)->packageVersions({}).installed.value(u"jitsi-videobridge2"_s),
                     u"2.3-200-g2-1"_s);
        QCOMPARE(m_cloud->host(web)->packageVersions({}).installed.value(u"jicofo"_s), u"1.0-1100-1"_s);
        const EngineOutcome &outcome = updated.result.value();
        QCOMPARE(outcome.versionsBefore.value(b1).value(u"jitsi-videobridge2"_s), u"2.3-100-g1-1"_s);
        QCOMPARE(outcome.versionsAfter.value(b2).value(u"jitsi-videobridge2"_s), u"2.3-200-g2-1"_s);
        QCOMPARE(outcome.versionsAfter.value(web).value(u"jicofo"_s), u"1.0-1100-1"_s);
        QVERIFY(outcome.verification && outcome.verification->ok());
        QVERIFY(outcome.toJson().contains(u"versions_after"_s));
        bool warned = false;
        for (const EngineEvent &event : updated.events)
            warned |= event.kind == EngineEvent::Kind::Warning && event.message.contains(web)
                      && event.message.contains(u"meetings"_s);
        QVERIFY(warned);

        // Again: every host already runs the newest, nothing is drained or restarted.
        const qsizetype entries = m_cloud->journal().size();
        const Outcome again = run([](DeploymentEngine *e) { e->update(slug); });
        QVERIFY2(again.result.ok(), qPrintable(errorText(again)));
        QCOMPARE(m_cloud->journal().size(), entries);
    }

    // A bridge whose meetings outlast the drain time is deleted or restarted only by the user's explicit choice.
    void undrainedBridgeNeedsTheUsersChoice()
    {
        QVERIFY(deploy(makePlan(2)).result.ok());
        const QString doomed = slug + u"-jvb-2"_s;
        m_cloud->setConferencesAfterDrain(doomed, 3);

        // Nobody to ask: the bridge stays.
        const Outcome unasked = run([doomed](DeploymentEngine *e) { e->removeBridge(slug, doomed); });
        QVERIFY(!unasked.result.ok());
        QCOMPARE(unasked.result.error().code, u"not_drained"_s);
        QVERIFY(serverNames().contains(doomed));

        // Asked: "wait again" drains once more, "go on" deletes it.
        QList<DrainQuestion> questions;
        const Outcome removed = run([&](DeploymentEngine *e) {
            connect(e, &DeploymentEngine::undrainedBridge, e, [e, &questions](const DrainQuestion &q) {
                questions.append(q);
                e->answerUndrained(questions.size() == 1 ? DrainChoice::WaitAgain : DrainChoice::Proceed);
            });
            e->removeBridge(slug, doomed);
        });
        QVERIFY2(removed.result.ok(), qPrintable(errorText(removed)));
        QCOMPARE(questions.size(), qsizetype(2));
        QCOMPARE(questions.first().bridge, doomed);
        QCOMPARE(questions.first().conferences, 3);
        QCOMPARE(questions.first().operation, u"remove-bridge"_s);
        QVERIFY(!serverNames().contains(doomed));

        // update: "stop" takes the drained bridge back into service and upgrades nothing.
        m_cloud->setConferencesAfterDrain(slug + u"-jvb-1"_s, 2);
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-312-g1-1"_s, u"2.3-400-g4-1"_s});
        const Outcome stopped = run([](DeploymentEngine *e) {
            connect(e, &DeploymentEngine::undrainedBridge, e,
                    [e](const DrainQuestion &) { e->answerUndrained(DrainChoice::Stop); });
            e->update(slug);
        });
        QVERIFY(!stopped.result.ok());
        QCOMPARE(stopped.result.error().code, u"not_drained"_s);
        FakeHost *bridge = m_cloud->host(slug + u"-jvb-1"_s);
        QCOMPARE(bridge->counters().undrains, 1);
        QCOMPARE(bridge->counters().upgrades, 0);

        // A cancel while the bridge is drained (the question open) also takes it back into service.
        const Outcome cancelled = run([](DeploymentEngine *e) {
            connect(e, &DeploymentEngine::undrainedBridge, e, [e](const DrainQuestion &) { e->cancel(); });
            e->update(slug);
        });
        QVERIFY(!cancelled.result.ok());
        QCOMPARE(cancelled.result.error().code, u"cancelled"_s);
        QCOMPARE(bridge->counters().undrains, 2);
        QCOMPARE(bridge->counters().upgrades, 0);

        // --force: decided beforehand, no question; the update goes through.
        m_settings.drainChoice = DrainChoice::Proceed;
        const Outcome forced = run([](DeploymentEngine *e) { e->update(slug); });
        QVERIFY2(forced.result.ok(), qPrintable(errorText(forced)));
        QCOMPARE(bridge->packageVersions({}).installed.value(u"jitsi-videobridge2"_s), u"2.3-400-g4-1"_s);
    }

    // Issue 14: a day later every log has rotated (jicofo.log and jvb.log by copytruncate, prosody.log moved
    // away); add-bridge verifies the old bridge from state (jicofo's /debug, its /metrics, prosody's live session)
    // and the new one also by its login line, and each bridge says which evidence it has.
    void addBridgeAfterLogRotationVerifiesFromState()
    {
        QVERIFY(deploy(makePlan(1)).result.ok());
        const QString web = slug + u"-web"_s;
        const QString old = slug + u"-jvb-1"_s;
        for (const QString &log : {FakeHost::jicofoLogPath(), FakeHost::prosodyLogPath()})
            m_cloud->host(web)->rotateLog(log);
        m_cloud->host(old)->rotateLog(FakeHost::jvbLogPath());
        m_cloud->host(web)->removeFile(FakeHost::prosodyLogPath() + u".1"_s); // compressed and gone

        const Outcome added = run([](DeploymentEngine *e) { e->addBridges(domain, 1, {}); });
        QVERIFY2(added.result.ok(), qPrintable(errorText(added)));
        const VerificationReport &report = *added.result->verification;
        QCOMPARE(report.bridges.size(), qsizetype(2));
        QCOMPARE(report.bridges.at(0).serverName, old);
        QCOMPARE(report.bridges.at(0).login, LoginEvidence::LiveSession);
        QCOMPARE(report.bridges.at(1).login, LoginEvidence::LogLine);
        for (const BridgeVerdict &bridge : report.bridges)
            QVERIFY2(bridge.inJicofoView && bridge.mucJoinedByMetrics, qPrintable(bridge.proofs.join(u"; "_s)));
        QVERIFY(report.bridges.at(0).proofs.join(u' ').contains(u"login line rotated away"_s));
        QVERIFY(report.bridges.at(1).proofs.join(u' ').contains(u"(prosody.log)"_s));
    }

    // readHealth: read-only, from state, every host; a bridge that cannot be reached is shown, not a failure.
    void readHealthFromState()
    {
        QVERIFY(deploy(makePlan(2)).result.ok());
        const Outcome read = run([](DeploymentEngine *e) { e->readHealth(domain); });
        QVERIFY2(read.result.ok(), qPrintable(errorText(read)));
        QVERIFY(read.result->health);
        const DeploymentHealth &health = *read.result->health;
        QCOMPARE(health.overall(), DeploymentHealth::Overall::Healthy);
        QCOMPARE(health.jicofoOperationalBridges, 2);
        QCOMPARE(health.bridges.size(), qsizetype(2));
        QCOMPARE(health.web.packageVersions.value(u"jicofo"_s), m_cloud->repository(u"jicofo"_s).constLast());
        for (const BridgeHealth &bridge : health.bridges) {
            QVERIFY(bridge.inJicofo && bridge.inJicofo->operational && bridge.healthOk);
            QCOMPARE(bridge.conferences, 0);
            QVERIFY(bridge.host.packageVersions.contains(u"jitsi-videobridge2"_s));
        }
        QVERIFY(health.addBridgeHint().isEmpty());
        QVERIFY(read.result->toJson().value(u"health"_s).isObject());

        // Bridge 2's jvb stops: jicofo drops it, its health check does not answer.
        m_cloud->host(slug + u"-jvb-2"_s)->drain();
        const Outcome degraded = run([](DeploymentEngine *e) { e->readHealth(slug); });
        QVERIFY2(degraded.result.ok(), qPrintable(errorText(degraded)));
        const DeploymentHealth &after = *degraded.result->health;
        QCOMPARE(after.overall(), DeploymentHealth::Overall::Degraded);
        QVERIFY(!after.bridges.at(1).inJicofo);
        QVERIFY(!after.bridges.at(1).healthOk);
        QVERIFY(!after.bridges.at(1).host.problem.isEmpty());
        QVERIFY(after.bridges.at(0).host.problem.isEmpty());
    }

    // Issue 15: a moderated deployment's web host gets the meeting-access step and label; accounts are added, listed
    // and removed on it, the password never in an event or the run log; an open deployment refuses accounts.
    void accountsOnAModeratedDeployment()
    {
        m_settings.logDirectory = m_dir->filePath(u"logs"_s);
        DeploymentPlan plan = makePlan(1);
        plan.options.meetingAccess = DeploymentPlan::MeetingAccess::Moderated;
        const Outcome deployed = deploy(plan);
        QVERIFY2(deployed.result.ok(), qPrintable(errorText(deployed)));
        FakeHost *web = m_cloud->host(slug + u"-web"_s);
        QCOMPARE(web->meetingAccess(), u"moderated"_s);
        QVERIFY(web->completedSteps().contains(u"meeting-access"_s));
        QCOMPARE(labelOf(slug + u"-web"_s, DeploymentLabels::meetingAccessKey), u"moderated"_s);
        QVERIFY(labelOf(slug + u"-jvb-1"_s, DeploymentLabels::meetingAccessKey).isEmpty());

        const QString password = u"Typed-Password-4711"_s;
        AccountRequest add;
        add.action = AccountRequest::Action::Add;
        add.user = u"alice"_s;
        add.password = password;
        const Outcome added = run([add](DeploymentEngine *e) { e->manageAccounts(domain, add); });
        QVERIFY2(added.result.ok(), qPrintable(errorText(added)));
        QVERIFY(added.result->accounts && added.result->accounts->moderated);
        QCOMPARE(added.result->accounts->users, QStringList{u"alice"_s});
        QCOMPARE(web->accountPassword(u"alice"_s), password);
        const QString log = m_engine->runLogPath();
        QVERIFY(!log.isEmpty());
        QFile logFile(log);
        QVERIFY(logFile.open(QIODevice::ReadOnly));
        QVERIFY(!logFile.readAll().contains(password.toUtf8()));
        for (const EngineEvent &event : added.events)
            QVERIFY(!QJsonDocument(event.toJson()).toJson().contains(password.toUtf8()));
        QVERIFY(!QJsonDocument(added.result->toJson()).toJson().contains(password.toUtf8()));

        const Outcome twice = run([add](DeploymentEngine *e) { e->manageAccounts(slug, add); });
        QVERIFY(!twice.result.ok());
        QCOMPARE(twice.result.error().code, u"account_exists"_s);

        const Outcome listed = run([](DeploymentEngine *e) { e->manageAccounts(slug, AccountRequest{}); });
        QVERIFY2(listed.result.ok(), qPrintable(errorText(listed)));
        QCOMPARE(listed.result->accounts->users, QStringList{u"alice"_s});
        QCOMPARE(listed.result->toJson().value(u"accounts"_s).toObject().value(u"meeting_access"_s).toString(),
                 u"moderated"_s);

        AccountRequest remove;
        remove.action = AccountRequest::Action::Remove;
        remove.user = u"alice"_s;
        const Outcome removed = run([remove](DeploymentEngine *e) { e->manageAccounts(slug, remove); });
        QVERIFY2(removed.result.ok(), qPrintable(errorText(removed)));
        QVERIFY(removed.result->accounts->users.isEmpty());
        QVERIFY(web->accountPassword(u"alice"_s).isEmpty());

        // Bad input is refused before anything is sent.
        AccountRequest shortPassword = add;
        shortPassword.password = u"short"_s;
        const int agentsBefore = m_factory->created();
        const Outcome refused = run([shortPassword](DeploymentEngine *e) { e->manageAccounts(slug, shortPassword); });
        QVERIFY(!refused.result.ok());
        QCOMPARE(refused.result.error().code, u"account_invalid"_s);
        QCOMPARE(m_factory->created(), agentsBefore);

        // Back to open: the step runs again with the new access, the label follows, accounts are refused.
        plan.options.meetingAccess = DeploymentPlan::MeetingAccess::Open;
        QVERIFY(deploy(plan).result.ok());
        QCOMPARE(web->meetingAccess(), u"open"_s);
        QCOMPARE(labelOf(slug + u"-web"_s, DeploymentLabels::meetingAccessKey), u"open"_s);
        const Outcome notModerated = run([add](DeploymentEngine *e) { e->manageAccounts(slug, add); });
        QVERIFY(!notModerated.result.ok());
        QCOMPARE(notModerated.result.error().code, u"account_not_moderated"_s);
    }

    // The keychain lost the secrets: remove-bridge reads them from the web host's env file, through
    // EnvFile::parse, and takes the values the host's scripts use (a name set twice: the last, as bash does).
    void removeBridgeRecoversSecretsFromTheWebHost()
    {
        QVERIFY(deploy(makePlan(2)).result.ok());
        FakeHost *web = m_cloud->host(slug + u"-web"_s);
        QVERIFY(web && web->hasFile(EnvFile::remotePath()));
        const Result<QHash<QString, QString>> uploaded = EnvFile::parse(web->file(EnvFile::remotePath()));
        QVERIFY(uploaded.ok());
        const QString focusPassword = uploaded->value(u"JD_FOCUS_PASSWORD"_s);
        // An edited file that repeats a name: the host's scripts use the later value.
        const QString hostSecret = u"EditedJvbSecret0123456789abcdef"_s;
        web->writeFile(EnvFile::remotePath(),
                       web->file(EnvFile::remotePath()) + "JD_JVB_SECRET='" + hostSecret.toUtf8() + "'\n",
                       EnvFile::unixMode);

        bool removed = false;
        QObject context;
        DeploymentSecretStore().remove(slug, &context, [&](Result<void> done) {
            QVERIFY(done.ok());
            removed = true;
        });
        QTRY_VERIFY(removed);

        const QString doomed = slug + u"-jvb-2"_s;
        const Outcome outcome = run([doomed](DeploymentEngine *e) { e->removeBridge(slug, doomed); });
        QVERIFY2(outcome.result.ok(), qPrintable(errorText(outcome)));
        bool warned = false;
        for (const EngineEvent &event : outcome.events)
            warned |= event.kind == EngineEvent::Kind::Warning && event.message.contains(u"read from the web host"_s);
        QVERIFY(warned);
        bool loaded = false;
        DeploymentSecretStore().load(slug, &context, [&](Result<std::optional<DeploymentSecrets>> secrets) {
            QVERIFY(secrets.ok() && secrets.value().has_value());
            QCOMPARE(secrets.value()->jvbSecret, hostSecret);
            QCOMPARE(secrets.value()->focusPassword, focusPassword);
            loaded = true;
        });
        QTRY_VERIFY(loaded);

        // A damaged file is not guessed at: the engine says where the secrets are not, and how to restore them.
        web->writeFile(EnvFile::remotePath(), web->file(EnvFile::remotePath()) + "JD_JVB_SECRET=unquoted\n",
                       EnvFile::unixMode);
        removed = false;
        DeploymentSecretStore().remove(slug, &context, [&](Result<void>) { removed = true; });
        QTRY_VERIFY(removed);
        const Outcome refused = run([](DeploymentEngine *e) { e->removeBridge(slug, slug + u"-jvb-1"_s); });
        QVERIFY(!refused.result.ok());
        QCOMPARE(refused.result.error().code, u"secrets_missing"_s);
        QVERIFY(refused.result.error().detail.startsWith(u"env file line "_s));
        QVERIFY(!refused.result.error().detail.contains(hostSecret));
    }

    void verifyNamesTheCause_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("cause");
        QTest::newRow("wrong secret") << u"secret"_s << u"wrong-secret"_s;
        QTest::newRow("duplicate nickname") << u"nickname"_s << u"duplicate-nickname"_s;
        QTest::newRow("5222 blocked") << u"5222"_s << u"xmpp-unreachable"_s;
    }

    void verifyNamesTheCause()
    {
        QFETCH(QString, fault);
        QFETCH(QString, cause);
        const QString bad = slug + u"-jvb-2"_s;
        if (fault == u"nickname"_s)
            m_cloud->setMucNickname(bad, slug + u"-jvb-1"_s);
        if (fault == u"5222"_s)
            m_cloud->block5222(slug + u"-web"_s); // prosody's port closed on the web host: no bridge gets in
        const Outcome deployed = deploy(makePlan(2));
        if (fault == u"secret"_s) {
            QVERIFY2(deployed.result.ok(), qPrintable(errorText(deployed)));
            // Someone copies a wrong secret into the bridge's configuration and restarts it.
            FakeHost *host = m_cloud->host(bad);
            QString env = QString::fromUtf8(host->file(EnvFile::remotePath()));
            static const QRegularExpression secretLine(u"^JD_JVB_SECRET='[A-Za-z0-9]+'$"_s,
                                                       QRegularExpression::MultilineOption);
            QVERIFY(env.contains(secretLine));
            env.replace(secretLine, u"JD_JVB_SECRET='CopiedWrong0123456789abcdefgh'"_s);
            host->writeFile(EnvFile::remotePath(), env.toUtf8(), 0600);
            const auto keys = DeploymentStore(m_settings.storeDirectory).hostKeys(slug);
            HostEndpoint endpoint{bad, HostRole::Bridge, host->address(), 22, keys.value().value(bad).pinned, {}};
            auto agent = m_factory->create(endpoint);
            bool connected = false;
            agent->connectToHost(1000, [&](Result<QString> r) { connected = r.ok(); });
            QTRY_VERIFY(connected);
            bool started = false;
            agent->startTask(ProvisionTask::Install, [&](Result<qint64> r) { started = r.ok(); });
            QTRY_VERIFY(started);
            QTRY_VERIFY_WITH_TIMEOUT(!host->isRunning(), 10000);
        } else {
            // The install fails where the real script would: the bridge cannot join.
            QVERIFY(!deployed.result.ok());
            QCOMPARE(deployed.result.error().code, u"step_failed"_s);
            const QString failedHost = fault == u"5222"_s ? slug + u"-jvb-"_s : bad; // 5222: every bridge fails
            QVERIFY2(deployed.result.error().message.contains(failedHost), qPrintable(deployed.result.error().message));
        }

        const Outcome verified = run([](DeploymentEngine *e) { e->verify(slug); });
        QVERIFY(!verified.result.ok());
        QVERIFY(m_engine->outcome().verification);
        const VerificationReport report = *m_engine->outcome().verification;
        QVERIFY(!report.ok());
        bool named = false;
        for (const BridgeVerdict &verdict : report.bridges) {
            if (verdict.serverName == bad) {
                QVERIFY(!verdict.ok());
                QStringList codes;
                for (const VerifyProblem &problem : verdict.problems)
                    codes << problem.code();
                named = codes.contains(cause);
                QVERIFY2(named, qPrintable(codes.join(u", "_s)));
            }
        }
        QVERIFY(named);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::newRow("invalid domain") << u"domain"_s << QString();
        QTest::newRow("unknown server type") << u"type"_s << u"server_type_unknown"_s;
        QTest::newRow("unknown location") << u"location"_s << u"location_unknown"_s;
    }

    void badInputChangesNothing()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        DeploymentPlan plan = makePlan(1);
        if (what == u"domain"_s)
            plan.domain = u"not a domain"_s;
        if (what == u"type"_s)
            plan.bridges[0].serverType = u"cx9999"_s;
        if (what == u"location"_s)
            plan.web.location = u"mars1"_s;
        const Outcome outcome = deploy(plan);
        QVERIFY(!outcome.result.ok());
        if (!code.isEmpty())
            QCOMPARE(outcome.result.error().code, code);
        QVERIFY(!outcome.result.error().message.isEmpty());
        for (const auto &exchange : m_sim->exchanges())
            QCOMPARE(exchange.method, u"GET"_s);
        QVERIFY(serverNames().isEmpty());
    }

    void badOperationInputs()
    {
        QVERIFY(deploy(makePlan(1)).result.ok());
        m_sim->clearExchanges();
        const Outcome count = run([](DeploymentEngine *e) { e->addBridges(slug, 0, {}); });
        QVERIFY(!count.result.ok());
        QCOMPARE(count.result.error().code, u"invalid_count"_s);
        const Outcome unknown = run([](DeploymentEngine *e) { e->removeBridge(slug, u"meet-example-org-jvb-7"_s); });
        QCOMPARE(unknown.result.error().code, u"bridge_not_found"_s);
        const Outcome missing = run([](DeploymentEngine *e) { e->verify(u"other.example.org"_s); });
        QCOMPARE(missing.result.error().code, u"deployment_not_found"_s);
        for (const auto &exchange : m_sim->exchanges())
            QCOMPARE(exchange.method, u"GET"_s);
        verifyExactlyOneOfEach(1);
    }

    void labelsNameHostKeysAndSetUp()
    {
        // Killed while installing: every server it made says "set-up pending", so any computer sees the run
        // as interrupted.
        const Outcome killed = deploy(makePlan(1), [](const EngineEvent &e) {
            return e.kind == EngineEvent::Kind::HostStep && e.step == u"install-packages"_s;
        });
        QVERIFY(!killed.finished);
        QList<hcloud::Server> servers;
        for (const QJsonValue &value : m_sim->state(u"servers"_s)) {
            const QJsonObject object = value.toObject();
            QCOMPARE(object.value(u"labels"_s).toObject().value(QLatin1String(DeploymentLabels::setUpKey)).toString(),
                     u"pending"_s);
            hcloud::Server server;
            server.id = object.value(u"id"_s).toInteger();
            server.name = object.value(u"name"_s).toString();
            const QJsonObject labels = object.value(u"labels"_s).toObject();
            for (auto it = labels.begin(); it != labels.end(); ++it)
                server.labels.insert(it.key(), it.value().toString());
            servers << server;
        }
        QCOMPARE(servers.size(), qsizetype(2));
        const Inventory interrupted = Discovery::group(servers, {}, {});
        QVERIFY(interrupted.find(slug) && interrupted.find(slug)->interrupted());

        // Resumed to a verified end: the set-up labels are gone, and each server names its rotated, pinned key.
        const Outcome resumed = deploy(makePlan(1));
        QVERIFY2(resumed.result.ok(), qPrintable(errorText(resumed)));
        const auto keys = DeploymentStore(m_settings.storeDirectory).hostKeys(slug);
        QVERIFY(keys.ok());
        for (const QString &name : serverNames()) {
            QVERIFY(labelOf(name, DeploymentLabels::setUpKey).isEmpty());
            const QString label = labelOf(name, DeploymentLabels::hostKeyKey);
            const auto pinned = SshPublicKey::fromLine(keys->value(name).pinned);
            QVERIFY(pinned.ok() && keys->value(name).rotated);
            QCOMPARE(DeploymentLabels::fingerprintFromLabelValue(label), pinned->sha256Fingerprint());
            QCOMPARE(label.size(), qsizetype(50));
        }
    }

    void secondComputerTrustsOnlyLabelledKeys()
    {
        QVERIFY(deploy(makePlan(1)).result.ok());
        const auto secrets = storedSecrets();
        QVERIFY(secrets);
        const QString web = slug + u"-web"_s;

        // A label naming another key: a hard stop, and nothing is written on this computer.
        becomeAnotherComputer(u"second"_s);
        const QString real = labelOf(web, DeploymentLabels::hostKeyKey);
        editLabels(web, [](hcloud::Labels &labels) {
            labels.insert(QLatin1String(DeploymentLabels::hostKeyKey),
                          u"SHA256.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s);
        });
        const Outcome mismatch = run([](DeploymentEngine *e) { e->verify(slug); });
        QVERIFY(!mismatch.result.ok());
        QCOMPARE(mismatch.result.error().code, u"host_key_label_mismatch"_s);
        QVERIFY(!QFile::exists(DeploymentStore(m_settings.storeDirectory).filePath(slug)));
        QVERIFY(!storedSecrets());

        // The right label: verify and add-bridge from here, no question asked (no broker), secrets read back from
        // the web host over the pinned session and saved.
        editLabels(web,
                   [&](hcloud::Labels &labels) { labels.insert(QLatin1String(DeploymentLabels::hostKeyKey), real); });
        const Outcome verified = run([](DeploymentEngine *e) { e->verify(slug); });
        QVERIFY2(verified.result.ok(), qPrintable(errorText(verified)));
        QVERIFY(!storedSecrets()); // verify reads no passwords
        const auto plan = DeploymentStore(m_settings.storeDirectory).plan(slug);
        QVERIFY(plan.ok() && plan.value());
        QCOMPARE(plan.value()->email, makePlan(1).email);
        QCOMPARE(plan.value()->sshPublicKey.section(u' ', 0, 1), makePlan(1).sshPublicKey.section(u' ', 0, 1));

        const int scans = m_cloud->host(web)->counters().hostKeyScans;
        const Outcome added = run([](DeploymentEngine *e) { e->addBridges(slug, 1, {}); });
        QVERIFY2(added.result.ok(), qPrintable(errorText(added)));
        verifyExactlyOneOfEach(2);
        const auto recovered = storedSecrets(); // add-bridge needs them: read from the web host and saved here
        QVERIFY(recovered);
        QCOMPARE(recovered->jvbSecret, secrets->jvbSecret);
        QCOMPARE(recovered->focusPassword, secrets->focusPassword);
        QCOMPARE(m_cloud->host(web)->counters().hostKeyScans, scans); // pinned here now: not scanned again
        const Outcome again = run([](DeploymentEngine *e) { e->addBridges(slug, 1, {}); });
        QVERIFY2(again.result.ok(), qPrintable(errorText(again)));
        verifyExactlyOneOfEach(3);
    }

    void secondComputerAsksForUnlabelledKeys()
    {
        QVERIFY(deploy(makePlan(1)).result.ok());
        becomeAnotherComputer(u"third"_s);
        for (const QString &name : serverNames())
            editLabels(name,
                       [](hcloud::Labels &labels) { labels.remove(QLatin1String(DeploymentLabels::hostKeyKey)); });

        // No one to ask: stops, nothing written.
        const Outcome unasked = run([](DeploymentEngine *e) { e->verify(slug); });
        QVERIFY(!unasked.result.ok());
        QCOMPARE(unasked.result.error().code, u"host_key_not_confirmed"_s);

        HostKeyBroker broker;
        m_settings.hostKeyBroker = &broker;
        QList<HostKeyQuestion> asked;
        bool trust = false;
        connect(&broker, &HostKeyBroker::confirmationNeeded, this, [&](const HostKeyQuestion &question) {
            asked << question;
            trust ? broker.confirm() : broker.decline();
        });
        const Outcome declined = run([](DeploymentEngine *e) { e->verify(slug); });
        QVERIFY(!declined.result.ok());
        QCOMPARE(declined.result.error().code, u"host_key_not_confirmed"_s);
        QCOMPARE(asked.size(), 1);
        const auto shown = SshPublicKey::fromLine(m_cloud->host(asked.first().serverName)->presentedHostKey());
        QCOMPARE(asked.first().fingerprint, shown->sha256Fingerprint());
        QVERIFY(!QFile::exists(DeploymentStore(m_settings.storeDirectory).filePath(slug)));

        trust = true;
        asked.clear();
        const Outcome confirmed = run([](DeploymentEngine *e) { e->verify(slug); });
        QVERIFY2(confirmed.result.ok(), qPrintable(errorText(confirmed)));
        QCOMPARE(asked.size(), 2); // web and bridge
        // A confirmed key may be the user-data's: it was rotated, pinned, and is labelled now.
        const auto keys = DeploymentStore(m_settings.storeDirectory).hostKeys(slug);
        QVERIFY(keys.ok());
        const QString web = slug + u"-web"_s;
        const auto pinned = SshPublicKey::fromLine(keys->value(web).pinned);
        QVERIFY(pinned.ok());
        QCOMPARE(DeploymentLabels::fingerprintFromLabelValue(labelOf(web, DeploymentLabels::hostKeyKey)),
                 pinned->sha256Fingerprint());
        QCOMPARE(m_cloud->host(web)->counters().hostKeyInstalls, 2);

        asked.clear();
        const Outcome added = run([](DeploymentEngine *e) { e->addBridges(slug, 1, {}); });
        QVERIFY2(added.result.ok(), qPrintable(errorText(added)));
        QVERIFY(asked.isEmpty());
        m_settings.hostKeyBroker = nullptr;
    }

    void hostKeyMismatchIsAHardStop()
    {
        m_cloud->setPresentedHostKey(slug + u"-jvb-1"_s,
                                     u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbxImpostorKeyImpostorKeyImpostorKey1"_s);
        const Outcome outcome = deploy(makePlan(1));
        QVERIFY(!outcome.result.ok());
        QCOMPARE(outcome.result.error().code, u"host_key_mismatch"_s);
        // Nothing was uploaded to the impostor.
        QCOMPARE(m_cloud->host(slug + u"-jvb-1"_s)->counters().uploads, 0);
    }

    void cancelStopsAndRerunResumes()
    {
        m_cloud->setStepDurationMs(20);
        Outcome outcome;
        m_events.clear();
        DeploymentEngine *engine = newEngine();
        bool insideCancel = false;
        bool finishedInsideCancel = false;
        int finishedCount = 0;
        connect(engine, &DeploymentEngine::event, this, [&, engine](const EngineEvent &e) {
            if (e.kind == EngineEvent::Kind::HostStep && e.step == u"install-packages"_s) {
                insideCancel = true;
                engine->cancel();
                engine->cancel(); // a second click changes nothing
                insideCancel = false;
            }
        });
        connect(engine, &DeploymentEngine::finished, this, [&](const Result<EngineOutcome> &result) {
            finishedInsideCancel = finishedInsideCancel || insideCancel;
            ++finishedCount;
            outcome.finished = true;
            outcome.result = result;
        });
        engine->deploy(makePlan(1));
        QTRY_VERIFY_WITH_TIMEOUT(outcome.finished, 30000);
        QCOMPARE(outcome.result.error().code, u"cancelled"_s);
        // cancel() returns first (the teardown that follows finished() never runs inside it); finished() once.
        QVERIFY(!finishedInsideCancel);
        QTest::qWait(200);
        QCOMPARE(finishedCount, 1);
        QVERIFY(!engine->isRunning());
        QCOMPARE(engine->outcome().createdThisRun.size(), qsizetype(2));

        const Outcome resumed = deploy(makePlan(1));
        QVERIFY2(resumed.result.ok(), qPrintable(errorText(resumed)));
        verifyExactlyOneOfEach(1);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
