#pragma once

#include "common/result.h"
#include "deploy/plansummary.h"
#include "hcloud/hcloudtypes.h"
#include "model/deploymentplan.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace hcloud {
class HetznerClient;
}

// The one check of a plan against the API before anything is created (issue 12 §3): what it will create, what that
// costs, whether it can be ordered at all, and what is worth a warning. `jitsi-deployer plan` prints it, `deploy`
// (EngineRun's first phase) runs it before creating anything, and the wizard's Review page shows it; all three ask
// this class, so they cannot disagree.
//
// It validates the plan's fields (DeploymentPlan::validate), then sends read requests only, all at once: pricing,
// locations, server types, the project's servers (for the quota hint), the SSH key by fingerprint, then the image
// for the types' architecture. Errors are values: the plan's and the catalogue's are input errors naming the host
// and the fix (PlanSummary::build), the API's keep their code.
class PlanPreview : public QObject
{
    Q_OBJECT

public:
    // The quota hint's threshold. Hetzner limits the servers per project and answers `resource_limit_exceeded`
    // (403) beyond it, but neither the API nor reference/hetzner-cloud-api.md states the limit of a new project.
    // This is a cautious assumption, not a documented figure: above it the hint only asks the user to check.
    static constexpr int assumedServerLimit = 10;

    struct Check
    {
        PlanSummary summary; // what will be created, the costs, and summary.warnings (e.g. the quota hint)
        qint64 imageId = 0; // the plan's image for the architecture of the types
        int serversInProject = 0; // for the quota hint
        QList<hcloud::Location> locations; // the catalogue, so that whoever creates next need not fetch it again
    };
    using Done = std::function<void(Result<Check>)>;

    explicit PlanPreview(hcloud::HetznerClient *client, QObject *parent = nullptr);

    // `done` runs exactly once, always from the event loop (never before preview() returned), unless this object
    // is destroyed first. One preview at a time per object.
    void preview(const DeploymentPlan &plan, Done done);

private:
    struct Collected;
    void conclude(const DeploymentPlan &plan, const Collected &collected, const Done &done);

    hcloud::HetznerClient *m_client;
};
