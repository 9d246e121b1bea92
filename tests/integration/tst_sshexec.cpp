// SshSession::exec against a real sshd: streaming, separation, exit codes, cancel, large output.

#include "sshtesttools.h"
#include "tcpcutproxy.h"
#include "tst_sshfixture.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

class TestSshExec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stdoutAndStderrSeparate();
    void exitCodes_data();
    void exitCodes();
    void killedBySignal();
    void partialLinesHeldUntilComplete();
    void invalidUtf8ShownSafely();
    void largeOutputByteExactAndCallerResponsive();
    void cancelStopsRemoteProcess();
    void deletingExecCancels();
    void concurrentCommands();
    void batchedDelivery();
    void connectionLostFailsCommand();
    void inputReachesStdinNotTheCommandLine();

private:
    SshFixture m_fixture;
    std::unique_ptr<SshSession> m_session;
    QTemporaryDir m_dir;
};

void TestSshExec::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    Error connectError;
    m_session = connectSession(m_fixture.options(), &connectError);
    QVERIFY2(m_session->state() == SshSession::State::Connected, qPrintable(connectError.toString()));
}

void TestSshExec::stdoutAndStderrSeparate()
{
    const ExecOutcome outcome = runExec(*m_session, u"echo out1; echo err1 >&2; echo out2; echo err2 >&2"_s);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.out, (QStringList{u"out1"_s, u"out2"_s}));
    QCOMPARE(outcome.err, (QStringList{u"err1"_s, u"err2"_s}));
    QCOMPARE(outcome.exitCode, 0);
}

void TestSshExec::exitCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("0") << 0;
    QTest::newRow("1") << 1;
    QTest::newRow("42") << 42;
    QTest::newRow("255") << 255;
}

void TestSshExec::exitCodes()
{
    QFETCH(int, code);
    const ExecOutcome outcome = runExec(*m_session, u"echo before; exit %1"_s.arg(code));
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.exitCode, code);
    QCOMPARE(outcome.out, QStringList{u"before"_s});
    QCOMPARE(outcome.ok, code == 0);
    if (code != 0) {
        QCOMPARE(outcome.error.code, u"command_failed"_s);
        QVERIFY(outcome.error.message.contains(QString::number(code)));
    }
}

void TestSshExec::killedBySignal()
{
    const ExecOutcome outcome = runExec(*m_session, u"kill -KILL $$"_s);
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.code, u"command_killed"_s);
    QVERIFY(outcome.error.message.contains(u"KILL"_s));
}

void TestSshExec::partialLinesHeldUntilComplete()
{
    const ExecOutcome outcome
            = runExec(*m_session, u"printf 'ab'; sleep 0.3; printf 'c\\nd'; sleep 0.3; printf 'e\\r\\nlast'"_s);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.out, (QStringList{u"abc"_s, u"de"_s, u"last"_s}));
}

void TestSshExec::invalidUtf8ShownSafely()
{
    // Raw binary: must arrive without crashing, invalid sequences as U+FFFD, valid text intact.
    const ExecOutcome binary = runExec(*m_session, u"head -c 2000000 /dev/urandom"_s);
    QVERIFY(binary.ok);
    QVERIFY(binary.out.size() > 1000);
    const ExecOutcome mixed = runExec(*m_session, u"printf 'caf\\303\\251 \\377\\376 ok\\n'"_s);
    QVERIFY(mixed.ok);
    QCOMPARE(mixed.out.size(), 1);
    QVERIFY(mixed.out.first().startsWith(u"café "_s));
    QVERIFY(mixed.out.first().contains(QChar(QChar::ReplacementCharacter)));
    QVERIFY(mixed.out.first().endsWith(u" ok"_s));
}

void TestSshExec::largeOutputByteExactAndCallerResponsive()
{
    const QString file = m_dir.filePath(u"big.txt"_s);
    const auto made
            = SshTestTools::run(u"sh"_s, {u"-c"_s, u"head -c 52428800 /dev/urandom | base64 > '%1'"_s.arg(file)});
    QVERIFY2(made.ok(), qPrintable(made.describe(u"sh"_s)));
    const QByteArray expected = readLocalFile(file);
    QVERIFY(expected.size() > 52428800);

    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 bytes = 0;
    int batches = 0;
    bool finished = false;
    bool ok = false;
    std::unique_ptr<SshExec> exec(m_session->exec(u"cat '%1'"_s.arg(file)));
    connect(exec.get(), &SshExec::stdoutLines, this, [&](const QStringList &lines) {
        ++batches;
        for (const QString &line : lines) {
            const QByteArray data = line.toUtf8() + '\n';
            hash.addData(data);
            bytes += data.size();
        }
    });
    connect(exec.get(), &SshExec::finished, this, [&](const Result<int> &result) {
        finished = true;
        ok = result.ok();
    });

    // The caller's thread keeps running its event loop throughout: a timer keeps ticking.
    QElapsedTimer sinceTick;
    sinceTick.start();
    qint64 longestGap = 0;
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = qMax(longestGap, sinceTick.restart());
        ++ticks;
    });
    ticker.start(10);
    QTRY_VERIFY_WITH_TIMEOUT(finished, 240000);
    ticker.stop();
    QVERIFY(ok);
    QCOMPARE(bytes, qint64(expected.size()));
    QCOMPARE(hash.result(), QCryptographicHash::hash(expected, QCryptographicHash::Sha256));
    QVERIFY(batches > 1);
    QVERIFY(ticks > 10);
    qInfo() << "50 MB: batches" << batches << "ticks" << ticks << "longest gap between ticks" << longestGap << "ms";
    QVERIFY2(longestGap < 2000, qPrintable(u"the caller's event loop stalled for %1 ms"_s.arg(longestGap)));
}

static bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

void TestSshExec::cancelStopsRemoteProcess()
{
    const QString shPidFile = m_dir.filePath(u"sh.pid"_s);
    const QString sleepPidFile = m_dir.filePath(u"sleep.pid"_s);
    std::unique_ptr<SshExec> exec(m_session->exec(
            u"echo $$ > '%1'; sleep 300 & echo $! > '%2'; echo started; wait"_s.arg(shPidFile, sleepPidFile)));
    QSignalSpy out(exec.get(), &SshExec::stdoutLines);
    QSignalSpy finished(exec.get(), &SshExec::finished);
    QString code;
    connect(exec.get(), &SshExec::finished, this, [&code](const Result<int> &r) { code = r.error().code; });
    QTRY_VERIFY(!out.isEmpty());
    const qint64 shPid = readLocalFile(shPidFile).trimmed().toLongLong();
    const qint64 sleepPid = readLocalFile(sleepPidFile).trimmed().toLongLong();
    QVERIFY(processAlive(shPid));
    QVERIFY(processAlive(sleepPid));

    exec->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000); // promptly, not after the 300 s sleep
    QCOMPARE(code, u"cancelled"_s);
    QTRY_VERIFY(!processAlive(sleepPid));
    QTRY_VERIFY(!processAlive(shPid));
    // The session is still usable.
    QVERIFY(runExec(*m_session, u"true"_s).ok);
}

void TestSshExec::deletingExecCancels()
{
    const QString pidFile = m_dir.filePath(u"deleted.pid"_s);
    auto *exec = m_session->exec(u"echo $$ > '%1'; echo started; exec sleep 300"_s.arg(pidFile));
    QSignalSpy out(exec, &SshExec::stdoutLines);
    QTRY_VERIFY(!out.isEmpty());
    const qint64 pid = readLocalFile(pidFile).trimmed().toLongLong();
    QVERIFY(processAlive(pid));
    delete exec;
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 10000);
}

void TestSshExec::concurrentCommands()
{
    // Several commands share the one connection; a slow one does not hold up the others.
    std::unique_ptr<SshExec> slow(m_session->exec(u"sleep 3; echo slow"_s));
    QSignalSpy slowDone(slow.get(), &SshExec::finished);
    QList<ExecOutcome> outcomes;
    for (int i = 0; i < 5; ++i) {
        const ExecOutcome outcome = runExec(*m_session, u"echo fast-%1"_s.arg(i));
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.out, QStringList{u"fast-%1"_s.arg(i)});
    }
    QVERIFY(slowDone.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(slowDone.size(), 1, 15000);
}

void TestSshExec::batchedDelivery()
{
    // 100000 lines do not become 100000 signals.
    std::unique_ptr<SshExec> exec(m_session->exec(u"seq 1 100000"_s));
    QSignalSpy out(exec.get(), &SshExec::stdoutLines);
    QSignalSpy finished(exec.get(), &SshExec::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QStringList lines;
    for (const QList<QVariant> &args : out)
        lines.append(args.first().toStringList());
    QCOMPARE(lines.size(), 100000);
    QCOMPARE(lines.first(), u"1"_s);
    QCOMPARE(lines.last(), u"100000"_s);
    QVERIFY2(out.size() < 200, qPrintable(QString::number(out.size())));
}

void TestSshExec::connectionLostFailsCommand()
{
    // A command cannot survive a lost connection: it fails with "connection_lost", and the session reconnects
    // for the next one.
    TcpCutProxy proxy(m_fixture.sshd.port());
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    SshConnectOptions options = m_fixture.options();
    options.port = proxy.port();
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy reconnected(session.get(), &SshSession::reconnected);
    std::unique_ptr<SshExec> exec(session->exec(u"echo started; sleep 30"_s));
    QSignalSpy out(exec.get(), &SshExec::stdoutLines);
    QString code;
    connect(exec.get(), &SshExec::finished, this, [&code](const Result<int> &r) { code = r.error().code; });
    QTRY_VERIFY(!out.isEmpty());
    proxy.cutAll();
    QTRY_COMPARE_WITH_TIMEOUT(code, u"connection_lost"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 20000);
    const ExecOutcome after = runExec(*session, u"echo again"_s);
    QVERIFY(after.ok);
    QCOMPARE(after.out, QStringList{u"again"_s});
}

// execWithInput (issue 15: an account's password): the bytes reach the command's stdin, followed by EOF, and never
// its command line (what the remote `ps` shows is only the command); a large input crosses the channel window whole.
void TestSshExec::inputReachesStdinNotTheCommandLine()
{
    const QByteArray secret = "Stdin-Secret-8842";
    ExecOutcome outcome;
    std::unique_ptr<SshExec> exec(m_session->execWithInput(
            u"IFS= read -r line; printf 'got %s\\n' \"$line\"; cat /proc/$$/cmdline | tr '\\0' ' '; echo"_s,
            secret + '\n'));
    QObject::connect(exec.get(), &SshExec::stdoutLines, exec.get(),
                     [&outcome](const QStringList &lines) { outcome.out.append(lines); });
    QObject::connect(exec.get(), &SshExec::finished, exec.get(), [&outcome](const Result<int> &result) {
        outcome.finished = true;
        outcome.ok = result.ok();
    });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.finished, 30000);
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.out.value(0), u"got "_s + QString::fromLatin1(secret));
    QVERIFY2(!outcome.out.value(1).contains(QString::fromLatin1(secret)), qPrintable(outcome.out.value(1)));

    // EOF after the input: `cat` ends; 1 MiB arrives byte for byte (more than one channel window).
    QByteArray big(1024 * 1024, 'x');
    for (int i = 0; i < big.size(); i += 997)
        big[i] = char('a' + (i / 997) % 26);
    ExecOutcome counted;
    std::unique_ptr<SshExec> wc(m_session->execWithInput(u"sha256sum | cut -c1-64"_s, big));
    QObject::connect(wc.get(), &SshExec::stdoutLines, wc.get(),
                     [&counted](const QStringList &lines) { counted.out.append(lines); });
    QObject::connect(wc.get(), &SshExec::finished, wc.get(), [&counted](const Result<int> &result) {
        counted.finished = true;
        counted.ok = result.ok();
    });
    QTRY_VERIFY_WITH_TIMEOUT(counted.finished, 60000);
    QVERIFY(counted.ok);
    QCOMPARE(counted.out.value(0),
             QString::fromLatin1(QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex()));
}

QTEST_GUILESS_MAIN(TestSshExec)
#include "tst_sshexec.moc"
