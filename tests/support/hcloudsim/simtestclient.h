#pragma once

// A deliberately plain HTTP client for the simulator's own tests: it must not share code with the product's
// HetznerClient, so a bug in one cannot hide the same bug in the other. Header-only, test use only.

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

struct SimReply
{
    int status = 0; // 0 when no HTTP answer arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QMap<QByteArray, QByteArray> headers; // names in lower case

    QString errorCode() const
    {
        return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};

class SimTestClient
{
public:
    explicit SimTestClient(const QUrl &endpoint, const QString &token = QStringLiteral("sim-token"))
        : m_base(endpoint.toString(QUrl::FullyEncoded).toUtf8())
        , m_token(token)
    { }

    void setToken(const QString &token) { m_token = token; }
    void setTransferTimeoutMs(int ms) { m_timeoutMs = ms; }

    // `path` is relative to /v1 and may carry an already encoded query ("/servers?page=2").
    SimReply get(const QByteArray &path) { return send("GET", path, {}); }
    SimReply post(const QByteArray &path, const QJsonObject &body)
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    SimReply del(const QByteArray &path) { return send("DELETE", path, {}); }

    SimReply send(const QByteArray &method, const QByteArray &path, const QByteArray &body)
    {
        QNetworkRequest request(QUrl::fromEncoded(path.startsWith("http") ? path : m_base + path));
        if (!m_token.isNull())
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (m_timeoutMs > 0)
            request.setTransferTimeout(m_timeoutMs);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit); // a hung test fails instead of blocking ctest
        if (!reply->isFinished())
            loop.exec();

        SimReply out;
        out.error = reply->error();
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            out.body = reply->readAll();
        out.json = QJsonDocument::fromJson(out.body).object();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &[name, value] : pairs)
            out.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return out;
    }

private:
    QNetworkAccessManager m_nam;
    QByteArray m_base;
    QString m_token;
    int m_timeoutMs = 0;
};
