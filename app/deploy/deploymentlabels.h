#pragma once

#include "hcloud/hcloudtypes.h"

#include <QString>

#include <optional>

struct DeploymentPlan;

// The labels and names that tie cloud resources to a deployment (DESIGN.md §4). The project is the inventory,
// so the engine (which sets these labels) and Discovery (which reads them back) must agree exactly: both use
// this class and nothing else spells a label key.
//
// Every resource of a deployment carries managed-by=jitsi-deployer and jitsi-deployer/deployment=<slug>;
// servers and firewalls add jitsi-deployer/role=web|bridge, bridges jitsi-deployer/bridge=<n>. The domain is
// kept in jitsi-deployer/domain when it fits a label value (≤ 63 characters): the slug alone cannot be turned
// back into the domain, because both "a-b.c" and "a.b-c" become "a-b-c".
class DeploymentLabels
{
public:
    static constexpr auto managedByKey = "managed-by";
    static constexpr auto managedByValue = "jitsi-deployer";
    static constexpr auto deploymentKey = "jitsi-deployer/deployment";
    static constexpr auto roleKey = "jitsi-deployer/role";
    static constexpr auto bridgeNumberKey = "jitsi-deployer/bridge";
    static constexpr auto domainKey = "jitsi-deployer/domain";
    static constexpr auto webRole = "web";
    static constexpr auto bridgeRole = "bridge";
    static constexpr int maxLabelValueLength = 63;
    // On servers: the SHA256 fingerprint of the host key the engine rotated in and proved (DESIGN.md §4), so another
    // computer can tell the real server from an impostor without trusting the first key it sees.
    static constexpr auto hostKeyKey = "jitsi-deployer/host-key";
    // On servers: set at creation, removed once the host is installed and verified (an interrupted run shows).
    static constexpr auto setUpKey = "jitsi-deployer/set-up";
    static constexpr auto setUpPendingValue = "pending";
    // On the web server: who may open a meeting ("open" or "moderated", DeploymentPlan::meetingAccessName), set when
    // a deploy has installed and verified it, so the Manage page knows without reaching the host. None = open.
    static constexpr auto meetingAccessKey = "jitsi-deployer/meeting-access";

    explicit DeploymentLabels(const DeploymentPlan &plan);
    // `domain` may be empty (a deployment found without its domain label).
    explicit DeploymentLabels(const QString &slug, const QString &domain = {});

    QString slug() const { return m_slug; }
    QString domain() const { return m_domain; }

    // Names (the same rules as DeploymentPlan's, usable when only the slug is known).
    QString webServerName() const;
    QString bridgeName(int n) const;
    QString networkName() const;
    QString webFirewallName() const;
    QString bridgeFirewallName() const;

    // Label sets to create each resource with.
    hcloud::Labels common() const; // managed-by, deployment, and domain when it fits
    hcloud::Labels webServer() const;
    hcloud::Labels bridgeServer(int n) const;
    hcloud::Labels network() const;
    hcloud::Labels webFirewall() const;
    hcloud::Labels bridgeFirewall() const;
    static hcloud::Labels sshKey(); // shared by deployments, so only managed-by
    hcloud::Labels dnsRecord() const; // an RRSet the engine creates in the project's zone (deleted by destroy)

    // Label selectors.
    static QString managedSelector(); // everything this app manages in the project
    QString deploymentSelector() const; // every resource of this deployment
    QString webServerSelector() const; // what the web firewall applies to
    QString bridgeServerSelector() const; // what the bridge firewall applies to

    static bool isManaged(const hcloud::Labels &labels);
    // The value for jitsi-deployer/domain, or empty when the domain cannot be a label value.
    static QString domainLabelValue(const QString &domain);
    // "SHA256:<base64>" (ssh-keygen -l) <-> the host-key label value. A label value must start and end with a letter
    // or digit, and an unpadded base64url SHA-256 may start with '-' or '_', so the value is "SHA256." + base64url
    // (50 characters). Empty when the text is not such a fingerprint or value.
    static QString hostKeyLabelValue(const QString &sha256Fingerprint);
    static QString fingerprintFromLabelValue(const QString &value);
    // The server's labels with the set-up-pending label added (at creation) or removed (once set up).
    static hcloud::Labels withSetUpPending(hcloud::Labels labels, bool pending);
    static bool isSetUpPending(const hcloud::Labels &labels);
    // The web server's labels with the meeting-access label set to `access` ("open" or "moderated").
    static hcloud::Labels withMeetingAccess(hcloud::Labels labels, const QString &access);
    static QString meetingAccess(const hcloud::Labels &labels); // the label's value; empty when absent

    // n when `name` is exactly "<slug>-jvb-<n>" with n ≥ 1 written without leading zeros.
    std::optional<int> bridgeNumberFromName(const QString &name) const;

private:
    QString m_slug;
    QString m_domain;
};
