#include "provision/envfile.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EnvFile", text);
}

Error invalid(const QString &field, const QString &message)
{
    return Error{u"provision"_s, u"invalid_parameter"_s, message, u"env file field: "_s + field, {}, 0};
}

bool matches(const QString &value, const QRegularExpression &pattern)
{
    return pattern.match(value).hasMatch();
}

// Only characters that need no escaping inside single quotes, a HOCON quoted string or a debconf value.
bool isSafeUrl(const QString &url)
{
    static const QRegularExpression pattern(u"\\A[A-Za-z0-9:/._~%?=&+-]+\\z"_s);
    const QUrl parsed(url, QUrl::StrictMode);
    return matches(url, pattern) && parsed.isValid() && (parsed.scheme() == u"https"_s || parsed.scheme() == u"http"_s)
           && !parsed.host().isEmpty();
}

// A normalised IPv4 or IPv6 address, or an empty string.
QString normalisedAddress(const QString &text)
{
    QHostAddress address;
    if (text.contains(u'/') || !address.setAddress(text))
        return {};
    if (address.protocol() != QAbstractSocket::IPv4Protocol && address.protocol() != QAbstractSocket::IPv6Protocol)
        return {};
    return address.toString();
}

class Writer
{
public:
    void comment(const QString &text) { m_text += u"# "_s + text + u'\n'; }
    // Callers pass only checked values; a quote is refused anyway, as a last line of defence.
    bool set(const QString &name, const QString &value)
    {
        if (value.contains(u'\'') || value.contains(u'\n') || value.contains(u'\\'))
            return false;
        m_text += name + u"='"_s + value + u"'\n"_s;
        return true;
    }
    QByteArray bytes() const { return m_text.toUtf8(); }

private:
    QString m_text;
};

} // namespace

Result<QHash<QString, QString>> EnvFile::parse(const QByteArray &bytes)
{
    // The mirror of Writer::set: a value never holds a quote, a line break or a backslash.
    static const QRegularExpression assignment(u"\\A([A-Z][A-Z0-9_]*)='([^'\\\\]*)'\\z"_s);
    QHash<QString, QString> values;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QRegularExpressionMatch match = assignment.match(line);
        if (!match.hasMatch()) {
            // The line itself may hold a secret: only its number goes into the error.
            return Error{u"provision"_s,
                         u"invalid_env_file"_s,
                         tr("The parameter file is damaged: line %1 is not of the form NAME='value'. Deploy again "
                            "to write it anew.")
                                 .arg(i + 1),
                         u"env file line %1"_s.arg(i + 1),
                         {},
                         0};
        }
        values.insert(match.captured(1), match.captured(2));
    }
    return values;
}

QString EnvFile::remotePath()
{
    return u"/etc/jitsi-deployer/provision.env"_s;
}

bool EnvFile::isSafeDomain(const QString &domain)
{
    static const QRegularExpression label(u"\\A[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\z"_s);
    if (domain.isEmpty() || domain.size() > 253)
        return false;
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2)
        return false;
    for (const QString &part : labels)
        if (!matches(part, label))
            return false;
    // The top-level label is never all digits (that would be an IP address).
    static const QRegularExpression digits(u"\\A[0-9]+\\z"_s);
    return !matches(labels.last(), digits);
}

bool EnvFile::isSafeEmail(const QString &email)
{
    static const QRegularExpression local(u"\\A[A-Za-z0-9._+-]{1,64}\\z"_s);
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || email.count(u'@') != 1)
        return false;
    return matches(email.left(at), local) && isSafeDomain(email.mid(at + 1).toLower());
}

bool EnvFile::isSafeSecret(const QString &secret)
{
    static const QRegularExpression pattern(u"\\A[A-Za-z0-9]{24,}\\z"_s);
    return matches(secret, pattern);
}

Result<QByteArray> EnvFile::render(const DeploymentPlan &plan, const DeploymentSecrets &secrets, const HostInputs &host,
                                   Mode mode)
{
    const bool real = mode == Mode::Real;
    const bool bridge = host.role == HostRole::Bridge;

    if (!isSafeDomain(plan.domain))
        return invalid(u"domain"_s, tr("The domain is not a fully qualified domain name in lower-case ASCII, such as "
                                       "meet.example.org (write an international domain in punycode)."));
    if (!bridge && !isSafeEmail(plan.email))
        return invalid(u"email"_s,
                       tr("The e-mail address is not valid; use a plain address such as admin@example.org."));
    static const QRegularExpression serverName(u"\\A[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\z"_s);
    if (!matches(host.serverName, serverName))
        return invalid(u"serverName"_s, tr("The server name is not a valid host name."));
    if (bridge && (host.bridgeNumber < 1 || host.bridgeNumber > plan.bridges.size()))
        return invalid(u"bridgeNumber"_s, tr("The bridge number is not one of the plan's bridges."));

    // Secrets: checked in every mode, so a dry run reports a bad secret as well; never quoted in a message.
    if (!isSafeSecret(secrets.jvbSecret))
        return invalid(u"jvbSecret"_s,
                       tr("The videobridge secret must be at least 24 letters and digits; other characters are "
                          "not safe in the configuration files. Generate a new one."));
    if (!bridge && !isSafeSecret(secrets.focusPassword))
        return invalid(u"focusPassword"_s,
                       tr("The jicofo password must be at least 24 letters and digits; other characters are "
                          "not safe in the configuration files. Generate a new one."));

    QSet<QString> bridgeLocations;
    static const QRegularExpression location(u"\\A[a-z0-9-]{1,32}\\z"_s);
    for (const HostSpec &spec : plan.bridges) {
        if (!matches(spec.location, location))
            return invalid(u"location"_s, tr("A bridge location is not a valid Hetzner location name."));
        bridgeLocations.insert(spec.location);
    }
    const bool multiLocation = bridgeLocations.size() > 1;

    Writer out;
    out.comment(u"Jitsi Deployer: parameters of the install script for %1."_s.arg(host.serverName));
    out.comment(u"Holds the deployment's secrets: root-only, mode 0600. The scripts refuse any other mode."_s);
    if (!real)
        out.comment(u"Dry run: secrets and unknown addresses are <placeholders>."_s);
    bool ok = true;
    ok &= out.set(u"JD_ROLE"_s, bridge ? u"bridge"_s : u"web"_s);
    ok &= out.set(u"JD_DOMAIN"_s, plan.domain);
    ok &= out.set(u"JD_SERVER_NAME"_s, host.serverName);
    ok &= out.set(u"JD_JVB_SECRET"_s, real ? secrets.jvbSecret : u"<jvb-secret>"_s);
    ok &= out.set(u"JD_MULTI_LOCATION"_s, multiLocation ? u"true"_s : u"false"_s);

    if (!host.phase.isEmpty() && host.phase != u"all"_s && !(bridge && host.phase == u"packages"_s))
        return invalid(u"phase"_s, tr("The install phase is not one this host supports."));
    // The packages phase runs before the web host exists: its address and certificate may be missing.
    const bool packagesPhase = host.phase == u"packages"_s;

    if (bridge) {
        ok &= out.set(u"JD_PHASE"_s, packagesPhase ? u"packages"_s : u"all"_s);
        // A Debian version: epoch, upstream and revision characters only (it ends up in an apt-get argument).
        static const QRegularExpression debianVersion(u"\\A[0-9][A-Za-z0-9.+~:-]*\\z"_s);
        if (!host.jvbVersion.isEmpty() && !debianVersion.match(host.jvbVersion).hasMatch())
            return invalid(
                    u"jvbVersion"_s,
                    tr("The bridge package version \"%1\" is not a Debian package version.").arg(host.jvbVersion));
        if (!host.jvbVersion.isEmpty())
            ok &= out.set(u"JD_JVB_VERSION"_s, host.jvbVersion);
        const QString xmppHost = host.webPrivateIp.isEmpty() ? host.webPublicIp : host.webPrivateIp;
        QString xmppValue = normalisedAddress(xmppHost);
        if (xmppValue.isEmpty() && !real)
            xmppValue = host.webPrivateIp.isEmpty() ? u"<web-public-ip>"_s : u"<web-private-ip>"_s;
        if (xmppValue.isEmpty() && !packagesPhase)
            return invalid(u"webAddress"_s, tr("The web server's address is missing or not an IP address, so the "
                                               "bridge cannot be configured to reach it."));
        if (!xmppValue.isEmpty()) // the packages phase does not read it
            ok &= out.set(u"JD_XMPP_HOST"_s, xmppValue);
        ok &= out.set(u"JD_REGION"_s, plan.bridges.at(host.bridgeNumber - 1).location);
        const bool disable = plan.options.disableCertificateVerification;
        ok &= out.set(u"JD_DISABLE_CERT_VERIFICATION"_s, disable ? u"true"_s : u"false"_s);
        if (!disable) {
            const QString pem = host.prosodyAuthCertificate.trimmed();
            if (pem.startsWith(u"-----BEGIN CERTIFICATE-----"_s) && pem.endsWith(u"-----END CERTIFICATE-----"_s)) {
                ok &= out.set(u"JD_PROSODY_AUTH_CERT_B64"_s, QString::fromLatin1((pem + u'\n').toUtf8().toBase64()));
            } else if (real && !packagesPhase) {
                return invalid(u"prosodyAuthCertificate"_s,
                               tr("The web server's certificate for auth.%1 is missing or not a PEM certificate; "
                                  "the bridge needs it to trust the web server.")
                                       .arg(plan.domain));
            } else if (!real) {
                ok &= out.set(u"JD_PROSODY_AUTH_CERT_B64"_s, u"<prosody-auth-certificate>"_s);
            }
        }
    } else {
        ok &= out.set(u"JD_EMAIL"_s, plan.email);
        ok &= out.set(u"JD_FOCUS_PASSWORD"_s, real ? secrets.focusPassword : u"<focus-password>"_s);
        ok &= out.set(u"JD_TURN_SERVER"_s, plan.options.turnServer ? u"true"_s : u"false"_s);
        ok &= out.set(u"JD_MEETING_ACCESS"_s, DeploymentPlan::meetingAccessName(plan.options.meetingAccess));
        QStringList addresses;
        for (const QString &text : host.bridgeAddresses) {
            const QString address = normalisedAddress(text);
            if (address.isEmpty())
                return invalid(u"bridgeAddresses"_s, tr("A bridge address is not an IPv4 or IPv6 address."));
            if (!addresses.contains(address))
                addresses << address;
        }
        if (addresses.isEmpty() && !real)
            addresses << u"<bridge-addresses>"_s;
        ok &= out.set(u"JD_BRIDGE_ADDRESSES"_s, addresses.join(u' '));
        if (!host.acmeDirectoryUrl.isEmpty() && !isSafeUrl(host.acmeDirectoryUrl))
            return invalid(u"acmeDirectoryUrl"_s, tr("The ACME directory URL is not a plain http or https URL."));
        ok &= out.set(u"JD_ACME_DIRECTORY_URL"_s, host.acmeDirectoryUrl);
    }
    if (!ok) // unreachable with the checks above
        return invalid(u"value"_s, tr("A parameter contains characters that are not safe in the parameter file."));
    return out.bytes();
}
