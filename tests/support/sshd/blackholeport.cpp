#include "blackholeport.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

enum class ConnectOutcome { Connected, Hanging, Failed };

// Starts a non-blocking connect and watches it for `waitMs`; the socket stays open either way.
ConnectOutcome probe(int fd, quint16 port, int waitMs)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0)
        return ConnectOutcome::Connected;
    if (errno != EINPROGRESS)
        return ConnectOutcome::Failed;
    pollfd pfd{fd, POLLOUT, 0};
    if (::poll(&pfd, 1, waitMs) == 0)
        return ConnectOutcome::Hanging;
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
    return error == 0 ? ConnectOutcome::Connected : ConnectOutcome::Failed;
}

} // namespace

BlackHolePort::BlackHolePort() = default;

BlackHolePort::~BlackHolePort()
{
    for (int fd : std::as_const(m_fillers))
        ::close(fd);
    if (m_listener >= 0)
        ::close(m_listener);
}

bool BlackHolePort::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
        || ::listen(m_listener, 0) != 0
        || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return fail(u"black hole: cannot listen on 127.0.0.1"_s);
    m_port = ntohs(address.sin_port);

    // Fill the accept queue; the first connect that hangs proves new SYNs are being dropped.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return fail(u"black hole: socket() failed"_s);
        m_fillers.append(fd);
        switch (probe(fd, m_port, 300)) {
        case ConnectOutcome::Hanging:
            return true;
        case ConnectOutcome::Failed:
            return fail(u"black hole: connects are refused instead of dropped (net.ipv4.tcp_abort_on_overflow=1?)"_s);
        case ConnectOutcome::Connected:
            break;
        }
    }
    return fail(u"black hole: connects keep succeeding; the kernel does not drop SYNs on a full accept queue"_s);
}

quint16 BlackHolePort::port() const
{
    return m_port;
}
