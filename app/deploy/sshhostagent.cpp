#include "deploy/sshhostagent.h"

#include "provision/installbundle.h"
#include "ssh/hostkeyscan.h"
#include "ssh/sshexec.h"
#include "ssh/sshfollow.h"
#include "ssh/sshinterrupt.h"
#include "ssh/sshtransfer.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

Error hostError(const char *code, const QString &message, const QString &detail = {})
{
    return Error{u"host"_s, QString::fromLatin1(code), message, detail, {}, 0};
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

// The first "@@error <what> <message>" a script wrote to stderr, for the log; else the last stderr line.
QString scriptFailure(const QStringList &err)
{
    for (const QString &line : err)
        if (line.startsWith(u"@@error "_s))
            return line.section(u' ', 2);
    return err.isEmpty() ? QString() : err.last();
}

// The value of the last "<marker> <value>" / "<marker>=<value>" line, or an empty string.
QString lastMarker(const QStringList &lines, const QString &marker)
{
    for (auto it = lines.crbegin(); it != lines.crend(); ++it)
        if (it->startsWith(marker))
            return it->mid(marker.size()).trimmed();
    return {};
}

// Errors that mean "the server is not up yet" right after it was created or rebooted: worth another try.
bool isBootingError(const Error &error)
{
    static const QSet<QString> codes{u"connection_refused"_s, u"host_unreachable"_s, u"connect_timeout"_s,
                                     u"handshake_failed"_s,   u"connection_lost"_s,  u"not_connected"_s};
    return codes.contains(error.code);
}

bool isMissingFile(const Error &error)
{
    return error.code == u"remote_file_missing"_s;
}

// Every shell command the agent runs on a host, in one place. `root` is Options::remoteRoot.
namespace Commands {

// The scripts read JD_ROOT to move their paths; on a real server it stays unset.
QString environment(const QString &root)
{
    return root.isEmpty() ? QString() : u"export JD_ROOT="_s + shellQuote(root) + u"; "_s;
}

// SFTP creates files, not folders; one mkdir for all of a batch's parents.
QString makeDirectories(const QStringList &directories)
{
    QString command = u"mkdir -p --"_s;
    for (const QString &directory : directories)
        command += u' ' + shellQuote(directory);
    return command;
}

// Prints "@@offset <n>": where this run's "@@run start" line is or will be. If the unit is already running
// (the app was restarted mid-run) that is the start line of the run still open (no "@@run end" after it);
// otherwise the log's current size, and the unit is started without waiting (--no-block), since a oneshot
// unit's start lasts the whole run. awk counts bytes under LC_ALL=C, as the follower's offsets do.
QString startTask(const QString &root, const QString &unit, const QString &startCommand)
{
    const QString log = root + InstallBundle::logPath();
    return environment(root) + u"unit="_s + shellQuote(unit) + u"; log="_s + shellQuote(log)
           + u"\nsize=$(stat -c %s \"$log\" 2>/dev/null || echo 0)\n"
             "case \"$(systemctl is-active \"$unit\" 2>/dev/null)\" in\n"
             "active | activating | reloading)\n"
             "    open=$(LC_ALL=C awk '/^@@run start /{o=n; open=1} /^@@run end /{open=0} {n+=length($0)+1} "
             "END{if(open) print o}' \"$log\" 2>/dev/null)\n"
             "    echo \"@@offset ${open:-$size}\" ;;\n"
             "*)\n"
             "    echo \"@@offset $size\"\n    "_s
           + startCommand + u" ;;\nesac\n"_s;
}

// curl on the host reaches its loopback-only services. The status follows the body on a line of its own, so
// the body's own line ends survive; no curl (or no answer) is status 0.
QString probeHttp(quint16 port, const QString &path)
{
    const QString url = u"http://127.0.0.1:"_s + QString::number(port) + (path.startsWith(u'/') ? path : u'/' + path);
    return u"command -v curl >/dev/null || { echo '@@http-status 000'; exit 0; }; curl -s --max-time 10 -o - -w "
           "'\\n@@http-status %{http_code}\\n' "_s
           + shellQuote(url);
}

// The script is told where this rotation staged its key pair; nothing secret is on this line.
QString installHostKey(const QString &root, const QString &script, const QString &stagedKey)
{
    return environment(root) + u"JD_NEW_HOST_KEY="_s + shellQuote(stagedKey) + u' ' + shellQuote(script);
}

// Bounded by the script itself (JD_DRAIN_TIMEOUT), so the command ends even if jvb never drains.
QString drainBridge(const QString &root, const QString &script, int timeoutSeconds)
{
    return environment(root) + u"JD_DRAIN_TIMEOUT="_s + QString::number(qMax(0, timeoutSeconds)) + u' '
           + shellQuote(script);
}

// jitsi-packages.sh's "@@installed <package> <version>" and "@@available <package> <version>" lines.
PackageVersions parsePackageVersions(const QStringList &lines)
{
    PackageVersions versions;
    for (const QString &line : lines) {
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        if (fields.size() != 3)
            continue;
        if (fields[0] == u"@@installed"_s)
            versions.installed.insert(fields[1], fields[2]);
        else if (fields[0] == u"@@available"_s)
            versions.available.append(fields[2]);
    }
    return versions;
}

} // namespace Commands

} // namespace

SshHostAgent::SshHostAgent(const HostEndpoint &endpoint, const Options &options, QObject *parent)
    : HostAgent(parent)
    , m_endpoint(endpoint)
    , m_options(options)
{ }

SshHostAgent::~SshHostAgent()
{
    // No callback after destruction: cut every running operation's and the session's line to us first.
    if (m_scan)
        m_scan->trigger(); // its worker ends within a poll slice, without calling back
    for (QObject *child : children())
        child->disconnect(this);
    if (m_session)
        m_session->disconnect(this);
}

QString SshHostAgent::remotePath(const QString &path) const
{
    return m_options.remoteRoot + path;
}

void SshHostAgent::connectToHost(int bootTimeoutMs, Done<QString> done)
{
    m_connectDone = std::move(done);
    m_bootDeadline = QDeadlineTimer(qMax(0, bootTimeoutMs));
    m_bootClock.start();
    m_retryDelayMs = m_options.retryInitialDelayMs;
    m_connected = false;
    attemptConnect(m_endpoint.pinnedHostKey);
}

void SshHostAgent::replaceSession(std::unique_ptr<SshSession> session)
{
    if (m_session) {
        // Possibly called from inside one of its signals: let it finish before it goes.
        m_session->disconnect(this);
        m_session.release()->deleteLater();
    }
    m_session = std::move(session);
}

void SshHostAgent::attemptConnect(const QString &hostKey)
{
    SshConnectOptions options = m_options.connect;
    options.host = m_endpoint.address;
    options.port = m_endpoint.port;
    options.pinnedHostKey = hostKey;
    replaceSession(std::make_unique<SshSession>(options));
    connect(m_session.get(), &SshSession::connected, this, [this, hostKey] {
        m_connected = true;
        finishConnect(hostKey);
    });
    connect(m_session.get(), &SshSession::connectFailed, this,
            [this, hostKey](const Error &error) { connectFailed(hostKey, error); });
    // The session reconnects by itself; the engine shows that the host waits for it.
    connect(m_session.get(), &SshSession::connectionLost, this, [this](const Error &error) {
        if (m_connected)
            Q_EMIT connectionLost(error.code);
    });
    connect(m_session.get(), &SshSession::reconnected, this, [this] {
        if (m_connected)
            Q_EMIT reconnected();
    });
    m_session->connectToHost();
}

void SshHostAgent::connectFailed(const QString &hostKey, const Error &error)
{
    if (m_connected) // a later reconnect gave up; operations report that themselves
        return;
    if (error.code == u"host_key_mismatch"_s) {
        // A rotation may have happened without us learning the outcome: the pending key is the other candidate.
        const QString pending = m_endpoint.pendingHostKey;
        if (hostKey == m_endpoint.pinnedHostKey && !pending.isEmpty() && pending != hostKey) {
            attemptConnect(pending);
            return;
        }
        finishConnect(error);
        return;
    }
    if (isBootingError(error) && m_bootDeadline.remainingTime() > m_retryDelayMs) {
        const int delay = m_retryDelayMs;
        m_retryDelayMs = qMin(m_retryDelayMs * 2, m_options.retryMaxDelayMs);
        QTimer::singleShot(delay, this, [this, hostKey] {
            if (m_connectDone)
                attemptConnect(hostKey);
        });
        // Last: a listener may end the operation, and with it this agent.
        Q_EMIT bootWaiting(int(m_bootClock.elapsed()), delay, error.code);
        return;
    }
    finishConnect(error);
}

void SshHostAgent::finishConnect(Result<QString> result)
{
    if (Done<QString> done = std::exchange(m_connectDone, nullptr))
        done(std::move(result));
}

bool SshHostAgent::checkConnected(const std::function<void(const Error &)> &fail) const
{
    if (m_session && m_connected)
        return true;
    fail(hostError("not_connected", tr("There is no connection to the server. Connect first, then try again.")));
    return false;
}

void SshHostAgent::run(const QString &command, std::function<void(const CommandOutcome &)> done,
                       const QByteArray &input)
{
    auto outcome = std::make_shared<CommandOutcome>();
    SshExec *exec = input.isNull() ? m_session->exec(command, this) : m_session->execWithInput(command, input, this);
    connect(exec, &SshExec::stdoutLines, this, [outcome](const QStringList &lines) { outcome->out += lines; });
    connect(exec, &SshExec::stderrLines, this, [outcome](const QStringList &lines) { outcome->err += lines; });
    connect(exec, &SshExec::finished, this, [exec, outcome, done = std::move(done)](const Result<int> &result) {
        exec->deleteLater();
        outcome->result = result;
        done(*outcome);
    });
}

void SshHostAgent::scanHostKey(int timeoutMs, Done<QString> done)
{
    if (m_scan)
        m_scan->trigger(); // one scan at a time; the older one's callback is dropped
    m_scan = HostKeyScan::scan(m_endpoint.address, m_endpoint.port, timeoutMs, this,
                               [this, done](Result<SshPublicKey> key) {
                                   m_scan.reset();
                                   m_scanDone = nullptr;
                                   if (!key.ok())
                                       done(key.error());
                                   else
                                       done(key->keyText());
                               });
    m_scanDone = std::move(done);
}

void SshHostAgent::installHostKey(const HostKeyText &key, Done<void> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    if (key.type != u"ed25519"_s || key.privateKey.isEmpty() || !key.publicKey.startsWith(u"ssh-ed25519 "_s)) {
        done(hostError("invalid_host_key", tr("The new host key is not an ed25519 key pair.")));
        return;
    }
    const QString staging = InstallBundle::hostKeyStagingPath(key.publicKey);
    const InstallFile script = InstallBundle::hostKeyInstallScript();
    QByteArray privateKey = key.privateKey.toUtf8();
    if (!privateKey.endsWith('\n')) // sshd and ssh-keygen want the final line break
        privateKey += '\n';
    const QList<InstallFile> files{
            script, {staging, privateKey, 0600}, {staging + u".pub"_s, key.publicKey.trimmed().toUtf8() + '\n', 0644}};
    uploadFiles(files, [this, key, script, staging, done = std::move(done)](Result<void> uploaded) {
        if (!uploaded) {
            done(uploaded.error());
            return;
        }
        run(Commands::installHostKey(m_options.remoteRoot, remotePath(script.remotePath), remotePath(staging)),
            [this, key, done](const CommandOutcome &outcome) {
                if (!outcome.result) {
                    done(hostError("host_key_install_failed",
                                   tr("The server's new SSH host key could not be installed; the old key stays "
                                      "in use. Try again."),
                                   scriptFailure(outcome.err) + u" ("_s + outcome.result.error().detail + u')'));
                    return;
                }
                m_endpoint.pinnedHostKey = key.publicKey.trimmed();
                m_endpoint.pendingHostKey.clear();
                done({});
            });
    });
}

void SshHostAgent::uploadFiles(const QList<InstallFile> &files, Done<void> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    QStringList directories;
    for (const InstallFile &file : files) {
        const QString directory = QFileInfo(remotePath(file.remotePath)).path();
        if (!directories.contains(directory))
            directories << directory;
    }
    if (directories.isEmpty()) {
        done({});
        return;
    }
    run(Commands::makeDirectories(directories), [this, files, done = std::move(done)](const CommandOutcome &outcome) {
        if (!outcome.result) {
            done(hostError("upload_failed", tr("Could not create the folders for the files on the server."),
                           outcome.err.join(u' ') + u' ' + outcome.result.error().detail));
            return;
        }
        uploadNext(files, done);
    });
}

void SshHostAgent::uploadNext(QList<InstallFile> files, Done<void> done)
{
    if (files.isEmpty()) {
        done({});
        return;
    }
    const InstallFile file = files.takeFirst();
    SshTransfer *transfer = m_session->upload(file.content, remotePath(file.remotePath), file.mode, this);
    connect(transfer, &SshTransfer::finished, this,
            [this, transfer, files = std::move(files), done = std::move(done)](const Result<QByteArray> &result) {
                transfer->deleteLater();
                if (!result)
                    done(result.error());
                else
                    uploadNext(files, done);
            });
}

void SshHostAgent::startTask(ProvisionTask task, Done<qint64> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    QString unit = InstallBundle::unitName();
    QString start = InstallBundle::forRole(m_endpoint.role).startCommand();
    if (task == ProvisionTask::Firewall) {
        unit = InstallBundle::firewallUnitName();
        start = InstallBundle::firewallCommand();
    } else if (task == ProvisionTask::Certificate) {
        unit = InstallBundle::certificateUnitName();
        start = InstallBundle::certificateCommand();
    }
    run(Commands::startTask(m_options.remoteRoot, unit, start),
        [done = std::move(done)](const CommandOutcome &outcome) {
            bool ok = false;
            const qint64 offset = lastMarker(outcome.out, u"@@offset "_s).toLongLong(&ok);
            if (!outcome.result || !ok) {
                done(hostError("task_start_failed",
                               tr("The install could not be started on the server. Try again; if it keeps failing, "
                                  "check the server with 'systemctl status jitsi-deployer-provision'."),
                               outcome.err.join(u' ') + u' ' + outcome.result.error().detail));
                return;
            }
            done(offset);
        });
}

void SshHostAgent::followLog(qint64 offset, LogBytes received, Done<void> ended)
{
    stopFollowingLog();
    if (!checkConnected([&ended](const Error &error) { ended(error); }))
        return;
    SshFollow *follow = m_session->follow(remotePath(InstallBundle::logPath()), offset, this);
    m_follow = follow;
    connect(follow, &SshFollow::received, this,
            [received = std::move(received)](const SshFollowBatch &batch) { received(batch.bytes, batch.offset); });
    connect(follow, &SshFollow::finished, this, [follow, ended = std::move(ended)](const Error &error) {
        follow->deleteLater();
        ended(error);
    });
}

void SshHostAgent::stopFollowingLog()
{
    if (SshFollow *follow = m_follow.data()) {
        // Stopping is not a failure: no `ended` callback.
        follow->disconnect(this);
        follow->stop();
        follow->deleteLater();
    }
    m_follow.clear();
}

void SshHostAgent::readFile(const QString &path, Done<QByteArray> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    SshTransfer *transfer = m_session->download(remotePath(path), this);
    connect(transfer, &SshTransfer::finished, this,
            [transfer, path, done = std::move(done)](const Result<QByteArray> &result) {
                transfer->deleteLater();
                if (!result && isMissingFile(result.error()))
                    done(hostError("file_not_found", tr("The file %1 does not exist on the server.").arg(path),
                                   result.error().detail));
                else
                    done(result);
            });
}

void SshHostAgent::extractLog(const LogQuery &query, Done<LogExcerpt> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    run(query.command(m_options.remoteRoot),
        [path = query.path, done = std::move(done)](const CommandOutcome &outcome) {
            if (!outcome.result) {
                done(hostError("log_unreadable", tr("The log %1 could not be read on the server.").arg(path),
                               outcome.err.join(u' ') + u' ' + outcome.result.error().detail));
                return;
            }
            if (outcome.out.value(0) == u"@@missing"_s) {
                done(hostError("file_not_found", tr("The file %1 does not exist on the server.").arg(path)));
                return;
            }
            done(LogQuery::parse(outcome.out));
        });
}

void SshHostAgent::probeHttp(quint16 port, const QString &path, Done<HttpProbe> done)
{
    if (!checkConnected([&done](const Error &error) { done(HttpProbe::failed(error.code)); }))
        return;
    run(Commands::probeHttp(port, path), [done = std::move(done)](const CommandOutcome &outcome) {
        qsizetype statusLine = -1;
        for (qsizetype i = outcome.out.size() - 1; i >= 0 && statusLine < 0; --i)
            if (outcome.out.at(i).startsWith(u"@@http-status "_s))
                statusLine = i;
        const int status = statusLine < 0 ? 0 : outcome.out.at(statusLine).mid(14).trimmed().toInt();
        if (status == 0) {
            done(HttpProbe::failed(outcome.result ? u"no answer"_s : u"no answer: "_s + outcome.result.error().detail));
            return;
        }
        done(HttpProbe::answered(status, outcome.out.mid(0, statusLine).join(u'\n').toUtf8()));
    });
}

void SshHostAgent::queryState(const StateQuery &query, Done<QStringList> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    run(query.command(m_options.remoteRoot), [done = std::move(done)](const CommandOutcome &outcome) {
        if (!outcome.result) {
            done(hostError("state_unreadable", tr("The server's state could not be read."),
                           outcome.err.join(u' ') + u' ' + outcome.result.error().detail));
            return;
        }
        done(outcome.out);
    });
}

void SshHostAgent::drainBridge(int timeoutSeconds, Done<int> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    const InstallFile script = InstallBundle::bridgeDrainScript();
    uploadFiles({script}, [this, script, timeoutSeconds, done = std::move(done)](Result<void> uploaded) {
        if (!uploaded) {
            done(uploaded.error());
            return;
        }
        run(Commands::drainBridge(m_options.remoteRoot, remotePath(script.remotePath), timeoutSeconds),
            [this, done](const CommandOutcome &outcome) {
                bool ok = false;
                const int remaining = lastMarker(outcome.out, u"@@drain remaining="_s).toInt(&ok);
                if (!outcome.result || !ok) {
                    done(hostError("drain_failed",
                                   tr("The bridge %1 could not be drained, so its meetings would be cut off. Check "
                                      "that jitsi-videobridge2 runs on it, then try again.")
                                           .arg(m_endpoint.serverName),
                                   scriptFailure(outcome.err) + u" ("_s + outcome.result.error().detail + u')'));
                    return;
                }
                done(remaining);
            });
    });
}

void SshHostAgent::runScript(const InstallFile &script, const QString &arguments,
                             std::function<void(const CommandOutcome &)> done)
{
    uploadFiles({script}, [this, script, arguments, done = std::move(done)](Result<void> uploaded) {
        if (!uploaded) {
            CommandOutcome failed;
            failed.result = uploaded.error();
            done(failed);
            return;
        }
        run(Commands::environment(m_options.remoteRoot) + arguments.arg(shellQuote(remotePath(script.remotePath))),
            done);
    });
}

void SshHostAgent::undrainBridge(Done<void> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    runScript(InstallBundle::bridgeDrainScript(), u"JD_DRAIN_MODE=disable %1"_s,
              [this, done = std::move(done)](const CommandOutcome &outcome) {
                  if (!outcome.result || outcome.result.value() != 0 || !outcome.out.contains(u"@@drain mode=off"_s)) {
                      done(hostError("undrain_failed",
                                     tr("The bridge %1 could not be taken out of drain mode, so jicofo places no new "
                                        "conferences on it. Check that jitsi-videobridge2 runs on it, then run the "
                                        "update again.")
                                             .arg(m_endpoint.serverName),
                                     scriptFailure(outcome.err)));
                      return;
                  }
                  done({});
              });
}

void SshHostAgent::packageVersions(const QString &availableOf, Done<PackageVersions> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    // Two calls in one command: the installed versions, then (when asked) what the repositories offer.
    const QString arguments
            = availableOf.isEmpty() ? u"%1 versions"_s : u"%1 versions && %1 available "_s + shellQuote(availableOf);
    runScript(
            InstallBundle::packagesScript(), arguments, [this, done = std::move(done)](const CommandOutcome &outcome) {
                if (!outcome.result || outcome.result.value() != 0) {
                    done(hostError("packages_unreadable",
                                   tr("The Jitsi package versions on %1 could not be read.").arg(m_endpoint.serverName),
                                   scriptFailure(outcome.err)));
                    return;
                }
                done(Commands::parsePackageVersions(outcome.out));
            });
}

void SshHostAgent::upgradePackages(Done<PackageVersions> done)
{
    if (!checkConnected([&done](const Error &error) { done(error); }))
        return;
    runScript(InstallBundle::packagesScript(), u"%1 upgrade"_s,
              [this, done = std::move(done)](const CommandOutcome &outcome) {
                  if (!outcome.result || outcome.result.value() != 0) {
                      done(hostError("upgrade_failed",
                                     tr("The Jitsi packages on %1 could not be upgraded: %2")
                                             .arg(m_endpoint.serverName, scriptFailure(outcome.err)),
                                     outcome.err.join(u'\n')));
                      return;
                  }
                  done(Commands::parsePackageVersions(outcome.out));
              });
}

void SshHostAgent::disconnectFromHost()
{
    stopFollowingLog();
    if (m_scan) {
        std::exchange(m_scan, nullptr)->trigger();
        if (auto done = std::exchange(m_scanDone, nullptr))
            done(hostError("cancelled", tr("The connection to the server was closed.")));
    }
    finishConnect(hostError("cancelled", tr("The connection to the server was closed.")));
    m_connected = false;
    if (m_session)
        m_session->disconnectFromHost();
}

std::unique_ptr<HostAgent> SshHostAgentFactory::create(const HostEndpoint &endpoint)
{
    return std::make_unique<SshHostAgent>(endpoint, m_options);
}
