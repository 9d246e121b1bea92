#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class SshSession;

// An SFTP upload or download started by SshSession::upload()/download(). Lives in the caller's thread;
// finished() comes exactly once, with the downloaded bytes (empty for an upload).
class SshTransfer : public QObject
{
    Q_OBJECT

public:
    ~SshTransfer() override; // cancels a running transfer; an upload then leaves the target untouched

    quint64 id() const { return m_id; }
    bool isFinished() const { return m_finished; }
    void cancel();

Q_SIGNALS:
    void progress(qint64 bytesDone, qint64 bytesTotal); // total is -1 when unknown
    void finished(const Result<QByteArray> &result);

private:
    friend class SshSession;
    SshTransfer(SshSession *session, quint64 id, QObject *parent);
    void finish(const Result<QByteArray> &result);

    QPointer<SshSession> m_session;
    quint64 m_id = 0;
    bool m_finished = false;
};
