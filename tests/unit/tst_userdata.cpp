#include "provision/userdatarenderer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString canaryJvbSecret = u"CanaryJvbSecret7f3a9c2e41d8b6"_s;
const QString canaryFocusPassword = u"CanaryFocusPw5b8e1d7c3a9f20"_s;
const QString canaryEmail = u"canary-mail-4e2b@example.net"_s;
const QString canaryCertificate = u"-----BEGIN CERTIFICATE-----\nCanaryProsodyCert\n-----END CERTIFICATE-----\n"_s;

struct ProcessResult
{
    int exitCode = -1;
    QString output;
};

ProcessResult run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {-1, u"could not start %1"_s.arg(program)};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    const QString output = QString::fromUtf8(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit)
        return {-1, output};
    return {process.exitCode(), output};
}

DeploymentPlan makePlan(const QString &domain, int bridges, const QStringList &bridgeLocations, const QString &image,
                        const QString &sshPublicKey)
{
    DeploymentPlan plan;
    plan.domain = domain;
    plan.email = canaryEmail;
    plan.image = image;
    plan.web = HostSpec{u"cx33"_s, u"fsn1"_s};
    for (int n = 0; n < bridges; ++n)
        plan.bridges.append(HostSpec{u"cx33"_s, bridgeLocations.at(n % bridgeLocations.size())});
    plan.sshPublicKey = sshPublicKey;
    return plan;
}

} // namespace

class TestUserData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void schemaCheckRejectsBrokenFiles();
    void rendersValidCloudConfig_data();
    void rendersValidCloudConfig();
    void containsNoSecret();
    void placeholderHidesPrivateKey();
    void sizeLimitIsEnforced();
    void embeddedScriptsAreShellcheckClean();
    void metadataGuardRunsAsCloudInitWritesIt();
    void metadataRulesetPassesNftCheck();
    void rejectsBadInput_data();
    void rejectsBadInput();

private:
    HostInputs host(HostRole role, int bridgeNumber) const;
    QString writeFile(const QString &name, const QByteArray &data);
    ProcessResult schemaCheck(const QString &path) const;

    QTemporaryDir m_dir;
    HostKeyText m_hostKey;
    QString m_deployerKey;
    QString m_cloudInit;
    DeploymentSecrets m_secrets{canaryJvbSecret, canaryFocusPassword};
};

void TestUserData::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cloudInit = QStandardPaths::findExecutable(u"cloud-init"_s);
    QVERIFY2(!m_cloudInit.isEmpty(), "cloud-init is not installed; run scripts/install-deps.sh");

    // Real keys from ssh-keygen, so the check is about the key text sshd will read.
    const QString keygen = QStandardPaths::findExecutable(u"ssh-keygen"_s);
    QVERIFY2(!keygen.isEmpty(), "ssh-keygen is not installed");
    const QString hostKeyPath = m_dir.filePath(u"host_ed25519"_s);
    const QString userKeyPath = m_dir.filePath(u"deployer_ed25519"_s);
    for (const QString &path : {hostKeyPath, userKeyPath}) {
        const ProcessResult made
                = run(keygen, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-C"_s, u"test"_s, u"-f"_s, path});
        QVERIFY2(made.exitCode == 0, qPrintable(made.output));
    }
    auto readText = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    m_hostKey = HostKeyText{u"ed25519"_s, readText(hostKeyPath), readText(hostKeyPath + u".pub"_s).trimmed()};
    m_deployerKey = readText(userKeyPath + u".pub"_s).trimmed();
    QVERIFY(m_hostKey.privateKey.startsWith(u"-----BEGIN OPENSSH PRIVATE KEY-----"_s));
    QVERIFY(m_hostKey.publicKey.startsWith(u"ssh-ed25519 "_s));
    QVERIFY(m_deployerKey.startsWith(u"ssh-ed25519 "_s));
}

HostInputs TestUserData::host(HostRole role, int bridgeNumber) const
{
    HostInputs inputs;
    inputs.role = role;
    inputs.serverName
            = role == HostRole::Web ? u"meet-example-org-web"_s : u"meet-example-org-jvb-%1"_s.arg(bridgeNumber);
    inputs.bridgeNumber = bridgeNumber;
    inputs.hostKey = m_hostKey;
    inputs.webPrivateIp = u"10.0.0.2"_s;
    inputs.webPublicIp = u"192.0.2.10"_s;
    inputs.bridgeAddresses = {u"192.0.2.11"_s, u"192.0.2.12"_s};
    inputs.prosodyAuthCertificate = canaryCertificate;
    inputs.acmeDirectoryUrl = u"https://127.0.0.1:14000/dir"_s;
    return inputs;
}

QString TestUserData::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return {};
    return path;
}

ProcessResult TestUserData::schemaCheck(const QString &path) const
{
    // Debian 12's cloud-init (22.4) spells it `cloud-init schema --config-file FILE` (short: -c).
    return run(m_cloudInit, {u"schema"_s, u"--config-file"_s, path});
}

// The schema check must be able to fail, or every test below would pass vacuously.
void TestUserData::schemaCheckRejectsBrokenFiles()
{
    const QString good
            = writeFile(u"good.yaml"_s, "#cloud-config\n{\"packages\": [\"curl\"], \"ssh_deletekeys\": true}\n");
    QCOMPARE(schemaCheck(good).exitCode, 0);

    const QString wrongType
            = writeFile(u"wrong-type.yaml"_s, "#cloud-config\n{\"packages\": \"curl\", \"ssh_deletekeys\": \"yes\"}\n");
    const ProcessResult wrong = schemaCheck(wrongType);
    QCOMPARE_NE(wrong.exitCode, 0);
    QVERIFY2(wrong.output.contains(u"ssh_deletekeys"_s), qPrintable(wrong.output));

    // A real rendering with one key renamed: ssh_keys allows only <type>_(public|private|certificate).
    const Result<QByteArray> rendered = UserDataRenderer::render(
            makePlan(u"meet.example.org"_s, 1, {u"fsn1"_s}, u"debian-12"_s, m_deployerKey), host(HostRole::Web, 0));
    QVERIFY2(rendered.ok(), qPrintable(rendered.error().toString()));
    QByteArray renamed = rendered.value();
    QVERIFY(renamed.contains("\"ed25519_private\""));
    renamed.replace("\"ed25519_private\"", "\"ed25519_secret\"");
    const ProcessResult renamedCheck = schemaCheck(writeFile(u"renamed-key.yaml"_s, renamed));
    QCOMPARE_NE(renamedCheck.exitCode, 0);
    QVERIFY2(renamedCheck.output.contains(u"ed25519_secret"_s), qPrintable(renamedCheck.output));

    const QString noHeader = writeFile(u"no-header.yaml"_s, rendered.value().mid(rendered.value().indexOf('\n') + 1));
    QCOMPARE_NE(schemaCheck(noHeader).exitCode, 0);

    QByteArray truncated = rendered.value();
    truncated.chop(4);
    QCOMPARE_NE(schemaCheck(writeFile(u"truncated.yaml"_s, truncated)).exitCode, 0);
}

void TestUserData::rendersValidCloudConfig_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<int>("bridges");
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("bridgeNumber"); // 0 = the web host

    const QString longDomain = QString(63, u'a') + u'.' + QString(63, u'b') + u'.' + QString(63, u'c') + u'.'
                               + QString(57, u'd') + u".org"_s; // 253 characters, the DNS maximum
    QCOMPARE(longDomain.size(), 253);
    const QStringList one{u"fsn1"_s};
    const QStringList two{u"fsn1"_s, u"hel1"_s};

    QTest::newRow("debian web, 1 bridge") << u"meet.example.org"_s << 1 << one << u"debian-12"_s << 0;
    QTest::newRow("debian bridge 1 of 1") << u"meet.example.org"_s << 1 << one << u"debian-12"_s << 1;
    QTest::newRow("debian web, 10 bridges") << u"meet.example.org"_s << 10 << one << u"debian-12"_s << 0;
    QTest::newRow("debian bridge 10 of 10") << u"meet.example.org"_s << 10 << one << u"debian-12"_s << 10;
    QTest::newRow("two locations, web") << u"meet.example.org"_s << 4 << two << u"debian-12"_s << 0;
    QTest::newRow("two locations, remote bridge") << u"meet.example.org"_s << 4 << two << u"debian-12"_s << 2;
    QTest::newRow("long domain, web") << longDomain << 10 << two << u"debian-12"_s << 0;
    QTest::newRow("long domain, bridge") << longDomain << 10 << two << u"ubuntu-24.04"_s << 10;
    QTest::newRow("IDN domain, web") << u"meet.xn--mnchen-3ya.example"_s << 2 << one << u"debian-12"_s << 0;
    QTest::newRow("IDN domain, bridge") << u"meet.xn--mnchen-3ya.example"_s << 2 << one << u"debian-12"_s << 2;
    QTest::newRow("ubuntu web, 10 bridges") << u"meet.example.org"_s << 10 << two << u"ubuntu-24.04"_s << 0;
    QTest::newRow("ubuntu bridge") << u"meet.example.org"_s << 10 << two << u"ubuntu-24.04"_s << 3;
    QTest::newRow("debian 13 web") << u"meet.example.org"_s << 2 << one << u"debian-13"_s << 0;
    QTest::newRow("debian 13 bridge") << u"meet.example.org"_s << 2 << two << u"debian-13"_s << 2;
}

void TestUserData::rendersValidCloudConfig()
{
    QFETCH(QString, domain);
    QFETCH(int, bridges);
    QFETCH(QStringList, locations);
    QFETCH(QString, image);
    QFETCH(int, bridgeNumber);

    const DeploymentPlan plan = makePlan(domain, bridges, locations, image, m_deployerKey);
    const HostRole role = bridgeNumber == 0 ? HostRole::Web : HostRole::Bridge;
    const Result<QByteArray> rendered = UserDataRenderer::render(plan, host(role, bridgeNumber));
    QVERIFY2(rendered.ok(), qPrintable(rendered.error().toString()));
    const QByteArray &data = rendered.value();
    QVERIFY2(data.size() <= UserDataRenderer::maxSize, qPrintable(QString::number(data.size())));
    QVERIFY(data.startsWith("#cloud-config\n"));

    const QString path = writeFile(u"rendered.yaml"_s, data);
    QVERIFY(!path.isEmpty());
    const ProcessResult schema = schemaCheck(path);
    QVERIFY2(schema.exitCode == 0, qPrintable(schema.output));
    QVERIFY2(schema.output.contains(u"Valid cloud-config"_s), qPrintable(schema.output));

    // Everything after the header line is JSON ...
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(data.mid(data.indexOf('\n') + 1), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject config = json.object();

    // ... and a YAML parser (the one cloud-init uses) reads the very same document.
    const ProcessResult yaml
            = run(u"/usr/bin/python3"_s,
                  {u"-c"_s, u"import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"_s, path});
    QVERIFY2(yaml.exitCode == 0, qPrintable(yaml.output));
    QCOMPARE(QJsonDocument::fromJson(yaml.output.toUtf8()).object(), config);

    const QJsonObject sshKeys = config.value(u"ssh_keys"_s).toObject();
    QCOMPARE(sshKeys.keys(), QStringList({u"ed25519_private"_s, u"ed25519_public"_s}));
    QCOMPARE(sshKeys.value(u"ed25519_private"_s).toString(), m_hostKey.privateKey);
    QCOMPARE(sshKeys.value(u"ed25519_public"_s).toString(), m_hostKey.publicKey);
    QCOMPARE(config.value(u"ssh_deletekeys"_s), QJsonValue(true));
    QVERIFY(!config.contains(u"ssh_genkeytypes"_s));
    QCOMPARE(config.value(u"disable_root"_s), QJsonValue(false));
    QCOMPARE(config.value(u"ssh_pwauth"_s), QJsonValue(false));
    QCOMPARE(config.value(u"ssh_authorized_keys"_s).toArray(), QJsonArray({m_deployerKey}));

    // The metadata guard: inline at every boot, and again once nftables is installed.
    const QJsonArray bootcmd = config.value(u"bootcmd"_s).toArray();
    QCOMPARE(bootcmd.size(), 1);
    const QString guard = bootcmd.at(0).toArray().at(2).toString();
    QVERIFY(guard.contains(u"ip daddr $metadata meta skuid != 0 counter reject"_s));
    QVERIFY(guard.contains(u"metadata=169.254.169.254"_s));
    QCOMPARE(bootcmd.at(0).toArray().last().toString(), u"boot"_s);

    QStringList writtenPaths;
    for (const QJsonValue &file : config.value(u"write_files"_s).toArray()) {
        writtenPaths << file.toObject().value(u"path"_s).toString();
        QCOMPARE(file.toObject().value(u"permissions"_s).toString(), u"0755"_s);
    }
    QCOMPARE(writtenPaths,
             QStringList({UserDataRenderer::metadataGuardScriptPath(), UserDataRenderer::prepareScriptPath()}));
    const QString prepare = config.value(u"write_files"_s).toArray().at(1).toObject().value(u"content"_s).toString();
    QVERIFY(prepare.contains(u"https://download.jitsi.org/jitsi-key.gpg.key"_s));
    QVERIFY(prepare.contains(u"deb [signed-by=$keyring] https://download.jitsi.org stable/"_s));

    const QJsonArray runcmd = config.value(u"runcmd"_s).toArray();
    QCOMPARE(runcmd.size(), 2);
    QCOMPARE(runcmd.at(0).toArray(), QJsonArray({UserDataRenderer::metadataGuardScriptPath(), u"final"_s}));
    QCOMPARE(runcmd.at(1).toArray(),
             QJsonArray({UserDataRenderer::prepareScriptPath(), role == HostRole::Web ? u"web"_s : u"bridge"_s}));

    QCOMPARE(config.value(u"package_update"_s), QJsonValue(true));
    const QJsonArray packages = config.value(u"packages"_s).toArray();
    for (const QString &base : {u"ca-certificates"_s, u"curl"_s, u"gnupg"_s, u"debconf-utils"_s, u"nftables"_s})
        QVERIFY2(packages.contains(base), qPrintable(base));
    QCOMPARE(packages.contains(u"ruby-hocon"_s), role == HostRole::Bridge);

    const QJsonObject apt = config.value(u"apt"_s).toObject();
    if (image == u"ubuntu-24.04"_s) {
        QCOMPARE(apt.value(u"preserve_sources_list"_s), QJsonValue(true));
        QStringList sources;
        for (const QJsonValue &source : apt.value(u"sources"_s).toObject())
            sources << source.toObject().value(u"source"_s).toString();
        sources.sort();
        QCOMPARE(sources, QStringList({u"deb $MIRROR $RELEASE universe"_s, u"deb $MIRROR $RELEASE-updates universe"_s,
                                       u"deb $SECURITY $RELEASE-security universe"_s}));
    } else {
        QVERIFY(apt.isEmpty()); // Debian: the image's sources stay untouched
    }

    // Neither the domain nor anything else from the plan beyond the authorized key is needed on the host yet.
    QVERIFY(!data.contains(domain.toUtf8()));
}

void TestUserData::containsNoSecret()
{
    // DeploymentSecrets cannot even be passed to the renderer; the canaries prove the plan's e-mail and the
    // later host inputs (prosody's certificate, addresses) stay out too, in both renderings.
    QVERIFY(!m_secrets.jvbSecret.isEmpty() && !m_secrets.focusPassword.isEmpty());
    for (const int bridgeNumber : {0, 1, 10}) {
        const DeploymentPlan plan
                = makePlan(u"meet.example.org"_s, 10, {u"fsn1"_s, u"nbg1"_s}, u"debian-12"_s, m_deployerKey);
        const HostRole role = bridgeNumber == 0 ? HostRole::Web : HostRole::Bridge;
        for (const auto mode : {UserDataRenderer::PrivateKey::Include, UserDataRenderer::PrivateKey::Placeholder}) {
            const Result<QByteArray> rendered = UserDataRenderer::render(plan, host(role, bridgeNumber), mode);
            QVERIFY2(rendered.ok(), qPrintable(rendered.error().toString()));
            const QString text = QString::fromUtf8(rendered.value());
            // The canaries are plain ASCII, so JSON escaping cannot hide them.
            for (const QString &canary : {m_secrets.jvbSecret, m_secrets.focusPassword, plan.email,
                                          u"CanaryProsodyCert"_s, u"192.0.2.10"_s, u"10.0.0.2"_s, u"14000"_s}) {
                QVERIFY2(!text.contains(canary), qPrintable(canary));
            }
        }
    }
}

void TestUserData::placeholderHidesPrivateKey()
{
    const DeploymentPlan plan = makePlan(u"meet.example.org"_s, 2, {u"fsn1"_s}, u"debian-12"_s, m_deployerKey);
    const Result<QByteArray> dry
            = UserDataRenderer::render(plan, host(HostRole::Bridge, 1), UserDataRenderer::PrivateKey::Placeholder);
    QVERIFY2(dry.ok(), qPrintable(dry.error().toString()));

    // The base64 body of the private key, in the form the JSON text would carry it.
    const QString keyBody = m_hostKey.privateKey.section(u'\n', 1, 1);
    QVERIFY(keyBody.size() > 20);
    QVERIFY(!QString::fromUtf8(dry.value()).contains(keyBody));

    const QJsonObject config = QJsonDocument::fromJson(dry.value().mid(dry.value().indexOf('\n') + 1)).object();
    const QJsonObject sshKeys = config.value(u"ssh_keys"_s).toObject();
    QCOMPARE(sshKeys.value(u"ed25519_private"_s).toString(), UserDataRenderer::privateKeyPlaceholder() + u'\n');
    QCOMPARE(sshKeys.value(u"ed25519_public"_s).toString(), m_hostKey.publicKey);

    // The dry-run file is still one cloud-init accepts.
    QCOMPARE(schemaCheck(writeFile(u"dry-run.yaml"_s, dry.value())).exitCode, 0);

    const Result<QByteArray> real = UserDataRenderer::render(plan, host(HostRole::Bridge, 1));
    QVERIFY(real.ok());
    QVERIFY(QString::fromUtf8(real.value()).contains(keyBody));

    // A dry run has no private key at all; it is not needed for the placeholder, only for the real thing.
    HostInputs keyless = host(HostRole::Bridge, 1);
    keyless.hostKey.privateKey.clear();
    const Result<QByteArray> keylessDry
            = UserDataRenderer::render(plan, keyless, UserDataRenderer::PrivateKey::Placeholder);
    QVERIFY2(keylessDry.ok(), qPrintable(keylessDry.error().toString()));
    QCOMPARE(keylessDry.value(), dry.value());
    QCOMPARE(UserDataRenderer::render(plan, keyless).error().code, u"invalid_host_input"_s);
}

void TestUserData::sizeLimitIsEnforced()
{
    // Grow the one variable-length input until the document is exactly at the limit, then one byte over.
    DeploymentPlan plan = makePlan(u"meet.example.org"_s, 10, {u"fsn1"_s}, u"debian-12"_s, m_deployerKey);
    const HostInputs web = host(HostRole::Web, 0);
    const Result<QByteArray> base = UserDataRenderer::render(plan, web);
    QVERIFY(base.ok());
    const qsizetype room = UserDataRenderer::maxSize - base.value().size();
    QVERIFY(room > 0);

    plan.sshPublicKey = m_deployerKey + QString(room, u'x');
    const Result<QByteArray> atLimit = UserDataRenderer::render(plan, web);
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.error().toString()));
    QCOMPARE(atLimit.value().size(), UserDataRenderer::maxSize);

    plan.sshPublicKey += u'x';
    const Result<QByteArray> over = UserDataRenderer::render(plan, web);
    QVERIFY(!over.ok());
    QCOMPARE(over.error().code, u"user_data_too_large"_s);
    QCOMPARE(over.error().domain, u"provision"_s);
    QVERIFY2(over.error().message.contains(u"32769"_s), qPrintable(over.error().message));
    QVERIFY2(over.error().message.contains(u"32768"_s), qPrintable(over.error().message));
    QVERIFY(over.error().detail.contains(u"32769"_s));
    QVERIFY(!over.error().detail.contains(m_hostKey.privateKey.section(u'\n', 1, 1)));

    // serialize() alone enforces it too, whatever built the document.
    const Result<QByteArray> huge
            = UserDataRenderer::serialize(QJsonObject{{u"runcmd"_s, QJsonArray{QString(40000, u'y')}}});
    QCOMPARE(huge.error().code, u"user_data_too_large"_s);
}

void TestUserData::embeddedScriptsAreShellcheckClean()
{
    const QString shellcheck = QStandardPaths::findExecutable(u"shellcheck"_s);
    QVERIFY2(!shellcheck.isEmpty(), "shellcheck is not installed; run scripts/install-deps.sh");

    const Result<QByteArray> rendered = UserDataRenderer::render(
            makePlan(u"meet.example.org"_s, 1, {u"fsn1"_s}, u"ubuntu-24.04"_s, m_deployerKey), host(HostRole::Web, 0));
    QVERIFY(rendered.ok());
    const QJsonObject config
            = QJsonDocument::fromJson(rendered.value().mid(rendered.value().indexOf('\n') + 1)).object();

    QStringList scripts;
    for (const QJsonValue &file : config.value(u"write_files"_s).toArray())
        scripts << file.toObject().value(u"content"_s).toString();
    scripts << config.value(u"bootcmd"_s).toArray().at(0).toArray().at(2).toString();
    QCOMPARE(scripts.size(), 3);
    for (const QString &script : scripts) {
        QVERIFY(script.startsWith(u"#!/bin/"_s));
        const ProcessResult check = run(shellcheck, {u"-"_s}, script.toUtf8());
        QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    }

    // shellcheck must notice a defect, or the loop above proves nothing.
    const ProcessResult broken = run(shellcheck, {u"-"_s}, "#!/bin/sh\nrm -rf $1/*\n");
    QCOMPARE_NE(broken.exitCode, 0);
}

// Runs bootcmd through cloud-init's own quoting (util.shellify, as cc_bootcmd does) against a fake nft, so
// the rule that reaches nft is checked, not just the text of the JSON.
void TestUserData::metadataGuardRunsAsCloudInitWritesIt()
{
    const Result<QByteArray> rendered = UserDataRenderer::render(
            makePlan(u"meet.example.org"_s, 1, {u"fsn1"_s}, u"debian-12"_s, m_deployerKey), host(HostRole::Bridge, 1));
    QVERIFY(rendered.ok());
    const QString userData = writeFile(u"guard-userdata.yaml"_s, rendered.value());
    const ProcessResult shellified = run(
            u"/usr/bin/python3"_s, {u"-c"_s,
                                    u"import sys, yaml; from cloudinit import util; "
                                    "print(util.shellify(yaml.safe_load(open(sys.argv[1]))['bootcmd']), end='')"_s,
                                    userData});
    QVERIFY2(shellified.exitCode == 0, qPrintable(shellified.output));
    const QString bootScript = writeFile(u"bootcmd.sh"_s, shellified.output.toUtf8());

    // A fake nft that records its arguments and the ruleset it is fed.
    // Both PATHs hold only sh (bootcmd calls it by name); one adds the fake nft.
    for (const QString &bin : {u"fakebin"_s, u"emptybin"_s}) {
        QVERIFY(QDir(m_dir.path()).mkpath(bin));
        QVERIFY(QFile::link(u"/bin/sh"_s, m_dir.filePath(bin + u"/sh"_s)));
    }
    const QString record = m_dir.filePath(u"nft-record"_s);
    const QString fakeNft = writeFile(
            u"fakebin/nft"_s, u"#!/bin/sh\necho \"args: $*\" >\"%1\"\n/bin/cat >>\"%1\"\n"_s.arg(record).toUtf8());
    QVERIFY(QFile::setPermissions(fakeNft, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    auto runWithPath = [](const QString &script, const QString &path, const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment;
        environment.insert(u"PATH"_s, path);
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(u"/bin/sh"_s, QStringList{script} + arguments);
        process.waitForFinished(60000);
        return ProcessResult{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                             QString::fromUtf8(process.readAll())};
    };

    const ProcessResult boot = runWithPath(bootScript, m_dir.filePath(u"fakebin"_s), {});
    QVERIFY2(boot.exitCode == 0, qPrintable(boot.output));
    QFile recorded(record);
    QVERIFY(recorded.open(QIODevice::ReadOnly));
    const QString ruleset = QString::fromUtf8(recorded.readAll());
    QVERIFY2(ruleset.startsWith(u"args: -f -\n"_s), qPrintable(ruleset));
    QVERIFY2(ruleset.contains(u"ip daddr 169.254.169.254 meta skuid != 0 counter reject"_s), qPrintable(ruleset));
    QVERIFY(ruleset.contains(u"type filter hook output priority 0; policy accept;"_s));

    // Without any firewall tool the boot pass only warns, the final pass fails loudly.
    const QString guardFile
            = writeFile(u"guard.sh"_s, QJsonDocument::fromJson(rendered.value().mid(rendered.value().indexOf('\n') + 1))
                                               .object()
                                               .value(u"write_files"_s)
                                               .toArray()
                                               .at(0)
                                               .toObject()
                                               .value(u"content"_s)
                                               .toString()
                                               .toUtf8());
    const QString empty = m_dir.filePath(u"emptybin"_s);
    QCOMPARE(runWithPath(bootScript, empty, {}).exitCode, 0);
    QCOMPARE(runWithPath(guardFile, empty, {u"boot"_s}).exitCode, 0);
    const ProcessResult final = runWithPath(guardFile, empty, {u"final"_s});
    QCOMPARE_NE(final.exitCode, 0);
    QVERIFY2(final.output.contains(u"169.254.169.254"_s), qPrintable(final.output));
}

// `nft -c` parses and checks a ruleset without applying it, but needs CAP_NET_ADMIN for its cache: run as
// root (the dev container) it checks, as a plain CI user it skips.
void TestUserData::metadataRulesetPassesNftCheck()
{
    QString nft = QStandardPaths::findExecutable(u"nft"_s);
    if (nft.isEmpty())
        nft = QStandardPaths::findExecutable(u"nft"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    if (nft.isEmpty())
        QSKIP("nft (Debian package nftables) is not installed");
    if (run(nft, {u"-c"_s, u"-f"_s, u"-"_s}, "table inet jitsi_deployer_probe\n").exitCode != 0)
        QSKIP("nft -c needs CAP_NET_ADMIN here; the ruleset text is still checked by the test above");

    const Result<QByteArray> rendered = UserDataRenderer::render(
            makePlan(u"meet.example.org"_s, 1, {u"fsn1"_s}, u"debian-12"_s, m_deployerKey), host(HostRole::Web, 0));
    QVERIFY(rendered.ok());
    const QString guard = QJsonDocument::fromJson(rendered.value().mid(rendered.value().indexOf('\n') + 1))
                                  .object()
                                  .value(u"bootcmd"_s)
                                  .toArray()
                                  .at(0)
                                  .toArray()
                                  .at(2)
                                  .toString();
    // The ruleset is the double-quoted "rules" assignment, with the shell variable filled in.
    const qsizetype start = guard.indexOf(u"rules=\""_s);
    QVERIFY(start >= 0);
    const qsizetype end = guard.indexOf(u"}\"\n"_s, start);
    QVERIFY(end > start);
    QString ruleset = guard.mid(start + 7, end + 1 - (start + 7));
    ruleset.replace(u"$metadata"_s, u"169.254.169.254"_s);
    QVERIFY(!ruleset.contains(u'$'));

    const ProcessResult checked = run(nft, {u"-c"_s, u"-f"_s, u"-"_s}, ruleset.toUtf8());
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.output + ruleset));
    const ProcessResult broken
            = run(nft, {u"-c"_s, u"-f"_s, u"-"_s}, QString(ruleset).replace(u"skuid"_s, u"skuidx"_s).toUtf8());
    QCOMPARE_NE(broken.exitCode, 0);
}

void TestUserData::rejectsBadInput_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("authorizedKey");
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<bool>("dropPrivateKey");
    QTest::addColumn<bool>("multiLinePublicKey");

    const QString key = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBase deployer"_s;
    QTest::newRow("unsupported image") << u"centos-9"_s << key << u"ed25519"_s << false << false;
    QTest::newRow("no authorized key") << u"debian-12"_s << QString() << u"ed25519"_s << false << false;
    QTest::newRow("two authorized keys smuggled in one")
            << u"debian-12"_s << key + u"\nssh-ed25519 AAAA evil"_s << u"ed25519"_s << false << false;
    QTest::newRow("unknown host key type") << u"debian-12"_s << key << u"dsa"_s << false << false;
    QTest::newRow("no private host key") << u"debian-12"_s << key << u"ed25519"_s << true << false;
    QTest::newRow("multi-line public host key") << u"debian-12"_s << key << u"ed25519"_s << false << true;
}

void TestUserData::rejectsBadInput()
{
    QFETCH(QString, image);
    QFETCH(QString, authorizedKey);
    QFETCH(QString, keyType);
    QFETCH(bool, dropPrivateKey);
    QFETCH(bool, multiLinePublicKey);

    const DeploymentPlan plan = makePlan(u"meet.example.org"_s, 1, {u"fsn1"_s}, image, authorizedKey);
    HostInputs inputs = host(HostRole::Web, 0);
    inputs.hostKey.type = keyType;
    if (dropPrivateKey)
        inputs.hostKey.privateKey.clear();
    if (multiLinePublicKey)
        inputs.hostKey.publicKey += u"\nssh-ed25519 AAAA other"_s;

    const Result<QByteArray> rendered = UserDataRenderer::render(plan, inputs);
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().code, u"invalid_host_input"_s);
    QVERIFY(!rendered.error().message.isEmpty());
    const QString keyBody = m_hostKey.privateKey.section(u'\n', 1, 1);
    QVERIFY(!rendered.error().message.contains(keyBody));
    QVERIFY(!rendered.error().detail.contains(keyBody));
}

QTEST_GUILESS_MAIN(TestUserData)
#include "tst_userdata.moc"
