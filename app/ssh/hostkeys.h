#pragma once

#include "common/result.h"
#include "sshpublickey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

// A server host key pair made on this computer before the server exists (DESIGN.md §4): the private half goes
// to the server through cloud-init's `ssh_keys`, the public half is pinned, so the very first connection is
// already verified and nothing is ever trusted on first use.
struct HostKeyPair
{
    enum class Type { Ed25519, Ecdsa, Rsa };

    Type type = Type::Ed25519;
    // The private key file's text (OpenSSH format for ed25519, PEM for ecdsa/rsa, as sshd reads them).
    // A secret: never log it; it lives in memory only unless writePrivateKey() is called.
    QByteArray privateKey;
    SshPublicKey publicKey; // the pin

    // cloud-init `ssh_keys` names: "ed25519_private" / "ed25519_public", "ecdsa_...", "rsa_...".
    QString cloudInitPrivateName() const;
    QString cloudInitPublicName() const;
};

class HostKeys
{
    Q_DECLARE_TR_FUNCTIONS(HostKeys)

public:
    // A fresh key pair; ecdsa is P-256, rsa 3072 bits. Nothing is written to disk.
    static Result<HostKeyPair> generate(HostKeyPair::Type type = HostKeyPair::Type::Ed25519);
    // Writes the private half to a new file with mode 0600 (refuses to overwrite, code "key_file_exists").
    static Result<void> writePrivateKey(const HostKeyPair &pair, const QString &path);
};
