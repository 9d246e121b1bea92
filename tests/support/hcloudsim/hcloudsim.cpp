#include "hcloudsim.h"

#include "controlendpoint.h"
#include "faultinjector.h"
#include "handlers.h"
#include "ratelimiter.h"
#include "requestlog.h"
#include "router.h"
#include "simcontext.h"
#include "simhttpserver.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QUrl>

using namespace Qt::StringLiterals;

class HcloudSim::Private
{
public:
    explicit Private(HcloudSim *q);

    SimResponse handle(const SimRequest &request);
    SimResponse answerFault(const Fault &fault) const;

    HcloudSim *q;
    SimContext context;
    RateLimiter rateLimiter;
    FaultInjector faults;
    RequestLog log;
    ControlEndpoint control{faults, rateLimiter, log};
    Router router;
    CatalogueHandlers catalogueHandlers{context};
    ActionHandlers actionHandlers{context};
    ServerHandlers serverHandlers{context};
    SshKeyHandlers sshKeyHandlers{context};
    FirewallHandlers firewallHandlers{context};
    NetworkHandlers networkHandlers{context};
    PrimaryIpHandlers primaryIpHandlers{context};
    ZoneHandlers zoneHandlers{context};
    std::unique_ptr<TestbedHosts> testbed;
    QHash<QString, bool> tokens; // token -> read-only
    SimHttpServer server;
    QHostAddress address;
    quint16 port = 0;
};

HcloudSim::Private::Private(HcloudSim *q)
    : q(q)
    , server([this](const SimRequest &request) { return handle(request); })
{
    tokens.insert(HcloudSim::defaultToken(), false);
    for (ApiHandlers *handlers :
         std::initializer_list<ApiHandlers *>{&catalogueHandlers, &actionHandlers, &serverHandlers, &sshKeyHandlers,
                                              &firewallHandlers, &networkHandlers, &primaryIpHandlers, &zoneHandlers})
        handlers->registerRoutes(router);
}

SimResponse HcloudSim::Private::answerFault(const Fault &fault) const
{
    SimResponse response;
    switch (fault.kind) {
    case Fault::Kind::ApiError:
        response = SimResponse::error(fault.status, fault.code, fault.message);
        break;
    case Fault::Kind::BareStatus:
        // What a proxy in front of the API sends: HTML, not the JSON error envelope.
        response.status = fault.status;
        response.contentType = QByteArrayLiteral("text/html");
        response.body = "<html><body><h1>" + QByteArray::number(fault.status) + "</h1></body></html>\n";
        break;
    case Fault::Kind::DropConnection:
        response.drop = true;
        response.status = 0;
        response.contentType.clear();
        break;
    case Fault::Kind::Latency:
    case Fault::Kind::ActionError:
        break;
    }
    return response;
}

SimResponse HcloudSim::Private::handle(const SimRequest &incoming)
{
    if (incoming.path.startsWith(u"/__sim/"_s))
        return control.handle(incoming);

    SimRequest request = incoming;
    const bool versioned = request.path.startsWith(u"/v1/"_s);
    if (versioned)
        request.path = request.path.mid(3);

    Exchange exchange;
    exchange.method = request.method;
    exchange.path = request.path;
    QStringList queryItems;
    for (const auto &[key, value] : request.query)
        queryItems << key + u'=' + value;
    exchange.query = queryItems.join(u'&');
    exchange.requestBody = request.body;
    exchange.correlationId = QString::fromLatin1(
            QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0'));

    context.actions.advance();
    SimResponse response;
    if (!rateLimiter.take()) {
        response = SimResponse::error(429, u"rate_limit_exceeded"_s, u"limit of requests per hour reached"_s);
    } else if (!versioned) {
        response = SimResponse::error(404, u"not_found"_s, u"the requested resource was not found"_s);
    } else {
        QByteArray token = request.authorization;
        const bool bearer = token.startsWith("Bearer ");
        token = token.mid(7).trimmed();
        const QString tokenText = QString::fromUtf8(token);
        if (!bearer || !tokens.contains(tokenText)) {
            response = SimResponse::error(401, u"unauthorized"_s, u"unable to authenticate"_s);
        } else if (tokens.value(tokenText) && request.method != u"GET"_s) {
            exchange.authorized = true;
            response = SimResponse::error(401, u"token_readonly"_s, u"the token is read-only"_s);
        } else {
            exchange.authorized = true;
            const auto fault = faults.take(request.method, request.path);
            const bool transportFault
                    = fault && fault->kind != Fault::Kind::Latency && fault->kind != Fault::Kind::ActionError;
            if (transportFault && !fault->afterProcessing) {
                response = answerFault(*fault);
            } else {
                if (fault && fault->kind == Fault::Kind::ActionError)
                    context.actions.setFailure(fault->code, fault->message);
                response = router.dispatch(request);
                context.actions.clearFailure();
                // DNS answers change with the records, as with Hetzner's nameservers a moment later.
                if (context.observer && request.method != u"GET"_s && request.path.startsWith(u"/zones"_s)
                    && response.status >= 200 && response.status < 300)
                    context.observer->zonesChanged();
                if (transportFault)
                    response = answerFault(*fault);
            }
            if (fault)
                response.delayMs = fault->latencyMs;
        }
    }
    context.actions.advance();

    response.headers.append(rateLimiter.headers());
    response.headers.append({QByteArrayLiteral("X-Correlation-Id"), exchange.correlationId.toLatin1()});
    exchange.status = response.drop ? 0 : response.status;
    exchange.responseBody = response.drop ? QByteArray() : response.body;
    exchange.responseContentType = response.drop ? QByteArray() : response.contentType;
    log.append(exchange);
    Q_EMIT q->exchangeRecorded();
    return response;
}

HcloudSim::HcloudSim(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{ }

HcloudSim::~HcloudSim()
{
    // The hosts go before the state they were made from.
    d->context.observer = nullptr;
    d->testbed.reset();
}

TestbedHosts *HcloudSim::enableTestbed(const TestbedHosts::Options &options)
{
    d->context.observer = nullptr;
    d->testbed = std::make_unique<TestbedHosts>(d->context, options);
    d->context.observer = d->testbed.get();
    return d->testbed.get();
}

TestbedHosts *HcloudSim::testbed() const
{
    return d->testbed.get();
}

bool HcloudSim::listen(const QHostAddress &address, quint16 port)
{
    d->port = d->server.listen(address, port);
    d->address = address;
    return d->port != 0;
}

quint16 HcloudSim::port() const
{
    return d->port;
}

QUrl HcloudSim::endpoint() const
{
    const bool any = d->address == QHostAddress::Any || d->address == QHostAddress::AnyIPv4
                     || d->address == QHostAddress::AnyIPv6 || d->address.isNull();
    QString host = any ? u"127.0.0.1"_s : d->address.toString();
    if (!any && d->address.protocol() == QHostAddress::IPv6Protocol)
        host = u'[' + host + u']';
    return QUrl(u"http://%1:%2/v1"_s.arg(host).arg(d->port));
}

void HcloudSim::addToken(const QString &token, bool readOnly)
{
    d->tokens.insert(token, readOnly);
}

void HcloudSim::clearTokens()
{
    d->tokens.clear();
}

void HcloudSim::setActionDurationMs(int ms)
{
    d->context.actions.setDurationMs(ms);
}

void HcloudSim::setRateLimit(int perHour, int remaining)
{
    d->rateLimiter.configure(perHour, remaining);
}

void HcloudSim::startRateLimitStorm(int seconds)
{
    d->rateLimiter.startStorm(seconds);
}

void HcloudSim::injectFault(const Fault &fault)
{
    d->faults.add(fault);
}

void HcloudSim::clearFaults()
{
    d->faults.clear();
}

void HcloudSim::setSoldOut(const QString &serverType, const QString &location, bool soldOut)
{
    const QString key = serverType + u'@' + location;
    if (soldOut)
        d->context.soldOut.insert(key);
    else
        d->context.soldOut.remove(key);
}

void HcloudSim::setServerLimit(int limit)
{
    d->context.serverLimit = limit;
}

void HcloudSim::setEmitDatacenter(bool enabled)
{
    d->context.emitDatacenter = enabled;
}

qint64 HcloudSim::seedServer(const QString &name, const QJsonObject &labels, const QString &serverType,
                             const QString &location)
{
    return d->serverHandlers.seed(name, labels, serverType, location);
}

qint64 HcloudSim::seedSshKey(const QString &name, const QString &publicKey, const QJsonObject &labels)
{
    return d->sshKeyHandlers.seed(name, publicKey, labels);
}

qint64 HcloudSim::seedZone(const QString &name, const QString &mode)
{
    return d->zoneHandlers.seed(name, mode);
}

void HcloudSim::seedRrset(qint64 zoneId, const QString &name, const QString &type, const QStringList &values,
                          const QJsonObject &labels)
{
    d->zoneHandlers.seedRrset(zoneId, name, type, values, labels);
}

QList<HcloudSim::Exchange> HcloudSim::exchanges() const
{
    return d->log.all();
}

void HcloudSim::clearExchanges()
{
    d->log.clear();
}

bool HcloudSim::writeExchanges(const QString &jsonlPath) const
{
    return d->log.writeJsonLines(jsonlPath);
}

QJsonArray HcloudSim::state(const QString &collection) const
{
    d->context.actions.advance();
    const ResourceViews views(d->context);
    QJsonArray out;
    const QList<QJsonObject> items = d->context.store.all(collection);
    for (const QJsonObject &item : items) {
        if (collection == u"servers"_s)
            out.append(views.server(item));
        else if (collection == u"firewalls"_s)
            out.append(views.firewall(item));
        else if (collection == u"networks"_s)
            out.append(views.network(item));
        else if (collection == u"primary_ips"_s)
            out.append(views.primaryIp(item));
        else if (collection == u"zones"_s)
            out.append(views.zone(item));
        else if (collection == u"rrsets"_s)
            out.append(views.rrset(item));
        else
            out.append(item);
    }
    return out;
}
