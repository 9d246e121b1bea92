#include "testkeys.h"

#include "sshtesttools.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

TestKeys::TestKeys()
    : m_dir(QDir::tempPath() + u"/deployer-keys-XXXXXX"_s)
{ }

TestKeys::~TestKeys() = default;

QString TestKeys::typeName(Type type)
{
    switch (type) {
    case Type::Ed25519:
        return u"ed25519"_s;
    case Type::Ecdsa:
        return u"ecdsa"_s;
    case Type::Rsa:
        return u"rsa"_s;
    }
    return {};
}

QString TestKeys::uniqueName(const QString &base)
{
    return base + u'_' + QString::number(++m_counter);
}

TestKeys::Key TestKeys::generate(Type type, Format format, const QString &passphrase, const QString &name)
{
    m_error.clear();
    if (type == Type::Ed25519 && format == Format::Pem) {
        m_error = u"ssh-keygen cannot write ed25519 keys in PEM format"_s;
        return {};
    }
    QString base = name;
    if (base.isEmpty()) {
        base = uniqueName(u"id_"_s + typeName(type) + (format == Format::Pem ? u"_pem"_s : QString())
                          + (passphrase.isEmpty() ? QString() : u"_enc"_s));
    }
    Key key;
    key.privateFile = m_dir.filePath(base);
    key.publicFile = key.privateFile + u".pub"_s;
    key.passphrase = passphrase;
    key.type = type;
    key.format = format;

    QStringList arguments{u"-q"_s, u"-t"_s,           typeName(type), u"-N"_s,        passphrase,
                          u"-C"_s, u"test-"_s + base, u"-f"_s,        key.privateFile};
    if (type == Type::Rsa)
        arguments << u"-b"_s << u"2048"_s;
    if (type == Type::Ecdsa)
        arguments << u"-b"_s << u"256"_s;
    if (format == Format::Pem)
        arguments << u"-m"_s << u"PEM"_s;
    const auto result = SshTestTools::run(u"ssh-keygen"_s, arguments);
    if (!result.ok()) {
        m_error = result.describe(u"ssh-keygen"_s);
        return {};
    }
    QFile publicFile(key.publicFile);
    if (!publicFile.open(QIODevice::ReadOnly)) {
        m_error = key.publicFile + u": "_s + publicFile.errorString();
        return {};
    }
    key.publicLine = QString::fromUtf8(publicFile.readAll()).trimmed();
    return key;
}

QString TestKeys::missingFile() const
{
    return m_dir.filePath(u"no_such_key"_s);
}

QString TestKeys::notAKeyFile()
{
    const QString path = m_dir.filePath(uniqueName(u"not_a_key"_s));
    SshTestTools::writeFile(path, "This is a shopping list, not an SSH key.\nmilk\nbread\n", 0600, &m_error);
    return path;
}

QString TestKeys::emptyFile()
{
    const QString path = m_dir.filePath(uniqueName(u"empty_key"_s));
    SshTestTools::writeFile(path, {}, 0600, &m_error);
    return path;
}

QString TestKeys::truncatedKeyFile()
{
    const Key key = generate(Type::Ed25519, Format::OpenSsh, {}, uniqueName(u"truncated_key_source"_s));
    QFile source(key.privateFile);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = source.readAll();
    const QString path = m_dir.filePath(uniqueName(u"truncated_key"_s));
    SshTestTools::writeFile(path, text.left(text.size() / 2), 0600, &m_error);
    return path;
}

TestKeys::Key TestKeys::worldReadableKey()
{
    Key key = generate(Type::Ed25519, Format::OpenSsh, {}, uniqueName(u"world_readable_key"_s));
    if (key.isValid())
        ::chmod(QFile::encodeName(key.privateFile).constData(), 0644);
    return key;
}

bool TestKeys::isReallyPermissionDenied()
{
    return !SshTestTools::runningAsRoot();
}

QString TestKeys::unreadableFile()
{
    if (isReallyPermissionDenied()) {
        const Key key = generate(Type::Ed25519, Format::OpenSsh, {}, uniqueName(u"unreadable_key"_s));
        ::chmod(QFile::encodeName(key.privateFile).constData(), 0);
        return key.privateFile;
    }
    const QString path = m_dir.filePath(uniqueName(u"id_unreadable"_s));
    QDir().mkpath(path);
    return path;
}

QString TestKeys::dir() const
{
    return m_dir.path();
}

QString TestKeys::errorString() const
{
    return m_error;
}
