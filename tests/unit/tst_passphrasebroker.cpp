// PassphraseBroker: one question for all sessions asking, the answer shared, withdrawn requests ignored.

#include "common/redactor.h"
#include "ssh/passphrasebroker.h"
#include "ssh/passphraserequest.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
// A session's side of one request: the exchange its worker would wait on.
struct Asking
{
    std::shared_ptr<PassphraseExchange> exchange = std::make_shared<PassphraseExchange>();
    QPointer<PassphraseRequest> request;

    explicit Asking(const QString &keyFile)
        : request(new PassphraseRequest(keyFile, exchange, nullptr))
    { }
    ~Asking() { delete request.data(); }
};
} // namespace

class TestPassphraseBroker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void asksOnceForAllSessions();
    void laterSessionsGetTheKeptAnswer();
    void refusalCancelsEveryone();
    void withdrawnRequestIsSkipped();
    void forgetAsksAgain();
    void destroyedBrokerReleasesWaiters();
};

void TestPassphraseBroker::asksOnceForAllSessions()
{
    PassphraseBroker broker;
    QSignalSpy asked(&broker, &PassphraseBroker::passphraseNeeded);
    Asking first(u"/keys/id_ed25519"_s), second(u"/keys/id_ed25519"_s);
    broker.handle(first.request);
    broker.handle(second.request);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().first().toString(), u"/keys/id_ed25519"_s);
    QVERIFY(broker.isAsking());

    broker.provide(u"correct horse"_s);
    QVERIFY(!broker.isAsking());
    QCOMPARE(first.exchange->wait(), std::optional<QByteArray>("correct horse"));
    QCOMPARE(second.exchange->wait(), std::optional<QByteArray>("correct horse"));
    // The passphrase is a secret like the token: never in a log line.
    QVERIFY(!Redactor::instance().redact(u"typed correct horse"_s).contains(u"correct horse"_s));
}

void TestPassphraseBroker::laterSessionsGetTheKeptAnswer()
{
    PassphraseBroker broker;
    QSignalSpy asked(&broker, &PassphraseBroker::passphraseNeeded);
    Asking first(u"k"_s);
    broker.handle(first.request);
    broker.provide(u"secret-one"_s);
    Asking later(u"k"_s);
    broker.handle(later.request);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(later.exchange->wait(), std::optional<QByteArray>("secret-one"));
}

void TestPassphraseBroker::refusalCancelsEveryone()
{
    PassphraseBroker broker;
    Asking first(u"k"_s), second(u"k"_s);
    broker.handle(first.request);
    broker.handle(second.request);
    broker.refuse();
    QCOMPARE(first.exchange->wait(), std::nullopt);
    QCOMPARE(second.exchange->wait(), std::nullopt);
    Asking later(u"k"_s);
    broker.handle(later.request);
    QCOMPARE(later.exchange->wait(), std::nullopt);

    // A null answer (no terminal, dialog closed) is a refusal too.
    PassphraseBroker other;
    Asking third(u"k"_s);
    other.handle(third.request);
    other.provide(QString());
    QCOMPARE(third.exchange->wait(), std::nullopt);
}

void TestPassphraseBroker::withdrawnRequestIsSkipped()
{
    PassphraseBroker broker;
    Asking kept(u"k"_s);
    auto withdrawn = std::make_unique<Asking>(u"k"_s);
    broker.handle(withdrawn->request);
    broker.handle(kept.request);
    withdrawn.reset(); // its session was torn down while the dialog was open
    broker.provide(u"pw"_s);
    QCOMPARE(kept.exchange->wait(), std::optional<QByteArray>("pw"));
}

void TestPassphraseBroker::forgetAsksAgain()
{
    PassphraseBroker broker;
    QSignalSpy asked(&broker, &PassphraseBroker::passphraseNeeded);
    Asking first(u"a"_s);
    broker.handle(first.request);
    broker.provide(u"pw"_s);
    broker.forget();
    QVERIFY(!broker.isAnswered());
    Asking second(u"b"_s);
    broker.handle(second.request);
    QCOMPARE(asked.count(), 2);
    QCOMPARE(asked.last().first().toString(), u"b"_s);
}

void TestPassphraseBroker::destroyedBrokerReleasesWaiters()
{
    Asking waiting(u"k"_s);
    {
        PassphraseBroker broker;
        broker.handle(waiting.request);
    }
    QCOMPARE(waiting.exchange->wait(), std::nullopt);
}

QTEST_GUILESS_MAIN(TestPassphraseBroker)
#include "tst_passphrasebroker.moc"
