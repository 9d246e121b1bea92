#include "sshworker.h"

#include "common/logging.h"
#include "knownhosts.h"
#include "passphraserequest.h"
#include "sftptransfer.h"
#include "ssherrors.h"
#include "sshinterrupt.h"
#include "sshkeyloader.h"
#include "tcpconnector.h"

#include <QSocketNotifier>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <libssh/sftp.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int readChunk = 64 * 1024;
constexpr qint64 pumpBudgetBytes = 4 * 1024 * 1024; // per pump, so the event loop stays responsive
constexpr int flushIntervalMs = 50; // at most ~20 deliveries a second (DESIGN.md §3)
constexpr int sftpStepMs = 20; // time one SFTP step may keep the worker in blocking calls
constexpr int cancelGraceMs = 3000;

QByteArray shellQuote(const QByteArray &word)
{
    QByteArray quoted = word;
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

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

struct SshWorker::Channel
{
    enum class Kind { Exec, Follow, Internal };
    enum class Phase { Open, Request, Run };

    Kind kind = Kind::Exec;
    quint64 id = 0;
    QByteArray command;
    ssh_channel channel = nullptr;
    Phase phase = Phase::Open;
    ssh_channel_callbacks_struct callbacks{};
    bool gotExit = false;
    int exitStatus = -1;
    QString exitSignal;
    bool eof = false;

    // Exec
    bool pidKnown = false;
    QByteArray pidLine;
    qint64 remotePid = 0;
    LineSplitter out;
    LineSplitter err;
    QStringList pendingOut;
    QStringList pendingErr;
    bool cancelling = false;

    // Internal commands (kill, mv): all stdout collected, then onDone.
    QByteArray collected;
    std::function<void(int, const QByteArray &)> onDone;

    // Follow
    QString path;
    qint64 deliveredOffset = 0;
    quint64 inode = 0;
    QByteArray partial;
    FollowProtocol protocol;
    QList<SshFollowBatch> pendingBatches;
};

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
    const Result<int> socket
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
    const socket_t fd = socket.value();
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
        const int rc = ssh_userauth_agent(m_session, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        return SshErrors::authRejectedAgent(m_options.host, m_options.user,
                                            QString::fromUtf8(ssh_get_error(m_session)));
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

void SshWorker::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_pumpQueued = false;
                pump();
            },
            Qt::QueuedConnection);
}

void SshWorker::pump()
{
    assertWorkerThread();
    if (m_inPump || m_state != SshSession::State::Connected || !m_session)
        return;
    m_inPump = true;
    m_lost = false;
    if (ssh_event_dopoll(m_event, 0) == SSH_ERROR || (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR))) {
        m_lost = true;
        m_lostError = SshErrors::connectionLost(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
    }
    qint64 budget = pumpBudgetBytes;
    if (!m_lost) {
        std::vector<quint64> ids;
        for (const auto &[id, channel] : m_channels)
            ids.push_back(id);
        for (quint64 id : ids) {
            auto it = m_channels.find(id);
            if (it == m_channels.end())
                continue;
            advanceChannel(*it->second, budget);
            if (m_lost)
                break;
        }
    }
    if (!m_lost) {
        std::vector<quint64> ids;
        for (const auto &[id, transfer] : m_transfers)
            ids.push_back(id);
        for (quint64 id : ids) {
            auto it = m_transfers.find(id);
            if (it != m_transfers.end() && !it->second.waitsForRename())
                stepTransfer(id, it->second);
            if (m_lost)
                break;
        }
    }
    m_inPump = false;
    noteTraffic();
    if (m_lost) {
        m_lost = false;
        handleConnectionLost(m_lostError);
        return;
    }
    const bool busy = !m_channels.empty() || !m_transfers.empty();
    if (busy && !m_pumpTimer.isActive())
        m_pumpTimer.start();
    else if (!busy)
        m_pumpTimer.stop();
    // Under a continuous stream the worker never idles and the flush timer could starve: flush on time here.
    if (m_flushTimer.isActive() && m_sinceFlush.elapsed() >= flushIntervalMs)
        flush();
    // More data may be waiting inside libssh, and SFTP transfers advance one step per pump.
    if (budget <= 0 || !m_transfers.empty())
        schedulePump();
}

void SshWorker::advanceChannel(Channel &ch, qint64 &budget)
{
    if (ch.phase == Channel::Phase::Open) {
        // A follow (re)starts after the last delivered byte of the file it was reading.
        if (ch.kind == Channel::Kind::Follow)
            ch.command = FollowProtocol::command(ch.path, ch.deliveredOffset, ch.inode);
        if (!ch.channel) {
            ch.channel = ssh_channel_new(m_session);
            if (!ch.channel) {
                failChannel(ch,
                            SshErrors::channelFailed(tr("a new channel"), QString::fromUtf8(ssh_get_error(m_session))));
                return;
            }
            ch.callbacks = {};
            ch.callbacks.userdata = &ch;
            ch.callbacks.channel_exit_status_function = [](ssh_session, ssh_channel, int status, void *userdata) {
                auto *c = static_cast<Channel *>(userdata);
                c->gotExit = true;
                c->exitStatus = status;
            };
            ch.callbacks.channel_exit_signal_function = [](ssh_session, ssh_channel, const char *signal, int,
                                                           const char *, const char *, void *userdata) {
                auto *c = static_cast<Channel *>(userdata);
                c->gotExit = true;
                c->exitSignal = QString::fromLatin1(signal);
            };
            ssh_callbacks_init(&ch.callbacks);
            ssh_set_channel_callbacks(ch.channel, &ch.callbacks);
        }
        const int rc = ssh_channel_open_session(ch.channel);
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            if (ssh_get_status(m_session) & (SSH_CLOSED | SSH_CLOSED_ERROR)) {
                m_lost = true;
                m_lostError = SshErrors::connectionLost(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
                return;
            }
            failChannel(ch, SshErrors::channelFailed(tr("a new session channel"),
                                                     QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        ch.phase = Channel::Phase::Request;
    }
    if (ch.phase == Channel::Phase::Request) {
        const int rc = ssh_channel_request_exec(ch.channel, ch.command.constData());
        if (rc == SSH_AGAIN)
            return;
        if (rc != SSH_OK) {
            failChannel(ch,
                        SshErrors::channelFailed(tr("running a command"), QString::fromUtf8(ssh_get_error(m_session))));
            return;
        }
        ch.phase = Channel::Phase::Run;
    }

    const quint64 id = ch.id;
    char buffer[readChunk];
    for (int stream = 0; stream < 2; ++stream) {
        while (budget > 0) {
            const int n = ssh_channel_read_nonblocking(ch.channel, buffer, sizeof buffer, stream);
            if (n > 0) {
                budget -= n;
                if (stream == 0)
                    handleStdout(ch, buffer, n);
                else
                    handleStderr(ch, buffer, n);
                if (m_channels.find(id) == m_channels.end())
                    return; // finished by the data (e.g. a follow protocol error)
                continue;
            }
            if (n == SSH_ERROR) {
                m_lost = true;
                m_lostError = SshErrors::connectionLost(m_options.host, QString::fromUtf8(ssh_get_error(m_session)));
                return;
            }
            break; // 0: nothing buffered now; SSH_EOF: the remote side closed this stream
        }
    }
    if (budget <= 0)
        return;
    if (ssh_channel_is_eof(ch.channel) && ssh_channel_poll(ch.channel, 0) <= 0 && ssh_channel_poll(ch.channel, 1) <= 0
        && (ch.gotExit || ssh_channel_is_closed(ch.channel)))
        completeChannel(ch);
}

void SshWorker::handleStdout(Channel &ch, const char *data, int length)
{
    switch (ch.kind) {
    case Channel::Kind::Internal:
        ch.collected.append(data, length);
        return;
    case Channel::Kind::Follow: {
        const QList<FollowProtocol::Frame> frames = ch.protocol.feed(QByteArray(data, length));
        for (const FollowProtocol::Frame &frame : frames)
            handleFollowFrame(ch, frame);
        if (ch.protocol.failed())
            failChannel(ch, SshErrors::channelFailed(tr("following the file"), ch.protocol.failure()));
        return;
    }
    case Channel::Kind::Exec:
        break;
    }
    QByteArray bytes(data, length);
    if (!ch.pidKnown) {
        // The wrapper's first line is the remote shell's PID (= its process group), used to cancel.
        const qsizetype newline = bytes.indexOf('\n');
        if (newline < 0) {
            ch.pidLine.append(bytes);
            return;
        }
        ch.pidLine.append(bytes.left(newline));
        ch.remotePid = ch.pidLine.trimmed().toLongLong();
        ch.pidKnown = true;
        bytes.remove(0, newline + 1);
        if (ch.cancelling)
            cancelExec(ch.id);
    }
    ch.pendingOut.append(ch.out.feed(bytes));
    scheduleFlush();
}

void SshWorker::handleStderr(Channel &ch, const char *data, int length)
{
    if (ch.kind != Channel::Kind::Exec) {
        if (ch.collected.size() < 4096)
            ch.collected.append(data, qMin<int>(length, 4096));
        return;
    }
    ch.pendingErr.append(ch.err.feed(QByteArray(data, length)));
    scheduleFlush();
}

void SshWorker::handleFollowFrame(Channel &ch, const FollowProtocol::Frame &frame)
{
    auto startBatch = [&ch](SshFollowBatch::Event event) {
        SshFollowBatch batch;
        batch.event = event;
        batch.offset = ch.deliveredOffset;
        batch.inode = ch.inode;
        ch.pendingBatches.append(batch);
    };
    switch (frame.kind) {
    case FollowProtocol::Frame::Opened:
        ch.inode = frame.inode;
        ch.deliveredOffset = frame.offset;
        ch.partial.clear();
        return;
    case FollowProtocol::Frame::Data: {
        if (frame.offset != ch.deliveredOffset + ch.partial.size()) {
            qCWarning(lcSsh) << "follow: offset jump from" << ch.deliveredOffset + ch.partial.size() << "to"
                             << frame.offset;
            ch.partial.clear();
            ch.deliveredOffset = frame.offset;
        }
        ch.partial.append(frame.data);
        const qsizetype lastNewline = ch.partial.lastIndexOf('\n');
        if (lastNewline < 0)
            return;
        const QByteArray complete = ch.partial.left(lastNewline + 1);
        ch.partial.remove(0, lastNewline + 1);
        appendFollowBytes(ch, complete);
        return;
    }
    case FollowProtocol::Frame::Truncated:
    case FollowProtocol::Frame::Rotated:
    case FollowProtocol::Frame::Gone:
        // The old file ends here: its unterminated last line is all there will ever be of it.
        if (!ch.partial.isEmpty()) {
            const QByteArray rest = ch.partial;
            ch.partial.clear();
            appendFollowBytes(ch, rest);
        }
        if (frame.kind != FollowProtocol::Frame::Truncated)
            ch.inode = frame.inode;
        ch.deliveredOffset = 0;
        startBatch(frame.kind == FollowProtocol::Frame::Truncated ? SshFollowBatch::Event::Truncated
                   : frame.kind == FollowProtocol::Frame::Rotated ? SshFollowBatch::Event::Rotated
                                                                  : SshFollowBatch::Event::Gap);
        scheduleFlush();
        return;
    case FollowProtocol::Frame::Heartbeat:
        return;
    }
}

void SshWorker::appendFollowBytes(Channel &ch, const QByteArray &bytes)
{
    if (ch.pendingBatches.isEmpty())
        ch.pendingBatches.append(SshFollowBatch{});
    SshFollowBatch &batch = ch.pendingBatches.last();
    batch.bytes.append(bytes);
    ch.deliveredOffset += bytes.size();
    batch.offset = ch.deliveredOffset;
    batch.inode = ch.inode;
    scheduleFlush();
}

void SshWorker::completeChannel(Channel &ch)
{
    const quint64 id = ch.id;
    switch (ch.kind) {
    case Channel::Kind::Internal: {
        auto onDone = std::move(ch.onDone);
        const int status = ch.gotExit && ch.exitSignal.isEmpty() ? ch.exitStatus : -1;
        const QByteArray collected = ch.collected;
        removeChannel(id);
        if (onDone)
            onDone(status, collected);
        return;
    }
    case Channel::Kind::Follow: {
        const QString stderrText = QString::fromUtf8(ch.collected).trimmed();
        failChannel(ch, SshErrors::channelFailed(tr("following the file"),
                                                 stderrText.isEmpty() ? u"follower exited"_s : stderrText));
        return;
    }
    case Channel::Kind::Exec:
        break;
    }
    if (ch.cancelling) {
        finishCancelledExec(id);
        return;
    }
    ch.pendingOut.append(ch.out.finish());
    ch.pendingErr.append(ch.err.finish());
    flush();
    int exitCode = -1;
    Result<int> result = 0;
    if (!ch.exitSignal.isEmpty()) {
        result = SshErrors::commandKilled(ch.exitSignal);
    } else if (!ch.gotExit) {
        result = SshErrors::connectionLost(m_options.host, u"channel closed without exit status"_s);
    } else {
        exitCode = ch.exitStatus;
        if (exitCode != 0)
            result = SshErrors::commandFailed(exitCode);
    }
    removeChannel(id);
    Q_EMIT execFinished(id, result, exitCode);
}

void SshWorker::failChannel(Channel &ch, const Error &error)
{
    const quint64 id = ch.id;
    switch (ch.kind) {
    case Channel::Kind::Internal: {
        auto onDone = std::move(ch.onDone);
        removeChannel(id);
        if (onDone)
            onDone(-1, QByteArray());
        return;
    }
    case Channel::Kind::Follow:
        flush();
        removeChannel(id);
        Q_EMIT followFinished(id, error);
        return;
    case Channel::Kind::Exec: {
        const Error reported = ch.cancelling ? SshErrors::cancelled() : error;
        ch.pendingOut.append(ch.out.finish());
        ch.pendingErr.append(ch.err.finish());
        flush();
        removeChannel(id);
        Q_EMIT execFinished(id, reported, -1);
        return;
    }
    }
}

void SshWorker::removeChannel(quint64 id)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    if (it->second->channel)
        ssh_channel_free(it->second->channel); // closes it if still open
    m_channels.erase(it);
}

quint64 SshWorker::startInternal(const QByteArray &command, std::function<void(int, const QByteArray &)> onDone)
{
    auto ch = std::make_unique<Channel>();
    ch->kind = Channel::Kind::Internal;
    ch->id = m_nextInternalId++;
    ch->command = command;
    ch->onDone = std::move(onDone);
    const quint64 id = ch->id;
    m_channels.emplace(id, std::move(ch));
    schedulePump();
    return id;
}

void SshWorker::startExec(quint64 id, const QString &command)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT execFinished(id, SshErrors::notConnected(), -1);
        return;
    }
    auto ch = std::make_unique<Channel>();
    ch->kind = Channel::Kind::Exec;
    ch->id = id;
    // sshd makes the login shell a process-group leader; its PID, printed first, lets cancel() stop the whole
    // group, not just the shell.
    ch->command = "echo $$; exec sh -c " + shellQuote(command.toUtf8());
    m_channels.emplace(id, std::move(ch));
    schedulePump();
}

void SshWorker::cancelExec(quint64 id)
{
    assertWorkerThread();
    auto it = m_channels.find(id);
    if (it == m_channels.end() || it->second->kind != Channel::Kind::Exec)
        return;
    Channel &ch = *it->second;
    if (ch.phase != Channel::Phase::Run || !m_session) {
        finishCancelledExec(id);
        return;
    }
    const bool firstRequest = !ch.cancelling;
    ch.cancelling = true;
    if (firstRequest) {
        ssh_channel_request_send_signal(ch.channel, "TERM");
        QTimer::singleShot(cancelGraceMs, this, [this, id] { finishCancelledExec(id); });
    }
    if (!ch.pidKnown)
        return; // handleStdout() calls again once the PID line arrived
    const QByteArray pid = QByteArray::number(ch.remotePid);
    // Finished as soon as the TERM went out; the KILL a second later only catches processes ignoring TERM.
    const QByteArray termGroup = "kill -TERM -- -" + pid + " 2>/dev/null || kill -TERM -" + pid
                                 + " 2>/dev/null; kill -TERM " + pid + " 2>/dev/null";
    const QByteArray term = termGroup + "; true";
    const QByteArray kill = termGroup + "; sleep 1; kill -KILL -- -" + pid + " 2>/dev/null; true";
    startInternal(term, [this, id](int, const QByteArray &) { finishCancelledExec(id); });
    startInternal("nohup sh -c " + shellQuote(kill) + " >/dev/null 2>&1 &", {});
}

void SshWorker::finishCancelledExec(quint64 id)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    Channel &ch = *it->second;
    ch.pendingOut.append(ch.out.finish());
    ch.pendingErr.append(ch.err.finish());
    flush();
    removeChannel(id);
    Q_EMIT execFinished(id, SshErrors::cancelled(), -1);
}

void SshWorker::startFollow(quint64 id, const QString &remotePath, qint64 offset)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT followFinished(id, SshErrors::notConnected());
        return;
    }
    auto ch = std::make_unique<Channel>();
    ch->kind = Channel::Kind::Follow;
    ch->id = id;
    ch->path = remotePath;
    ch->deliveredOffset = offset;
    ch->command = FollowProtocol::command(remotePath, offset, 0);
    m_channels.emplace(id, std::move(ch));
    schedulePump();
}

void SshWorker::stopFollow(quint64 id)
{
    assertWorkerThread();
    auto it = m_channels.find(id);
    if (it == m_channels.end() || it->second->kind != Channel::Kind::Follow)
        return;
    failChannel(*it->second, SshErrors::cancelled());
}

void SshWorker::scheduleFlush()
{
    if (m_flushTimer.isActive())
        return;
    const qint64 sinceLast = m_sinceFlush.elapsed();
    m_flushTimer.start(int(qMax<qint64>(0, flushIntervalMs - sinceLast)));
}

void SshWorker::flush()
{
    m_flushTimer.stop();
    m_sinceFlush.restart();
    for (auto &[id, ch] : m_channels) {
        if (ch->kind == Channel::Kind::Exec && (!ch->pendingOut.isEmpty() || !ch->pendingErr.isEmpty())) {
            Q_EMIT execOutput(id, ch->pendingOut, ch->pendingErr);
            ch->pendingOut.clear();
            ch->pendingErr.clear();
        } else if (ch->kind == Channel::Kind::Follow && !ch->pendingBatches.isEmpty()) {
            QList<SshFollowBatch> batches;
            for (SshFollowBatch &batch : ch->pendingBatches) {
                if (batch.event == SshFollowBatch::Event::None && batch.bytes.isEmpty())
                    continue;
                QByteArrayView view(batch.bytes);
                qsizetype start = 0;
                while (start < view.size()) {
                    qsizetype end = batch.bytes.indexOf('\n', start);
                    if (end < 0)
                        end = view.size();
                    batch.lines.append(LineSplitter::decode(view.sliced(start, end - start)));
                    start = end + 1;
                }
                batches.append(batch);
            }
            ch->pendingBatches.clear();
            if (!batches.isEmpty())
                Q_EMIT followBatches(id, batches);
        }
    }
    for (auto &[id, transfer] : m_transfers) {
        if (transfer.takeProgress())
            Q_EMIT transferProgress(id, transfer.done(), transfer.total());
    }
}

bool SshWorker::ensureSftp(Error *error)
{
    if (m_sftp)
        return true;
    ssh_set_blocking(m_session, 1);
    m_sftp = sftp_new(m_session);
    int rc = m_sftp ? sftp_init(m_sftp) : SSH_ERROR;
    ssh_set_blocking(m_session, 0);
    if (rc != SSH_OK) {
        *error = SshErrors::channelFailed(tr("file transfer (SFTP)"), QString::fromUtf8(ssh_get_error(m_session)));
        if (m_sftp)
            sftp_free(m_sftp);
        m_sftp = nullptr;
        return false;
    }
    return true;
}

void SshWorker::startUpload(quint64 id, const QByteArray &data, const QString &remotePath, int mode)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT transferFinished(id, SshErrors::notConnected());
        return;
    }
    m_transfers.emplace(id, SftpTransfer::upload(data, remotePath, mode));
    schedulePump();
}

void SshWorker::startDownload(quint64 id, const QString &remotePath)
{
    assertWorkerThread();
    if (m_state != SshSession::State::Connected && m_state != SshSession::State::Reconnecting) {
        Q_EMIT transferFinished(id, SshErrors::notConnected());
        return;
    }
    m_transfers.emplace(id, SftpTransfer::download(remotePath));
    schedulePump();
}

void SshWorker::cancelTransfer(quint64 id)
{
    assertWorkerThread();
    finishTransfer(id, SshErrors::cancelled());
}

void SshWorker::stepTransfer(quint64 id, SftpTransfer &transfer)
{
    Error error;
    if (!ensureSftp(&error)) {
        finishTransfer(id, error);
        return;
    }
    switch (transfer.step(m_session, m_sftp, sftpStepMs)) {
    case SftpTransfer::State::Running:
        scheduleFlush();
        return;
    case SftpTransfer::State::Succeeded:
        finishTransfer(id, transfer.isUpload() ? QByteArray() : transfer.downloaded());
        return;
    case SftpTransfer::State::Failed:
        finishTransfer(id, transferError(transfer));
        return;
    case SftpTransfer::State::ConnectionLost:
        m_lost = true;
        m_lostError = SshErrors::connectionLost(m_options.host, transfer.failure());
        return;
    case SftpTransfer::State::NeedsRename:
        renameOverTarget(id, transfer);
        return;
    }
}

Error SshWorker::transferError(const SftpTransfer &transfer) const
{
    if (!transfer.isUpload() && transfer.sftpStatus() == SSH_FX_NO_SUCH_FILE)
        return SshErrors::remoteFileMissing(transfer.remotePath(), transfer.failure());
    return SshErrors::sftpFailed(transfer.isUpload() ? tr("write") : tr("read"), transfer.remotePath(),
                                 transfer.failure());
}

void SshWorker::renameOverTarget(quint64 id, const SftpTransfer &transfer)
{
    // SFTP v3 rename refuses an existing target; mv uses rename(2), which replaces it atomically.
    const QByteArray tmp = transfer.temporaryPath();
    const QByteArray path = transfer.remotePath().toUtf8();
    startInternal("mv -f -- " + shellQuote(tmp) + ' ' + shellQuote(path) + " || { rm -f -- " + shellQuote(tmp)
                          + "; exit 1; }",
                  [this, id](int status, const QByteArray &) {
                      auto it = m_transfers.find(id);
                      if (it == m_transfers.end())
                          return;
                      if (status == 0)
                          finishTransfer(id, QByteArray());
                      else
                          finishTransfer(
                                  id, SshErrors::sftpFailed(tr("write"), it->second.remotePath(), u"rename failed"_s));
                  });
}

void SshWorker::finishTransfer(quint64 id, const Result<QByteArray> &result)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return;
    SftpTransfer &transfer = it->second;
    if (m_lost)
        transfer.forgetHandles(); // closing would wait for an answer that never comes
    else
        transfer.release(m_session, m_sftp, result.ok());
    if (transfer.takeProgress())
        Q_EMIT transferProgress(id, transfer.done(), transfer.total());
    m_transfers.erase(it);
    Q_EMIT transferFinished(id, result);
}
