// SshWorker: the channel pump, exec, internal commands, delivery in batches (see sshworker.h).
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

void SshWorker::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_pumpQueued = false;
                pump();
            },
            Qt::QueuedConnection);
}

void SshWorker::pump()
{
    assertWorkerThread();
    if (m_inPump || m_state != SshSession::State::Connected || !m_session)
        return;
    m_inPump = true;
    m_lost = false;
    if (ssh_event_dopoll(m_event, 0) == SSH_ERROR || (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR))) {
        m_lost = true;
        m_lostError = SshErrors::connectionLost(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
    }
    qint64 budget = pumpBudgetBytes;
    if (!m_lost) {
        std::vector<quint64> ids;
        for (const auto &[id, channel] : m_channels)
            ids.push_back(id);
        for (quint64 id : ids) {
            auto it = m_channels.find(id);
            if (it == m_channels.end())
                continue;
            advanceChannel(*it->second, budget);
            if (m_lost)
                break;
        }
    }
    if (!m_lost) {
        std::vector<quint64> ids;
        for (const auto &[id, transfer] : m_transfers)
            ids.push_back(id);
        for (quint64 id : ids) {
            auto it = m_transfers.find(id);
            if (it != m_transfers.end() && !it->second.waitsForRename())
                stepTransfer(id, it->second);
            if (m_lost)
                break;
        }
    }
    m_inPump = false;
    noteTraffic();
    if (m_lost) {
        m_lost = false;
        handleConnectionLost(m_lostError);
        return;
    }
    const bool busy = !m_channels.empty() || !m_transfers.empty();
    if (busy && !m_pumpTimer.isActive())
        m_pumpTimer.start();
    else if (!busy)
        m_pumpTimer.stop();
    // Under a continuous stream the worker never idles and the flush timer could starve: flush on time here.
    if (m_flushTimer.isActive() && m_sinceFlush.elapsed() >= flushIntervalMs)
        flush();
    // More data may be waiting inside libssh, and SFTP transfers advance one step per pump.
    if (budget <= 0 || !m_transfers.empty())
        schedulePump();
}

void SshWorker::advanceChannel(Channel &ch, qint64 &budget)
{
    if (ch.phase == Channel::Phase::Open) {
        // A follow (re)starts after the last delivered byte of the file it was reading.
        if (ch.kind == Channel::Kind::Follow)
            ch.command = FollowProtocol::command(ch.path, ch.deliveredOffset, ch.inode);
        if (!ch.channel) {
            ch.channel = ssh_channel_new(m_session);
            if (!ch.channel) {
                failChannel(ch,
                            SshErrors::channelFailed(tr("a new channel"), QString::fromUtf8(ssh_get_error(m_session))));
                return;
            }
            ch.callbacks = {};
            ch.callbacks.userdata = &ch;
            ch.callbacks.channel_exit_status_function = [](ssh_session, ssh_channel, int status, void *userdata) {
                auto *c = static_cast<Channel *>(userdata);
                c->gotExit = true;
                c->exitStatus = status;
            };
            ch.callbacks.channel_exit_signal_function = [](ssh_session, ssh_channel, const char *signal, int,
                                                           const char *, const char *, void *userdata) {
                auto *c = static_cast<Channel *>(userdata);
                c->gotExit = true;
                c->exitSignal = QString::fromLatin1(signal);
            };
            ssh_callbacks_init(&ch.callbacks);
            ssh_set_channel_callbacks(ch.channel, &ch.callbacks);
        }
        const int rc = ssh_channel_open_session(ch.channel);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            if (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR)) {
                m_lost = true;
                m_lostError = SshErrors::connectionLost(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
                return;
            }
            failChannel(ch, SshErrors::channelFailed(tr("a new session channel"),
                                                     QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        ch.phase = Channel::Phase::Request;
    }
    if (ch.phase == Channel::Phase::Request) {
        const int rc = ssh_channel_request_exec(ch.channel, ch.command.constData());
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            failChannel(ch,
                        SshErrors::channelFailed(tr("running a command"), QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        ch.phase = Channel::Phase::Run;
    }
    if (ch.kind == Channel::Kind::Exec && ch.hasInput && !ch.inputClosed) {
        // The command's stdin (a password, so it is never on a command line), then EOF so it stops reading.
        if (!ch.input.isEmpty()) {
            const int written = ssh_channel_write(ch.channel, ch.input.constData(), uint32_t(ch.input.size()));
            if (written == SSH_ERROR) {
                failChannel(ch, SshErrors::channelFailed(tr("writing a command's input"),
                                                         QString::fromUtf8(ssh_get_error(m_session))));
                return;
            }
            if (written > 0) {
                ch.input.fill('\0', written); // no copy of it left behind in memory
                ch.input.remove(0, written);
            }
        }
        if (ch.input.isEmpty() && ssh_channel_send_eof(ch.channel) == SSH_OK)
            ch.inputClosed = true;
    }

    const quint64 id = ch.id;
    char buffer[readChunk];
    for (int stream = 0; stream < 2; ++stream) {
        while (budget > 0) {
            const int n = ssh_channel_read_nonblocking(ch.channel, buffer, sizeof buffer, stream);
            if (n > 0) {
                budget -= n;
                if (stream == 0)
                    handleStdout(ch, buffer, n);
                else
                    handleStderr(ch, buffer, n);
                if (m_channels.find(id) == m_channels.end())
                    return; // finished by the data (e.g. a follow protocol error)
                continue;
            }
            if (n == SSH_ERROR) {
                m_lost = true;
                m_lostError = SshErrors::connectionLost(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
                return;
            }
            break; // 0: nothing buffered now; SSH_EOF: the remote side closed this stream
        }
    }
    if (budget <= 0)
        return;
    if (ssh_channel_is_eof(ch.channel) && ssh_channel_poll(ch.channel, 0) <= 0 && ssh_channel_poll(ch.channel, 1) <= 0
        && (ch.gotExit || ssh_channel_is_closed(ch.channel)))
        completeChannel(ch);
}

void SshWorker::handleStdout(Channel &ch, const char *data, int length)
{
    switch (ch.kind) {
    case Channel::Kind::Internal:
        ch.collected.append(data, length);
        return;
    case Channel::Kind::Follow: {
        const QList<FollowProtocol::Frame> frames = ch.protocol.feed(QByteArray(data, length));
        for (const FollowProtocol::Frame &frame : frames)
            handleFollowFrame(ch, frame);
        if (ch.protocol.failed())
            failChannel(ch, SshErrors::channelFailed(tr("following the file"), ch.protocol.failure()));
        return;
    }
    case Channel::Kind::Exec:
        break;
    }
    QByteArray bytes(data, length);
    if (!ch.pidKnown) {
        // The wrapper's first line is the remote shell's PID (= its process group), used to cancel.
        const qsizetype newline = bytes.indexOf('\n');
        if (newline < 0) {
            ch.pidLine.append(bytes);
            return;
        }
        ch.pidLine.append(bytes.left(newline));
        ch.remotePid = ch.pidLine.trimmed().toLongLong();
        ch.pidKnown = true;
        bytes.remove(0, newline + 1);
        if (ch.cancelling)
            cancelExec(ch.id);
    }
    ch.pendingOut.append(ch.out.feed(bytes));
    scheduleFlush();
}

void SshWorker::handleStderr(Channel &ch, const char *data, int length)
{
    if (ch.kind != Channel::Kind::Exec) {
        if (ch.collected.size() < 4096)
            ch.collected.append(data, qMin<int>(length, 4096));
        return;
    }
    ch.pendingErr.append(ch.err.feed(QByteArray(data, length)));
    scheduleFlush();
}

void SshWorker::completeChannel(Channel &ch)
{
    const quint64 id = ch.id;
    switch (ch.kind) {
    case Channel::Kind::Internal: {
        auto onDone = std::move(ch.onDone);
        const int status = ch.gotExit && ch.exitSignal.isEmpty() ? ch.exitStatus : -1;
        const QByteArray collected = ch.collected;
        removeChannel(id);
        if (onDone)
            onDone(status, collected);
        return;
    }
    case Channel::Kind::Follow: {
        const QString stderrText = QString::fromUtf8(ch.collected).trimmed();
        failChannel(ch, SshErrors::channelFailed(tr("following the file"),
                                                 stderrText.isEmpty() ? u"follower exited"_s : stderrText));
        return;
    }
    case Channel::Kind::Exec:
        break;
    }
    if (ch.cancelling) {
        finishCancelledExec(id);
        return;
    }
    ch.pendingOut.append(ch.out.finish());
    ch.pendingErr.append(ch.err.finish());
    flush();
    int exitCode = -1;
    Result<int> result = 0;
    if (!ch.exitSignal.isEmpty()) {
        result = SshErrors::commandKilled(ch.exitSignal);
    } else if (!ch.gotExit) {
        result = SshErrors::connectionLost(m_options.host, u"channel closed without exit status"_s);
    } else {
        exitCode = ch.exitStatus;
        if (exitCode != 0)
            result = SshErrors::commandFailed(exitCode);
    }
    removeChannel(id);
    Q_EMIT execFinished(id, result, exitCode);
}

void SshWorker::failChannel(Channel &ch, const Error &error)
{
    const quint64 id = ch.id;
    switch (ch.kind) {
    case Channel::Kind::Internal: {
        auto onDone = std::move(ch.onDone);
        removeChannel(id);
        if (onDone)
            onDone(-1, QByteArray());
        return;
    }
    case Channel::Kind::Follow:
        flush();
        removeChannel(id);
        Q_EMIT followFinished(id, error);
        return;
    case Channel::Kind::Exec: {
        const Error reported = ch.cancelling ? SshErrors::cancelled() : error;
        ch.pendingOut.append(ch.out.finish());
        ch.pendingErr.append(ch.err.finish());
        flush();
        removeChannel(id);
        Q_EMIT execFinished(id, reported, -1);
        return;
    }
    }
}

void SshWorker::removeChannel(quint64 id)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    if (it->second->channel) {
        // libssh keeps a channel the server has not closed yet until its close arrives, and runs the channel's
        // callbacks for it then: they must not point into the Channel erased below (a use after free that crashed
        // the worker thread in tst_e2e_wizard).
        ssh_remove_channel_callbacks(it->second->channel, &it->second->callbacks);
        ssh_channel_free(it->second->channel); // closes it if still open
    }
    m_channels.erase(it);
}

quint64 SshWorker::startInternal(const QByteArray &command, std::function<void(int, const QByteArray &)> onDone)
{
    auto ch = std::make_unique<Channel>();
    ch->kind = Channel::Kind::Internal;
    ch->id = m_nextInternalId++;
    ch->command = command;
    ch->onDone = std::move(onDone);
    const quint64 id = ch->id;
    m_channels.emplace(id, std::move(ch));
    schedulePump();
    return id;
}

void SshWorker::startExec(quint64 id, const QString &command, const QByteArray &input)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT execFinished(id, SshErrors::notConnected(), -1);
        return;
    }
    auto ch = std::make_unique<Channel>();
    ch->kind = Channel::Kind::Exec;
    ch->id = id;
    // sshd makes the login shell a process-group leader; its PID, printed first, lets cancel() stop the whole
    // group, not just the shell.
    ch->command = "echo $$; exec sh -c " + shellQuote(command.toUtf8());
    ch->input = input;
    ch->hasInput = !input.isNull();
    m_channels.emplace(id, std::move(ch));
    schedulePump();
}

void SshWorker::cancelExec(quint64 id)
{
    assertWorkerThread();
    auto it = m_channels.find(id);
    if (it == m_channels.end() || it->second->kind != Channel::Kind::Exec)
        return;
    Channel &ch = *it->second;
    if (ch.phase != Channel::Phase::Run || !m_session) {
        finishCancelledExec(id);
        return;
    }
    const bool firstRequest = !ch.cancelling;
    ch.cancelling = true;
    if (firstRequest) {
        ssh_channel_request_send_signal(ch.channel, "TERM");
        QTimer::singleShot(cancelGraceMs, this, [this, id] { finishCancelledExec(id); });
    }
    if (!ch.pidKnown)
        return; // handleStdout() calls again once the PID line arrived
    const QByteArray pid = QByteArray::number(ch.remotePid);
    // Finished as soon as the TERM went out; the KILL a second later only catches processes ignoring TERM.
    const QByteArray termGroup = "kill -TERM -- -" + pid + " 2>/dev/null || kill -TERM -" + pid
                                 + " 2>/dev/null; kill -TERM " + pid + " 2>/dev/null";
    const QByteArray term = termGroup + "; true";
    const QByteArray kill = termGroup + "; sleep 1; kill -KILL -- -" + pid + " 2>/dev/null; true";
    startInternal(term, [this, id](int, const QByteArray &) { finishCancelledExec(id); });
    startInternal("nohup sh -c " + shellQuote(kill) + " >/dev/null 2>&1 &", {});
}

void SshWorker::finishCancelledExec(quint64 id)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    Channel &ch = *it->second;
    ch.pendingOut.append(ch.out.finish());
    ch.pendingErr.append(ch.err.finish());
    flush();
    removeChannel(id);
    Q_EMIT execFinished(id, SshErrors::cancelled(), -1);
}

void SshWorker::scheduleFlush()
{
    if (m_flushTimer.isActive())
        return;
    const qint64 sinceLast = m_sinceFlush.elapsed();
    m_flushTimer.start(int(qMax<qint64>(0, flushIntervalMs - sinceLast)));
}

void SshWorker::flush()
{
    m_flushTimer.stop();
    m_sinceFlush.restart();
    for (auto &[id, ch] : m_channels) {
        if (ch->kind == Channel::Kind::Exec && (!ch->pendingOut.isEmpty() || !ch->pendingErr.isEmpty())) {
            Q_EMIT execOutput(id, ch->pendingOut, ch->pendingErr);
            ch->pendingOut.clear();
            ch->pendingErr.clear();
        } else if (ch->kind == Channel::Kind::Follow && !ch->pendingBatches.isEmpty()) {
            QList<SshFollowBatch> batches;
            for (SshFollowBatch &batch : ch->pendingBatches) {
                if (batch.event == SshFollowBatch::Event::None && batch.bytes.isEmpty())
                    continue;
                QByteArrayView view(batch.bytes);
                qsizetype start = 0;
                while (start < view.size()) {
                    qsizetype end = batch.bytes.indexOf('\n', start);
                    if (end < 0)
                        end = view.size();
                    batch.lines.append(LineSplitter::decode(view.sliced(start, end - start)));
                    start = end + 1;
                }
                batches.append(batch);
            }
            ch->pendingBatches.clear();
            if (!batches.isEmpty())
                Q_EMIT followBatches(id, batches);
        }
    }
    for (auto &[id, transfer] : m_transfers) {
        if (transfer.takeProgress())
            Q_EMIT transferProgress(id, transfer.done(), transfer.total());
    }
}
