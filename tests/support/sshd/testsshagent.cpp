#include "testsshagent.h"

#include "sshtesttools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

using namespace Qt::StringLiterals;

TestSshAgent::TestSshAgent()
    : m_dir(QDir::tempPath() + u"/deployer-agent-XXXXXX"_s)
{ }

TestSshAgent::~TestSshAgent()
{
    stop();
}

bool TestSshAgent::fail(const QString &message, QString *error)
{
    m_error = message;
    if (error)
        *error = message;
    return false;
}

bool TestSshAgent::start(QString *error)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid())
        return fail(u"cannot create a temporary directory: "_s + m_dir.errorString(), error);
    QFile::remove(socketPath());
    // -D: foreground child of ours, so we can stop it; -a: our own socket.
    m_process.setProgram(u"ssh-agent"_s);
    m_process.setArguments({u"-D"_s, u"-a"_s, socketPath()});
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(u"agent.log"_s), QIODevice::Append);
    SshTestTools::terminateWithParent(m_process);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return fail(u"cannot start ssh-agent: "_s + m_process.errorString(), error);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (m_process.waitForFinished(0) || m_process.state() == QProcess::NotRunning)
            return fail(u"ssh-agent exited during start-up"_s, error);
        if (QFileInfo::exists(socketPath())) {
            // The socket appears at bind(); ssh-add proves the agent is also answering.
            const auto probe = SshTestTools::run(u"ssh-add"_s, {u"-l"_s}, 5000, environment());
            if (probe.started && probe.finished && (probe.exitCode == 0 || probe.exitCode == 1))
                return true;
        }
        QThread::msleep(20);
    }
    SshTestTools::stopProcess(m_process);
    return fail(u"ssh-agent did not create its socket "_s + socketPath(), error);
}

void TestSshAgent::stop()
{
    SshTestTools::stopProcess(m_process);
    QFile::remove(socketPath());
}

bool TestSshAgent::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

bool TestSshAgent::addKey(const QString &privateKeyFile, const QString &passphrase, QString *error)
{
    // Written once per agent: the answer comes from the environment. A process forked elsewhere in the test while
    // the script was open for writing keeps that descriptor until its exec, and exec()ing the script meanwhile
    // fails with ETXTBSY ("Text file busy"), so a fresh script is also given one more try below.
    const QString askpass = m_dir.filePath(u"askpass.sh"_s);
    QString problem;
    if (!QFileInfo::exists(askpass)
        && !SshTestTools::writeFile(askpass, "#!/bin/sh\nprintf '%s\\n' \"$DEPLOYER_TEST_ASKPASS_ANSWER\"\n", 0700,
                                    &problem))
        return fail(problem, error);
    QProcessEnvironment env = environment();
    env.insert(u"SSH_ASKPASS"_s, askpass);
    env.insert(u"SSH_ASKPASS_REQUIRE"_s, u"force"_s);
    env.insert(u"DEPLOYER_TEST_ASKPASS_ANSWER"_s, passphrase);
    env.remove(u"DISPLAY"_s);
    auto result = SshTestTools::run(u"ssh-add"_s, {privateKeyFile}, 20000, env);
    if (!result.ok() && result.describe(u"ssh-add"_s).contains(u"Text file busy"_s)) {
        QThread::msleep(100);
        result = SshTestTools::run(u"ssh-add"_s, {privateKeyFile}, 20000, env);
    }
    if (!result.ok())
        return fail(result.describe(u"ssh-add"_s), error);
    return true;
}

bool TestSshAgent::removeAllKeys()
{
    return SshTestTools::run(u"ssh-add"_s, {u"-D"_s}, 10000, environment()).ok();
}

QStringList TestSshAgent::publicKeys() const
{
    const auto result = SshTestTools::run(u"ssh-add"_s, {u"-L"_s}, 10000, environment());
    if (!result.ok())
        return {};
    return QString::fromUtf8(result.standardOutput).split(u'\n', Qt::SkipEmptyParts);
}

QString TestSshAgent::socketPath() const
{
    return m_dir.filePath(u"agent.sock"_s);
}

QProcessEnvironment TestSshAgent::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SSH_AUTH_SOCK"_s, socketPath());
    env.remove(u"SSH_AGENT_PID"_s);
    return env;
}

QString TestSshAgent::errorString() const
{
    return m_error;
}
