#pragma once

#include <QString>
#include <QTemporaryDir>

// Client key files made by the real `ssh-keygen`, in a temporary directory deleted with the object, plus
// the bad inputs a key loader must reject with a clear error.
class TestKeys
{
public:
    enum class Type { Ed25519, Ecdsa, Rsa };
    // Pem = the legacy "-----BEGIN RSA/EC PRIVATE KEY-----" format (`ssh-keygen -m PEM`). OpenSSH 9.2 cannot
    // write ed25519 keys as PEM; generate() fails for that combination rather than silently writing OpenSSH.
    enum class Format { OpenSsh, Pem };

    struct Key
    {
        QString privateFile; // mode 0600
        QString publicFile; // privateFile + ".pub"
        QString publicLine; // "ssh-ed25519 AAAA... comment" as in the .pub file (trimmed)
        QString passphrase; // empty = unencrypted
        Type type = Type::Ed25519;
        Format format = Format::OpenSsh;

        bool isValid() const { return !privateFile.isEmpty(); }
    };

    TestKeys();
    ~TestKeys();
    TestKeys(const TestKeys &) = delete;
    TestKeys &operator=(const TestKeys &) = delete;

    // A new key pair; `name` defaults to "id_<type>[_pem][_enc]_<n>". Returns an invalid Key on failure,
    // see errorString().
    Key generate(Type type, Format format = Format::OpenSsh, const QString &passphrase = {}, const QString &name = {});

    // Bad inputs. Each returns the path of a fresh file (or non-file) in dir().
    QString missingFile() const; // a path that does not exist
    QString notAKeyFile(); // a readable 0600 text file that is not a key
    QString emptyFile(); // a 0600 file of zero bytes
    QString truncatedKeyFile(); // a private key file cut in half
    // A valid unencrypted ed25519 private key with mode 0644 (group/other readable): OpenSSH refuses it with
    // "UNPROTECTED PRIVATE KEY FILE".
    Key worldReadableKey();
    // Something a key loader cannot read. When not root, a 0600 key file chmod'ed to 0000, which is really
    // unreadable. As root, permission bits never stop reading (CAP_DAC_OVERRIDE), and making a file truly
    // unreadable would need dropping capabilities or another user; so we return a directory named like a key
    // file: open() succeeds but read() fails with EISDIR — what a user gets when they pick ~/.ssh by mistake.
    // isReallyPermissionDenied() tells the test which case it got.
    QString unreadableFile();
    static bool isReallyPermissionDenied();

    QString dir() const;
    QString errorString() const;

    static QString typeName(Type type); // "ed25519", "ecdsa", "rsa"

private:
    QString uniqueName(const QString &base);

    QTemporaryDir m_dir;
    int m_counter = 0;
    QString m_error;
};
