#include "keepalivemonitor.h"

KeepaliveMonitor::KeepaliveMonitor(qint64 idleTimeoutMs)
    : m_idleTimeoutMs(idleTimeoutMs)
{ }

void KeepaliveMonitor::start(quint64 packetsReceived, qint64 nowMs)
{
    m_packets = packetsReceived;
    m_lastHeardMs = nowMs;
    m_asking = false;
}

bool KeepaliveMonitor::observe(quint64 packetsReceived, qint64 nowMs)
{
    if (packetsReceived == m_packets)
        return false;
    m_packets = packetsReceived;
    m_lastHeardMs = nowMs;
    m_asking = false;
    return true;
}

void KeepaliveMonitor::questionAsked(qint64 nowMs)
{
    if (m_asking)
        return;
    m_asking = true;
    m_askedMs = nowMs;
}

bool KeepaliveMonitor::isDead(qint64 nowMs) const
{
    return m_asking && nowMs - m_askedMs >= m_idleTimeoutMs;
}

qint64 KeepaliveMonitor::msUntilDead(qint64 nowMs) const
{
    if (!m_asking)
        return -1;
    return qMax<qint64>(0, m_askedMs + m_idleTimeoutMs - nowMs);
}
