#include "eventrenderer.h"
#include "cli/cliadvice.h"
#include "cli/meetinglines.h"

#include "common/redactor.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr int hostNameColumn = 26;

// Erases `lines` lines above the cursor: to the start of the first one, then everything below.
QString eraseUp(int lines)
{
    return lines > 0 ? u"\x1b[%1F\x1b[J"_s.arg(lines) : QString();
}

QString redacted(const QString &text)
{
    return Redactor::instance().redact(text);
}
} // namespace

EventRenderer::EventRenderer(const ProgressModel *progress, Style style, int terminalWidth)
    : m_progress(progress)
    , m_style(style)
    , m_width(std::max(terminalWidth, 40))
{ }

QString EventRenderer::phaseTitle(Phase phase)
{
    switch (phase) {
    case Phase::Validate:
        return tr("Checking the plan against the project");
    case Phase::Resources:
        return tr("Creating the cloud resources");
    case Phase::Hosts:
        return tr("Installing the servers");
    case Phase::Dns:
        return tr("Checking the DNS records");
    case Phase::Certificate:
        return tr("Getting the certificate");
    case Phase::Verify:
        return tr("Verifying the bridges");
    case Phase::Drain:
        return tr("Draining the bridge");
    case Phase::Delete:
        return tr("Deleting resources");
    case Phase::Update:
        return tr("Updating Jitsi");
    case Phase::Done:
        return tr("Done");
    }
    return {};
}

QString EventRenderer::progressBar(double fraction, int width)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int filled = int(std::floor(fraction * width));
    const int percent = int(std::floor(fraction * 100));
    return u'[' + QString(filled, u'#') + QString(width - filled, u'-') + u"] "_s
           + QString::number(percent).rightJustified(3) + u'%';
}

namespace {
QString resourceStateText(ResourceState state)
{
    switch (state) {
    case ResourceState::Creating:
        return EventRenderer::tr("creating");
    case ResourceState::Created:
        return EventRenderer::tr("created");
    case ResourceState::Exists:
        return EventRenderer::tr("exists already, reused");
    case ResourceState::Running:
        return EventRenderer::tr("running");
    case ResourceState::Failed:
        return EventRenderer::tr("failed");
    case ResourceState::Deleting:
        return EventRenderer::tr("deleting");
    case ResourceState::Deleted:
        return EventRenderer::tr("deleted");
    }
    return {};
}

QString hostStateText(HostState state)
{
    switch (state) {
    case HostState::Started:
        return EventRenderer::tr("started");
    case HostState::Skipped:
        return EventRenderer::tr("already done, skipped");
    case HostState::Succeeded:
        return EventRenderer::tr("done");
    case HostState::Failed:
        return EventRenderer::tr("FAILED");
    case HostState::Waiting:
        return EventRenderer::tr("waiting");
    }
    return {};
}

// What a waiting host waits for, with how long so far when the engine says.
QString waitingText(const QString &reason, int waitedSeconds)
{
    if (waitedSeconds < 0)
        return reason;
    return EventRenderer::tr("%1, waited %n second(s)", nullptr, waitedSeconds).arg(reason);
}
} // namespace

QString EventRenderer::dnsCheckLine(const EngineEvent &event) const
{
    if (!event.dnsCheck)
        return {};
    const DnsCheckProgress &check = *event.dnsCheck;
    const QString resolver = check.resolver.isEmpty() ? tr("the system resolver") : check.resolver;
    return tr("    DNS check via %1: %2; next try in %n second(s)", nullptr, (check.nextTryMs + 999) / 1000)
            .arg(resolver, check.summary());
}

QString EventRenderer::permanentText(const EngineEvent &event)
{
    QStringList out;
    switch (event.kind) {
    case EngineEvent::Kind::Phase:
        out << u"==> "_s + (event.message.isEmpty() ? phaseTitle(event.phase) : event.message);
        break;
    case EngineEvent::Kind::Resource:
        out << u"    "_s + event.resource + u": "_s + resourceStateText(event.resourceState)
                        + (event.message.isEmpty() ? QString() : u" ("_s + event.message + u')');
        break;
    case EngineEvent::Kind::DnsRecords:
        out << (event.dnsPublication == DnsPublication::Created
                        ? tr("    DNS records created in the project's DNS zone:")
                        : tr("    Create these DNS records at your DNS provider (the certificate waits for them):"));
        for (const DnsRecord &record : event.records)
            out << u"      "_s + record.toZoneLine();
        if (!event.message.isEmpty())
            out << u"    "_s + event.message;
        break;
    case EngineEvent::Kind::DnsCheck: {
        // A new line only when the answer changed: the check repeats every few seconds for minutes.
        const QString summary = event.dnsCheck ? event.dnsCheck->summary() : QString();
        if (summary != std::exchange(m_lastDnsCheck, summary))
            out << dnsCheckLine(event);
        break;
    }
    case EngineEvent::Kind::Verification: {
        if (!event.report)
            break;
        const VerificationReport &report = *event.report;
        out << (report.ok() ? tr("    Verified: all %n bridge(s) are connected.", nullptr, int(report.bridges.size()))
                            : tr("    Verification failed:"));
        for (const BridgeVerdict &bridge : report.bridges) {
            if (bridge.ok()) {
                // Which evidence it has (issue 14): a login line, or only a live session once the line rotated.
                out << (bridge.proofs.isEmpty()
                                ? tr("      %1: working").arg(bridge.serverName)
                                : tr("      %1: working (%2)").arg(bridge.serverName, bridge.proofs.join(u"; "_s)));
                continue;
            }
            out << tr("      %1: NOT working: %2").arg(bridge.serverName, bridge.problems.first().message);
            for (const VerifyProblem &problem : bridge.problems)
                for (const EvidenceLine &line : problem.evidence)
                    out << u"          "_s + line.toString();
        }
        for (const VerifyProblem &problem : report.problems) {
            out << u"      "_s + problem.message;
            for (const EvidenceLine &line : problem.evidence)
                out << u"          "_s + line.toString();
        }
        break;
    }
    case EngineEvent::Kind::Warning:
        out << tr("warning: %1").arg(CliAdvice::withAdvice(event.message, event.advice));
        break;
    case EngineEvent::Kind::Meeting: {
        // A block only when something changed: the figures are read every two seconds for as long as the test runs.
        const QStringList lines = event.meeting ? MeetingLines::render(*event.meeting) : QStringList();
        if (lines != std::exchange(m_lastMeeting, lines))
            out << lines;
        break;
    }
    case EngineEvent::Kind::HostStep:
        // Terminal: only a failure stays on screen; the status block shows the rest.
        if (event.hostState == HostState::Failed)
            out << tr("    %1: step %2 failed%3")
                            .arg(event.host, event.step, event.message.isEmpty() ? QString() : u": "_s + event.message);
        break;
    case EngineEvent::Kind::HostLog:
        break;
    }
    return out.isEmpty() ? QString() : out.join(u'\n') + u'\n';
}

QString EventRenderer::renderLines(const EngineEvent &event)
{
    switch (event.kind) {
    case EngineEvent::Kind::HostLog: {
        QString text;
        for (const QString &line : event.lines)
            text += u"    "_s + event.host + u" | "_s + line + u'\n';
        return text;
    }
    case EngineEvent::Kind::HostStep: {
        QStringList what;
        if (event.stepIndex > 0 && event.stepCount > 0)
            what << u"%1/%2"_s.arg(event.stepIndex).arg(event.stepCount);
        if (!event.step.isEmpty())
            what << event.step;
        what << hostStateText(event.hostState);
        QString line
                = u"    "_s + progressBar(m_progress->progress(), 20) + u' ' + event.host + u": "_s + what.join(u' ');
        const QString message = event.hostState == HostState::Waiting ? waitingText(event.message, event.elapsedSeconds)
                                                                      : event.message;
        if (!message.isEmpty())
            line += u": "_s + message;
        return line + u'\n';
    }
    case EngineEvent::Kind::DnsCheck:
        // Every round: a log shows how long DNS took and what the resolver said meanwhile.
        return dnsCheckLine(event) + u'\n';
    case EngineEvent::Kind::Phase:
    case EngineEvent::Kind::Resource:
    case EngineEvent::Kind::DnsRecords:
    case EngineEvent::Kind::Verification:
    case EngineEvent::Kind::Warning:
    case EngineEvent::Kind::Meeting:
        break;
    }
    return permanentText(event);
}

QString EventRenderer::hostLine(const HostProgress &host) const
{
    QString line = u"    "_s + host.host.leftJustified(hostNameColumn - 1) + u' ';
    if (host.stepCount > 0)
        line += u"[%1/%2] "_s.arg(host.stepIndex).arg(host.stepCount);
    line += host.step;
    if (host.state == HostState::Failed) {
        line += u' ' + tr("FAILED");
    } else if (host.state == HostState::Waiting) {
        // What it waits for says more than its last log line.
        const QString reason = waitingText(host.waitingReason, host.waitedSeconds);
        line += (host.step.isEmpty() ? QString() : u" "_s)
                + (reason.isEmpty() ? tr("(waiting)") : tr("(waiting: %1)").arg(reason));
        return line.size() >= m_width ? line.left(m_width - 2) + u'~' : line;
    }
    if (!host.lastLine.isEmpty())
        line += u"  "_s + host.lastLine;
    // One terminal row per line, or the count of lines to erase would be wrong after a wrap.
    if (line.size() >= m_width)
        line = line.left(m_width - 2) + u'~';
    return line;
}

QString EventRenderer::statusBlock() const
{
    const std::optional<Phase> phase = m_progress->phase();
    QString block = progressBar(m_progress->progress(), std::min(40, m_width - 20)) + u"  "_s
                    + (phase ? phaseTitle(*phase) : QString());
    if (block.size() >= m_width)
        block = block.left(m_width - 1);
    block += u'\n';
    for (const QString &name : m_progress->hosts())
        block += hostLine(m_progress->host(name)) + u'\n';
    return block;
}

QString EventRenderer::render(const EngineEvent &event)
{
    switch (m_style) {
    case Style::Json:
        // The same objects as the run's log (RunLog): the advice as its kind ("advice"), for a program to act on.
        return redacted(QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact))) + u'\n';
    case Style::Lines:
        return redacted(renderLines(event));
    case Style::Terminal:
        break;
    }
    const QString permanent = permanentText(event);
    QString text = eraseUp(m_blockLines) + permanent;
    if (m_progress->isComplete()) {
        m_blockLines = 0;
        return redacted(text);
    }
    const QString block = statusBlock();
    m_blockLines = int(block.count(u'\n'));
    return redacted(text + block);
}

QString EventRenderer::clearStatus()
{
    if (m_style != Style::Terminal)
        return {};
    const QString text = eraseUp(m_blockLines);
    m_blockLines = 0;
    return text;
}
