#include "sshtesttools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace SshTestTools {

QString RunResult::describe(const QString &program) const
{
    if (!started)
        return program + u": could not be started"_s;
    if (!finished)
        return program + u": timed out; stderr: "_s + QString::fromUtf8(standardError);
    return program + u": exit code "_s + QString::number(exitCode) + u"; stderr: "_s
           + QString::fromUtf8(standardError).trimmed();
}

RunResult run(const QString &program, const QStringList &arguments, int timeoutMs,
              const QProcessEnvironment &environment, const QByteArray &input)
{
    RunResult result;
    QProcess process;
    process.setProcessEnvironment(environment);
    terminateWithParent(process);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return result;
    result.started = true;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(3000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

void terminateWithParent(QProcess &process, bool adoptOrphans)
{
    process.setChildProcessModifier([adoptOrphans] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (adoptOrphans)
            ::prctl(PR_SET_CHILD_SUBREAPER, 1); // kept across execve()
    });
}

void stopProcess(QProcess &process, int graceMs)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(graceMs)) {
        process.kill();
        process.waitForFinished(3000);
    }
}

static qint64 parentOf(const QString &pidDir)
{
    QFile stat(u"/proc/"_s + pidDir + u"/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so parse after the last ')'.
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

QList<qint64> descendantsOf(qint64 pid)
{
    QMultiHash<qint64, qint64> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 child = entry.toLongLong(&isPid);
        if (isPid)
            children.insert(parentOf(entry), child);
    }
    QList<qint64> result;
    QList<qint64> queue{pid};
    while (!queue.isEmpty()) {
        const qint64 next = queue.takeFirst();
        const QList<qint64> direct = children.values(next);
        result += direct;
        queue += direct;
    }
    return result;
}

void killAll(const QList<qint64> &pids)
{
    for (qint64 pid : pids)
        ::kill(static_cast<pid_t>(pid), SIGKILL);
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool acceptsConnections(quint16 port, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = socket.waitForConnected(timeoutMs);
    socket.abort();
    return connected;
}

QString currentUserName()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

QString publicKeyWithoutComment(const QString &publicKeyLine)
{
    const QStringList fields = publicKeyLine.trimmed().split(u' ', Qt::SkipEmptyParts);
    return fields.size() >= 2 ? fields.at(0) + u' ' + fields.at(1) : QString();
}

bool writeFile(const QString &path, const QByteArray &text, int mode, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size()) {
        if (error)
            *error = path + u": "_s + file.errorString();
        return false;
    }
    file.close();
    if (::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) != 0) {
        if (error)
            *error = path + u": chmod failed"_s;
        return false;
    }
    return true;
}

} // namespace SshTestTools
