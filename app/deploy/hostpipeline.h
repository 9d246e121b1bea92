#pragma once

#include "common/result.h"
#include "hcloud/hcloudtypes.h"
#include "provision/hostinputs.h"

#include <QCoreApplication>
#include <QObject>

class ConvergeOperation;
class EngineRun;
class HostConnection;

// One host's install during deploy or add-bridge (DESIGN.md §4), a child of its ConvergeOperation, which it tells
// how it went.
//
//   web:    Connecting ─► Installing ─► ReadingCertificate ─► Done   (the operation learns webInstalled/webFailed)
//   bridge: Connecting ─► Installing (packages only) ─► WaitingForWeb ─► Configuring ─► Done
//
// A bridge's packages install while the web host installs; its last phase (configure and join prosody) needs the
// web host's auth certificate and the 5222 allow-list, which the operation releases. Any failure ends in Failed.
class HostPipeline : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentEngine)

public:
    enum class State { Idle, Connecting, Installing, ReadingCertificate, WaitingForWeb, Configuring, Done, Failed };

    HostPipeline(EngineRun &run, ConvergeOperation &operation, HostRole role, int bridgeNumber, QObject *parent);

    void start();
    State state() const { return m_state; }

private:
    void startWeb();
    void startBridge();
    void configureBridge();
    void webFailed(const Error &error);
    void finish(const Result<void> &result);

    EngineRun &m_run;
    ConvergeOperation &m_operation;
    HostRole m_role;
    int m_number; // 0 for the web host
    hcloud::Server m_server;
    HostConnection *m_connection = nullptr;
    State m_state = State::Idle;
};
