#include "requestlog.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

void RequestLog::append(const HcloudSim::Exchange &exchange)
{
    m_exchanges.append(exchange);
}

void RequestLog::clear()
{
    m_exchanges.clear();
}

QJsonObject RequestLog::toJson(const HcloudSim::Exchange &exchange)
{
    return {{u"method"_s, exchange.method},
            {u"path"_s, exchange.path},
            {u"query"_s, exchange.query},
            {u"status"_s, exchange.status},
            {u"authorized"_s, exchange.authorized},
            {u"correlationId"_s, exchange.correlationId},
            {u"requestBody"_s, QString::fromUtf8(exchange.requestBody)},
            {u"responseBody"_s, QString::fromUtf8(exchange.responseBody)},
            {u"responseContentType"_s, QString::fromLatin1(exchange.responseContentType)}};
}

bool RequestLog::writeJsonLines(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const HcloudSim::Exchange &exchange : m_exchanges) {
        file.write(QJsonDocument(toJson(exchange)).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    return file.flush();
}
