#include "credentialstore.h"

#include "common/logging.h"
#include "common/redactor.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMetaObject>
#include <QObject>

#include <qt6keychain/keychain.h>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

const auto domain = u"keychain"_s;

// What the user reads in an error: the token gets a name they recognise, other keys are quoted.
QString describe(const QString &key)
{
    if (key == CredentialStore::tokenKey())
        return CredentialStore::tr("the Hetzner Cloud API token");
    return CredentialStore::tr("the secret \u201c%1\u201d").arg(key);
}

// The cause first (a session without D-Bus is the usual one: a login over SSH), then both ways on: a keyring
// for this session, or the file store for a machine that has none.
Error unavailableError(const QString &detail, bool noSessionBus)
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const QString cause
            = noSessionBus ? CredentialStore::tr("No system keychain is available to keep secrets safe: this session "
                                                 "has no D-Bus session bus (as in a login over SSH without a "
                                                 "desktop), and GNOME Keyring and KWallet are reached over one.")
                           : CredentialStore::tr("No system keychain is available to keep secrets safe.");
    const QString fix = CredentialStore::tr(
            "Either start a keyring for this session (dbus-run-session with gnome-keyring-daemon, as docs/cli.md "
            "shows), or keep the secrets in files only you can read: pass --secret-store file or set "
            "JITSI_DEPLOYER_SECRET_STORE=file (see docs/cli.md).");
#else
    Q_UNUSED(noSessionBus);
    const QString cause = CredentialStore::tr("No system keychain is available to keep secrets safe.");
    const QString fix = CredentialStore::tr(
            "Make sure you are logged in to your user account and try again, or keep the secrets in files only you "
            "can read: pass --secret-store file or set JITSI_DEPLOYER_SECRET_STORE=file (see docs/cli.md).");
#endif
    return Error{domain, u"keychain_unavailable"_s, cause + u' ' + fix, detail, {}, 0};
}

std::optional<Error> precheck(const QString &key)
{
    if (key.isEmpty())
        return Error{domain,
                     u"invalid_key"_s,
                     CredentialStore::tr("Internal error: a secret was requested without a valid name."),
                     u"empty or malformed keychain key"_s,
                     {},
                     0};
    if (const Result<void> available = CredentialStore::checkAvailable(); !available)
        return available.error();
    return std::nullopt;
}

enum class Operation { Read, Write, Remove };

Error jobError(const QKeychain::Job &job, const QString &key, Operation operation)
{
    const QString detail = u"QtKeychain error %1 for key %2: %3"_s.arg(int(job.error())).arg(key, job.errorString());
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error{domain,
                     u"not_found"_s,
                     key == CredentialStore::tokenKey()
                             ? CredentialStore::tr(
                                     "No Hetzner Cloud API token is saved in the system keychain. Enter it in the "
                                     "wizard, or set the HCLOUD_TOKEN environment variable.")
                             : CredentialStore::tr("The secret \u201c%1\u201d is not in the system keychain.").arg(key),
                     detail,
                     {},
                     0};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error{domain,
                     u"access_denied"_s,
                     CredentialStore::tr(
                             "The system keychain refused access to %1. Unlock your keyring, allow Jitsi Deployer "
                             "when asked, and try again.")
                             .arg(describe(key)),
                     detail,
                     {},
                     0};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailableError(detail, false);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
    case QKeychain::NoError:
        break;
    }
    QString what;
    switch (operation) {
    case Operation::Read:
        what = CredentialStore::tr("Could not read %1 from the system keychain.").arg(describe(key));
        break;
    case Operation::Write:
        what = CredentialStore::tr("Could not save %1 in the system keychain.").arg(describe(key));
        break;
    case Operation::Remove:
        what = CredentialStore::tr("Could not remove %1 from the system keychain.").arg(describe(key));
        break;
    }
    return Error{
            domain,
            u"keychain_error"_s,
            what + u' '
                    + CredentialStore::tr(
                            "Make sure your keyring (GNOME Keyring, KWallet or the system keychain) is running and "
                            "unlocked, then try again."),
            detail,
            {},
            0};
}

// Runs done(result) from the context's event loop, so no callback ever runs inside the call that
// scheduled it; dropped if the context dies first.
template<typename R, typename Callback>
void deliverLater(QObject *context, Callback done, R result)
{
    QMetaObject::invokeMethod(
            context, [done = std::move(done), result = std::move(result)] { done(result); }, Qt::QueuedConnection);
}

template<typename Job>
Job *makeJob(const QString &service, const QString &key)
{
    auto *job = new Job(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

void startWrite(QKeychain::WritePasswordJob *job, const QString &key, QObject *context,
                CredentialStore::DoneCallback done)
{
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            qCDebug(lcSecrets) << "write" << key << "failed:" << finished->error() << finished->errorString();
            done(jobError(*finished, key, Operation::Write));
            return;
        }
        qCDebug(lcSecrets) << "write" << key << "ok";
        done({});
    });
    job->start();
}

void rememberSecret(const QByteArray &value)
{
    // Binary values that are not text cannot show up in a log line as such; text ones can.
    const QString text = QString::fromUtf8(value);
    if (text.toUtf8() == value)
        Redactor::instance().addSecret(text);
}

} // namespace

QString CredentialStore::defaultService()
{
    return u"jitsi-deployer"_s;
}

QString CredentialStore::tokenKey()
{
    return u"token"_s;
}

QString CredentialStore::deploymentKey(const QString &slug, const QString &name)
{
    if (slug.isEmpty() || name.isEmpty() || slug.contains(u'/') || name.contains(u'/'))
        return {};
    return u"deployment/"_s + slug + u'/' + name;
}

CredentialStore::CredentialStore(QString service)
    : m_service(std::move(service))
{ }

Result<void> CredentialStore::checkAvailable()
{
#ifdef DEPLOYER_QKEYCHAIN_HAS_ISAVAILABLE
    if (!QKeychain::isAvailable())
        return unavailableError(u"QKeychain::isAvailable() reports no backend"_s, false);
#endif
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    // Secret Service and KWallet are both reached over the D-Bus session bus; without one every job
    // would fail later with a less helpful message.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
        if (runtimeDir.isEmpty() || !QFileInfo::exists(runtimeDir + u"/bus"_s))
            return unavailableError(u"no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is unset and there is no "
                                    "$XDG_RUNTIME_DIR/bus"_s,
                                    true);
    }
#endif
    return {};
}

void CredentialStore::read(const QString &key, QObject *context, ReadCallback done) const
{
    Q_ASSERT(context);
    if (const auto error = precheck(key))
        return deliverLater(context, std::move(done), Result<QByteArray>(*error));

    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (readJob->error() != QKeychain::NoError) {
            qCDebug(lcSecrets) << "read" << key << "failed:" << readJob->error() << readJob->errorString();
            done(jobError(*readJob, key, Operation::Read));
            return;
        }
        const QByteArray value = readJob->binaryData();
        rememberSecret(value);
        qCDebug(lcSecrets) << "read" << key << "ok";
        done(value);
    });
    job->start();
}

void CredentialStore::readText(const QString &key, QObject *context, ReadTextCallback done) const
{
    read(key, context, [done = std::move(done)](Result<QByteArray> result) {
        if (!result)
            done(result.error());
        else
            done(QString::fromUtf8(result.value()));
    });
}

void CredentialStore::write(const QString &key, const QByteArray &value, QObject *context, DoneCallback done) const
{
    Q_ASSERT(context);
    rememberSecret(value);
    if (const auto error = precheck(key))
        return deliverLater(context, std::move(done), Result<void>(*error));
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setBinaryData(value);
    startWrite(job, key, context, std::move(done));
}

void CredentialStore::writeText(const QString &key, const QString &value, QObject *context, DoneCallback done) const
{
    Q_ASSERT(context);
    Redactor::instance().addSecret(value);
    if (const auto error = precheck(key))
        return deliverLater(context, std::move(done), Result<void>(*error));
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(value);
    startWrite(job, key, context, std::move(done));
}

void CredentialStore::remove(const QString &key, QObject *context, DoneCallback done) const
{
    Q_ASSERT(context);
    if (const auto error = precheck(key))
        return deliverLater(context, std::move(done), Result<void>(*error));

    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
            qCDebug(lcSecrets) << "remove" << key << "failed:" << finished->error() << finished->errorString();
            done(jobError(*finished, key, Operation::Remove));
            return;
        }
        qCDebug(lcSecrets) << "remove" << key << "ok";
        done({});
    });
    job->start();
}
