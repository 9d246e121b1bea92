#include "sshinterrupt.h"

#include "passphraserequest.h"

#include <sys/socket.h>

void SshInterrupt::trigger()
{
    const QMutexLocker lock(&m_mutex);
    m_triggered.store(true, std::memory_order_release);
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR);
    if (m_question)
        m_question->cancel();
}

void SshInterrupt::setSocket(int fd)
{
    const QMutexLocker lock(&m_mutex);
    m_fd = fd;
    if (fd >= 0 && m_triggered.load(std::memory_order_acquire))
        ::shutdown(fd, SHUT_RDWR); // torn down while this socket was being connected
}

void SshInterrupt::setQuestion(std::shared_ptr<PassphraseExchange> question)
{
    const QMutexLocker lock(&m_mutex);
    m_question = std::move(question);
    if (m_question && m_triggered.load(std::memory_order_acquire))
        m_question->cancel(); // torn down before the question was even asked
}
