#include "tcpconnector.h"

#include "common/logging.h"
#include "ssherrors.h"
#include "sshinterrupt.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A connecting socket is polled in slices so a torn-down session stops waiting soon (shutdown(2) does not wake
// a connect() on every platform).
constexpr int pollSliceMs = 50;

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

void tuneSocket(int fd)
{
    const int on = 1;
    // Interactive traffic (commands, short log lines) must not wait for Nagle's algorithm.
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    // The kernel's own keepalive backs up the SSH-level one when the peer vanishes without a word.
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
}

} // namespace

Result<int> TcpConnector::connectTo(const QString &host, quint16 port, int timeoutMs, const SshInterrupt *interrupt)
{
    QDeadlineTimer deadline(timeoutMs);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo *addresses = nullptr;
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray portBytes = QByteArray::number(port);
    const int gai = ::getaddrinfo(hostBytes.constData(), portBytes.constData(), &hints, &addresses);
    if (gai != 0 || !addresses)
        return SshErrors::hostNotFound(host, QString::fromLocal8Bit(::gai_strerror(gai)));

    Error lastError = SshErrors::hostUnreachable(host, QStringLiteral("no usable address"));
    for (addrinfo *ai = addresses; ai; ai = ai->ai_next) {
        const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0) {
            lastError = SshErrors::hostUnreachable(host, errnoText(errno));
            continue;
        }
        int err = 0;
        if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            err = errno;
            if (err == EINPROGRESS) {
                pollfd pfd{fd, POLLOUT, 0};
                int rc = 0;
                bool interrupted = false;
                do {
                    interrupted = interrupt && interrupt->triggered();
                    const qint64 remaining = deadline.remainingTime();
                    const int slice = remaining < 0 ? pollSliceMs : int(qMin<qint64>(remaining, pollSliceMs));
                    rc = interrupted ? 0 : ::poll(&pfd, 1, slice);
                } while (!interrupted && ((rc < 0 && errno == EINTR) || (rc == 0 && !deadline.hasExpired())));
                if (interrupted) {
                    ::close(fd);
                    ::freeaddrinfo(addresses);
                    return SshErrors::cancelled();
                }
                if (rc == 0) {
                    ::close(fd);
                    lastError = SshErrors::connectTimeout(host, port, timeoutMs);
                    continue;
                }
                socklen_t len = sizeof err;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
            }
        }
        if (err == 0) {
            tuneSocket(fd);
            ::freeaddrinfo(addresses);
            return fd;
        }
        ::close(fd);
        qCDebug(lcSsh) << "TCP connect to" << host << port << "failed:" << errnoText(err);
        if (err == ECONNREFUSED)
            lastError = SshErrors::connectionRefused(host, port);
        else if (err == ETIMEDOUT)
            lastError = SshErrors::connectTimeout(host, port, timeoutMs);
        else
            lastError = SshErrors::hostUnreachable(host, errnoText(err));
    }
    ::freeaddrinfo(addresses);
    return lastError;
}

void TcpConnector::closeSocket(int socket)
{
    if (socket >= 0)
        ::close(socket);
}
