// Self-test of the SSH test harness (tests/support/sshd) with OpenSSH's own client, so the harness is known
// to work before it is used to judge our SshSession.
#include "blackholeport.h"
#include "sshtesttools.h"
#include "tcpcutproxy.h"
#include "testkeys.h"
#include "testsshagent.h"
#include "testsshd.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <libssh/libssh.h>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

SshTestTools::RunResult runSsh(const QStringList &arguments,
                               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return SshTestTools::run(u"ssh"_s, arguments, 60000, environment);
}

// Client arguments for reaching `sshd` through another port (proxy, black hole), pinning its host key there.
QStringList argumentsVia(const TestSshd &sshd, quint16 port, const QString &keyFile, const QString &knownHosts,
                         int connectTimeoutSeconds = 10)
{
    SshTestTools::writeFile(knownHosts, u"[127.0.0.1]:%1 %2\n"_s.arg(port).arg(sshd.hostPublicKey()).toUtf8(), 0600);
    return {u"-F"_s,       u"/dev/null"_s,
            u"-o"_s,       u"BatchMode=yes"_s,
            u"-o"_s,       u"StrictHostKeyChecking=yes"_s,
            u"-o"_s,       u"UserKnownHostsFile="_s + knownHosts,
            u"-o"_s,       u"GlobalKnownHostsFile=/dev/null"_s,
            u"-o"_s,       u"ConnectTimeout="_s + QString::number(connectTimeoutSeconds),
            u"-o"_s,       u"IdentitiesOnly=yes"_s,
            u"-o"_s,       u"IdentityAgent=none"_s,
            u"-i"_s,       keyFile,
            u"-p"_s,       QString::number(port),
            u"-l"_s,       sshd.user(),
            u"127.0.0.1"_s};
}

bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close > 0 && line.mid(close + 2, 1) == "Z"; // a zombie no longer runs
}

} // namespace

class TestSshHarness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realClientLogsIn_data();
    void realClientLogsIn();
    void wrongPinIsRefusedByRealClient();
    void secondServerOnSamePortHasOtherKey();
    void stopEndsSessionsAndTheirCommands();
    void dropConnectionsKeepsListening();
    void clientKeyFormats_data();
    void clientKeyFormats();
    void badInputs();
    void agentServesKeys();
    void proxyForwardsAndCuts();
    void proxyRefusesAndBlackHoles();
    void blackHolePortTimesOutRealClient();
    void blackHolePortTimesOutLibssh();
};

void TestSshHarness::realClientLogsIn_data()
{
    QTest::addColumn<TestSshd::KeyType>("hostKeyType");
    QTest::addColumn<TestKeys::Type>("clientKeyType");
    QTest::newRow("ed25519") << TestSshd::KeyType::Ed25519 << TestKeys::Type::Ed25519;
    QTest::newRow("ecdsa") << TestSshd::KeyType::Ecdsa << TestKeys::Type::Ecdsa;
    QTest::newRow("rsa") << TestSshd::KeyType::Rsa << TestKeys::Type::Rsa;
}

void TestSshHarness::realClientLogsIn()
{
    QFETCH(TestSshd::KeyType, hostKeyType);
    QFETCH(TestKeys::Type, clientKeyType);
    TestSshd::Options options;
    options.hostKeyType = hostKeyType;
    TestSshd sshd(options);
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    QVERIFY(sshd.port() != 0);
    const QString expectedPrefix = hostKeyType == TestSshd::KeyType::Ed25519 ? u"ssh-ed25519 "_s
                                   : hostKeyType == TestSshd::KeyType::Ecdsa ? u"ecdsa-sha2-nistp"_s
                                                                             : u"ssh-rsa "_s;
    QVERIFY2(sshd.hostPublicKey().startsWith(expectedPrefix), qPrintable(sshd.hostPublicKey()));
    QCOMPARE(sshd.hostPublicKey().count(u' '), 1); // no comment: the pin is "type base64"

    TestKeys keys;
    const TestKeys::Key key = keys.generate(clientKeyType);
    QVERIFY2(key.isValid(), qPrintable(keys.errorString()));
    QVERIFY(sshd.authorize(key.publicLine));

    const auto result = runSsh(sshd.sshArguments(key.privateFile) << u"echo ok"_s);
    QVERIFY2(result.ok(), qPrintable(result.describe(u"ssh"_s) + u"\nsshd log:\n"_s + sshd.log()));
    QCOMPARE(result.standardOutput, QByteArray("ok\n"));
    QVERIFY(sshd.log().contains(u"Accepted publickey"_s));
}

void TestSshHarness::wrongPinIsRefusedByRealClient()
{
    TestSshd sshd;
    TestSshd other;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    QVERIFY2(other.start(), qPrintable(other.errorString()));
    QVERIFY(sshd.hostPublicKey() != other.hostPublicKey());
    TestKeys keys;
    const auto key = keys.generate(TestKeys::Type::Ed25519);
    sshd.authorize(key.publicLine);

    // Pin the other server's key for this server's address: a strict client must refuse.
    const QString knownHosts = keys.dir() + u"/wrong_known_hosts"_s;
    QStringList arguments = argumentsVia(sshd, sshd.port(), key.privateFile, knownHosts);
    SshTestTools::writeFile(knownHosts, u"[127.0.0.1]:%1 %2\n"_s.arg(sshd.port()).arg(other.hostPublicKey()).toUtf8(),
                            0600);
    const auto result = runSsh(arguments << u"echo ok"_s);
    QCOMPARE(result.exitCode, 255);
    QVERIFY2(result.standardError.contains("Host key verification failed"), result.standardError.constData());
    QVERIFY(result.standardOutput.isEmpty());
}

void TestSshHarness::secondServerOnSamePortHasOtherKey()
{
    TestKeys keys;
    const auto key = keys.generate(TestKeys::Type::Ed25519);
    TestSshd genuine;
    QVERIFY2(genuine.start(), qPrintable(genuine.errorString()));
    genuine.authorize(key.publicLine);
    const QStringList pinnedToGenuine = genuine.sshArguments(key.privateFile);
    QVERIFY(runSsh(QStringList(pinnedToGenuine) << u"true"_s).ok());
    const quint16 port = genuine.port();
    genuine.stop();
    QVERIFY(!genuine.isRunning());
    QVERIFY(!SshTestTools::acceptsConnections(port));

    TestSshd::Options options;
    options.port = port;
    TestSshd impostor(options);
    QVERIFY2(impostor.start(), qPrintable(impostor.errorString()));
    impostor.authorize(key.publicLine);
    QCOMPARE(impostor.port(), port);
    QVERIFY(impostor.hostPublicKey() != genuine.hostPublicKey());
    const auto result = runSsh(QStringList(pinnedToGenuine) << u"echo should-not-run"_s);
    QCOMPARE(result.exitCode, 255);
    QVERIFY2(result.standardError.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), result.standardError.constData());

    // Restarting the genuine server with its own key on the same port works again.
    impostor.stop();
    TestSshd::Options again;
    again.port = port;
    again.hostKeyFile = genuine.hostKeyFile();
    TestSshd restarted(again);
    QVERIFY2(restarted.start(), qPrintable(restarted.errorString()));
    QCOMPARE(restarted.hostPublicKey(), genuine.hostPublicKey());
    restarted.authorize(key.publicLine);
    QVERIFY(runSsh(QStringList(pinnedToGenuine) << u"true"_s).ok());
}

void TestSshHarness::stopEndsSessionsAndTheirCommands()
{
    TestKeys keys;
    const auto key = keys.generate(TestKeys::Type::Ed25519);
    TestSshd sshd;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    sshd.authorize(key.publicLine);

    QProcess client;
    SshTestTools::terminateWithParent(client);
    client.start(u"ssh"_s, sshd.sshArguments(key.privateFile) << u"echo $$; exec sleep 300"_s);
    QVERIFY(client.waitForStarted());
    QVERIFY(client.waitForReadyRead(30000));
    const qint64 remotePid = client.readLine().trimmed().toLongLong();
    QVERIFY(remotePid > 0);
    QVERIFY(!processGone(remotePid));

    sshd.stop();
    QVERIFY(client.waitForFinished(30000)); // the connection is gone, so the client ends
    QTRY_VERIFY_WITH_TIMEOUT(processGone(remotePid), 10000);
}

void TestSshHarness::dropConnectionsKeepsListening()
{
    TestKeys keys;
    const auto key = keys.generate(TestKeys::Type::Ed25519);
    TestSshd sshd;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    sshd.authorize(key.publicLine);
    QProcess client;
    SshTestTools::terminateWithParent(client);
    client.start(u"ssh"_s, sshd.sshArguments(key.privateFile) << u"echo started; exec sleep 300"_s);
    QVERIFY(client.waitForReadyRead(30000));
    sshd.dropConnections();
    QVERIFY(client.waitForFinished(30000));
    QCOMPARE(client.exitCode(), 255);
    QVERIFY(sshd.isRunning());
    QVERIFY(runSsh(sshd.sshArguments(key.privateFile) << u"true"_s).ok());
}

void TestSshHarness::clientKeyFormats_data()
{
    QTest::addColumn<TestKeys::Type>("type");
    QTest::addColumn<TestKeys::Format>("format");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QByteArray>("header");
    const QByteArray openssh = "-----BEGIN OPENSSH PRIVATE KEY-----";
    QTest::newRow("ed25519") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh << QString() << openssh;
    QTest::newRow("ed25519 encrypted") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh << u"s3cret"_s
                                       << openssh;
    QTest::newRow("ecdsa") << TestKeys::Type::Ecdsa << TestKeys::Format::OpenSsh << QString() << openssh;
    QTest::newRow("ecdsa pem") << TestKeys::Type::Ecdsa << TestKeys::Format::Pem << QString()
                               << QByteArray("-----BEGIN EC PRIVATE KEY-----");
    QTest::newRow("ecdsa pem encrypted") << TestKeys::Type::Ecdsa << TestKeys::Format::Pem << u"s3cret"_s
                                         << QByteArray("-----BEGIN EC PRIVATE KEY-----");
    QTest::newRow("rsa") << TestKeys::Type::Rsa << TestKeys::Format::OpenSsh << QString() << openssh;
    QTest::newRow("rsa pem") << TestKeys::Type::Rsa << TestKeys::Format::Pem << QString()
                             << QByteArray("-----BEGIN RSA PRIVATE KEY-----");
    QTest::newRow("rsa pem encrypted") << TestKeys::Type::Rsa << TestKeys::Format::Pem << u"pass phrase"_s
                                       << QByteArray("-----BEGIN RSA PRIVATE KEY-----");
}

void TestSshHarness::clientKeyFormats()
{
    QFETCH(TestKeys::Type, type);
    QFETCH(TestKeys::Format, format);
    QFETCH(QString, passphrase);
    QFETCH(QByteArray, header);
    TestKeys keys;
    const auto key = keys.generate(type, format, passphrase);
    QVERIFY2(key.isValid(), qPrintable(keys.errorString()));
    QFile file(key.privateFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.startsWith(header), text.left(40).constData());
    QCOMPARE(text.contains("ENCRYPTED"), !passphrase.isEmpty() && format == TestKeys::Format::Pem);
    QCOMPARE(QFileInfo(key.privateFile).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    // The passphrase is really needed: ssh-keygen -y fails without it and succeeds with it.
    const auto withoutPassphrase
            = SshTestTools::run(u"ssh-keygen"_s, {u"-y"_s, u"-P"_s, QString(), u"-f"_s, key.privateFile});
    QCOMPARE(withoutPassphrase.ok(), passphrase.isEmpty());
    const auto derived = SshTestTools::run(u"ssh-keygen"_s, {u"-y"_s, u"-P"_s, passphrase, u"-f"_s, key.privateFile});
    QVERIFY2(derived.ok(), qPrintable(derived.describe(u"ssh-keygen"_s)));
    QCOMPARE(SshTestTools::publicKeyWithoutComment(QString::fromUtf8(derived.standardOutput)),
             SshTestTools::publicKeyWithoutComment(key.publicLine));
}

void TestSshHarness::badInputs()
{
    TestKeys keys;
    QVERIFY(!keys.generate(TestKeys::Type::Ed25519, TestKeys::Format::Pem).isValid());
    QVERIFY(!keys.errorString().isEmpty());
    QVERIFY(!QFileInfo::exists(keys.missingFile()));

    const QString notAKey = keys.notAKeyFile();
    QVERIFY(QFileInfo(notAKey).isFile());
    QVERIFY(!SshTestTools::run(u"ssh-keygen"_s, {u"-y"_s, u"-P"_s, QString(), u"-f"_s, notAKey}).ok());
    QCOMPARE(QFileInfo(keys.emptyFile()).size(), 0);
    QVERIFY(!SshTestTools::run(u"ssh-keygen"_s, {u"-y"_s, u"-P"_s, QString(), u"-f"_s, keys.truncatedKeyFile()}).ok());

    // OpenSSH itself refuses a group/other-readable private key.
    const auto loose = keys.worldReadableKey();
    QVERIFY(loose.isValid());
    QVERIFY(QFileInfo(loose.privateFile).permissions() & QFile::ReadOther);
    const auto refused = SshTestTools::run(u"ssh-keygen"_s, {u"-y"_s, u"-P"_s, QString(), u"-f"_s, loose.privateFile});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.standardError.contains("UNPROTECTED PRIVATE KEY FILE"), refused.standardError.constData());

    const QString unreadable = keys.unreadableFile();
    QFile file(unreadable);
    const bool opened = file.open(QIODevice::ReadOnly);
    QVERIFY(!opened || file.read(16).isEmpty());
    QCOMPARE(QFileInfo(unreadable).isDir(), !TestKeys::isReallyPermissionDenied());
}

void TestSshHarness::agentServesKeys()
{
    TestKeys keys;
    const auto plain = keys.generate(TestKeys::Type::Ed25519);
    const auto encrypted = keys.generate(TestKeys::Type::Rsa, TestKeys::Format::Pem, u"agent pass"_s);
    const auto unused = keys.generate(TestKeys::Type::Ecdsa);
    TestSshAgent agent;
    QVERIFY2(agent.start(), qPrintable(agent.errorString()));
    QVERIFY(QFileInfo(agent.socketPath()).exists());
    QVERIFY(agent.publicKeys().isEmpty());
    QVERIFY2(agent.addKey(plain.privateFile), qPrintable(agent.errorString()));
    QVERIFY(!agent.addKey(encrypted.privateFile, u"wrong"_s));
    QVERIFY2(agent.addKey(encrypted.privateFile, encrypted.passphrase), qPrintable(agent.errorString()));
    QCOMPARE(agent.publicKeys().size(), 2);

    TestSshd sshd;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    sshd.authorize(encrypted.publicLine);
    const auto result = runSsh(sshd.sshArguments({}) << u"echo via-agent"_s, agent.environment());
    QVERIFY2(result.ok(), qPrintable(result.describe(u"ssh"_s) + sshd.log()));
    QCOMPARE(result.standardOutput, QByteArray("via-agent\n"));

    // Only keys in the agent count: with the authorized key removed, the agent cannot log in.
    QVERIFY(agent.removeAllKeys());
    QVERIFY(agent.addKey(unused.privateFile));
    QCOMPARE(runSsh(sshd.sshArguments({}) << u"true"_s, agent.environment()).exitCode, 255);

    const QString socket = agent.socketPath();
    agent.stop();
    QVERIFY(!agent.isRunning());
    QVERIFY(!QFileInfo::exists(socket));
}

void TestSshHarness::proxyForwardsAndCuts()
{
    TestKeys keys;
    const auto key = keys.generate(TestKeys::Type::Ed25519);
    TestSshd sshd;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    sshd.authorize(key.publicLine);
    TcpCutProxy proxy(sshd.port());
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    QVERIFY(proxy.port() != 0 && proxy.port() != sshd.port());

    const QStringList viaProxy = argumentsVia(sshd, proxy.port(), key.privateFile, keys.dir() + u"/kh"_s);
    // Bulk data passes byte-exact (the client blocks this thread; the proxy has its own).
    const auto bulk = runSsh(QStringList(viaProxy) << u"head -c 3000000 /dev/zero | tr '\\0' x"_s);
    QVERIFY2(bulk.ok(), qPrintable(bulk.describe(u"ssh"_s)));
    QCOMPARE(bulk.standardOutput, QByteArray(3000000, 'x'));
    QVERIFY(proxy.bytesToClient() > 3000000);
    QCOMPARE(proxy.acceptedConnections(), 1);
    QTRY_COMPARE(proxy.openConnections(), 0);

    QProcess client;
    SshTestTools::terminateWithParent(client);
    client.start(u"ssh"_s, QStringList(viaProxy) << u"echo $$; exec sleep 300"_s);
    QVERIFY(client.waitForReadyRead(30000));
    const qint64 cutPid = client.readLine().trimmed().toLongLong();
    QVERIFY(cutPid > 0);
    QCOMPARE(proxy.openConnections(), 1);
    proxy.cutAll();
    QCOMPARE(proxy.openConnections(), 0);
    QVERIFY(client.waitForFinished(30000));
    QCOMPARE(client.exitCode(), 255);
    const QByteArray cutMessage = client.readAllStandardError();
    // ssh reports the RST as "Connection reset" or, when it hits it while writing, "Broken pipe".
    QVERIFY2(cutMessage.contains("reset") || cutMessage.contains("Broken pipe"), cutMessage.constData());

    // Stalled: the connection stays open but nothing flows; ssh's own keepalive gives up.
    QProcess stalled;
    SshTestTools::terminateWithParent(stalled);
    stalled.start(u"ssh"_s, QStringList{u"-o"_s, u"ServerAliveInterval=1"_s, u"-o"_s, u"ServerAliveCountMax=2"_s}
                                    + viaProxy + QStringList{u"echo $$; exec sleep 300"_s});
    QVERIFY(stalled.waitForReadyRead(30000));
    const qint64 stalledPid = stalled.readLine().trimmed().toLongLong();
    QVERIFY(stalledPid > 0);
    proxy.stallAll();
    QVERIFY(stalled.waitForFinished(30000));
    QCOMPARE(stalled.exitCode(), 255);
    QVERIFY2(stalled.readAllStandardError().contains("Timeout"), "expected a server-alive timeout");
    proxy.cutAll();

    // The remote commands outlived their cut sessions; stopping the server still ends them.
    QVERIFY(!processGone(cutPid));
    sshd.stop();
    QTRY_VERIFY_WITH_TIMEOUT(processGone(cutPid) && processGone(stalledPid), 10000);
}

void TestSshHarness::proxyRefusesAndBlackHoles()
{
    TestKeys keys;
    const auto key = keys.generate(TestKeys::Type::Ed25519);
    TestSshd sshd;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    sshd.authorize(key.publicLine);
    TcpCutProxy proxy(sshd.port());
    QVERIFY(proxy.start());
    const quint16 port = proxy.port();
    const QStringList viaProxy = argumentsVia(sshd, port, key.privateFile, keys.dir() + u"/kh"_s, 2);

    proxy.setMode(TcpCutProxy::Mode::Refuse);
    QCOMPARE(proxy.mode(), TcpCutProxy::Mode::Refuse);
    const auto refused = runSsh(QStringList(viaProxy) << u"true"_s);
    QCOMPARE(refused.exitCode, 255);
    QVERIFY2(refused.standardError.contains("Connection refused"), refused.standardError.constData());

    proxy.setMode(TcpCutProxy::Mode::BlackHole);
    const auto silent = runSsh(QStringList(viaProxy) << u"true"_s);
    QCOMPARE(silent.exitCode, 255);
    QVERIFY2(silent.standardError.contains("timed out"), silent.standardError.constData());

    proxy.setMode(TcpCutProxy::Mode::Forward);
    QCOMPARE(proxy.port(), port);
    const auto works = runSsh(QStringList(viaProxy) << u"echo back"_s);
    QVERIFY2(works.ok(), qPrintable(works.describe(u"ssh"_s)));
    QCOMPARE(works.standardOutput, QByteArray("back\n"));
}

void TestSshHarness::blackHolePortTimesOutRealClient()
{
    BlackHolePort hole;
    QString error;
    QVERIFY2(hole.start(&error), qPrintable(error));
    TestSshd sshd; // only for the argument list; never started
    TestKeys keys;
    const auto key = keys.generate(TestKeys::Type::Ed25519);
    const auto result = runSsh(argumentsVia(sshd, hole.port(), key.privateFile, keys.dir() + u"/kh"_s, 2) << u"true"_s);
    QCOMPARE(result.exitCode, 255);
    // "connect to host 127.0.0.1 port N: Connection timed out": the TCP connect itself hangs, not the banner.
    QVERIFY2(result.standardError.contains("Connection timed out"), result.standardError.constData());
}

void TestSshHarness::blackHolePortTimesOutLibssh()
{
    BlackHolePort hole;
    QString error;
    QVERIFY2(hole.start(&error), qPrintable(error));
    ssh_session session = ssh_new();
    QVERIFY(session);
    const int port = hole.port();
    const long timeoutSeconds = 1;
    ssh_options_set(session, SSH_OPTIONS_HOST, "127.0.0.1");
    ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    QElapsedTimer timer;
    timer.start();
    const int rc = ssh_connect(session);
    const QString message = QString::fromUtf8(ssh_get_error(session));
    ssh_free(session);
    QCOMPARE(rc, SSH_ERROR);
    QVERIFY2(message.contains(u"Timeout connecting"_s), qPrintable(message));
    // Not a timing assertion: only proof that libssh waited for its timeout rather than failing at once.
    QVERIFY(timer.elapsed() >= 900);
}

QTEST_GUILESS_MAIN(TestSshHarness)
#include "tst_sshharness.moc"
