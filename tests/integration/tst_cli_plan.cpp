// `jitsi-deployer plan` as a user runs it: a separate process, no display, talking to hcloud-sim.
#include "clirun.h"
#include "hcloudsim.h"
#include "openapivalidator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
// Distinctive, so a leak into any output is unmistakable.
const QString secretToken = u"Zq7secretTOKENplanCanary0123456789abcdefghijklmnopqrstuvwxyzABCDEF"_s;
const QString examplePlan = QStringLiteral(DEPLOYER_SOURCE_DIR "/docs/examples/plan.json");

// An exact decimal as whole units plus 16 fractional digits (the API's prices have at most 16 decimals), so
// prices add up without floating point and without an overflowing single integer.
struct Decimal
{
    qint64 whole = 0;
    qint64 fraction = 0; // in units of 10^-16
    bool valid = true;

    static constexpr qint64 one = 10'000'000'000'000'000;

    Decimal &operator+=(const Decimal &other)
    {
        whole += other.whole + (fraction + other.fraction) / one;
        fraction = (fraction + other.fraction) % one;
        valid = valid && other.valid;
        return *this;
    }
    bool operator==(const Decimal &other) const
    {
        return valid && other.valid && whole == other.whole && fraction == other.fraction;
    }
    bool isPositive() const { return valid && (whole > 0 || fraction > 0); }
};

Decimal units(const QString &text)
{
    const qsizetype dot = text.indexOf(u'.');
    const QString whole = dot < 0 ? text : text.left(dot);
    const QString fraction = (dot < 0 ? QString() : text.mid(dot + 1)).leftJustified(16, u'0');
    bool wholeOk = false, fractionOk = false;
    Decimal value{whole.toLongLong(&wholeOk), fraction.toLongLong(&fractionOk), true};
    value.valid = wholeOk && fractionOk && fraction.size() == 16 && !text.startsWith(u'-');
    return value;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

class TestCliPlan : public QObject
{
    Q_OBJECT

private:
    Run run(const QStringList &arguments, const QString &token = secretToken)
    {
        Run result = runJitsiDeployer(arguments, token, m_sim->endpoint().toString());
        m_allOutput += result.out + result.err;
        return result;
    }

    Run plan(const QString &planFile, const QStringList &extra = {})
    {
        return run(QStringList{u"plan"_s, u"--plan-file"_s, planFile, u"--output-dir"_s, outputDir()} + extra);
    }

    QString outputDir() const { return m_dir->filePath(u"out"_s); }

    QString writePlan(const QJsonObject &object)
    {
        const QString path = m_dir->filePath(u"plan.json"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(QJsonDocument(object).toJson());
        return path;
    }

    static QJsonObject example()
    {
        QFile file(examplePlan);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    QStringList writtenFiles() const
    {
        QStringList files;
        QDirIterator it(outputDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(outputDir()).relativeFilePath(it.next());
        files.sort();
        return files;
    }

    // The sum of the prices the simulator served for these (type, location) hosts: server type plus IPv4.
    QPair<Decimal, Decimal> servedTotals(const QList<QPair<QString, QString>> &hosts)
    {
        QJsonArray types;
        QJsonArray primaryIps;
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges()) {
            const QJsonObject body = QJsonDocument::fromJson(exchange.responseBody).object();
            if (exchange.path.startsWith(u"/server_types"_s))
                for (const QJsonValue &type : body[u"server_types"_s].toArray())
                    types.append(type);
            if (exchange.path.startsWith(u"/pricing"_s))
                primaryIps = body[u"pricing"_s].toObject()[u"primary_ips"_s].toArray();
        }
        Decimal monthly, hourly;
        int found = 0;
        for (const auto &[typeName, location] : hosts) {
            for (const QJsonValue &type : std::as_const(types)) {
                if (type[u"name"_s].toString() != typeName)
                    continue;
                for (const QJsonValue &price : type[u"prices"_s].toArray()) {
                    if (price[u"location"_s].toString() != location)
                        continue;
                    monthly += units(price[u"price_monthly"_s][u"gross"_s].toString());
                    hourly += units(price[u"price_hourly"_s][u"gross"_s].toString());
                    ++found;
                }
            }
            for (const QJsonValue &ip : std::as_const(primaryIps)) {
                if (ip[u"type"_s].toString() != u"ipv4"_s)
                    continue;
                for (const QJsonValue &price : ip[u"prices"_s].toArray()) {
                    if (price[u"location"_s].toString() != location)
                        continue;
                    monthly += units(price[u"price_monthly"_s][u"gross"_s].toString());
                    hourly += units(price[u"price_hourly"_s][u"gross"_s].toString());
                    ++found;
                }
            }
        }
        if (found != 2 * hosts.size())
            return {Decimal{0, 0, false}, Decimal{0, 0, false}};
        return {monthly, hourly};
    }

    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_allOutput;

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<HcloudSim>();
        m_sim->addToken(secretToken);
        m_sim->setActionDurationMs(0);
        QVERIFY(m_sim->listen());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_allOutput.clear();
    }

    void cleanup()
    {
        // The API token is a secret the command holds: it must not reach any output or written file.
        QString everything = m_allOutput;
        for (const QString &file : writtenFiles())
            everything += readAll(QDir(outputDir()).filePath(file));
        QVERIFY2(!everything.contains(secretToken), "the API token appeared in the output");
        QVERIFY2(!everything.contains(u"PRIVATE KEY-----"_s), "a private key appeared in the output");
        // Everything the CLI sent and the simulator answered must match Hetzner's published schema.
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        m_dir.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void helpListsPlan()
    {
        const Run help = run({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"plan --plan-file"_s));
    }

    void examplePlanWritesEveryHostsFiles()
    {
        const Run result = plan(examplePlan);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.err.contains(u"error:"_s), qPrintable(result.err));
        const QStringList files = writtenFiles();
        for (const QString &host :
             {u"meet-example-org-web"_s, u"meet-example-org-jvb-1"_s, u"meet-example-org-jvb-2"_s}) {
            for (const QString &name : {u"user-data.yaml"_s, u"install.env"_s, u"install/provision-lib.sh"_s,
                                        u"install/jitsi-deployer-provision.service"_s})
                QVERIFY2(files.contains(host + u'/' + name), qPrintable(host + u'/' + name));
            QVERIFY(readAll(QDir(outputDir()).filePath(host + u"/user-data.yaml"_s)).startsWith(u"#cloud-config"_s));
            QVERIFY(readAll(QDir(outputDir()).filePath(host + u"/install.env"_s))
                            .contains(u"JD_SERVER_NAME='%1'"_s.arg(host)));
        }
        QVERIFY(files.contains(u"meet-example-org-web/install/provision-web.sh"_s));
        QVERIFY(files.contains(u"meet-example-org-jvb-1/install/provision-bridge.sh"_s));
        QVERIFY(files.contains(u"summary.txt"_s));
        QVERIFY(files.contains(u"summary.json"_s));
        QVERIFY(QFileInfo(QDir(outputDir()).filePath(u"meet-example-org-web/install/provision-web.sh"_s))
                        .isExecutable());

        // The terminal shows the same summary as summary.txt, and it names every resource.
        const QString summary = readAll(QDir(outputDir()).filePath(u"summary.txt"_s));
        QVERIFY(result.out.contains(summary.trimmed()));
        for (const QString &name : {u"meet-example-org-web"_s, u"meet-example-org-jvb-2"_s, u"meet-example-org-net"_s,
                                    u"meet-example-org-bridges"_s, u"jitsi-deployer-"_s, u"Total"_s, u"EUR"_s})
            QVERIFY2(summary.contains(name), qPrintable(name));

        // Only read requests were sent.
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges())
            QCOMPARE(exchange.method, u"GET"_s);
    }

    void writtenUserDataPassesCloudInitSchema()
    {
        // The dry run's user-data (placeholder host key and all) is still a document cloud-init accepts.
        const QString cloudInit = QStandardPaths::findExecutable(u"cloud-init"_s);
        QVERIFY2(!cloudInit.isEmpty(), "cloud-init is not installed; run scripts/install-deps.sh");
        const Run result = plan(examplePlan);
        QCOMPARE(result.exitCode, 0);
        int checked = 0;
        for (const QString &file : writtenFiles()) {
            if (!file.endsWith(u"/user-data.yaml"_s))
                continue;
            QProcess schema;
            schema.start(cloudInit, {u"schema"_s, u"--config-file"_s, QDir(outputDir()).filePath(file)});
            QVERIFY(schema.waitForFinished(120000));
            QVERIFY2(schema.exitStatus() == QProcess::NormalExit && schema.exitCode() == 0,
                     qPrintable(file + u": "_s + QString::fromUtf8(schema.readAllStandardOutput())
                                + QString::fromUtf8(schema.readAllStandardError())));
            ++checked;
        }
        QCOMPARE(checked, 3);
    }

    void totalsAreTheSumOfTheApiPrices()
    {
        const Run result = plan(examplePlan, {u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed().count(u'\n'), 0); // one JSON value on one line
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json[u"servers"_s].toArray().size(), 3);
        QCOMPARE(json[u"currency"_s].toString(), u"EUR"_s);
        QCOMPARE(json[u"output_dir"_s].toString(), QDir(outputDir()).absolutePath());
        QVERIFY(json[u"files"_s].toArray().contains(u"meet-example-org-jvb-2/install.env"_s));

        const auto [monthly, hourly]
                = servedTotals({{u"cx33"_s, u"fsn1"_s}, {u"cx33"_s, u"fsn1"_s}, {u"cx33"_s, u"nbg1"_s}});
        QVERIFY(monthly.isPositive() && hourly.isPositive());
        QVERIFY2(units(json[u"total_monthly_gross"_s].toString()) == monthly,
                 qPrintable(json[u"total_monthly_gross"_s].toString()));
        QVERIFY2(units(json[u"total_hourly_gross"_s].toString()) == hourly,
                 qPrintable(json[u"total_hourly_gross"_s].toString()));

        // Per server: its type's price plus its IPv4, and the file copy matches stdout.
        for (const QJsonValue &server : json[u"servers"_s].toArray()) {
            const auto [m, h] = servedTotals({{server[u"server_type"_s].toString(), server[u"location"_s].toString()}});
            QVERIFY(units(server[u"total_monthly_gross"_s].toString()) == m);
            QVERIFY(units(server[u"total_hourly_gross"_s].toString()) == h);
        }
        const QJsonObject file
                = QJsonDocument::fromJson(readAll(QDir(outputDir()).filePath(u"summary.json"_s)).toUtf8()).object();
        QCOMPARE(file[u"total_monthly_gross"_s], json[u"total_monthly_gross"_s]);
    }

    void secretsArePlaceholders()
    {
        const Run result = plan(examplePlan);
        QCOMPARE(result.exitCode, 0);
        // The command generates real secrets only to let the renderers check them; what it writes must hold
        // the placeholders in their place. (DryRunWriter's unit test plants a canary in those secrets.)
        const QString web = readAll(QDir(outputDir()).filePath(u"meet-example-org-web/install.env"_s));
        QVERIFY2(web.contains(u"JD_JVB_SECRET='<jvb-secret>'"_s), qPrintable(web));
        QVERIFY2(web.contains(u"JD_FOCUS_PASSWORD='<focus-password>'"_s), qPrintable(web));
        const QString bridge = readAll(QDir(outputDir()).filePath(u"meet-example-org-jvb-1/install.env"_s));
        QVERIFY2(bridge.contains(u"JD_JVB_SECRET='<jvb-secret>'"_s), qPrintable(bridge));
        // Same zone as the web host: prosody over the private network; the address is not known yet.
        QVERIFY2(bridge.contains(u"JD_XMPP_HOST='<web-private-ip>'"_s), qPrintable(bridge));
        const QString userData = readAll(QDir(outputDir()).filePath(u"meet-example-org-web/user-data.yaml"_s));
        QVERIFY(userData.contains(u"<private SSH host key"_s));
        QVERIFY(!userData.contains(u"<jvb-secret>"_s)); // no secret, not even its placeholder, in user-data
    }

    void existingSshKeyIsReused()
    {
        const QString key = example()[u"ssh_public_key"_s].toString();
        m_sim->seedSshKey(u"my-laptop"_s, key);
        const Run result = plan(examplePlan, {u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject sshKey = QJsonDocument::fromJson(result.out.toUtf8()).object()[u"ssh_key"_s].toObject();
        QCOMPARE(sshKey[u"exists"_s].toBool(), true);
        QCOMPARE(sshKey[u"name"_s].toString(), u"my-laptop"_s);
    }

    void badPlanWritesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("domain") << u"domain"_s << QJsonValue(u"localhost"_s) << u"fully qualified"_s;
        QTest::newRow("email") << u"email"_s << QJsonValue(u"admin@example.org; reboot"_s) << u"email"_s;
        QTest::newRow("typo") << u"domian"_s << QJsonValue(u"meet.example.org"_s) << u"unknown field \"domian\""_s;
        QTest::newRow("version") << u"version"_s << QJsonValue(2) << u"version 2"_s;
        QTest::newRow("no bridges") << u"bridges"_s << QJsonValue(QJsonArray()) << u"at least one bridge"_s;
    }

    void badPlanWritesNothing()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        QJsonObject object = example();
        object[field] = value;
        const Run result = plan(writePlan(object));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(outputDir()));
        QCOMPARE(m_sim->exchanges().size(), 0); // rejected before anything was sent
    }

    void badPlanJsonNamesTheField()
    {
        QJsonObject object = example();
        QJsonObject web = object[u"web"_s].toObject();
        web[u"location"_s] = u"FSN 1"_s;
        object[u"web"_s] = web;
        const Run result = plan(writePlan(object), {u"--json"_s});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.out.trimmed().count(u'\n'), 0);
        const QJsonObject error = QJsonDocument::fromJson(result.out.toUtf8()).object()[u"error"_s].toObject();
        QCOMPARE(error[u"code"_s].toString(), u"plan_invalid"_s);
        QCOMPARE(error[u"field"_s].toString(), u"web.location"_s);
        QVERIFY(error[u"message"_s].toString().contains(u"hcloud locations"_s));
        QCOMPARE(m_sim->exchanges().size(), 0);
    }

    void unreadableOrMalformedPlanFile()
    {
        const Run missing = plan(m_dir->filePath(u"nope.json"_s));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(u"nope.json"_s), qPrintable(missing.err));

        const QString path = m_dir->filePath(u"broken.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"version\": 1,\n  \"domain\": \"meet.example.org\",\n}\n");
        file.close();
        const Run broken = plan(path);
        QCOMPARE(broken.exitCode, 2);
        QVERIFY2(broken.err.contains(u"line 4"_s), qPrintable(broken.err));
        QVERIFY(!QFileInfo::exists(outputDir()));
        QCOMPARE(m_sim->exchanges().size(), 0);
    }

    void missingOptionsAreUsageErrors()
    {
        const Run noDir = run({u"plan"_s, u"--plan-file"_s, examplePlan});
        QCOMPARE(noDir.exitCode, 2);
        QVERIFY(noDir.err.contains(u"--output-dir"_s));
        const Run wrongCommand = run({u"hcloud"_s, u"locations"_s, u"--plan-file"_s, examplePlan});
        QCOMPARE(wrongCommand.exitCode, 2);
        QCOMPARE(m_sim->exchanges().size(), 0);
    }

    void nonEmptyOutputDirIsRefused()
    {
        QVERIFY(QDir().mkpath(outputDir()));
        QFile stale(QDir(outputDir()).filePath(u"old-file"_s));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        const Run result = plan(examplePlan);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"not empty"_s), qPrintable(result.err));
        QCOMPARE(writtenFiles(), QStringList{u"old-file"_s});
        QCOMPARE(m_sim->exchanges().size(), 0);
    }

    void unorderableTypeIsRefused()
    {
        // The simulator's catalogue lists cx53 in hel1 as not available (sold out); the second bridge goes there.
        QJsonObject object = example();
        QJsonArray bridges = object[u"bridges"_s].toArray();
        bridges[1] = QJsonObject{{u"server_type"_s, u"cx53"_s}, {u"location"_s, u"hel1"_s}};
        object[u"bridges"_s] = bridges;
        const Run result = plan(writePlan(object));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"cx53"_s) && result.err.contains(u"hel1"_s), qPrintable(result.err));
        QVERIFY2(result.err.contains(u"hcloud server-types --location hel1"_s), qPrintable(result.err));
        QVERIFY2(result.err.contains(u"bridges[1]"_s), qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(outputDir()));
    }

    void unknownTypeAndLocationAreRefused()
    {
        QJsonObject object = example();
        object[u"web"_s] = QJsonObject{{u"server_type"_s, u"cx999"_s}, {u"location"_s, u"fsn1"_s}};
        const Run type = plan(writePlan(object));
        QCOMPARE(type.exitCode, 2);
        QVERIFY2(type.err.contains(u"cx999"_s), qPrintable(type.err));

        object = example();
        object[u"web"_s] = QJsonObject{{u"server_type"_s, u"cx33"_s}, {u"location"_s, u"xyz1"_s}};
        const Run location = plan(writePlan(object));
        QCOMPARE(location.exitCode, 2);
        QVERIFY2(location.err.contains(u"xyz1"_s) && location.err.contains(u"fsn1"_s), qPrintable(location.err));
        QVERIFY(!QFileInfo::exists(outputDir()));
    }

    void rejectedTokenExits3()
    {
        const Run wrong = run({u"plan"_s, u"--plan-file"_s, examplePlan, u"--output-dir"_s, outputDir()},
                              u"wrongTokenButWellFormed0123456789"_s);
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(!QFileInfo::exists(outputDir()));
    }
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "tst_cli_plan.moc"
