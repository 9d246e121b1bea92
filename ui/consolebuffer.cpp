#include "consolebuffer.h"

#include <algorithm>
#include <utility>

ConsoleBuffer::ConsoleBuffer(int maxPendingLines)
    : m_maxPending(std::max(1, maxPendingLines))
{ }

void ConsoleBuffer::append(const QString &source, const QStringList &lines)
{
    if (lines.isEmpty())
        return;
    auto it = m_pending.find(source);
    if (it == m_pending.end()) {
        m_order.append(source);
        it = m_pending.insert(source, Pending{QContiguousCache<QString>(m_maxPending), 0});
    }
    Pending &pending = it.value();
    for (const QString &line : lines) {
        // A full ring drops its oldest line on append.
        if (pending.lines.isFull()) {
            ++pending.discarded;
            ++m_totalDiscarded;
        } else {
            ++m_totalPending;
        }
        pending.lines.append(line);
    }
}

qsizetype ConsoleBuffer::pendingLines(const QString &source) const
{
    const auto it = m_pending.constFind(source);
    return it == m_pending.constEnd() ? 0 : it->lines.count();
}

qint64 ConsoleBuffer::discarded(const QString &source) const
{
    const auto it = m_pending.constFind(source);
    return it == m_pending.constEnd() ? 0 : it->discarded;
}

ConsoleBuffer::Chunk ConsoleBuffer::take(const QString &source, int maxLines)
{
    Chunk chunk;
    const auto it = m_pending.find(source);
    if (it == m_pending.end() || maxLines <= 0)
        return chunk;
    Pending &pending = it.value();
    chunk.discardedBefore = std::exchange(pending.discarded, 0);
    const qsizetype count = std::min<qsizetype>(maxLines, pending.lines.count());
    qsizetype size = 0;
    for (qsizetype i = 0; i < count; ++i)
        size += pending.lines.at(pending.lines.firstIndex() + i).size() + 1;
    chunk.text.reserve(size);
    for (qsizetype i = 0; i < count; ++i) {
        if (i > 0)
            chunk.text += u'\n';
        chunk.text += pending.lines.takeFirst();
    }
    chunk.lines = count;
    m_totalPending -= count;
    // The ring's indexes only grow; start over when it is empty so they never approach their limit.
    if (pending.lines.isEmpty())
        pending.lines.clear();
    return chunk;
}

void ConsoleBuffer::clear()
{
    m_order.clear();
    m_pending.clear();
    m_totalPending = 0;
    m_totalDiscarded = 0;
}
