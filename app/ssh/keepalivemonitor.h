#pragma once

#include <QtGlobal>

// Decides when a quiet SSH connection is dead (DESIGN.md §3), from two facts the worker reports: how many
// packets libssh has received from the server so far, and when it sent a keepalive question.
//
// Any received packet is proof of life, wherever libssh happened to read it: in the event poll, inside a channel
// read or an SFTP call, or inside ssh_send_keepalive() itself (which consumes the answer to the previous question
// without telling). A packet counter sees all of them; watching the socket does not.
//
// The idle timeout is the time the server may leave a question unanswered: the clock starts at the first question
// sent after the last proof of life and stops at the next packet. Time in which this side asked nothing (its
// thread starved by CPU load, a late timer) never counts against the server.
//
// Times are milliseconds on one monotonic clock, passed in so the rules are testable without waiting.
class KeepaliveMonitor
{
public:
    explicit KeepaliveMonitor(qint64 idleTimeoutMs);

    // A fresh connection: whatever was received so far (the handshake) is the latest proof of life.
    void start(quint64 packetsReceived, qint64 nowMs);
    // Returns true when the count grew since the last call: the server was heard, no question is open any more.
    bool observe(quint64 packetsReceived, qint64 nowMs);
    // A question went out (or one libssh still waits an answer for is pending). An open question keeps its start.
    void questionAsked(qint64 nowMs);

    bool awaitingAnswer() const { return m_asking; }
    bool isDead(qint64 nowMs) const;
    // How long until isDead() turns true if nothing arrives; -1 when no question is open.
    qint64 msUntilDead(qint64 nowMs) const;
    qint64 msSinceLastHeard(qint64 nowMs) const { return nowMs - m_lastHeardMs; }

private:
    qint64 m_idleTimeoutMs;
    quint64 m_packets = 0;
    qint64 m_lastHeardMs = 0;
    qint64 m_askedMs = 0;
    bool m_asking = false;
};
