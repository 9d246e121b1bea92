#include "secretstore.h"

#include "common/logging.h"
#include "common/redactor.h"
#include "filesecretstore.h"

#include <QDir>
#include <QMetaObject>
#include <QObject>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

template<typename R, typename Callback>
void deliverLater(QObject *context, Callback done, R result)
{
    QMetaObject::invokeMethod(
            context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

void rememberSecret(const QByteArray &value)
{
    const QString text = QString::fromUtf8(value);
    if (!text.isEmpty() && text.toUtf8() == value)
        Redactor::instance().addSecret(text);
}

} // namespace

SecretStore SecretStore::keychain(CredentialStore store)
{
    SecretStore secrets;
    secrets.m_kind = Kind::Keychain;
    secrets.m_keychain = std::move(store);
    return secrets;
}

SecretStore SecretStore::files(const QString &directory)
{
    SecretStore secrets;
    secrets.m_kind = Kind::File;
    secrets.m_directory = QDir::cleanPath(directory);
    return secrets;
}

Result<SecretStore> SecretStore::select(const std::optional<QString> &option)
{
    const bool fromEnvironment = !option && !qEnvironmentVariableIsEmpty("JITSI_DEPLOYER_SECRET_STORE");
    const QString chosen = option            ? option->trimmed()
                           : fromEnvironment ? qEnvironmentVariable("JITSI_DEPLOYER_SECRET_STORE").trimmed()
                                             : u"keychain"_s;
    if (chosen == u"keychain"_s)
        return keychain();
    if (chosen == u"file"_s)
        return files(FileSecretStore::defaultDirectory());
    return Error{u"input"_s,
                 u"secret_store_invalid"_s,
                 tr("\u201c%1\u201d is not a secret store. Use \u201ckeychain\u201d (the system keychain, the default) "
                    "or \u201c"
                    "file\u201d (files only you can read, for machines without a keychain), with "
                    "--secret-store or JITSI_DEPLOYER_SECRET_STORE.")
                         .arg(chosen),
                 {},
                 {},
                 0};
}

QString SecretStore::name() const
{
    return m_kind == Kind::File ? u"file"_s : u"keychain"_s;
}

QString SecretStore::description() const
{
    if (m_kind == Kind::File)
        return tr("files in %1").arg(QDir::toNativeSeparators(m_directory));
    return tr("the system keychain");
}

Result<void> SecretStore::checkAvailable() const
{
    if (m_kind == Kind::File)
        return FileSecretStore(m_directory).checkAvailable();
    return CredentialStore::checkAvailable();
}

void SecretStore::read(const QString &key, QObject *context, ReadCallback done) const
{
    Q_ASSERT(context);
    if (m_kind == Kind::Keychain)
        return m_keychain.read(key, context, std::move(done));
    Result<QByteArray> value = FileSecretStore(m_directory).read(key);
    if (value.ok())
        rememberSecret(value.value());
    qCDebug(lcSecrets) << "file store: read" << key << (value.ok() ? "ok" : qPrintable(value.error().code));
    deliverLater(context, std::move(done), std::move(value));
}

void SecretStore::readText(const QString &key, QObject *context, ReadTextCallback done) const
{
    read(key, context, [done = std::move(done)](Result<QByteArray> result) {
        if (!result)
            done(result.error());
        else
            done(QString::fromUtf8(result.value()));
    });
}

void SecretStore::write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) const
{
    Q_ASSERT(context);
    if (m_kind == Kind::Keychain)
        return m_keychain.write(key, value, context, std::move(done));
    rememberSecret(value);
    Result<void> written = FileSecretStore(m_directory).write(key, value);
    qCDebug(lcSecrets) << "file store: write" << key << (written.ok() ? "ok" : qPrintable(written.error().code));
    deliverLater(context, std::move(done), std::move(written));
}

void SecretStore::writeText(const QString &key, const QString &value, QObject *context, DoneCallback done) const
{
    Q_ASSERT(context);
    if (m_kind == Kind::Keychain)
        return m_keychain.writeText(key, value, context, std::move(done));
    Redactor::instance().addSecret(value);
    write(key, value.toUtf8(), context, std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, DoneCallback done) const
{
    Q_ASSERT(context);
    if (m_kind == Kind::Keychain)
        return m_keychain.remove(key, context, std::move(done));
    Result<void> removed = FileSecretStore(m_directory).remove(key);
    qCDebug(lcSecrets) << "file store: remove" << key << (removed.ok() ? "ok" : qPrintable(removed.error().code));
    deliverLater(context, std::move(done), std::move(removed));
}
