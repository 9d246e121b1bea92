#pragma once

#include "common/result.h"
#include "model/deploymentplan.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// What the app remembers about a deployment on this computer, apart from secrets: the pinned host key of each
// server (DESIGN.md §4, "pinned host keys in the app's data directory") and a rotation in progress. One JSON
// file per deployment, <directory>/<slug>.json, written atomically (QSaveFile), mode 0600, in a 0700 folder.
// Public keys only. The file is read on every call, so nothing is cached between instances. Every change is a
// read-modify-write under one process-wide lock, so writes from the writer thread and the caller's never lose
// each other's changes.
//
// A damaged or unreadable file is an error ("deployment_state_corrupt" / "deployment_state_unreadable") from
// every call but removeDeployment(): the file is never silently replaced, because losing the pinned keys
// locks the app out of the servers.
class DeploymentStore
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentStore)

public:
    static constexpr int formatVersion = 1;

    struct HostKeys
    {
        QString pinned; // OpenSSH one-line public key the server must present
        QString pending; // a rotated key the server may present if the rotation finished unseen; empty normally
        // The key from the user-data was replaced after the first connection (DESIGN.md §4): the user-data was
        // readable by the metadata service, so that key is used only until then.
        bool rotated = false;

        friend bool operator==(const HostKeys &, const HostKeys &) = default;
    };

    static QString defaultDirectory(); // <AppDataLocation>/deployments

    explicit DeploymentStore(QString directory = defaultDirectory());

    QString directory() const { return m_directory; }
    QString filePath(const QString &slug) const; // <directory>/<slug>.json

    // Slugs with a state file here, sorted (damaged files included, so they can be reported).
    QStringList slugs() const;

    // The plan the deployment was made with (stored at deploy so that add-bridge/verify/destroy know the domain,
    // e-mail, image and options). nullopt when this computer never deployed it.
    Result<std::optional<DeploymentPlan>> plan(const QString &slug) const;
    Result<void> setPlan(const DeploymentPlan &plan);

    Result<QMap<QString, HostKeys>> hostKeys(const QString &slug) const; // by server name; empty when none
    Result<void> setHostKeys(const QString &slug, const QString &serverName, const HostKeys &keys);
    // Several hosts in one write (one file sync, not one per host).
    Result<void> setHostKeys(const QString &slug, const QMap<QString, HostKeys> &keys);
    // setHostKeys on the store's writer thread: a write syncs the file to disk, which takes milliseconds per host
    // and must not stall the GUI thread while many hosts rotate their keys at once. Writes are done one at a time
    // in the order they were asked for; `done` runs on `context`'s thread once the keys are on disk (not at all
    // when `context` is destroyed first).
    void setHostKeysInBackground(const QString &slug, const QString &serverName, const HostKeys &keys, QObject *context,
                                 std::function<void(Result<void>)> done) const;
    Result<void> removeHost(const QString &slug, const QString &serverName); // absent: fine
    Result<void> removeDeployment(const QString &slug); // deletes the file, also a damaged one; absent: fine

private:
    struct State;
    Result<std::optional<State>> read(const QString &slug) const;
    Result<void> write(const QString &slug, const State &state) const;

    QString m_directory;
};

// The deployment's secrets (DeploymentSecrets) in the chosen SecretStore (the system keychain by default, or the
// file store), under "deployment/<slug>/jvb-secret" and "deployment/<slug>/focus-password". Asynchronous; callbacks run
// exactly once, later, in `context`'s thread (never when `context` is destroyed first).
class DeploymentSecretStore
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentSecretStore)

public:
    using Loaded = std::function<void(Result<std::optional<DeploymentSecrets>>)>; // nullopt: none stored
    using Done = std::function<void(Result<void>)>;

    static QString jvbSecretName() { return QStringLiteral("jvb-secret"); }
    static QString focusPasswordName() { return QStringLiteral("focus-password"); }

    explicit DeploymentSecretStore(SecretStore store = SecretStore());
    const SecretStore &store() const { return m_store; }

    // Only one of the two stored, or a stored value that is not a valid secret, fails with
    // "deployment_secrets_damaged".
    void load(const QString &slug, QObject *context, Loaded done) const;
    // Both values must pass DeploymentSecrets::validateSecret ("secret_invalid" otherwise, nothing written).
    void save(const QString &slug, const DeploymentSecrets &secrets, QObject *context, Done done) const;
    void remove(const QString &slug, QObject *context, Done done) const; // none stored: fine

private:
    SecretStore m_store;
};
