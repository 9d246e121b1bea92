#pragma once

#include "deploy/deploymenthealth.h"

#include <QCoreApplication>
#include <QStringList>

// `status --health`'s text for one deployment: the overall state, one line per host (jicofo's view, the bridge's
// own figures, package versions), its problem, and the add-bridge hint. Translated.
class HealthLines
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)

public:
    static QStringList lines(const DeploymentHealth &health);
};
