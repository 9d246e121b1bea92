#include "hcloudtypes.h"

#include <QHostAddress>

namespace hcloud {

bool ServerType::isOrderableIn(const QString &location, const QDateTime &now) const
{
    for (const ServerTypeLocation &entry : locations) {
        if (entry.location != location)
            continue;
        if (!entry.available)
            return false;
        // A deprecation without a date gives no promise that the type can still be ordered.
        if (entry.deprecated && (!entry.unavailableAfter.isValid() || entry.unavailableAfter <= now))
            return false;
        return true;
    }
    return false;
}

std::optional<ServerTypePrice> ServerType::priceIn(const QString &location) const
{
    for (const ServerTypePrice &price : prices) {
        if (price.location == location)
            return price;
    }
    return std::nullopt;
}

bool Image::isOrderable(const QDateTime &now) const
{
    if (!deprecated.isValid())
        return true;
    return now < deprecated.addMonths(3);
}

QString Server::ipv6Address() const
{
    const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(ipv6Network);
    if (subnet.first.protocol() != QHostAddress::IPv6Protocol || subnet.second < 0 || subnet.second > 127)
        return {};
    Q_IPV6ADDR bytes = subnet.first.toIPv6Address();
    // Clear the host bits, then add one: the first host of the network.
    for (int bit = subnet.second; bit < 128; ++bit)
        bytes[bit / 8] &= quint8(~(0x80u >> (bit % 8)));
    for (int i = 15; i >= 0; --i) {
        if (++bytes[i] != 0)
            break;
    }
    return QHostAddress(bytes).toString();
}

} // namespace hcloud
