#pragma once

// Runs the real `jitsi-deployer` binary as a user would: a separate process with no display variables, so a
// subcommand that needed a display would fail here. Shared by the CLI integration tests.

#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

struct Run
{
    int exitCode = -1; // -1 when the process crashed or had to be killed
    QString out;
    QString err;
};

// `token` and `endpoint` become HCLOUD_TOKEN / HCLOUD_ENDPOINT; a null QString leaves the variable unset.
// The event loop keeps running while waiting, because the simulator the CLI talks to lives in this process.
inline Run runJitsiDeployer(const QStringList &arguments, const QString &token, const QString &endpoint)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "HCLOUD_TOKEN", "HCLOUD_ENDPOINT"})
        env.remove(QString::fromLatin1(name));
    if (!token.isNull())
        env.insert(QStringLiteral("HCLOUD_TOKEN"), token);
    if (!endpoint.isNull())
        env.insert(QStringLiteral("HCLOUD_ENDPOINT"), endpoint);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(JITSI_DEPLOYER_BIN), arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished();
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}
