#pragma once

#include <QList>
#include <QString>

// A TCP port on 127.0.0.1 where connect() neither succeeds nor fails: it just hangs until the client's own
// timeout, like a server behind a firewall that drops packets. For connect-timeout tests, loopback only.
//
// How: a listening socket with backlog 0 that never accept()s. Once its accept queue holds one connection
// (which start() makes itself), Linux silently drops further SYNs instead of answering (with
// tcp_abort_on_overflow=0, the default), so a client keeps retransmitting its SYN and its connect hangs.
// This needs no privileges, no iptables and no network namespace. start() checks that a probe connect
// really hangs and fails otherwise (e.g. a kernel configured with tcp_abort_on_overflow=1).
class BlackHolePort
{
public:
    BlackHolePort();
    ~BlackHolePort();
    BlackHolePort(const BlackHolePort &) = delete;
    BlackHolePort &operator=(const BlackHolePort &) = delete;

    bool start(QString *error = nullptr);
    quint16 port() const;

private:
    int m_listener = -1;
    QList<int> m_fillers;
    quint16 m_port = 0;
};
