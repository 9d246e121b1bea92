#include "router.h"

#include "simrequest.h"

using namespace Qt::StringLiterals;

void Router::add(const QString &method, const QString &pathPattern, Handler handler)
{
    m_routes.append({method, QRegularExpression(u'^' + pathPattern + u'$'), std::move(handler)});
}

SimResponse Router::dispatch(const SimRequest &request) const
{
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        const auto match = route.pattern.match(request.path);
        if (!match.hasMatch())
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        QStringList args = match.capturedTexts();
        args.removeFirst();
        return route.handler(request, args);
    }
    if (pathKnown)
        return SimResponse::error(405, u"method_not_allowed"_s, u"method not allowed"_s);
    return SimResponse::error(404, u"not_found"_s, u"the requested resource was not found"_s);
}
