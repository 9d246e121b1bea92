#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the user asked for (DESIGN.md §3: pages fill it, the engine executes it). A plain value: no I/O.
// Stored as a versioned JSON plan file (docs/plan-format.md, example docs/examples/plan.json).
struct HostSpec
{
    QString serverType; // e.g. "cx33"
    QString location; // e.g. "fsn1"

    friend bool operator==(const HostSpec &a, const HostSpec &b)
    {
        return a.serverType == b.serverType && a.location == b.location;
    }
};

struct DeploymentPlan
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentPlan)

public:
    static constexpr int formatVersion = 1;
    // One web host (prosody, jicofo) is the bottleneck long before this many bridges, new Hetzner projects
    // may own fewer servers than this anyway, and it keeps bridge numbers at two digits (docs/plan-format.md).
    static constexpr int maxBridges = 20;
    // Every name is "<slug>-<suffix>" and must be one RFC 1123 label (63 characters); the longest suffix is
    // "-bridges" (8), so a longer slug is shortened deterministically (see slug()).
    static constexpr int maxSlugLength = 55;
    // The Hetzner system images every host may run (docs/provisioning.md "Images"). Debian 13 is the default:
    // the Jitsi packages accept its OpenJDK 21 since 2026-06 (reference/jitsi-packaging.md §8); on the host,
    // jitsi-packages.sh stops early, naming debian-12, if the Jitsi repository cannot install there after all.
    static QString defaultImage() { return QStringLiteral("debian-13"); }
    static QStringList supportedImages(); // debian-13, debian-12, ubuntu-24.04

    QString domain; // the meeting domain, ASCII (an IDN is stored in punycode), e.g. "meet.example.org"
    QString email; // for Let's Encrypt
    QString image = defaultImage(); // one of supportedImages()
    HostSpec web;
    QList<HostSpec> bridges; // bridge n (1-based) is bridges[n-1]
    QString sshPublicKey; // the deployer's key, OpenSSH one-line form

    // Who may open a meeting (docs/plan-format.md): anyone with the link, or only accounts the admin creates
    // (guests join once it runs). JSON names: "open", "moderated".
    enum class MeetingAccess { Open, Moderated };
    static QString meetingAccessName(MeetingAccess access);
    static std::optional<MeetingAccess> meetingAccessFromName(const QString &name);

    struct Options
    {
        QStringList sshSourceCidrs; // who may reach port 22; empty = anywhere
        bool disableCertificateVerification = false; // explicit, logged opt-out of trusting prosody's certificate
        // coturn on the web host (jitsi-meet-turnserver), so participants on networks that block UDP can join.
        bool turnServer = true;
        // The ACME server certbot asks for the certificate: empty = Let's Encrypt production; e.g. Let's Encrypt's
        // staging directory for trial runs, or the testbed's Pebble.
        QString acmeDirectoryUrl;
        MeetingAccess meetingAccess = MeetingAccess::Open;

        friend bool operator==(const Options &a, const Options &b)
        {
            return a.sshSourceCidrs == b.sshSourceCidrs
                   && a.disableCertificateVerification == b.disableCertificateVerification
                   && a.turnServer == b.turnServer && a.acmeDirectoryUrl == b.acmeDirectoryUrl
                   && a.meetingAccess == b.meetingAccess;
        }
    } options;

    // Names and labels (DESIGN.md §4): slug = the domain with dots as dashes, lower case. A slug longer than
    // maxSlugLength keeps its first 46 characters and gets "-" + the first 8 hex digits of the SHA-256 of the
    // domain, so it stays unique, stable across runs, and every name below is a valid hostname label.
    QString slug() const;
    QString webServerName() const; // <slug>-web
    QString bridgeName(int n) const; // <slug>-jvb-<n>, n from 1
    QString networkName() const; // <slug>-net
    QString webFirewallName() const; // <slug>-web
    QString bridgeFirewallName() const; // <slug>-bridges

    // Checks every field without the network (the API-side checks — orderable types, quota — are the
    // engine's). Bad input gets one clear error naming the field and the fix.
    Result<void> validate() const;

    // The checks validate() makes of the domain and the e-mail address on their own, for a form that checks each
    // field as it is typed (the wizard's Deployment page). `what` names the domain in the message; empty = "domain".
    static Result<void> validateDomain(const QString &domain, const QString &what = {});
    static Result<void> validateEmail(const QString &email);
    // The domain as a plan stores it, as fromJson() reads it: trimmed, lower case, an IDN in punycode
    // ("münchen.example" -> "xn--mnchen-3ya.example"). Text that is no domain at all is returned lower-cased,
    // so validateDomain() can say what is wrong with it.
    static QString asciiDomain(const QString &typed);

    // Reads format v1 (docs/plan-format.md): an unknown version or field is an error naming it, an IDN domain
    // is converted to punycode, and the result is validate()d, so a plan that loads is a plan that can run.
    static Result<DeploymentPlan> fromJson(const QJsonObject &object);
    // The file's text: a JSON syntax error names the line and column.
    static Result<DeploymentPlan> fromJsonText(const QByteArray &text);
    QJsonObject toJson() const;

    friend bool operator==(const DeploymentPlan &a, const DeploymentPlan &b);
};

// The two shared secrets of a deployment (DESIGN.md §4): generated locally with the system's
// cryptographic RNG, alphanumeric (safe in HOCON, shell and debconf), at least 24 characters.
struct DeploymentSecrets
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentSecrets)

public:
    QString jvbSecret; // the jvb XMPP user's password on auth.<domain>
    QString focusPassword; // jicofo's

    static constexpr int generatedLength = 32;
    static constexpr int minimumLength = 24;

    static DeploymentSecrets generate(); // generatedLength characters from [A-Za-z0-9] each
    static Result<void> validateSecret(const QString &secret); // alphanumeric ASCII, >= minimumLength characters
};
