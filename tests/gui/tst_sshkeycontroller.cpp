// The SSH key step's controller alone (no widgets): real key files made by ssh-keygen in a temporary HOME, a real
// ssh-agent started for the test, key generation, and the project lookup by fingerprint against hcloud-sim.

#include "hcloudsim.h"
#include "openapivalidator.h"
#include "ssh/keyfiles.h"
#include "ssh/passphrasebroker.h"
#include "testkeys.h"
#include "testsshagent.h"
#include "ui/sshkeycontroller.h"
#include "ui/wizardstate.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Every message logged while the tests run, to prove no passphrase reaches a log.
QMutex logMutex;
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void recordingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&logMutex);
        logged << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestSshKeyController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WizardState> newState()
    {
        WizardState::Environment environment;
        environment.apiEndpoint = m_sim.endpoint().toString();
        auto state = std::make_unique<WizardState>(environment);
        state->setToken(HcloudSim::defaultToken());
        return state;
    }
    QString sshFolder() const { return QDir(m_home.path()).filePath(u".ssh"_s); }
    // A key made by ssh-keygen, copied into ~/.ssh under `name` with its .pub (mode kept: 0600).
    TestKeys::Key install(TestKeys::Type type, const QString &name, const QString &passphrase = {}, bool withPub = true)
    {
        TestKeys::Key key = m_keys.generate(type, TestKeys::Format::OpenSsh, passphrase);
        if (!key.isValid())
            return key;
        const QString target = QDir(sshFolder()).filePath(name);
        if (!QFile::copy(key.privateFile, target) || (withPub && !QFile::copy(key.publicFile, target + u".pub"_s)))
            return {};
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
        key.privateFile = target;
        key.publicFile = target + u".pub"_s;
        return key;
    }
    static void waitWhileBusy(SshKeyController &controller)
    {
        QTRY_VERIFY_WITH_TIMEOUT(controller.status() != SshKeyController::Status::Checking
                                         && controller.status() != SshKeyController::Status::LookingUp,
                                 20000);
    }

    HcloudSim m_sim;
    QTemporaryDir m_home;
    TestKeys m_keys;
    TestKeys::Key m_plain; // ~/.ssh/id_ed25519
    TestKeys::Key m_encrypted; // ~/.ssh/id_rsa, passphrase "correct horse"
    TestKeys::Key m_noPub; // ~/.ssh/id_ecdsa without .pub
    TestKeys::Key m_encryptedNoPub; // ~/.ssh/id_ed25519_work, encrypted, without .pub

private Q_SLOTS:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(recordingHandler);
        QVERIFY(m_sim.listen());
        QVERIFY(m_home.isValid());
        // The controller lists ~/.ssh, as a user's would be.
        qputenv("HOME", m_home.path().toUtf8());
        QVERIFY(QDir(m_home.path()).mkpath(u".ssh"_s));
        m_plain = install(TestKeys::Type::Ed25519, u"id_ed25519"_s);
        m_encrypted = install(TestKeys::Type::Rsa, u"id_rsa"_s, u"correct horse"_s);
        m_noPub = install(TestKeys::Type::Ecdsa, u"id_ecdsa"_s, {}, false);
        m_encryptedNoPub = install(TestKeys::Type::Ed25519, u"id_ed25519_work"_s, u"secret words"_s, false);
        QVERIFY2(m_plain.isValid() && m_encrypted.isValid() && m_noPub.isValid() && m_encryptedNoPub.isValid(),
                 qPrintable(m_keys.errorString()));
        // Not keys to list: a lone public key, and other files of the folder.
        QVERIFY(QFile::copy(m_plain.publicFile, QDir(sshFolder()).filePath(u"id_old.pub"_s)));
        QFile config(QDir(sshFolder()).filePath(u"config"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("Host *\n");
    }
    void cleanupTestCase()
    {
        qInstallMessageHandler(previousHandler);
        QMutexLocker locker(&logMutex);
        QVERIFY(!logged.isEmpty()); // the recorder works, so the check below can fail
        for (const QString &line : std::as_const(logged))
            for (const QString &secret :
                 {u"correct horse"_s, u"secret words"_s, u"long passphrase"_s, u"wrong guess"_s})
                QVERIFY2(!line.contains(secret), "a passphrase reached the log");
    }
    void cleanup()
    {
        m_sim.clearFaults();
        const QStringList violations = openApiViolations(m_sim);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void listsKeyFilesWithTypeAndFingerprint()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        QCOMPARE(controller.sshFolder(), sshFolder());
        QCOMPARE(controller.defaultNewKeyFile(), QDir(sshFolder()).filePath(u"jitsi-deployer_ed25519"_s));
        QSignalSpy scanned(&controller, &SshKeyController::keysScanned);
        controller.scan();
        QVERIFY(controller.isScanning()); // on a worker thread, not here
        QVERIFY(scanned.wait(10000));
        const QList<SshKeyController::KeyFile> files = controller.keyFiles();
        QStringList names;
        for (const auto &file : files)
            names << QFileInfo(file.path).fileName();
        QCOMPARE(names, QStringList({u"id_ecdsa"_s, u"id_ed25519"_s, u"id_ed25519_work"_s, u"id_rsa"_s}));
        const auto publicKey = [](const TestKeys::Key &key) {
            return SshPublicKey::fromLine(key.publicLine).value();
        };
        QCOMPARE(files[0].type, u"ECDSA"_s); // opened (not encrypted) since there is no .pub
        QCOMPARE(files[0].sha256Fingerprint, publicKey(m_noPub).sha256Fingerprint());
        QCOMPARE(files[1].type, u"ED25519"_s);
        QCOMPARE(files[1].sha256Fingerprint, publicKey(m_plain).sha256Fingerprint());
        QVERIFY(files[2].encrypted);
        QVERIFY(files[2].sha256Fingerprint.isEmpty());
        QCOMPARE(files[3].type, u"RSA"_s); // encrypted, but its .pub says what it is
        QCOMPARE(files[3].sha256Fingerprint, publicKey(m_encrypted).sha256Fingerprint());
        const SshKeyController::View view = controller.view();
        QCOMPARE(view.keyFileLabels.size(), 4);
        QVERIFY(view.keyFileLabels[1].contains(publicKey(m_plain).sha256Fingerprint()));
        QVERIFY(view.keyFileLabels[2].contains(u"passphrase"_s));
    }

    void plainKeyFileIsReadyAndWillBeUploaded()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        controller.chooseKeyFile(m_plain.privateFile);
        QCOMPARE(controller.status(), SshKeyController::Status::Checking); // answered later, from a worker
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Ready);
        QVERIFY(controller.isComplete());
        QVERIFY(!controller.inProject());
        QVERIFY2(controller.statusMessage().contains(u"will be uploaded"_s), qPrintable(controller.statusMessage()));
        const WizardState::SshIdentity &identity = state->sshIdentity();
        QCOMPARE(identity.keyFile, m_plain.privateFile);
        QVERIFY(!identity.usesAgent());
        const SshPublicKey expected = SshPublicKey::fromLine(m_plain.publicLine).value();
        QCOMPARE(identity.md5Fingerprint, expected.md5Fingerprint());
        QVERIFY(SshPublicKey::fromLine(identity.publicKey)->isSameKey(expected));
        QCOMPARE(state->plan().sshPublicKey, identity.publicKey);
        QVERIFY(!identity.inProject);
        QVERIFY(!state->passphrases()->isAnswered()); // nothing to answer for a key without a passphrase
    }

    void keyAlreadyInProjectIsSaid()
    {
        auto state = newState();
        const qint64 id = m_sim.seedSshKey(u"laptop"_s, m_noPub.publicLine);
        QVERIFY(id > 0);
        SshKeyController controller(state.get());
        controller.chooseKeyFile(m_noPub.privateFile);
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Ready);
        QVERIFY(controller.inProject());
        QVERIFY(state->sshIdentity().inProject);
        QVERIFY2(controller.statusMessage().contains(u"already in your Hetzner project"_s),
                 qPrintable(controller.statusMessage()));
    }

    void encryptedKeyAsksForItsPassphrase()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        QSignalSpy asked(&controller, &SshKeyController::passphraseNeeded);
        controller.chooseKeyFile(m_encrypted.privateFile);
        QVERIFY(asked.wait(10000));
        QCOMPARE(asked.takeFirst(), QVariantList({m_encrypted.privateFile, QString()}));
        QCOMPARE(controller.status(), SshKeyController::Status::NeedsPassphrase);
        QVERIFY(!controller.isComplete());

        controller.providePassphrase(u"wrong guess"_s);
        QVERIFY(asked.wait(10000));
        const QVariantList again = asked.takeFirst();
        QVERIFY2(again.at(1).toString().contains(u"does not open"_s), qPrintable(again.at(1).toString()));
        QCOMPARE(controller.status(), SshKeyController::Status::NeedsPassphrase);

        controller.providePassphrase(m_encrypted.passphrase);
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Ready);
        QCOMPARE(state->sshIdentity().keyFile, m_encrypted.privateFile);
        // The deploy's sessions get the passphrase from the broker without asking again.
        QVERIFY(state->passphrases()->isAnswered());
        QVERIFY(!state->passphrases()->isAsking());
        QVERIFY(!controller.statusMessage().contains(m_encrypted.passphrase));
    }

    void cancelledPassphraseCanBeRetried()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        QSignalSpy asked(&controller, &SshKeyController::passphraseNeeded);
        controller.chooseKeyFile(m_encryptedNoPub.privateFile);
        QVERIFY(asked.wait(10000));
        controller.cancelPassphrase();
        QCOMPARE(controller.status(), SshKeyController::Status::Failed);
        QVERIFY(controller.canRetry());
        QVERIFY(controller.view().statusError);
        QVERIFY(controller.statusMessage().contains(u"none was entered"_s));
        controller.retry();
        QVERIFY(asked.wait(10000));
        controller.providePassphrase(m_encryptedNoPub.passphrase);
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Ready);
    }

    void unusableKeyFilesAreExplained_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("needle");
        QTest::newRow("loose permissions") << u"loose"_s << u"chmod 600"_s;
        QTest::newRow("missing") << u"missing"_s << u"missing"_s;
        QTest::newRow("not a key") << u"notakey"_s << u"not a private key"_s;
        QTest::newRow("public key") << u"public"_s << u"public key"_s;
        QTest::newRow("unreadable") << u"unreadable"_s << u""_s;
    }
    void unusableKeyFilesAreExplained()
    {
        QFETCH(QString, which);
        QFETCH(QString, needle);
        QString file;
        if (which == u"loose"_s) {
            file = m_keys.worldReadableKey().privateFile;
        } else if (which == u"missing"_s) {
            file = m_keys.missingFile();
            needle = QDir::toNativeSeparators(file);
        } else if (which == u"notakey"_s) {
            file = m_keys.notAKeyFile();
        } else if (which == u"public"_s) {
            file = m_plain.publicFile;
        } else {
            file = m_keys.unreadableFile();
        }
        auto state = newState();
        SshKeyController controller(state.get());
        controller.chooseKeyFile(file);
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Failed);
        QVERIFY2(controller.statusMessage().contains(needle), qPrintable(controller.statusMessage()));
        QVERIFY(!controller.isComplete());
        QVERIFY(!state->sshIdentity().isValid());
    }

    void agentKeysAreListedAndUsable()
    {
        TestSshAgent agent;
        QString error;
        QVERIFY2(agent.start(&error), qPrintable(error));
        QVERIFY2(agent.addKey(m_plain.privateFile, {}, &error), qPrintable(error));
        QVERIFY2(agent.addKey(m_encrypted.privateFile, m_encrypted.passphrase, &error), qPrintable(error));
        auto state = newState();
        SshKeyController controller(state.get());
        controller.setAgentSocket(agent.socketPath());
        QSignalSpy scanned(&controller, &SshKeyController::keysScanned);
        controller.scan();
        QVERIFY(scanned.wait(10000));
        QVERIFY2(controller.agentProblem().isEmpty(), qPrintable(controller.agentProblem()));
        const QList<SshPublicKey> keys = controller.agentKeys();
        QCOMPARE(keys.size(), 2);
        const SshPublicKey plain = SshPublicKey::fromLine(m_plain.publicLine).value();
        QVERIFY(keys[0].isSameKey(plain));
        QCOMPARE(keys[0].comment(), plain.comment()); // ssh-add keeps the key's comment
        QVERIFY(controller.view().agentKeyLabels[0].contains(plain.sha256Fingerprint()));
        QVERIFY(controller.view().agentKeyLabels[0].contains(plain.comment()));
        QCOMPARE(keys[1].algorithm(), u"ssh-rsa"_s);

        controller.chooseAgentKey(0);
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Ready);
        const WizardState::SshIdentity &identity = state->sshIdentity();
        QVERIFY(identity.usesAgent());
        QCOMPARE(identity.agentSocket, agent.socketPath());
        QCOMPARE(identity.comment, plain.comment());
        QCOMPARE(identity.md5Fingerprint, plain.md5Fingerprint());
    }

    void agentProblemsDisableTheChoice()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        QSignalSpy scanned(&controller, &SshKeyController::keysScanned);

        controller.setAgentSocket({});
        controller.scan();
        QVERIFY(scanned.wait(10000));
        QVERIFY2(controller.agentProblem().contains(u"SSH_AUTH_SOCK"_s), qPrintable(controller.agentProblem()));

        controller.setAgentSocket(QDir(m_home.path()).filePath(u"no-agent.sock"_s));
        controller.scan();
        QVERIFY(scanned.wait(10000));
        QVERIFY2(controller.agentProblem().contains(u"No ssh-agent answers"_s), qPrintable(controller.agentProblem()));

        TestSshAgent agent;
        QString error;
        QVERIFY2(agent.start(&error), qPrintable(error));
        controller.setAgentSocket(agent.socketPath());
        controller.scan();
        QVERIFY(scanned.wait(10000));
        QVERIFY2(controller.agentProblem().contains(u"holds no keys"_s), qPrintable(controller.agentProblem()));
        QVERIFY(controller.agentKeys().isEmpty());
    }

    void newKeyIsGeneratedNeverOverwritten()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        const QString file = controller.defaultNewKeyFile();
        QVERIFY(!QFileInfo::exists(file));

        controller.generateKey(file, u"one"_s, u"two"_s);
        QCOMPARE(controller.status(), SshKeyController::Status::Failed);
        QVERIFY(controller.statusMessage().contains(u"not the same"_s));
        QVERIFY(!QFileInfo::exists(file));

        controller.generateKey(file, u"long passphrase"_s, u"long passphrase"_s);
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Ready);
        QVERIFY(QFileInfo::exists(file));
        // 0600: read and write for the owner (Qt's "user" bits are the owner here), nothing for group or others.
        QCOMPARE(QFile::permissions(file) & 0x0FFF, QFile::ReadUser | QFile::WriteUser);
        QVERIFY(QFileInfo::exists(file + u".pub"_s));
        QCOMPARE(state->sshIdentity().keyFile, file);
        QVERIFY(state->passphrases()->isAnswered());
        QVERIFY(!controller.inProject());
        // The file is really encrypted with that passphrase: the key file check opens it with it only.
        const auto reopened = KeyFiles::validatePrivateKey(file, [](const QString &) { return u"long passphrase"_s; });
        QVERIFY(reopened.ok());

        QFile before(file);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray content = before.readAll();
        controller.generateKey(file, {}, {});
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Failed);
        QVERIFY2(controller.statusMessage().contains(u"already exists"_s), qPrintable(controller.statusMessage()));
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), content);

        controller.generateKey(u"relative/key"_s, {}, {});
        QCOMPARE(controller.status(), SshKeyController::Status::Failed);
        controller.generateKey({}, {}, {});
        QCOMPARE(controller.status(), SshKeyController::Status::Failed);
        QVERIFY(QFile::remove(file) && QFile::remove(file + u".pub"_s));
    }

    void failedLookupCanBeRetried()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        HcloudSim::Fault fault;
        fault.method = u"GET"_s;
        fault.pathPattern = u"^/ssh_keys"_s;
        fault.status = 403;
        fault.code = u"forbidden"_s;
        m_sim.injectFault(fault);
        controller.chooseKeyFile(m_plain.privateFile);
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Failed);
        QVERIFY(controller.canRetry());
        QVERIFY(controller.statusMessage().contains(u"Retry"_s));
        controller.retry();
        waitWhileBusy(controller);
        QCOMPARE(controller.status(), SshKeyController::Status::Ready);
    }

    void clearingTheChoiceMakesItIncomplete()
    {
        auto state = newState();
        SshKeyController controller(state.get());
        controller.chooseKeyFile(m_plain.privateFile);
        controller.clearChoice(); // before the answer: it must not count any more
        QTest::qWait(300);
        QCOMPARE(controller.status(), SshKeyController::Status::None);
        QVERIFY(!controller.isComplete());
    }
};

QTEST_GUILESS_MAIN(TestSshKeyController)
#include "tst_sshkeycontroller.moc"
