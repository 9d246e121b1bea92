#include "tcpcutproxy.h"

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 chunkSize = 256 * 1024;
// Per-direction buffering limit, so a slow reader pushes back on the sender through TCP flow control
// instead of the proxy holding the whole stream in memory.
constexpr qint64 maxPending = 1024 * 1024;

void resetOnClose(QTcpSocket *socket)
{
    // Linger with a zero timeout turns close() into an RST: the peer sees an abrupt "connection reset".
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        const linger option{1, 0};
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
    socket->abort();
}

} // namespace

class TcpCutProxy::Worker : public QObject
{
public:
    struct Link
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> server;
        bool frozen = false; // stalled, or a black-hole connection
    };

    quint16 targetPort = 0;
    quint16 listenPort = 0;
    Mode mode = Mode::Forward;
    QTcpServer *listener = nullptr;
    QList<Link *> links;

    std::atomic<int> open{0};
    std::atomic<int> accepted{0};
    std::atomic<qint64> toClient{0};
    std::atomic<qint64> toServer{0};

    ~Worker() override
    {
        const QList<Link *> all = links;
        for (Link *link : all)
            dropLink(link, false);
    }

    bool listen(quint16 port, QString *error)
    {
        if (!listener) {
            listener = new QTcpServer(this);
            connect(listener, &QTcpServer::newConnection, this, &Worker::acceptAll);
        }
        if (listener->isListening())
            return true;
        if (!listener->listen(QHostAddress::LocalHost, port)) {
            if (error)
                *error = u"proxy cannot listen on 127.0.0.1:"_s + QString::number(port) + u": "_s
                         + listener->errorString();
            return false;
        }
        listenPort = listener->serverPort();
        return true;
    }

    void setMode(Mode newMode)
    {
        mode = newMode;
        if (mode == Mode::Refuse)
            listener->close(); // a closed port is the only honest "connection refused"
        else
            listen(listenPort, nullptr);
    }

    void acceptAll()
    {
        while (QTcpSocket *client = listener->nextPendingConnection()) {
            ++accepted;
            ++open;
            auto *link = new Link;
            link->client = client;
            links.append(link);
            client->setReadBufferSize(maxPending);
            connect(client, &QTcpSocket::disconnected, this, [this, link] { closed(link); });
            if (mode == Mode::BlackHole) {
                link->frozen = true;
                continue;
            }
            auto *server = new QTcpSocket(this);
            link->server = server;
            server->setReadBufferSize(maxPending);
            connect(client, &QTcpSocket::readyRead, this, [this, link] { pump(link); });
            connect(server, &QTcpSocket::readyRead, this, [this, link] { pump(link); });
            connect(client, &QTcpSocket::bytesWritten, this, [this, link] { pump(link); });
            connect(server, &QTcpSocket::bytesWritten, this, [this, link] { pump(link); });
            connect(server, &QTcpSocket::connected, this, [this, link] { pump(link); });
            connect(server, &QTcpSocket::disconnected, this, [this, link] { closed(link); });
            connect(server, &QTcpSocket::errorOccurred, this, [this, link](QAbstractSocket::SocketError) {
                if (link->server && link->server->state() != QAbstractSocket::ConnectedState)
                    closed(link);
            });
            server->connectToHost(QHostAddress::LocalHost, targetPort);
        }
    }

    void copy(QTcpSocket *from, QTcpSocket *to, std::atomic<qint64> &counter)
    {
        while (from->bytesAvailable() > 0 && to->bytesToWrite() < maxPending) {
            const QByteArray chunk = from->read(chunkSize);
            if (chunk.isEmpty())
                break;
            to->write(chunk);
            counter += chunk.size();
        }
    }

    void pump(Link *link)
    {
        if (link->frozen || !link->client || !link->server || link->server->state() != QAbstractSocket::ConnectedState)
            return;
        copy(link->client, link->server, toServer);
        copy(link->server, link->client, toClient);
    }

    // One side closed: deliver what it still sent, then close the other side gracefully.
    void closed(Link *link)
    {
        if (!links.contains(link))
            return;
        if (!link->frozen)
            pump(link);
        // Detach first: disconnectFromHost() emits disconnected() synchronously, which would re-enter here.
        links.removeOne(link);
        --open;
        for (QTcpSocket *socket : {link->client.data(), link->server.data()}) {
            if (!socket)
                continue;
            socket->disconnect(this);
            if (socket->state() == QAbstractSocket::ConnectedState) {
                if (socket->bytesToWrite() > 0)
                    socket->waitForBytesWritten(2000);
                socket->disconnectFromHost();
            }
            socket->deleteLater();
        }
        delete link;
    }

    void dropLink(Link *link, bool reset)
    {
        links.removeOne(link);
        --open;
        for (QTcpSocket *socket : {link->client.data(), link->server.data()}) {
            if (!socket)
                continue;
            socket->disconnect(this);
            if (reset)
                resetOnClose(socket);
            else
                socket->abort();
            socket->deleteLater();
        }
        delete link;
    }

    void cutAll()
    {
        const QList<Link *> all = links;
        for (Link *link : all)
            dropLink(link, true);
    }

    void stallAll()
    {
        for (Link *link : std::as_const(links))
            link->frozen = true;
    }
};

TcpCutProxy::TcpCutProxy(quint16 targetPort)
    : m_thread(std::make_unique<QThread>())
    , m_worker(new Worker)
{
    m_worker->targetPort = targetPort;
    m_thread->setObjectName(u"TcpCutProxy"_s);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
}

TcpCutProxy::~TcpCutProxy()
{
    QMetaObject::invokeMethod(
            m_worker, [this] { delete m_worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool TcpCutProxy::start(QString *error, quint16 port)
{
    bool ok = false;
    QMetaObject::invokeMethod(
            m_worker, [&] { ok = m_worker->listen(port, error); }, Qt::BlockingQueuedConnection);
    return ok;
}

quint16 TcpCutProxy::port() const
{
    quint16 port = 0;
    QMetaObject::invokeMethod(
            m_worker, [&] { port = m_worker->listenPort; }, Qt::BlockingQueuedConnection);
    return port;
}

void TcpCutProxy::cutAll()
{
    QMetaObject::invokeMethod(
            m_worker, [this] { m_worker->cutAll(); }, Qt::BlockingQueuedConnection);
}

void TcpCutProxy::stallAll()
{
    QMetaObject::invokeMethod(
            m_worker, [this] { m_worker->stallAll(); }, Qt::BlockingQueuedConnection);
}

void TcpCutProxy::setMode(Mode mode)
{
    QMetaObject::invokeMethod(
            m_worker, [this, mode] { m_worker->setMode(mode); }, Qt::BlockingQueuedConnection);
}

TcpCutProxy::Mode TcpCutProxy::mode() const
{
    Mode mode = Mode::Forward;
    QMetaObject::invokeMethod(
            m_worker, [&] { mode = m_worker->mode; }, Qt::BlockingQueuedConnection);
    return mode;
}

void TcpCutProxy::setTargetPort(quint16 targetPort)
{
    QMetaObject::invokeMethod(
            m_worker, [this, targetPort] { m_worker->targetPort = targetPort; }, Qt::BlockingQueuedConnection);
}

int TcpCutProxy::openConnections() const
{
    return m_worker->open;
}

int TcpCutProxy::acceptedConnections() const
{
    return m_worker->accepted;
}

qint64 TcpCutProxy::bytesToClient() const
{
    return m_worker->toClient;
}

qint64 TcpCutProxy::bytesToServer() const
{
    return m_worker->toServer;
}
