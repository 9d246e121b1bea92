#pragma once

#include "common/advice.h"
#include "deploy/accounts.h"
#include "deploy/deploymenthealth.h"
#include "deploy/dnscheck.h"
#include "deploy/enginestates.h"
#include "deploy/meetingstatus.h"
#include "deploy/verifier.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// What the engine tells its renderers (the ProgressModel that the wizard's pages and the CLI read, the CLI's
// progress lines and --json). Plain values, free of secrets (log lines pass the Redactor before they become
// events). One struct so that every renderer handles every kind in one place; which fields are set depends on
// `kind`. The states are enums (enginestates.h); toJson() writes their JSON names.
struct EngineEvent
{
    enum class Kind {
        Phase, // phase
        Resource, // resource + resourceState; host for servers
        HostStep, // host, step, hostState, stepIndex/stepCount; Waiting: waitReason, message, elapsedSeconds
        HostLog, // host, lines (a batch; at most ~20 batches a second per host)
        DnsRecords, // records the domain needs, and whether the app created them (dnsPublication)
        DnsCheck, // dnsCheck: one lookup round that did not find every record yet; message = its summary
        Verification, // report
        Warning, // message
        Meeting, // meeting: the test meeting's figures per bridge (MeetingTest)
    };

    Kind kind = Kind::Phase;
    ::Phase phase = ::Phase::Validate;
    QString resource; // "server meet-example-org-web", "network meet-example-org-net", ...
    ResourceState resourceState = ResourceState::Creating;
    QString host; // server name
    QString step; // empty while a host waits between tasks
    HostState hostState = HostState::Started;
    std::optional<WaitReason> waitReason; // with HostState::Waiting
    int elapsedSeconds = -1; // waiting for a booting server: how long so far; -1 = not said
    int stepIndex = 0; // 1-based position of `step` in its task (ProvisionSteps), 0 when unknown
    int stepCount = 0;
    QStringList lines;
    QString message; // translated, for humans
    Advice advice{}; // Warning: how to go on, said by each front end (common/advice.h)
    QList<DnsRecord> records;
    DnsPublication dnsPublication = DnsPublication::Manual;
    std::optional<DnsCheckProgress> dnsCheck;
    std::optional<VerificationReport> report;
    std::optional<MeetingStatus> meeting;

    static EngineEvent phaseChanged(::Phase phase, const QString &message);
    static EngineEvent resourceChanged(const QString &resource, ResourceState state, const QString &host = {});
    static EngineEvent hostStep(const QString &host, const QString &step, HostState state, int stepIndex = 0,
                                int stepCount = 0);
    // `step` (with its position) when the wait interrupts a step, else empty.
    static EngineEvent hostWaiting(const QString &host, WaitReason reason, const QString &message,
                                   const QString &step = {}, int stepIndex = 0, int stepCount = 0);
    static EngineEvent dnsRecords(const QList<DnsRecord> &records, DnsPublication publication, const QString &message);
    static EngineEvent dnsCheckRound(const DnsCheckProgress &round); // message: its summary()
    static EngineEvent verification(const VerificationReport &report);
    static EngineEvent warning(const QString &message, const Advice &advice = {});
    static EngineEvent meetingStatus(const MeetingStatus &status);

    // The --json form, one object per event (docs/cli.md): {"event": "<kind>", ...the set fields}.
    QJsonObject toJson() const;
    // "phase", "resource", "host_step", "host_log", "dns", "dns_check", "verification", "warning"
    static QString kindName(Kind kind);
};

// What an operation leaves behind, success or not (the failure path offers cleanup of `createdThisRun`).
struct EngineOutcome
{
    QString slug;
    QString domain;
    QString meetingUrl; // https://<domain>/
    QString webAddress;
    QStringList bridges; // server names, in bridge order
    QStringList createdThisRun; // "server <name>", "network <name>", ... created by this run
    QList<DnsRecord> dnsRecords;
    bool dnsReady = false; // the records resolve; false = certificate still self-signed
    std::optional<VerificationReport> verification;
    // update: the Jitsi packages of each host before and after (server name -> package -> version).
    QMap<QString, QMap<QString, QString>> versionsBefore;
    QMap<QString, QMap<QString, QString>> versionsAfter;
    std::optional<DeploymentHealth> health; // readHealth() only
    std::optional<MeetingStatus> meeting; // testMeeting(): the last figures
    std::optional<AccountList> accounts; // manageAccounts() only: the accounts after the action

    QJsonObject toJson() const;
};
