#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A private, real `ssh-agent` for one test (socket in a temporary directory); stopped by the destructor.
// It never touches the user's agent: point the code under test at socketPath() (SSH_AUTH_SOCK).
class TestSshAgent
{
public:
    TestSshAgent();
    ~TestSshAgent();
    TestSshAgent(const TestSshAgent &) = delete;
    TestSshAgent &operator=(const TestSshAgent &) = delete;

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    // Loads a private key with the real `ssh-add`. An encrypted key's passphrase is answered by a temporary
    // SSH_ASKPASS script (SSH_ASKPASS_REQUIRE=force), the passphrase passed through the environment.
    bool addKey(const QString &privateKeyFile, const QString &passphrase = {}, QString *error = nullptr);
    bool removeAllKeys();
    QStringList publicKeys() const; // `ssh-add -L`, one line per key

    QString socketPath() const;
    // The system environment with SSH_AUTH_SOCK pointing at this agent (for child processes such as `ssh`).
    QProcessEnvironment environment() const;
    QString errorString() const;

private:
    bool fail(const QString &message, QString *error);

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_error;
};
