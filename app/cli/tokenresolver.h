#pragma once

#include "common/result.h"
#include "secrets/secretstore.h"

#include <QObject>

#include <functional>

// Finds the API token the way the hcloud CLI users expect: HCLOUD_TOKEN wins, else the token the wizard
// saved in the secret store (the system keychain, or the file store when chosen). The token is checked for obvious
// paste mistakes before it is used.
class TokenResolver : public QObject
{
    Q_OBJECT

public:
    explicit TokenResolver(SecretStore store, QObject *parent = nullptr);

    void resolve(QObject *context, std::function<void(Result<QString>)> done);

private:
    SecretStore m_store;
};
