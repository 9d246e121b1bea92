#include "deploy/provisionsteps.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString ProvisionSteps::taskName(ProvisionTask task, HostRole role)
{
    switch (task) {
    case ProvisionTask::Install:
        return role == HostRole::Web ? u"install-web"_s : u"install-bridge"_s;
    case ProvisionTask::Firewall:
        return u"firewall"_s;
    case ProvisionTask::Certificate:
        return u"certificate"_s;
    }
    return {};
}

QStringList ProvisionSteps::steps(ProvisionTask task, HostRole role)
{
    switch (task) {
    case ProvisionTask::Install:
        if (role == HostRole::Web)
            return {u"wait-cloud-init"_s,  u"check-system"_s, u"check-repository"_s, u"preseed"_s,
                    u"install-packages"_s, u"register-jvb"_s, u"configure-jicofo"_s, u"turn"_s,
                    u"meeting-access"_s,   u"firewall"_s,     u"check-services"_s};
        return {u"wait-cloud-init"_s, u"check-system"_s,     u"check-repository"_s,
                u"preseed"_s,         u"install-packages"_s, u"trust-prosody-certificate"_s,
                u"configure-jvb"_s,   u"restart-and-join"_s};
    case ProvisionTask::Firewall:
        return {u"firewall"_s};
    case ProvisionTask::Certificate:
        return {u"certificate"_s};
    }
    return {};
}

QString ProvisionSteps::bridgePackagesPhaseLastStep()
{
    return u"install-packages"_s;
}

namespace {

// One marker line (without its line end) as an event; nullopt when it is not a well-formed marker, so the
// caller keeps it as output. Trailing fields (time=...) are ignored: the format may grow.
std::optional<ProvisionLogEvent> parseMarker(const QString &line)
{
    using Kind = ProvisionLogEvent::Kind;
    static const QRegularExpression run(u"\\A@@run (start|end) (\\S+)(?: rc=(-?\\d+))?(?: .*)?\\z"_s);
    static const QRegularExpression step(u"\\A@@step (start|skip|end) (\\S+)(?: rc=(-?\\d+))?(?: .*)?\\z"_s);
    static const QRegularExpression error(u"\\A@@error (\\S+)(?: (.*))?\\z"_s);

    ProvisionLogEvent event;
    if (const QRegularExpressionMatch m = run.match(line); m.hasMatch()) {
        const bool end = m.captured(1) == u"end"_s;
        if (end == m.captured(3).isEmpty()) // "end" needs rc=, "start" has none
            return std::nullopt;
        event.kind = end ? Kind::RunEnded : Kind::RunStarted;
        event.name = m.captured(2);
        event.rc = end ? m.captured(3).toInt() : 0;
        return event;
    }
    if (const QRegularExpressionMatch m = step.match(line); m.hasMatch()) {
        const QString verb = m.captured(1);
        const bool end = verb == u"end"_s;
        if (end == m.captured(3).isEmpty())
            return std::nullopt;
        event.kind = end ? Kind::StepEnded : verb == u"skip"_s ? Kind::StepSkipped : Kind::StepStarted;
        event.name = m.captured(2);
        event.rc = end ? m.captured(3).toInt() : 0;
        return event;
    }
    if (const QRegularExpressionMatch m = error.match(line); m.hasMatch()) {
        event.kind = Kind::StepError;
        event.name = m.captured(1);
        event.text = m.captured(2);
        return event;
    }
    return std::nullopt;
}

} // namespace

ProvisionLogParser::ProvisionLogParser(qint64 startOffset)
    : m_offset(startOffset)
{ }

QList<ProvisionLogEvent> ProvisionLogParser::feed(const QByteArray &bytes)
{
    QList<ProvisionLogEvent> events;
    m_partial.append(bytes);
    qsizetype start = 0;
    for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n', start)) {
        QByteArrayView raw(m_partial.constData() + start, end - start);
        m_offset += raw.size() + 1;
        start = end + 1;
        if (raw.endsWith('\r'))
            raw.chop(1);
        // Invalid UTF-8 (a command's output can be anything) becomes U+FFFD; markers are plain ASCII.
        const QString line = QString::fromUtf8(raw);
        ProvisionLogEvent event;
        if (line.startsWith(u"@@"_s)) {
            if (std::optional<ProvisionLogEvent> marker = parseMarker(line))
                event = *marker;
            else
                event.text = line;
        } else {
            event.text = line;
        }
        event.endOffset = m_offset;
        events.append(std::move(event));
    }
    m_partial.remove(0, start);
    return events;
}

qint64 ProvisionLogParser::offset() const
{
    return m_offset;
}
