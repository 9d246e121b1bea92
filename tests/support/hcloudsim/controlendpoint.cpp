#include "controlendpoint.h"

#include "faultinjector.h"
#include "ratelimiter.h"
#include "requestlog.h"
#include "simrequest.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

ControlEndpoint::ControlEndpoint(FaultInjector &faults, RateLimiter &rateLimiter, RequestLog &log)
    : m_faults(faults)
    , m_rateLimiter(rateLimiter)
    , m_log(log)
{ }

SimResponse ControlEndpoint::handle(const SimRequest &request)
{
    if (!request.peer.isLoopback())
        return SimResponse::error(403, u"forbidden"_s, u"the control endpoint only answers loopback clients"_s);
    const QString what = request.method + u' ' + request.path;
    if (what == u"POST /__sim/faults"_s) {
        SimResponse error;
        const auto body = parseJsonBody(request, &error);
        if (!body)
            return error;
        QString reason;
        const auto fault = FaultInjector::fromJson(*body, &reason);
        if (!fault)
            return SimResponse::invalidInput(u"fault"_s, reason);
        m_faults.add(*fault);
        return SimResponse::json(201, QJsonObject{{u"fault"_s, FaultInjector::toJson(*fault)}});
    }
    if (what == u"DELETE /__sim/faults"_s) {
        m_faults.clear();
        return SimResponse::noContent();
    }
    if (what == u"GET /__sim/exchanges"_s) {
        QJsonArray exchanges;
        const auto all = m_log.all();
        for (const auto &exchange : all)
            exchanges.append(RequestLog::toJson(exchange));
        return SimResponse::json(200, QJsonObject{{u"exchanges"_s, exchanges}});
    }
    if (what == u"DELETE /__sim/exchanges"_s) {
        m_log.clear();
        return SimResponse::noContent();
    }
    if (what == u"POST /__sim/storm"_s) {
        SimResponse error;
        const auto body = parseJsonBody(request, &error);
        if (!body)
            return error;
        m_rateLimiter.startStorm(body->value(u"seconds"_s).toInt());
        return SimResponse::noContent();
    }
    return SimResponse::error(404, u"not_found"_s, u"unknown control request"_s);
}
