#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The remote half of SshFollow: a small Perl program (perl-base is part of every Debian and Ubuntu system) that
// holds the followed file open, so after a rotation it can finish the old file before starting the new one, and
// that frames its output so the client knows the exact file offset of every byte:
//   "O <inode> <offset>\n"      following <inode> from <offset>
//   "D <offset> <length>\n" + <length> raw bytes
//   "T <inode> <size>\n"        the file shrank (truncated); continuing at 0
//   "R <inode>\n"               the old file is finished; the path now names <inode>, starting at 0
//   "G <inode>\n"               rotated while we were away and the old file is gone: bytes may be missing
//   "H\n"                       heartbeat while idle, so a dead connection is noticed
class FollowProtocol
{
public:
    // The shell command that starts the follower for `path` at `offset` of file `inode` (0: whatever file the path
    // names now). After a reconnect the inode lets the follower find a file that was rotated away meanwhile.
    static QByteArray command(const QString &path, qint64 offset, quint64 inode);

    struct Frame
    {
        enum Kind { Opened, Data, Truncated, Rotated, Gone, Heartbeat };
        Kind kind = Heartbeat;
        quint64 inode = 0;
        qint64 offset = 0; // Opened, Data: where the bytes start; Truncated: the new size
        QByteArray data;
    };

    // Feeds raw output; returns the complete frames. Partial frames are held.
    QList<Frame> feed(const QByteArray &bytes);
    bool failed() const { return m_failed; }
    QString failure() const { return m_failure; }

private:
    QByteArray m_buffer;
    qsizetype m_position = 0;
    bool m_failed = false;
    QString m_failure;
};
