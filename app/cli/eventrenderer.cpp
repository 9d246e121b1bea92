#include "eventrenderer.h"

#include "common/redactor.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
constexpr int recentLinesKept = 8;
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

EventRenderer::EventRenderer(Style style, int terminalWidth)
    : m_style(style)
    , m_width(std::max(terminalWidth, 40))
{ }

QString EventRenderer::phaseTitle(const QString &phase)
{
    if (phase == u"validate"_s)
        return tr("Checking the plan against the project");
    if (phase == u"resources"_s)
        return tr("Creating the cloud resources");
    if (phase == u"hosts"_s)
        return tr("Installing the servers");
    if (phase == u"dns"_s)
        return tr("Checking the DNS records");
    if (phase == u"certificate"_s)
        return tr("Getting the certificate");
    if (phase == u"verify"_s)
        return tr("Verifying the bridges");
    if (phase == u"drain"_s)
        return tr("Draining the bridge");
    if (phase == u"delete"_s)
        return tr("Deleting resources");
    if (phase == u"done"_s)
        return tr("Done");
    return phase;
}

QString EventRenderer::progressBar(double fraction, int width)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int filled = int(std::floor(fraction * width));
    const int percent = int(std::floor(fraction * 100));
    return u'[' + QString(filled, u'#') + QString(width - filled, u'-') + u"] "_s
           + QString::number(percent).rightJustified(3) + u'%';
}

double EventRenderer::progress() const
{
    if (m_complete)
        return 1.0;
    if (m_hostOrder.isEmpty())
        return 0.0;
    double sum = 0;
    for (const QString &name : m_hostOrder) {
        const HostState &host = m_hosts[name];
        if (host.stepCount > 0)
            sum += double(std::min(host.done, host.stepCount)) / host.stepCount;
    }
    return sum / double(m_hostOrder.size());
}

QStringList EventRenderer::lastLogLines(const QString &host) const
{
    QStringList lines;
    for (const QString &line : m_hosts.value(host).recent)
        lines << redacted(line);
    return lines;
}

void EventRenderer::track(const EngineEvent &event)
{
    switch (event.kind) {
    case EngineEvent::Kind::Phase:
        m_phase = event.phase;
        m_complete = event.phase == u"done"_s;
        return;
    case EngineEvent::Kind::HostStep: {
        if (event.host.isEmpty())
            return;
        if (!m_hosts.contains(event.host))
            m_hostOrder.append(event.host);
        HostState &host = m_hosts[event.host];
        // A host runs several tasks (install, then firewall or certificate); a new step count is a new task.
        if (event.stepCount != host.stepCount || (event.stepIndex > 0 && event.stepIndex < host.stepIndex))
            host.done = 0;
        host.step = event.step;
        host.state = event.state;
        host.stepIndex = event.stepIndex;
        host.stepCount = event.stepCount;
        if (event.state == u"succeeded"_s || event.state == u"skipped"_s)
            host.done = event.stepIndex > 0 ? std::max(host.done, event.stepIndex) : host.done + 1;
        if (event.state == u"failed"_s)
            m_failed = FailedStep{event.host, event.step, event.message};
        return;
    }
    case EngineEvent::Kind::HostLog: {
        if (event.host.isEmpty() || event.lines.isEmpty())
            return;
        if (!m_hosts.contains(event.host))
            m_hostOrder.append(event.host);
        HostState &host = m_hosts[event.host];
        host.recent += event.lines;
        if (host.recent.size() > recentLinesKept)
            host.recent = host.recent.mid(host.recent.size() - recentLinesKept);
        for (auto it = event.lines.crbegin(); it != event.lines.crend(); ++it) {
            if (!it->trimmed().isEmpty()) {
                host.lastLine = it->trimmed();
                break;
            }
        }
        return;
    }
    default:
        return;
    }
}

QString EventRenderer::permanentText(const EngineEvent &event) const
{
    QStringList out;
    switch (event.kind) {
    case EngineEvent::Kind::Phase:
        out << u"==> "_s + (event.message.isEmpty() ? phaseTitle(event.phase) : event.message);
        break;
    case EngineEvent::Kind::Resource: {
        QString state = event.state;
        if (state == u"creating"_s)
            state = tr("creating");
        else if (state == u"created"_s)
            state = tr("created");
        else if (state == u"exists"_s)
            state = tr("exists already, reused");
        else if (state == u"deleting"_s)
            state = tr("deleting");
        else if (state == u"deleted"_s)
            state = tr("deleted");
        out << u"    "_s + event.resource + u": "_s + state
                        + (event.message.isEmpty() ? QString() : u" ("_s + event.message + u')');
        break;
    }
    case EngineEvent::Kind::DnsRecords:
        out << (event.state == u"created"_s
                        ? tr("    DNS records created in the project's DNS zone:")
                        : tr("    Create these DNS records at your DNS provider (the certificate waits for them):"));
        for (const DnsRecord &record : event.records)
            out << u"      "_s + record.toZoneLine();
        if (!event.message.isEmpty())
            out << u"    "_s + event.message;
        break;
    case EngineEvent::Kind::Verification: {
        if (!event.report)
            break;
        const VerificationReport &report = *event.report;
        out << (report.ok() ? tr("    Verified: all %n bridge(s) are connected.", nullptr, int(report.bridges.size()))
                            : tr("    Verification failed:"));
        for (const BridgeVerdict &bridge : report.bridges) {
            if (bridge.ok()) {
                out << tr("      %1: working").arg(bridge.serverName);
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
        out << tr("warning: %1").arg(event.message);
        break;
    case EngineEvent::Kind::HostStep:
        // Terminal: only a failure stays on screen; the status block shows the rest.
        if (event.state == u"failed"_s)
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
    if (event.kind == EngineEvent::Kind::HostLog) {
        QString text;
        for (const QString &line : event.lines)
            text += u"    "_s + event.host + u" | "_s + line + u'\n';
        return text;
    }
    if (event.kind == EngineEvent::Kind::HostStep) {
        const QString position = event.stepIndex > 0 && event.stepCount > 0
                                         ? u"%1/%2 "_s.arg(event.stepIndex).arg(event.stepCount)
                                         : QString();
        QString state = event.state;
        if (state == u"started"_s)
            state = tr("started");
        else if (state == u"skipped"_s)
            state = tr("already done, skipped");
        else if (state == u"succeeded"_s)
            state = tr("done");
        else if (state == u"failed"_s)
            state = tr("FAILED");
        else if (state == u"waiting"_s)
            state = tr("waiting");
        QString line = u"    "_s + progressBar(progress(), 20) + u' ' + event.host + u": "_s + position + event.step
                       + u' ' + state;
        if (!event.message.isEmpty())
            line += u": "_s + event.message;
        return line + u'\n';
    }
    return permanentText(event);
}

QString EventRenderer::hostLine(const QString &name, const HostState &host) const
{
    QString line = u"    "_s + name.leftJustified(hostNameColumn - 1) + u' ';
    if (host.stepCount > 0)
        line += u"[%1/%2] "_s.arg(host.stepIndex).arg(host.stepCount);
    line += host.step;
    if (host.state == u"failed"_s)
        line += u' ' + tr("FAILED");
    else if (host.state == u"waiting"_s)
        line += u' ' + tr("(waiting)");
    if (!host.lastLine.isEmpty())
        line += u"  "_s + host.lastLine;
    // One terminal row per line, or the count of lines to erase would be wrong after a wrap.
    if (line.size() >= m_width)
        line = line.left(m_width - 2) + u'~';
    return line;
}

QString EventRenderer::statusBlock() const
{
    QString block = progressBar(progress(), std::min(40, m_width - 20)) + u"  "_s + phaseTitle(m_phase);
    if (block.size() >= m_width)
        block = block.left(m_width - 1);
    block += u'\n';
    for (const QString &name : m_hostOrder)
        block += hostLine(name, m_hosts[name]) + u'\n';
    return block;
}

QString EventRenderer::render(const EngineEvent &event)
{
    track(event);
    switch (m_style) {
    case Style::Json:
        return redacted(QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact))) + u'\n';
    case Style::Lines:
        return redacted(renderLines(event));
    case Style::Terminal:
        break;
    }
    const QString permanent = permanentText(event);
    QString text = eraseUp(m_blockLines) + permanent;
    if (m_complete) {
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
