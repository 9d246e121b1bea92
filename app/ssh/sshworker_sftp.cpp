// SshWorker: SFTP transfers, one bounded step at a time with SftpTransfer (see sshworker.h).
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

bool SshWorker::ensureSftp(Error *error)
{
    if (m_sftp)
        return true;
    ssh_set_blocking(m_session, 1);
    m_sftp = sftp_new(m_session);
    int rc = m_sftp ? sftp_init(m_sftp) : SSH_ERROR;
    ssh_set_blocking(m_session, 0);
    if (rc != SSH_OK) {
        *error = SshErrors::channelFailed(tr("file transfer (SFTP)"), QString::fromUtf8(ssh_get_error(m_session)));
        if (m_sftp)
            sftp_free(m_sftp);
        m_sftp = nullptr;
        return false;
    }
    return true;
}

void SshWorker::startUpload(quint64 id, const QByteArray &data, const QString &remotePath, int mode)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT transferFinished(id, SshErrors::notConnected());
        return;
    }
    m_transfers.emplace(id, SftpTransfer::upload(data, remotePath, mode));
    schedulePump();
}

void SshWorker::startDownload(quint64 id, const QString &remotePath)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT transferFinished(id, SshErrors::notConnected());
        return;
    }
    m_transfers.emplace(id, SftpTransfer::download(remotePath));
    schedulePump();
}

void SshWorker::cancelTransfer(quint64 id)
{
    assertWorkerThread();
    finishTransfer(id, SshErrors::cancelled());
}

void SshWorker::stepTransfer(quint64 id, SftpTransfer &transfer)
{
    Error error;
    if (!ensureSftp(&error)) {
        finishTransfer(id, error);
        return;
    }
    switch (transfer.step(m_session, m_sftp, sftpStepMs)) {
    case SftpTransfer::State::Running:
        scheduleFlush();
        return;
    case SftpTransfer::State::Succeeded:
        finishTransfer(id, transfer.isUpload() ? QByteArray() : transfer.downloaded());
        return;
    case SftpTransfer::State::Failed:
        finishTransfer(id, transferError(transfer));
        return;
    case SftpTransfer::State::ConnectionLost:
        m_lost = true;
        m_lostError = SshErrors::connectionLost(m_options.host, transfer.failure());
        return;
    case SftpTransfer::State::NeedsRename:
        renameOverTarget(id, transfer);
        return;
    }
}

Error SshWorker::transferError(const SftpTransfer &transfer) const
{
    if (!transfer.isUpload() && transfer.sftpStatus() == SSH_FX_NO_SUCH_FILE)
        return SshErrors::remoteFileMissing(transfer.remotePath(), transfer.failure());
    return SshErrors::sftpFailed(transfer.isUpload() ? tr("write") : tr("read"), transfer.remotePath(),
                                 transfer.failure());
}

void SshWorker::renameOverTarget(quint64 id, const SftpTransfer &transfer)
{
    // SFTP v3 rename refuses an existing target; mv uses rename(2), which replaces it atomically.
    const QByteArray tmp = transfer.temporaryPath();
    const QByteArray path = transfer.remotePath().toUtf8();
    startInternal("mv -f -- " + shellQuote(tmp) + ' ' + shellQuote(path) + " || { rm -f -- " + shellQuote(tmp)
                          + "; exit 1; }",
                  [this, id](int status, const QByteArray &) {
                      auto it = m_transfers.find(id);
                      if (it == m_transfers.end())
                          return;
                      if (status == 0)
                          finishTransfer(id, QByteArray());
                      else
                          finishTransfer(
                                  id, SshErrors::sftpFailed(tr("write"), it->second.remotePath(), u"rename failed"_s));
                  });
}

void SshWorker::finishTransfer(quint64 id, const Result<QByteArray> &result)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    SftpTransfer &transfer = it->second;
    if (m_lost)
        transfer.forgetHandles(); // closing would wait for an answer that never comes
    else
        transfer.release(m_session, m_sftp, result.ok());
    if (transfer.takeProgress())
        Q_EMIT transferProgress(id, transfer.done(), transfer.total());
    m_transfers.erase(it);
    Q_EMIT transferFinished(id, result);
}
