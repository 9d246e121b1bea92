#pragma once

// What SshWorker's files share; internal to app/ssh/. sshworker.cpp: connection, authentication, reconnect,
// keepalive; sshworker_channels.cpp: the channel pump, exec and delivery in batches; sshworker_follow.cpp: following
// a file; sshworker_sftp.cpp: transfers.

#include "followprotocol.h"
#include "linesplitter.h"
#include "sshworker.h"

#include <QByteArray>
#include <QStringList>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <functional>

namespace SshWorkerDetail {

inline constexpr int readChunk = 64 * 1024;
inline constexpr qint64 pumpBudgetBytes = 4 * 1024 * 1024; // per pump, so the event loop stays responsive
inline constexpr int flushIntervalMs = 50; // at most ~20 deliveries a second (DESIGN.md §3)
inline constexpr int sftpStepMs = 20; // time one SFTP step may keep the worker in blocking calls
inline constexpr int cancelGraceMs = 3000;

inline QByteArray shellQuote(const QByteArray &word)
{
    QByteArray quoted = word;
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

} // namespace SshWorkerDetail

struct SshWorker::Channel
{
    enum class Kind { Exec, Follow, Internal };
    enum class Phase { Open, Request, Run };

    Kind kind = Kind::Exec;
    quint64 id = 0;
    QByteArray command;
    ssh_channel channel = nullptr;
    Phase phase = Phase::Open;
    ssh_channel_callbacks_struct callbacks{};
    bool gotExit = false;
    int exitStatus = -1;
    QString exitSignal;
    bool eof = false;

    // Exec
    bool pidKnown = false;
    QByteArray pidLine;
    qint64 remotePid = 0;
    LineSplitter out;
    LineSplitter err;
    QStringList pendingOut;
    QStringList pendingErr;
    bool cancelling = false;
    QByteArray input; // stdin still to be written (SshSession::exec's input)
    bool hasInput = false; // stdin gets `input` and then EOF
    bool inputClosed = false;

    // Internal commands (kill, mv): all stdout collected, then onDone.
    QByteArray collected;
    std::function<void(int, const QByteArray &)> onDone;

    // Follow
    QString path;
    qint64 deliveredOffset = 0;
    quint64 inode = 0;
    QByteArray partial;
    FollowProtocol protocol;
    QList<SshFollowBatch> pendingBatches;
};
