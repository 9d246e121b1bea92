// SshHostAgent against a real sshd on 127.0.0.1 (tests/support/sshd). Every remote path is moved under a
// temporary root (Options::remoteRoot, exported as JD_ROOT), and the session's PATH (sshd_config SetEnv) starts
// with stubs for systemctl, systemd-run, sshd and jvb's HTTP API, so nothing on the machine is touched: the stub
// systemctl runs a unit's ExecStart (under the root) in the background, as systemd would.

#include "deploy/provisionsteps.h"
#include "deploy/sshhostagent.h"
#include "provision/envfile.h"
#include "provision/installbundle.h"
#include "sshtesttools.h"
#include "tst_sshfixture.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int waitMs = 30000;

template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    auto callback()
    {
        return [this](Result<T> r) {
            QVERIFY2(!result, "callback ran twice");
            result = std::move(r);
        };
    }
    bool wait(int timeoutMs = waitMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!result && !deadline.hasExpired())
            QTest::qWait(10);
        return result.has_value();
    }
};

bool writeText(const QString &path, const QByteArray &text, int mode = 0644)
{
    QDir().mkpath(QFileInfo(path).path());
    return SshTestTools::writeFile(path, text, mode);
}

int unixMode(const QString &path)
{
    const QFileDevice::Permissions p = QFileInfo(path).permissions();
    int mode = 0;
    if (p & QFileDevice::ReadOwner)
        mode |= 0400;
    if (p & QFileDevice::WriteOwner)
        mode |= 0200;
    if (p & QFileDevice::ExeOwner)
        mode |= 0100;
    if (p & QFileDevice::ReadGroup)
        mode |= 0040;
    if (p & QFileDevice::WriteGroup)
        mode |= 0020;
    if (p & QFileDevice::ExeGroup)
        mode |= 0010;
    if (p & QFileDevice::ReadOther)
        mode |= 0004;
    if (p & QFileDevice::WriteOther)
        mode |= 0002;
    if (p & QFileDevice::ExeOther)
        mode |= 0001;
    return mode;
}

// A one-shot HTTP server on 127.0.0.1 that answers every request with `status` and `body`.
class TinyHttpServer : public QObject
{
public:
    TinyHttpServer(int status, QByteArray body)
        : m_status(status)
        , m_body(std::move(body))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n"))
                        return;
                    socket->write("HTTP/1.1 " + QByteArray::number(m_status) + " X\r\nContent-Length: "
                                  + QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" + m_body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray request() const { return m_request; }

private:
    QTcpServer m_server;
    int m_status;
    QByteArray m_body;
    QByteArray m_request;
};

} // namespace

class tst_SshHostAgent : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_root; // the remote root
    QString m_bin; // stubs, first on the session's PATH
    TestKeys m_keys;
    TestKeys::Key m_clientKey;
    std::unique_ptr<TestSshd> m_sshd;

    SshHostAgent::Options agentOptions() const
    {
        SshHostAgent::Options options;
        options.connect.user = m_sshd->user();
        options.connect.keyFile = m_clientKey.privateFile;
        options.connect.connectTimeoutMs = 10000;
        options.remoteRoot = m_root;
        options.retryInitialDelayMs = 100;
        options.retryMaxDelayMs = 500;
        return options;
    }

    HostEndpoint endpoint(const TestSshd &sshd, const QString &pinned, const QString &pending = {}) const
    {
        HostEndpoint e;
        e.serverName = u"meet-example-org-jvb-1"_s;
        e.role = HostRole::Bridge;
        e.address = sshd.host();
        e.port = sshd.port();
        e.pinnedHostKey = pinned;
        e.pendingHostKey = pending;
        return e;
    }

    std::unique_ptr<SshHostAgent> connectedAgent(HostRole role = HostRole::Bridge)
    {
        HostEndpoint e = endpoint(*m_sshd, m_sshd->hostPublicKey());
        e.role = role;
        auto agent = std::make_unique<SshHostAgent>(e, agentOptions());
        Outcome<QString> connected;
        agent->connectToHost(waitMs, connected.callback());
        if (!connected.wait() || !connected.result->ok()) {
            qWarning() << "connect failed:" << (connected.result ? connected.result->error().toString() : u"timeout"_s);
            return nullptr;
        }
        return agent;
    }

    QString otherPublicKey()
    {
        const TestKeys::Key key = m_keys.generate(TestKeys::Type::Ed25519);
        return SshTestTools::publicKeyWithoutComment(key.publicLine);
    }

    QByteArray calls() const { return readLocalFile(m_root + u"/calls.log"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_root = m_work.filePath(u"root"_s);
        m_bin = m_work.filePath(u"bin"_s);
        QVERIFY(QDir().mkpath(m_root));
        m_clientKey = m_keys.generate(TestKeys::Type::Ed25519);
        QVERIFY2(m_clientKey.isValid(), qPrintable(m_keys.errorString()));

        // The stubs. systemctl keeps each started unit's pid under the root to answer is-active.
        const QByteArray record = "echo \"$(basename \"$0\") $*\" >>\"$JD_ROOT/calls.log\"\n";
        QVERIFY(writeText(m_bin + u"/systemctl"_s,
                          "#!/bin/bash\n" + record
                                  + "run=$JD_ROOT/run; mkdir -p \"$run\"\n"
                                    "unit=${!#}\n"
                                    "case $1 in\n"
                                    "is-active)\n"
                                    "    if [[ -f $run/$unit.running ]]; then echo activating; exit 0; fi\n"
                                    "    echo inactive; exit 3 ;;\n"
                                    "start)\n"
                                    "    command=$(sed -n 's/^ExecStart=//p' \"$JD_ROOT/etc/systemd/system/$unit\")\n"
                                    "    touch \"$run/$unit.running\"\n"
                                    "    setsid bash -c \"$JD_ROOT$command; rm -f '$run/$unit.running'\" </dev/null "
                                    ">/dev/null 2>&1 "
                                    "&\n"
                                    "    ;;\n"
                                    "reload)\n"
                                    "    [[ $2 == ssh ]] && kill -HUP \"$(cat \"$JD_ROOT/sshd-to-reload.pid\")\" ;;\n"
                                    "esac\n",
                          0755));
        QVERIFY(writeText(m_bin + u"/systemd-run"_s, "#!/bin/bash\n" + record, 0755));
        QVERIFY(writeText(m_bin + u"/sshd"_s, "#!/bin/bash\n" + record, 0755));
        // jvb's private HTTP API on 127.0.0.1:8080: drain mode and the conference gauge, from files under the root.
        QVERIFY(writeText(
                m_bin + u"/curl"_s,
                "#!/bin/bash\n"
                "case \"$*\" in\n"
                "*127.0.0.1:8080/colibri/drain/enable*) echo \"$(basename \"$0\") drain\" >>\"$JD_ROOT/calls.log\"; "
                "printf 200 ;;\n"
                "*127.0.0.1:8080/metrics*) n=$(cat \"$JD_ROOT/conferences\"); echo \"jitsi_jvb_conferences $n\"; "
                "echo 'jitsi_jvb_drain_mode 1'; "
                "echo $((n > 0 ? n - 1 : 0)) >\"$JD_ROOT/conferences\" ;;\n"
                "*) exec /usr/bin/curl \"$@\" ;;\n"
                "esac\n",
                0755));

        TestSshd::Options options;
        options.extraConfig << u"SetEnv PATH="_s + m_bin
                                       + u":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"_s;
        m_sshd = std::make_unique<TestSshd>(options);
        QString error;
        QVERIFY2(m_sshd->start(&error), qPrintable(error));
        QVERIFY(m_sshd->authorize(m_clientKey.publicLine));
    }

    void connectsWithThePinnedKey()
    {
        auto agent = std::make_unique<SshHostAgent>(endpoint(*m_sshd, m_sshd->hostPublicKey(), otherPublicKey()),
                                                    agentOptions());
        Outcome<QString> connected;
        agent->connectToHost(waitMs, connected.callback());
        QVERIFY(connected.wait());
        QVERIFY2(connected.result->ok(), qPrintable(connected.result->error().toString()));
        QCOMPARE(connected.result->value(), m_sshd->hostPublicKey());
    }

    void fallsBackToThePendingKey()
    {
        auto agent = std::make_unique<SshHostAgent>(endpoint(*m_sshd, otherPublicKey(), m_sshd->hostPublicKey()),
                                                    agentOptions());
        Outcome<QString> connected;
        agent->connectToHost(waitMs, connected.callback());
        QVERIFY(connected.wait());
        QVERIFY2(connected.result->ok(), qPrintable(connected.result->error().toString()));
        QCOMPARE(connected.result->value(), m_sshd->hostPublicKey());
        // Connected means usable.
        Outcome<QByteArray> read;
        QVERIFY(writeText(m_root + u"/etc/hostname"_s, "bridge\n"));
        agent->readFile(u"/etc/hostname"_s, read.callback());
        QVERIFY(read.wait());
        QCOMPARE(read.result->value(), QByteArray("bridge\n"));
    }

    void refusesAnUnknownKey_data()
    {
        QTest::addColumn<bool>("withPending");
        QTest::newRow("no pending key") << false;
        QTest::newRow("pending key wrong too") << true;
    }

    void refusesAnUnknownKey()
    {
        QFETCH(bool, withPending);
        auto agent = std::make_unique<SshHostAgent>(
                endpoint(*m_sshd, otherPublicKey(), withPending ? otherPublicKey() : QString()), agentOptions());
        Outcome<QString> connected;
        agent->connectToHost(waitMs, connected.callback());
        QVERIFY(connected.wait());
        QVERIFY(!connected.result->ok());
        QCOMPARE(connected.result->error().code, u"host_key_mismatch"_s);
    }

    // A new server's sshd comes up some time after the API said "running": refused connections are retried.
    void retriesWhileTheServerBoots()
    {
        TestSshd::Options options;
        options.port = SshTestTools::freeLoopbackPort();
        TestSshd late(options);
        HostEndpoint e = endpoint(*m_sshd, QString());
        e.port = options.port;
        // The key is generated on start(); pin it by starting once, stopping, and starting again later.
        QString error;
        QVERIFY2(late.start(&error), qPrintable(error));
        QVERIFY(late.authorize(m_clientKey.publicLine));
        e.pinnedHostKey = late.hostPublicKey();
        late.stop();

        auto agent = std::make_unique<SshHostAgent>(e, agentOptions());
        QSignalSpy waiting(agent.get(), &HostAgent::bootWaiting);
        Outcome<QString> connected;
        agent->connectToHost(waitMs, connected.callback());
        QTest::qWait(800); // a few refused attempts
        QVERIFY(!connected.result);
        // Each refused try is told (the engine's "waiting: boot" event): how long so far, when the next one is.
        QVERIFY2(waiting.size() >= 2, qPrintable(QString::number(waiting.size())));
        QCOMPARE(waiting.at(0).at(1).toInt(), 100);
        QCOMPARE(waiting.at(1).at(1).toInt(), 200); // the backoff doubles
        QVERIFY(waiting.at(1).at(0).toInt() >= 100); // elapsed: at least the first delay
        // The short error code, not the whole message. Usually "connection_refused"; right after the old sshd
        // stopped, its port can still take a connection that then fails the handshake (seen under load).
        const QString reason = waiting.at(0).at(2).toString();
        QVERIFY2(reason == u"connection_refused"_s || reason == u"handshake_failed"_s, qPrintable(reason));
        QVERIFY2(late.start(&error), qPrintable(error));
        QVERIFY(connected.wait());
        QVERIFY2(connected.result->ok(), qPrintable(connected.result->error().toString()));

        // With the time up, the last error is the answer.
        late.stop();
        auto gaveUp = std::make_unique<SshHostAgent>(e, agentOptions());
        Outcome<QString> refused;
        gaveUp->connectToHost(300, refused.callback());
        QVERIFY(refused.wait());
        QVERIFY(!refused.result->ok());
        QCOMPARE(refused.result->error().code, u"connection_refused"_s);
    }

    void uploadsFilesWithModes()
    {
        auto agent = connectedAgent();
        QVERIFY(agent);
        const QList<InstallFile> files{
                {u"/etc/jitsi-deployer/provision.env"_s, "JD_ROLE='bridge'\n", 0600},
                {u"/usr/local/lib/jitsi-deployer/deep/er/tool.sh"_s, "#!/bin/sh\necho hi\n", 0755},
                {u"/etc/systemd/system/x.service"_s, "[Unit]\n", 0644},
        };
        Outcome<void> uploaded;
        agent->uploadFiles(files, uploaded.callback());
        QVERIFY(uploaded.wait());
        QVERIFY2(uploaded.result->ok(), qPrintable(uploaded.result->error().toString()));
        for (const InstallFile &file : files) {
            QCOMPARE(readLocalFile(m_root + file.remotePath), file.content);
            QCOMPARE(unixMode(m_root + file.remotePath), file.mode);
        }
        // Replacing keeps working (atomic rename over an existing file).
        Outcome<void> again;
        agent->uploadFiles({{files.first().remotePath, "JD_ROLE='web'\n", 0600}}, again.callback());
        QVERIFY(again.wait() && again.result->ok());
        QCOMPARE(readLocalFile(m_root + files.first().remotePath), QByteArray("JD_ROLE='web'\n"));
    }

    void readFileReportsAMissingFile()
    {
        auto agent = connectedAgent();
        QVERIFY(agent);
        Outcome<QByteArray> missing;
        agent->readFile(u"/var/lib/prosody/auth.meet.example.org.crt"_s, missing.callback());
        QVERIFY(missing.wait());
        QVERIFY(!missing.result->ok());
        QCOMPARE(missing.result->error().code, u"file_not_found"_s);

        const QByteArray certificate = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        QVERIFY(writeText(m_root + u"/var/lib/prosody/auth.meet.example.org.crt"_s, certificate));
        Outcome<QByteArray> present;
        agent->readFile(u"/var/lib/prosody/auth.meet.example.org.crt"_s, present.callback());
        QVERIFY(present.wait());
        QCOMPARE(present.result->value(), certificate);
    }

    // Install runs as a unit: the offset names this run's start line, a second start while it runs starts
    // nothing, and following from the offset shows exactly this run.
    void startTaskAndFollowTheLog()
    {
        const QString log = m_root + InstallBundle::logPath();
        const QByteArray oldRun = "@@run start install-bridge time=x\n@@step start preseed time=x\n"
                                  "@@step end preseed rc=1 time=x\n@@run end install-bridge rc=1 time=x\n";
        QVERIFY(writeText(log, oldRun, 0600));
        QFile::remove(m_root + u"/calls.log"_s);
        QFile::remove(m_root + u"/go"_s);

        // The bundle as the engine uploads it, with a stand-in script that writes markers and waits for "go".
        QList<InstallFile> files = InstallBundle::forRole(HostRole::Bridge).files();
        for (InstallFile &file : files)
            if (file.remotePath.endsWith(u"/provision-bridge.sh"_s))
                file.content = "#!/bin/bash\n"
                               "log=$JD_ROOT/var/log/jitsi-deployer/provision.log\n"
                               "echo '@@run start install-bridge time=x' >>\"$log\"\n"
                               "echo '@@step start wait-cloud-init time=x' >>\"$log\"\n"
                               "echo 'waiting for cloud-init' >>\"$log\"\n"
                               "echo '@@step end wait-cloud-init rc=0 time=x' >>\"$log\"\n"
                               "while [[ ! -f $JD_ROOT/go ]]; do sleep 0.05; done\n"
                               "echo '@@step skip check-system time=x' >>\"$log\"\n"
                               "echo '@@run end install-bridge rc=0 time=x' >>\"$log\"\n";
        auto agent = connectedAgent();
        QVERIFY(agent);
        Outcome<void> uploaded;
        agent->uploadFiles(files, uploaded.callback());
        QVERIFY(uploaded.wait() && uploaded.result->ok());

        Outcome<qint64> started;
        agent->startTask(ProvisionTask::Install, started.callback());
        QVERIFY(started.wait());
        QVERIFY2(started.result->ok(), qPrintable(started.result->error().toString()));
        QCOMPARE(started.result->value(), qint64(oldRun.size()));
        QVERIFY(calls().contains("systemctl start --no-block jitsi-deployer-provision.service"));

        QByteArray followed;
        qint64 lastOffset = -1;
        bool ended = false;
        agent->followLog(
                started.result->value(),
                [&](const QByteArray &bytes, qint64 endOffset) {
                    followed += bytes;
                    lastOffset = endOffset;
                },
                [&](Result<void>) { ended = true; });
        QTRY_VERIFY_WITH_TIMEOUT(followed.contains("@@step end wait-cloud-init rc=0"), waitMs);

        // Asked again while it runs (the app restarted): the same offset, and nothing started twice.
        Outcome<qint64> again;
        agent->startTask(ProvisionTask::Install, again.callback());
        QVERIFY(again.wait() && again.result->ok());
        QCOMPARE(again.result->value(), started.result->value());
        QCOMPARE(calls().count("start --no-block"), 1);

        QVERIFY(writeText(m_root + u"/go"_s, ""));
        QTRY_VERIFY_WITH_TIMEOUT(followed.contains("@@run end install-bridge rc=0"), waitMs);
        QCOMPARE(lastOffset, QFileInfo(log).size());
        ProvisionLogParser parser(started.result->value());
        const QList<ProvisionLogEvent> events = parser.feed(followed);
        QCOMPARE(events.first().kind, ProvisionLogEvent::Kind::RunStarted);
        QCOMPARE(events.last().kind, ProvisionLogEvent::Kind::RunEnded);
        QCOMPARE(events.last().rc, 0);
        QCOMPARE(events.size(), 6); // nothing of the old run
        agent->stopFollowingLog();
        QTest::qWait(200);
        QVERIFY(!ended); // stopping is not a failure

        // Finished: the next start begins at the end of the log and starts the unit again.
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(m_root + u"/run/jitsi-deployer-provision.service.running"_s), waitMs);
        Outcome<qint64> next;
        agent->startTask(ProvisionTask::Install, next.callback());
        QVERIFY(next.wait() && next.result->ok());
        QCOMPARE(next.result->value(), QFileInfo(log).size());
        QCOMPARE(calls().count("start --no-block"), 2);
    }

    void firewallAndCertificateRunAsTransientUnits()
    {
        auto agent = connectedAgent(HostRole::Web);
        QVERIFY(agent);
        QFile::remove(m_root + u"/calls.log"_s);
        for (ProvisionTask task : {ProvisionTask::Firewall, ProvisionTask::Certificate}) {
            Outcome<qint64> started;
            agent->startTask(task, started.callback());
            QVERIFY(started.wait());
            QVERIFY2(started.result->ok(), qPrintable(started.result->error().toString()));
            QCOMPARE(started.result->value(), QFileInfo(m_root + InstallBundle::logPath()).size());
        }
        QVERIFY2(calls().contains("systemd-run --no-block --unit=jitsi-deployer-firewall-update.service --collect "
                                  "--property=Type=oneshot /usr/local/lib/jitsi-deployer/web-firewall.sh"),
                 calls().constData());
        QVERIFY(calls().contains("systemd-run --no-block --unit=jitsi-deployer-certificate.service"));
    }

    void probesHttpOnTheHost()
    {
        auto agent = connectedAgent();
        QVERIFY(agent);
        TinyHttpServer server(200, "{\"bridge_selector\":{\"operational_bridge_count\":2}}\n");
        QVERIFY(server.listen());
        Outcome<HttpProbe> probe;
        agent->probeHttp(server.port(), u"/stats"_s, probe.callback());
        QVERIFY(probe.wait());
        QCOMPARE(probe.result->value().status, 200);
        QCOMPARE(probe.result->value().body, QByteArray("{\"bridge_selector\":{\"operational_bridge_count\":2}}\n"));
        QVERIFY(server.request().startsWith("GET /stats HTTP/1.1\r\n"));

        TinyHttpServer unhealthy(503, "");
        QVERIFY(unhealthy.listen());
        Outcome<HttpProbe> failing;
        agent->probeHttp(unhealthy.port(), u"/about/health"_s, failing.callback());
        QVERIFY(failing.wait());
        QCOMPARE(failing.result->value().status, 503);
        QCOMPARE(failing.result->value().body, QByteArray());

        // Nothing listening: no answer is status 0, not an error.
        Outcome<HttpProbe> closed;
        agent->probeHttp(SshTestTools::freeLoopbackPort(), u"/about/health"_s, closed.callback());
        QVERIFY(closed.wait());
        QVERIFY(closed.result->ok());
        QCOMPARE(closed.result->value().status, 0);
        QVERIFY(!closed.result->value().error.isEmpty());
    }

    void drainsABridge()
    {
        auto agent = connectedAgent();
        QVERIFY(agent);
        QFile::remove(m_root + u"/calls.log"_s);
        QVERIFY(writeText(m_root + u"/conferences"_s, "0\n"));
        Outcome<int> drained;
        agent->drainBridge(60, drained.callback());
        QVERIFY(drained.wait());
        QVERIFY2(drained.result->ok(), qPrintable(drained.result->error().toString()));
        QCOMPARE(drained.result->value(), 0);
        QVERIFY(calls().contains("curl drain"));
        QCOMPARE(unixMode(m_root + InstallBundle::bridgeDrainScript().remotePath), 0755);

        // Time is up with meetings still running: the count, not an error.
        QVERIFY(writeText(m_root + u"/conferences"_s, "3\n"));
        Outcome<int> busy;
        agent->drainBridge(0, busy.callback());
        QVERIFY(busy.wait());
        QVERIFY2(busy.result->ok(), qPrintable(busy.result->error().toString()));
        QCOMPARE(busy.result->value(), 3);
    }

    // Rotation against a second sshd whose host key lives under the root: the agent (on the first server)
    // installs the new pair, the stub reload HUPs the second sshd, and from then on only the new key works.
    void installsANewHostKey()
    {
        const QString keyFile = m_root + u"/etc/ssh/ssh_host_ed25519_key"_s;
        QVERIFY(QDir().mkpath(QFileInfo(keyFile).path()));
        QFile::remove(keyFile);
        QFile::remove(keyFile + u".pub"_s);
        const auto generated = SshTestTools::run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(),
                                                                   u"-C"_s, u"old"_s, u"-f"_s, keyFile});
        QVERIFY2(generated.ok(), qPrintable(generated.describe(u"ssh-keygen"_s)));
        TestSshd::Options options;
        options.hostKeyFile = keyFile;
        TestSshd target(options);
        QString error;
        QVERIFY2(target.start(&error), qPrintable(error));
        QVERIFY(target.authorize(m_clientKey.publicLine));
        QVERIFY(writeText(m_root + u"/sshd-to-reload.pid"_s, QByteArray::number(target.pid()) + '\n'));
        const QString oldKey = target.hostPublicKey();

        const QString newKeyFile = m_work.filePath(u"new_host_key"_s);
        const auto made = SshTestTools::run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(),
                                                              u"-C"_s, u"new"_s, u"-f"_s, newKeyFile});
        QVERIFY(made.ok());
        HostKeyText newKey{
                u"ed25519"_s, QString::fromUtf8(readLocalFile(newKeyFile)),
                SshTestTools::publicKeyWithoutComment(QString::fromUtf8(readLocalFile(newKeyFile + u".pub"_s)))};

        auto agent = connectedAgent();
        QVERIFY(agent);
        QFile::remove(m_root + u"/calls.log"_s);
        Outcome<void> installed;
        agent->installHostKey(newKey, installed.callback());
        QVERIFY(installed.wait());
        QVERIFY2(installed.result->ok(), qPrintable(installed.result->error().toString()));
        QCOMPARE(agent->endpoint().pinnedHostKey, newKey.publicKey);
        QVERIFY(calls().contains("systemctl reload ssh"));
        QVERIFY(calls().contains(QByteArray("sshd -t -f " + m_root.toUtf8() + "/etc/ssh/sshd_config")));
        QCOMPARE(readLocalFile(keyFile), newKey.privateKey.toUtf8());
        QCOMPARE(unixMode(keyFile), 0600);
        QVERIFY(!QFile::exists(m_root + InstallBundle::hostKeyStagingPath(newKey.publicKey)));
        QVERIFY(readLocalFile(m_root + u"/etc/ssh/sshd_config.d/jitsi-deployer-host-key.conf"_s)
                        .contains("\nHostKey /etc/ssh/ssh_host_ed25519_key\n"));
        // The session that did it is still usable.
        Outcome<QByteArray> still;
        agent->readFile(u"/etc/ssh/ssh_host_ed25519_key.pub"_s, still.callback());
        QVERIFY(still.wait() && still.result->ok());

        // The rotated server shows the new key (the reload may take a moment: refused attempts are retried) ...
        auto fresh = std::make_unique<SshHostAgent>(endpoint(target, newKey.publicKey), agentOptions());
        Outcome<QString> connected;
        fresh->connectToHost(waitMs, connected.callback());
        QVERIFY(connected.wait());
        QVERIFY2(connected.result->ok(), qPrintable(connected.result->error().toString() + target.log()));
        // ... and no longer the old one.
        auto stale = std::make_unique<SshHostAgent>(endpoint(target, oldKey), agentOptions());
        Outcome<QString> refused;
        stale->connectToHost(waitMs, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.result->error().code, u"host_key_mismatch"_s);
    }

    void operationsBeforeConnectingFail()
    {
        SshHostAgent agent(endpoint(*m_sshd, m_sshd->hostPublicKey()), agentOptions());
        Outcome<QByteArray> read;
        agent.readFile(u"/etc/hostname"_s, read.callback());
        QVERIFY(read.result && !read.result->ok());
        QCOMPARE(read.result->error().code, u"not_connected"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SshHostAgent)
#include "tst_sshhostagent.moc"
