// One testbed host (tests/testbed/host.sh) booted from user-data that our UserDataRenderer made, reached
// with the app's own SshSession pinning the host key from that user-data; then torn down without a trace.
// Needs root (namespaces, mounts) and, on the first run, Debian's archive for debootstrap (root.sh).

#include "provision/userdatarenderer.h"
#include "ssh/sshexec.h"
#include "ssh/sshsession.h"
#include "ssh/sshtransfer.h"
#include "testbedtools.h"
#include "testkeys.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <qplatformdefs.h>

#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Cold, root.sh runs debootstrap and installs the packages (about a minute here); warm, a host boots in
// a few seconds.
constexpr int upTimeoutMs = 15 * 60 * 1000;

using Testbed::Outcome;
using Testbed::pinOf;
using Testbed::readFile;
using Testbed::run;

struct ExecOutcome
{
    bool finished = false;
    bool ok = false;
    QStringList out;
    QString error;
};

ExecOutcome runExec(SshSession &session, const QString &command)
{
    ExecOutcome outcome;
    std::unique_ptr<SshExec> exec(session.exec(command));
    QObject::connect(exec.get(), &SshExec::stdoutLines, exec.get(),
                     [&outcome](const QStringList &lines) { outcome.out.append(lines); });
    QObject::connect(exec.get(), &SshExec::stderrLines, exec.get(),
                     [&outcome](const QStringList &lines) { outcome.out.append(lines); });
    QObject::connect(exec.get(), &SshExec::finished, exec.get(), [&outcome](const Result<int> &result) {
        outcome.finished = true;
        outcome.ok = result.ok();
        if (!result.ok())
            outcome.error = result.error().message + u" / "_s + result.error().detail;
    });
    QDeadlineTimer deadline(120000);
    while (!outcome.finished && !deadline.hasExpired())
        QTest::qWait(10);
    return outcome;
}

} // namespace

class TestTestbedHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bootsFromRenderedUserData();
    void sshSessionPinsTheUserDataHostKey();
    void otherHostKeyIsRefused();
    void execAndUploadWork();
    void noRouteOut();
    void teardownLeavesNothing();

private:
    Outcome hostScript(const QStringList &arguments, int timeoutMs = 120000) const;
    QStringList leftovers() const;

    QString m_script = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/host.sh");
    QString m_name;
    QString m_ip = u"198.18.1.10"_s;
    QString m_stateDir;
    TestKeys m_keys;
    TestKeys::Key m_clientKey;
    TestKeys::Key m_hostKey;
    QTemporaryDir m_dir;
    std::unique_ptr<SshSession> m_session;
    QString m_hostNetns;
    bool m_up = false;
};

Outcome TestTestbedHost::hostScript(const QStringList &arguments, int timeoutMs) const
{
    return run(u"/bin/bash"_s, QStringList{m_script} + arguments, timeoutMs);
}

void TestTestbedHost::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed needs root (network namespaces, overlay mounts, chroot); run this test as root.");
    QVERIFY2(!QStandardPaths::findExecutable(u"debootstrap"_s).isEmpty(),
             "debootstrap is not installed; apt-get install debootstrap (scripts/install-deps.sh)");
    m_stateDir = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!m_stateDir.isEmpty(), "JD_TESTBED_STATE is not set (tests/testbed/CMakeLists.txt sets it)");
    QVERIFY(m_dir.isValid());

    m_clientKey = m_keys.generate(TestKeys::Type::Ed25519);
    m_hostKey = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_clientKey.isValid() && m_hostKey.isValid(), qPrintable(m_keys.errorString()));

    // The user-data the engine would send for this plan's web server.
    DeploymentPlan plan;
    plan.domain = u"testbed-host.example"_s;
    plan.email = u"admin@testbed-host.example"_s;
    plan.web = HostSpec{u"cx33"_s, u"fsn1"_s};
    plan.sshPublicKey = m_clientKey.publicLine;
    HostInputs host;
    host.role = HostRole::Web;
    host.serverName = plan.webServerName();
    host.hostKey = HostKeyText{u"ed25519"_s, QString::fromUtf8(readFile(m_hostKey.privateFile)), m_hostKey.publicLine};
    m_name = host.serverName;
    const Result<QByteArray> userData = UserDataRenderer::render(plan, host);
    QVERIFY2(userData.ok(), qPrintable(userData.ok() ? QString() : userData.error().message));
    const QString userDataFile = m_dir.filePath(u"user-data"_s);
    QFile file(userDataFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(userData.value());
    file.close();

    // A previous run killed before its teardown must not make this one fail.
    hostScript({u"down"_s, m_name});
    const Outcome up = hostScript({u"up"_s, m_name, m_ip, u"--user-data"_s, userDataFile}, upTimeoutMs);
    QVERIFY2(up.exitCode == 0, qPrintable(up.output));
    m_up = true;

    SshConnectOptions options;
    options.host = m_ip;
    options.keyFile = m_clientKey.privateFile;
    options.pinnedHostKey = pinOf(m_hostKey.publicLine);
    options.connectTimeoutMs = 10000;
    m_session = std::make_unique<SshSession>(options);
}

void TestTestbedHost::cleanupTestCase()
{
    m_session.reset();
    if (m_up)
        hostScript({u"down"_s, m_name});
}

void TestTestbedHost::bootsFromRenderedUserData()
{
    // cloud-init's config and final stages run after sshd started, as on a server. This host has no
    // services (--services), so the runcmd prepare step cannot reach download.jitsi.org and "error" is an
    // expected end (tst_testbedinstall boots with them); what matters here is that the boot finished.
    const Outcome status
            = hostScript({u"exec"_s, m_name, u"cloud-init"_s, u"status"_s, u"--wait"_s, u"--long"_s}, 600000);
    QVERIFY2(status.output.contains(u"status: done"_s) || status.output.contains(u"status: error"_s),
             qPrintable(status.output));
    // Real cloud-init ran bootcmd inside the host's own network namespace: the metadata guard's table.
    const Outcome guard
            = hostScript({u"exec"_s, m_name, u"nft"_s, u"list"_s, u"table"_s, u"inet"_s, u"jitsi_deployer_metadata"_s});
    QVERIFY2(guard.exitCode == 0 && guard.output.contains(u"169.254.169.254"_s), qPrintable(guard.output));
    // write_files with its mode; the host's name from the meta-data.
    const Outcome files
            = hostScript({u"exec"_s, m_name, u"stat"_s, u"-c"_s, u"%a %U"_s, UserDataRenderer::prepareScriptPath(),
                          UserDataRenderer::metadataGuardScriptPath()});
    QCOMPARE(files.output, u"755 root\n755 root\n"_s);
    // Only the user-data's host key: ssh_deletekeys and ssh_keys did their job.
    const Outcome keys = hostScript({u"exec"_s, m_name, u"sh"_s, u"-c"_s, u"cat /etc/ssh/ssh_host_*_key.pub"_s});
    QCOMPARE(pinOf(keys.output.trimmed()), pinOf(m_hostKey.publicLine));
    QCOMPARE(keys.output.trimmed().count(u'\n'), 0);
}

void TestTestbedHost::sshSessionPinsTheUserDataHostKey()
{
    QSignalSpy connected(m_session.get(), &SshSession::connected);
    QSignalSpy failed(m_session.get(), &SshSession::connectFailed);
    m_session->connectToHost();
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().message));

    const ExecOutcome name = runExec(*m_session, u"hostname"_s);
    QVERIFY2(name.ok, qPrintable(name.error));
    QCOMPARE(name.out, QStringList{m_name});
}

void TestTestbedHost::otherHostKeyIsRefused()
{
    // The same address with another pin: proves the pin is what the connection checks.
    const TestKeys::Key other = m_keys.generate(TestKeys::Type::Ed25519);
    SshConnectOptions options;
    options.host = m_ip;
    options.keyFile = m_clientKey.privateFile;
    options.pinnedHostKey = pinOf(other.publicLine);
    options.connectTimeoutMs = 10000;
    options.reconnectAttempts = 0;
    SshSession session(options);
    QSignalSpy connected(&session, &SshSession::connected);
    QSignalSpy failed(&session, &SshSession::connectFailed);
    session.connectToHost();
    QTRY_VERIFY_WITH_TIMEOUT(!connected.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY(connected.isEmpty());
    QCOMPARE(failed.first().first().value<Error>().code, u"host_key_mismatch"_s);
}

void TestTestbedHost::execAndUploadWork()
{
    const QByteArray content = "uploaded by tst_testbedhost\n";
    std::unique_ptr<SshTransfer> upload(m_session->upload(content, u"/root/testbed-upload.txt"_s, 0600));
    bool finished = false;
    QString uploadError;
    connect(upload.get(), &SshTransfer::finished, this, [&](const Result<QByteArray> &result) {
        finished = true;
        if (!result.ok())
            uploadError = result.error().message;
    });
    QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
    QVERIFY2(uploadError.isEmpty(), qPrintable(uploadError));

    const ExecOutcome check
            = runExec(*m_session, u"stat -c %a /root/testbed-upload.txt && cat /root/testbed-upload.txt"_s);
    QVERIFY2(check.ok, qPrintable(check.error));
    QCOMPARE(check.out, (QStringList{u"600"_s, u"uploaded by tst_testbedhost"_s}));
    // The file is in the host's own overlay, not on the machine's filesystem.
    QVERIFY(!QFile::exists(u"/root/testbed-upload.txt"_s));
    QVERIFY(QFile::exists(m_stateDir + u"/hosts/"_s + m_name + u"/upper/root/testbed-upload.txt"_s));

    // The service runner that stands in for systemd answers for the sshd it started.
    const ExecOutcome active = runExec(*m_session, u"systemctl is-active ssh"_s);
    QVERIFY2(active.ok, qPrintable(active.out.join(u'\n')));
    // What the host key rotation does: a reload keeps the session that asked for it.
    const ExecOutcome reload = runExec(*m_session, u"systemctl reload ssh"_s);
    QVERIFY2(reload.ok, qPrintable(reload.error + reload.out.join(u'\n')));
    const ExecOutcome after = runExec(*m_session, u"echo still here"_s);
    QCOMPARE(after.out, QStringList{u"still here"_s});
}

void TestTestbedHost::noRouteOut()
{
    const ExecOutcome routes = runExec(
            *m_session, u"ip -4 route; ip -6 route | grep -v '^fe80::/64\\|^multicast\\|^::1 dev lo' || true"_s);
    QVERIFY2(routes.ok, qPrintable(routes.error));
    QCOMPARE(routes.out.size(), 1);
    QVERIFY2(routes.out.first().startsWith(u"198.18.0.0/15 dev eth0"_s), qPrintable(routes.out.join(u'\n')));

    // Even with a default route via the machine, nothing is forwarded out of the testbed.
    const QString probe = u"python3 -c 'import socket,sys\n"
                          "try:\n"
                          "    socket.create_connection((sys.argv[1], 443), timeout=3)\n"
                          "    print(\"connected\")\n"
                          "except OSError as e:\n"
                          "    print(\"refused\", e)' "_s;
    const ExecOutcome direct = runExec(*m_session, probe + u"1.1.1.1"_s);
    QVERIFY2(direct.out.value(0).startsWith(u"refused"_s), qPrintable(direct.out.join(u'\n')));
    const ExecOutcome routed = runExec(*m_session, u"ip route add default via 198.18.0.1 && "_s + probe
                                                           + u"1.1.1.1; ip route del default"_s);
    QVERIFY2(routed.out.value(0).startsWith(u"refused"_s), qPrintable(routed.out.join(u'\n')));
}

QStringList TestTestbedHost::leftovers() const
{
    QStringList found;
    const QString netns = u"jdtb-"_s + m_name;
    if (QFile::exists(u"/run/netns/"_s + netns))
        found << u"network namespace "_s + netns;
    const QString hostDir = m_stateDir + u"/hosts/"_s + m_name;
    const QList<QByteArray> mounts = readFile(u"/proc/self/mounts"_s).split('\n');
    for (const QByteArray &line : mounts) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(netns + u' ') || text.contains(hostDir))
            found << u"mount "_s + text;
    }
    // Processes still in the host's network namespace (its init, sshd, sessions, daemons), found by the
    // namespace's identity: after a lazy unmount their root no longer shows a path, and the namespace's
    // name is gone once it is deleted, but a process keeps the namespace itself alive.
    QDirIterator procs(u"/proc"_s, QDir::Dirs | QDir::NoDotAndDotDot);
    while (procs.hasNext()) {
        const QString pidDir = procs.next();
        if (!m_hostNetns.isEmpty() && QFile::symLinkTarget(pidDir + u"/ns/net"_s).endsWith(m_hostNetns))
            found << u"process "_s + pidDir + u' ' + QString::fromUtf8(readFile(pidDir + u"/cmdline"_s));
    }
    if (QFile::exists(hostDir))
        found << u"state "_s + hostDir;
    return found;
}

void TestTestbedHost::teardownLeavesNothing()
{
    m_session.reset();
    // A process inside the host that would survive a careless teardown.
    const Outcome daemon = hostScript({u"exec"_s, m_name, u"sh"_s, u"-c"_s, u"setsid sleep 600 >/dev/null 2>&1 &"_s});
    QCOMPARE(daemon.exitCode, 0);
    // The namespace as the kernel names it in /proc/<pid>/ns/net: "net:[<inode>]".
    QT_STATBUF info;
    QCOMPARE(QT_STAT(QFile::encodeName(u"/run/netns/jdtb-"_s + m_name).constData(), &info), 0);
    m_hostNetns = u"net:[%1]"_s.arg(info.st_ino);
    QVERIFY(leftovers().filter(u"process "_s).size() >= 3); // the check sees init, sshd and the daemon

    const Outcome down = hostScript({u"down"_s, m_name});
    QVERIFY2(down.exitCode == 0, qPrintable(down.output));
    m_up = false;
    const QStringList left = leftovers();
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestTestbedHost)
#include "tst_testbedhost.moc"
