// TURN on the testbed (issue 15), with Debian's real coturn and real prosody: two web hosts installed by the real
// scripts (resources/provision) through SshHostAgent, one with TURN (jitsi-meet-turnserver's shim configures
// coturn) and one without. From this machine, outside the hosts' namespaces, a client asks prosody for its
// external services the way Jitsi Meet does (anonymous XMPP over BOSH through nginx, XEP-0215:
// services/extdisco.py), then coturn's own test client (turnutils_uclient) allocates a relay with those
// credentials over UDP 3478 and over TLS 5349, and fails with a wrong one. The host without TURN advertises
// nothing. After the certificate step coturn serves the Pebble-issued certificate, and a forced certbot renewal
// hands the new one to coturn through the deploy hook. Needs root.

#include "deploy/sshhostagent.h"
#include "provision/envfile.h"
#include "provision/installbundle.h"
#include "provision/userdatarenderer.h"
#include "taskrun.h"
#include "testbedtools.h"
#include "testkeys.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Testbed;

namespace {

constexpr int servicesTimeoutMs = 20 * 60 * 1000;
constexpr int bootTimeoutMs = 10 * 60 * 1000;
constexpr int installTimeoutMs = 10 * 60 * 1000;

// One web host of this test and what the test learns about it.
struct WebHost
{
    QString domain;
    QString ip;
    QString privateIp;
    bool turn = false;
    DeploymentPlan plan;
    DeploymentSecrets secrets;
    TestKeys::Key hostKey;
    QString name;
    std::unique_ptr<SshHostAgent> agent;
};

// A TLS handshake from the machine to ip:port with `name` as SNI and name to verify, trusting only `roots`.
// The peer's certificate when verified; null otherwise, with why in `problem`.
QSslCertificate handshake(const QString &ip, quint16 port, const QString &name, const QList<QSslCertificate> &roots,
                          QString *problem)
{
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(roots);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(ip, port, name);
    if (socket.waitForEncrypted(15000)) {
        const QSslCertificate peer = socket.peerCertificate();
        socket.disconnectFromHost();
        return peer;
    }
    QStringList errors;
    for (const QSslError &error : socket.sslHandshakeErrors())
        errors << error.errorString();
    *problem = socket.errorString() + u": "_s + errors.join(u"; "_s);
    return QSslCertificate();
}

} // namespace

class TestTestbedTurn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bothWebHostsInstall();
    void withoutTurnNothingIsAdvertised();
    void withTurnProsodyAdvertisesCoturnsPorts();
    void allocationsWithTheAdvertisedCredentials();
    void coturnServesTheIssuedAndTheRenewedCertificate();

private:
    bool setUp(WebHost &host, const QString &domain, const QString &ip, const QString &privateIp, bool turn);
    HostInputs inputs(const WebHost &host) const;
    bool connectAgent(HostAgent &agent);
    QStringList extdisco(const WebHost &host, int *exitCode);
    Outcome uclient(const QStringList &arguments);

    QString m_stateDir;
    QString m_services;
    QString m_acmeDirectoryUrl;
    QString m_artefacts = QStringLiteral(DEPLOYER_BINARY_DIR "/testbed-artefacts/tst_testbedturn");
    QString m_dnsRecord;
    TestKeys m_keys;
    TestKeys::Key m_clientKey;
    QTemporaryDir m_dir;
    WebHost m_on;
    WebHost m_off;
    QStringList m_hostsUp;
    QJsonObject m_turn; // the "turn" service prosody advertised: host, port, username, password, ...
    QJsonObject m_turns;
};

HostInputs TestTestbedTurn::inputs(const WebHost &host) const
{
    HostInputs in;
    in.role = HostRole::Web;
    in.serverName = host.name;
    in.webPublicIp = host.ip;
    in.webPrivateIp = host.privateIp;
    in.acmeDirectoryUrl = m_acmeDirectoryUrl;
    return in;
}

bool TestTestbedTurn::setUp(WebHost &host, const QString &domain, const QString &ip, const QString &privateIp,
                            bool turn)
{
    host.domain = domain;
    host.ip = ip;
    host.privateIp = privateIp;
    host.turn = turn;
    host.plan.domain = domain;
    host.plan.email = u"admin@"_s + domain;
    host.plan.web = HostSpec{u"cx33"_s, u"fsn1"_s};
    host.plan.bridges = {HostSpec{u"cx22"_s, u"fsn1"_s}};
    host.plan.sshPublicKey = m_clientKey.publicLine;
    host.plan.options.turnServer = turn;
    host.plan.options.acmeDirectoryUrl = m_acmeDirectoryUrl;
    host.secrets = DeploymentSecrets::generate();
    host.name = host.plan.webServerName();
    host.hostKey = m_keys.generate(TestKeys::Type::Ed25519);
    if (!host.hostKey.isValid())
        return false;

    HostInputs in = inputs(host);
    in.hostKey
            = HostKeyText{u"ed25519"_s, QString::fromUtf8(readFile(host.hostKey.privateFile)), host.hostKey.publicLine};
    const Result<QByteArray> userData = UserDataRenderer::render(host.plan, in);
    const QString userDataPath = m_dir.filePath(host.name + u".user-data"_s);
    QFile file(userDataPath);
    if (!userData.ok() || !file.open(QIODevice::WriteOnly) || file.write(userData.value()) != userData->size())
        return false;
    file.close();

    hostScript({u"down"_s, host.name}); // a previous run killed before its teardown
    const Outcome up = hostScript({u"up"_s, host.name, ip, u"--user-data"_s, userDataPath, u"--private"_s,
                                   privateIp + u"/16"_s, u"--services"_s, m_services});
    if (up.exitCode != 0) {
        qWarning("%s", qPrintable(up.output));
        return false;
    }
    m_hostsUp << host.name;

    HostEndpoint endpoint;
    endpoint.serverName = host.name;
    endpoint.role = HostRole::Web;
    endpoint.address = ip;
    endpoint.pinnedHostKey = pinOf(host.hostKey.publicLine);
    SshHostAgent::Options options;
    options.connect.keyFile = m_clientKey.privateFile;
    options.connect.connectTimeoutMs = 10000;
    host.agent = std::make_unique<SshHostAgent>(endpoint, options);
    return true;
}

bool TestTestbedTurn::connectAgent(HostAgent &agent)
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

// The services prosody advertises to an anonymous client of `host`, one JSON object per line.
QStringList TestTestbedTurn::extdisco(const WebHost &host, int *exitCode)
{
    const Outcome out = run(u"/usr/bin/python3"_s, {script(u"services/extdisco.py"_s), host.ip, host.domain}, 120000);
    *exitCode = out.exitCode;
    if (out.exitCode != 0)
        qWarning("extdisco.py: %s", qPrintable(out.output));
    return out.output.split(u'\n', Qt::SkipEmptyParts);
}

// coturn's test client, Debian's binary from the TURN host's own root, run in this machine's network namespace:
// outside the host, reaching it over the testbed's network as a participant would.
Outcome TestTestbedTurn::uclient(const QStringList &arguments)
{
    const QString root = hostScript({u"root"_s, m_on.name}).output.trimmed();
    return run(u"chroot"_s, QStringList{root, u"/usr/bin/turnutils_uclient"_s} + arguments, 60000);
}

void TestTestbedTurn::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed needs root (network namespaces, overlay mounts, ports 53/80/443); run this test as root.");
    m_stateDir = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!m_stateDir.isEmpty(), "JD_TESTBED_STATE is not set (tests/testbed/CMakeLists.txt sets it)");
    QVERIFY(m_dir.isValid());
    const Outcome services = servicesScript({u"up"_s}, servicesTimeoutMs);
    QVERIFY2(services.exitCode == 0, qPrintable(services.output));
    m_services = lastLine(services.output);
    m_acmeDirectoryUrl = QString::fromUtf8(readFile(m_services + u"/acme-directory-url"_s)).trimmed();
    QVERIFY(!m_acmeDirectoryUrl.isEmpty());

    m_clientKey = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_clientKey.isValid(), qPrintable(m_keys.errorString()));
    QVERIFY(setUp(m_on, u"meet.tbturn.example"_s, u"198.18.3.10"_s, u"10.0.3.2"_s, true));
    QVERIFY(setUp(m_off, u"meet.tbnoturn.example"_s, u"198.18.3.20"_s, u"10.0.3.3"_s, false));
}

void TestTestbedTurn::cleanupTestCase()
{
    m_on.agent.reset();
    m_off.agent.reset();
    if (!m_dnsRecord.isEmpty())
        QFile::remove(m_dnsRecord);
    for (const QString &name : std::as_const(m_hostsUp)) {
        const Outcome down = hostScript({u"down"_s, name, u"--collect"_s, m_artefacts});
        QVERIFY2(down.exitCode == 0, qPrintable(down.output));
    }
}

void TestTestbedTurn::bothWebHostsInstall()
{
    for (WebHost *host : {&m_on, &m_off}) {
        const Outcome status
                = hostScript({u"exec"_s, host->name, u"cloud-init"_s, u"status"_s, u"--wait"_s}, bootTimeoutMs);
        QVERIFY2(status.output.contains(u"status: done"_s), qPrintable(status.output));
        QVERIFY(connectAgent(*host->agent));
    }
    const auto filesFor = [this](const WebHost &host) {
        QList<InstallFile> files = InstallBundle::forRole(HostRole::Web).files();
        const Result<QByteArray> env = EnvFile::render(host.plan, host.secrets, inputs(host));
        if (env.ok())
            files.append(InstallFile{EnvFile::remotePath(), env.value(), EnvFile::unixMode});
        return files;
    };
    TaskRun on(m_on.agent.get(), ProvisionTask::Install, filesFor(m_on));
    TaskRun off(m_off.agent.get(), ProvisionTask::Install, filesFor(m_off));
    QDeadlineTimer deadline(installTimeoutMs);
    while (!(on.done() && off.done()) && !deadline.hasExpired())
        QTest::qWait(50);
    QVERIFY2(on.succeeded(), qPrintable(on.report()));
    QVERIFY2(off.succeeded(), qPrintable(off.report()));
    QVERIFY(on.markers().contains(u"end turn rc=0"_s));
    QVERIFY(off.markers().contains(u"end turn rc=0"_s));

    // Only the TURN host has the TURN server, configured by the package and running as its own user.
    const Outcome coturn = hostScript({u"exec"_s, m_on.name, u"systemctl"_s, u"is-active"_s, u"coturn"_s});
    QCOMPARE(coturn.output.trimmed(), u"active"_s);
    const Outcome noCoturn = hostScript({u"exec"_s, m_off.name, u"dpkg-query"_s, u"-W"_s, u"coturn"_s});
    QVERIFY2(noCoturn.exitCode != 0, qPrintable(noCoturn.output));
    // The host firewall (web-firewall.sh): accepted with TURN, dropped without.
    const QString onRules = QString::fromUtf8(
            readFile(m_stateDir + u"/hosts/"_s + m_on.name + u"/upper/etc/jitsi-deployer/firewall.nft"_s));
    QVERIFY2(onRules.contains(u"udp dport 3478 accept"_s), qPrintable(onRules));
    const QString offRules = QString::fromUtf8(
            readFile(m_stateDir + u"/hosts/"_s + m_off.name + u"/upper/etc/jitsi-deployer/firewall.nft"_s));
    QVERIFY2(offRules.contains(u"udp dport 3478 drop"_s), qPrintable(offRules));
}

void TestTestbedTurn::withoutTurnNothingIsAdvertised()
{
    // jitsi-meet-prosody wrote its STUN/TURN/TURNS entries on this host too; provisioning removed them, so a client
    // is sent to no port where nothing answers. The query itself succeeds (mod_external_services is loaded).
    int rc = -1;
    const QStringList services = extdisco(m_off, &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(services.isEmpty(), qPrintable(services.join(u'\n')));
}

void TestTestbedTurn::withTurnProsodyAdvertisesCoturnsPorts()
{
    int rc = -1;
    const QStringList lines = extdisco(m_on, &rc);
    QCOMPARE(rc, 0);
    QMap<QString, QJsonObject> byType;
    for (const QString &line : lines)
        byType.insert(QJsonDocument::fromJson(line.toUtf8()).object().value(u"type"_s).toString(),
                      QJsonDocument::fromJson(line.toUtf8()).object());
    QCOMPARE(byType.keys(), (QStringList{u"stun"_s, u"turn"_s, u"turns"_s}));
    QCOMPARE(byType[u"stun"_s].value(u"port"_s).toString(), u"3478"_s);
    m_turn = byType[u"turn"_s];
    m_turns = byType[u"turns"_s];
    QCOMPARE(m_turn.value(u"port"_s).toString(), u"3478"_s);
    QCOMPARE(m_turn.value(u"transport"_s).toString(), u"udp"_s);
    QCOMPARE(m_turns.value(u"port"_s).toString(), u"5349"_s);
    QCOMPARE(m_turns.value(u"transport"_s).toString(), u"tcp"_s);
    for (const QJsonObject &service : {m_turn, m_turns}) {
        QCOMPARE(service.value(u"host"_s).toString(), m_on.domain);
        // Time-limited REST credentials (coturn's use-auth-secret): the username is the expiry time.
        const qint64 expiry = service.value(u"username"_s).toString().section(u':', 0, 0).toLongLong();
        QVERIFY2(expiry > QDateTime::currentSecsSinceEpoch(), qPrintable(service.value(u"username"_s).toString()));
        QVERIFY(!service.value(u"password"_s).toString().isEmpty());
    }
}

void TestTestbedTurn::allocationsWithTheAdvertisedCredentials()
{
    QVERIFY(!m_turn.isEmpty());
    const QString user = m_turn.value(u"username"_s).toString();
    const QString password = m_turn.value(u"password"_s).toString();
    // -e: the peer the client asks permission for, this machine, which coturn's relay rules refuse (Jitsi's
    // denied-peer-ip ranges): the allocation is what is proven here, not relaying into the testbed.
    const QStringList common{u"-v"_s, u"-n"_s, u"1"_s, u"-c"_s, u"-e"_s, u"198.18.0.1"_s};

    const Outcome udp = uclient(common + QStringList{u"-u"_s, user, u"-w"_s, password, m_on.ip});
    QVERIFY2(udp.output.contains(u"Received relay addr: "_s + m_on.ip), qPrintable(udp.output.left(4000)));
    QVERIFY2(udp.output.contains(u"Connected to: "_s + m_on.ip + u":3478"_s), qPrintable(udp.output.left(2000)));

    const Outcome tls = uclient(common
                                + QStringList{u"-t"_s, u"-S"_s, u"-p"_s, m_turns.value(u"port"_s).toString(), u"-u"_s,
                                              m_turns.value(u"username"_s).toString(), u"-w"_s,
                                              m_turns.value(u"password"_s).toString(), m_on.ip});
    QVERIFY2(tls.output.contains(u"tls_connect: client session connected"_s), qPrintable(tls.output.left(4000)));
    QVERIFY2(tls.output.contains(u"Received relay addr: "_s + m_on.ip), qPrintable(tls.output.left(4000)));

    // A wrong credential: coturn refuses the allocation, over either transport.
    QString wrong = password;
    wrong[0] = wrong[0] == u'A' ? u'B' : u'A';
    const Outcome refused = uclient(common + QStringList{u"-u"_s, user, u"-w"_s, wrong, m_on.ip});
    QVERIFY2(!refused.output.contains(u"Received relay addr"_s), qPrintable(refused.output.left(4000)));
    QVERIFY2(refused.output.contains(u"Cannot complete Allocation"_s), qPrintable(refused.output.left(4000)));
    const Outcome refusedTls = uclient(
            common + QStringList{u"-t"_s, u"-S"_s, u"-p"_s, u"5349"_s, u"-u"_s, user, u"-w"_s, wrong, m_on.ip});
    QVERIFY2(!refusedTls.output.contains(u"Received relay addr"_s), qPrintable(refusedTls.output.left(4000)));
}

void TestTestbedTurn::coturnServesTheIssuedAndTheRenewedCertificate()
{
    // Pebble's issuing root (new at each Pebble start), over TLS the testbed CA signs.
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QString::fromUtf8(readFile(m_services + u"/acme-roots-url"_s)).trimmed()));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_services + u"/ca.crt"_s));
    request.setSslConfiguration(tls);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
    QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
    const QList<QSslCertificate> pebbleRoot = QSslCertificate::fromData(reply->readAll(), QSsl::Pem);
    QCOMPARE(pebbleRoot.size(), 1);

    // Before: coturn serves the web config's self-signed certificate on 5349.
    QString problem;
    QVERIFY(handshake(m_on.ip, 5349, m_on.domain, pebbleRoot, &problem).isNull());

    m_dnsRecord = m_services + u"/dns/tst_testbedturn"_s;
    QVERIFY(writeFileAtomically(m_dnsRecord, (m_on.ip + u' ' + m_on.domain + u'\n').toUtf8()));
    TaskRun certificate(m_on.agent.get(), ProvisionTask::Certificate, {});
    QTRY_VERIFY_WITH_TIMEOUT(certificate.done(), installTimeoutMs);
    QVERIFY2(certificate.succeeded(), qPrintable(certificate.report()));

    // coturn restarts with the issued pair; its TLS port verifies against Pebble's root for the meeting domain.
    const auto servedOn5349 = [&] {
        QSslCertificate peer;
        QDeadlineTimer deadline(30000);
        do {
            problem.clear();
            peer = handshake(m_on.ip, 5349, m_on.domain, pebbleRoot, &problem);
            if (!peer.isNull())
                break;
            QTest::qWait(300);
        } while (!deadline.hasExpired());
        return peer;
    };
    const QSslCertificate issued = servedOn5349();
    QVERIFY2(!issued.isNull(), qPrintable(problem));
    const QString root = m_stateDir + u"/hosts/"_s + m_on.name + u"/root"_s;
    QVERIFY(QFileInfo(root + u"/etc/letsencrypt/renewal-hooks/deploy/jitsi-deployer-coturn.sh"_s).isExecutable());

    // A renewal as certbot's timer would run it: the deploy hook hands the new certificate to coturn.
    const Outcome renew = hostScript({u"exec"_s, m_on.name, u"certbot"_s, u"renew"_s, u"--force-renewal"_s,
                                      u"--no-random-sleep-on-renew"_s, u"--non-interactive"_s},
                                     300000);
    QVERIFY2(renew.exitCode == 0, qPrintable(renew.output));
    QSslCertificate renewed;
    QDeadlineTimer deadline(30000);
    do {
        renewed = servedOn5349();
        if (!renewed.isNull() && renewed.serialNumber() != issued.serialNumber())
            break;
        QTest::qWait(500);
    } while (!deadline.hasExpired());
    QVERIFY2(!renewed.isNull() && renewed.serialNumber() != issued.serialNumber(), qPrintable(problem));

    // And TURN over TLS still allocates with the renewed certificate in place.
    int rc = -1;
    QStringList lines = extdisco(m_on, &rc);
    QCOMPARE(rc, 0);
    QJsonObject turns;
    for (const QString &line : std::as_const(lines))
        if (QJsonDocument::fromJson(line.toUtf8()).object().value(u"type"_s) == u"turns"_s)
            turns = QJsonDocument::fromJson(line.toUtf8()).object();
    const Outcome again = uclient({u"-v"_s, u"-n"_s, u"1"_s, u"-c"_s, u"-e"_s, u"198.18.0.1"_s, u"-t"_s, u"-S"_s,
                                   u"-p"_s, u"5349"_s, u"-u"_s, turns.value(u"username"_s).toString(), u"-w"_s,
                                   turns.value(u"password"_s).toString(), m_on.ip});
    QVERIFY2(again.output.contains(u"Received relay addr"_s), qPrintable(again.output.left(4000)));
}

QTEST_GUILESS_MAIN(TestTestbedTurn)
#include "tst_testbedturn.moc"
