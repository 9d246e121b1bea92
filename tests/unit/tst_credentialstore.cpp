// CredentialStore against a real Secret Service: tests/support/with-keyring.sh gives this process a
// private D-Bus session with a fresh, unlocked gnome-keyring (deployer_add_test KEYCHAIN).

#include "common/redactor.h"
#include "secrets/credentialstore.h"
#include "secrets/tokensource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// Set in the environment of a child copy of this binary: it runs one store operation without a
// keyring and prints the outcome, so the parent can look at it from the outside.
constexpr auto childModeVariable = "TST_CREDENTIALSTORE_CHILD";

// Waits for one callback and counts how often it ran, so "exactly once" is checked on every call.
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

QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes + bytes; // twice, so a NUL in the middle is followed by more data
}

// Every file under root whose content contains needle: an insecure fallback would leave one.
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

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private:
    Result<void> write(const QString &key, const QByteArray &value);
    Result<void> writeText(const QString &key, const QString &value);
    Result<QByteArray> read(const QString &key);
    Result<QString> readText(const QString &key);
    Result<void> remove(const QString &key);
    template<typename R>
    R finish(Outcome<R> &outcome);

    QString secretTool(const QStringList &arguments, int *exitCode = nullptr);
    QProcessEnvironment childEnvironment(const QString &mode, const QString &home) const;

    CredentialStore m_store;
    QObject m_context;

private Q_SLOTS:
    void initTestCase();
    void init();

    void roundTrip();
    void overwrite();
    void removeEntry();
    void missingEntryIsClearError_data();
    void missingEntryIsClearError();
    void binaryValuesSurvive();
    void unicodeTextSurvives();
    void keysAreIndependent();
    void deploymentKeys();
    void invalidKeyFailsLater();
    void valueSitsInGnomeKeyring();
    void readsWhatOtherToolsStored();
    void noPlaintextCopyOnDisk();
    void valuesAreRedacted();
    void droppedContextGetsNoCallback();

    void tokenFromEnvironmentWins();
    void tokenFromKeychain();
    void noTokenAnywhere();

    void unavailableKeychainFails_data();
    void unavailableKeychainFails();
};

template<typename R>
R TestCredentialStore::finish(Outcome<R> &outcome)
{
    // Never inside the call itself: callers may hold locks or be half-way through updating state.
    [&] {
        QCOMPARE(outcome.calls, 0);
    }();
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome.calls, 1, 30000);
    }();
    QCoreApplication::processEvents();
    [&] {
        QCOMPARE(outcome.calls, 1);
    }();
    if (!outcome.result)
        return R(Error{u"test"_s, u"no_callback"_s, u"callback never ran"_s, {}, {}, 0});
    return *outcome.result;
}

Result<void> TestCredentialStore::write(const QString &key, const QByteArray &value)
{
    Outcome<Result<void>> outcome;
    m_store.write(key, value, &m_context, outcome.callback());
    return finish(outcome);
}

Result<void> TestCredentialStore::writeText(const QString &key, const QString &value)
{
    Outcome<Result<void>> outcome;
    m_store.writeText(key, value, &m_context, outcome.callback());
    return finish(outcome);
}

Result<QByteArray> TestCredentialStore::read(const QString &key)
{
    Outcome<Result<QByteArray>> outcome;
    m_store.read(key, &m_context, outcome.callback());
    return finish(outcome);
}

Result<QString> TestCredentialStore::readText(const QString &key)
{
    Outcome<Result<QString>> outcome;
    m_store.readText(key, &m_context, outcome.callback());
    return finish(outcome);
}

Result<void> TestCredentialStore::remove(const QString &key)
{
    Outcome<Result<void>> outcome;
    m_store.remove(key, &m_context, outcome.callback());
    return finish(outcome);
}

QString TestCredentialStore::secretTool(const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.start(u"secret-tool"_s, arguments);
    if (!process.waitForFinished(30000))
        return {};
    if (exitCode)
        *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

QProcessEnvironment TestCredentialStore::childEnvironment(const QString &mode, const QString &home) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(childModeVariable), mode);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/cache"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, home + u"/runtime"_s);
    env.remove(u"HCLOUD_TOKEN"_s);
    QDir().mkpath(home + u"/runtime"_s);
    return env;
}

void TestCredentialStore::initTestCase()
{
    // Without these the test would silently exercise nothing: it must run under with-keyring.sh.
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "no private D-Bus session; run through tests/support/with-keyring.sh (deployer_add_test KEYCHAIN)");
    const Result<void> available = CredentialStore::checkAvailable();
    QVERIFY2(available.ok(), qPrintable(available.ok() ? QString() : available.error().toString()));
    QVERIFY2(!QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty(), "secret-tool (libsecret-tools) is missing");
    QCOMPARE(m_store.service(), u"jitsi-deployer"_s);
    // The daemon answers: an item stored with secret-tool can be found again.
    int status = -1;
    secretTool({u"search"_s, u"--all"_s, u"server"_s, u"jitsi-deployer"_s}, &status);
    QVERIFY(status == 0 || status == 1); // 1 = nothing found, which is fine for a fresh keyring
}

void TestCredentialStore::init()
{
    qunsetenv("HCLOUD_TOKEN");
}

void TestCredentialStore::roundTrip()
{
    const QString token = u"roundtrip-token-0123456789abcdef"_s;
    const Result<void> written = writeText(CredentialStore::tokenKey(), token);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    const Result<QString> back = readText(CredentialStore::tokenKey());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(back.value(), token);
}

void TestCredentialStore::overwrite()
{
    QVERIFY(writeText(u"overwrite"_s, u"first-value-111111"_s).ok());
    QVERIFY(writeText(u"overwrite"_s, u"second-value-222222"_s).ok());
    const Result<QString> back = readText(u"overwrite"_s);
    QVERIFY(back.ok());
    QCOMPARE(back.value(), u"second-value-222222"_s);
    // Overwriting replaces the item instead of adding a second one next to it.
    const QString listing
            = secretTool({u"search"_s, u"--all"_s, u"server"_s, u"jitsi-deployer"_s, u"user"_s, u"overwrite"_s});
    QCOMPARE(listing.count(u"attribute.user = overwrite"_s), 1);
    QVERIFY(!listing.contains(u"first-value-111111"_s));
}

void TestCredentialStore::removeEntry()
{
    QVERIFY(writeText(u"removable"_s, u"to-be-removed-333"_s).ok());
    QVERIFY(read(u"removable"_s).ok());
    const Result<void> removed = remove(u"removable"_s);
    QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toString()));
    const Result<QByteArray> gone = read(u"removable"_s);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, u"not_found"_s);
    // Removing again is not an error: the entry is gone either way.
    QVERIFY(remove(u"removable"_s).ok());
}

void TestCredentialStore::missingEntryIsClearError_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("token") << CredentialStore::tokenKey() << u"HCLOUD_TOKEN"_s;
    QTest::newRow("deployment secret") << CredentialStore::deploymentKey(u"meet-example-org"_s, u"jvb-secret"_s)
                                       << u"deployment/meet-example-org/jvb-secret"_s;
}

void TestCredentialStore::missingEntryIsClearError()
{
    QFETCH(QString, key);
    QFETCH(QString, mentions);
    QVERIFY(remove(key).ok());
    const Result<QString> missing = readText(key);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().domain, u"keychain"_s);
    QCOMPARE(missing.error().code, u"not_found"_s);
    QVERIFY2(missing.error().message.contains(mentions), qPrintable(missing.error().message));
    QVERIFY(!missing.error().detail.isEmpty());
}

void TestCredentialStore::binaryValuesSurvive()
{
    const QByteArray bytes = allBytes();
    QVERIFY(write(u"binary"_s, bytes).ok());
    const Result<QByteArray> back = read(u"binary"_s);
    QVERIFY(back.ok());
    QCOMPARE(back.value().size(), bytes.size());
    QCOMPARE(back.value(), bytes);
}

void TestCredentialStore::unicodeTextSurvives()
{
    const QString text = u"Pässwörd \u5bc6\u7801 \U0001F511 \u00a0tab\tquote\" end"_s;
    QVERIFY(writeText(u"unicode"_s, text).ok());
    const Result<QString> back = readText(u"unicode"_s);
    QVERIFY(back.ok());
    QCOMPARE(back.value(), text);
    const Result<QByteArray> raw = read(u"unicode"_s);
    QVERIFY(raw.ok());
    QCOMPARE(raw.value(), text.toUtf8());
}

void TestCredentialStore::keysAreIndependent()
{
    const QString a = CredentialStore::deploymentKey(u"alpha-example-org"_s, u"focus-password"_s);
    const QString b = CredentialStore::deploymentKey(u"beta-example-org"_s, u"focus-password"_s);
    QVERIFY(writeText(a, u"alpha-secret-444444"_s).ok());
    QVERIFY(writeText(b, u"beta-secret-555555"_s).ok());
    QCOMPARE(readText(a).value(), u"alpha-secret-444444"_s);
    QCOMPARE(readText(b).value(), u"beta-secret-555555"_s);
    QVERIFY(remove(a).ok());
    QCOMPARE(readText(a).error().code, u"not_found"_s);
    QCOMPARE(readText(b).value(), u"beta-secret-555555"_s);
}

void TestCredentialStore::deploymentKeys()
{
    QCOMPARE(CredentialStore::deploymentKey(u"meet-example-org"_s, u"jvb"_s), u"deployment/meet-example-org/jvb"_s);
    QVERIFY(CredentialStore::deploymentKey(QString(), u"jvb"_s).isEmpty());
    QVERIFY(CredentialStore::deploymentKey(u"meet"_s, QString()).isEmpty());
    QVERIFY(CredentialStore::deploymentKey(u"a/b"_s, u"jvb"_s).isEmpty());
    QVERIFY(CredentialStore::deploymentKey(u"meet"_s, u"x/y"_s).isEmpty());
}

void TestCredentialStore::invalidKeyFailsLater()
{
    const QString invalid = CredentialStore::deploymentKey(u"a/b"_s, u"jvb"_s);
    const Result<QByteArray> readResult = read(invalid);
    QVERIFY(!readResult.ok());
    QCOMPARE(readResult.error().code, u"invalid_key"_s);
    const Result<void> writeResult = writeText(invalid, u"whatever-value-6666"_s);
    QVERIFY(!writeResult.ok());
    QCOMPARE(writeResult.error().code, u"invalid_key"_s);
    QCOMPARE(remove(invalid).error().code, u"invalid_key"_s);
}

void TestCredentialStore::valueSitsInGnomeKeyring()
{
    const QString value = u"in-the-keyring-777777"_s;
    QVERIFY(writeText(u"visible"_s, value).ok());
    int status = -1;
    const QString listing = secretTool({u"search"_s, u"--all"_s, u"server"_s, u"jitsi-deployer"_s}, &status);
    QCOMPARE(status, 0);
    QVERIFY2(listing.contains(u"attribute.user = visible"_s), qPrintable(listing));
    QVERIFY2(listing.contains(u"secret = "_s + value), qPrintable(listing));
    const QString looked = secretTool({u"lookup"_s, u"server"_s, u"jitsi-deployer"_s, u"user"_s, u"visible"_s});
    QCOMPARE(looked.trimmed(), value);
}

void TestCredentialStore::readsWhatOtherToolsStored()
{
    // Stored with the attributes QtKeychain's Secret Service backend uses, but not by us: reading it
    // proves we talk to the keyring itself, not to a cache of what we wrote.
    const QString value = u"stored-by-secret-tool-888888"_s;
    QProcess store;
    store.start(u"secret-tool"_s, {u"store"_s, u"--label=external"_s, u"server"_s, u"jitsi-deployer"_s, u"user"_s,
                                   u"external"_s, u"type"_s, u"plaintext"_s});
    QVERIFY(store.waitForStarted());
    store.write(value.toUtf8());
    store.closeWriteChannel();
    QVERIFY(store.waitForFinished(30000));
    QCOMPARE(store.exitCode(), 0);
    const Result<QString> back = readText(u"external"_s);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(back.value(), value);
}

void TestCredentialStore::noPlaintextCopyOnDisk()
{
    const QString home = QDir::homePath();
    // The scan itself must be able to find something, or its silence below means nothing.
    QTemporaryDir probe(home + u"/scan-probe-XXXXXX"_s);
    QVERIFY(probe.isValid());
    QFile plain(probe.filePath(u"plain.conf"_s));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write("token=scanner-probe-value-999");
    plain.close();
    QCOMPARE(filesContaining(home, "scanner-probe-value-999").size(), 1);
    probe.remove();

    const QString secret = u"must-not-touch-disk-0a1b2c3d"_s;
    QVERIFY(writeText(CredentialStore::tokenKey(), secret).ok());
    QVERIFY(write(u"binary-on-disk"_s, "binary-not-on-disk-4e5f6a7b").ok());
    QCOMPARE(readText(CredentialStore::tokenKey()).value(), secret);

    const QStringList roots{home, QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                            QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                            QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)};
    for (const QString &root : roots) {
        QCOMPARE(filesContaining(root, secret.toUtf8()), QStringList());
        QCOMPARE(filesContaining(root, "binary-not-on-disk-4e5f6a7b"), QStringList());
        QCOMPARE(filesContaining(root, "binary-not-on-disk-4e5f6a7b"_ba.toBase64()), QStringList());
    }
    // QtKeychain's insecure fallback would be a QSettings file named after the service.
    QDirIterator it(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), QDir::AllEntries,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        QVERIFY2(!it.next().contains(u"jitsi-deployer"_s), qPrintable(it.filePath()));
    // And the real keyring file is where with-keyring.sh put it.
    QVERIFY(QFile::exists(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                          + u"/keyrings/login.keyring"_s));
}

void TestCredentialStore::valuesAreRedacted()
{
    Redactor::instance().clear();
    const QString written = u"written-secret-abcdef"_s;
    QVERIFY(writeText(u"redact-written"_s, written).ok());
    QCOMPARE(Redactor::instance().redact(u"x "_s + written + u" y"_s), u"x [redacted] y"_s);

    // A value only ever read (stored by another tool) is registered too.
    const QString readOnly = u"read-only-secret-fedcba"_s;
    QProcess store;
    store.start(u"secret-tool"_s, {u"store"_s, u"--label=r"_s, u"server"_s, u"jitsi-deployer"_s, u"user"_s,
                                   u"redact-read"_s, u"type"_s, u"plaintext"_s});
    QVERIFY(store.waitForStarted());
    store.write(readOnly.toUtf8());
    store.closeWriteChannel();
    QVERIFY(store.waitForFinished(30000));
    QCOMPARE(Redactor::instance().redact(readOnly), readOnly);
    QCOMPARE(readText(u"redact-read"_s).value(), readOnly);
    QCOMPARE(Redactor::instance().redact(readOnly), Redactor::placeholder());
    // Error texts never carry a value.
    const Result<QString> missing = readText(u"redact-missing"_s);
    QVERIFY(!missing.error().toString().contains(readOnly));
}

void TestCredentialStore::droppedContextGetsNoCallback()
{
    int calls = 0;
    auto context = std::make_unique<QObject>();
    m_store.writeText(u"dropped"_s, u"dropped-context-value"_s, context.get(), [&calls](Result<void>) { ++calls; });
    m_store.read(u"dropped"_s, context.get(), [&calls](Result<QByteArray>) { ++calls; });
    context.reset();
    // QtKeychain runs jobs one after another, so once a later job is done the dropped ones are too.
    QVERIFY(readText(u"dropped"_s).ok());
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0);

    // The same for an error that is reported without asking the keychain.
    auto early = std::make_unique<QObject>();
    m_store.read(QString(), early.get(), [&calls](Result<QByteArray>) { ++calls; });
    early.reset();
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0);
}

void TestCredentialStore::tokenFromEnvironmentWins()
{
    QVERIFY(writeText(CredentialStore::tokenKey(), u"keychain-token-121212"_s).ok());
    Redactor::instance().clear();
    qputenv("HCLOUD_TOKEN", "  environment-token-343434\n");
    Outcome<Result<TokenSource::Token>> outcome;
    TokenSource().resolve(&m_context, outcome.callback());
    const Result<TokenSource::Token> token = finish(outcome);
    QVERIFY(token.ok());
    QCOMPARE(token->value, u"environment-token-343434"_s);
    QCOMPARE(token->origin, TokenSource::Origin::Environment);
    QCOMPARE(Redactor::instance().redact(u"environment-token-343434"_s), Redactor::placeholder());
}

void TestCredentialStore::tokenFromKeychain()
{
    QVERIFY(writeText(CredentialStore::tokenKey(), u"keychain-token-565656"_s).ok());
    qputenv("HCLOUD_TOKEN", ""); // set but empty counts as not set, as in the hcloud CLI
    Outcome<Result<TokenSource::Token>> outcome;
    TokenSource().resolve(&m_context, outcome.callback());
    const Result<TokenSource::Token> token = finish(outcome);
    QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().toString()));
    QCOMPARE(token->value, u"keychain-token-565656"_s);
    QCOMPARE(token->origin, TokenSource::Origin::Keychain);
}

void TestCredentialStore::noTokenAnywhere()
{
    QVERIFY(remove(CredentialStore::tokenKey()).ok());
    Outcome<Result<TokenSource::Token>> outcome;
    TokenSource().resolve(&m_context, outcome.callback());
    const Result<TokenSource::Token> token = finish(outcome);
    QVERIFY(!token.ok());
    QCOMPARE(token.error().code, u"token_missing"_s);
    QVERIFY2(token.error().message.contains(u"HCLOUD_TOKEN"_s), qPrintable(token.error().message));
    QVERIFY2(token.error().message.contains(u"wizard"_s), qPrintable(token.error().message));
}

void TestCredentialStore::unavailableKeychainFails_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("busAddress");
    QTest::addColumn<QString>("expectedCode");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<QString>("desktop");
    // No session bus at all: caught before QtKeychain is asked.
    QTest::newRow("no bus, write") << u"write"_s << QString() << u"keychain_unavailable"_s << u"GNOME Keyring"_s
                                   << QString();
    QTest::newRow("no bus, token") << u"token"_s << QString() << u"token_missing"_s << u"HCLOUD_TOKEN"_s << QString();
    // A bus address that leads nowhere: QtKeychain itself fails, and must not fall back to a file.
    QTest::newRow("dead bus, write") << u"write"_s << u"unix:path=/nonexistent/deployer-test-bus"_s
                                     << u"keychain_error"_s << u"GNOME Keyring"_s << QString();
    QTest::newRow("dead bus, read") << u"read"_s << u"unix:path=/nonexistent/deployer-test-bus"_s << u"keychain_error"_s
                                    << u"GNOME Keyring"_s << QString();
    // On Plasma QtKeychain uses KWallet, the backend whose D-Bus errors trigger the insecure fallback:
    // with the fallback on, this write would succeed into a settings file.
    QTest::newRow("dead bus, KDE, write") << u"write"_s << u"unix:path=/nonexistent/deployer-test-bus"_s
                                          << u"keychain_error"_s << u"KWallet"_s << u"KDE"_s;
}

void TestCredentialStore::unavailableKeychainFails()
{
    QFETCH(QString, mode);
    QFETCH(QString, busAddress);
    QFETCH(QString, expectedCode);
    QFETCH(QString, mentions);
    QFETCH(QString, desktop);

    QTemporaryDir home(QDir::homePath() + u"/child-XXXXXX"_s);
    QVERIFY(home.isValid());
    QProcessEnvironment env = childEnvironment(mode, home.path());
    if (busAddress.isEmpty())
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    else
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, busAddress);
    if (!desktop.isEmpty()) {
        env.insert(u"XDG_CURRENT_DESKTOP"_s, desktop);
        env.insert(u"KDE_SESSION_VERSION"_s, u"4"_s); // always KWallet, whatever else is installed
    }

    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    QVERIFY2(child.exitCode() == 0, qPrintable(out + QString::fromUtf8(child.readAllStandardError())));
    const QStringList lines = out.split(u'\n');
    QVERIFY2(lines.size() >= 2, qPrintable(out));
    QCOMPARE(lines.at(0), u"code="_s + expectedCode);
    QVERIFY2(lines.at(1).contains(mentions), qPrintable(lines.at(1)));
    QCOMPARE(filesContaining(home.path(), "child-secret-value-135790"), QStringList());
}

namespace {

// The child half of unavailableKeychainFails: prints "code=<code>" and the message, exits 0 when the
// operation failed as it should and 1 when it unexpectedly worked.
int runChild(const QString &mode)
{
    QObject context;
    std::optional<Error> error;
    bool done = false;
    const CredentialStore store;
    if (mode == u"write"_s) {
        store.writeText(CredentialStore::tokenKey(), u"child-secret-value-135790"_s, &context, [&](Result<void> r) {
            done = true;
            if (!r)
                error = r.error();
        });
    } else if (mode == u"read"_s) {
        store.read(CredentialStore::tokenKey(), &context, [&](Result<QByteArray> r) {
            done = true;
            if (!r)
                error = r.error();
        });
    } else {
        TokenSource().resolve(&context, [&](Result<TokenSource::Token> r) {
            done = true;
            if (!r)
                error = r.error();
        });
    }
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return 2;
    if (!error)
        return 1;
    QTextStream(stdout) << "code=" << error->code << '\n' << error->message << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (const QString mode = qEnvironmentVariable(childModeVariable); !mode.isEmpty())
        return runChild(mode);
    TestCredentialStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
