#pragma once

// Shared set-up for the SshSession tests: a real sshd on 127.0.0.1 (tests/support/sshd), a client key it
// accepts, and small helpers that drive the asynchronous API to completion.

#include "ssh/sshexec.h"
#include "ssh/sshfollow.h"
#include "ssh/sshsession.h"
#include "ssh/sshtransfer.h"
#include "testkeys.h"
#include "testsshd.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

struct ExecOutcome
{
    bool finished = false;
    QStringList out;
    QStringList err;
    Error error; // empty code when ok
    bool ok = false;
    int exitCode = -1;
};

class SshFixture
{
public:
    TestSshd sshd;
    TestKeys keys;
    TestKeys::Key key;

    bool start(QString *error)
    {
        if (!sshd.start(error))
            return false;
        key = keys.generate(TestKeys::Type::Ed25519);
        if (!key.isValid()) {
            *error = keys.errorString();
            return false;
        }
        if (!sshd.authorize(key.publicLine)) {
            *error = QStringLiteral("authorize failed");
            return false;
        }
        return true;
    }

    SshConnectOptions options() const
    {
        SshConnectOptions o;
        o.host = sshd.host();
        o.port = sshd.port();
        o.user = sshd.user();
        o.keyFile = key.privateFile;
        o.pinnedHostKey = sshd.hostPublicKey();
        o.connectTimeoutMs = 10000;
        return o;
    }
};

// Connects and waits for the outcome. Returns the session (connected or not); `error` is set on failure.
inline std::unique_ptr<SshSession> connectSession(const SshConnectOptions &options, Error *error, int timeoutMs = 30000)
{
    auto session = std::make_unique<SshSession>(options);
    QSignalSpy connected(session.get(), &SshSession::connected);
    QSignalSpy failed(session.get(), &SshSession::connectFailed);
    session->connectToHost();
    QDeadlineTimer deadline(timeoutMs);
    while (connected.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
        QTest::qWait(10);
    if (!failed.isEmpty() && error)
        *error = failed.first().first().value<Error>();
    else if (connected.isEmpty() && error)
        *error = Error{QStringLiteral("test"), QStringLiteral("test_timeout"), QStringLiteral("no answer"), {}, {}, 0};
    return session;
}

inline ExecOutcome runExec(SshSession &session, const QString &command, int timeoutMs = 60000)
{
    ExecOutcome outcome;
    std::unique_ptr<SshExec> exec(session.exec(command));
    QObject::connect(exec.get(), &SshExec::stdoutLines, exec.get(),
                     [&outcome](const QStringList &lines) { outcome.out.append(lines); });
    QObject::connect(exec.get(), &SshExec::stderrLines, exec.get(),
                     [&outcome](const QStringList &lines) { outcome.err.append(lines); });
    QObject::connect(exec.get(), &SshExec::finished, exec.get(), [&outcome](const Result<int> &result) {
        outcome.finished = true;
        outcome.ok = result.ok();
        if (!result.ok())
            outcome.error = result.error();
    });
    QDeadlineTimer deadline(timeoutMs);
    while (!outcome.finished && !deadline.hasExpired())
        QTest::qWait(5);
    outcome.exitCode = exec->exitCode();
    return outcome;
}

inline QByteArray readLocalFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool appendLocalFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const bool ok = file.write(bytes) == bytes.size();
    file.close();
    return ok;
}
