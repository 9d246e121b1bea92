#pragma once

// How late a 10 ms timer on the calling thread ticks: any blocking work on that thread (the GUI thread in the
// tests that use it) shows up as lateness. Shared by the tests that hold the "no GUI stall over 30 ms" budget.
//
// A tick is also late when the thread was ready to run but the machine gave its core to another process (five
// builds on two cores): tst_deploypage failed twice so, 87.7 ms late while the code had been idle. On Linux the
// kernel counts, per thread, the time spent runnable but waiting for a CPU (/proc/thread-self/schedstat, second
// field: run-queue wait in ns). Each tick's lateness minus the run-queue wait in the same interval is the share
// of this thread's own doing (work on it, or blocking on a lock or a file); ownWorstMs() is what a budget holds.
// Elsewhere (no schedstat) the own share is the whole lateness, as before.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class LatencyProbe : public QObject
{
public:
    static constexpr int tickMs = 10;
    static constexpr double maxLatenessMs = 30; // DESIGN.md §8

    LatencyProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(tickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const std::optional<qint64> waited = runQueueWaitNs();
            if (m_last >= 0) {
                const double late = double(now - m_last) / 1e6 - tickMs;
                const double scheduler = waited && m_lastWaited ? double(*waited - *m_lastWaited) / 1e6 : 0.0;
                const double own = qMax(0.0, late - scheduler);
                m_worstMs = qMax(m_worstMs, late);
                m_ownWorstMs = qMax(m_ownWorstMs, own);
                m_schedulerWorstMs = qMax(m_schedulerWorstMs, scheduler);
                if (late > maxLatenessMs && onStall)
                    onStall(late, own);
            }
            m_last = now;
            m_lastWaited = waited;
            ++m_ticks;
        });
    }

    // Says where the run was when a tick came too late: the whole lateness and this thread's own share of it.
    std::function<void(double lateMs, double ownMs)> onStall;

    void start()
    {
        m_worstMs = 0;
        m_ownWorstMs = 0;
        m_schedulerWorstMs = 0;
        m_last = -1;
        m_lastWaited.reset();
        m_ticks = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worstMs() const { return m_worstMs; } // the whole lateness, the machine's share included
    double ownWorstMs() const { return m_ownWorstMs; } // the thread's own share: what the 30 ms budget is about
    double schedulerWorstMs() const { return m_schedulerWorstMs; } // the longest wait for a CPU in one tick
    bool attributes() const { return runQueueWaitNs().has_value(); } // whether the shares can be told apart
    int ticks() const { return m_ticks; }

    // The calling thread's run-queue wait so far (Linux schedstat), or nothing where the kernel does not say.
    static std::optional<qint64> runQueueWaitNs()
    {
        QFile file(QStringLiteral("/proc/thread-self/schedstat"));
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        const QList<QByteArray> fields = file.readLine().simplified().split(' ');
        bool ok = false;
        const qint64 waited = fields.size() >= 2 ? fields.at(1).toLongLong(&ok) : 0;
        return ok ? std::optional<qint64>(waited) : std::nullopt;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    std::optional<qint64> m_lastWaited;
    double m_worstMs = 0;
    double m_ownWorstMs = 0;
    double m_schedulerWorstMs = 0;
    int m_ticks = 0;
};

// Runs the event loop until `done` or the timeout. Not QTest::qWait: that sleeps up to 10 ms between rounds of
// event processing, lateness of the test's own making that would hide (or fake) the code's.
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(2);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}
