#pragma once

#include "common/result.h"
#include "hcloud/hcloudtypes.h"
#include "hcloud/money.h"
#include "model/deploymentplan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// What a plan would create in the project and what it costs (the Review page and `jitsi-deployer plan`).
// Built from the API's catalogue, so it also answers "can this be ordered at all": an unknown location or
// a server type that is not orderable where the plan puts it is an input error naming the fix.
// Costs are the API's gross prices, exact (Money): a server's cost is its type's price in its location
// plus the primary IPv4 it gets, which Hetzner bills separately. Network, firewalls and SSH key are free.
class PlanSummary
{
    Q_DECLARE_TR_FUNCTIONS(PlanSummary)

public:
    struct Server
    {
        QString name;
        QString role; // "web" or "bridge"
        HostSpec spec;
        QString networkZone;
        bool onPrivateNetwork = false; // same zone as the web host (DESIGN.md §4)
        hcloud::Price monthly; // the server type alone
        hcloud::Price hourly;
        hcloud::Price ipv4Monthly; // its primary IPv4
        hcloud::Price ipv4Hourly;
        Money totalMonthlyGross; // server + IPv4
        Money totalHourlyGross;
        qint64 includedTrafficBytes = 0; // outgoing traffic the type's price includes there; 0 when not published
    };

    QString domain;
    QString slug;
    QString image;
    QString currency;
    QString vatRate; // the API's text, e.g. "19.00" (percent); the gross prices include it
    QList<Server> servers; // web first, then bridges in order
    QString networkName;
    QString networkZone;
    QString webFirewallName;
    QString bridgeFirewallName;
    QStringList sshSourceCidrs; // empty = anywhere
    bool turnServer = false; // the plan's TURN server (coturn) on the web host, with its firewall ports
    QString sshKeyName; // the existing key's name when reused, else the one that would be created
    QString sshKeyFingerprint; // MD5, as Hetzner shows it
    bool sshKeyExists = false;
    Money totalMonthlyGross;
    Money totalHourlyGross;
    // Translated; things worth knowing before confirming that do not stop the plan (PlanPreview adds them: e.g. the
    // project's server limit). In toText() and toJson() only when there are any.
    QStringList warnings;

    // Errors (domain "input", so the CLI exits 2): "location_unknown", "server_type_unknown",
    // "server_type_not_orderable", "price_missing". `existingSshKey` is the project's key with the plan's
    // fingerprint, if any.
    static Result<PlanSummary> build(const DeploymentPlan &plan, const QList<hcloud::ServerType> &serverTypes,
                                     const QList<hcloud::Location> &locations, const hcloud::Pricing &pricing,
                                     const std::optional<hcloud::SshKey> &existingSshKey,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The name a new key gets: "jitsi-deployer-" + the first 8 hex digits of its MD5 fingerprint.
    static QString newSshKeyName(const QString &md5Fingerprint);

    QString toText() const; // for summary.txt and the terminal
    QJsonObject toJson() const; // documented in docs/cli.md
};
