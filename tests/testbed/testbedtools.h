#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// Small helpers shared by the testbed's tests (tst_testbedservices, tst_testbedinstall): running the
// testbed's scripts as the machine's root and reading what they leave behind.
namespace Testbed {

struct Outcome
{
    int exitCode = -1; // -1: did not start, timed out or crashed
    QString output; // stdout and stderr, merged
};

// Runs a program to its end (or kills it after timeoutMs).
Outcome run(const QString &program, const QStringList &arguments, int timeoutMs = 120000);
// Starts a program whose end the caller waits for (several at once), merged channels.
std::unique_ptr<QProcess> start(const QString &program, const QStringList &arguments);
// Waits (event loop running) for a process started by start().
Outcome finish(QProcess &process, int timeoutMs);

QString script(const QString &name); // tests/testbed/<name> in the source tree
Outcome hostScript(const QStringList &arguments, int timeoutMs = 120000); // host.sh
Outcome servicesScript(const QStringList &arguments, int timeoutMs = 120000); // services.sh

QByteArray readFile(const QString &path);
// Writes a file the way the services' readers (dnsmasq's --hostsdir) must see it: whole, by rename.
bool writeFileAtomically(const QString &path, const QByteArray &content);
// The pin form of an OpenSSH public key line: type and base64, without the comment.
QString pinOf(const QString &publicLine);
// The last line of a script's output: services.sh up prints the services directory there.
QString lastLine(const QString &output);

} // namespace Testbed
