// Issue 18: the headless CLI on a machine without any desktop keyring (a root shell over SSH). This process and
// every CLI run have no D-Bus session bus at all (deployer_add_test without KEYCHAIN unsets it, and the runtime
// directory holds no bus socket). The real `jitsi-deployer` refuses the keychain with the real cause and both ways
// on, then deploys, verifies and destroys on the testbed with the file store, loses the store and gets the
// passwords back from the web host over the pinned session, and refuses a damaged or world-readable store.
// Needs root; skips otherwise (a failure under CI=true, DESIGN.md §6).

#include "hcloudsim.h"
#include "testbedtools.h"
#include "testkeys.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kDomain = u"nokeyring.jitsi-deployer.test"_s;
const QString kZone = u"jitsi-deployer.test"_s;
const QString kSlug = u"nokeyring-jitsi-deployer-test"_s;
const QString kWeb = kSlug + u"-web"_s;
const QString kBridge = kSlug + u"-jvb-1"_s;

constexpr int kServicesTimeoutMs = 30 * 60 * 1000;
constexpr int kCommandTimeoutMs = 15 * 60 * 1000;

using Testbed::Outcome;

Outcome run(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    return Testbed::finish(*Testbed::start(program, arguments), timeoutMs);
}

struct CliRun
{
    int exitCode = -1; // -1: killed or crashed
    QList<QJsonObject> events;
    QString err;

    QJsonObject finished() const
    {
        for (const QJsonObject &event : events)
            if (event.value(u"event"_s) == u"finished"_s)
                return event;
        return {};
    }
    QString errorCode() const { return finished().value(u"error"_s).toObject().value(u"code"_s).toString(); }
    QStringList warnings() const
    {
        QStringList found;
        for (const QJsonObject &event : events)
            if (event.value(u"event"_s) == u"warning"_s)
                found.append(event.value(u"message"_s).toString());
        return found;
    }
    QString describe() const
    {
        return u"exit %1; finished: %2; stderr: %3"_s.arg(exitCode).arg(
                QString::fromUtf8(QJsonDocument(finished()).toJson(QJsonDocument::Compact)).left(4000),
                err.right(3000));
    }
};

int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

// Every file under root whose content contains needle.
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

// Processes of this machine (not the sandboxed hosts, which have their own root) whose command line holds needle.
QStringList commandLinesContaining(const QByteArray &needle)
{
    QStringList hits;
    const QStringList pids = QDir(u"/proc"_s).entryList({u"[0-9]*"_s}, QDir::Dirs);
    for (const QString &pid : pids) {
        if (QFileInfo(u"/proc/%1/root"_s.arg(pid)).symLinkTarget() != u"/"_s)
            continue;
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(needle))
            hits << pid;
    }
    return hits;
}

} // namespace

class TestFileStoreEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void keychainRefusalNamesBothWays();
    void deployAndVerifyWithFileStore();
    void lostStoreIsRecoveredFromWebHost();
    void damagedStoreIsRefused();
    void worldReadableStoreIsRefused();
    void tamperedHostKeyLabelStopsSecondComputer();
    void secondComputerVerifiesAndAddsBridge();
    void destroyRemovesTheSecrets();

private:
    using EventHook = std::function<void(const QJsonObject &event)>;
    CliRun cli(const QString &label, const QStringList &arguments, bool fileStore = true, const EventHook &hook = {});
    QStringList deployArguments() const;
    QByteArray hostFile(const QString &name, const QString &path) const;
    QStringList serverNames() const;
    QStringList runningHosts() const;
    QByteArray storedSecret(const QString &name) const; // decoded from the store's file
    // Issue 14, another computer: a fresh HOME with its own XDG folders and file store, nothing shared with this one
    // but the user's SSH key and the API token.
    QString newComputer(const QString &name);
    QJsonObject simServer(const QString &name) const;
    bool putServerLabels(const QString &name, const QJsonObject &labels);
    QString hostKeyLabelFor(const QString &name) const; // what the label must say: from the host's key file

    QString m_hostScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/host.sh");
    QString m_servicesScript = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/services.sh");
    QString m_state;
    QString m_services;
    QString m_artefacts;
    QTemporaryDir m_dir;
    QString m_storeDir;
    TestKeys m_keys;
    TestKeys::Key m_key;
    QString m_planFile;
    std::unique_ptr<HcloudSim> m_sim;
    bool m_servicesUp = false;
    bool m_stepFailed = false;
    int m_runs = 0;
    QString m_computerHome; // set: cli() runs as that other computer
    QByteArray m_jvbSecret;
    QByteArray m_focusPassword;
};

void TestFileStoreEndToEnd::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The testbed needs root (network namespaces, overlay mounts, chroot); run this test as root.");
    // The point of this test: no session bus anywhere, as in a root shell over SSH.
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QVERIFY(!QFileInfo::exists(qEnvironmentVariable("XDG_RUNTIME_DIR") + u"/bus"_s));

    m_state = qEnvironmentVariable("JD_TESTBED_STATE");
    QVERIFY2(!m_state.isEmpty(), "JD_TESTBED_STATE is not set (tests/e2e/CMakeLists.txt sets it)");
    m_services = m_state + u"/services"_s;
    m_artefacts = QStringLiteral(DEPLOYER_BINARY_DIR "/testbed-artefacts/tst_e2e_filestore");
    QDir(m_artefacts).removeRecursively();
    QVERIFY(QDir().mkpath(m_artefacts));
    QVERIFY(m_dir.isValid());
    m_storeDir = m_dir.filePath(u"store/secrets"_s);

    for (const QString &name : runningHosts())
        run(u"/bin/bash"_s, {m_hostScript, u"down"_s, name});

    const Outcome services = run(u"/bin/bash"_s, {m_servicesScript, u"up"_s}, kServicesTimeoutMs);
    QVERIFY2(services.exitCode == 0, qPrintable(services.output));
    m_servicesUp = true;

    m_sim = std::make_unique<HcloudSim>();
    m_sim->setActionDurationMs(2000);
    m_sim->seedZone(kZone);
    m_sim->enableTestbed({m_hostScript, m_services, m_artefacts, m_state + u"/tst_e2e_filestore-sim"_s});
    QVERIFY(m_sim->listen());

    m_key = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY2(m_key.isValid(), qPrintable(m_keys.errorString()));
    const QString acme = QString::fromUtf8(Testbed::readFile(m_services + u"/acme-directory-url"_s)).trimmed();
    QVERIFY2(acme.startsWith(u"https://"_s), "the services wrote no ACME directory URL");

    const QJsonObject plan{
            {u"version"_s, 1},
            {u"domain"_s, kDomain},
            {u"email"_s, QString(u"admin@"_s + kZone)},
            {u"image"_s, u"debian-12"_s},
            {u"web"_s, QJsonObject{{u"server_type"_s, u"cx23"_s}, {u"location"_s, u"fsn1"_s}}},
            {u"bridges"_s, QJsonArray{QJsonObject{{u"server_type"_s, u"cx23"_s}, {u"location"_s, u"fsn1"_s}}}},
            {u"ssh_public_key"_s, m_key.publicLine},
            {u"options"_s, QJsonObject{{u"acme_directory_url"_s, acme}}}};
    m_planFile = m_dir.filePath(u"plan.json"_s);
    QFile file(m_planFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(plan).toJson());
}

void TestFileStoreEndToEnd::cleanupTestCase()
{
    m_sim.reset();
    if (m_servicesUp)
        run(u"/bin/bash"_s, {m_servicesScript, u"down"_s});
    QVERIFY2(runningHosts().isEmpty(), qPrintable(runningHosts().join(u", "_s)));
}

void TestFileStoreEndToEnd::init()
{
    if (m_stepFailed)
        QSKIP("an earlier step failed; see its message and the artefacts");
}

void TestFileStoreEndToEnd::cleanup()
{
    m_stepFailed = m_stepFailed || QTest::currentTestFailed();
}

QStringList TestFileStoreEndToEnd::deployArguments() const
{
    return {u"deploy"_s,       u"--plan-file"_s,  m_planFile,     u"--identity"_s,
            m_key.privateFile, u"--dns-server"_s, u"198.18.0.1"_s};
}

CliRun TestFileStoreEndToEnd::cli(const QString &label, const QStringList &arguments, bool fileStore,
                                  const EventHook &hook)
{
    CliRun result;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"HCLOUD_TOKEN"_s, HcloudSim::defaultToken());
    env.insert(u"HCLOUD_ENDPOINT"_s, m_sim->endpoint().toString());
    // The environment variables a headless user sets (docs/cli.md); the option is tested in tst_cli_*.
    if (fileStore) {
        env.insert(u"JITSI_DEPLOYER_SECRET_STORE"_s, u"file"_s);
        env.insert(u"JITSI_DEPLOYER_SECRET_DIR"_s, m_storeDir);
    }
    if (!m_computerHome.isEmpty()) {
        env.insert(u"HOME"_s, m_computerHome);
        env.insert(u"XDG_DATA_HOME"_s, m_computerHome + u"/.local/share"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_computerHome + u"/.config"_s);
        env.insert(u"XDG_STATE_HOME"_s, m_computerHome + u"/.local/state"_s);
        env.insert(u"XDG_CACHE_HOME"_s, m_computerHome + u"/.cache"_s);
        env.insert(u"JITSI_DEPLOYER_SECRET_DIR"_s, m_computerHome + u"/secrets"_s);
    }
    process.setProcessEnvironment(env);

    QByteArray pending;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        pending += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.isEmpty())
                continue;
            result.events.append(event);
            if (hook)
                hook(event);
        }
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(kCommandTimeoutMs, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(JITSI_DEPLOYER_BIN), arguments + QStringList{u"--json"_s});
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        result.err = u"(timed out) "_s;
    }
    result.err += QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;

    const QString base = u"%1/cli-%2-%3"_s.arg(m_artefacts).arg(++m_runs, 2, 10, QChar(u'0')).arg(label);
    QFile events(base + u".jsonl"_s);
    if (events.open(QIODevice::WriteOnly))
        for (const QJsonObject &event : std::as_const(result.events))
            events.write(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    QFile err(base + u".stderr"_s);
    if (err.open(QIODevice::WriteOnly))
        err.write(result.err.toUtf8());
    return result;
}

QByteArray TestFileStoreEndToEnd::hostFile(const QString &name, const QString &path) const
{
    const Outcome root = run(u"/bin/bash"_s, {m_hostScript, u"root"_s, name});
    return Testbed::readFile(root.output.trimmed() + path);
}

QStringList TestFileStoreEndToEnd::serverNames() const
{
    QStringList names;
    const QJsonArray servers = m_sim->state(u"servers"_s);
    for (const QJsonValue &server : servers)
        names.append(server.toObject().value(u"name"_s).toString());
    names.sort();
    return names;
}

QStringList TestFileStoreEndToEnd::runningHosts() const
{
    const Outcome list = run(u"/bin/bash"_s, {m_hostScript, u"list"_s});
    QStringList names;
    for (const QString &line : list.output.split(u'\n', Qt::SkipEmptyParts))
        if (line.startsWith(kSlug))
            names.append(line.trimmed());
    return names;
}

QByteArray TestFileStoreEndToEnd::storedSecret(const QString &name) const
{
    const QByteArray file = Testbed::readFile(m_storeDir + u"/deployment/"_s + kSlug + u'/' + name);
    const QJsonObject root = QJsonDocument::fromJson(file).object();
    return QByteArray::fromBase64(root.value(u"value"_s).toString().toLatin1());
}

void TestFileStoreEndToEnd::keychainRefusalNamesBothWays()
{
    // The issue's report: HCLOUD_TOKEN set, no keyring, no file store chosen.
    const CliRun refused = cli(u"deploy-no-keyring"_s, deployArguments(), false);
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.errorCode(), u"keychain_unavailable"_s);
    const QString message = refused.finished().value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(u"D-Bus session bus"_s), qPrintable(message)); // the real cause
    QVERIFY2(message.contains(u"gnome-keyring-daemon"_s), qPrintable(message)); // one way on
    QVERIFY2(message.contains(u"JITSI_DEPLOYER_SECRET_STORE=file"_s), qPrintable(message)); // the other
    QVERIFY2(!message.contains(u"set the HCLOUD_TOKEN"_s), qPrintable(message)); // the wrong advice is gone
    // Refused before anything was created, and never silently in files.
    QCOMPARE(serverNames(), QStringList());
    QVERIFY(!QFileInfo::exists(m_storeDir));
}

void TestFileStoreEndToEnd::deployAndVerifyWithFileStore()
{
    // While it runs, no process of this machine carries a deployment secret on its command line.
    QStringList leaks;
    const CliRun deploy = cli(u"deploy"_s, deployArguments(), true, [&](const QJsonObject &event) {
        if (event.value(u"event"_s) != u"host_step"_s)
            return;
        const QByteArray secret = storedSecret(u"jvb-secret"_s);
        if (!secret.isEmpty())
            leaks += commandLinesContaining(secret);
    });
    QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.describe()));
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
    // The run's first line (with --json on stderr; the test's debug log lines aside) names the store.
    QStringList lines = deploy.err.split(u'\n');
    lines.removeIf([](const QString &line) { return line.startsWith(u"deployer."_s); });
    QCOMPARE(lines.value(0), u"Secrets: files in "_s + m_storeDir + u'.');
    QCOMPARE(serverNames(), (QStringList{kBridge, kWeb}));
    const QJsonObject report = deploy.finished().value(u"outcome"_s).toObject().value(u"verification"_s).toObject();
    QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(deploy.describe()));

    // The store: private folders and files, under the keychain's names, and the values the hosts use.
    QCOMPARE(modeOf(m_storeDir), 0700);
    QCOMPARE(modeOf(m_storeDir + u"/deployment/"_s + kSlug), 0700);
    for (const QString &name : {u"jvb-secret"_s, u"focus-password"_s})
        QCOMPARE(modeOf(m_storeDir + u"/deployment/"_s + kSlug + u'/' + name), 0600);
    m_jvbSecret = storedSecret(u"jvb-secret"_s);
    m_focusPassword = storedSecret(u"focus-password"_s);
    QVERIFY(m_jvbSecret.size() >= 24);
    QVERIFY(m_focusPassword.size() >= 24);
    const QByteArray env = hostFile(kWeb, u"/etc/jitsi-deployer/provision.env"_s);
    QVERIFY2(env.contains(QByteArray("JD_JVB_SECRET='" + m_jvbSecret + "'")), "the web host uses another jvb secret");
    QVERIFY(env.contains(QByteArray("JD_FOCUS_PASSWORD='" + m_focusPassword + "'")));

    // Nowhere else on this machine: not in the CLI's output, the saved state, logs or any other file of the run.
    for (const QByteArray &secret : {m_jvbSecret, m_focusPassword}) {
        QVERIFY(!deploy.err.toUtf8().contains(secret));
        QCOMPARE(filesContaining(m_artefacts, secret).filter(u"/cli-"_s), QStringList());
        QCOMPARE(filesContaining(QDir::homePath(), secret), QStringList());
        QCOMPARE(filesContaining(m_dir.path(), secret), QStringList()); // the store keeps it encoded
    }

    const CliRun verify = cli(u"verify"_s, {u"verify"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));

    // status names the store too.
    const CliRun status = cli(u"status"_s, {u"status"_s});
    QCOMPARE(status.exitCode, 0);
    QVERIFY(!status.events.isEmpty());
    const QJsonObject store = status.events.first().value(u"secret_store"_s).toObject();
    QCOMPARE(store.value(u"kind"_s).toString(), u"file"_s);
    QCOMPARE(store.value(u"directory"_s).toString(), m_storeDir);
}

void TestFileStoreEndToEnd::lostStoreIsRecoveredFromWebHost()
{
    // This computer loses its store (a reinstall, a deleted folder): the deployment is not stranded.
    QVERIFY(QDir(m_storeDir).removeRecursively());
    const CliRun again = cli(u"deploy-store-lost"_s, deployArguments());
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QVERIFY2(again.warnings().join(u'\n').contains(u"read from the web host"_s), qPrintable(again.describe()));
    // The same passwords as before, not new ones: the bridge still logs in with what prosody knows.
    QCOMPARE(storedSecret(u"jvb-secret"_s), m_jvbSecret);
    QCOMPARE(storedSecret(u"focus-password"_s), m_focusPassword);
    QCOMPARE(modeOf(m_storeDir + u"/deployment/"_s + kSlug + u"/jvb-secret"_s), 0600);
    const QJsonObject report = again.finished().value(u"outcome"_s).toObject().value(u"verification"_s).toObject();
    QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(again.describe()));
}

void TestFileStoreEndToEnd::damagedStoreIsRefused()
{
    const QString path = m_storeDir + u"/deployment/"_s + kSlug + u"/jvb-secret"_s;
    const QByteArray original = Testbed::readFile(path);
    QVERIFY(!original.isEmpty());
    QVERIFY(Testbed::writeFileAtomically(path, original.left(original.size() / 2)));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));

    const CliRun damaged = cli(u"deploy-store-damaged"_s, deployArguments());
    QCOMPARE(damaged.exitCode, 1);
    QCOMPARE(damaged.errorCode(), u"secret_store_corrupt"_s);
    const QString message = damaged.finished().value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(path), qPrintable(message));
    // Refused, not repaired behind the user's back.
    QCOMPARE(Testbed::readFile(path), original.left(original.size() / 2));

    QVERIFY(Testbed::writeFileAtomically(path, original));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
}

void TestFileStoreEndToEnd::worldReadableStoreIsRefused()
{
    QCOMPARE(::chmod(QFile::encodeName(m_storeDir).constData(), 0755), 0);
    const CliRun loose = cli(u"destroy-store-loose"_s, {u"destroy"_s, u"--yes"_s});
    QCOMPARE(loose.exitCode, 1);
    QCOMPARE(loose.errorCode(), u"secret_store_insecure"_s);
    const QString message = loose.finished().value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(u"chmod 700 "_s + m_storeDir), qPrintable(message));
    // Checked before anything was deleted.
    QCOMPARE(serverNames(), (QStringList{kBridge, kWeb}));
    QCOMPARE(::chmod(QFile::encodeName(m_storeDir).constData(), 0700), 0);
}

void TestFileStoreEndToEnd::destroyRemovesTheSecrets()
{
    const CliRun destroy = cli(u"destroy"_s, {u"destroy"_s, u"--yes"_s});
    QVERIFY2(destroy.exitCode == 0, qPrintable(destroy.describe()));
    QVERIFY2(serverNames().isEmpty(), qPrintable(serverNames().join(u", "_s)));
    QTRY_VERIFY_WITH_TIMEOUT(runningHosts().isEmpty(), 60000);
    // The deployment's passwords went with it; the store's folder stays, private.
    QVERIFY(!QFileInfo::exists(m_storeDir + u"/deployment/"_s + kSlug));
    QCOMPARE(modeOf(m_storeDir), 0700);
}

QString TestFileStoreEndToEnd::newComputer(const QString &name)
{
    const QString home = m_dir.filePath(u"computer-"_s + name);
    if (!QDir().mkpath(home))
        return {};
    QFile::setPermissions(home, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return home;
}

QJsonObject TestFileStoreEndToEnd::simServer(const QString &name) const
{
    const QJsonArray servers = m_sim->state(u"servers"_s);
    for (const QJsonValue &server : servers)
        if (server.toObject().value(u"name"_s).toString() == name)
            return server.toObject();
    return {};
}

// Through the sim's public API (PUT /servers/{id}), as a user editing labels in the Hetzner Console would.
bool TestFileStoreEndToEnd::putServerLabels(const QString &name, const QJsonObject &labels)
{
    const qint64 id = simServer(name).value(u"id"_s).toInteger();
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_sim->endpoint().toString() + u"/servers/%1"_s.arg(id)));
    request.setRawHeader("Authorization", "Bearer " + HcloudSim::defaultToken().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = network.put(request, QJsonDocument(QJsonObject{{u"labels"_s, labels}}).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status == 200;
}

// The host key the server really serves (its sshd's key file), fingerprinted by OpenSSH, in the label's spelling
// (docs: "SHA256." + the digest in base64url) — computed here, not by the code under test.
QString TestFileStoreEndToEnd::hostKeyLabelFor(const QString &name) const
{
    const QByteArray publicKey = hostFile(name, u"/etc/ssh/ssh_host_ed25519_key.pub"_s);
    if (publicKey.isEmpty())
        return {};
    const QString file = m_dir.filePath(name + u"-host.pub"_s);
    if (!Testbed::writeFileAtomically(file, publicKey))
        return {};
    const Outcome keygen = run(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, file});
    const QString fingerprint = keygen.output.section(u' ', 1, 1);
    if (!fingerprint.startsWith(u"SHA256:"_s))
        return {};
    QString digest = fingerprint.mid(7);
    digest.replace(u'+', u'-').replace(u'/', u'_');
    return u"SHA256."_s + digest;
}

void TestFileStoreEndToEnd::tamperedHostKeyLabelStopsSecondComputer()
{
    // The first computer's deploy left each server a label naming its real, rotated host key.
    const QString hostKeyKey = u"jitsi-deployer/host-key"_s;
    for (const QString &name : {kWeb, kBridge}) {
        const QString expected = hostKeyLabelFor(name);
        QVERIFY2(!expected.isEmpty(), qPrintable(name));
        QCOMPARE(simServer(name).value(u"labels"_s).toObject().value(hostKeyKey).toString(), expected);
    }

    // Someone changes the web host's label to another key's fingerprint (well-formed, just not the server's).
    const QJsonObject original = simServer(kWeb).value(u"labels"_s).toObject();
    const TestKeys::Key other = m_keys.generate(TestKeys::Type::Ed25519);
    QVERIFY(other.isValid());
    const Outcome otherPrint = run(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, u"sha256"_s, u"-f"_s, other.publicFile});
    QString digest = otherPrint.output.section(u' ', 1, 1).mid(7);
    digest.replace(u'+', u'-').replace(u'/', u'_');
    QJsonObject tampered = original;
    tampered.insert(hostKeyKey, QString(u"SHA256."_s + digest));
    QVERIFY(putServerLabels(kWeb, tampered));

    m_computerHome = newComputer(u"tampered"_s);
    QVERIFY(!m_computerHome.isEmpty());
    const QString home = m_computerHome;
    const CliRun refused = cli(u"verify-tampered-label"_s, {u"verify"_s, u"--identity"_s, m_key.privateFile});
    m_computerHome.clear();
    QVERIFY(putServerLabels(kWeb, original));
    QVERIFY2(refused.exitCode != 0, qPrintable(refused.describe()));
    QCOMPARE(refused.errorCode(), u"host_key_label_mismatch"_s);
    const QString message = refused.finished().value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(kWeb) && message.contains(u"other than the one its label in the project names"_s)
                     && message.contains(u"Nothing was changed"_s),
             qPrintable(message));
    // Nothing pinned on that computer: no file of it holds the web host's key.
    const QByteArray webKey = hostFile(kWeb, u"/etc/ssh/ssh_host_ed25519_key.pub"_s).split(' ').value(1);
    QVERIFY(webKey.size() > 40);
    QCOMPARE(filesContaining(home, webKey), QStringList());
}

void TestFileStoreEndToEnd::secondComputerVerifiesAndAddsBridge()
{
    m_computerHome = newComputer(u"second"_s);
    QVERIFY(!m_computerHome.isEmpty());
    const QString home = m_computerHome;
    const auto restore = qScopeGuard([this] { m_computerHome.clear(); });
    QVERIFY(QDir(home).isEmpty()); // truly empty: no state, no secrets, no logs

    // verify: the host keys come from the scan, accepted because they match the labels, pinned on this computer.
    const CliRun verify = cli(u"verify-second-computer"_s, {u"verify"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    QVERIFY2(verify.warnings().join(u'\n').contains(u"checked against the servers' labels"_s),
             qPrintable(verify.describe()));
    for (const QString &name : {kWeb, kBridge}) {
        const QByteArray key = hostFile(name, u"/etc/ssh/ssh_host_ed25519_key.pub"_s).split(' ').value(1);
        QVERIFY2(!filesContaining(home + u"/.local/share"_s, key).isEmpty(), qPrintable(name + u" not pinned"_s));
    }

    // add-bridge: settings and the jvb secret come back from the project and the web host; the new bridge joins.
    const CliRun add = cli(u"add-bridge-second-computer"_s, {u"add-bridge"_s, u"--identity"_s, m_key.privateFile});
    QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
    QCOMPARE(serverNames(), (QStringList{kBridge, kSlug + u"-jvb-2"_s, kWeb}));
    const QJsonObject report = add.finished().value(u"outcome"_s).toObject().value(u"verification"_s).toObject();
    QVERIFY2(report.value(u"ok"_s).toBool(), qPrintable(add.describe()));
    QCOMPARE(report.value(u"bridges"_s).toArray().size(), 2);
    // The same jvb secret as the first computer's: read back from the web host, not made up anew.
    const QByteArray file = Testbed::readFile(home + u"/secrets/deployment/"_s + kSlug + u"/jvb-secret"_s);
    QCOMPARE(QByteArray::fromBase64(QJsonDocument::fromJson(file).object().value(u"value"_s).toString().toLatin1()),
             m_jvbSecret);
    // The new bridge got its own host-key label too.
    QCOMPARE(
            simServer(kSlug + u"-jvb-2"_s).value(u"labels"_s).toObject().value(u"jitsi-deployer/host-key"_s).toString(),
            hostKeyLabelFor(kSlug + u"-jvb-2"_s));
}

QTEST_GUILESS_MAIN(TestFileStoreEndToEnd)
#include "tst_e2e_filestore.moc"
