#pragma once

#include "cli/eventrenderer.h"
#include "common/result.h"
#include "deploy/deploymentengine.h"
#include "deploy/discovery.h"
#include "model/deploymentplan.h"

#include <QObject>
#include <QString>

#include <functional>

class CliOutput;
class DeploymentEngine;
namespace hcloud {
class HetznerClient;
}

// `deploy`, `verify`, `add-bridge`, `remove-bridge` and `destroy`: finds the deployment (Discovery; one in the
// project needs no --deployment), asks for destroy's confirmation, runs the operation on the DeploymentEngine,
// folds its events into the ProgressModel and renders them (EventRenderer) and ends with a summary, or on failure with
// what failed, where, what this run created and the two ways on. Reports its exit code through `done` exactly once.
class EngineCommand : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(int exitCode)>;

    enum class Operation { Deploy, Verify, AddBridges, RemoveBridge, Destroy, Update, TestMeeting, Account };

    struct Request
    {
        Operation operation = Operation::Deploy;
        DeploymentPlan plan; // Deploy
        QString deployment; // slug or domain; empty = the only one in the project (not for Deploy)
        int count = 1; // AddBridges
        HostSpec spec; // AddBridges; empty fields = like the last bridge
        QString bridge; // RemoveBridge: the server name
        bool confirmed = false; // Destroy, Update: --yes
        bool force = false; // RemoveBridge, Update: --force (a bridge not confirmed drained goes on unasked)
        bool everyBridge = false; // TestMeeting: --every-bridge
        AccountRequest account; // Account: list, add or remove
        bool passwordGenerated = false; // Account add: show the password once at the end
    };

    EngineCommand(hcloud::HetznerClient *client, CliOutput *output, const EngineSettings &settings,
                  EventRenderer::Style style, QObject *parent = nullptr);
    ~EngineCommand() override;

    void run(const Request &request, Done done);

    // Ctrl-C: the engine stops at its next safe point and the command ends after its finished(); before the
    // engine started, the command ends at once. A meeting test has no other end: Ctrl-C ends it normally.
    void cancel();

    static QString operationName(Operation operation); // "deploy", "verify", "add-bridge", ...

private:
    void resolveDeployment();
    void confirmDestroy(const DiscoveredDeployment &deployment);
    void askDestroyConfirmation(const QString &expected);
    void confirmUpdate(const DiscoveredDeployment &deployment);
    // The engine's DrainQuestion, asked on the terminal.
    void askDrainChoice(const DrainQuestion &question);
    void startEngine();
    void engineFinished(const Result<EngineOutcome> &result);
    void succeed(const EngineOutcome &outcome, int exitCode);
    void showAccounts(const EngineOutcome &outcome); // Account
    void fail(const Error &error, const EngineOutcome &outcome, int exitCode);
    // Before the engine ran: nothing changed.
    void refuse(const QString &code, const QString &message, int exitCode, const QStringList &deployments = {});
    void write(const QString &text);
    void complete(int exitCode);

    hcloud::HetznerClient *m_client;
    CliOutput *m_output;
    EngineSettings m_settings;
    ProgressModel m_progress; // before m_renderer, which reads it
    EventRenderer m_renderer;
    Request m_request;
    QString m_slug; // the deployment the engine works on
    Done m_done;
    DeploymentEngine *m_engine = nullptr;
    bool m_cancelled = false;
    bool m_completed = false;
};
