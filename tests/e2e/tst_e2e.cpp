// The end-to-end test (issue 6): the real `jitsi-deployer` CLI deploys, grows, shrinks, checks and destroys a
// Jitsi deployment on the testbed (tests/testbed/README.md). hcloud-sim stands in for Hetzner and boots every
// server it starts as a sandboxed Debian host that runs our real install scripts with real prosody, nginx,
// certbot and hocon, the Jitsi shims, Pebble for Let's Encrypt and dnsmasq for public DNS. Every claim is
// checked twice: by what the CLI reports, and independently on the hosts (prosody's log, jicofo's /stats, a TLS
// handshake from this machine, the simulator's state). Needs root; skips otherwise.
//
// The functions run in order and build on each other, as a user's session would.

#include "e2ecli.h"
#include "hcloudsim.h"
#include "testbedtools.h"
#include "testkeys.h"

#include <QDir>
#include <QDnsLookup>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <functional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kDomain = u"meet.jitsi-deployer.test"_s;
const QString kZone = u"jitsi-deployer.test"_s;
const QString kSlug = u"meet-jitsi-deployer-test"_s;
const QString kWeb = kSlug + u"-web"_s;

QString bridgeName(int n)
{
    return kSlug + u"-jvb-"_s + QString::number(n);
}

// Cold, the testbed builds its Debian root and package cache first (a few minutes); warm, seconds.
constexpr int kServicesTimeoutMs = 30 * 60 * 1000;

using Testbed::Outcome;

// A helper program, run to completion while this process's event loop keeps serving the simulator.
Outcome run(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    return Testbed::finish(*Testbed::start(program, arguments), timeoutMs);
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void deployKilledMidInstallThenResumed();
    void bridgesAreConnectedOnTheHosts();
    void moderatedMeetingsAndAccounts();
    void dnsAndCertificate();
    void addBridge();
    void removeBridge();
    void wrongSecretIsNamed();
    void versionsAndRollingUpdate();
    void meetingTestOnEveryBridge();
    void destroyLeavesNothing();

private:
    CliRun cli(const QString &label, const QStringList &arguments, const E2eCli::EventHook &hook = {})
    {
        return m_cli.run(label, arguments, hook);
    }
    Outcome host(const QStringList &arguments, int timeoutMs = 120000) const;
    Outcome onHost(const QString &name, const QString &shellCommand) const;
    QByteArray hostFile(const QString &name, const QString &path) const;
    QJsonObject jicofoStats() const;
    int operationalBridges() const;
    bool waitForOperationalBridges(int count, int timeoutMs);
    QStringList serverNames() const;
    QStringList runningHosts() const;

    QString m_hostScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/host.sh");
    QString m_servicesScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/services.sh");
    QString m_state;
    QString m_services;
    QString m_artefacts;
    QTemporaryDir m_dir;
    TestKeys m_keys;
    TestKeys::Key m_key;
    QString m_planFile;
    std::unique_ptr<HcloudSim> m_sim;
    E2eCli m_cli{QStringLiteral(JITSI_DEPLOYER_BIN), QStringLiteral(DEPLOYER_BINARY_DIR "/testbed-artefacts/tst_e2e")};
    bool m_servicesUp = false;
    bool m_stepFailed = false;
};

void TestEndToEnd::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed needs root (network namespaces, overlay mounts, chroot); run this test as root.");
    m_state = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!m_state.isEmpty(), "JD_TESTBED_STATE is not set (tests/e2e/CMakeLists.txt sets it)");
    m_services = m_state + u"/services"_s;
    m_artefacts = QStringLiteral(DEPLOYER_BINARY_DIR "/testbed-artefacts/tst_e2e");
    QDir(m_artefacts).removeRecursively();
    QVERIFY(QDir().mkpath(m_artefacts));
    QVERIFY(m_dir.isValid());

    // Hosts of an earlier run that was killed before its teardown would hold the addresses this one gets.
    for (const QString &name : runningHosts())
        host({u"down"_s, name});

    const Outcome services = run(u"/bin/bash"_s, {m_servicesScript, u"up"_s}, kServicesTimeoutMs);
    QVERIFY2(services.exitCode == 0, qPrintable(services.output));
    m_servicesUp = true;

    m_sim = std::make_unique<HcloudSim>();
    // Actions take a couple of seconds, as Hetzner's do; the hosts boot when their start action is done.
    m_sim->setActionDurationMs(2000);
    m_sim->seedZone(kZone);
    m_sim->enableTestbed({m_hostScript, m_services, m_artefacts, m_state + u"/tst_e2e-sim"_s});
    QVERIFY(m_sim->listen());
    m_cli.setCloud(HcloudSim::defaultToken(), m_sim->endpoint());

    m_key = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_key.isValid(), qPrintable(m_keys.errorString()));
    const QString acme = QString::fromUtf8(Testbed::readFile(m_services + u"/acme-directory-url"_s)).trimmed();
    QVERIFY2(acme.startsWith(u"https://"_s), "the services wrote no ACME directory URL");

    const QJsonObject plan{
            {u"version"_s, 1},
            {u"domain"_s, kDomain},
            {u"email"_s, QString(u"admin@"_s + kZone)},
            {u"image"_s, u"debian-12"_s},
            {u"web"_s, QJsonObject{{u"server_type"_s, u"cx23"_s}, {u"location"_s, u"fsn1"_s}}},
            {u"bridges"_s, QJsonArray{QJsonObject{{u"server_type"_s, u"cx23"_s}, {u"location"_s, u"fsn1"_s}},
                                      QJsonObject{{u"server_type"_s, u"cx23"_s}, {u"location"_s, u"fsn1"_s}}}},
            {u"ssh_public_key"_s, m_key.publicLine},
            {u"options"_s, QJsonObject{{u"acme_directory_url"_s, acme}, {u"meeting_access"_s, u"moderated"_s}}}};
    m_planFile = m_dir.filePath(u"plan.json"_s);
    QFile file(m_planFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(plan).toJson());
}

void TestEndToEnd::cleanupTestCase()
{
    // Whatever a failed step left: the simulator's teardown takes every host down (logs collected first).
    m_sim.reset();
    if (m_servicesUp)
        run(u"/bin/bash"_s, {m_servicesScript, u"down"_s});
    QVERIFY2(runningHosts().isEmpty(), qPrintable(runningHosts().join(u", "_s)));
}

// Each step builds on the ones before: after a failure the rest would only fail slowly for the same reason.
void TestEndToEnd::init()
{
    if (m_stepFailed)
        QSKIP("an earlier step failed; see its message and the artefacts");
}

void TestEndToEnd::cleanup()
{
    m_stepFailed = m_stepFailed || QTest::currentTestFailed();
}

Outcome TestEndToEnd::host(const QStringList &arguments, int timeoutMs) const
{
    return run(u"/bin/bash"_s, QStringList{m_hostScript} + arguments, timeoutMs);
}

Outcome TestEndToEnd::onHost(const QString &name, const QString &shellCommand) const
{
    return host({u"exec"_s, name, u"/bin/sh"_s, u"-c"_s, shellCommand});
}

QByteArray TestEndToEnd::hostFile(const QString &name, const QString &path) const
{
    const Outcome root = host({u"root"_s, name});
    return Testbed::readFile(root.output.trimmed() + path);
}

QJsonObject TestEndToEnd::jicofoStats() const
{
    const Outcome stats = onHost(kWeb, u"curl -s http://127.0.0.1:8888/stats"_s);
    return QJsonDocument::fromJson(stats.output.toUtf8()).object();
}

int TestEndToEnd::operationalBridges() const
{
    return jicofoStats().value(u"bridge_selector"_s).toObject().value(u"operational_bridge_count"_s).toInt(-1);
}

bool TestEndToEnd::waitForOperationalBridges(int count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (operationalBridges() != count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(1000);
    }
    return true;
}

QStringList TestEndToEnd::serverNames() const
{
    QStringList names;
    const QJsonArray servers = m_sim->state(u"servers"_s);
    for (const QJsonValue &server : servers)
        names.append(server.toObject().value(u"name"_s).toString());
    names.sort();
    return names;
}

QStringList TestEndToEnd::runningHosts() const
{
    const Outcome list = run(u"/bin/bash"_s, {m_hostScript, u"list"_s});
    QStringList names;
    for (const QString &line : list.output.split(u'\n', Qt::SkipEmptyParts))
        if (line.startsWith(kSlug))
            names.append(line.trimmed());
    return names;
}

void TestEndToEnd::deployKilledMidInstallThenResumed()
{
    // Killed without warning (no Ctrl-C, no cleanup) while the hosts install their packages.
    bool killed = false;
    const CliRun first
            = cli(u"deploy-killed"_s,
                  {u"deploy"_s, u"--plan-file"_s, m_planFile, u"--identity"_s, m_key.privateFile, u"--dns-server"_s,
                   u"198.18.0.1"_s},
                  [&killed](const QJsonObject &event, QProcess &process) {
                      if (event.value(u"event"_s) == u"host_step"_s && event.value(u"step"_s) == u"install-packages"_s
                          && event.value(u"state"_s) == u"started"_s) {
                          killed = true;
                          process.kill();
                      }
                  });
    QVERIFY2(killed, qPrintable(first.describe()));
    QCOMPARE(first.exitCode, -1);
    const QStringList expected{bridgeName(1), bridgeName(2), kWeb}; // sorted, as serverNames() is
    QCOMPARE(serverNames(), expected);

    // The same command again resumes: nothing is created twice, the running installs are followed.
    const CliRun second = cli(u"deploy-resumed"_s, {u"deploy"_s, u"--plan-file"_s, m_planFile, u"--identity"_s,
                                                    m_key.privateFile, u"--dns-server"_s, u"198.18.0.1"_s});
    QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
    QCOMPARE(serverNames(), expected);
    for (const QJsonObject &event : second.ofKind(u"resource"_s))
        QVERIFY2(!(event.value(u"resource"_s).toString().startsWith(u"server "_s)
                   && event.value(u"state"_s) == u"created"_s),
                 qPrintable(event.value(u"resource"_s).toString() + u" was created again"_s));
    QCOMPARE(m_sim->state(u"networks"_s).size(), 1);
    QCOMPARE(m_sim->state(u"firewalls"_s).size(), 2);
    QCOMPARE(m_sim->state(u"primary_ips"_s).size(), 6); // an IPv4 and an IPv6 per server, no orphan
    const QJsonObject report = second.finished().value(u"outcome"_s).toObject().value(u"verification"_s).toObject();
    QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(second.describe()));
    QCOMPARE(report.value(u"bridges"_s).toArray().size(), 2);
}

// Issue 15, on the testbed's web host (real sshd, real prosody, the shim site config made moderated by the deploy):
// `account add` over the pinned session with the generated password on the SSH channel's stdin, then real XMPP
// logins from the host itself (tools/xmpp-login.py): anonymous refused on the meeting domain and accepted on the guest
// domain, the account accepted until `account remove`. The password is in no run log and no file on the host.
void TestEndToEnd::moderatedMeetingsAndAccounts()
{
    const QString site = QString::fromUtf8(hostFile(kWeb, u"/etc/prosody/conf.avail/"_s + kDomain + u".cfg.lua"_s));
    QVERIFY2(site.contains(u"authentication = \"internal_hashed\" -- jitsi-deployer moderated"_s), qPrintable(site));
    const QByteArray tool
            = Testbed::readFile(QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/shims/tools/xmpp-login.py"));
    QVERIFY(!tool.isEmpty());
    QFile copy(host({u"root"_s, kWeb}).output.trimmed() + u"/tmp/xmpp-login.py"_s);
    QVERIFY(copy.open(QIODevice::WriteOnly) && copy.write(tool) == tool.size());
    copy.close();
    auto login = [this](const QString &domain, const QString &user, const QString &password) {
        const QString mode = user.isEmpty() ? u"anonymous"_s : u"scram "_s + user;
        return onHost(kWeb, u"printf '%s\\n' '%1' | python3 /tmp/xmpp-login.py 127.0.0.1 5222 %2 %3"_s.arg(
                                    password, domain, mode))
                .output.trimmed();
    };
    QCOMPARE(login(kDomain, {}, {}), u"failure anonymous-not-offered"_s);
    QCOMPARE(login(u"guest."_s + kDomain, {}, {}), u"success"_s);

    const CliRun add = cli(u"account-add"_s, {u"account"_s, u"add"_s, u"alice"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
    const QString password = add.finished().value(u"generated_password"_s).toString();
    QCOMPARE(password.size(), 16);
    const QJsonObject accounts = add.finished().value(u"outcome"_s).toObject().value(u"accounts"_s).toObject();
    QCOMPARE(accounts.value(u"meeting_access"_s).toString(), u"moderated"_s);
    QCOMPARE(accounts.value(u"accounts"_s).toArray(), QJsonArray{u"alice"_s});
    QCOMPARE(login(kDomain, u"alice"_s, password), u"success"_s);
    QCOMPARE(login(kDomain, u"alice"_s, u"not-the-password"_s), u"failure not-authorized"_s);
    // The run log has every event of the run, and not the password; nor has any file on the web host.
    const QByteArray runLog = Testbed::readFile(add.finished().value(u"log"_s).toString());
    QVERIFY(!runLog.isEmpty());
    QVERIFY(!runLog.contains(password.toUtf8()));
    const Outcome grep = onHost(kWeb, u"grep -rlF '%1' /etc /var/log /var/lib /root /tmp; echo rc=$?"_s.arg(password));
    QVERIFY2(grep.output.trimmed() == u"rc=1"_s, qPrintable(grep.output));

    const CliRun remove
            = cli(u"account-remove"_s, {u"account"_s, u"remove"_s, u"alice"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
    QCOMPARE(login(kDomain, u"alice"_s, password), u"failure not-authorized"_s);
}

void TestEndToEnd::bridgesAreConnectedOnTheHosts()
{
    // Not our Verifier's word for it: real prosody's log and the shim jicofo's own count.
    const QString prosodyLog = QString::fromUtf8(hostFile(kWeb, u"/var/log/prosody/prosody.log"_s));
    QVERIFY2(prosodyLog.count(u"Authenticated as jvb@auth."_s + kDomain) >= 2, qPrintable(prosodyLog.right(3000)));
    QVERIFY2(waitForOperationalBridges(2, 60000), QJsonDocument(jicofoStats()).toJson().constData());
    const QString jicofoLog = QString::fromUtf8(hostFile(kWeb, u"/var/log/jitsi/jicofo.log"_s));
    for (int n : {1, 2})
        QVERIFY2(jicofoLog.contains(u"Added new videobridge"_s) && jicofoLog.contains(bridgeName(n)),
                 qPrintable(jicofoLog.right(3000)));

    // Same network zone: the bridges reach prosody over the private network, not its public address.
    const QString webPrivate
            = onHost(kWeb, u"ip -4 -o addr show eth1"_s).output.section(u"inet "_s, 1).section(u'/', 0, 0);
    QVERIFY(!webPrivate.isEmpty());
    for (int n : {1, 2}) {
        const QString conf = QString::fromUtf8(hostFile(bridgeName(n), u"/etc/jitsi/videobridge/jvb.conf"_s));
        QVERIFY2(conf.contains(u"HOSTNAME=\""_s + webPrivate + u'"'), qPrintable(conf));
    }

    // And `verify`, read-only, quotes that evidence.
    const CliRun verify = cli(u"verify"_s, {u"verify"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    const QList<QJsonObject> reports = verify.ofKind(u"verification"_s);
    QVERIFY(!reports.isEmpty());
    const QJsonObject report = reports.last().value(u"report"_s).toObject();
    QCOMPARE(report.value(u"live_sessions"_s).toInt(), 2);
    QCOMPARE(report.value(u"operational_bridges"_s).toInt(), 2);
    for (int n : {1, 2}) {
        const QJsonObject bridge = bridgeReport(report, bridgeName(n));
        QVERIFY2(bridge.value(u"ok"_s).toBool(), QJsonDocument(bridge).toJson().constData());
        const QString evidence = QString::fromUtf8(QJsonDocument(bridge.value(u"evidence"_s).toArray()).toJson());
        QVERIFY2(evidence.contains(u"Joined MUC"_s), qPrintable(evidence));
    }
    const QString evidence = QString::fromUtf8(QJsonDocument(report).toJson());
    QVERIFY2(evidence.contains(u"Authenticated as jvb@auth."_s + kDomain), qPrintable(evidence));
}

void TestEndToEnd::dnsAndCertificate()
{
    const QString webAddress = QString::fromUtf8(run(u"/bin/bash"_s, {m_hostScript, u"exec"_s, kWeb, u"sh"_s, u"-c"_s,
                                                                      u"ip -4 -o addr show eth0"_s})
                                                         .output.toUtf8())
                                       .section(u"inet "_s, 1)
                                       .section(u'/', 0, 0);
    QVERIFY(!webAddress.isEmpty());

    // The engine created the records in the project's zone; the testbed's DNS answers with them.
    QDnsLookup lookup(QDnsLookup::A, kDomain, QHostAddress(u"198.18.0.1"_s));
    QEventLoop loop;
    connect(&lookup, &QDnsLookup::finished, &loop, &QEventLoop::quit);
    lookup.lookup();
    loop.exec();
    QCOMPARE(lookup.error(), QDnsLookup::NoError);
    QCOMPARE(lookup.hostAddressRecords().size(), 1);
    QCOMPARE(lookup.hostAddressRecords().first().value().toString(), webAddress);

    // nginx serves a certificate that Pebble (the stand-in for Let's Encrypt) issued over HTTP-01: the handshake
    // verifies against Pebble's root, and against nothing else.
    const Outcome root = run(
            u"curl"_s, {u"-sf"_s, u"--cacert"_s, m_services + u"/ca.crt"_s, u"https://198.18.0.1:15000/roots/0"_s});
    QVERIFY2(root.exitCode == 0, qPrintable(root.output));
    const QList<QSslCertificate> pebbleRoot = QSslCertificate::fromData(root.output.toUtf8());
    QVERIFY(!pebbleRoot.isEmpty());
    const QList<QSslCertificate> otherRoot = QSslCertificate::fromPath(m_services + u"/ca.crt"_s);
    QVERIFY(!otherRoot.isEmpty());

    auto handshake = [&](const QList<QSslCertificate> &roots, QList<QSslError> *errors) {
        QSslSocket socket;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(roots);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket.setSslConfiguration(config);
        QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                         [errors](const QList<QSslError> &list) { *errors = list; });
        socket.connectToHostEncrypted(webAddress, 443, kDomain);
        const bool encrypted = socket.waitForEncrypted(15000);
        const QSslCertificate peer = socket.peerCertificate();
        return std::make_pair(encrypted, peer);
    };
    QList<QSslError> errors;
    const auto [encrypted, peer] = handshake(pebbleRoot, &errors);
    QVERIFY2(encrypted, qPrintable(errors.isEmpty() ? u"no handshake"_s : errors.first().errorString()));
    QVERIFY2(peer.subjectAlternativeNames().values(QSsl::DnsEntry).contains(kDomain), qPrintable(peer.toText()));
    QList<QSslError> otherErrors;
    QVERIFY(!handshake(otherRoot, &otherErrors).first);
    QVERIFY(!otherErrors.isEmpty());
}

void TestEndToEnd::addBridge()
{
    // Issue 14: days later the logs have rotated, as logrotate does it: jicofo.log and jvb.log by copytruncate,
    // prosody.log moved on and compressed (prosody.log.2.gz), prosody writing a fresh prosody.log. The old
    // bridges must still verify, from state, and keep their login line as evidence from the compressed file.
    const QString copytruncate = u"cp -p %1 %1.1 && : > %1"_s;
    QVERIFY(onHost(kWeb, copytruncate.arg(u"/var/log/jitsi/jicofo.log"_s)).exitCode == 0);
    QVERIFY(onHost(kWeb, u"cd /var/log/prosody && gzip -c prosody.log > prosody.log.2.gz && : > prosody.log"_s).exitCode
            == 0);
    for (int n : {1, 2})
        QVERIFY(onHost(bridgeName(n), copytruncate.arg(u"/var/log/jitsi/jvb.log"_s)).exitCode == 0);
    QVERIFY(!QString::fromUtf8(hostFile(kWeb, u"/var/log/jitsi/jicofo.log"_s)).contains(u"Added new videobridge"_s));

    const CliRun add = cli(u"add-bridge"_s, {u"add-bridge"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
    QCOMPARE(serverNames(), (QStringList{bridgeName(1), bridgeName(2), bridgeName(3), kWeb}));
    const QJsonObject report = add.finished().value(u"outcome"_s).toObject().value(u"verification"_s).toObject();
    QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(add.describe()));
    QCOMPARE(report.value(u"bridges"_s).toArray().size(), 3);
    // Per bridge: in jicofo's bridge view, and its prosody login line (old bridges: in the compressed file).
    for (int n : {1, 2, 3}) {
        const QJsonObject bridge = bridgeReport(report, bridgeName(n));
        const QString text = QString::fromUtf8(QJsonDocument(bridge).toJson());
        QVERIFY2(bridge.value(u"in_jicofo_view"_s).toBool(), qPrintable(text));
        QCOMPARE(bridge.value(u"prosody_login"_s).toString(), u"line"_s);
        QVERIFY2(text.contains(n < 3 ? u"(prosody.log.2.gz)"_s : u"(prosody.log)"_s), qPrintable(text));
    }
    QVERIFY2(waitForOperationalBridges(3, 60000), QJsonDocument(jicofoStats()).toJson().constData());
    // The web host's own firewall lets the new bridge reach 5222.
    const Outcome rules = onHost(kWeb, u"nft list set inet jitsi_deployer bridges4"_s);
    const QString bridge3 = m_sim->state(u"servers"_s)
                                    .last()
                                    .toObject()
                                    .value(u"public_net"_s)
                                    .toObject()
                                    .value(u"ipv4"_s)
                                    .toObject()
                                    .value(u"ip"_s)
                                    .toString();
    QVERIFY2(rules.output.contains(bridge3), qPrintable(rules.output));
}

void TestEndToEnd::removeBridge()
{
    const CliRun remove
            = cli(u"remove-bridge"_s, {u"remove-bridge"_s, bridgeName(2), u"--identity"_s, m_key.privateFile});
    QVERIFY2(remove.exitCode == 0, qPrintable(remove.describe()));
    QCOMPARE(serverNames(), (QStringList{bridgeName(1), bridgeName(3), kWeb}));
    const QJsonObject report = remove.finished().value(u"outcome"_s).toObject().value(u"verification"_s).toObject();
    QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(remove.describe()));
    QCOMPARE(report.value(u"bridges"_s).toArray().size(), 2);
    QVERIFY2(waitForOperationalBridges(2, 60000), QJsonDocument(jicofoStats()).toJson().constData());

    // Drained first: the engine reached the bridge's drain endpoint (a bridge it could not drain is a warning).
    QVERIFY(std::any_of(remove.events.cbegin(), remove.events.cend(), [](const QJsonObject &event) {
        return event.value(u"event"_s) == u"phase"_s && event.value(u"phase"_s) == u"drain"_s;
    }));
    for (const QJsonObject &warning : remove.ofKind(u"warning"_s))
        QVERIFY2(!warning.value(u"message"_s).toString().contains(u"drain"_s, Qt::CaseInsensitive),
                 qPrintable(warning.value(u"message"_s).toString()));
    // Its own log is kept after its host went; jicofo saw it leave.
    QTRY_VERIFY_WITH_TIMEOUT(!runningHosts().contains(bridgeName(2)), 60000);
    const QString jvbLog
            = QString::fromUtf8(Testbed::readFile(m_artefacts + u'/' + bridgeName(2) + u"/var/log/jitsi/jvb.log"_s));
    QVERIFY2(!jvbLog.isEmpty(), "the removed bridge's jvb.log was not collected");
    QVERIFY2(jvbLog.contains(u"Received drain request. enable=true"_s), qPrintable(jvbLog.right(3000)));
    const QString jicofoLog = QString::fromUtf8(hostFile(kWeb, u"/var/log/jitsi/jicofo.log"_s));
    QVERIFY2(jicofoLog.contains(u"Removed brewery instance"_s), qPrintable(jicofoLog.right(3000)));
}

void TestEndToEnd::wrongSecretIsNamed()
{
    // A copied secret with a typo: bridge 1 logs in with the wrong password, for real, against real prosody.
    const QString conf = u"/etc/jitsi/videobridge/jvb.conf"_s;
    const QString key = u"videobridge.apis.xmpp-client.configs.shard.PASSWORD"_s;
    const QByteArray original = hostFile(bridgeName(1), conf);
    QVERIFY(!original.isEmpty());
    const QString jvbLog = u"/var/log/jitsi/jvb.log"_s;
    const qsizetype failuresBefore = hostFile(bridgeName(1), jvbLog).count("Failed to login");
    Outcome edit = onHost(bridgeName(1), u"hocon -f %1 set %2 '\"WrongSecret0123456789abcd\"' >/dev/null"
                                         " && systemctl restart jitsi-videobridge2"_s.arg(conf, key));
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.output));
    QVERIFY2(waitForOperationalBridges(1, 60000), QJsonDocument(jicofoStats()).toJson().constData());
    // As an admin would look: once the bridge has tried to log in again.
    QTRY_VERIFY_WITH_TIMEOUT(hostFile(bridgeName(1), jvbLog).count("Failed to login") > failuresBefore, 60000);

    const CliRun verify = cli(u"verify-wrong-secret"_s, {u"verify"_s, u"--identity"_s, m_key.privateFile});
    QCOMPARE(verify.exitCode, 5);
    const QJsonObject report = verify.ofKind(u"verification"_s).last().value(u"report"_s).toObject();
    const QJsonObject broken = bridgeReport(report, bridgeName(1));
    QVERIFY2(!broken.value(u"ok"_s).toBool(), QJsonDocument(broken).toJson().constData());
    QVERIFY2(problemCodes(broken).contains(u"wrong-secret"_s), QJsonDocument(broken).toJson().constData());
    QVERIFY2(bridgeReport(report, bridgeName(3)).value(u"ok"_s).toBool(), QJsonDocument(report).toJson().constData());

    // Put it right: the same file as before, and the bridge is back.
    const QString restore = m_dir.filePath(u"jvb.conf"_s);
    QFile file(restore);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(original);
    file.close();
    const QString rootDir = host({u"root"_s, bridgeName(1)}).output.trimmed();
    QVERIFY(QFile::remove(rootDir + conf));
    QVERIFY(QFile::copy(restore, rootDir + conf));
    edit = onHost(bridgeName(1), u"chown jvb:jitsi %1 && systemctl restart jitsi-videobridge2"_s.arg(conf));
    QVERIFY2(edit.exitCode == 0, qPrintable(edit.output));
    QVERIFY2(waitForOperationalBridges(2, 90000), QJsonDocument(jicofoStats()).toJson().constData());
    const CliRun again = cli(u"verify-restored"_s, {u"verify"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
}

// Issue 14 with two releases of the shim bridge and jicofo in the repository (shims/build-repo.sh): the
// deployment runs the older (installed on purpose), a bridge added now gets that one, not the newest; update then
// brings every host to the newest while jicofo never sees fewer than N - 1 bridges.
void TestEndToEnd::versionsAndRollingUpdate()
{
    const QString oldJvb = u"2.3-300-gshim-1"_s, newJvb = u"2.3-312-gshim-1"_s;
    const QString oldJicofo = u"1.0-1140-1"_s, newJicofo = u"1.0-1150-1"_s;
    const auto installed = [this](const QString &server, const QString &package) {
        return onHost(server, u"dpkg-query -W -f '${Version}' "_s + package).output.trimmed();
    };
    const QString downgrade = u"DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades "
                              "-o Dpkg::Options::=--force-confold %1"_s;
    for (const QString &bridge : {bridgeName(1), bridgeName(3)}) {
        const Outcome done = onHost(bridge, downgrade.arg(u"jitsi-videobridge2="_s + oldJvb));
        QVERIFY2(done.exitCode == 0, qPrintable(done.output));
        QCOMPARE(installed(bridge, u"jitsi-videobridge2"_s), oldJvb);
    }
    const Outcome web = onHost(kWeb, downgrade.arg(u"jicofo="_s + oldJicofo));
    QVERIFY2(web.exitCode == 0, qPrintable(web.output));
    QVERIFY2(waitForOperationalBridges(2, 90000), QJsonDocument(jicofoStats()).toJson().constData());

    const CliRun add = cli(u"add-bridge-pinned"_s, {u"add-bridge"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
    QCOMPARE(installed(bridgeName(4), u"jitsi-videobridge2"_s), oldJvb);
    QVERIFY2(waitForOperationalBridges(3, 90000), QJsonDocument(jicofoStats()).toJson().constData());

    // jicofo's view, sampled while the bridges are updated one by one (the web host's own restart comes after:
    // jicofo itself restarts then, so its view starts empty by design).
    int fewest = 3;
    bool webStarted = false;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler, [&] {
        if (webStarted)
            return;
        const int seen = operationalBridges();
        if (seen >= 0 && !webStarted)
            fewest = qMin(fewest, seen);
    });
    sampler.start(300);
    const CliRun update = cli(u"update"_s, {u"update"_s, u"--yes"_s, u"--identity"_s, m_key.privateFile},
                              [&](const QJsonObject &event, QProcess &) {
                                  if (event.value(u"event"_s) == u"host_step"_s && event.value(u"host"_s) == kWeb)
                                      webStarted = true;
                              });
    sampler.stop();
    QVERIFY2(update.exitCode == 0, qPrintable(update.describe()));
    QVERIFY2(fewest >= 2, qPrintable(u"jicofo saw %1 of 3 bridges during the update"_s.arg(fewest)));
    for (const QString &bridge : {bridgeName(1), bridgeName(3), bridgeName(4)})
        QCOMPARE(installed(bridge, u"jitsi-videobridge2"_s), newJvb);
    QCOMPARE(installed(kWeb, u"jicofo"_s), newJicofo);
    const QJsonObject outcome = update.finished().value(u"outcome"_s).toObject();
    QCOMPARE(outcome[u"versions_before"_s][bridgeName(4)][u"jitsi-videobridge2"_s].toString(), oldJvb);
    QCOMPARE(outcome[u"versions_after"_s][kWeb][u"jicofo"_s].toString(), newJicofo);
    QVERIFY(outcome[u"verification"_s][u"ok"_s].toBool());
    QVERIFY2(waitForOperationalBridges(3, 90000), QJsonDocument(jicofoStats()).toJson().constData());
}

// Issue 15, "test every bridge" with the shim bridges (no media: the test plays the participants by writing each
// bridge's hook file, tests/testbed/shims/README.md). A drain left by a "crashed" earlier test (recorded on this
// computer, drain mode on in the real shim) is undone first; then each bridge in turn is the only one in service
// (checked on every other bridge's own /metrics) and carries the test meeting; at the end no bridge is drained and
// nothing is recorded. A second run stopped with Ctrl-C halfway also leaves no drain.
void TestEndToEnd::meetingTestOnEveryBridge()
{
    const QStringList bridges{bridgeName(1), bridgeName(3), bridgeName(4)};
    const QString hook = u"/run/jitsi-videobridge-shim/conferences"_s;
    auto setMeeting = [this, &hook](const QString &bridge, const QString &figures) {
        const Outcome written
                = onHost(bridge, u"mkdir -p /run/jitsi-videobridge-shim && echo '%1' > %2"_s.arg(figures, hook));
        QVERIFY2(written.exitCode == 0, qPrintable(written.output));
    };
    auto drainMode = [this](const QString &bridge) {
        const Outcome metrics = onHost(bridge, u"curl -s http://127.0.0.1:8080/metrics"_s);
        for (const QString &line : metrics.output.split(u'\n'))
            if (line.startsWith(u"jitsi_jvb_drain_mode "_s))
                return line.section(u' ', 1).trimmed().toInt();
        return -1;
    };
    for (const QString &bridge : bridges)
        setMeeting(bridge, u"0 0"_s);

    // The "crashed" test: bridge 3 in drain mode, and the record of it the app writes before each drain.
    const Outcome drained = onHost(bridgeName(3), u"curl -s -X POST http://127.0.0.1:8080/colibri/drain/enable"_s);
    QVERIFY2(drained.exitCode == 0, qPrintable(drained.output));
    QCOMPARE(drainMode(bridgeName(3)), 1);
    const QString record = qEnvironmentVariable("XDG_DATA_HOME") + u"/jitsi-deployer/jitsi-deployer/deployments/"_s
                           + kSlug + u".meeting-drains"_s;
    QVERIFY(QDir().mkpath(QFileInfo(record).absolutePath()));
    QFile file(record);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "drained": [")" + bridgeName(3).toUtf8() + R"("]})");
    file.close();

    QStringList carriers;
    QStringList violations;
    QStringList rooms;
    const CliRun every
            = cli(u"test-meeting-every"_s, {u"test-meeting"_s, u"--every-bridge"_s, u"--identity"_s, m_key.privateFile},
                  [&](const QJsonObject &event, QProcess &) {
                      if (event.value(u"event"_s) != u"meeting"_s)
                          return;
                      const QJsonObject meeting = event.value(u"meeting"_s).toObject();
                      const QString carrier = meeting.value(u"carrier"_s).toString();
                      if (carrier.isEmpty() || carriers.contains(carrier))
                          return;
                      carriers.append(carrier);
                      rooms.append(meeting.value(u"room_url"_s).toString());
                      // Outside the output handler: the host commands run an event loop of their own.
                      QTimer::singleShot(0, this, [&, carrier] {
                          for (const QString &other : bridges)
                              if (drainMode(other) != (other == carrier ? 0 : 1))
                                  violations.append(u"%1's turn: %2 drain_mode %3"_s.arg(
                                          carrier, other, QString::number(drainMode(other))));
                          // Two participants joined: their ICE succeeded, the bridge channel carries
                          // messages.
                          setMeeting(carrier, u"1 2 2 10"_s);
                      });
                  });
    QVERIFY2(every.exitCode == 0, qPrintable(every.describe()));
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    QCOMPARE(carriers, bridges);
    for (const QString &room : rooms)
        QVERIFY2(room.startsWith(u"https://"_s + kDomain + u"/test-"_s), qPrintable(room));
    QCOMPARE(QSet<QString>(rooms.begin(), rooms.end()).size(), bridges.size());
    const QJsonObject meeting = every.finished()[u"outcome"_s][u"meeting"_s].toObject();
    QVERIFY(meeting[u"finished"_s].toBool());
    for (const QJsonValue &b : meeting[u"bridges"_s].toArray()) {
        const QJsonObject figures = b.toObject();
        QVERIFY2(figures[u"carried"_s].toBool(), qPrintable(figures[u"server"_s].toString()));
        QCOMPARE(figures[u"ice_succeeded"_s].toInt(), 2);
        QCOMPARE(figures[u"data_channel_messages_received"_s].toInt(), 10);
        QVERIFY(!figures[u"drained_by_user"_s].toBool()); // the leftover was the test's, not the user's
    }
    for (const QString &bridge : bridges)
        QCOMPARE(drainMode(bridge), 0);
    QVERIFY(!QFile::exists(record));

    // Ctrl-C halfway (the first bridge's turn): the drains of the second and third are undone before it exits.
    for (const QString &bridge : bridges)
        setMeeting(bridge, u"0 0"_s);
    bool interrupted = false;
    const CliRun stopped = cli(u"test-meeting-interrupted"_s,
                               {u"test-meeting"_s, u"--every-bridge"_s, u"--identity"_s, m_key.privateFile},
                               [&](const QJsonObject &event, QProcess &process) {
                                   if (interrupted || event.value(u"event"_s) != u"meeting"_s
                                       || event[u"meeting"_s][u"carrier"_s].toString().isEmpty())
                                       return;
                                   interrupted = true;
                                   ::kill(pid_t(process.processId()), SIGINT);
                               });
    QVERIFY(interrupted);
    QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.describe()));
    for (const QString &bridge : bridges)
        QCOMPARE(drainMode(bridge), 0);
    QVERIFY(!QFile::exists(record));
    for (const QString &bridge : bridges)
        onHost(bridge, u"rm -f "_s + hook);
}

void TestEndToEnd::destroyLeavesNothing()
{
    const CliRun destroy = cli(u"destroy"_s, {u"destroy"_s, u"--yes"_s});
    QVERIFY2(destroy.exitCode == 0, qPrintable(destroy.describe()));
    QVERIFY2(serverNames().isEmpty(), qPrintable(serverNames().join(u", "_s)));
    for (const QString &collection : {u"networks"_s, u"firewalls"_s, u"primary_ips"_s, u"ssh_keys"_s})
        QVERIFY2(
                m_sim->state(collection).isEmpty(),
                qPrintable(collection + u": "_s + QString::fromUtf8(QJsonDocument(m_sim->state(collection)).toJson())));
    QTRY_VERIFY_WITH_TIMEOUT(runningHosts().isEmpty(), 60000);
    // Every host's logs stayed behind as artefacts.
    for (const QString &name : {kWeb, bridgeName(1), bridgeName(2), bridgeName(3)})
        QVERIFY2(QFile::exists(m_artefacts + u'/' + name + u"/var/log/jitsi-deployer/provision.log"_s),
                 qPrintable(name));
    QVERIFY(QFile::exists(m_artefacts + u'/' + kWeb + u"/var/log/prosody/prosody.log"_s));
    QVERIFY(QFile::exists(m_artefacts + u'/' + kWeb + u"/var/log/jitsi/jicofo.log"_s));
}

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
