#pragma once

#include "simresponse.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <functional>

struct SimRequest;

// Maps method + path (a regular expression; its captures become the handler's arguments) to handlers.
// An unknown path is 404 not_found, a known path with another method 405 method_not_allowed.
class Router
{
public:
    using Handler = std::function<SimResponse(const SimRequest &request, const QStringList &args)>;

    void add(const QString &method, const QString &pathPattern, Handler handler);
    SimResponse dispatch(const SimRequest &request) const;

private:
    struct Route
    {
        QString method;
        QRegularExpression pattern;
        Handler handler;
    };
    QList<Route> m_routes;
};
