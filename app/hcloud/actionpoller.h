#pragma once

#include "common/result.h"
#include "hcloudtypes.h"
#include "retrypolicy.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace hcloud {

class HcloudTransport;

// Waits for actions of every caller of one client with a single polling loop: each round asks
// GET /actions?id=…&id=… for all unfinished ids of all waiters, at most 25 ids per request, so ten servers
// being created cost one request per round, not ten (DESIGN.md §8 request budget).
class ActionPoller : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<QList<Action>>)>;
    using Progress = std::function<void(int finished, int total)>;

    static constexpr int maxIdsPerRequest = 25;

    explicit ActionPoller(HcloudTransport *transport, QObject *parent = nullptr);
    ~ActionPoller() override;

    void setPolicy(const PollPolicy &policy) { m_policy = policy; }

    // `done` runs exactly once (unless the poller is destroyed): all actions finished successfully, the
    // first one that ended in "error", an action the API does not return, a failed poll, or the timeout.
    // A waiter whose `context` is destroyed is dropped silently, so nobody polls for a closed page.
    void wait(const QList<qint64> &ids, QObject *context, Done done, Progress progress = {});
    // One look, no waiting; batched like the polls.
    void fetch(const QList<qint64> &ids, QObject *context, Done done);

private:
    struct Waiter;
    using WaiterPtr = std::shared_ptr<Waiter>;

    void schedulePoll(int delayMs);
    void poll();
    void settle();

    HcloudTransport *m_transport;
    PollPolicy m_policy;
    QList<WaiterPtr> m_waiters;
    QHash<qint64, Action> m_seen; // latest state of every polled action of the current waiters
    QTimer m_timer;
    int m_interval = 0;
    int m_pollsInFlight = 0;
};

} // namespace hcloud
