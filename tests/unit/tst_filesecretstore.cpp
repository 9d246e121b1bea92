// FileSecretStore and SecretStore's file mode, on the real file system, in a process without any D-Bus session
// (deployer_add_test unsets it): the machine the file store is for. Modes are checked with stat(2) under a umask
// of 0, so nothing here passes because of a friendly umask.

#include "common/redactor.h"
#include "deploy/deploymentstore.h"
#include "secrets/credentialstore.h"
#include "secrets/filesecretstore.h"
#include "secrets/secretstore.h"
#include "secrets/tokensource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

template<typename R>
struct Outcome
{
    int calls = 0;
    std::optional<R> result;

    auto callback()
    {
        return [this](R r) {
            ++calls;
            result.emplace(std::move(r));
        };
    }
};

// -1 when the path does not exist.
int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

ino_t inodeOf(const QString &path)
{
    struct stat info
    {
    };
    ::lstat(QFile::encodeName(path).constData(), &info);
    return info.st_ino;
}

QStringList entriesBelow(const QString &root)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries << QDir(root).relativeFilePath(it.next());
    entries.sort();
    return entries;
}

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

void writeRaw(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
}

const QString jvbKey = CredentialStore::deploymentKey(u"meet-example-org"_s, u"jvb-secret"_s);

} // namespace

class TestFileSecretStore : public QObject
{
    Q_OBJECT

private:
    template<typename R>
    R finish(Outcome<R> &outcome);
    Result<void> write(const QString &key, const QByteArray &value);
    Result<QByteArray> read(const QString &key);
    Result<void> remove(const QString &key);

    std::optional<QTemporaryDir> m_scratch;
    QString m_dir; // the store's folder, not created yet at the start of each test
    SecretStore m_store;
    QObject m_context;
    mode_t m_umask = 0;

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void roundTripWithPrivateModes();
    void sameNamesAsTheKeychain();
    void overwriteReplacesAtomically();
    void binaryValuesSurvive();
    void missingEntryIsNotFound();
    void removeCleansUp();
    void invalidKeysStayInside_data();
    void invalidKeysStayInside();
    void looseModesAreRefused_data();
    void looseModesAreRefused();
    void symlinkIsRefused();
    void foreignOwnerIsRefused();
    void corruptFileIsRefused_data();
    void corruptFileIsRefused();
    void secretOnlyInItsFile();
    void valuesAreRedacted();
    void selection();
    void deploymentSecretsInFiles();
    void tokenFromFiles();
    void keychainErrorNamesCauseAndWaysOn();
};

template<typename R>
R TestFileSecretStore::finish(Outcome<R> &outcome)
{
    // The file store keeps the keychain's promise: never inside the call, exactly once.
    [&] {
        QCOMPARE(outcome.calls, 0);
    }();
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome.calls, 1, 5000);
    }();
    QCoreApplication::processEvents();
    [&] {
        QCOMPARE(outcome.calls, 1);
    }();
    if (!outcome.result)
        return R(Error{u"test"_s, u"no_callback"_s, u"callback never ran"_s, {}, {}, 0});
    return *outcome.result;
}

Result<void> TestFileSecretStore::write(const QString &key, const QByteArray &value)
{
    Outcome<Result<void>> outcome;
    m_store.write(key, value, &m_context, outcome.callback());
    return finish(outcome);
}

Result<QByteArray> TestFileSecretStore::read(const QString &key)
{
    Outcome<Result<QByteArray>> outcome;
    m_store.read(key, &m_context, outcome.callback());
    return finish(outcome);
}

Result<void> TestFileSecretStore::remove(const QString &key)
{
    Outcome<Result<void>> outcome;
    m_store.remove(key, &m_context, outcome.callback());
    return finish(outcome);
}

void TestFileSecretStore::initTestCase()
{
    // The machine this store is for has no session bus; neither has this test.
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QVERIFY(!CredentialStore::isAvailable());
    QVERIFY(QDir().mkpath(QDir::homePath()));
    // The most permissive umask: every private mode below is the store's doing.
    m_umask = ::umask(0);
}

void TestFileSecretStore::init()
{
    m_scratch.emplace(QDir::homePath() + u"/filestore-XXXXXX"_s);
    QVERIFY(m_scratch->isValid());
    QVERIFY(QFile::setPermissions(m_scratch->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                             | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                                             | QFile::ExeOther));
    m_dir = m_scratch->path() + u"/data/secrets"_s;
    m_store = SecretStore::files(m_dir);
}

void TestFileSecretStore::cleanup()
{
    m_scratch.reset();
}

void TestFileSecretStore::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestFileSecretStore::roundTripWithPrivateModes()
{
    QCOMPARE(m_store.kind(), SecretStore::Kind::File);
    QVERIFY(m_store.checkAvailable().ok()); // absent: created on the first write
    const Result<void> written = write(jvbKey, "Jvb0Secret0Value0For0Tests24");
    QVERIFY2(written.ok(), qPrintable(written.error().toString()));
    const Result<QByteArray> back = read(jvbKey);
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(back.value(), "Jvb0Secret0Value0For0Tests24"_ba);

    QCOMPARE(modeOf(m_dir), 0700);
    QCOMPARE(modeOf(m_dir + u"/deployment"_s), 0700);
    QCOMPARE(modeOf(m_dir + u"/deployment/meet-example-org"_s), 0700);
    QCOMPARE(modeOf(m_dir + u"/deployment/meet-example-org/jvb-secret"_s), 0600);
    // The app's data folder above is an ordinary one; only the store is private.
    QCOMPARE(modeOf(m_scratch->path() + u"/data"_s) & 0700, 0700);
}

void TestFileSecretStore::sameNamesAsTheKeychain()
{
    QVERIFY(write(CredentialStore::tokenKey(), "token-value").ok());
    QVERIFY(write(jvbKey, "a").ok());
    QVERIFY(write(CredentialStore::deploymentKey(u"meet-example-org"_s, u"focus-password"_s), "b").ok());
    QCOMPARE(entriesBelow(m_dir), (QStringList{u"deployment"_s, u"deployment/meet-example-org"_s,
                                               u"deployment/meet-example-org/focus-password"_s,
                                               u"deployment/meet-example-org/jvb-secret"_s, u"token"_s}));
}

void TestFileSecretStore::overwriteReplacesAtomically()
{
    const QString path = FileSecretStore(m_dir).filePath(jvbKey);
    QVERIFY(write(jvbKey, "first-value").ok());
    const ino_t before = inodeOf(path);
    // A reader that opened the old file keeps reading the whole old value while the new one is written: the file
    // is replaced by a rename, never truncated and rewritten in place.
    QFile reader(path);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QVERIFY(write(jvbKey, "second-value-which-is-longer").ok());
    QVERIFY(reader.readAll().contains(QByteArray("first-value").toBase64()));
    QVERIFY(inodeOf(path) != before);
    QCOMPARE(read(jvbKey).value(), "second-value-which-is-longer"_ba);
    QCOMPARE(modeOf(path), 0600);
    // No temporary file is left next to it.
    QCOMPARE(entriesBelow(m_dir + u"/deployment/meet-example-org"_s), QStringList{u"jvb-secret"_s});
}

void TestFileSecretStore::binaryValuesSurvive()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    bytes += bytes;
    QVERIFY(write(CredentialStore::tokenKey(), bytes).ok());
    QCOMPARE(read(CredentialStore::tokenKey()).value(), bytes);
    QVERIFY(write(CredentialStore::tokenKey(), QByteArray()).ok());
    QCOMPARE(read(CredentialStore::tokenKey()).value(), QByteArray());
}

void TestFileSecretStore::missingEntryIsNotFound()
{
    const Result<QByteArray> none = read(jvbKey); // no store folder at all
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, u"not_found"_s);
    QVERIFY(!QFileInfo::exists(m_dir)); // reading creates nothing
    QVERIFY(write(CredentialStore::tokenKey(), "x").ok());
    const Result<QByteArray> stillNone = read(jvbKey);
    QCOMPARE(stillNone.error().code, u"not_found"_s);
    QVERIFY2(stillNone.error().message.contains(jvbKey), qPrintable(stillNone.error().message));
}

void TestFileSecretStore::removeCleansUp()
{
    const QString focusKey = CredentialStore::deploymentKey(u"meet-example-org"_s, u"focus-password"_s);
    QVERIFY(write(jvbKey, "a").ok());
    QVERIFY(write(focusKey, "b").ok());
    QVERIFY(remove(jvbKey).ok());
    QCOMPARE(read(jvbKey).error().code, u"not_found"_s);
    QCOMPARE(read(focusKey).value(), "b"_ba); // keys are independent
    QVERIFY(remove(focusKey).ok());
    QVERIFY(remove(focusKey).ok()); // gone already: fine
    QCOMPARE(entriesBelow(m_dir), QStringList()); // the deployment's folders go with its last secret
    QVERIFY(QFileInfo(m_dir).isDir()); // the store's own folder stays
}

void TestFileSecretStore::invalidKeysStayInside_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("parent") << u"../outside"_s;
    QTest::newRow("inner parent") << u"deployment/../../outside"_s;
    QTest::newRow("absolute") << u"/tmp/outside"_s;
    QTest::newRow("empty segment") << u"deployment//x"_s;
    QTest::newRow("hidden") << u".outside"_s;
    // What CredentialStore::deploymentKey returns for a bad slug.
    QTest::newRow("bad slug") << CredentialStore::deploymentKey(u"a/b"_s, u"jvb"_s);
}

void TestFileSecretStore::invalidKeysStayInside()
{
    QFETCH(QString, key);
    const Result<void> written = write(key, "value");
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, u"invalid_key"_s);
    QCOMPARE(read(key).error().code, u"invalid_key"_s);
    QCOMPARE(remove(key).error().code, u"invalid_key"_s);
    QCOMPARE(filesContaining(m_scratch->path(), QByteArray("value").toBase64()), QStringList());
}

void TestFileSecretStore::looseModesAreRefused_data()
{
    QTest::addColumn<QString>("relative"); // what gets the loose mode
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("fix");
    QTest::newRow("store folder world-readable") << QString() << 0755 << u"chmod 700"_s;
    QTest::newRow("store folder group-readable") << QString() << 0750 << u"chmod 700"_s;
    QTest::newRow("deployment folder") << u"deployment/meet-example-org"_s << 0711 << u"chmod 700"_s;
    QTest::newRow("file world-readable") << u"deployment/meet-example-org/jvb-secret"_s << 0644 << u"chmod 600"_s;
    QTest::newRow("file group-readable") << u"deployment/meet-example-org/jvb-secret"_s << 0640 << u"chmod 600"_s;
}

void TestFileSecretStore::looseModesAreRefused()
{
    QFETCH(QString, relative);
    QFETCH(int, mode);
    QFETCH(QString, fix);
    QVERIFY(write(jvbKey, "kept-secret-value").ok());
    const QString path = relative.isEmpty() ? m_dir : m_dir + u'/' + relative;
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);

    const Result<QByteArray> readBack = read(jvbKey);
    QVERIFY(!readBack.ok());
    QCOMPARE(readBack.error().code, u"secret_store_insecure"_s);
    // The message names the path, the mode and the command that fixes it.
    QVERIFY2(readBack.error().message.contains(fix + u' ' + path), qPrintable(readBack.error().message));
    QVERIFY2(readBack.error().message.contains(u"0"_s + QString::number(mode, 8)),
             qPrintable(readBack.error().message));
    // Writing over it is refused as well, and leaves the value and the mode alone.
    QCOMPARE(write(jvbKey, "other").error().code, u"secret_store_insecure"_s);
    QCOMPARE(modeOf(path), mode);
    if (relative.isEmpty())
        QCOMPARE(m_store.checkAvailable().error().code, u"secret_store_insecure"_s);

    // Doing what the message says makes the store usable again.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), relative.endsWith(u"jvb-secret"_s) ? 0600 : 0700), 0);
    QCOMPARE(read(jvbKey).value(), "kept-secret-value"_ba);
}

void TestFileSecretStore::symlinkIsRefused()
{
    QVERIFY(write(CredentialStore::tokenKey(), "real").ok());
    // A link planted in the store could lead a write to another user's file.
    QVERIFY(QFile::link(m_dir + u"/token"_s, m_dir + u"/linked"_s));
    const Result<QByteArray> linked = read(u"linked"_s);
    QCOMPARE(linked.error().code, u"secret_store_insecure"_s);
    QVERIFY2(linked.error().message.contains(u"symbolic link"_s), qPrintable(linked.error().message));
    QCOMPARE(write(u"linked"_s, "x").error().code, u"secret_store_insecure"_s);
    QCOMPARE(read(CredentialStore::tokenKey()).value(), "real"_ba);
}

void TestFileSecretStore::foreignOwnerIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("Giving a file to another user needs root (CI runs as root).");
    QVERIFY(write(CredentialStore::tokenKey(), "mine").ok());
    // Planted by another account (here: nobody), private or not: never trusted.
    const QString path = m_dir + u"/token"_s;
    QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
    const Result<QByteArray> planted = read(CredentialStore::tokenKey());
    QCOMPARE(planted.error().code, u"secret_store_insecure"_s);
    QVERIFY2(planted.error().message.contains(u"uid 65534"_s), qPrintable(planted.error().message));
    QVERIFY2(planted.error().message.contains(u"JITSI_DEPLOYER_SECRET_DIR"_s), qPrintable(planted.error().message));
}

void TestFileSecretStore::corruptFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << "the-secret-in-plain-text\n"_ba;
    QTest::newRow("truncated") << R"({"format":1,"key":"deployment/meet-example-org/jvb-secret","val)"_ba;
    QTest::newRow("unknown format")
            << R"({"format":2,"key":"deployment/meet-example-org/jvb-secret","value":"YQ=="})"_ba;
    QTest::newRow("another key") << R"({"format":1,"key":"token","value":"YQ=="})"_ba;
    QTest::newRow("no value") << R"({"format":1,"key":"deployment/meet-example-org/jvb-secret"})"_ba;
    QTest::newRow("bad base64") << R"({"format":1,"key":"deployment/meet-example-org/jvb-secret","value":"!!"})"_ba;
}

void TestFileSecretStore::corruptFileIsRefused()
{
    QFETCH(QByteArray, content);
    QVERIFY(write(jvbKey, "x").ok());
    const QString path = FileSecretStore(m_dir).filePath(jvbKey);
    writeRaw(path, content);
    const Result<QByteArray> damaged = read(jvbKey);
    QVERIFY(!damaged.ok());
    QCOMPARE(damaged.error().code, u"secret_store_corrupt"_s);
    QVERIFY2(damaged.error().message.contains(path), qPrintable(damaged.error().message));
    QVERIFY2(damaged.error().message.contains(u"web host"_s), qPrintable(damaged.error().message));
    // The deployment's passwords fail as a whole, with the same cause, instead of being regenerated.
    Outcome<Result<std::optional<DeploymentSecrets>>> loaded;
    DeploymentSecretStore(m_store).load(u"meet-example-org"_s, &m_context, loaded.callback());
    QCOMPARE(finish(loaded).error().code, u"secret_store_corrupt"_s);
}

void TestFileSecretStore::secretOnlyInItsFile()
{
    const QByteArray secret = "OnlyInItsFile0Secret0Value0123";
    QVERIFY(write(jvbKey, secret).ok());
    QVERIFY(read(jvbKey).ok());
    // Neither the value nor its encoded form anywhere but its own file (no temp copies, no log, no index).
    QCOMPARE(filesContaining(QDir::homePath(), secret), QStringList());
    QCOMPARE(filesContaining(QDir::homePath(), secret.toBase64()),
             QStringList{FileSecretStore(m_dir).filePath(jvbKey)});
}

void TestFileSecretStore::valuesAreRedacted()
{
    QVERIFY(write(CredentialStore::tokenKey(), "written-value-to-redact-1").ok());
    QCOMPARE(Redactor::instance().redact(u"x written-value-to-redact-1 y"_s).contains(u"written-value"_s), false);
    // Written by another process (an earlier run): redacted from the moment it is read.
    writeRaw(m_dir + u"/token"_s,
             R"({"format":1,"key":"token","value":")" + QByteArray("read-value-to-redact-22").toBase64() + "\"}");
    QCOMPARE(read(CredentialStore::tokenKey()).value(), "read-value-to-redact-22"_ba);
    QCOMPARE(Redactor::instance().redact(u"read-value-to-redact-22"_s).contains(u"read-value"_s), false);
}

void TestFileSecretStore::selection()
{
    qunsetenv("JITSI_DEPLOYER_SECRET_STORE");
    qunsetenv("JITSI_DEPLOYER_SECRET_DIR");
    // Never the file store unless asked: a keychain that is missing stays an error, not a silent fallback.
    QCOMPARE(SecretStore::select()->kind(), SecretStore::Kind::Keychain);
    QCOMPARE(SecretStore::select(u"keychain"_s)->kind(), SecretStore::Kind::Keychain);
    const Result<SecretStore> file = SecretStore::select(u"file"_s);
    QCOMPARE(file->kind(), SecretStore::Kind::File);
    QCOMPARE(file->directory(), FileSecretStore::defaultDirectory());
    // Under the app's data folder (XDG_DATA_HOME is <home>/data in tests).
    QVERIFY2(file->directory().startsWith(QDir::homePath() + u"/data/"_s), qPrintable(file->directory()));
    QVERIFY(file->directory().endsWith(u"/secrets"_s));
    QVERIFY(file->description().contains(file->directory()));

    qputenv("JITSI_DEPLOYER_SECRET_STORE", "file");
    qputenv("JITSI_DEPLOYER_SECRET_DIR", QFile::encodeName(m_dir));
    QCOMPARE(SecretStore::select()->kind(), SecretStore::Kind::File);
    QCOMPARE(SecretStore::select()->directory(), m_dir);
    // The option wins over the environment.
    QCOMPARE(SecretStore::select(u"keychain"_s)->kind(), SecretStore::Kind::Keychain);

    const Result<SecretStore> wrong = SecretStore::select(u"files"_s);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, u"secret_store_invalid"_s);
    QCOMPARE(wrong.error().domain, u"input"_s);
    qputenv("JITSI_DEPLOYER_SECRET_STORE", "plaintext");
    QCOMPARE(SecretStore::select().error().code, u"secret_store_invalid"_s);
    qunsetenv("JITSI_DEPLOYER_SECRET_STORE");
    qunsetenv("JITSI_DEPLOYER_SECRET_DIR");
}

void TestFileSecretStore::deploymentSecretsInFiles()
{
    const DeploymentSecretStore secrets(m_store);
    const DeploymentSecrets generated = DeploymentSecrets::generate();
    Outcome<Result<void>> saved;
    secrets.save(u"meet-example-org"_s, generated, &m_context, saved.callback());
    QVERIFY2(finish(saved).ok(), qPrintable(saved.result->error().toString()));
    // Under the keychain's names, readable by the plain store.
    QCOMPARE(
            read(CredentialStore::deploymentKey(u"meet-example-org"_s, DeploymentSecretStore::jvbSecretName())).value(),
            generated.jvbSecret.toUtf8());
    Outcome<Result<std::optional<DeploymentSecrets>>> loaded;
    secrets.load(u"meet-example-org"_s, &m_context, loaded.callback());
    const auto back = finish(loaded);
    QVERIFY(back.ok() && back->has_value());
    QCOMPARE((*back)->focusPassword, generated.focusPassword);

    // Half a pair is damage the user is told about, naming the store.
    QVERIFY(remove(CredentialStore::deploymentKey(u"meet-example-org"_s, DeploymentSecretStore::focusPasswordName()))
                    .ok());
    Outcome<Result<std::optional<DeploymentSecrets>>> half;
    secrets.load(u"meet-example-org"_s, &m_context, half.callback());
    const auto damaged = finish(half);
    QCOMPARE(damaged.error().code, u"deployment_secrets_damaged"_s);
    QVERIFY2(damaged.error().message.contains(m_dir), qPrintable(damaged.error().message));

    Outcome<Result<void>> removed;
    secrets.remove(u"meet-example-org"_s, &m_context, removed.callback());
    QVERIFY(finish(removed).ok());
    QCOMPARE(entriesBelow(m_dir), QStringList());
}

void TestFileSecretStore::tokenFromFiles()
{
    qunsetenv("HCLOUD_TOKEN");
    Outcome<Result<TokenSource::Token>> none;
    TokenSource(m_store).resolve(&m_context, none.callback());
    QCOMPARE(finish(none).error().code, u"token_missing"_s);

    QVERIFY(write(CredentialStore::tokenKey(), "file-token-787878\n").ok());
    Outcome<Result<TokenSource::Token>> found;
    TokenSource(m_store).resolve(&m_context, found.callback());
    const auto token = finish(found);
    QVERIFY(token.ok());
    QCOMPARE(token->value, u"file-token-787878"_s);
    QCOMPARE(token->origin, TokenSource::Origin::File);
}

void TestFileSecretStore::keychainErrorNamesCauseAndWaysOn()
{
    // What a root shell over SSH sees: the cause, a keyring as one way on, the file store as the other.
    const Result<void> keychain = SecretStore().checkAvailable();
    QVERIFY(!keychain.ok());
    QCOMPARE(keychain.error().code, u"keychain_unavailable"_s);
    const QString message = keychain.error().message;
    QVERIFY2(message.contains(u"D-Bus session bus"_s), qPrintable(message));
    QVERIFY2(message.contains(u"gnome-keyring-daemon"_s), qPrintable(message));
    QVERIFY2(message.contains(u"--secret-store file"_s), qPrintable(message));
    QVERIFY2(message.contains(u"JITSI_DEPLOYER_SECRET_STORE=file"_s), qPrintable(message));
    // The old advice was wrong: HCLOUD_TOKEN does not replace the store for a deployment's own secrets.
    QVERIFY2(!message.contains(u"HCLOUD_TOKEN"_s), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestFileSecretStore)
#include "tst_filesecretstore.moc"
