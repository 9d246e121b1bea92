#pragma once

#include "common/result.h"
#include "credentialstore.h"
#include "secretstore.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

// Finds the Hetzner Cloud API token the way users of the hcloud CLI expect: a non-empty HCLOUD_TOKEN in
// the environment wins, else the token saved in the secret store (the keychain, where the wizard saves it, or
// the file store when the user chose it). When neither is there, the
// error says how to provide one. The token is handed to the Redactor before anyone sees it.
class TokenSource
{
    Q_DECLARE_TR_FUNCTIONS(TokenSource)

public:
    enum class Origin { Environment, Keychain, File };

    struct Token
    {
        QString value;
        Origin origin = Origin::Environment;
    };

    static QString environmentVariable() { return QStringLiteral("HCLOUD_TOKEN"); }

    explicit TokenSource(SecretStore store = SecretStore());
    explicit TokenSource(const CredentialStore &keychain)
        : TokenSource(SecretStore::keychain(keychain))
    { }

    // Runs done exactly once, later, on the context's thread (dropped if the context dies first).
    void resolve(QObject *context, std::function<void(Result<Token>)> done) const;

private:
    SecretStore m_store;
};
