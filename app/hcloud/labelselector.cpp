#include "labelselector.h"

#include <QStringList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace hcloud {

QString selectorFor(const Labels &labels)
{
    QStringList terms;
    for (auto it = labels.begin(); it != labels.end(); ++it) // QMap iterates in key order
        terms.append(it.key() + u'=' + it.value());
    return terms.join(u',');
}

bool labelsMatch(const Labels &labels, const Labels &wanted)
{
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        const auto found = labels.constFind(it.key());
        if (found == labels.constEnd() || found.value() != it.value())
            return false;
    }
    return true;
}

QByteArray encodeQuery(const QList<QPair<QString, QString>> &items)
{
    QByteArray query;
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return query;
}

} // namespace hcloud
