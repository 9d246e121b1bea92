#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The accounts that may open meetings on a moderated deployment (docs/provisioning.md "Meeting access"): prosody
// users of the meeting domain, changed on the web host by resources/provision/web-accounts.sh.
struct AccountRequest
{
    Q_DECLARE_TR_FUNCTIONS(AccountRequest)

public:
    enum class Action { List, Add, Remove };

    Action action = Action::List;
    QString user; // Add, Remove: the local part, e.g. "alice" for alice@<domain>
    QString password; // Add: reaches the host on stdin only; registered with the Redactor before it travels

    static constexpr int minimumPasswordLength = 8; // web-accounts.sh refuses shorter ones too
    static constexpr int maximumPasswordLength = 128;
    static constexpr int generatedPasswordLength = 16;

    // Lower-case letters, digits, '.', '_' and '-', 1 to 64 characters, starting with a letter or digit: what
    // prosody's nodeprep keeps as typed and what a person can say over the phone.
    static Result<void> validateUser(const QString &user);
    // At least minimumPasswordLength characters, at most maximumPasswordLength, no line break (the script reads one
    // line) and no control character.
    static Result<void> validatePassword(const QString &password);
    // generatedPasswordLength characters from the system's cryptographic RNG, without look-alikes (0/O, 1/l/I), so it
    // can be read out or typed from a screen.
    static QString generatePassword();

    Result<void> validate() const; // the fields the action needs
    static QString actionName(Action action); // "list", "add", "remove" (web-accounts.sh's arguments)
};

// What web-accounts.sh reports after any action: whether the deployment is moderated, and its accounts.
struct AccountList
{
    bool moderated = false;
    QStringList users; // sorted

    QJsonObject toJson() const; // {"meeting_access": "open|moderated", "accounts": [...]}
};
