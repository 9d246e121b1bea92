#pragma once

#include "common/result.h"
#include "hcloudtypes.h"
#include "retrypolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace hcloud {

struct ApiRequest
{
    QByteArray method = "GET";
    QString path; // below the endpoint, e.g. "/servers/42"
    QList<QPair<QString, QString>> query; // repeatable keys allowed (id=1&id=2); encoded fully on send
    QJsonObject body;
    bool hasBody = false;
    RequestSafety safety = RequestSafety::Idempotent;

    static ApiRequest get(const QString &path, const QList<QPair<QString, QString>> &query = {});
    static ApiRequest post(const QString &path, const QJsonObject &body, RequestSafety safety = RequestSafety::Unsafe);
    static ApiRequest del(const QString &path);
    // Replaces what the body names (PUT /servers/{id} with "labels"): repeating it is harmless.
    static ApiRequest put(const QString &path, const QJsonObject &body);
};

struct ApiResponse
{
    int httpStatus = 0;
    QJsonObject json; // empty for 204
    QString correlationId;
};

struct ApiReply
{
    Result<ApiResponse> result = ApiResponse{};
    // An earlier attempt failed in a way that may have taken effect (timeout, drop, gateway error); a
    // uniqueness_error on a later attempt may then be our own earlier request.
    bool retriedAfterUncertainFailure = false;
    int attempts = 0;
};

// The generic part of talking to the API: one request with authentication, timeouts, retries with
// backoff, rate-limit holds and error mapping (send), and pagination to the last page (fetchAll).
// Owned by HetznerClient; lives in the thread of the QNetworkAccessManager.
class HcloudTransport : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const ApiReply &)>;
    using ListHandler = std::function<void(Result<QJsonArray>)>;

    explicit HcloudTransport(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~HcloudTransport() override;

    void setEndpoint(const QUrl &endpoint);
    QUrl endpoint() const { return m_endpoint; }
    void setToken(const QString &token);
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }
    RateLimitState rateLimit() const { return m_rateLimit; }
    int requestCount() const { return m_requestCount; }
    // For tests: the random draw for backoff jitter, in [0, 1]. Default: a uniform random number.
    void setJitterSource(std::function<double()> source) { m_jitter = std::move(source); }

    // `handler` runs exactly once, unless `context` is destroyed first.
    void send(const ApiRequest &request, QObject *context, Handler handler);
    // GET every page (per_page=50, following meta.pagination.next_page) and concatenate `key` arrays.
    void fetchAll(const ApiRequest &request, const QString &key, QObject *context, ListHandler handler);

    // The endpoint as shown to users (no user info, no query).
    QString displayEndpoint() const;

Q_SIGNALS:
    void waitingForRateLimit(const QDateTime &until);

private:
    struct Call;
    using CallPtr = std::shared_ptr<Call>;
    struct PageState;

    void schedule(const CallPtr &call);
    void start(const CallPtr &call);
    void finish(const CallPtr &call, QNetworkReply *reply, bool timedOut);
    void holdUntil(const QDateTime &until);
    void releaseHeld();
    void updateRateLimit(QNetworkReply *reply);
    void fetchPage(const std::shared_ptr<PageState> &state, int page);

    QNetworkAccessManager *m_network;
    QUrl m_endpoint;
    QByteArray m_authorization;
    RetryPolicy m_policy;
    RateLimitState m_rateLimit;
    int m_requestCount = 0;
    QDateTime m_holdUntil;
    QTimer m_holdTimer;
    QList<CallPtr> m_held;
    std::function<double()> m_jitter;
};

} // namespace hcloud
