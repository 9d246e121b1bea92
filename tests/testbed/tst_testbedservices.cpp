// The testbed's services (tests/testbed/services.sh) on their own: what the hosts and the other test parties
// rely on. DNS answers only from the hosts files in SERVICES/dns and follows new, replaced and deleted files;
// the web server is reachable under every name with the testbed CA (and only with it); both repositories are
// signed by the key the services publish; Pebble answers; everything listens on 198.18.0.1 only; up reuses
// running services and restarts only a dead one; down works twice and without pidfiles.
// Needs root; the first run builds the Debian root and downloads the packages (root.sh, Debian's archive).

#include "testbedtools.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Testbed;

namespace {

constexpr int servicesTimeoutMs = 20 * 60 * 1000; // cold: root.sh builds the root first
const QString address = u"198.18.0.1"_s;

// The A (or AAAA) answer of the testbed DNS for a name: "rcode=..." then one address a line.
QStringList ask(const QString &name, const QString &type = u"A"_s)
{
    const Outcome answer = run(script(u"services/dnsquery.py"_s), {address, name, type}, 10000);
    return answer.output.trimmed().split(u'\n');
}

// Polls until the answer is `expected` (dnsmasq reads the hosts directory on inotify events, not at once).
bool answersWithin(const QString &name, const QStringList &expected, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        if (ask(name) == expected)
            return true;
        QTest::qWait(100);
    } while (!deadline.hasExpired());
    return false;
}

// name -> pid from "services.sh status".
QMap<QString, QString> runningPids()
{
    QMap<QString, QString> pids;
    static const QRegularExpression line(u"^(\\w+) running \\(pid (\\d+)\\)$"_s, QRegularExpression::MultilineOption);
    auto matches = line.globalMatch(servicesScript({u"status"_s}).output);
    while (matches.hasNext()) {
        const auto match = matches.next();
        pids.insert(match.captured(1), match.captured(2));
    }
    return pids;
}

// Listening sockets on the machine as "address:port pid" (ss), for the check that nothing binds elsewhere.
QStringList listeners()
{
    QStringList found;
    static const QRegularExpression pid(u"pid=(\\d+)"_s);
    for (const QString &row : run(u"ss"_s, {u"-Hlnptu"_s}).output.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = row.simplified().split(u' ');
        const auto match = pid.match(row);
        if (fields.size() >= 5 && match.hasMatch())
            found << fields.at(4) + u' ' + match.captured(1);
    }
    return found;
}

// Empty = a TLS handshake to address:port with `name` (SNI and verified name) succeeded trusting only `roots`.
QString handshakeProblem(quint16 port, const QString &name, const QList<QSslCertificate> &roots)
{
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(roots);
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(address, port, name);
    if (socket.waitForEncrypted(10000))
        return {};
    return socket.errorString();
}

} // namespace

class TestTestbedServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void upReusesRunningServices();
    void publishesItsInterface();
    void listensOnTheTestbedAddressOnly();
    void tlsUnderEveryNameWithTheTestbedCaOnly();
    void repositoriesAreSignedAndComplete();
    void dnsFollowsTheHostsDirectory();
    void acmeAnswers();
    void aDeadServiceIsRestartedAlone();
    void downTwiceAndWithoutPidfiles();

private:
    QString m_services;
};

void TestTestbedServices::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed services need root (ports 53, 80, 443; the bridge); run this test as root.");
    const QString state = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!state.isEmpty(), "JD_TESTBED_STATE is not set (tests/testbed/CMakeLists.txt sets it)");
    const Outcome up = servicesScript({u"up"_s}, servicesTimeoutMs);
    QVERIFY2(up.exitCode == 0, qPrintable(up.output));
    m_services = lastLine(up.output);
    QCOMPARE(m_services, QDir(state).absoluteFilePath(u"services"_s));
}

void TestTestbedServices::upReusesRunningServices()
{
    const QMap<QString, QString> before = runningPids();
    QCOMPARE(before.keys(), (QStringList{u"acme"_s, u"dns"_s, u"web"_s}));
    const Outcome again = servicesScript({u"up"_s});
    QVERIFY2(again.exitCode == 0, qPrintable(again.output));
    QCOMPARE(runningPids(), before);
}

void TestTestbedServices::publishesItsInterface()
{
    auto fact = [this](const QString &name) {
        return QString::fromUtf8(readFile(m_services + u'/' + name)).trimmed();
    };
    QCOMPARE(fact(u"dns-server"_s), address);
    QCOMPARE(fact(u"acme-directory-url"_s), u"https://acme.testbed:14000/dir"_s);
    QCOMPARE(fact(u"acme-roots-url"_s), u"https://198.18.0.1:15000/roots/0"_s);
    QCOMPARE(fact(u"apt-source"_s), u"deb http://debian.testbed/debian bookworm main"_s);
    QVERIFY(fact(u"apt-key.asc"_s).startsWith(u"-----BEGIN PGP PUBLIC KEY BLOCK-----"_s));
    QVERIFY(!readFile(m_services + u"/apt-key.gpg"_s).isEmpty());
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_services + u"/ca.crt"_s);
    QCOMPARE(ca.size(), 1);
    QVERIFY(ca.first().isSelfSigned());
    QVERIFY(fact(u"dns/services"_s).endsWith(u"198.18.0.1 download.jitsi.org debian.testbed acme.testbed"_s));
}

void TestTestbedServices::listensOnTheTestbedAddressOnly()
{
    const QStringList pids = runningPids().values();
    QStringList ours;
    for (const QString &listener : listeners())
        if (pids.contains(listener.section(u' ', 1)))
            ours << listener.section(u' ', 0, 0);
    ours.sort();
    ours.removeDuplicates();
    // udp and tcp 53 collapse into one entry; nothing on any other address (0.0.0.0, ::, a public one).
    QCOMPARE(ours, (QStringList{address + u":14000"_s, address + u":15000"_s, address + u":443"_s, address + u":53"_s,
                                address + u":80"_s}));
    // The machine drops traffic for the testbed range that arrives on any interface but the bridge.
    const Outcome input = run(u"nft"_s, {u"list"_s, u"chain"_s, u"inet"_s, u"jdtb"_s, u"input"_s});
    QVERIFY2(input.output.contains(u"ip daddr 198.18.0.0/15 iifname != { \"lo\", \"jdtb0\" }"_s),
             qPrintable(input.output));
}

void TestTestbedServices::tlsUnderEveryNameWithTheTestbedCaOnly()
{
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_services + u"/ca.crt"_s);
    for (const QString &name : {u"download.jitsi.org"_s, u"debian.testbed"_s, u"acme.testbed"_s})
        QVERIFY2(handshakeProblem(443, name, ca).isEmpty(),
                 qPrintable(name + u": "_s + handshakeProblem(443, name, ca)));
    QVERIFY2(handshakeProblem(14000, u"acme.testbed"_s, ca).isEmpty(), "Pebble's ACME port");
    QVERIFY2(handshakeProblem(15000, address, ca).isEmpty(), "Pebble's management port, by IP");
    // Not a name the certificate holds; and the machine's own trust store does not know the testbed CA.
    QVERIFY(!handshakeProblem(443, u"deb.debian.org"_s, ca).isEmpty());
    QVERIFY(!handshakeProblem(443, u"download.jitsi.org"_s, QSslConfiguration::systemCaCertificates()).isEmpty());

    // What the prepare script fetches: the armored key, the same the services publish for the hosts' apt.
    const Outcome key = run(u"curl"_s, {u"-fsS"_s, u"--cacert"_s, m_services + u"/ca.crt"_s, u"--resolve"_s,
                                        u"download.jitsi.org:443:"_s + address,
                                        u"https://download.jitsi.org/jitsi-key.gpg.key"_s});
    QCOMPARE(key.exitCode, 0);
    QCOMPARE(key.output.toUtf8(), readFile(m_services + u"/apt-key.asc"_s));
}

void TestTestbedServices::repositoriesAreSignedAndComplete()
{
    const QString www = m_services + u"/repo/www"_s;
    for (const QString &release :
         QStringList{www + u"/stable/InRelease"_s, www + u"/debian/dists/bookworm/InRelease"_s}) {
        const Outcome good = run(u"gpgv"_s, {u"--keyring"_s, m_services + u"/apt-key.gpg"_s, release});
        QVERIFY2(good.exitCode == 0, qPrintable(release + u": "_s + good.output));
        const Outcome other
                = run(u"gpgv"_s, {u"--keyring"_s, u"/usr/share/keyrings/debian-archive-keyring.gpg"_s, release});
        QVERIFY2(other.exitCode != 0, qPrintable(release));
    }
    // A flat repository's Filename is relative to the site's root: every one must be there.
    int packages = 0;
    for (const QString &index :
         QStringList{www + u"/stable/Packages"_s, www + u"/debian/dists/bookworm/main/binary-amd64/Packages"_s}) {
        const QString root = index.contains(u"/stable/"_s) ? www : www + u"/debian"_s;
        for (const QString &line : QString::fromUtf8(readFile(index)).split(u'\n')) {
            if (!line.startsWith(u"Filename: "_s))
                continue;
            ++packages;
            QVERIFY2(QFile::exists(root + u'/' + line.mid(10)), qPrintable(index + u": "_s + line));
        }
    }
    QVERIFY(packages > 20);
    QVERIFY(QString::fromUtf8(readFile(www + u"/stable/Packages"_s)).contains(u"Package: jitsi-videobridge2"_s));
    QVERIFY(QString::fromUtf8(readFile(www + u"/debian/dists/bookworm/main/binary-amd64/Packages"_s))
                    .contains(u"Package: prosody\n"_s));
}

void TestTestbedServices::dnsFollowsTheHostsDirectory()
{
    QCOMPARE(ask(u"download.jitsi.org"_s), (QStringList{u"rcode=NOERROR"_s, address}));
    QCOMPARE(ask(u"acme.testbed"_s), (QStringList{u"rcode=NOERROR"_s, address}));
    // No upstream: a public name does not resolve, and a known name has no AAAA (not an error).
    QCOMPARE(ask(u"deb.debian.org"_s), QStringList{u"rcode=NXDOMAIN"_s});
    QCOMPARE(ask(u"download.jitsi.org"_s, u"AAAA"_s), QStringList{u"rcode=NOERROR"_s});

    // Another party publishes a record: a new file, replaced by rename, changed in place, deleted.
    const QString name = u"probe.tbservices.example"_s;
    const QString file = m_services + u"/dns/tst_testbedservices"_s;
    QVERIFY(writeFileAtomically(file, "198.18.9.9 probe.tbservices.example\n"));
    QVERIFY2(answersWithin(name, {u"rcode=NOERROR"_s, u"198.18.9.9"_s}), qPrintable(ask(name).join(u' ')));
    QVERIFY(writeFileAtomically(file, "198.18.9.10 probe.tbservices.example\n"));
    QVERIFY2(answersWithin(name, {u"rcode=NOERROR"_s, u"198.18.9.10"_s}), qPrintable(ask(name).join(u' ')));
    QFile inPlace(file);
    QVERIFY(inPlace.open(QIODevice::WriteOnly | QIODevice::Truncate));
    inPlace.write("198.18.9.11 probe.tbservices.example\n");
    inPlace.close();
    QVERIFY2(answersWithin(name, {u"rcode=NOERROR"_s, u"198.18.9.11"_s}), qPrintable(ask(name).join(u' ')));
    QVERIFY(QFile::remove(file));
    QVERIFY2(answersWithin(name, {u"rcode=NXDOMAIN"_s}), qPrintable(ask(name).join(u' ')));
}

void TestTestbedServices::acmeAnswers()
{
    const QString ca = m_services + u"/ca.crt"_s;
    const Outcome directory
            = run(u"curl"_s, {u"-fsS"_s, u"--cacert"_s, ca, u"--resolve"_s, u"acme.testbed:14000:"_s + address,
                              QString::fromUtf8(readFile(m_services + u"/acme-directory-url"_s)).trimmed()});
    QVERIFY2(directory.exitCode == 0 && directory.output.contains(u"\"newOrder\""_s), qPrintable(directory.output));
    const Outcome root = run(u"curl"_s, {u"-fsS"_s, u"--cacert"_s, ca,
                                         QString::fromUtf8(readFile(m_services + u"/acme-roots-url"_s)).trimmed()});
    QCOMPARE(root.exitCode, 0);
    QCOMPARE(QSslCertificate::fromData(root.output.toUtf8()).size(), 1);
}

void TestTestbedServices::aDeadServiceIsRestartedAlone()
{
    const QMap<QString, QString> before = runningPids();
    QCOMPARE(before.size(), 3);
    QCOMPARE(run(u"kill"_s, {u"-KILL"_s, before.value(u"dns"_s)}).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!runningPids().contains(u"dns"_s), 5000);
    QCOMPARE(servicesScript({u"status"_s}).exitCode, 3);

    const Outcome up = servicesScript({u"up"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(up.output));
    const QMap<QString, QString> after = runningPids();
    QCOMPARE(after.value(u"web"_s), before.value(u"web"_s));
    QCOMPARE(after.value(u"acme"_s), before.value(u"acme"_s));
    QVERIFY(!after.value(u"dns"_s).isEmpty() && after.value(u"dns"_s) != before.value(u"dns"_s));
    QCOMPARE(ask(u"download.jitsi.org"_s), (QStringList{u"rcode=NOERROR"_s, address}));
}

void TestTestbedServices::downTwiceAndWithoutPidfiles()
{
    // As after a crash that lost the pidfiles (or services another state directory started): up takes the
    // ports over, and down still finds what listens on the testbed address.
    auto losePidfiles = [this] {
        for (const QString &pidfile : QDir(m_services + u"/run"_s).entryList({u"*.pid"_s}, QDir::Files))
            QFile::remove(m_services + u"/run/"_s + pidfile);
    };
    losePidfiles();
    const Outcome up = servicesScript({u"up"_s});
    QVERIFY2(up.exitCode == 0, qPrintable(up.output));
    QCOMPARE(runningPids().size(), 3);
    losePidfiles();
    QCOMPARE(servicesScript({u"down"_s}).exitCode, 0);
    QStringList left;
    for (const QString &listener : listeners())
        if (listener.startsWith(address + u':'))
            left << listener;
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
    QCOMPARE(servicesScript({u"down"_s}).exitCode, 0);
    QCOMPARE(servicesScript({u"status"_s}).exitCode, 3);
}

QTEST_GUILESS_MAIN(TestTestbedServices)
#include "tst_testbedservices.moc"
