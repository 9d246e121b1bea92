#include "deploy/verifierlogs_p.h"

#include "common/redactor.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace VerifierLogs {

// The non-blank lines of an excerpt, in file order.
QList<Line> contentLines(const LogExcerpt &log)
{
    QList<Line> lines;
    int previous = 0;
    bool contiguous = true;
    for (const LogExcerpt::Line &line : log.lines) {
        contiguous = contiguous && line.number == previous + 1;
        previous = line.number;
        if (line.text.trimmed().isEmpty())
            continue;
        lines.append({line.number, line.text, contiguous});
        contiguous = true;
    }
    return lines;
}

EvidenceLine quote(const QString &source, const Line &line)
{
    // Logs are not supposed to hold secrets, but a misconfigured host could echo one: blank what we know.
    QString text = Redactor::instance().redact(line.text.trimmed());
    if (text.size() > maxQuotedLength)
        text = text.left(maxQuotedLength) + u'…';
    return {source, line.number, text};
}

bool containsCi(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

ProsodyAnalysis analyseProsody(const LogExcerpt &text, const QString &domain)
{
    static const QRegularExpression newConnection(uR"(^New connection FD \d+ \(([^,]+), \d+, [^,]+, 5222\))"_s);
    const QString jvbJid = u"jvb@auth."_s + domain;

    ProsodyAnalysis result;
    QList<ProsodySession> sessions;
    QHash<QString, qsizetype> open; // source -> index in sessions
    std::optional<Line> pendingPeer;
    QString pendingIp;

    for (const Line &line : contentLines(text)) {
        const QStringList fields = line.text.split(u'\t');
        if (fields.size() < 3)
            continue;
        result.empty = false;
        const QString source = fields.at(0).trimmed().section(u' ', -1);
        const QString message = fields.mid(2).join(u'\t').trimmed();

        // Prosody's start banner (util/startup.lua): every session before it died with the old process.
        if (message.startsWith(u"Hello and welcome to "_s, Qt::CaseInsensitive)) {
            sessions.clear();
            open.clear();
            pendingPeer.reset();
            result.restart = line;
            continue;
        }
        if (const auto match = newConnection.match(message); match.hasMatch()) {
            pendingPeer = line;
            pendingIp = match.captured(1).trimmed();
            continue;
        }
        if (message == u"Client connected"_s) {
            ProsodySession session;
            session.id = source;
            session.connected = line;
            // server_epoll logs the peer right before mod_c2s greets the same connection.
            if (pendingPeer) {
                session.peer = pendingPeer;
                session.peerIp = pendingIp;
                pendingPeer.reset();
            }
            open.insert(source, sessions.size());
            sessions.append(session);
            continue;
        }
        if (message.startsWith(u"Authenticated as "_s)) {
            // 0.12: "Authenticated as jvb@auth.d"; 13 appends " [prosody:member]".
            const QString jid = message.mid(17).section(u' ', 0, 0);
            if (jid.compare(jvbJid, Qt::CaseInsensitive) != 0)
                continue;
            if (!open.contains(source)) { // the connect line was rotated away
                ProsodySession session;
                session.id = source;
                open.insert(source, sessions.size());
                sessions.append(session);
            }
            sessions[open.value(source)].authenticated = line;
            continue;
        }
        if (message.startsWith(u"Client disconnected"_s) && open.contains(source)) {
            sessions[open.take(source)].disconnected = line;
            continue;
        }
    }
    for (const ProsodySession &session : std::as_const(sessions)) {
        if (session.authenticated)
            result.jvbSessions.append(session);
    }
    return result;
}

JicofoAnalysis analyseJicofo(const LogExcerpt &text, const QString &domain)
{
    static const QRegularExpression addedBridge(uR"(Added new videobridge: Bridge\[jid=([^,\]\s]+))"_s);
    static const QRegularExpression breweryInstance(uR"(Added brewery instance: (\S+))"_s);
    static const QRegularExpression removed(uR"((?:Removed brewery instance|Removing JVB|Lost a bridge): (\S+))"_s);
    const QString brewery = u"jvbbrewery@internal.auth."_s + domain;

    // The nickname is the brewery occupant's resource; occupants of other rooms are not bridges of ours.
    auto nicknameOf = [&](const QString &jid) -> std::optional<QString> {
        const qsizetype slash = jid.indexOf(u'/');
        if (slash < 0 || jid.left(slash).compare(brewery, Qt::CaseInsensitive) != 0)
            return std::nullopt;
        return jid.mid(slash + 1);
    };

    JicofoAnalysis result;
    for (const Line &line : contentLines(text)) {
        result.empty = false;
        // Jicofo (re)joining the brewery starts over: it re-adds every bridge present.
        if (line.text.contains(u"Joined the room."_s) && containsCi(line.text, brewery)) {
            result.byNickname.clear();
            continue;
        }
        if (const auto m = addedBridge.match(line.text); m.hasMatch()) {
            if (const auto nick = nicknameOf(m.captured(1))) {
                JicofoBridge &bridge = result.byNickname[*nick];
                bridge.added = line;
                bridge.removed.reset();
                bridge.live = true;
            }
        } else if (const auto b = breweryInstance.match(line.text); b.hasMatch()) {
            if (const auto nick = nicknameOf(b.captured(1)))
                result.byNickname[*nick].brewery = line;
        } else if (const auto r = removed.match(line.text); r.hasMatch()) {
            if (const auto nick = nicknameOf(r.captured(1))) {
                JicofoBridge &bridge = result.byNickname[*nick];
                if (bridge.live || !bridge.removed) // quote the first line of one removal sequence
                    bridge.removed = line;
                bridge.live = false;
            }
        }
    }
    return result;
}

JvbAnalysis analyseJvb(const LogExcerpt &text, const QString &domain)
{
    static const QRegularExpression nicknameInConfig(uR"(mucNickname=([^\s,\]]+))"_s,
                                                     QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression certificateProblem(uR"(certificat|PKIX|SSLHandshake|SSLException|CertPath)"_s,
                                                       QRegularExpression::CaseInsensitiveOption);
    const QString brewery = u"jvbbrewery@internal.auth."_s + domain;

    JvbAnalysis result;
    bool detailPending = false; // java.util.logging writes a throwable on the lines after its message
    for (const Line &line : contentLines(text)) {
        result.empty = false;
        const QString &t = line.text;
        detailPending = detailPending && line.adjacent; // the detail is the very next line, or there is none
        if (!t.startsWith(u"JVB "_s) && detailPending && !(containsCi(t, u"conflict"_s) && containsCi(t, brewery))) {
            detailPending = false;
            result.outcomeDetail = line;
            if (result.state == JvbState::ConnectFailed && certificateProblem.match(t).hasMatch())
                result.state = JvbState::CertificateFailed;
            continue;
        }
        detailPending = false;
        if (t.contains(u"Initializing a new MucClient for"_s)) {
            // A new MucClient is a new run of the bridge: what happened before no longer counts.
            result = JvbAnalysis{};
            result.empty = false;
            result.state = JvbState::Connecting;
            result.start = line;
            if (const auto m = nicknameInConfig.match(t); m.hasMatch())
                result.loggedNickname = m.captured(1);
            continue;
        }
        if (result.state == JvbState::NoRun) // lines of a run whose start was rotated away still count
            result.state = JvbState::Connecting;
        auto decide = [&](JvbState state) {
            result.state = state;
            result.outcome = line;
            result.outcomeDetail.reset();
            detailPending = true;
        };
        if (t.contains(u"Joined MUC: "_s) && containsCi(t, brewery)) {
            decide(JvbState::Joined);
        } else if (t.contains(u"Failed to login"_s)) {
            decide(JvbState::LoginFailed);
        } else if (t.contains(u"Error connecting"_s)) {
            decide(certificateProblem.match(t).hasMatch() ? JvbState::CertificateFailed : JvbState::ConnectFailed);
        } else if (containsCi(t, u"conflict"_s) && containsCi(t, brewery)) {
            decide(JvbState::Conflict);
        } else if (t.contains(u"Authenticated, resumed="_s)) {
            result.progress.append(line);
            if (result.state == JvbState::LoginFailed) // a retry got through
                result.state = JvbState::Connecting;
        } else if (t.contains(u"Connected. isSmEnabled"_s)) {
            result.progress.append(line);
            if (result.state == JvbState::ConnectFailed || result.state == JvbState::CertificateFailed)
                result.state = JvbState::Connecting;
        } else if (t.contains(u"Logging in."_s) || t.contains(u"Disabling certificate verification!"_s)) {
            result.progress.append(line);
        }
    }
    return result;
}

} // namespace VerifierLogs
