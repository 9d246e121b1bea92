#pragma once

#include "common/result.h"

#include <QString>

#include <QByteArray>

#include <functional>
#include <optional>

struct ssh_key_struct;

// Loads a private key file for authentication, checking first what OpenSSH would refuse (missing, unreadable,
// readable by others, not a private key) so each case gets its own clear error. Runs on the worker thread; the
// passphrase is only asked for when the key is encrypted.
class SshKeyLoader
{
public:
    // Called on the worker thread, which it may keep waiting for the user's answer (never the GUI thread: see
    // PassphraseRequest). The passphrase as UTF-8 (wiped by the loader), or nothing to give up.
    using AskPassphrase = std::function<std::optional<QByteArray>(const QString &keyFile)>;

    // On success the caller owns the key (ssh_key_free).
    static Result<ssh_key_struct *> load(const QString &keyFile, const AskPassphrase &ask);
};
