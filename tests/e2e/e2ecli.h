#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

// The end-to-end tests' way of running the real `jitsi-deployer` binary (tst_e2e, tst_e2e_trixie): one CLI run
// with --json against the simulator, its events as they arrive, and every run's output kept with the artefacts.

// One run of the CLI with --json: the events as they arrived, the exit code, standard error.
struct CliRun
{
    int exitCode = -1; // -1: killed or crashed
    QList<QJsonObject> events;
    QString err;

    QJsonObject finished() const; // the "finished" event, empty if there was none
    QList<QJsonObject> ofKind(const QString &kind) const;
    QString describe() const; // exit code, the finished event and the end of stderr, for a failure message
};

class E2eCli
{
public:
    // Called for each event while the CLI still runs (e.g. to kill it at a given step).
    using EventHook = std::function<void(const QJsonObject &event, QProcess &process)>;

    // binary: the jitsi-deployer executable; artefacts: where each run's events and stderr are kept.
    E2eCli(QString binary, QString artefacts);

    // HCLOUD_TOKEN and HCLOUD_ENDPOINT of every run (the simulator's).
    void setCloud(const QString &token, const QUrl &endpoint);

    // Runs the CLI to its end (at most 15 minutes) while this process's event loop keeps serving the simulator.
    CliRun run(const QString &label, const QStringList &arguments, const EventHook &hook = {});

private:
    QString m_binary;
    QString m_artefacts;
    QString m_token;
    QUrl m_endpoint;
    int m_runs = 0;
};

// The bridge entry of a verification report, by server name; and its problems' codes.
QJsonObject bridgeReport(const QJsonObject &report, const QString &server);
QStringList problemCodes(const QJsonObject &bridge);
