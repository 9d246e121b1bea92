#pragma once

#include "common/result.h"
#include "sshpublickey.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// The pinned host keys, one per (host, port), in the app's data folder (file `known_hosts`, mode 0600) in
// OpenSSH's known_hosts format, so users can inspect it and use it with `ssh -o UserKnownHostsFile=...`.
// Hosts on a port other than 22 are written "[host]:port", as OpenSSH does.
//
// The file is read on every call and rewritten atomically (QSaveFile), so no state is cached: any thread may
// use its own instance. Lines we did not write (comments, other hosts, markers such as @cert-authority,
// hashed names, even damaged lines) are kept unchanged on every rewrite; damaged lines are skipped with a
// warning when looking up. Concurrent writers in two processes are not merged: the last save wins.
class KnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(KnownHosts)

public:
    explicit KnownHosts(const QString &filePath = defaultFilePath());

    // <AppDataLocation>/known_hosts
    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }

    // The pinned key for host:port, if any. Matches plain and hashed (|1|...) host entries.
    std::optional<SshPublicKey> lookup(const QString &host, quint16 port = 22) const;
    // Pins `key` for host:port, replacing whatever was pinned for it before (e.g. after a key rotation or a
    // rebuilt server). Errors: code "known_hosts_write_failed".
    Result<void> pin(const QString &host, quint16 port, const SshPublicKey &key);
    // Forgets host:port. Not an error when nothing was pinned.
    Result<void> remove(const QString &host, quint16 port = 22);

    // Damaged lines found by the last read (1-based line number + reason), for diagnostics.
    QStringList warnings() const { return m_warnings; }

    // "host" for port 22, else "[host]:port"; the name is lower-cased as OpenSSH does.
    static QString hostPattern(const QString &host, quint16 port);

private:
    struct Line;
    QList<Line> read(bool *ok, QString *errorText) const;
    Result<void> write(const QList<Line> &lines) const;

    QString m_filePath;
    mutable QStringList m_warnings;
};
