#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>

// Actions that advance with time: `running` with rising progress, then `success` (or `error` when a fault
// asked for it). Progress is computed when read, and completions are applied by advance(), which the
// simulator calls before handling each request, so no timers are needed and state is always consistent.
class ActionStore
{
public:
    using Completion = std::function<void(bool success)>;

    ActionStore();

    void setDurationMs(int ms) { m_durationMs = ms; }
    int durationMs() const { return m_durationMs; }

    // While set, new actions end in status "error" with this code (fault injection).
    void setFailure(const QString &code, const QString &message);
    void clearFailure();

    // Starts an action; `after` (an action id) delays its start until that one has finished, as start_server
    // only runs once create_server is done.
    qint64 start(const QString &command, const QJsonArray &resources, Completion onDone = {}, qint64 after = 0);

    // Applies every completion that is due, in order of finishing.
    void advance();

    bool contains(qint64 id) const { return m_actions.contains(id); }
    QJsonObject json(qint64 id) const;

private:
    struct Action
    {
        qint64 id = 0;
        QString command;
        QJsonArray resources;
        QDateTime started;
        qint64 startMs = 0;
        qint64 endMs = 0;
        QString errorCode;
        QString errorMessage;
        bool done = false;
        Completion onDone;
    };

    QMap<qint64, Action> m_actions;
    QElapsedTimer m_clock;
    qint64 m_nextId = 1304000000;
    int m_durationMs = 1000;
    QString m_failureCode;
    QString m_failureMessage;
};
