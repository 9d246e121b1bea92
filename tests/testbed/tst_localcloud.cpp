// scripts/local-cloud.sh, the "try it without a Hetzner account" command (README): it starts hcloud-sim with the
// testbed in the background, a server created through its API becomes a host that answers SSH at the address the
// API reports, the plan it writes is one the real CLI accepts, and `stop` leaves nothing behind. Needs root.

#include "testbedtools.h"
#include "testkeys.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const QString kScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/scripts/local-cloud.sh");

using Testbed::Outcome;

Outcome localCloud(const QStringList &arguments)
{
    return Testbed::run(u"/bin/bash"_s, QStringList{kScript} + arguments, 600000);
}

quint16 freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost) ? server.serverPort() : 0;
}

QString sshBanner(const QString &address)
{
    QTcpSocket socket;
    socket.connectToHost(address, 22);
    if (!socket.waitForConnected(5000) || !socket.waitForReadyRead(5000))
        return {};
    return QString::fromLatin1(socket.readLine()).trimmed();
}
} // namespace

class TestLocalCloud : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void withoutKeyPrintsHowToMakeOne();
    void startPrintsHowToUseIt();
    void writtenPlanIsAccepted();
    void serverBecomesAHost();
    void stopLeavesNothing();

private:
    Outcome api(const QString &method, const QString &path, const QJsonObject &body = {}) const;

    QTemporaryDir m_dir;
    TestKeys m_keys;
    TestKeys::Key m_key;
    QString m_state;
    QString m_endpoint;
    QString m_started;
    QString m_serverName = u"localcloud-probe"_s;
};

void TestLocalCloud::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The local cloud needs root (network namespaces, overlay mounts); run this test as root.");
    m_state = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!m_state.isEmpty(), "JD_TESTBED_STATE is not set (tests/testbed/CMakeLists.txt sets it)");
    m_key = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_key.isValid(), qPrintable(m_keys.errorString()));
    localCloud({u"stop"_s}); // a run killed before its teardown
}

void TestLocalCloud::cleanupTestCase()
{
    if (!m_started.isEmpty())
        localCloud({u"stop"_s});
}

Outcome TestLocalCloud::api(const QString &method, const QString &path, const QJsonObject &body) const
{
    QStringList arguments{u"-s"_s, u"-X"_s, method, u"-H"_s, u"Authorization: Bearer sim-token"_s};
    if (!body.isEmpty())
        arguments << u"-H"_s << u"Content-Type: application/json"_s << u"--data"_s
                  << QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact));
    return Testbed::run(u"curl"_s, arguments << m_endpoint + path, 60000);
}

void TestLocalCloud::withoutKeyPrintsHowToMakeOne()
{
    // A fresh root account: no ~/.ssh at all. No command with a missing --identity, and nothing started.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray realHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    const Outcome start = localCloud({u"start"_s, u"--build-dir"_s, QStringLiteral(DEPLOYER_BINARY_DIR)});
    qputenv("HOME", realHome);
    QVERIFY2(start.exitCode != 0, qPrintable(start.output));
    QVERIFY2(start.output.contains(u"ssh-keygen -t ed25519"_s), qPrintable(start.output));
    QVERIFY2(!start.output.contains(u"--identity"_s), qPrintable(start.output));
    QVERIFY2(!start.output.contains(u"deploy --plan-file"_s), qPrintable(start.output));
    const Outcome status = localCloud({u"status"_s});
    QVERIFY2(status.exitCode == 3, qPrintable(status.output));
}

void TestLocalCloud::startPrintsHowToUseIt()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const Outcome start = localCloud({u"start"_s, u"--port"_s, QString::number(port), u"--ssh-key"_s, m_key.publicFile,
                                      u"--build-dir"_s, QStringLiteral(DEPLOYER_BINARY_DIR)});
    QVERIFY2(start.exitCode == 0, qPrintable(start.output));
    m_started = start.output;
    m_endpoint = u"http://127.0.0.1:%1/v1"_s.arg(port);
    QVERIFY2(start.output.contains(u"export HCLOUD_ENDPOINT=%1 HCLOUD_TOKEN=sim-token"_s.arg(m_endpoint)),
             qPrintable(start.output));
    QVERIFY2(start.output.contains(u"deploy --plan-file "_s), qPrintable(start.output));
    QVERIFY2(start.output.contains(u"--dns-server 198.18.0.1"_s), qPrintable(start.output));
    // This test has no D-Bus session, like a root shell over SSH: the commands it prints use the file store.
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QVERIFY2(start.output.contains(
                     u"export HCLOUD_ENDPOINT=%1 HCLOUD_TOKEN=sim-token JITSI_DEPLOYER_SECRET_STORE=file\n"_s.arg(
                             m_endpoint)),
             qPrintable(start.output));

    const Outcome status = localCloud({u"status"_s});
    QVERIFY2(status.exitCode == 0 && status.output.contains(u"running"_s), qPrintable(status.output));
    // A second start does not start a second simulator.
    const Outcome again = localCloud(
            {u"start"_s, u"--port"_s, QString::number(port), u"--build-dir"_s, QStringLiteral(DEPLOYER_BINARY_DIR)});
    QVERIFY2(again.exitCode != 0 && again.output.contains(u"already running"_s), qPrintable(again.output));
}

void TestLocalCloud::writtenPlanIsAccepted()
{
    // The plan start wrote, checked by the real CLI's dry run against the local cloud's own catalogue.
    const QString plan = m_state + u"/local-cloud/plan.json"_s;
    QVERIFY(QFile::exists(plan));
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HCLOUD_ENDPOINT"_s, m_endpoint);
    env.insert(u"HCLOUD_TOKEN"_s, u"sim-token"_s);
    cli.setProcessEnvironment(env);
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(DEPLOYER_BINARY_DIR "/app/jitsi-deployer"),
              {u"plan"_s, u"--plan-file"_s, plan, u"--output-dir"_s, m_dir.filePath(u"dry-run"_s)});
    QVERIFY(cli.waitForFinished(60000));
    const QString output = QString::fromUtf8(cli.readAll());
    QVERIFY2(cli.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(u"meet-example-org-web"_s), qPrintable(output));
    // Its ACME server is the local Pebble, not Let's Encrypt.
    const QString env2
            = QString::fromUtf8(Testbed::readFile(m_dir.filePath(u"dry-run/meet-example-org-web/install.env"_s)));
    QVERIFY2(env2.contains(u"JD_ACME_DIRECTORY_URL='https://acme.testbed:14000/dir'"_s), qPrintable(env2));
}

void TestLocalCloud::serverBecomesAHost()
{
    const Outcome created = api(u"POST"_s, u"/servers"_s,
                                {{u"name"_s, m_serverName},
                                 {u"server_type"_s, u"cx23"_s},
                                 {u"location"_s, u"fsn1"_s},
                                 {u"image"_s, u"debian-12"_s},
                                 {u"user_data"_s, u"#cloud-config\n{}\n"_s}});
    const QJsonObject server = QJsonDocument::fromJson(created.output.toUtf8()).object().value(u"server"_s).toObject();
    const QString address
            = server.value(u"public_net"_s).toObject().value(u"ipv4"_s).toObject().value(u"ip"_s).toString();
    QVERIFY2(address.startsWith(u"198.1"_s), qPrintable(created.output));

    // The server's actions finish at the next requests; then the host boots and its sshd answers.
    QTRY_VERIFY_WITH_TIMEOUT((api(u"GET"_s, u"/servers"_s), sshBanner(address).startsWith(u"SSH-2.0-OpenSSH"_s)),
                             180000);
    const Outcome listed = Testbed::hostScript({u"list"_s});
    QVERIFY2(listed.output.split(u'\n').contains(m_serverName), qPrintable(listed.output));

    const QString artefacts = m_state + u"/local-cloud/artefacts/"_s + m_serverName;
    QDir(artefacts).removeRecursively(); // an earlier run's
    const Outcome deleted = api(u"DELETE"_s, u"/servers/%1"_s.arg(server.value(u"id"_s).toInteger()));
    QVERIFY2(deleted.output.contains(u"delete_server"_s), qPrintable(deleted.output));
    // Gone when the delete action is done, its logs kept.
    QTRY_VERIFY_WITH_TIMEOUT(
            (api(u"GET"_s, u"/servers"_s), !Testbed::hostScript({u"list"_s}).output.contains(m_serverName)), 120000);
    QVERIFY(QFile::exists(artefacts + u"/var/log/cloud-init.log"_s));
    QVERIFY(sshBanner(address).isEmpty());
}

void TestLocalCloud::stopLeavesNothing()
{
    const Outcome stop = localCloud({u"stop"_s});
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.output));
    m_started.clear();
    const Outcome status = localCloud({u"status"_s});
    QVERIFY2(status.exitCode == 3 && status.output.contains(u"not running"_s), qPrintable(status.output));
    const Outcome listed = Testbed::hostScript({u"list"_s});
    QVERIFY2(listed.output.trimmed().isEmpty(), qPrintable(listed.output));
    QTcpSocket dns;
    dns.connectToHost(u"198.18.0.1"_s, 14000);
    QVERIFY2(!dns.waitForConnected(2000), "Pebble still answers after stop");
}

QTEST_GUILESS_MAIN(TestLocalCloud)
#include "tst_localcloud.moc"
