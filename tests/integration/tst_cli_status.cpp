// `jitsi-deployer status` as a user runs it: a separate process, no display, talking to hcloud-sim.
#include "clirun.h"
#include "hcloudsim.h"
#include "openapivalidator.h"
#include "simtestclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
// Distinctive, so a leak into any output is unmistakable.
const QString secretToken = u"Xk9statusTOKENvalue0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHI"_s;

QJsonObject labelsFor(const QString &slug, const QString &domain, const QString &role = {}, int bridge = 0)
{
    QJsonObject labels{{u"managed-by"_s, u"jitsi-deployer"_s}, {u"jitsi-deployer/deployment"_s, slug}};
    if (!domain.isEmpty())
        labels.insert(u"jitsi-deployer/domain"_s, domain);
    if (!role.isEmpty())
        labels.insert(u"jitsi-deployer/role"_s, role);
    if (bridge > 0)
        labels.insert(u"jitsi-deployer/bridge"_s, QString::number(bridge));
    return labels;
}
} // namespace

class TestCliStatus : public QObject
{
    Q_OBJECT

private:
    Run run(const QStringList &arguments, const QString &token = secretToken)
    {
        Run result = runJitsiDeployer(arguments, token, m_sim->endpoint().toString());
        m_allOutput += result.out + result.err;
        return result;
    }

    qint64 post(const QByteArray &path, const QJsonObject &body, const QString &key)
    {
        SimTestClient http(m_sim->endpoint(), secretToken);
        const SimReply reply = http.post(path, body);
        if (reply.status != 201)
            qWarning() << path << reply.status << reply.body;
        return reply.json.value(key).toObject().value(u"id"_s).toInteger();
    }

    // meet.example.org as the engine leaves it: network, web host, two bridges, two firewalls, through the API.
    void createMeetDeployment()
    {
        const QString slug = u"meet-example-org"_s;
        const QString domain = u"meet.example.org"_s;
        const qint64 net
                = post("/networks",
                       QJsonObject{{u"name"_s, QString(slug + u"-net"_s)},
                                   {u"ip_range"_s, u"10.0.0.0/16"_s},
                                   {u"subnets"_s, QJsonArray{QJsonObject{{u"type"_s, u"cloud"_s},
                                                                         {u"ip_range"_s, u"10.0.1.0/24"_s},
                                                                         {u"network_zone"_s, u"eu-central"_s}}}},
                                   {u"labels"_s, labelsFor(slug, domain)}},
                       u"network"_s);
        QVERIFY(net > 0);
        auto server = [&](const QString &name, const QJsonObject &labels) {
            QVERIFY(post("/servers",
                         QJsonObject{{u"name"_s, name},
                                     {u"server_type"_s, u"cx23"_s},
                                     {u"image"_s, u"debian-12"_s},
                                     {u"location"_s, u"fsn1"_s},
                                     {u"networks"_s, QJsonArray{net}},
                                     {u"labels"_s, labels}},
                         u"server"_s)
                    > 0);
        };
        server(slug + u"-web"_s, labelsFor(slug, domain, u"web"_s));
        server(slug + u"-jvb-1"_s, labelsFor(slug, domain, u"bridge"_s, 1));
        server(slug + u"-jvb-2"_s, labelsFor(slug, domain, u"bridge"_s, 2));
        for (const QString &role : {u"web"_s, u"bridge"_s}) {
            const QString selector
                    = u"jitsi-deployer/deployment=%1,jitsi-deployer/role=%2,managed-by=jitsi-deployer"_s.arg(slug,
                                                                                                             role);
            QVERIFY(post("/firewalls",
                         QJsonObject{
                                 {u"name"_s, QString(slug + (role == u"web"_s ? u"-web"_s : u"-bridges"_s))},
                                 {u"labels"_s, labelsFor(slug, domain, role)},
                                 {u"apply_to"_s, QJsonArray{QJsonObject{{u"type"_s, u"label_selector"_s},
                                                                        {u"label_selector"_s,
                                                                         QJsonObject{{u"selector"_s, selector}}}}}}},
                         u"firewall"_s)
                    > 0);
        }
    }

    std::unique_ptr<HcloudSim> m_sim;
    QString m_allOutput;

private Q_SLOTS:
    void init()
    {
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

    void helpMentionsStatus()
    {
        const Run help = run({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(u"status [--deployment D]"_s), qPrintable(help.out));
    }

    void optionBelongsToStatusOnly()
    {
        const Run wrong = run({u"hcloud"_s, u"locations"_s, u"--deployment"_s, u"x"_s});
        QCOMPARE(wrong.exitCode, 2);
        const Run empty = run({u"status"_s, u"--deployment"_s, u" "_s});
        QCOMPARE(empty.exitCode, 2);
        QVERIFY2(empty.err.contains(u"--deployment"_s), qPrintable(empty.err));
        QCOMPARE(m_sim->exchanges().size(), 0); // refused before anything was sent
    }

    void noDeployments()
    {
        m_sim->seedServer(u"someone-elses"_s, QJsonObject{{u"app"_s, u"jitsi"_s}});
        const Run human = run({u"status"_s});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(u"No deployments in this project."_s), qPrintable(human.out));
        QVERIFY(!human.out.contains(u"someone-elses"_s));
        const Run json = run({u"status"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(object.value(u"deployments"_s).isArray());
        QVERIFY(object.value(u"deployments"_s).toArray().isEmpty());
    }

    // Issue 18: status names the secret store; --secret-store wins over JITSI_DEPLOYER_SECRET_STORE; a wrong name is
    // bad input, caught before anything is sent.
    void namesTheSecretStore()
    {
        const Run keychain = run({u"status"_s});
        QCOMPARE(keychain.exitCode, 0);
        QVERIFY2(keychain.out.trimmed().endsWith(u"Secrets on this computer: the system keychain."_s),
                 qPrintable(keychain.out));

        const QString dir = QDir::homePath() + u"/chosen-secrets"_s;
        qputenv("JITSI_DEPLOYER_SECRET_DIR", QFile::encodeName(dir));
        const Run files = run({u"status"_s, u"--secret-store"_s, u"file"_s, u"--json"_s});
        QCOMPARE(files.exitCode, 0);
        const QJsonObject store
                = QJsonDocument::fromJson(files.out.toUtf8()).object().value(u"secret_store"_s).toObject();
        QCOMPARE(store.value(u"kind"_s).toString(), u"file"_s);
        QCOMPARE(store.value(u"directory"_s).toString(), dir);
        QVERIFY(!QFileInfo::exists(dir)); // naming it creates nothing

        qputenv("JITSI_DEPLOYER_SECRET_STORE", "file");
        const Run option = run({u"status"_s, u"--secret-store"_s, u"keychain"_s});
        QVERIFY2(option.out.contains(u"the system keychain"_s), qPrintable(option.out));
        const Run environment = run({u"status"_s});
        QVERIFY2(environment.out.contains(u"files in "_s + dir), qPrintable(environment.out));

        qputenv("JITSI_DEPLOYER_SECRET_STORE", "vault");
        m_sim->clearExchanges();
        const Run wrong = run({u"status"_s});
        qunsetenv("JITSI_DEPLOYER_SECRET_STORE");
        qunsetenv("JITSI_DEPLOYER_SECRET_DIR");
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(u"\u201cvault\u201d is not a secret store"_s), qPrintable(wrong.err));
        QVERIFY(m_sim->exchanges().isEmpty());
    }

    void humanTable()
    {
        createMeetDeployment();
        m_sim->clearExchanges();
        const Run result = run({u"status"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(u"Deployment meet-example-org (meet.example.org)"_s), qPrintable(result.out));
        const QStringList lines = result.out.split(u'\n');
        auto lineWith = [&lines](const QString &text) {
            for (const QString &line : lines)
                if (line.contains(text))
                    return line;
            return QString();
        };
        QVERIFY(lineWith(u"ROLE"_s).contains(u"PUBLIC IPV4"_s));
        const QString web = lineWith(u"meet-example-org-web "_s);
        QVERIFY2(web.startsWith(u"web "_s) && web.contains(u"fsn1"_s) && web.contains(u"cx23"_s)
                         && web.contains(u"10.0.1."_s),
                 qPrintable(web));
        QVERIFY(lineWith(u"meet-example-org-jvb-2"_s).startsWith(u"bridge 2"_s));
        QVERIFY(lineWith(u"Network:"_s).contains(u"meet-example-org-net (10.0.0.0/16)"_s));
        QVERIFY(lineWith(u"Firewalls:"_s).contains(u"meet-example-org-bridges, meet-example-org-web"_s));
        QVERIFY(!result.out.contains(u"Problems"_s));

        // One list request per resource kind, all filtered by the managed-by label.
        QStringList paths;
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges()) {
            QCOMPARE(exchange.method, u"GET"_s);
            QVERIFY(exchange.query.contains(u"label_selector=managed-by=jitsi-deployer"_s));
            paths << exchange.path;
        }
        paths.sort();
        QCOMPARE(paths, (QStringList{u"/firewalls"_s, u"/networks"_s, u"/servers"_s}));
    }

    void jsonOutput()
    {
        createMeetDeployment();
        m_sim->seedServer(u"other-org-web"_s, labelsFor(u"other-org"_s, u"other.org"_s, u"web"_s));
        const Run result = run({u"status"_s, u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed().count(u'\n'), 0); // one JSON value on one line
        const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
        const QJsonArray deployments = object.value(u"deployments"_s).toArray();
        QCOMPARE(deployments.size(), 2);
        const QJsonObject meet = deployments.at(0).toObject();
        QCOMPARE(meet.value(u"slug"_s).toString(), u"meet-example-org"_s);
        QCOMPARE(meet.value(u"domain"_s).toString(), u"meet.example.org"_s);
        const QJsonObject web = meet.value(u"web"_s).toObject();
        QCOMPARE(web.value(u"name"_s).toString(), u"meet-example-org-web"_s);
        QCOMPARE(web.value(u"server_type"_s).toString(), u"cx23"_s);
        QVERIFY(web.value(u"public_ipv4"_s).isString());
        QVERIFY(web.value(u"private_ip"_s).toString().startsWith(u"10.0.1."_s));
        const QJsonArray bridges = meet.value(u"bridges"_s).toArray();
        QCOMPARE(bridges.size(), 2);
        QCOMPARE(bridges.at(1).toObject().value(u"number"_s).toInt(), 2);
        QCOMPARE(bridges.at(1).toObject().value(u"location"_s).toString(), u"fsn1"_s);
        QVERIFY(!bridges.at(1).toObject().value(u"status"_s).toString().isEmpty());
        QCOMPARE(meet.value(u"networks"_s).toArray().size(), 1);
        QCOMPARE(meet.value(u"firewalls"_s).toArray().size(), 2);
        QVERIFY(meet.value(u"inconsistencies"_s).toArray().isEmpty());
        const QJsonObject other = deployments.at(1).toObject();
        QCOMPARE(other.value(u"slug"_s).toString(), u"other-org"_s);
        QVERIFY(other.value(u"web"_s).toObject().value(u"private_ip"_s).isNull());
        QVERIFY(other.value(u"networks"_s).toArray().isEmpty());
    }

    void selectOneDeployment_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("slug") << u"meet-example-org"_s;
        QTest::newRow("domain") << u"meet.example.org"_s;
    }

    void selectOneDeployment()
    {
        QFETCH(QString, name);
        createMeetDeployment();
        m_sim->seedServer(u"other-org-web"_s, labelsFor(u"other-org"_s, u"other.org"_s, u"web"_s));
        const Run result = run({u"status"_s, u"--deployment"_s, name, u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray deployments
                = QJsonDocument::fromJson(result.out.toUtf8()).object().value(u"deployments"_s).toArray();
        QCOMPARE(deployments.size(), 1);
        QCOMPARE(deployments.at(0).toObject().value(u"slug"_s).toString(), u"meet-example-org"_s);
        const Run human = run({u"status"_s, u"--deployment"_s, name});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains(u"meet-example-org-jvb-1"_s));
        QVERIFY(!human.out.contains(u"other-org"_s));
    }

    void unknownDeployment()
    {
        createMeetDeployment();
        const Run result = run({u"status"_s, u"--deployment"_s, u"meet.example.com"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"no deployment \"meet.example.com\""_s), qPrintable(result.err));
        QVERIFY2(result.err.contains(u"meet-example-org"_s), qPrintable(result.err)); // names what exists
        const Run json = run({u"status"_s, u"--deployment"_s, u"nope"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject error = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"deployment_not_found"_s);
        QCOMPARE(error.value(u"deployments"_s).toArray(), QJsonArray{u"meet-example-org"_s});
    }

    void unknownDeploymentInEmptyProject()
    {
        const Run result = run({u"status"_s, u"--deployment"_s, u"meet.example.org"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"no deployments"_s), qPrintable(result.err));
    }

    void inconsistenciesAreShown()
    {
        // Bridges of a deployment whose web host is gone, one misnamed, and two claiming number 1.
        m_sim->seedServer(u"old-org-jvb-1"_s, labelsFor(u"old-org"_s, {}, u"bridge"_s, 1));
        m_sim->seedServer(u"old-org-jvb-7"_s, labelsFor(u"old-org"_s, {}, u"bridge"_s, 1));
        m_sim->seedServer(u"stray"_s, QJsonObject{{u"managed-by"_s, u"jitsi-deployer"_s}});
        const Run human = run({u"status"_s});
        QCOMPARE(human.exitCode, 0); // status itself worked; the problems are the finding
        QVERIFY2(human.out.contains(u"Deployment old-org (domain unknown)"_s), qPrintable(human.out));
        QVERIFY(human.out.contains(u"Problems:"_s));
        QVERIFY(human.out.contains(u"no web host"_s));
        QVERIFY(human.out.contains(u"should be named old-org-jvb-1"_s));
        QVERIFY(human.out.contains(u"both claim to be bridge 1"_s));
        QVERIFY(human.out.contains(u"Managed resources outside any deployment:"_s));
        QVERIFY(human.out.contains(u"server stray"_s));

        const Run json = run({u"status"_s, u"--json"_s});
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QStringList codes;
        for (const QJsonValue &value :
             object.value(u"deployments"_s).toArray().at(0).toObject().value(u"inconsistencies"_s).toArray())
            codes << value.toObject().value(u"code"_s).toString();
        codes.sort();
        QCOMPARE(codes, (QStringList{u"bridge_without_web"_s, u"duplicate_bridge_number"_s, u"name_mismatch"_s}));
        QCOMPARE(object.value(u"unassigned"_s).toArray().size(), 1);
        QCOMPARE(object.value(u"unassigned"_s).toArray().at(0).toObject().value(u"resource"_s).toString(),
                 u"server stray"_s);
    }

    void apiErrorIsReported()
    {
        HcloudSim::Fault fault;
        fault.kind = HcloudSim::Fault::Kind::ApiError;
        fault.pathPattern = u"^/firewalls$"_s;
        fault.status = 500;
        fault.code = u"server_error"_s;
        fault.count = -1;
        m_sim->injectFault(fault);
        const Run result = run({u"status"_s, u"--json"_s});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(result.out.toUtf8()).object()[u"error"_s].toObject()[u"code"_s].toString(),
                 u"server_error"_s);
        QVERIFY2(result.err.contains(u"correlation id"_s), qPrintable(result.err));
    }

    void wrongTokenIsRejected()
    {
        const Run result = run({u"status"_s}, u"wrongTokenButWellFormed0123456789"_s);
        QCOMPARE(result.exitCode, 3);
        QVERIFY(!result.err.contains(u"wrongTokenButWellFormed0123456789"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliStatus)
#include "tst_cli_status.moc"
