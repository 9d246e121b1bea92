#pragma once

#include "common/result.h"
#include "deploy/engineevents.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

// The log of one engine operation on disk, so that a failed run can be read afterwards (issue 12 §3):
//
//     <directory>/<slug>/<UTC start time>-<operation>.log    e.g. logs/meet-example-org/20261203T101830.123Z-deploy.log
//
// `directory` is <AppDataLocation>/logs by default. The file is JSON lines, one object per line (docs/cli.md):
// first {"event":"run_started",...}, then every engine event in its --json form (EngineEvent::toJson), last
// {"event":"finished",...} with the error's code, message and technical detail, or the outcome. Every line has
// "time" (UTC, ISO 8601 with milliseconds). The file is 0600 and its folders 0700; each string passes the Redactor
// before it is written, so no registered secret reaches the disk even if an event carried one. Only the newest
// `keepPerDeployment` logs of a deployment are kept.
//
// Writing never blocks for long nor fails the run: lines are buffered and appended on a short timer, at finish()
// and in the destructor; a log that cannot be written (read-only folder, full disk) warns once on deployer.deploy
// and is dropped.
class RunLog : public QObject
{
    Q_OBJECT

public:
    static constexpr int keepPerDeployment = 20;
    static constexpr int flushIntervalMs = 250;

    // <AppDataLocation>/logs
    static QString defaultDirectory();

    // Creates the file at once (and prunes the deployment's old logs). `deployment` is a slug or a domain.
    RunLog(const QString &directory, const QString &deployment, const QString &operation,
           const QDateTime &start = QDateTime::currentDateTimeUtc(), QObject *parent = nullptr);
    ~RunLog() override; // flushes

    // The file's absolute path; empty when it could not be created.
    QString path() const { return m_path; }

    void append(const EngineEvent &event);
    // The last line; flushes. Later calls to append() or finish() are ignored.
    void finish(const Result<EngineOutcome> &result);
    void flush();

    // The newest log of a deployment (slug or domain) in `directory`, or empty.
    static QString latest(const QString &directory, const QString &deployment);
    // The folder name of a deployment: the slug (a domain's dots become dashes), nothing that could leave the folder.
    static QString folderName(const QString &deployment);

private:
    void open(const QString &directory, const QString &operation, const QDateTime &start);
    void prune(const QString &folder) const;
    void write(const QJsonObject &object);
    void warnOnce(const QString &what);

    QString m_deployment;
    QString m_operation;
    QString m_path;
    QFile m_file;
    QByteArray m_buffer;
    QTimer m_flushTimer;
    bool m_broken = false;
    bool m_finished = false;
};
