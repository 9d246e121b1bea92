#pragma once

#include "common/result.h"
#include "deploy/deploymentlabels.h"
#include "deploy/enginestates.h"
#include "hcloud/hcloudtypes.h"
#include "model/deploymentplan.h"
#include "provision/hostinputs.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>
#include <memory>

namespace hcloud {
class HetznerClient;
}

// The cloud side of a deployment (DESIGN.md §4; PlanPreview checks the plan before): creates the SSH key, network,
// firewalls and servers with the names and labels of DeploymentLabels, and deletes them again. Idempotent:
// everything is looked up by name and labels first, so running any call again after a crash or a kill creates
// nothing twice. Never touches a resource without this deployment's labels.
//
// Request economy (bench budget: <= 80 requests for 1 web + 10 bridges): one list per resource kind, all
// creates in parallel, one shared action wait (HetznerClient's batched poller), one server list at the end.
//
// Faults: a create whose answer was lost or was a 5xx may still have taken effect, so the resource is looked up
// again (by the deployment's selector) before anything is reported; one with our name and our labels is adopted,
// one with our name and other labels is an error naming it. Every `done` runs exactly once, unless this object is
// destroyed first.
//
// Its jobs, one file each: base resources and the bridges' allow-list (cloudresources.cpp), server creation with
// adoption (cloudservers.cpp), deletion and destroy (clouddeletion.cpp); the firewall rules are FirewallPolicy's
// (firewallpolicy.h), the plan check is PlanPreview's.
class CloudResources : public QObject
{
    Q_OBJECT

public:
    template<typename T>
    using Done = std::function<void(Result<T>)>;

    // Private network of a deployment: 10.0.0.0/16 with one cloud subnet 10.0.0.0/24 in the web host's zone.
    static constexpr auto networkRange = "10.0.0.0/16";
    static constexpr auto subnetRange = "10.0.0.0/24";

    struct Base
    {
        hcloud::SshKey sshKey;
        hcloud::Network network;
        hcloud::Firewall webFirewall;
        hcloud::Firewall bridgeFirewall;
    };

    struct ServerOrder
    {
        QString name;
        HostRole role = HostRole::Web;
        int bridgeNumber = 0; // bridges: 1-based
        HostSpec spec;
        QByteArray userData; // rendered by UserDataRenderer with the host key pinned for this server
        bool onNetwork = false; // same network zone as the web host
    };

    // Per server during createServers(): "exists" (found, not created), "creating", "created", "running",
    // "failed" (its create failed for good; a server whose create action failed is deleted again, then "deleted").
    // Every server reported "created" and not "deleted" exists in the project afterwards, even when createServers
    // fails: that is how the engine knows what this run created.
    using ServerProgress = std::function<void(const QString &name, ResourceState state)>;

    CloudResources(hcloud::HetznerClient *client, const DeploymentLabels &labels, QObject *parent = nullptr);

    // The locations a plan check fetched (PlanPreview::Check::locations), so that ensureBase need not ask again.
    void setLocations(const QList<hcloud::Location> &locations) { m_locations = locations; }

    // SSH key (reused by MD5 fingerprint, else created as jitsi-deployer-<fp8>), network, web and bridge firewall;
    // existing ones with this deployment's labels are reused, missing ones created in parallel. The web firewall
    // allows 80/443 from anywhere, 22 from the plan's SSH sources, 5222 from `bridgeAddresses`; the bridge
    // firewall 10000/udp from anywhere and 22. Both apply by label selector. A firewall that exists keeps its 5222
    // sources (setBridgeAllowList owns them); its other rules are set to the plan's when they differ.
    void ensureBase(const DeploymentPlan &plan, const QStringList &bridgeAddresses, Done<Base> done);
    // The same, but `done` comes as soon as everything exists, and `applied` once the firewalls' actions finished:
    // servers need the network and the key, not the firewalls (which apply by label selector), so a caller can
    // create the servers meanwhile and wait for `applied` before it relies on the rules.
    void ensureBase(const DeploymentPlan &plan, const QStringList &bridgeAddresses, Done<Base> done,
                    Done<void> applied);

    // The deployment's servers as the project shows them now (one list request by the deployment selector).
    void listServers(Done<QList<hcloud::Server>> done);

    // Creates the servers of `orders` that do not exist yet (by name among the deployment's servers), all POSTs in
    // parallel, waits for all their actions together, then lists the deployment's servers once. The value has one
    // entry per order, in order, with addresses filled in. A server that exists is returned as it is, not re-created.
    // When a server cannot be created (sold out: code resource_unavailable; quota: resource_limit_exceeded; a
    // server with its name that is not ours: uniqueness_error) the others still finish, and the error names the
    // server, its type and location; its detail lists the servers that exist after this run.
    // A server whose POST answer was lost but which the final list shows with our labels counts as created
    // (its actions were not waited for, so its status may still be "initializing").
    void createServers(const QList<ServerOrder> &orders, const Base &base, qint64 imageId, ServerProgress progress,
                       Done<QList<hcloud::Server>> done);

    // Rewrites the web firewall's rules so that 5222 is allowed from exactly these addresses.
    void setBridgeAllowList(const DeploymentPlan &plan, qint64 webFirewallId, const QStringList &bridgeAddresses,
                            Done<void> done);

    // Deletes these servers (each must carry this deployment's labels) and waits for the actions.
    void deleteServers(const QList<hcloud::Server> &servers, Done<void> done);

    // Everything labelled for this deployment: servers first (waiting for them), then firewalls and the network.
    // The SSH key is shared between deployments and stays (see deleteUnusedSshKey). `progress` names each resource
    // as it goes.
    void destroyAll(std::function<void(const QString &resource)> progress, Done<void> done);

    // After the last deployment is gone: the project's key with this public key's fingerprint, if this app
    // uploaded it (labelled managed-by=jitsi-deployer) and no server of any deployment is left. A key the user
    // had before, or one another deployment's servers were made with, stays. The value: the key's name, empty
    // when nothing was deleted.
    void deleteUnusedSshKey(const QString &publicKey, Done<QString> done);

    // The rule sets (pure; also what the dry run and the tests compare with). Addresses without a prefix length
    // become /32 (IPv4) or /128 (IPv6); the 5222 rule is left out while there are no bridge addresses (the API
    // rejects an empty source list).
    static QList<hcloud::FirewallRule> webFirewallRules(const DeploymentPlan &plan, const QStringList &bridgeAddresses);
    static QList<hcloud::FirewallRule> bridgeFirewallRules(const DeploymentPlan &plan);

private:
    struct ServerRun;
    struct BaseRun;

    // The labels that identify each server of the deployment (without the optional domain label).
    hcloud::Labels identityOf(const ServerOrder &order) const;
    hcloud::Labels labelsOf(const ServerOrder &order) const;
    void withLocations(std::function<void(Result<QList<hcloud::Location>>)> next);
    void ensureNetwork(const DeploymentPlan &plan, const QList<hcloud::Network> &existing, Done<hcloud::Network> done);
    // A firewall found keeps its XMPP (5222) sources, which setBridgeAllowList owns; its other rules are set to the
    // plan's when they differ (SSH sources changed, or an earlier set_firewall_rules failed).
    void ensureFirewall(const hcloud::CreateFirewallRequest &request, const QList<hcloud::Firewall> &existing,
                        Done<hcloud::Created<hcloud::Firewall>> done);
    void postServers(const std::shared_ptr<ServerRun> &run);
    void waitForServers(const std::shared_ptr<ServerRun> &run, const QList<qint64> &actionIds);
    void deleteFailedServers(const std::shared_ptr<ServerRun> &run);
    void finishServers(const std::shared_ptr<ServerRun> &run);
    void deleteAndWait(const QList<hcloud::Server> &servers, std::function<void(const QString &)> progress,
                       Done<void> done);
    // A firewall or network answers resource_in_use while it still counts a server; right after the servers'
    // delete actions finished that can lag for a moment, so the delete is repeated a few times before failing.
    void deleteWhenFree(const std::function<void(Done<void>)> &send, int attemptsLeft, Done<void> done);
    static constexpr int inUseRetryMs = 1000;
    static constexpr int inUseAttempts = 5;

    hcloud::HetznerClient *m_client;
    DeploymentLabels m_labels;
    QList<hcloud::Location> m_locations; // from setLocations, or fetched by ensureBase when missing
};
