#pragma once

#include "model/deploymentplan.h"

#include <QObject>
#include <QString>

#include <functional>

class CliOutput;
namespace hcloud {
class HetznerClient;
}

// `jitsi-deployer plan`: the dry run. Checks the plan against the API with read requests only (PlanPreview, the
// same check deploy makes: every host orderable where the plan puts it, the image, the costs, warnings), then
// writes each host's files with placeholders for secrets and a summary with the cost (DryRunWriter). Reports its
// exit code through `done` exactly once.
class PlanCommand : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(int exitCode)>;

    PlanCommand(hcloud::HetznerClient *client, CliOutput *output, bool json, QObject *parent = nullptr);

    // `plan` was validated and `outputDir` checked (DryRunWriter::checkDirectory) by the caller.
    void run(const DeploymentPlan &plan, const QString &outputDir, Done done);

private:
    int fail(const Error &error);

    hcloud::HetznerClient *m_client;
    CliOutput *m_output;
    bool m_json;
};
