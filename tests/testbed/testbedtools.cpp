#include "testbedtools.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Testbed {

Outcome run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {-1, u"could not start %1"_s.arg(program)};
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, u"%1 timed out: %2"_s.arg(program, QString::fromUtf8(process.readAll()))};
    }
    const QString output = QString::fromUtf8(process.readAll());
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, output};
}

std::unique_ptr<QProcess> start(const QString &program, const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(program, arguments);
    process->closeWriteChannel();
    return process;
}

Outcome finish(QProcess &process, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(50);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return {-1, u"timed out: "_s + QString::fromUtf8(process.readAll())};
    }
    const QString output = QString::fromUtf8(process.readAll());
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, output};
}

QString script(const QString &name)
{
    return QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/") + name;
}

Outcome hostScript(const QStringList &arguments, int timeoutMs)
{
    return run(u"/bin/bash"_s, QStringList{script(u"host.sh"_s)} + arguments, timeoutMs);
}

Outcome servicesScript(const QStringList &arguments, int timeoutMs)
{
    return run(u"/bin/bash"_s, QStringList{script(u"services.sh"_s)} + arguments, timeoutMs);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFileAtomically(const QString &path, const QByteArray &content)
{
    // dnsmasq skips files whose names start with a dot, so the half-written file is never read.
    const QFileInfo info(path);
    const QString temporary = info.dir().filePath(u"."_s + info.fileName() + u".tmp"_s);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) == 0;
}

QString pinOf(const QString &publicLine)
{
    return publicLine.section(u' ', 0, 1);
}

QString lastLine(const QString &output)
{
    const QStringList lines = output.trimmed().split(u'\n');
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace Testbed
