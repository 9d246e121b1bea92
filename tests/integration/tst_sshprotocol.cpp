// The session's pure parts: LineSplitter and the follow protocol's framing.

#include "ssh/followprotocol.h"
#include "ssh/linesplitter.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestSshProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitterHoldsPartialLines()
    {
        LineSplitter splitter;
        QCOMPARE(splitter.feed("ab"), QStringList());
        QCOMPARE(splitter.feed("c\nd"), QStringList{u"abc"_s});
        QCOMPARE(splitter.feed("e\r\n\nf\n"), (QStringList{u"de"_s, QString(), u"f"_s}));
        QCOMPARE(splitter.feed("tail"), QStringList());
        QCOMPARE(splitter.pendingBytes(), 4);
        QCOMPARE(splitter.finish(), QStringList{u"tail"_s});
        QCOMPARE(splitter.finish(), QStringList());
    }

    void splitterMultiByteAcrossChunks()
    {
        // "é" split between two deliveries must not become two replacement characters.
        LineSplitter splitter;
        QCOMPARE(splitter.feed("caf\xc3"), QStringList());
        QCOMPARE(splitter.feed("\xa9\n"), QStringList{u"café"_s});
        const QStringList bad = splitter.feed("a\xff\xfe"
                                              "b\n");
        QCOMPARE(bad.size(), 1);
        QVERIFY(bad.first().startsWith(u'a'));
        QVERIFY(bad.first().endsWith(u'b'));
        QVERIFY(bad.first().contains(QChar(QChar::ReplacementCharacter)));
    }

    void protocolFramesAcrossChunks()
    {
        FollowProtocol protocol;
        const QByteArray stream = "O 42 10\nD 10 5\nab\ncdT 42 0\nH\nR 43\nG 44\n";
        QList<FollowProtocol::Frame> frames;
        for (char c : stream)
            frames.append(protocol.feed(QByteArray(1, c)));
        QVERIFY(!protocol.failed());
        QCOMPARE(frames.size(), 6);
        QCOMPARE(frames[0].kind, FollowProtocol::Frame::Opened);
        QCOMPARE(frames[0].inode, 42u);
        QCOMPARE(frames[0].offset, 10);
        QCOMPARE(frames[1].kind, FollowProtocol::Frame::Data);
        QCOMPARE(frames[1].data, QByteArray("ab\ncd"));
        QCOMPARE(frames[2].kind, FollowProtocol::Frame::Truncated);
        QCOMPARE(frames[3].kind, FollowProtocol::Frame::Heartbeat);
        QCOMPARE(frames[4].kind, FollowProtocol::Frame::Rotated);
        QCOMPARE(frames[4].inode, 43u);
        QCOMPARE(frames[5].kind, FollowProtocol::Frame::Gone);
    }

    void protocolRejectsGarbage()
    {
        FollowProtocol protocol;
        protocol.feed("perl: command not found\n");
        QVERIFY(protocol.failed());
        QVERIFY(!protocol.failure().isEmpty());
    }

    void commandQuotesPath()
    {
        const QByteArray command = FollowProtocol::command(u"/var/log/it's here.log"_s, 7, 99);
        QVERIFY(command.startsWith("exec perl -e '"));
        QVERIFY(command.contains("'/var/log/it'\\''s here.log' 7 99"));
    }
};

QTEST_GUILESS_MAIN(TestSshProtocol)
#include "tst_sshprotocol.moc"
