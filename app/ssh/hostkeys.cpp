#include "hostkeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <libssh/libssh.h>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

Error error(const char *code, const QString &message, const QString &detail = {})
{
    return Error{u"ssh"_s, QString::fromLatin1(code), message, detail, {}, 0};
}

QString typeName(HostKeyPair::Type type)
{
    switch (type) {
    case HostKeyPair::Type::Ed25519:
        return u"ed25519"_s;
    case HostKeyPair::Type::Ecdsa:
        return u"ecdsa"_s;
    case HostKeyPair::Type::Rsa:
        return u"rsa"_s;
    }
    return {};
}

} // namespace

QString HostKeyPair::cloudInitPrivateName() const
{
    return typeName(type) + u"_private"_s;
}

QString HostKeyPair::cloudInitPublicName() const
{
    return typeName(type) + u"_public"_s;
}

Result<HostKeyPair> HostKeys::generate(HostKeyPair::Type type)
{
    ssh_keytypes_e keyType = SSH_KEYTYPE_ED25519;
    int bits = 0;
    switch (type) {
    case HostKeyPair::Type::Ed25519:
        break;
    case HostKeyPair::Type::Ecdsa:
        keyType = SSH_KEYTYPE_ECDSA_P256;
        bits = 256;
        break;
    case HostKeyPair::Type::Rsa:
        keyType = SSH_KEYTYPE_RSA;
        bits = 3072;
        break;
    }
    const QString failed = tr("A host key for the new server could not be generated.");
    ssh_key key = nullptr;
    if (ssh_pki_generate(keyType, bits, &key) != SSH_OK || !key)
        return error("key_generation_failed", failed, u"ssh_pki_generate "_s + typeName(type));
    const std::unique_ptr<ssh_key_struct, decltype(&ssh_key_free)> guard(key, &ssh_key_free);

    HostKeyPair pair;
    pair.type = type;
    char *privateText = nullptr;
    if (ssh_pki_export_privkey_base64(key, nullptr, nullptr, nullptr, &privateText) != SSH_OK || !privateText)
        return error("key_generation_failed", failed, u"ssh_pki_export_privkey_base64"_s);
    pair.privateKey = QByteArray(privateText);
    std::memset(privateText, 0, std::strlen(privateText));
    ssh_string_free_char(privateText);
    if (!pair.privateKey.endsWith('\n'))
        pair.privateKey.append('\n');

    char *publicText = nullptr;
    if (ssh_pki_export_pubkey_base64(key, &publicText) != SSH_OK || !publicText)
        return error("key_generation_failed", failed, u"ssh_pki_export_pubkey_base64"_s);
    const QByteArray blob = QByteArray::fromBase64(publicText);
    ssh_string_free_char(publicText);
    auto publicKey = SshPublicKey::fromBlob(blob, u"jitsi-deployer-host-key"_s);
    if (!publicKey)
        return publicKey.error();
    pair.publicKey = publicKey.value();
    return pair;
}

Result<void> HostKeys::writePrivateKey(const HostKeyPair &pair, const QString &path)
{
    QFile file(path);
    // NewOnly = O_EXCL, and the mode is set at creation: never an instant with a readable private key.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)) {
        if (QFileInfo::exists(path)) {
            return error("key_file_exists",
                         tr("The file %1 already exists and was left unchanged. Choose another file name.")
                                 .arg(QDir::toNativeSeparators(path)));
        }
        return error("key_write_failed",
                     tr("The host key could not be saved to %1. Check that the folder exists and is writable.")
                             .arg(QDir::toNativeSeparators(path)),
                     file.errorString());
    }
    if (file.write(pair.privateKey) != pair.privateKey.size() || !file.flush()) {
        const QString detail = file.errorString();
        file.close();
        file.remove();
        return error("key_write_failed",
                     tr("The host key could not be saved to %1. Check the free disk space.")
                             .arg(QDir::toNativeSeparators(path)),
                     detail);
    }
    return {};
}
