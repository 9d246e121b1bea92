#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class SshSession;

// A command running on the remote host, started by SshSession::exec(). Lives in the caller's thread; output
// arrives as whole lines in batches (at most ~20 a second), then finished() exactly once.
class SshExec : public QObject
{
    Q_OBJECT

public:
    ~SshExec() override; // cancels the command if it is still running

    quint64 id() const { return m_id; }
    bool isFinished() const { return m_finished; }
    // The remote exit code, or -1 while running, after a cancel, a signal or a lost connection.
    int exitCode() const { return m_exitCode; }

    // Stops the remote command (its whole process group) and finishes promptly with the code "cancelled".
    void cancel();

Q_SIGNALS:
    void stdoutLines(const QStringList &lines);
    void stderrLines(const QStringList &lines);
    // The value is the exit code 0; a non-zero exit gives the error "command_failed" (exitCode() has the code).
    void finished(const Result<int> &result);

private:
    friend class SshSession;
    SshExec(SshSession *session, quint64 id, QObject *parent);
    void finish(const Result<int> &result, int exitCode);

    QPointer<SshSession> m_session;
    quint64 m_id = 0;
    int m_exitCode = -1;
    bool m_finished = false;
};
