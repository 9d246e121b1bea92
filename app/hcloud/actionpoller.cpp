#include "actionpoller.h"

#include "common/logging.h"
#include "hclouderrors.h"
#include "hcloudparse.h"
#include "hcloudtransport.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace hcloud {

namespace {

ApiRequest actionsRequest(const QList<qint64> &ids)
{
    QList<QPair<QString, QString>> query;
    for (qint64 id : ids)
        query.append({u"id"_s, QString::number(id)});
    return ApiRequest::get(u"/actions"_s, query);
}

QList<QList<qint64>> chunked(const QList<qint64> &ids)
{
    QList<QList<qint64>> chunks;
    for (qsizetype i = 0; i < ids.size(); i += ActionPoller::maxIdsPerRequest)
        chunks.append(ids.mid(i, ActionPoller::maxIdsPerRequest));
    return chunks;
}

} // namespace

struct ActionPoller::Waiter
{
    QList<qint64> ids;
    Done done;
    Progress progress;
    QDeadlineTimer deadline;
    QPointer<QObject> context;
    bool hasContext = false;
    std::optional<Error> failure;
    int reportedFinished = -1;
};

ActionPoller::ActionPoller(HcloudTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ActionPoller::poll);
}

ActionPoller::~ActionPoller() = default;

void ActionPoller::wait(const QList<qint64> &ids, QObject *context, Done done, Progress progress)
{
    auto waiter = std::make_shared<Waiter>();
    waiter->context = context;
    waiter->hasContext = context != nullptr;
    for (qint64 id : ids) {
        if (!waiter->ids.contains(id))
            waiter->ids.append(id);
    }
    waiter->done = std::move(done);
    waiter->progress = std::move(progress);
    waiter->deadline = QDeadlineTimer(m_policy.timeoutMs);
    m_waiters.append(waiter);
    if (waiter->ids.isEmpty()) {
        schedulePoll(0); // settles the empty waiter without a request, after this call returned
        return;
    }
    // A newcomer starts the fast cadence again: its actions have just begun.
    m_interval = m_policy.intervalMs;
    if (m_pollsInFlight == 0 && (!m_timer.isActive() || m_timer.remainingTime() > m_interval))
        schedulePoll(m_interval);
}

void ActionPoller::fetch(const QList<qint64> &ids, QObject *context, Done done)
{
    const QList<QList<qint64>> chunks = chunked(ids);
    if (chunks.isEmpty()) {
        QTimer::singleShot(0, context, [done] { done(QList<Action>{}); });
        return;
    }
    struct State
    {
        int outstanding = 0;
        QHash<qint64, Action> actions;
        std::optional<Error> failure;
    };
    auto state = std::make_shared<State>();
    state->outstanding = int(chunks.size());
    for (const QList<qint64> &chunk : chunks) {
        m_transport->fetchAll(actionsRequest(chunk), u"actions"_s, context,
                              [state, ids, done](Result<QJsonArray> result) {
                                  if (!result.ok() && !state->failure)
                                      state->failure = result.error();
                                  if (result.ok()) {
                                      for (const Action &action : parseActions(*result))
                                          state->actions.insert(action.id, action);
                                  }
                                  if (--state->outstanding > 0)
                                      return;
                                  if (state->failure) {
                                      done(*state->failure);
                                      return;
                                  }
                                  QList<Action> actions;
                                  for (qint64 id : ids) {
                                      if (state->actions.contains(id))
                                          actions.append(state->actions.value(id));
                                  }
                                  done(actions);
                              });
    }
}

void ActionPoller::schedulePoll(int delayMs)
{
    m_timer.start(qMax(0, delayMs));
}

void ActionPoller::poll()
{
    m_waiters.removeIf([](const WaiterPtr &waiter) { return waiter->hasContext && !waiter->context; });
    QList<qint64> pending;
    for (const WaiterPtr &waiter : std::as_const(m_waiters)) {
        for (qint64 id : std::as_const(waiter->ids)) {
            const auto seen = m_seen.constFind(id);
            if ((seen == m_seen.constEnd() || !seen->finished()) && !pending.contains(id))
                pending.append(id);
        }
    }
    if (pending.isEmpty()) {
        settle();
        return;
    }
    const QList<QList<qint64>> chunks = chunked(pending);
    m_pollsInFlight = int(chunks.size());
    for (const QList<qint64> &chunk : chunks) {
        m_transport->fetchAll(actionsRequest(chunk), u"actions"_s, this, [this, chunk](Result<QJsonArray> result) {
            if (result.ok()) {
                for (const Action &action : parseActions(*result))
                    m_seen.insert(action.id, action);
            } else {
                for (const WaiterPtr &waiter : std::as_const(m_waiters)) {
                    for (qint64 id : chunk) {
                        if (waiter->ids.contains(id) && !waiter->failure)
                            waiter->failure = result.error();
                    }
                }
            }
            if (result.ok()) {
                // Asked for but not returned: the API does not know it (any more).
                for (qint64 id : chunk) {
                    if (m_seen.contains(id))
                        continue;
                    for (const WaiterPtr &waiter : std::as_const(m_waiters)) {
                        if (waiter->ids.contains(id) && !waiter->failure)
                            waiter->failure
                                    = transportError(TransportError::ActionsNotFound, m_transport->displayEndpoint(),
                                                     u"GET /actions did not return action %1"_s.arg(id));
                    }
                }
            }
            if (--m_pollsInFlight == 0)
                settle();
        });
    }
}

void ActionPoller::settle()
{
    QList<QPair<WaiterPtr, Result<QList<Action>>>> finished;
    QList<QPair<WaiterPtr, int>> progressed;
    for (const WaiterPtr &waiter : std::as_const(m_waiters)) {
        if (waiter->failure) {
            finished.append({waiter, *waiter->failure});
            continue;
        }
        QList<Action> actions;
        std::optional<Error> actionFailure;
        for (qint64 id : std::as_const(waiter->ids)) {
            const auto seen = m_seen.constFind(id);
            if (seen == m_seen.constEnd())
                continue;
            if (seen->status == "error"_L1 && !actionFailure)
                actionFailure = actionError(seen->command, seen->id, seen->errorCode, seen->errorMessage);
            if (seen->finished())
                actions.append(*seen);
        }
        if (actionFailure)
            finished.append({waiter, *actionFailure});
        else if (actions.size() == waiter->ids.size())
            finished.append({waiter, actions});
        else if (waiter->deadline.hasExpired())
            finished.append({waiter, transportError(TransportError::ActionTimeout, m_transport->displayEndpoint(),
                                                    u"%1 of %2 actions still running after %3 ms"_s
                                                            .arg(waiter->ids.size() - actions.size())
                                                            .arg(waiter->ids.size())
                                                            .arg(m_policy.timeoutMs))});
        else if (waiter->progress && waiter->reportedFinished != actions.size())
            progressed.append({waiter, int(actions.size())});
    }
    for (const auto &[waiter, result] : std::as_const(finished))
        m_waiters.removeOne(waiter);

    // Forget actions no remaining waiter needs, so the next round asks only for what is still open.
    QSet<qint64> needed;
    for (const WaiterPtr &waiter : std::as_const(m_waiters)) {
        for (qint64 id : std::as_const(waiter->ids))
            needed.insert(id);
    }
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (needed.contains(it.key()))
            ++it;
        else
            it = m_seen.erase(it);
    }
    if (!m_waiters.isEmpty()) {
        m_interval = qMin(qMax(1, m_interval) * 2, qMax(m_policy.intervalMs, m_policy.maxIntervalMs));
        schedulePoll(m_interval);
    }

    // Callbacks last: they may start new waits, which must see a consistent poller.
    for (const auto &[waiter, count] : std::as_const(progressed)) {
        waiter->reportedFinished = count;
        waiter->progress(count, int(waiter->ids.size()));
    }
    for (const auto &[waiter, result] : std::as_const(finished)) {
        if (waiter->progress && result.ok())
            waiter->progress(int(waiter->ids.size()), int(waiter->ids.size()));
        waiter->done(result);
    }
}

} // namespace hcloud
