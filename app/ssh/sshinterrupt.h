#pragma once

#include <QMutex>
#include <QtGlobal>

#include <atomic>
#include <memory>

class PassphraseExchange;

// Wakes a session's worker thread out of a blocking call when the session is torn down (DESIGN.md §3: tearing
// a session down never blocks its owner's thread). The worker blocks in poll() while connecting and in libssh
// during the handshake and SFTP steps; waiting for that on the owner's thread is what froze the GUI. trigger()
// shuts the socket down (shutdown(2) only wakes whoever polls it and never blocks), so those calls fail at once,
// and every later blocking step checks triggered() first; a passphrase question still open is cancelled. Shared
// by the session (which triggers) and its worker (which registers what it blocks on).
class SshInterrupt
{
public:
    // Any thread. Returns at once.
    void trigger();
    bool triggered() const { return m_triggered.load(std::memory_order_acquire); }

    // Worker thread: the socket its blocking calls wait on, or -1 before that socket is closed (so a trigger
    // can never hit a descriptor number the process has reused meanwhile).
    void setSocket(qintptr fd); // a POSIX descriptor or a Winsock SOCKET (TcpConnector)
    // Worker thread: the passphrase question it waits for, or null once answered.
    void setQuestion(std::shared_ptr<PassphraseExchange> question);

private:
    QMutex m_mutex; // held only around setSocket() and the shutdown(2), never during a blocking call
    qintptr m_fd = -1;
    std::shared_ptr<PassphraseExchange> m_question;
    std::atomic_bool m_triggered = false;
};
