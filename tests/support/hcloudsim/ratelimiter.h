#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

#include <utility>

// The API's per-project budget (reference §1.6): a token bucket of `perHour` requests that refills evenly
// (1/s for 3600/h), plus a "storm" mode that refuses everything until a set time.
class RateLimiter
{
public:
    RateLimiter();

    void configure(int perHour, int remaining);
    void startStorm(int seconds);

    // Takes one request from the bucket; false means answer 429 rate_limit_exceeded.
    bool take();
    // RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset as they stand now.
    QList<std::pair<QByteArray, QByteArray>> headers() const;

private:
    void refill() const;
    bool inStorm() const;

    int m_perHour = 3600;
    mutable double m_tokens = 3600;
    mutable qint64 m_lastRefillMs = 0;
    qint64 m_stormEndEpochSecs = 0;
    QElapsedTimer m_clock;
};
