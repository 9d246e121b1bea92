#pragma once

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QProcess;

// Small helpers shared by the SSH test harness: running OpenSSH's command-line tools and keeping the child
// processes we start from outliving the test.
namespace SshTestTools {

struct RunResult
{
    bool started = false;
    bool finished = false; // false: timed out (the process was killed)
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;

    bool ok() const { return started && finished && exitCode == 0; }
    // "program args: exit N: stderr" for QVERIFY2 messages and errorString()s.
    QString describe(const QString &program) const;
};

// Runs `program` to completion (blocking, no event loop needed). stdin gets `input` and is then closed.
RunResult run(const QString &program, const QStringList &arguments, int timeoutMs = 60000,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
              const QByteArray &input = {});

// Makes the kernel send SIGTERM to the child when the test process dies (even by a crash or a ctest timeout),
// so no sshd or ssh-agent is left behind. Call before QProcess::start(); must be started from a thread that
// outlives the child (the test's main thread). With `adoptOrphans` the child also becomes a child subreaper:
// processes orphaned below it (e.g. a remote command whose sshd session died) are re-parented to it instead
// of init, so descendantsOf() still finds them.
void terminateWithParent(QProcess &process, bool adoptOrphans = false);

// Stops a child started with QProcess: SIGTERM, a short grace period, then SIGKILL. Blocking.
void stopProcess(QProcess &process, int graceMs = 3000);

// The process ids below `pid` (children, grandchildren, ...), from /proc.
QList<qint64> descendantsOf(qint64 pid);
// SIGKILLs every pid in the list (ignores ones that are already gone).
void killAll(const QList<qint64> &pids);

// A TCP port on 127.0.0.1 that was free a moment ago (bound with port 0, then released).
quint16 freeLoopbackPort();
// True once something accepts TCP connections on 127.0.0.1:port (a connect succeeds within `timeoutMs`).
bool acceptsConnections(quint16 port, int timeoutMs = 200);

// The login name the tests use with sshd: root when running as root (CI), else the current user.
QString currentUserName();
bool runningAsRoot();

// "ssh-ed25519 AAAA..." without the comment.
QString publicKeyWithoutComment(const QString &publicKeyLine);

// Writes `text` to `path` with `mode` (octal, e.g. 0600). Returns false and sets `error` on failure.
bool writeFile(const QString &path, const QByteArray &text, int mode, QString *error = nullptr);

} // namespace SshTestTools
