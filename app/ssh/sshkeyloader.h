#pragma once

#include "common/result.h"

#include <QString>

#include <functional>

struct ssh_key_struct;

// Loads a private key file for authentication, checking first what OpenSSH would refuse (missing, unreadable,
// readable by others, not a private key) so each case gets its own clear error. Runs on the worker thread; the
// passphrase provider is only asked when the key is encrypted.
class SshKeyLoader
{
public:
    using PassphraseProvider = std::function<QString(const QString &keyFile)>;

    // On success the caller owns the key (ssh_key_free).
    static Result<ssh_key_struct *> load(const QString &keyFile, const PassphraseProvider &provider);
};
