#pragma once

#include "hcloudsim.h"

#include <QJsonObject>
#include <QList>

#include <optional>

// Holds the faults tests asked for and hands out the first one matching a request, counting it down.
class FaultInjector
{
public:
    void add(const HcloudSim::Fault &fault);
    void clear();
    // The fault to apply to this request (consumed), if any.
    std::optional<HcloudSim::Fault> take(const QString &method, const QString &path);

    // The control endpoint's JSON form: {"kind":"api_error","method":"POST","path":"^/servers$",...}.
    static std::optional<HcloudSim::Fault> fromJson(const QJsonObject &object, QString *reason);
    static QJsonObject toJson(const HcloudSim::Fault &fault);

private:
    QList<HcloudSim::Fault> m_faults;
};
