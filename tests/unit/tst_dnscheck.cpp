// DnsCheck: the records a deployment needs, publishing them through Cloud DNS (against hcloud-sim), and waiting
// for them to resolve against a real DNS server (Debian's dnsmasq) on a private loopback address.
#include "deploy/dnscheck.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"
#include "openapivalidator.h"
#include "testdnsserver.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QUdpSocket>
#include <QtTest>

#include <memory>
#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString domain = u"meet.example.org"_s;
const QString webIpv4 = u"198.51.100.7"_s;
const QString webIpv6 = u"2001:db8::7"_s;
const QString otherIpv4 = u"203.0.113.9"_s;

// Waits for one callback and counts how often it ran.
template<typename R>
struct Outcome
{
    int calls = 0;
    std::optional<R> result;

    auto callback()
    {
        return [this](R r) {
            ++calls;
            result.emplace(std::move(r));
        };
    }
};

QJsonObject findRrset(const QJsonArray &rrsets, const QString &name, const QString &type)
{
    for (const QJsonValue &value : rrsets) {
        const QJsonObject rrset = value.toObject();
        if (rrset.value(u"name"_s).toString() == name && rrset.value(u"type"_s).toString() == type)
            return rrset;
    }
    return {};
}

QStringList values(const QJsonObject &rrset)
{
    QStringList out;
    const QJsonArray records = rrset.value(u"records"_s).toArray();
    for (const QJsonValue &record : records)
        out.append(record.toObject().value(u"value"_s).toString());
    return out;
}

} // namespace

class TestDnsCheck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<hcloud::HetznerClient> m_client;
    std::unique_ptr<DnsCheck> m_check;
    std::unique_ptr<TestDnsServer> m_dns;
    QByteArray m_resolvConf;

    Result<bool> publish(const QList<DnsRecord> &records)
    {
        Outcome<Result<bool>> outcome;
        m_check->publish(records, outcome.callback());
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 30000);
        }();
        if (outcome.calls == 0)
            return Error{u"test"_s, u"no_callback"_s, u"publish() never answered"_s, {}, {}, 0};
        [&] {
            QCOMPARE(outcome.calls, 1);
        }();
        return *outcome.result;
    }

    QList<HcloudSim::Exchange> writes() const
    {
        QList<HcloudSim::Exchange> out;
        const auto all = m_sim->exchanges();
        for (const auto &exchange : all) {
            if (exchange.method != u"GET"_s)
                out.append(exchange);
        }
        return out;
    }

    // Starts dnsmasq answering `answers` on our private loopback address; QSKIPs when port 53 is out of reach.
    bool startDns(const QMap<QString, QStringList> &answers)
    {
        if (::geteuid() != 0) {
            QTest::qSkip("The resolution tests run a DNS server on port 53 of a loopback address, which needs root "
                         "(as in CI). Run this test as root to include them.",
                         __FILE__, __LINE__);
            return false;
        }
        if (!m_dns)
            m_dns = std::make_unique<TestDnsServer>();
        const QString failure = m_dns->start(TestDnsServer::privateLoopback(1), answers);
        if (!failure.isEmpty()) {
            QTest::qFail(qPrintable(failure), __FILE__, __LINE__);
            return false;
        }
        m_check->setNameserver(TestDnsServer::privateLoopback(1));
        return true;
    }

    struct Waited
    {
        Result<void> result;
        QStringList progress;
    };
    Waited waitForResolution(const QList<DnsRecord> &records, int timeoutMs, int patienceMs = 30000)
    {
        Outcome<Result<void>> outcome;
        QStringList progress;
        m_check->waitForResolution(
                records, timeoutMs, [&progress](const DnsCheckProgress &round) { progress.append(round.summary()); },
                outcome.callback());
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, patienceMs);
        }();
        if (outcome.calls == 0)
            return {Error{u"test"_s, u"no_callback"_s, u"waitForResolution() never answered"_s, {}, {}, 0}, progress};
        return {*outcome.result, progress};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile resolvConf(u"/etc/resolv.conf"_s);
        if (resolvConf.open(QIODevice::ReadOnly))
            m_resolvConf = resolvConf.readAll();
    }

    void cleanupTestCase()
    {
        // The test's DNS server must leave the machine's resolver configuration alone.
        QFile resolvConf(u"/etc/resolv.conf"_s);
        if (resolvConf.open(QIODevice::ReadOnly))
            QCOMPARE(resolvConf.readAll(), m_resolvConf);
    }

    void init()
    {
        m_sim = std::make_unique<HcloudSim>();
        QVERIFY(m_sim->listen());
        m_sim->setActionDurationMs(0);
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<hcloud::HetznerClient>(m_network.get());
        m_client->setEndpoint(m_sim->endpoint());
        m_client->setToken(HcloudSim::defaultToken());
        m_client->setPollPolicy({10, 50, 20000});
        m_check = std::make_unique<DnsCheck>(m_client.get());
        m_check->setPollIntervalMs(100);
    }

    void cleanup()
    {
        if (m_dns && QTest::currentTestFailed())
            qInfo().noquote() << "dnsmasq log:\n" << QString::fromUtf8(m_dns->log());
        m_dns.reset(); // kills dnsmasq, also after a failed check
        m_check.reset();
        m_client.reset();
        m_network.reset();
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    // --- records ---

    void requiredRecords()
    {
        QCOMPARE(DnsCheck::requiredRecords(domain, webIpv4, {}),
                 QList<DnsRecord>({DnsRecord{domain, u"A"_s, webIpv4}}));
        QCOMPARE(DnsCheck::requiredRecords(u"Meet.Example.ORG."_s, webIpv4, webIpv6),
                 QList<DnsRecord>({DnsRecord{domain, u"A"_s, webIpv4}, DnsRecord{domain, u"AAAA"_s, webIpv6}}));
        QCOMPARE(DnsCheck::requiredRecords(domain, webIpv4, webIpv6).at(1).toZoneLine(),
                 u"meet.example.org. 300 IN AAAA 2001:db8::7"_s);
        QCOMPARE(DnsRecord(DnsRecord{domain, u"A"_s, webIpv4}).toZoneLine(),
                 u"meet.example.org. 300 IN A 198.51.100.7"_s);
    }

    void relativeName_data()
    {
        QTest::addColumn<QString>("fqdn");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("expected");
        QTest::newRow("subdomain") << domain << u"example.org"_s << u"meet"_s;
        QTest::newRow("deeper") << u"a.meet.example.co.uk."_s << u"example.co.uk"_s << u"a.meet"_s;
        QTest::newRow("apex") << u"example.org"_s << u"example.org"_s << u"@"_s;
        QTest::newRow("case and dot") << u"Meet.Example.org."_s << u"example.org"_s << u"meet"_s;
        QTest::newRow("other zone") << domain << u"example.com"_s << QString();
        QTest::newRow("suffix is not a zone") << u"meet.notexample.org"_s << u"example.org"_s << QString();
    }
    void relativeName()
    {
        QFETCH(QString, fqdn);
        QFETCH(QString, zone);
        QFETCH(QString, expected);
        QCOMPARE(DnsCheck::relativeName(fqdn, zone), expected);
    }

    // --- publishing through Cloud DNS ---

    void publishCreatesRecordsInTheProjectsZone()
    {
        m_sim->seedZone(u"example.org"_s);
        m_sim->seedZone(u"example.com"_s);
        const auto records = DnsCheck::requiredRecords(domain, webIpv4, webIpv6);
        const Result<bool> published = publish(records);
        QVERIFY2(published.ok(), qPrintable(published.error().toString()));
        QVERIFY(published.value());

        const QJsonArray rrsets = m_sim->state(u"rrsets"_s);
        const QJsonObject a = findRrset(rrsets, u"meet"_s, u"A"_s);
        const QJsonObject aaaa = findRrset(rrsets, u"meet"_s, u"AAAA"_s);
        QCOMPARE(values(a), QStringList{webIpv4});
        QCOMPARE(values(aaaa), QStringList{webIpv6});
        QCOMPARE(a.value(u"ttl"_s).toInt(), DnsCheck::recordTtl);
        QCOMPARE(writes().size(), 2);
    }

    void publishAgainWritesNothing()
    {
        m_sim->seedZone(u"example.org"_s);
        const auto records = DnsCheck::requiredRecords(domain, webIpv4, webIpv6);
        QVERIFY(publish(records).ok());
        m_sim->clearExchanges();

        // The same records, in another spelling of the same addresses and name.
        const auto again = DnsCheck::requiredRecords(u"MEET.example.org."_s, webIpv4, u"2001:db8:0::7"_s);
        const Result<bool> published = publish(again);
        QVERIFY2(published.ok(), qPrintable(published.error().toString()));
        QVERIFY(published.value());
        QVERIFY(!m_sim->exchanges().isEmpty()); // it did look
        QCOMPARE(writes().size(), 0);
    }

    void publishCorrectsAWrongRecord()
    {
        m_sim->seedZone(u"example.org"_s);
        QVERIFY(publish(DnsCheck::requiredRecords(domain, otherIpv4, {})).ok());
        m_sim->clearExchanges();

        const Result<bool> published = publish(DnsCheck::requiredRecords(domain, webIpv4, {}));
        QVERIFY2(published.ok(), qPrintable(published.error().toString()));
        QVERIFY(published.value());
        QCOMPARE(values(findRrset(m_sim->state(u"rrsets"_s), u"meet"_s, u"A"_s)), QStringList{webIpv4});
        const auto written = writes();
        QCOMPARE(written.size(), 1);
        QVERIFY(written.constFirst().path.endsWith(u"/rrsets/meet/A/actions/set_records"_s));
    }

    void publishAtTheApex()
    {
        m_sim->seedZone(u"example.org"_s);
        const Result<bool> published = publish(DnsCheck::requiredRecords(u"example.org"_s, webIpv4, {}));
        QVERIFY2(published.ok(), qPrintable(published.error().toString()));
        QVERIFY(published.value());
        QCOMPARE(values(findRrset(m_sim->state(u"rrsets"_s), u"@"_s, u"A"_s)), QStringList{webIpv4});
    }

    void publishWithoutTheZoneIsNotAnError()
    {
        m_sim->seedZone(u"example.com"_s);
        const Result<bool> published = publish(DnsCheck::requiredRecords(domain, webIpv4, webIpv6));
        QVERIFY2(published.ok(), qPrintable(published.error().toString()));
        QVERIFY(!published.value());
        QCOMPARE(writes().size(), 0);
    }

    void publishToASecondaryZoneIsLeftToTheUser()
    {
        m_sim->seedZone(u"example.org"_s, u"secondary"_s);
        const Result<bool> published = publish(DnsCheck::requiredRecords(domain, webIpv4, {}));
        QVERIFY2(published.ok(), qPrintable(published.error().toString()));
        QVERIFY(!published.value());
        QCOMPARE(writes().size(), 0);
    }

    void publishReportsApiErrors()
    {
        m_sim->seedZone(u"example.org"_s);
        m_client->setToken(u"not-the-token"_s);
        const Result<bool> published = publish(DnsCheck::requiredRecords(domain, webIpv4, {}));
        QVERIFY(!published.ok());
        QCOMPARE(published.error().code, u"unauthorized"_s);
    }

    // --- resolution against a real DNS server ---

    void resolvesToTheWebHost()
    {
        if (!startDns({{domain, {webIpv4, webIpv6}}}))
            return;
        const Waited waited = waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, webIpv6), 20000);
        QVERIFY2(waited.result.ok(), qPrintable(waited.result.error().toString()));
        QCOMPARE(waited.progress, QStringList());
    }

    void wrongAddressIsNotReady()
    {
        if (!startDns({{domain, {otherIpv4}}}))
            return;
        const Waited waited = waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, {}), 1500);
        QVERIFY(!waited.result.ok());
        const Error &error = waited.result.error();
        QCOMPARE(error.code, u"dns_not_ready"_s);
        QVERIFY2(error.message.contains(domain), qPrintable(error.message));
        QVERIFY2(error.message.contains(otherIpv4), qPrintable(error.message));
        QVERIFY2(error.message.contains(webIpv4), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"meet.example.org. 300 IN A 198.51.100.7"_s), qPrintable(error.message));
        QVERIFY(!waited.progress.isEmpty());
        QCOMPARE(waited.progress.constFirst(), u"meet.example.org resolves to 203.0.113.9, expected 198.51.100.7"_s);
    }

    void extraAddressIsNotReady()
    {
        // Let's Encrypt may pick the stale address; the record must hold the web host's address alone.
        if (!startDns({{domain, {otherIpv4, webIpv4}}}))
            return;
        const Waited waited = waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, {}), 1000);
        QVERIFY(!waited.result.ok());
        QCOMPARE(waited.result.error().code, u"dns_not_ready"_s);
        QVERIFY2(waited.result.error().message.contains(otherIpv4), qPrintable(waited.result.error().message));
    }

    void missingAaaaIsNamed()
    {
        if (!startDns({{domain, {webIpv4}}}))
            return;
        const Waited waited = waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, webIpv6), 1000);
        QVERIFY(!waited.result.ok());
        const QString message = waited.result.error().message;
        QVERIFY2(message.contains(u"meet.example.org has no AAAA record yet"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"198.51.100.7, expected"_s), qPrintable(message)); // the A record is fine
    }

    void becomesReadyWhileWaiting()
    {
        if (!startDns({{domain, {otherIpv4}}}))
            return;
        Outcome<Result<void>> outcome;
        QStringList progress;
        std::optional<DnsCheckProgress> last;
        m_check->waitForResolution(
                DnsCheck::requiredRecords(domain, webIpv4, {}), 60000,
                [&progress, &last](const DnsCheckProgress &round) {
                    progress.append(round.summary());
                    last = round;
                },
                outcome.callback());
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 20000);
        QCOMPARE(outcome.calls, 0);
        // Each round says which resolver answered what, and when the next try is (the engine's dns_check event).
        QVERIFY(last);
        QCOMPARE(last->resolver, TestDnsServer::privateLoopback(1).toString());
        QCOMPARE(last->round, int(progress.size()));
        QCOMPARE(last->nextTryMs, 100);
        QCOMPARE(last->answers.size(), qsizetype(1));
        QCOMPARE(last->answers.first().record.value, webIpv4);
        QCOMPARE(last->answers.first().addresses, QStringList{otherIpv4});
        QVERIFY(!last->answers.first().ready);
        QVERIFY2(last->summary().contains(otherIpv4), qPrintable(last->summary()));

        // The user fixes the record at the provider.
        m_dns->stop();
        if (!startDns({{domain, {webIpv4}}}))
            return;
        QTRY_COMPARE_WITH_TIMEOUT(outcome.calls, 1, 30000);
        QVERIFY2(outcome.result->ok(), qPrintable(outcome.result->error().toString()));
    }

    void unknownNameIsNotReady()
    {
        if (!startDns({{u"other.example.org"_s, {webIpv4}}}))
            return;
        const Waited waited = waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, {}), 1000);
        QVERIFY(!waited.result.ok());
        QCOMPARE(waited.result.error().code, u"dns_not_ready"_s);
        QVERIFY2(waited.result.error().message.contains(u"meet.example.org does not resolve yet (no such name)"_s),
                 qPrintable(waited.result.error().message));
    }

    // The wizard's "continue with a self-signed certificate": the wait ends now, not at its deadline.
    void stopWaitingEndsTheWaitEarly()
    {
        if (!startDns({{u"other.example.org"_s, {webIpv4}}}))
            return;
        Outcome<Result<void>> outcome;
        QElapsedTimer waited;
        waited.start();
        m_check->waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, {}), 60000, {}, outcome.callback());
        QTimer::singleShot(300, m_check.get(), [this] { m_check->stopWaiting(); });
        QTRY_COMPARE_WITH_TIMEOUT(outcome.calls, 1, 10000);
        QVERIFY2(waited.elapsed() < 30000, "the wait ran on to its deadline");
        QVERIFY(!outcome.result->ok());
        QCOMPARE(outcome.result->error().code, u"dns_not_ready"_s);
        QVERIFY2(outcome.result->error().message.contains(u"meet.example.org does not resolve yet"_s),
                 qPrintable(outcome.result->error().message));
    }

    void silentServerTimeoutIsBounded()
    {
        if (::geteuid() != 0)
            QSKIP("Binding port 53 needs root (as in CI); run this test as root to include it.");
        // A "server" that reads queries and never answers: the resolver library would wait for seconds per
        // attempt, so only DnsCheck's own deadline can end this quickly.
        QUdpSocket silent;
        QVERIFY2(silent.bind(TestDnsServer::privateLoopback(2), 53), qPrintable(silent.errorString()));
        m_check->setNameserver(TestDnsServer::privateLoopback(2));
        const Waited waited = waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, {}), 500, 4000);
        QVERIFY(!waited.result.ok());
        QCOMPARE(waited.result.error().code, u"dns_not_ready"_s);
        QVERIFY2(waited.result.error().message.contains(u"gave no answer yet"_s),
                 qPrintable(waited.result.error().message));
        QVERIFY(silent.hasPendingDatagrams() || silent.waitForReadyRead(1000)); // the query did go there
    }

    void destroyedCheckNeverCallsBack()
    {
        if (::geteuid() != 0)
            QSKIP("Binding port 53 needs root (as in CI); run this test as root to include it.");
        QUdpSocket silent;
        QVERIFY2(silent.bind(TestDnsServer::privateLoopback(3), 53), qPrintable(silent.errorString()));
        m_check->setNameserver(TestDnsServer::privateLoopback(3));
        int calls = 0;
        m_check->waitForResolution(DnsCheck::requiredRecords(domain, webIpv4, {}), 200, {},
                                   [&calls](const Result<void> &) { ++calls; });
        m_check.reset();
        QTest::qWait(600); // past the deadline: nothing may arrive
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestDnsCheck)
#include "tst_dnscheck.moc"
