#include "deploymentplan.h"

#include "ssh/sshpublickey.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace {

// `field` is the plan-file path of the bad value ("bridges[2].location"), kept as the detail for scripts.
Error invalid(const QString &field, const QString &message)
{
    return Error{u"input"_s, u"plan_invalid"_s, message, field, {}, 0};
}

bool isLabelCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-';
}

// One RFC 1123 hostname label: 1..63 letters, digits and hyphens, not starting or ending with a hyphen.
bool isHostnameLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    return std::all_of(label.begin(), label.end(), isLabelCharacter);
}

// The reason `domain` is not a usable FQDN, or an empty string when it is one. `what` names the field.
QString fqdnProblem(const QString &domain, const QString &what)
{
    if (domain.isEmpty())
        return DeploymentPlan::tr("%1 is empty; enter a domain name such as meet.example.org.").arg(what);
    for (const QChar c : domain)
        if (c.unicode() > 0x7f)
            return DeploymentPlan::tr(
                           "%1 \"%2\" contains non-ASCII characters; write an international domain in punycode "
                           "(xn--…) or let the plan file convert it.")
                    .arg(what, domain);
    if (domain.endsWith(u'.'))
        return DeploymentPlan::tr("%1 \"%2\" ends with a dot; leave the final dot out.").arg(what, domain);
    if (domain.size() > 253)
        return DeploymentPlan::tr("%1 is %2 characters long; a domain name has at most 253.")
                .arg(what)
                .arg(domain.size());
    const QStringList labels = domain.split(u'.');
    if (labels.size() < 2)
        return DeploymentPlan::tr(
                       "%1 \"%2\" is not a fully qualified domain name; use the full name, such as meet.example.org.")
                .arg(what, domain);
    for (const QString &label : labels) {
        if (label.isEmpty())
            return DeploymentPlan::tr("%1 \"%2\" has an empty part between dots.").arg(what, domain);
        if (label.size() > 63)
            return DeploymentPlan::tr(
                           "%1 \"%2\" has a part longer than 63 characters, the limit for one part of a domain name.")
                    .arg(what, domain);
        if (!isHostnameLabel(label))
            return DeploymentPlan::tr(
                           "%1 \"%2\" may only contain letters, digits, hyphens and dots, and no part may start or end "
                           "with a hyphen.")
                    .arg(what, domain);
    }
    static const QRegularExpression digitsOnly(u"^[0-9]+$"_s);
    if (digitsOnly.match(labels.last()).hasMatch())
        return DeploymentPlan::tr("%1 \"%2\" looks like an IP address; use a domain name.").arg(what, domain);
    return {};
}

// Hetzner's server type and location names: lower-case letters and digits, single inner hyphens.
bool isApiName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    return name.size() <= 32 && pattern.match(name).hasMatch();
}

Result<void> checkHost(const HostSpec &host, const QString &field)
{
    if (host.serverType.isEmpty())
        return invalid(
                field + u".server_type"_s,
                DeploymentPlan::tr(
                        "%1.server_type is empty; choose a server type such as cx33 (see \"jitsi-deployer hcloud "
                        "server-types\").")
                        .arg(field));
    if (!isApiName(host.serverType))
        return invalid(field + u".server_type"_s,
                       DeploymentPlan::tr(
                               "%1.server_type \"%2\" is not a server type name; names look like cx33 or cpx32 (see "
                               "\"jitsi-deployer hcloud server-types\").")
                               .arg(field, host.serverType));
    if (host.location.isEmpty())
        return invalid(
                field + u".location"_s,
                DeploymentPlan::tr("%1.location is empty; choose a location such as fsn1 (see \"jitsi-deployer hcloud "
                                   "locations\").")
                        .arg(field));
    if (!isApiName(host.location))
        return invalid(
                field + u".location"_s,
                DeploymentPlan::tr("%1.location \"%2\" is not a location name; names look like fsn1 or hel1 (see "
                                   "\"jitsi-deployer hcloud locations\").")
                        .arg(field, host.location));
    return {};
}

// The address reaches debconf answers and certbot's command line, so only the plain, common form is allowed.
Result<void> checkEmail(const QString &email)
{
    const QString field = u"email"_s;
    if (email.isEmpty())
        return invalid(field, DeploymentPlan::tr("email is empty; Let's Encrypt needs an address for expiry notices."));
    static const QRegularExpression localPart(u"^[A-Za-z0-9._%+-]+$"_s);
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || at != email.lastIndexOf(u'@') || email.size() > 254)
        return invalid(
                field,
                DeploymentPlan::tr("email \"%1\" is not an e-mail address such as admin@example.org.").arg(email));
    const QString local = email.left(at);
    const QString domain = email.mid(at + 1);
    if (local.size() > 64 || !localPart.match(local).hasMatch() || local.startsWith(u'.') || local.endsWith(u'.')
        || local.contains(u".."_s))
        return invalid(
                field,
                DeploymentPlan::tr("email \"%1\": the part before @ may only contain letters, digits and . _ % + - (no "
                                   "spaces, quotes or other symbols).")
                        .arg(email));
    if (const QString problem = fqdnProblem(domain, DeploymentPlan::tr("The e-mail domain")); !problem.isEmpty())
        return invalid(field, DeploymentPlan::tr("email \"%1\": %2").arg(email, problem));
    return {};
}

Result<void> checkCidr(const QString &cidr, const QString &field)
{
    if (!cidr.contains(u'/'))
        return invalid(field,
                       DeploymentPlan::tr(
                               "%1 \"%2\" has no prefix length; write a network in CIDR form such as %2/32 (one IPv4 "
                               "address) or %2/128 (one IPv6 address).")
                               .arg(field, cidr));
    const auto [address, prefix] = QHostAddress::parseSubnet(cidr);
    if (address.isNull() || prefix < 0)
        return invalid(
                field,
                DeploymentPlan::tr("%1 \"%2\" is not a network in CIDR form such as 203.0.113.0/24 or 2001:db8::/32.")
                        .arg(field, cidr));
    // The API refuses a network with host bits set; name the form it accepts.
    const QString canonical = address.toString() + u'/' + QString::number(prefix);
    if (QHostAddress(cidr.section(u'/', 0, 0)) != address)
        return invalid(
                field,
                DeploymentPlan::tr("%1 \"%2\" has host bits set; the network is %3.").arg(field, cidr, canonical));
    return {};
}

Result<QString> stringField(const QJsonObject &object, const QString &key, const QString &path, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            return invalid(
                    path,
                    DeploymentPlan::tr("The plan has no \"%1\"; it is required (see docs/plan-format.md).").arg(path));
        return QString();
    }
    if (!value.isString())
        return invalid(path, DeploymentPlan::tr("\"%1\" must be a text string.").arg(path));
    return value.toString();
}

Result<bool> boolField(const QJsonObject &object, const QString &key, const QString &path, bool fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool())
        return invalid(path, DeploymentPlan::tr("\"%1\" must be true or false.").arg(path));
    return value.toBool();
}

Result<void> rejectUnknownFields(const QJsonObject &object, const QStringList &known, const QString &prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
            return invalid(path, DeploymentPlan::tr(
                                         "The plan has an unknown field \"%1\"; check its spelling (known here: %2).")
                                         .arg(path, known.join(u", "_s)));
        }
    }
    return {};
}

Result<HostSpec> hostFromJson(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return invalid(path, DeploymentPlan::tr("\"%1\" must be an object with server_type and location.").arg(path));
    const QJsonObject object = value.toObject();
    if (auto unknown = rejectUnknownFields(object, {u"server_type"_s, u"location"_s}, path); !unknown)
        return unknown.error();
    const auto type = stringField(object, u"server_type"_s, path + u".server_type"_s, true);
    if (!type)
        return type.error();
    const auto location = stringField(object, u"location"_s, path + u".location"_s, true);
    if (!location)
        return location.error();
    return HostSpec{type.value(), location.value()};
}

QJsonObject hostToJson(const HostSpec &host)
{
    return QJsonObject{{u"server_type"_s, host.serverType}, {u"location"_s, host.location}};
}

QJsonObject optionsToJson(const DeploymentPlan::Options &options)
{
    QJsonObject object{{u"ssh_source_cidrs"_s, QJsonArray::fromStringList(options.sshSourceCidrs)},
                       {u"disable_certificate_verification"_s, options.disableCertificateVerification},
                       {u"turn_server"_s, options.turnServer}};
    if (!options.acmeDirectoryUrl.isEmpty())
        object.insert(u"acme_directory_url"_s, options.acmeDirectoryUrl);
    if (options.meetingAccess != DeploymentPlan::MeetingAccess::Open) // open is the default; older files lack it
        object.insert(u"meeting_access"_s, DeploymentPlan::meetingAccessName(options.meetingAccess));
    return object;
}

// The URL reaches certbot's command line through the install parameters, so only plain https URLs with
// unremarkable characters pass; anything else is refused rather than escaped.
Result<void> checkAcmeDirectoryUrl(const QString &url)
{
    if (url.isEmpty())
        return {};
    static const QRegularExpression safe(u"\\A[A-Za-z0-9:/._~%?=&+-]+\\z"_s);
    const QUrl parsed(url, QUrl::StrictMode);
    if (!safe.match(url).hasMatch() || !parsed.isValid() || parsed.scheme() != u"https"_s || parsed.host().isEmpty()
        || !parsed.userInfo().isEmpty())
        return invalid(u"options.acme_directory_url"_s,
                       DeploymentPlan::tr("options.acme_directory_url \"%1\" is not a plain https URL such as "
                                          "https://acme-staging-v02.api.letsencrypt.org/directory; leave it out "
                                          "for Let's Encrypt.")
                               .arg(url));
    return {};
}

// QUrl::toAce returns an empty result for text that is not a valid domain; keep the input then, so
// validate() explains what is wrong with it instead of "empty".
QString toAscii(const QString &domain)
{
    const QString lower = domain.trimmed().toLower();
    const bool ascii = std::all_of(lower.begin(), lower.end(), [](QChar c) { return c.unicode() <= 0x7f; });
    if (ascii)
        return lower;
    const QByteArray ace = QUrl::toAce(lower, QUrl::IgnoreIDNWhitelist);
    return ace.isEmpty() ? lower : QString::fromLatin1(ace);
}
} // namespace

QString DeploymentPlan::slug() const
{
    QString slug = domain.toLower();
    slug.replace(u'.', u'-');
    if (slug.size() <= maxSlugLength)
        return slug;
    const QByteArray hash = QCryptographicHash::hash(domain.toLower().toUtf8(), QCryptographicHash::Sha256).toHex();
    QString head = slug.left(maxSlugLength - 9);
    while (head.endsWith(u'-'))
        head.chop(1);
    return head + u'-' + QString::fromLatin1(hash.left(8));
}

QString DeploymentPlan::webServerName() const
{
    return slug() + u"-web"_s;
}

QString DeploymentPlan::bridgeName(int n) const
{
    return slug() + u"-jvb-"_s + QString::number(n);
}

QString DeploymentPlan::networkName() const
{
    return slug() + u"-net"_s;
}

QString DeploymentPlan::webFirewallName() const
{
    return slug() + u"-web"_s;
}

QString DeploymentPlan::bridgeFirewallName() const
{
    return slug() + u"-bridges"_s;
}

Result<void> DeploymentPlan::validateDomain(const QString &domain, const QString &what)
{
    if (const QString problem = fqdnProblem(domain, what.isEmpty() ? tr("domain") : what); !problem.isEmpty())
        return invalid(u"domain"_s, problem);
    if (domain != domain.toLower())
        return invalid(u"domain"_s,
                       tr("domain \"%1\" must be written in lower case: %2.").arg(domain, domain.toLower()));
    return {};
}

Result<void> DeploymentPlan::validateEmail(const QString &email)
{
    return checkEmail(email);
}

QString DeploymentPlan::asciiDomain(const QString &typed)
{
    return toAscii(typed);
}

QStringList DeploymentPlan::supportedImages()
{
    return {u"debian-13"_s, u"debian-12"_s, u"ubuntu-24.04"_s};
}

Result<void> DeploymentPlan::validate() const
{
    if (auto checked = validateDomain(domain); !checked)
        return checked;
    if (auto checked = checkEmail(email); !checked)
        return checked;
    if (!supportedImages().contains(image))
        return invalid(u"image"_s, tr("image \"%1\" is not supported; use debian-13 (the default), debian-12 or "
                                      "ubuntu-24.04.")
                                           .arg(image));
    if (auto checked = checkHost(web, u"web"_s); !checked)
        return checked;
    if (bridges.isEmpty())
        return invalid(u"bridges"_s, tr("bridges is empty; a deployment needs at least one bridge."));
    if (bridges.size() > maxBridges)
        return invalid(u"bridges"_s, tr("The plan has %1 bridges; at most %2 are supported per deployment.")
                                             .arg(bridges.size())
                                             .arg(maxBridges));
    for (qsizetype i = 0; i < bridges.size(); ++i)
        if (auto checked = checkHost(bridges[i], u"bridges[%1]"_s.arg(i)); !checked)
            return checked;
    if (sshPublicKey.trimmed().isEmpty())
        return invalid(u"ssh_public_key"_s,
                       tr("ssh_public_key is empty; paste your public key, the one line from ~/.ssh/id_ed25519.pub."));
    if (const auto key = SshPublicKey::fromLine(sshPublicKey.trimmed()); !key)
        return invalid(u"ssh_public_key"_s,
                       tr("ssh_public_key is not a valid OpenSSH public key: %1 Paste the one line from your .pub "
                          "file, such as ~/.ssh/id_ed25519.pub.")
                               .arg(key.error().message));
    for (qsizetype i = 0; i < options.sshSourceCidrs.size(); ++i)
        if (auto checked = checkCidr(options.sshSourceCidrs[i], u"options.ssh_source_cidrs[%1]"_s.arg(i)); !checked)
            return checked;
    if (auto checked = checkAcmeDirectoryUrl(options.acmeDirectoryUrl); !checked)
        return checked;

    // Guaranteed by slug()'s shortening; checked anyway because a bad name would only fail at the API.
    QStringList names{webServerName(), networkName(), bridgeFirewallName()};
    for (qsizetype n = 1; n <= bridges.size(); ++n)
        names << bridgeName(int(n));
    for (const QString &name : std::as_const(names))
        if (!isHostnameLabel(name))
            return invalid(u"domain"_s,
                           tr("The server name \"%1\" made from the domain is not a valid host name (at most 63 "
                              "letters, digits and hyphens).")
                                   .arg(name));
    return {};
}

Result<DeploymentPlan> DeploymentPlan::fromJson(const QJsonObject &object)
{
    const QJsonValue version = object.value(u"version"_s);
    if (version.isUndefined())
        return invalid(u"version"_s,
                       tr("The plan has no \"version\"; this program reads \"version\": %1.").arg(formatVersion));
    if (!version.isDouble() || version.toDouble() != formatVersion) {
        const QString given = version.isDouble() ? QString::number(version.toDouble()) : tr("(not a number)");
        return invalid(u"version"_s,
                       tr("The plan's version %1 is not supported; this program reads version %2. Use a matching "
                          "release of jitsi-deployer or rewrite the plan (docs/plan-format.md).")
                               .arg(given)
                               .arg(formatVersion));
    }
    if (auto unknown = rejectUnknownFields(object,
                                           {u"version"_s, u"domain"_s, u"email"_s, u"image"_s, u"web"_s, u"bridges"_s,
                                            u"ssh_public_key"_s, u"options"_s},
                                           {});
        !unknown)
        return unknown.error();

    DeploymentPlan plan;
    const auto domain = stringField(object, u"domain"_s, u"domain"_s, true);
    if (!domain)
        return domain.error();
    plan.domain = toAscii(domain.value());

    const auto email = stringField(object, u"email"_s, u"email"_s, true);
    if (!email)
        return email.error();
    plan.email = email->trimmed();
    if (const qsizetype at = plan.email.lastIndexOf(u'@'); at > 0)
        plan.email = plan.email.left(at + 1) + toAscii(plan.email.mid(at + 1));

    const auto image = stringField(object, u"image"_s, u"image"_s, false);
    if (!image)
        return image.error();
    if (object.contains(u"image"_s))
        plan.image = image.value();

    if (!object.contains(u"web"_s))
        return invalid(u"web"_s, tr("The plan has no \"web\"; it is required (see docs/plan-format.md)."));
    const auto web = hostFromJson(object.value(u"web"_s), u"web"_s);
    if (!web)
        return web.error();
    plan.web = web.value();

    const QJsonValue bridges = object.value(u"bridges"_s);
    if (bridges.isUndefined())
        return invalid(u"bridges"_s, tr("The plan has no \"bridges\"; it is required (see docs/plan-format.md)."));
    if (!bridges.isArray())
        return invalid(u"bridges"_s, tr("\"bridges\" must be a list of objects with server_type and location."));
    const QJsonArray bridgeArray = bridges.toArray();
    for (qsizetype i = 0; i < bridgeArray.size(); ++i) {
        const auto bridge = hostFromJson(bridgeArray.at(i), u"bridges[%1]"_s.arg(i));
        if (!bridge)
            return bridge.error();
        plan.bridges.append(bridge.value());
    }

    const auto key = stringField(object, u"ssh_public_key"_s, u"ssh_public_key"_s, true);
    if (!key)
        return key.error();
    plan.sshPublicKey = key->trimmed();

    const QJsonValue options = object.value(u"options"_s);
    if (!options.isUndefined()) {
        if (!options.isObject())
            return invalid(u"options"_s, tr("\"options\" must be an object."));
        const QJsonObject optionObject = options.toObject();
        if (auto unknown = rejectUnknownFields(optionObject,
                                               {u"ssh_source_cidrs"_s, u"disable_certificate_verification"_s,
                                                u"turn_server"_s, u"acme_directory_url"_s, u"meeting_access"_s},
                                               u"options"_s);
            !unknown)
            return unknown.error();
        const QJsonValue cidrs = optionObject.value(u"ssh_source_cidrs"_s);
        if (!cidrs.isUndefined()) {
            if (!cidrs.isArray())
                return invalid(u"options.ssh_source_cidrs"_s,
                               tr("\"options.ssh_source_cidrs\" must be a list of networks such as "
                                  "[\"203.0.113.7/32\"]."));
            const QJsonArray cidrArray = cidrs.toArray();
            for (qsizetype i = 0; i < cidrArray.size(); ++i) {
                if (!cidrArray.at(i).isString())
                    return invalid(u"options.ssh_source_cidrs[%1]"_s.arg(i),
                                   tr("\"options.ssh_source_cidrs[%1]\" must be a text string.").arg(i));
                plan.options.sshSourceCidrs.append(cidrArray.at(i).toString().trimmed());
            }
        }
        const auto disable = boolField(optionObject, u"disable_certificate_verification"_s,
                                       u"options.disable_certificate_verification"_s, false);
        if (!disable)
            return disable.error();
        plan.options.disableCertificateVerification = disable.value();
        const auto turn = boolField(optionObject, u"turn_server"_s, u"options.turn_server"_s, true);
        if (!turn)
            return turn.error();
        plan.options.turnServer = turn.value();
        const auto acme = stringField(optionObject, u"acme_directory_url"_s, u"options.acme_directory_url"_s, false);
        if (!acme)
            return acme.error();
        plan.options.acmeDirectoryUrl = acme->trimmed();
        const auto access = stringField(optionObject, u"meeting_access"_s, u"options.meeting_access"_s, false);
        if (!access)
            return access.error();
        if (optionObject.contains(u"meeting_access"_s)) {
            const auto parsed = meetingAccessFromName(access.value());
            if (!parsed)
                return invalid(u"options.meeting_access"_s,
                               tr("options.meeting_access \"%1\" is not known; use \"open\" (anyone with the link "
                                  "may open a meeting, the default) or \"moderated\" (only accounts you create may).")
                                       .arg(access.value()));
            plan.options.meetingAccess = *parsed;
        }
    }

    if (auto valid = plan.validate(); !valid)
        return valid.error();
    return plan;
}

Result<DeploymentPlan> DeploymentPlan::fromJsonText(const QByteArray &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Line and column are what an editor shows; QJsonParseError only has the byte offset.
        const QByteArray before = text.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        return invalid({}, tr("The plan file is not valid JSON: %1 at line %2, column %3.")
                                   .arg(parseError.errorString())
                                   .arg(line)
                                   .arg(column));
    }
    if (!document.isObject())
        return invalid({}, tr("The plan file must hold one JSON object (see docs/examples/plan.json)."));
    return fromJson(document.object());
}

QJsonObject DeploymentPlan::toJson() const
{
    QJsonArray bridgeArray;
    for (const HostSpec &bridge : bridges)
        bridgeArray.append(hostToJson(bridge));
    return QJsonObject{{u"version"_s, formatVersion},
                       {u"domain"_s, domain},
                       {u"email"_s, email},
                       {u"image"_s, image},
                       {u"web"_s, hostToJson(web)},
                       {u"bridges"_s, bridgeArray},
                       {u"ssh_public_key"_s, sshPublicKey},
                       {u"options"_s, optionsToJson(options)}};
}

QString DeploymentPlan::meetingAccessName(MeetingAccess access)
{
    switch (access) {
    case MeetingAccess::Open:
        return u"open"_s;
    case MeetingAccess::Moderated:
        return u"moderated"_s;
    }
    return u"open"_s;
}

std::optional<DeploymentPlan::MeetingAccess> DeploymentPlan::meetingAccessFromName(const QString &name)
{
    for (MeetingAccess access : {MeetingAccess::Open, MeetingAccess::Moderated})
        if (name == meetingAccessName(access))
            return access;
    return std::nullopt;
}

bool operator==(const DeploymentPlan &a, const DeploymentPlan &b)
{
    return a.domain == b.domain && a.email == b.email && a.image == b.image && a.web == b.web && a.bridges == b.bridges
           && a.sshPublicKey == b.sshPublicKey && a.options == b.options;
}

DeploymentSecrets DeploymentSecrets::generate()
{
    static constexpr char16_t alphabet[] = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr int alphabetSize = int(std::size(alphabet)) - 1;
    auto make = [] {
        QString secret;
        secret.reserve(generatedLength);
        // bounded() is uniform (no modulo bias); system() is the OS's cryptographic generator.
        for (int i = 0; i < generatedLength; ++i)
            secret.append(QChar(alphabet[QRandomGenerator::system()->bounded(alphabetSize)]));
        return secret;
    };
    return DeploymentSecrets{make(), make()};
}

Result<void> DeploymentSecrets::validateSecret(const QString &secret)
{
    const bool alphanumeric = std::all_of(secret.begin(), secret.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    });
    // The message never quotes the secret itself.
    if (!alphanumeric)
        return Error{u"input"_s,
                     u"secret_invalid"_s,
                     tr("The secret contains characters other than letters A–Z, a–z and digits; those could break "
                        "the HOCON, shell or debconf files it is written to. Generate a new one."),
                     {},
                     {},
                     0};
    if (secret.size() < minimumLength)
        return Error{u"input"_s,
                     u"secret_invalid"_s,
                     tr("The secret has %1 characters; at least %2 are needed. Generate a new one.")
                             .arg(secret.size())
                             .arg(minimumLength),
                     {},
                     {},
                     0};
    return {};
}
