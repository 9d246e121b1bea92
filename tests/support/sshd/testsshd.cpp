#include "testsshd.h"

#include "sshtesttools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

const QString sshdProgram = u"/usr/sbin/sshd"_s;
constexpr int startTimeoutMs = 15000;

QString keyTypeArgument(TestSshd::KeyType type)
{
    switch (type) {
    case TestSshd::KeyType::Ed25519:
        return u"ed25519"_s;
    case TestSshd::KeyType::Ecdsa:
        return u"ecdsa"_s;
    case TestSshd::KeyType::Rsa:
        return u"rsa"_s;
    }
    return u"ed25519"_s;
}

// sshd refuses to start (even with -D) without its privilege separation directory when run as root; a fresh
// container or CI machine that never ran the system sshd does not have it.
bool ensurePrivilegeSeparationDir(QString *error)
{
    if (!SshTestTools::runningAsRoot() || QFileInfo(u"/run/sshd"_s).isDir())
        return true;
    if (::mkdir("/run/sshd", 0755) != 0 && !QFileInfo(u"/run/sshd"_s).isDir()) {
        *error = u"cannot create /run/sshd (sshd's privilege separation directory)"_s;
        return false;
    }
    return true;
}

} // namespace

TestSshd::TestSshd()
    : TestSshd(Options{})
{ }

TestSshd::TestSshd(const Options &options)
    : m_options(options)
    , m_dir(QDir::tempPath() + u"/deployer-sshd-XXXXXX"_s)
    , m_port(options.port)
{ }

TestSshd::~TestSshd()
{
    stop();
}

bool TestSshd::fail(const QString &message, QString *error)
{
    m_error = message;
    if (error)
        *error = message;
    return false;
}

bool TestSshd::start(QString *error)
{
    if (isRunning())
        return true;
    m_error.clear();
    if (!m_dir.isValid())
        return fail(u"cannot create a temporary directory: "_s + m_dir.errorString(), error);
    if (!QFileInfo(sshdProgram).isExecutable())
        return fail(sshdProgram + u" is missing: install openssh-server (scripts/install-deps.sh)"_s, error);
    QString problem;
    if (!ensurePrivilegeSeparationDir(&problem) || !ensureHostKey(&problem))
        return fail(problem, error);
    if (!QFileInfo::exists(authorizedKeysFile()) && !SshTestTools::writeFile(authorizedKeysFile(), {}, 0600, &problem))
        return fail(problem, error);

    // A port we picked ourselves may be taken between probing and sshd's bind(): then try another one.
    const bool pickPort = m_options.port == 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (pickPort)
            m_port = SshTestTools::freeLoopbackPort();
        if (!writeConfig(&problem))
            return fail(problem, error);
        if (launch(&problem))
            return true;
        if (!pickPort || !log().contains(u"Address already in use"_s))
            break;
    }
    return fail(problem, error);
}

bool TestSshd::ensureHostKey(QString *error)
{
    if (!m_hostKeyFile.isEmpty())
        return true;
    QString keyFile = m_options.hostKeyFile;
    if (keyFile.isEmpty()) {
        keyFile = m_dir.filePath(u"ssh_host_"_s + keyTypeArgument(m_options.hostKeyType) + u"_key"_s);
        QStringList arguments{u"-q"_s,
                              u"-t"_s,
                              keyTypeArgument(m_options.hostKeyType),
                              u"-N"_s,
                              QString(),
                              u"-C"_s,
                              u"test-sshd-host-key"_s,
                              u"-f"_s,
                              keyFile};
        if (m_options.hostKeyType == KeyType::Rsa)
            arguments << u"-b"_s << u"2048"_s; // faster than the 3072 default, still accepted everywhere
        const auto result = SshTestTools::run(u"ssh-keygen"_s, arguments);
        if (!result.ok()) {
            *error = u"generating the host key failed: "_s + result.describe(u"ssh-keygen"_s);
            return false;
        }
    }
    QFile publicFile(keyFile + u".pub"_s);
    if (!publicFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the host public key "_s + publicFile.fileName() + u": "_s + publicFile.errorString();
        return false;
    }
    m_hostPublicKey = SshTestTools::publicKeyWithoutComment(QString::fromUtf8(publicFile.readAll()));
    m_hostKeyFile = keyFile;
    return true;
}

bool TestSshd::writeConfig(QString *error)
{
    QStringList lines{
            u"# Written by the Jitsi Deployer test harness (tests/support/sshd); loopback only."_s,
            u"ListenAddress 127.0.0.1:"_s + QString::number(m_port),
            u"HostKey "_s + m_hostKeyFile,
            u"PidFile "_s + m_dir.filePath(u"sshd.pid"_s),
            u"AuthorizedKeysFile "_s + authorizedKeysFile(),
            u"PermitRootLogin prohibit-password"_s,
            u"PubkeyAuthentication yes"_s,
            u"PasswordAuthentication no"_s,
            u"KbdInteractiveAuthentication no"_s,
            u"HostbasedAuthentication no"_s,
            u"UsePAM no"_s,
            // The temporary directory and its files are not owned the way OpenSSH wants for real homes.
            u"StrictModes no"_s,
            u"AllowAgentForwarding no"_s,
            u"AllowTcpForwarding no"_s,
            u"X11Forwarding no"_s,
            u"PrintMotd no"_s,
            u"PrintLastLog no"_s,
            u"UseDNS no"_s,
            u"Subsystem sftp internal-sftp"_s,
            u"LogLevel VERBOSE"_s,
            u"ClientAliveInterval "_s + QString::number(m_options.clientAliveIntervalSeconds),
            u"ClientAliveCountMax "_s + QString::number(m_options.clientAliveCountMax),
            // Reconnect tests open many connections in quick succession.
            u"MaxStartups 100:30:200"_s,
            u"MaxSessions 50"_s,
    };
    lines += m_options.extraConfig;
    return SshTestTools::writeFile(configFile(), lines.join(u'\n').toUtf8() + '\n', 0600, error);
}

bool TestSshd::launch(QString *error)
{
    QFile::remove(m_dir.filePath(u"sshd.pid"_s));
    const qint64 logStart = QFileInfo(m_dir.filePath(u"sshd.log"_s)).size();

    // Refuse early with a readable message instead of a bind error buried in the log.
    const auto check = SshTestTools::run(sshdProgram, {u"-t"_s, u"-f"_s, configFile()});
    if (!check.ok()) {
        *error = u"sshd rejected its test configuration: "_s + check.describe(sshdProgram);
        return false;
    }

    m_process.setProgram(sshdProgram);
    // -D: stay in the foreground as our child; -e: log to stderr, which goes to sshd.log for log().
    m_process.setArguments({u"-D"_s, u"-e"_s, u"-f"_s, configFile()});
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(u"sshd.log"_s), QIODevice::Append);
    // A subreaper keeps remote commands whose session ended (connection cut) in sshd's process tree, so
    // stop() finds and ends them too.
    SshTestTools::terminateWithParent(m_process, true);
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        *error = u"cannot start "_s + sshdProgram + u": "_s + m_process.errorString();
        return false;
    }

    // Ready = sshd wrote its pid file (it does so after binding) and the port takes connections.
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < startTimeoutMs) {
        if (m_process.state() == QProcess::NotRunning || m_process.waitForFinished(0)) {
            QFile logFile(m_dir.filePath(u"sshd.log"_s));
            logFile.open(QIODevice::ReadOnly);
            logFile.seek(logStart);
            *error = u"sshd exited during start-up: "_s + QString::fromUtf8(logFile.readAll()).trimmed();
            return false;
        }
        if (QFileInfo::exists(m_dir.filePath(u"sshd.pid"_s)) && SshTestTools::acceptsConnections(m_port))
            return true;
        QThread::msleep(20);
    }
    SshTestTools::stopProcess(m_process);
    *error = u"sshd did not accept connections on 127.0.0.1:"_s + QString::number(m_port) + u" within "_s
             + QString::number(startTimeoutMs / 1000) + u" s; log: "_s + log();
    return false;
}

void TestSshd::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    // Connection children survive the listener's SIGTERM by design; collect them first, while they are
    // still recognisable as its descendants.
    const QList<qint64> sessions = SshTestTools::descendantsOf(m_process.processId());
    SshTestTools::stopProcess(m_process);
    SshTestTools::killAll(sessions);
}

void TestSshd::dropConnections()
{
    if (isRunning())
        SshTestTools::killAll(SshTestTools::descendantsOf(m_process.processId()));
}

bool TestSshd::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QString TestSshd::host() const
{
    return u"127.0.0.1"_s;
}

quint16 TestSshd::port() const
{
    return m_port;
}

QString TestSshd::user() const
{
    return SshTestTools::currentUserName();
}

qint64 TestSshd::pid() const
{
    return m_process.processId();
}

QString TestSshd::hostKeyFile() const
{
    return m_hostKeyFile;
}

QString TestSshd::hostPublicKey() const
{
    return m_hostPublicKey;
}

QString TestSshd::knownHostsLine() const
{
    return u"[127.0.0.1]:"_s + QString::number(m_port) + u' ' + m_hostPublicKey;
}

QString TestSshd::writeKnownHostsFile() const
{
    const QString path = m_dir.filePath(u"known_hosts"_s);
    SshTestTools::writeFile(path, knownHostsLine().toUtf8() + '\n', 0600);
    return path;
}

bool TestSshd::authorize(const QString &publicKeyLine)
{
    QFile file(authorizedKeysFile());
    if (publicKeyLine.trimmed().isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    return file.write(publicKeyLine.trimmed().toUtf8() + '\n') > 0;
}

bool TestSshd::authorizeFile(const QString &publicKeyFile)
{
    QFile file(publicKeyFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return authorize(QString::fromUtf8(file.readAll()));
}

QString TestSshd::authorizedKeysFile() const
{
    return m_dir.filePath(u"authorized_keys"_s);
}

QStringList TestSshd::sshArguments(const QString &keyFile) const
{
    QStringList arguments{u"-F"_s, u"/dev/null"_s, // ignore the machine's and the user's client config
                          u"-o"_s, u"BatchMode=yes"_s,
                          u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                          u"-o"_s, u"UserKnownHostsFile="_s + writeKnownHostsFile(),
                          u"-o"_s, u"GlobalKnownHostsFile=/dev/null"_s,
                          u"-o"_s, u"ConnectTimeout=10"_s,
                          u"-o"_s, u"LogLevel=ERROR"_s,
                          u"-p"_s, QString::number(m_port)};
    if (!keyFile.isEmpty())
        arguments << u"-o"_s << u"IdentitiesOnly=yes"_s << u"-o"_s << u"IdentityAgent=none"_s << u"-i"_s << keyFile;
    arguments << u"-l"_s << user() << host();
    return arguments;
}

QString TestSshd::workDir() const
{
    return m_dir.path();
}

QString TestSshd::configFile() const
{
    return m_dir.filePath(u"sshd_config"_s);
}

QString TestSshd::log() const
{
    QFile file(m_dir.filePath(u"sshd.log"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString TestSshd::errorString() const
{
    return m_error;
}
