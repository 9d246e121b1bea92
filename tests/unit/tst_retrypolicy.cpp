#include "hcloud/retrypolicy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace hcloud;

Q_DECLARE_METATYPE(hcloud::RetryAction)
Q_DECLARE_METATYPE(hcloud::RequestSafety)
Q_DECLARE_METATYPE(hcloud::AttemptOutcome::Kind)

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decision_data();
    void decision();
    void retriesRunOut();
    void mayHaveTakenEffect_data();
    void mayHaveTakenEffect();
    void backoff_data();
    void backoff();
    void backoffStaysWithinBounds();
    void rateLimitHold_data();
    void rateLimitHold();
};

using Kind = AttemptOutcome::Kind;

void TestRetryPolicy::decision_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("resetAhead");
    QTest::addColumn<RequestSafety>("safety");
    QTest::addColumn<RetryAction>("expected");

    const auto forEverySafety = [](const char *name, Kind kind, int status, const QString &code, bool resetAhead,
                                   RetryAction expected) {
        for (auto [safety, label] :
             {std::pair{RequestSafety::Idempotent, "idempotent"},
              std::pair{RequestSafety::Reconcilable, "reconcilable"}, std::pair{RequestSafety::Unsafe, "unsafe"}})
            QTest::addRow("%s, %s", name, label) << kind << status << code << resetAhead << safety << expected;
    };
    // Success is never retried.
    forEverySafety("200", Kind::Answered, 200, {}, false, RetryAction::Done);
    forEverySafety("201", Kind::Answered, 201, {}, false, RetryAction::Done);
    forEverySafety("204", Kind::Answered, 204, {}, false, RetryAction::Done);
    // hcloud-go's retried codes, for every request.
    forEverySafety("409 conflict", Kind::Answered, 409, u"conflict"_s, false, RetryAction::Backoff);
    forEverySafety("502 bad_gateway", Kind::Answered, 502, u"bad_gateway"_s, false, RetryAction::Backoff);
    forEverySafety("504 timeout", Kind::Answered, 504, u"timeout"_s, false, RetryAction::Backoff);
    forEverySafety("bare 502", Kind::Answered, 502, {}, false, RetryAction::Backoff);
    forEverySafety("bare 504", Kind::Answered, 504, {}, false, RetryAction::Backoff);
    // Rate limit: wait for the reset when it is known, else back off.
    forEverySafety("429 with reset", Kind::Answered, 429, u"rate_limit_exceeded"_s, true,
                   RetryAction::WaitForRateLimitReset);
    forEverySafety("429 without reset", Kind::Answered, 429, u"rate_limit_exceeded"_s, false, RetryAction::Backoff);
    forEverySafety("429 limit_reached alias", Kind::Answered, 429, u"limit_reached"_s, true,
                   RetryAction::WaitForRateLimitReset);
    forEverySafety("bare 429 with reset", Kind::Answered, 429, {}, true, RetryAction::WaitForRateLimitReset);
    forEverySafety("bare 429", Kind::Answered, 429, {}, false, RetryAction::Backoff);
    // Never retried.
    forEverySafety("500 server_error", Kind::Answered, 500, u"server_error"_s, false, RetryAction::Done);
    forEverySafety("bare 500", Kind::Answered, 500, {}, false, RetryAction::Done);
    forEverySafety("503 unavailable", Kind::Answered, 503, u"unavailable"_s, false, RetryAction::Done);
    forEverySafety("bare 503", Kind::Answered, 503, {}, false, RetryAction::Done);
    forEverySafety("422 invalid_input", Kind::Answered, 422, u"invalid_input"_s, false, RetryAction::Done);
    forEverySafety("401 unauthorized", Kind::Answered, 401, u"unauthorized"_s, false, RetryAction::Done);
    forEverySafety("401 token_readonly", Kind::Answered, 401, u"token_readonly"_s, false, RetryAction::Done);
    forEverySafety("403 forbidden", Kind::Answered, 403, u"forbidden"_s, false, RetryAction::Done);
    forEverySafety("404 not_found", Kind::Answered, 404, u"not_found"_s, false, RetryAction::Done);
    forEverySafety("409 uniqueness_error", Kind::Answered, 409, u"uniqueness_error"_s, false, RetryAction::Done);
    forEverySafety("412 resource_unavailable", Kind::Answered, 412, u"resource_unavailable"_s, false,
                   RetryAction::Done);
    forEverySafety("423 locked", Kind::Answered, 423, u"locked"_s, false, RetryAction::Done);
    forEverySafety("bare 404", Kind::Answered, 404, {}, false, RetryAction::Done);
    forEverySafety("unreachable", Kind::Unreachable, 0, {}, false, RetryAction::Done);
    forEverySafety("tls", Kind::TlsFailure, 0, {}, false, RetryAction::Done);
    forEverySafety("invalid json", Kind::InvalidResponse, 200, {}, false, RetryAction::Done);
    // Network timeouts and drops: only where a repeat is safe or can be reconciled.
    QTest::newRow("timeout, idempotent") << Kind::NetworkTimeout << 0 << QString() << false << RequestSafety::Idempotent
                                         << RetryAction::Backoff;
    QTest::newRow("timeout, reconcilable")
            << Kind::NetworkTimeout << 0 << QString() << false << RequestSafety::Reconcilable << RetryAction::Backoff;
    QTest::newRow("timeout, unsafe") << Kind::NetworkTimeout << 0 << QString() << false << RequestSafety::Unsafe
                                     << RetryAction::Done;
    QTest::newRow("dropped, idempotent") << Kind::ConnectionDropped << 0 << QString() << false
                                         << RequestSafety::Idempotent << RetryAction::Backoff;
    QTest::newRow("dropped, reconcilable") << Kind::ConnectionDropped << 0 << QString() << false
                                           << RequestSafety::Reconcilable << RetryAction::Backoff;
    QTest::newRow("dropped, unsafe") << Kind::ConnectionDropped << 0 << QString() << false << RequestSafety::Unsafe
                                     << RetryAction::Done;
}

void TestRetryPolicy::decision()
{
    QFETCH(Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, resetAhead);
    QFETCH(RequestSafety, safety);
    QFETCH(RetryAction, expected);
    const AttemptOutcome outcome{kind, status, code, resetAhead};
    QCOMPARE(decideRetry(outcome, safety, 0, RetryPolicy{}), expected);
    QCOMPARE(decideRetry(outcome, safety, 4, RetryPolicy{}), expected);
}

void TestRetryPolicy::retriesRunOut()
{
    const AttemptOutcome conflict{Kind::Answered, 409, u"conflict"_s, false};
    RetryPolicy policy;
    QCOMPARE(decideRetry(conflict, RequestSafety::Idempotent, 4, policy), RetryAction::Backoff);
    QCOMPARE(decideRetry(conflict, RequestSafety::Idempotent, 5, policy), RetryAction::Done); // 6 attempts made
    const AttemptOutcome storm{Kind::Answered, 429, u"rate_limit_exceeded"_s, true};
    QCOMPARE(decideRetry(storm, RequestSafety::Unsafe, 5, policy), RetryAction::Done);
    policy.maxRetries = 0;
    QCOMPARE(decideRetry(conflict, RequestSafety::Idempotent, 0, policy), RetryAction::Done);
}

void TestRetryPolicy::mayHaveTakenEffect_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("uncertain");
    QTest::newRow("timeout") << Kind::NetworkTimeout << 0 << QString() << true;
    QTest::newRow("dropped") << Kind::ConnectionDropped << 0 << QString() << true;
    QTest::newRow("bare 502") << Kind::Answered << 502 << QString() << true;
    QTest::newRow("bare 504") << Kind::Answered << 504 << QString() << true;
    QTest::newRow("api timeout") << Kind::Answered << 504 << u"timeout"_s << true;
    QTest::newRow("api bad_gateway") << Kind::Answered << 502 << u"bad_gateway"_s << true;
    QTest::newRow("conflict") << Kind::Answered << 409 << u"conflict"_s << false;
    QTest::newRow("rate limited") << Kind::Answered << 429 << u"rate_limit_exceeded"_s << false;
    QTest::newRow("unreachable") << Kind::Unreachable << 0 << QString() << false;
    QTest::newRow("tls") << Kind::TlsFailure << 0 << QString() << false;
    QTest::newRow("invalid response") << Kind::InvalidResponse << 201 << QString() << false;
}

void TestRetryPolicy::mayHaveTakenEffect()
{
    QFETCH(Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, uncertain);
    QCOMPARE(hcloud::mayHaveTakenEffect(AttemptOutcome{kind, status, code, false}), uncertain);
}

void TestRetryPolicy::backoff_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<int>("delay");
    // base 1 s, ×2, cap 60 s; jitter picks between the base and the backoff.
    QTest::newRow("first retry is the base") << 0 << 0.7 << 1000;
    QTest::newRow("second, no jitter") << 1 << 0.0 << 1000;
    QTest::newRow("second, full") << 1 << 1.0 << 2000;
    QTest::newRow("second, half") << 1 << 0.5 << 1500;
    QTest::newRow("third, full") << 2 << 1.0 << 4000;
    QTest::newRow("fifth, full") << 4 << 1.0 << 16000;
    QTest::newRow("sixth, full") << 5 << 1.0 << 32000;
    QTest::newRow("seventh, capped") << 6 << 1.0 << 60000;
    QTest::newRow("far out, capped") << 40 << 1.0 << 60000;
    QTest::newRow("huge retry does not overflow") << 100000 << 1.0 << 60000;
    QTest::newRow("jitter above one is clamped") << 2 << 3.0 << 4000;
    QTest::newRow("negative jitter is clamped") << 2 << -1.0 << 1000;
}

void TestRetryPolicy::backoff()
{
    QFETCH(int, retry);
    QFETCH(double, jitter);
    QFETCH(int, delay);
    QCOMPARE(backoffDelayMs(retry, RetryPolicy{}, jitter), delay);
}

void TestRetryPolicy::backoffStaysWithinBounds()
{
    RetryPolicy fast;
    fast.baseDelayMs = 10;
    fast.maxDelayMs = 50;
    for (int retry = 0; retry < 10; ++retry) {
        for (double jitter = 0; jitter <= 1.0; jitter += 0.125) {
            const int delay = backoffDelayMs(retry, fast, jitter);
            QVERIFY(delay >= 10);
            QVERIFY(delay <= 50);
        }
    }
}

void TestRetryPolicy::rateLimitHold_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<int>("resetInSeconds"); // 0 = no header
    QTest::addColumn<int>("holdMs"); // -1 = no hold
    QTest::newRow("429 waits for the reset") << 429 << 3600 << 0 << 30 << 30000;
    QTest::newRow("remaining 0 waits for one refill") << 200 << 3600 << 0 << 3600 << 1100;
    QTest::newRow("remaining 0, slow bucket") << 200 << 360 << 0 << 3600 << 11000;
    QTest::newRow("remaining 0, reset sooner than a refill") << 200 << 60 << 0 << 5 << 5000;
    QTest::newRow("remaining 0, no limit header") << 200 << -1 << 0 << 20 << 20000;
    QTest::newRow("budget left") << 200 << 3600 << 12 << 3600 << -1;
    QTest::newRow("reset in the past") << 429 << 3600 << 0 << -5 << -1;
    QTest::newRow("no reset header") << 429 << 3600 << 0 << 0 << -1;
}

void TestRetryPolicy::rateLimitHold()
{
    QFETCH(int, status);
    QFETCH(int, limit);
    QFETCH(int, remaining);
    QFETCH(int, resetInSeconds);
    QFETCH(int, holdMs);
    const QDateTime now(QDate(2026, 8, 1), QTime(12, 0), Qt::UTC);
    RateLimitState state{limit, remaining, resetInSeconds ? now.addSecs(resetInSeconds) : QDateTime()};
    const QDateTime until = rateLimitHoldUntil(status, state, now);
    if (holdMs < 0)
        QVERIFY(!until.isValid());
    else
        QCOMPARE(now.msecsTo(until), holdMs);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
