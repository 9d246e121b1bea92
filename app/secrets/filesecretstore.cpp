#include "filesecretstore.h"

#include "credentialstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

const auto domain = u"secrets"_s;

Error makeError(const QString &code, const QString &message, const QString &detail = {})
{
    return Error{domain, code, message, detail, {}, 0};
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString modeText(unsigned mode)
{
    return u"0"_s + QString::number(mode & 0777, 8);
}

enum class Kind { Folder, File };

// std::nullopt: the path does not exist. Otherwise the path is refused or accepted (an empty Result).
std::optional<Result<void>> inspect(const QString &path, Kind kind)
{
#ifdef Q_OS_UNIX
    struct stat info
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0) {
        if (errno == ENOENT)
            return std::nullopt;
        return Result<void>(makeError(u"secret_store_unreadable"_s,
                                      FileSecretStore::tr("The secret store at %1 cannot be read: %2.")
                                              .arg(native(path), QString::fromLocal8Bit(strerror(errno))),
                                      u"lstat failed"_s));
    }
    const QString fix = kind == Kind::Folder ? u"chmod 700 "_s : u"chmod 600 "_s;
    if (S_ISLNK(info.st_mode))
        return Result<void>(makeError(u"secret_store_insecure"_s,
                                      FileSecretStore::tr("%1 is a symbolic link. The secret store uses only plain "
                                                          "folders and files that belong to you; replace the link "
                                                          "with what it points to.")
                                              .arg(native(path)),
                                      u"symlink in the secret store"_s));
    if (kind == Kind::Folder ? !S_ISDIR(info.st_mode) : !S_ISREG(info.st_mode))
        return Result<void>(makeError(u"secret_store_corrupt"_s,
                                      kind == Kind::Folder
                                              ? FileSecretStore::tr("%1 should be a folder of the secret store but is "
                                                                    "not one. Move it away and try again.")
                                                        .arg(native(path))
                                              : FileSecretStore::tr("%1 should be a file of the secret store but is "
                                                                    "not one. Move it away and try again.")
                                                        .arg(native(path)),
                                      u"wrong file type"_s));
    if (info.st_uid != ::geteuid())
        return Result<void>(makeError(u"secret_store_insecure"_s,
                                      FileSecretStore::tr("%1 belongs to another user (uid %2), so the app does not "
                                                          "trust the secrets in it. Use a secret store of your own: "
                                                          "set JITSI_DEPLOYER_SECRET_DIR to a folder only you can "
                                                          "open.")
                                              .arg(native(path))
                                              .arg(info.st_uid),
                                      u"foreign owner"_s));
    if ((info.st_mode & 077) != 0)
        return Result<void>(makeError(
                u"secret_store_insecure"_s,
                FileSecretStore::tr("%1 can be opened by other users (mode %2), so the app does not use the "
                                    "secrets in it. Make it private with \u201c%3\u201d, and replace the secrets "
                                    "it holds if someone else may have read them.")
                        .arg(native(path), modeText(info.st_mode), fix + path),
                u"mode "_s + modeText(info.st_mode)));
    return Result<void>();
#else
    Q_UNUSED(kind);
    return Result<void>(makeError(u"secret_store_unsupported"_s,
                                  FileSecretStore::tr("The file secret store is available on Linux and macOS only; "
                                                      "use the system keychain here."),
                                  path));
#endif
}

// A key becomes a relative path: plain names only, so no key can point outside the store.
bool isValidKey(const QString &key)
{
    static const QRegularExpression segment(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
    if (key.isEmpty())
        return false;
    for (const QString &part : key.split(u'/')) {
        if (!segment.match(part).hasMatch())
            return false;
    }
    return true;
}

Error invalidKey(const QString &key)
{
    return makeError(u"invalid_key"_s,
                     FileSecretStore::tr("Internal error: a secret was requested without a valid name."),
                     u"malformed secret key: "_s + key);
}

Error notFound(const QString &key, const QString &directory)
{
    return makeError(u"not_found"_s,
                     key == CredentialStore::tokenKey()
                             ? FileSecretStore::tr("No Hetzner Cloud API token is saved in the secret store %1. Set "
                                                   "the HCLOUD_TOKEN environment variable.")
                                       .arg(native(directory))
                             : FileSecretStore::tr("The secret \u201c%1\u201d is not in the secret store %2.")
                                       .arg(key, native(directory)));
}

Error corrupt(const QString &path, const QString &detail)
{
    return makeError(u"secret_store_corrupt"_s,
                     FileSecretStore::tr("The secret file %1 is damaged, so the app does not use it. Restore it from "
                                         "a backup, or delete it: a deployment's passwords are then read back from "
                                         "its web host, and the API token comes from HCLOUD_TOKEN.")
                             .arg(native(path)),
                     detail);
}

Error writeFailed(const QString &path, const QString &detail)
{
    return makeError(u"secret_store_write_failed"_s,
                     FileSecretStore::tr("Could not save a secret in %1. Check that the folder is writable and the "
                                         "disk is not full.")
                             .arg(native(path)),
                     detail);
}

constexpr QFile::Permissions folderMode = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

} // namespace

QString FileSecretStore::defaultDirectory()
{
    const QString configured = qEnvironmentVariable("JITSI_DEPLOYER_SECRET_DIR");
    if (!configured.isEmpty())
        return QDir::cleanPath(QDir(configured).absolutePath());
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/secrets"_s;
}

FileSecretStore::FileSecretStore(QString directory)
    : m_directory(QDir::cleanPath(std::move(directory)))
{ }

QString FileSecretStore::filePath(const QString &key) const
{
    if (!isValidKey(key))
        return {};
    return m_directory + u'/' + key;
}

Result<void> FileSecretStore::checkAvailable() const
{
    const auto folder = inspect(m_directory, Kind::Folder);
    return folder ? *folder : Result<void>();
}

// Each folder from the store's own down to the key's: private, or created private when `create`. A missing
// folder without `create` is "not_found".
Result<void> FileSecretStore::checkFolders(const QString &key, bool create) const
{
    QStringList parts = key.split(u'/');
    parts.removeLast();
    QString path = m_directory;
    for (qsizetype i = 0; i <= parts.size(); ++i) {
        if (i > 0)
            path += u'/' + parts[i - 1];
        const auto folder = inspect(path, Kind::Folder);
        if (folder && !folder->ok())
            return *folder;
        if (folder)
            continue;
        if (!create)
            return notFound(key, m_directory);
        // The store's parent (the app's data folder) is an ordinary folder; everything below it is private from
        // the moment it exists, whatever the umask.
        if (i == 0 && !QDir().mkpath(QFileInfo(path).absolutePath()))
            return writeFailed(path, u"cannot create the parent folder"_s);
        if (!QDir().mkdir(path, folderMode)) {
            // Another run may have created it a moment ago: then it is judged like any existing folder.
            const auto raced = inspect(path, Kind::Folder);
            if (!raced)
                return writeFailed(path, u"mkdir failed"_s);
            if (!raced->ok())
                return *raced;
        }
    }
    return {};
}

Result<QByteArray> FileSecretStore::read(const QString &key) const
{
    const QString path = filePath(key);
    if (path.isEmpty())
        return invalidKey(key);
    if (const auto folders = checkFolders(key, false); !folders.ok())
        return folders.error();
    const auto inspected = inspect(path, Kind::File);
    if (!inspected)
        return notFound(key, m_directory);
    if (!inspected->ok())
        return inspected->error();

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"secret_store_unreadable"_s,
                         tr("The secret file %1 cannot be read: %2.").arg(native(path), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return corrupt(path, u"not a JSON object: "_s + parseError.errorString());
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toInt() != formatVersion)
        return corrupt(path, u"unknown format "_s + root.value(u"format"_s).toVariant().toString());
    // A file copied to another name would hand out the wrong secret.
    if (root.value(u"key"_s).toString() != key)
        return corrupt(path, u"the file names another key"_s);
    if (!root.value(u"value"_s).isString())
        return corrupt(path, u"no value"_s);
    const auto decoded = QByteArray::fromBase64Encoding(root.value(u"value"_s).toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return corrupt(path, u"the value is not base64"_s);
    return *decoded;
}

Result<void> FileSecretStore::write(const QString &key, const QByteArray &value) const
{
    const QString path = filePath(key);
    if (path.isEmpty())
        return invalidKey(key);
    if (const auto folders = checkFolders(key, true); !folders.ok())
        return folders;
    // A loose file is refused here too: its old value may have been read, and the user should know.
    if (const auto inspected = inspect(path, Kind::File); inspected && !inspected->ok())
        return *inspected;

    // Base64 keeps any bytes intact and the file one line of ASCII; the key inside catches a file moved or copied
    // to another name.
    const QJsonObject root{
            {u"format"_s, formatVersion}, {u"key"_s, key}, {u"value"_s, QString::fromLatin1(value.toBase64())}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeFailed(path, file.errorString());
    // The temporary file is made owner-only before the secret is written into it.
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return writeFailed(path, u"cannot restrict the temporary file"_s);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit())
        return writeFailed(path, file.errorString());
    return {};
}

Result<void> FileSecretStore::remove(const QString &key) const
{
    const QString path = filePath(key);
    if (path.isEmpty())
        return invalidKey(key);
    if (const auto folders = checkFolders(key, false); !folders.ok())
        return folders.error().code == u"not_found"_s ? Result<void>() : folders;
    QFile file(path);
    if (file.exists() && !file.remove())
        return writeFailed(path, file.errorString());
    // "deployment/<slug>" goes once its last secret is gone; the store's own folder stays.
    QStringList parts = key.split(u'/');
    parts.removeLast();
    while (!parts.isEmpty()) {
        if (!QDir(m_directory).rmdir(parts.join(u'/')))
            break; // not empty: other secrets live there
        parts.removeLast();
    }
    return {};
}
