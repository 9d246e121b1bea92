#pragma once

// The verification fixtures (tests/fixtures/verify, README there) and the bridge names they use, shared by the
// tests that read them.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace VerifyFixtures {

inline QByteArray read(const QString &name)
{
    QFile file(QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/fixtures/verify/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// The n-th bridge of meet.example.org as provisioning names it (its server name and MUC nickname).
inline QString nickname(int n)
{
    return QStringLiteral("meet-example-org-jvb-") + QString::number(n);
}

} // namespace VerifyFixtures
