#pragma once

#include "common/result.h"
#include "followprotocol.h"
#include "keepalivemonitor.h"
#include "linesplitter.h"
#include "passphraserequest.h"
#include "sftptransfer.h"
#include "sshfollow.h"
#include "sshsession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

class QSocketNotifier;
class SshInterrupt;

struct ssh_session_struct;
struct ssh_key_struct;
struct ssh_event_struct;
struct ssh_channel_struct;
struct ssh_counter_struct;
struct sftp_session_struct;

// The only object that calls libssh for one session; it lives on the session's worker thread (SshSession
// moves it there). The libssh session runs non-blocking: a socket notifier and a short timer pump every open
// channel, so several commands, follows and transfers share the connection without any of them blocking the
// others for long. SFTP calls (blocking in libssh 0.10) are made one bounded chunk at a time.
//
// Its jobs, one file each: connection, authentication, reconnect and keepalive (sshworker.cpp), the channel pump
// with exec and batched delivery (sshworker_channels.cpp), following a file (sshworker_follow.cpp), SFTP transfers
// (sshworker_sftp.cpp); what they share is in sshworker_p.h.
class SshWorker : public QObject
{
    Q_OBJECT

public:
    SshWorker(const SshConnectOptions &options, std::shared_ptr<SshInterrupt> interrupt);
    ~SshWorker() override;

    // All of these run on the worker thread (SshSession invokes them queued).
    void connectToHost();
    void disconnectFromHost();
    void shutdown();
    void startExec(quint64 id, const QString &command, const QByteArray &input = {});
    void cancelExec(quint64 id);
    void startUpload(quint64 id, const QByteArray &data, const QString &remotePath, int mode);
    void startDownload(quint64 id, const QString &remotePath);
    void cancelTransfer(quint64 id);
    void startFollow(quint64 id, const QString &remotePath, qint64 offset);
    void stopFollow(quint64 id);

Q_SIGNALS:
    void stateChanged(SshSession::State state);
    // The key file is encrypted: answer `question` from the session's thread; the connect waits for it.
    void passphraseNeeded(const QString &keyFile, const std::shared_ptr<PassphraseExchange> &question);
    void connected();
    void connectFailed(const Error &error);
    void connectionLost(const Error &error);
    void reconnected();
    void execOutput(quint64 id, const QStringList &stdoutLines, const QStringList &stderrLines);
    void execFinished(quint64 id, const Result<int> &result, int exitCode);
    void followBatches(quint64 id, const QList<SshFollowBatch> &batches);
    void followFinished(quint64 id, const Error &error);
    void transferProgress(quint64 id, qint64 done, qint64 total);
    void transferFinished(quint64 id, const Result<QByteArray> &result);

private:
    struct Channel;

    void assertWorkerThread() const;
    void setState(SshSession::State state);
    Result<void> establish();
    Result<void> checkHostKey();
    Result<void> authenticate();
    void dropConnection();
    void handleConnectionLost(const Error &error);
    void attemptReconnect();
    void failEverything(const Error &error);

    void schedulePump();
    void pump();
    void advanceChannel(Channel &channel, qint64 &budget);
    void handleStdout(Channel &channel, const char *data, int length);
    void handleStderr(Channel &channel, const char *data, int length);
    void handleFollowFrame(Channel &channel, const FollowProtocol::Frame &frame);
    void appendFollowBytes(Channel &channel, const QByteArray &bytes);
    void completeChannel(Channel &channel);
    void finishCancelledExec(quint64 id);
    void failChannel(Channel &channel, const Error &error);
    void removeChannel(quint64 id);
    quint64 startInternal(const QByteArray &command, std::function<void(int, const QByteArray &)> onDone);

    bool ensureSftp(Error *error);
    void stepTransfer(quint64 id, SftpTransfer &transfer);
    Error transferError(const SftpTransfer &transfer) const;
    void renameOverTarget(quint64 id, const SftpTransfer &transfer);
    void finishTransfer(quint64 id, const Result<QByteArray> &result);

    void scheduleFlush();
    void flush();
    void keepaliveTick();
    void checkLiveness();
    void noteTraffic();

    SshConnectOptions m_options;
    std::shared_ptr<SshInterrupt> m_interrupt; // triggered when the session is torn down
    SshSession::State m_state = SshSession::State::Disconnected;
    ssh_session_struct *m_session = nullptr;
    ssh_event_struct *m_event = nullptr;
    ssh_key_struct *m_key = nullptr;
    ssh_key_struct *m_pinnedKey = nullptr;
    sftp_session_struct *m_sftp = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_pumpTimer;
    QTimer m_flushTimer;
    QTimer m_keepaliveTimer;
    QTimer m_deadlineTimer; // fires when the open keepalive question has waited the whole idle timeout
    QTimer m_reconnectTimer;
    QElapsedTimer m_clock; // the KeepaliveMonitor's time base
    KeepaliveMonitor m_liveness;
    std::unique_ptr<ssh_counter_struct> m_traffic; // libssh counts every packet it sends and receives here
    QElapsedTimer m_sinceFlush;
    bool m_pumpQueued = false;
    bool m_inPump = false;
    bool m_lost = false;
    Error m_lostError;
    int m_reconnectAttempt = 0;
    quint64 m_nextInternalId = quint64(1) << 62;
    std::map<quint64, std::unique_ptr<Channel>> m_channels;
    std::map<quint64, SftpTransfer> m_transfers;
};
