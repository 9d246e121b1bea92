#pragma once

#include "money.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// Typed views of the Hetzner Cloud API objects we use (reference/hetzner-cloud-api.md §2–§5).
// Parsing is tolerant: unknown fields are ignored, optional fields have defaults.
namespace hcloud {

using Labels = QMap<QString, QString>;

struct Price
{
    Money net;
    Money gross;
};

struct Action
{
    qint64 id = 0;
    QString command;
    QString status; // running, success, error
    int progress = 0;
    QString errorCode; // set when status == "error"
    QString errorMessage;
    QList<QPair<QString, qint64>> resources; // (type, id)

    bool finished() const { return status != QLatin1String("running"); }
};

struct Location
{
    qint64 id = 0;
    QString name; // fsn1
    QString description;
    QString country;
    QString city;
    QString networkZone; // eu-central
};

struct ServerTypeLocation
{
    QString location; // name, e.g. fsn1
    bool deprecated = false; // a deprecation entry exists
    QDateTime unavailableAfter; // from the deprecation entry, invalid when none
    bool available = true; // `available`, true when the API omits it (responses before 2026-04)
    bool recommended = false;
};

struct ServerTypePrice
{
    QString location;
    Price hourly;
    Price monthly;
    qint64 includedTrafficBytes = 0;
};

struct ServerType
{
    qint64 id = 0;
    QString name;
    QString description;
    QString category;
    int cores = 0;
    double memoryGb = 0; // a size, not money: the API sends a float
    int diskGb = 0;
    QString storageType;
    QString cpuType; // shared, dedicated
    QString architecture; // x86, arm
    bool deprecated = false; // type-wide flag (superseded by per-location deprecation)
    QList<ServerTypeLocation> locations;
    QList<ServerTypePrice> prices;

    // Orderable in `location` at `now`: listed there, available, and not past its deprecation.
    bool isOrderableIn(const QString &location, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    std::optional<ServerTypePrice> priceIn(const QString &location) const;
};

struct Image
{
    qint64 id = 0;
    QString type; // system, app, snapshot, backup
    QString name; // debian-12 (system images only)
    QString description;
    QString osFlavor;
    QString osVersion;
    QString architecture;
    QString status;
    QDateTime deprecated; // invalid when not deprecated
    Labels labels;

    // Like hcloud-go: unorderable three months after the deprecation date.
    bool isOrderable(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
};

struct PrivateNet
{
    qint64 network = 0;
    QString ip;
};

struct Server
{
    qint64 id = 0;
    QString name;
    QString status; // initializing, starting, running, ...
    QDateTime created;
    Labels labels;
    QString ipv4; // empty when IPv4 is disabled (public_net.ipv4 == null)
    QString ipv6Network; // "2001:db8::/64"; empty when disabled
    QList<PrivateNet> privateNet;
    QString serverType; // name
    QString location; // name; from `location`, else `datacenter.location`
    QString networkZone;
    QString image; // name, may be empty
    QList<qint64> firewallIds;

    // The first host address of the /64 (network + 1), as Terraform reports it.
    QString ipv6Address() const;
};

struct SshKey
{
    qint64 id = 0;
    QString name;
    QString fingerprint; // MD5, colon-separated lowercase hex
    QString publicKey;
    Labels labels;
};

struct FirewallRule
{
    QString direction; // in, out
    QString protocol; // tcp, udp, icmp, esp, gre
    QString port; // "443" or "10000-20000"; empty for icmp/esp/gre
    QStringList sourceIps;
    QStringList destinationIps;
    QString description;
};

struct Firewall
{
    qint64 id = 0;
    QString name;
    Labels labels;
    QList<FirewallRule> rules;
    QStringList appliedToLabelSelectors;
    QList<qint64> appliedToServers;
};

struct Subnet
{
    QString type = QStringLiteral("cloud");
    QString ipRange;
    QString networkZone;
    QString gateway;
};

struct Network
{
    qint64 id = 0;
    QString name;
    QString ipRange;
    QList<Subnet> subnets;
    QList<qint64> servers;
    Labels labels;
};

struct PrimaryIp
{
    qint64 id = 0;
    QString name;
    QString type; // ipv4, ipv6
    QString ip;
    QString location;
    qint64 assigneeId = 0; // 0 when unassigned
    bool autoDelete = false;
    Labels labels;
};

struct Pricing
{
    QString currency; // EUR
    QString vatRate; // "19.00", kept as text
    struct PrimaryIpPrice
    {
        QString type;
        QString location;
        Price hourly;
        Price monthly;
    };
    QList<PrimaryIpPrice> primaryIps;
    QMap<QString, QList<ServerTypePrice>> serverTypes; // by type name
};

struct Zone
{
    qint64 id = 0;
    QString name;
    QString mode; // primary, secondary
    int ttl = 3600;
    QStringList assignedNameservers;
    Labels labels;
};

struct RRSet
{
    QString id; // "meet/A"
    QString name; // relative, "@" for the apex
    QString type;
    int ttl = 0; // 0 = zone default
    QStringList records;
    Labels labels;
};

// Everything a create call returns: the object and the actions to wait for (action + next_actions).
template<typename T>
struct Created
{
    T object;
    QList<Action> actions;
    // True when the create answered uniqueness_error and the existing object with that name has exactly the
    // requested labels: an earlier (possibly silently resent) try made it. `actions` is empty then; re-read
    // the object to see its state.
    bool adopted = false;
};

struct CreateServerRequest
{
    QString name;
    QString serverType; // name
    qint64 imageId = 0; // resolved by name + architecture beforehand
    QString image; // name, used when imageId == 0
    QString location;
    QList<qint64> sshKeyIds;
    QString userData;
    Labels labels;
    QList<qint64> firewallIds;
    QList<qint64> networkIds;
    bool enableIpv4 = true;
    bool enableIpv6 = true;
    bool startAfterCreate = true;
};

struct CreateFirewallRequest
{
    QString name;
    Labels labels;
    QList<FirewallRule> rules;
    QStringList applyToLabelSelectors;
};

struct CreateNetworkRequest
{
    QString name;
    QString ipRange; // 10.0.0.0/16
    QList<Subnet> subnets;
    Labels labels;
};

struct CreatePrimaryIpRequest
{
    QString name;
    QString type; // ipv4, ipv6
    QString location;
    bool autoDelete = false;
    Labels labels;
};

// Rate-limit state from the last response's RateLimit-* headers.
struct RateLimitState
{
    int limit = -1;
    int remaining = -1;
    QDateTime reset;
};

} // namespace hcloud
