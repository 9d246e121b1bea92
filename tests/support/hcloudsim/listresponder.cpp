#include "listresponder.h"

#include "labelselector.h"
#include "simrequest.h"

#include <QJsonArray>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

std::optional<SimResponse> ListResponder::filterByLabelSelector(const SimRequest &request, QList<QJsonObject> *items)
{
    if (!request.has(u"label_selector"_s))
        return std::nullopt;
    QString reason;
    const auto selector = LabelSelector::parse(request.value(u"label_selector"_s), &reason);
    if (!selector)
        return SimResponse::invalidInput(u"label_selector"_s, u"invalid label selector: %1"_s.arg(reason));
    items->removeIf([&](const QJsonObject &item) { return !selector->matches(item.value(u"labels"_s).toObject()); });
    return std::nullopt;
}

void ListResponder::filterByField(const SimRequest &request, const QString &parameter, const QString &field,
                                  QList<QJsonObject> *items)
{
    if (!request.has(parameter))
        return;
    const QStringList wanted = request.values(parameter);
    items->removeIf([&](const QJsonObject &item) {
        const QJsonValue value = item.value(field);
        const QString text = value.isString() ? value.toString() : QString::number(value.toInteger());
        return !wanted.contains(text);
    });
}

std::optional<SimResponse> ListResponder::sort(const SimRequest &request, const QStringList &sortFields,
                                               QList<QJsonObject> *items)
{
    struct Key
    {
        QString field;
        bool descending;
    };
    QList<Key> keys;
    const QStringList sorts = request.values(u"sort"_s);
    for (const QString &sortValue : sorts) {
        const QStringList parts = sortValue.split(u':');
        const QString direction = parts.value(1, u"asc"_s);
        if (parts.size() > 2 || !sortFields.contains(parts.constFirst())
            || (direction != u"asc"_s && direction != u"desc"_s))
            return SimResponse::invalidInput(u"sort"_s, u"invalid sort value '%1'"_s.arg(sortValue));
        keys.append({parts.constFirst(), direction == u"desc"_s});
    }
    keys.append({u"id"_s, false}); // stable, like the API's default order
    std::stable_sort(items->begin(), items->end(), [&](const QJsonObject &a, const QJsonObject &b) {
        for (const Key &key : keys) {
            const QJsonValue va = a.value(key.field);
            const QJsonValue vb = b.value(key.field);
            int order = 0;
            if (va.isDouble() || vb.isDouble())
                order = va.toDouble() < vb.toDouble() ? -1 : (va.toDouble() > vb.toDouble() ? 1 : 0);
            else
                order = QString::compare(va.toString(), vb.toString());
            if (order != 0)
                return key.descending ? order > 0 : order < 0;
        }
        return false;
    });
    return std::nullopt;
}

namespace {
std::optional<int> positiveInt(const SimRequest &request, const QString &name, int fallback, SimResponse *error)
{
    if (!request.has(name))
        return fallback;
    bool ok = false;
    const int value = request.value(name).toInt(&ok);
    if (!ok || value < 1) {
        *error = SimResponse::invalidInput(name, u"must be a positive integer"_s);
        return std::nullopt;
    }
    return value;
}

QByteArray pageUrl(const SimRequest &request, int page, int perPage)
{
    QByteArray query;
    for (const auto &[key, value] : request.query) {
        if (key == u"page"_s || key == u"per_page"_s)
            continue;
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value) + '&';
    }
    query += "page=" + QByteArray::number(page) + "&per_page=" + QByteArray::number(perPage);
    return "http://" + request.host + "/v1" + request.path.toUtf8() + '?' + query;
}
} // namespace

SimResponse ListResponder::respond(const SimRequest &request, const QString &key, QList<QJsonObject> items,
                                   const QStringList &sortFields, int maxPerPage)
{
    SimResponse error;
    const auto page = positiveInt(request, u"page"_s, 1, &error);
    if (!page)
        return error;
    const auto requestedPerPage = positiveInt(request, u"per_page"_s, 25, &error);
    if (!requestedPerPage)
        return error;
    if (const auto sortError = sort(request, sortFields, &items))
        return *sortError;

    // The API caps per_page silently instead of rejecting larger values.
    const int perPage = std::min(*requestedPerPage, maxPerPage);
    const int total = int(items.size());
    const int lastPage = std::max(1, (total + perPage - 1) / perPage);
    QJsonArray pageItems;
    for (int i = (*page - 1) * perPage; i < std::min(total, *page * perPage); ++i)
        pageItems.append(items.at(i));

    const QJsonObject pagination{
            {u"page"_s, *page},
            {u"per_page"_s, perPage},
            {u"previous_page"_s, *page > 1 ? QJsonValue(std::min(*page - 1, lastPage)) : QJsonValue()},
            {u"next_page"_s, *page < lastPage ? QJsonValue(*page + 1) : QJsonValue()},
            {u"last_page"_s, lastPage},
            {u"total_entries"_s, total},
    };
    SimResponse response = SimResponse::json(
            200, QJsonObject{{key, pageItems}, {u"meta"_s, QJsonObject{{u"pagination"_s, pagination}}}});

    QList<QByteArray> links;
    if (*page > 1)
        links << '<' + pageUrl(request, std::min(*page - 1, lastPage), perPage) + ">; rel=\"prev\"";
    if (*page < lastPage)
        links << '<' + pageUrl(request, *page + 1, perPage) + ">; rel=\"next\"";
    links << '<' + pageUrl(request, lastPage, perPage) + ">; rel=\"last\"";
    response.headers.append({QByteArrayLiteral("Link"), links.join(", ")});
    return response;
}

SimResponse ListResponder::listCollection(const SimRequest &request, const QString &key, QList<QJsonObject> items,
                                          const std::function<QJsonObject(const QJsonObject &)> &view,
                                          const QStringList &extraFilters)
{
    filterByField(request, u"name"_s, u"name"_s, &items);
    for (const QString &parameter : extraFilters)
        filterByField(request, parameter, parameter, &items);
    if (const auto error = filterByLabelSelector(request, &items))
        return *error;
    QList<QJsonObject> views;
    views.reserve(items.size());
    for (const QJsonObject &item : std::as_const(items))
        views << view(item);
    return respond(request, key, views);
}
