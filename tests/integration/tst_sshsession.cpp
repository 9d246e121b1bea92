// SshSession connect, authentication and host-key checks against a real sshd on 127.0.0.1.

#include "blackholeport.h"
#include "ssh/knownhosts.h"
#include "ssh/passphraserequest.h"
#include "sshtesttools.h"
#include "tcpcutproxy.h"
#include "testsshagent.h"
#include "tst_sshfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

class TestSshSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eachKeyType_data();
    void eachKeyType();
    void encryptedKey_data();
    void encryptedKey();
    void agent();
    void agentWithoutMatchingKey();
    void authRejectedNamesKey();
    void missingPinRefused();
    void pinFromKnownHostsStore();
    void mitmDifferentHostKeyRefused_data();
    void mitmDifferentHostKeyRefused();
    void connectionRefused();
    void connectTimeoutBlackHolePort();
    void handshakeTimeoutSilentServer();
    void badKeyInputs_data();
    void badKeyInputs();
    void runsOnWorkerThread();
    void stateChanges();
    void idleSessionStaysConnected();
    void starvedWorkerKeepsConnection();
    void frozenNetworkDetectedWhileIdle();

private:
    SshFixture m_fixture;
};

void TestSshSession::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
}

void TestSshSession::eachKeyType_data()
{
    QTest::addColumn<TestKeys::Type>("type");
    QTest::addColumn<TestKeys::Format>("format");
    QTest::newRow("ed25519-openssh") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh;
    QTest::newRow("ecdsa-openssh") << TestKeys::Type::Ecdsa << TestKeys::Format::OpenSsh;
    QTest::newRow("ecdsa-pem") << TestKeys::Type::Ecdsa << TestKeys::Format::Pem;
    QTest::newRow("rsa-openssh") << TestKeys::Type::Rsa << TestKeys::Format::OpenSsh;
    QTest::newRow("rsa-pem") << TestKeys::Type::Rsa << TestKeys::Format::Pem;
}

void TestSshSession::eachKeyType()
{
    QFETCH(TestKeys::Type, type);
    QFETCH(TestKeys::Format, format);
    const TestKeys::Key key = m_fixture.keys.generate(type, format);
    QVERIFY2(key.isValid(), qPrintable(m_fixture.keys.errorString()));
    QVERIFY(m_fixture.sshd.authorize(key.publicLine));
    SshConnectOptions options = m_fixture.options();
    options.keyFile = key.privateFile;
    bool asked = false;
    options.passphraseHandler = [&asked](PassphraseRequest *request) {
        asked = true;
        request->cancel();
    };
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QVERIFY(!asked); // an unencrypted key must not prompt
    const ExecOutcome outcome = runExec(*session, u"echo ok-$(id -un)"_s);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.out, QStringList{u"ok-"_s + m_fixture.sshd.user()});
}

void TestSshSession::encryptedKey_data()
{
    QTest::addColumn<TestKeys::Type>("type");
    QTest::addColumn<TestKeys::Format>("format");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("expectedCode"); // empty: connects
    QTest::newRow("ed25519-right") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh << u"s3cret pass"_s
                                   << QString();
    QTest::newRow("ed25519-wrong") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh << u"wrong"_s
                                   << u"key_file_wrong_passphrase"_s;
    QTest::newRow("ed25519-declined") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh << QString()
                                      << u"key_file_passphrase_cancelled"_s;
    QTest::newRow("rsa-pem-right") << TestKeys::Type::Rsa << TestKeys::Format::Pem << u"s3cret pass"_s << QString();
    QTest::newRow("rsa-pem-wrong") << TestKeys::Type::Rsa << TestKeys::Format::Pem << u"wrong"_s
                                   << u"key_file_wrong_passphrase"_s;
    QTest::newRow("ecdsa-right") << TestKeys::Type::Ecdsa << TestKeys::Format::OpenSsh << u"s3cret pass"_s << QString();
}

void TestSshSession::encryptedKey()
{
    QFETCH(TestKeys::Type, type);
    QFETCH(TestKeys::Format, format);
    QFETCH(QString, answer);
    QFETCH(QString, expectedCode);
    const TestKeys::Key key = m_fixture.keys.generate(type, format, u"s3cret pass"_s);
    QVERIFY2(key.isValid(), qPrintable(m_fixture.keys.errorString()));
    QVERIFY(m_fixture.sshd.authorize(key.publicLine));
    SshConnectOptions options = m_fixture.options();
    options.keyFile = key.privateFile;
    int asked = 0;
    QThread *askedOn = nullptr;
    options.passphraseHandler = [&](PassphraseRequest *request) {
        ++asked;
        askedOn = QThread::currentThread();
        if (request->keyFile() == key.privateFile && !answer.isNull())
            request->answer(answer);
        else
            request->cancel();
    };
    Error error;
    auto session = connectSession(options, &error);
    QCOMPARE(asked, 1);
    QVERIFY(askedOn == QThread::currentThread()); // the session's own thread, never the worker
    if (expectedCode.isEmpty()) {
        QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
        QVERIFY(runExec(*session, u"true"_s).ok);
    } else {
        QCOMPARE(session->state(), SshSession::State::Failed);
        QCOMPARE(error.code, expectedCode);
        QCOMPARE(error.domain, u"ssh"_s);
        QVERIFY(error.message.contains(key.privateFile));
        QVERIFY(!error.message.contains(u"s3cret"_s));
    }
}

void TestSshSession::agent()
{
    TestSshAgent agent;
    QString problem;
    QVERIFY2(agent.start(&problem), qPrintable(problem));
    const TestKeys::Key key = m_fixture.keys.generate(TestKeys::Type::Ecdsa, TestKeys::Format::OpenSsh, u"agentpass"_s);
    QVERIFY(key.isValid());
    QVERIFY(m_fixture.sshd.authorize(key.publicLine));
    QVERIFY2(agent.addKey(key.privateFile, u"agentpass"_s, &problem), qPrintable(problem));
    SshConnectOptions options = m_fixture.options();
    options.keyFile.clear();
    options.agentSocket = agent.socketPath();
    options.passphraseHandler = [](PassphraseRequest *) {
        qFatal("the agent needs no passphrase");
    };
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QVERIFY(runExec(*session, u"true"_s).ok);
}

void TestSshSession::agentWithoutMatchingKey()
{
    TestSshAgent agent;
    QString problem;
    QVERIFY2(agent.start(&problem), qPrintable(problem));
    const TestKeys::Key stranger = m_fixture.keys.generate(TestKeys::Type::Ed25519);
    QVERIFY(agent.addKey(stranger.privateFile, {}, &problem));
    SshConnectOptions options = m_fixture.options();
    options.keyFile.clear();
    options.agentSocket = agent.socketPath();
    Error error;
    auto session = connectSession(options, &error);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"auth_rejected"_s);
    QVERIFY(error.message.contains(u"ssh-agent"_s));

    // No agent at all: said so, not a generic failure.
    options.agentSocket.clear();
    qunsetenv("SSH_AUTH_SOCK");
    auto noAgent = connectSession(options, &error);
    QCOMPARE(error.code, u"agent_unavailable"_s);
}

void TestSshSession::authRejectedNamesKey()
{
    const TestKeys::Key stranger = m_fixture.keys.generate(TestKeys::Type::Rsa);
    QVERIFY(stranger.isValid());
    SshConnectOptions options = m_fixture.options();
    options.keyFile = stranger.privateFile;
    Error error;
    auto session = connectSession(options, &error);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"auth_rejected"_s);
    QVERIFY2(error.message.contains(stranger.privateFile), qPrintable(error.message));
    QVERIFY(error.message.contains(m_fixture.sshd.user()));
}

void TestSshSession::missingPinRefused()
{
    SshConnectOptions options = m_fixture.options();
    options.pinnedHostKey.clear();
    Error error;
    auto session = connectSession(options, &error);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"host_key_not_pinned"_s);

    options.pinnedHostKey = u"ssh-ed25519 notbase64!!"_s;
    auto damaged = connectSession(options, &error);
    QCOMPARE(error.code, u"host_key_pin_invalid"_s);
}

void TestSshSession::pinFromKnownHostsStore()
{
    const QString file = QDir(m_fixture.keys.dir()).filePath(u"known_hosts"_s);
    KnownHosts store(file);
    const Result<SshPublicKey> hostKey = SshPublicKey::fromLine(m_fixture.sshd.hostPublicKey());
    QVERIFY(hostKey.ok());
    QVERIFY(store.pin(m_fixture.sshd.host(), m_fixture.sshd.port(), hostKey.value()).ok());
    SshConnectOptions options = m_fixture.options();
    options.pinnedHostKey.clear();
    options.knownHostsFile = file;
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));

    // The store pins another key for this address: refused as a mismatch.
    TestSshd other;
    QString problem;
    QVERIFY2(other.start(&problem), qPrintable(problem));
    const Result<SshPublicKey> otherKey = SshPublicKey::fromLine(other.hostPublicKey());
    QVERIFY(otherKey.ok());
    QVERIFY(store.pin(m_fixture.sshd.host(), m_fixture.sshd.port(), otherKey.value()).ok());
    auto refused = connectSession(options, &error);
    QCOMPARE(refused->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"host_key_mismatch"_s);

    // Nothing pinned for the address: refused, never trusted on first use.
    QVERIFY(store.remove(m_fixture.sshd.host(), m_fixture.sshd.port()).ok());
    auto unknown = connectSession(options, &error);
    QCOMPARE(error.code, u"host_key_not_pinned"_s);
}

void TestSshSession::mitmDifferentHostKeyRefused_data()
{
    QTest::addColumn<TestSshd::KeyType>("impostorKeyType");
    QTest::newRow("same-type") << TestSshd::KeyType::Ed25519;
    QTest::newRow("other-type") << TestSshd::KeyType::Ecdsa;
}

void TestSshSession::mitmDifferentHostKeyRefused()
{
    QFETCH(TestSshd::KeyType, impostorKeyType);
    // The real server first: connecting with its pin works.
    TestSshd real;
    QString problem;
    QVERIFY2(real.start(&problem), qPrintable(problem));
    QVERIFY(real.authorize(m_fixture.key.publicLine));
    SshConnectOptions options = m_fixture.options();
    options.port = real.port();
    options.pinnedHostKey = real.hostPublicKey();
    options.reconnectAttempts = 0;
    Error error;
    {
        auto session = connectSession(options, &error);
        QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    }
    // Then an impostor with another host key takes over the same address. It would accept our key, so only the
    // host key check stands between us and it.
    const quint16 port = real.port();
    real.stop();
    TestSshd::Options impostorOptions;
    impostorOptions.port = port;
    impostorOptions.hostKeyType = impostorKeyType;
    TestSshd impostor(impostorOptions);
    QVERIFY2(impostor.start(&problem), qPrintable(problem));
    QVERIFY(impostor.authorize(m_fixture.key.publicLine));
    QVERIFY(impostor.hostPublicKey() != options.pinnedHostKey);
    auto session = connectSession(options, &error);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"host_key_mismatch"_s);
    QVERIFY(error.message.contains(u"intercepting"_s));
    // Refused before authenticating: the impostor never saw our public key offered.
    QVERIFY2(!impostor.log().contains(u"Accepted publickey"_s), qPrintable(impostor.log()));
}

void TestSshSession::connectionRefused()
{
    SshConnectOptions options = m_fixture.options();
    options.port = SshTestTools::freeLoopbackPort();
    Error error;
    auto session = connectSession(options, &error);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"connection_refused"_s);
    QVERIFY(error.message.contains(QString::number(options.port)));
}

void TestSshSession::connectTimeoutBlackHolePort()
{
    BlackHolePort hole;
    QString problem;
    QVERIFY2(hole.start(&problem), qPrintable(problem));
    SshConnectOptions options = m_fixture.options();
    options.port = hole.port();
    options.connectTimeoutMs = 1500;
    QTimer tick;
    int ticks = 0;
    connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
    tick.start(20);
    Error error;
    auto session = connectSession(options, &error, 20000);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"connect_timeout"_s);
    QVERIFY(ticks > 5); // the caller's thread went on while the worker waited
}

void TestSshSession::handshakeTimeoutSilentServer()
{
    // TCP connects, but no SSH banner ever comes.
    TcpCutProxy proxy(m_fixture.sshd.port());
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.setMode(TcpCutProxy::Mode::BlackHole);
    SshConnectOptions options = m_fixture.options();
    options.port = proxy.port();
    options.connectTimeoutMs = 1500;
    Error error;
    auto session = connectSession(options, &error, 20000);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, u"connect_timeout"_s);
}

void TestSshSession::badKeyInputs_data()
{
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("expectedCode");
    TestKeys &keys = m_fixture.keys;
    QTest::newRow("missing") << keys.missingFile() << u"key_file_missing"_s;
    QTest::newRow("unreadable") << keys.unreadableFile() << u"key_file_unreadable"_s;
    QTest::newRow("not-a-key") << keys.notAKeyFile() << u"key_file_not_a_key"_s;
    QTest::newRow("empty") << keys.emptyFile() << u"key_file_not_a_key"_s;
    QTest::newRow("truncated") << keys.truncatedKeyFile() << u"key_file_not_a_key"_s;
    QTest::newRow("world-readable") << keys.worldReadableKey().privateFile << u"key_file_permissions"_s;
    QTest::newRow("public-key") << m_fixture.key.publicFile << u"key_file_not_a_key"_s;
}

void TestSshSession::badKeyInputs()
{
    QFETCH(QString, keyFile);
    QFETCH(QString, expectedCode);
    SshConnectOptions options = m_fixture.options();
    options.keyFile = keyFile;
    Error error;
    auto session = connectSession(options, &error);
    QCOMPARE(session->state(), SshSession::State::Failed);
    QCOMPARE(error.code, expectedCode);
    QVERIFY2(error.message.contains(keyFile), qPrintable(error.message));
    if (expectedCode == u"key_file_permissions"_s)
        QVERIFY(error.message.contains(u"chmod 600"_s));
    // Nothing reached the server: the key is checked before connecting.
    QVERIFY(!m_fixture.sshd.log().contains(keyFile));
}

void TestSshSession::runsOnWorkerThread()
{
    Error error;
    auto session = connectSession(m_fixture.options(), &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QVERIFY(session->workerThread() != QThread::currentThread());
    QVERIFY(session->workerThread()->isRunning());
    // Signals reach the caller on the caller's thread.
    std::unique_ptr<SshExec> exec(session->exec(u"echo hi"_s));
    QThread *deliveredOn = nullptr;
    connect(exec.get(), &SshExec::finished, this, [&deliveredOn] { deliveredOn = QThread::currentThread(); });
    QTRY_VERIFY(exec->isFinished());
    QCOMPARE(deliveredOn, QThread::currentThread());
}

void TestSshSession::stateChanges()
{
    auto session = std::make_unique<SshSession>(m_fixture.options());
    QCOMPARE(session->state(), SshSession::State::Disconnected);
    // An operation without a connection fails cleanly.
    std::unique_ptr<SshExec> early(session->exec(u"true"_s));
    QString earlyCode;
    connect(early.get(), &SshExec::finished, this, [&earlyCode](const Result<int> &r) { earlyCode = r.error().code; });
    QTRY_COMPARE(earlyCode, u"not_connected"_s);

    QSignalSpy states(session.get(), &SshSession::stateChanged);
    session->connectToHost();
    QTRY_COMPARE(session->state(), SshSession::State::Connected);
    session->disconnectFromHost();
    QTRY_COMPARE(session->state(), SshSession::State::Disconnected);
    QVERIFY(states.size() >= 3);
}

namespace {

// Tight liveness settings: the server (sshd on this machine, however loaded) must answer a keepalive within
// idleMs; everything else may be late without consequence.
constexpr int keepaliveMs = 200;
constexpr int idleMs = 1000;

// Keeps the session's worker thread from running for `ms`, as a CPU-starved machine does, and returns once the
// worker runs again.
void starveWorker(SshSession &session, int ms)
{
    QObject blocker;
    blocker.moveToThread(session.workerThread());
    QSemaphore done;
    QMetaObject::invokeMethod(&blocker, [ms, &done] {
        QThread::msleep(ms);
        done.release();
    });
    done.acquire();
}

} // namespace

void TestSshSession::idleSessionStaysConnected()
{
    // Keepalive answers count as life: an idle but healthy connection is not declared lost, through many idle
    // timeouts' worth of keepalive rounds.
    SshConnectOptions options = m_fixture.options();
    options.keepaliveIntervalMs = keepaliveMs;
    options.idleTimeoutMs = idleMs;
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy lost(session.get(), &SshSession::connectionLost);
    QTest::qWait(8 * idleMs);
    QCOMPARE(lost.size(), 0);
    QCOMPARE(session->state(), SshSession::State::Connected);
    QVERIFY(runExec(*session, u"true"_s).ok);

    // While a dead server does get noticed: sshd drops its side silently is not possible on loopback, so stop it
    // and check the session says so and ends up Failed after its reconnect attempts.
    options.reconnectAttempts = 1;
    TestSshd doomed;
    QString problem;
    QVERIFY2(doomed.start(&problem), qPrintable(problem));
    QVERIFY(doomed.authorize(m_fixture.key.publicLine));
    options.port = doomed.port();
    options.pinnedHostKey = doomed.hostPublicKey();
    auto second = connectSession(options, &error);
    QVERIFY2(second->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy secondLost(second.get(), &SshSession::connectionLost);
    QSignalSpy secondFailed(second.get(), &SshSession::connectFailed);
    doomed.stop();
    QTRY_COMPARE_WITH_TIMEOUT(secondLost.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(secondFailed.size(), 1, 10000);
    QCOMPARE(secondFailed.first().first().value<Error>().code, u"connection_refused"_s);
    QCOMPARE(second->state(), SshSession::State::Failed);
}

void TestSshSession::starvedWorkerKeepsConnection()
{
    // The worker gets no CPU for several idle timeouts (a loaded machine). The server was never silent while
    // asked, so the connection is not lost: time in which the worker could not ask or read does not count.
    SshConnectOptions options = m_fixture.options();
    options.keepaliveIntervalMs = keepaliveMs;
    options.idleTimeoutMs = idleMs;
    options.reconnectAttempts = 0;
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy lost(session.get(), &SshSession::connectionLost);
    // Starved at different points of the keepalive round: right after a question, between rounds, etc.
    const int starveMs = 3 * idleMs;
    for (int round = 0; round < 6; ++round) {
        QTest::qWait(round * keepaliveMs / 3);
        starveWorker(*session, starveMs);
        QTest::qWait(2 * keepaliveMs); // the worker's overdue timers run now
    }
    QCOMPARE(lost.size(), 0);
    QCOMPARE(session->state(), SshSession::State::Connected);
    QVERIFY(runExec(*session, u"true"_s).ok);
}

void TestSshSession::frozenNetworkDetectedWhileIdle()
{
    // The network silently goes away under an idle session (no RST, no FIN): only unanswered keepalives can
    // tell. The session notices within the idle timeout plus a keepalive round, and reports it as such.
    TcpCutProxy proxy(m_fixture.sshd.port());
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    SshConnectOptions options = m_fixture.options();
    options.port = proxy.port();
    options.keepaliveIntervalMs = keepaliveMs;
    options.idleTimeoutMs = idleMs;
    options.reconnectAttempts = 0;
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy lost(session.get(), &SshSession::connectionLost);
    QTest::qWait(2 * idleMs);
    QCOMPARE(lost.size(), 0); // healthy through the proxy
    proxy.stallAll();
    proxy.setMode(TcpCutProxy::Mode::Refuse);
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 10 * idleMs);
    const Error reported = lost.first().first().value<Error>();
    QCOMPARE(reported.code, u"connection_lost"_s);
    QCOMPARE(reported.detail, u"idle timeout"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), SshSession::State::Failed, 10 * idleMs);
    proxy.cutAll();
}

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
