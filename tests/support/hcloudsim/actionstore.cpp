#include "actionstore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

ActionStore::ActionStore()
{
    m_clock.start();
}

void ActionStore::setFailure(const QString &code, const QString &message)
{
    m_failureCode = code;
    m_failureMessage = message;
}

void ActionStore::clearFailure()
{
    m_failureCode.clear();
    m_failureMessage.clear();
}

qint64 ActionStore::start(const QString &command, const QJsonArray &resources, Completion onDone, qint64 after)
{
    Action action;
    action.id = ++m_nextId;
    action.command = command;
    action.resources = resources;
    action.started = QDateTime::currentDateTimeUtc();
    action.startMs = m_clock.elapsed();
    if (after && m_actions.contains(after))
        action.startMs = std::max(action.startMs, m_actions[after].endMs);
    action.endMs = action.startMs + m_durationMs;
    action.errorCode = m_failureCode;
    action.errorMessage = m_failureMessage;
    action.onDone = std::move(onDone);
    m_actions.insert(action.id, action);
    return action.id;
}

void ActionStore::advance()
{
    const qint64 now = m_clock.elapsed();
    QList<Action *> due;
    for (Action &action : m_actions) {
        if (!action.done && action.endMs <= now)
            due << &action;
    }
    std::sort(due.begin(), due.end(), [](const Action *a, const Action *b) {
        return a->endMs != b->endMs ? a->endMs < b->endMs : a->id < b->id;
    });
    QList<std::pair<Completion, bool>> completions;
    for (Action *action : std::as_const(due)) {
        action->done = true;
        if (action->onDone)
            completions.append({action->onDone, action->errorCode.isEmpty()});
    }
    // Completions may start new actions (and so touch m_actions): run them after the loop.
    for (const auto &[completion, success] : std::as_const(completions))
        completion(success);
}

QJsonObject ActionStore::json(qint64 id) const
{
    const Action &action = m_actions[id];
    const qint64 now = m_clock.elapsed();
    QJsonObject object{{u"id"_s, action.id},
                       {u"command"_s, action.command},
                       {u"started"_s, action.started.toString(Qt::ISODate)},
                       {u"resources"_s, action.resources}};
    if (action.done) {
        const bool failed = !action.errorCode.isEmpty();
        object[u"status"_s] = failed ? u"error"_s : u"success"_s;
        object[u"progress"_s] = failed ? 50 : 100;
        object[u"finished"_s] = action.started.addMSecs(action.endMs - action.startMs).toString(Qt::ISODate);
        object[u"error"_s]
                = failed ? QJsonValue(QJsonObject{{u"code"_s, action.errorCode}, {u"message"_s, action.errorMessage}})
                         : QJsonValue();
    } else {
        const qint64 total = std::max<qint64>(1, action.endMs - action.startMs);
        const qint64 elapsed = std::clamp<qint64>(now - action.startMs, 0, total);
        object[u"status"_s] = u"running"_s;
        object[u"progress"_s] = static_cast<int>(std::min<qint64>(99, elapsed * 100 / total));
        object[u"finished"_s] = QJsonValue();
        object[u"error"_s] = QJsonValue();
    }
    return object;
}
