#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// The lines prosody, jicofo and jvb write, in the shapes of reference/jitsi-packaging.md §4 and of the
// Verifier's fixtures (tests/fixtures/verify), so that the real Verifier judges what the fake hosts log.
// Every function returns whole lines ending in '\n'.
namespace FakeJitsiLogs {

// ---- prosody.log ----
QByteArray prosodyStarted(const QDateTime &time);
// A client connecting (c2s session id `session`) and logging in as `jid`.
QByteArray prosodyLogin(const QDateTime &time, const QString &session, const QString &jid);
// A client that connected and never authenticated (a refused SASL login is not logged at info).
QByteArray prosodyConnected(const QDateTime &time, const QString &session);
QByteArray prosodyDisconnected(const QDateTime &time, const QString &session);

// ---- jicofo.log ----
QByteArray jicofoJoinedBrewery(const QDateTime &time, const QString &domain);
QByteArray jicofoBridgeAdded(const QDateTime &time, const QString &domain, const QString &nickname,
                             const QString &relayId, const QString &region);
// `lost`: the bridge went away without a graceful shutdown (jicofo adds "Lost a bridge").
QByteArray jicofoBridgeRemoved(const QDateTime &time, const QString &domain, const QString &nickname, bool lost);

// ---- jvb.log (hostname = the XMPP host the bridge connects to) ----
QByteArray jvbStarted(const QDateTime &time, const QString &xmppHost, const QString &domain, const QString &nickname,
                      bool certificateVerificationDisabled);
QByteArray jvbJoined(const QDateTime &time, const QString &xmppHost, const QString &domain);
// The WARNING line the install script quotes as the last error is the first line of each of these.
QByteArray jvbLoginFailed(const QDateTime &time, const QString &xmppHost);
QByteArray jvbConnectTimedOut(const QDateTime &time, const QString &xmppHost);
QByteArray jvbCertificateRejected(const QDateTime &time, const QString &xmppHost);
QByteArray jvbNicknameConflict(const QDateTime &time, const QString &xmppHost, const QString &domain,
                               const QString &nickname);

// The certificate prosody makes for auth.<domain> on the web host: PEM-shaped, unique per host.
QByteArray prosodyCertificate(const QString &domain, const QString &hostAddress);

} // namespace FakeJitsiLogs
