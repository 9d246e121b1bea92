#include "tcpconnector.h"

#include "common/logging.h"
#include "ssherrors.h"
#include "sshinterrupt.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <cstring>

// The BSD socket calls differ between POSIX and Winsock only in names, error codes and how a socket is made
// non-blocking; this section hides that, and connectTo() below is the same on both.
#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
using NativeHandle = int;
using SocketLength = socklen_t;
constexpr int errorConnectPending = EINPROGRESS;
constexpr int errorRefused = ECONNREFUSED;
constexpr int errorTimedOut = ETIMEDOUT;

bool startNetworking()
{
    return true;
}

int lastSocketError()
{
    return errno;
}

QString socketErrorText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

qintptr openNonBlocking(const addrinfo *ai)
{
    return ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
}

// > 0 writable, 0 timed out, < 0 failed; an interrupted wait counts as timed out (the caller polls again).
int waitWritable(qintptr fd, int timeoutMs)
{
    pollfd pfd{int(fd), POLLOUT, 0};
    const int rc = ::poll(&pfd, 1, timeoutMs);
    return rc < 0 && errno == EINTR ? 0 : rc;
}

void closeNative(qintptr fd)
{
    ::close(int(fd));
}
} // namespace
#else
#include <winsock2.h>
#include <ws2tcpip.h>

#include <mutex>

namespace {
using NativeHandle = SOCKET;
using SocketLength = int;
constexpr int errorConnectPending = WSAEWOULDBLOCK;
constexpr int errorRefused = WSAECONNREFUSED;
constexpr int errorTimedOut = WSAETIMEDOUT;

// Winsock must be started once per process before its first call; it stays up until the process ends.
bool startNetworking()
{
    static std::once_flag once;
    static bool started = false;
    std::call_once(once, [] {
        WSADATA data{};
        started = ::WSAStartup(MAKEWORD(2, 2), &data) == 0;
    });
    return started;
}

int lastSocketError()
{
    return ::WSAGetLastError();
}

QString socketErrorText(int err)
{
    wchar_t *text = nullptr;
    const DWORD length = ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM
                                                  | FORMAT_MESSAGE_IGNORE_INSERTS,
                                          nullptr, DWORD(err), 0, reinterpret_cast<wchar_t *>(&text), 0, nullptr);
    const QString message = length > 0 ? QString::fromWCharArray(text, int(length)).trimmed()
                                       : QStringLiteral("Winsock error %1").arg(err);
    ::LocalFree(text);
    return message;
}

qintptr openNonBlocking(const addrinfo *ai)
{
    // WSA_FLAG_NO_HANDLE_INHERIT: the counterpart of SOCK_CLOEXEC.
    const SOCKET s = ::WSASocketW(ai->ai_family, ai->ai_socktype, ai->ai_protocol, nullptr, 0,
                                  WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET)
        return -1;
    u_long nonBlocking = 1;
    if (::ioctlsocket(s, FIONBIO, &nonBlocking) != 0) {
        ::closesocket(s);
        return -1;
    }
    return qintptr(s);
}

int waitWritable(qintptr fd, int timeoutMs)
{
    WSAPOLLFD pfd{NativeHandle(fd), POLLWRNORM, 0};
    return ::WSAPoll(&pfd, 1, timeoutMs);
}

void closeNative(qintptr fd)
{
    ::closesocket(NativeHandle(fd));
}
} // namespace
#endif

namespace {

// A connecting socket is polled in slices so a torn-down session stops waiting soon (shutdown(2) does not wake
// a connect() on every platform).
constexpr int pollSliceMs = 50;

void tuneSocket(qintptr fd)
{
    const int on = 1;
    const auto option = reinterpret_cast<const char *>(&on); // Winsock takes char *, POSIX void *
    // Interactive traffic (commands, short log lines) must not wait for Nagle's algorithm.
    ::setsockopt(NativeHandle(fd), IPPROTO_TCP, TCP_NODELAY, option, sizeof on);
    // The kernel's own keepalive backs up the SSH-level one when the peer vanishes without a word.
    ::setsockopt(NativeHandle(fd), SOL_SOCKET, SO_KEEPALIVE, option, sizeof on);
}

QString resolverErrorText(int gai)
{
#ifdef Q_OS_UNIX
    return QString::fromLocal8Bit(::gai_strerror(gai));
#else
    return socketErrorText(gai); // getaddrinfo returns a WSA error code on Windows
#endif
}

} // namespace

Result<qintptr> TcpConnector::connectTo(const QString &host, quint16 port, int timeoutMs, const SshInterrupt *interrupt)
{
    QDeadlineTimer deadline(timeoutMs);
    if (!startNetworking())
        return SshErrors::hostUnreachable(host, socketErrorText(lastSocketError()));
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo *addresses = nullptr;
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray portBytes = QByteArray::number(port);
    const int gai = ::getaddrinfo(hostBytes.constData(), portBytes.constData(), &hints, &addresses);
    if (gai != 0 || !addresses)
        return SshErrors::hostNotFound(host, resolverErrorText(gai));

    Error lastError = SshErrors::hostUnreachable(host, QStringLiteral("no usable address"));
    for (addrinfo *ai = addresses; ai; ai = ai->ai_next) {
        const qintptr fd = openNonBlocking(ai);
        if (fd < 0) {
            lastError = SshErrors::hostUnreachable(host, socketErrorText(lastSocketError()));
            continue;
        }
        int err = 0;
        if (::connect(NativeHandle(fd), ai->ai_addr, SocketLength(ai->ai_addrlen)) != 0) {
            err = lastSocketError();
            if (err == errorConnectPending) {
                int rc = 0;
                bool interrupted = false;
                do {
                    interrupted = interrupt && interrupt->triggered();
                    const qint64 remaining = deadline.remainingTime();
                    const int slice = remaining < 0 ? pollSliceMs : int(qMin<qint64>(remaining, pollSliceMs));
                    rc = interrupted ? 0 : waitWritable(fd, slice);
                } while (!interrupted && rc == 0 && !deadline.hasExpired());
                if (interrupted) {
                    closeNative(fd);
                    ::freeaddrinfo(addresses);
                    return SshErrors::cancelled();
                }
                if (rc == 0) {
                    closeNative(fd);
                    lastError = SshErrors::connectTimeout(host, port, timeoutMs);
                    continue;
                }
                if (rc < 0) {
                    err = lastSocketError();
                } else {
                    SocketLength len = sizeof err;
                    ::getsockopt(NativeHandle(fd), SOL_SOCKET, SO_ERROR, reinterpret_cast<char *>(&err), &len);
                }
            }
        }
        if (err == 0) {
            tuneSocket(fd);
            ::freeaddrinfo(addresses);
            return fd;
        }
        closeNative(fd);
        qCDebug(lcSsh) << "TCP connect to" << host << port << "failed:" << socketErrorText(err);
        if (err == errorRefused)
            lastError = SshErrors::connectionRefused(host, port);
        else if (err == errorTimedOut)
            lastError = SshErrors::connectTimeout(host, port, timeoutMs);
        else
            lastError = SshErrors::hostUnreachable(host, socketErrorText(err));
    }
    ::freeaddrinfo(addresses);
    return lastError;
}

void TcpConnector::closeSocket(qintptr socket)
{
    if (socket >= 0)
        closeNative(socket);
}
