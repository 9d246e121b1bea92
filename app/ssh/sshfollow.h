#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QStringList>

class SshSession;

// One delivery of a followed file: whole lines only, in file order.
struct SshFollowBatch
{
    enum class Event {
        None,
        Truncated, // the file shrank before these bytes; they start at offset 0 of the same file
        Rotated, // the old file is finished; these bytes start at offset 0 of the file now at the path
        Gap, // rotated while disconnected and the old file was gone: bytes between may be missing
    };
    Event event = Event::None;
    QByteArray bytes; // the raw bytes of `lines`, line ends included (exactly what the file holds)
    QStringList lines; // decoded for display; invalid UTF-8 shown as U+FFFD
    qint64 offset = 0; // file offset just after these bytes: where to resume
    quint64 inode = 0; // which file the offset belongs to
};
Q_DECLARE_METATYPE(SshFollowBatch)

// A remote file followed like `tail -F`, started by SshSession::follow(). Lives in the caller's thread. After a
// lost connection it resumes from the last delivered offset, so no line is lost or repeated; truncation and
// rotation are followed and reported in the batch's event.
class SshFollow : public QObject
{
    Q_OBJECT

public:
    ~SshFollow() override; // stops following

    quint64 id() const { return m_id; }
    qint64 offset() const { return m_offset; } // after the last delivered batch
    void stop(); // finished() with the code "cancelled" follows

Q_SIGNALS:
    void received(const SshFollowBatch &batch);
    // Only when following ends: stop(), the session gave up reconnecting, or the remote side failed.
    void finished(const Error &error);

private:
    friend class SshSession;
    SshFollow(SshSession *session, quint64 id, qint64 offset, QObject *parent);
    void deliver(const SshFollowBatch &batch);
    void finish(const Error &error);

    QPointer<SshSession> m_session;
    quint64 m_id = 0;
    qint64 m_offset = 0;
    bool m_finished = false;
};
