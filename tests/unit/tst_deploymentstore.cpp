// The deployment's local state (DeploymentStore: plan and pinned host keys in a 0600 JSON file) and its secrets
// (DeploymentSecretStore) in a real, private gnome-keyring (deployer_add_test KEYCHAIN).
#include "deploy/deploymentstore.h"
#include "secrets/credentialstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>
#include <optional>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

const QString slug = u"meet-example-org"_s;
const QString webKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu web"_s;
const QString rotatedKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFAKEb9Hqp0aEGkGkMkKFqYq0lQ3C8U5xX1o3sWcZ1ab web2"_s;
const QString bridgeKey = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGk2l0eQ3xY4cW9dZ7hT1uV8bN6mK5jR2sP0aL9fE3gH jvb1"_s;

DeploymentPlan validPlan()
{
    DeploymentPlan plan;
    plan.domain = u"meet.example.org"_s;
    plan.email = u"admin@example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    plan.bridges = {{u"cx33"_s, u"fsn1"_s}, {u"cx23"_s, u"hel1"_s}};
    plan.sshPublicKey
            = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;
    plan.options.turnServer = true;
    return plan;
}

int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

quint64 inodeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return quint64(info.st_ino);
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
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

} // namespace

class TestDeploymentStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QObject m_context;
    DeploymentSecretStore m_secrets;

    QString directory() const { return m_dir->path() + u"/deployments"_s; }
    QString file() const { return directory() + u"/meet-example-org.json"_s; }

    template<typename R>
    R finish(Outcome<R> &outcome)
    {
        // Never inside the call itself.
        [&] {
            QCOMPARE(outcome.calls, 0);
        }();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30000);
        }();
        [&] {
            QCOMPARE(outcome.calls, 1);
        }();
        if (!outcome.result)
            return R(Error{u"test"_s, u"no_callback"_s, u"no answer from the keychain"_s, {}, {}, 0});
        return *outcome.result;
    }
    Result<std::optional<DeploymentSecrets>> load(const QString &name = slug)
    {
        Outcome<Result<std::optional<DeploymentSecrets>>> outcome;
        m_secrets.load(name, &m_context, outcome.callback());
        return finish(outcome);
    }
    Result<void> save(const DeploymentSecrets &secrets, const QString &name = slug)
    {
        Outcome<Result<void>> outcome;
        m_secrets.save(name, secrets, &m_context, outcome.callback());
        return finish(outcome);
    }
    Result<void> remove(const QString &name = slug)
    {
        Outcome<Result<void>> outcome;
        m_secrets.remove(name, &m_context, outcome.callback());
        return finish(outcome);
    }

    static QString secretTool(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        process.start(u"secret-tool"_s, arguments);
        if (!process.waitForStarted(30000))
            return {};
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }
    static QString lookup(const QString &name)
    {
        return secretTool(
                {u"lookup"_s, u"server"_s, u"jitsi-deployer"_s, u"user"_s, CredentialStore::deploymentKey(slug, name)});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no private D-Bus session; run through tests/support/with-keyring.sh (deployer_add_test KEYCHAIN)");
        const Result<void> available = CredentialStore::checkAvailable();
        QVERIFY2(available.ok(), qPrintable(available.error().toString()));
        QVERIFY2(!QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty(),
                 "secret-tool (libsecret-tools) is missing");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QDir::homePath() + u"/store-XXXXXX"_s);
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        m_dir.reset();
        remove(); // keychain entries of one test never leak into the next
    }

    // --- DeploymentStore ---

    void defaultDirectoryIsInAppData()
    {
        QVERIFY(DeploymentStore::defaultDirectory().startsWith(
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(DeploymentStore::defaultDirectory().endsWith(u"/deployments"_s));
    }

    void nothingStoredYet()
    {
        const DeploymentStore store(directory());
        const auto plan = store.plan(slug);
        QVERIFY2(plan.ok(), qPrintable(plan.error().toString()));
        QVERIFY(!plan->has_value());
        const auto keys = store.hostKeys(slug);
        QVERIFY(keys.ok());
        QVERIFY(keys->isEmpty());
        QVERIFY(store.slugs().isEmpty());
        QVERIFY(!QFile::exists(directory())); // reading creates nothing
    }

    void planRoundTrip()
    {
        DeploymentStore store(directory());
        const Result<void> stored = store.setPlan(validPlan());
        QVERIFY2(stored.ok(), qPrintable(stored.error().toString()));

        // A fresh instance: the file, not a cache, is the truth.
        const auto plan = DeploymentStore(directory()).plan(slug);
        QVERIFY2(plan.ok(), qPrintable(plan.error().toString()));
        QVERIFY(plan->has_value());
        QCOMPARE(**plan, validPlan());
        QCOMPARE(store.slugs(), QStringList{slug});
        QCOMPARE(store.filePath(slug), file());
    }

    void hostKeysRoundTrip()
    {
        DeploymentStore store(directory());
        QVERIFY(store.setPlan(validPlan()).ok());
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).ok());
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-jvb-1"_s, {bridgeKey, {}}).ok());
        // A rotation in progress, then finished.
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, rotatedKey}).ok());

        auto keys = DeploymentStore(directory()).hostKeys(slug);
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), 2);
        QCOMPARE(keys->value(u"meet-example-org-web"_s), (DeploymentStore::HostKeys{webKey, rotatedKey}));
        QCOMPARE(keys->value(u"meet-example-org-jvb-1"_s), (DeploymentStore::HostKeys{bridgeKey, {}}));

        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {rotatedKey, {}}).ok());
        QVERIFY(store.removeHost(slug, u"meet-example-org-jvb-1"_s).ok());
        QVERIFY(store.removeHost(slug, u"meet-example-org-jvb-9"_s).ok()); // absent: fine
        keys = store.hostKeys(slug);
        QVERIFY(keys.ok());
        QCOMPARE(keys->keys(), QStringList{u"meet-example-org-web"_s});
        QCOMPARE(keys->value(u"meet-example-org-web"_s).pinned, rotatedKey);
        // The plan survived the host key updates.
        QCOMPARE(store.plan(slug)->value(), validPlan());
    }

    void severalHostKeysInOneWrite()
    {
        DeploymentStore store(directory());
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).ok());
        const QMap<QString, DeploymentStore::HostKeys> pins{{u"meet-example-org-jvb-1"_s, {bridgeKey, {}}},
                                                            {u"meet-example-org-jvb-2"_s, {rotatedKey, {}}}};
        QVERIFY(store.setHostKeys(slug, pins).ok());
        const auto keys = store.hostKeys(slug);
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), 3);
        QCOMPARE(keys->value(u"meet-example-org-jvb-2"_s).pinned, rotatedKey);
        // All or nothing: one host without a key refuses the whole write.
        QVERIFY(!store.setHostKeys(slug,
                                   {{u"meet-example-org-jvb-3"_s, {bridgeKey, {}}}, {u"meet-example-org-jvb-4"_s, {}}})
                         .ok());
        QCOMPARE(store.hostKeys(slug)->size(), 3);
    }

    // The engine saves rotated host keys off the GUI thread (a file sync per host stalled the event loop by
    // ~70 ms when 11 hosts rotated at once in bench/engine_deploy): the writes land one at a time, in order, none
    // losing another's or a synchronous change made meanwhile, and each answer comes on the caller's thread.
    void hostKeysInBackground()
    {
        DeploymentStore store(directory());
        constexpr int hosts = 20;
        QStringList answered;
        int wrongThread = 0;
        for (int n = 1; n <= hosts; ++n) {
            const QString name = u"meet-example-org-jvb-%1"_s.arg(n);
            store.setHostKeysInBackground(slug, name, {bridgeKey, n % 2 ? rotatedKey : QString()}, &m_context,
                                          [&answered, &wrongThread, name](Result<void> written) {
                                              QVERIFY2(written.ok(), qPrintable(written.error().toString()));
                                              if (QThread::currentThread() != qApp->thread())
                                                  ++wrongThread;
                                              answered.append(name);
                                          });
            if (n == hosts / 2)
                QVERIFY(store.setPlan(validPlan()).ok()); // a synchronous change while writes are queued
        }
        QVERIFY(answered.size() < hosts); // never all inside the calls
        QTRY_COMPARE_WITH_TIMEOUT(answered.size(), hosts, 30000);
        QCOMPARE(wrongThread, 0);
        QStringList expected;
        for (int n = 1; n <= hosts; ++n)
            expected.append(u"meet-example-org-jvb-%1"_s.arg(n));
        QCOMPARE(answered, expected);
        const auto keys = DeploymentStore(directory()).hostKeys(slug);
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), hosts);
        QCOMPARE(keys->value(u"meet-example-org-jvb-3"_s), (DeploymentStore::HostKeys{bridgeKey, rotatedKey}));
        QCOMPARE(store.plan(slug)->value(), validPlan());

        // A context that is gone gets no answer; the keys are written all the same.
        int late = 0;
        {
            QObject gone;
            store.setHostKeysInBackground(slug, u"meet-example-org-web"_s, {webKey, {}}, &gone,
                                          [&late](Result<void>) { ++late; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(store.hostKeys(slug)->size(), hosts + 1, 30000);
        QTest::qWait(50);
        QCOMPARE(late, 0);
    }

    void hostKeysWithoutPlan()
    {
        // The engine pins the web host's key before it may have stored the plan.
        DeploymentStore store(directory());
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).ok());
        QVERIFY(!store.plan(slug)->has_value());
        QCOMPARE(store.hostKeys(slug)->size(), 1);
        QVERIFY(!store.setHostKeys(slug, u"meet-example-org-web"_s, {}).ok()); // no key: refused
        QCOMPARE(store.hostKeys(slug)->value(u"meet-example-org-web"_s).pinned, webKey);
    }

    void fileIsOwnerOnly()
    {
        DeploymentStore store(directory());
        QVERIFY(store.setPlan(validPlan()).ok());
        QCOMPARE(modeOf(file()), 0600);
        QCOMPARE(modeOf(directory()), 0700);

        // Someone loosened it: the next write tightens it again.
        QVERIFY(QFile::setPermissions(file(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(modeOf(file()), 0644);
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).ok());
        QCOMPARE(modeOf(file()), 0600);
    }

    void replaceIsAtomic()
    {
        DeploymentStore store(directory());
        QVERIFY(store.setPlan(validPlan()).ok());
        const quint64 before = inodeOf(file());
        QVERIFY(before != 0);
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).ok());
        // A new file renamed over the old one, never the old one rewritten in place: a reader or a crash
        // sees the old content or the new, never half of it.
        QVERIFY(inodeOf(file()) != before);
        QCOMPARE(QDir(directory()).entryList(QDir::Files | QDir::Hidden), QStringList{u"meet-example-org.json"_s});
        QJsonParseError error;
        QJsonDocument::fromJson(contentOf(file()), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    void corruptFileIsAClearError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("code");
        const QByteArray plan = QJsonDocument(validPlan().toJson()).toJson(QJsonDocument::Compact);
        QTest::newRow("truncated") << QByteArray(
                "{\"format\": 1, \"slug\": \"meet-example-org\", \"hosts\": {\"meet-ex")
                                   << u"deployment_state_corrupt"_s;
        QTest::newRow("empty") << QByteArray() << u"deployment_state_corrupt"_s;
        QTest::newRow("array") << QByteArray("[]") << u"deployment_state_corrupt"_s;
        QTest::newRow("no format") << QByteArray("{\"slug\": \"meet-example-org\"}") << u"deployment_state_corrupt"_s;
        QTest::newRow("other slug") << QByteArray("{\"format\": 1, \"slug\": \"other-example-org\"}")
                                    << u"deployment_state_corrupt"_s;
        QTest::newRow("bad plan") << QByteArray("{\"format\": 1, \"slug\": \"meet-example-org\", \"plan\": {\"x\": 1}}")
                                  << u"deployment_state_corrupt"_s;
        QTest::newRow("host without key") << QByteArray(
                "{\"format\": 1, \"slug\": \"meet-example-org\", \"hosts\": {\"meet-example-org-web\": {}}}")
                                          << u"deployment_state_corrupt"_s;
        QTest::newRow("newer") << QByteArray("{\"format\": 2, \"slug\": \"meet-example-org\", \"plan\": " + plan + "}")
                               << u"deployment_state_newer"_s;
    }
    void corruptFileIsAClearError()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        QVERIFY(QDir().mkpath(directory()));
        QVERIFY(writeFile(file(), content));
        DeploymentStore store(directory());

        const auto plan = store.plan(slug);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, code);
        QVERIFY2(plan.error().message.contains(QDir::toNativeSeparators(file())), qPrintable(plan.error().message));
        const auto keys = store.hostKeys(slug);
        QVERIFY(!keys.ok());
        QCOMPARE(keys.error().code, code);

        // No silent loss: writes refuse instead of replacing what the user may still restore.
        QCOMPARE(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).error().code, code);
        QCOMPARE(store.setPlan(validPlan()).error().code, code);
        QCOMPARE(store.removeHost(slug, u"meet-example-org-web"_s).error().code, code);
        QCOMPARE(contentOf(file()), content);

        // Listed, and the user can still let it go.
        QCOMPARE(store.slugs(), QStringList{slug});
        QVERIFY(store.removeDeployment(slug).ok());
        QVERIFY(!QFile::exists(file()));
        QVERIFY(store.plan(slug).ok());
    }

    void unreadableFileIsAClearError()
    {
        QVERIFY(QDir().mkpath(file())); // a folder where the file should be: open() fails even for root
        DeploymentStore store(directory());
        const auto plan = store.plan(slug);
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().code == u"deployment_state_unreadable"_s
                         || plan.error().code == u"deployment_state_corrupt"_s,
                 qPrintable(plan.error().toString()));
        QVERIFY(!store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).ok());
    }

    void removeDeployment()
    {
        DeploymentStore store(directory());
        QVERIFY(store.removeDeployment(slug).ok()); // absent: fine
        QVERIFY(store.setPlan(validPlan()).ok());
        QVERIFY(store.removeDeployment(slug).ok());
        QVERIFY(!QFile::exists(file()));
        QVERIFY(!store.plan(slug)->has_value());
    }

    void slugMustBeAName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("traversal") << u"../meet-example-org"_s;
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("upper") << u"Meet-Example-Org"_s;
        QTest::newRow("dot") << u"meet.example.org"_s;
    }
    void slugMustBeAName()
    {
        QFETCH(QString, name);
        DeploymentStore store(directory());
        QCOMPARE(store.plan(name).error().code, u"invalid_slug"_s);
        QCOMPARE(store.setHostKeys(name, u"web"_s, {webKey, {}}).error().code, u"invalid_slug"_s);
        QCOMPARE(store.removeDeployment(name).error().code, u"invalid_slug"_s);
        QVERIFY(!QFile::exists(directory()));
    }

    // --- DeploymentSecretStore ---

    void secretsRoundTrip()
    {
        const auto none = load();
        QVERIFY2(none.ok(), qPrintable(none.error().toString()));
        QVERIFY(!none->has_value());

        const DeploymentSecrets secrets = DeploymentSecrets::generate();
        const Result<void> saved = save(secrets);
        QVERIFY2(saved.ok(), qPrintable(saved.error().toString()));
        const auto back = load();
        QVERIFY2(back.ok(), qPrintable(back.error().toString()));
        QVERIFY(back->has_value());
        QCOMPARE((*back)->jvbSecret, secrets.jvbSecret);
        QCOMPARE((*back)->focusPassword, secrets.focusPassword);
        QVERIFY(!load(u"other-example-org"_s)->has_value()); // per deployment
    }

    void secretsSitInTheKeyring()
    {
        const DeploymentSecrets secrets = DeploymentSecrets::generate();
        QVERIFY(save(secrets).ok());
        // Seen from outside the app, through the Secret Service.
        QCOMPARE(lookup(DeploymentSecretStore::jvbSecretName()).trimmed(), secrets.jvbSecret);
        QCOMPARE(lookup(DeploymentSecretStore::focusPasswordName()).trimmed(), secrets.focusPassword);
    }

    void secretsNeverInTheStateFile()
    {
        DeploymentStore store(directory());
        const DeploymentSecrets secrets = DeploymentSecrets::generate();
        QVERIFY(save(secrets).ok());
        QVERIFY(store.setPlan(validPlan()).ok());
        QVERIFY(store.setHostKeys(slug, u"meet-example-org-web"_s, {webKey, {}}).ok());

        // The scan must be able to find something, or its silence means nothing.
        QCOMPARE(filesContaining(QDir::homePath(), webKey.toUtf8()), QStringList{file()});
        QCOMPARE(filesContaining(QDir::homePath(), secrets.jvbSecret.toUtf8()), QStringList());
        QCOMPARE(filesContaining(QDir::homePath(), secrets.focusPassword.toUtf8()), QStringList());
    }

    void removeSecrets()
    {
        QVERIFY(remove().ok()); // none stored: fine
        QVERIFY(save(DeploymentSecrets::generate()).ok());
        QVERIFY(remove().ok());
        QVERIFY(!load()->has_value());
        QCOMPARE(lookup(DeploymentSecretStore::jvbSecretName()), QString());
        QCOMPARE(lookup(DeploymentSecretStore::focusPasswordName()), QString());
    }

    void invalidSecretsAreNotSaved()
    {
        DeploymentSecrets secrets = DeploymentSecrets::generate();
        secrets.focusPassword = u"short"_s;
        const Result<void> saved = save(secrets);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, u"secret_invalid"_s);
        QVERIFY(!saved.error().message.contains(u"short"_s));
        QCOMPARE(lookup(DeploymentSecretStore::jvbSecretName()), QString()); // nothing half-written
    }

    void halfStoredSecretsAreAnError()
    {
        const QString value = u"A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6"_s;
        secretTool({u"store"_s, u"--label=half"_s, u"server"_s, u"jitsi-deployer"_s, u"user"_s,
                    CredentialStore::deploymentKey(slug, DeploymentSecretStore::jvbSecretName()), u"type"_s,
                    u"plaintext"_s},
                   value.toUtf8());
        QCOMPARE(lookup(DeploymentSecretStore::jvbSecretName()).trimmed(), value);
        const auto loaded = load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, u"deployment_secrets_damaged"_s);
        QVERIFY(!loaded.error().message.contains(value));
        QVERIFY(!loaded.error().detail.contains(value));
    }

    void droppedContextGetsNoCallback()
    {
        const QString dropped = u"dropped-example-org"_s;
        int calls = 0;
        {
            QObject context;
            m_secrets.load(dropped, &context, [&calls](const Result<std::optional<DeploymentSecrets>> &) { ++calls; });
            m_secrets.save(dropped, DeploymentSecrets::generate(), &context,
                           [&calls](const Result<void> &) { ++calls; });
        }
        // Something that does finish afterwards proves the keychain had time to answer the dropped calls.
        QVERIFY(load().ok());
        QCOMPARE(calls, 0);
        QVERIFY(remove(dropped).ok());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentStore)
#include "tst_deploymentstore.moc"
