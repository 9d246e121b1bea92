#pragma once

#include <QContiguousCache>
#include <QHash>
#include <QString>
#include <QStringList>

// The console pane's pending lines per source (one source = one host's tab), widget-free so the batching rules
// are tested alone (DESIGN.md §3 "Console pane"). Lines arrive in any amount; the pane takes them on its timer in
// bounded chunks. A source keeps at most `maxPendingLines` not yet shown: older ones would be scrolled out of
// the tab's bounded block count anyway, so under a flood the oldest pending lines are dropped (and counted, so
// the tab can say so and point to the full log on disk) instead of memory growing with the flood.
class ConsoleBuffer
{
public:
    explicit ConsoleBuffer(int maxPendingLines = 5000);

    void append(const QString &source, const QStringList &lines);

    // Sources in the order their first lines arrived (also those with nothing pending now).
    QStringList sources() const { return m_order; }
    bool hasPending() const { return m_totalPending > 0; }
    qsizetype pendingLines(const QString &source) const;
    qsizetype totalPending() const { return m_totalPending; }
    // Lines of `source` dropped unseen since the last take() of it.
    qint64 discarded(const QString &source) const;
    qint64 totalDiscarded() const { return m_totalDiscarded; }

    struct Chunk
    {
        QString text; // up to maxLines lines, oldest first, joined by '\n'; empty when nothing was pending
        qsizetype lines = 0;
        qint64 discardedBefore = 0; // lines dropped unseen before these
    };
    // Removes and returns up to `maxLines` of the source's pending lines.
    Chunk take(const QString &source, int maxLines);

    void clear();

private:
    struct Pending
    {
        QContiguousCache<QString> lines;
        qint64 discarded = 0;
    };

    int m_maxPending;
    QStringList m_order;
    QHash<QString, Pending> m_pending;
    qsizetype m_totalPending = 0;
    qint64 m_totalDiscarded = 0;
};
