#pragma once

#include "common/result.h"

#include <QObject>

#include <functional>

// Finds the API token the way the hcloud CLI users expect: HCLOUD_TOKEN wins, else the token the wizard
// saved in the system keychain. The token is checked for obvious paste mistakes before it is used.
class TokenResolver : public QObject
{
    Q_OBJECT

public:
    explicit TokenResolver(QObject *parent = nullptr);

    void resolve(QObject *context, std::function<void(Result<QString>)> done);
};
