#include "handlers.h"
#include "listresponder.h"
#include "router.h"
#include "simcontext.h"
#include "simrequest.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
QList<QJsonObject> objects(const QJsonArray &array)
{
    QList<QJsonObject> out;
    for (const QJsonValue &value : array)
        out << value.toObject();
    return out;
}

SimResponse getOne(const QJsonObject &object, const QString &key, const QString &what)
{
    if (object.isEmpty())
        return SimResponse::notFound(what);
    return SimResponse::json(200, QJsonObject{{key, object}});
}
} // namespace

void CatalogueHandlers::registerRoutes(Router &router)
{
    router.add(u"GET"_s, u"/locations"_s, [this](const SimRequest &request, const QStringList &) {
        QList<QJsonObject> items = objects(m_context.catalogue.locations());
        ListResponder::filterByField(request, u"name"_s, u"name"_s, &items);
        return ListResponder::respond(request, u"locations"_s, items, {u"id"_s, u"name"_s});
    });
    router.add(u"GET"_s, u"/locations/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        return getOne(m_context.catalogue.location(args[0]), u"location"_s, u"location"_s);
    });
    router.add(u"GET"_s, u"/server_types"_s, [this](const SimRequest &request, const QStringList &) {
        QList<QJsonObject> items = objects(m_context.catalogue.serverTypes());
        ListResponder::filterByField(request, u"name"_s, u"name"_s, &items);
        return ListResponder::respond(request, u"server_types"_s, items, {u"id"_s, u"name"_s});
    });
    router.add(u"GET"_s, u"/server_types/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        return getOne(m_context.catalogue.serverType(args[0]), u"server_type"_s, u"server type"_s);
    });
    router.add(u"GET"_s, u"/images"_s,
               [this](const SimRequest &request, const QStringList &) { return listImages(request); });
    router.add(u"GET"_s, u"/images/(\\d+)"_s, [this](const SimRequest &, const QStringList &args) {
        return getOne(m_context.catalogue.image(args[0], {}), u"image"_s, u"image"_s);
    });
    router.add(u"GET"_s, u"/pricing"_s, [this](const SimRequest &, const QStringList &) {
        return SimResponse::json(200, QJsonObject{{u"pricing"_s, m_context.catalogue.pricing()}});
    });
}

SimResponse CatalogueHandlers::listImages(const SimRequest &request) const
{
    QList<QJsonObject> items = objects(m_context.catalogue.images());
    const QStringList types = request.values(u"type"_s);
    for (const QString &type : types) {
        if (!QStringList{u"system"_s, u"app"_s, u"snapshot"_s, u"backup"_s}.contains(type))
            return SimResponse::invalidInput(u"type"_s, u"invalid image type '%1'"_s.arg(type));
    }
    const QString architecture = request.value(u"architecture"_s);
    if (request.has(u"architecture"_s) && architecture != u"x86"_s && architecture != u"arm"_s)
        return SimResponse::invalidInput(u"architecture"_s, u"must be x86 or arm"_s);
    ListResponder::filterByField(request, u"type"_s, u"type"_s, &items);
    ListResponder::filterByField(request, u"architecture"_s, u"architecture"_s, &items);
    ListResponder::filterByField(request, u"name"_s, u"name"_s, &items);
    ListResponder::filterByField(request, u"status"_s, u"status"_s, &items);
    if (request.value(u"include_deprecated"_s) != u"true"_s)
        items.removeIf([](const QJsonObject &image) { return !image.value(u"deprecated"_s).isNull(); });
    if (const auto error = ListResponder::filterByLabelSelector(request, &items))
        return *error;
    return ListResponder::respond(request, u"images"_s, items, {u"id"_s, u"name"_s, u"created"_s});
}
