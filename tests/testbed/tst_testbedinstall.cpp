// The whole install chain with the product's own code and real Debian packages, no simulator: the testbed
// services (services.sh), a web host and a bridge booted from UserDataRenderer's user-data (host.sh), whose
// cloud-init fetches the Jitsi key over HTTPS and prepares the signed repositories; then SshHostAgent uploads
// InstallBundle and EnvFile and runs the real install scripts (resources/provision), the bridge logs in to the
// web host's real prosody over the private network, the real Verifier passes, and the certificate step gets a
// certificate from Pebble that verifies against Pebble's root (and not against another).
// Needs root; the first run builds the Debian root and downloads the packages (root.sh, Debian's archive).

#include "deploy/evidencecollector.h"
#include "deploy/provisionsteps.h"
#include "deploy/sshhostagent.h"
#include "deploy/verifier.h"
#include "provision/envfile.h"
#include "provision/installbundle.h"
#include "provision/userdatarenderer.h"
#include "taskrun.h"
#include "testbedtools.h"
#include "testkeys.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Testbed;

namespace {

// Cold, services.sh up builds the Debian root and downloads the packages first (a few minutes here).
constexpr int servicesTimeoutMs = 20 * 60 * 1000;
constexpr int bootTimeoutMs = 10 * 60 * 1000;
constexpr int installTimeoutMs = 10 * 60 * 1000;

const QString domain = u"meet.tbinstall.example"_s;
const QString webIp = u"198.18.2.10"_s;
const QString webPrivateIp = u"10.0.1.2"_s;
const QString bridgeIp = u"198.18.2.11"_s;
const QString bridgePrivateIp = u"10.0.1.3"_s;

QList<QSslCertificate> certificatesIn(const QByteArray &pem)
{
    return QSslCertificate::fromData(pem, QSsl::Pem);
}

// A TLS handshake from the machine to ip:443 with `name` as SNI and as the name to verify, trusting only
// `roots`. Empty result = verified; otherwise why not.
QString handshakeProblem(const QString &ip, const QString &name, const QList<QSslCertificate> &roots)
{
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(roots);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(ip, 443, name);
    if (socket.waitForEncrypted(15000)) {
        const QSslCertificate peer = socket.peerCertificate();
        socket.disconnectFromHost();
        return peer.subjectAlternativeNames().values(QSsl::DnsEntry).contains(name)
                       ? QString()
                       : u"the certificate does not name "_s + name;
    }
    QStringList errors;
    for (const QSslError &error : socket.sslHandshakeErrors())
        errors << error.errorString();
    return socket.errorString() + u": "_s + errors.join(u"; "_s);
}

} // namespace

class TestTestbedInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cloudInitPreparesFromTheLocalRepositories();
    void webInstallsWhileTheBridgeGetsItsPackages();
    void bridgeJoinsTheWebHostsProsody();
    void verifierPassesForTheBridge();
    void certificateComesFromPebble();

private:
    HostInputs hostInputs(HostRole role) const;
    QString renderUserData(HostRole role, const TestKeys::Key &hostKey);
    std::unique_ptr<SshHostAgent> makeAgent(const HostInputs &inputs, const QString &address,
                                            const TestKeys::Key &hostKey) const;
    QList<InstallFile> installFiles(const HostInputs &inputs) const;
    bool connectAgent(HostAgent &agent);
    void lap(const char *what);

    QString m_stateDir;
    QString m_services;
    QString m_artefacts = QStringLiteral(DEPLOYER_BINARY_DIR "/testbed-artefacts/tst_testbedinstall");
    QString m_dnsRecord;
    TestKeys m_keys;
    TestKeys::Key m_clientKey;
    TestKeys::Key m_webKey;
    TestKeys::Key m_bridgeKey;
    QTemporaryDir m_dir;
    DeploymentPlan m_plan;
    DeploymentSecrets m_secrets;
    QString m_webName;
    QString m_bridgeName;
    QString m_prosodyCertificate;
    QString m_acmeDirectoryUrl;
    QStringList m_hostsUp;
    std::unique_ptr<SshHostAgent> m_web;
    std::unique_ptr<SshHostAgent> m_bridge;
    QElapsedTimer m_clock;
    QElapsedTimer m_total;
};

void TestTestbedInstall::lap(const char *what)
{
    qInfo("timing: %s %.1f s", what, double(m_clock.restart()) / 1000.0);
}

HostInputs TestTestbedInstall::hostInputs(HostRole role) const
{
    HostInputs inputs;
    inputs.role = role;
    inputs.webPublicIp = webIp;
    inputs.webPrivateIp = webPrivateIp;
    inputs.acmeDirectoryUrl = m_acmeDirectoryUrl;
    if (role == HostRole::Web) {
        inputs.serverName = m_webName;
        inputs.bridgeAddresses = {bridgeIp, bridgePrivateIp}; // both, as EngineRun::bridgeAddresses()
    } else {
        inputs.serverName = m_bridgeName;
        inputs.bridgeNumber = 1;
    }
    return inputs;
}

QString TestTestbedInstall::renderUserData(HostRole role, const TestKeys::Key &hostKey)
{
    HostInputs host = hostInputs(role);
    host.hostKey = HostKeyText{u"ed25519"_s, QString::fromUtf8(readFile(hostKey.privateFile)), hostKey.publicLine};
    const Result<QByteArray> userData = UserDataRenderer::render(m_plan, host);
    if (!userData.ok())
        return {};
    const QString path = m_dir.filePath(host.serverName + u".user-data"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(userData.value()) != userData.value().size())
        return {};
    return path;
}

std::unique_ptr<SshHostAgent> TestTestbedInstall::makeAgent(const HostInputs &inputs, const QString &address,
                                                            const TestKeys::Key &hostKey) const
{
    HostEndpoint endpoint;
    endpoint.serverName = inputs.serverName;
    endpoint.role = inputs.role;
    endpoint.address = address;
    endpoint.pinnedHostKey = pinOf(hostKey.publicLine);
    SshHostAgent::Options options;
    options.connect.keyFile = m_clientKey.privateFile;
    options.connect.connectTimeoutMs = 10000;
    return std::make_unique<SshHostAgent>(endpoint, options);
}

QList<InstallFile> TestTestbedInstall::installFiles(const HostInputs &inputs) const
{
    QList<InstallFile> files = InstallBundle::forRole(inputs.role).files();
    const Result<QByteArray> env = EnvFile::render(m_plan, m_secrets, inputs);
    if (!env.ok())
        return {};
    files.append(InstallFile{EnvFile::remotePath(), env.value(), EnvFile::unixMode});
    return files;
}

bool TestTestbedInstall::connectAgent(HostAgent &agent)
{
    bool finished = false;
    QString error;
    agent.connectToHost(60000, [&](Result<QString> result) {
        finished = true;
        if (!result.ok())
            error = result.error().message + u' ' + result.error().detail;
    });
    QDeadlineTimer deadline(90000);
    while (!finished && !deadline.hasExpired())
        QTest::qWait(20);
    if (!finished || !error.isEmpty())
        qWarning("connect to %s failed: %s", qPrintable(agent.endpoint().serverName), qPrintable(error));
    return finished && error.isEmpty();
}

void TestTestbedInstall::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed needs root (network namespaces, overlay mounts, ports 53/80/443); run this test as root.");
    m_total.start();
    m_clock.start();
    m_stateDir = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!m_stateDir.isEmpty(), "JD_TESTBED_STATE is not set (tests/testbed/CMakeLists.txt sets it)");
    QVERIFY(m_dir.isValid());

    const Outcome services = servicesScript({u"up"_s}, servicesTimeoutMs);
    QVERIFY2(services.exitCode == 0, qPrintable(services.output));
    m_services = lastLine(services.output);
    QCOMPARE(m_services, QDir(m_stateDir).absoluteFilePath(u"services"_s));
    m_acmeDirectoryUrl = QString::fromUtf8(readFile(m_services + u"/acme-directory-url"_s)).trimmed();
    QCOMPARE(m_acmeDirectoryUrl, u"https://acme.testbed:14000/dir"_s);
    lap("services up");

    m_clientKey = m_keys.generate(TestKeys::Type::Ed25519);
    m_webKey = m_keys.generate(TestKeys::Type::Ed25519);
    m_bridgeKey = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_clientKey.isValid() && m_webKey.isValid() && m_bridgeKey.isValid(), qPrintable(m_keys.errorString()));

    m_plan.domain = domain;
    m_plan.email = u"admin@tbinstall.example"_s;
    m_plan.web = HostSpec{u"cx33"_s, u"fsn1"_s};
    m_plan.bridges = {HostSpec{u"cx22"_s, u"fsn1"_s}};
    m_plan.sshPublicKey = m_clientKey.publicLine;
    m_secrets = DeploymentSecrets::generate();
    m_webName = m_plan.webServerName();
    m_bridgeName = m_plan.bridgeName(1);

    const QString webUserData = renderUserData(HostRole::Web, m_webKey);
    const QString bridgeUserData = renderUserData(HostRole::Bridge, m_bridgeKey);
    QVERIFY(!webUserData.isEmpty() && !bridgeUserData.isEmpty());

    // A previous run killed before its teardown must not make this one fail.
    hostScript({u"down"_s, m_webName});
    hostScript({u"down"_s, m_bridgeName});
    const Outcome web = hostScript({u"up"_s, m_webName, webIp, u"--user-data"_s, webUserData, u"--private"_s,
                                    webPrivateIp + u"/16"_s, u"--services"_s, m_services});
    QVERIFY2(web.exitCode == 0, qPrintable(web.output));
    m_hostsUp << m_webName;
    const Outcome bridge = hostScript({u"up"_s, m_bridgeName, bridgeIp, u"--user-data"_s, bridgeUserData,
                                       u"--private"_s, bridgePrivateIp + u"/16"_s, u"--services"_s, m_services});
    QVERIFY2(bridge.exitCode == 0, qPrintable(bridge.output));
    m_hostsUp << m_bridgeName;
    lap("both hosts booted (sshd up)");
}

void TestTestbedInstall::cleanupTestCase()
{
    m_web.reset();
    m_bridge.reset();
    if (!m_dnsRecord.isEmpty())
        QFile::remove(m_dnsRecord);
    // The hosts' logs stay as build artefacts after the servers are gone.
    for (const QString &name : std::as_const(m_hostsUp)) {
        const Outcome down = hostScript({u"down"_s, name, u"--collect"_s, m_artefacts});
        QVERIFY2(down.exitCode == 0, qPrintable(down.output));
        QVERIFY2(!QFile::exists(u"/run/netns/jdtb-"_s + name), qPrintable(name));
        QVERIFY2(!QFile::exists(m_stateDir + u"/hosts/"_s + name), qPrintable(name));
    }
    if (!m_hostsUp.isEmpty())
        QVERIFY(QFile::exists(m_artefacts + u'/' + m_webName + u"/var/log/jitsi-deployer/provision.log"_s));
    if (m_total.isValid())
        qInfo("timing: whole test %.1f s", double(m_total.elapsed()) / 1000.0);
}

void TestTestbedInstall::cloudInitPreparesFromTheLocalRepositories()
{
    // Both hosts' cloud-init at once, as on real servers. "done" needs the prepare script to succeed: the
    // key over HTTPS from download.jitsi.org (testbed DNS and CA), both repositories' signatures, the packages.
    std::unique_ptr<QProcess> waits[] = {
            start(u"/bin/bash"_s,
                  {script(u"host.sh"_s), u"exec"_s, m_webName, u"cloud-init"_s, u"status"_s, u"--wait"_s, u"--long"_s}),
            start(u"/bin/bash"_s, {script(u"host.sh"_s), u"exec"_s, m_bridgeName, u"cloud-init"_s, u"status"_s,
                                   u"--wait"_s, u"--long"_s}),
    };
    for (auto &wait : waits) {
        const Outcome status = finish(*wait, bootTimeoutMs);
        QVERIFY2(status.output.contains(u"status: done"_s), qPrintable(status.output));
    }
    lap("cloud-init finished on both hosts");
    for (const QString &name : {m_webName, m_bridgeName}) {
        const Outcome prepared
                = hostScript({u"exec"_s, name, u"test"_s, u"-f"_s, u"/var/lib/jitsi-deployer/prepared"_s});
        QVERIFY2(prepared.exitCode == 0, qPrintable(name + u" was not prepared"_s));
    }
    // The key came over HTTPS from the testbed's web server, to each host.
    const QString webLog = QString::fromUtf8(readFile(m_services + u"/logs/web.log"_s));
    for (const QString &ip : {webIp, bridgeIp})
        QVERIFY2(webLog.contains(u"https %1 \"GET /jitsi-key.gpg.key HTTP/1.1\" 200"_s.arg(ip)), qPrintable(webLog));

    // apt checks the Jitsi repository with the fetched key, not with anything it trusts anyway: signed-by
    // another keyring (Debian's), the same repository is refused.
    const QString probe
            = u"set -e; mkdir -p /tmp/keycheck/lists/partial; "
              "echo 'deb [signed-by=%1] https://download.jitsi.org stable/' >/tmp/keycheck/list; "
              "apt-get update -o Dir::Etc::SourceList=/tmp/keycheck/list -o Dir::Etc::SourceParts=/nonexistent "
              "-o Dir::State::Lists=/tmp/keycheck/lists --error-on=any 2>&1"_s;
    const Outcome right = hostScript(
            {u"exec"_s, m_webName, u"sh"_s, u"-c"_s, probe.arg(u"/usr/share/keyrings/jitsi-keyring.gpg"_s)});
    QVERIFY2(right.exitCode == 0, qPrintable(right.output));
    const Outcome wrong = hostScript(
            {u"exec"_s, m_webName, u"sh"_s, u"-c"_s, probe.arg(u"/usr/share/keyrings/debian-archive-keyring.gpg"_s)});
    QVERIFY2(wrong.exitCode != 0 && wrong.output.contains(u"NO_PUBKEY"_s), qPrintable(wrong.output));
}

void TestTestbedInstall::webInstallsWhileTheBridgeGetsItsPackages()
{
    m_web = makeAgent(hostInputs(HostRole::Web), webIp, m_webKey);
    m_bridge = makeAgent(hostInputs(HostRole::Bridge), bridgeIp, m_bridgeKey);
    QVERIFY(connectAgent(*m_web));
    QVERIFY(connectAgent(*m_bridge));

    // The engine's two phases: the bridge's packages need nothing from the web host.
    HostInputs bridgePackages = hostInputs(HostRole::Bridge);
    bridgePackages.phase = u"packages"_s;
    const QList<InstallFile> webFiles = installFiles(hostInputs(HostRole::Web));
    const QList<InstallFile> bridgeFiles = installFiles(bridgePackages);
    QVERIFY(!webFiles.isEmpty() && !bridgeFiles.isEmpty());

    QElapsedTimer webClock;
    webClock.start();
    TaskRun web(m_web.get(), ProvisionTask::Install, webFiles);
    TaskRun bridge(m_bridge.get(), ProvisionTask::Install, bridgeFiles);
    qint64 webMs = -1;
    qint64 bridgeMs = -1;
    QDeadlineTimer deadline(installTimeoutMs);
    while (!(web.done() && bridge.done()) && !deadline.hasExpired()) {
        QTest::qWait(50);
        if (web.done() && webMs < 0)
            webMs = webClock.elapsed();
        if (bridge.done() && bridgeMs < 0)
            bridgeMs = webClock.elapsed();
    }
    qInfo("timing: install-web %.1f s, install-bridge (packages phase) %.1f s", double(webMs) / 1000.0,
          double(bridgeMs) / 1000.0);
    lap("web install and bridge packages (in parallel)");
    QVERIFY2(web.succeeded(), qPrintable(web.report()));
    QVERIFY2(bridge.succeeded(), qPrintable(bridge.report()));
    QCOMPARE(bridge.markers().last(), u"end install-packages rc=0"_s);

    // The packages' maintainer scripts found the service manager they expect (the testbed's systemctl on
    // apt's PATH, presets, an init): every service was started by its own postinst, as on a real server.
    for (const QString &name : {m_webName, m_bridgeName}) {
        const QString log = QString::fromUtf8(
                readFile(m_stateDir + u"/hosts/"_s + name + u"/upper"_s + InstallBundle::logPath()));
        for (const QString &symptom : {u"not implemented by the testbed shim"_s, u"is a disabled or a static unit"_s,
                                       u"No init system"_s, u"systemctl: not found"_s})
            QVERIFY2(!log.contains(symptom), qPrintable(name + u": "_s + symptom));
    }
    // nginx's binary upgrade (its postinst runs it when nginx already runs): the new master takes over
    // from the old one through the PID file, and the unit stays active with the new main PID.
    auto mainPid = [this] {
        return hostScript({u"exec"_s, m_webName, u"systemctl"_s, u"show"_s, u"-p"_s, u"MainPID"_s, u"--value"_s,
                           u"nginx"_s})
                .output.trimmed();
    };
    const QString before = mainPid();
    const Outcome upgrade = hostScript({u"exec"_s, m_webName, u"invoke-rc.d"_s, u"nginx"_s, u"upgrade"_s});
    QVERIFY2(upgrade.exitCode == 0, qPrintable(upgrade.output));
    QTRY_VERIFY_WITH_TIMEOUT(mainPid() != before && mainPid() != u"0"_s, 15000);
    const Outcome active = hostScript({u"exec"_s, m_webName, u"systemctl"_s, u"is-active"_s, u"nginx"_s});
    QCOMPARE(active.output.trimmed(), u"active"_s);
}

void TestTestbedInstall::bridgeJoinsTheWebHostsProsody()
{
    QVERIFY(m_web && m_bridge);
    // As the engine does: prosody's own certificate for auth.<domain>, read from the web host.
    bool read = false;
    QString error;
    m_web->readFile(InstallBundle::prosodyAuthCertificatePath(domain), [&](Result<QByteArray> content) {
        read = true;
        if (content.ok())
            m_prosodyCertificate = QString::fromUtf8(content.value());
        else
            error = content.error().message;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, 30000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<QSslCertificate> certificate = certificatesIn(m_prosodyCertificate.toUtf8());
    QCOMPARE(certificate.size(), 1);
    QVERIFY2(certificate.first().subjectAlternativeNames().values(QSsl::DnsEntry).contains(u"auth."_s + domain)
                     || certificate.first().subjectInfo(QSslCertificate::CommonName).contains(u"auth."_s + domain),
             qPrintable(m_prosodyCertificate));

    HostInputs inputs = hostInputs(HostRole::Bridge);
    inputs.prosodyAuthCertificate = m_prosodyCertificate;
    inputs.phase = u"all"_s;
    const Result<QByteArray> env = EnvFile::render(m_plan, m_secrets, inputs);
    QVERIFY(env.ok());
    TaskRun bridge(m_bridge.get(), ProvisionTask::Install, {{EnvFile::remotePath(), env.value(), EnvFile::unixMode}});
    QTRY_VERIFY_WITH_TIMEOUT(bridge.done(), installTimeoutMs);
    lap("install-bridge (all)");
    QVERIFY2(bridge.succeeded(), qPrintable(bridge.report()));
    // The packages phase's steps are not repeated; the rest ran.
    QVERIFY2(bridge.markers().contains(u"skip install-packages"_s), qPrintable(bridge.markers().join(u'\n')));
    QVERIFY2(bridge.markers().contains(u"end restart-and-join rc=0"_s), qPrintable(bridge.markers().join(u'\n')));
}

void TestTestbedInstall::verifierPassesForTheBridge()
{
    QVERIFY(m_web && m_bridge);
    const QString prosodyLog = QString::fromUtf8(
            readFile(m_stateDir + u"/hosts/"_s + m_webName + u"/upper"_s + EvidenceCollector::prosodyLogPath()));
    QVERIFY2(prosodyLog.contains(u"Authenticated as jvb@auth."_s + domain), qPrintable(prosodyLog.right(3000)));

    // jicofo sees the bridge join the brewery shortly after the bridge does; the Verifier judges the evidence
    // the engine's EvidenceCollector gathers over SSH.
    VerificationReport report;
    QDeadlineTimer deadline(60000);
    do {
        EvidenceCollector collector(domain, m_web.get(), {{m_bridge.get(), m_bridgeName, bridgeIp, bridgePrivateIp}});
        bool collected = false;
        QString error;
        collector.collect([&](Result<VerifierInput> input) {
            collected = true;
            if (input.ok())
                report = Verifier::verify(input.value());
            else
                error = input.error().message;
        });
        QTRY_VERIFY_WITH_TIMEOUT(collected, 30000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (report.ok())
            break;
        QTest::qWait(1000);
    } while (!deadline.hasExpired());
    QStringList problems;
    for (const VerifyProblem &problem : report.problems)
        problems << problem.code() + u": "_s + problem.message;
    for (const BridgeVerdict &verdict : report.bridges)
        for (const VerifyProblem &problem : verdict.problems)
            problems << verdict.serverName + u": "_s + problem.code() + u": "_s + problem.message;
    QVERIFY2(report.ok(), qPrintable(problems.join(u'\n')));
    QCOMPARE(report.operationalBridges, 1); // jicofo's /stats
    QCOMPARE(report.liveSessions, 1);
    QCOMPARE(report.bridges.size(), 1);
    QVERIFY(report.bridges.first().ok());
    lap("verified");
}

void TestTestbedInstall::certificateComesFromPebble()
{
    QVERIFY(m_web);
    // Pebble's issuing root (new at each Pebble start), from its management port, over TLS the testbed CA signs.
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QString::fromUtf8(readFile(m_services + u"/acme-roots-url"_s)).trimmed()));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    const QList<QSslCertificate> testbedCa = QSslCertificate::fromPath(m_services + u"/ca.crt"_s);
    QCOMPARE(testbedCa.size(), 1);
    tls.setCaCertificates(testbedCa);
    request.setSslConfiguration(tls);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
    QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
    const QList<QSslCertificate> pebbleRoot = certificatesIn(reply->readAll());
    QCOMPARE(pebbleRoot.size(), 1);

    // Before: nginx serves the self-signed certificate jitsi-meet-web-config made.
    QVERIFY(!handshakeProblem(webIp, domain, pebbleRoot).isEmpty());

    // What the user does at their DNS provider: the meeting domain points at the web host.
    m_dnsRecord = m_services + u"/dns/tst_testbedinstall"_s;
    QVERIFY(writeFileAtomically(m_dnsRecord, (webIp + u' ' + domain + u'\n').toUtf8()));

    TaskRun certificate(m_web.get(), ProvisionTask::Certificate, {});
    QTRY_VERIFY_WITH_TIMEOUT(certificate.done(), installTimeoutMs);
    lap("certificate task");
    QVERIFY2(certificate.succeeded(), qPrintable(certificate.report()));

    // A reload only signals nginx's master; its new workers take over a moment later.
    QString problem;
    QDeadlineTimer deadline(15000);
    do {
        problem = handshakeProblem(webIp, domain, pebbleRoot);
        if (problem.isEmpty())
            break;
        QTest::qWait(200);
    } while (!deadline.hasExpired());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The same handshake trusting another root fails: the chain really ends at Pebble's root.
    QVERIFY(!handshakeProblem(webIp, domain, testbedCa).isEmpty());
}

QTEST_GUILESS_MAIN(TestTestbedInstall)
#include "tst_testbedinstall.moc"
