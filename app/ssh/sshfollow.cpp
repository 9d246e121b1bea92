#include "sshfollow.h"

#include "sshsession.h"

SshFollow::SshFollow(SshSession *session, quint64 id, qint64 offset, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_id(id)
    , m_offset(offset)
{ }

SshFollow::~SshFollow()
{
    if (!m_finished && m_session)
        m_session->stopFollow(m_id);
}

void SshFollow::stop()
{
    if (!m_finished && m_session)
        m_session->stopFollow(m_id);
}

void SshFollow::deliver(const SshFollowBatch &batch)
{
    m_offset = batch.offset;
    Q_EMIT received(batch);
}

void SshFollow::finish(const Error &error)
{
    Q_ASSERT(!m_finished);
    m_finished = true;
    Q_EMIT finished(error);
}
