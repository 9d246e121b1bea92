#include "ratelimiter.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

RateLimiter::RateLimiter()
{
    m_clock.start();
}

void RateLimiter::configure(int perHour, int remaining)
{
    m_perHour = std::max(1, perHour);
    m_tokens = std::clamp(remaining, 0, m_perHour);
    m_lastRefillMs = m_clock.elapsed();
}

void RateLimiter::startStorm(int seconds)
{
    m_stormEndEpochSecs = QDateTime::currentSecsSinceEpoch() + std::max(0, seconds);
}

bool RateLimiter::inStorm() const
{
    return QDateTime::currentSecsSinceEpoch() < m_stormEndEpochSecs;
}

void RateLimiter::refill() const
{
    const qint64 now = m_clock.elapsed();
    const double perMs = m_perHour / 3600000.0;
    m_tokens = std::min<double>(m_perHour, m_tokens + (now - m_lastRefillMs) * perMs);
    m_lastRefillMs = now;
}

bool RateLimiter::take()
{
    if (inStorm())
        return false;
    refill();
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

QList<std::pair<QByteArray, QByteArray>> RateLimiter::headers() const
{
    refill();
    qint64 remaining = static_cast<qint64>(std::floor(m_tokens));
    qint64 reset = QDateTime::currentSecsSinceEpoch()
                   + static_cast<qint64>(std::ceil((m_perHour - m_tokens) * 3600.0 / m_perHour));
    if (inStorm()) {
        remaining = 0;
        reset = m_stormEndEpochSecs;
    }
    return {{QByteArrayLiteral("RateLimit-Limit"), QByteArray::number(m_perHour)},
            {QByteArrayLiteral("RateLimit-Remaining"), QByteArray::number(remaining)},
            {QByteArrayLiteral("RateLimit-Reset"), QByteArray::number(reset)}};
}
