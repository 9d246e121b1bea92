#include "handlers.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"

using namespace Qt::StringLiterals;

void ActionHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/actions"_s, [this](const SimRequest &request, const QStringList &) {
        const QStringList ids = request.values(u"id"_s);
        // Listing every action was removed in 2025; the endpoint now insists on ids.
        if (ids.isEmpty())
            return SimResponse::error(
                    400, u"invalid_input"_s, u"the 'id' query parameter is required"_s,
                    QJsonObject{{u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, u"id"_s},
                                                                     {u"messages"_s, QJsonArray{u"is required"_s}}}}}});
        QList<QJsonObject> items;
        for (const QString &text : ids) {
            bool ok = false;
            const qint64 id = text.toLongLong(&ok);
            if (!ok)
                return SimResponse::invalidInput(u"id"_s, u"'%1' is not an integer"_s.arg(text));
            if (m_context.actions.contains(id))
                items << m_context.actions.json(id);
        }
        return ListResponder::respond(request, u"actions"_s, items,
                                      {u"id"_s, u"command"_s, u"status"_s, u"started"_s, u"finished"_s, u"progress"_s});
    });
    router.add(u"GET"_s, u"/actions/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        const qint64 id = args[0].toLongLong();
        if (!m_context.actions.contains(id))
            return SimResponse::notFound(u"action"_s);
        return SimResponse::json(200, QJsonObject{{u"action"_s, m_context.actions.json(id)}});
    });
}
