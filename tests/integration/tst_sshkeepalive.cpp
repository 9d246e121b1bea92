// KeepaliveMonitor: when a quiet connection counts as dead. Pure rules on given times, no server, no waiting.

#include "ssh/keepalivemonitor.h"

#include <QTest>

class TestSshKeepalive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quietWithoutQuestionIsNotDead();
    void unansweredQuestionDiesAfterIdleTimeout();
    void anyPacketAnswers();
    void openQuestionKeepsItsStart();
    void lateReaderIsNotBlamed();
};

void TestSshKeepalive::quietWithoutQuestionIsNotDead()
{
    // The worker asked nothing (its thread was starved): silence is expected, whatever its length.
    KeepaliveMonitor monitor(1000);
    monitor.start(7, 0);
    QVERIFY(!monitor.awaitingAnswer());
    QVERIFY(!monitor.isDead(60000));
    QCOMPARE(monitor.msUntilDead(60000), -1);
    QCOMPARE(monitor.msSinceLastHeard(60000), 60000);
}

void TestSshKeepalive::unansweredQuestionDiesAfterIdleTimeout()
{
    KeepaliveMonitor monitor(1000);
    monitor.start(7, 0);
    monitor.questionAsked(5000);
    QVERIFY(monitor.awaitingAnswer());
    QVERIFY(!monitor.observe(7, 5500)); // same count: nothing heard
    QVERIFY(!monitor.isDead(5999));
    QCOMPARE(monitor.msUntilDead(5500), 500);
    QVERIFY(monitor.isDead(6000));
    QCOMPARE(monitor.msUntilDead(6500), 0);
}

void TestSshKeepalive::anyPacketAnswers()
{
    KeepaliveMonitor monitor(1000);
    monitor.start(7, 0);
    monitor.questionAsked(100);
    QVERIFY(monitor.observe(8, 900));
    QVERIFY(!monitor.awaitingAnswer());
    QVERIFY(!monitor.isDead(5000));
    QCOMPARE(monitor.msSinceLastHeard(1900), 1000);
    // The next question gets the whole idle timeout again, from when it was asked.
    monitor.questionAsked(3000);
    QVERIFY(!monitor.isDead(3999));
    QVERIFY(monitor.isDead(4000));
}

void TestSshKeepalive::openQuestionKeepsItsStart()
{
    // Asking again while a question is open (libssh then sends nothing new) does not extend the deadline.
    KeepaliveMonitor monitor(1000);
    monitor.start(0, 0);
    monitor.questionAsked(100);
    monitor.questionAsked(900);
    QVERIFY(monitor.isDead(1100));
}

void TestSshKeepalive::lateReaderIsNotBlamed()
{
    // The answer arrived long ago but the starved worker reads it only now, past the deadline: the worker
    // reads before it judges, so the answer counts.
    KeepaliveMonitor monitor(1000);
    monitor.start(3, 0);
    monitor.questionAsked(0);
    QVERIFY(monitor.observe(4, 4000));
    QVERIFY(!monitor.isDead(4000));
    // A fresh connection starts from its own handshake count.
    monitor.questionAsked(4100);
    monitor.start(2, 9000);
    QVERIFY(!monitor.awaitingAnswer());
    QVERIFY(!monitor.observe(2, 9100));
}

QTEST_GUILESS_MAIN(TestSshKeepalive)
#include "tst_sshkeepalive.moc"
