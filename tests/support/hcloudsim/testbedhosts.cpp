#include "testbedhosts.h"

#include "simcontext.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QProcess>
#include <QTextStream>

#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
// Booting a host takes seconds once the Debian root is cached; building that cache takes about a minute.
constexpr int kTeardownTimeoutMs = 120 * 1000;

void report(const QString &line)
{
    QTextStream(stderr) << "hcloud-sim testbed: " << line << Qt::endl;
}
} // namespace

TestbedHosts::TestbedHosts(const SimContext &context, const Options &options, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_options(options)
{
    QDir().mkpath(m_options.stateDir + u"/user-data"_s);
}

TestbedHosts::~TestbedHosts()
{
    // Children first (a boot in progress is cut short), then every host that may exist, logs kept.
    QStringList names = m_up;
    const QHash<QString, QProcess *> running = std::exchange(m_running, {});
    for (auto it = running.cbegin(); it != running.cend(); ++it) {
        it.value()->disconnect(this); // its jobs' callbacks must not run any more
        it.value()->kill();
        it.value()->waitForFinished(5000);
        if (!names.contains(it.key()))
            names.append(it.key());
    }
    for (const QString &name : std::as_const(names)) {
        QStringList arguments{u"down"_s, name};
        if (!m_options.artefactsDir.isEmpty())
            arguments << u"--collect"_s << m_options.artefactsDir;
        QProcess down;
        down.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        down.start(m_options.hostScript, arguments);
        if (!down.waitForFinished(kTeardownTimeoutMs) || down.exitCode() != 0)
            report(u"could not tear down host %1; run tests/testbed/host.sh down-all"_s.arg(name));
    }
}

QStringList TestbedHosts::upArguments(const QJsonObject &server) const
{
    const QString name = server.value(u"name"_s).toString();
    const QString ipv4
            = m_context.store.get(u"primary_ips"_s, server.value(u"ipv4"_s).toInteger()).value(u"ip"_s).toString();
    QStringList arguments{u"up"_s, name, ipv4};
    // Hetzner assigns a /64; the server itself answers on its first address (what the DNS records name).
    const auto ipv6 = QHostAddress::parseSubnet(
            m_context.store.get(u"primary_ips"_s, server.value(u"ipv6"_s).toInteger()).value(u"ip"_s).toString());
    if (ipv6.first.protocol() == QAbstractSocket::IPv6Protocol) {
        Q_IPV6ADDR bytes = ipv6.first.toIPv6Address();
        bytes[15] = quint8(bytes[15] + 1);
        arguments << u"--ipv6"_s << QHostAddress(bytes).toString();
    }

    // host.sh copies it into the host's NoCloud seed; it holds the host's private SSH key, so 0600.
    const QString userDataFile = m_options.stateDir + u"/user-data/"_s + name + u".yaml"_s;
    QFile file(userDataFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(server.value(u"user_data"_s).toString().toUtf8());
        file.close();
        arguments << u"--user-data"_s << userDataFile;
    }

    // A Hetzner network is one L2 segment per deployment here: the address with the network's prefix.
    const QJsonArray privateNet = server.value(u"private_net"_s).toArray();
    if (!privateNet.isEmpty()) {
        const QJsonObject attachment = privateNet.first().toObject();
        const QJsonObject network = m_context.store.get(u"networks"_s, attachment.value(u"network"_s).toInteger());
        const auto range = QHostAddress::parseSubnet(network.value(u"ip_range"_s).toString());
        if (range.second > 0)
            arguments << u"--private"_s << u"%1/%2"_s.arg(attachment.value(u"ip"_s).toString()).arg(range.second);
    }
    if (!m_options.servicesDir.isEmpty())
        arguments << u"--services"_s << m_options.servicesDir;
    // The server's image picks the testbed root: Debian 13 boots the trixie root, everything else the default
    // bookworm one (there is no Ubuntu root; an Ubuntu server is a Debian 12 host here).
    const QJsonObject image = m_context.catalogue.image(QString::number(server.value(u"image"_s).toInteger()), {});
    if (image.value(u"os_flavor"_s).toString() == u"debian"_s && image.value(u"os_version"_s).toString() == u"13"_s)
        arguments << u"--suite"_s << u"trixie"_s;
    return arguments;
}

void TestbedHosts::serverStarted(const QJsonObject &server)
{
    const QString name = server.value(u"name"_s).toString();
    const QStringList arguments = upArguments(server);
    const QString userDataFile = m_options.stateDir + u"/user-data/"_s + name + u".yaml"_s;
    enqueue({name, arguments, [this, name, address = arguments.value(2), userDataFile](bool ok, const QString &output) {
                 QFile::remove(userDataFile);
                 if (!ok) {
                     report(u"host %1 did not boot:\n%2"_s.arg(name, output));
                     Q_EMIT hostFailed(name, output);
                     return;
                 }
                 m_up.append(name);
                 report(u"host %1 up at %2"_s.arg(name, address));
                 Q_EMIT hostUp(name, address);
             }});
}

void TestbedHosts::serverDeleted(const QJsonObject &server)
{
    const QString name = server.value(u"name"_s).toString();
    QStringList arguments{u"down"_s, name};
    if (!m_options.artefactsDir.isEmpty())
        arguments << u"--collect"_s << m_options.artefactsDir;
    enqueue({name, arguments, [this, name](bool ok, const QString &output) {
                 m_up.removeAll(name);
                 if (!ok)
                     report(u"host %1 was not torn down cleanly:\n%2"_s.arg(name, output));
                 report(u"host %1 down"_s.arg(name));
                 Q_EMIT hostDown(name);
             }});
}

QString TestbedHosts::dnsHostsFile() const
{
    return m_options.servicesDir + u"/dns/hcloud-sim.hosts"_s;
}

void TestbedHosts::zonesChanged()
{
    if (m_options.servicesDir.isEmpty())
        return;
    // dnsmasq watches the directory (--hostsdir) and re-reads a file replaced by rename.
    QString lines = u"# Written by hcloud-sim: the A and AAAA records of the simulated project's zones.\n"_s;
    const QList<QJsonObject> rrsets = m_context.store.all(u"rrsets"_s);
    for (const QJsonObject &rrset : rrsets) {
        const QString type = rrset.value(u"type"_s).toString();
        if (type != u"A"_s && type != u"AAAA"_s)
            continue;
        const QString zone
                = m_context.store.get(u"zones"_s, rrset.value(u"zone"_s).toInteger()).value(u"name"_s).toString();
        const QString name = rrset.value(u"name"_s).toString();
        const QString fqdn = name == u"@"_s ? zone : name + u'.' + zone;
        const QJsonArray records = rrset.value(u"records"_s).toArray();
        for (const QJsonValue &record : records)
            lines += record.toObject().value(u"value"_s).toString() + u' ' + fqdn + u'\n';
    }
    // Written under a dot-name (which dnsmasq ignores) and renamed into place, so it never reads half a file.
    const QString dnsDir = m_options.servicesDir + u"/dns"_s;
    const QString temporary = dnsDir + u"/.hcloud-sim.hosts.new"_s;
    QDir().mkpath(dnsDir);
    QFile file(temporary);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(lines.toUtf8()) >= 0;
    file.close();
    if (!written
        || ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(dnsHostsFile()).constData()) != 0)
        report(u"could not write %1: %2"_s.arg(dnsHostsFile(), file.errorString()));
}

QStringList TestbedHosts::hosts() const
{
    return m_up;
}

bool TestbedHosts::isBusy() const
{
    return !m_running.isEmpty();
}

void TestbedHosts::enqueue(Job job)
{
    const QString name = job.name;
    m_queues[name].append(std::move(job));
    if (!m_running.contains(name))
        runNext(name);
}

void TestbedHosts::runNext(const QString &name)
{
    QList<Job> &queue = m_queues[name];
    if (queue.isEmpty()) {
        m_queues.remove(name);
        return;
    }
    Job job = queue.takeFirst();
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::MergedChannels);
    m_running.insert(name, process);
    connect(process, &QProcess::finished, this,
            [this, process, name, done = job.done](int code, QProcess::ExitStatus status) {
                m_running.remove(name);
                process->deleteLater();
                done(status == QProcess::NormalExit && code == 0, QString::fromUtf8(process->readAll()));
                runNext(name);
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, name, done = job.done](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                m_running.remove(name);
                process->deleteLater();
                done(false, u"cannot start %1: %2"_s.arg(m_options.hostScript, process->errorString()));
                runNext(name);
            });
    process->start(m_options.hostScript, job.arguments);
}
