#include "sftptransfer.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <fcntl.h> // portable: the O_* flags sftp_open() takes; MSVC's and MinGW's C runtimes have them

using namespace Qt::StringLiterals;

namespace {
constexpr int sftpChunk = 64 * 1024;

bool isClosed(ssh_session session)
{
    return ssh_get_status(session) & (SSH_CLOSED | SSH_CLOSED_ERROR);
}

// Blocking for the duration of one step: libssh's SFTP calls wait for their answers.
class BlockingScope
{
public:
    explicit BlockingScope(ssh_session session)
        : m_session(session)
        , m_was(ssh_is_blocking(session))
    {
        ssh_set_blocking(m_session, 1);
    }
    ~BlockingScope() { ssh_set_blocking(m_session, m_was); }
    BlockingScope(const BlockingScope &) = delete;
    BlockingScope &operator=(const BlockingScope &) = delete;

private:
    ssh_session m_session;
    int m_was;
};
} // namespace

SftpTransfer SftpTransfer::upload(const QByteArray &data, const QString &remotePath, int mode)
{
    SftpTransfer t;
    t.m_upload = true;
    t.m_data = data;
    t.m_path = remotePath;
    t.m_mode = mode;
    t.m_total = data.size();
    t.m_tmpPath = remotePath.toUtf8() + ".tmp-" + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    return t;
}

SftpTransfer SftpTransfer::download(const QString &remotePath)
{
    SftpTransfer t;
    t.m_upload = false;
    t.m_path = remotePath;
    return t;
}

SftpTransfer::State SftpTransfer::step(ssh_session session, sftp_session sftp, int budgetMs)
{
    if (m_phase == Phase::WaitRename)
        return State::Running; // nothing to do until the worker's mv ends
    const BlockingScope blocking(session);
    if (m_phase == Phase::Open && !open(sftp))
        return failed(session, sftp);
    if (m_phase == Phase::Copy && !copy(budgetMs))
        return failed(session, sftp);
    if (m_phase == Phase::Finish) {
        const State state = finish(sftp);
        return state == State::Failed ? failed(session, sftp) : state;
    }
    return State::Running;
}

bool SftpTransfer::open(sftp_session sftp)
{
    if (m_upload)
        m_file = sftp_open(sftp, m_tmpPath.constData(), O_WRONLY | O_CREAT | O_EXCL, mode_t(m_mode));
    else
        m_file = sftp_open(sftp, m_path.toUtf8().constData(), O_RDONLY, 0);
    if (!m_file)
        return false;
    if (!m_upload) {
        if (sftp_attributes attributes = sftp_fstat(m_file)) {
            m_total = qint64(attributes->size);
            sftp_attributes_free(attributes);
        }
    }
    m_phase = Phase::Copy;
    return true;
}

bool SftpTransfer::copy(int budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < budgetMs) {
        if (m_upload) {
            if (m_done >= m_data.size()) {
                m_phase = Phase::Finish;
                return true;
            }
            const qint64 chunk = qMin<qint64>(sftpChunk, m_data.size() - m_done);
            const ssize_t n = sftp_write(m_file, m_data.constData() + m_done, size_t(chunk));
            if (n < 0)
                return false;
            m_done += n;
        } else {
            char buffer[sftpChunk];
            const ssize_t n = sftp_read(m_file, buffer, sizeof buffer);
            if (n < 0)
                return false;
            if (n == 0) {
                m_phase = Phase::Finish;
                return true;
            }
            m_data.append(buffer, n);
            m_done += n;
        }
        m_progressMoved = true;
    }
    return true;
}

SftpTransfer::State SftpTransfer::finish(sftp_session sftp)
{
    const int closed = sftp_close(m_file);
    m_file = nullptr;
    if (closed != SSH_OK)
        return State::Failed;
    if (!m_upload)
        return State::Succeeded;
    // The server's umask may have narrowed the mode given at creation.
    if (sftp_chmod(sftp, m_tmpPath.constData(), mode_t(m_mode)) != SSH_OK)
        return State::Failed; // release() removes the temporary file
    if (sftp_rename(sftp, m_tmpPath.constData(), m_path.toUtf8().constData()) == SSH_OK)
        return State::Succeeded;
    m_phase = Phase::WaitRename;
    return State::NeedsRename;
}

SftpTransfer::State SftpTransfer::failed(ssh_session session, sftp_session sftp)
{
    m_sftpStatus = sftp ? sftp_get_error(sftp) : -1;
    m_failure = u"sftp error %1: %2"_s.arg(m_sftpStatus).arg(QString::fromUtf8(ssh_get_error(session)));
    return isClosed(session) ? State::ConnectionLost : State::Failed;
}

void SftpTransfer::release(ssh_session session, sftp_session sftp, bool succeeded)
{
    const bool reachable = session && sftp && !isClosed(session);
    if (reachable && (m_file || (!succeeded && m_upload))) {
        const BlockingScope blocking(session);
        if (m_file)
            sftp_close(m_file);
        if (!succeeded && m_upload)
            sftp_unlink(sftp, m_tmpPath.constData()); // a failed upload leaves nothing behind
    }
    m_file = nullptr;
}
