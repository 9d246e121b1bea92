#pragma once

#include "simresponse.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

struct SimRequest;

// The shared part of every list endpoint (reference §1.2): label_selector filtering, `sort`, and
// page/per_page pagination with meta.pagination and the Link header.
class ListResponder
{
public:
    // Keeps the items matching ?label_selector=; a 422 answer when the selector is malformed.
    static std::optional<SimResponse> filterByLabelSelector(const SimRequest &request, QList<QJsonObject> *items);
    // Keeps the items whose `field` equals ?<parameter>= (if given).
    static void filterByField(const SimRequest &request, const QString &parameter, const QString &field,
                              QList<QJsonObject> *items);

    static SimResponse respond(const SimRequest &request, const QString &key, QList<QJsonObject> items,
                               const QStringList &sortFields
                               = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("created")},
                               int maxPerPage = 50);

    // The whole of a plain list endpoint: filter by ?name= and ?label_selector=, render each item with
    // `view`, then respond(). `extraFilters` names further exact-match parameters (e.g. "ip").
    static SimResponse listCollection(const SimRequest &request, const QString &key, QList<QJsonObject> items,
                                      const std::function<QJsonObject(const QJsonObject &)> &view,
                                      const QStringList &extraFilters = {});

private:
    static std::optional<SimResponse> sort(const SimRequest &request, const QStringList &sortFields,
                                           QList<QJsonObject> *items);
};
