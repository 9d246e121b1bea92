#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A real OpenSSH server (Debian's /usr/sbin/sshd) for one test: listens on 127.0.0.1 only, with its own
// host key, authorized_keys and config in a temporary directory. Never touches the machine's own sshd or
// its config. The destructor stops the server and every session process it spawned.
//
// Logins: as root when the test runs as root (CI), else as the current user (sshd then runs unprivileged).
//
//     TestSshd sshd;
//     QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
//     sshd.authorize(keys.generate(TestKeys::Type::Ed25519).publicLine);
//     options.port = sshd.port(); options.pinnedHostKey = sshd.hostPublicKey();
class TestSshd
{
public:
    enum class KeyType { Ed25519, Ecdsa, Rsa };

    struct Options
    {
        KeyType hostKeyType = KeyType::Ed25519;
        // 0 = pick a free port. Set it to another server's port() to take over its address (MITM test: stop
        // server A, start B with a different host key on A's port).
        quint16 port = 0;
        // Use this existing private host key file (0600) instead of generating one, e.g. to restart "the same
        // server" after stop(). Its public half is read from "<file>.pub".
        QString hostKeyFile;
        int clientAliveIntervalSeconds = 0; // sshd's ClientAliveInterval; 0 = off
        int clientAliveCountMax = 3;
        QStringList extraConfig; // additional sshd_config lines, appended last
    };

    TestSshd();
    explicit TestSshd(const Options &options);
    ~TestSshd();
    TestSshd(const TestSshd &) = delete;
    TestSshd &operator=(const TestSshd &) = delete;

    // Generates the host key (first time), writes the config, starts sshd and waits until it accepts
    // connections. On failure returns false; errorString() (and `error`) say why, with sshd's log.
    bool start(QString *error = nullptr);
    // Stops the listener and kills every connection it served (their sshd children and remote commands).
    void stop();
    // Kills the established sessions but keeps listening: the server side of a dropped connection.
    void dropConnections();
    bool isRunning() const;

    QString host() const; // "127.0.0.1"
    quint16 port() const; // valid after start(); kept after stop() so a restart can reuse it
    QString user() const; // the login name to use
    qint64 pid() const;

    QString hostKeyFile() const; // private host key file
    QString hostPublicKey() const; // "ssh-ed25519 AAAA..." (one line, no comment): the pin
    QString knownHostsLine() const; // "[127.0.0.1]:port ssh-ed25519 AAAA..." for OpenSSH clients
    // Writes a known_hosts file holding just this server's key; returns its path (in workDir()).
    QString writeKnownHostsFile() const;

    // Appends a public key line to the server's authorized_keys (read by sshd on each login, no restart).
    bool authorize(const QString &publicKeyLine);
    bool authorizeFile(const QString &publicKeyFile);
    QString authorizedKeysFile() const;

    // Arguments for the real OpenSSH client `ssh` to log in here non-interactively with strict host-key
    // checking against writeKnownHostsFile(); append the remote command. Empty keyFile: use the agent at
    // SSH_AUTH_SOCK (set it in the client's environment).
    QStringList sshArguments(const QString &keyFile) const;

    QString workDir() const; // the temporary directory (deleted by the destructor)
    QString configFile() const;
    QString log() const; // sshd's log so far (LogLevel VERBOSE)
    QString errorString() const;

private:
    bool fail(const QString &message, QString *error);
    bool ensureHostKey(QString *error);
    bool writeConfig(QString *error);
    bool launch(QString *error);

    Options m_options;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_hostKeyFile;
    QString m_hostPublicKey;
    QString m_error;
};
