#include "sshpublickey.h"

#include <QCryptographicHash>
#include <QStringList>

#include <libssh/libssh.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

Error invalid(const QString &message, const QString &detail)
{
    return Error{u"ssh"_s, u"public_key_invalid"_s, message, detail, {}, 0};
}

// The algorithm name is the first length-prefixed string inside the blob (RFC 4253 §6.6).
QString algorithmInBlob(const QByteArray &blob)
{
    if (blob.size() < 4)
        return {};
    const auto *bytes = reinterpret_cast<const uchar *>(blob.constData());
    const quint32 length = (quint32(bytes[0]) << 24) | (quint32(bytes[1]) << 16) | (quint32(bytes[2]) << 8) | bytes[3];
    if (length == 0 || length > 64 || qsizetype(length) > blob.size() - 4)
        return {};
    return QString::fromLatin1(blob.mid(4, length));
}

} // namespace

Result<SshPublicKey> SshPublicKey::fromBlob(const QByteArray &blob, const QString &comment)
{
    const QString algorithm = algorithmInBlob(blob);
    const QByteArray base64 = blob.toBase64();
    ssh_key key = nullptr;
    // Let libssh decide: it knows every algorithm it can use, and rejects truncated or garbled blobs.
    const int rc = algorithm.isEmpty()
                           ? SSH_ERROR
                           : ssh_pki_import_pubkey_base64(
                                   base64.constData(), ssh_key_type_from_name(algorithm.toLatin1().constData()), &key);
    const std::unique_ptr<ssh_key_struct, decltype(&ssh_key_free)> guard(key, &ssh_key_free);
    if (rc != SSH_OK || !key) {
        return invalid(
                tr("This is not a valid SSH public key. Copy the whole line of the .pub file, starting "
                   "with \"ssh-ed25519\", \"ecdsa-sha2-\" or \"ssh-rsa\"."),
                u"libssh could not import a %1 key blob of %2 bytes"_s.arg(algorithm.isEmpty() ? u"?"_s : algorithm)
                        .arg(blob.size()));
    }
    SshPublicKey result;
    result.m_algorithm = algorithm;
    result.m_blob = blob;
    result.m_comment = comment;
    return result;
}

Result<SshPublicKey> SshPublicKey::fromLine(const QString &line)
{
    const QStringList fields = line.trimmed().split(QChar(u' '), Qt::SkipEmptyParts);
    if (fields.size() < 2) {
        return invalid(tr("This is not a valid SSH public key. Copy the whole line of the .pub file, starting "
                          "with \"ssh-ed25519\", \"ecdsa-sha2-\" or \"ssh-rsa\"."),
                       u"expected 'algorithm base64 [comment]', got %1 field(s)"_s.arg(fields.size()));
    }
    const auto decoded
            = QByteArray::fromBase64Encoding(fields.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) {
        return invalid(tr("This SSH public key is damaged: its key data is not valid base64. Copy the line again "
                          "from the .pub file."),
                       u"invalid base64 in the key field"_s);
    }
    auto key = fromBlob(decoded.decoded, fields.mid(2).join(QChar(u' ')));
    if (!key)
        return key;
    if (key->algorithm() != fields.at(0)) {
        return invalid(tr("This SSH public key is damaged: it says \"%1\" but contains a \"%2\" key. Copy the line "
                          "again from the .pub file.")
                               .arg(fields.at(0), key->algorithm()),
                       u"algorithm field %1, blob algorithm %2"_s.arg(fields.at(0), key->algorithm()));
    }
    return key;
}

QString SshPublicKey::base64() const
{
    return QString::fromLatin1(m_blob.toBase64());
}

QString SshPublicKey::keyText() const
{
    return m_algorithm + u' ' + base64();
}

QString SshPublicKey::line() const
{
    return m_comment.isEmpty() ? keyText() : keyText() + u' ' + m_comment;
}

QString SshPublicKey::md5Fingerprint() const
{
    if (isNull())
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(m_blob, QCryptographicHash::Md5).toHex(':'));
}

QString SshPublicKey::sha256Fingerprint() const
{
    if (isNull())
        return {};
    const QByteArray digest = QCryptographicHash::hash(m_blob, QCryptographicHash::Sha256);
    return u"SHA256:"_s + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}
