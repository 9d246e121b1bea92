#include "accounts.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
Error invalidAccount(const QString &field, const QString &message)
{
    return Error{u"input"_s, u"account_invalid"_s, message, field, {}, 0};
}
} // namespace

Result<void> AccountRequest::validateUser(const QString &user)
{
    static const QRegularExpression pattern(u"\\A[a-z0-9][a-z0-9._-]{0,63}\\z"_s);
    if (user.isEmpty())
        return invalidAccount(u"user"_s, tr("The user name is empty; enter a name such as alice."));
    if (!pattern.match(user).hasMatch())
        return invalidAccount(u"user"_s, tr("The user name \"%1\" is not allowed: use 1 to 64 lower-case letters, "
                                            "digits, dots, dashes or underscores, starting with a letter or digit "
                                            "(such as alice or j.doe).")
                                                 .arg(user));
    return {};
}

Result<void> AccountRequest::validatePassword(const QString &password)
{
    if (password.size() < minimumPasswordLength)
        return invalidAccount(u"password"_s,
                              tr("The password has %n character(s); use at least %1, or let the app generate one.",
                                 nullptr, int(password.size()))
                                      .arg(minimumPasswordLength));
    if (password.size() > maximumPasswordLength)
        return invalidAccount(
                u"password"_s,
                tr("The password is longer than %1 characters; use a shorter one.").arg(maximumPasswordLength));
    for (const QChar c : password)
        if (c.category() == QChar::Other_Control)
            return invalidAccount(u"password"_s, tr("The password contains a line break or another control "
                                                    "character; use letters, digits and punctuation."));
    return {};
}

QString AccountRequest::generatePassword()
{
    static constexpr char16_t alphabet[] = u"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    constexpr int size = int(std::size(alphabet)) - 1;
    QString password;
    password.reserve(generatedPasswordLength);
    for (int i = 0; i < generatedPasswordLength; ++i)
        password += QChar(alphabet[QRandomGenerator::system()->bounded(size)]);
    return password;
}

Result<void> AccountRequest::validate() const
{
    if (action == Action::List)
        return {};
    if (auto checked = validateUser(user); !checked)
        return checked;
    if (action == Action::Add)
        return validatePassword(password);
    return {};
}

QString AccountRequest::actionName(Action action)
{
    switch (action) {
    case Action::List:
        return u"list"_s;
    case Action::Add:
        return u"add"_s;
    case Action::Remove:
        return u"remove"_s;
    }
    return u"list"_s;
}

QJsonObject AccountList::toJson() const
{
    return QJsonObject{{u"meeting_access"_s, moderated ? u"moderated"_s : u"open"_s},
                       {u"accounts"_s, QJsonArray::fromStringList(users)}};
}
