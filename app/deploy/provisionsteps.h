#pragma once

#include "provision/hostinputs.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The install runs on the server and reports through machine-readable markers in provision.log
// (docs/provisioning.md "Log format"). This file is the app's side of that protocol: which runs exist, which
// steps each has (for progress bars), and a parser that turns log bytes into step events.

// A run the app starts on a host. Each is a systemd unit (or transient unit) on the server, so it survives a
// dropped SSH connection.
enum class ProvisionTask {
    Install, // the role's install script (install-web / install-bridge)
    Firewall, // web host: the host firewall step alone, after the bridge addresses changed
    Certificate, // web host: the Let's Encrypt step, once DNS points at the host
};

class ProvisionSteps
{
public:
    // The task name the script writes in "@@run start <task>": install-web, install-bridge, firewall, certificate.
    static QString taskName(ProvisionTask task, HostRole role);
    // The steps of a task in the order the script runs them, exactly the names of its jd_step calls
    // (a test compares them with resources/provision/*.sh).
    static QStringList steps(ProvisionTask task, HostRole role);
    // A bridge's install runs in two phases (DESIGN.md §4 "bridges do not wait for the web host"): the env file's
    // JD_PHASE=packages stops the script after this step, before it needs prosody's certificate from the web host.
    static QString bridgePackagesPhaseLastStep(); // "install-packages"
};

// One marker or output line, parsed.
struct ProvisionLogEvent
{
    enum class Kind {
        Output, // any non-marker line
        RunStarted, // @@run start <task>
        RunEnded, // @@run end <task> rc=<n>
        StepStarted, // @@step start <name>
        StepSkipped, // @@step skip <name>
        StepEnded, // @@step end <name> rc=<n>
        StepError, // @@error <name> <message>
    };
    Kind kind = Kind::Output;
    QString name; // task for Run*, step for Step*
    int rc = 0; // RunEnded / StepEnded
    QString text; // Output: the line; StepError: the message
    qint64 endOffset = 0; // file offset just after this line
};

// Turns followed bytes into events. Feed it the bytes as they come (any split, also mid-line); it keeps the
// partial last line. A malformed marker is reported as Output (never throws away text).
class ProvisionLogParser
{
public:
    explicit ProvisionLogParser(qint64 startOffset = 0);
    QList<ProvisionLogEvent> feed(const QByteArray &bytes);
    qint64 offset() const; // just after the last complete line

private:
    QByteArray m_partial;
    qint64 m_offset = 0;
};
