#pragma once

#include <QCoreApplication>
#include <QObject>

#include <functional>

class EngineRun;

// The deployment's name and certificate (DESIGN.md §4–§5), a job of a deploy's ConvergeOperation: publishes the
// DNS records (in the project's zone, or asks the user to), waits until they resolve, then gets the Let's Encrypt
// certificate on the web host. Neither failing fails the run: the web host keeps its self-signed certificate and
// the user is told how to get the real one later. A child of its operation.
class CertificateTask : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    CertificateTask(EngineRun &run, QObject *parent);

    // Publishes the records and waits for them; the outcome's dnsRecords and dnsReady say how it went. `done` runs
    // once, while the run is alive.
    void waitForDns(std::function<void()> done);
    // Runs the certificate task on the (open) web host; `done` runs once, while the run is alive.
    void obtain(std::function<void()> done);

private:
    EngineRun &m_run;
};
