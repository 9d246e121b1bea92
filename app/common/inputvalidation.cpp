#include "inputvalidation.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace {
Error inputError(const QString &code, const QString &message)
{
    return Error{u"input"_s, code, message, {}, {}, 0};
}

QString tr(const char *text)
{
    return QCoreApplication::translate("InputValidation", text);
}
} // namespace

namespace InputValidation {

Result<QString> token(const QString &raw)
{
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty())
        return inputError(u"token_empty"_s,
                          tr("The API token is empty. Create one in the Hetzner Console under Security → API "
                             "tokens (Read & Write) and paste it."));
    for (const QChar c : trimmed) {
        if (c.isSpace() || c.unicode() < 0x21 || c.unicode() > 0x7e)
            return inputError(u"token_malformed"_s,
                              tr("The API token contains spaces, line breaks or characters that no Hetzner token "
                                 "has. Copy it again from the Hetzner Console, without anything around it."));
        if (c == u'"' || c == u'\'')
            return inputError(u"token_malformed"_s,
                              tr("The API token contains quotation marks. Paste the token alone, without quotes."));
    }
    if (trimmed.size() > 256)
        return inputError(u"token_malformed"_s,
                          tr("The API token is far longer than a Hetzner token (64 characters). Check that only the "
                             "token was pasted."));
    return trimmed;
}

Result<QUrl> endpoint(const QString &raw)
{
    const QUrl url(raw.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https"_s && scheme != u"http"_s))
        return inputError(u"endpoint_invalid"_s,
                          tr("The API endpoint must be an http or https URL such as https://api.hetzner.cloud/v1."));
    if (scheme == u"http"_s && !isLoopbackHost(url.host()))
        return inputError(u"endpoint_insecure"_s,
                          tr("The API endpoint %1 uses plain http, which would send your API token unencrypted "
                             "over the network. Use https:// instead (plain http is only accepted for a test "
                             "server on this machine: localhost, 127.0.0.1 or ::1).")
                                  .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    return url;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    // QUrl::host() gives IPv6 addresses without brackets; a name that merely looks numeric does not parse.
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<QString> architecture(const QString &raw)
{
    const QString value = raw.trimmed().toLower();
    if (value == u"x86"_s || value == u"arm"_s)
        return value;
    return inputError(u"architecture_invalid"_s, tr("Unknown architecture. Use x86 or arm."));
}

} // namespace InputValidation
