#pragma once

#include "deploy/deploymentengine.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
class CliOutput;
class EngineCommand;
class HostAgentFactory;

// The headless side of `jitsi-deployer`: parses the command line, runs one subcommand on the event loop and
// reports its exit code. The same engine the wizard uses; nothing here needs a display.
class CliApplication : public QObject
{
    Q_OBJECT

public:
    // Exit codes, documented in docs/cli.md.
    enum ExitCode {
        Success = 0,
        Failed = 1, // the operation failed (API error, server error)
        UsageError = 2, // bad arguments or input; nothing was changed
        AuthFailed = 3, // token missing, malformed, wrong, revoked or read-only where writing is needed
        Unreachable = 4, // the API endpoint could not be reached
        VerificationFailed = 5, // the operation ran, but the bridges are not all verified (DESIGN.md §5)
        Cancelled = 6, // stopped by Ctrl-C; a re-run resumes
    };

    // True when these arguments ask for a headless run (any subcommand, --help, --version).
    static bool isHeadless(const QStringList &arguments);

    explicit CliApplication(QObject *parent = nullptr);
    ~CliApplication() override;

    // Starts the command; `finished` follows (possibly before this returns for usage errors).
    void start(const QStringList &arguments);

    // Test seams: the hosts the engine talks to (default: SSH with --identity or the ssh-agent), and the engine's
    // settings (timeouts, DNS resolver, state directory; `hosts` is ignored). Set before start().
    void setHostAgentFactory(HostAgentFactory *factory);
    void setEngineSettings(const EngineSettings &settings);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int exitCode);
    HostAgentFactory *hostAgentFactory(const QString &identityFile);

    CliOutput *m_output = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    bool m_finished = false;
    HostAgentFactory *m_hostAgentFactory = nullptr; // not owned; a test's
    std::unique_ptr<HostAgentFactory> m_ownHostAgentFactory;
    EngineSettings m_engineSettings;
    EngineCommand *m_engineCommand = nullptr;
};
