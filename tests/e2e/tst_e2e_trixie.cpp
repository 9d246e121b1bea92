// Debian 13 end to end (issue 15, "Current operating systems"): the real `jitsi-deployer` CLI deploys 1 web host and
// 1 bridge with the image debian-13 against hcloud-sim, whose servers boot on the testbed's trixie root
// (tests/testbed/root.sh with JD_TESTBED_SUITE=trixie): Debian 13's real cloud-init, sshd, apt 3.0 and prosody 13
// from trixie, the Jitsi shims for jicofo and the bridge. Checked on the hosts themselves (the release, prosody's
// version and its log, jicofo's count), by `verify` (prosody 13's admin shell) and by destroy leaving nothing.
// Needs root; skips otherwise. The CLI runs and the shared helpers are tst_e2e's (e2ecli.h, testbedtools.h).

#include "e2ecli.h"
#include "hcloudsim.h"
#include "testbedtools.h"
#include "testkeys.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kDomain = u"meet.trixie.jitsi-deployer.test"_s;
const QString kZone = u"jitsi-deployer.test"_s;
const QString kSlug = u"meet-trixie-jitsi-deployer-test"_s;
const QString kWeb = kSlug + u"-web"_s;
const QString kBridge = kSlug + u"-jvb-1"_s;

// Cold, the testbed builds its trixie root and package cache first (a minute or two); warm, seconds.
constexpr int kServicesTimeoutMs = 30 * 60 * 1000;

using Testbed::Outcome;

Outcome run(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    return Testbed::finish(*Testbed::start(program, arguments), timeoutMs);
}

} // namespace

class TestEndToEndTrixie : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void deployOnDebian13();
    void hostsRunDebian13WithProsody13();
    void verifyReadsProsody13();
    void destroyLeavesNothing();

private:
    Outcome host(const QStringList &arguments) const
    {
        return run(u"/bin/bash"_s, QStringList{m_hostScript} + arguments);
    }
    Outcome onHost(const QString &name, const QString &command) const
    {
        return host({u"exec"_s, name, u"/bin/sh"_s, u"-c"_s, command});
    }
    QByteArray hostFile(const QString &name, const QString &path) const
    {
        return Testbed::readFile(host({u"root"_s, name}).output.trimmed() + path);
    }
    QStringList runningHosts() const;
    QStringList serverNames() const;

    QString m_hostScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/host.sh");
    QString m_servicesScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/services.sh");
    QString m_artefacts = QStringLiteral(DEPLOYER_BINARY_DIR "/testbed-artefacts/tst_e2e_trixie");
    QString m_services;
    QTemporaryDir m_dir;
    TestKeys m_keys;
    TestKeys::Key m_key;
    QString m_planFile;
    std::unique_ptr<HcloudSim> m_sim;
    E2eCli m_cli{QStringLiteral(JITSI_DEPLOYER_BIN), m_artefacts};
    bool m_servicesUp = false;
    bool m_stepFailed = false;
};

void TestEndToEndTrixie::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed needs root (network namespaces, overlay mounts, chroot); run this test as root.");
    const QString state = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!state.isEmpty(), "JD_TESTBED_STATE is not set (tests/e2e/CMakeLists.txt sets it)");
    m_services = state + u"/services"_s;
    QDir(m_artefacts).removeRecursively();
    QVERIFY(QDir().mkpath(m_artefacts));
    QVERIFY(m_dir.isValid());
    for (const QString &name : runningHosts())
        host({u"down"_s, name});

    // The services serve trixie's Debian subset only once its root is built; this builds it if needed. Only this
    // run gets the variable: the simulator picks each host's suite from its server's image.
    const Outcome services
            = run(u"/usr/bin/env"_s, {u"JD_TESTBED_SUITE=trixie"_s, u"/bin/bash"_s, m_servicesScript, u"up"_s},
                  kServicesTimeoutMs);
    QVERIFY2(services.exitCode == 0, qPrintable(services.output));
    m_servicesUp = true;
    QCOMPARE(QString::fromUtf8(Testbed::readFile(m_services + u"/apt-source-trixie"_s)).trimmed(),
             u"deb http://debian.testbed/debian trixie main"_s);

    m_sim = std::make_unique<HcloudSim>();
    m_sim->setActionDurationMs(2000);
    m_sim->seedZone(kZone);
    m_sim->enableTestbed({m_hostScript, m_services, m_artefacts, state + u"/tst_e2e_trixie-sim"_s});
    QVERIFY(m_sim->listen());
    m_cli.setCloud(HcloudSim::defaultToken(), m_sim->endpoint());

    m_key = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_key.isValid(), qPrintable(m_keys.errorString()));
    const QString acme = QString::fromUtf8(Testbed::readFile(m_services + u"/acme-directory-url"_s)).trimmed();
    QVERIFY2(acme.startsWith(u"https://"_s), "the services wrote no ACME directory URL");
    const QJsonObject server{{u"server_type"_s, u"cx23"_s}, {u"location"_s, u"fsn1"_s}};
    const QJsonObject plan{{u"version"_s, 1},
                           {u"domain"_s, kDomain},
                           {u"email"_s, QString(u"admin@"_s + kZone)},
                           {u"image"_s, u"debian-13"_s},
                           {u"web"_s, server},
                           {u"bridges"_s, QJsonArray{server}},
                           {u"ssh_public_key"_s, m_key.publicLine},
                           {u"options"_s, QJsonObject{{u"acme_directory_url"_s, acme}}}};
    m_planFile = m_dir.filePath(u"plan.json"_s);
    QFile file(m_planFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(plan).toJson());
}

void TestEndToEndTrixie::cleanupTestCase()
{
    m_sim.reset(); // takes every host down, logs collected first
    if (m_servicesUp)
        run(u"/bin/bash"_s, {m_servicesScript, u"down"_s});
    QVERIFY2(runningHosts().isEmpty(), qPrintable(runningHosts().join(u", "_s)));
}

void TestEndToEndTrixie::init()
{
    if (m_stepFailed)
        QSKIP("an earlier step failed; see its message and the artefacts");
}

void TestEndToEndTrixie::cleanup()
{
    m_stepFailed = m_stepFailed || QTest::currentTestFailed();
}

QStringList TestEndToEndTrixie::runningHosts() const
{
    QStringList names;
    for (const QString &line : host({u"list"_s}).output.split(u'\n', Qt::SkipEmptyParts))
        if (line.startsWith(kSlug))
            names.append(line.trimmed());
    return names;
}

QStringList TestEndToEndTrixie::serverNames() const
{
    QStringList names;
    const QJsonArray servers = m_sim->state(u"servers"_s);
    for (const QJsonValue &server : servers)
        names.append(server.toObject().value(u"name"_s).toString());
    names.sort();
    return names;
}

void TestEndToEndTrixie::deployOnDebian13()
{
    const CliRun deploy = m_cli.run(u"deploy"_s, {u"deploy"_s, u"--plan-file"_s, m_planFile, u"--identity"_s,
                                                  m_key.privateFile, u"--dns-server"_s, u"198.18.0.1"_s});
    QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.describe()));
    QCOMPARE(serverNames(), (QStringList{kBridge, kWeb}));
    for (const QJsonValue &server : m_sim->state(u"servers"_s))
        QCOMPARE(server[u"image"_s][u"name"_s].toString(), u"debian-13"_s);
    const QJsonObject report = deploy.finished().value(u"outcome"_s).toObject().value(u"verification"_s).toObject();
    QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(deploy.describe()));
}

void TestEndToEndTrixie::hostsRunDebian13WithProsody13()
{
    for (const QString &name : {kWeb, kBridge}) {
        const QString release = QString::fromUtf8(hostFile(name, u"/etc/os-release"_s));
        QVERIFY2(release.contains(u"VERSION_ID=\"13\""_s) && release.contains(u"trixie"_s), qPrintable(release));
        // The install script asked apt 3.0 whether the Jitsi packages install on this release before installing.
        const QString provision = QString::fromUtf8(hostFile(name, u"/var/log/jitsi-deployer/provision.log"_s));
        QVERIFY2(provision.contains(u"system: debian 13"_s), qPrintable(provision.left(3000)));
        QVERIFY2(provision.contains(u"installable on debian 13: jicofo jitsi-videobridge2"_s),
                 qPrintable(provision.left(3000)));
    }
    const Outcome prosody = onHost(kWeb, u"dpkg-query -W -f='${Version}' prosody"_s);
    QVERIFY2(prosody.output.startsWith(u"13.0."_s), qPrintable(prosody.output));

    // Real prosody 13's own log: the bridge's login, with the role 13 appends ("[prosody:member]" for the account
    // jitsi-meet-prosody's postinst adds with prosodyctl adduser; our register only resets its password).
    const QString log = QString::fromUtf8(hostFile(kWeb, u"/var/log/prosody/prosody.log"_s));
    QVERIFY2(log.contains(u"\tinfo\tAuthenticated as jvb@auth."_s + kDomain + u" [prosody:"_s),
             qPrintable(log.right(3000)));
    const QJsonObject stats
            = QJsonDocument::fromJson(onHost(kWeb, u"curl -s http://127.0.0.1:8888/stats"_s).output.toUtf8()).object();
    QCOMPARE(stats[u"bridge_selector"_s][u"operational_bridge_count"_s].toInt(-1), 1);
}

void TestEndToEndTrixie::verifyReadsProsody13()
{
    // verify reads the live sessions from prosody 13's admin shell (c2s:show) and the login from its log.
    const CliRun verify = m_cli.run(u"verify"_s, {u"verify"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    const QList<QJsonObject> reports = verify.ofKind(u"verification"_s);
    QVERIFY(!reports.isEmpty());
    const QJsonObject report = reports.last().value(u"report"_s).toObject();
    QCOMPARE(report.value(u"live_sessions"_s).toInt(), 1);
    QCOMPARE(report.value(u"operational_bridges"_s).toInt(), 1);
    const QJsonObject bridge = bridgeReport(report, kBridge);
    QVERIFY2(bridge.value(u"ok"_s).toBool(), QJsonDocument(bridge).toJson().constData());
    QVERIFY2(problemCodes(bridge).isEmpty(), qPrintable(problemCodes(bridge).join(u", "_s)));
    const QString evidence = QString::fromUtf8(QJsonDocument(report).toJson());
    QVERIFY2(evidence.contains(u"Authenticated as jvb@auth."_s + kDomain), qPrintable(evidence));
}

void TestEndToEndTrixie::destroyLeavesNothing()
{
    const CliRun destroy = m_cli.run(u"destroy"_s, {u"destroy"_s, u"--yes"_s});
    QVERIFY2(destroy.exitCode == 0, qPrintable(destroy.describe()));
    QVERIFY2(serverNames().isEmpty(), qPrintable(serverNames().join(u", "_s)));
    for (const QString &collection : {u"networks"_s, u"firewalls"_s, u"primary_ips"_s, u"ssh_keys"_s})
        QVERIFY2(m_sim->state(collection).isEmpty(), qPrintable(collection));
    QTRY_VERIFY_WITH_TIMEOUT(runningHosts().isEmpty(), 60000);
    for (const QString &name : {kWeb, kBridge})
        QVERIFY2(QFile::exists(m_artefacts + u'/' + name + u"/var/log/jitsi-deployer/provision.log"_s),
                 qPrintable(name));
}

QTEST_GUILESS_MAIN(TestEndToEndTrixie)
#include "tst_e2e_trixie.moc"
