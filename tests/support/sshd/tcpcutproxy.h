#pragma once

#include <QString>

#include <memory>

// A loopback TCP forwarder 127.0.0.1:port() -> 127.0.0.1:targetPort that can break the network on command:
// the way to simulate a laptop going to sleep or a flaky Wi-Fi between the SSH client and sshd.
//
// It runs on its own thread, so it keeps forwarding while the test's thread blocks (e.g. in
// QProcess::waitForFinished or a blocking libssh call in the test itself). All methods are thread-safe
// and take effect before they return.
class TcpCutProxy
{
public:
    enum class Mode {
        Forward, // new connections are forwarded
        Refuse, // nothing listens on port() any more: new connects get "connection refused"
        BlackHole, // new connections are accepted and then never answered (no SSH banner, no data)
    };

    explicit TcpCutProxy(quint16 targetPort);
    ~TcpCutProxy();
    TcpCutProxy(const TcpCutProxy &) = delete;
    TcpCutProxy &operator=(const TcpCutProxy &) = delete;

    // Listens on 127.0.0.1 (a free port, or `port` when non-zero).
    bool start(QString *error = nullptr, quint16 port = 0);
    quint16 port() const;

    // Resets every open connection on both sides at once (RST): the client sees "connection reset".
    void cutAll();
    // Freezes every open connection: nothing more is forwarded either way and nothing is closed, like a
    // network that silently went away. Only keepalives/timeouts can notice. cutAll() cleans them up.
    void stallAll();
    // How new connections are treated from now on; existing ones are not affected.
    void setMode(Mode mode);
    Mode mode() const;
    // Forward new connections somewhere else (e.g. to a restarted sshd on another port).
    void setTargetPort(quint16 targetPort);

    int openConnections() const;
    int acceptedConnections() const; // total since start()
    qint64 bytesToClient() const; // forwarded from the server to clients, total
    qint64 bytesToServer() const;

private:
    class Worker;
    std::unique_ptr<class QThread> m_thread;
    Worker *m_worker = nullptr; // lives in m_thread
};
