#include "firewallpolicy.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {

const QStringList anywhere = {u"0.0.0.0/0"_s, u"::/0"_s};

FirewallRule inbound(const QString &protocol, const QString &port, const QStringList &sources,
                     const QString &description)
{
    FirewallRule rule;
    rule.direction = u"in"_s;
    rule.protocol = protocol;
    rule.port = port;
    rule.sourceIps = sources;
    rule.description = description;
    return rule;
}

QStringList sshSources(const DeploymentPlan &plan)
{
    const QStringList cidrs = FirewallPolicy::asCidrs(plan.options.sshSourceCidrs);
    return cidrs.isEmpty() ? anywhere : cidrs;
}

} // namespace

namespace FirewallPolicy {

QStringList asCidrs(const QStringList &addresses)
{
    QStringList cidrs;
    for (const QString &address : addresses) {
        QString cidr = address.trimmed();
        if (cidr.isEmpty())
            continue;
        if (!cidr.contains(u'/'))
            cidr += QHostAddress(cidr).protocol() == QAbstractSocket::IPv6Protocol ? u"/128"_s : u"/32"_s;
        if (!cidrs.contains(cidr))
            cidrs << cidr;
    }
    return cidrs;
}

bool sameRules(const QList<FirewallRule> &a, const QList<FirewallRule> &b)
{
    const auto keys = [](const QList<FirewallRule> &rules) {
        QStringList out;
        for (const FirewallRule &rule : rules) {
            QStringList sources = rule.sourceIps;
            QStringList destinations = rule.destinationIps;
            sources.sort();
            destinations.sort();
            out << QStringList{rule.direction, rule.protocol, rule.port, sources.join(u','), destinations.join(u',')}
                            .join(u' ');
        }
        out.sort();
        return out;
    };
    return keys(a) == keys(b);
}

QList<FirewallRule> webRules(const DeploymentPlan &plan, const QStringList &bridgeAddresses)
{
    QList<FirewallRule> rules{inbound(u"tcp"_s, u"80"_s, anywhere, u"HTTP (certificate challenge, redirect)"_s),
                              inbound(u"tcp"_s, u"443"_s, anywhere, u"HTTPS (meetings)"_s),
                              inbound(u"tcp"_s, u"22"_s, sshSources(plan), u"SSH (deployer)"_s)};
    // coturn as jitsi-meet-turnserver configures it (resources/provision/web-turn.sh): TURN over UDP 3478, TURNS
    // on 5349. Closed without TURN, so nothing a client is never told about is reachable.
    if (plan.options.turnServer) {
        rules << inbound(u"udp"_s, QString::fromLatin1(turnPort), anywhere, u"TURN (relay for blocked networks)"_s)
              << inbound(u"tcp"_s, QString::fromLatin1(turnsPort), anywhere, u"TURN over TLS"_s);
    }
    const QStringList bridges = asCidrs(bridgeAddresses);
    if (!bridges.isEmpty())
        rules << inbound(u"tcp"_s, QString::fromLatin1(xmppPort), bridges, u"XMPP from the videobridges"_s);
    return rules;
}

QList<FirewallRule> bridgeRules(const DeploymentPlan &plan)
{
    return {inbound(u"udp"_s, u"10000"_s, anywhere, u"Media (Jitsi Videobridge)"_s),
            inbound(u"tcp"_s, u"22"_s, sshSources(plan), u"SSH (deployer)"_s)};
}

QList<FirewallRule> keepingXmppSources(const QList<FirewallRule> &wanted, const QList<FirewallRule> &existing)
{
    const QString xmpp = QString::fromLatin1(xmppPort);
    QList<FirewallRule> rules;
    for (const FirewallRule &rule : wanted) {
        if (rule.port != xmpp)
            rules << rule;
    }
    for (const FirewallRule &rule : existing) {
        if (rule.port == xmpp)
            rules << rule;
    }
    return rules;
}

} // namespace FirewallPolicy
