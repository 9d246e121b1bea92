#include "sshkeyloader.h"

#include "ssherrors.h"

#include <QFile>
#include <QFileInfo>

#include <libssh/libssh.h>

#include <cerrno>
#include <cstring>
#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {

struct PassphraseContext
{
    const SshKeyLoader::AskPassphrase *ask = nullptr;
    QString keyFile;
    bool asked = false;
    bool declined = false;
};

int passphraseCallback(const char *, char *buf, size_t len, int, int, void *userdata)
{
    auto *ctx = static_cast<PassphraseContext *>(userdata);
    ctx->asked = true;
    if (!ctx->ask || !*ctx->ask) {
        ctx->declined = true;
        return -1;
    }
    std::optional<QByteArray> passphrase = (*ctx->ask)(ctx->keyFile);
    if (!passphrase) {
        ctx->declined = true;
        return -1;
    }
    QByteArray bytes = std::move(*passphrase);
    if (size_t(bytes.size()) + 1 > len) {
        bytes.fill('\0');
        return -1;
    }
    std::memcpy(buf, bytes.constData(), size_t(bytes.size()) + 1);
    bytes.fill('\0');
    return 0;
}

// What the file system says about a key file before it is read.
struct KeyFileMode
{
    bool othersMayOpen = false; // group or others have any permission (POSIX mode bits)
    int mode = 0;
};

Result<KeyFileMode> inspectKeyFile(const QString &keyFile)
{
#ifdef Q_OS_UNIX
    struct stat st
    {
    };
    const QByteArray nativePath = QFile::encodeName(keyFile);
    if (::stat(nativePath.constData(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return SshErrors::keyFileMissing(keyFile);
        return SshErrors::keyFileUnreadable(keyFile, QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (!S_ISREG(st.st_mode))
        return SshErrors::keyFileUnreadable(keyFile, QStringLiteral("not a regular file"));
    // Checked on the mode, not with access(): root may read anything, but a key its owner cannot read is still
    // set up wrongly and would fail for the real user.
    if (!(st.st_mode & S_IRUSR))
        return SshErrors::keyFileUnreadable(keyFile, QStringLiteral("owner has no read permission"));
    return KeyFileMode{(st.st_mode & (S_IRWXG | S_IRWXO)) != 0, int(st.st_mode & 07777)};
#else
    // Windows guards files with ACLs, not mode bits; this check does not read them (docs/install.md).
    const QFileInfo info(keyFile);
    if (!info.exists())
        return SshErrors::keyFileMissing(keyFile);
    if (!info.isFile())
        return SshErrors::keyFileUnreadable(keyFile, QStringLiteral("not a regular file"));
    return KeyFileMode{};
#endif
}

} // namespace

Result<ssh_key_struct *> SshKeyLoader::load(const QString &keyFile, const AskPassphrase &ask)
{
    const Result<KeyFileMode> mode = inspectKeyFile(keyFile);
    if (!mode)
        return mode.error();

    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return SshErrors::keyFileUnreadable(keyFile, file.errorString());
    QByteArray content = file.read(1024 * 1024);
    file.close();

    const QByteArray trimmed = content.trimmed();
    const bool looksPrivate = trimmed.startsWith("-----BEGIN ") && trimmed.contains("PRIVATE KEY-----");
    if (!looksPrivate) {
        const bool looksPublic = trimmed.startsWith("ssh-") || trimmed.startsWith("ecdsa-sha2-")
                                 || trimmed.startsWith("sk-") || trimmed.startsWith("---- BEGIN SSH2 PUBLIC KEY");
        content.fill('\0');
        return SshErrors::keyFileNotAKey(keyFile, looksPublic);
    }

    // After the content check, so a public key picked by mistake is named as such rather than as unsafe.
    if (mode.value().othersMayOpen) {
        content.fill('\0');
        return SshErrors::keyFilePermissions(keyFile, mode.value().mode);
    }

    PassphraseContext ctx;
    ctx.ask = &ask;
    ctx.keyFile = keyFile;
    ssh_key key = nullptr;
    const int rc = ssh_pki_import_privkey_base64(content.constData(), nullptr, passphraseCallback, &ctx, &key);
    content.fill('\0');
    if (rc == SSH_OK && key)
        return key;
    if (key)
        ssh_key_free(key);
    if (ctx.declined)
        return SshErrors::keyFilePassphraseCancelled(keyFile);
    if (ctx.asked)
        return SshErrors::keyFileWrongPassphrase(keyFile);
    return SshErrors::keyFileNotAKey(keyFile, false);
}
