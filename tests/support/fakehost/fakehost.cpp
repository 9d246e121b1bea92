#include "fakehost.h"

#include "fakejitsilogs.h"

#include "provision/envfile.h"
#include "provision/installbundle.h"
#include "ssh/ssherrors.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QString restartAndJoin = u"restart-and-join"_s;

// The env values each step's digest covers in the real scripts (the jd_step lines of resources/provision/*.sh).
QStringList stepInputs(HostRole role, const QString &step)
{
    if (role == HostRole::Web) {
        if (step == u"preseed"_s)
            return {u"JD_DOMAIN"_s, u"JD_JVB_SECRET"_s, u"JD_FOCUS_PASSWORD"_s, u"JD_EMAIL"_s};
        if (step == u"install-packages"_s)
            return {u"JD_TURN_SERVER"_s};
        if (step == u"register-jvb"_s)
            return {u"JD_DOMAIN"_s, u"JD_JVB_SECRET"_s};
        if (step == u"configure-jicofo"_s)
            return {u"JD_MULTI_LOCATION"_s};
        if (step == u"turn"_s)
            return {u"JD_DOMAIN"_s, u"JD_TURN_SERVER"_s};
        if (step == u"meeting-access"_s)
            return {u"JD_DOMAIN"_s, u"JD_MEETING_ACCESS"_s};
        if (step == u"firewall"_s)
            return {u"JD_BRIDGE_ADDRESSES"_s, u"JD_TURN_SERVER"_s};
        if (step == u"certificate"_s)
            return {u"JD_DOMAIN"_s, u"JD_EMAIL"_s, u"JD_ACME_DIRECTORY_URL"_s, u"JD_TURN_SERVER"_s};
        return {};
    }
    if (step == u"preseed"_s)
        return {u"JD_DOMAIN"_s, u"JD_JVB_SECRET"_s};
    if (step == u"trust-prosody-certificate"_s)
        return {u"JD_DISABLE_CERT_VERIFICATION"_s, u"JD_PROSODY_AUTH_CERT_B64"_s};
    if (step == u"configure-jvb"_s || step == restartAndJoin)
        return {u"JD_DOMAIN"_s,
                u"JD_SERVER_NAME"_s,
                u"JD_JVB_SECRET"_s,
                u"JD_XMPP_HOST"_s,
                u"JD_DISABLE_CERT_VERIFICATION"_s,
                u"JD_MULTI_LOCATION"_s,
                u"JD_REGION"_s,
                u"JD_PROSODY_AUTH_CERT_B64"_s};
    return {};
}

} // namespace

FakeHost::FakeHost(FakeCloud *cloud, const HostEndpoint &endpoint)
    : QObject(cloud)
    , m_cloud(cloud)
    , m_address(endpoint.address)
    , m_serverName(endpoint.serverName)
    , m_role(endpoint.role)
    , m_hostKey(endpoint.pinnedHostKey)
{
    m_jvbRetry.setInterval(cloud->jvbRetryMs());
    connect(&m_jvbRetry, &QTimer::timeout, this, [this] { attemptJoin(); });
    m_joinDeadline.setSingleShot(true);
    connect(&m_joinDeadline, &QTimer::timeout, this, [this] { stopJoinWait(false); });
    if (knobs().bootRequested)
        m_booted = true;
    else if (cloud->autoBootMs() >= 0)
        QTimer::singleShot(cloud->autoBootMs(), this, &FakeHost::boot);
}

FakeHost::~FakeHost() = default;

FakeCloud::Knobs &FakeHost::knobs() const
{
    return m_cloud->knobs(m_address);
}

QString FakeHost::privateAddress() const
{
    return knobs().privateAddress;
}

void FakeHost::boot()
{
    if (m_booted)
        return;
    m_booted = true;
    Q_EMIT booted();
}

QString FakeHost::presentedHostKey() const
{
    const QString mitm = knobs().presentedHostKey;
    return mitm.isEmpty() ? m_hostKey : mitm;
}

QString FakeHost::prosodyLogPath()
{
    return u"/var/log/prosody/prosody.log"_s;
}

QString FakeHost::jicofoLogPath()
{
    return u"/var/log/jitsi/jicofo.log"_s;
}

QString FakeHost::jvbLogPath()
{
    return u"/var/log/jitsi/jvb.log"_s;
}

void FakeHost::writeFile(const QString &path, const QByteArray &content, int mode)
{
    m_files.insert(path, {content, mode});
}

void FakeHost::appendFile(const QString &path, const QByteArray &bytes, int mode)
{
    auto it = m_files.find(path);
    if (it == m_files.end())
        it = m_files.insert(path, {{}, mode});
    it->content += bytes;
    Q_EMIT fileAppended(path);
}

QByteArray FakeHost::provisionLog() const
{
    return file(InstallBundle::logPath());
}

void FakeHost::appendLog(const QString &line)
{
    appendFile(InstallBundle::logPath(), line.toUtf8() + '\n', 0600);
}

QString FakeHost::timeField()
{
    return u"time="_s + m_cloud->nextLogTime().toString(Qt::ISODate);
}

// ---- runs ----

Result<qint64> FakeHost::startTask(ProvisionTask task)
{
    ++m_counters.startRequests;
    const QStringList steps = ProvisionSteps::steps(task, m_role);
    QString needed = InstallBundle::scriptDirectory() + u"/web-firewall.sh"_s;
    if (task == ProvisionTask::Install)
        needed = u"/etc/systemd/system/"_s + InstallBundle::unitName();
    else if (task == ProvisionTask::Certificate)
        needed = InstallBundle::scriptDirectory() + u"/web-certificate.sh"_s;
    if (steps.isEmpty() || !hasFile(needed))
        return SshErrors::commandFailed(5); // systemctl: unit or script not found
    if (m_run)
        return m_run->startOffset;

    Run run;
    run.task = task;
    run.name = ProvisionSteps::taskName(task, m_role);
    run.steps = steps;
    run.startOffset = provisionLog().size();
    const QString envPath = EnvFile::remotePath();
    if (!hasFile(envPath))
        run.envError = u"parameter file %1 is missing; upload it again from the app"_s.arg(envPath);
    else if (fileMode(envPath) != EnvFile::unixMode)
        run.envError = u"parameter file %1 has mode %2, expected 600"_s.arg(envPath).arg(fileMode(envPath), 0, 8);
    else if (const Result<QHash<QString, QString>> parsed = EnvFile::parse(file(envPath)); !parsed.ok())
        run.envError = u"parameter file %1 cannot be read: %2"_s.arg(envPath, parsed.error().detail);
    else
        run.env = parsed.value();
    m_run = run;
    ++m_counters.runsStarted;
    appendLog(u"@@run start "_s + run.name + u' ' + timeField());
    QTimer::singleShot(0, this, &FakeHost::advance);
    return run.startOffset;
}

QString FakeHost::stepDigest(const QString &step) const
{
    const QStringList inputs = stepInputs(m_role, step);
    if (inputs.isEmpty())
        return u"none"_s;
    QByteArray values;
    for (const QString &name : inputs)
        values += m_run->env.value(name).toUtf8() + '\n';
    return QString::fromLatin1(QCryptographicHash::hash(values, QCryptographicHash::Sha256).toHex());
}

void FakeHost::advance()
{
    if (!m_run)
        return;
    Run &run = *m_run;
    if (!run.envError.isEmpty()) {
        appendLog(u"@@error none "_s + run.envError);
        endRun(1);
        return;
    }
    const bool packagesPhaseDone = run.task == ProvisionTask::Install && m_role == HostRole::Bridge
                                   && run.env.value(u"JD_PHASE"_s) == u"packages"_s && run.next > 0
                                   && run.steps.at(run.next - 1) == ProvisionSteps::bridgePackagesPhaseLastStep();
    if (packagesPhaseDone || run.next >= run.steps.size()) {
        endRun(0);
        return;
    }
    const QString step = run.steps.at(run.next);
    if (m_state.contains(step) && m_state.value(step) == stepDigest(step)) {
        appendLog(u"@@step skip "_s + step + u' ' + timeField());
        ++run.next;
        QTimer::singleShot(0, this, &FakeHost::advance);
        return;
    }
    appendLog(u"@@step start "_s + step + u' ' + timeField());
    run.currentStep = step;
    ++m_counters.stepsRun[step];
    const int durationMs = knobs().stepDurationsMs.value(step, m_cloud->stepDurationMs());
    QTimer::singleShot(durationMs, this, [this, step] { finishStep(step); });
}

void FakeHost::finishStep(const QString &step)
{
    if (!m_run || m_run->currentStep != step)
        return;
    auto &failures = knobs().failures;
    if (auto it = failures.find(step); it != failures.end() && it->second > 0) {
        const QString message = it->first.isEmpty() ? u"simulated failure of %1"_s.arg(step) : it->first;
        if (--it->second == 0)
            failures.erase(it);
        endStep(step, 1, message);
        return;
    }
    const QString error = performStep(step);
    if (error == u"wait"_s) // restart-and-join: the join (or its deadline) ends the step
        return;
    endStep(step, error.isEmpty() ? 0 : 1, error);
}

void FakeHost::endStep(const QString &step, int rc, const QString &error)
{
    if (!m_run || m_run->currentStep != step)
        return;
    m_run->currentStep.clear();
    if (rc != 0) {
        appendLog(u"@@error "_s + step + u' ' + error);
        appendLog(u"@@step end %1 rc=%2 "_s.arg(step).arg(rc) + timeField());
        endRun(rc);
        return;
    }
    m_state.insert(step, stepDigest(step));
    QByteArray state;
    for (auto it = m_state.cbegin(); it != m_state.cend(); ++it)
        state += (it.key() + u' ' + it.value()).toUtf8() + '\n';
    writeFile(InstallBundle::statePath(), state, 0600);
    appendLog(u"fake %1: done"_s.arg(step));
    appendLog(u"@@step end %1 rc=0 "_s.arg(step) + timeField());
    ++m_run->next;
    QTimer::singleShot(0, this, &FakeHost::advance);
}

void FakeHost::endRun(int rc)
{
    const QString name = m_run->name;
    m_run.reset();
    appendLog(u"@@run end %1 rc=%2 "_s.arg(name).arg(rc) + timeField());
    Q_EMIT runFinished(rc);
}

QString FakeHost::performStep(const QString &step)
{
    const QHash<QString, QString> &env = m_run->env;
    const QString domain = env.value(u"JD_DOMAIN"_s);
    if (m_role == HostRole::Web) {
        if (step == u"install-packages"_s && !m_jitsiInstalled) {
            m_jitsiInstalled = true;
            for (const QString &package :
                 {u"jicofo"_s, u"jitsi-meet-web"_s, u"jitsi-meet-web-config"_s, u"jitsi-meet-prosody"_s, u"prosody"_s})
                m_packages.insert(package, m_cloud->repository(package).value(m_cloud->repository(package).size() - 1));
            m_domain = domain;
            writeFile(InstallBundle::prosodyAuthCertificatePath(domain),
                      FakeJitsiLogs::prosodyCertificate(domain, m_address), 0644);
            appendProsody(FakeJitsiLogs::prosodyStarted(m_cloud->nextLogTime()));
            m_focusSessionId = newSessionId();
            appendProsody(
                    FakeJitsiLogs::prosodyLogin(m_cloud->nextLogTime(), m_focusSessionId, u"focus@auth."_s + domain));
            appendFile(jicofoLogPath(), FakeJitsiLogs::jicofoJoinedBrewery(m_cloud->nextLogTime(), domain));
        } else if (step == u"register-jvb"_s) {
            if (!m_jitsiInstalled)
                return u"prosodyctl is missing; was the package installed?"_s;
            m_registeredSecret = env.value(u"JD_JVB_SECRET"_s);
        } else if (step == u"configure-jicofo"_s) {
            m_jicofoHealthEnabled = true;
        } else if (step == u"meeting-access"_s) {
            m_meetingAccess = env.value(u"JD_MEETING_ACCESS"_s, u"open"_s);
        } else if (step == u"firewall"_s) {
            m_allowed = env.value(u"JD_BRIDGE_ADDRESSES"_s).split(u' ', Qt::SkipEmptyParts);
            m_firewallApplied = true;
        } else if (step == u"certificate"_s) {
            writeFile(u"/etc/letsencrypt/live/%1/fullchain.pem"_s.arg(domain),
                      FakeJitsiLogs::prosodyCertificate(domain, u"acme"_s), 0644);
        }
        return {};
    }

    if (step == u"install-packages"_s) {
        // As provision-bridge.sh: JD_JVB_VERSION exactly, and only if the repository still offers it.
        const QStringList offered = m_cloud->repository(u"jitsi-videobridge2"_s);
        const QString wanted = env.value(u"JD_JVB_VERSION"_s);
        if (!wanted.isEmpty() && !offered.contains(wanted))
            return u"jitsi-videobridge2 %1, the version the other bridges run, is no longer in the Jitsi repository"_s
                    .arg(wanted);
        m_packages.insert(u"jitsi-videobridge2"_s, wanted.isEmpty() ? offered.value(offered.size() - 1) : wanted);
        m_jvbInstalled = true;
        m_jvbRunning = true; // jvb starts with the package, on its default (local) configuration
    } else if (step == u"trust-prosody-certificate"_s) {
        if (env.value(u"JD_DISABLE_CERT_VERIFICATION"_s) == u"true"_s) {
            appendLog(u"WARNING: certificate verification of auth.%1 is disabled by the deployment's options"_s.arg(
                    domain));
            return {};
        }
        const QString b64 = env.value(u"JD_PROSODY_AUTH_CERT_B64"_s);
        if (b64.isEmpty())
            return u"parameter JD_PROSODY_AUTH_CERT_B64 is missing from %1"_s.arg(EnvFile::remotePath());
        m_trustedCertificate = QByteArray::fromBase64(b64.toLatin1());
        writeFile(u"/usr/local/share/ca-certificates/jitsi-deployer-auth.crt"_s, m_trustedCertificate, 0644);
    } else if (step == u"configure-jvb"_s) {
        const bool multiLocation = env.value(u"JD_MULTI_LOCATION"_s) == u"true"_s;
        JvbConfig config;
        config.domain = domain;
        config.xmppHost = env.value(u"JD_XMPP_HOST"_s);
        config.secret = env.value(u"JD_JVB_SECRET"_s);
        config.nickname = env.value(u"JD_SERVER_NAME"_s);
        config.relayId = multiLocation ? config.nickname : QString();
        config.region = multiLocation ? env.value(u"JD_REGION"_s) : QString();
        config.certificateVerificationDisabled = env.value(u"JD_DISABLE_CERT_VERIFICATION"_s) == u"true"_s;
        m_configured = config;
        // No secret: the fake keeps it in memory only, so no test can mistake a file for a leak.
        writeFile(u"/etc/jitsi/videobridge/jvb.conf"_s,
                  u"videobridge.apis.xmpp-client.configs.shard { HOSTNAME = \"%1\", MUC_NICKNAME = \"%2\" }\n"_s
                          .arg(config.xmppHost, config.nickname)
                          .toUtf8(),
                  0640);
    } else if (step == restartAndJoin) {
        if (!m_configured)
            return u"jitsi-videobridge2 is not configured; run configure-jvb first"_s;
        restartJvb();
        if (attemptJoin() == JoinOutcome::Joined)
            return {};
        m_waitingForJoin = true;
        m_joinDeadline.start(m_cloud->joinTimeoutMs());
        return u"wait"_s;
    }
    return {};
}

// ---- Jitsi: the bridge side ----

void FakeHost::restartJvb()
{
    if (m_joinedTo)
        m_joinedTo->bridgeLeft(this, false);
    m_joinedTo = nullptr;
    m_active = m_configured;
    if (const QString nickname = knobs().mucNickname; !nickname.isEmpty())
        m_active->nickname = nickname;
    m_jvbRunning = true;
    m_lastOutcome = JoinOutcome::None;
    m_jvbRestartOffset = file(jvbLogPath()).size();
    appendFile(jvbLogPath(), FakeJitsiLogs::jvbStarted(m_cloud->nextLogTime(), m_active->xmppHost, m_active->domain,
                                                       m_active->nickname, m_active->certificateVerificationDisabled));
    m_jvbRetry.setInterval(m_cloud->jvbRetryMs());
    m_jvbRetry.start();
}

FakeHost::JoinOutcome FakeHost::attemptJoin()
{
    if (!m_active || !m_jvbRunning) {
        m_jvbRetry.stop();
        return JoinOutcome::None;
    }
    if (m_joinedTo)
        return JoinOutcome::Joined;
    const JvbConfig &config = *m_active;
    FakeHost *web = m_cloud->webHostAt(config.xmppHost);
    JoinOutcome outcome = JoinOutcome::Joined;
    if (!web || !web->m_jitsiInstalled || !web->lets5222Through(this))
        outcome = JoinOutcome::Unreachable;
    else if (!config.certificateVerificationDisabled
             && (m_trustedCertificate.trimmed().isEmpty()
                 || m_trustedCertificate.trimmed()
                            != web->file(InstallBundle::prosodyAuthCertificatePath(config.domain)).trimmed()))
        outcome = JoinOutcome::CertificateRejected;
    else if (config.domain != web->m_domain || web->m_registeredSecret.isEmpty()
             || config.secret != web->m_registeredSecret)
        outcome = JoinOutcome::LoginFailed;
    else if (web->nicknameTaken(config.nickname, this))
        outcome = JoinOutcome::Conflict;

    const QDateTime time = m_cloud->nextLogTime();
    if (outcome == JoinOutcome::Joined) {
        m_jvbRetry.stop();
        appendFile(jvbLogPath(), FakeJitsiLogs::jvbJoined(time, config.xmppHost, config.domain));
        m_joinedTo = web;
        m_joinedNickname = config.nickname;
        web->bridgeJoined(this, config.nickname, config.relayId, config.region);
        m_lastOutcome = outcome;
        if (m_waitingForJoin)
            stopJoinWait(true);
        return outcome;
    }
    // jvb logs every retry; the fake logs a failure when its cause changes, enough for the Verifier and the
    // script's "last error".
    if (outcome != m_lastOutcome) {
        switch (outcome) {
        case JoinOutcome::Unreachable:
            appendFile(jvbLogPath(), FakeJitsiLogs::jvbConnectTimedOut(time, config.xmppHost));
            break;
        case JoinOutcome::CertificateRejected:
            appendFile(jvbLogPath(), FakeJitsiLogs::jvbCertificateRejected(time, config.xmppHost));
            break;
        case JoinOutcome::LoginFailed: {
            appendFile(jvbLogPath(), FakeJitsiLogs::jvbLoginFailed(time, config.xmppHost));
            const QString session = web->newSessionId();
            web->appendProsody(FakeJitsiLogs::prosodyConnected(time, session)
                               + FakeJitsiLogs::prosodyDisconnected(time, session));
            break;
        }
        case JoinOutcome::Conflict: {
            appendFile(jvbLogPath(),
                       FakeJitsiLogs::jvbNicknameConflict(time, config.xmppHost, config.domain, config.nickname));
            const QString session = web->newSessionId();
            web->appendProsody(FakeJitsiLogs::prosodyLogin(time, session, u"jvb@auth."_s + config.domain)
                               + FakeJitsiLogs::prosodyDisconnected(time, session));
            break;
        }
        case JoinOutcome::None:
        case JoinOutcome::Joined:
            break;
        }
    }
    m_lastOutcome = outcome;
    return outcome;
}

void FakeHost::stopJoinWait(bool joined)
{
    if (!m_waitingForJoin)
        return;
    m_waitingForJoin = false;
    m_joinDeadline.stop();
    if (joined) {
        endStep(restartAndJoin, 0);
        return;
    }
    const QString host = m_active ? m_active->xmppHost : QString();
    const QString reason = lastJvbError();
    endStep(restartAndJoin, 1,
            u"the bridge did not join the brewery on %1 within 300s"_s.arg(host)
                    + (reason.isEmpty() ? QString() : u"; last error: "_s + reason));
}

QString FakeHost::lastJvbError() const
{
    // The script's grep over jvb.log since the restart.
    static const QRegularExpression pattern(
            u"Error connecting|Failed to login|not-authorized|SSLHandshake|certificate"_s);
    QString last;
    const QString text = QString::fromUtf8(file(jvbLogPath()).mid(m_jvbRestartOffset));
    for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
        if (pattern.match(line).hasMatch())
            last = line.left(300);
    }
    return last;
}

void FakeHost::enterDrainMode()
{
    ++m_counters.drains;
    m_cloud->record(u"drain-mode "_s + m_serverName);
    m_drainMode = true;
}

void FakeHost::undrain()
{
    m_drainMode = false;
    ++m_counters.undrains;
    m_cloud->record(u"undrain "_s + m_serverName);
}

PackageVersions FakeHost::packageVersions(const QString &availableOf) const
{
    PackageVersions versions;
    versions.installed = m_packages;
    // Newest first, as apt-cache madison lists them.
    const QStringList offered = availableOf.isEmpty() ? QStringList() : m_cloud->repository(availableOf);
    for (auto it = offered.crbegin(); it != offered.crend(); ++it)
        versions.available.append(*it);
    return versions;
}

PackageVersions FakeHost::upgrade()
{
    ++m_counters.upgrades;
    FakeHost *web = m_role == HostRole::Bridge ? m_joinedTo.data() : this;
    int operational = web ? web->operationalBridgeCount() : 0;
    if (m_role == HostRole::Bridge && !web) { // drained (left the brewery): count at its web host
        for (FakeHost *host : m_cloud->hosts())
            if (host->role() == HostRole::Web)
                operational = host->operationalBridgeCount();
    }
    m_cloud->record(u"upgrade %1 bridges=%2"_s.arg(m_serverName).arg(operational));
    for (auto it = m_packages.begin(); it != m_packages.end(); ++it) {
        const QStringList offered = m_cloud->repository(it.key());
        if (!offered.isEmpty())
            it.value() = offered.last();
    }
    // The restart: a bridge logs in again with its configuration and rejoins.
    if (m_role == HostRole::Bridge && m_configured) {
        restartJvb();
        attemptJoin();
    }
    return packageVersions({});
}

int FakeHost::drain()
{
    ++m_counters.drains;
    m_cloud->record(u"drain "_s + m_serverName);
    if (m_joinedTo)
        m_joinedTo->bridgeLeft(this, false);
    m_joinedTo = nullptr;
    m_jvbRunning = false;
    m_jvbRetry.stop();
    return knobs().conferencesAfterDrain;
}

void FakeHost::webHostGone(FakeHost *web)
{
    if (m_joinedTo != web)
        return;
    m_joinedTo = nullptr;
    m_lastOutcome = JoinOutcome::None;
    if (m_jvbRunning && m_active)
        m_jvbRetry.start();
}

// ---- Jitsi: the web host side ----

QString FakeHost::newSessionId()
{
    return u"c2s55b1e7e%1"_s.arg(++m_sessionCounter, 4, 16, QChar(u'0'));
}

bool FakeHost::lets5222Through(const FakeHost *bridge) const
{
    if (knobs().block5222 || !m_firewallApplied)
        return false;
    const QString bridgePrivate = bridge->privateAddress();
    return m_allowed.contains(bridge->address()) || (!bridgePrivate.isEmpty() && m_allowed.contains(bridgePrivate));
}

bool FakeHost::nicknameTaken(const QString &nickname, const FakeHost *except) const
{
    return std::any_of(m_sessions.cbegin(), m_sessions.cend(),
                       [&](const Session &s) { return s.nickname == nickname && s.bridge != except; });
}

void FakeHost::bridgeJoined(FakeHost *bridge, const QString &nickname, const QString &relayId, const QString &region)
{
    // The bridge connects to the address it was configured with; prosody sees the bridge's address on that network.
    const bool overPrivate
            = bridge->m_active && !privateAddress().isEmpty() && bridge->m_active->xmppHost == privateAddress();
    const Session session{bridge, nickname, newSessionId(), overPrivate ? bridge->privateAddress() : bridge->address()};
    m_sessions.append(session);
    const QDateTime time = m_cloud->nextLogTime();
    appendProsody(FakeJitsiLogs::prosodyLogin(time, session.id, u"jvb@auth."_s + m_domain));
    appendFile(jicofoLogPath(), FakeJitsiLogs::jicofoBridgeAdded(time, m_domain, nickname, relayId, region));
}

void FakeHost::bridgeLeft(FakeHost *bridge, bool lost)
{
    for (qsizetype i = 0; i < m_sessions.size(); ++i) {
        if (m_sessions.at(i).bridge != bridge)
            continue;
        const Session session = m_sessions.takeAt(i);
        const QDateTime time = m_cloud->nextLogTime();
        appendProsody(FakeJitsiLogs::prosodyDisconnected(time, session.id));
        appendFile(jicofoLogPath(), FakeJitsiLogs::jicofoBridgeRemoved(time, m_domain, session.nickname, lost));
        return;
    }
}

int FakeHost::operationalBridgeCount() const
{
    QSet<QString> nicknames;
    for (const Session &session : m_sessions)
        nicknames.insert(session.nickname);
    return int(nicknames.size());
}

HttpProbe FakeHost::probeHttp(quint16 port, const QString &path) const
{
    if (m_role == HostRole::Web && port == 8888 && m_jitsiInstalled) {
        const int count = operationalBridgeCount();
        if (path == u"/stats"_s) {
            const QJsonObject selector{{u"bridge_count"_s, count},
                                       {u"operational_bridge_count"_s, count},
                                       {u"in_shutdown_bridge_count"_s, 0},
                                       {u"lost_bridges"_s, 0},
                                       {u"bridge_version_count"_s, count > 0 ? 1 : 0}};
            return HttpProbe::answered(
                    200, QJsonDocument(QJsonObject{{u"bridge_selector"_s, selector}}).toJson(QJsonDocument::Compact));
        }
        if (path == u"/debug"_s) {
            // The shape of jicofo's BridgeSelector.debugState (see deploy/jitsistate.cpp for the sources).
            QJsonObject bridges;
            for (const Session &session : m_sessions)
                bridges.insert(u"jvbbrewery@internal.auth."_s + m_domain + u'/' + session.nickname,
                               QJsonObject{{u"operational"_s, true},
                                           {u"healthy"_s, true},
                                           {u"drain"_s, false},
                                           {u"graceful-shutdown"_s, false},
                                           {u"shutting-down"_s, false},
                                           {u"stress"_s, 0.0},
                                           {u"corrected-stress"_s, 0.0},
                                           {u"endpoints"_s, 0},
                                           {u"version"_s, u"2.3.209-g9c8bc33f"_s}});
            const QJsonObject selector{{u"strategy"_s, u"SingleBridgeSelectionStrategy"_s}, {u"bridge"_s, bridges}};
            return HttpProbe::answered(
                    200, QJsonDocument(QJsonObject{{u"bridge_selector"_s, selector}}).toJson(QJsonDocument::Compact));
        }
        if (path == u"/about/health"_s && m_jicofoHealthEnabled) {
            if (count > 0)
                return HttpProbe::answered(200);
            return HttpProbe::answered(500, "No operational bridges available (total bridge count: 0)");
        }
        return HttpProbe::answered(404);
    }
    if (m_role == HostRole::Bridge && port == 8080 && m_jvbRunning) {
        if (path == u"/metrics"_s) {
            // jitsi-videobridge's Prometheus names (see deploy/jitsistate.cpp for the sources).
            const int joined = m_joinedTo ? 1 : 0;
            QByteArray text;
            const QList<QPair<const char *, QByteArray>> gauges{
                    {"jitsi_jvb_conferences", QByteArray::number(m_meeting.conferences)},
                    {"jitsi_jvb_current_endpoints", QByteArray::number(m_meeting.endpoints)},
                    {"jitsi_jvb_stress", "0.0"},
                    {"jitsi_jvb_drain_mode", m_drainMode ? "1" : "0"},
                    {"jitsi_jvb_graceful_shutdown", "0"},
                    {"jitsi_jvb_muc_clients_configured", "1"},
                    {"jitsi_jvb_muc_clients_connected", QByteArray::number(joined)},
                    {"jitsi_jvb_mucs_joined", QByteArray::number(joined)}};
            for (const auto &[name, value] : gauges)
                text += "# TYPE "_ba + name + " gauge\n"_ba + name + ' ' + value + '\n';
            // Counters carry the "_total" jicoco's MetricsContainer adds (deploy/jitsistate.cpp).
            const QList<QPair<const char *, qint64>> counters{
                    {"jitsi_jvb_ice_succeeded", m_meeting.iceSucceeded},
                    {"jitsi_jvb_data_channel_messages_received", m_meeting.dataChannelMessages}};
            for (const auto &[name, value] : counters)
                text += "# TYPE "_ba + name + " counter\n"_ba + name + "_total "_ba + QByteArray::number(value) + '\n';
            return HttpProbe::answered(200, text);
        }
        return HttpProbe::answered(path == u"/about/health"_s ? 200 : 404);
    }
    return HttpProbe::failed(u"Failed to connect to 127.0.0.1 port %1: Connection refused"_s.arg(port));
}

QStringList FakeHost::answerState(const StateQuery &query) const
{
    switch (query.kind) {
    case StateQuery::Kind::ProsodySessions: {
        if (m_role != HostRole::Web || !m_jitsiInstalled)
            return {}; // no prosodyctl
        // prosodyctl shell prints mod_admin_shell's table: cells padded to the column width, " | " between them.
        auto row = [](const QString &id, const QString &jid, const QString &ip) -> QString {
            return id.leftJustified(20) + u" | "_s + jid.leftJustified(200) + u" | "_s + ip.leftJustified(40);
        };
        QStringList out{row(u"Session ID"_s, u"JID"_s, u"IP address"_s)};
        if (!m_focusSessionId.isEmpty())
            out.append(row(m_focusSessionId, u"focus@auth."_s + m_domain + u"/focus"_s, u"127.0.0.1"_s));
        for (const Session &session : m_sessions)
            out.append(row(session.id, u"jvb@auth."_s + m_domain + u'/' + session.id.right(8), session.ip));
        out.append(u"OK: %1 c2s sessions shown"_s.arg(out.size() - 1));
        return out;
    }
    case StateQuery::Kind::ProsodyLogins: {
        QStringList out;
        qsizetype found = 0;
        for (const QString &name : {u"prosody.log"_s, u"prosody.log.1"_s}) {
            const QString path = u"/var/log/prosody/"_s + name;
            if (!hasFile(path))
                continue;
            out.append(u"@@file "_s + name);
            const QList<QByteArray> lines = file(path).split('\n');
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QString line = QString::fromUtf8(lines.at(i));
                for (const QString &id : query.arguments) {
                    if (line.contains(id + u"\tinfo\tAuthenticated as "_s)) {
                        out.append(QString::number(i + 1) + u':' + line);
                        ++found;
                    }
                }
            }
            if (found >= query.arguments.size())
                break;
        }
        return out;
    }
    case StateQuery::Kind::PackageVersions: {
        // The same installed versions the install and the rolling update set (m_packages), as dpkg-query shows them.
        const QMap<QString, QString> &installed = m_packages;
        QStringList out;
        for (const QString &package : query.arguments) {
            if (installed.contains(package))
                out.append(package + u"\tii \t"_s + installed.value(package));
        }
        return out;
    }
    }
    return {};
}

void FakeHost::rotateLog(const QString &path)
{
    if (!hasFile(path))
        return;
    writeFile(path + u".1"_s, file(path), fileMode(path));
    writeFile(path, {}, fileMode(path));
}

Result<AccountList> FakeHost::manageAccounts(const AccountRequest &request)
{
    auto scriptError = [](const QString &code, const QString &message) {
        return Error{u"host"_s, u"account_"_s + code, message, message, {}, 0};
    };
    const bool moderated = m_meetingAccess == u"moderated"_s;
    if (request.action != AccountRequest::Action::List) {
        if (!moderated)
            return scriptError(u"not_moderated"_s, u"meetings are open to everyone"_s);
        if (auto valid = request.validate(); !valid.ok())
            return valid.error();
        if (request.action == AccountRequest::Action::Add) {
            if (m_accounts.contains(request.user))
                return scriptError(u"exists"_s, u"the account already exists"_s);
            m_accounts.insert(request.user, request.password);
        } else if (m_accounts.remove(request.user) == 0) {
            return scriptError(u"not_found"_s, u"there is no such account"_s);
        }
    }
    return AccountList{moderated, m_accounts.keys()};
}
