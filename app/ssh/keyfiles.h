#pragma once

#include "common/result.h"
#include "sshpublickey.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

// The user's SSH key files: creating the key pair the deployer logs in with, reading public keys to upload to
// Hetzner, and checking a chosen private key before it is used, with one clear error per problem. Only
// libssh's pki API, never an external ssh-keygen. Blocking file I/O and key crypto (RSA decryption can take
// a moment): call from a worker thread, or from the GUI thread only for small .pub files.
class KeyFiles
{
    Q_DECLARE_TR_FUNCTIONS(KeyFiles)

public:
    // Asked when a private key is encrypted, on the calling thread (these functions block anyway, see above):
    // returns the passphrase, or a null QString to give up. Sessions ask asynchronously instead
    // (SshConnectOptions::passphraseHandler).
    using PassphraseProvider = std::function<QString(const QString &keyFile)>;

    // Creates a new ed25519 key pair: `privateKeyFile` in OpenSSH format (encrypted when `passphrase` is
    // not empty), mode 0600 from the moment it exists, and "<privateKeyFile>.pub". Creates the folder
    // (mode 0700) when missing. Refuses to overwrite either file (code "key_file_exists").
    static Result<SshPublicKey> generateKeyPair(const QString &privateKeyFile, const QString &passphrase = {},
                                                const QString &comment = defaultComment());
    static QString defaultComment(); // "jitsi-deployer@<host name>"

    // The public key in `keyFile`: either a public key file (one OpenSSH line, e.g. id_ed25519.pub) or a
    // private key file, whose public half is derived (asking `passphrase` if it is encrypted).
    static Result<SshPublicKey> readPublicKey(const QString &keyFile, const PassphraseProvider &passphrase = {});

    // Checks that `privateKeyFile` is usable the way OpenSSH would: exists, readable, a private key,
    // not readable by group/others, and decrypts with the passphrase. Returns its public half.
    // Error codes (domain "ssh"): key_file_missing, key_file_unreadable, key_file_permissions,
    // key_file_not_a_key, key_file_passphrase_cancelled (encrypted, no passphrase given), key_file_wrong_passphrase
    // (the codes and messages of SshErrors, shared with SshSession).
    static Result<SshPublicKey> validatePrivateKey(const QString &privateKeyFile,
                                                   const PassphraseProvider &passphrase = {});
};
