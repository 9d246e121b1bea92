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
                                   {u"evidence"_s, evidenceJson(bridge.evidence)},
                                   {u"prosody_login"_s, Verifier::loginEvidenceCode(bridge.login)},
                                   {u"in_jicofo_view"_s, bridge.inJicofoView},
                                   {u"proofs"_s, QJsonArray::fromStringList(bridge.proofs)}});
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

// "resolver": the nameserver or "system"; "answers": each record with what the resolver gave for it.
void insertDnsCheck(QJsonObject &object, const DnsCheckProgress &check)
{
    QJsonArray answers;
    for (const DnsAnswer &answer : check.answers)
        answers.append(QJsonObject{{u"name"_s, answer.record.name},
                                   {u"type"_s, answer.record.type},
                                   {u"expected"_s, answer.record.value},
                                   {u"addresses"_s, QJsonArray::fromStringList(answer.addresses)},
                                   {u"ready"_s, answer.ready}});
    object.insert(u"resolver"_s, check.resolver.isEmpty() ? u"system"_s : check.resolver);
    object.insert(u"round"_s, check.round);
    object.insert(u"next_try_seconds"_s, (check.nextTryMs + 999) / 1000);
    object.insert(u"answers"_s, answers);
}

void insertIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}
} // namespace

EngineEvent EngineEvent::phaseChanged(::Phase phase, const QString &message)
{
    EngineEvent e;
    e.kind = Kind::Phase;
    e.phase = phase;
    e.message = message;
    return e;
}

EngineEvent EngineEvent::resourceChanged(const QString &resource, ResourceState state, const QString &host)
{
    EngineEvent e;
    e.kind = Kind::Resource;
    e.resource = resource;
    e.resourceState = state;
    e.host = host;
    return e;
}

EngineEvent EngineEvent::hostStep(const QString &host, const QString &step, HostState state, int stepIndex,
                                  int stepCount)
{
    EngineEvent e;
    e.kind = Kind::HostStep;
    e.host = host;
    e.step = step;
    e.hostState = state;
    e.stepIndex = stepIndex;
    e.stepCount = stepCount;
    return e;
}

EngineEvent EngineEvent::hostWaiting(const QString &host, WaitReason reason, const QString &message,
                                     const QString &step, int stepIndex, int stepCount)
{
    EngineEvent e = hostStep(host, step, HostState::Waiting, stepIndex, stepCount);
    e.waitReason = reason;
    e.message = message;
    return e;
}

EngineEvent EngineEvent::dnsRecords(const QList<DnsRecord> &records, DnsPublication publication, const QString &message)
{
    EngineEvent e;
    e.kind = Kind::DnsRecords;
    e.records = records;
    e.dnsPublication = publication;
    e.message = message;
    return e;
}

EngineEvent EngineEvent::dnsCheckRound(const DnsCheckProgress &round)
{
    EngineEvent e;
    e.kind = Kind::DnsCheck;
    e.dnsCheck = round;
    e.message = round.summary();
    return e;
}

EngineEvent EngineEvent::verification(const VerificationReport &report)
{
    EngineEvent e;
    e.kind = Kind::Verification;
    e.report = report;
    return e;
}

EngineEvent EngineEvent::warning(const QString &message, const Advice &advice)
{
    EngineEvent e;
    e.kind = Kind::Warning;
    e.message = message;
    e.advice = advice;
    return e;
}

EngineEvent EngineEvent::meetingStatus(const MeetingStatus &status)
{
    EngineEvent e;
    e.kind = Kind::Meeting;
    e.meeting = status;
    return e;
}

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
    case Kind::DnsCheck:
        return u"dns_check"_s;
    case Kind::Verification:
        return u"verification"_s;
    case Kind::Warning:
        return u"warning"_s;
    case Kind::Meeting:
        return u"meeting"_s;
    }
    return u"unknown"_s;
}

QJsonObject EngineEvent::toJson() const
{
    // Only the fields that are set, so each kind's object stays small and its shape documented in docs/cli.md.
    QJsonObject object{{u"event"_s, kindName(kind)}};
    insertIfSet(object, u"resource"_s, resource);
    insertIfSet(object, u"host"_s, host);
    insertIfSet(object, u"step"_s, step);
    switch (kind) {
    case Kind::Phase:
        object.insert(u"phase"_s, toJsonName(phase));
        break;
    case Kind::Resource:
        object.insert(u"state"_s, toJsonName(resourceState));
        break;
    case Kind::HostStep:
        object.insert(u"state"_s, toJsonName(hostState));
        if (waitReason)
            object.insert(u"reason"_s, toJsonName(*waitReason));
        if (elapsedSeconds >= 0)
            object.insert(u"elapsed_seconds"_s, elapsedSeconds);
        break;
    case Kind::HostLog:
        object.insert(u"lines"_s, QJsonArray::fromStringList(lines));
        break;
    case Kind::DnsRecords:
        object.insert(u"state"_s, toJsonName(dnsPublication));
        object.insert(u"records"_s, recordsJson(records));
        break;
    case Kind::DnsCheck:
        if (dnsCheck)
            insertDnsCheck(object, *dnsCheck);
        break;
    case Kind::Verification:
        if (report)
            object.insert(u"report"_s, reportJson(*report));
        break;
    case Kind::Warning:
        insertIfSet(object, u"advice"_s, Advice::kindName(advice.kind));
        break;
    case Kind::Meeting:
        if (meeting)
            object.insert(u"meeting"_s, meeting->toJson());
        break;
    }
    if (stepIndex > 0)
        object.insert(u"step_index"_s, stepIndex);
    if (stepCount > 0)
        object.insert(u"step_count"_s, stepCount);
    insertIfSet(object, u"message"_s, message);
    return object;
}

namespace {
QJsonObject versionsJson(const QMap<QString, QMap<QString, QString>> &versions)
{
    QJsonObject hosts;
    for (auto host = versions.cbegin(); host != versions.cend(); ++host) {
        QJsonObject packages;
        for (auto it = host->cbegin(); it != host->cend(); ++it)
            packages.insert(it.key(), it.value());
        hosts.insert(host.key(), packages);
    }
    return hosts;
}
} // namespace

QJsonObject EngineOutcome::toJson() const
{
    QJsonObject json{
            {u"slug"_s, slug},
            {u"domain"_s, domain},
            {u"meeting_url"_s, meetingUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(meetingUrl)},
            {u"web_address"_s, webAddress.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(webAddress)},
            {u"bridges"_s, QJsonArray::fromStringList(bridges)},
            {u"created_this_run"_s, QJsonArray::fromStringList(createdThisRun)},
            {u"dns_records"_s, recordsJson(dnsRecords)},
            {u"dns_ready"_s, dnsReady},
            {u"verification"_s, verification ? QJsonValue(reportJson(*verification)) : QJsonValue(QJsonValue::Null)},
            {u"health"_s, health ? QJsonValue(health->toJson()) : QJsonValue(QJsonValue::Null)},
            {u"accounts"_s, accounts ? QJsonValue(accounts->toJson()) : QJsonValue(QJsonValue::Null)}};
    if (!versionsBefore.isEmpty() || !versionsAfter.isEmpty()) { // update only
        json.insert(u"versions_before"_s, versionsJson(versionsBefore));
        json.insert(u"versions_after"_s, versionsJson(versionsAfter));
    }
    if (meeting) // test-meeting only
        json.insert(u"meeting"_s, meeting->toJson());
    return json;
}
