#include "engineevents.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
QJsonArray evidenceJson(const QList<EvidenceLine> &lines)
{
    QJsonArray array;
    for (const EvidenceLine &line : lines)
        array.append(QJsonObject{{u"source"_s, line.source}, {u"line"_s, line.line}, {u"text"_s, line.text}});
    return array;
}

QJsonArray problemsJson(const QList<VerifyProblem> &problems)
{
    QJsonArray array;
    for (const VerifyProblem &problem : problems)
        array.append(QJsonObject{{u"code"_s, problem.code()},
                                 {u"message"_s, problem.message},
                                 {u"evidence"_s, evidenceJson(problem.evidence)}});
    return array;
}

QJsonObject reportJson(const VerificationReport &report)
{
    QJsonArray bridges;
    for (const BridgeVerdict &bridge : report.bridges)
        bridges.append(QJsonObject{{u"server"_s, bridge.serverName},
                                   {u"nickname"_s, bridge.nickname},
                                   {u"ok"_s, bridge.ok()},
                                   {u"problems"_s, problemsJson(bridge.problems)},
                                   {u"evidence"_s, evidenceJson(bridge.evidence)}});
    return QJsonObject{{u"ok"_s, report.ok()},
                       {u"bridges"_s, bridges},
                       {u"problems"_s, problemsJson(report.problems)},
                       {u"evidence"_s, evidenceJson(report.evidence)},
                       {u"live_sessions"_s, report.liveSessions},
                       {u"operational_bridges"_s, report.operationalBridges}};
}

QJsonArray recordsJson(const QList<DnsRecord> &records)
{
    QJsonArray array;
    for (const DnsRecord &record : records)
        array.append(QJsonObject{{u"name"_s, record.name}, {u"type"_s, record.type}, {u"value"_s, record.value}});
    return array;
}

void insertIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}
} // namespace

QString EngineEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Phase:
        return u"phase"_s;
    case Kind::Resource:
        return u"resource"_s;
    case Kind::HostStep:
        return u"host_step"_s;
    case Kind::HostLog:
        return u"host_log"_s;
    case Kind::DnsRecords:
        return u"dns"_s;
    case Kind::Verification:
        return u"verification"_s;
    case Kind::Warning:
        return u"warning"_s;
    }
    return u"unknown"_s;
}

QJsonObject EngineEvent::toJson() const
{
    // Only the fields that are set, so each kind's object stays small and its shape documented in docs/cli.md.
    QJsonObject object{{u"event"_s, kindName(kind)}};
    insertIfSet(object, u"phase"_s, phase);
    insertIfSet(object, u"resource"_s, resource);
    insertIfSet(object, u"host"_s, host);
    insertIfSet(object, u"step"_s, step);
    insertIfSet(object, u"state"_s, state);
    if (stepIndex > 0)
        object.insert(u"step_index"_s, stepIndex);
    if (stepCount > 0)
        object.insert(u"step_count"_s, stepCount);
    if (kind == Kind::HostLog || !lines.isEmpty())
        object.insert(u"lines"_s, QJsonArray::fromStringList(lines));
    insertIfSet(object, u"message"_s, message);
    if (kind == Kind::DnsRecords || !records.isEmpty())
        object.insert(u"records"_s, recordsJson(records));
    if (report)
        object.insert(u"report"_s, reportJson(*report));
    return object;
}

QJsonObject EngineOutcome::toJson() const
{
    return QJsonObject{
            {u"slug"_s, slug},
            {u"domain"_s, domain},
            {u"meeting_url"_s, meetingUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(meetingUrl)},
            {u"web_address"_s, webAddress.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(webAddress)},
            {u"bridges"_s, QJsonArray::fromStringList(bridges)},
            {u"created_this_run"_s, QJsonArray::fromStringList(createdThisRun)},
            {u"dns_records"_s, recordsJson(dnsRecords)},
            {u"dns_ready"_s, dnsReady},
            {u"verification"_s, verification ? QJsonValue(reportJson(*verification)) : QJsonValue(QJsonValue::Null)}};
}
