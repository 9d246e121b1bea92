#pragma once

#include "common/result.h"
#include "hcloud/hcloudtypes.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace hcloud {
class HetznerClient;
}

// One server of a deployment as the project shows it.
struct DiscoveredServer
{
    qint64 id = 0;
    QString name;
    QString role; // the role label as found: "web", "bridge", or anything else (empty when missing)
    int bridgeNumber = 0; // bridges: from the bridge label, else from the name; 0 when neither says
    QString status; // running, initializing, off, ...
    QString serverType;
    QString location;
    QString publicIpv4; // empty when the server has none
    QString privateIp; // in the deployment's network; empty when not attached
    QString image; // the image's name (debian-12); empty when the API gives none
    QString hostKeyFingerprint; // the pinned host key's SHA256 fingerprint as labelled by the engine; empty = none
    // The engine labels a server "set-up pending" when it creates it and clears that once the host is installed and
    // verified; a server made before this label existed has none and counts as set up.
    bool setUpPending = false;
    // Web server: its meeting-access label ("open", "moderated"); empty when it has none (made before the label
    // existed, or never verified: open).
    QString meetingAccess;
};

struct DiscoveredNetwork
{
    qint64 id = 0;
    QString name;
    QString ipRange;
};

struct DiscoveredFirewall
{
    qint64 id = 0;
    QString name;
    QString role; // web, bridge, or empty
    QStringList sshSources; // where port 22 is open from (the plan's sshSourceCidrs, or anywhere)
};

// Something in the project that does not look like a deployment the engine left behind: shown to the user,
// never repaired silently.
struct Inconsistency
{
    // bridge_without_web, duplicate_web, duplicate_bridge_number, name_mismatch, unknown_role,
    // duplicate_network, domain_mismatch, no_servers, no_deployment_label
    QString code;
    QString resource; // "server <name>", "network <name>", "firewall <name>"; empty for the whole deployment
    QString message; // translated, plain language
};

struct DiscoveredDeployment
{
    QString slug;
    QString domain; // from the domain label; empty when no resource carries one
    std::optional<DiscoveredServer> web;
    QList<DiscoveredServer> bridges; // by number, then name
    QList<DiscoveredServer> otherServers; // labelled for this deployment but neither the web host nor a bridge
    QList<DiscoveredNetwork> networks; // normally exactly one
    QList<DiscoveredFirewall> firewalls;
    QList<Inconsistency> inconsistencies;

    // A run created servers that were never labelled set up (on this computer or another): offer Resume.
    bool interrupted() const;
};

struct Inventory
{
    QList<DiscoveredDeployment> deployments; // by slug
    QList<Inconsistency> unassigned; // managed resources without a deployment label

    // The deployment with this slug, or whose domain (as typed by a user, "meet.example.org") has this slug.
    const DiscoveredDeployment *find(const QString &slugOrDomain) const;
};

// Finds the deployments in the project by their labels (DESIGN.md §2 step 2, §4): one list request per
// resource kind (servers, networks, firewalls) with the selector managed-by=jitsi-deployer, grouped by the
// deployment label. Resources without managed-by=jitsi-deployer are never looked at.
class Discovery : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<Inventory>)>;

    explicit Discovery(hcloud::HetznerClient *client, QObject *parent = nullptr);

    // `done` runs exactly once in `context`'s thread (never when `context` is destroyed first), with the first
    // error if any of the three requests fails.
    void discover(QObject *context, Done done);

    // The grouping on its own, for tests and for callers that already hold the lists.
    static Inventory group(const QList<hcloud::Server> &servers, const QList<hcloud::Network> &networks,
                           const QList<hcloud::Firewall> &firewalls);

private:
    hcloud::HetznerClient *m_client;
};
