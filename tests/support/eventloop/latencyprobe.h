#pragma once

// How late a 10 ms timer on the calling thread ticks: any blocking work on that thread (the GUI thread in the
// tests that use it) shows up as lateness. Shared by the tests that hold the "no GUI stall over 30 ms" budget.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>

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
            if (m_last >= 0) {
                const double late = double(now - m_last) / 1e6 - tickMs;
                m_worstMs = qMax(m_worstMs, late);
                if (late > maxLatenessMs && onStall)
                    onStall(late);
            }
            m_last = now;
            ++m_ticks;
        });
    }

    std::function<void(double lateMs)> onStall; // says where the run was when a tick came too late

    void start()
    {
        m_worstMs = 0;
        m_last = -1;
        m_ticks = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worstMs() const { return m_worstMs; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    double m_worstMs = 0;
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
