#include "faultinjector.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
struct KindName
{
    HcloudSim::Fault::Kind kind;
    QString name;
};
const QList<KindName> &kindNames()
{
    static const QList<KindName> names = {
            {HcloudSim::Fault::Kind::ApiError, u"api_error"_s},
            {HcloudSim::Fault::Kind::BareStatus, u"bare_status"_s},
            {HcloudSim::Fault::Kind::DropConnection, u"drop_connection"_s},
            {HcloudSim::Fault::Kind::Latency, u"latency"_s},
            {HcloudSim::Fault::Kind::ActionError, u"action_error"_s},
    };
    return names;
}
} // namespace

void FaultInjector::add(const HcloudSim::Fault &fault)
{
    m_faults.append(fault);
}

void FaultInjector::clear()
{
    m_faults.clear();
}

std::optional<HcloudSim::Fault> FaultInjector::take(const QString &method, const QString &path)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        HcloudSim::Fault &fault = m_faults[i];
        if (!fault.method.isEmpty() && fault.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (!fault.pathPattern.isEmpty() && !QRegularExpression(fault.pathPattern).match(path).hasMatch())
            continue;
        const HcloudSim::Fault matched = fault;
        if (fault.count > 0 && --fault.count == 0)
            m_faults.removeAt(i);
        return matched;
    }
    return std::nullopt;
}

std::optional<HcloudSim::Fault> FaultInjector::fromJson(const QJsonObject &object, QString *reason)
{
    HcloudSim::Fault fault;
    const QString kind = object.value(u"kind"_s).toString(u"api_error"_s);
    bool known = false;
    for (const KindName &entry : kindNames()) {
        if (entry.name == kind) {
            fault.kind = entry.kind;
            known = true;
        }
    }
    if (!known) {
        *reason = u"unknown fault kind '%1'"_s.arg(kind);
        return std::nullopt;
    }
    fault.method = object.value(u"method"_s).toString();
    fault.pathPattern = object.value(u"path"_s).toString();
    if (!QRegularExpression(fault.pathPattern).isValid()) {
        *reason = u"invalid path pattern"_s;
        return std::nullopt;
    }
    fault.count = object.value(u"count"_s).toInt(1);
    fault.status = object.value(u"status"_s).toInt(fault.status);
    fault.code = object.value(u"code"_s).toString(fault.code);
    fault.message = object.value(u"message"_s).toString(fault.message);
    fault.latencyMs = object.value(u"latency_ms"_s).toInt(0);
    fault.afterProcessing = object.value(u"after_processing"_s).toBool(false);
    return fault;
}

QJsonObject FaultInjector::toJson(const HcloudSim::Fault &fault)
{
    QString kind;
    for (const KindName &entry : kindNames()) {
        if (entry.kind == fault.kind)
            kind = entry.name;
    }
    return {{u"kind"_s, kind},
            {u"method"_s, fault.method},
            {u"path"_s, fault.pathPattern},
            {u"count"_s, fault.count},
            {u"status"_s, fault.status},
            {u"code"_s, fault.code},
            {u"message"_s, fault.message},
            {u"latency_ms"_s, fault.latencyMs},
            {u"after_processing"_s, fault.afterProcessing}};
}
