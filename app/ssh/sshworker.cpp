#include "sshworker.h"

#include "common/logging.h"
#include "knownhosts.h"
#include "passphraserequest.h"
#include "sftptransfer.h"
#include "ssherrors.h"
#include "sshinterrupt.h"
#include "sshkeyloader.h"
#include "sshworker_p.h"
#include "tcpconnector.h"

#include <QSocketNotifier>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <libssh/sftp.h>

using namespace Qt::StringLiterals;
using namespace SshWorkerDetail;

namespace {

QString sha256Fingerprint(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (!key || ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return u"(unknown)"_s;
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    const QString result = QString::fromLatin1(text);
    ssh_string_free_char(text);
    ssh_clean_pubkey_hash(&hash);
    return result;
}

// The host key algorithms to offer: only those matching the pinned key, so the server cannot pick another of
// its keys that we could not check.
QByteArray hostKeyAlgorithms(const QByteArray &keyType)
{
    if (keyType == "ssh-rsa")
        return "rsa-sha2-512,rsa-sha2-256,ssh-rsa";
    return keyType;
}

} // namespace

SshWorker::SshWorker(const SshConnectOptions &options, std::shared_ptr<SshInterrupt> interrupt)
    : m_options(options)
    , m_interrupt(std::move(interrupt))
    , m_pumpTimer(this) // children, so they move to the worker thread with this object
    , m_flushTimer(this)
    , m_keepaliveTimer(this)
    , m_deadlineTimer(this)
    , m_reconnectTimer(this)
    , m_liveness(options.idleTimeoutMs)
    , m_traffic(std::make_unique<ssh_counter_struct>())
{
    m_options.passphraseHandler = nullptr; // the session's, called on its thread only; its captures stay there
    m_pumpTimer.setInterval(10);
    connect(&m_pumpTimer, &QTimer::timeout, this, &SshWorker::pump);
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &SshWorker::flush);
    m_keepaliveTimer.setInterval(qMax(200, qMin(m_options.keepaliveIntervalMs, m_options.idleTimeoutMs / 3)));
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &SshWorker::keepaliveTick);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &SshWorker::checkLiveness);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SshWorker::attemptReconnect);
    m_sinceFlush.start();
    m_clock.start();
}

SshWorker::~SshWorker()
{
    shutdown();
}

void SshWorker::assertWorkerThread() const
{
    // libssh sessions are not thread-safe: every call must come from the thread this object lives on.
    Q_ASSERT(QThread::currentThread() == thread());
}

void SshWorker::setState(SshSession::State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SshWorker::connectToHost()
{
    assertWorkerThread();
    if (m_state == SshSession::State::Connected || m_state == SshSession::State::Connecting)
        return;
    setState(SshSession::State::Connecting);
    const Result<void> result = establish();
    if (!result) {
        dropConnection();
        setState(SshSession::State::Failed);
        failEverything(result.error());
        Q_EMIT connectFailed(result.error());
        return;
    }
    setState(SshSession::State::Connected);
    Q_EMIT connected();
    schedulePump();
}

Result<void> SshWorker::establish()
{
    assertWorkerThread();
    dropConnection();
    if (m_interrupt->triggered())
        return SshErrors::cancelled();
    if (m_options.pinnedHostKey.trimmed().isEmpty()) {
        // Read on this thread with its own instance: KnownHosts keeps no state between calls.
        const KnownHosts store(m_options.knownHostsFile.isEmpty() ? KnownHosts::defaultFilePath()
                                                                  : m_options.knownHostsFile);
        const std::optional<SshPublicKey> pinned = store.lookup(m_options.host, m_options.port);
        if (!pinned)
            return SshErrors::hostKeyNotPinned(m_options.host);
        m_options.pinnedHostKey = pinned->keyText();
    }
    if (!m_pinnedKey) {
        const QList<QByteArray> parts = m_options.pinnedHostKey.trimmed().toLatin1().split(' ');
        const QByteArray type = parts.value(0);
        const ssh_keytypes_e keyType = ssh_key_type_from_name(type.constData());
        if (parts.size() < 2 || keyType == SSH_KEYTYPE_UNKNOWN
            || ssh_pki_import_pubkey_base64(parts.at(1).constData(), keyType, &m_pinnedKey) != SSH_OK)
            return SshErrors::hostKeyPinInvalid(m_options.host, u"cannot parse pinned key"_s);
    }
    QByteArray agentSocket;
    if (m_options.keyFile.isEmpty()) {
        agentSocket = m_options.agentSocket.isEmpty() ? qgetenv("SSH_AUTH_SOCK") : m_options.agentSocket.toLocal8Bit();
        if (agentSocket.isEmpty())
            return SshErrors::agentUnavailable();
    } else if (!m_key) {
        // Loaded once and kept, so a reconnect does not ask for the passphrase again.
        Result<ssh_key_struct *> key = SshKeyLoader::load(m_options.keyFile, [this](const QString &keyFile) {
            // Waits here, on the worker, for the user; a teardown cancels the question (SshInterrupt).
            auto question = std::make_shared<PassphraseExchange>();
            m_interrupt->setQuestion(question);
            Q_EMIT passphraseNeeded(keyFile, question);
            std::optional<QByteArray> passphrase = question->wait();
            m_interrupt->setQuestion(nullptr);
            return passphrase;
        });
        if (!key)
            return key.error();
        m_key = key.value();
    }

    QElapsedTimer elapsed;
    elapsed.start();
    const Result<qintptr> socket
            = TcpConnector::connectTo(m_options.host, m_options.port, m_options.connectTimeoutMs, m_interrupt.get());
    if (!socket)
        return socket.error();
    m_interrupt->setSocket(socket.value()); // from here a teardown wakes the blocking handshake

    m_session = ssh_new();
    *m_traffic = {};
    ssh_set_counters(m_session, nullptr, m_traffic.get());
    const QByteArray host = m_options.host.toUtf8();
    const QByteArray user = m_options.user.toUtf8();
    const unsigned int port = m_options.port;
    const auto fd = socket_t(socket.value());
    const int verbosity = SSH_LOG_NOLOG;
    const int no = 0;
    const QByteArray algorithms = hostKeyAlgorithms(m_options.pinnedHostKey.trimmed().toLatin1().split(' ').value(0));
    const qint64 remaining = qMax<qint64>(1000, m_options.connectTimeoutMs - elapsed.elapsed());
    const long timeoutSeconds = long(remaining / 1000);
    const long timeoutMicros = long(remaining % 1000) * 1000;
    ssh_options_set(m_session, SSH_OPTIONS_LOG_VERBOSITY, &verbosity);
    // Never read ~/.ssh/config or known_hosts: the pin is the only trust anchor (DESIGN.md §4).
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(m_session, SSH_OPTIONS_FD, &fd);
    ssh_options_set(m_session, SSH_OPTIONS_HOSTKEYS, algorithms.constData());
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &timeoutMicros);
    if (!agentSocket.isEmpty())
        ssh_options_set(m_session, SSH_OPTIONS_IDENTITY_AGENT, agentSocket.constData());
    ssh_set_blocking(m_session, 1);

    if (ssh_connect(m_session) != SSH_OK) {
        const QString detail = QString::fromUtf8(ssh_get_error(m_session));
        qCDebug(lcSsh) << "handshake with" << m_options.host << "failed:" << detail;
        if (detail.contains("host key"_L1, Qt::CaseInsensitive) || detail.contains("hostkey"_L1, Qt::CaseInsensitive))
            return SshErrors::hostKeyTypeNotOffered(m_options.host, detail);
        if (detail.contains("timeout"_L1, Qt::CaseInsensitive) || detail.contains("timed out"_L1, Qt::CaseInsensitive))
            return SshErrors::connectTimeout(m_options.host, m_options.port, m_options.connectTimeoutMs);
        return SshErrors::handshakeFailed(m_options.host, detail);
    }
    if (Result<void> hostKey = checkHostKey(); !hostKey)
        return hostKey;
    if (Result<void> auth = authenticate(); !auth)
        return auth;

    // From here on a blocking call (SFTP) may wait at most the idle timeout.
    const long idleSeconds = qMax(1, m_options.idleTimeoutMs / 1000);
    const long zero = 0;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &idleSeconds);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &zero);
    ssh_set_blocking(m_session, 0);
    m_event = ssh_event_new();
    ssh_event_add_session(m_event, m_session);
    m_notifier = new QSocketNotifier(ssh_get_fd(m_session), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SshWorker::pump);
    m_liveness.start(m_traffic->in_packets, m_clock.elapsed());
    m_keepaliveTimer.start();
    m_lost = false;
    qCDebug(lcSsh) << "connected to" << m_options.host << m_options.port << "as" << m_options.user;
    return {};
}

Result<void> SshWorker::checkHostKey()
{
    ssh_key serverKey = nullptr;
    if (ssh_get_server_publickey(m_session, &serverKey) != SSH_OK || !serverKey)
        return SshErrors::handshakeFailed(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
    const bool same = ssh_key_cmp(serverKey, m_pinnedKey, SSH_KEY_CMP_PUBLIC) == 0;
    const QString actual = sha256Fingerprint(serverKey);
    ssh_key_free(serverKey);
    if (!same) {
        qCWarning(lcSsh) << "host key mismatch for" << m_options.host << "got" << actual;
        return SshErrors::hostKeyMismatch(m_options.host, sha256Fingerprint(m_pinnedKey), actual);
    }
    return {};
}

Result<void> SshWorker::authenticate()
{
    if (m_options.keyFile.isEmpty()) {
#ifdef Q_OS_UNIX
        const int rc = ssh_userauth_agent(m_session, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        return SshErrors::authRejectedAgent(m_options.host, m_options.user,
                                            QString::fromUtf8(ssh_get_error(m_session)));
#else
        return SshErrors::agentUnsupported(); // libssh 0.10 has no ssh-agent client on Windows
#endif
    }
    const int rc = ssh_userauth_publickey(m_session, nullptr, m_key);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return SshErrors::connectionLost(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
    return SshErrors::authRejectedKey(m_options.host, m_options.user, m_options.keyFile);
}

void SshWorker::dropConnection()
{
    assertWorkerThread();
    m_keepaliveTimer.stop();
    m_deadlineTimer.stop();
    delete m_notifier;
    m_notifier = nullptr;
    for (auto &[id, channel] : m_channels) {
        if (channel->channel) {
            ssh_channel_free(channel->channel);
            channel->channel = nullptr;
        }
    }
    // Open SFTP handles die with the connection; closing them would wait for a reply that never comes.
    for (auto &[id, transfer] : m_transfers)
        transfer.forgetHandles();
    if (m_sftp) {
        sftp_free(m_sftp);
        m_sftp = nullptr;
    }
    if (m_event) {
        if (m_session)
            ssh_event_remove_session(m_event, m_session);
        ssh_event_free(m_event);
        m_event = nullptr;
    }
    if (m_session) {
        m_interrupt->setSocket(-1); // before the descriptor is closed and its number may be reused
        ssh_disconnect(m_session);
        ssh_free(m_session); // also closes the socket we handed over
        m_session = nullptr;
    }
}

void SshWorker::disconnectFromHost()
{
    assertWorkerThread();
    m_reconnectTimer.stop();
    failEverything(SshErrors::cancelled());
    dropConnection();
    setState(SshSession::State::Disconnected);
}

void SshWorker::shutdown()
{
    assertWorkerThread();
    m_reconnectTimer.stop();
    m_pumpTimer.stop();
    m_flushTimer.stop();
    m_channels.clear();
    m_transfers.clear();
    dropConnection();
    if (m_key) {
        ssh_key_free(m_key);
        m_key = nullptr;
    }
    if (m_pinnedKey) {
        ssh_key_free(m_pinnedKey);
        m_pinnedKey = nullptr;
    }
}

void SshWorker::failEverything(const Error &error)
{
    // Copies of the ids: finishing may remove entries.
    std::vector<quint64> ids;
    for (const auto &[id, channel] : m_channels)
        ids.push_back(id);
    for (quint64 id : ids) {
        auto it = m_channels.find(id);
        if (it != m_channels.end())
            failChannel(*it->second, error);
    }
    std::vector<quint64> transferIds;
    for (const auto &[id, transfer] : m_transfers)
        transferIds.push_back(id);
    for (quint64 id : transferIds) {
        finishTransfer(id, error);
    }
    flush();
}

void SshWorker::handleConnectionLost(const Error &error)
{
    assertWorkerThread();
    qCInfo(lcSsh) << "connection to" << m_options.host << "lost:" << error.detail;
    m_lost = true; // nothing below may wait for the dead connection
    // Commands and transfers cannot continue on a new connection; follows can, from their last delivered
    // offset, so they are only suspended.
    std::vector<quint64> ids;
    for (const auto &[id, channel] : m_channels)
        ids.push_back(id);
    for (quint64 id : ids) {
        auto it = m_channels.find(id);
        if (it == m_channels.end())
            continue;
        Channel &channel = *it->second;
        if (channel.kind == Channel::Kind::Follow) {
            if (channel.channel)
                ssh_channel_free(channel.channel);
            channel.channel = nullptr;
            channel.phase = Channel::Phase::Open;
            channel.partial.clear(); // re-read after the reconnect, from deliveredOffset
            channel.protocol = FollowProtocol();
            channel.collected.clear();
        } else {
            failChannel(channel, error);
        }
    }
    std::vector<quint64> transferIds;
    for (const auto &[id, transfer] : m_transfers)
        transferIds.push_back(id);
    for (quint64 id : transferIds) {
        finishTransfer(id, error);
    }
    flush();
    dropConnection();
    m_lost = false;
    Q_EMIT connectionLost(error);
    if (m_options.reconnectAttempts <= 0) {
        setState(SshSession::State::Failed);
        failEverything(error);
        Q_EMIT connectFailed(error);
        return;
    }
    setState(SshSession::State::Reconnecting);
    m_reconnectAttempt = 0;
    m_reconnectTimer.start(0);
}

void SshWorker::attemptReconnect()
{
    assertWorkerThread();
    if (m_state != SshSession::State::Reconnecting)
        return;
    ++m_reconnectAttempt;
    const Result<void> result = establish();
    if (result) {
        qCInfo(lcSsh) << "reconnected to" << m_options.host << "after" << m_reconnectAttempt << "attempt(s)";
        setState(SshSession::State::Connected);
        Q_EMIT reconnected();
        schedulePump();
        return;
    }
    dropConnection();
    const QString code = result.error().code;
    // A different host key or a rejected key will not get better by trying again.
    const bool permanent = code == "host_key_mismatch"_L1 || code == "auth_rejected"_L1
                           || code.startsWith("key_file_"_L1) || code == "host_key_pin_invalid"_L1;
    if (permanent || m_reconnectAttempt >= m_options.reconnectAttempts) {
        setState(SshSession::State::Failed);
        failEverything(result.error());
        Q_EMIT connectFailed(result.error());
        return;
    }
    const int delay = qMin(10000, 250 << qMin(m_reconnectAttempt, 6));
    qCDebug(lcSsh) << "reconnect attempt" << m_reconnectAttempt << "failed:" << result.error().detail << "- next in"
                   << delay << "ms";
    m_reconnectTimer.start(delay);
}

void SshWorker::keepaliveTick()
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected || !m_session)
        return;
    // First read whatever already arrived: on a starved thread the answer may have been waiting for a while.
    pump();
    if (m_state != SshSession::State::Connected || !m_session)
        return;
    if (m_liveness.awaitingAnswer()) {
        checkLiveness();
        return;
    }
    // libssh keeps one global request open at a time and remembers the answer to the last one until the next
    // ssh_send_keepalive(), which then only clears that record and sends nothing. The packet counter tells the
    // two apart; a second call then asks for real. Neither sends while an earlier question is still unanswered,
    // and that one then stands for this round's question.
    const quint64 sentBefore = m_traffic->out_packets;
    ssh_send_keepalive(m_session);
    if (m_traffic->out_packets == sentBefore)
        ssh_send_keepalive(m_session);
    // Both calls also read what is waiting; on a fast link that includes the answer to the question just sent.
    // Anything heard from here on is an answer.
    m_liveness.questionAsked(m_clock.elapsed());
    noteTraffic();
    if (m_liveness.awaitingAnswer())
        m_deadlineTimer.start(int(m_liveness.msUntilDead(m_clock.elapsed())));
    schedulePump(); // the request may still sit in libssh's output buffer
}

void SshWorker::checkLiveness()
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected || !m_session)
        return;
    pump(); // an answer waiting unread is an answer, however late this thread gets to it
    if (m_state != SshSession::State::Connected || !m_session)
        return;
    const qint64 now = m_clock.elapsed();
    if (m_liveness.isDead(now)) {
        qCDebug(lcSsh) << "no packet from" << m_options.host << "for" << m_liveness.msSinceLastHeard(now)
                       << "ms, a keepalive unanswered for" << m_options.idleTimeoutMs << "ms";
        handleConnectionLost(SshErrors::idleTimeout(m_options.host, m_options.idleTimeoutMs));
        return;
    }
    if (m_liveness.awaitingAnswer())
        m_deadlineTimer.start(int(m_liveness.msUntilDead(now)));
}

void SshWorker::noteTraffic()
{
    if (m_session && m_liveness.observe(m_traffic->in_packets, m_clock.elapsed()))
        m_deadlineTimer.stop();
}
