#pragma once

#include <QCoreApplication>
#include <QObject>

#include <functional>

class EngineRun;

// add-bridge's first step (DESIGN.md §4): a new bridge runs the jitsi-videobridge2 version the deployment's bridges
// run, since jicofo does not mix bridge versions in one conference by default. Reads the installed version on every
// bridge over its pinned session (dpkg-query, resources/provision/jitsi-packages.sh) and checks on one of them that
// the repository still offers it (apt-cache madison). Sets RunState::jvbVersion (the new bridges' JD_JVB_VERSION),
// or ends the run before anything is created: bridges that disagree, or a version no longer offered, point to
// `jitsi-deployer update`. A child of its EngineRun, after the stored plan was loaded.
class VersionPin : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    VersionPin(EngineRun &run, QObject *parent);

    void pin(std::function<void()> next);

private:
    EngineRun &m_run;
};
