#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>

#include <functional>

class EngineRun;

// The last stage of deploy, add-bridge and remove-bridge, and all of verify (DESIGN.md §5): opens every host of
// the run (reusing the install's connections), collects the evidence (EvidenceCollector), has the Verifier judge it
// off the GUI thread, and judges again until the run's verification deadline while bridges still join. Ends the
// run: succeed() when verified, else fail() with the report. A child of its EngineRun.
class VerificationStage : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    VerificationStage(EngineRun &run, QObject *parent);

    void start();

private:
    void openAll(std::function<void()> next);
    void collectEvidence();

    EngineRun &m_run;
    QDateTime m_deadline;
};
