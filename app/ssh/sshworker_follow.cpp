// SshWorker: following a remote file, FollowProtocol frames, resumable by offset (see sshworker.h).
#include "sshworker.h"

#include "common/logging.h"
#include "knownhosts.h"
#include "passphraserequest.h"
#include "sftptransfer.h"
#include "ssherrors.h"
#include "sshinterrupt.h"
#include "sshkeyloader.h"
#include "sshworker_p.h"

#include <QSocketNotifier>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <libssh/sftp.h>

using namespace Qt::StringLiterals;
using namespace SshWorkerDetail;

void SshWorker::handleFollowFrame(Channel &ch, const FollowProtocol::Frame &frame)
{
    auto startBatch = [&ch](SshFollowBatch::Event event) {
        SshFollowBatch batch;
        batch.event = event;
        batch.offset = ch.deliveredOffset;
        batch.inode = ch.inode;
        ch.pendingBatches.append(batch);
    };
    switch (frame.kind) {
    case FollowProtocol::Frame::Opened:
        ch.inode = frame.inode;
        ch.deliveredOffset = frame.offset;
        ch.partial.clear();
        return;
    case FollowProtocol::Frame::Data: {
        if (frame.offset != ch.deliveredOffset + ch.partial.size()) {
            qCWarning(lcSsh) << "follow: offset jump from" << ch.deliveredOffset + ch.partial.size() << "to"
                             << frame.offset;
            ch.partial.clear();
            ch.deliveredOffset = frame.offset;
        }
        ch.partial.append(frame.data);
        const qsizetype lastNewline = ch.partial.lastIndexOf('\n');
        if (lastNewline < 0)
            return;
        const QByteArray complete = ch.partial.left(lastNewline + 1);
        ch.partial.remove(0, lastNewline + 1);
        appendFollowBytes(ch, complete);
        return;
    }
    case FollowProtocol::Frame::Truncated:
    case FollowProtocol::Frame::Rotated:
    case FollowProtocol::Frame::Gone:
        // The old file ends here: its unterminated last line is all there will ever be of it.
        if (!ch.partial.isEmpty()) {
            const QByteArray rest = ch.partial;
            ch.partial.clear();
            appendFollowBytes(ch, rest);
        }
        if (frame.kind != FollowProtocol::Frame::Truncated)
            ch.inode = frame.inode;
        ch.deliveredOffset = 0;
        startBatch(frame.kind == FollowProtocol::Frame::Truncated ? SshFollowBatch::Event::Truncated
                   : frame.kind == FollowProtocol::Frame::Rotated ? SshFollowBatch::Event::Rotated
                                                                  : SshFollowBatch::Event::Gap);
        scheduleFlush();
        return;
    case FollowProtocol::Frame::Heartbeat:
        return;
    }
}

void SshWorker::appendFollowBytes(Channel &ch, const QByteArray &bytes)
{
    if (ch.pendingBatches.isEmpty())
        ch.pendingBatches.append(SshFollowBatch{});
    SshFollowBatch &batch = ch.pendingBatches.last();
    batch.bytes.append(bytes);
    ch.deliveredOffset += bytes.size();
    batch.offset = ch.deliveredOffset;
    batch.inode = ch.inode;
    scheduleFlush();
}

void SshWorker::startFollow(quint64 id, const QString &remotePath, qint64 offset)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT followFinished(id, SshErrors::notConnected());
        return;
    }
    auto ch = std::make_unique<Channel>();
    ch->kind = Channel::Kind::Follow;
    ch->id = id;
    ch->path = remotePath;
    ch->deliveredOffset = offset;
    ch->command = FollowProtocol::command(remotePath, offset, 0);
    m_channels.emplace(id, std::move(ch));
    schedulePump();
}

void SshWorker::stopFollow(quint64 id)
{
    assertWorkerThread();
    auto it = m_channels.find(id);
    if (it == m_channels.end() || it->second->kind != Channel::Kind::Follow)
        return;
    failChannel(*it->second, SshErrors::cancelled());
}
