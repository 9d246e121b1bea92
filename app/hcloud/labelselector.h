#pragma once

#include "hcloudtypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace hcloud {

// Builds a label selector from exact-match pairs, sorted, "k=v,k2=v2" (URL-encoding happens in the client).
QString selectorFor(const Labels &labels);

// True when every pair of `wanted` is present in `labels` with the same value.
bool labelsMatch(const Labels &labels, const Labels &wanted);

// A query string with every key and value fully percent-encoded: a selector such as "a=1,b in (x, y),!c"
// must reach the API as one value, so '=', ',', '!', '(', ')', spaces, '&' and '+' are all escaped.
QByteArray encodeQuery(const QList<QPair<QString, QString>> &items);

} // namespace hcloud
