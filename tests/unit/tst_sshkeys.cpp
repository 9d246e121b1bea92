// Key utilities (app/ssh: KeyFiles, SshPublicKey, HostKeys) checked against OpenSSH itself: fingerprints
// against `ssh-keygen -l`, generated keys against `ssh-keygen -y` and real logins to a test sshd.
#include "ssh/hostkeys.h"
#include "ssh/keyfiles.h"
#include "ssh/knownhosts.h"
#include "ssh/sshpublickey.h"

#include "sshtesttools.h"
#include "testkeys.h"
#include "testsshd.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The fingerprint field of `ssh-keygen -l -E <hash> -f file`: "256 SHA256:abc comment (ED25519)".
QString sshKeygenFingerprint(const QString &file, const QString &hash)
{
    const auto result = SshTestTools::run(u"ssh-keygen"_s, {u"-l"_s, u"-E"_s, hash, u"-f"_s, file});
    if (!result.ok())
        return result.describe(u"ssh-keygen"_s);
    return QString::fromUtf8(result.standardOutput).split(u' ').value(1);
}

QString derivedBySshKeygen(const QString &privateFile, const QString &passphrase)
{
    const auto result = SshTestTools::run(u"ssh-keygen"_s, {u"-y"_s, u"-P"_s, passphrase, u"-f"_s, privateFile});
    return result.ok() ? SshTestTools::publicKeyWithoutComment(QString::fromUtf8(result.standardOutput))
                       : result.describe(u"ssh-keygen"_s);
}

KeyFiles::PassphraseProvider answer(const QString &passphrase, int *asked = nullptr)
{
    return [passphrase, asked](const QString &) {
        if (asked)
            ++*asked;
        return passphrase;
    };
}

// Qt 6.4's QVERIFY2 evaluates its message even when the check passes, so never touch error() of a success.
template<typename T>
QString why(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

int fileMode(const QString &path)
{
    return int(QFileInfo(path).permissions()
               & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
                  | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther));
}
constexpr int ownerReadWrite = int(QFile::ReadOwner | QFile::WriteOwner);

} // namespace

class TestSshKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fingerprintsMatchSshKeygen_data();
    void fingerprintsMatchSshKeygen();
    void encryptedKeyPassphrases_data();
    void encryptedKeyPassphrases();
    void badKeyFiles();
    void publicKeyLines_data();
    void publicKeyLines();
    void generateKeyPair_data();
    void generateKeyPair();
    void generatedKeyLogsIn();
    void generateRefusesToOverwrite();
    void generateCreatesPrivateFolder();
    void hostKeys_data();
    void hostKeys();

private:
    TestKeys m_keys;
};

void TestSshKeys::fingerprintsMatchSshKeygen_data()
{
    QTest::addColumn<TestKeys::Type>("type");
    QTest::addColumn<TestKeys::Format>("format");
    QTest::newRow("ed25519") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh;
    QTest::newRow("ecdsa") << TestKeys::Type::Ecdsa << TestKeys::Format::OpenSsh;
    QTest::newRow("ecdsa pem") << TestKeys::Type::Ecdsa << TestKeys::Format::Pem;
    QTest::newRow("rsa") << TestKeys::Type::Rsa << TestKeys::Format::OpenSsh;
    QTest::newRow("rsa pem") << TestKeys::Type::Rsa << TestKeys::Format::Pem;
}

void TestSshKeys::fingerprintsMatchSshKeygen()
{
    QFETCH(TestKeys::Type, type);
    QFETCH(TestKeys::Format, format);
    const auto key = m_keys.generate(type, format);
    QVERIFY2(key.isValid(), qPrintable(m_keys.errorString()));

    const auto fromPublic = KeyFiles::readPublicKey(key.publicFile);
    QVERIFY2(fromPublic, qPrintable(why(fromPublic)));
    QCOMPARE(fromPublic->line(), key.publicLine);
    QCOMPARE(u"MD5:"_s + fromPublic->md5Fingerprint(), sshKeygenFingerprint(key.publicFile, u"md5"_s));
    QCOMPARE(fromPublic->sha256Fingerprint(), sshKeygenFingerprint(key.publicFile, u"sha256"_s));
    QVERIFY(QRegularExpression(u"^([0-9a-f]{2}:){15}[0-9a-f]{2}$"_s).match(fromPublic->md5Fingerprint()).hasMatch());
    QVERIFY(!fromPublic->sha256Fingerprint().endsWith(u'='));

    // Derived from the private key: the same key, and the comment comes from the matching .pub file.
    const auto fromPrivate = KeyFiles::readPublicKey(key.privateFile);
    QVERIFY2(fromPrivate, qPrintable(why(fromPrivate)));
    QCOMPARE(fromPrivate.value(), fromPublic.value());
    const auto validated = KeyFiles::validatePrivateKey(key.privateFile);
    QVERIFY2(validated, qPrintable(why(validated)));
    QCOMPARE(validated->keyText(), fromPublic->keyText());

    // Without the .pub next to it, the key is still derived (no comment then).
    QVERIFY(QFile::remove(key.publicFile));
    const auto alone = KeyFiles::readPublicKey(key.privateFile);
    QVERIFY(alone);
    QVERIFY(alone->isSameKey(fromPublic.value()));
    QVERIFY(alone->comment().isEmpty());
}

void TestSshKeys::encryptedKeyPassphrases_data()
{
    QTest::addColumn<TestKeys::Type>("type");
    QTest::addColumn<TestKeys::Format>("format");
    QTest::newRow("ed25519") << TestKeys::Type::Ed25519 << TestKeys::Format::OpenSsh;
    QTest::newRow("ecdsa pem") << TestKeys::Type::Ecdsa << TestKeys::Format::Pem;
    QTest::newRow("rsa") << TestKeys::Type::Rsa << TestKeys::Format::OpenSsh;
    QTest::newRow("rsa pem") << TestKeys::Type::Rsa << TestKeys::Format::Pem;
}

void TestSshKeys::encryptedKeyPassphrases()
{
    QFETCH(TestKeys::Type, type);
    QFETCH(TestKeys::Format, format);
    const auto key = m_keys.generate(type, format, u"correct horse"_s);
    QVERIFY2(key.isValid(), qPrintable(m_keys.errorString()));
    QVERIFY(QFile::remove(key.publicFile)); // force deriving from the encrypted private key

    int asked = 0;
    const auto right = KeyFiles::readPublicKey(key.privateFile, answer(u"correct horse"_s, &asked));
    QVERIFY2(right, qPrintable(why(right)));
    QCOMPARE(right->keyText(), SshTestTools::publicKeyWithoutComment(key.publicLine));
    QVERIFY(asked >= 1);

    const auto wrong = KeyFiles::validatePrivateKey(key.privateFile, answer(u"wrong horse"_s));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, u"key_file_wrong_passphrase"_s);
    QVERIFY(wrong.error().message.contains(key.privateFile));

    const auto cancelled = KeyFiles::validatePrivateKey(key.privateFile, answer(QString()));
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().code, u"key_file_passphrase_cancelled"_s);
    const auto noProvider = KeyFiles::validatePrivateKey(key.privateFile);
    QVERIFY(!noProvider);
    QCOMPARE(noProvider.error().code, u"key_file_passphrase_cancelled"_s);

    // An unencrypted key never asks.
    const auto plain = m_keys.generate(type, format);
    asked = 0;
    QVERIFY(KeyFiles::validatePrivateKey(plain.privateFile, answer(u"unused"_s, &asked)));
    QCOMPARE(asked, 0);
}

void TestSshKeys::badKeyFiles()
{
    struct Case
    {
        QString name;
        QString path;
        QString code;
    };
    const auto worldReadable = m_keys.worldReadableKey();
    const auto good = m_keys.generate(TestKeys::Type::Ed25519);
    const QList<Case> cases{
            {u"missing"_s, m_keys.missingFile(), u"key_file_missing"_s},
            {u"missing folder"_s, m_keys.dir() + u"/nowhere/id_ed25519"_s, u"key_file_missing"_s},
            {u"unreadable"_s, m_keys.unreadableFile(), u"key_file_unreadable"_s},
            {u"not a key"_s, m_keys.notAKeyFile(), u"key_file_not_a_key"_s},
            {u"empty"_s, m_keys.emptyFile(), u"key_file_not_a_key"_s},
            {u"truncated"_s, m_keys.truncatedKeyFile(), u"key_file_not_a_key"_s},
            {u"public key instead of private"_s, good.publicFile, u"key_file_not_a_key"_s},
            {u"readable by others"_s, worldReadable.privateFile, u"key_file_permissions"_s},
    };
    for (const Case &c : cases) {
        const auto result = KeyFiles::validatePrivateKey(c.path, answer(u"x"_s));
        QVERIFY2(!result, qPrintable(c.name));
        QCOMPARE(result.error().domain, u"ssh"_s);
        QVERIFY2(result.error().code == c.code, qPrintable(c.name + u": "_s + result.error().code));
        QVERIFY2(result.error().message.contains(QFileInfo(c.path).fileName()), qPrintable(result.error().message));
    }
    // The permission error tells the fix.
    QVERIFY(KeyFiles::validatePrivateKey(worldReadable.privateFile).error().message.contains(u"600"_s));

    // Reading a public key: a .pub file needs no strict mode, but garbage is still not a key.
    QVERIFY(KeyFiles::readPublicKey(good.publicFile));
    QCOMPARE(KeyFiles::readPublicKey(m_keys.notAKeyFile()).error().code, u"key_file_not_a_key"_s);
    QCOMPARE(KeyFiles::readPublicKey(m_keys.missingFile()).error().code, u"key_file_missing"_s);
    QCOMPARE(KeyFiles::readPublicKey(m_keys.unreadableFile()).error().code, u"key_file_unreadable"_s);
}

void TestSshKeys::publicKeyLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("valid");
    const TestKeys::Key key = m_keys.generate(TestKeys::Type::Ed25519);
    const QStringList fields = key.publicLine.split(u' ');
    QTest::newRow("as written") << key.publicLine << true;
    QTest::newRow("no comment") << fields.at(0) + u' ' + fields.at(1) << true;
    QTest::newRow("comment with spaces") << fields.at(0) + u' ' + fields.at(1) + u" me at home"_s << true;
    QTest::newRow("extra whitespace") << u"  "_s + fields.at(0) + u"   "_s + fields.at(1) + u"  \n"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("one field") << fields.at(0) << false;
    QTest::newRow("bad base64") << fields.at(0) + u" AAAA!!!!"_s << false;
    QTest::newRow("truncated blob") << fields.at(0) + u' ' + fields.at(1).left(40) << false;
    QTest::newRow("wrong algorithm name") << u"ssh-rsa "_s + fields.at(1) << false;
    QTest::newRow("private key text") << u"-----BEGIN OPENSSH PRIVATE KEY-----"_s << false;
}

void TestSshKeys::publicKeyLines()
{
    QFETCH(QString, line);
    QFETCH(bool, valid);
    const auto key = SshPublicKey::fromLine(line);
    QCOMPARE(key.ok(), valid);
    if (!valid) {
        QCOMPARE(key.error().code, u"public_key_invalid"_s);
        QVERIFY(!key.error().message.isEmpty());
        return;
    }
    QCOMPARE(key->algorithm(), u"ssh-ed25519"_s);
    QCOMPARE(key->line(), line.simplified());
    QCOMPARE(SshPublicKey::fromLine(key->line()).value(), key.value());
}

void TestSshKeys::generateKeyPair_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::newRow("unencrypted") << QString();
    QTest::newRow("passphrase") << u"a long passphrase"_s;
}

void TestSshKeys::generateKeyPair()
{
    QFETCH(QString, passphrase);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"id_deployer"_s);
    const auto generated = KeyFiles::generateKeyPair(path, passphrase, u"tester@example"_s);
    QVERIFY2(generated, qPrintable(why(generated)));
    QCOMPARE(generated->algorithm(), u"ssh-ed25519"_s);
    QCOMPARE(generated->comment(), u"tester@example"_s);
    QCOMPARE(fileMode(path), ownerReadWrite);

    QFile privateFile(path);
    QVERIFY(privateFile.open(QIODevice::ReadOnly));
    QVERIFY(privateFile.readAll().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
    QFile publicFile(path + u".pub"_s);
    QVERIFY(publicFile.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(publicFile.readAll()), generated->line() + u'\n');

    // OpenSSH reads it, and needs the passphrase exactly when one was set.
    QCOMPARE(derivedBySshKeygen(path, passphrase), generated->keyText());
    if (!passphrase.isEmpty())
        QVERIFY(derivedBySshKeygen(path, u"wrong"_s) != generated->keyText());
    QCOMPARE(sshKeygenFingerprint(path + u".pub"_s, u"sha256"_s), generated->sha256Fingerprint());

    // And so do we.
    const auto validated = KeyFiles::validatePrivateKey(path, answer(passphrase));
    QVERIFY2(validated, qPrintable(why(validated)));
    QCOMPARE(validated.value(), generated.value());
    if (!passphrase.isEmpty())
        QCOMPARE(KeyFiles::validatePrivateKey(path).error().code, u"key_file_passphrase_cancelled"_s);
}

void TestSshKeys::generatedKeyLogsIn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"id_login"_s);
    const auto generated = KeyFiles::generateKeyPair(path);
    QVERIFY2(generated, qPrintable(why(generated)));
    TestSshd sshd;
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    QVERIFY(sshd.authorize(generated->line()));
    const auto result = SshTestTools::run(u"ssh"_s, sshd.sshArguments(path) << u"echo logged-in"_s);
    QVERIFY2(result.ok(), qPrintable(result.describe(u"ssh"_s) + sshd.log()));
    QCOMPARE(result.standardOutput, QByteArray("logged-in\n"));
}

void TestSshKeys::generateRefusesToOverwrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"id_existing"_s);
    QVERIFY(KeyFiles::generateKeyPair(path));
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray before = original.readAll();
    original.close();

    const auto again = KeyFiles::generateKeyPair(path);
    QVERIFY(!again);
    QCOMPARE(again.error().code, u"key_file_exists"_s);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), before);

    // A stray .pub alone also blocks: the pair must stay consistent.
    const QString other = dir.filePath(u"id_other"_s);
    QVERIFY(SshTestTools::writeFile(other + u".pub"_s, "old\n", 0644));
    QCOMPARE(KeyFiles::generateKeyPair(other).error().code, u"key_file_exists"_s);
    QVERIFY(!QFileInfo::exists(other));
}

void TestSshKeys::generateCreatesPrivateFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"keys/deployer"_s);
    const auto generated = KeyFiles::generateKeyPair(folder + u"/id_ed25519"_s);
    QVERIFY2(generated, qPrintable(why(generated)));
    QCOMPARE(fileMode(folder), int(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QCOMPARE(fileMode(folder + u"/id_ed25519"_s), ownerReadWrite);
}

void TestSshKeys::hostKeys_data()
{
    QTest::addColumn<HostKeyPair::Type>("type");
    QTest::addColumn<QString>("cloudInitName");
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("ed25519") << HostKeyPair::Type::Ed25519 << u"ed25519_private"_s << u"ssh-ed25519"_s;
    QTest::newRow("ecdsa") << HostKeyPair::Type::Ecdsa << u"ecdsa_private"_s << u"ecdsa-sha2-nistp256"_s;
    QTest::newRow("rsa") << HostKeyPair::Type::Rsa << u"rsa_private"_s << u"ssh-rsa"_s;
}

void TestSshKeys::hostKeys()
{
    QFETCH(HostKeyPair::Type, type);
    QFETCH(QString, cloudInitName);
    QFETCH(QString, algorithm);
    const auto pair = HostKeys::generate(type);
    QVERIFY2(pair, qPrintable(why(pair)));
    QCOMPARE(pair->cloudInitPrivateName(), cloudInitName);
    QCOMPARE(pair->publicKey.algorithm(), algorithm);
    QVERIFY(pair->privateKey.startsWith("-----BEGIN "));
    QVERIFY(pair->privateKey.contains("PRIVATE KEY-----"));
    QVERIFY(HostKeys::generate(type)->publicKey.keyText() != pair->publicKey.keyText()); // fresh every time

    QTemporaryDir dir;
    const QString path = dir.filePath(u"ssh_host_key"_s);
    QVERIFY(HostKeys::writePrivateKey(pair.value(), path));
    QCOMPARE(fileMode(path), ownerReadWrite);
    QCOMPARE(HostKeys::writePrivateKey(pair.value(), path).error().code, u"key_file_exists"_s);
    QCOMPARE(derivedBySshKeygen(path, QString()), pair->publicKey.keyText());

    // The real use: sshd serves the generated key, and a client that pinned the public half (through our
    // known-hosts store) connects with strict checking.
    QVERIFY(SshTestTools::writeFile(path + u".pub"_s, pair->publicKey.line().toUtf8() + '\n', 0644));
    TestSshd::Options options;
    options.hostKeyFile = path;
    TestSshd sshd(options);
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    QCOMPARE(sshd.hostPublicKey(), pair->publicKey.keyText());
    const auto client = m_keys.generate(TestKeys::Type::Ed25519);
    sshd.authorize(client.publicLine);
    const QString knownHostsFile = dir.filePath(u"known_hosts"_s);
    QVERIFY(KnownHosts(knownHostsFile).pin(u"127.0.0.1"_s, sshd.port(), pair->publicKey));
    QStringList arguments = sshd.sshArguments(client.privateFile);
    arguments.replace(arguments.indexOf(u"UserKnownHostsFile="_s + sshd.writeKnownHostsFile()),
                      u"UserKnownHostsFile="_s + knownHostsFile);
    const auto result = SshTestTools::run(u"ssh"_s, arguments << u"echo pinned"_s);
    QVERIFY2(result.ok(), qPrintable(result.describe(u"ssh"_s) + sshd.log()));
    QCOMPARE(result.standardOutput, QByteArray("pinned\n"));
}

QTEST_GUILESS_MAIN(TestSshKeys)
#include "tst_sshkeys.moc"
