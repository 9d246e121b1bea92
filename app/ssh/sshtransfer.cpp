#include "sshtransfer.h"

#include "sshsession.h"

SshTransfer::SshTransfer(SshSession *session, quint64 id, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_id(id)
{ }

SshTransfer::~SshTransfer()
{
    if (!m_finished && m_session)
        m_session->cancelTransfer(m_id);
}

void SshTransfer::cancel()
{
    if (!m_finished && m_session)
        m_session->cancelTransfer(m_id);
}

void SshTransfer::finish(const Result<QByteArray> &result)
{
    Q_ASSERT(!m_finished);
    m_finished = true;
    Q_EMIT finished(result);
}
