#pragma once

#include "common/result.h"
#include "deploy/plansummary.h"
#include "model/deploymentplan.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The dry run's files (`jitsi-deployer plan`): for each host `<server-name>/user-data.yaml`,
// `<server-name>/install.env` and the install bundle (scripts and unit), then `summary.txt` and
// `summary.json`. Everything is rendered by the same renderers a deployment uses, in their placeholder modes:
// the secrets passed in are only checked, and no host key is generated (both halves are placeholders), so no
// file written here holds a secret. Not-yet-known addresses are <placeholders> too.
class DryRunWriter
{
    Q_DECLARE_TR_FUNCTIONS(DryRunWriter)

public:
    // The directory must be missing or empty (checked first: stale files of an earlier, larger plan would
    // mislead). Everything is rendered before the first file is written, so a rendering error leaves nothing
    // behind. Returns the written paths relative to `directory`, sorted. Errors: domain "input" for a bad
    // directory or plan, "provision" from the renderers, code "write_failed" when the disk refuses.
    static Result<QStringList> write(const DeploymentPlan &plan, const PlanSummary &summary,
                                     const DeploymentSecrets &secrets, const QString &directory);

    // The same directory check on its own, so the CLI can refuse before it contacts the API.
    static Result<void> checkDirectory(const QString &directory);
};
