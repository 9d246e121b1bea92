#pragma once

// A HOME of the test's own with one SSH key in ~/.ssh, made by the real ssh-keygen: what the SSH key page lists.
// No ssh-agent, so the page's agent list stays empty.

#include <QDir>
#include <QProcess>
#include <QString>

namespace TestHome {

// Points HOME at `home` and creates ~/.ssh/id_ed25519 (no passphrase). Returns the private key's path, or an empty
// string (with the reason in `error`) when ssh-keygen failed.
inline QString withOneKey(const QString &home, const QString &comment, QString *error = nullptr)
{
    qputenv("HOME", home.toUtf8());
    qunsetenv("SSH_AUTH_SOCK");
    if (!QDir(home).mkpath(QStringLiteral(".ssh")))
        return {};
    const QString keyFile = QDir(home).filePath(QStringLiteral(".ssh/id_ed25519"));
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                  QString(), QStringLiteral("-C"), comment, QStringLiteral("-f"), keyFile});
    if (!keygen.waitForFinished(30000) || keygen.exitCode() != 0) {
        if (error)
            *error = QString::fromLocal8Bit(keygen.readAllStandardError());
        return {};
    }
    return keyFile;
}

} // namespace TestHome
