#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// An SSH public key as OpenSSH writes it on one line ("ssh-ed25519 AAAA... comment"): what Hetzner stores,
// what authorized_keys and known_hosts hold, and what we pin for each server. A plain value; safe to copy
// between threads.
class SshPublicKey
{
    Q_DECLARE_TR_FUNCTIONS(SshPublicKey)

public:
    SshPublicKey() = default;

    // Parses "algorithm base64 [comment]" and checks with libssh that the blob really is a key of that
    // algorithm. Errors: code "public_key_invalid".
    static Result<SshPublicKey> fromLine(const QString &line);
    // From the key blob (the base64-decoded middle field); the algorithm is read from the blob itself.
    static Result<SshPublicKey> fromBlob(const QByteArray &blob, const QString &comment = {});

    bool isNull() const { return m_blob.isEmpty(); }
    QString algorithm() const { return m_algorithm; } // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QByteArray blob() const { return m_blob; }
    QString base64() const;
    QString comment() const { return m_comment; }
    void setComment(const QString &comment) { m_comment = comment; }

    // "algorithm base64" (what is pinned and compared), and with the comment appended when there is one.
    QString keyText() const;
    QString line() const;

    // What Hetzner shows for an uploaded key: MD5 of the blob, lowercase hex pairs joined by ':'.
    QString md5Fingerprint() const;
    // What ssh-keygen -l shows: "SHA256:" + unpadded base64 of the SHA-256 of the blob.
    QString sha256Fingerprint() const;

    // Same key (algorithm and blob); the comment does not matter.
    bool isSameKey(const SshPublicKey &other) const
    {
        return m_algorithm == other.m_algorithm && m_blob == other.m_blob;
    }
    friend bool operator==(const SshPublicKey &a, const SshPublicKey &b)
    {
        return a.isSameKey(b) && a.m_comment == b.m_comment;
    }

private:
    QString m_algorithm;
    QByteArray m_blob;
    QString m_comment;
};
