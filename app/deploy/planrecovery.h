#pragma once

#include "common/result.h"
#include "deploy/discovery.h"
#include "model/deploymentplan.h"

#include <QByteArray>
#include <QCoreApplication>

// The plan of a deployment made on another computer (issue 14): what the DeploymentStore keeps on the computer
// that deployed it, rebuilt from what the project and the web host hold — the servers' types, locations and image
// (API), the SSH source ranges (the web firewall's port-22 rule), the domain, e-mail, TURN and ACME settings (the
// web host's parameter file, read over the pinned session) and the deployer's SSH key (the first key in root's
// authorized_keys, which cloud-init put there from the project's key). Not recoverable: the opt-out of
// certificate verification for bridges (`disableCertificateVerification`), which stays off. A pure function.
class PlanRecovery
{
    Q_DECLARE_TR_FUNCTIONS(PlanRecovery)

public:
    static Result<DeploymentPlan> rebuild(const DiscoveredDeployment &found, const QByteArray &webEnvFile,
                                          const QByteArray &authorizedKeys);
    static QString authorizedKeysPath() { return QStringLiteral("/root/.ssh/authorized_keys"); }
};
