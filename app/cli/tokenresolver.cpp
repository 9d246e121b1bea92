#include "tokenresolver.h"

#include "common/inputvalidation.h"
#include "common/redactor.h"
#include "secrets/tokensource.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

TokenResolver::TokenResolver(SecretStore store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{ }

void TokenResolver::resolve(QObject *context, std::function<void(Result<QString>)> done)
{
    // A set but empty or mangled HCLOUD_TOKEN is a mistake to report, not a reason to fall back to the
    // keychain silently: the user meant to give that token.
    if (qEnvironmentVariableIsSet("HCLOUD_TOKEN")) {
        const QString raw = qEnvironmentVariable("HCLOUD_TOKEN");
        Redactor::instance().addSecret(raw.trimmed());
        Result<QString> checked = InputValidation::token(raw);
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, this, [guard, done, checked] {
            if (guard)
                done(checked);
        });
        return;
    }
    TokenSource(m_store).resolve(context, [done](Result<TokenSource::Token> token) {
        if (!token) {
            Error error = token.error();
            if (error.code == u"token_missing"_s)
                error.domain = u"input"_s; // nothing to talk to yet: a usage problem, exit code 2
            return done(error);
        }
        done(InputValidation::token(token->value));
    });
}
