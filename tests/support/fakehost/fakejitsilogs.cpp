#include "fakejitsilogs.h"

#include <QCryptographicHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace FakeJitsiLogs {

namespace {

QByteArray lines(const QStringList &texts)
{
    QByteArray bytes;
    for (const QString &text : texts)
        bytes += text.toUtf8() + '\n';
    return bytes;
}

QString prosody(const QDateTime &time, const QString &source, const QString &message)
{
    // prosody's "%b %d %H:%M:%S": English month names whatever the locale.
    return QLocale::c().toString(time.toUTC(), u"MMM dd HH:mm:ss"_s) + u' ' + source + u"\tinfo\t"_s + message;
}

QString javaTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString jicofo(const QDateTime &time, const QString &level, const QString &rest)
{
    return u"Jicofo "_s + javaTime(time) + u' ' + level + u": [41] "_s + rest;
}

QString brewery(const QString &domain)
{
    return u"jvbbrewery@internal.auth."_s + domain;
}

QString jvb(const QDateTime &time, const QString &level, const QString &xmppHost, const QString &rest)
{
    return u"JVB "_s + javaTime(time) + u' ' + level + u": [37] [hostname="_s + xmppHost + u" id=shard] "_s + rest;
}

} // namespace

QByteArray prosodyStarted(const QDateTime &time)
{
    return lines({prosody(time, u"startup"_s, u"Hello and welcome to Prosody version 0.12.3"_s),
                  prosody(time, u"startup"_s, u"Prosody is using the epoll backend for connection handling"_s),
                  prosody(time, u"portmanager"_s, u"Activated service 'c2s' on [::]:5222, [*]:5222"_s)});
}

QByteArray prosodyLogin(const QDateTime &time, const QString &session, const QString &jid)
{
    return lines({prosody(time, session, u"Client connected"_s),
                  prosody(time, session, u"Stream encrypted (TLSv1.3 with TLS_AES_256_GCM_SHA384)"_s),
                  prosody(time, session, u"Authenticated as "_s + jid)});
}

QByteArray prosodyConnected(const QDateTime &time, const QString &session)
{
    return lines({prosody(time, session, u"Client connected"_s),
                  prosody(time, session, u"Stream encrypted (TLSv1.3 with TLS_AES_256_GCM_SHA384)"_s)});
}

QByteArray prosodyDisconnected(const QDateTime &time, const QString &session)
{
    return lines({prosody(time, session, u"Client disconnected: connection closed"_s)});
}

QByteArray jicofoJoinedBrewery(const QDateTime &time, const QString &domain)
{
    return lines({u"Jicofo "_s + javaTime(time) + u" INFO: [30] [room="_s + brewery(domain)
                  + u"] BaseBrewery.start#120: Joined the room."_s});
}

QByteArray jicofoBridgeAdded(const QDateTime &time, const QString &domain, const QString &nickname,
                             const QString &relayId, const QString &region)
{
    const QString jid = brewery(domain) + u'/' + nickname;
    auto orNull = [](const QString &value) {
        return value.isEmpty() ? u"null"_s : value;
    };
    return lines({jicofo(time, u"INFO"_s,
                         u"[room="_s + brewery(domain)
                                 + u"] BaseBrewery.processMemberPresence#353: Added brewery instance: "_s + jid),
                  jicofo(time, u"INFO"_s,
                         u"BridgeSelector.addJvbAddress#98: Added new videobridge: Bridge[jid="_s + jid
                                 + u", version=2.3.312-ga29d97d1, relayId="_s + orNull(relayId) + u", region="_s
                                 + orNull(region) + u", correctedStress=0.00]"_s)});
}

QByteArray jicofoBridgeRemoved(const QDateTime &time, const QString &domain, const QString &nickname, bool lost)
{
    const QString jid = brewery(domain) + u'/' + nickname;
    QStringList texts{jicofo(time, u"INFO"_s,
                             u"[room="_s + brewery(domain)
                                     + u"] BaseBrewery.removeInstance#401: Removed brewery instance: "_s + jid),
                      jicofo(time, u"INFO"_s, u"BridgeSelector.removeJvbAddress#112: Removing JVB: "_s + jid)};
    if (lost)
        texts << jicofo(time, u"WARNING"_s, u"BridgeSelector.removeJvbAddress#117: Lost a bridge: "_s + jid);
    return lines(texts);
}

QByteArray jvbStarted(const QDateTime &time, const QString &xmppHost, const QString &domain, const QString &nickname,
                      bool certificateVerificationDisabled)
{
    const QString disabled = certificateVerificationDisabled ? u"true"_s : u"false"_s;
    QStringList texts{u"JVB "_s + javaTime(time) + u" INFO: [26] [hostname="_s + xmppHost
                      + u" id=shard] MucClient.initializeConnectAndJoin#199: Initializing a new MucClient for [ "
                        "org.jitsi.xmpp.mucclient.MucClientConfiguration id=shard domain=auth."_s
                      + domain + u" hostname="_s + xmppHost + u" port=null username=jvb mucs=["_s + brewery(domain)
                      + u"] mucNickname="_s + nickname + u" disableCertificateVerification="_s + disabled + u']'};
    if (certificateVerificationDisabled)
        texts << jvb(time, u"WARNING"_s, xmppHost,
                     u"MucClient.initializeConnectAndJoin#230: Disabling certificate verification!"_s);
    return lines(texts);
}

QByteArray jvbJoined(const QDateTime &time, const QString &xmppHost, const QString &domain)
{
    return lines({jvb(time, u"INFO"_s, xmppHost,
                      u"MucClient$2.connected#346: Connected. isSmEnabled:false isSmAvailable:false "
                      "isSmResumptionPossible:false"_s),
                  jvb(time, u"INFO"_s, xmppHost, u"MucClient.initializeConnectAndJoin#293: Logging in."_s),
                  jvb(time, u"INFO"_s, xmppHost, u"MucClient$2.authenticated#352: Authenticated, resumed=false"_s),
                  jvb(time, u"INFO"_s, xmppHost, u"MucClient$MucWrapper.join#751: Joined MUC: "_s + brewery(domain))});
}

QByteArray jvbLoginFailed(const QDateTime &time, const QString &xmppHost)
{
    return lines(
            {jvb(time, u"INFO"_s, xmppHost,
                 u"MucClient$2.connected#346: Connected. isSmEnabled:false isSmAvailable:false "
                 "isSmResumptionPossible:false"_s),
             jvb(time, u"INFO"_s, xmppHost, u"MucClient.initializeConnectAndJoin#293: Logging in."_s),
             jvb(time, u"WARNING"_s, xmppHost,
                 u"MucClient.initializeConnectAndJoin#309: Failed to login. Disconnecting to trigger a "
                 "re-connect."_s),
             u"org.jivesoftware.smack.sasl.SASLErrorException: SASLError using SCRAM-SHA-1: not-authorized"_s,
             u"\tat org.jivesoftware.smack.SASLAuthentication.authenticationFailed(SASLAuthentication.java:267)"_s});
}

QByteArray jvbConnectTimedOut(const QDateTime &time, const QString &xmppHost)
{
    return lines({jvb(time, u"WARNING"_s, xmppHost, u"MucClient.initializeConnectAndJoin#281: Error connecting:"_s),
                  u"org.jivesoftware.smack.SmackException$EndpointConnectionException: The following addresses "
                  "failed: 'RFC 6120 A/AAAA Endpoint + ["_s
                          + xmppHost + u":5222] (/"_s + xmppHost
                          + u":5222)' failed because: java.net.SocketTimeoutException: Connect timed out"_s,
                  u"\tat org.jivesoftware.smack.tcp.XMPPTCPConnection.connectUsingConfiguration("
                  "XMPPTCPConnection.java:664)"_s});
}

QByteArray jvbCertificateRejected(const QDateTime &time, const QString &xmppHost)
{
    return lines({jvb(time, u"WARNING"_s, xmppHost, u"MucClient.initializeConnectAndJoin#281: Error connecting:"_s),
                  u"javax.net.ssl.SSLHandshakeException: PKIX path building failed: "
                  "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification "
                  "path to requested target"_s,
                  u"\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)"_s});
}

QByteArray jvbNicknameConflict(const QDateTime &time, const QString &xmppHost, const QString &domain,
                               const QString &nickname)
{
    return lines({jvb(time, u"INFO"_s, xmppHost,
                      u"MucClient$2.connected#346: Connected. isSmEnabled:false isSmAvailable:false "
                      "isSmResumptionPossible:false"_s),
                  jvb(time, u"INFO"_s, xmppHost, u"MucClient.initializeConnectAndJoin#293: Logging in."_s),
                  jvb(time, u"INFO"_s, xmppHost, u"MucClient$2.authenticated#352: Authenticated, resumed=false"_s),
                  jvb(time, u"WARNING"_s, xmppHost,
                      u"MucClient$MucWrapper.join#760: Failed to join MUC "_s + brewery(domain)),
                  u"org.jivesoftware.smack.XMPPException$XMPPErrorException: XMPP error reply received from "_s
                          + brewery(domain) + u'/' + nickname + u": XMPPError: conflict - cancel"_s});
}

QByteArray prosodyCertificate(const QString &domain, const QString &hostAddress)
{
    // Not a real certificate: base64 text that differs per host, so a bridge given another host's copy
    // can be told apart.
    const QByteArray seed = "fake certificate for auth." + domain.toUtf8() + " on " + hostAddress.toUtf8();
    const QByteArray text = seed + ' ' + QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex();
    const QByteArray body = text.toBase64();
    QByteArray pem = "-----BEGIN CERTIFICATE-----\n";
    for (qsizetype i = 0; i < body.size(); i += 64)
        pem += body.mid(i, 64) + '\n';
    pem += "-----END CERTIFICATE-----\n";
    return pem;
}

} // namespace FakeJitsiLogs
