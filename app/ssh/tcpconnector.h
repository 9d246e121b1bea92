#pragma once

#include "common/result.h"

#include <QString>

class SshInterrupt;

// Opens the TCP connection for a session ourselves instead of leaving it to libssh, so the errors tell apart a
// name that does not resolve, an unreachable host, a refused port and a timeout. Blocking: call only from a
// session's worker thread; a triggered `interrupt` ends the wait within a poll slice. Returns a connected socket
// the caller owns (a POSIX
// descriptor or a Winsock SOCKET, both carried as qintptr; negative = none).
class TcpConnector
{
public:
    // Closes a socket connectTo() returned (and that no libssh session owns yet): the one place that knows how.
    static void closeSocket(qintptr socket);

    static Result<qintptr> connectTo(const QString &host, quint16 port, int timeoutMs,
                                     const SshInterrupt *interrupt = nullptr);
};
