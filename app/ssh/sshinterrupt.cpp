#include "sshinterrupt.h"

#include <sys/socket.h>

void SshInterrupt::trigger()
{
    const QMutexLocker lock(&m_mutex);
    m_triggered.store(true, std::memory_order_release);
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR);
}

void SshInterrupt::setSocket(int fd)
{
    const QMutexLocker lock(&m_mutex);
    m_fd = fd;
    if (fd >= 0 && m_triggered.load(std::memory_order_acquire))
        ::shutdown(fd, SHUT_RDWR); // torn down while this socket was being connected
}
