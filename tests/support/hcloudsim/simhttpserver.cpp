#include "simhttpserver.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    default:
        return u"UNKNOWN"_s;
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 412:
        return "Precondition Failed";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}
} // namespace

SimHttpServer::SimHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

bool SimHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    SimRequest simRequest;
    simRequest.method = methodName(request.method());
    simRequest.path = request.url().path();
    simRequest.query = SimRequest::parseQuery(request.url().query(QUrl::FullyEncoded).toUtf8());
    simRequest.body = request.body();
    simRequest.peer = request.remoteAddress();
    const auto headers = request.headers();
    for (const auto &[name, value] : headers) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            simRequest.authorization = value;
        else if (name.compare("host", Qt::CaseInsensitive) == 0)
            simRequest.host = value;
    }
    if (simRequest.host.isEmpty())
        simRequest.host = socket->localAddress().toString().toUtf8() + ':' + QByteArray::number(socket->localPort());

    const SimResponse response = m_handler(simRequest);
    if (response.delayMs <= 0) {
        write(socket, response);
        return true;
    }
    // The socket may be gone by the time the delayed answer is due (the client gave up).
    QTimer::singleShot(response.delayMs, this, [socket = QPointer<QTcpSocket>(socket), response] {
        if (socket)
            write(socket, response);
    });
    return true;
}

void SimHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    write(socket, SimResponse::error(404, u"not_found"_s, u"not found"_s));
}

void SimHttpServer::write(QTcpSocket *socket, const SimResponse &response)
{
    if (response.drop) {
        socket->abort();
        return;
    }
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        bytes += "Content-Type: " + response.contentType + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "\r\n" + response.body;
    socket->write(bytes);
}
