#include "keyfiles.h"

#include "common/logging.h"
#include "ssherrors.h"
#include "sshkeyloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <libssh/libssh.h>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

using KeyPtr = std::unique_ptr<ssh_key_struct, decltype(&ssh_key_free)>;

Error error(const char *code, const QString &message, const QString &detail = {})
{
    return Error{u"ssh"_s, QString::fromLatin1(code), message, detail, {}, 0};
}

// Public half of a loaded libssh key, as our value type.
Result<SshPublicKey> publicHalf(ssh_key key, const QString &comment)
{
    ssh_key publicKey = nullptr;
    if (ssh_pki_export_privkey_to_pubkey(key, &publicKey) != SSH_OK)
        return error("key_export_failed", KeyFiles::tr("The public half of the key could not be computed."));
    const KeyPtr publicGuard(publicKey, &ssh_key_free);
    char *base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(publicKey, &base64) != SSH_OK)
        return error("key_export_failed", KeyFiles::tr("The public half of the key could not be computed."));
    const QByteArray blob = QByteArray::fromBase64(base64);
    ssh_string_free_char(base64);
    return SshPublicKey::fromBlob(blob, comment);
}

// A file with `text`, created with mode 0600 and only if it does not exist yet (O_EXCL): a private key is never
// world-readable, not even for a moment, and an existing key is never replaced.
Result<void> createNewFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)) {
        if (QFileInfo::exists(path)) {
            return error("key_file_exists",
                         KeyFiles::tr("The file %1 already exists and was left unchanged. Choose another file name, or "
                                      "use the existing key.")
                                 .arg(QDir::toNativeSeparators(path)));
        }
        return error("key_write_failed",
                     KeyFiles::tr("The key file %1 could not be created. Check that the folder exists and is writable.")
                             .arg(QDir::toNativeSeparators(path)),
                     file.errorString());
    }
    if (file.write(text) != text.size() || !file.flush()) {
        const QString detail = file.errorString();
        file.close();
        file.remove();
        return error("key_write_failed",
                     KeyFiles::tr("The key file %1 could not be written. Check the free disk space.")
                             .arg(QDir::toNativeSeparators(path)),
                     detail);
    }
    return {};
}

} // namespace

QString KeyFiles::defaultComment()
{
    return u"jitsi-deployer@"_s + QSysInfo::machineHostName();
}

Result<SshPublicKey> KeyFiles::generateKeyPair(const QString &privateKeyFile, const QString &passphrase,
                                               const QString &comment)
{
    const QString publicKeyFile = privateKeyFile + u".pub"_s;
    for (const QString &path : {privateKeyFile, publicKeyFile}) {
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
            return error("key_file_exists",
                         tr("The file %1 already exists and was left unchanged. Choose another file name, or use the "
                            "existing key.")
                                 .arg(QDir::toNativeSeparators(path)));
        }
    }
    const QFileInfo info(privateKeyFile);
    QDir folder = info.absoluteDir();
    if (!folder.exists()) {
        if (!folder.mkpath(u"."_s)) {
            return error("key_write_failed", tr("The folder %1 could not be created. Choose a folder you can write to.")
                                                     .arg(QDir::toNativeSeparators(folder.path())));
        }
        QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    ssh_key key = nullptr;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK || !key)
        return error("key_generation_failed", tr("A new SSH key could not be generated."), u"ssh_pki_generate"_s);
    const KeyPtr guard(key, &ssh_key_free);

    // libssh 0.10 writes ed25519 keys in the OpenSSH format (bcrypt-pbkdf + aes256-ctr when encrypted).
    char *privateText = nullptr;
    const QByteArray passphraseBytes = passphrase.toUtf8();
    if (ssh_pki_export_privkey_base64(key, passphrase.isEmpty() ? nullptr : passphraseBytes.constData(), nullptr,
                                      nullptr, &privateText)
        != SSH_OK) {
        return error("key_generation_failed", tr("A new SSH key could not be generated."),
                     u"ssh_pki_export_privkey_base64"_s);
    }
    QByteArray privateBytes(privateText);
    memset(privateText, 0, qstrlen(privateText));
    ssh_string_free_char(privateText);
    if (!privateBytes.endsWith('\n'))
        privateBytes.append('\n');

    auto publicKey = publicHalf(key, comment.trimmed());
    if (!publicKey)
        return publicKey;
    const auto wrotePrivate = createNewFile(privateKeyFile, privateBytes);
    privateBytes.fill('\0');
    if (!wrotePrivate)
        return wrotePrivate.error();
    const auto wrotePublic = createNewFile(publicKeyFile, publicKey->line().toUtf8() + '\n');
    if (!wrotePublic) {
        QFile::remove(privateKeyFile); // never leave half a pair behind
        return wrotePublic.error();
    }
    QFile::setPermissions(publicKeyFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    qCInfo(lcSsh) << "generated ed25519 key pair" << privateKeyFile << publicKey->sha256Fingerprint();
    return publicKey;
}

Result<SshPublicKey> KeyFiles::readPublicKey(const QString &keyFile, const PassphraseProvider &passphrase)
{
    QFile file(keyFile);
    if (!QFileInfo::exists(keyFile))
        return SshErrors::keyFileMissing(keyFile);
    if (QFileInfo(keyFile).isDir() || !file.open(QIODevice::ReadOnly))
        return SshErrors::keyFileUnreadable(keyFile,
                                            QFileInfo(keyFile).isDir() ? u"is a directory"_s : file.errorString());
    const QByteArray head = file.read(64 * 1024).trimmed();
    file.close();
    if (head.startsWith("-----BEGIN ") && head.contains("PRIVATE KEY-----"))
        return validatePrivateKey(keyFile, passphrase);

    // A public key file: the first line that is not a comment.
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        auto key = SshPublicKey::fromLine(QString::fromUtf8(line));
        if (!key)
            return SshErrors::keyFileNotAKey(keyFile, false);
        return key;
    }
    return SshErrors::keyFileNotAKey(keyFile, false);
}

Result<SshPublicKey> KeyFiles::validatePrivateKey(const QString &privateKeyFile, const PassphraseProvider &passphrase)
{
    auto loaded = SshKeyLoader::load(privateKeyFile, [&passphrase](const QString &file) -> std::optional<QByteArray> {
        const QString answer = passphrase ? passphrase(file) : QString();
        if (answer.isNull())
            return std::nullopt;
        return answer.toUtf8();
    });
    if (!loaded)
        return loaded.error();
    const KeyPtr guard(loaded.value(), &ssh_key_free);
    auto publicKey = publicHalf(loaded.value(), QString());
    if (!publicKey)
        return publicKey;
    // libssh does not expose a private key's comment; take it from the .pub file next to it, but only when
    // that file really holds this key's public half.
    QFile publicFile(privateKeyFile + u".pub"_s);
    if (publicFile.open(QIODevice::ReadOnly)) {
        const auto fromFile = SshPublicKey::fromLine(QString::fromUtf8(publicFile.readLine(64 * 1024)));
        if (fromFile && fromFile->isSameKey(*publicKey))
            publicKey.value().setComment(fromFile->comment());
    }
    return publicKey;
}
