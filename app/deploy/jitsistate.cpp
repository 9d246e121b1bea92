#include "deploy/jitsistate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

std::optional<int> intOf(const QMap<QString, double> &samples, const QString &name)
{
    const auto it = samples.constFind(name);
    if (it == samples.cend() || !std::isfinite(*it))
        return std::nullopt;
    return int(std::llround(*it));
}

std::optional<qint64> counterOf(const QMap<QString, double> &samples, const QString &name)
{
    const auto it = samples.constFind(name);
    if (it == samples.cend() || !std::isfinite(*it) || *it < 0)
        return std::nullopt;
    return qint64(std::llround(*it));
}

std::optional<double> doubleOf(const QMap<QString, double> &samples, const QString &name)
{
    const auto it = samples.constFind(name);
    if (it == samples.cend() || std::isnan(*it))
        return std::nullopt;
    return *it;
}

std::optional<bool> boolOf(const QMap<QString, double> &samples, const QString &name)
{
    const auto it = samples.constFind(name);
    if (it == samples.cend() || std::isnan(*it))
        return std::nullopt;
    return *it != 0.0;
}

} // namespace

// ---- jicofo ----

// jicofo/src/main/kotlin/org/jitsi/jicofo/JicofoServices.kt getDebugState(): "bridge_selector" is
// BridgeSelector.debugState (jicofo-selector/.../bridge/BridgeSelector.kt): {"strategy", "bridge": {<jid>:
// Bridge.debugState}}; Bridge.debugState (jicofo-selector/.../bridge/Bridge.kt) has "operational", "healthy",
// "drain", "graceful-shutdown", "stress", "version" among others. Served on /debug when jicofo.rest.debug.enabled
// (default true, jicofo/src/main/resources/reference.conf).
std::optional<QList<JicofoBridgeView>> JicofoState::parseDebug(const QByteArray &json)
{
    const QJsonObject selector = QJsonDocument::fromJson(json).object().value(u"bridge_selector"_s).toObject();
    const QJsonValue bridgesValue = selector.value(u"bridge"_s);
    if (!bridgesValue.isObject())
        return std::nullopt;
    const QJsonObject bridges = bridgesValue.toObject();
    QList<JicofoBridgeView> views;
    for (auto it = bridges.constBegin(); it != bridges.constEnd(); ++it) {
        const QJsonObject b = it.value().toObject();
        JicofoBridgeView view;
        view.jid = it.key();
        view.nickname = it.key().section(u'/', 1);
        view.operational = b.value(u"operational"_s).toBool(false);
        if (b.value(u"healthy"_s).isBool())
            view.healthy = b.value(u"healthy"_s).toBool();
        view.draining = b.value(u"drain"_s).toBool(false);
        view.gracefulShutdown = b.value(u"graceful-shutdown"_s).toBool(false);
        if (b.value(u"stress"_s).isDouble())
            view.stress = b.value(u"stress"_s).toDouble();
        view.version = b.value(u"version"_s).toString();
        views.append(view);
    }
    return views;
}

// JicofoServices.getStats(): "bridge_selector" is BridgeSelector.stats: bridge_count, operational_bridge_count,
// in_shutdown_bridge_count, lost_bridges, bridge_version_count.
bool JicofoState::readStats(const QByteArray &json)
{
    const QJsonObject selector = QJsonDocument::fromJson(json).object().value(u"bridge_selector"_s).toObject();
    const QJsonValue total = selector.value(u"bridge_count"_s);
    const QJsonValue operational = selector.value(u"operational_bridge_count"_s);
    if (total.isDouble())
        bridgeCount = total.toInt();
    if (operational.isDouble())
        operationalBridgeCount = operational.toInt();
    return operational.isDouble();
}

const JicofoBridgeView *JicofoState::find(const QString &breweryJid, const QString &nickname) const
{
    const QString jid = breweryJid + u'/' + nickname;
    for (const JicofoBridgeView &view : bridges) {
        if (view.jid.compare(jid, Qt::CaseInsensitive) == 0)
            return &view;
    }
    return nullptr;
}

// ---- jvb ----

bool JvbMetrics::any() const
{
    return conferences || endpoints || stress || drainMode || gracefulShutdown || mucClientsConnected || mucsJoined
           || iceSucceeded || dataChannelMessagesReceived || conferencesCreated;
}

QMap<QString, double> JvbMetrics::samples(const QByteArray &text)
{
    static const QRegularExpression sample(uR"(^([A-Za-z_:][A-Za-z0-9_:]*)(\{[^}]*\})?\s+(\S+))"_s);
    QMap<QString, double> result;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto m = sample.match(line);
        if (!m.hasMatch())
            continue;
        const QString value = m.captured(3);
        bool ok = false;
        double number = value.toDouble(&ok);
        if (!ok) { // Prometheus spells the specials this way
            if (value == u"NaN"_s)
                number = std::nan("");
            else if (value == u"+Inf"_s)
                number = INFINITY;
            else if (value == u"-Inf"_s)
                number = -INFINITY;
            else
                continue;
        }
        if (!m.hasCaptured(2) || !result.contains(m.captured(1))) // an unlabelled sample wins
            result.insert(m.captured(1), number);
    }
    return result;
}

// Names: jitsi-videobridge's VideobridgeMetricsContainer registers everything in the namespace "jitsi_jvb"
// (jvb/src/main/kotlin/org/jitsi/videobridge/metrics/VideobridgeMetricsContainer.kt). Gauges:
// "conferences", "stress", "graceful_shutdown", "drain_mode" (metrics/VideobridgeMetrics.kt), "current_endpoints"
// (metrics/VideobridgePeriodicMetrics.kt), "muc_clients_connected" and "mucs_joined"
// (xmpp/XmppConnection.kt). Booleans are 0/1 gauges.
// Counters (read in github.com/jitsi/jitsi-videobridge a29d97d): "ice_succeeded"
// (jvb/src/main/kotlin/org/jitsi/videobridge/transport/ice/IceTransport.kt ~1006), "data_channel_messages_received"
// and "conferences_created" (metrics/VideobridgeMetrics.kt ~47-53). jicoco's MetricsContainer.registerCounter adds
// the suffix "_total" to a counter's name (github.com/jitsi/jicoco e8384e2,
// jicoco-metrics/src/main/kotlin/org/jitsi/metrics/MetricsContainer.kt ~160), and Prometheus' simpleclient exposes
// the sample under that name, so /metrics shows jitsi_jvb_ice_succeeded_total etc.
JvbMetrics JvbMetrics::parse(const QByteArray &text)
{
    const QMap<QString, double> s = samples(text);
    JvbMetrics m;
    m.conferences = intOf(s, u"jitsi_jvb_conferences"_s);
    m.endpoints = intOf(s, u"jitsi_jvb_current_endpoints"_s);
    m.stress = doubleOf(s, u"jitsi_jvb_stress"_s);
    m.drainMode = boolOf(s, u"jitsi_jvb_drain_mode"_s);
    m.gracefulShutdown = boolOf(s, u"jitsi_jvb_graceful_shutdown"_s);
    m.mucClientsConnected = intOf(s, u"jitsi_jvb_muc_clients_connected"_s);
    m.mucsJoined = intOf(s, u"jitsi_jvb_mucs_joined"_s);
    m.iceSucceeded = counterOf(s, u"jitsi_jvb_ice_succeeded_total"_s);
    m.dataChannelMessagesReceived = counterOf(s, u"jitsi_jvb_data_channel_messages_received_total"_s);
    m.conferencesCreated = counterOf(s, u"jitsi_jvb_conferences_created_total"_s);
    return m;
}

// ---- prosody ----

QString ProsodyLoginLine::sessionId() const
{
    // "Dec 03 12:03:04 c2s55d0d3b4f9a0\tinfo\tAuthenticated as …": the source is the last word before the tab.
    return text.section(u'\t', 0, 0).trimmed().section(u' ', -1);
}

// mod_admin_shell.lua (prosody 0.12) c2s:show() prints one header row, then one row per session, cells padded to
// their width and joined with " | " (util/human/io.lua table()); the shell then prints "OK: N c2s sessions shown".
// Our columns (StateQuery::prosodySessions) are: Session ID, JID, IP address.
std::optional<QList<ProsodyLiveSession>> ProsodyState::parseSessions(const QStringList &output)
{
    static const QString separator = u" | "_s;
    qsizetype header = -1;
    for (qsizetype i = 0; i < output.size() && header < 0; ++i) {
        const QStringList cells = output.at(i).split(separator);
        if (cells.size() == 3 && cells.at(0).trimmed() == u"Session ID"_s && cells.at(1).trimmed() == u"JID"_s)
            header = i;
    }
    if (header < 0)
        return std::nullopt;
    QList<ProsodyLiveSession> sessions;
    for (qsizetype i = header + 1; i < output.size(); ++i) {
        const QString &line = output.at(i);
        if (line.startsWith(u"OK: "_s))
            break;
        const QStringList cells = line.split(separator);
        if (cells.size() != 3 || !cells.at(0).startsWith(u"c2s"_s))
            continue;
        sessions.append({cells.at(0).trimmed(), cells.at(1).trimmed(), cells.at(2).trimmed()});
    }
    return sessions;
}

QList<ProsodyLoginLine> ProsodyState::parseLogins(const QStringList &output)
{
    QList<ProsodyLoginLine> logins;
    QString file;
    for (const QString &line : output) {
        if (line.startsWith(u"@@file "_s)) {
            file = line.mid(7).trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(u':');
        bool ok = false;
        const int number = colon > 0 ? line.left(colon).toInt(&ok) : 0;
        if (!ok || file.isEmpty() || !line.contains(u"\tAuthenticated as "_s))
            continue;
        logins.append({file, number, line.mid(colon + 1)});
    }
    return logins;
}

QMap<QString, QString> parsePackageVersions(const QStringList &output)
{
    QMap<QString, QString> versions;
    for (const QString &line : output) {
        const QStringList fields = line.split(u'\t');
        // db:Status-Abbrev "ii " = desired install, installed; "rc " (removed, config left) is not installed.
        if (fields.size() == 3 && fields.at(1).startsWith(u"ii"_s) && !fields.at(2).trimmed().isEmpty())
            versions.insert(fields.at(0).trimmed(), fields.at(2).trimmed());
    }
    return versions;
}

// ---- commands ----

StateQuery StateQuery::prosodySessions()
{
    return {Kind::ProsodySessions, {}};
}

StateQuery StateQuery::prosodyLogins(const QStringList &sessionIds)
{
    return {Kind::ProsodyLogins, sessionIds};
}

StateQuery StateQuery::packageVersions(const QStringList &packages)
{
    return {Kind::PackageVersions, packages};
}

QStringList StateQuery::jitsiPackages()
{
    return {u"jicofo"_s, u"jitsi-meet-web"_s, u"jitsi-meet-prosody"_s, u"prosody"_s, u"jitsi-videobridge2"_s};
}

QString StateQuery::prosodySessionsLua()
{
    return u"c2s:show(nil, {\"id\"; {title=\"JID\"; key=\"full_jid\"; width=200}; \"ip\"})"_s;
}

QString StateQuery::command(const QString &root) const
{
    switch (kind) {
    case Kind::ProsodySessions:
        // No JID filter: c2s:show's first argument must equal a full JID. The JID column is wide so that no JID
        // is cut with "…" (the default "jid" column is 32 wide). Read-only: the shell only lists sessions.
        return u"command -v prosodyctl >/dev/null || exit 0\n"
               "timeout 30 prosodyctl shell "_s
               + shellQuote(prosodySessionsLua()) + u" 2>&1 || true\n"_s;
    case Kind::ProsodyLogins: {
        if (arguments.isEmpty())
            return u"exit 0\n"_s;
        // Newest first: prosody.log, prosody.log.1 (delaycompress), then prosody.log.N.gz (Debian's logrotate:
        // weekly, rotate 52, compress). Stops after the file where the last session's login was found.
        QString command = u"cd "_s + shellQuote(root + u"/var/log/prosody"_s)
                          + u" 2>/dev/null || exit 0\nexport LC_ALL=C\nwant="_s + QString::number(arguments.size())
                          + u"\nfound=0\n"
                            "for f in prosody.log prosody.log.1 $(ls prosody.log.*.gz 2>/dev/null | sort -t. -k3,3n); "
                            "do\n  [ -f \"$f\" ] || continue\n  echo \"@@file $f\"\n"
                            "  case $f in *.gz) r=zcat ;; *) r=cat ;; esac\n"
                            "  out=$($r -- \"$f\" | grep -a -n -F"_s;
        for (const QString &id : arguments)
            command += u" -e "_s + shellQuote(id + u"\tinfo\tAuthenticated as "_s);
        command += u")\n  [ -n \"$out\" ] && printf '%s\\n' \"$out\"\n"
                   "  found=$((found + $(printf '%s' \"$out\" | grep -c . )))\n"
                   "  [ \"$found\" -ge \"$want\" ] && break\ndone\nexit 0\n"_s;
        return command;
    }
    case Kind::PackageVersions: {
        QString command = u"dpkg-query -W -f='${Package}\\t${db:Status-Abbrev}\\t${Version}\\n'"_s;
        for (const QString &package : arguments)
            command += u' ' + shellQuote(package);
        return command + u" 2>/dev/null || true\n"_s;
    }
    }
    return {};
}
