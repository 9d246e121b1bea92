#include "simvalidation.h"

#include "simresponse.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace SimValidation {

bool isLabelKey(const QString &key)
{
    // Verbatim from the reference (§4), which quotes hcloud-go and hcloud-python.
    static const QRegularExpression pattern(
            uR"(^([a-z0-9A-Z]((?:[\-_.]|[a-z0-9A-Z]){0,253}[a-z0-9A-Z])?/)?[a-z0-9A-Z]((?:[\-_.]|[a-z0-9A-Z]|){0,61}[a-z0-9A-Z])?$)"_s);
    return pattern.match(key).hasMatch();
}

bool isLabelValue(const QString &value)
{
    static const QRegularExpression pattern(uR"(^(([a-z0-9A-Z](?:[\-_.]|[a-z0-9A-Z]){0,61})?[a-z0-9A-Z]$|$))"_s);
    return pattern.match(value).hasMatch();
}

std::optional<SimResponse> checkLabels(const QJsonValue &labels)
{
    if (labels.isUndefined() || labels.isNull())
        return std::nullopt;
    if (!labels.isObject())
        return SimResponse::invalidInput(u"labels"_s, u"must be an object"_s);
    const QJsonObject object = labels.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isLabelKey(it.key()))
            return SimResponse::invalidInput(u"labels"_s, u"label key '%1' is invalid"_s.arg(it.key()));
        if (it.key().startsWith(u"hetzner.cloud/"_s))
            return SimResponse::invalidInput(u"labels"_s, u"label key prefix 'hetzner.cloud/' is reserved"_s);
        if (!it.value().isString() || !isLabelValue(it.value().toString()))
            return SimResponse::invalidInput(u"labels"_s, u"label value of '%1' is invalid"_s.arg(it.key()));
    }
    return std::nullopt;
}

bool isRfc1123Hostname(const QString &name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    static const QRegularExpression label(u"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"_s);
    const QStringList labels = name.split(u'.');
    for (const QString &part : labels) {
        if (!label.match(part).hasMatch())
            return false;
    }
    return true;
}

bool parseCidr(const QString &cidr, QString *address, int *prefix)
{
    if (!cidr.contains(u'/'))
        return false;
    const auto [network, length] = QHostAddress::parseSubnet(cidr);
    if (network.isNull() || length < 0)
        return false;
    if (address)
        *address = network.toString();
    if (prefix)
        *prefix = length;
    return true;
}

bool isRfc1918Range(const QString &cidr)
{
    const auto subnet = QHostAddress::parseSubnet(cidr);
    if (subnet.first.isNull() || subnet.first.protocol() != QHostAddress::IPv4Protocol)
        return false;
    static const std::pair<QHostAddress, int> privateRanges[] = {
            {QHostAddress(u"10.0.0.0"_s), 8},
            {QHostAddress(u"172.16.0.0"_s), 12},
            {QHostAddress(u"192.168.0.0"_s), 16},
    };
    for (const auto &range : privateRanges) {
        if (subnet.second >= range.second && subnet.first.isInSubnet(range))
            return true;
    }
    return false;
}

} // namespace SimValidation
