// The testbed's jicofo and videobridge shims (tests/testbed/shims) against a REAL prosody on loopback, configured
// with the site config the jitsi-meet-prosody shim writes and a certificate made by prosodyctl as the package
// makes it: the bridges log in over verified TLS, join the brewery, jicofo counts them, and our real Verifier
// passes on the logs they all wrote; a wrong secret, a shared nickname and an untrusted certificate each fail
// for their own reason.
#include "deploy/jitsistate.h"
#include "deploy/verifier.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"meet.example.org"_s;
const QString jvbSecret = u"JvbSecret4Testbed9"_s;
const QString focusPassword = u"FocusPassword7Shim3"_s;
const QString shimDir = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/shims");
const int lineTimeoutMs = 30000;

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

// A port nobody listens on now; the daemons bind it a moment later (loopback only, so a clash is unlikely).
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("no free loopback port");
    return server.serverPort();
}

HttpProbe httpGet(const QString &url)
{
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(QUrl(url))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return HttpProbe::failed(u"timeout"_s);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return HttpProbe::failed(reply->errorString());
    return HttpProbe::answered(status, reply->readAll());
}

int operationalBridges(const HttpProbe &stats)
{
    return QJsonDocument::fromJson(stats.body)
            .object()
            .value(u"bridge_selector"_s)
            .toObject()
            .value(u"operational_bridge_count"_s)
            .toInt(-1);
}

// A daemon of the test; stopped with SIGTERM (as systemd stops it) when the test ends.
class Daemon
{
public:
    Daemon(const QString &name, const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment, const QString &outputFile)
        : m_name(name)
    {
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(outputFile);
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(10000))
            qWarning("%s did not start: %s", qPrintable(name), qPrintable(m_process.errorString()));
    }
    ~Daemon() { stop(); }

    bool running() const { return m_process.state() == QProcess::Running; }

    // Returns the exit code, -1 when it had to be killed.
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.terminate();
        if (m_process.waitForFinished(10000))
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        qWarning("%s ignored SIGTERM", qPrintable(m_name));
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }

private:
    QString m_name;
    QProcess m_process;
};

struct BridgeSetup
{
    QString nickname;
    QString password = jvbSecret;
    bool trustsProsody = true;
    quint16 httpPort = 0;
    QString log;
};

} // namespace

class TestJitsiShims : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(u"/usr/bin/prosody"_s) || QStandardPaths::findExecutable(u"hocon"_s).isEmpty())
            QSKIP("needs prosody and ruby-hocon (apt-get install prosody ruby-hocon)");
        if (QProcess::execute(u"/usr/bin/python3"_s, {u"-c"_s, u"import slixmpp"_s}) != 0)
            QSKIP("needs python3-slixmpp (apt-get install python3-slixmpp)");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(data()));
        QVERIFY(QDir().mkpath(logs()));
        m_c2sPort = freePort();
        m_jicofoPort = freePort();
        QVERIFY(writeText(prosodyConfig(), prosodyConfigText()));

        // As jitsi-meet-prosody's postinst does: prosodyctl makes the certificates (all defaults), then the
        // service accounts are added with the password on stdin.
        for (const QString &host : QStringList{domain, u"auth."_s + domain}) {
            const QString out = prosodyctl({u"cert"_s, u"generate"_s, host}, QByteArray(8, '\n'));
            QVERIFY2(QFile::exists(data() + u'/' + host + u".crt"_s), qPrintable(out));
        }
        const QString authCert = data() + u"/auth."_s + domain + u".crt"_s;
        // Trust exactly prosody's auth certificate, as update-ca-certificates makes a host trust it.
        QVERIFY(QFile::copy(authCert, m_dir.filePath(u"trusted.pem"_s)));
        prosodyctl({u"adduser"_s, u"focus@auth."_s + domain}, (focusPassword + u'\n' + focusPassword + u'\n').toUtf8());
        prosodyctl({u"adduser"_s, u"jvb@auth."_s + domain}, (jvbSecret + u'\n' + jvbSecret + u'\n').toUtf8());
        QVERIFY(QFile::exists(data() + u"/auth%2emeet%2eexample%2eorg/accounts/jvb.dat"_s));
    }

    void init()
    {
        // A fresh prosody and log files per test, so each verdict rests on its own evidence.
        for (const QString &name : QDir(logs()).entryList(QDir::Files))
            QFile::remove(logs() + u'/' + name);
        m_daemons.clear();
        startDaemon(u"prosody"_s, u"/usr/bin/prosody"_s, {u"--config"_s, prosodyConfig(), u"-F"_s});
        QTRY_VERIFY_WITH_TIMEOUT(
                prosodyLog().contains(u"Activated service 'c2s' on [127.0.0.1]:"_s + QString::number(m_c2sPort)),
                lineTimeoutMs);
    }

    void cleanup()
    {
        // Bridges first, then jicofo, then prosody, as a host shuts down.
        while (!m_daemons.empty())
            m_daemons.pop_back();
        if (QTest::currentTestFailed()) {
            for (const QString &name : QDir(logs()).entryList(QDir::Files))
                qInfo().noquote() << "----" << name << "\n" << readText(logs() + u'/' + name).right(4000);
        }
    }

    void twoBridgesAreVerified()
    {
        startJicofo();
        QList<BridgeSetup> bridges = {bridge(1), bridge(2)};
        for (BridgeSetup &b : bridges)
            startBridge(b);
        for (const BridgeSetup &b : bridges)
            QTRY_VERIFY_WITH_TIMEOUT(
                    jicofoLog().contains(u"Added new videobridge: Bridge[jid=jvbbrewery@internal.auth."_s + domain
                                         + u'/' + b.nickname + u',')
                            && readText(b.log).contains(u"Joined MUC: jvbbrewery@internal.auth."_s),
                    lineTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(operationalBridges(jicofoStats()), 2, lineTimeoutMs);
        QCOMPARE(prosodyLog().count(u"Authenticated as jvb@auth."_s + domain), 2);
        QVERIFY(prosodyLog().contains(u"Authenticated as focus@auth."_s + domain));
        QVERIFY(!readText(bridges[0].log).contains(jvbSecret));

        const VerificationReport report = Verifier::verify(evidence(bridges));
        QVERIFY2(report.ok(), qPrintable(describe(report)));
        QCOMPARE(report.liveSessions, 2);
        QCOMPARE(report.operationalBridges, 2);

        // Issue 14: the logs rotate (jicofo and jvb by copytruncate; prosody's compressed away), the state stays.
        // jicofo's /debug and the bridges' /metrics have the shape our parsers read, and the REAL prosody's admin
        // shell lists both bridges' sessions, whose login lines the StateQuery command finds in the .gz file.
        const QString prosodyLines = prosodyLog();
        QVERIFY(QFile::copy(logs() + u"/prosody.log"_s, logs() + u"/prosody.log.2"_s));
        QCOMPARE(QProcess::execute(u"gzip"_s, {u"-f"_s, logs() + u"/prosody.log.2"_s}), 0);
        for (const QString &log :
             QStringList{logs() + u"/prosody.log"_s, logs() + u"/jicofo.log"_s, bridges[0].log, bridges[1].log})
            QVERIFY(QFile::resize(log, 0));
        VerifierInput rotated = evidence(bridges);
        QVERIFY(!Verifier::verify(rotated).ok()); // from logs alone, the rotated deployment fails
        rotated.jicofoDebug = httpGet(u"http://127.0.0.1:%1/debug"_s.arg(m_jicofoPort));
        const auto view = JicofoState::parseDebug(rotated.jicofoDebug.body);
        QVERIFY2(view && view->size() == 2, rotated.jicofoDebug.body.constData());
        for (const JicofoBridgeView &b : *view)
            QVERIFY(b.operational && b.healthy.value_or(false) && !b.draining && b.stress.has_value());
        for (qsizetype i = 0; i < bridges.size(); ++i) {
            rotated.bridges[i].metrics = httpGet(jvbUrl(bridges[i], u"/metrics"_s));
            const JvbMetrics m = JvbMetrics::parse(rotated.bridges[i].metrics.body);
            QCOMPARE(m.mucsJoined, 1);
            QCOMPARE(m.mucClientsConnected, 1);
            QCOMPARE(m.conferences, 0);
            QCOMPARE(m.drainMode, false);
        }
        const QString table = prosodyctl({u"shell"_s, StateQuery::prosodySessionsLua()}, {});
        qInfo().noquote() << "prosodyctl shell output:\n" << table;
        rotated.prosodySessions = ProsodyState::parseSessions(table.split(u'\n'));
        QVERIFY2(rotated.prosodySessions, qPrintable(table));
        QStringList jvbIds;
        for (const ProsodyLiveSession &session : *rotated.prosodySessions) {
            if (session.bareJid() == u"jvb@auth."_s + domain) {
                QCOMPARE(session.ip, u"127.0.0.1"_s);
                QVERIFY2(prosodyLines.contains(session.id + u"\tinfo\tAuthenticated as jvb@auth."_s),
                         qPrintable(table));
                jvbIds.append(session.id);
            }
        }
        QCOMPARE(jvbIds.size(), 2);
        // The command as a host runs it, with the test's log folder as <root>/var/log/prosody.
        QTemporaryDir root;
        QVERIFY(QDir(root.path()).mkpath(u"var/log"_s));
        QVERIFY(QFile::link(logs(), root.path() + u"/var/log/prosody"_s));
        QProcess grep;
        grep.start(u"sh"_s, {u"-c"_s, StateQuery::prosodyLogins(jvbIds).command(root.path())});
        QVERIFY(grep.waitForFinished(30000));
        rotated.prosodyLogins = ProsodyState::parseLogins(QString::fromUtf8(grep.readAllStandardOutput()).split(u'\n'));
        QCOMPARE(rotated.prosodyLogins.size(), 2);
        QCOMPARE(rotated.prosodyLogins.at(0).file, u"prosody.log.2.gz"_s);
        const VerificationReport fromState = Verifier::verify(rotated);
        QVERIFY2(fromState.ok(), qPrintable(describe(fromState)));
        for (const BridgeVerdict &b : fromState.bridges) {
            QCOMPARE(b.login, LoginEvidence::LogLine);
            QVERIFY(b.inJicofoView && b.mucJoinedByMetrics);
        }

        // Drain as resources/provision/bridge-drain.sh does it, then a clean stop: jicofo drops the bridge.
        const QString metrics = QString::fromUtf8(httpGet(jvbUrl(bridges[1], u"/metrics"_s)).body);
        QVERIFY2(metrics.contains(u"\njitsi_jvb_conferences 0\n"_s), qPrintable(metrics));
        QProcess drain;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"JD_JVB_URL"_s, jvbUrl(bridges[1], {}));
        env.insert(u"JD_DRAIN_INTERVAL"_s, u"1"_s);
        drain.setProcessEnvironment(env);
        drain.start(u"bash"_s, {QStringLiteral(DEPLOYER_SOURCE_DIR "/resources/provision/bridge-drain.sh")});
        QVERIFY(drain.waitForFinished(30000));
        const QString drainOut = QString::fromUtf8(drain.readAllStandardOutput() + drain.readAllStandardError());
        QVERIFY2(drain.exitCode() == 0 && drainOut.contains(u"@@drain remaining=0"_s), qPrintable(drainOut));
        QVERIFY(readText(bridges[1].log).contains(u"Received drain request. enable=true"_s));
        QCOMPARE(m_daemons.back()->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(jicofoLog().contains(u"Removed brewery instance: jvbbrewery@internal.auth."_s + domain
                                                      + u'/' + bridges[1].nickname),
                                 lineTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(operationalBridges(jicofoStats()), 1, lineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(prosodyLog().contains(u"Client disconnected"_s), lineTimeoutMs);
    }

    void wrongSecretIsNamed()
    {
        startJicofo();
        BridgeSetup good = bridge(1);
        BridgeSetup wrong = bridge(2);
        wrong.password = u"NotTheJvbSecret1"_s;
        startBridge(good);
        startBridge(wrong);
        QTRY_VERIFY_WITH_TIMEOUT(readText(wrong.log).count(u"Failed to login. Disconnecting to trigger a re-connect."_s)
                                         >= 2,
                                 lineTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(operationalBridges(jicofoStats()), 1, lineTimeoutMs);
        QVERIFY(!readText(wrong.log).contains(u"Joined MUC"_s));

        const VerificationReport report = Verifier::verify(evidence({good, wrong}));
        QVERIFY(!report.ok());
        QVERIFY2(report.bridges.at(0).ok(), qPrintable(describe(report)));
        QVERIFY(!report.bridges.at(1).ok());
        QCOMPARE(report.bridges.at(1).problems.constFirst().code(), u"wrong-secret"_s);
        QVERIFY(report.toError().message.contains(wrong.nickname));
    }

    void duplicateNicknameIsNamed()
    {
        startJicofo();
        BridgeSetup first = bridge(1);
        BridgeSetup second = bridge(2);
        second.nickname = first.nickname;
        startBridge(first);
        startBridge(second);
        for (const BridgeSetup &b : {first, second})
            QTRY_VERIFY_WITH_TIMEOUT(readText(b.log).contains(u"Joined MUC: "_s), lineTimeoutMs);
        // Both log in as jvb@auth, so prosody merges them into one occupant: jicofo sees a single bridge.
        QTRY_COMPARE_WITH_TIMEOUT(prosodyLog().count(u"Authenticated as jvb@auth."_s + domain), 2, lineTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(operationalBridges(jicofoStats()), 1, lineTimeoutMs);

        QList<BridgeSetup> bridges = {first, second};
        VerifierInput input = evidence(bridges);
        input.bridges[1].serverName = u"meet-example-org-jvb-2"_s; // the server, not its (duplicated) nickname
        input.bridges[1].nickname = first.nickname;
        const VerificationReport report = Verifier::verify(input);
        QVERIFY(!report.ok());
        QStringList codes;
        for (const BridgeVerdict &b : report.bridges)
            codes.append(b.problems.isEmpty() ? u"ok"_s : b.problems.constFirst().code());
        QVERIFY2(codes.contains(u"duplicate-nickname"_s), qPrintable(describe(report)));
    }

    void untrustedCertificateIsNamed()
    {
        startJicofo();
        BridgeSetup b = bridge(1);
        b.trustsProsody = false;
        startBridge(b);
        QTRY_VERIFY_WITH_TIMEOUT(readText(b.log).contains(u"Error connecting:"_s), lineTimeoutMs);
        QVERIFY(!prosodyLog().contains(u"Authenticated as jvb@"_s));

        const VerificationReport report = Verifier::verify(evidence({b}));
        QVERIFY(!report.ok());
        QCOMPARE(report.bridges.at(0).problems.constFirst().code(), u"certificate-rejected"_s);
    }

private:
    QString data() const { return m_dir.filePath(u"data"_s); }
    QString logs() const { return m_dir.filePath(u"log"_s); }
    QString prosodyConfig() const { return m_dir.filePath(u"prosody.cfg.lua"_s); }
    QString prosodyLog() const { return readText(logs() + u"/prosody.log"_s); }
    QString jicofoLog() const { return readText(logs() + u"/jicofo.log"_s); }
    HttpProbe jicofoStats() const { return httpGet(u"http://127.0.0.1:%1/stats"_s.arg(m_jicofoPort)); }
    static QString jvbUrl(const BridgeSetup &b, const QString &path)
    {
        return u"http://127.0.0.1:%1"_s.arg(b.httpPort) + path;
    }

    // Debian's prosody.cfg.lua reduced to what runs unprivileged on loopback, then the shim package's site
    // config for the domain, as the postinst renders it.
    QString prosodyConfigText() const
    {
        QString site = readText(shimDir + u"/packages/jitsi-meet-prosody/site.cfg.lua.in"_s);
        site.replace(u"@DOMAIN@"_s, domain).replace(u"@CERTS@"_s, data());
        const QString globals = uR"(-- tst_jitsishims: prosody on loopback for the shims
run_as_root = true
pidfile = "%1/prosody.pid"
data_path = "%1"
certificates = "%1"
log = { info = "%2/prosody.log"; error = "%2/prosody.err" }
c2s_ports = { %3 }
c2s_interfaces = { "127.0.0.1" }
c2s_direct_tls_ports = {}
legacy_ssl_ports = {}
http_ports = { %4 }
http_interfaces = { "127.0.0.1" }
https_ports = {}
modules_enabled = { "disco"; "roster"; "saslauth"; "tls"; "limits"; "ping"; "posix"; "admin_shell" }
modules_disabled = { "s2s" }
)"_s.arg(data(), logs(), QString::number(m_c2sPort), QString::number(freePort()));
        return globals + site;
    }

    QString prosodyctl(const QStringList &arguments, const QByteArray &input)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(u"prosodyctl"_s, QStringList{u"--config"_s, prosodyConfig()} + arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            return u"prosodyctl timed out"_s;
        return QString::fromUtf8(process.readAll());
    }

    QProcessEnvironment shimEnvironment(bool trustsProsody) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"JD_SHIM_RETRY_SECONDS"_s, u"1"_s);
        // OpenSSL's default trust store, as the host's /etc/ssl/certs would be after update-ca-certificates.
        env.insert(u"SSL_CERT_FILE"_s,
                   trustsProsody ? m_dir.filePath(u"trusted.pem"_s) : u"/etc/ssl/certs/ca-certificates.crt"_s);
        env.insert(u"SSL_CERT_DIR"_s, m_dir.filePath(u"no-ca-dir"_s));
        env.remove(u"JAVA_SYS_PROPS"_s);
        env.remove(u"LOGFILE"_s);
        return env;
    }

    void startDaemon(const QString &name, const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        m_daemons.push_back(std::make_unique<Daemon>(name, program, arguments, env, logs() + u'/' + name + u".out"_s));
    }

    void startJicofo()
    {
        const QString config = m_dir.filePath(u"jicofo.conf"_s);
        // The keys the jicofo package's postinst sets with hocon, plus provision-web.sh's health switch.
        QVERIFY(writeText(config, uR"(jicofo {
    xmpp.client {
        client-proxy = "focus.%1"
        xmpp-domain = "%1"
        domain = "auth.%1"
        username = "focus"
        password = "%2"
        hostname = "127.0.0.1"
        port = %3
    }
    bridge.brewery-jid = "JvbBrewery@internal.auth.%1"
    rest.port = %4
    health.enabled = true
}
)"_s.arg(domain, focusPassword, QString::number(m_c2sPort), QString::number(m_jicofoPort))));
        startDaemon(u"jicofo"_s, shimDir + u"/daemons/jicofo-shim"_s,
                    {u"--config"_s, config, u"--log"_s, logs() + u"/jicofo.log"_s}, shimEnvironment(true));
        QTRY_VERIFY_WITH_TIMEOUT(jicofoLog().contains(u"Joined the room."_s), lineTimeoutMs);
    }

    BridgeSetup bridge(int n)
    {
        BridgeSetup b;
        b.nickname = u"meet-example-org-jvb-"_s + QString::number(n);
        b.httpPort = freePort();
        b.log = logs() + u"/jvb-"_s + QString::number(n) + u".log"_s;
        return b;
    }

    void startBridge(const BridgeSetup &b)
    {
        const QString config = m_dir.filePath(QFileInfo(b.log).completeBaseName() + u".conf"_s);
        // jvb.conf as the package generates it and provision-bridge.sh edits it.
        QVERIFY(writeText(config, uR"(videobridge {
    http-servers.private.port = %6
    apis.xmpp-client.configs {
        shard {
            HOSTNAME = "127.0.0.1"
            PORT = %5
            DOMAIN = "auth.%1"
            USERNAME = "jvb"
            PASSWORD = "%2"
            MUC_JIDS = "jvbbrewery@internal.auth.%1"
            MUC_NICKNAME = "%3"
            DISABLE_CERTIFICATE_VERIFICATION = %4
        }
    }
    websockets.enabled = false
}
ice4j { harvest { mapping { aws { enabled = false } } } }
)"_s.arg(domain, b.password, b.nickname, u"false"_s, QString::number(m_c2sPort), QString::number(b.httpPort))));
        startDaemon(QFileInfo(b.log).completeBaseName(), shimDir + u"/daemons/jvb-shim"_s,
                    {u"--config"_s, config, u"--log"_s, b.log}, shimEnvironment(b.trustsProsody));
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(jvbUrl(b, u"/about/health"_s)).status, 200, lineTimeoutMs);
    }

    VerifierInput evidence(const QList<BridgeSetup> &bridges) const
    {
        VerifierInput input;
        input.domain = domain;
        input.prosodyLog = prosodyLog();
        input.jicofoLog = jicofoLog();
        input.jicofoStats = jicofoStats();
        for (const BridgeSetup &b : bridges) {
            BridgeEvidenceInput in;
            in.serverName = b.nickname;
            in.publicIp = u"127.0.0.1"_s;
            in.jvbLog = readText(b.log);
            in.health = httpGet(jvbUrl(b, u"/about/health"_s));
            input.bridges.append(in);
        }
        return input;
    }

    static QString describe(const VerificationReport &report)
    {
        QStringList lines;
        for (const VerifyProblem &p : report.problems)
            lines.append(u"deployment: "_s + p.code() + u": "_s + p.message);
        for (const BridgeVerdict &b : report.bridges) {
            if (b.ok())
                lines.append(b.serverName + u": ok"_s);
            for (const VerifyProblem &p : b.problems)
                lines.append(b.serverName + u": "_s + p.code() + u": "_s + p.message);
        }
        return lines.join(u'\n');
    }

    QTemporaryDir m_dir;
    quint16 m_c2sPort = 0;
    quint16 m_jicofoPort = 0;
    std::vector<std::unique_ptr<Daemon>> m_daemons;
};

QTEST_GUILESS_MAIN(TestJitsiShims)
#include "tst_jitsishims.moc"
