// The simulator's transport knobs: rate limiting, storms, injected faults and the /__sim control endpoint.

#include "hcloudsim.h"
#include "openapivalidator.h"
#include "simtestclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QJsonObject serverBody(const QString &name)
{
    return {{u"name"_s, name}, {u"server_type"_s, u"cx33"_s}, {u"image"_s, u"debian-12"_s}, {u"location"_s, u"fsn1"_s}};
}

qint64 headerNumber(const SimReply &reply, const char *name)
{
    bool ok = false;
    const qint64 value = reply.header(name).toLongLong(&ok);
    return ok ? value : -1;
}
} // namespace

class TestHcloudSimTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rateLimitHeadersCountDown();
    void rateLimitExhausted();
    void storm();
    void apiErrorFault();
    void faultMatchesMethodAndPath();
    void bareStatusFault();
    void dropConnectionFault();
    void latencyFault();
    void actionErrorFault();
    void apiErrorAfterProcessing();
    void dropAfterProcessingIsResentByQt();
    void controlEndpoint();

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<SimTestClient> m_client;
};

void TestHcloudSimTransport::init()
{
    m_sim = std::make_unique<HcloudSim>();
    QVERIFY(m_sim->listen());
    m_sim->setActionDurationMs(50);
    m_client = std::make_unique<SimTestClient>(m_sim->endpoint());
}

void TestHcloudSimTransport::cleanup()
{
    const QStringList violations = openApiViolations(*m_sim);
    m_client.reset();
    m_sim.reset();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
}

void TestHcloudSimTransport::rateLimitHeadersCountDown()
{
    SimReply reply = m_client->get("/locations");
    QCOMPARE(headerNumber(reply, "RateLimit-Limit"), 3600);
    QCOMPARE(headerNumber(reply, "RateLimit-Remaining"), 3599);
    QVERIFY(headerNumber(reply, "RateLimit-Reset") >= QDateTime::currentSecsSinceEpoch());

    // A slow refill (36/h = one per 100 s) makes the count exact.
    m_sim->setRateLimit(36, 10);
    QList<qint64> remaining;
    for (int i = 0; i < 3; ++i)
        remaining << headerNumber(m_client->get("/locations"), "RateLimit-Remaining");
    QCOMPARE(remaining, (QList<qint64>{9, 8, 7}));
    // Unauthenticated requests count as well.
    m_client->setToken(QString());
    reply = m_client->get("/locations");
    QCOMPARE(reply.status, 401);
    QCOMPARE(headerNumber(reply, "RateLimit-Remaining"), 6);
    QCOMPARE(headerNumber(reply, "RateLimit-Limit"), 36);
    // Full again after the missing 30 tokens at 100 s each.
    const qint64 reset = headerNumber(reply, "RateLimit-Reset") - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(reset > 2900 && reset <= 3001, qPrintable(QString::number(reset)));
}

void TestHcloudSimTransport::rateLimitExhausted()
{
    m_sim->setRateLimit(3, 2);
    QCOMPARE(m_client->get("/locations").status, 200);
    QCOMPARE(m_client->get("/locations").status, 200);
    const SimReply limited = m_client->get("/locations");
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), u"rate_limit_exceeded"_s);
    QCOMPARE(headerNumber(limited, "RateLimit-Remaining"), 0);
    QVERIFY(!limited.header("x-correlation-id").isEmpty());
}

void TestHcloudSimTransport::storm()
{
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    m_sim->startRateLimitStorm(30);
    const SimReply reply = m_client->get("/servers");
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.errorCode(), u"rate_limit_exceeded"_s);
    QCOMPARE(headerNumber(reply, "RateLimit-Remaining"), 0);
    const qint64 reset = headerNumber(reply, "RateLimit-Reset");
    QVERIFY(reset >= before + 30 && reset <= QDateTime::currentSecsSinceEpoch() + 30);
    QCOMPARE(m_client->post("/servers", serverBody(u"meet-1"_s)).status, 429);
    QVERIFY(m_sim->state(u"servers"_s).isEmpty());

    m_sim->startRateLimitStorm(0); // ends it
    QCOMPARE(m_client->get("/servers").status, 200);
}

void TestHcloudSimTransport::apiErrorFault()
{
    HcloudSim::Fault fault;
    fault.status = 409;
    fault.code = u"conflict"_s;
    fault.message = u"resource changed"_s;
    fault.count = 2;
    m_sim->injectFault(fault);
    for (int i = 0; i < 2; ++i) {
        const SimReply reply = m_client->get("/servers");
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.errorCode(), u"conflict"_s);
        QCOMPARE(reply.json[u"error"_s][u"message"_s].toString(), u"resource changed"_s);
        QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
    }
    QCOMPARE(m_client->get("/servers").status, 200);

    fault.count = -1;
    fault.status = 423;
    fault.code = u"locked"_s;
    m_sim->injectFault(fault);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_client->get("/servers").errorCode(), u"locked"_s);
    m_sim->clearFaults();
    QCOMPARE(m_client->get("/servers").status, 200);
}

void TestHcloudSimTransport::faultMatchesMethodAndPath()
{
    HcloudSim::Fault fault;
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/servers$"_s;
    fault.status = 412;
    fault.code = u"resource_unavailable"_s;
    m_sim->injectFault(fault);
    QCOMPARE(m_client->get("/servers").status, 200);
    QCOMPARE(m_client->post("/ssh_keys", {{u"name"_s, u"x"_s}}).errorCode(), u"invalid_input"_s);
    QCOMPARE(m_client->post("/servers", serverBody(u"meet-1"_s)).errorCode(), u"resource_unavailable"_s);
    QVERIFY(m_sim->state(u"servers"_s).isEmpty()); // before processing: nothing happened
    QCOMPARE(m_client->post("/servers", serverBody(u"meet-1"_s)).status, 201);
}

void TestHcloudSimTransport::bareStatusFault()
{
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::BareStatus;
    fault.status = 502;
    m_sim->injectFault(fault);
    const SimReply reply = m_client->get("/servers");
    QCOMPARE(reply.status, 502);
    QVERIFY(reply.json.isEmpty());
    QVERIFY(reply.header("content-type").startsWith("text/html"));
    QVERIFY(!reply.header("x-correlation-id").isEmpty());
    QCOMPARE(m_sim->exchanges().constLast().status, 502);
}

void TestHcloudSimTransport::dropConnectionFault()
{
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::DropConnection;
    fault.count = -1;
    m_sim->injectFault(fault);
    const SimReply reply = m_client->get("/servers");
    QCOMPARE(reply.status, 0);
    QCOMPARE(reply.error, QNetworkReply::RemoteHostClosedError);
    QVERIFY(!m_sim->exchanges().isEmpty());
    QCOMPARE(m_sim->exchanges().constLast().status, 0);
    m_sim->clearFaults();
    QCOMPARE(m_client->get("/servers").status, 200);
}

void TestHcloudSimTransport::latencyFault()
{
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::Latency;
    fault.latencyMs = 30000;
    m_sim->injectFault(fault);
    // The answer is held far longer than the client waits, so the client must time out.
    m_client->setTransferTimeoutMs(300);
    const SimReply late = m_client->get("/servers");
    QCOMPARE(late.status, 0);
    QCOMPARE(late.error, QNetworkReply::OperationCanceledError);

    fault.latencyMs = 200;
    m_sim->injectFault(fault);
    m_client->setTransferTimeoutMs(20000);
    const SimReply slow = m_client->get("/servers");
    QCOMPARE(slow.status, 200); // late, but a normal answer
}

void TestHcloudSimTransport::actionErrorFault()
{
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::ActionError;
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/servers$"_s;
    fault.code = u"action_failed"_s;
    fault.message = u"Action failed"_s;
    m_sim->injectFault(fault);
    const SimReply created = m_client->post("/servers", serverBody(u"meet-1"_s));
    QCOMPARE(created.status, 201);
    const QByteArray path = "/actions/" + QByteArray::number(created.json[u"action"_s][u"id"_s].toInteger());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(path).json[u"action"_s][u"status"_s].toString(), u"error"_s, 10000);
    const QJsonObject action = m_client->get(path).json[u"action"_s].toObject();
    QCOMPARE(action[u"error"_s][u"code"_s].toString(), u"action_failed"_s);
    QCOMPARE(action[u"error"_s][u"message"_s].toString(), u"Action failed"_s);
    QVERIFY(!action[u"finished"_s].toString().isEmpty());
    const QByteArray server = "/servers/" + QByteArray::number(created.json[u"server"_s][u"id"_s].toInteger());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(server).json[u"server"_s][u"status"_s].toString(), u"off"_s, 10000);

    // Only the matched request's actions fail.
    const SimReply next = m_client->post("/servers", serverBody(u"meet-2"_s));
    const QByteArray nextPath = "/actions/" + QByteArray::number(next.json[u"action"_s][u"id"_s].toInteger());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(nextPath).json[u"action"_s][u"status"_s].toString(), u"success"_s, 10000);

    // A failed delete leaves the server in place.
    fault.method = u"DELETE"_s;
    fault.pathPattern = u"^/servers/\\d+$"_s;
    m_sim->injectFault(fault);
    const SimReply deleted = m_client->del(server);
    QCOMPARE(deleted.status, 200);
    const QByteArray deletePath = "/actions/" + QByteArray::number(deleted.json[u"action"_s][u"id"_s].toInteger());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(deletePath).json[u"action"_s][u"status"_s].toString(), u"error"_s, 10000);
    QCOMPARE(m_client->get(server).status, 200);
}

void TestHcloudSimTransport::apiErrorAfterProcessing()
{
    HcloudSim::Fault fault;
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/servers$"_s;
    fault.status = 504;
    fault.code = u"timeout"_s;
    fault.afterProcessing = true;
    m_sim->injectFault(fault);
    const SimReply lost = m_client->post("/servers", serverBody(u"meet-1"_s));
    QCOMPARE(lost.status, 504);
    QCOMPARE(lost.errorCode(), u"timeout"_s);
    QCOMPARE(m_sim->state(u"servers"_s).size(), 1); // it was created anyway
    const SimReply retried = m_client->post("/servers", serverBody(u"meet-1"_s));
    QCOMPARE(retried.status, 409);
    QCOMPARE(retried.errorCode(), u"uniqueness_error"_s);
}

void TestHcloudSimTransport::dropAfterProcessingIsResentByQt()
{
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::DropConnection;
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/servers$"_s;
    fault.afterProcessing = true;
    m_sim->injectFault(fault);
    // Qt resends a request whose connection closed before any answer; the resend meets the created server.
    const SimReply reply = m_client->post("/servers", serverBody(u"meet-1"_s));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.errorCode(), u"uniqueness_error"_s);
    const auto exchanges = m_sim->exchanges();
    QCOMPARE(exchanges.size(), 2);
    QCOMPARE(exchanges.at(0).status, 0);
    QCOMPARE(m_sim->state(u"servers"_s).size(), 1);
}

void TestHcloudSimTransport::controlEndpoint()
{
    QUrl base = m_sim->endpoint();
    base.setPath(QString());
    const QByteArray root = base.toString().toUtf8();
    SimTestClient control(base, QString()); // no token needed

    SimReply reply = control.post(root + "/__sim/faults", {{u"kind"_s, u"api_error"_s},
                                                           {u"path"_s, u"^/locations$"_s},
                                                           {u"status"_s, 503},
                                                           {u"code"_s, u"unavailable"_s},
                                                           {u"count"_s, -1}});
    QCOMPARE(reply.status, 201);
    QCOMPARE(m_client->get("/locations").errorCode(), u"unavailable"_s);
    QCOMPARE(m_client->get("/locations").errorCode(), u"unavailable"_s);
    QCOMPARE(control.del(root + "/__sim/faults").status, 204);
    QCOMPARE(m_client->get("/locations").status, 200);
    QCOMPARE(control.post(root + "/__sim/faults", {{u"kind"_s, u"gremlin"_s}}).status, 422);

    reply = control.get(root + "/__sim/exchanges");
    QCOMPARE(reply.status, 200);
    const QJsonArray exchanges = reply.json.value(u"exchanges"_s).toArray();
    QCOMPARE(exchanges.size(), 3); // control requests are not logged
    QCOMPARE(exchanges[0][u"status"_s].toInt(), 503);
    QCOMPARE(exchanges[2][u"path"_s].toString(), u"/locations"_s);

    QCOMPARE(control.post(root + "/__sim/storm", {{u"seconds"_s, 30}}).status, 204);
    const SimReply stormed = m_client->get("/locations");
    QCOMPARE(stormed.status, 429);
    QCOMPARE(stormed.header("ratelimit-remaining"), QByteArray("0"));
}

QTEST_GUILESS_MAIN(TestHcloudSimTransport)
#include "tst_hcloudsim_transport.moc"
