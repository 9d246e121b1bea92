#include "accountoptions.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

// How many words an engine command takes: remove-bridge NAME, account list | account add/remove USER, else one.
qsizetype AccountOptions::engineWordCount(const QStringList &words)
{
    if (words.value(0) == u"remove-bridge"_s)
        return 2;
    if (words.value(0) == u"account"_s)
        return words.value(1) == u"add"_s || words.value(1) == u"remove"_s ? 3 : 2;
    return 1;
}

// account list|add|remove [USER]: the action, the user name checked, and the password of "add": generated, or the
// first line of stdin with --password-stdin (never an argument, which would sit in the shell's history).
Result<void> AccountOptions::parse(const QStringList &words, bool passwordFromStdin, EngineCommand::Request &request)
{
    const QString action = words.value(1);
    if (action != u"list"_s && action != u"add"_s && action != u"remove"_s)
        return Error{u"input"_s,
                     u"account_action_invalid"_s,
                     QCoreApplication::translate("CliApplication",
                                                 "\"account\" needs list, add USER or remove USER; \"%1\" is "
                                                 "none of these.")
                             .arg(action),
                     {},
                     {},
                     0};
    request.account.action = action == u"add"_s      ? AccountRequest::Action::Add
                             : action == u"remove"_s ? AccountRequest::Action::Remove
                                                     : AccountRequest::Action::List;
    request.account.user = words.value(2).trimmed();
    if (request.account.action == AccountRequest::Action::List)
        return {};
    if (auto user = AccountRequest::validateUser(request.account.user); !user.ok())
        return user.error();
    if (request.account.action != AccountRequest::Action::Add)
        return {};
    if (passwordFromStdin) {
        QTextStream in(stdin);
        QString password = in.readLine();
        if (password.endsWith(u'\r'))
            password.chop(1);
        if (auto checked = AccountRequest::validatePassword(password); !checked.ok())
            return checked.error();
        request.account.password = password;
    } else {
        request.account.password = AccountRequest::generatePassword();
        request.passwordGenerated = true;
    }
    return {};
}
