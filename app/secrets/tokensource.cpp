#include "tokensource.h"

#include "common/logging.h"
#include "common/redactor.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>

#include <utility>

using namespace Qt::StringLiterals;

TokenSource::TokenSource(SecretStore store)
    : m_store(std::move(store))
{ }

void TokenSource::resolve(QObject *context, std::function<void(Result<Token>)> done) const
{
    Q_ASSERT(context);
    // Surrounding whitespace is a paste artefact, never part of a token.
    const QString fromEnvironment = qEnvironmentVariable("HCLOUD_TOKEN").trimmed();
    if (!fromEnvironment.isEmpty()) {
        Redactor::instance().addSecret(fromEnvironment);
        qCDebug(lcSecrets) << "using the API token from HCLOUD_TOKEN";
        Result<Token> result(Token{fromEnvironment, Origin::Environment});
        QMetaObject::invokeMethod(
                context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
        return;
    }

    const Origin origin = m_store.kind() == SecretStore::Kind::File ? Origin::File : Origin::Keychain;
    m_store.readText(CredentialStore::tokenKey(), context, [origin, done = std::move(done)](Result<QString> stored) {
        if (stored && !stored->trimmed().isEmpty()) {
            qCDebug(lcSecrets) << "using the API token from the secret store";
            done(Token{stored->trimmed(), origin});
            return;
        }
        Error error = stored ? Error{u"keychain"_s, u"not_found"_s, {}, u"empty token entry in the keychain"_s, {}, 0}
                             : stored.error();
        if (error.code == u"not_found"_s) {
            error.code = u"token_missing"_s;
            error.message = tr("No Hetzner Cloud API token found. Set the HCLOUD_TOKEN environment variable, or "
                               "save a token with the wizard (start jitsi-deployer without arguments).");
        } else if (error.code == u"keychain_unavailable"_s) {
            error.code = u"token_missing"_s;
            error.message = tr("No Hetzner Cloud API token found: HCLOUD_TOKEN is not set and no system keychain "
                               "is available to read a saved token from. Set HCLOUD_TOKEN, or start a keyring "
                               "service such as GNOME Keyring or KWallet.");
        }
        done(error);
    });
}
