#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

// The bridges a meeting test ("test every bridge") has put into drain mode, remembered on this computer BEFORE each
// drain is made, so that a test killed halfway (a crash, a closed laptop) is undone the next time a test starts or
// the deployment is opened (DeploymentEngine::undoMeetingDrains). Only the test's own drains are written here: a
// bridge the user drained himself is never in the file and never undrained by the test.
//
// One small JSON file per deployment next to DeploymentStore's: <directory>/<slug>.meeting-drains, mode 0600
// ({"version": 1, "drained": ["<server>", …]}). Not "*.json", so DeploymentStore::slugs() does not list it.
class MeetingDrains
{
    Q_DECLARE_TR_FUNCTIONS(MeetingDrains)

public:
    MeetingDrains(QString directory, QString slug);

    QString filePath() const;
    // The recorded bridges; an absent file is none. A damaged file is an error that names it.
    Result<QStringList> read() const;
    // Writes the whole list (an empty list removes the file) on a worker thread; `done` runs on `context`'s thread
    // once the file is on disk, not at all when `context` is gone first.
    void save(const QStringList &bridges, QObject *context, std::function<void(Result<void>)> done) const;
    // Whether any deployment has recorded drains in `directory` (a cheap check before connecting to anything).
    static bool anyIn(const QString &directory);

    static Result<void> write(const QString &path, const QStringList &bridges);

private:
    QString m_directory;
    QString m_slug;
};
