// SshSession::follow against a real sshd: a growing file, a cut or frozen connection with reconnect,
// truncation and rotation; the followed bytes must equal the file's, none lost, none repeated.

#include "sshtesttools.h"
#include "tcpcutproxy.h"
#include "tst_sshfixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Collects what a follow delivers.
struct FollowRecorder
{
    QByteArray bytes;
    QList<SshFollowBatch> batches;
    bool finished = false;
    Error error;

    void attach(SshFollow *follow, QObject *context)
    {
        QObject::connect(follow, &SshFollow::received, context, [this](const SshFollowBatch &batch) {
            bytes.append(batch.bytes);
            batches.append(batch);
        });
        QObject::connect(follow, &SshFollow::finished, context, [this](const Error &e) {
            finished = true;
            error = e;
        });
    }
    int events(SshFollowBatch::Event event) const
    {
        int n = 0;
        for (const SshFollowBatch &batch : batches)
            n += batch.event == event ? 1 : 0;
        return n;
    }
};

QByteArray numberedLines(const QByteArray &prefix, int from, int to)
{
    QByteArray out;
    for (int i = from; i < to; ++i)
        out += prefix + ' ' + QByteArray::number(i) + " some text to make the line longer\n";
    return out;
}

} // namespace

class TestSshFollow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void followsGrowingFile();
    void startsAtOffset();
    void waitsForFileToAppear();
    void partialLineHeldBack();
    void survivesCutConnection();
    void survivesFrozenConnection();
    void truncation();
    void rotation();
    void rotationWhileDisconnected();
    void stop();

private:
    SshFixture m_fixture;
    std::unique_ptr<SshSession> m_session;
    QTemporaryDir m_dir;
};

void TestSshFollow::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    Error connectError;
    m_session = connectSession(m_fixture.options(), &connectError);
    QVERIFY2(m_session->state() == SshSession::State::Connected, qPrintable(connectError.toString()));
}

void TestSshFollow::followsGrowingFile()
{
    const QString path = m_dir.filePath(u"growing.log"_s);
    QVERIFY(appendLocalFile(path, numberedLines("first", 0, 100)));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(m_session->follow(path));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, readLocalFile(path));
    // Commands share the connection with the follow meanwhile.
    const ExecOutcome meanwhile = runExec(*m_session, u"echo side"_s);
    QVERIFY(meanwhile.ok);
    QCOMPARE(meanwhile.out, QStringList{u"side"_s});
    for (int round = 0; round < 20; ++round) {
        QVERIFY(appendLocalFile(path, numberedLines("more", round * 50, round * 50 + 50)));
        QTest::qWait(20);
    }
    QTRY_COMPARE(recorder.bytes, readLocalFile(path));
    QCOMPARE(follow->offset(), QFileInfo(path).size());
    QCOMPARE(recorder.batches.last().offset, QFileInfo(path).size());
    QVERIFY(recorder.batches.last().lines.last().startsWith(u"more 999"_s));
    QVERIFY(!recorder.finished);
}

void TestSshFollow::startsAtOffset()
{
    const QString path = m_dir.filePath(u"offset.log"_s);
    const QByteArray head = numberedLines("head", 0, 10);
    QVERIFY(appendLocalFile(path, head + numberedLines("tail", 0, 10)));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(m_session->follow(path, head.size()));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, numberedLines("tail", 0, 10));
}

void TestSshFollow::waitsForFileToAppear()
{
    const QString path = m_dir.filePath(u"later.log"_s);
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(m_session->follow(path));
    recorder.attach(follow.get(), this);
    QTest::qWait(500);
    QVERIFY(!recorder.finished);
    QVERIFY(appendLocalFile(path, "hello\n"));
    QTRY_COMPARE(recorder.bytes, QByteArray("hello\n"));
}

void TestSshFollow::partialLineHeldBack()
{
    const QString path = m_dir.filePath(u"partial.log"_s);
    QVERIFY(appendLocalFile(path, "complete\nhalf"));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(m_session->follow(path));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, QByteArray("complete\n"));
    QTest::qWait(300);
    QCOMPARE(recorder.bytes, QByteArray("complete\n"));
    QCOMPARE(follow->offset(), 9);
    QVERIFY(appendLocalFile(path, " done\n"));
    QTRY_COMPARE(recorder.bytes, QByteArray("complete\nhalf done\n"));
    QCOMPARE(recorder.batches.last().lines, QStringList{u"half done"_s});
}

void TestSshFollow::survivesCutConnection()
{
    TcpCutProxy proxy(m_fixture.sshd.port());
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    SshConnectOptions options = m_fixture.options();
    options.port = proxy.port();
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy lost(session.get(), &SshSession::connectionLost);
    QSignalSpy reconnected(session.get(), &SshSession::reconnected);

    const QString path = m_dir.filePath(u"cut.log"_s);
    QVERIFY(appendLocalFile(path, numberedLines("a", 0, 10)));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(session->follow(path));
    recorder.attach(follow.get(), this);

    // A writer keeps appending (sometimes half lines) while the connection is cut three times mid-stream.
    int written = 0;
    QTimer writer;
    connect(&writer, &QTimer::timeout, this, [&] {
        QByteArray chunk = numberedLines("w", written, written + 7);
        if (written % 3 == 0)
            chunk += "half-";
        else
            chunk.prepend("end\n");
        ++written;
        appendLocalFile(path, chunk);
    });
    writer.start(15);
    for (int cut = 1; cut <= 3; ++cut) {
        QTRY_VERIFY(recorder.bytes.size() > 0);
        QTest::qWait(300);
        proxy.cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), cut, 20000);
    }
    QTest::qWait(300);
    writer.stop();
    QVERIFY(appendLocalFile(path, "end\n"));
    const QByteArray expected = readLocalFile(path);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.bytes.size(), expected.size(), 20000);
    QCOMPARE(recorder.bytes, expected);
    QCOMPARE(lost.size(), 3);
    QVERIFY(proxy.acceptedConnections() >= 4);
    QVERIFY(!recorder.finished);
}

void TestSshFollow::survivesFrozenConnection()
{
    // The network silently goes away (no RST): only the keepalive/idle timeout can notice.
    TcpCutProxy proxy(m_fixture.sshd.port());
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    SshConnectOptions options = m_fixture.options();
    options.port = proxy.port();
    options.keepaliveIntervalMs = 300;
    options.idleTimeoutMs = 2000;
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy lost(session.get(), &SshSession::connectionLost);
    QSignalSpy reconnected(session.get(), &SshSession::reconnected);

    const QString path = m_dir.filePath(u"frozen.log"_s);
    QVERIFY(appendLocalFile(path, numberedLines("before", 0, 20)));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(session->follow(path));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, readLocalFile(path));
    proxy.stallAll();
    QVERIFY(appendLocalFile(path, numberedLines("during", 0, 20)));
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 15000);
    QCOMPARE(lost.first().first().value<Error>().code, u"connection_lost"_s);
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 20000);
    QVERIFY(appendLocalFile(path, numberedLines("after", 0, 20)));
    QTRY_COMPARE_WITH_TIMEOUT(recorder.bytes, readLocalFile(path), 20000);
    proxy.cutAll();
}

void TestSshFollow::truncation()
{
    const QString path = m_dir.filePath(u"truncate.log"_s);
    const QByteArray before = numberedLines("old", 0, 50);
    QVERIFY(appendLocalFile(path, before));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(m_session->follow(path));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, before);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(0));
    }
    QTest::qWait(300);
    const QByteArray after = numberedLines("new", 0, 5); // shorter than before
    QVERIFY(appendLocalFile(path, after));
    QTRY_COMPARE(recorder.bytes, before + after);
    QCOMPARE(recorder.events(SshFollowBatch::Event::Truncated), 1);
    QCOMPARE(follow->offset(), after.size());
}

void TestSshFollow::rotation()
{
    const QString path = m_dir.filePath(u"rotate.log"_s);
    const QString rotated = path + u".1"_s;
    const QByteArray old1 = numberedLines("old", 0, 30);
    QVERIFY(appendLocalFile(path, old1));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(m_session->follow(path));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, old1);
    // logrotate-style: rename, the writer still appends to the old file, then the new file starts.
    QVERIFY(QFile::rename(path, rotated));
    const QByteArray old2 = numberedLines("old-late", 0, 5) + "old-unterminated";
    QVERIFY(appendLocalFile(rotated, old2));
    const QByteArray fresh = numberedLines("fresh", 0, 40);
    QVERIFY(appendLocalFile(path, fresh));
    const QByteArray expected = old1 + old2 + fresh;
    QTRY_COMPARE(recorder.bytes, expected);
    QCOMPARE(recorder.events(SshFollowBatch::Event::Rotated), 1);
    QCOMPARE(follow->offset(), fresh.size());
}

void TestSshFollow::rotationWhileDisconnected()
{
    TcpCutProxy proxy(m_fixture.sshd.port());
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    SshConnectOptions options = m_fixture.options();
    options.port = proxy.port();
    options.reconnectAttempts = 10;
    Error error;
    auto session = connectSession(options, &error);
    QVERIFY2(session->state() == SshSession::State::Connected, qPrintable(error.toString()));
    QSignalSpy lost(session.get(), &SshSession::connectionLost);
    QSignalSpy reconnected(session.get(), &SshSession::reconnected);

    const QString path = m_dir.filePath(u"away.log"_s);
    const QByteArray old1 = numberedLines("old", 0, 30);
    QVERIFY(appendLocalFile(path, old1));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(session->follow(path));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, old1);

    proxy.setMode(TcpCutProxy::Mode::Refuse);
    proxy.cutAll();
    QTRY_COMPARE(lost.size(), 1);
    // While we are away the old file gets more lines and is rotated; the new one starts.
    const QByteArray old2 = numberedLines("old-late", 0, 10);
    QVERIFY(appendLocalFile(path, old2));
    QVERIFY(QFile::rename(path, path + u".1"_s));
    const QByteArray fresh = numberedLines("fresh", 0, 10);
    QVERIFY(appendLocalFile(path, fresh));
    proxy.setMode(TcpCutProxy::Mode::Forward);
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 30000);
    QTRY_COMPARE(recorder.bytes, old1 + old2 + fresh);
    QCOMPARE(recorder.events(SshFollowBatch::Event::Rotated), 1);
    QCOMPARE(recorder.events(SshFollowBatch::Event::Gap), 0);
}

void TestSshFollow::stop()
{
    const QString path = m_dir.filePath(u"stop.log"_s);
    QVERIFY(appendLocalFile(path, "x\n"));
    FollowRecorder recorder;
    std::unique_ptr<SshFollow> follow(m_session->follow(path));
    recorder.attach(follow.get(), this);
    QTRY_COMPARE(recorder.bytes, QByteArray("x\n"));
    follow->stop();
    QTRY_VERIFY(recorder.finished);
    QCOMPARE(recorder.error.code, u"cancelled"_s);
    QVERIFY(appendLocalFile(path, "y\n"));
    QTest::qWait(300);
    QCOMPARE(recorder.bytes, QByteArray("x\n"));
    // The remote follower is gone (it notices the closed channel at its next heartbeat). sshd runs on this
    // machine, so its session processes can be inspected directly.
    auto followerRunning = [&] {
        for (qint64 pid : SshTestTools::descendantsOf(m_fixture.sshd.pid())) {
            QByteArray cmdline = readLocalFile(u"/proc/%1/cmdline"_s.arg(pid));
            cmdline.replace('\0', ' ');
            if (cmdline.startsWith("perl ") && cmdline.contains(path.toUtf8()))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!followerRunning(), 10000);
}

QTEST_GUILESS_MAIN(TestSshFollow)
#include "tst_sshfollow.moc"
