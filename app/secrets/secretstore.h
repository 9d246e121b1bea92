#pragma once

#include "common/result.h"
#include "credentialstore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QObject;

// Where this process keeps its secrets (the API token, each deployment's passwords): the system keychain
// (CredentialStore), or files (FileSecretStore) for machines without one. Both hold the same keys
// (CredentialStore::tokenKey(), CredentialStore::deploymentKey()). The file store is used only when the user
// asks for it (--secret-store file or JITSI_DEPLOYER_SECRET_STORE=file), never as a silent fallback.
//
// The same asynchronous contract as CredentialStore: every callback runs exactly once, later, on the context's
// thread, and is dropped when the context dies first. Values read or written go to the Redactor. A cheap value.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    enum class Kind { Keychain, File };

    using ReadCallback = CredentialStore::ReadCallback;
    using ReadTextCallback = CredentialStore::ReadTextCallback;
    using DoneCallback = CredentialStore::DoneCallback;

    static QString environmentVariable() { return QStringLiteral("JITSI_DEPLOYER_SECRET_STORE"); }

    SecretStore() = default; // the system keychain
    static SecretStore keychain(CredentialStore store = CredentialStore());
    static SecretStore files(const QString &directory); // see FileSecretStore::defaultDirectory()

    // The store the user chose: `option` (the --secret-store value) when given, else the environment variable
    // when set, else the keychain. "file" uses FileSecretStore::defaultDirectory(). Anything but "file" and
    // "keychain" is an "input" error "secret_store_invalid".
    static Result<SecretStore> select(const std::optional<QString> &option = std::nullopt);

    Kind kind() const { return m_kind; }
    QString name() const; // "keychain" or "file", as on the command line
    QString directory() const { return m_directory; } // the file store's folder; empty for the keychain
    // For the user: "the system keychain" or "files in /root/.local/share/jitsi-deployer/secrets".
    QString description() const;

    // No round trip: can this store be used at all? The error names the cause and the ways on.
    Result<void> checkAvailable() const;

    void read(const QString &key, QObject *context, ReadCallback done) const;
    void readText(const QString &key, QObject *context, ReadTextCallback done) const;
    void write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) const;
    void writeText(const QString &key, const QString &value, QObject *context, DoneCallback done) const;
    void remove(const QString &key, QObject *context, DoneCallback done) const;

private:
    Kind m_kind = Kind::Keychain;
    CredentialStore m_keychain;
    QString m_directory;
};
