#include "sshexec.h"

#include "sshsession.h"

SshExec::SshExec(SshSession *session, quint64 id, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_id(id)
{ }

SshExec::~SshExec()
{
    if (!m_finished && m_session)
        m_session->cancelExec(m_id);
}

void SshExec::cancel()
{
    if (!m_finished && m_session)
        m_session->cancelExec(m_id);
}

void SshExec::finish(const Result<int> &result, int exitCode)
{
    Q_ASSERT(!m_finished);
    m_finished = true;
    m_exitCode = exitCode;
    Q_EMIT finished(result);
}
