// HostKeyScan (the ssh-keyscan the app does for a server another computer deployed) against a real OpenSSH server
// (tests/support/sshd): it returns exactly the key sshd serves, with the fingerprint OpenSSH's own ssh-keygen
// computes from the harness's key file; and it fails in plain words, in bounded time, against a closed port, a
// listener that is not SSH (talks HTTP; stays silent) and a server without an ed25519 key. A cancel ends the
// worker at once without a callback.

#include "blackholeport.h"
#include "deploy/sshhostagent.h"
#include "ssh/hostkeyscan.h"
#include "ssh/sshinterrupt.h"
#include "testsshd.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThreadPool>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

// What OpenSSH says the fingerprint of a public key file is ("256 SHA256:… comment (ED25519)").
QString opensshFingerprint(const QString &publicKeyFile)
{
    QProcess keygen;
    keygen.start(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, publicKeyFile});
    if (!keygen.waitForFinished(10000) || keygen.exitCode() != 0)
        return {};
    const QStringList fields = QString::fromUtf8(keygen.readAllStandardOutput()).split(u' ');
    return fields.value(1);
}

// Runs the asynchronous scan to its end (or `limitMs`), the event loop going meanwhile.
std::optional<Result<SshPublicKey>> scanAsync(const QString &host, quint16 port, int timeoutMs, int limitMs,
                                              qint64 *elapsedMs = nullptr)
{
    QObject context;
    std::optional<Result<SshPublicKey>> outcome;
    QElapsedTimer clock;
    clock.start();
    HostKeyScan::scan(host, port, timeoutMs, &context, [&outcome](Result<SshPublicKey> key) { outcome = key; });
    QDeadlineTimer deadline(limitMs);
    while (!outcome && !deadline.hasExpired())
        QTest::qWait(10);
    if (elapsedMs)
        *elapsedMs = clock.elapsed();
    return outcome;
}

} // namespace

class TestHostKeyScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void returnsTheServersRealKey();
    void agentScansWithoutLogin();
    void serverWithoutEd25519KeyIsRefused();
    void closedPortFailsAtOnce();
    void httpListenerIsNotSsh();
    void silentListenerEndsWithinTimeout();
    void cancelDuringConnectEndsWorker();
    void cancelDuringKeyExchangeEndsWorker();
    void agentDisconnectCancelsScan();
};

void TestHostKeyScan::returnsTheServersRealKey()
{
    TestSshd sshd;
    QString error;
    QVERIFY2(sshd.start(&error), qPrintable(error));
    const QString expectedFingerprint = opensshFingerprint(sshd.hostKeyFile() + u".pub"_s);
    QVERIFY2(expectedFingerprint.startsWith(u"SHA256:"_s), qPrintable(expectedFingerprint));

    const Result<SshPublicKey> key = HostKeyScan::scanBlocking(sshd.host(), sshd.port(), 10000);
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().message + u" / "_s + key.error().detail));
    QCOMPARE(key->keyText(), sshd.hostPublicKey());
    QCOMPARE(key->sha256Fingerprint(), expectedFingerprint);
    // No login happened: sshd saw a connection close before authentication, nothing else.
    QVERIFY2(!sshd.log().contains(u"Accepted "_s), qPrintable(sshd.log()));
}

void TestHostKeyScan::agentScansWithoutLogin()
{
    TestSshd sshd;
    QString error;
    QVERIFY2(sshd.start(&error), qPrintable(error));
    HostEndpoint endpoint;
    endpoint.serverName = u"jitsi-web"_s;
    endpoint.address = sshd.host();
    endpoint.port = sshd.port();
    SshHostAgent agent(endpoint, SshHostAgent::Options{}); // no key at all: a scan needs none
    std::optional<Result<QString>> outcome;
    agent.scanHostKey(10000, [&outcome](Result<QString> key) { outcome = key; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 15000);
    QVERIFY2(outcome->ok(), qPrintable(outcome->ok() ? QString() : outcome->error().message));
    QCOMPARE(outcome->value(), sshd.hostPublicKey());
}

void TestHostKeyScan::serverWithoutEd25519KeyIsRefused()
{
    TestSshd::Options options;
    options.hostKeyType = TestSshd::KeyType::Ecdsa;
    TestSshd sshd(options);
    QString error;
    QVERIFY2(sshd.start(&error), qPrintable(error));
    const Result<SshPublicKey> key = HostKeyScan::scanBlocking(sshd.host(), sshd.port(), 10000);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, u"host_key_mismatch"_s);
    QVERIFY2(key.error().message.contains(u"does not offer the kind of key"_s), qPrintable(key.error().message));
}

void TestHostKeyScan::closedPortFailsAtOnce()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    } // closed again: nothing listens there now
    QElapsedTimer clock;
    clock.start();
    const Result<SshPublicKey> key = HostKeyScan::scanBlocking(u"127.0.0.1"_s, port, 10000);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, u"connection_refused"_s);
    QVERIFY2(key.error().message.contains(u"refused the connection"_s), qPrintable(key.error().message));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
}

void TestHostKeyScan::httpListenerIsNotSsh()
{
    QTcpServer web;
    QVERIFY(web.listen(QHostAddress::LocalHost));
    connect(&web, &QTcpServer::newConnection, &web, [&web] {
        while (QTcpSocket *socket = web.nextPendingConnection()) {
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        }
    });
    qint64 elapsed = 0;
    const auto key = scanAsync(u"127.0.0.1"_s, web.serverPort(), 10000, 15000, &elapsed);
    QVERIFY(key.has_value());
    QVERIFY(!key->ok());
    QCOMPARE(key->error().code, u"handshake_failed"_s);
    QVERIFY2(key->error().message.contains(u"may not be an SSH server"_s), qPrintable(key->error().message));
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
}

void TestHostKeyScan::silentListenerEndsWithinTimeout()
{
    // Accepted by the kernel (listen backlog), never a byte back: libssh waits for a banner that never comes.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    qint64 elapsed = 0;
    const auto key = scanAsync(u"127.0.0.1"_s, silent.serverPort(), 2000, 15000, &elapsed);
    QVERIFY(key.has_value());
    QVERIFY(!key->ok());
    QCOMPARE(key->error().code, u"handshake_failed"_s);
    QVERIFY2(elapsed >= 1500 && elapsed < 6000, qPrintable(QString::number(elapsed)));
}

void TestHostKeyScan::cancelDuringConnectEndsWorker()
{
    BlackHolePort hole;
    QString error;
    QVERIFY2(hole.start(&error), qPrintable(error));
    QObject context;
    bool called = false;
    const auto interrupt
            = HostKeyScan::scan(u"127.0.0.1"_s, hole.port(), 60000, &context, [&called](auto) { called = true; });
    QTest::qWait(300); // the worker now hangs in connect()
    QElapsedTimer clock;
    clock.start();
    interrupt->trigger();
    QVERIFY(QThreadPool::globalInstance()->waitForDone(3000));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(100); // anything queued back would run now
    QVERIFY(!called);
}

void TestHostKeyScan::cancelDuringKeyExchangeEndsWorker()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QObject context;
    bool called = false;
    const auto interrupt = HostKeyScan::scan(u"127.0.0.1"_s, silent.serverPort(), 60000, &context,
                                             [&called](auto) { called = true; });
    QTest::qWait(500); // connected; libssh now waits for the banner
    QElapsedTimer clock;
    clock.start();
    interrupt->trigger();
    QVERIFY(QThreadPool::globalInstance()->waitForDone(3000));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(100);
    QVERIFY(!called);
    // And the blocking form says "cancelled" when triggered before it starts.
    SshInterrupt early;
    early.trigger();
    const auto key = HostKeyScan::scanBlocking(u"127.0.0.1"_s, silent.serverPort(), 60000, u"ssh-ed25519"_s, &early);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, u"cancelled"_s);
}

void TestHostKeyScan::agentDisconnectCancelsScan()
{
    BlackHolePort hole;
    QString error;
    QVERIFY2(hole.start(&error), qPrintable(error));
    HostEndpoint endpoint;
    endpoint.serverName = u"jitsi-web"_s;
    endpoint.address = u"127.0.0.1"_s;
    endpoint.port = hole.port();
    auto agent = std::make_unique<SshHostAgent>(endpoint, SshHostAgent::Options{});
    std::optional<Result<QString>> outcome;
    agent->scanHostKey(60000, [&outcome](Result<QString> key) { outcome = key; });
    QTest::qWait(300);
    agent->disconnectFromHost();
    QVERIFY(outcome.has_value()); // answered at once, not after the 60 s timeout
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().code, u"cancelled"_s);
    QVERIFY(QThreadPool::globalInstance()->waitForDone(3000));
    // A scan still running when the agent goes away: no callback into the dead agent, worker ends.
    bool calledAfterDelete = false;
    agent->scanHostKey(60000, [&calledAfterDelete](auto) { calledAfterDelete = true; });
    QTest::qWait(300);
    agent.reset();
    QVERIFY(QThreadPool::globalInstance()->waitForDone(3000));
    QTest::qWait(100);
    QVERIFY(!calledAfterDelete);
}

QTEST_MAIN(TestHostKeyScan)
#include "tst_hostkeyscan.moc"
