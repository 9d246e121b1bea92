// The engine's commands (deploy, verify, add-bridge, remove-bridge, destroy) as a user runs them: a separate
// process against hcloud-sim. Everything here is refused before a single write reaches the API.
#include "clirun.h"
#include "hcloudsim.h"
#include "openapivalidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString secretToken = u"Xk9engineTOKENvalue0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI"_s;

QJsonObject labelsFor(const QString &slug, const QString &domain, const QString &role = {}, int bridge = 0)
{
    QJsonObject labels{{u"managed-by"_s, u"jitsi-deployer"_s},
                       {u"jitsi-deployer/deployment"_s, slug},
                       {u"jitsi-deployer/domain"_s, domain}};
    if (!role.isEmpty())
        labels.insert(u"jitsi-deployer/role"_s, role);
    if (bridge > 0)
        labels.insert(u"jitsi-deployer/bridge"_s, QString::number(bridge));
    return labels;
}

// Like runJitsiDeployer, but without an ssh-agent in the environment, so "no SSH key" is deterministic.
Run runWithoutAgent(const QStringList &arguments, const QString &endpoint, const QString &token = secretToken)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "HCLOUD_TOKEN", "HCLOUD_ENDPOINT", "SSH_AUTH_SOCK"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"HCLOUD_TOKEN"_s, token);
    env.insert(u"HCLOUD_ENDPOINT"_s, endpoint);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(JITSI_DEPLOYER_BIN), arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}
} // namespace

class TestCliEngine : public QObject
{
    Q_OBJECT

private:
    Run run(const QStringList &arguments)
    {
        Run result = runWithoutAgent(arguments, m_sim->endpoint().toString());
        m_allOutput += result.out + result.err;
        return result;
    }

    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        out.write(content);
        return path;
    }

    QString planFile()
    {
        QFile example(QStringLiteral(DEPLOYER_SOURCE_DIR) + u"/docs/examples/plan.json"_s);
        if (!example.open(QIODevice::ReadOnly))
            qFatal("docs/examples/plan.json is missing");
        return file(u"plan.json"_s, example.readAll());
    }

    void seedDeployment(const QString &slug, const QString &domain, int bridges)
    {
        m_sim->seedServer(slug + u"-web"_s, labelsFor(slug, domain, u"web"_s));
        for (int n = 1; n <= bridges; ++n)
            m_sim->seedServer(slug + u"-jvb-"_s + QString::number(n), labelsFor(slug, domain, u"bridge"_s, n));
    }

    QStringList methods() const
    {
        QStringList methods;
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges())
            methods << exchange.method + u' ' + exchange.path;
        return methods;
    }

    void verifyOnlyReads()
    {
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges())
            QVERIFY2(exchange.method == u"GET"_s, qPrintable(methods().join(u", "_s)));
    }

    std::unique_ptr<HcloudSim> m_sim;
    QTemporaryDir m_dir;
    QString m_allOutput;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<HcloudSim>();
        m_sim->addToken(secretToken);
        m_sim->setActionDurationMs(0);
        QVERIFY(m_sim->listen());
    }

    void cleanup()
    {
        QVERIFY2(!m_allOutput.contains(secretToken), "the API token appeared in the CLI's output");
        m_allOutput.clear();
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void helpListsTheCommands()
    {
        const Run help = run({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString &text :
             {u"deploy --plan-file F"_s, u"verify [--deployment D]"_s,
              u"add-bridge [--deployment D] [--count N] [--type T] [--location L]"_s, u"remove-bridge NAME"_s,
              u"destroy [--deployment D] [--yes]"_s, u"update [--deployment D] [--yes] [--force]"_s, u"--force"_s,
              u"--identity FILE"_s, u"5 deployed but not verified"_s})
            QVERIFY2(help.out.contains(text), qPrintable(text));
    }

    void argumentErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");

        const QString plan = planFile();
        const QString key = file(u"id_ed25519"_s, "not parsed before the first SSH connection\n");
        const QString publicKey = file(u"id_ed25519.pub"_s, "ssh-ed25519 AAAA you@laptop\n");
        const QString badPlan = file(u"bad.json"_s, R"({"version": 1, "domain": "meet example"})");
        const QString missing = m_dir.filePath(u"missing.json"_s);

        QTest::newRow("deploy without plan") << QStringList{u"deploy"_s} << u"--plan-file"_s;
        QTest::newRow("deploy unreadable plan")
                << QStringList{u"deploy"_s, u"--plan-file"_s, missing, u"--identity"_s, key}
                << u"Cannot read the plan file"_s;
        QTest::newRow("deploy invalid plan")
                << QStringList{u"deploy"_s, u"--plan-file"_s, badPlan, u"--identity"_s, key} << u"not usable"_s;
        QTest::newRow("deploy --deployment")
                << QStringList{u"deploy"_s, u"--plan-file"_s, plan, u"--deployment"_s, u"x"_s}
                << u"--deployment does not belong to \"deploy\""_s;
        QTest::newRow("deploy --output-dir")
                << QStringList{u"deploy"_s, u"--plan-file"_s, plan, u"--output-dir"_s, u"x"_s}
                << u"--output-dir does not belong"_s;
        QTest::newRow("deploy extra word") << QStringList{u"deploy"_s, u"now"_s} << u"Unknown command"_s;
        QTest::newRow("deploy missing identity")
                << QStringList{u"deploy"_s, u"--plan-file"_s, plan, u"--identity"_s, missing} << u"--identity"_s;
        QTest::newRow("deploy public identity")
                << QStringList{u"deploy"_s, u"--plan-file"_s, plan, u"--identity"_s, publicKey} << u"public key"_s;
        QTest::newRow("deploy without any key") << QStringList{u"deploy"_s, u"--plan-file"_s, plan} << u"ssh-agent"_s;
        QTest::newRow("deploy dns-server name")
                << QStringList{u"deploy"_s,       u"--plan-file"_s,   plan, u"--identity"_s, key,
                               u"--dns-server"_s, u"ns.example.org"_s}
                << u"--dns-server needs the IP address"_s;
        QTest::newRow("deploy dns-server cidr")
                << QStringList{u"deploy"_s,       u"--plan-file"_s,  plan, u"--identity"_s, key,
                               u"--dns-server"_s, u"192.0.2.53/32"_s}
                << u"--dns-server needs the IP address"_s;
        QTest::newRow("verify --dns-server")
                << QStringList{u"verify"_s, u"--dns-server"_s, u"192.0.2.53"_s} << u"--dns-server does not belong"_s;
        QTest::newRow("verify --count") << QStringList{u"verify"_s, u"--count"_s, u"2"_s}
                                        << u"--count does not belong"_s;
        QTest::newRow("verify --yes") << QStringList{u"verify"_s, u"--yes"_s} << u"--yes does not belong"_s;
        QTest::newRow("verify empty deployment")
                << QStringList{u"verify"_s, u"--deployment"_s, u" "_s, u"--identity"_s, key} << u"--deployment needs"_s;
        QTest::newRow("verify without any key") << QStringList{u"verify"_s} << u"ssh-agent"_s;
        QTest::newRow("add-bridge count 0") << QStringList{u"add-bridge"_s, u"--count"_s, u"0"_s, u"--identity"_s, key}
                                            << u"--count needs a whole number from 1 to 20"_s;
        QTest::newRow("add-bridge count text")
                << QStringList{u"add-bridge"_s, u"--count"_s, u"two"_s, u"--identity"_s, key} << u"--count needs"_s;
        QTest::newRow("add-bridge count 21")
                << QStringList{u"add-bridge"_s, u"--count"_s, u"21"_s, u"--identity"_s, key} << u"--count needs"_s;
        QTest::newRow("add-bridge empty type")
                << QStringList{u"add-bridge"_s, u"--type"_s, u" "_s, u"--identity"_s, key} << u"--type needs"_s;
        QTest::newRow("add-bridge empty location")
                << QStringList{u"add-bridge"_s, u"--location"_s, u""_s, u"--identity"_s, key} << u"--location needs"_s;
        QTest::newRow("add-bridge --plan-file")
                << QStringList{u"add-bridge"_s, u"--plan-file"_s, plan} << u"--plan-file does not belong"_s;
        QTest::newRow("add-bridge --architecture")
                << QStringList{u"add-bridge"_s, u"--architecture"_s, u"x86"_s} << u"--architecture does not belong"_s;
        QTest::newRow("remove-bridge without name")
                << QStringList{u"remove-bridge"_s} << u"needs the bridge's server name"_s;
        QTest::newRow("remove-bridge bad name") << QStringList{u"remove-bridge"_s, u"Bad Name!"_s, u"--identity"_s, key}
                                                << u"is not a bridge's server name"_s;
        QTest::newRow("remove-bridge two names")
                << QStringList{u"remove-bridge"_s, u"a"_s, u"b"_s} << u"Unknown command"_s;
        QTest::newRow("remove-bridge --count")
                << QStringList{u"remove-bridge"_s, u"a"_s, u"--count"_s, u"1"_s} << u"--count does not belong"_s;
        QTest::newRow("destroy --identity")
                << QStringList{u"destroy"_s, u"--yes"_s, u"--identity"_s, key} << u"--identity does not belong"_s;
        QTest::newRow("destroy --type") << QStringList{u"destroy"_s, u"--type"_s, u"cx33"_s}
                                        << u"--type does not belong"_s;
        QTest::newRow("status --yes") << QStringList{u"status"_s, u"--yes"_s} << u"does not belong to \"status\""_s;
        QTest::newRow("hcloud --count") << QStringList{u"hcloud"_s, u"locations"_s, u"--count"_s, u"1"_s}
                                        << u"does not belong to \"hcloud locations\""_s;
        QTest::newRow("destroy without terminal") << QStringList{u"destroy"_s} << u"Pass --yes"_s;
        QTest::newRow("update without terminal") << QStringList{u"update"_s} << u"Pass --yes"_s;
        QTest::newRow("destroy --force") << QStringList{u"destroy"_s, u"--yes"_s, u"--force"_s}
                                         << u"--force does not belong"_s;
        QTest::newRow("destroy without terminal, json")
                << QStringList{u"destroy"_s, u"--json"_s} << u"Nothing was deleted"_s;
    }

    void argumentErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        seedDeployment(u"meet-example-org"_s, u"meet.example.org"_s, 1);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QCOMPARE(methods(), QStringList()); // refused before anything was sent
    }

    void destroyWithoutTerminalChangesNothing()
    {
        seedDeployment(u"meet-example-org"_s, u"meet.example.org"_s, 2);
        const Run result = run({u"destroy"_s, u"--deployment"_s, u"meet.example.org"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"no terminal"_s), qPrintable(result.err));
        QCOMPARE(methods(), QStringList());
        const Run status = runJitsiDeployer({u"status"_s, u"--json"_s}, secretToken, m_sim->endpoint().toString());
        const QJsonObject deployment
                = QJsonDocument::fromJson(status.out.toUtf8())[u"deployments"_s].toArray().at(0).toObject();
        QCOMPARE(deployment[u"bridges"_s].toArray().size(), 2);
        QVERIFY(deployment[u"web"_s].isObject());
    }

    // In a terminal, destroy lists the DNS records the app created for this deployment before asking; a user's own
    // record and another deployment's are not among them. A wrong answer deletes nothing.
    void destroyConfirmationListsItsDnsRecords()
    {
        const QString script = QStandardPaths::findExecutable(u"script"_s);
        if (script.isEmpty())
            QSKIP("util-linux's script (a terminal for the prompt) is not installed");
        seedDeployment(u"meet-example-org"_s, u"meet.example.org"_s, 1);
        seedDeployment(u"talk-example-org"_s, u"talk.example.org"_s, 1);
        const qint64 zone = m_sim->seedZone(u"example.org"_s);
        m_sim->seedRrset(zone, u"meet"_s, u"A"_s, {u"198.18.0.7"_s},
                         labelsFor(u"meet-example-org"_s, u"meet.example.org"_s));
        m_sim->seedRrset(zone, u"talk"_s, u"A"_s, {u"198.18.0.9"_s},
                         labelsFor(u"talk-example-org"_s, u"talk.example.org"_s));
        m_sim->seedRrset(zone, u"www"_s, u"A"_s, {u"203.0.113.80"_s});
        m_sim->seedRrset(zone, u"meet"_s, u"AAAA"_s, {u"2001:db8::80"_s}); // the user's, same name

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "SSH_AUTH_SOCK"})
            env.remove(QString::fromLatin1(name));
        env.insert(u"HCLOUD_TOKEN"_s, secretToken);
        env.insert(u"HCLOUD_ENDPOINT"_s, m_sim->endpoint().toString());
        process.setProcessEnvironment(env);
        // script gives the command a terminal and passes our stdin to it: the answer is a wrong domain.
        process.start(script,
                      {u"-qec"_s, QStringLiteral(JITSI_DEPLOYER_BIN) + u" destroy --deployment meet.example.org"_s,
                       u"/dev/null"_s});
        QVERIFY(process.waitForStarted());
        QSignalSpy finished(&process, &QProcess::finished);
        QTest::qWait(1500); // the prompt is up once the records are listed
        process.write("talk.example.org\n");
        if (!finished.wait(30000))
            process.kill();
        const QString out = QString::fromUtf8(process.readAll());
        m_allOutput += out;
        QVERIFY2(out.contains(u"meet.example.org A 198.18.0.7"_s), qPrintable(out));
        QVERIFY2(!out.contains(u"203.0.113.80"_s) && !out.contains(u"198.18.0.9"_s) && !out.contains(u"2001:db8::80"_s),
                 qPrintable(out));
        QVERIFY2(out.contains(u"Not confirmed; nothing was deleted."_s), qPrintable(out));
        verifyOnlyReads();
        QCOMPARE(m_sim->state(u"rrsets"_s).size(), qsizetype(2 + 4)); // the zone's SOA and NS, and the four above
    }

    void deploymentMustBeNamedWhenThereAreSeveral()
    {
        const QString key = file(u"id_ed25519"_s, "key\n");
        seedDeployment(u"meet-example-org"_s, u"meet.example.org"_s, 1);
        seedDeployment(u"talk-example-com"_s, u"talk.example.com"_s, 1);
        const Run human = run({u"verify"_s, u"--identity"_s, key});
        QCOMPARE(human.exitCode, 2);
        QVERIFY2(human.err.contains(u"2 deployments: meet-example-org, talk-example-com"_s), qPrintable(human.err));
        QVERIFY2(human.err.contains(u"--deployment"_s), qPrintable(human.err));

        const Run json = run({u"add-bridge"_s, u"--identity"_s, key, u"--json"_s});
        QCOMPARE(json.exitCode, 2);
        QCOMPARE(json.out.trimmed().count(u'\n'), 0);
        const QJsonObject finished = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(finished[u"event"_s].toString(), u"finished"_s);
        QCOMPARE(finished[u"operation"_s].toString(), u"add-bridge"_s);
        QCOMPARE(finished[u"ok"_s].toBool(), false);
        QCOMPARE(finished[u"exit_code"_s].toInt(), 2);
        QCOMPARE(finished[u"error"_s][u"code"_s].toString(), u"deployment_ambiguous"_s);
        QCOMPARE(finished[u"error"_s][u"deployments"_s].toArray(),
                 (QJsonArray{u"meet-example-org"_s, u"talk-example-com"_s}));
        verifyOnlyReads();
    }

    void unknownDeploymentOrBridge()
    {
        const QString key = file(u"id_ed25519"_s, "key\n");
        const Run empty = run({u"verify"_s, u"--identity"_s, key});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains(u"no deployments"_s), qPrintable(empty.err));

        seedDeployment(u"meet-example-org"_s, u"meet.example.org"_s, 2);
        const Run unknown = run({u"destroy"_s, u"--deployment"_s, u"meet.example.com"_s, u"--yes"_s});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"no deployment \"meet.example.com\""_s), qPrintable(unknown.err));
        QVERIFY2(unknown.err.contains(u"meet-example-org"_s), qPrintable(unknown.err));

        const Run bridge = run({u"remove-bridge"_s, u"meet-example-org-jvb-7"_s, u"--identity"_s, key});
        QCOMPARE(bridge.exitCode, 2);
        QVERIFY2(bridge.err.contains(u"no bridge \"meet-example-org-jvb-7\""_s), qPrintable(bridge.err));
        QVERIFY2(bridge.err.contains(u"meet-example-org-jvb-1, meet-example-org-jvb-2"_s), qPrintable(bridge.err));
        verifyOnlyReads();
    }

    void malformedTokenEndsTheJsonStream()
    {
        const QString key = file(u"id_ed25519"_s, "key\n");
        const Run result = runWithoutAgent({u"verify"_s, u"--identity"_s, key, u"--json"_s},
                                           m_sim->endpoint().toString(), u"a token with spaces"_s);
        QVERIFY(result.exitCode > 0);
        const QJsonObject finished = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(finished[u"event"_s].toString(), u"finished"_s);
        QCOMPARE(finished[u"exit_code"_s].toInt(), result.exitCode);
        QVERIFY(!finished[u"error"_s][u"message"_s].toString().isEmpty());
        QCOMPARE(methods(), QStringList());
    }

    void wrongTokenIsRejected()
    {
        const QString key = file(u"id_ed25519"_s, "key\n");
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HCLOUD_TOKEN"_s, u"wrongTokenButWellFormed0123456789"_s);
        env.insert(u"HCLOUD_ENDPOINT"_s, m_sim->endpoint().toString());
        env.remove(u"DISPLAY"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(JITSI_DEPLOYER_BIN), {u"verify"_s, u"--identity"_s, key});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(process.exitCode(), 3);
        verifyOnlyReads();
    }
};

QTEST_GUILESS_MAIN(TestCliEngine)
#include "tst_cli_engine.moc"
