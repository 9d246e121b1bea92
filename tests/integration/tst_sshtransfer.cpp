// SshSession::upload/download (SFTP) against a real sshd: atomic writes with modes, round trips, failures.

#include "tst_sshfixture.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct TransferOutcome
{
    bool finished = false;
    bool ok = false;
    QByteArray data;
    Error error;
    int progressSignals = 0;
    qint64 lastDone = 0;
};

TransferOutcome waitFor(SshTransfer *transfer, int timeoutMs = 120000)
{
    TransferOutcome outcome;
    QObject::connect(transfer, &SshTransfer::progress, transfer, [&outcome](qint64 done, qint64) {
        ++outcome.progressSignals;
        outcome.lastDone = done;
    });
    QObject::connect(transfer, &SshTransfer::finished, transfer, [&outcome](const Result<QByteArray> &result) {
        outcome.finished = true;
        outcome.ok = result.ok();
        if (result.ok())
            outcome.data = result.value();
        else
            outcome.error = result.error();
    });
    QDeadlineTimer deadline(timeoutMs);
    while (!outcome.finished && !deadline.hasExpired())
        QTest::qWait(5);
    return outcome;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

} // namespace

class TestSshTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void uploadWithMode_data();
    void uploadWithMode();
    void uploadReplacesExistingFileAtomically();
    void roundTripLarge();
    void downloadMissingFile();
    void uploadIntoMissingFolderLeavesNothing();
    void cancelUpload();

private:
    QString remoteMode(const QString &path);
    QStringList leftovers(const QString &dir);

    SshFixture m_fixture;
    std::unique_ptr<SshSession> m_session;
    QTemporaryDir m_dir;
};

void TestSshTransfer::initTestCase()
{
    QString error;
    QVERIFY2(m_fixture.start(&error), qPrintable(error));
    Error connectError;
    m_session = connectSession(m_fixture.options(), &connectError);
    QVERIFY2(m_session->state() == SshSession::State::Connected, qPrintable(connectError.toString()));
}

QString TestSshTransfer::remoteMode(const QString &path)
{
    const ExecOutcome outcome = runExec(*m_session, u"stat -c %a '%1'"_s.arg(path));
    return outcome.ok ? outcome.out.value(0) : QString();
}

QStringList TestSshTransfer::leftovers(const QString &dir)
{
    return QDir(dir).entryList({u"*.tmp-*"_s}, QDir::Files | QDir::Hidden);
}

void TestSshTransfer::uploadWithMode_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0600") << 0600 << u"600"_s;
    QTest::newRow("0700") << 0700 << u"700"_s;
    QTest::newRow("0644") << 0644 << u"644"_s;
}

void TestSshTransfer::uploadWithMode()
{
    QFETCH(int, mode);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(u"upload-%1"_s.arg(expected));
    const QByteArray content = "#!/bin/sh\necho secret-free\n";
    std::unique_ptr<SshTransfer> transfer(m_session->upload(content, path, mode));
    const TransferOutcome outcome = waitFor(transfer.get());
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QCOMPARE(readLocalFile(path), content);
    QCOMPARE(remoteMode(path), expected);
    QVERIFY(leftovers(m_dir.path()).isEmpty());

    std::unique_ptr<SshTransfer> back(m_session->download(path));
    const TransferOutcome downloaded = waitFor(back.get());
    QVERIFY(downloaded.ok);
    QCOMPARE(downloaded.data, content);
}

void TestSshTransfer::uploadReplacesExistingFileAtomically()
{
    const QString path = m_dir.filePath(u"replace.conf"_s);
    QVERIFY(appendLocalFile(path, "old content\n"));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    // A reader holding the old file open still sees the complete old content: the new file replaced it by
    // rename, it was never rewritten in place.
    QFile reader(path);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    std::unique_ptr<SshTransfer> transfer(m_session->upload("new content\n", path, 0600));
    const TransferOutcome outcome = waitFor(transfer.get());
    QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
    QCOMPARE(reader.readAll(), QByteArray("old content\n"));
    QCOMPARE(readLocalFile(path), QByteArray("new content\n"));
    QCOMPARE(remoteMode(path), u"600"_s);
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void TestSshTransfer::roundTripLarge()
{
    const QByteArray content = randomBytes(8 * 1024 * 1024 + 123);
    const QString path = m_dir.filePath(u"large.bin"_s);
    std::unique_ptr<SshTransfer> up(m_session->upload(content, path, 0600));
    const TransferOutcome uploaded = waitFor(up.get());
    QVERIFY2(uploaded.ok, qPrintable(uploaded.error.toString()));
    QVERIFY(uploaded.progressSignals >= 1);
    QCOMPARE(uploaded.lastDone, content.size());
    QCOMPARE(readLocalFile(path), content);

    std::unique_ptr<SshTransfer> down(m_session->download(path));
    const TransferOutcome downloaded = waitFor(down.get());
    QVERIFY2(downloaded.ok, qPrintable(downloaded.error.toString()));
    QCOMPARE(downloaded.data.size(), content.size());
    QVERIFY(downloaded.data == content);
}

void TestSshTransfer::downloadMissingFile()
{
    std::unique_ptr<SshTransfer> down(m_session->download(m_dir.filePath(u"nope"_s)));
    const TransferOutcome outcome = waitFor(down.get());
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.ok);
    // Its own code, so a caller can tell "not there (yet)" from a failed transfer without reading libssh's words.
    QCOMPARE(outcome.error.code, u"remote_file_missing"_s);
    QVERIFY(outcome.error.message.contains(m_dir.filePath(u"nope"_s)));
}

void TestSshTransfer::uploadIntoMissingFolderLeavesNothing()
{
    const QString path = m_dir.filePath(u"missing-dir/file"_s);
    std::unique_ptr<SshTransfer> up(m_session->upload("x", path, 0600));
    const TransferOutcome outcome = waitFor(up.get());
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.code, u"sftp_failed"_s);
    QVERIFY(!QFileInfo::exists(path));
}

void TestSshTransfer::cancelUpload()
{
    const QString path = m_dir.filePath(u"cancelled.bin"_s);
    std::unique_ptr<SshTransfer> up(m_session->upload(randomBytes(64 * 1024 * 1024), path, 0600));
    QSignalSpy progress(up.get(), &SshTransfer::progress);
    QSignalSpy finished(up.get(), &SshTransfer::finished);
    QString code = u"-"_s;
    connect(up.get(), &SshTransfer::finished, this,
            [&code](const Result<QByteArray> &r) { code = r.ok() ? QString() : r.error().code; });
    QTRY_VERIFY(!progress.isEmpty());
    up->cancel();
    QTRY_COMPARE(finished.size(), 1);
    if (!code.isEmpty()) {
        QCOMPARE(code, u"cancelled"_s);
        QVERIFY(!QFileInfo::exists(path)); // the target was never touched
    }
    QTRY_VERIFY(leftovers(m_dir.path()).isEmpty());
    // The session still works.
    QVERIFY(runExec(*m_session, u"true"_s).ok);
}

QTEST_GUILESS_MAIN(TestSshTransfer)
#include "tst_sshtransfer.moc"
