#include "hcloudtransport.h"

#include "common/inputvalidation.h"
#include "common/logging.h"
#include "common/redactor.h"
#include "hclouderrors.h"
#include "labelselector.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <limits>

using namespace Qt::StringLiterals;

namespace hcloud {

namespace {

constexpr int perPage = 50; // the API's maximum, as hcloud-go's AllWithOpts uses

AttemptOutcome::Kind classify(QNetworkReply::NetworkError error, bool timedOut)
{
    if (timedOut)
        return AttemptOutcome::Kind::NetworkTimeout;
    switch (error) {
    case QNetworkReply::TimeoutError:
        return AttemptOutcome::Kind::NetworkTimeout;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return AttemptOutcome::Kind::Unreachable;
    case QNetworkReply::SslHandshakeFailedError:
        return AttemptOutcome::Kind::TlsFailure;
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return AttemptOutcome::Kind::InvalidResponse;
    default:
        return AttemptOutcome::Kind::ConnectionDropped;
    }
}

TransportError toTransportError(AttemptOutcome::Kind kind)
{
    switch (kind) {
    case AttemptOutcome::Kind::NetworkTimeout:
        return TransportError::NetworkTimeout;
    case AttemptOutcome::Kind::Unreachable:
        return TransportError::EndpointUnreachable;
    case AttemptOutcome::Kind::TlsFailure:
        return TransportError::TlsFailure;
    case AttemptOutcome::Kind::InvalidResponse:
        return TransportError::InvalidResponse;
    case AttemptOutcome::Kind::ConnectionDropped:
    case AttemptOutcome::Kind::Answered:
        break;
    }
    return TransportError::ConnectionDropped;
}

// Errors below 100 are the network layer's, proxy errors 1xx: no (complete) HTTP answer arrived.
bool isTransportFailure(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && int(error) < 200;
}

} // namespace

ApiRequest ApiRequest::get(const QString &path, const QList<QPair<QString, QString>> &query)
{
    ApiRequest request;
    request.path = path;
    request.query = query;
    return request;
}

ApiRequest ApiRequest::post(const QString &path, const QJsonObject &body, RequestSafety safety)
{
    ApiRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body;
    request.hasBody = true;
    request.safety = safety;
    return request;
}

ApiRequest ApiRequest::del(const QString &path)
{
    ApiRequest request;
    request.method = "DELETE";
    request.path = path;
    return request;
}

ApiRequest ApiRequest::put(const QString &path, const QJsonObject &body)
{
    ApiRequest request;
    request.method = "PUT";
    request.path = path;
    request.body = body;
    request.hasBody = true;
    request.safety = RequestSafety::Idempotent;
    return request;
}

struct HcloudTransport::Call
{
    ApiRequest request;
    Handler handler;
    QPointer<QObject> context;
    int retries = 0;
    bool uncertain = false;
    QElapsedTimer timer;
};

struct HcloudTransport::PageState
{
    ApiRequest request;
    QString key;
    QPointer<QObject> context;
    ListHandler handler;
    QJsonArray items;
};

HcloudTransport::HcloudTransport(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(QUrl(QString::fromLatin1("https://api.hetzner.cloud/v1")))
    , m_jitter([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &HcloudTransport::releaseHeld);
}

HcloudTransport::~HcloudTransport() = default;

void HcloudTransport::setEndpoint(const QUrl &endpoint)
{
    m_endpoint = endpoint;
    // "…/v1/" and "…/v1" are the same endpoint; paths are appended with their own slash.
    QString path = m_endpoint.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_endpoint.setPath(path);
}

void HcloudTransport::setToken(const QString &token)
{
    Redactor::instance().addSecret(token);
    m_authorization = "Bearer " + token.toUtf8();
}

QString HcloudTransport::displayEndpoint() const
{
    return m_endpoint.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

void HcloudTransport::send(const ApiRequest &request, QObject *context, Handler handler)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->handler = std::move(handler);
    call->context = context ? context : this;
    schedule(call);
}

void HcloudTransport::schedule(const CallPtr &call)
{
    if (!call->context)
        return; // nobody is waiting for the answer any more: do not spend a request on it
    if (m_holdUntil.isValid() && QDateTime::currentDateTimeUtc() < m_holdUntil) {
        m_held.append(call);
        return;
    }
    start(call);
}

void HcloudTransport::start(const CallPtr &call)
{
    // The endpoint was checked where it was entered; this is the last point before the token leaves, so
    // a plain-http endpoint that slipped past (a caller that skipped the check) still gets no token.
    if (m_endpoint.scheme() == u"http"_s && !InputValidation::isLoopbackHost(m_endpoint.host())) {
        Error error = InputValidation::endpoint(m_endpoint.toString()).error();
        error.domain = u"hcloud"_s;
        error.detail = u"not sent: plain http to %1, which is not this machine"_s.arg(displayEndpoint());
        ApiReply refused;
        refused.result = error;
        refused.attempts = 0;
        // Asynchronously, as every other answer: send() never calls back before it returns.
        QTimer::singleShot(0, this, [call, refused] {
            if (call->context)
                call->handler(refused);
        });
        return;
    }

    QUrl url = m_endpoint;
    url.setPath(m_endpoint.path() + call->request.path);
    if (!call->request.query.isEmpty())
        url.setQuery(QString::fromLatin1(encodeQuery(call->request.query)), QUrl::StrictMode);

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("jitsi-deployer/" DEPLOYER_VERSION));
    // Our own timer below decides about timeouts; Qt's default transfer timeout stays off.
    request.setTransferTimeout(0);
    QByteArray body;
    if (call->request.hasBody) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        body = QJsonDocument(call->request.body).toJson(QJsonDocument::Compact);
    }

    ++m_requestCount;
    call->timer.start();
    QNetworkReply *reply = call->request.hasBody ? m_network->sendCustomRequest(request, call->request.method, body)
                                                 : m_network->sendCustomRequest(request, call->request.method);

    // "No progress for transferTimeoutMs" rather than a total deadline: a slow but moving answer is fine.
    auto timedOut = std::make_shared<bool>(false);
    auto *watchdog = new QTimer(reply);
    watchdog->setSingleShot(true);
    watchdog->setInterval(m_policy.transferTimeoutMs);
    connect(watchdog, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    const auto progressed = [watchdog](qint64, qint64) {
        watchdog->start();
    };
    connect(reply, &QNetworkReply::downloadProgress, watchdog, progressed);
    connect(reply, &QNetworkReply::uploadProgress, watchdog, progressed);
    watchdog->start();
    connect(reply, &QNetworkReply::finished, this, [this, call, reply, timedOut] { finish(call, reply, *timedOut); });
}

void HcloudTransport::updateRateLimit(QNetworkReply *reply)
{
    if (!reply->hasRawHeader("RateLimit-Remaining"))
        return;
    bool limitOk = false;
    bool remainingOk = false;
    bool resetOk = false;
    const int limit = reply->rawHeader("RateLimit-Limit").toInt(&limitOk);
    const int remaining = reply->rawHeader("RateLimit-Remaining").toInt(&remainingOk);
    const qint64 reset = reply->rawHeader("RateLimit-Reset").toLongLong(&resetOk);
    m_rateLimit.limit = limitOk ? limit : -1;
    m_rateLimit.remaining = remainingOk ? remaining : -1;
    m_rateLimit.reset = resetOk ? QDateTime::fromSecsSinceEpoch(reset, Qt::UTC) : QDateTime();
}

void HcloudTransport::finish(const CallPtr &call, QNetworkReply *reply, bool timedOut)
{
    reply->deleteLater();
    const qint64 elapsedMs = call->timer.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString correlationId = QString::fromLatin1(reply->rawHeader("X-Correlation-Id"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool hadRateLimitHeaders = reply->hasRawHeader("RateLimit-Remaining");
    updateRateLimit(reply);

    AttemptOutcome outcome;
    ApiReply result;
    ApiResponse response{status, {}, correlationId};
    const QString where = QString::fromLatin1(call->request.method) + u' ' + call->request.path;
    if (isTransportFailure(reply->error()) || status == 0) {
        outcome.kind = classify(reply->error(), timedOut);
        result.result = transportError(toTransportError(outcome.kind), displayEndpoint(),
                                       where + u": "_s + reply->errorString(), status, correlationId);
    } else {
        outcome.httpStatus = status;
        const QByteArray body = reply->readAll();
        if (status >= 200 && status < 300) {
            if (!body.trimmed().isEmpty()) {
                QJsonParseError parseError;
                const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
                if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                    outcome.kind = AttemptOutcome::Kind::InvalidResponse;
                    result.result = transportError(
                            TransportError::InvalidResponse, displayEndpoint(),
                            u"%1: HTTP %2 with a body that is not a JSON object (%3)"_s.arg(where).arg(status).arg(
                                    parseError.errorString()),
                            status, correlationId);
                } else {
                    response.json = document.object();
                }
            }
        } else {
            QString code;
            QString message;
            if (parseErrorEnvelope(body, &code, &message)) {
                outcome.apiCode = code;
                result.result = apiError(code, message, status, correlationId);
            } else {
                result.result = transportError(TransportError::HttpStatus, displayEndpoint(),
                                               u"%1: HTTP %2 without the API's error body"_s.arg(where).arg(status),
                                               status, correlationId);
            }
        }
    }
    if (outcome.kind == AttemptOutcome::Kind::Answered && status >= 200 && status < 300)
        result.result = response;
    outcome.rateLimitResetAhead = hadRateLimitHeaders && m_rateLimit.reset.isValid() && m_rateLimit.reset > now;

    QString logLine = where + u' ' + (status ? QString::number(status) : reply->errorString());
    if (!correlationId.isEmpty())
        logLine += u", correlation id "_s + correlationId;
    qCDebug(lcHcloud).noquote() << logLine << u"(%1 ms)"_s.arg(elapsedMs);

    if (hadRateLimitHeaders) {
        // A hold beyond the policy's bound would block every other call for nothing: this call fails below.
        const QDateTime until = rateLimitHoldUntil(status, m_rateLimit, now);
        if (until.isValid() && now.msecsTo(until) <= m_policy.maxRateLimitWaitMs)
            holdUntil(until);
    }

    switch (decideRetry(outcome, call->request.safety, call->retries, m_policy)) {
    case RetryAction::Backoff: {
        call->uncertain = call->uncertain || mayHaveTakenEffect(outcome);
        const int delay = backoffDelayMs(call->retries, m_policy, m_jitter());
        ++call->retries;
        qCDebug(lcHcloud).noquote() << "retrying" << where << "in" << delay << "ms, retry" << call->retries;
        QTimer::singleShot(delay, this, [this, call] { schedule(call); });
        return;
    }
    case RetryAction::WaitForRateLimitReset: {
        const qint64 waitMs = now.msecsTo(m_rateLimit.reset);
        if (waitMs > m_policy.maxRateLimitWaitMs) {
            result.result = transportError(TransportError::RateLimitWaitTooLong, displayEndpoint(),
                                           u"%1: rate limit resets in %2 s"_s.arg(where).arg(waitMs / 1000), status,
                                           correlationId);
            break;
        }
        ++call->retries;
        schedule(call); // held until the reset by the hold set above
        return;
    }
    case RetryAction::Done:
        break;
    }

    result.retriedAfterUncertainFailure = call->uncertain;
    result.attempts = call->retries + 1;
    if (call->context)
        call->handler(result);
}

void HcloudTransport::holdUntil(const QDateTime &until)
{
    if (m_holdUntil.isValid() && until <= m_holdUntil)
        return;
    m_holdUntil = until;
    const qint64 waitMs = QDateTime::currentDateTimeUtc().msecsTo(until);
    qCDebug(lcHcloud) << "rate limit: holding requests for" << waitMs << "ms";
    m_holdTimer.start(int(qBound(qint64(0), waitMs, qint64(std::numeric_limits<int>::max()))));
    Q_EMIT waitingForRateLimit(until);
}

void HcloudTransport::releaseHeld()
{
    if (m_holdUntil.isValid() && QDateTime::currentDateTimeUtc() < m_holdUntil) {
        // A timer may fire a few milliseconds early; never send before the reset.
        m_holdTimer.start(int(qMax<qint64>(1, QDateTime::currentDateTimeUtc().msecsTo(m_holdUntil))));
        return;
    }
    m_holdUntil = {};
    const QList<CallPtr> held = std::exchange(m_held, {});
    for (const CallPtr &call : held)
        schedule(call);
}

void HcloudTransport::fetchAll(const ApiRequest &request, const QString &key, QObject *context, ListHandler handler)
{
    auto state = std::make_shared<PageState>();
    state->request = request;
    state->key = key;
    state->context = context ? context : this;
    state->handler = std::move(handler);
    fetchPage(state, 1);
}

void HcloudTransport::fetchPage(const std::shared_ptr<PageState> &state, int page)
{
    if (!state->context)
        return;
    ApiRequest request = state->request;
    request.query.append({u"page"_s, QString::number(page)});
    request.query.append({u"per_page"_s, QString::number(perPage)});
    send(request, state->context, [this, state, page](const ApiReply &reply) {
        if (!reply.result.ok()) {
            state->handler(reply.result.error());
            return;
        }
        const QJsonObject &json = reply.result->json;
        const QJsonValue items = json.value(state->key);
        if (!items.isArray()) {
            state->handler(
                    transportError(TransportError::InvalidResponse, displayEndpoint(),
                                   u"GET %1: no \"%2\" array in the answer"_s.arg(state->request.path, state->key),
                                   reply.result->httpStatus, reply.result->correlationId));
            return;
        }
        const QJsonArray array = items.toArray();
        for (const QJsonValue &item : array)
            state->items.append(item);
        const QJsonValue next
                = json.value("meta"_L1).toObject().value("pagination"_L1).toObject().value("next_page"_L1);
        const int nextPage = next.toInt(0);
        // A next_page that does not move forward would loop forever; treat it as the end.
        if (nextPage > page)
            fetchPage(state, nextPage);
        else
            state->handler(state->items);
    });
}

} // namespace hcloud
