#pragma once

#include "deploy/hostagent.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class FakeHost;

// A world of fake servers for engine tests: what each Jitsi host does at the level the engine sees it through
// HostAgent (files, provision.log markers, the Jitsi components' logs, HTTP probes on the host, SSH host keys).
// The hosts live here, not in the agents, so they keep their files, logs, state and running installs when a test
// deletes the engine and starts a new one.
//
// What it simulates:
// - booting: a host exists from the moment the factory first makes an agent for its address, and adopts that
//   endpoint's pinnedHostKey (what cloud-init did with the user-data). It boots after autoBootMs (default 0; -1
//   waits for boot()); until then connecting is refused, and after the connect's boot timeout the agent fails
//   with "connection_refused". Host keys: installHostKey() changes the key presented from the next connect on;
//   setPresentedHostKey() is a man in the middle (or a rebuilt server).
// - the install scripts' log protocol (docs/provisioning.md): a run writes "@@run start", then per step of
//   ProvisionSteps::steps() "@@step skip" (done before with the same inputs: the state file) or "@@step start",
//   a line of output after stepDurationMs, "@@step end rc=N", and "@@run end". The env file must have been
//   uploaded with mode 0600, like the real scripts demand. A bridge with JD_PHASE=packages stops after
//   install-packages. The step inputs are the env values the real scripts digest, so e.g. a new
//   JD_BRIDGE_ADDRESSES reruns the firewall step and nothing else.
// - Jitsi: the web host's install-packages starts prosody (its auth.<domain> certificate appears) and jicofo,
//   register-jvb registers JD_JVB_SECRET, firewall allows JD_BRIDGE_ADDRESSES to reach 5222. A bridge's
//   restart-and-join starts jvb with the configuration of its env file: it joins when the web host at
//   JD_XMPP_HOST (public or private address) lets its address through, its copy of prosody's certificate matches
//   (or verification is disabled), its secret matches and no other joined bridge has its nickname. jvb.log,
//   prosody.log and jicofo.log get the lines of the Verifier's fixtures. A bridge that cannot join writes jvb's
//   error, fails its step after joinTimeoutMs with the real script's message, and keeps retrying in the
//   background every jvbRetryMs like jvb does (it joins once the cause is fixed).
// - probes: jicofo's /stats on the web host (127.0.0.1:8888) counts the joined bridges; jvb's /about/health on a
//   bridge (8080) answers 200 while jvb runs. drainBridge() shuts jvb down gracefully.
//
// What it does not: real shells or packages, the Hetzner firewall, timing and sizes of a real install, log
// rotation, prosody/jicofo restarts after their install, conferences (drain answers a set number), IPv6.
//
// Times in the logs come from a fake clock that advances one second per log write, starting 2026-06-01 12:00:00
// UTC, so logs are reproducible. Faults and facts are set per host by "who": its address or its server name;
// set before the host exists, they apply when it appears (engine tests rarely know addresses in advance).
struct FakeHostCounters
{
    int connectAttempts = 0; // connectToHost() calls
    int connects = 0; // connects that succeeded
    int uploads = 0; // uploadFiles() calls
    int filesUploaded = 0;
    int startRequests = 0; // startTask() calls
    int runsStarted = 0; // of those, the ones that started a run (not "already running")
    int hostKeyInstalls = 0;
    int hostKeyScans = 0;
    int followDrops = 0; // simulated connection drops while following the log
    int drains = 0;
    int undrains = 0;
    int upgrades = 0;
    QHash<QString, int> stepsRun; // step -> how often it ran (not skipped)
};

class FakeCloud : public QObject
{
    Q_OBJECT

public:
    explicit FakeCloud(QObject *parent = nullptr);
    ~FakeCloud() override;

    // ---- timing knobs (milliseconds) ----
    void setStepDurationMs(int ms) { m_stepDurationMs = ms; } // default 5
    int stepDurationMs() const { return m_stepDurationMs; }
    void setLatencyMs(int ms) { m_latencyMs = ms; } // before each agent answer; default 0 (still queued)
    int latencyMs() const { return m_latencyMs; }
    void setAutoBootMs(int ms) { m_autoBootMs = ms; } // for hosts created later; -1 = only boot()
    int autoBootMs() const { return m_autoBootMs; }
    void setJoinTimeoutMs(int ms) { m_joinTimeoutMs = ms; } // restart-and-join's wait; default 100
    int joinTimeoutMs() const { return m_joinTimeoutMs; }
    void setJvbRetryMs(int ms) { m_jvbRetryMs = ms; } // jvb's reconnect interval; default 20
    int jvbRetryMs() const { return m_jvbRetryMs; }

    // ---- facts and faults per host ----
    void boot(const QString &who);
    void setPresentedHostKey(const QString &who, const QString &publicKey); // empty = the host's own again
    void setPrivateAddress(const QString &who, const QString &address); // on the deployment's network
    // Every server's address on its private network, from the simulator's servers as the API lists them
    // (HcloudSim::state("servers")), so a bridge on the network finds the web host by its private IP.
    void setPrivateAddresses(const QJsonArray &servers);
    // The step fails with "@@error <step> <message>" the next `times` times it runs.
    void failStep(const QString &who, const QString &step, const QString &message = {}, int times = 1);
    // The step takes this long on the host (instead of stepDurationMs()), e.g. a bridge still joining.
    void setStepDuration(const QString &who, const QString &step, int ms);
    // jvb uses this MUC nickname whatever its env file says (a hand-edited jvb.conf): a duplicate nickname.
    void setMucNickname(const QString &who, const QString &nickname);
    // Nothing reaches 5222 on this web host (a firewall in between, or prosody not listening).
    void block5222(const QString &who, bool blocked = true);
    // The next followLog() on the host delivers `afterLines` lines, then its connection drops; the agent
    // reconnects and resumes after jvbRetryMs (nothing lost, nothing twice).
    void dropFollow(const QString &who, int afterLines = 1);
    // The next followLog() on the host fails: `ended` gets "connection_lost".
    void failFollow(const QString &who);
    void setConferencesAfterDrain(const QString &who, int conferences);
    // The Jitsi repository every host installs from: the versions of `package`, oldest first. An install takes
    // the newest (a bridge with JD_JVB_VERSION that one, failing like the real script when it is not offered);
    // an upgrade moves each installed package to the newest. Defaults: one version per package.
    void setRepository(const QString &package, const QStringList &versions) { m_repository[package] = versions; }
    QStringList repository(const QString &package) const { return m_repository.value(package); }
    // What drain, upgrade and undrain did, in order: "drain <host>", "upgrade <host> bridges=<n>" (n = the bridges
    // jicofo saw operational when the upgrade started), "undrain <host>": for asserting a rolling update.
    QStringList journal() const { return m_journal; }
    void record(const QString &entry) { m_journal.append(entry); }
    // The server is deleted: jicofo loses the bridge; agents for it then fail.
    void destroyHost(const QString &who);

    // ---- inspection ----
    FakeHost *host(const QString &who) const; // by address or server name; nullptr before it exists
    QList<FakeHost *> hosts() const;

    // ---- for FakeHost and the agents ----
    struct Knobs
    {
        QString presentedHostKey;
        QString privateAddress;
        bool bootRequested = false;
        QHash<QString, QPair<QString, int>> failures; // step -> message, times left
        QHash<QString, int> stepDurationsMs; // step -> how long it takes
        QString mucNickname;
        bool block5222 = false;
        int dropFollowAfterLines = -1;
        bool failFollow = false;
        int conferencesAfterDrain = 0;
    };
    Knobs &knobs(const QString &address) { return m_knobs[address]; }
    FakeHost *hostFor(const HostEndpoint &endpoint); // creates it on first use
    FakeHost *webHostAt(const QString &xmppHost) const; // by public or private address
    QDateTime nextLogTime();

Q_SIGNALS:
    void hostCreated(FakeHost *host);

private:
    // Applies a setting to the host's knobs now, or when a host with that address or name appears.
    void configure(const QString &who, const std::function<void(Knobs &)> &change);

    QHash<QString, QStringList> m_repository;
    QStringList m_journal;
    QList<FakeHost *> m_hosts; // children
    QHash<QString, Knobs> m_knobs; // by address
    QList<QPair<QString, std::function<void(Knobs &)>>> m_pending; // for hosts not created yet, in order
    int m_stepDurationMs = 5;
    int m_latencyMs = 0;
    int m_autoBootMs = 0;
    int m_joinTimeoutMs = 100;
    int m_jvbRetryMs = 20;
    qint64 m_clock = 0;
};
