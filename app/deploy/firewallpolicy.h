#pragma once

#include "hcloud/hcloudtypes.h"
#include "model/deploymentplan.h"

#include <QList>
#include <QStringList>

// The deployment's Hetzner firewall rules (DESIGN.md §4), pure functions: what CloudResources sets, the dry run
// writes and the tests compare with.
namespace FirewallPolicy {

// The port of prosody's client connections, which the bridges use; its sources are the bridges' addresses.
inline constexpr auto xmppPort = "5222";
// coturn's ports on the web host with TURN on (STUN/TURN over UDP, TURN over TLS).
inline constexpr auto turnPort = "3478";
inline constexpr auto turnsPort = "5349";

// 80/443 from anywhere, with TURN 3478/udp and 5349/tcp from anywhere, 22 from the plan's SSH sources, 5222 from
// `bridgeAddresses` (left out while there are none: the API rejects an empty source list).
QList<hcloud::FirewallRule> webRules(const DeploymentPlan &plan, const QStringList &bridgeAddresses);
// 10000/udp from anywhere, 22 from the plan's SSH sources.
QList<hcloud::FirewallRule> bridgeRules(const DeploymentPlan &plan);
// `wanted`'s rules but 5222, with the 5222 rules of `existing` (setBridgeAllowList owns those sources).
QList<hcloud::FirewallRule> keepingXmppSources(const QList<hcloud::FirewallRule> &wanted,
                                               const QList<hcloud::FirewallRule> &existing);
// Rules as the API compares them: order and descriptions do not matter.
bool sameRules(const QList<hcloud::FirewallRule> &a, const QList<hcloud::FirewallRule> &b);
// Addresses without a prefix length become /32 (IPv4) or /128 (IPv6); empty ones and duplicates go.
QStringList asCidrs(const QStringList &addresses);

} // namespace FirewallPolicy
