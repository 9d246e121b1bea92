#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Keeps secrets in files, for machines without a keychain (a server reached over SSH, no desktop session):
// the same trade-off the hcloud CLI makes with its token file. Chosen only explicitly (SecretStore::select),
// never as a silent fallback.
//
// One file per secret, named like the keychain entry: the key "deployment/<slug>/jvb-secret" is the file
// <directory>/deployment/<slug>/jvb-secret. Every folder is 0700, every file 0600, both owned by this user;
// anything looser, a symlink or a file that does not parse is refused with the fix, never repaired silently
// (a looser mode means the secret may already have been read). Files are replaced atomically (QSaveFile), so a
// crash leaves the old or the new value, never half of one.
//
// Calls are synchronous and small; SecretStore runs them behind the same asynchronous API as the keychain.
class FileSecretStore
{
    Q_DECLARE_TR_FUNCTIONS(FileSecretStore)

public:
    static constexpr int formatVersion = 1;

    // <AppDataLocation>/secrets, or JITSI_DEPLOYER_SECRET_DIR when that is set.
    static QString defaultDirectory();
    static QString directoryVariable() { return QStringLiteral("JITSI_DEPLOYER_SECRET_DIR"); }

    explicit FileSecretStore(QString directory = defaultDirectory());

    QString directory() const { return m_directory; }
    // The file a key lives in; empty for a key that is not a plain relative name ("invalid_key" from calls).
    QString filePath(const QString &key) const;

    // The folder is usable: absent (created on the first write) or private. Errors as for read().
    Result<void> checkAvailable() const;

    // A missing entry fails with "not_found"; a loose mode, a foreign owner or a symlink with
    // "secret_store_insecure"; a damaged file with "secret_store_corrupt".
    Result<QByteArray> read(const QString &key) const;
    Result<void> write(const QString &key, const QByteArray &value) const;
    // An entry that does not exist is fine; emptied folders below the store's are removed too.
    Result<void> remove(const QString &key) const;

private:
    Result<void> checkFolders(const QString &key, bool create) const;

    QString m_directory;
};
