#pragma once

#include "hcloudsim.h"

#include <QJsonObject>
#include <QList>

// Every exchange the simulator answered (or dropped), oldest first.
class RequestLog
{
public:
    void append(const HcloudSim::Exchange &exchange);
    void clear();
    QList<HcloudSim::Exchange> all() const { return m_exchanges; }

    static QJsonObject toJson(const HcloudSim::Exchange &exchange);
    // JSON Lines, the input format of validate_openapi.py.
    bool writeJsonLines(const QString &path) const;

private:
    QList<HcloudSim::Exchange> m_exchanges;
};
