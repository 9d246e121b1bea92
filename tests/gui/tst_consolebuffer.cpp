// The console pane's batching rules, without widgets (ui/consolebuffer.h).

#include "ui/consolebuffer.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestConsoleBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesInOrderInChunks()
    {
        ConsoleBuffer buffer(100);
        QVERIFY(!buffer.hasPending());
        buffer.append(u"web"_s, {u"a"_s, u"b"_s, u"c"_s});
        buffer.append(u"jvb-1"_s, {u"x"_s});
        buffer.append(u"web"_s, {u"d"_s});
        QCOMPARE(buffer.sources(), (QStringList{u"web"_s, u"jvb-1"_s}));
        QCOMPARE(buffer.totalPending(), qsizetype(5));
        ConsoleBuffer::Chunk chunk = buffer.take(u"web"_s, 3);
        QCOMPARE(chunk.text, u"a\nb\nc"_s);
        QCOMPARE(chunk.lines, qsizetype(3));
        QCOMPARE(chunk.discardedBefore, qint64(0));
        chunk = buffer.take(u"web"_s, 3);
        QCOMPARE(chunk.text, u"d"_s);
        QCOMPARE(buffer.pendingLines(u"web"_s), qsizetype(0));
        QCOMPARE(buffer.take(u"web"_s, 3).lines, qsizetype(0));
        QCOMPARE(buffer.take(u"jvb-1"_s, 10).text, u"x"_s);
        QVERIFY(!buffer.hasPending());
        QCOMPARE(buffer.take(u"unknown"_s, 10).lines, qsizetype(0));
    }

    void emptyLinesAreKept()
    {
        ConsoleBuffer buffer;
        buffer.append(u"web"_s, {QString(), u"b"_s, QString()});
        QCOMPARE(buffer.take(u"web"_s, 10).text, u"\nb\n"_s);
    }

    void floodKeepsNewestAndCountsDropped()
    {
        ConsoleBuffer buffer(10);
        QStringList lines;
        for (int i = 0; i < 25; ++i)
            lines << QString::number(i);
        buffer.append(u"web"_s, lines);
        QCOMPARE(buffer.pendingLines(u"web"_s), qsizetype(10));
        QCOMPARE(buffer.discarded(u"web"_s), qint64(15));
        QCOMPARE(buffer.totalDiscarded(), qint64(15));
        const ConsoleBuffer::Chunk chunk = buffer.take(u"web"_s, 4);
        QCOMPARE(chunk.discardedBefore, qint64(15));
        QCOMPARE(chunk.text, u"15\n16\n17\n18"_s);
        // The count is reported once.
        QCOMPARE(buffer.take(u"web"_s, 1).discardedBefore, qint64(0));
        QCOMPARE(buffer.totalPending(), qsizetype(5));
    }

    void memoryBoundedUnderMillionLines()
    {
        ConsoleBuffer buffer(1000);
        const QStringList batch(100, u"a line of a busy install log"_s);
        for (int i = 0; i < 10000; ++i)
            buffer.append(u"host-%1"_s.arg(i % 11), batch);
        QCOMPARE(buffer.totalPending(), qsizetype(11 * 1000));
        QCOMPARE(buffer.totalDiscarded(), qint64(1000000 - 11 * 1000));
    }

    void clearForgetsAll()
    {
        ConsoleBuffer buffer;
        buffer.append(u"web"_s, {u"a"_s});
        buffer.clear();
        QVERIFY(!buffer.hasPending());
        QVERIFY(buffer.sources().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsoleBuffer)
#include "tst_consolebuffer.moc"
