#include "fakehostagent.h"

#include "fakehost.h"

#include "ssh/ssherrors.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// "ssh-ed25519 AAAA… comment": the type and the key; the comment does not identify it.
QString keyIdentity(const QString &openSshKey)
{
    return openSshKey.simplified().section(u' ', 0, 1);
}

QString fingerprint(const QString &openSshKey)
{
    const QByteArray blob = QByteArray::fromBase64(openSshKey.simplified().section(u' ', 1, 1).toLatin1());
    const QByteArray hash = QCryptographicHash::hash(blob, QCryptographicHash::Sha256);
    return u"SHA256:"_s + QString::fromLatin1(hash.toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace

FakeHostAgent::FakeHostAgent(FakeCloud *cloud, FakeHost *host, const HostEndpoint &endpoint, QObject *parent)
    : HostAgent(parent)
    , m_cloud(cloud)
    , m_host(host)
    , m_endpoint(endpoint)
{
    connect(host, &FakeHost::fileAppended, this, [this](const QString &path) {
        if (m_follow && path == InstallBundle::logPath())
            QTimer::singleShot(0, this, &FakeHostAgent::deliver);
    });
}

FakeHostAgent::~FakeHostAgent() = default;

template<typename F>
void FakeHostAgent::later(F &&f)
{
    QTimer::singleShot(m_cloud ? m_cloud->latencyMs() : 0, this, std::forward<F>(f));
}

Result<FakeHost *> FakeHostAgent::session() const
{
    if (!m_host)
        return SshErrors::connectionLost(m_endpoint.address, u"the fake server was deleted"_s);
    if (!m_connected)
        return SshErrors::notConnected();
    return m_host.data();
}

void FakeHostAgent::connectToHost(int bootTimeoutMs, Done<QString> done)
{
    if (!m_host) {
        later([this, done] { done(SshErrors::connectionRefused(m_endpoint.address, m_endpoint.port)); });
        return;
    }
    ++m_host->counters().connectAttempts;
    if (m_host->isBooted()) {
        later([this, done] { finishConnect(done); });
        return;
    }
    // Still booting: the real agent retries "connection refused" until the deadline, and says so each time.
    later([this] {
        if (m_host && !m_host->isBooted())
            Q_EMIT bootWaiting(0, 1000, u"connection_refused"_s);
    });
    auto settled = std::make_shared<bool>(false);
    auto onBoot = std::make_shared<QMetaObject::Connection>();
    *onBoot = connect(m_host, &FakeHost::booted, this, [this, done, settled, onBoot] {
        if (std::exchange(*settled, true))
            return;
        disconnect(*onBoot);
        later([this, done] { finishConnect(done); });
    });
    QTimer::singleShot(bootTimeoutMs, this, [this, done, settled, onBoot] {
        if (std::exchange(*settled, true))
            return;
        disconnect(*onBoot);
        done(SshErrors::connectionRefused(m_endpoint.address, m_endpoint.port));
    });
}

void FakeHostAgent::finishConnect(const Done<QString> &done)
{
    if (!m_host) {
        done(SshErrors::connectionRefused(m_endpoint.address, m_endpoint.port));
        return;
    }
    if (m_endpoint.pinnedHostKey.isEmpty() && m_endpoint.pendingHostKey.isEmpty()) {
        done(SshErrors::hostKeyNotPinned(m_endpoint.address));
        return;
    }
    const QString presented = keyIdentity(m_host->presentedHostKey());
    QString accepted;
    if (!m_endpoint.pinnedHostKey.isEmpty() && presented == keyIdentity(m_endpoint.pinnedHostKey))
        accepted = m_endpoint.pinnedHostKey;
    else if (!m_endpoint.pendingHostKey.isEmpty() && presented == keyIdentity(m_endpoint.pendingHostKey))
        accepted = m_endpoint.pendingHostKey;
    if (accepted.isEmpty()) {
        done(SshErrors::hostKeyMismatch(m_endpoint.address, fingerprint(m_endpoint.pinnedHostKey),
                                        fingerprint(m_host->presentedHostKey())));
        return;
    }
    m_connected = true;
    ++m_host->counters().connects;
    done(accepted);
}

void FakeHostAgent::scanHostKey(int timeoutMs, Done<QString> done)
{
    Q_UNUSED(timeoutMs)
    later([this, done] {
        if (!m_host || !m_host->isBooted()) {
            done(SshErrors::connectionRefused(m_endpoint.address, m_endpoint.port));
            return;
        }
        ++m_host->counters().hostKeyScans;
        done(m_host->presentedHostKey()); // a man in the middle's key when one is set, as a real scan would see
    });
}

void FakeHostAgent::installHostKey(const HostKeyText &key, Done<void> done)
{
    later([this, key, done] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        (*host)->installHostKey(key.publicKey);
        (*host)->writeFile(u"/etc/ssh/ssh_host_%1_key.pub"_s.arg(key.type), key.publicKey.toUtf8() + '\n', 0644);
        ++(*host)->counters().hostKeyInstalls;
        done({});
    });
}

void FakeHostAgent::uploadFiles(const QList<InstallFile> &files, Done<void> done)
{
    later([this, files, done] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        for (const InstallFile &file : files)
            (*host)->writeFile(file.remotePath, file.content, file.mode);
        ++(*host)->counters().uploads;
        (*host)->counters().filesUploaded += int(files.size());
        done({});
    });
}

void FakeHostAgent::startTask(ProvisionTask task, Done<qint64> done)
{
    later([this, task, done] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        done((*host)->startTask(task));
    });
}

void FakeHostAgent::followLog(qint64 offset, LogBytes received, Done<void> ended)
{
    m_follow.reset();
    const Result<FakeHost *> host = session();
    if (!host) {
        later([error = host.error(), ended] { ended(error); });
        return;
    }
    FakeCloud::Knobs &knobs = m_cloud->knobs((*host)->address());
    if (std::exchange(knobs.failFollow, false)) {
        later([this, ended] {
            ended(SshErrors::connectionLost(m_endpoint.address, u"simulated: the connection dropped"_s));
        });
        return;
    }
    Follow follow;
    follow.offset = offset;
    follow.received = std::move(received);
    follow.ended = std::move(ended);
    follow.linesUntilDrop = std::exchange(knobs.dropFollowAfterLines, -1);
    m_follow = std::move(follow);
    later([this] { deliver(); });
}

void FakeHostAgent::deliver()
{
    if (!m_follow || m_follow->reconnecting)
        return;
    if (!m_host) {
        const Done<void> ended = std::move(m_follow->ended);
        m_follow.reset();
        ended(SshErrors::connectionLost(m_endpoint.address, u"the fake server was deleted"_s));
        return;
    }
    QByteArray chunk = m_host->provisionLog().mid(m_follow->offset);
    chunk.truncate(chunk.lastIndexOf('\n') + 1); // whole lines only; the rest comes with its newline
    bool drop = false;
    if (m_follow->linesUntilDrop >= 0) {
        qsizetype end = 0;
        int lines = 0;
        for (qsizetype nl; lines < m_follow->linesUntilDrop && (nl = chunk.indexOf('\n', end)) >= 0; ++lines)
            end = nl + 1;
        if (lines == m_follow->linesUntilDrop) {
            chunk.truncate(end);
            drop = true;
        } else {
            m_follow->linesUntilDrop -= lines;
        }
    }
    m_follow->offset += chunk.size();
    const qint64 endOffset = m_follow->offset;
    if (drop) {
        // The connection breaks after these lines; the agent reconnects and goes on from the offset it has.
        m_follow->linesUntilDrop = -1;
        m_follow->reconnecting = true;
        ++m_host->counters().followDrops;
        QTimer::singleShot(m_cloud ? m_cloud->jvbRetryMs() : 0, this, [this] {
            if (!m_follow)
                return;
            m_follow->reconnecting = false;
            const QPointer<FakeHostAgent> alive(this);
            Q_EMIT reconnected(); // as the real session does, before the follow goes on
            if (alive)
                deliver();
        });
    }
    // The callback may stop following or delete this agent: nothing of `this` is touched after it unless alive.
    const QPointer<FakeHostAgent> alive(this);
    if (!chunk.isEmpty()) {
        const LogBytes received = m_follow->received;
        received(chunk, endOffset);
    }
    if (drop && alive)
        Q_EMIT connectionLost(u"connection_lost"_s);
}

void FakeHostAgent::stopFollowingLog()
{
    m_follow.reset();
}

void FakeHostAgent::readFile(const QString &path, Done<QByteArray> done)
{
    later([this, path, done] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        if (!(*host)->hasFile(path)) {
            done(Error{
                    u"host"_s,
                    u"file_not_found"_s,
                    QCoreApplication::translate("FakeHostAgent", "The file %1 does not exist on the server.").arg(path),
                    path,
                    {},
                    0});
            return;
        }
        done((*host)->file(path));
    });
}

// The selection the real host's grep makes (LogQuery::extract), so the engine's verdicts match.
void FakeHostAgent::extractLog(const LogQuery &query, Done<LogExcerpt> done)
{
    readFile(query.path, [query, done](Result<QByteArray> content) {
        if (content)
            done(query.extract(content.value()));
        else
            done(content.error());
    });
}

void FakeHostAgent::probeHttp(quint16 port, const QString &path, Done<HttpProbe> done)
{
    later([this, port, path, done] {
        const Result<FakeHost *> host = session();
        done(host ? (*host)->probeHttp(port, path) : HttpProbe::failed(host.error().message));
    });
}

void FakeHostAgent::queryState(const StateQuery &query, Done<QStringList> done)
{
    later([this, query, done] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        done((*host)->answerState(query));
    });
}

void FakeHostAgent::drainBridge(int timeoutSeconds, Done<int> done)
{
    // The fake's conferences end when told (FakeCloud::setConferencesAfterDrain). A drain time of 0 waits for
    // nothing: drain mode alone (the meeting test), jvb running on.
    later([this, done, timeoutSeconds] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        if (timeoutSeconds == 0) {
            (*host)->enterDrainMode();
            done(0);
            return;
        }
        done((*host)->drain());
    });
}

void FakeHostAgent::undrainBridge(Done<void> done)
{
    later([this, done] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        (*host)->undrain();
        done({});
    });
}

void FakeHostAgent::packageVersions(const QString &availableOf, Done<PackageVersions> done)
{
    later([this, availableOf, done] {
        const Result<FakeHost *> host = session();
        if (!host)
            done(host.error());
        else
            done((*host)->packageVersions(availableOf));
    });
}

void FakeHostAgent::upgradePackages(Done<PackageVersions> done)
{
    later([this, done] {
        const Result<FakeHost *> host = session();
        if (!host)
            done(host.error());
        else
            done((*host)->upgrade());
    });
}

void FakeHostAgent::disconnectFromHost()
{
    m_connected = false;
    m_follow.reset();
}

std::unique_ptr<HostAgent> FakeHostAgentFactory::create(const HostEndpoint &endpoint)
{
    ++m_created;
    return std::make_unique<FakeHostAgent>(m_cloud, m_cloud->hostFor(endpoint), endpoint);
}

void FakeHostAgent::manageAccounts(const AccountRequest &request, Done<AccountList> done)
{
    later([this, request, done] {
        const Result<FakeHost *> host = session();
        if (!host) {
            done(host.error());
            return;
        }
        done((*host)->manageAccounts(request));
    });
}
