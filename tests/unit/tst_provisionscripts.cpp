// The install scripts (resources/provision), their bundle and env file. The config-editing functions run
// for real, with the real hocon and prosodyctl, against fixture files laid out as the Jitsi packages
// create them (tests/fixtures/provision); package installation and services are the testbed's job.
#include "provision/envfile.h"
#include "provision/installbundle.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"meet.example.org"_s;
const QString jvbSecret = u"JvbSecretAbcdefghijklmnop123"_s;
const QString focusPassword = u"FocusPasswordQrstuvwxyz4567"_s;
const QString certificatePem
        = u"-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUTESTONLY\n-----END CERTIFICATE-----"_s;

struct BashRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        if (!writeFile(target, readFile(source)))
            return false;
    }
    return true;
}

// Moves a file's mtime into the past, so that a rewrite (even with the same bytes) is detectable.
void ageFile(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-3), QFileDevice::FileModificationTime));
}

// An ed25519 pair (no passphrase) made by the real ssh-keygen at `file` and `file`.pub.
bool makeEd25519Key(const QString &file)
{
    QProcess process;
    process.start(u"ssh-keygen"_s,
                  {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s, u"x"_s, u"-f"_s, file});
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

// A new ed25519 pair at the path the agent stages it to (under `root`); empty if ssh-keygen failed.
QString stageHostKey(const QString &root)
{
    const QString made = root + u"/new-key-"_s + QString::number(QRandomGenerator::global()->generate64(), 36);
    if (!makeEd25519Key(made))
        return {};
    const QString publicKey = QString::fromLatin1(readFile(made + u".pub"_s));
    const QString staged = root + InstallBundle::hostKeyStagingPath(publicKey);
    if (!QFile::rename(made, staged) || !QFile::rename(made + u".pub"_s, staged + u".pub"_s))
        return {};
    return staged;
}

// Runs gpg with its own home; stdout, or empty with `ok` false on failure.
QByteArray runGpg(const QString &home, const QStringList &arguments, bool *ok)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GNUPGHOME"_s, home);
    process.setProcessEnvironment(env);
    process.start(u"gpg"_s, QStringList{u"--batch"_s, u"--no-tty"_s} + arguments);
    *ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return *ok ? process.readAllStandardOutput() : QByteArray();
}

// A signing key made by the real gpg in `home`; its public half goes to `keyring` in binary form (what
// `gpg --dearmor` makes of jitsi-key.gpg.key). Returns its fingerprint, empty on failure.
QString makeSigningKey(const QString &home, const QString &name, const QString &keyring)
{
    bool ok = false;
    const QString uid = name + u" <"_s + name + u"@example.org>"_s;
    runGpg(home, {u"--passphrase"_s, QString(), u"--quick-gen-key"_s, uid, u"ed25519"_s, u"sign"_s, u"never"_s}, &ok);
    if (!ok)
        return {};
    const QByteArray exported = runGpg(home, {u"--export"_s, uid}, &ok);
    if (!ok || exported.isEmpty() || !writeFile(keyring, exported))
        return {};
    const QByteArray listing = runGpg(home, {u"--with-colons"_s, u"--list-keys"_s, uid}, &ok);
    static const QRegularExpression fpr(u"^fpr:+([0-9A-F]{40}):"_s, QRegularExpression::MultilineOption);
    return QString::fromLatin1(listing).contains(fpr) ? fpr.match(QString::fromLatin1(listing)).captured(1) : QString();
}

DeploymentPlan samplePlan()
{
    DeploymentPlan plan;
    plan.domain = domain;
    plan.email = u"admin@example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    plan.bridges = {{u"cx33"_s, u"fsn1"_s}, {u"cx33"_s, u"fsn1"_s}};
    return plan;
}

DeploymentSecrets sampleSecrets()
{
    DeploymentSecrets secrets;
    secrets.jvbSecret = jvbSecret;
    secrets.focusPassword = focusPassword;
    return secrets;
}

HostInputs webInputs()
{
    HostInputs host;
    host.role = HostRole::Web;
    host.serverName = u"meet-example-org-web"_s;
    host.bridgeAddresses = {u"10.0.0.3"_s, u"203.0.113.7"_s, u"2001:db8::7"_s};
    return host;
}

HostInputs bridgeInputs(int n = 1)
{
    HostInputs host;
    host.role = HostRole::Bridge;
    host.serverName = u"meet-example-org-jvb-"_s + QString::number(n);
    host.bridgeNumber = n;
    host.webPrivateIp = u"10.0.0.2"_s;
    host.webPublicIp = u"203.0.113.2"_s;
    host.prosodyAuthCertificate = certificatePem;
    return host;
}

} // namespace

class tst_ProvisionScripts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_scripts; // the bundle's scripts, as the app uploads them
    QTemporaryDir m_keys; // gpg's home and two signing keys: one stands in for Jitsi's, one for a forgery
    QString m_jitsiKeyring, m_jitsiFingerprint, m_otherKeyring, m_otherFingerprint;
    QString m_fixtures = QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/fixtures/provision");

    // Runs a bash snippet in the scripts' directory with the scripts' paths moved under root; `environment`
    // entries are NAME=value, or NAME alone to unset it.
    BashRun bash(const QString &snippet, const QString &root, const QStringList &environment = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"JD_ROOT"_s, root);
        for (const QString &entry : environment) {
            const qsizetype eq = entry.indexOf(u'=');
            if (eq < 0)
                env.remove(entry); // "NAME" alone: unset
            else
                env.insert(entry.left(eq), entry.mid(eq + 1));
        }
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_scripts.path());
        process.start(u"bash"_s, {u"-c"_s, u"set -euo pipefail\n"_s + snippet});
        BashRun run;
        if (!process.waitForFinished(120000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString hoconGet(const QString &file, const QString &path)
    {
        QProcess process;
        process.start(u"hocon"_s, {u"-f"_s, file, u"get"_s, path});
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return u"<error: "_s + QString::fromUtf8(process.readAllStandardError()).trimmed() + u'>';
        // hocon renders a simple string without quotes and others with them; compare the value.
        QString value = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }

    // Writes the env file the app would upload for the host into root, mode 0600.
    void writeEnv(const QString &root, const DeploymentPlan &plan, const HostInputs &host)
    {
        const Result<QByteArray> env = EnvFile::render(plan, sampleSecrets(), host);
        QVERIFY2(env.ok(), qPrintable(env.error().message));
        const QString path = root + EnvFile::remotePath();
        QVERIFY(writeFile(path, *env));
        QVERIFY(QFile::setPermissions(path, EnvFile::permissions));
    }

    // A root where the package and service tools are stubs that record their calls into <root>/calls.log (hocon
    // and prosodyctl stay real); `env` gets the PATH that finds them first.
    void stubSystemTools(const QString &r, QStringList *env)
    {
        QVERIFY(writeFile(r + u"/etc/os-release"_s, "ID=debian\nVERSION_ID=\"12\"\n"));
        QVERIFY(writeFile(
                r + u"/etc/apt/sources.list.d/jitsi-stable.list"_s,
                "deb [signed-by=/usr/share/keyrings/jitsi-keyring.gpg] https://download.jitsi.org stable/\n"));
        QVERIFY(writeFile(r + u"/usr/share/keyrings/jitsi-keyring.gpg"_s, readFile(m_jitsiKeyring)));
        const QString calls = r + u"/calls.log"_s;
        const QString stub = u"#!/bin/bash\necho \"$(basename \"$0\") $*\" >>'"_s + calls + u"'\n"_s;
        const QString bin = r + u"/bin"_s;
        const QList<std::pair<QString, QString>> stubs{
                {u"apt-get"_s, stub},
                {u"apt-cache"_s, stub + u"echo '  Candidate: 2.3-312'\n"_s},
                {u"debconf-set-selections"_s, stub + u"cat >/dev/null\n"_s},
                {u"update-ca-certificates"_s, stub},
                {u"nft"_s, stub},
                {u"nginx"_s, stub},
                {u"certbot"_s, stub},
                {u"cloud-init"_s, stub},
                // The real prosodyctl and hocon, with their arguments recorded: the secret must not be among them.
                {u"prosodyctl"_s, stub + u"exec /usr/bin/prosodyctl \"$@\"\n"_s},
                {u"hocon"_s, stub + u"exec /usr/bin/hocon \"$@\"\n"_s},
                // A restarted bridge logs its join, as jvb would once prosody accepted it.
                {u"systemctl"_s,
                 stub
                         + u"if [[ $1 == restart && $2 == jitsi-videobridge2 ]]; then mkdir -p '%1/var/log/jitsi'; "
                           "echo 'JVB INFO: Joined MUC: jvbbrewery@internal.auth.meet.example.org' >>'%1/var/log/jitsi/jvb.log'; fi\n"_s
                                   .arg(r)},
        };
        for (const auto &[name, text] : stubs) {
            QVERIFY(writeFile(bin + u'/' + name, text.toUtf8()));
            QVERIFY(QFile::setPermissions(bin + u'/' + name, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        *env = QStringList{u"PATH="_s + bin + u':' + qEnvironmentVariable("PATH"), u"JD_JOIN_TIMEOUT=10"_s,
                           u"JD_JITSI_KEY_FINGERPRINT="_s + m_jitsiFingerprint};
    }

    const QStringList bridgeEnv
            = {u"JD_DOMAIN="_s + domain,   u"JD_SERVER_NAME=meet-example-org-jvb-1"_s, u"JD_JVB_SECRET="_s + jvbSecret,
               u"JD_XMPP_HOST=10.0.0.2"_s, u"JD_DISABLE_CERT_VERIFICATION=false"_s,    u"JD_MULTI_LOCATION=false"_s,
               u"JD_REGION=fsn1"_s};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scripts.isValid());
        for (const char *tool : {"bash", "hocon", "prosodyctl", "shellcheck", "gpg"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                     qPrintable(u"%1 is missing; run scripts/install-deps.sh"_s.arg(QString::fromLatin1(tool))));
        QVERIFY(m_keys.isValid());
        const QString home = m_keys.filePath(u"gnupg"_s);
        QVERIFY(QDir().mkpath(home));
        QVERIFY(QFile::setPermissions(home, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        m_jitsiKeyring = m_keys.filePath(u"jitsi.gpg"_s);
        m_otherKeyring = m_keys.filePath(u"other.gpg"_s);
        m_jitsiFingerprint = makeSigningKey(home, u"jitsi-stand-in"_s, m_jitsiKeyring);
        m_otherFingerprint = makeSigningKey(home, u"forger"_s, m_otherKeyring);
        QVERIFY(!m_jitsiFingerprint.isEmpty() && !m_otherFingerprint.isEmpty());
        QVERIFY(m_jitsiFingerprint != m_otherFingerprint);
        for (const InstallFile &file : InstallBundle::forRole(HostRole::Web).files())
            if (file.remotePath.endsWith(u".sh"_s))
                QVERIFY(writeFile(m_scripts.filePath(QFileInfo(file.remotePath).fileName()), file.content));
        QVERIFY(writeFile(m_scripts.filePath(u"provision-bridge.sh"_s),
                          InstallBundle::resource(u"provision-bridge.sh"_s)));
        for (const InstallFile &file : {InstallBundle::bridgeDrainScript(), InstallBundle::hostKeyInstallScript(),
                                        InstallBundle::packagesScript()}) {
            QVERIFY(!file.content.isEmpty());
            QCOMPARE(file.mode, 0755);
            QVERIFY(writeFile(m_scripts.filePath(QFileInfo(file.remotePath).fileName()), file.content));
        }
    }

    void cleanupTestCase()
    {
        // The agent gpg started for key generation lives in the temporary home; end it with the home.
        QProcess kill;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GNUPGHOME"_s, m_keys.filePath(u"gnupg"_s));
        kill.setProcessEnvironment(env);
        kill.start(u"gpgconf"_s, {u"--kill"_s, u"gpg-agent"_s});
        kill.waitForFinished(10000);
    }

    // Every script in resources/provision, and exactly what the bundle ships.
    void shellcheckCleanEverywhere()
    {
        const QDir dir(QStringLiteral(DEPLOYER_SOURCE_DIR "/resources/provision"));
        const QStringList scripts = dir.entryList({u"*.sh"_s}, QDir::Files);
        QVERIFY(scripts.contains(u"provision-lib.sh"_s));
        // Absolute paths from another directory, as CI runs it; the scripts' source directives are SCRIPTDIR-based.
        QStringList arguments{u"-x"_s, u"--severity=style"_s};
        for (const QString &name : scripts)
            arguments << dir.filePath(name);
        QProcess process;
        process.setWorkingDirectory(QDir::tempPath());
        process.start(u"shellcheck"_s, arguments);
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 process.readAllStandardOutput().constData());

        for (const QString &name : scripts) {
            if (name.startsWith(u"userdata-"_s))
                continue;
            QCOMPARE(InstallBundle::resource(name), readFile(dir.filePath(name)));
        }
    }

    void bundleFilesPerRole()
    {
        const InstallBundle web = InstallBundle::forRole(HostRole::Web);
        QStringList webPaths;
        for (const InstallFile &file : web.files()) {
            webPaths << file.remotePath;
            QVERIFY2(!file.content.isEmpty(), qPrintable(file.remotePath));
            QCOMPARE(file.mode, file.remotePath.endsWith(u".sh"_s) ? 0755 : 0644);
            QVERIFY(!file.content.contains("@SCRIPT@"));
        }
        QCOMPARE(webPaths, (QStringList{u"/usr/local/lib/jitsi-deployer/provision-lib.sh"_s,
                                        u"/usr/local/lib/jitsi-deployer/provision-web.sh"_s,
                                        u"/usr/local/lib/jitsi-deployer/web-firewall.sh"_s,
                                        u"/usr/local/lib/jitsi-deployer/web-certificate.sh"_s,
                                        u"/usr/local/lib/jitsi-deployer/web-turn.sh"_s,
                                        u"/usr/local/lib/jitsi-deployer/web-meeting-access.sh"_s,
                                        u"/etc/systemd/system/jitsi-deployer-provision.service"_s,
                                        u"/etc/systemd/system/jitsi-deployer-firewall.service"_s}));

        const InstallBundle bridge = InstallBundle::forRole(HostRole::Bridge);
        const QList<InstallFile> files = bridge.files();
        QCOMPARE(files.size(), 3);
        QCOMPARE(files.at(1).remotePath, bridge.mainScriptPath());
        QVERIFY(files.at(2).content.contains(QByteArray("\nExecStart=" + bridge.mainScriptPath().toUtf8() + '\n')));
        QVERIFY(files.at(2).content.contains("\nType=oneshot\n"));
        const qsizetype webUnit = webPaths.indexOf(u"/etc/systemd/system/jitsi-deployer-provision.service"_s);
        QVERIFY(web.files().at(webUnit).content.contains(
                QByteArray("\nExecStart=" + web.mainScriptPath().toUtf8() + '\n')));
        QVERIFY(bridge.startCommand().contains(u"systemctl start --no-block jitsi-deployer-provision.service"_s));
    }

    void envFileRoundTripsThroughBash()
    {
        QTemporaryDir root;
        DeploymentPlan plan = samplePlan();
        plan.bridges[1].location = u"hel1"_s;
        writeEnv(root.path(), plan, webInputs());
        const QString path = root.path() + EnvFile::remotePath();
        QCOMPARE(QFileInfo(path).permissions() & 0x7077, EnvFile::permissions);
        QCOMPARE(EnvFile::unixMode, 0600);
        QVERIFY(readFile(path).contains("mode 0600"));

        const BashRun run = bash(u". ./provision-lib.sh; jd_load_env; printf '%s|' \"$JD_ROLE\" \"$JD_DOMAIN\" "
                                 "\"$JD_EMAIL\" \"$JD_JVB_SECRET\" \"$JD_FOCUS_PASSWORD\" \"$JD_BRIDGE_ADDRESSES\" "
                                 "\"$JD_MULTI_LOCATION\" \"$JD_ACME_DIRECTORY_URL\""_s,
                                 root.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"web|meet.example.org|admin@example.org|"_s + jvbSecret + u'|' + focusPassword
                                  + u"|10.0.0.3 203.0.113.7 2001:db8::7|true||"_s);

        // A readable-by-others file is refused, with the reason in the log format.
        QVERIFY(QFile::setPermissions(path, EnvFile::permissions | QFileDevice::ReadOther));
        const BashRun refused = bash(u". ./provision-lib.sh; jd_load_env"_s, root.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"@@error none parameter file"_s) && refused.err.contains(u"mode 604"_s),
                 qPrintable(refused.err));
    }

    // EnvFile::parse reads exactly what bash reads when the scripts source the file: every value of a real
    // web and bridge file (spaces, base64, a name set twice), and nothing from a file render() never writes.
    void envFileParsedAsBashReadsIt()
    {
        for (const HostInputs &host : {webInputs(), bridgeInputs(2)}) {
            QTemporaryDir root;
            writeEnv(root.path(), samplePlan(), host);
            const QString path = root.path() + EnvFile::remotePath();
            // A later line wins in bash; an edited file could repeat a name.
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write("# edited\nJD_SERVER_NAME='edited-name'\n");
            file.close();

            const Result<QHash<QString, QString>> parsed = EnvFile::parse(readFile(path));
            QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
            // The file alone in a clean bash, sourced as jd_load_env does.
            const BashRun run = bash(u"env -i bash -c '. \"$1\"; for n in ${!JD_@}; do printf \"%s=%s\\n\" "
                                     "\"$n\" \"${!n}\"; done' _ \"$JD_ROOT/etc/jitsi-deployer/provision.env\""_s,
                                     root.path());
            QCOMPARE(run.exitCode, 0);
            QHash<QString, QString> fromBash;
            for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts))
                fromBash.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
            QCOMPARE(*parsed, fromBash);
            QCOMPARE(parsed->value(u"JD_SERVER_NAME"_s), u"edited-name"_s);
            QCOMPARE(parsed->value(u"JD_JVB_SECRET"_s), jvbSecret);
        }

        // Lines render() never writes: refused, with the line number and never the line (it may hold a secret).
        const QList<QByteArray> damaged{
                "JD_JVB_SECRET=" + jvbSecret.toUtf8(), // unquoted
                "JD_JVB_SECRET=\"" + jvbSecret.toUtf8() + '"',
                "export JD_JVB_SECRET='" + jvbSecret.toUtf8() + '\'',
                "JD_JVB_SECRET='" + jvbSecret.toUtf8() + "'x'",
                "JD_JVB_SECRET='a\\b'",
                " JD_JVB_SECRET='a'",
                "jd_jvb_secret='a'",
                "JD_JVB_SECRET='" + jvbSecret.toUtf8(), // no closing quote
        };
        for (const QByteArray &line : damaged) {
            const Result<QHash<QString, QString>> parsed
                    = EnvFile::parse("# jitsi-deployer\nJD_ROLE='web'\n" + line + '\n');
            QVERIFY2(!parsed.ok(), line.constData());
            QCOMPARE(parsed.error().code, u"invalid_env_file"_s);
            QCOMPARE(parsed.error().detail, u"env file line 3"_s);
            QVERIFY(!parsed.error().message.contains(jvbSecret));
            QVERIFY(!parsed.error().message.isEmpty());
        }
        QVERIFY(EnvFile::parse(QByteArray()).ok());
    }

    void envFileForBridge()
    {
        const Result<QByteArray> env = EnvFile::render(samplePlan(), sampleSecrets(), bridgeInputs(2));
        QVERIFY2(env.ok(), qPrintable(env.error().message));
        QVERIFY(env->contains("JD_XMPP_HOST='10.0.0.2'\n"));
        QVERIFY(env->contains("JD_SERVER_NAME='meet-example-org-jvb-2'\n"));
        QVERIFY(env->contains("JD_MULTI_LOCATION='false'\n"));
        QVERIFY(env->contains(
                QByteArray("JD_PROSODY_AUTH_CERT_B64='" + (certificatePem + u'\n').toUtf8().toBase64() + "'\n")));
        // A bridge needs only the jvb secret: least privilege.
        QVERIFY(!env->contains(focusPassword.toUtf8()));
        QVERIFY(!env->contains("JD_FOCUS_PASSWORD"));

        HostInputs otherZone = bridgeInputs(2);
        otherZone.webPrivateIp.clear();
        QVERIFY(EnvFile::render(samplePlan(), sampleSecrets(), otherZone)->contains("JD_XMPP_HOST='203.0.113.2'\n"));

        DeploymentPlan optOut = samplePlan();
        optOut.options.disableCertificateVerification = true;
        otherZone.prosodyAuthCertificate.clear();
        const Result<QByteArray> noCert = EnvFile::render(optOut, sampleSecrets(), otherZone);
        QVERIFY(noCert.ok());
        QVERIFY(noCert->contains("JD_DISABLE_CERT_VERIFICATION='true'\n"));
        QVERIFY(!noCert->contains("JD_PROSODY_AUTH_CERT_B64"));
        QVERIFY(!EnvFile::render(samplePlan(), sampleSecrets(), otherZone).ok()); // trust needs the certificate
    }

    void placeholdersForTheDryRun()
    {
        HostInputs bridge = bridgeInputs(1);
        bridge.webPrivateIp.clear();
        bridge.webPublicIp.clear();
        bridge.prosodyAuthCertificate.clear();
        for (const HostInputs &host : {webInputs(), bridge}) {
            const Result<QByteArray> env
                    = EnvFile::render(samplePlan(), sampleSecrets(), host, EnvFile::Mode::Placeholders);
            QVERIFY2(env.ok(), qPrintable(env.error().message));
            QVERIFY(!env->contains(jvbSecret.toUtf8()));
            QVERIFY(!env->contains(focusPassword.toUtf8()));
            QVERIFY(env->contains("JD_JVB_SECRET='<jvb-secret>'"));
            QVERIFY(env->contains("Dry run"));
        }
        QVERIFY(EnvFile::render(samplePlan(), sampleSecrets(), bridge, EnvFile::Mode::Placeholders)
                        ->contains("JD_XMPP_HOST='<web-public-ip>'"));
    }

    void badInputIsRejectedAtTheSource_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("errorField");
        QTest::newRow("single-label domain") << u"domain"_s << u"localhost"_s << u"domain"_s;
        QTest::newRow("domain with quote") << u"domain"_s << u"meet.example.org';reboot;'"_s << u"domain"_s;
        QTest::newRow("domain with dollar") << u"domain"_s << u"$(id).example.org"_s << u"domain"_s;
        QTest::newRow("domain with HOCON quote") << u"domain"_s << u"meet\".example.org"_s << u"domain"_s;
        QTest::newRow("unicode domain") << u"domain"_s << u"b\u00fccher.example"_s << u"domain"_s;
        QTest::newRow("upper-case domain") << u"domain"_s << u"Meet.Example.org"_s << u"domain"_s;
        QTest::newRow("domain label starting with hyphen") << u"domain"_s << u"-meet.example.org"_s << u"domain"_s;
        QTest::newRow("e-mail without at") << u"email"_s << u"admin.example.org"_s << u"email"_s;
        QTest::newRow("e-mail with quote") << u"email"_s << u"ad'min@example.org"_s << u"email"_s;
        QTest::newRow("e-mail with space") << u"email"_s << u"ad min@example.org"_s << u"email"_s;
        QTest::newRow("secret with dollar") << u"jvbSecret"_s << u"abcdefghijklmnopqrstuvw$x"_s << u"jvbSecret"_s;
        QTest::newRow("secret with HOCON quote") << u"jvbSecret"_s << u"abcdefghijklmnopqrstuvw\"x"_s << u"jvbSecret"_s;
        QTest::newRow("secret with shell quote")
                << u"focusPassword"_s << u"abcdefghijklmnopqrstuvw'x"_s << u"focusPassword"_s;
        QTest::newRow("short secret") << u"jvbSecret"_s << u"abc123"_s << u"jvbSecret"_s;
        QTest::newRow("bridge address") << u"bridgeAddresses"_s << u"10.0.0.3; reboot"_s << u"bridgeAddresses"_s;
        QTest::newRow("bridge network") << u"bridgeAddresses"_s << u"10.0.0.0/24"_s << u"bridgeAddresses"_s;
        QTest::newRow("acme url quote") << u"acmeDirectoryUrl"_s << u"https://acme.test/dir'"_s
                                        << u"acmeDirectoryUrl"_s;
        QTest::newRow("acme url scheme") << u"acmeDirectoryUrl"_s << u"file:///etc/passwd"_s << u"acmeDirectoryUrl"_s;
    }

    void badInputIsRejectedAtTheSource()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, errorField);
        DeploymentPlan plan = samplePlan();
        DeploymentSecrets secrets = sampleSecrets();
        HostInputs host = webInputs();
        if (field == u"domain"_s)
            plan.domain = value;
        else if (field == u"email"_s)
            plan.email = value;
        else if (field == u"jvbSecret"_s)
            secrets.jvbSecret = value;
        else if (field == u"focusPassword"_s)
            secrets.focusPassword = value;
        else if (field == u"bridgeAddresses"_s)
            host.bridgeAddresses = {value};
        else if (field == u"acmeDirectoryUrl"_s)
            host.acmeDirectoryUrl = value;
        for (EnvFile::Mode mode : {EnvFile::Mode::Real, EnvFile::Mode::Placeholders}) {
            const Result<QByteArray> env = EnvFile::render(plan, secrets, host, mode);
            QVERIFY(!env.ok());
            QCOMPARE(env.error().code, u"invalid_parameter"_s);
            QCOMPARE(env.error().detail, u"env file field: "_s + errorField);
            QVERIFY(!env.error().message.isEmpty());
            // Never echo the offending secret.
            QVERIFY(!env.error().message.contains(value) || !field.contains(u"ecret"_s));
        }
        QVERIFY(EnvFile::render(samplePlan(), sampleSecrets(), webInputs()).ok()); // the baseline is fine
    }

    // The shard, legacy keys, websockets; hocon parses the result; a second run touches nothing.
    void bridgeConfigEditing_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<bool>("multiLocation");
        QTest::addColumn<bool>("disableVerification");
        QTest::addColumn<QString>("packageNickname"); // empty: the fixture's
        QTest::newRow("current package, one location") << u"bridge"_s << false << false << QString();
        QTest::newRow("current package, two locations") << u"bridge"_s << true << false << QString();
        QTest::newRow("2025 package with websockets, opt-out") << u"bridge-2025"_s << false << true << QString();
        // Found by the testbed: ruby-hocon crashes on an unquoted value that starts like a huge number.
        QTest::newRow("package nickname that reads as a number")
                << u"bridge"_s << false << false << u"7e831a50-8996-416a-b7ef-49ad1d3e06c0"_s;
    }

    void bridgeConfigEditing()
    {
        QFETCH(QString, fixture);
        QFETCH(bool, multiLocation);
        QFETCH(bool, disableVerification);
        QFETCH(QString, packageNickname);
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u'/' + fixture, root.path()));
        const QString conf = root.path() + u"/etc/jitsi/videobridge/jvb.conf"_s;
        if (!packageNickname.isEmpty()) {
            QString text = QString::fromUtf8(readFile(conf));
            text.replace(QRegularExpression(u"MUC_NICKNAME=\\S+"_s), u"MUC_NICKNAME="_s + packageNickname);
            QFile file(conf);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QVERIFY(file.write(text.toUtf8()) > 0);
        }
        const QString properties = root.path() + u"/etc/jitsi/videobridge/sip-communicator.properties"_s;
        const bool hadProperties = QFile::exists(properties);

        QStringList env = bridgeEnv;
        env << u"JD_MULTI_LOCATION="_s + (multiLocation ? u"true"_s : u"false"_s)
            << u"JD_DISABLE_CERT_VERIFICATION="_s + (disableVerification ? u"true"_s : u"false"_s);
        const QString snippet = u". ./provision-bridge.sh; bridge_configure_jvb; bridge_remove_legacy_keys"_s;
        const BashRun first = bash(snippet, root.path(), env);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY(first.out.startsWith(u"changed\n"_s));

        const QString p = u"videobridge.apis.xmpp-client.configs.shard."_s;
        QCOMPARE(hoconGet(conf, p + u"HOSTNAME"_s), u"10.0.0.2"_s);
        QCOMPARE(hoconGet(conf, p + u"DOMAIN"_s), u"auth.meet.example.org"_s);
        QCOMPARE(hoconGet(conf, p + u"USERNAME"_s), u"jvb"_s);
        QCOMPARE(hoconGet(conf, p + u"PASSWORD"_s), jvbSecret);
        QCOMPARE(hoconGet(conf, p + u"MUC_JIDS"_s), u"jvbbrewery@internal.auth.meet.example.org"_s);
        QCOMPARE(hoconGet(conf, p + u"MUC_NICKNAME"_s), u"meet-example-org-jvb-1"_s);
        QCOMPARE(hoconGet(conf, p + u"DISABLE_CERTIFICATE_VERIFICATION"_s),
                 disableVerification ? u"true"_s : u"false"_s);
        QCOMPARE(hoconGet(conf, u"videobridge.websockets.enabled"_s), u"false"_s);
        // What the package wrote and we do not own stays.
        QVERIFY(hoconGet(conf, u"ice4j.harvest.mapping.stun.addresses"_s).contains(u"turnrelay"_s));
        if (multiLocation) {
            QCOMPARE(hoconGet(conf, u"videobridge.relay.enabled"_s), u"true"_s);
            QCOMPARE(hoconGet(conf, u"videobridge.relay.region"_s), u"fsn1"_s);
            QCOMPARE(hoconGet(conf, u"videobridge.relay.relay-id"_s), u"meet-example-org-jvb-1"_s);
        } else {
            QVERIFY(hoconGet(conf, u"videobridge.relay"_s).startsWith(u"<error"_s));
        }
        // The whole file still parses.
        QVERIFY(!hoconGet(conf, u"videobridge"_s).startsWith(u"<error"_s));

        if (hadProperties) {
            QVERIFY(first.out.contains(u"changed\nchanged\n"_s));
            const QByteArray rest = readFile(properties);
            QVERIFY(!rest.contains("org.jitsi.videobridge.xmpp.user."));
            QCOMPARE(rest, "org.ice4j.ipv6.DISABLED=true\norg.jitsi.videobridge.DISABLE_TCP_HARVESTER=true\n");
        }

        // Second run: same bytes, untouched mtime.
        const QByteArray confBytes = readFile(conf);
        ageFile(conf);
        const QDateTime confTime = QFileInfo(conf).lastModified();
        QDateTime propertiesTime;
        if (hadProperties) {
            ageFile(properties);
            propertiesTime = QFileInfo(properties).lastModified();
        }
        const BashRun second = bash(snippet, root.path(), env);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(second.out, QString());
        QCOMPARE(readFile(conf), confBytes);
        QCOMPARE(QFileInfo(conf).lastModified(), confTime);
        if (hadProperties)
            QCOMPARE(QFileInfo(properties).lastModified(), propertiesTime);
        QVERIFY(QDir(root.path() + u"/etc/jitsi/videobridge"_s).entryList({u"*.jd.*"_s}).isEmpty()); // no temp left
    }

    // The jvb secret goes into jvb.conf without being an argument of any program: command lines are readable
    // by every process on the host. A recording wrapper in front of the real hocon shows hocon edited the
    // PASSWORD key but never saw the secret; the real hocon reads the secret back from the file.
    void jvbSecretNeverOnTheHoconCommandLine()
    {
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/bridge"_s, root.path()));
        const QString r = root.path();
        const QString wrapper = r + u"/bin/hocon"_s;
        QVERIFY(writeFile(wrapper, "#!/bin/bash\nprintf '%s\\n' \"hocon $*\" >>'" + r.toUtf8()
                                           + "/calls.log'\nexec /usr/bin/hocon \"$@\"\n"));
        QVERIFY(QFile::setPermissions(wrapper, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        QStringList env = bridgeEnv;
        env << u"PATH="_s + r + u"/bin:"_s + qEnvironmentVariable("PATH");

        const BashRun run = bash(u". ./provision-bridge.sh; bridge_configure_jvb"_s, r, env);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray calls = readFile(r + u"/calls.log"_s);
        QVERIFY2(calls.contains(" set videobridge.apis.xmpp-client.configs.shard.PASSWORD "), calls.constData());
        QVERIFY2(!calls.contains(jvbSecret.toUtf8()), calls.constData());
        const QString conf = r + u"/etc/jitsi/videobridge/jvb.conf"_s;
        QCOMPARE(hoconGet(conf, u"videobridge.apis.xmpp-client.configs.shard.PASSWORD"_s), jvbSecret);
        QVERIFY(!readFile(conf).contains("jd-value-of-"));

        // HOCON quoting holds for characters the env file never lets through (defence in depth).
        const BashRun quoted
                = bash(u". ./provision-lib.sh; S='a\\b\"c&d${x}'; printf '%s' \"$(jd_hocon_string \"$S\")\""_s, r);
        QCOMPARE(quoted.out, u"\"a\\\\b\\\"c&d${x}\""_s);
    }

    // The keyring cloud-init fetched is trusted only when it holds exactly the expected key. Real gpg reads
    // real keys; the script's own default is Jitsi's published fingerprint.
    void jitsiKeyCheckedAgainstItsFingerprint_data()
    {
        QTest::addColumn<QStringList>("keyrings"); // concatenated into the keyring file; "" = an empty file
        QTest::addColumn<bool>("seamSet"); // JD_JITSI_KEY_FINGERPRINT = the stand-in's; else the default
        QTest::addColumn<bool>("accepted");
        QTest::newRow("the expected key") << QStringList{u"jitsi"_s} << true << true;
        QTest::newRow("another key") << QStringList{u"other"_s} << true << false;
        QTest::newRow("the expected key plus another") << QStringList{u"jitsi"_s, u"other"_s} << true << false;
        QTest::newRow("an empty file") << QStringList{QString()} << true << false;
        QTest::newRow("not a key") << QStringList{u"garbage"_s} << true << false;
        QTest::newRow("no file") << QStringList{} << true << false;
        QTest::newRow("default: Jitsi's published key") << QStringList{u"jitsi"_s} << false << false;
    }

    void jitsiKeyCheckedAgainstItsFingerprint()
    {
        QFETCH(QStringList, keyrings);
        QFETCH(bool, seamSet);
        QFETCH(bool, accepted);
        QTemporaryDir root;
        QByteArray keyring;
        for (const QString &which : std::as_const(keyrings))
            keyring += which.isEmpty()         ? QByteArray()
                       : which == u"garbage"_s ? QByteArray("-----BEGIN PGP PUBLIC KEY BLOCK-----\nnonsense\n")
                                               : readFile(which == u"jitsi"_s ? m_jitsiKeyring : m_otherKeyring);
        const QString keyringPath = root.path() + u"/usr/share/keyrings/jitsi-keyring.gpg"_s;
        if (!keyrings.isEmpty())
            QVERIFY(writeFile(keyringPath, keyring));
        QStringList env;
        if (seamSet)
            env << u"JD_JITSI_KEY_FINGERPRINT="_s + m_jitsiFingerprint;
        else
            env << u"JD_JITSI_KEY_FINGERPRINT"_s; // unset: see bash()

        // As the install script runs it: a step, its output in the provision log.
        const BashRun run = bash(u". ./provision-lib.sh; jd_open_log; jd_step check-key none jd_check_jitsi_key"_s,
                                 root.path(), env);
        const QString log = QString::fromUtf8(readFile(root.path() + u"/var/log/jitsi-deployer/provision.log"_s));
        QCOMPARE(run.exitCode, accepted ? 0 : 1);
        if (accepted) {
            QVERIFY2(log.contains(u"Jitsi apt key: "_s + m_jitsiFingerprint), qPrintable(log));
            QVERIFY(log.contains(u"@@step end check-key rc=0"_s));
            return;
        }
        QVERIFY2(log.contains(u"@@error check-key the Jitsi apt key "_s), qPrintable(log));
        QVERIFY(log.contains(u"@@step end check-key rc=1"_s));
        if (keyring.isEmpty()) {
            QVERIFY2(log.contains(u"is missing or empty"_s), qPrintable(log));
            return;
        }
        const QString expected = seamSet ? m_jitsiFingerprint : u"FFD65A0DA2BEBDEB73D44C8BB4D2D216F1FD7806"_s;
        QVERIFY2(log.contains(u"expected "_s + expected), qPrintable(log));
        QVERIFY2(log.contains(u"so no Jitsi package is installed"_s), qPrintable(log));
        if (keyrings == QStringList{u"other"_s})
            QVERIFY2(log.contains(u"fingerprint "_s + m_otherFingerprint + u','), qPrintable(log));
        if (keyrings == QStringList{u"garbage"_s})
            QVERIFY2(log.contains(u"fingerprint none,"_s), qPrintable(log));
        if (keyrings.size() == 2)
            QVERIFY2(log.contains(u"fingerprint "_s + m_jitsiFingerprint + u' ' + m_otherFingerprint + u','),
                     qPrintable(log));
    }

    // The whole check-repository step: a wrong key stops it before apt-get runs at all.
    void wrongJitsiKeyStopsBeforeApt()
    {
        QTemporaryDir root;
        const QString r = root.path();
        QStringList env;
        stubSystemTools(r, &env);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(writeFile(r + u"/usr/share/keyrings/jitsi-keyring.gpg"_s, readFile(m_otherKeyring)));
        const BashRun run = bash(
                u". ./provision-lib.sh; jd_open_log; jd_step check-repository none jd_step_check_repository"_s, r, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(readFile(r + u"/var/log/jitsi-deployer/provision.log"_s)
                        .contains("@@error check-repository the Jitsi apt key"));
        QVERIFY(!readFile(r + u"/calls.log"_s).contains("apt-get"));

        QVERIFY(writeFile(r + u"/usr/share/keyrings/jitsi-keyring.gpg"_s, readFile(m_jitsiKeyring)));
        const BashRun good = bash(
                u". ./provision-lib.sh; jd_open_log; jd_step check-repository none jd_step_check_repository"_s, r, env);
        QVERIFY2(good.exitCode == 0, readFile(r + u"/var/log/jitsi-deployer/provision.log"_s).constData());
        QVERIFY(readFile(r + u"/calls.log"_s).contains("apt-get update"));
    }

    // A release the Jitsi repository does not support yet: apt's simulated install refuses jicofo (what apt 3.0 on
    // Debian 13 printed for a jicofo whose Java alternatives are missing), so the step stops before anything is
    // installed and names the way out. On Debian 12 the way out is the apt sources, not another image.
    void jitsiPackagesNotInstallableStopEarly_data()
    {
        QTest::addColumn<QByteArray>("versionId");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("fix");
        QTest::newRow("debian 13") << QByteArray("13") << u"debian 13"_s
                                   << u"the Jitsi repository does not support debian 13 yet. Destroy this deployment "
                                      "and deploy it again with the debian-12 image"_s;
        QTest::newRow("debian 12") << QByteArray("12") << u"debian 12"_s << u"check the host's apt sources"_s;
    }

    void jitsiPackagesNotInstallableStopEarly()
    {
        QFETCH(QByteArray, versionId);
        QFETCH(QString, system);
        QFETCH(QString, fix);
        QTemporaryDir root;
        const QString r = root.path();
        QStringList env;
        stubSystemTools(r, &env);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(writeFile(r + u"/etc/os-release"_s, "ID=debian\nVERSION_ID=\"" + versionId + "\"\n"));
        const QByteArray refused = R"(Reading package lists...
Building dependency tree...
Reading state information...
Solving dependencies...
Some packages could not be installed. This may mean that you have
requested an impossible situation or if you are using the unstable
distribution that some required packages have not yet been created
or been moved out of Incoming.
The following information may help to resolve the situation:

The following packages have unmet dependencies:
 jicofo : Depends: openjdk-17-jre-headless but it is not installable or
                   openjdk-21-jre-headless but it is not installable
E: Unable to correct problems, you have held broken packages.
E: The following information from --solver 3.0 may provide additional context:
   Unable to satisfy dependencies. Reached two conflicting decisions:
   1. jicofo:amd64=1.0-1150-1 is selected for install
   2. jicofo:amd64 Depends openjdk-17-jre-headless | openjdk-21-jre-headless
      but none of the choices are installable:
      [no choices]
)";
        QVERIFY(writeFile(r + u"/refused.txt"_s, refused));
        QVERIFY(writeFile(r + u"/bin/apt-get"_s, "#!/bin/bash\necho \"apt-get $*\" >>'" + r.toUtf8()
                                                         + "/calls.log'\n"
                                                           "if [[ $1 == install && $2 == --simulate ]]; then cat '"
                                                         + r.toUtf8() + "/refused.txt'; exit 100; fi\n"));
        const BashRun run = bash(
                u". ./provision-lib.sh; jd_open_log; jd_step check-repository none jd_step_check_repository"_s, r, env);
        QCOMPARE(run.exitCode, 1);
        const QString log = QString::fromUtf8(readFile(r + u"/var/log/jitsi-deployer/provision.log"_s));
        const QString expected = u"@@error check-repository the Jitsi packages (jicofo jitsi-videobridge2) cannot be "
                                 "installed on %1: jicofo : Depends: openjdk-17-jre-headless but it is not "
                                 "installable or openjdk-21-jre-headless but it is not installable; "_s.arg(system)
                                 + fix;
        QVERIFY2(log.contains(expected), qPrintable(log));
        const QByteArray calls = readFile(r + u"/calls.log"_s);
        QVERIFY(calls.contains("apt-get install --simulate -q jicofo jitsi-videobridge2"));
        QVERIFY2(!calls.contains("apt-get install -y"), calls.constData()); // nothing was installed
    }

    void bridgeTrustsTheProsodyCertificate()
    {
        QTemporaryDir root;
        const QString b64 = QString::fromLatin1((certificatePem + u'\n').toUtf8().toBase64());
        QStringList env = bridgeEnv;
        env << u"JD_PROSODY_AUTH_CERT_B64="_s + b64;
        const QString snippet = u". ./provision-bridge.sh; bridge_install_auth_certificate"_s;
        const BashRun first = bash(snippet, root.path(), env);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out, u"changed\n"_s);
        const QString installed
                = root.path() + u"/usr/local/share/ca-certificates/jitsi-deployer-auth.meet.example.org.crt"_s;
        QCOMPARE(readFile(installed), (certificatePem + u'\n').toUtf8());
        ageFile(installed);
        const QDateTime time = QFileInfo(installed).lastModified();
        const BashRun second = bash(snippet, root.path(), env);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, QString());
        QCOMPARE(QFileInfo(installed).lastModified(), time);

        env.last() = u"JD_PROSODY_AUTH_CERT_B64="_s + QString::fromLatin1(QByteArray("not a certificate").toBase64());
        const BashRun bad = bash(snippet, root.path(), env);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(u"@@error none the prosody certificate in the parameters is not a PEM certificate"_s));
    }

    // prosodyctl register against a private config and data dir; the stored SCRAM key matches the secret.
    void webRegistersJvbWithProsodyctl()
    {
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/web"_s, root.path()));
        const QString data = root.path() + u"/var/lib/prosody"_s;
        QVERIFY(QDir().mkpath(data));
        const QString config = root.path() + u"/etc/prosody/prosody.cfg.lua"_s;
        QVERIFY(writeFile(config, readFile(config).replace("@DATA_PATH@", data.toUtf8())));
        QVERIFY(QDir().mkpath(root.path() + u"/etc/prosody/conf.d"_s));
        QVERIFY(QFile::link(u"../conf.avail/meet.example.org.cfg.lua"_s,
                            root.path() + u"/etc/prosody/conf.d/meet.example.org.cfg.lua"_s));

        const QStringList env{u"JD_DOMAIN="_s + domain, u"JD_JVB_SECRET="_s + jvbSecret,
                              u"JD_PROSODY_CONFIG="_s + config};
        for (int run = 0; run < 2; ++run) { // registering again sets the same password
            const BashRun result = bash(u". ./provision-web.sh; web_register_jvb"_s, root.path(), env);
            QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
            QVERIFY(!QString(result.out + result.err).contains(jvbSecret));
        }
        const QByteArray account = readFile(data + u"/auth%2emeet%2eexample%2eorg/accounts/jvb.dat"_s);
        QVERIFY2(!account.isEmpty(), "prosodyctl did not create the account");
        QVERIFY(!account.contains(jvbSecret.toUtf8())); // hashed, not stored
        auto field = [&account](const char *name) {
            const QRegularExpression pattern(u"\\[\"%1\"\\] = \"?([^\";]+)\"?;"_s.arg(QLatin1String(name)));
            return pattern.match(QString::fromUtf8(account)).captured(1);
        };
        // SCRAM-SHA-1 (prosody's internal_hashed): StoredKey = H(HMAC(PBKDF2(password, salt, i), "Client Key")).
        const QByteArray salted
                = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha1, jvbSecret.toUtf8(),
                                                     field("salt").toUtf8(), field("iteration_count").toInt(), 20);
        const QByteArray clientKey = QMessageAuthenticationCode::hash("Client Key", salted, QCryptographicHash::Sha1);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(clientKey, QCryptographicHash::Sha1).toHex()),
                 field("stored_key"));

        const BashRun unknownHost = bash(
                u". ./provision-web.sh; web_register_jvb"_s, root.path(),
                {u"JD_DOMAIN=other.example.org"_s, u"JD_JVB_SECRET="_s + jvbSecret, u"JD_PROSODY_CONFIG="_s + config});
        QCOMPARE(unknownHost.exitCode, 1);
        QVERIFY(unknownHost.err.contains(u"@@error none prosodyctl could not register jvb@auth.other.example.org"_s));
    }

    void webConfiguresJicofo()
    {
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/web"_s, root.path()));
        const QString conf = root.path() + u"/etc/jitsi/jicofo/jicofo.conf"_s;
        const BashRun first
                = bash(u". ./provision-web.sh; web_configure_jicofo"_s, root.path(), {u"JD_MULTI_LOCATION=true"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out, u"changed\n"_s);
        QCOMPARE(hoconGet(conf, u"jicofo.health.enabled"_s), u"true"_s);
        QCOMPARE(hoconGet(conf, u"jicofo.octo.enabled"_s), u"true"_s);
        QCOMPARE(hoconGet(conf, u"jicofo.bridge.selection-strategy"_s), u"RegionBasedBridgeSelectionStrategy"_s);
        QCOMPARE(hoconGet(conf, u"jicofo.bridge.brewery-jid"_s), u"JvbBrewery@internal.auth.meet.example.org"_s);
        ageFile(conf);
        const QDateTime time = QFileInfo(conf).lastModified();
        const BashRun second
                = bash(u". ./provision-web.sh; web_configure_jicofo"_s, root.path(), {u"JD_MULTI_LOCATION=true"_s});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, QString());
        QCOMPARE(QFileInfo(conf).lastModified(), time);
    }

    void webPreseedsExactlyPerReference()
    {
        const BashRun run = bash(u". ./provision-web.sh; web_preseed_lines"_s, QString(),
                                 {u"JD_DOMAIN="_s + domain, u"JD_JVB_SECRET=J"_s, u"JD_FOCUS_PASSWORD=F"_s,
                                  u"JD_EMAIL=admin@example.org"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"jitsi-videobridge2 jitsi-videobridge/jvb-hostname string meet.example.org\n"
                          "jitsi-meet-prosody jitsi-videobridge/jvbsecret password J\n"
                          "jicofo jicofo/jicofo-authpassword password F\n"
                          "jitsi-meet-web-config jitsi-meet/cert-choice select Generate a new self-signed certificate\n"
                          "jitsi-meet-web-config jitsi-meet/email string admin@example.org\n"
                          "jitsi-meet-web-config jitsi-meet/jaas-choice boolean false\n"_s);
        const BashRun bridge = bash(u". ./provision-bridge.sh; bridge_preseed_lines"_s, QString(),
                                    {u"JD_DOMAIN="_s + domain, u"JD_JVB_SECRET=J"_s});
        QCOMPARE(bridge.out, u"jitsi-videobridge2 jitsi-videobridge/jvb-hostname string meet.example.org\n"
                             "jitsi-videobridge2 jitsi-videobridge/jvbsecret password J\n"_s);
        // The web-config's internal marker is never preseeded, nor is the meta package installed.
        for (HostRole role : {HostRole::Web, HostRole::Bridge})
            for (const InstallFile &file : InstallBundle::forRole(role).files())
                QVERIFY2(!file.content.contains("jitsi-meet/jvb-hostname"), qPrintable(file.remotePath));
        const BashRun packages = bash(u". ./provision-web.sh; web_packages"_s, QString(), {u"JD_TURN_SERVER=true"_s});
        QCOMPARE(packages.out.split(u' ').contains(u"jitsi-meet"_s), false);
        QVERIFY(packages.out.contains(u"jitsi-meet-prosody"_s) && packages.out.contains(u"jitsi-meet-turnserver"_s));
        QVERIFY(!packages.out.contains(u"jitsi-videobridge2"_s));
    }

    void firewallRulesFollowTheBridges()
    {
        QTemporaryDir root;
        const QString file = root.path() + u"/etc/jitsi-deployer/firewall.nft"_s;
        const QString snippet = u". ./web-firewall.sh; web_firewall_write"_s;
        const QStringList env{u"JD_BRIDGE_ADDRESSES=10.0.0.3 203.0.113.7 2001:db8::7"_s};
        const BashRun first = bash(snippet, root.path(), env);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out, u"changed\n"_s);
        const QByteArray rules = readFile(file);
        QVERIFY(rules.contains("elements = { 10.0.0.3,203.0.113.7 }"));
        QVERIFY(rules.contains("elements = { 2001:db8::7 }"));
        QVERIFY(rules.contains("tcp dport 5222 ip saddr @bridges4 accept"));
        QVERIFY(rules.contains("tcp dport { 5222, 5269, 5280, 5281, 5347 } drop"));
        QVERIFY(rules.contains("policy accept;"));
        QVERIFY(rules.indexOf("iif \"lo\" accept") < rules.indexOf("drop"));

        ageFile(file);
        const QDateTime time = QFileInfo(file).lastModified();
        QCOMPARE(bash(snippet, root.path(), env).out, QString());
        QCOMPARE(QFileInfo(file).lastModified(), time);

        // A bridge removed: the set shrinks; no bridges at all: an empty set, 5222 closed to everyone.
        QCOMPARE(bash(snippet, root.path(), {u"JD_BRIDGE_ADDRESSES=10.0.0.3"_s}).out, u"changed\n"_s);
        QVERIFY(readFile(file).contains("elements = { 10.0.0.3 }"));
        QVERIFY(!readFile(file).contains("203.0.113.7"));
        QCOMPARE(bash(snippet, root.path(), {u"JD_BRIDGE_ADDRESSES="_s}).out, u"changed\n"_s);
        QVERIFY(!readFile(file).contains("elements"));
        if (!QStandardPaths::findExecutable(u"nft"_s).isEmpty()) {
            QProcess nft;
            nft.start(u"nft"_s, {u"-c"_s, u"-f"_s, file});
            QVERIFY(nft.waitForFinished(30000));
            if (nft.exitCode() != 0 && !nft.readAllStandardError().contains("Operation not permitted"))
                QFAIL("nft rejects the rules");
        }
    }

    // coturn's ports: accepted with TURN, dropped without (nothing listens there then, and the cloud firewall agrees).
    void firewallRulesFollowTurn()
    {
        QTemporaryDir root;
        const QString file = root.path() + u"/etc/jitsi-deployer/firewall.nft"_s;
        const QString snippet = u". ./web-firewall.sh; web_firewall_write"_s;
        QCOMPARE(bash(snippet, root.path(), {u"JD_TURN_SERVER=true"_s}).out, u"changed\n"_s);
        QVERIFY(readFile(file).contains("udp dport 3478 accept"));
        QVERIFY(readFile(file).contains("tcp dport 5349 accept"));
        QVERIFY(!readFile(file).contains("3478 drop"));
        QCOMPARE(bash(snippet, root.path(), {u"JD_TURN_SERVER=false"_s}).out, u"changed\n"_s);
        QVERIFY(readFile(file).contains("udp dport 3478 drop"));
        QVERIFY(readFile(file).contains("tcp dport { 3478, 5349 } drop"));
        QVERIFY(!readFile(file).contains("tcp dport 5349 accept"));
        // The step's digest changes with the choice, so a deployment switching TURN runs the step again.
        const BashRun digests = bash(u". ./web-firewall.sh; JD_TURN_SERVER=true web_firewall_digest; "
                                     "JD_TURN_SERVER=false web_firewall_digest"_s,
                                     root.path());
        const QStringList lines = digests.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0] != lines[1]);
    }

    void certificateStepSwitchesNginx()
    {
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/web"_s, root.path()));
        const QString site = root.path() + u"/etc/nginx/sites-available/meet.example.org.conf"_s;
        const QString snippet
                = u". ./web-certificate.sh; web_certificate_switch_nginx; web_certificate_write_renew_hook"_s;
        const BashRun first = bash(snippet, root.path(), {u"JD_DOMAIN="_s + domain});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out, u"changed\n"_s);
        const QByteArray conf = readFile(site);
        QVERIFY(conf.contains("    ssl_certificate /etc/letsencrypt/live/meet.example.org/fullchain.pem;\n"));
        QVERIFY(conf.contains("    ssl_certificate_key /etc/letsencrypt/live/meet.example.org/privkey.pem;\n"));
        QVERIFY(!conf.contains("/etc/jitsi/meet/"));
        QVERIFY(conf.contains("root         /usr/share/jitsi-meet;")); // the ACME webroot stays
        const QString hook = root.path() + u"/etc/letsencrypt/renewal-hooks/deploy/jitsi-deployer-reload-nginx.sh"_s;
        QVERIFY(readFile(hook).contains("systemctl reload nginx"));
        QVERIFY(QFileInfo(hook).isExecutable());

        ageFile(site);
        ageFile(hook);
        const QDateTime siteTime = QFileInfo(site).lastModified();
        const QDateTime hookTime = QFileInfo(hook).lastModified();
        const BashRun second = bash(snippet, root.path(), {u"JD_DOMAIN="_s + domain});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, QString());
        QCOMPARE(QFileInfo(site).lastModified(), siteTime);
        QCOMPARE(QFileInfo(hook).lastModified(), hookTime);
    }

    // web-turn.sh: prosody's external_services list names what coturn listens on, or nothing without TURN; the
    // certificate reaches coturn as a copy it can read; certbot's deploy hook exists exactly with TURN.
    void turnAdvertisesOnlyWhatRuns()
    {
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/web"_s, root.path()));
        const QString r = root.path();
        const QString site = r + u"/etc/prosody/conf.avail/meet.example.org.cfg.lua"_s;
        const QString turnConf = r + u"/etc/turnserver.conf"_s;
        const QString advertise = u". ./web-turn.sh; web_turn_advertise"_s;
        const QString domainEnv = u"JD_DOMAIN="_s + domain;
        const auto services = [&] {
            const QString text = QString::fromUtf8(readFile(site));
            const qsizetype start = text.indexOf(u"external_services = {"_s);
            return start < 0 ? QString() : text.mid(start, text.indexOf(u"};"_s, start) + 2 - start);
        };

        // Off: the package's three entries go, nothing is advertised; the rest of the file stays.
        const QByteArray before = readFile(site);
        BashRun off = bash(advertise, r, {domainEnv, u"JD_TURN_SERVER=false"_s});
        QVERIFY2(off.exitCode == 0, qPrintable(off.err));
        QCOMPARE(off.out, u"changed\n"_s);
        QVERIFY(!services().contains(u"type ="_s));
        QVERIFY(readFile(site).contains("external_service_secret = \"fixtureTurnSecret\";"));
        QVERIFY(readFile(site).contains("VirtualHost \"meet.example.org\""));
        QCOMPARE(readFile(site).count("external_services = {"), 1);
        QCOMPARE(bash(advertise, r, {domainEnv, u"JD_TURN_SERVER=false"_s}).out, QString()); // idempotent

        // On: coturn's own ports, read from its config.
        BashRun on = bash(advertise, r, {domainEnv, u"JD_TURN_SERVER=true"_s});
        QCOMPARE(on.out, u"changed\n"_s);
        QCOMPARE(services().count(u"type ="_s), 3);
        QVERIFY(services().contains(u"{ type = \"stun\", host = \"meet.example.org\", port = 3478 }"_s));
        QVERIFY(services().contains(u"type = \"turn\", host = \"meet.example.org\", port = 3478, transport = \"udp\", "
                                    "secret = true"_s));
        QVERIFY(services().contains(
                u"type = \"turns\", host = \"meet.example.org\", port = 5349, transport = \"tcp\""_s));
        QCOMPARE(readFile(site), before); // the package's list, exactly
        QVERIFY(writeFile(turnConf, readFile(turnConf).replace("tls-listening-port=5349", "tls-listening-port=443")
                                            + "no-udp\n"));
        QCOMPARE(bash(advertise, r, {domainEnv, u"JD_TURN_SERVER=true"_s}).out, u"changed\n"_s);
        QCOMPARE(services().count(u"type ="_s), 1);
        QVERIFY(services().contains(u"type = \"turns\", host = \"meet.example.org\", port = 443"_s));
        // A coturn not configured by jitsi-meet-turnserver (no marker) is not advertised.
        QVERIFY(writeFile(turnConf, "listening-port=3478\n"));
        bash(advertise, r, {domainEnv, u"JD_TURN_SERVER=true"_s});
        QVERIFY(!services().contains(u"type ="_s));

        // A site config without a list gets one before its first host, where it is a global option.
        QVERIFY(writeFile(site, "unlimited_jids = { }\n\nVirtualHost \"meet.example.org\"\n    authentication = "
                                "\"anonymous\"\n"));
        bash(advertise, r, {domainEnv, u"JD_TURN_SERVER=false"_s});
        const QByteArray inserted = readFile(site);
        QVERIFY(inserted.indexOf("external_services = {") > 0);
        QVERIFY(inserted.indexOf("external_services = {") < inserted.indexOf("VirtualHost"));
    }

    void turnCertificateAndRenewHook()
    {
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/web"_s, root.path()));
        const QString r = root.path();
        QVERIFY(QDir().mkpath(r + u"/bin"_s));
        QVERIFY(writeFile(r + u"/bin/systemctl"_s,
                          "#!/bin/bash\necho \"systemctl $*\" >>'" + r.toUtf8() + "/calls.log'\n"));
        QVERIFY(QFile::setPermissions(r + u"/bin/systemctl"_s, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const QStringList env{u"PATH="_s + r + u"/bin:"_s + qEnvironmentVariable("PATH"), u"JD_DOMAIN="_s + domain,
                              u"JD_TURN_SERVER=true"_s};
        QVERIFY(writeFile(r + u"/live/fullchain.pem"_s, "issued chain\n"));
        QVERIFY(writeFile(r + u"/live/privkey.pem"_s, "issued key\n"));

        const QString use = u". ./web-turn.sh; web_turn_use_certificate \"$JD_ROOT/live/fullchain.pem\" "
                            "\"$JD_ROOT/live/privkey.pem\""_s;
        const BashRun first = bash(use, r, env);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString key = r + u"/etc/coturn/certs/meet.example.org.privkey.pem"_s;
        QCOMPARE(readFile(key), QByteArray("issued key\n"));
        QCOMPARE(QFileInfo(key).permissions() & 0x7077, QFileDevice::ReadOwner); // 0400
        QCOMPARE(readFile(r + u"/etc/coturn/certs/meet.example.org.fullchain.pem"_s), QByteArray("issued chain\n"));
        const QByteArray conf = readFile(r + u"/etc/turnserver.conf"_s);
        QVERIFY(conf.contains("\ncert=/etc/coturn/certs/meet.example.org.fullchain.pem\n"));
        QVERIFY(conf.contains("\npkey=/etc/coturn/certs/meet.example.org.privkey.pem\n"));
        QCOMPARE(readFile(r + u"/calls.log"_s), QByteArray("systemctl restart coturn\n"));
        // The same pair again: nothing to do, no restart.
        QVERIFY(QFile::remove(r + u"/calls.log"_s));
        QCOMPARE(bash(use, r, env).exitCode, 0);
        QVERIFY(!QFile::exists(r + u"/calls.log"_s));

        // The deploy hook: there with TURN, runs this script's "renewed"; gone without TURN.
        const QString hook = r + u"/etc/letsencrypt/renewal-hooks/deploy/jitsi-deployer-coturn.sh"_s;
        QCOMPARE(bash(u". ./web-certificate.sh; web_certificate_write_turn_hook"_s, r, env).exitCode, 0);
        QVERIFY(QFileInfo(hook).isExecutable());
        QVERIFY(readFile(hook).contains("/web-turn.sh renewed"));
        QCOMPARE(bash(u". ./web-certificate.sh; web_certificate_write_turn_hook"_s, r, {u"JD_TURN_SERVER=false"_s})
                         .exitCode,
                 0);
        QVERIFY(!QFile::exists(hook));
    }

    // Meeting access (web-meeting-access.sh) on the site config in the shim's shape ("anonymous") and in the real
    // template's ("jitsi-anonymous" with its trailing comment): moderated as the handbook's secure domain, a second run
    // changes nothing, and open restores the package's files byte for byte. Real prosody judges the result in
    // tests/testbed/shims/tst_moderatedprosody.
    void webMeetingAccessConvergesAndSwitchesBack_data()
    {
        QTest::addColumn<QByteArray>("authLine");
        QTest::addColumn<QString>("anonymous");
        QTest::newRow("shim") << QByteArray("    authentication = \"anonymous\"\n") << u"anonymous"_s;
        QTest::newRow("real template") << QByteArray("    authentication = \"jitsi-anonymous\" -- do not delete me\n")
                                       << u"jitsi-anonymous"_s;
    }

    void webMeetingAccessConvergesAndSwitchesBack()
    {
        QFETCH(QByteArray, authLine);
        QFETCH(QString, anonymous);
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/web"_s, root.path()));
        QStringList env;
        stubSystemTools(root.path(), &env);
        const QString site = root.path() + u"/etc/prosody/conf.avail/meet.example.org.cfg.lua"_s;
        const QString js = root.path() + u"/etc/jitsi/meet/meet.example.org-config.js"_s;
        const QString jicofo = root.path() + u"/etc/jitsi/jicofo/jicofo.conf"_s;
        QByteArray siteText = readFile(site);
        siteText.replace("    authentication = \"anonymous\"\n", authLine);
        QVERIFY(writeFile(site, siteText));
        const QByteArray jsText = "var config = {\n    hosts: {\n        // XMPP domain.\n"
                                  "        domain: 'meet.example.org',\n\n"
                                  "        // When using authentication, domain for guest users.\n"
                                  "        // anonymousdomain: 'guest.example.com',\n"
                                  "        muc: 'conference.meet.example.org'\n    },\n};\n";
        QVERIFY(writeFile(js, jsText));
        const QString snippet = u". ./provision-web.sh; web_apply_meeting_access"_s;
        const QString calls = root.path() + u"/calls.log"_s;

        const BashRun moderated = bash(snippet, root.path(),
                                       env + QStringList{u"JD_DOMAIN="_s + domain, u"JD_MEETING_ACCESS=moderated"_s});
        QVERIFY2(moderated.exitCode == 0, qPrintable(moderated.out + moderated.err));
        const QString cfg = QString::fromUtf8(readFile(site));
        // In the meeting domain's VirtualHost: hashed passwords, the package's line kept behind a mark.
        const QString meetingHost = cfg.section(u"VirtualHost \"meet.example.org\""_s, 1).section(u"Component"_s, 0, 0);
        QVERIFY2(meetingHost.contains(u"\n    authentication = \"internal_hashed\" -- jitsi-deployer moderated\n"_s),
                 qPrintable(cfg));
        QCOMPARE(meetingHost.count(u"\n    authentication ="_s), 1);
        // The guest host, anonymous with the package's own method, after everything else.
        QVERIFY2(cfg.endsWith(
                         u"\n-- jitsi-deployer guest domain begin\nVirtualHost \"guest.meet.example.org\"\n    "
                         u"authentication = \"%1\"\n"
                         "    c2s_require_encryption = false\n-- jitsi-deployer guest domain end\n"_s.arg(anonymous)),
                 qPrintable(cfg));
        // The other hosts are untouched.
        QVERIFY(cfg.contains(u"VirtualHost \"auth.meet.example.org\"\n    authentication = \"internal_hashed\"\n"_s));
        QCOMPARE(hoconGet(jicofo, u"jicofo.authentication.enabled"_s), u"true"_s);
        QCOMPARE(hoconGet(jicofo, u"jicofo.authentication.type"_s), u"XMPP"_s);
        QCOMPARE(hoconGet(jicofo, u"jicofo.authentication.login-url"_s), u"meet.example.org"_s);
        const QByteArray moderatedJs = readFile(js);
        QVERIFY2(moderatedJs.contains(
                         "        domain: 'meet.example.org',\n"
                         "        anonymousdomain: 'guest.meet.example.org', // jitsi-deployer moderated\n"),
                 moderatedJs.constData());
        QVERIFY(moderatedJs.contains("        // anonymousdomain: 'guest.example.com',\n"));
        const QString restarts = QString::fromUtf8(readFile(calls));
        QVERIFY2(restarts.contains(u"systemctl restart prosody"_s) && restarts.contains(u"systemctl restart jicofo"_s),
                 qPrintable(restarts));

        // Again: nothing changes, nothing restarts.
        const QByteArray siteModerated = readFile(site), jicofoModerated = readFile(jicofo);
        QVERIFY(QFile::remove(calls));
        const BashRun again = bash(snippet, root.path(),
                                   env + QStringList{u"JD_DOMAIN="_s + domain, u"JD_MEETING_ACCESS=moderated"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(readFile(site), siteModerated);
        QCOMPARE(readFile(js), moderatedJs);
        QCOMPARE(readFile(jicofo), jicofoModerated);
        QVERIFY(!QString::fromUtf8(readFile(calls)).contains(u"systemctl restart"_s));

        // Back to open: the package's lines exactly, no guest host, jicofo without authentication.
        const BashRun open
                = bash(snippet, root.path(), env + QStringList{u"JD_DOMAIN="_s + domain, u"JD_MEETING_ACCESS=open"_s});
        QVERIFY2(open.exitCode == 0, qPrintable(open.err));
        QCOMPARE(readFile(site), siteText);
        QCOMPARE(readFile(js), jsText);
        QVERIFY(hoconGet(jicofo, u"jicofo.authentication"_s).startsWith(u"<error"_s));
        QCOMPARE(hoconGet(jicofo, u"jicofo.bridge.brewery-jid"_s), u"JvbBrewery@internal.auth.meet.example.org"_s);

        // A value the scripts do not know is refused, and a site config without the package's lines is named.
        const BashRun unknown = bash(snippet, root.path(),
                                     env + QStringList{u"JD_DOMAIN="_s + domain, u"JD_MEETING_ACCESS=private"_s});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(u"neither open nor moderated"_s));
        QVERIFY(writeFile(site, "VirtualHost \"other.example.org\"\n    authentication = \"anonymous\"\n"));
        const BashRun foreign = bash(snippet, root.path(),
                                     env + QStringList{u"JD_DOMAIN="_s + domain, u"JD_MEETING_ACCESS=moderated"_s});
        QCOMPARE(foreign.exitCode, 1);
        QVERIFY2(foreign.err.contains(u"does not have the lines the Jitsi package writes"_s), qPrintable(foreign.err));
    }

    void stepMarkersAndState()
    {
        QTemporaryDir root;
        const QString snippet = u". ./provision-lib.sh; jd_open_log\n"
                                "ok() { echo working; }\n"
                                "broken() { echo trying; false; echo never; }\n"
                                "explained() { jd_fail \"the thing is missing; install it\"; }\n"
                                "jd_step first \"$(jd_digest a)\" ok\n"
                                "jd_step second \"$(jd_digest ${INPUT:-b})\" ok\n"
                                "jd_step third none ${THIRD:-broken}\n"_s;
        const BashRun run1 = bash(snippet, root.path());
        QCOMPARE(run1.exitCode, 1); // errexit stops at the failing step
        QString log = QString::fromUtf8(readFile(root.path() + u"/var/log/jitsi-deployer/provision.log"_s));
        static const QRegularExpression time(u" time=[0-9T:Z-]+"_s);
        log.remove(time);
        QCOMPARE(log, u"@@step start first\nworking\n@@step end first rc=0\n"
                      "@@step start second\nworking\n@@step end second rc=0\n"
                      "@@step start third\ntrying\n@@step end third rc=1\n"_s);
        QCOMPARE(QFileInfo(root.path() + u"/var/log/jitsi-deployer/provision.log"_s).permissions() & 0x7077,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // Completed steps are skipped, a changed input runs its step again, the failed one is retried.
        const BashRun run2 = bash(snippet, root.path(), {u"INPUT=c"_s, u"THIRD=explained"_s});
        QCOMPARE(run2.exitCode, 1);
        log = QString::fromUtf8(readFile(root.path() + u"/var/log/jitsi-deployer/provision.log"_s)).remove(time);
        QVERIFY2(log.endsWith(u"@@step skip first\n@@step start second\nworking\n@@step end second rc=0\n"
                              "@@step start third\n@@error third the thing is missing; install it\n"
                              "@@step end third rc=1\n"_s),
                 qPrintable(log));
        const QByteArray state = readFile(root.path() + u"/var/lib/jitsi-deployer/provision.state"_s);
        QCOMPARE(state.count('\n'), 2);
        QVERIFY(state.startsWith("first ") && state.contains("\nsecond "));
        QVERIFY(!state.contains("third"));
    }

    void distroFromOsRelease_data()
    {
        QTest::addColumn<QByteArray>("osRelease");
        QTest::addColumn<QString>("expected");
        QTest::newRow("debian 12") << QByteArray(
                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n")
                                   << u"debian 12"_s;
        QTest::newRow("ubuntu 24.04") << QByteArray(
                "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID=\"24.04\"\n")
                                      << u"ubuntu 24.04"_s;
        QTest::newRow("ubuntu 22.04") << QByteArray("ID=ubuntu\nVERSION_ID=\"22.04\"\n") << QString();
        QTest::newRow("debian 13") << QByteArray(
                "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nID=debian\nVERSION_ID=\"13\"\n")
                                   << u"debian 13"_s;
        QTest::newRow("debian 11") << QByteArray("ID=debian\nVERSION_ID=\"11\"\n") << QString();
    }

    void distroFromOsRelease()
    {
        QFETCH(QByteArray, osRelease);
        QFETCH(QString, expected);
        QTemporaryDir root;
        QVERIFY(writeFile(root.path() + u"/etc/os-release"_s, osRelease));
        const BashRun run = bash(u". ./provision-lib.sh; jd_distro"_s, root.path());
        if (expected.isEmpty()) {
            QCOMPARE(run.exitCode, 1);
            QVERIFY(run.err.contains(u"use the debian-13, debian-12 or ubuntu-24.04 image"_s));
        } else {
            QCOMPARE(run.exitCode, 0);
            QCOMPARE(run.out.trimmed(), expected);
        }
    }

    void bridgeWaitsBoundedForTheBrewery()
    {
        QTemporaryDir root;
        const QString log = root.path() + u"/var/log/jitsi/jvb.log"_s;
        QVERIFY(writeFile(log, "JVB 2026-11-22 INFO: old run Joined MUC: jvbbrewery@internal.auth.meet.example.org\n"));
        const qint64 offset = QFileInfo(log).size();
        QFile append(log);
        QVERIFY(append.open(QIODevice::Append));
        append.write("JVB 2026-11-22 WARNING: [30] MucClient.lambda$getConnectAndLoginCallable$9#643: "
                     "Error connecting: javax.net.ssl.SSLHandshakeException: PKIX path building failed\n");
        append.close();
        QStringList env = bridgeEnv;
        env << u"JD_JOIN_TIMEOUT=1"_s;
        const QString snippet = u". ./provision-bridge.sh; bridge_wait_joined "_s + QString::number(offset);
        // The join line from before the restart does not count.
        const BashRun failed = bash(snippet, root.path(), env);
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains(u"@@error none the bridge did not join the brewery on 10.0.0.2 within 1s; last "
                                     "error: JVB"_s)
                         && failed.err.contains(u"PKIX path building failed"_s),
                 qPrintable(failed.err));

        QVERIFY(append.open(QIODevice::Append));
        append.write(
                "JVB 2026-11-22 INFO: [30] MucClient.joinMuc: Joined MUC: jvbbrewery@internal.auth.meet.example.org\n");
        append.close();
        const BashRun joined = bash(snippet, root.path(), env);
        QCOMPARE(joined.exitCode, 0);
        QCOMPARE(joined.out, u"the bridge joined the brewery\n"_s);

        // A busy log after the join line: reading stops at the match, which must not count as a failure.
        QVERIFY(append.open(QIODevice::Append));
        for (int i = 0; i < 20000; ++i)
            append.write("JVB 2026-11-22 INFO: [31] Videobridge.handleHealthCheck: health check passed\n");
        append.close();
        const BashRun busy = bash(snippet, root.path(), env);
        QCOMPARE(busy.exitCode, 0);
        QCOMPARE(busy.out, u"the bridge joined the brewery\n"_s);
    }

    // The whole script as the unit runs it, with the package and service tools replaced by stubs that
    // record their calls (hocon and prosodyctl stay real). The second run skips every step and calls nothing.
    void fullRunTwiceWithStubbedSystemTools_data()
    {
        QTest::addColumn<bool>("web");
        QTest::newRow("bridge") << false;
        QTest::newRow("web") << true;
    }

    void fullRunTwiceWithStubbedSystemTools()
    {
        QFETCH(bool, web);
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + (web ? u"/web"_s : u"/bridge"_s), root.path()));
        const QString r = root.path();
        QStringList env;
        stubSystemTools(r, &env);
        if (QTest::currentTestFailed())
            return;
        const QString calls = r + u"/calls.log"_s;
        if (web) {
            const QString data = r + u"/var/lib/prosody"_s;
            const QString config = r + u"/etc/prosody/prosody.cfg.lua"_s;
            QVERIFY(writeFile(config, readFile(config).replace("@DATA_PATH@", data.toUtf8())));
            QVERIFY(QDir().mkpath(r + u"/etc/prosody/conf.d"_s));
            QVERIFY(QFile::link(u"../conf.avail/meet.example.org.cfg.lua"_s,
                                r + u"/etc/prosody/conf.d/meet.example.org.cfg.lua"_s));
            QVERIFY(writeFile(data + u"/auth.meet.example.org.crt"_s, certificatePem.toUtf8()));
            env << u"JD_PROSODY_CONFIG="_s + config;
            writeEnv(r, samplePlan(), webInputs());
        } else {
            writeEnv(r, samplePlan(), bridgeInputs(1));
        }
        const QString script = web ? u"provision-web.sh"_s : u"provision-bridge.sh"_s;
        const QString log = r + u"/var/log/jitsi-deployer/provision.log"_s;

        const BashRun first = bash(u"bash ./"_s + script, r, env);
        QVERIFY2(first.exitCode == 0, readFile(log).constData());
        const QByteArray firstLog = readFile(log);
        QVERIFY(firstLog.startsWith(QByteArray("@@run start install-" + QByteArray(web ? "web" : "bridge"))));
        QVERIFY(firstLog.contains(QByteArray("\n@@run end install-" + QByteArray(web ? "web" : "bridge") + " rc=0")));
        QVERIFY(!firstLog.contains("@@error"));
        const QByteArray firstCalls = readFile(calls);
        QVERIFY(firstCalls.contains("apt-get install"));
        QVERIFY(!firstCalls.contains(jvbSecret.toUtf8()));
        if (web) {
            QVERIFY(firstCalls.contains(" jicofo jitsi-meet-web jitsi-meet-prosody jitsi-meet-web-config "));
            QVERIFY(firstCalls.contains("systemctl restart jicofo"));
            QVERIFY(firstCalls.contains(QByteArray("nft -f " + r.toUtf8() + "/etc/jitsi-deployer/firewall.nft")));
            QVERIFY(QFile::exists(r + u"/var/lib/prosody/auth%2emeet%2eexample%2eorg/accounts/jvb.dat"_s));
            QVERIFY(firstCalls.contains("register jvb auth.meet.example.org")); // and, above, not the secret
            // TURN (the plan's default): coturn gets the self-signed certificate, prosody advertises its ports.
            QVERIFY(firstCalls.contains("systemctl restart coturn"));
            QVERIFY(readFile(r + u"/etc/turnserver.conf"_s)
                            .contains("\ncert=/etc/coturn/certs/meet.example.org.fullchain.pem\n"));
            QVERIFY(readFile(r + u"/etc/prosody/conf.avail/meet.example.org.cfg.lua"_s).contains("port = 5349"));
        } else {
            QVERIFY(firstCalls.contains("apt-get install -y -q -o Dpkg::Options::=--force-confold jitsi-videobridge2"));
            QVERIFY(firstCalls.contains("update-ca-certificates -f"));
            QVERIFY(firstLog.contains("the bridge joined the brewery"));
        }
        static const QRegularExpression ends(u"@@step end ([a-z-]+) rc=0"_s);
        QStringList steps;
        for (const QRegularExpressionMatch &m : ends.globalMatch(QString::fromUtf8(firstLog)))
            steps << m.captured(1);
        QCOMPARE(steps.size(), web ? 11 : 8);

        QVERIFY(QFile::remove(calls));
        const QString edited = r + (web ? u"/etc/jitsi/jicofo/jicofo.conf"_s : u"/etc/jitsi/videobridge/jvb.conf"_s);
        ageFile(edited);
        const QDateTime editedTime = QFileInfo(edited).lastModified();
        const BashRun second = bash(u"bash ./"_s + script, r, env);
        QVERIFY2(second.exitCode == 0, readFile(log).constData());
        const QByteArray secondLog = readFile(log).mid(firstLog.size());
        for (const QString &step : std::as_const(steps))
            QVERIFY2(secondLog.contains(QByteArray("@@step skip " + step.toUtf8() + " time=")), qPrintable(step));
        QVERIFY(!secondLog.contains("@@step start"));
        QVERIFY(!QFile::exists(calls)); // nothing was installed, restarted or reloaded
        QCOMPARE(QFileInfo(edited).lastModified(), editedTime);
        QVERIFY(!readFile(log).contains(jvbSecret.toUtf8()));
        QVERIFY(!readFile(log).contains(focusPassword.toUtf8()));
    }

    // A canary secret reaches only the env file: not the scripts, the units, or the log of a real run.
    void canarySecretOnlyInTheEnvFile()
    {
        const QString canary = u"CanaryZ9x8w7v6u5t4s3r2q1p0"_s;
        DeploymentSecrets secrets = sampleSecrets();
        secrets.jvbSecret = canary;
        secrets.focusPassword = canary + u"Focus"_s;

        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/bridge"_s, root.path()));
        const Result<QByteArray> env = EnvFile::render(samplePlan(), secrets, bridgeInputs(1));
        QVERIFY(env.ok());
        QVERIFY(env->contains(canary.toUtf8()));
        const QString envPath = root.path() + EnvFile::remotePath();
        QVERIFY(writeFile(envPath, *env));
        QVERIFY(QFile::setPermissions(envPath, EnvFile::permissions));

        for (HostRole role : {HostRole::Web, HostRole::Bridge})
            for (const InstallFile &file : InstallBundle::forRole(role).files())
                QVERIFY(!file.content.contains(canary.toUtf8()));
        const Result<QByteArray> dryRun
                = EnvFile::render(samplePlan(), secrets, webInputs(), EnvFile::Mode::Placeholders);
        QVERIFY(dryRun.ok() && !dryRun->contains(canary.toUtf8()));

        // The configuration steps, as the unit runs them, twice: the second run only skips.
        const QString snippet = u". ./provision-bridge.sh; jd_open_log; jd_load_env\n"
                                "jd_step trust-prosody-certificate x bridge_install_auth_certificate\n"
                                "jd_step configure-jvb \"$(jd_digest \"$JD_JVB_SECRET\")\" bridge_step_configure\n"_s;
        for (int run = 0; run < 2; ++run) {
            const BashRun result = bash(snippet, root.path());
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
            QVERIFY(!QString(result.out + result.err).contains(canary));
        }
        const QByteArray log = readFile(root.path() + u"/var/log/jitsi-deployer/provision.log"_s);
        QVERIFY(log.contains("@@step end configure-jvb rc=0"));
        QVERIFY(log.contains("@@step skip configure-jvb"));
        QVERIFY(!log.contains(canary.toUtf8()));
        QVERIFY(!readFile(root.path() + u"/var/lib/jitsi-deployer/provision.state"_s).contains(canary.toUtf8()));
        // Where it must be: the shard's password.
        QCOMPARE(hoconGet(root.path() + u"/etc/jitsi/videobridge/jvb.conf"_s,
                          u"videobridge.apis.xmpp-client.configs.shard.PASSWORD"_s),
                 canary);
    }

    // JD_PHASE: a bridge's env file for the packages phase needs neither the web host's address nor prosody's
    // certificate; the full phase needs both; anything else is refused at the source.
    void envFileBridgePhases()
    {
        HostInputs early = bridgeInputs(1);
        early.phase = u"packages"_s;
        early.webPrivateIp.clear();
        early.webPublicIp.clear();
        early.prosodyAuthCertificate.clear();
        const Result<QByteArray> packages = EnvFile::render(samplePlan(), sampleSecrets(), early);
        QVERIFY2(packages.ok(), qPrintable(packages.error().message));
        QVERIFY(packages->contains("JD_PHASE='packages'\n"));
        QVERIFY(!packages->contains("JD_XMPP_HOST"));
        QVERIFY(!packages->contains("JD_PROSODY_AUTH_CERT_B64"));

        HostInputs later = early;
        later.phase = u"all"_s;
        QCOMPARE(EnvFile::render(samplePlan(), sampleSecrets(), later).error().code, u"invalid_parameter"_s);
        const Result<QByteArray> all = EnvFile::render(samplePlan(), sampleSecrets(), bridgeInputs(1));
        QVERIFY(all.ok());
        QVERIFY(all->contains("JD_PHASE='all'\n")); // empty = all
        QVERIFY(all->contains("JD_XMPP_HOST='10.0.0.2'\n"));

        HostInputs bogus = bridgeInputs(1);
        bogus.phase = u"packages; reboot"_s;
        QCOMPARE(EnvFile::render(samplePlan(), sampleSecrets(), bogus).error().detail, u"env file field: phase"_s);
        HostInputs web = webInputs();
        web.phase = u"packages"_s;
        QCOMPARE(EnvFile::render(samplePlan(), sampleSecrets(), web).error().detail, u"env file field: phase"_s);
        QVERIFY(!EnvFile::render(samplePlan(), sampleSecrets(), webInputs())->contains("JD_PHASE"));
    }

    // JD_JVB_VERSION: only for a bridge that must match the others; anything but a Debian version is refused.
    void envFileBridgeVersion()
    {
        HostInputs pinned = bridgeInputs(1);
        pinned.jvbVersion = u"2.3-100-g1a2b3c-1"_s;
        const Result<QByteArray> env = EnvFile::render(samplePlan(), sampleSecrets(), pinned);
        QVERIFY2(env.ok(), qPrintable(env.error().message));
        QVERIFY(env->contains("JD_JVB_VERSION='2.3-100-g1a2b3c-1'\n"));
        QVERIFY(!EnvFile::render(samplePlan(), sampleSecrets(), bridgeInputs(1))->contains("JD_JVB_VERSION"));
        pinned.jvbVersion = u"2.3 jicofo"_s;
        QCOMPARE(EnvFile::render(samplePlan(), sampleSecrets(), pinned).error().detail,
                 u"env file field: jvbVersion"_s);
    }

    // The packages phase stops after install-packages with a successful run; the full run later skips what it
    // did and configures the rest.
    void bridgePackagesPhaseThenAll()
    {
        QTemporaryDir root;
        QVERIFY(copyTree(m_fixtures + u"/bridge"_s, root.path()));
        const QString r = root.path();
        QStringList env;
        stubSystemTools(r, &env);
        if (QTest::currentTestFailed())
            return;
        HostInputs early = bridgeInputs(1);
        early.phase = u"packages"_s;
        early.webPrivateIp.clear();
        early.webPublicIp.clear();
        early.prosodyAuthCertificate.clear();
        writeEnv(r, samplePlan(), early);
        const QString log = r + u"/var/log/jitsi-deployer/provision.log"_s;

        const BashRun first = bash(u"bash ./provision-bridge.sh"_s, r, env);
        QVERIFY2(first.exitCode == 0, readFile(log).constData());
        const QByteArray firstLog = readFile(log);
        static const QRegularExpression ends(u"@@step end ([a-z-]+) rc=0"_s);
        QStringList steps;
        for (const QRegularExpressionMatch &m : ends.globalMatch(QString::fromUtf8(firstLog)))
            steps << m.captured(1);
        QCOMPARE(steps.last(), u"install-packages"_s);
        QCOMPARE(steps.size(), 5);
        QVERIFY(firstLog.contains("\n@@run end install-bridge rc=0 "));
        QVERIFY(!firstLog.contains("trust-prosody-certificate"));
        QVERIFY(!readFile(r + u"/calls.log"_s).contains("update-ca-certificates"));

        writeEnv(r, samplePlan(), bridgeInputs(1));
        const BashRun second = bash(u"bash ./provision-bridge.sh"_s, r, env);
        const QByteArray secondLog = readFile(log).mid(firstLog.size());
        QVERIFY2(second.exitCode == 0, secondLog.constData());
        for (const QString &step : std::as_const(steps))
            QVERIFY2(secondLog.contains(QByteArray("@@step skip " + step.toUtf8() + " time=")), qPrintable(step));
        for (const char *step : {"trust-prosody-certificate", "configure-jvb", "restart-and-join"})
            QVERIFY2(secondLog.contains(QByteArray(QByteArray("@@step end ") + step + " rc=0")), step);
        QVERIFY(secondLog.contains("\n@@run end install-bridge rc=0 "));

        // An unknown phase stops before anything runs.
        QVERIFY(writeFile(r + EnvFile::remotePath(), readFile(r + EnvFile::remotePath()) + "JD_PHASE='later'\n"));
        const BashRun bad = bash(u"bash ./provision-bridge.sh"_s, r, env);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(readFile(log).contains("@@error none unknown JD_PHASE 'later'"));
    }

    // bridge-drain.sh with jvb's HTTP API replaced by a stub curl: drain mode first, then the conference count
    // until it reaches zero or the time is up.
    void bridgeDrainWaitsBounded_data()
    {
        QTest::addColumn<QByteArray>("drainStatus");
        QTest::addColumn<QByteArray>("counts"); // one per /metrics call; the last repeats
        QTest::addColumn<QString>("timeout");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("lastLine");
        QTest::newRow("drains") << QByteArray("200") << QByteArray("2 1 0") << u"60"_s << 0 << u"@@drain remaining=0"_s;
        QTest::newRow("time is up") << QByteArray("200") << QByteArray("3") << u"0"_s << 0 << u"@@drain remaining=3"_s;
        QTest::newRow("drain refused") << QByteArray("404") << QByteArray("0") << u"60"_s << 1 << QString();
        QTest::newRow("no gauge") << QByteArray("200") << QByteArray("none") << u"60"_s << 1 << QString();
        // jitsi_jvb_drain_mode stays 0: the bridge cannot be confirmed drained.
        QTest::newRow("drain mode off") << QByteArray("200") << QByteArray("off") << u"60"_s << 1 << QString();
    }

    void bridgeDrainWaitsBounded()
    {
        QFETCH(QByteArray, drainStatus);
        QFETCH(QByteArray, counts);
        QFETCH(QString, timeout);
        QFETCH(int, exitCode);
        QFETCH(QString, lastLine);
        QTemporaryDir root;
        const QString r = root.path();
        QVERIFY(writeFile(r + u"/counts"_s, counts.replace(' ', '\n') + '\n'));
        // Each /metrics call reads the first count and drops it, unless it is the last.
        const QByteArray curl = "#!/bin/bash\necho \"curl $*\" >>'" + r.toUtf8()
                                + "/calls.log'\n"
                                  "case \"$*\" in\n"
                                  "*-X\\ POST*/colibri/drain/enable) printf '"
                                + drainStatus
                                + "' ;;\n"
                                  "*/metrics) n=$(head -n 1 '"
                                + r.toUtf8()
                                + "/counts'); mode=1; [[ $n == off ]] && { mode=0; n=0; }\n"
                                  "    [[ $n == none ]] || echo \"jitsi_jvb_conferences $n\"\n"
                                  "    echo \"jitsi_jvb_drain_mode $mode\"; echo 'jitsi_jvb_local_endpoints 4'\n"
                                + "    [[ $(wc -l <'" + r.toUtf8() + "/counts') -gt 1 ]] && sed -i 1d '" + r.toUtf8()
                                + "/counts'; echo 'jitsi_jvb_other 7' ;;\n"
                                  "esac\n";
        QVERIFY(writeFile(r + u"/bin/curl"_s, curl));
        QVERIFY(QFile::setPermissions(r + u"/bin/curl"_s, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const BashRun run = bash(u"bash ./bridge-drain.sh"_s, r,
                                 {u"PATH="_s + r + u"/bin:"_s + qEnvironmentVariable("PATH"),
                                  u"JD_DRAIN_TIMEOUT="_s + timeout, u"JD_DRAIN_INTERVAL=0.05"_s});
        QCOMPARE(run.exitCode, exitCode);
        const QByteArray calls = readFile(r + u"/calls.log"_s);
        QVERIFY(calls.startsWith("curl -s --max-time 10 -o /dev/null -w %{http_code} -X POST "
                                 "http://127.0.0.1:8080/colibri/drain/enable\n"));
        if (exitCode == 0) {
            QCOMPARE(run.out.trimmed().split(u'\n').last(), lastLine);
            QCOMPARE(run.out.count(u"@@drain conferences="_s), counts.count('\n') + 1); // one poll per count
            QVERIFY(run.out.contains(u"@@drain participants=4\n"_s));
        } else {
            QVERIFY2(run.err.startsWith(u"@@error drain "_s), qPrintable(run.err));
            QVERIFY(!run.out.contains(u"@@drain remaining"_s));
        }
    }

    // jitsi-packages.sh with dpkg-query, apt-cache, apt-get and systemctl stubbed over a file of installed versions:
    // versions, the repository's versions (madison, newest first, each once), and an upgrade that restarts what
    // it changed in the web host's order.
    void jitsiPackagesScript()
    {
        QTemporaryDir root;
        const QString r = root.path();
        const QString state = r + u"/installed"_s;
        QVERIFY(writeFile(state, "jicofo 1.0-1000-1\nprosody 0.12.3-1\njitsi-meet-web 1.0.8000-1\n"));
        const QByteArray log = "echo \"$(basename \"$0\") $*\" >>'" + r.toUtf8() + "/calls.log'\n";
        const QList<std::pair<QString, QByteArray>> stubs{
                // dpkg-query -W -f FORMAT PACKAGE: "ii |<package> <version>" when installed.
                {u"dpkg-query"_s, "#!/bin/bash\nv=$(awk -v p=\"$4\" '$1 == p { print $2 }' '" + state.toUtf8()
                                          + "')\n[[ -n $v ]] || exit 1\necho \"ii |$4 $v\"\n"},
                {u"apt-cache"_s, "#!/bin/bash\n" + log
                                         + "[[ $1 == madison && $2 == jicofo ]] || exit 0\n"
                                           "echo ' jicofo | 1.0-1100-1 | https://download.jitsi.org stable/ Packages'\n"
                                           "echo ' jicofo | 1.0-1000-1 | https://download.jitsi.org stable/ Packages'\n"
                                           "echo ' jicofo | 1.0-1000-1 | file:/var/lib/dpkg/status'\n"},
                {u"apt-get"_s, "#!/bin/bash\n" + log
                                       + "[[ $* == *--only-upgrade* ]] && sed -i 's/^jicofo .*/jicofo 1.0-1100-1/' '"
                                       + state.toUtf8() + "'\nexit 0\n"},
                // systemctl: logs; is-active reports the transient unit as activating while its process lives.
                {u"systemctl"_s, "#!/bin/bash\n" + log + "if [[ $1 == is-active ]]; then p=$(cat '" + r.toUtf8()
                                         + "/unit.pid' 2>/dev/null) && kill -0 \"$p\" 2>/dev/null && { echo "
                                           "activating; exit 3; }; echo inactive; exit 3; fi\n"},
                // systemd-run --no-block: returns at once, the command runs on outside the caller's session (as
                // in a unit: killing the caller does not stop it); like systemd, only an executable is run.
                {u"systemd-run"_s, "#!/bin/bash\n" + log
                                           + "while [[ $1 == -* ]]; do shift; done\n[[ -x $1 ]] || exit 1\n"
                                             "setsid \"$@\" </dev/null >/dev/null 2>&1 &\necho $! >'"
                                           + r.toUtf8() + "/unit.pid'\n"},
        };
        for (const auto &[name, text] : stubs) {
            QVERIFY(writeFile(r + u"/bin/"_s + name, text));
            QVERIFY(QFile::setPermissions(r + u"/bin/"_s + name, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        const QStringList env{u"PATH="_s + r + u"/bin:"_s + qEnvironmentVariable("PATH"),
                              u"JD_UPGRADE_DIR="_s + r + u"/upgrade"_s};
        QVERIFY(QFile::setPermissions(u"jitsi-packages.sh"_s.prepend(m_scripts.path() + u'/'),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));

        const BashRun versions = bash(u"bash ./jitsi-packages.sh versions"_s, r, env);
        QCOMPARE(versions.exitCode, 0);
        QCOMPARE(versions.out, u"@@installed jicofo 1.0-1000-1\n@@installed jitsi-meet-web 1.0.8000-1\n"
                               "@@installed prosody 0.12.3-1\n"_s);

        const BashRun available = bash(u"bash ./jitsi-packages.sh available jicofo"_s, r, env);
        QCOMPARE(available.exitCode, 0);
        QCOMPARE(available.out, u"@@available jicofo 1.0-1100-1\n@@available jicofo 1.0-1000-1\n"_s);
        QVERIFY(readFile(r + u"/calls.log"_s).contains("apt-get update -q"));
        QCOMPARE(bash(u"bash ./jitsi-packages.sh available 'jicofo;rm'"_s, r, env).exitCode, 1);

        QVERIFY(QFile::remove(r + u"/calls.log"_s));
        const BashRun upgraded = bash(u"bash ./jitsi-packages.sh upgrade"_s, r, env);
        QCOMPARE(upgraded.exitCode, 0);
        QVERIFY2(upgraded.out.contains(u"@@installed jicofo 1.0-1100-1\n"_s), qPrintable(upgraded.out));
        const QByteArray calls = readFile(r + u"/calls.log"_s);
        QVERIFY2(calls.contains("apt-get install -y -q --only-upgrade -o Dpkg::Options::=--force-confold jicofo "
                                "jitsi-meet-web prosody\n"),
                 calls.constData());
        // prosody before jicofo, which logs in to it.
        QVERIFY(calls.indexOf("systemctl restart prosody") >= 0);
        QVERIFY(calls.indexOf("systemctl restart prosody") < calls.indexOf("systemctl restart jicofo"));
        QVERIFY(!calls.contains("jitsi-videobridge2"));
        // It ran as the transient unit, not in the caller's session.
        QVERIFY2(calls.contains("systemd-run --no-block --unit=jitsi-deployer-upgrade --collect "
                                "--property=Type=oneshot "),
                 calls.constData());

        // The connection drops mid-upgrade (the waiting caller is killed): the unit's apt-get still finishes, and
        // the next call waits for that run's result instead of starting a second upgrade.
        QVERIFY(writeFile(state, "jicofo 1.0-1000-1\nprosody 0.12.3-1\njitsi-meet-web 1.0.8000-1\n"));
        QVERIFY(QFile::remove(r + u"/calls.log"_s));
        QVERIFY(writeFile(r + u"/bin/apt-get"_s, "#!/bin/bash\n" + log
                                                         + "[[ $* == *--only-upgrade* ]] || exit 0\nsleep 2\nsed -i "
                                                           "'s/^jicofo .*/jicofo 1.0-1100-1/' '"
                                                         + state.toUtf8() + "'\n"));
        const BashRun dropped = bash(u"timeout --foreground -s KILL 1 bash ./jitsi-packages.sh upgrade"_s, r, env);
        QCOMPARE(dropped.exitCode, 137);
        const BashRun again = bash(u"bash ./jitsi-packages.sh upgrade"_s, r, env);
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u"@@installed jicofo 1.0-1100-1\n"_s), qPrintable(again.out));
        QCOMPARE(readFile(r + u"/calls.log"_s).count("--only-upgrade"), 1);
        QCOMPARE(readFile(r + u"/calls.log"_s).count("systemd-run"), 1);

        // A failed upgrade's error and exit code reach the caller through the unit's result files.
        QVERIFY(writeFile(r + u"/bin/apt-get"_s, "#!/bin/bash\n[[ $* == *--only-upgrade* ]] && exit 100\nexit 0\n"));
        const BashRun failed = bash(u"bash ./jitsi-packages.sh upgrade"_s, r, env);
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains(u"@@error packages apt-get could not upgrade"_s), qPrintable(failed.err));
    }

    // provision-bridge.sh's install step with JD_JVB_VERSION: exactly that version, or a clear stop when the
    // repository no longer offers it.
    void bridgeInstallPinsTheVersion()
    {
        QTemporaryDir root;
        const QString r = root.path();
        const QByteArray log = "echo \"$(basename \"$0\") $*\" >>'" + r.toUtf8() + "/calls.log'\n";
        QVERIFY(writeFile(r + u"/bin/apt-cache"_s,
                          "#!/bin/bash\n" + log
                                  + "echo ' jitsi-videobridge2 | 2.3-200-g2-1 | https://download.jitsi.org stable/ "
                                    "Packages'\necho ' jitsi-videobridge2 | 2.3-100-g1-1 | https://download.jitsi.org "
                                    "stable/ Packages'\n"));
        QVERIFY(writeFile(r + u"/bin/apt-get"_s, "#!/bin/bash\n" + log));
        for (const QString &tool : {u"apt-cache"_s, u"apt-get"_s})
            QVERIFY(QFile::setPermissions(r + u"/bin/"_s + tool, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const QStringList env{u"PATH="_s + r + u"/bin:"_s + qEnvironmentVariable("PATH")};

        const BashRun pinned = bash(u". ./provision-bridge.sh; bridge_step_install"_s, r,
                                    env + QStringList{u"JD_JVB_VERSION=2.3-100-g1-1"_s});
        QCOMPARE(pinned.exitCode, 0);
        QVERIFY2(readFile(r + u"/calls.log"_s)
                         .contains("apt-get install -y -q -o Dpkg::Options::=--force-confold "
                                   "jitsi-videobridge2=2.3-100-g1-1 ruby-hocon"),
                 readFile(r + u"/calls.log"_s).constData());

        QVERIFY(QFile::remove(r + u"/calls.log"_s));
        const BashRun gone = bash(u". ./provision-bridge.sh; bridge_step_install"_s, r,
                                  env + QStringList{u"JD_JVB_VERSION=2.3-50-g0-1"_s});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY2(gone.err.contains(u"no longer in the Jitsi repository"_s) && gone.err.contains(u"update"_s),
                 qPrintable(gone.err));
        QVERIFY(!readFile(r + u"/calls.log"_s).contains("apt-get install"));

        const BashRun newest
                = bash(u". ./provision-bridge.sh; bridge_step_install"_s, r, env + QStringList{u"JD_JVB_VERSION"_s});
        QCOMPARE(newest.exitCode, 0);
        QVERIFY(readFile(r + u"/calls.log"_s).contains("--force-confold jitsi-videobridge2 ruby-hocon"));
    }

    // host-key-install.sh with systemctl and sshd stubbed: the staged pair becomes the only host key and sshd is
    // reloaded; a bad pair or a configuration sshd rejects leaves the old key in place.
    void hostKeyInstall_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::newRow("installs") << QString();
        QTest::newRow("halves do not match") << u"mismatch"_s;
        QTest::newRow("sshd rejects the config") << u"sshd"_s;
        QTest::newRow("staged key readable by others") << u"mode"_s;
        // Just booted: cloud-init still runs (and may restart sshd), and the first reload is refused.
        QTest::newRow("waits for cloud-init, retries the reload") << u"booting"_s;
    }

    void hostKeyInstall()
    {
        QFETCH(QString, problem);
        QTemporaryDir root;
        const QString r = root.path();
        const QString ssh = r + u"/etc/ssh"_s;
        QVERIFY(QDir().mkpath(ssh));
        QVERIFY(makeEd25519Key(ssh + u"/ssh_host_ed25519_key"_s));
        const QByteArray oldKey = readFile(ssh + u"/ssh_host_ed25519_key"_s);
        // A pair an earlier rotation staged and never installed: removed with this one.
        const QString leftover = stageHostKey(r);
        QVERIFY(!leftover.isEmpty());
        ageFile(leftover + u".pub"_s);
        const QString staged = stageHostKey(r);
        QVERIFY(!staged.isEmpty());
        const QByteArray newKey = readFile(staged);
        const QByteArray newPublic = readFile(staged + u".pub"_s);
        if (problem == u"mismatch"_s) {
            QVERIFY(makeEd25519Key(r + u"/other"_s));
            QVERIFY(writeFile(staged + u".pub"_s, readFile(r + u"/other.pub"_s)));
        }
        if (problem == u"mode"_s)
            QVERIFY(QFile::setPermissions(staged,
                                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const QString record = u"#!/bin/bash\necho \"$(basename \"$0\") $*\" >>'"_s + r + u"/calls.log'\n"_s;
        // In "booting", the first reload fails as it does while cloud-init's restart of sshd runs.
        const QString refuseOnce = u"[[ -e '%1/refused' ]] || { touch '%1/refused'; exit 1; }\n"_s.arg(r);
        QVERIFY(writeFile(r + u"/bin/systemctl"_s,
                          (record + (problem == u"booting"_s ? refuseOnce : QString())).toUtf8()));
        QVERIFY(writeFile(r + u"/bin/sshd"_s, (record + (problem == u"sshd"_s ? u"exit 1\n"_s : QString())).toUtf8()));
        QVERIFY(writeFile(r + u"/bin/cloud-init"_s, record.toUtf8()));
        if (problem == u"booting"_s)
            QVERIFY(QDir().mkpath(r + u"/var/lib/cloud/instance"_s));
        for (const char *tool : {"systemctl", "sshd", "cloud-init"})
            QVERIFY(QFile::setPermissions(r + u"/bin/"_s + QLatin1String(tool),
                                          QFileDevice::ReadOwner | QFileDevice::ExeOwner));

        const BashRun run
                = bash(u"bash ./host-key-install.sh"_s, r,
                       {u"PATH="_s + r + u"/bin:"_s + qEnvironmentVariable("PATH"), u"JD_NEW_HOST_KEY="_s + staged});
        const QByteArray calls = readFile(r + u"/calls.log"_s);
        if (problem == u"booting"_s) {
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QCOMPARE(readFile(ssh + u"/ssh_host_ed25519_key"_s), newKey);
            QVERIFY2(calls.startsWith("cloud-init status --wait\n"), calls.constData()); // before anything else
            QCOMPARE(calls.count("systemctl reload ssh\n"), 2);
            return;
        }
        // Where cloud-init never ran (no instance), nothing waits for it.
        QVERIFY2(!calls.contains("cloud-init"), calls.constData());
        if (problem.isEmpty()) {
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QCOMPARE(readFile(ssh + u"/ssh_host_ed25519_key"_s), newKey);
            QCOMPARE(readFile(ssh + u"/ssh_host_ed25519_key.pub"_s), newPublic);
            QCOMPARE(QFileInfo(ssh + u"/ssh_host_ed25519_key"_s).permissions() & 0x7077,
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QVERIFY(!QFile::exists(staged) && !QFile::exists(staged + u".pub"_s));
            QVERIFY(!QFile::exists(leftover) && !QFile::exists(leftover + u".pub"_s));
            QVERIFY(!QFile::exists(ssh + u"/ssh_host_ed25519_key.jd-old"_s));
            QCOMPARE(readFile(ssh + u"/sshd_config.d/jitsi-deployer-host-key.conf"_s),
                     "# Written by Jitsi Deployer: the only host key, pinned by the app.\n"
                     "HostKey /etc/ssh/ssh_host_ed25519_key\n");
            QVERIFY(calls.contains(QByteArray("sshd -t -f " + ssh.toUtf8() + "/sshd_config\n")));
            QVERIFY(calls.endsWith("systemctl reload ssh\n")); // after the check
            return;
        }
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith(u"@@error host-key "_s), qPrintable(run.err));
        QCOMPARE(readFile(ssh + u"/ssh_host_ed25519_key"_s), oldKey);
        QVERIFY(!calls.contains("reload"));
    }

    // Found by the testbed: a run killed mid-rotation leaves host-key-install.sh waiting for cloud-init; the
    // resumed run stages its own pair and starts the script again. They take turns, the older one yields, and
    // the server ends up presenting the key the resumed run pinned.
    void hostKeyRotationsTakeTurns()
    {
        QTemporaryDir root;
        const QString r = root.path();
        const QString ssh = r + u"/etc/ssh"_s;
        QVERIFY(QDir().mkpath(ssh) && QDir().mkpath(r + u"/var/lib/cloud/instance"_s));
        QVERIFY(makeEd25519Key(ssh + u"/ssh_host_ed25519_key"_s));
        // cloud-init is still running until the test says it is done.
        const QString record = u"#!/bin/bash\necho \"$(basename \"$0\") $*\" >>'"_s + r + u"/calls.log'\n"_s;
        QVERIFY(writeFile(r + u"/bin/cloud-init"_s,
                          (record + u"while [[ ! -e '%1/booted' ]]; do sleep 0.1; done\n"_s.arg(r)).toUtf8()));
        QVERIFY(writeFile(r + u"/bin/systemctl"_s, record.toUtf8()));
        QVERIFY(writeFile(r + u"/bin/sshd"_s, record.toUtf8()));
        for (const char *tool : {"systemctl", "sshd", "cloud-init"})
            QVERIFY(QFile::setPermissions(r + u"/bin/"_s + QLatin1String(tool),
                                          QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        auto startRotation = [&](const QString &staged) {
            auto process = std::make_unique<QProcess>();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"JD_ROOT"_s, r);
            env.insert(u"JD_NEW_HOST_KEY"_s, staged);
            env.insert(u"PATH"_s, r + u"/bin:"_s + qEnvironmentVariable("PATH"));
            process->setProcessEnvironment(env);
            process->setWorkingDirectory(m_scripts.path());
            process->start(u"bash"_s, {u"./host-key-install.sh"_s});
            return process;
        };

        const QString killedRuns = stageHostKey(r);
        QVERIFY(!killedRuns.isEmpty());
        ageFile(killedRuns + u".pub"_s);
        auto first = startRotation(killedRuns);
        QTRY_VERIFY_WITH_TIMEOUT(readFile(r + u"/calls.log"_s).contains("cloud-init status --wait"), 30000);
        const QString resumedRuns = stageHostKey(r);
        QVERIFY(!resumedRuns.isEmpty());
        const QByteArray resumedKey = readFile(resumedRuns);
        auto second = startRotation(resumedRuns);
        QTest::qWait(500); // the second waits for its turn, not for cloud-init
        QCOMPARE(readFile(r + u"/calls.log"_s).count("cloud-init status --wait"), 1);
        QVERIFY(writeFile(r + u"/booted"_s, "yes\n"));

        QVERIFY(first->waitForFinished(60000) && second->waitForFinished(60000));
        const QString firstErr = QString::fromUtf8(first->readAllStandardError());
        QCOMPARE(first->exitCode(), 1);
        QVERIFY2(firstErr.contains(u"a newer host key"_s), qPrintable(firstErr));
        QVERIFY2(second->exitCode() == 0, second->readAllStandardError().constData());
        QCOMPARE(readFile(ssh + u"/ssh_host_ed25519_key"_s), resumedKey);
        QCOMPARE(readFile(r + u"/calls.log"_s).count("systemctl reload ssh"), 1);
        for (const QString &staged : {killedRuns, resumedRuns})
            QVERIFY(!QFile::exists(staged) && !QFile::exists(staged + u".pub"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ProvisionScripts)
#include "tst_provisionscripts.moc"
