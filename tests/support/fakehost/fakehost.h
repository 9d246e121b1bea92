#pragma once

#include "fakecloud.h"

#include "deploy/hostagent.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

// One fake server of a FakeCloud (see there for what it simulates). Everything happens on timers in the thread
// it lives in; agents call its operations and report the results asynchronously.
class FakeHost : public QObject
{
    Q_OBJECT

public:
    FakeHost(FakeCloud *cloud, const HostEndpoint &endpoint);
    ~FakeHost() override;

    QString address() const { return m_address; }
    QString serverName() const { return m_serverName; }
    HostRole role() const { return m_role; }
    QString privateAddress() const;

    bool isBooted() const { return m_booted; }
    void boot();
    QString presentedHostKey() const; // what a connect sees: a MITM's key if one is set
    QString ownHostKey() const { return m_hostKey; }
    void installHostKey(const QString &publicKey) { m_hostKey = publicKey; }

    // ---- files: path -> bytes and mode ----
    bool hasFile(const QString &path) const { return m_files.contains(path); }
    QByteArray file(const QString &path) const { return m_files.value(path).content; }
    int fileMode(const QString &path) const { return m_files.value(path).mode; }
    QStringList filePaths() const { return m_files.keys(); }
    void removeFile(const QString &path) { m_files.remove(path); } // as an admin's rm would
    void writeFile(const QString &path, const QByteArray &content, int mode);
    void appendFile(const QString &path, const QByteArray &bytes, int mode = 0640);
    QByteArray provisionLog() const;
    QMap<QString, QString> completedSteps() const { return m_state; } // step -> inputs digest

    // ---- runs ----
    bool isRunning() const { return m_run.has_value(); }
    // Starts `task` unless one runs; the log offset of the (current) run's "@@run start". An error if the
    // bundle for it was not uploaded (systemctl: no such unit).
    Result<qint64> startTask(ProvisionTask task);

    // ---- Jitsi ----
    bool jvbRunning() const { return m_jvbRunning; }
    bool joined() const { return !m_joinedTo.isNull(); }
    QString joinedNickname() const { return m_joinedNickname; }
    QString registeredJvbSecret() const { return m_registeredSecret; }
    QStringList allowedAddresses() const { return m_allowed; }
    int operationalBridgeCount() const;
    HttpProbe probeHttp(quint16 port, const QString &path) const;
    // The output a real host prints for a state command (jitsistate.h): prosodyctl shell's c2s table, the grep of
    // prosody.log and prosody.log.1 for login lines (the fake compresses no log), dpkg-query's lines.
    QStringList answerState(const StateQuery &query) const;
    // As logrotate's copytruncate (jicofo, jvb) or create (prosody) leaves a log: its content moved to
    // `<path>.1`, the log itself empty.
    void rotateLog(const QString &path);
    int drain(); // conferences left
    void undrain();
    // jvb's drain mode alone (POST /colibri/drain/enable, as a drain time of 0 asks): jvb runs on, stays in the
    // brewery and shows jitsi_jvb_drain_mode 1; undrain() ends it. Journal: "drain-mode <host>".
    void enterDrainMode();
    bool drainMode() const { return m_drainMode; }
    // A test meeting on this bridge, as its /metrics shows it: current conferences and endpoints, and the counters
    // ICE succeeded and data-channel messages received (since jvb started).
    void setMeeting(int conferences, int endpoints, qint64 iceSucceeded, qint64 dataChannelMessages)
    {
        m_meeting = {conferences, endpoints, iceSucceeded, dataChannelMessages};
    }
    // The installed Jitsi packages; with `availableOf`, the repository's versions of that package too.
    PackageVersions packageVersions(const QString &availableOf) const;
    PackageVersions upgrade(); // every installed Jitsi package to the repository's newest; daemons restarted
    void setInstalledVersion(const QString &package, const QString &version) { m_packages[package] = version; }
    // Meeting access as the meeting-access step left it ("open" until it ran), and the accounts of the meeting
    // domain with web-accounts.sh's rules and errors (codes not_moderated, exists, not_found).
    QString meetingAccess() const { return m_meetingAccess; }
    Result<AccountList> manageAccounts(const AccountRequest &request);
    QString accountPassword(const QString &user) const { return m_accounts.value(user); }

    FakeHostCounters &counters() { return m_counters; }
    const FakeHostCounters &counters() const { return m_counters; }

    // Web host side of a bridge's XMPP session (called by bridges).
    void bridgeJoined(FakeHost *bridge, const QString &nickname, const QString &relayId, const QString &region);
    void bridgeLeft(FakeHost *bridge, bool lost);
    bool nicknameTaken(const QString &nickname, const FakeHost *except) const;
    bool lets5222Through(const FakeHost *bridge) const;
    void appendProsody(const QByteArray &lines) { appendFile(prosodyLogPath(), lines); }
    QString newSessionId();
    // The web host is gone: the bridges joined to it lose their session.
    void webHostGone(FakeHost *web);

    static QString prosodyLogPath();
    static QString jicofoLogPath();
    static QString jvbLogPath();

Q_SIGNALS:
    void booted();
    void fileAppended(const QString &path);
    void runFinished(int rc);

private:
    struct File
    {
        QByteArray content;
        int mode = 0644;
    };
    struct Run
    {
        ProvisionTask task = ProvisionTask::Install;
        QString name;
        QStringList steps;
        qsizetype next = 0;
        QHash<QString, QString> env;
        QString envError;
        qint64 startOffset = 0;
        QString currentStep;
    };
    struct JvbConfig
    {
        QString domain;
        QString xmppHost;
        QString secret;
        QString nickname;
        QString relayId;
        QString region;
        bool certificateVerificationDisabled = false;
    };
    enum class JoinOutcome { None, Joined, Unreachable, CertificateRejected, LoginFailed, Conflict };

    FakeCloud::Knobs &knobs() const;
    void appendLog(const QString &line);
    QString timeField();
    void advance();
    void finishStep(const QString &step);
    void endStep(const QString &step, int rc, const QString &error = {});
    void endRun(int rc);
    QString stepDigest(const QString &step) const;
    QString performStep(const QString &step); // empty = success; "wait" = restart-and-join waits
    void restartJvb();
    JoinOutcome attemptJoin();
    void stopJoinWait(bool joined);
    QString lastJvbError() const;

    QPointer<FakeCloud> m_cloud;
    QString m_address;
    QString m_serverName;
    HostRole m_role;
    QString m_hostKey;
    bool m_booted = false;
    QMap<QString, File> m_files;
    QMap<QString, QString> m_state;
    std::optional<Run> m_run;
    FakeHostCounters m_counters;

    // web host
    bool m_jitsiInstalled = false;
    QString m_domain;
    QString m_registeredSecret;
    bool m_firewallApplied = false;
    QStringList m_allowed;
    bool m_jicofoHealthEnabled = false;
    struct Session
    {
        QPointer<FakeHost> bridge;
        QString nickname;
        QString id;
        QString ip; // the address the bridge connected from, as prosody sees it
    };
    QString m_focusSessionId;
    QList<Session> m_sessions;
    int m_sessionCounter = 0;

    QMap<QString, QString> m_packages; // installed Jitsi packages -> version
    QString m_meetingAccess = QStringLiteral("open");
    QMap<QString, QString> m_accounts; // user -> password, as prosody would check it

    // bridge
    bool m_jvbInstalled = false;
    bool m_jvbRunning = false;
    bool m_drainMode = false;
    struct Meeting
    {
        int conferences = 0;
        int endpoints = 0;
        qint64 iceSucceeded = 0;
        qint64 dataChannelMessages = 0;
    } m_meeting;
    QByteArray m_trustedCertificate;
    std::optional<JvbConfig> m_configured; // written by configure-jvb
    std::optional<JvbConfig> m_active; // what the running jvb uses
    QPointer<FakeHost> m_joinedTo;
    QString m_joinedNickname;
    JoinOutcome m_lastOutcome = JoinOutcome::None;
    qint64 m_jvbRestartOffset = 0;
    QTimer m_jvbRetry;
    QTimer m_joinDeadline;
    bool m_waitingForJoin = false;
};
