// The engine's commands end to end through CliApplication, in process: hcloud-sim for the API, fake hosts
// (FakeCloud) for the servers, --json for the output. deploy → verify → add-bridge → remove-bridge → destroy,
// and Ctrl-C in the middle of a deploy followed by a resuming re-run.
#include "cli/cliapplication.h"
#include "fakecloud.h"
#include "fakehost.h"
#include "fakehostagent.h"
#include "hcloudsim.h"
#include "openapivalidator.h"
#include "simtestclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const QString secretToken = u"Xk9flowTOKENvalue0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJK"_s;
const QString slug = u"meet-example-org"_s;

const QByteArray plan = R"({
  "version": 1,
  "domain": "meet.example.org",
  "email": "admin@example.org",
  "image": "debian-12",
  "web": {"server_type": "cx33", "location": "fsn1"},
  "bridges": [{"server_type": "cx33", "location": "fsn1"}],
  "ssh_public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop",
  "options": {"ssh_source_cidrs": [], "disable_certificate_verification": false, "turn_server": false}
})";

// Points file descriptor `fd` at a file while alive, so what the CLI writes with fwrite can be read back.
class Capture
{
public:
    Capture(int fd, const QString &path)
        : m_fd(fd)
        , m_path(path)
    {
        std::fflush(nullptr);
        m_saved = ::dup(fd);
        const int file = ::open(path.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(file, fd);
        ::close(file);
    }
    ~Capture() { restore(); }
    QString restore()
    {
        if (m_saved >= 0) {
            std::fflush(nullptr);
            ::dup2(m_saved, m_fd);
            ::close(m_saved);
            m_saved = -1;
        }
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private:
    int m_fd;
    QString m_path;
    int m_saved = -1;
};

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QList<QJsonObject> events; // every stdout line, parsed
    bool allJson = true;

    QJsonObject finished() const { return events.isEmpty() ? QJsonObject() : events.last(); }
    QList<QJsonObject> ofKind(const QString &kind) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &event : events)
            if (event.value(u"event"_s).toString() == kind)
                found << event;
        return found;
    }
    QStringList phases() const
    {
        QStringList names;
        for (const QJsonObject &event : ofKind(u"phase"_s))
            names << event.value(u"phase"_s).toString();
        return names;
    }
};
} // namespace

class TestCliEngineFlow : public QObject
{
    Q_OBJECT

private:
    // Runs one command to its end; `during` runs on the event loop while the command runs.
    CliRun run(const QStringList &arguments, const std::function<void()> &during = {})
    {
        CliRun result;
        {
            Capture out(STDOUT_FILENO, m_dir.filePath(u"out.txt"_s));
            Capture err(STDERR_FILENO, m_dir.filePath(u"err.txt"_s));
            CliApplication cli;
            cli.setHostAgentFactory(m_factory.get());
            cli.setEngineSettings(m_settings);
            QSignalSpy finished(&cli, &CliApplication::finished);
            cli.start(QStringList{u"jitsi-deployer"_s} + arguments);
            if (during)
                during();
            if (finished.isEmpty())
                finished.wait(120000);
            result.exitCode = finished.isEmpty() ? -1 : finished.first().first().toInt();
            result.out = out.restore();
            result.err = err.restore();
        }
        m_allOutput += result.out + result.err;
        for (const QString &line : result.out.split(u'\n', Qt::SkipEmptyParts)) {
            // QtTest's own messages (QDEBUG, QWARN) share stdout with the CLI here.
            if (line.startsWith(u'Q'))
                continue;
            QJsonParseError error{};
            const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                result.allJson = false;
                continue;
            }
            result.events << document.object();
        }
        if (result.exitCode != 0)
            qInfo().noquote() << arguments.join(u' ') << "exit" << result.exitCode << "stderr:" << result.err;
        return result;
    }

    QStringList serverNames()
    {
        SimTestClient http(m_sim->endpoint(), secretToken);
        QStringList names;
        for (const QJsonValue &server : http.get("/servers").json.value(u"servers"_s).toArray())
            names << server.toObject().value(u"name"_s).toString();
        names.sort();
        return names;
    }

    void checkStream(const CliRun &result, const QString &operation, bool ok)
    {
        QVERIFY2(result.allJson, qPrintable(result.out));
        QVERIFY(!result.events.isEmpty());
        static const QStringList kinds{
                u"phase"_s,     u"resource"_s,     u"host_step"_s, u"host_log"_s, u"dns"_s,
                u"dns_check"_s, u"verification"_s, u"warning"_s,   u"meeting"_s}; // test-meeting (issue 15)
        for (qsizetype i = 0; i + 1 < result.events.size(); ++i)
            QVERIFY2(kinds.contains(result.events[i].value(u"event"_s).toString()),
                     qPrintable(QString::fromUtf8(QJsonDocument(result.events[i]).toJson())));
        const QJsonObject finished = result.finished();
        QCOMPARE(finished.value(u"event"_s).toString(), u"finished"_s);
        QCOMPARE(finished.value(u"operation"_s).toString(), operation);
        QCOMPARE(finished.value(u"ok"_s).toBool(), ok);
        QCOMPARE(finished.value(u"exit_code"_s).toInt(), result.exitCode);
    }

    // The run's log on disk (RunLog) holds what the command printed: the same events in the same order, framed by
    // run_started and finished; and nothing secret.
    QList<QJsonObject> checkLog(const QString &path, const CliRun &result, const QString &operation)
    {
        QList<QJsonObject> lines;
        [&] {
            QVERIFY2(!path.isEmpty(), qPrintable(result.err));
            QCOMPARE(QFileInfo(path).absolutePath(), QDir(m_settings.logDirectory).absoluteFilePath(slug));
            QVERIFY2(QFileInfo(path).fileName().endsWith(u"-"_s + operation + u".log"_s), qPrintable(path));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(!QString::fromUtf8(bytes).contains(secretToken));
            for (const QByteArray &line : bytes.split('\n')) {
                if (line.isEmpty())
                    continue;
                QJsonObject object = QJsonDocument::fromJson(line).object();
                QVERIFY2(!object.isEmpty(), line.constData());
                QVERIFY(!object.take(u"time"_s).toString().isEmpty());
                lines << object;
            }
            QVERIFY(lines.size() >= 2);
            QCOMPARE(lines.first()[u"event"_s].toString(), u"run_started"_s);
            QCOMPARE(lines.first()[u"operation"_s].toString(), operation);
            QCOMPARE(lines.last()[u"event"_s].toString(), u"finished"_s);
            QCOMPARE(lines.last()[u"ok"_s].toBool(), result.exitCode == 0);
            if (result.events.isEmpty())
                return; // plain lines: nothing to compare the events with
            QCOMPARE(lines.mid(1, lines.size() - 2), result.events.mid(0, result.events.size() - 1));
        }();
        return lines;
    }

    QStringList bridgesOf(const CliRun &result)
    {
        QStringList bridges;
        for (const QJsonValue &name : result.finished()[u"outcome"_s][u"bridges"_s].toArray())
            bridges << name.toString();
        return bridges;
    }

    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<FakeCloud> m_cloud;
    std::unique_ptr<FakeHostAgentFactory> m_factory;
    EngineSettings m_settings;
    QTemporaryDir m_dir;
    QString m_planFile;
    QString m_allOutput;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<HcloudSim>();
        m_sim->addToken(secretToken);
        m_sim->setActionDurationMs(0);
        QVERIFY(m_sim->listen());
        qputenv("HCLOUD_TOKEN", secretToken.toUtf8());
        qputenv("HCLOUD_ENDPOINT", m_sim->endpoint().toString().toUtf8());

        m_cloud = std::make_unique<FakeCloud>();
        // The fake hosts learn the private addresses the API handed out, so bridges on the network find the web host.
        connect(m_sim.get(), &HcloudSim::exchangeRecorded, m_cloud.get(),
                [this] { m_cloud->setPrivateAddresses(m_sim->state(u"servers"_s)); });
        m_factory = std::make_unique<FakeHostAgentFactory>(m_cloud.get());
        m_settings = EngineSettings{};
        m_settings.storeDirectory = m_dir.filePath(u"store"_s);
        m_settings.logDirectory = m_dir.filePath(u"logs"_s);
        m_settings.bootTimeoutMs = 20000;
        m_settings.installTimeoutMs = 60000;
        // No DNS server answers here: the records never resolve and the certificate stays self-signed.
        m_settings.dnsNameserver = QHostAddress::LocalHost;
        m_settings.dnsTimeoutMs = 300;
        m_settings.verifyTimeoutMs = 20000;
        m_settings.verifyIntervalMs = 50;
        m_settings.drainTimeoutSeconds = 5;

        m_planFile = m_dir.filePath(u"plan.json"_s);
        QFile file(m_planFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(plan);
    }

    void cleanup()
    {
        QVERIFY2(!m_allOutput.contains(secretToken), "the API token appeared in the CLI's output");
        m_allOutput.clear();
        m_factory.reset();
        m_cloud.reset();
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void deployVerifyAddDestroy()
    {
        const CliRun deploy = run({u"deploy"_s, u"--plan-file"_s, m_planFile, u"--json"_s});
        QCOMPARE(deploy.exitCode, 0);
        checkStream(deploy, u"deploy"_s, true);
        const QStringList phases = deploy.phases();
        QVERIFY2(phases.contains(u"resources"_s) && phases.contains(u"hosts"_s) && phases.contains(u"verify"_s),
                 qPrintable(phases.join(u' ')));
        QStringList created;
        for (const QJsonObject &event : deploy.ofKind(u"resource"_s))
            if (event[u"state"_s].toString() == u"created"_s)
                created << event[u"resource"_s].toString();
        QVERIFY2(created.contains(u"server meet-example-org-web"_s), qPrintable(created.join(u", "_s)));
        QVERIFY2(created.contains(u"server meet-example-org-jvb-1"_s), qPrintable(created.join(u", "_s)));
        QSet<QString> stepHosts;
        static const QStringList reasons{u"web_host"_s, u"boot"_s, u"host_key_rotation"_s, u"reconnect"_s};
        int rotations = 0;
        for (const QJsonObject &event : deploy.ofKind(u"host_step"_s)) {
            stepHosts << event[u"host"_s].toString();
            // A host waits between steps (no step) or within one; it always says why.
            if (event[u"state"_s].toString() == u"waiting"_s) {
                QVERIFY2(reasons.contains(event[u"reason"_s].toString()), qPrintable(event[u"reason"_s].toString()));
                QVERIFY(!event[u"message"_s].toString().isEmpty());
                rotations += event[u"reason"_s].toString() == u"host_key_rotation"_s;
                continue;
            }
            QVERIFY(!event[u"step"_s].toString().isEmpty());
        }
        QCOMPARE(rotations, 2); // each new server's first host key is replaced once
        QCOMPARE(stepHosts, (QSet<QString>{u"meet-example-org-web"_s, u"meet-example-org-jvb-1"_s}));
        QVERIFY(!deploy.ofKind(u"dns"_s).isEmpty());
        const QList<QJsonObject> verifications = deploy.ofKind(u"verification"_s);
        QVERIFY(!verifications.isEmpty());
        QVERIFY(verifications.last()[u"report"_s][u"ok"_s].toBool());
        const QJsonObject outcome = deploy.finished()[u"outcome"_s].toObject();
        QCOMPARE(outcome[u"slug"_s].toString(), slug);
        QCOMPARE(outcome[u"meeting_url"_s].toString(), u"https://meet.example.org/"_s);
        QCOMPARE(bridgesOf(deploy), QStringList{u"meet-example-org-jvb-1"_s});
        QCOMPARE(outcome[u"dns_ready"_s].toBool(), false);
        QCOMPARE(serverNames(), (QStringList{u"meet-example-org-jvb-1"_s, u"meet-example-org-web"_s}));
        checkLog(deploy.finished()[u"log"_s].toString(), deploy, u"deploy"_s);
        if (QTest::currentTestFailed())
            return;

        // --deployment left out: the project has exactly one.
        const CliRun verify = run({u"verify"_s, u"--json"_s});
        QCOMPARE(verify.exitCode, 0);
        checkStream(verify, u"verify"_s, true);
        QVERIFY(verify.ofKind(u"verification"_s).last()[u"report"_s][u"ok"_s].toBool());
        QVERIFY(verify.ofKind(u"resource"_s).isEmpty()); // read-only

        // The same in plain lines, as in a CI log.
        const CliRun human = run({u"verify"_s, u"--deployment"_s, u"meet.example.org"_s});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(u"Verified: all 1 bridge(s) are connected."_s)
                         || human.out.contains(u"Verified: all 1 bridge"_s),
                 qPrintable(human.out));
        QVERIFY2(human.out.contains(u"All bridges of meet.example.org are connected: meet-example-org-jvb-1."_s),
                 qPrintable(human.out));
        QVERIFY(!human.out.contains(u'\x1b')); // not a terminal: no redrawing

        // status --health: the same deployment's live health per host, from state, in text and --json.
        const CliRun health = run({u"status"_s, u"--health"_s});
        QCOMPARE(health.exitCode, 0);
        QVERIFY2(health.out.contains(u"): healthy"_s), qPrintable(health.out));
        QVERIFY2(health.out.contains(u"jicofo sees 1 bridge(s), 1 operational"_s), qPrintable(health.out));
        QVERIFY2(health.out.contains(u"bridge meet-example-org-jvb-1: in jicofo: operational"_s),
                 qPrintable(health.out));
        QVERIFY2(health.out.contains(u"jitsi-videobridge2 "_s), qPrintable(health.out));
        const CliRun healthJson = run({u"status"_s, u"--health"_s, u"--json"_s});
        QCOMPARE(healthJson.exitCode, 0);
        QVERIFY(!healthJson.events.isEmpty());
        const QJsonObject reading
                = healthJson.events.last()[u"deployments"_s].toArray().at(0).toObject()[u"health"_s].toObject();
        QCOMPARE(reading[u"overall"_s].toString(), u"healthy"_s);
        QCOMPARE(reading[u"bridges"_s].toArray().at(0).toObject()[u"in_jicofo"_s].toObject()[u"operational"_s].toBool(),
                 true);
        QVERIFY(serverNames().size() == 2); // read-only

        const CliRun add = run({u"add-bridge"_s, u"--count"_s, u"1"_s, u"--json"_s});
        QCOMPARE(add.exitCode, 0);
        checkStream(add, u"add-bridge"_s, true);
        QCOMPARE(bridgesOf(add), (QStringList{u"meet-example-org-jvb-1"_s, u"meet-example-org-jvb-2"_s}));
        QCOMPARE(serverNames().size(), 3);

        const CliRun destroy = run({u"destroy"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(destroy.exitCode, 0);
        checkStream(destroy, u"destroy"_s, true);
        QCOMPARE(serverNames(), QStringList());
        QVERIFY(!destroy.ofKind(u"resource"_s).isEmpty());
        // Each operation has its own log, named after it, in the deployment's folder: deploy, two verify, add, destroy.
        checkLog(destroy.finished()[u"log"_s].toString(), destroy, u"destroy"_s);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(QDir(QDir(m_settings.logDirectory).filePath(slug)).entryList({u"*.log"_s}, QDir::Files).size(), 5);

        const CliRun gone = run({u"verify"_s, u"--json"_s});
        QCOMPARE(gone.exitCode, 2);
        QCOMPARE(gone.finished()[u"error"_s][u"code"_s].toString(), u"deployment_not_found"_s);
    }

    void removeBridge()
    {
        QCOMPARE(run({u"deploy"_s, u"--plan-file"_s, m_planFile, u"--json"_s}).exitCode, 0);
        QCOMPARE(run({u"add-bridge"_s, u"--json"_s}).exitCode, 0);
        QCOMPARE(serverNames().size(), 3);

        const CliRun remove = run({u"remove-bridge"_s, u"meet-example-org-jvb-2"_s, u"--json"_s});
        QCOMPARE(remove.exitCode, 0);
        checkStream(remove, u"remove-bridge"_s, true);
        QVERIFY2(remove.phases().contains(u"drain"_s), qPrintable(remove.phases().join(u' ')));
        QCOMPARE(bridgesOf(remove), QStringList{u"meet-example-org-jvb-1"_s});
        QCOMPARE(serverNames(), (QStringList{u"meet-example-org-jvb-1"_s, u"meet-example-org-web"_s}));
    }

    // update: confirmed by --yes (no terminal here), rolling, versions before and after in the outcome; a bridge
    // whose meetings outlast the drain time stops remove-bridge unless --force.
    void updateAndForce()
    {
        QCOMPARE(run({u"deploy"_s, u"--plan-file"_s, m_planFile, u"--json"_s}).exitCode, 0);
        m_cloud->setRepository(u"jitsi-videobridge2"_s, {u"2.3-312-g1-1"_s, u"2.3-400-g4-1"_s});

        const CliRun unconfirmed = run({u"update"_s, u"--json"_s});
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.err.contains(u"--yes"_s) || unconfirmed.out.contains(u"--yes"_s),
                 qPrintable(unconfirmed.err + unconfirmed.out));
        QCOMPARE(m_cloud->journal(), QStringList());

        const CliRun update = run({u"update"_s, u"--yes"_s, u"--json"_s});
        QCOMPARE(update.exitCode, 0);
        checkStream(update, u"update"_s, true);
        const QJsonObject outcome = update.finished()[u"outcome"_s].toObject();
        QCOMPARE(outcome[u"versions_before"_s][u"meet-example-org-jvb-1"_s][u"jitsi-videobridge2"_s].toString(),
                 u"2.3-312-g1-1"_s);
        QCOMPARE(outcome[u"versions_after"_s][u"meet-example-org-jvb-1"_s][u"jitsi-videobridge2"_s].toString(),
                 u"2.3-400-g4-1"_s);
        QVERIFY(m_cloud->journal().contains(u"drain meet-example-org-jvb-1"_s));

        QCOMPARE(run({u"add-bridge"_s, u"--json"_s}).exitCode, 0);
        m_cloud->setConferencesAfterDrain(u"meet-example-org-jvb-2"_s, 1);
        const CliRun refused = run({u"remove-bridge"_s, u"meet-example-org-jvb-2"_s, u"--json"_s});
        QVERIFY(refused.exitCode != 0);
        QCOMPARE(refused.finished()[u"error"_s][u"code"_s].toString(), u"not_drained"_s);
        QVERIFY(serverNames().contains(u"meet-example-org-jvb-2"_s));
        const CliRun forced = run({u"remove-bridge"_s, u"meet-example-org-jvb-2"_s, u"--force"_s, u"--json"_s});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(!serverNames().contains(u"meet-example-org-jvb-2"_s));
    }

    void failureSaysWhatWhereAndTheWaysOn()
    {
        m_cloud->failStep(u"meet-example-org-jvb-1"_s, u"install-packages"_s, u"the repository did not answer"_s, 10);
        const CliRun human = run({u"deploy"_s, u"--plan-file"_s, m_planFile});
        QCOMPARE(human.exitCode, 1);
        for (const QString &text :
             {u"error: "_s, u"Failed on meet-example-org-jvb-1 at step \"install-packages\""_s, u"This run created"_s,
              u"server meet-example-org-web"_s, u"run the same command again"_s,
              u"jitsi-deployer destroy --deployment meet-example-org"_s})
            QVERIFY2(human.err.contains(text), qPrintable(text + u" missing from:\n"_s + human.err));
        // Standard error names the run's log, which has the failed step and the error.
        const QRegularExpressionMatch logLine
                = QRegularExpression(u"The full log of this run: (\\S+\\.log)\n"_s).match(human.err);
        QVERIFY2(logLine.hasMatch(), qPrintable(human.err));
        const QList<QJsonObject> logged = checkLog(logLine.captured(1), human, u"deploy"_s);
        if (QTest::currentTestFailed())
            return;
        bool failedStepLogged = false;
        for (const QJsonObject &line : logged)
            failedStepLogged = failedStepLogged
                               || (line[u"event"_s] == u"host_step"_s && line[u"state"_s] == u"failed"_s
                                   && line[u"host"_s] == u"meet-example-org-jvb-1"_s
                                   && line[u"step"_s] == u"install-packages"_s);
        QVERIFY(failedStepLogged);
        QVERIFY(!logged.last()[u"error"_s][u"code"_s].toString().isEmpty());

        const CliRun json = run({u"deploy"_s, u"--plan-file"_s, m_planFile, u"--json"_s});
        QCOMPARE(json.exitCode, 1);
        checkStream(json, u"deploy"_s, false);
        const QJsonObject where = json.finished()[u"error"_s][u"where"_s].toObject();
        QCOMPARE(where[u"host"_s].toString(), u"meet-example-org-jvb-1"_s);
        QCOMPARE(where[u"step"_s].toString(), u"install-packages"_s);
        const QString jsonLog = json.finished()[u"log"_s].toString();
        QVERIFY(jsonLog != logLine.captured(1));
        checkLog(jsonLog, json, u"deploy"_s);
        // The re-run created nothing new: the servers of the first run were found and reused.
        QCOMPARE(serverNames(), (QStringList{u"meet-example-org-jvb-1"_s, u"meet-example-org-web"_s}));
    }

    // test-meeting --every-bridge (issue 15): the participants appear on whichever bridge alone is in service; the
    // JSON stream carries the figures, the text names the bridge of each turn and who carried the test; no bridge
    // stays drained.
    void testMeetingEveryBridge()
    {
        m_settings.meetingPollIntervalMs = 20;
        QCOMPARE(run({u"deploy"_s, u"--plan-file"_s, m_planFile, u"--json"_s}).exitCode, 0);
        QCOMPARE(run({u"add-bridge"_s, u"--json"_s}).exitCode, 0);
        const QStringList bridges{u"meet-example-org-jvb-1"_s, u"meet-example-org-jvb-2"_s};
        FakeCloud *cloud = m_cloud.get();
        auto participants = [cloud, bridges](qint64 ice) {
            return [cloud, bridges, ice] {
                QSet<QString> joined;
                // The one bridge in service while the other is drained gets the test meeting.
                auto step = [&] {
                    FakeHost *one = cloud->host(bridges[0]);
                    FakeHost *two = cloud->host(bridges[1]);
                    if (!one->drainMode() && two->drainMode() && !joined.contains(bridges[0])) {
                        one->setMeeting(1, 2, ice, 11);
                        joined.insert(bridges[0]);
                    }
                    if (!two->drainMode() && one->drainMode() && !joined.contains(bridges[1])) {
                        two->setMeeting(1, 2, ice, 11);
                        joined.insert(bridges[1]);
                    }
                    return joined.size() == 2;
                };
                QTRY_VERIFY_WITH_TIMEOUT(step(), 60000);
            };
        };
        const CliRun json = run({u"test-meeting"_s, u"--every-bridge"_s, u"--json"_s}, participants(2));
        QCOMPARE(json.exitCode, 0);
        checkStream(json, u"test-meeting"_s, true);
        QVERIFY(!json.ofKind(u"meeting"_s).isEmpty());
        const QJsonObject meeting = json.finished()[u"outcome"_s][u"meeting"_s].toObject();
        QVERIFY(meeting[u"every_bridge"_s].toBool() && meeting[u"finished"_s].toBool());
        for (const QJsonValue &b : meeting[u"bridges"_s].toArray()) {
            QVERIFY(b[u"carried"_s].toBool());
            QCOMPARE(b[u"data_channel_messages_received"_s].toInt(), 11);
        }
        for (const QString &bridge : bridges)
            QVERIFY(!cloud->host(bridge)->drainMode());

        // Text: each turn names its bridge; the counters rise again for the new turns.
        const CliRun text = run({u"test-meeting"_s, u"--every-bridge"_s}, participants(4));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"Test meeting: https://meet.example.org/test-"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"Testing bridge 2 of 2: meet-example-org-jvb-2"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(
                         u"The test meeting's media reached: meet-example-org-jvb-1, meet-example-org-jvb-2"_s),
                 qPrintable(text.out));
        for (const QString &bridge : bridges)
            QVERIFY(!cloud->host(bridge)->drainMode());

        // --every-bridge belongs to test-meeting only.
        QCOMPARE(run({u"verify"_s, u"--every-bridge"_s}).exitCode, 2);
    }

    void ctrlCStopsAndARerunResumes()
    {
        m_cloud->setStepDurationMs(40);
        FakeCloud *cloud = m_cloud.get();
        const CliRun stopped = run({u"deploy"_s, u"--plan-file"_s, m_planFile, u"--json"_s}, [cloud] {
            // Once both servers exist and are installing, as a user pressing Ctrl-C would.
            QTRY_VERIFY_WITH_TIMEOUT(cloud->hosts().size() == 2, 60000);
            std::raise(SIGINT);
        });
        QCOMPARE(stopped.exitCode, 6);
        checkStream(stopped, u"deploy"_s, false);
        QCOMPARE(stopped.finished()[u"error"_s][u"code"_s].toString(), u"cancelled"_s);
        QStringList created;
        for (const QJsonValue &resource : stopped.finished()[u"outcome"_s][u"created_this_run"_s].toArray())
            created << resource.toString();
        QVERIFY2(created.contains(u"server meet-example-org-web"_s), qPrintable(created.join(u", "_s)));

        m_cloud->setStepDurationMs(1);
        const CliRun resumed = run({u"deploy"_s, u"--plan-file"_s, m_planFile, u"--json"_s});
        QCOMPARE(resumed.exitCode, 0);
        checkStream(resumed, u"deploy"_s, true);
        QCOMPARE(serverNames(), (QStringList{u"meet-example-org-jvb-1"_s, u"meet-example-org-web"_s}));
        QVERIFY(resumed.finished()[u"outcome"_s][u"created_this_run"_s].toArray().isEmpty()
                || !resumed.finished()[u"outcome"_s][u"created_this_run"_s].toArray().contains(
                        u"server meet-example-org-web"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliEngineFlow)
#include "tst_cli_engineflow.moc"
