#pragma once

#include "simrequest.h"
#include "simresponse.h"

#include <QAbstractHttpServer>

#include <functional>

// The transport: turns Qt's parsed requests into SimRequests and writes SimResponses byte by byte, so the
// simulator decides every status line and header, can answer late, or can drop the connection.
class SimHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<SimResponse(const SimRequest &)>;

    explicit SimHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    static void write(QTcpSocket *socket, const SimResponse &response);

    Handler m_handler;
};
