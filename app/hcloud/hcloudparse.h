#pragma once

#include "hcloudtypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

// JSON <-> the typed views of hcloudtypes.h. Parsing is tolerant (reference §3): unknown fields are
// ignored, missing or null optional fields keep their defaults, prices stay exact decimal strings.
// Whether the envelope has the expected shape is checked by the caller (the client), not here.
namespace hcloud {

QDateTime parseDateTime(const QJsonValue &value); // RFC 3339; invalid for null or garbage
Labels parseLabels(const QJsonValue &value);
Price parsePrice(const QJsonValue &value); // {"net": "...", "gross": "..."}
Action parseAction(const QJsonObject &object);
QList<Action> parseActions(const QJsonArray &array);
Location parseLocation(const QJsonObject &object);
ServerType parseServerType(const QJsonObject &object);
Image parseImage(const QJsonObject &object);
Server parseServer(const QJsonObject &object);
SshKey parseSshKey(const QJsonObject &object);
FirewallRule parseFirewallRule(const QJsonObject &object);
Firewall parseFirewall(const QJsonObject &object);
Network parseNetwork(const QJsonObject &object);
PrimaryIp parsePrimaryIp(const QJsonObject &object);
Pricing parsePricing(const QJsonObject &object);
Zone parseZone(const QJsonObject &object);
RRSet parseRRSet(const QJsonObject &object);

// Parses every element of `array` that is an object.
template<typename T, typename Parser>
QList<T> parseList(const QJsonArray &array, Parser parser)
{
    QList<T> items;
    items.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject())
            items.append(parser(value.toObject()));
    }
    return items;
}

QJsonObject toJson(const Labels &labels);
QJsonObject toJson(const FirewallRule &rule);
QJsonArray toJson(const QList<FirewallRule> &rules);
QJsonObject toJson(const CreateServerRequest &request);
QJsonObject toJson(const CreateFirewallRequest &request);
QJsonObject toJson(const CreateNetworkRequest &request);
QJsonObject toJson(const CreatePrimaryIpRequest &request);

} // namespace hcloud
