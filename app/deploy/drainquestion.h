#pragma once

#include <QMetaType>
#include <QString>

// A bridge the engine cannot confirm drained before it deletes (remove-bridge) or restarts (update) it: its
// conferences did not end within the drain time, or it could not be reached or read. Meetings on it would be cut
// off, so the engine asks the front end (DeploymentEngine::undrainedBridge) and waits for
// DeploymentEngine::answerUndrained(), as an SSH passphrase is asked for.
struct DrainQuestion
{
    QString bridge; // server name
    QString operation; // "remove-bridge" or "update"
    int conferences = -1; // still running on it; -1 = unknown (unreachable, metrics unreadable)
    QString reason; // translated: why it is not confirmed drained
};

enum class DrainChoice {
    Proceed, // delete / restart it now; participants reconnect to the other bridges
    WaitAgain, // another drain time
    Stop, // end the operation here (remove-bridge: the bridge stays; update: it is taken back into service)
};

Q_DECLARE_METATYPE(DrainQuestion)
