#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

// Keeps secrets (the Hetzner API token, per-deployment passwords) in the operating system's keychain
// through QtKeychain: Secret Service or KWallet on Linux, Keychain on macOS, Credential Manager on
// Windows. QtKeychain's insecure fallback (a plain settings file) is always off, so a missing keychain
// is an error the user can fix, never a silent leak to disk.
//
// Every call is asynchronous and runs its callback exactly once, later, on the context object's
// thread, also on every error path; if the context is destroyed first the callback is dropped. Values
// are handed to the Redactor the moment they are read or written, and are never logged.
//
// A CredentialStore is a cheap value (it holds only the service name); jobs outlive it.
class CredentialStore
{
    Q_DECLARE_TR_FUNCTIONS(CredentialStore)

public:
    using ReadCallback = std::function<void(Result<QByteArray>)>;
    using ReadTextCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    // The keychain service (application) name all our entries live under: "jitsi-deployer".
    static QString defaultService();
    // Key of the Hetzner Cloud API token: "token".
    static QString tokenKey();
    // Key of a per-deployment secret: "deployment/<slug>/<name>". Empty when slug or name is empty or
    // contains '/', which makes any call with it fail with "invalid_key".
    static QString deploymentKey(const QString &slug, const QString &name);

    explicit CredentialStore(QString service = defaultService());

    QString service() const { return m_service; }

    // A quick check that needs no keychain round trip: is there a backend this process can reach at
    // all? On failure the error names the fix (install or start GNOME Keyring or KWallet).
    static Result<void> checkAvailable();
    static bool isAvailable() { return checkAvailable().ok(); }

    // A missing entry fails with code "not_found".
    void read(const QString &key, QObject *context, ReadCallback done) const;
    void readText(const QString &key, QObject *context, ReadTextCallback done) const;

    // Replaces any previous value. write() keeps bytes as they are; writeText() stores UTF-8 text that
    // other tools (secret-tool, Keychain Access) show as is.
    void write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) const;
    void writeText(const QString &key, const QString &value, QObject *context, DoneCallback done) const;

    // Removing an entry that does not exist succeeds: the caller wanted it gone, and it is.
    void remove(const QString &key, QObject *context, DoneCallback done) const;

private:
    QString m_service;
};
