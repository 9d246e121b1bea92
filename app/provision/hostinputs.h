#pragma once

#include "model/deploymentplan.h"

#include <QString>
#include <QStringList>

// Everything one host's provisioning is rendered from, besides the plan itself.
enum class HostRole { Web, Bridge };

// The text form of a host key pair as it travels into user-data (HostKeys::generate makes the real one).
struct HostKeyText
{
    QString type; // "ed25519"
    QString privateKey; // OpenSSH/PEM text; only ever in that host's user-data
    QString publicKey; // one-line form, pinned by the app
};

struct HostInputs
{
    HostRole role = HostRole::Web;
    QString serverName; // plan.webServerName() or plan.bridgeName(n)
    int bridgeNumber = 0; // 1-based for bridges
    HostKeyText hostKey;

    // Known only once servers exist (filled by the engine; placeholders in a dry run):
    QString webPrivateIp; // the web host's address on the deployment's network ("" when not in the same zone)
    QString webPublicIp;
    QStringList bridgeAddresses; // web host: who may reach 5222
    QString prosodyAuthCertificate; // bridge: PEM of prosody's auth.<domain> certificate, copied from the web host
    QString acmeDirectoryUrl; // web host certificate step; empty = Let's Encrypt production
    // Bridge: JD_PHASE, "packages" (install before the web host exists; no web address or certificate needed)
    // or "all"; empty = all (docs/provisioning.md "Bridge phases").
    QString phase;
    // Bridge: the exact jitsi-videobridge2 version to install (JD_JVB_VERSION): add-bridge sets the one the other
    // bridges run; empty = the repository's newest.
    QString jvbVersion;
};
