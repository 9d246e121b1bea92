#pragma once

#include "deploy/dnscheck.h"
#include "deploy/verifier.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the engine tells its renderers (the wizard's pages, the CLI's progress lines and --json). Plain values,
// free of secrets (log lines pass the Redactor before they become events). One struct so that every renderer
// handles every kind in one place; which fields are set depends on `kind`.
struct EngineEvent
{
    enum class Kind {
        Phase, // phase: validate, resources, hosts, dns, certificate, verify, drain, delete, done
        Resource, // resource + state: creating, created, exists, deleting, deleted
        HostStep, // host, step, state: started, skipped, succeeded, failed, waiting; stepIndex/stepCount
        HostLog, // host, lines (a batch; at most ~20 batches a second per host)
        DnsRecords, // records the domain needs, and whether the app created them (state: created|manual)
        Verification, // report
        Warning, // message
    };

    Kind kind = Kind::Phase;
    QString phase;
    QString resource; // "server meet-example-org-web", "network meet-example-org-net", ...
    QString host; // server name
    QString step;
    QString state;
    int stepIndex = 0; // 1-based position of `step` in its task (ProvisionSteps), 0 when unknown
    int stepCount = 0;
    QStringList lines;
    QString message; // translated, for humans
    QList<DnsRecord> records;
    std::optional<VerificationReport> report;

    // The --json form, one object per event (docs/cli.md): {"event": "<kind>", ...the set fields}.
    QJsonObject toJson() const;
    static QString kindName(
            Kind kind); // "phase", "resource", "host_step", "host_log", "dns", "verification", "warning"
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

    QJsonObject toJson() const;
};
