#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// A deployment's live health, read from state (never from logs, which rotate away): jicofo's bridge view
// (127.0.0.1:8888/debug and /stats on the web host), each bridge's own /metrics and /about/health, and the
// Jitsi packages' versions (dpkg) on every host. Plain data: read by DeploymentEngine::readHealth(), shown by
// `status` and the wizard's Manage page. A figure the host did not give is std::nullopt, never 0.

// One bridge as jicofo's bridge selector sees it.
struct JicofoBridgeView
{
    QString nickname; // the bridge's MUC nickname (the resource of its brewery JID)
    QString jid; // the brewery occupant JID jicofo keys the bridge by (jvbbrewery@internal.auth.<d>/<nickname>)
    bool operational = false;
    std::optional<bool> healthy;
    bool draining = false;
    bool gracefulShutdown = false;
    std::optional<double> stress; // jicofo's last known stress level, 0..1+
    QString version; // as the bridge's presence reports it
};

struct HostHealth
{
    QString serverName;
    QString role; // "web" or "bridge"
    bool reachable = false; // SSH worked and the probes ran
    QString problem; // translated, plain language, with the fix; empty when healthy
    QMap<QString, QString> packageVersions; // dpkg name -> installed version (Jitsi packages, prosody)
};

struct BridgeHealth
{
    HostHealth host;
    QString nickname;
    std::optional<JicofoBridgeView> inJicofo; // nullopt: jicofo does not list this bridge
    bool healthOk = false; // /about/health answered 200
    std::optional<int> conferences; // the bridge's own /metrics
    std::optional<int> participants; // endpoints
    std::optional<double> stress;
    std::optional<bool> draining;
};

struct DeploymentHealth
{
    QString slug;
    QString domain;
    QDateTime readAt; // UTC
    HostHealth web;
    bool jicofoAnswered = false; // /debug and /stats read
    int jicofoBridgeCount = 0;
    int jicofoOperationalBridges = 0;
    QList<JicofoBridgeView> unknownBridges; // in jicofo's view but not a bridge of this deployment
    QList<BridgeHealth> bridges; // by bridge number

    enum class Overall { Healthy, Degraded, Unreachable };
    Overall overall() const;
    // A hint to add a bridge when bridges run hot (stress or participants over the thresholds), naming the figures
    // the user can see; empty when there is none. Translated.
    QString addBridgeHint() const;
    QJsonObject toJson() const; // `status --health --json`, docs/cli.md
};
