#include "deploymentstore.h"

#include "secrets/credentialstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Every read-modify-write of a state file holds this, whichever thread it runs on.
QMutex &changeLock()
{
    static QMutex lock;
    return lock;
}

// One thread for the background writes, so they happen in the order they were asked for.
QThreadPool &writerPool()
{
    static QThreadPool *pool = [] {
        auto *created = new QThreadPool; // never deleted: a write may still run while statics are destroyed
        created->setMaxThreadCount(1);
        return created;
    }();
    return *pool;
}

// A slug becomes a file name, so only what DeploymentPlan::slug() produces is accepted: no path tricks.
bool isValidSlug(const QString &slug)
{
    static const QRegularExpression pattern(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
    return pattern.match(slug).hasMatch();
}

Error invalidSlug(const QString &slug)
{
    return Error{u"deploy"_s,
                 u"invalid_slug"_s,
                 DeploymentStore::tr("\"%1\" is not a deployment name. Use the name the app shows for the "
                                     "deployment, for example meet-example-org.")
                         .arg(slug),
                 {},
                 {},
                 0};
}

Error corrupt(const QString &path, const QString &detail)
{
    return Error{u"deploy"_s,
                 u"deployment_state_corrupt"_s,
                 DeploymentStore::tr("The saved state of this deployment (%1) is damaged, so the app cannot tell "
                                     "which server keys to trust. Restore the file from a backup. If you cannot, "
                                     "move it away: the app then no longer trusts the deployment's servers, and "
                                     "the deployment has to be destroyed and deployed again.")
                         .arg(QDir::toNativeSeparators(path)),
                 detail,
                 {},
                 0};
}

Error unreadable(const QString &path, const QString &detail)
{
    return Error{u"deploy"_s,
                 u"deployment_state_unreadable"_s,
                 DeploymentStore::tr("The saved state of this deployment (%1) cannot be read. Check that the file "
                                     "belongs to you and is readable.")
                         .arg(QDir::toNativeSeparators(path)),
                 detail,
                 {},
                 0};
}

Error writeFailed(const QString &path, const QString &detail)
{
    return Error{u"deploy"_s,
                 u"deployment_state_write_failed"_s,
                 DeploymentStore::tr("The state of this deployment could not be saved to %1. Check that the folder "
                                     "is writable and the disk is not full.")
                         .arg(QDir::toNativeSeparators(path)),
                 detail,
                 {},
                 0};
}

} // namespace

// The file's content, parsed.
struct DeploymentStore::State
{
    std::optional<DeploymentPlan> plan;
    QMap<QString, HostKeys> hosts;
};

QString DeploymentStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/deployments"_s;
}

DeploymentStore::DeploymentStore(QString directory)
    : m_directory(std::move(directory))
{ }

QString DeploymentStore::filePath(const QString &slug) const
{
    return m_directory + u'/' + slug + u".json"_s;
}

QStringList DeploymentStore::slugs() const
{
    QStringList out;
    const QStringList files = QDir(m_directory).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString slug = file.chopped(5);
        if (isValidSlug(slug))
            out.append(slug);
    }
    return out;
}

Result<std::optional<DeploymentStore::State>> DeploymentStore::read(const QString &slug) const
{
    if (!isValidSlug(slug))
        return invalidSlug(slug);
    const QString path = filePath(slug);
    QFile file(path);
    if (!file.exists())
        return std::optional<State>();
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(path, file.errorString());
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return unreadable(path, file.errorString());

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return corrupt(path, u"not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return corrupt(path, u"not a JSON object"_s);
    const QJsonObject root = document.object();
    const int version = root.value(u"format"_s).toInt(-1);
    if (version > formatVersion) {
        return Error{u"deploy"_s,
                     u"deployment_state_newer"_s,
                     tr("The saved state of this deployment (%1) was written by a newer version of the app. Update "
                        "the app to manage this deployment.")
                             .arg(QDir::toNativeSeparators(path)),
                     u"format %1, this app reads %2"_s.arg(version).arg(formatVersion),
                     {},
                     0};
    }
    if (version != formatVersion)
        return corrupt(path, u"missing or invalid \"format\""_s);
    if (root.value(u"slug"_s).toString() != slug)
        return corrupt(path, u"\"slug\" is \"%1\", expected \"%2\""_s.arg(root.value(u"slug"_s).toString(), slug));

    State state;
    if (root.contains(u"plan"_s)) {
        if (!root.value(u"plan"_s).isObject())
            return corrupt(path, u"\"plan\" is not an object"_s);
        const Result<DeploymentPlan> plan = DeploymentPlan::fromJson(root.value(u"plan"_s).toObject());
        if (!plan.ok())
            return corrupt(path, u"plan: "_s + plan.error().message + u' ' + plan.error().detail);
        if (plan->slug() != slug)
            return corrupt(path, u"the plan is for deployment \"%1\""_s.arg(plan->slug()));
        state.plan = plan.value();
    }
    const QJsonValue hosts = root.value(u"hosts"_s);
    if (!hosts.isUndefined() && !hosts.isObject())
        return corrupt(path, u"\"hosts\" is not an object"_s);
    const QJsonObject hostObject = hosts.toObject();
    for (auto it = hostObject.begin(); it != hostObject.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        HostKeys keys{entry.value(u"pinned"_s).toString(), entry.value(u"pending"_s).toString(),
                      entry.value(u"rotated"_s).toBool()};
        if (!it.value().isObject() || keys.pinned.isEmpty())
            return corrupt(path, u"host \"%1\" has no pinned key"_s.arg(it.key()));
        state.hosts.insert(it.key(), keys);
    }
    return std::optional<State>(state);
}

Result<void> DeploymentStore::write(const QString &slug, const State &state) const
{
    const QString path = filePath(slug);
    if (!QDir().mkpath(m_directory))
        return writeFailed(path, u"cannot create "_s + m_directory);
    // Host keys decide whom the app trusts: the folder is the owner's alone.
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QJsonObject root{{u"format"_s, formatVersion}, {u"slug"_s, slug}};
    if (state.plan)
        root.insert(u"plan"_s, state.plan->toJson());
    QJsonObject hosts;
    for (auto it = state.hosts.begin(); it != state.hosts.end(); ++it) {
        QJsonObject entry{{u"pinned"_s, it->pinned}, {u"rotated"_s, it->rotated}};
        if (!it->pending.isEmpty())
            entry.insert(u"pending"_s, it->pending);
        hosts.insert(it.key(), entry);
    }
    root.insert(u"hosts"_s, hosts);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeFailed(path, file.errorString());
    // QSaveFile would keep an existing file's mode; ours is always owner-only.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return writeFailed(path, file.errorString());
    return {};
}

Result<std::optional<DeploymentPlan>> DeploymentStore::plan(const QString &slug) const
{
    const auto state = read(slug);
    if (!state.ok())
        return state.error();
    if (!state->has_value())
        return std::optional<DeploymentPlan>();
    return (*state)->plan;
}

Result<void> DeploymentStore::setPlan(const DeploymentPlan &plan)
{
    const QMutexLocker locked(&changeLock());
    if (const Result<void> valid = plan.validate(); !valid.ok())
        return valid.error();
    const QString slug = plan.slug();
    auto state = read(slug);
    if (!state.ok())
        return state.error();
    State next = state->value_or(State{});
    next.plan = plan;
    return write(slug, next);
}

Result<QMap<QString, DeploymentStore::HostKeys>> DeploymentStore::hostKeys(const QString &slug) const
{
    const auto state = read(slug);
    if (!state.ok())
        return state.error();
    return state->has_value() ? (*state)->hosts : QMap<QString, HostKeys>();
}

Result<void> DeploymentStore::setHostKeys(const QString &slug, const QString &serverName, const HostKeys &keys)
{
    return setHostKeys(slug, QMap<QString, HostKeys>{{serverName, keys}});
}

Result<void> DeploymentStore::setHostKeys(const QString &slug, const QMap<QString, HostKeys> &keys)
{
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        if (it.key().isEmpty() || it->pinned.isEmpty())
            return writeFailed(filePath(slug), u"refusing to store a host without a name or pinned key"_s);
    }
    const QMutexLocker locked(&changeLock());
    auto state = read(slug);
    if (!state.ok())
        return state.error();
    State next = state->value_or(State{});
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        next.hosts.insert(it.key(), it.value());
    return write(slug, next);
}

void DeploymentStore::setHostKeysInBackground(const QString &slug, const QString &serverName, const HostKeys &keys,
                                              QObject *context, std::function<void(Result<void>)> done) const
{
    // A watcher owned by `context` reports on its thread, and goes (with the answer) if `context` does.
    auto *watcher = new QFutureWatcher<Result<void>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        const Result<void> written = watcher->result();
        watcher->deleteLater();
        done(written);
    });
    auto promise = std::make_shared<QPromise<Result<void>>>();
    watcher->setFuture(promise->future());
    promise->start();
    writerPool().start([store = *this, slug, serverName, keys, promise]() mutable {
        promise->addResult(store.setHostKeys(slug, serverName, keys));
        promise->finish();
    });
}

Result<void> DeploymentStore::removeHost(const QString &slug, const QString &serverName)
{
    const QMutexLocker locked(&changeLock());
    auto state = read(slug);
    if (!state.ok())
        return state.error();
    if (!state->has_value() || !(*state)->hosts.contains(serverName))
        return {};
    State next = **state;
    next.hosts.remove(serverName);
    return write(slug, next);
}

Result<void> DeploymentStore::removeDeployment(const QString &slug)
{
    const QMutexLocker locked(&changeLock());
    if (!isValidSlug(slug))
        return invalidSlug(slug);
    QFile file(filePath(slug));
    if (file.exists() && !file.remove())
        return writeFailed(filePath(slug), file.errorString());
    return {};
}

// ---- DeploymentSecretStore

namespace {

Error secretsDamaged(const SecretStore &store, const QString &slug, const QString &detail)
{
    if (store.kind() == SecretStore::Kind::File)
        return Error{u"secrets"_s,
                     u"deployment_secrets_damaged"_s,
                     DeploymentSecretStore::tr("The secret store (%2) holds incomplete or damaged passwords for "
                                               "deployment %1. Remove the folder \"deployment/%1\" in it; the next "
                                               "command reads the passwords back from the deployment's web host.")
                             .arg(slug, store.description()),
                     detail,
                     {},
                     0};
    return Error{u"keychain"_s,
                 u"deployment_secrets_damaged"_s,
                 DeploymentSecretStore::tr("The keychain holds incomplete or damaged passwords for deployment %1. "
                                           "Remove the entries \"deployment/%1/…\" of \"%2\" in your keychain "
                                           "manager, then destroy and deploy the deployment again.")
                         .arg(slug, CredentialStore::defaultService()),
                 detail,
                 {},
                 0};
}

// Both values, or nullopt when neither is stored.
void readBoth(const SecretStore &store, const QString &slug, QObject *context, DeploymentSecretStore::Loaded done)
{
    store.readText(CredentialStore::deploymentKey(slug, DeploymentSecretStore::jvbSecretName()), context,
                   [store, slug, context, done](Result<QString> jvb) {
                       if (!jvb.ok() && jvb.error().code != u"not_found"_s) {
                           done(jvb.error());
                           return;
                       }
                       store.readText(
                               CredentialStore::deploymentKey(slug, DeploymentSecretStore::focusPasswordName()),
                               context, [store, slug, jvb, done](Result<QString> focus) {
                                   if (!focus.ok() && focus.error().code != u"not_found"_s) {
                                       done(focus.error());
                                       return;
                                   }
                                   if (!jvb.ok() && !focus.ok()) {
                                       done(std::optional<DeploymentSecrets>());
                                       return;
                                   }
                                   if (!jvb.ok() || !focus.ok()) {
                                       done(secretsDamaged(store, slug,
                                                           jvb.ok() ? u"focus-password is missing"_s
                                                                    : u"jvb-secret is missing"_s));
                                       return;
                                   }
                                   const DeploymentSecrets secrets{jvb.value(), focus.value()};
                                   if (!DeploymentSecrets::validateSecret(secrets.jvbSecret).ok()
                                       || !DeploymentSecrets::validateSecret(secrets.focusPassword).ok()) {
                                       done(secretsDamaged(store, slug, u"a stored value is not a valid secret"_s));
                                       return;
                                   }
                                   done(std::optional<DeploymentSecrets>(secrets));
                               });
                   });
}

} // namespace

DeploymentSecretStore::DeploymentSecretStore(SecretStore store)
    : m_store(std::move(store))
{ }

void DeploymentSecretStore::load(const QString &slug, QObject *context, Loaded done) const
{
    readBoth(m_store, slug, context, std::move(done));
}

void DeploymentSecretStore::save(const QString &slug, const DeploymentSecrets &secrets, QObject *context,
                                 Done done) const
{
    for (const QString &secret : {secrets.jvbSecret, secrets.focusPassword}) {
        const Result<void> valid = DeploymentSecrets::validateSecret(secret);
        if (!valid.ok()) {
            // The callback promises to run later, never inside save().
            QTimer::singleShot(0, context, [done, error = valid.error()] { done(error); });
            return;
        }
    }
    const SecretStore store = m_store;
    store.writeText(CredentialStore::deploymentKey(slug, jvbSecretName()), secrets.jvbSecret, context,
                    [store, slug, focus = secrets.focusPassword, context, done](Result<void> written) {
                        if (!written.ok()) {
                            done(written);
                            return;
                        }
                        store.writeText(CredentialStore::deploymentKey(slug, focusPasswordName()), focus, context,
                                        done);
                    });
}

void DeploymentSecretStore::remove(const QString &slug, QObject *context, Done done) const
{
    const SecretStore store = m_store;
    store.remove(CredentialStore::deploymentKey(slug, jvbSecretName()), context,
                 [store, slug, context, done](Result<void> removed) {
                     if (!removed.ok()) {
                         done(removed);
                         return;
                     }
                     store.remove(CredentialStore::deploymentKey(slug, focusPasswordName()), context, done);
                 });
}
