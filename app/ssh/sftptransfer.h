#pragma once

#include <QByteArray>
#include <QString>

#include <utility>

struct ssh_session_struct;
struct sftp_session_struct;
struct sftp_file_struct;

// One SFTP upload or download, advanced a bounded step at a time on the session's worker thread: SFTP calls
// block in libssh 0.10, so a step stops after a few milliseconds and the worker serves its other channels.
// An upload is written to a temporary name beside the target, given its mode and renamed over the target, so
// nobody ever reads half a file. A server that will not rename over an existing file (SFTP v3) leaves the
// transfer in NeedsRename; the worker then finishes it with mv.
class SftpTransfer
{
public:
    enum class State { Running, NeedsRename, Succeeded, Failed, ConnectionLost };

    static SftpTransfer upload(const QByteArray &data, const QString &remotePath, int mode);
    static SftpTransfer download(const QString &remotePath);

    // Runs blocking calls for at most `budgetMs`. The session is non-blocking before and after.
    State step(ssh_session_struct *session, sftp_session_struct *sftp, int budgetMs);
    // Closes what is still open; an upload that did not succeed removes its temporary file. Only while the
    // connection still answers: otherwise the handles died with it (forgetHandles()).
    void release(ssh_session_struct *session, sftp_session_struct *sftp, bool succeeded);
    void forgetHandles() { m_file = nullptr; }

    bool waitsForRename() const { return m_phase == Phase::WaitRename; } // the worker's mv is running
    bool isUpload() const { return m_upload; }
    const QString &remotePath() const { return m_path; }
    const QByteArray &temporaryPath() const { return m_tmpPath; }
    const QByteArray &downloaded() const { return m_data; }
    // Once Failed or ConnectionLost: libssh's words, and the SFTP status code (SSH_FX_*; -1 if none).
    const QString &failure() const { return m_failure; }
    int sftpStatus() const { return m_sftpStatus; }
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }
    bool takeProgress() { return std::exchange(m_progressMoved, false); } // whether done() moved since last asked

private:
    enum class Phase { Open, Copy, Finish, WaitRename };

    SftpTransfer() = default;
    bool open(sftp_session_struct *sftp);
    bool copy(int budgetMs);
    State finish(sftp_session_struct *sftp);
    State failed(ssh_session_struct *session, sftp_session_struct *sftp);

    bool m_upload = true;
    QByteArray m_data; // upload: the content; download: what has arrived
    QString m_path;
    QByteArray m_tmpPath;
    int m_mode = 0600;
    sftp_file_struct *m_file = nullptr;
    Phase m_phase = Phase::Open;
    qint64 m_done = 0;
    qint64 m_total = -1;
    bool m_progressMoved = false;
    QString m_failure;
    int m_sftpStatus = -1;
};
