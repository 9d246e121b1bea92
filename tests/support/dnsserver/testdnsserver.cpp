#include "testdnsserver.h"

#include <QProcess>
#include <QStandardPaths>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

QHostAddress TestDnsServer::privateLoopback(int host)
{
    return QHostAddress(u"127.53.%1.%2"_s.arg(10 + int(getpid() % 200)).arg(host));
}

TestDnsServer::TestDnsServer() = default;

TestDnsServer::~TestDnsServer()
{
    stop();
}

QString TestDnsServer::start(const QHostAddress &address, const QMap<QString, QStringList> &fixed,
                             const QString &hostsDirectory)
{
    const QString program = QStandardPaths::findExecutable(u"dnsmasq"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    if (program.isEmpty())
        return u"dnsmasq is missing; install the test dependencies with scripts/install-deps.sh"_s;
    QStringList arguments{u"--keep-in-foreground"_s,
                          u"--conf-file=/dev/null"_s,
                          u"--no-resolv"_s,
                          u"--no-hosts"_s,
                          u"--bind-interfaces"_s,
                          u"--listen-address="_s + address.toString(),
                          u"--port=53"_s,
                          u"--pid-file"_s, // without a value: no pid file at all
                          u"--user=root"_s,
                          u"--log-facility=-"_s,
                          u"--log-queries"_s};
    // Authoritative for the test zone, as the user's DNS provider is: a missing type is an empty answer
    // and an unknown name NXDOMAIN (with --address or without --local, dnsmasq answers REFUSED instead).
    arguments.append(u"--local=/example.org/"_s);
    for (auto it = fixed.begin(); it != fixed.end(); ++it) {
        for (const QString &value : it.value())
            arguments.append(u"--host-record=%1,%2"_s.arg(it.key(), value));
    }
    if (!hostsDirectory.isEmpty())
        arguments.append(u"--hostsdir="_s + hostsDirectory);
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(10000))
        return u"dnsmasq did not start: "_s + m_process->errorString();
    // dnsmasq logs "started" only after its sockets are bound.
    const qsizetype from = m_log.size();
    while (m_log.indexOf("started, version", from) < 0) {
        if (!m_process->waitForReadyRead(10000)) {
            m_log += m_process->readAll();
            return u"dnsmasq did not come up: "_s + QString::fromUtf8(m_log);
        }
        m_log += m_process->readAll();
    }
    return {};
}

void TestDnsServer::stop()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
    m_log += m_process->readAll();
    m_process.reset();
}

QByteArray TestDnsServer::log()
{
    if (m_process)
        m_log += m_process->readAll();
    return m_log;
}
