#include "tokencontroller.h"

#include "common/inputvalidation.h"
#include "common/logging.h"
#include "common/redactor.h"
#include "hcloud/hetznerclient.h"
#include "secrets/tokensource.h"

#include <QMetaObject>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

TokenController::TokenController(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_client(new hcloud::HetznerClient(m_network, this))
{
    const QString fromEnvironment = qEnvironmentVariable("HCLOUD_ENDPOINT").trimmed();
    if (fromEnvironment.isEmpty()) {
        setEndpoint(QString::fromLatin1(hcloud::defaultEndpoint));
        return;
    }
    setEndpoint(fromEnvironment);
    if (!m_endpointProblem.isEmpty())
        m_endpointProblem = tr("HCLOUD_ENDPOINT is not a usable API address: %1 Correct or unset it, then restart "
                               "Jitsi Deployer.")
                                    .arg(m_endpointProblem);
}

TokenController::~TokenController() = default;

void TokenController::setEndpoint(const QString &endpoint)
{
    const Result<QUrl> checked = InputValidation::endpoint(endpoint);
    if (!checked) {
        m_endpoint.clear();
        m_endpointProblem = checked.error().message;
        qCWarning(lcGui) << "unusable API endpoint:" << checked.error().toString();
        return;
    }
    m_endpoint = *checked;
    m_endpointProblem.clear();
    m_client->setEndpoint(m_endpoint);
}

void TokenController::findSavedToken()
{
    TokenSource(m_store).resolve(this, [this](Result<TokenSource::Token> found) {
        if (!found) {
            // Nothing saved is the normal first start; the user types a token then.
            qCDebug(lcGui) << "no saved API token to prefill:" << found.error().code << found.error().detail;
            return;
        }
        if (found->origin == TokenSource::Origin::Environment)
            m_environmentToken = found->value;
        else
            m_keychainToken = found->value;
        qCDebug(lcGui) << "prefilling the API token from"
                       << (found->origin == TokenSource::Origin::Environment ? "HCLOUD_TOKEN" : "the keychain");
        Q_EMIT tokenFound(found->value);
    });
}

void TokenController::check(const QString &rawToken)
{
    if (m_checking) {
        qCDebug(lcGui) << "a token check is already running; not starting a second one";
        return;
    }
    m_checking = true;
    m_acceptedToken.clear();
    // Even a malformed token may be most of a real one: keep it out of every log line from here on.
    Redactor::instance().addSecret(rawToken.trimmed());

    const Result<QString> token = InputValidation::token(rawToken);
    if (!token) {
        finishLater(false, token.error().message);
        return;
    }
    if (!m_endpointProblem.isEmpty()) {
        finishLater(false, m_endpointProblem);
        return;
    }

    qCInfo(lcGui) << "checking the API token against" << m_endpoint.toDisplayString();
    m_client->setToken(*token);
    m_client->checkToken(this, [this, token = *token](Result<hcloud::HetznerClient::TokenInfo> info) {
        if (!info) {
            qCInfo(lcGui) << "token check failed:" << info.error().toString();
            finish(false, info.error().message);
            return;
        }
        if (!info->readWrite) {
            qCInfo(lcGui) << "the API token is read-only";
            finish(false,
                   tr("This token can only read. Jitsi Deployer creates servers, so it needs a token with Read & "
                      "Write permission: create one in the Hetzner Console under Security \u2192 API tokens and "
                      "paste it here."));
            return;
        }
        accept(token, info->serverCount);
    });
}

void TokenController::accept(const QString &token, int serverCount)
{
    // A count after a colon reads right in every language without plural forms (and an English .qm).
    const QString works = tr("The token works: read & write access. Servers in the project: %1.").arg(serverCount);
    m_acceptedToken = token;
    if (token == m_environmentToken) {
        // The user chose where this token lives; copying it into the keychain would outlive that choice.
        finish(true,
               works + u' '
                       + tr("It comes from the HCLOUD_TOKEN environment variable and is not saved in the keychain."));
        return;
    }
    if (token == m_keychainToken) {
        finish(true, works + u' ' + tr("It is saved in your system keychain."));
        return;
    }
    m_store.writeText(CredentialStore::tokenKey(), token, this, [this, token, works](Result<void> saved) {
        if (!saved) {
            qCWarning(lcGui) << "could not save the API token:" << saved.error().toString();
            finish(true, works + u' '
                                 + tr("It could not be saved, so you will have to enter it again next time (it is kept "
                                      "only until Jitsi Deployer closes). %1")
                                           .arg(saved.error().message));
            return;
        }
        m_keychainToken = token;
        qCInfo(lcGui) << "saved the API token in the keychain";
        finish(true, works + u' ' + tr("It is saved in your system keychain."));
    });
}

void TokenController::finishLater(bool ok, const QString &message)
{
    QMetaObject::invokeMethod(
            this, [this, ok, message] { finish(ok, message); }, Qt::QueuedConnection);
}

void TokenController::finish(bool ok, const QString &message)
{
    m_checking = false;
    Q_EMIT checkFinished(ok, message);
}
