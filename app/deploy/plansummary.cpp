#include "plansummary.h"

#include "ssh/sshpublickey.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {
Error inputError(const QString &code, const QString &message, const QString &detail)
{
    return Error{u"input"_s, code, message, detail, {}, 0};
}

// Sums that overflow qint64 are not prices anyone pays; treat them as a missing price rather than a wrong one.
Money add(const Money &a, const Money &b)
{
    return a.plus(b).value_or(Money());
}

QJsonObject priceJson(const QString &prefix, const Price &monthly, const Price &hourly)
{
    return QJsonObject{{prefix + u"monthly_gross"_s, monthly.gross.toString()},
                       {prefix + u"hourly_gross"_s, hourly.gross.toString()},
                       {prefix + u"monthly_net"_s, monthly.net.toString()},
                       {prefix + u"hourly_net"_s, hourly.net.toString()}};
}

QString padded(const QString &text, qsizetype width)
{
    return text + QString(std::max<qsizetype>(0, width - text.size()), u' ');
}
} // namespace

QString PlanSummary::newSshKeyName(const QString &md5Fingerprint)
{
    QString hex = md5Fingerprint;
    hex.remove(u':');
    return u"jitsi-deployer-"_s + hex.left(8);
}

Result<PlanSummary> PlanSummary::build(const DeploymentPlan &plan, const QList<ServerType> &serverTypes,
                                       const QList<Location> &locations, const Pricing &pricing,
                                       const std::optional<SshKey> &existingSshKey, const QDateTime &now)
{
    PlanSummary summary;
    summary.domain = plan.domain;
    summary.slug = plan.slug();
    summary.image = plan.image;
    summary.currency = pricing.currency;
    summary.vatRate = pricing.vatRate;
    summary.networkName = plan.networkName();
    summary.webFirewallName = plan.webFirewallName();
    summary.bridgeFirewallName = plan.bridgeFirewallName();
    summary.sshSourceCidrs = plan.options.sshSourceCidrs;
    summary.turnServer = plan.options.turnServer;

    QStringList locationNames;
    for (const Location &location : locations)
        locationNames << location.name;
    auto zoneOf = [&locations](const QString &name) {
        for (const Location &location : locations)
            if (location.name == name)
                return location.networkZone;
        return QString();
    };

    struct Host
    {
        QString name;
        QString role;
        HostSpec spec;
        QString field;
    };
    QList<Host> hosts{{plan.webServerName(), u"web"_s, plan.web, u"web"_s}};
    for (qsizetype i = 0; i < plan.bridges.size(); ++i)
        hosts.append({plan.bridgeName(int(i + 1)), u"bridge"_s, plan.bridges[i], u"bridges[%1]"_s.arg(i)});

    summary.networkZone = zoneOf(plan.web.location);
    for (const Host &host : std::as_const(hosts)) {
        const QString &location = host.spec.location;
        const QString &typeName = host.spec.serverType;
        if (!locationNames.contains(location))
            return inputError(u"location_unknown"_s,
                              tr("%1: the location \"%2\" does not exist in this project. It can use: %3.")
                                      .arg(host.field, location, locationNames.join(u", "_s)),
                              host.field + u".location"_s);
        const auto type = std::find_if(serverTypes.begin(), serverTypes.end(),
                                       [&typeName](const ServerType &t) { return t.name == typeName; });
        if (type == serverTypes.end())
            return inputError(u"server_type_unknown"_s,
                              tr("%1: the server type \"%2\" does not exist.").arg(host.field, typeName),
                              host.field + u".server_type"_s)
                    .advising(Advice::Kind::ListServerTypes, location);
        const auto price = type->priceIn(location);
        if (!type->isOrderableIn(location, now) || !price)
            return inputError(u"server_type_not_orderable"_s,
                              tr("%1: the server type \"%2\" cannot be ordered in %3 now (sold out, deprecated or "
                                 "not offered there). Choose another type or location.")
                                      .arg(host.field, typeName, location),
                              host.field)
                    .advising(Advice::Kind::ListServerTypes, location);

        std::optional<Pricing::PrimaryIpPrice> ipv4;
        for (const Pricing::PrimaryIpPrice &candidate : pricing.primaryIps)
            if (candidate.type == u"ipv4"_s && candidate.location == location)
                ipv4 = candidate;
        if (!ipv4)
            return inputError(u"price_missing"_s,
                              tr("The API publishes no price for a primary IPv4 address in %1, so the cost cannot be "
                                 "shown. Try again later or choose another location.")
                                      .arg(location),
                              host.field + u".location"_s);

        Server server;
        server.name = host.name;
        server.role = host.role;
        server.spec = host.spec;
        server.networkZone = zoneOf(location);
        server.onPrivateNetwork = server.networkZone == summary.networkZone;
        server.monthly = price->monthly;
        server.hourly = price->hourly;
        server.ipv4Monthly = ipv4->monthly;
        server.ipv4Hourly = ipv4->hourly;
        server.includedTrafficBytes = price->includedTrafficBytes;
        server.totalMonthlyGross = add(price->monthly.gross, ipv4->monthly.gross);
        server.totalHourlyGross = add(price->hourly.gross, ipv4->hourly.gross);
        summary.totalMonthlyGross = add(summary.totalMonthlyGross, server.totalMonthlyGross);
        summary.totalHourlyGross = add(summary.totalHourlyGross, server.totalHourlyGross);
        summary.servers.append(server);
    }

    const auto key = SshPublicKey::fromLine(plan.sshPublicKey);
    summary.sshKeyFingerprint = key ? key->md5Fingerprint() : QString();
    summary.sshKeyExists = existingSshKey.has_value();
    summary.sshKeyName = existingSshKey ? existingSshKey->name : newSshKeyName(summary.sshKeyFingerprint);
    return summary;
}

QString PlanSummary::toText() const
{
    QStringList lines;
    lines << tr("Deployment %1 (image %2). Nothing has been created; this is what \"deploy\" would create.")
                     .arg(domain, image)
          << QString();

    const QStringList header{tr("SERVER"),  tr("ROLE"),    tr("TYPE"),  tr("LOCATION"),
                             tr("NETWORK"), tr("MONTHLY"), tr("HOURLY")};
    QList<QStringList> rows;
    for (const Server &server : servers) {
        rows.append({server.name, server.role, server.spec.serverType, server.spec.location,
                     server.onPrivateNetwork ? networkName : tr("public (zone %1)").arg(server.networkZone),
                     server.totalMonthlyGross.toString() + u' ' + currency,
                     server.totalHourlyGross.toString() + u' ' + currency});
    }
    rows.append({tr("Total"),
                 {},
                 {},
                 {},
                 {},
                 totalMonthlyGross.toString() + u' ' + currency,
                 totalHourlyGross.toString() + u' ' + currency});
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : QList<QStringList>{header} + rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    for (const QStringList &row : QList<QStringList>{header} + rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? padded(row[i], widths[i] + 2) : row[i];
        lines << line;
    }
    lines << QString() << tr("Server prices are gross (as billed) and include each server's primary IPv4 address:");
    for (const Server &server : servers)
        lines << tr("  %1: %2 %3 server + %4 %3 IPv4 per month; %5 %3 + %6 %3 per hour")
                         .arg(server.name, server.monthly.gross.toString(), currency,
                              server.ipv4Monthly.gross.toString(), server.hourly.gross.toString(),
                              server.ipv4Hourly.gross.toString());

    const QString sshSources = sshSourceCidrs.isEmpty() ? tr("anywhere") : sshSourceCidrs.join(u", "_s);
    lines << QString() << tr("Also created, free of charge:")
          << tr("  network %1 in zone %2 (web host and the bridges in that zone)").arg(networkName, networkZone)
          << tr("  firewall %1 for the web host: 80, 443 tcp from anywhere; 22 tcp from %2; 5222 tcp from the "
                "bridges only")
                     .arg(webFirewallName, sshSources)
          << tr("  firewall %1 for the bridges: 10000 udp from anywhere; 22 tcp from %2")
                     .arg(bridgeFirewallName, sshSources)
          << (turnServer ? tr("  TURN server (coturn) on the web host: 3478 udp and 5349 tcp open from anywhere")
                         : tr("  no TURN server: participants whose network blocks UDP cannot join"))
          << (sshKeyExists
                      ? tr("  SSH key: the project's existing key %1 (%2) is reused").arg(sshKeyName, sshKeyFingerprint)
                      : tr("  SSH key %1 (%2)").arg(sshKeyName, sshKeyFingerprint));
    if (!warnings.isEmpty()) {
        lines << QString() << tr("Warnings:");
        for (const QString &warning : warnings)
            lines << u"  "_s + warning;
    }
    return lines.join(u'\n') + u'\n';
}

QJsonObject PlanSummary::toJson() const
{
    QJsonArray serverArray;
    for (const Server &server : servers) {
        QJsonObject object{{u"name"_s, server.name},
                           {u"role"_s, server.role},
                           {u"server_type"_s, server.spec.serverType},
                           {u"location"_s, server.spec.location},
                           {u"network_zone"_s, server.networkZone},
                           {u"private_network"_s, server.onPrivateNetwork},
                           {u"total_monthly_gross"_s, server.totalMonthlyGross.toString()},
                           {u"total_hourly_gross"_s, server.totalHourlyGross.toString()}};
        for (const QJsonObject &prices : {priceJson(u"price_"_s, server.monthly, server.hourly),
                                          priceJson(u"ipv4_"_s, server.ipv4Monthly, server.ipv4Hourly)})
            for (auto it = prices.begin(); it != prices.end(); ++it)
                object.insert(it.key(), it.value());
        serverArray.append(object);
    }
    QJsonObject summary{
            {u"domain"_s, domain},
            {u"slug"_s, slug},
            {u"image"_s, image},
            {u"currency"_s, currency},
            {u"servers"_s, serverArray},
            {u"network"_s, QJsonObject{{u"name"_s, networkName}, {u"network_zone"_s, networkZone}}},
            {u"firewalls"_s, QJsonArray{QJsonObject{{u"name"_s, webFirewallName}, {u"role"_s, u"web"_s}},
                                        QJsonObject{{u"name"_s, bridgeFirewallName}, {u"role"_s, u"bridge"_s}}}},
            {u"ssh_source_cidrs"_s, QJsonArray::fromStringList(sshSourceCidrs)},
            {u"turn_server"_s, turnServer},
            {u"ssh_key"_s,
             QJsonObject{{u"name"_s, sshKeyName}, {u"fingerprint"_s, sshKeyFingerprint}, {u"exists"_s, sshKeyExists}}},
            {u"total_monthly_gross"_s, totalMonthlyGross.toString()},
            {u"total_hourly_gross"_s, totalHourlyGross.toString()},
    };
    if (!warnings.isEmpty())
        summary.insert(u"warnings"_s, QJsonArray::fromStringList(warnings));
    return summary;
}
