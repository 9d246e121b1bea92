#include "e2ecli.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int kCommandTimeoutMs = 15 * 60 * 1000;

} // namespace

QJsonObject CliRun::finished() const
{
    for (const QJsonObject &event : events)
        if (event.value(u"event"_s) == u"finished"_s)
            return event;
    return {};
}

QList<QJsonObject> CliRun::ofKind(const QString &kind) const
{
    QList<QJsonObject> found;
    for (const QJsonObject &event : events)
        if (event.value(u"event"_s) == kind)
            found.append(event);
    return found;
}

QString CliRun::describe() const
{
    const QJsonObject end = finished();
    return u"exit %1; finished: %2; stderr: %3"_s.arg(exitCode).arg(
            QString::fromUtf8(QJsonDocument(end).toJson(QJsonDocument::Compact)).left(4000), err.right(3000));
}

E2eCli::E2eCli(QString binary, QString artefacts)
    : m_binary(std::move(binary))
    , m_artefacts(std::move(artefacts))
{ }

void E2eCli::setCloud(const QString &token, const QUrl &endpoint)
{
    m_token = token;
    m_endpoint = endpoint;
}

CliRun E2eCli::run(const QString &label, const QStringList &arguments, const EventHook &hook)
{
    CliRun result;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"HCLOUD_TOKEN"_s, m_token);
    env.insert(u"HCLOUD_ENDPOINT"_s, m_endpoint.toString());
    process.setProcessEnvironment(env);

    QByteArray pending;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        pending += process.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.isEmpty())
                continue;
            result.events.append(event);
            if (hook && process.state() == QProcess::Running)
                hook(event, process);
        }
    });
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QTimer::singleShot(kCommandTimeoutMs, &loop, &QEventLoop::quit);
    process.start(m_binary, arguments + QStringList{u"--json"_s});
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        result.err = u"(timed out) "_s;
    }
    pending += process.readAllStandardOutput();
    result.err += QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;

    // Each run's output is kept with the hosts' logs, for whoever has to find out why something failed.
    const QString base = u"%1/cli-%2-%3"_s.arg(m_artefacts).arg(++m_runs, 2, 10, QChar(u'0')).arg(label);
    QFile events(base + u".jsonl"_s);
    if (events.open(QIODevice::WriteOnly))
        for (const QJsonObject &event : std::as_const(result.events))
            events.write(QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    QFile err(base + u".stderr"_s);
    if (err.open(QIODevice::WriteOnly))
        err.write(result.err.toUtf8());
    return result;
}

QJsonObject bridgeReport(const QJsonObject &report, const QString &server)
{
    const QJsonArray bridges = report.value(u"bridges"_s).toArray();
    for (const QJsonValue &bridge : bridges)
        if (bridge.toObject().value(u"server"_s) == server)
            return bridge.toObject();
    return {};
}

QStringList problemCodes(const QJsonObject &bridge)
{
    QStringList codes;
    const QJsonArray problems = bridge.value(u"problems"_s).toArray();
    for (const QJsonValue &problem : problems)
        codes.append(problem.toObject().value(u"code"_s).toString());
    return codes;
}
