#pragma once

#include <QObject>
#include <QString>

#include <functional>

class CliOutput;
struct Error;
namespace hcloud {
class HetznerClient;
}

// `jitsi-deployer hcloud …`: diagnostics that show what the API offers this project. Each command reports
// its exit code through `done` exactly once.
class HcloudCommands : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(int exitCode)>;

    HcloudCommands(hcloud::HetznerClient *client, CliOutput *output, bool json, QObject *parent = nullptr);

    void checkToken(Done done);
    void serverTypes(const QString &location, Done done);
    void locations(Done done);
    void images(const QString &architecture, Done done);

    // The exit code that fits an API or transport error (see CliApplication::ExitCode).
    static int exitCodeFor(const Error &error);

private:
    void listServerTypesIn(const QString &location, const QString &currency, Done done);
    int fail(const Error &error);

    hcloud::HetznerClient *m_client;
    CliOutput *m_output;
    bool m_json;
};
