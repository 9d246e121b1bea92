#pragma once

#include "secrets/credentialstore.h"

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace hcloud {
class HetznerClient;
}

// Owns the wizard's token step (DESIGN.md §2 step 1): checks a token against Hetzner Cloud, keeps a
// working one in the system keychain, and finds a token given earlier. It holds no widgets; the shell
// connects it to the Token page's checkRequested() and showCheckResult().
//
// Owns its QNetworkAccessManager and HetznerClient. Everything is asynchronous on the thread it lives
// in (the GUI thread); the token is never logged or put into a message.
class TokenController : public QObject
{
    Q_OBJECT

public:
    // The endpoint comes from HCLOUD_ENDPOINT when set, else it is Hetzner's own.
    explicit TokenController(QObject *parent = nullptr);
    ~TokenController() override;

    // Overrides the endpoint (tests, or a --api-endpoint option); an invalid one fails every check.
    void setEndpoint(const QString &endpoint);
    QUrl endpoint() const { return m_endpoint; }

    // Where an accepted token is saved; the default is the application's keychain service.
    void setCredentialStore(const CredentialStore &store) { m_store = store; }

    bool isChecking() const { return m_checking; }

    // The token that passed the last check, for the steps after this one; empty until one did. It
    // lives in memory even when the keychain could not keep it.
    QString acceptedToken() const { return m_acceptedToken; }

public Q_SLOTS:
    // Looks in HCLOUD_TOKEN, then the keychain; emits tokenFound() when either has a token, else nothing.
    void findSavedToken();

    // Checks the token and, when it can read and write, saves it. Ends with exactly one checkFinished(),
    // always later (never from inside this call). Ignored while a check is running.
    void check(const QString &token);

Q_SIGNALS:
    void tokenFound(const QString &token);
    // message is for the user, already translated, and never contains the token.
    void checkFinished(bool ok, const QString &message);

private:
    void finishLater(bool ok, const QString &message);
    void finish(bool ok, const QString &message);
    void accept(const QString &token, int serverCount);

    QNetworkAccessManager *m_network = nullptr;
    hcloud::HetznerClient *m_client = nullptr;
    CredentialStore m_store;
    QUrl m_endpoint;
    QString m_endpointProblem; // the user-facing reason when the endpoint is unusable
    // Tokens found at start, so a check of the same token does not write it back where it came from.
    QString m_environmentToken;
    QString m_keychainToken;
    QString m_acceptedToken;
    bool m_checking = false;
};
