#include "sshinterrupt.h"

#include "passphraserequest.h"

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#else
#include <winsock2.h>
#endif

namespace {
// shutdown() wakes whoever waits on the socket and never blocks, on POSIX and on Winsock alike.
void wakeSocket(qintptr fd)
{
#ifdef Q_OS_UNIX
    ::shutdown(int(fd), SHUT_RDWR);
#else
    ::shutdown(SOCKET(fd), SD_BOTH);
#endif
}
} // namespace

void SshInterrupt::trigger()
{
    const QMutexLocker lock(&m_mutex);
    m_triggered.store(true, std::memory_order_release);
    if (m_fd >= 0)
        wakeSocket(m_fd);
    if (m_question)
        m_question->cancel();
}

void SshInterrupt::setSocket(qintptr fd)
{
    const QMutexLocker lock(&m_mutex);
    m_fd = fd;
    if (fd >= 0 && m_triggered.load(std::memory_order_acquire))
        wakeSocket(fd); // torn down while this socket was being connected
}

void SshInterrupt::setQuestion(std::shared_ptr<PassphraseExchange> question)
{
    const QMutexLocker lock(&m_mutex);
    m_question = std::move(question);
    if (m_question && m_triggered.load(std::memory_order_acquire))
        m_question->cancel(); // torn down before the question was even asked
}
