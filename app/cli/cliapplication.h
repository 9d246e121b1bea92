#pragma once

#include <QObject>
#include <QStringList>

class QNetworkAccessManager;
class CliOutput;

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
    };

    // True when these arguments ask for a headless run (any subcommand, --help, --version).
    static bool isHeadless(const QStringList &arguments);

    explicit CliApplication(QObject *parent = nullptr);
    ~CliApplication() override;

    // Starts the command; `finished` follows (possibly before this returns for usage errors).
    void start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int exitCode);

    CliOutput *m_output = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    bool m_finished = false;
};
