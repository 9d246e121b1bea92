// Meeting access against a REAL prosody (issue 15, "Who may open a meeting"): the site config the jitsi-meet-prosody
// shim writes, made moderated by the real provisioning function (resources/provision/web-meeting-access.sh), loaded by
// Debian's prosody on loopback; accounts added and removed by the real web-accounts.sh with the password on stdin;
// every login made by an XMPP client over the wire (tools/xmpp-login.py: SASL ANONYMOUS as a guest, SCRAM-SHA-1 as
// an account, as Jitsi Meet's web client does). Anonymous login on the meeting domain is refused and accepted on
// guest.<domain>; a created account authenticates, a wrong password and a removed account do not; switching back to
// open restores anonymous meetings. jicofo's side (jicofo.authentication) is only configured here: the jicofo shim
// does not enforce it (docs/VERIFICATION.md).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"meet.example.org"_s;
const QString guestDomain = u"guest.meet.example.org"_s;
const QString shimDir = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/shims");
const QString scriptDir = QStringLiteral(DEPLOYER_SOURCE_DIR "/resources/provision");
const QString alicePassword = u"Alice-Secret-7391"_s;

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("no free loopback port");
    return server.serverPort();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestModeratedProsody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(u"/usr/bin/prosody"_s) || QStandardPaths::findExecutable(u"hocon"_s).isEmpty())
            QSKIP("needs prosody and ruby-hocon (apt-get install prosody ruby-hocon)");
        QVERIFY(m_root.isValid());
        const QString r = m_root.path();
        m_port = freePort();
        // The files the packages leave on a web host, under a root the scripts take as JD_ROOT.
        QString site = readText(shimDir + u"/packages/jitsi-meet-prosody/site.cfg.lua.in"_s);
        site.replace(u"@DOMAIN@"_s, domain).replace(u"@CERTS@"_s, data());
        m_packageSite = site;
        QVERIFY(writeText(sitePath(), site));
        QString js = readText(shimDir + u"/packages/jitsi-meet-web-config/config.js.in"_s);
        QVERIFY(writeText(r + u"/etc/jitsi/meet/meet.example.org-config.js"_s, js.replace(u"@DOMAIN@"_s, domain)));
        QVERIFY(writeText(jicofoConf(), u"jicofo {\n}\n"_s));
        // web-accounts.sh reads the domain from the parameter file the app uploads (root-only, as the scripts demand).
        QVERIFY(writeText(r + u"/etc/jitsi-deployer/provision.env"_s, u"JD_DOMAIN='%1'\n"_s.arg(domain)));
        QVERIFY(QFile::setPermissions(r + u"/etc/jitsi-deployer/provision.env"_s,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        // Service restarts are recorded, not made: this test starts prosody itself.
        QVERIFY(writeText(r + u"/bin/systemctl"_s, u"#!/bin/sh\necho \"systemctl $*\" >>'%1/calls.log'\n"_s.arg(r)));
        QVERIFY(QFile::setPermissions(r + u"/bin/systemctl"_s, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QVERIFY(QDir().mkpath(data()));
        QVERIFY(QDir().mkpath(logs()));
        // Debian's prosody.cfg.lua reduced to what runs on loopback, including the site config as Debian's does.
        QVERIFY(writeText(prosodyConfig(), uR"(-- tst_moderatedprosody: prosody on loopback
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
Include "%5"
)"_s.arg(data(), logs(), QString::number(m_port), QString::number(freePort()), sitePath())));
    }

    void cleanup()
    {
        stopProsody();
        if (QTest::currentTestFailed())
            qInfo().noquote() << "---- prosody.log\n" << readText(logs() + u"/prosody.log"_s).right(4000);
    }

    void moderatedRefusesAnonymousOnTheMeetingDomain()
    {
        applyAccess(u"moderated"_s);
        startProsody();
        QCOMPARE(login(domain, {}), u"failure anonymous-not-offered"_s);
        QCOMPARE(login(guestDomain, {}), u"success"_s);
    }

    // TURN and moderated meetings together: a guest, logged in on guest.<domain>, asks the meeting domain for its
    // STUN/TURN services as lib-jitsi-meet does (to hosts.domain, whichever host the user is on), and gets them with
    // credentials from prosody's stock mod_external_services on the meeting domain. So guests behind a UDP-blocking
    // firewall can use TURN without the module on the guest host (the handbook's note about turncredentials on the
    // guest host predates mod_external_services, which serves any c2s session of the server).
    void guestsGetTurnCredentialsFromTheMeetingDomain()
    {
        applyAccess(u"moderated"_s);
        startProsody();
        const Run run = runProcess(u"/usr/bin/python3"_s,
                                   {shimDir + u"/tools/xmpp-login.py"_s, u"127.0.0.1"_s, QString::number(m_port),
                                    guestDomain, u"services"_s, domain},
                                   {});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QStringList lines = run.out.trimmed().split(u'\n');
        QCOMPARE(lines.value(0), u"success"_s);
        QVERIFY2(lines.contains(u"service turn 3478 credentials"_s), qPrintable(run.out));
        QVERIFY2(lines.contains(u"service turns 5349 credentials"_s), qPrintable(run.out));
        QVERIFY2(lines.contains(u"service stun 3478 no-credentials"_s), qPrintable(run.out));
    }

    void accountsAuthenticateUntilRemoved()
    {
        applyAccess(u"moderated"_s);
        startProsody();
        Run added = accounts({u"add"_s, u"alice"_s}, alicePassword.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.out + added.err));
        QCOMPARE(added.out, u"@@access moderated\n@@account alice\n"_s);
        QCOMPARE(login(domain, u"alice"_s, alicePassword), u"success"_s);
        QCOMPARE(login(domain, u"alice"_s, u"Alice-Secret-0000"_s), u"failure not-authorized"_s);

        // A second account; the list comes from the running prosody.
        QCOMPARE(accounts({u"add"_s, u"bob"_s}, "Bob-Secret-2222\n").exitCode, 0);
        QCOMPARE(accounts({u"list"_s}).out, u"@@access moderated\n@@account alice\n@@account bob\n"_s);

        // Adding alice again keeps her password; too short a password and a bad name are refused on the host too.
        Run again = accounts({u"add"_s, u"alice"_s}, "Other-Secret-3333\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"@@error exists "_s), qPrintable(again.err));
        QCOMPARE(login(domain, u"alice"_s, alicePassword), u"success"_s);
        QVERIFY(accounts({u"add"_s, u"carol"_s}, "short\n").err.contains(u"@@error invalid_password"_s));
        QVERIFY(accounts({u"add"_s, u"Carol;rm"_s}, "Carol-Secret-44\n").err.contains(u"@@error invalid_user"_s));

        Run removed = accounts({u"remove"_s, u"alice"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(removed.out, u"@@access moderated\n@@account bob\n"_s);
        QCOMPARE(login(domain, u"alice"_s, alicePassword), u"failure not-authorized"_s);
        QVERIFY(accounts({u"remove"_s, u"alice"_s}).err.contains(u"@@error not_found"_s));

        // The passwords are in no file prosody or the scripts wrote (prosody stores salted SCRAM keys).
        QDirIterator files(m_root.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(alicePassword.toUtf8()) && !content.contains("Bob-Secret-2222"),
                     qPrintable(path));
        }
    }

    void openAgainAllowsAnonymousMeetings()
    {
        applyAccess(u"moderated"_s);
        applyAccess(u"open"_s);
        QCOMPARE(readText(sitePath()), m_packageSite); // the package's config, byte for byte
        startProsody();
        QCOMPARE(login(domain, {}), u"success"_s);
        QCOMPARE(login(guestDomain, {}), u"failure stream-error host-unknown"_s);
        Run refused = accounts({u"add"_s, u"dave"_s}, "Dave-Secret-5555\n");
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.out.startsWith(u"@@access open\n"_s));
        QVERIFY(refused.err.contains(u"@@error not_moderated"_s));
    }

private:
    QString data() const { return m_root.filePath(u"data"_s); }
    QString logs() const { return m_root.filePath(u"log"_s); }
    QString prosodyConfig() const { return m_root.filePath(u"prosody.cfg.lua"_s); }
    QString sitePath() const { return m_root.filePath(u"etc/prosody/conf.avail/meet.example.org.cfg.lua"_s); }
    QString jicofoConf() const { return m_root.filePath(u"etc/jitsi/jicofo/jicofo.conf"_s); }

    Run runProcess(const QString &program, const QStringList &arguments, const QByteArray &input,
                   const QStringList &environment = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"JD_ROOT"_s, m_root.path());
        env.insert(u"PATH"_s, m_root.filePath(u"bin"_s) + u':' + env.value(u"PATH"_s));
        for (const QString &entry : environment)
            env.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(scriptDir);
        process.start(program, arguments);
        process.write(input);
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    void applyAccess(const QString &access)
    {
        const Run run = runProcess(u"bash"_s,
                                   {u"-c"_s, u"set -euo pipefail; . ./provision-web.sh; web_apply_meeting_access"_s},
                                   {}, {u"JD_DOMAIN="_s + domain, u"JD_MEETING_ACCESS="_s + access});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    }

    Run accounts(const QStringList &arguments, const QByteArray &input = {})
    {
        return runProcess(u"bash"_s, QStringList{u"./web-accounts.sh"_s} + arguments, input,
                          {u"JD_PROSODY_CONFIG="_s + prosodyConfig()});
    }

    // "success" or "failure <why>", from a real XMPP login over TCP; `user` empty = anonymous.
    QString login(const QString &host, const QString &user, const QString &password = {})
    {
        QStringList arguments{shimDir + u"/tools/xmpp-login.py"_s, u"127.0.0.1"_s, QString::number(m_port), host};
        arguments << (user.isEmpty() ? QStringList{u"anonymous"_s} : QStringList{u"scram"_s, user});
        const Run run = runProcess(u"/usr/bin/python3"_s, arguments, password.toUtf8() + '\n');
        return run.out.trimmed().isEmpty() ? u"(no answer) "_s + run.err : run.out.trimmed();
    }

    void startProsody()
    {
        QFile::remove(logs() + u"/prosody.log"_s);
        m_prosody = std::make_unique<QProcess>();
        m_prosody->setProcessChannelMode(QProcess::MergedChannels);
        m_prosody->setStandardOutputFile(logs() + u"/prosody.stdout"_s);
        m_prosody->start(u"/usr/bin/prosody"_s, {u"--config"_s, prosodyConfig(), u"-F"_s});
        QVERIFY(m_prosody->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
                readText(logs() + u"/prosody.log"_s)
                        .contains(u"Activated service 'c2s' on [127.0.0.1]:"_s + QString::number(m_port)),
                30000);
        // The admin shell's socket (web-accounts.sh lists through it) is up with the server.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(data() + u"/prosody.sock"_s), 10000);
    }

    void stopProsody()
    {
        if (!m_prosody)
            return;
        m_prosody->terminate();
        if (!m_prosody->waitForFinished(10000)) {
            m_prosody->kill();
            m_prosody->waitForFinished(5000);
        }
        m_prosody.reset();
    }

    QTemporaryDir m_root;
    quint16 m_port = 0;
    QString m_packageSite;
    std::unique_ptr<QProcess> m_prosody;
};

QTEST_GUILESS_MAIN(TestModeratedProsody)
#include "tst_moderatedprosody.moc"
