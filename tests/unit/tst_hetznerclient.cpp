#include "common/redactor.h"
#include "hcloud/hclouderrors.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"
#include "openapivalidator.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hcloud;

namespace {

// Long and distinctive, so a leak cannot hide behind a coincidence.
const QString token = u"tok-7f3a9c-client-test-secret-5d1e"_s;
const QString publicKey
        = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFIliKSm/I9kkuFvHkoYJOx0Tx2GIJdSj72lsGHITTnq user@host"_s;

QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedLog.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

// Collects one callback's result; counts calls to prove "exactly once".
template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    int calls = 0;

    HetznerClient::Callback<T> callback()
    {
        return [this](Result<T> value) {
            ++calls;
            result.emplace(std::move(value));
        };
    }
    bool arrived() const { return result.has_value(); }
    const Result<T> &operator*() const { return *result; }
    const Result<T> *operator->() const { return &*result; }
};

#define AWAIT(outcome) QVERIFY2(QTest::qWaitFor([&] { return (outcome).arrived(); }, 30000), "no callback")
#define AWAIT_OK(outcome) \
    do { \
        AWAIT(outcome); \
        QVERIFY2((outcome)->ok(), (outcome)->ok() ? "" : qPrintable((outcome)->error().toString())); \
    } while (false)

Labels deploymentLabels(const QString &role)
{
    return {{u"managed-by"_s, u"jitsi-deployer"_s},
            {u"jitsi-deployer/deployment"_s, u"meet-example-org"_s},
            {u"jitsi-deployer/role"_s, role}};
}

CreateServerRequest serverRequest(const QString &name, const QString &role = u"bridge"_s)
{
    CreateServerRequest request;
    request.name = name;
    request.serverType = u"cx23"_s;
    request.image = u"debian-12"_s;
    request.location = u"fsn1"_s;
    request.labels = deploymentLabels(role);
    return request;
}

} // namespace

class TestHetznerClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void checkTokenReadWrite();
    void checkTokenReadOnly();
    void unauthorizedToken();
    void serverLifecycle();
    void listFollowsPaginationToTheLastPage();
    void labelSelectorsArriveIntact_data();
    void labelSelectorsArriveIntact();
    void retriedFaults_data();
    void retriedFaults();
    void retriesGiveUpAfterTheLimit();
    void notRetriedFaults_data();
    void notRetriedFaults();
    void latencyBeyondTransferTimeoutIsRetried();
    void rateLimitStormWaitsForTheReset();
    void emptyBudgetHoldsBackInsteadOfHitting429();
    void rateLimitResetTooFarIsAnError();
    void droppedCreateIsAdopted();
    void createWithForeignLabelsKeepsUniquenessError();
    void resourceUnavailableNamesTheFix();
    void actionsArePolledInBatches();
    void actionEndingInErrorIsTypedError();
    void endpointUnreachable();
    void invalidResponseIsNotRetried();
    void tlsFailureIsClear();
    void plainHttpToAnotherMachineSendsNothing();
    void sshKeys();
    void firewalls();
    void networks();
    void primaryIps();
    void catalogue();
    void dnsRecords();
    void dnsSecondaryZoneIsRefused();
    void destroyedContextGetsNoCallback();
    void destroyedContextStopsPolling();
    void repeatedDeleteAfterDropSucceeds();

private:
    QList<HcloudSim::Exchange> apiExchanges(const QString &method, const QString &pathPattern) const;
    void useFastPolicies();

    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HetznerClient> m_client;
    std::unique_ptr<QObject> m_context;
    QList<Error> m_errors; // every error a test saw, checked for the token in cleanup()
};

void TestHetznerClient::initTestCase()
{
    previousHandler = qInstallMessageHandler(captureMessages);
}

void TestHetznerClient::init()
{
    capturedLog.clear();
    m_errors.clear();
    m_sim = std::make_unique<HcloudSim>();
    QVERIFY(m_sim->listen(QHostAddress::LocalHost, 0));
    m_sim->addToken(token);
    m_sim->setActionDurationMs(30);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<HetznerClient>(m_network.get());
    m_client->setEndpoint(m_sim->endpoint());
    m_client->setToken(token);
    useFastPolicies();
    m_context = std::make_unique<QObject>();
}

void TestHetznerClient::useFastPolicies()
{
    RetryPolicy retry;
    retry.baseDelayMs = 10;
    retry.maxDelayMs = 50;
    retry.transferTimeoutMs = 5000;
    retry.maxRateLimitWaitMs = 10000;
    m_client->setRetryPolicy(retry);
    m_client->setPollPolicy({10, 50, 20000});
}

void TestHetznerClient::cleanup()
{
    m_client.reset(); // no callback may arrive after this
    m_context.reset();
    m_network.reset();
    const QStringList violations = openApiViolations(*m_sim);
    m_sim.reset();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    for (const Error &error : std::as_const(m_errors)) {
        for (const QString &text : {error.message, error.detail, error.toString()})
            QVERIFY2(!text.contains(token), "the token leaked into an Error");
    }
    for (const QString &line : std::as_const(capturedLog))
        QVERIFY2(!line.contains(token), "the token leaked into the log");
}

QList<HcloudSim::Exchange> TestHetznerClient::apiExchanges(const QString &method, const QString &pathPattern) const
{
    const QRegularExpression pattern(u'^' + pathPattern + u'$');
    QList<HcloudSim::Exchange> matching;
    for (const HcloudSim::Exchange &exchange : m_sim->exchanges()) {
        if (exchange.method == method && pattern.match(exchange.path).hasMatch())
            matching.append(exchange);
    }
    return matching;
}

void TestHetznerClient::checkTokenReadWrite()
{
    m_sim->seedServer(u"a"_s);
    m_sim->seedServer(u"b"_s);
    m_sim->seedServer(u"c"_s);
    Outcome<HetznerClient::TokenInfo> info;
    m_client->checkToken(m_context.get(), info.callback());
    AWAIT_OK(info);
    QVERIFY((*info)->readWrite);
    QCOMPARE((*info)->serverCount, 3);
    QVERIFY((*info)->rateLimit.limit > 0);
    QCOMPARE(m_client->requestCount(), 2);
    QVERIFY(m_sim->state(u"ssh_keys"_s).isEmpty()); // the probe created nothing
    QCOMPARE(info.calls, 1);
}

void TestHetznerClient::checkTokenReadOnly()
{
    const QString readOnly = u"ro-token-0123456789"_s;
    m_sim->addToken(readOnly, true);
    m_client->setToken(readOnly);
    Outcome<HetznerClient::TokenInfo> info;
    m_client->checkToken(m_context.get(), info.callback());
    AWAIT_OK(info);
    QVERIFY(!(*info)->readWrite);
    QCOMPARE(m_client->requestCount(), 2);
}

void TestHetznerClient::unauthorizedToken()
{
    m_client->setToken(u"wrong-token-abcdef"_s);
    Outcome<HetznerClient::TokenInfo> info;
    m_client->checkToken(m_context.get(), info.callback());
    AWAIT(info);
    QVERIFY(!info->ok());
    m_errors.append(info->error());
    QCOMPARE(info->error().code, u"unauthorized"_s);
    QCOMPARE(info->error().httpStatus, 401);
    QVERIFY(info->error().message.contains(u"API tokens"_s));
    QVERIFY(!info->error().correlationId.isEmpty());
    QVERIFY(!info->error().toString().contains(u"wrong-token-abcdef"_s));
    QCOMPARE(m_sim->exchanges().size(), 1); // 401 is final
}

void TestHetznerClient::serverLifecycle()
{
    const qint64 keyId = m_sim->seedSshKey(
            u"deployer"_s, u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDWCy3g9iXnjFgSsD3sFyS2SSg8UCH5Rbslo7j8hOlFP test"_s);
    CreateServerRequest request = serverRequest(u"meet-example-org-web"_s, u"web"_s);
    request.sshKeyIds = {keyId};
    Outcome<Created<Server>> created;
    m_client->createServer(request, m_context.get(), created.callback());
    AWAIT_OK(created);
    const Server server = (*created)->object;
    QVERIFY(server.id > 0);
    QCOMPARE(server.location, u"fsn1"_s);
    QVERIFY(!(*created)->adopted);
    QVERIFY((*created)->actions.size() >= 2); // create_server + start_server from next_actions

    QList<qint64> ids;
    for (const Action &action : (*created)->actions)
        ids.append(action.id);
    Outcome<QList<Action>> finished;
    QList<std::pair<int, int>> progress;
    m_client->waitForActions(ids, m_context.get(), finished.callback(), [&progress](int done, int total) {
        progress.append({done, total});
    });
    AWAIT_OK(finished);
    QCOMPARE((*finished)->size(), ids.size());
    for (const Action &action : **finished)
        QCOMPARE(action.status, u"success"_s);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), std::make_pair(int(ids.size()), int(ids.size())));

    Outcome<std::optional<Server>> fetched;
    m_client->getServer(server.id, m_context.get(), fetched.callback());
    AWAIT_OK(fetched);
    QVERIFY((*fetched)->has_value());
    QCOMPARE((**fetched)->status, u"running"_s);
    QVERIFY(!(**fetched)->ipv4.isEmpty());
    QVERIFY((**fetched)->ipv6Address().endsWith(u"::1"_s));
    QCOMPARE((**fetched)->labels, deploymentLabels(u"web"_s));

    Outcome<QList<Server>> listed;
    m_client->listServers(selectorFor(deploymentLabels(u"web"_s)), {}, m_context.get(), listed.callback());
    AWAIT_OK(listed);
    QCOMPARE((*listed)->size(), 1);
    QCOMPARE((*listed)->first().id, server.id);

    Outcome<QList<Server>> byName;
    m_client->listServers({}, u"meet-example-org-web"_s, m_context.get(), byName.callback());
    AWAIT_OK(byName);
    QCOMPARE((*byName)->size(), 1);

    Outcome<Action> deleted;
    m_client->deleteServer(server.id, m_context.get(), deleted.callback());
    AWAIT_OK(deleted);
    Outcome<QList<Action>> deletedDone;
    m_client->waitForActions({(*deleted)->id}, m_context.get(), deletedDone.callback());
    AWAIT_OK(deletedDone);

    Outcome<std::optional<Server>> gone;
    m_client->getServer(server.id, m_context.get(), gone.callback());
    AWAIT_OK(gone);
    QVERIFY(!(*gone)->has_value()); // 404 is "not there", not an error
}

void TestHetznerClient::listFollowsPaginationToTheLastPage()
{
    for (int i = 0; i < 123; ++i)
        m_sim->seedServer(u"bulk-%1"_s.arg(i), QJsonObject{{u"bulk"_s, u"yes"_s}});
    m_sim->seedServer(u"other"_s);
    Outcome<QList<Server>> listed;
    m_client->listServers(u"bulk=yes"_s, {}, m_context.get(), listed.callback());
    AWAIT_OK(listed);
    QCOMPARE((*listed)->size(), 123);
    QSet<QString> names;
    for (const Server &server : **listed)
        names.insert(server.name);
    QCOMPARE(names.size(), 123);
    const QList<HcloudSim::Exchange> pages = apiExchanges(u"GET"_s, u"/servers"_s);
    QCOMPARE(pages.size(), 3);
    for (int i = 0; i < pages.size(); ++i) {
        const QUrlQuery query(pages.at(i).query);
        QCOMPARE(query.queryItemValue(u"page"_s), QString::number(i + 1));
        QCOMPARE(query.queryItemValue(u"per_page"_s), u"50"_s);
    }
}

void TestHetznerClient::labelSelectorsArriveIntact_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("equals") << u"app=jitsi"_s << QStringList{u"web"_s, u"jvb1"_s, u"jvb2"_s};
    QTest::newRow("double equals") << u"app==jitsi"_s << QStringList{u"web"_s, u"jvb1"_s, u"jvb2"_s};
    QTest::newRow("and with not-equals") << u"app=jitsi,role!=bridge"_s << QStringList{u"web"_s};
    QTest::newRow("absent") << u"!role"_s << QStringList{u"plain"_s};
    QTest::newRow("present") << u"env"_s << QStringList{u"jvb1"_s, u"jvb2"_s};
    QTest::newRow("in with space") << u"env in (prod, test)"_s << QStringList{u"jvb1"_s, u"jvb2"_s};
    QTest::newRow("notin") << u"app=jitsi,env notin (prod)"_s << QStringList{u"web"_s, u"jvb2"_s};
    QTest::newRow("prefixed key") << u"jitsi-deployer/deployment=meet-example-org"_s << QStringList{u"jvb2"_s};
}

void TestHetznerClient::labelSelectorsArriveIntact()
{
    QFETCH(QString, selector);
    QFETCH(QStringList, expected);
    m_sim->seedServer(u"web"_s, QJsonObject{{u"app"_s, u"jitsi"_s}, {u"role"_s, u"web"_s}});
    m_sim->seedServer(u"jvb1"_s, QJsonObject{{u"app"_s, u"jitsi"_s}, {u"role"_s, u"bridge"_s}, {u"env"_s, u"prod"_s}});
    m_sim->seedServer(u"jvb2"_s, QJsonObject{{u"app"_s, u"jitsi"_s},
                                             {u"role"_s, u"bridge"_s},
                                             {u"env"_s, u"test"_s},
                                             {u"jitsi-deployer/deployment"_s, u"meet-example-org"_s}});
    m_sim->seedServer(u"plain"_s);
    Outcome<QList<Server>> listed;
    m_client->listServers(selector, {}, m_context.get(), listed.callback());
    AWAIT_OK(listed);
    QStringList names;
    for (const Server &server : **listed)
        names.append(server.name);
    names.sort();
    expected.sort();
    QCOMPARE(names, expected);
    // The simulator decodes what arrived: the selector must be one value, byte for byte.
    const QList<HcloudSim::Exchange> requests = apiExchanges(u"GET"_s, u"/servers"_s);
    QCOMPARE(requests.size(), 1);
    QVERIFY2(requests.first().query.startsWith(u"label_selector="_s + selector + u"&page=1"_s),
             qPrintable(requests.first().query));
}

void TestHetznerClient::retriedFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("409 conflict") << int(HcloudSim::Fault::Kind::ApiError) << 409 << u"conflict"_s;
    QTest::newRow("429 rate_limit_exceeded")
            << int(HcloudSim::Fault::Kind::ApiError) << 429 << u"rate_limit_exceeded"_s;
    QTest::newRow("502 bad_gateway") << int(HcloudSim::Fault::Kind::ApiError) << 502 << u"bad_gateway"_s;
    QTest::newRow("504 timeout") << int(HcloudSim::Fault::Kind::ApiError) << 504 << u"timeout"_s;
    QTest::newRow("bare 502") << int(HcloudSim::Fault::Kind::BareStatus) << 502 << QString();
    QTest::newRow("bare 504") << int(HcloudSim::Fault::Kind::BareStatus) << 504 << QString();
}

void TestHetznerClient::retriedFaults()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind(kind);
    fault.method = u"GET"_s;
    fault.pathPattern = u"^/locations$"_s;
    fault.status = status;
    fault.code = code;
    fault.count = 2;
    m_sim->injectFault(fault);
    Outcome<QList<Location>> locations;
    m_client->listLocations(m_context.get(), locations.callback());
    AWAIT_OK(locations);
    QVERIFY(!(*locations)->isEmpty());
    QCOMPARE(apiExchanges(u"GET"_s, u"/locations"_s).size(), 3);
    QCOMPARE(m_client->requestCount(), 3);
    QCOMPARE(locations.calls, 1);

    // The same fault on a create: answered before anything happened, so a POST is retried too.
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/networks$"_s;
    fault.count = 1;
    m_sim->injectFault(fault);
    CreateNetworkRequest request;
    request.name = u"net-"_s + QString::number(status);
    request.ipRange = u"10.0.0.0/16"_s;
    Outcome<Network> network;
    m_client->createNetwork(request, m_context.get(), network.callback());
    AWAIT_OK(network);
    QCOMPARE(apiExchanges(u"POST"_s, u"/networks"_s).size(), 2);
    QCOMPARE(m_sim->state(u"networks"_s).size(), 1);
}

void TestHetznerClient::retriesGiveUpAfterTheLimit()
{
    HcloudSim::Fault fault;
    fault.method = u"GET"_s;
    fault.pathPattern = u"^/locations$"_s;
    fault.status = 409;
    fault.code = u"conflict"_s;
    fault.count = -1;
    m_sim->injectFault(fault);
    Outcome<QList<Location>> locations;
    m_client->listLocations(m_context.get(), locations.callback());
    AWAIT(locations);
    QVERIFY(!locations->ok());
    m_errors.append(locations->error());
    QCOMPARE(locations->error().code, u"conflict"_s);
    QCOMPARE(apiExchanges(u"GET"_s, u"/locations"_s).size(), 6); // 1 + maxRetries
}

void TestHetznerClient::notRetriedFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expectedCode");
    QTest::newRow("500 server_error") << int(HcloudSim::Fault::Kind::ApiError) << 500 << u"server_error"_s
                                      << u"server_error"_s;
    QTest::newRow("503 unavailable") << int(HcloudSim::Fault::Kind::ApiError) << 503 << u"unavailable"_s
                                     << u"unavailable"_s;
    QTest::newRow("bare 503") << int(HcloudSim::Fault::Kind::BareStatus) << 503 << QString() << u"http_error"_s;
    QTest::newRow("bare 500") << int(HcloudSim::Fault::Kind::BareStatus) << 500 << QString() << u"http_error"_s;
    QTest::newRow("422 invalid_input") << int(HcloudSim::Fault::Kind::ApiError) << 422 << u"invalid_input"_s
                                       << u"invalid_input"_s;
    QTest::newRow("401 unauthorized") << int(HcloudSim::Fault::Kind::ApiError) << 401 << u"unauthorized"_s
                                      << u"unauthorized"_s;
    QTest::newRow("423 locked") << int(HcloudSim::Fault::Kind::ApiError) << 423 << u"locked"_s << u"locked"_s;
}

void TestHetznerClient::notRetriedFaults()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, expectedCode);
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind(kind);
    fault.method = u"GET"_s;
    fault.pathPattern = u"^/server_types$"_s;
    fault.status = status;
    fault.code = code;
    fault.message = u"injected for the test"_s;
    fault.count = -1;
    m_sim->injectFault(fault);
    Outcome<QList<ServerType>> types;
    m_client->listServerTypes(m_context.get(), types.callback());
    AWAIT(types);
    QVERIFY(!types->ok());
    const Error error = types->error();
    m_errors.append(error);
    QCOMPARE(error.code, expectedCode);
    QCOMPARE(error.domain, u"hcloud"_s);
    QCOMPARE(error.httpStatus, status);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.correlationId.isEmpty());
    if (!code.isEmpty())
        QCOMPARE(error.detail, u"injected for the test"_s);
    QCOMPARE(m_sim->exchanges().size(), 1);
    QCOMPARE(m_client->requestCount(), 1);
}

void TestHetznerClient::latencyBeyondTransferTimeoutIsRetried()
{
    RetryPolicy retry;
    retry.baseDelayMs = 10;
    retry.maxDelayMs = 50;
    retry.transferTimeoutMs = 300;
    m_client->setRetryPolicy(retry);
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::Latency;
    fault.method = u"GET"_s;
    fault.pathPattern = u"^/locations$"_s;
    fault.latencyMs = 1500;
    m_sim->injectFault(fault);
    Outcome<QList<Location>> locations;
    m_client->listLocations(m_context.get(), locations.callback());
    AWAIT_OK(locations);
    QCOMPARE(m_client->requestCount(), 2);

    // Every try too slow: the user gets a timeout error that names the endpoint.
    fault.count = -1;
    fault.pathPattern = u"^/server_types$"_s;
    m_sim->injectFault(fault);
    retry.maxRetries = 1;
    m_client->setRetryPolicy(retry);
    Outcome<QList<ServerType>> types;
    m_client->listServerTypes(m_context.get(), types.callback());
    AWAIT(types);
    QVERIFY(!types->ok());
    m_errors.append(types->error());
    QCOMPARE(types->error().code, u"network_timeout"_s);
    QVERIFY(types->error().message.contains(m_sim->endpoint().toString()));
    QCOMPARE(apiExchanges(u"GET"_s, u"/server_types"_s).size(), 2);
    m_sim->clearFaults();
}

void TestHetznerClient::rateLimitStormWaitsForTheReset()
{
    // Record when each exchange reached the simulator, to compare with the announced reset.
    QList<QDateTime> arrivals;
    connect(m_sim.get(), &HcloudSim::exchangeRecorded, m_context.get(),
            [&arrivals] { arrivals.append(QDateTime::currentDateTimeUtc()); });
    QSignalSpy waiting(m_client.get(), &HetznerClient::waitingForRateLimit);
    m_sim->startRateLimitStorm(2);

    Outcome<QList<Location>> first;
    m_client->listLocations(m_context.get(), first.callback());
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, 10000);
    const QDateTime reset = waiting.first().first().toDateTime();
    QVERIFY(reset > QDateTime::currentDateTimeUtc());
    // A second call while the client holds back must not go out before the reset either.
    Outcome<QList<ServerType>> second;
    m_client->listServerTypes(m_context.get(), second.callback());
    AWAIT_OK(first);
    AWAIT_OK(second);

    const QList<HcloudSim::Exchange> exchanges = m_sim->exchanges();
    QCOMPARE(exchanges.size(), 3); // one 429, then each call once
    QCOMPARE(exchanges.at(0).status, 429);
    QCOMPARE(exchanges.at(1).status, 200);
    QCOMPARE(exchanges.at(2).status, 200);
    QCOMPARE(arrivals.size(), 3);
    QVERIFY(arrivals.at(1) >= reset);
    QVERIFY(arrivals.at(2) >= reset);
    QCOMPARE(m_client->requestCount(), 3);
}

void TestHetznerClient::emptyBudgetHoldsBackInsteadOfHitting429()
{
    // One request left of 3600/h: the answer says Remaining 0, so the next request waits for one refill
    // (about a second) instead of running into a 429 whose reset would be a full bucket away.
    m_sim->setRateLimit(3600, 1);
    QSignalSpy waiting(m_client.get(), &HetznerClient::waitingForRateLimit);
    Outcome<QList<Location>> first;
    m_client->listLocations(m_context.get(), first.callback());
    AWAIT_OK(first);
    QCOMPARE(m_client->rateLimit().remaining, 0);
    QCOMPARE(waiting.size(), 1);
    Outcome<QList<ServerType>> second;
    m_client->listServerTypes(m_context.get(), second.callback());
    AWAIT_OK(second);
    for (const HcloudSim::Exchange &exchange : m_sim->exchanges())
        QCOMPARE(exchange.status, 200);
    QCOMPARE(m_sim->exchanges().size(), 2);
}

void TestHetznerClient::rateLimitResetTooFarIsAnError()
{
    RetryPolicy retry;
    retry.baseDelayMs = 10;
    retry.maxDelayMs = 50;
    retry.maxRateLimitWaitMs = 1000;
    m_client->setRetryPolicy(retry);
    QSignalSpy waiting(m_client.get(), &HetznerClient::waitingForRateLimit);
    m_sim->startRateLimitStorm(30);
    Outcome<QList<Location>> first;
    m_client->listLocations(m_context.get(), first.callback());
    AWAIT(first);
    QVERIFY(!first->ok());
    m_errors.append(first->error());
    QCOMPARE(first->error().code, u"rate_limit_wait_too_long"_s);
    QCOMPARE(first->error().httpStatus, 429);
    // Nothing is held back for a wait the client refuses: the next call goes out (and fails) at once.
    Outcome<QList<Location>> second;
    m_client->listLocations(m_context.get(), second.callback());
    AWAIT(second);
    QVERIFY(!second->ok());
    QCOMPARE(m_sim->exchanges().size(), 2);
    QCOMPARE(waiting.size(), 0);
}

void TestHetznerClient::droppedCreateIsAdopted()
{
    // The server is created, then the connection drops before the answer. Qt resends such a request by
    // itself up to twice; count 3 makes the failure reach the client, which retries and meets the name.
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::DropConnection;
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/servers$"_s;
    fault.count = 3;
    fault.afterProcessing = true;
    m_sim->injectFault(fault);
    Outcome<Created<Server>> created;
    m_client->createServer(serverRequest(u"meet-example-org-jvb-1"_s), m_context.get(), created.callback());
    AWAIT_OK(created);
    QVERIFY((*created)->adopted);
    QCOMPARE((*created)->object.name, u"meet-example-org-jvb-1"_s);
    QCOMPARE((*created)->object.labels, deploymentLabels(u"bridge"_s));
    QCOMPARE(m_sim->state(u"servers"_s).size(), 1);
    const QList<HcloudSim::Exchange> posts = apiExchanges(u"POST"_s, u"/servers"_s);
    QVERIFY(posts.size() >= 2);
    QCOMPARE(posts.last().status, 409);
    QCOMPARE(created.calls, 1);
}

void TestHetznerClient::createWithForeignLabelsKeepsUniquenessError()
{
    m_sim->seedServer(u"meet-example-org-jvb-1"_s, QJsonObject{{u"owner"_s, u"someone-else"_s}});
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::DropConnection;
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/servers$"_s;
    fault.count = 3;
    m_sim->injectFault(fault);
    Outcome<Created<Server>> created;
    m_client->createServer(serverRequest(u"meet-example-org-jvb-1"_s), m_context.get(), created.callback());
    AWAIT(created);
    QVERIFY(!created->ok());
    m_errors.append(created->error());
    QCOMPARE(created->error().code, u"uniqueness_error"_s);
    QCOMPARE(m_sim->state(u"servers"_s).size(), 1);
    QCOMPARE(apiExchanges(u"POST"_s, u"/servers"_s).last().status, 409);
}

void TestHetznerClient::resourceUnavailableNamesTheFix()
{
    m_sim->setSoldOut(u"cx23"_s, u"fsn1"_s);
    Outcome<Created<Server>> created;
    m_client->createServer(serverRequest(u"sold-out"_s), m_context.get(), created.callback());
    AWAIT(created);
    QVERIFY(!created->ok());
    m_errors.append(created->error());
    QCOMPARE(created->error().code, u"resource_unavailable"_s);
    QVERIFY(created->error().message.contains(u"another location"_s));
    QCOMPARE(apiExchanges(u"POST"_s, u"/servers"_s).size(), 1);
}

void TestHetznerClient::actionsArePolledInBatches()
{
    m_sim->setActionDurationMs(300);
    m_client->setPollPolicy({50, 100, 20000});
    constexpr int serverCount = 30;
    std::vector<Outcome<Created<Server>>> created(serverCount);
    for (int i = 0; i < serverCount; ++i) {
        CreateServerRequest request = serverRequest(u"jvb-%1"_s.arg(i));
        request.startAfterCreate = false; // one action per server: 30 actions
        m_client->createServer(request, m_context.get(), created[i].callback());
    }
    for (auto &outcome : created)
        AWAIT_OK(outcome);
    const int requestsBefore = m_client->requestCount();
    // Thirty independent waiters, as thirty deployment rows would wait.
    std::vector<Outcome<QList<Action>>> finished(serverCount);
    for (int i = 0; i < serverCount; ++i) {
        QCOMPARE(created[i]->value().actions.size(), 1);
        m_client->waitForActions({created[i]->value().actions.first().id}, m_context.get(), finished[i].callback());
    }
    for (auto &outcome : finished)
        AWAIT_OK(outcome);
    const QList<HcloudSim::Exchange> polls = apiExchanges(u"GET"_s, u"/actions"_s);
    QCOMPARE(m_client->requestCount() - requestsBefore, polls.size());
    int largest = 0;
    for (const HcloudSim::Exchange &poll : polls) {
        const int ids = int(QUrlQuery(poll.query).allQueryItemValues(u"id"_s).size());
        QVERIFY2(ids <= 25, qPrintable(poll.query));
        largest = qMax(largest, ids);
    }
    QCOMPARE(largest, 25); // the waiters share requests
    // Polling per waiter would need 30 requests for a single round; shared rounds need two each.
    QVERIFY2(polls.size() < serverCount, qPrintable(QString::number(polls.size())));
}

void TestHetznerClient::actionEndingInErrorIsTypedError()
{
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::ActionError;
    fault.method = u"POST"_s;
    fault.pathPattern = u"^/servers$"_s;
    fault.code = u"action_failed"_s;
    fault.message = u"Action failed"_s;
    m_sim->injectFault(fault);
    Outcome<Created<Server>> created;
    m_client->createServer(serverRequest(u"doomed"_s), m_context.get(), created.callback());
    AWAIT_OK(created);
    QList<qint64> ids;
    for (const Action &action : (*created)->actions)
        ids.append(action.id);
    Outcome<QList<Action>> finished;
    m_client->waitForActions(ids, m_context.get(), finished.callback());
    AWAIT(finished);
    QVERIFY(!finished->ok());
    m_errors.append(finished->error());
    QCOMPARE(finished->error().code, u"action_failed"_s);
    QCOMPARE(finished->error().domain, u"hcloud"_s);
    QVERIFY(finished->error().message.contains(u"create_server"_s));
    QVERIFY(finished->error().detail.contains(u"Action failed"_s));
    QCOMPARE(finished.calls, 1);
}

void TestHetznerClient::endpointUnreachable()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close(); // now nothing listens there
    const QUrl endpoint(u"http://127.0.0.1:%1/v1"_s.arg(port));
    m_client->setEndpoint(endpoint);
    Outcome<QList<Server>> listed;
    m_client->listServers({}, {}, m_context.get(), listed.callback());
    AWAIT(listed);
    QVERIFY(!listed->ok());
    m_errors.append(listed->error());
    QCOMPARE(listed->error().code, u"endpoint_unreachable"_s);
    QVERIFY(listed->error().message.contains(endpoint.toString()));
    QVERIFY(listed->error().message.contains(u"HCLOUD_ENDPOINT"_s));
    QCOMPARE(listed->error().httpStatus, 0);
    QCOMPARE(m_client->requestCount(), 1); // a wrong endpoint is not fixed by retrying
}

void TestHetznerClient::invalidResponseIsNotRetried()
{
    // A 200 with an HTML body: something other than the API answered (a captive portal, a wrong endpoint).
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::BareStatus;
    fault.method = u"GET"_s;
    fault.pathPattern = u"^/pricing$"_s;
    fault.status = 200;
    m_sim->injectFault(fault);
    Outcome<Pricing> pricing;
    m_client->getPricing(m_context.get(), pricing.callback());
    AWAIT(pricing);
    QVERIFY(!pricing->ok());
    m_errors.append(pricing->error());
    QCOMPARE(pricing->error().code, u"invalid_response"_s);
    QVERIFY(pricing->error().message.contains(u"HCLOUD_ENDPOINT"_s));
    QCOMPARE(m_sim->exchanges().size(), 1);

    m_sim->clearExchanges(); // the HTML answer above is deliberately outside the schema
}

// A plain-http endpoint that is not this machine, set without the input check: the transport refuses
// before a connection exists. The listener is on one of this machine's own non-loopback addresses, so a
// sent request would certainly reach it.
void TestHetznerClient::plainHttpToAnotherMachineSendsNothing()
{
    QHostAddress outside;
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            outside = address;
    if (outside.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to listen on");
    QTcpServer listener;
    QVERIFY(listener.listen(outside, 0));
    int connections = 0;
    connect(&listener, &QTcpServer::newConnection, m_context.get(), [&listener, &connections] {
        while (listener.nextPendingConnection())
            ++connections;
    });
    const QUrl endpoint(u"http://%1:%2/v1"_s.arg(outside.toString()).arg(listener.serverPort()));
    m_client->setEndpoint(endpoint);
    Outcome<QList<Location>> locations;
    m_client->listLocations(m_context.get(), locations.callback());
    AWAIT(locations);
    QVERIFY(!locations->ok());
    m_errors.append(locations->error());
    QCOMPARE(locations->error().code, u"endpoint_insecure"_s);
    QVERIFY(locations->error().message.contains(u"https://"_s));
    QCOMPARE(locations.calls, 1);
    QCOMPARE(m_client->requestCount(), 0);
    QTest::qWait(200); // a connection attempt, had there been one, arrives meanwhile
    QCOMPARE(connections, 0);

    // Plain http to this machine still works: the refusal above is about where the token would go.
    const QUrl loopback(u"http://127.0.0.1:%1/v1"_s.arg(m_sim->endpoint().port()));
    m_client->setEndpoint(loopback);
    Outcome<QList<Location>> again;
    m_client->listLocations(m_context.get(), again.callback());
    AWAIT_OK(again);
}

void TestHetznerClient::tlsFailureIsClear()
{
    // Something on 127.0.0.1 that answers a TLS ClientHello with plain text, as a misconfigured proxy does:
    // the handshake fails for certain, and retrying would not help.
    QTcpServer plainText;
    QVERIFY(plainText.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> sockets;
    connect(&plainText, &QTcpServer::newConnection, m_context.get(), [&plainText, &sockets] {
        while (QTcpSocket *socket = plainText.nextPendingConnection()) {
            sockets.append(socket);
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    const QUrl endpoint(u"https://127.0.0.1:%1/v1"_s.arg(plainText.serverPort()));
    m_client->setEndpoint(endpoint);
    Outcome<QList<Location>> locations;
    m_client->listLocations(m_context.get(), locations.callback());
    AWAIT(locations);
    QVERIFY(!locations->ok());
    m_errors.append(locations->error());
    QCOMPARE(locations->error().code, u"tls_failure"_s);
    QVERIFY(locations->error().message.contains(endpoint.toString()));
    QCOMPARE(m_client->requestCount(), 1);
    QCOMPARE(sockets.size(), 1);
}

void TestHetznerClient::sshKeys()
{
    const QString fingerprint = HetznerClient::md5Fingerprint(publicKey);
    Outcome<SshKey> ensured;
    m_client->ensureSshKey(u"jitsi-deployer-efb6c989"_s, publicKey, {{u"managed-by"_s, u"jitsi-deployer"_s}},
                           m_context.get(), ensured.callback());
    AWAIT_OK(ensured);
    QCOMPARE((*ensured)->fingerprint, fingerprint); // the API's MD5 equals ours
    QCOMPARE(apiExchanges(u"POST"_s, u"/ssh_keys"_s).size(), 1);

    // Again, under another name: found by fingerprint, not uploaded twice.
    Outcome<SshKey> again;
    m_client->ensureSshKey(u"another-name"_s, publicKey, {}, m_context.get(), again.callback());
    AWAIT_OK(again);
    QCOMPARE((*again)->id, (*ensured)->id);
    QCOMPARE(apiExchanges(u"POST"_s, u"/ssh_keys"_s).size(), 1);
    const QList<HcloudSim::Exchange> lookups = apiExchanges(u"GET"_s, u"/ssh_keys"_s);
    QVERIFY(lookups.last().query.contains(u"fingerprint="_s + fingerprint));

    Outcome<std::optional<SshKey>> missing;
    m_client->findSshKeyByFingerprint(u"00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff"_s, m_context.get(),
                                      missing.callback());
    AWAIT_OK(missing);
    QVERIFY(!(*missing)->has_value());

    Outcome<SshKey> invalid;
    m_client->ensureSshKey(u"bad"_s, u"not a key"_s, {}, m_context.get(), invalid.callback());
    AWAIT(invalid);
    QVERIFY(!invalid->ok());
    m_errors.append(invalid->error());

    Outcome<void> deleted;
    m_client->deleteSshKey((*ensured)->id, m_context.get(), deleted.callback());
    AWAIT_OK(deleted);
    QVERIFY(m_sim->state(u"ssh_keys"_s).isEmpty());
}

void TestHetznerClient::firewalls()
{
    const Labels labels = deploymentLabels(u"bridge"_s);
    CreateFirewallRequest request;
    request.name = u"meet-example-org-bridges"_s;
    request.labels = labels;
    request.rules = {FirewallRule{u"in"_s, u"udp"_s, u"10000"_s, {u"0.0.0.0/0"_s, u"::/0"_s}, {}, u"JVB media"_s},
                     FirewallRule{u"in"_s, u"tcp"_s, u"22"_s, {u"0.0.0.0/0"_s, u"::/0"_s}, {}, {}},
                     FirewallRule{u"in"_s, u"icmp"_s, {}, {u"0.0.0.0/0"_s}, {}, {}}};
    request.applyToLabelSelectors = {selectorFor(labels)};
    Outcome<Created<Firewall>> created;
    m_client->createFirewall(request, m_context.get(), created.callback());
    AWAIT_OK(created);
    const Firewall firewall = (*created)->object;
    QCOMPARE(firewall.rules.size(), 3);
    QCOMPARE(firewall.appliedToLabelSelectors, QStringList{selectorFor(labels)});

    Outcome<QList<Firewall>> listed;
    m_client->listFirewalls(selectorFor(labels), m_context.get(), listed.callback());
    AWAIT_OK(listed);
    QCOMPARE((*listed)->size(), 1);

    Outcome<QList<Action>> set;
    m_client->setFirewallRules(firewall.id, {request.rules.first()}, m_context.get(), set.callback());
    AWAIT_OK(set);
    QList<qint64> ids;
    for (const Action &action : **set)
        ids.append(action.id);
    Outcome<QList<Action>> applied;
    m_client->waitForActions(ids, m_context.get(), applied.callback());
    AWAIT_OK(applied);
    const QJsonArray state = m_sim->state(u"firewalls"_s);
    QCOMPARE(state.first().toObject().value("rules"_L1).toArray().size(), 1);

    Outcome<void> deleted;
    m_client->deleteFirewall(firewall.id, m_context.get(), deleted.callback());
    AWAIT_OK(deleted);
    QVERIFY(m_sim->state(u"firewalls"_s).isEmpty());
}

void TestHetznerClient::networks()
{
    CreateNetworkRequest request;
    request.name = u"meet-example-org-net"_s;
    request.ipRange = u"10.0.0.0/16"_s;
    request.labels = deploymentLabels(u"web"_s);
    Subnet subnet;
    subnet.networkZone = u"eu-central"_s;
    subnet.ipRange = u"10.0.1.0/24"_s;
    request.subnets = {subnet};
    Outcome<Network> created;
    m_client->createNetwork(request, m_context.get(), created.callback());
    AWAIT_OK(created);
    QCOMPARE((*created)->subnets.size(), 1);
    QCOMPARE((*created)->subnets.first().ipRange, u"10.0.1.0/24"_s);

    Outcome<QList<Network>> listed;
    m_client->listNetworks(u"jitsi-deployer/deployment=meet-example-org"_s, m_context.get(), listed.callback());
    AWAIT_OK(listed);
    QCOMPARE((*listed)->size(), 1);

    Outcome<void> deleted;
    m_client->deleteNetwork((*created)->id, m_context.get(), deleted.callback());
    AWAIT_OK(deleted);
    QVERIFY(m_sim->state(u"networks"_s).isEmpty());
}

void TestHetznerClient::primaryIps()
{
    CreatePrimaryIpRequest request;
    request.name = u"meet-example-org-web-v4"_s;
    request.type = u"ipv4"_s;
    request.location = u"fsn1"_s;
    request.labels = deploymentLabels(u"web"_s);
    Outcome<PrimaryIp> created;
    m_client->createPrimaryIp(request, m_context.get(), created.callback());
    AWAIT_OK(created);
    QVERIFY(!(*created)->ip.isEmpty());
    QCOMPARE((*created)->location, u"fsn1"_s);

    Outcome<QList<PrimaryIp>> listed;
    m_client->listPrimaryIps(selectorFor(request.labels), m_context.get(), listed.callback());
    AWAIT_OK(listed);
    QCOMPARE((*listed)->size(), 1);

    Outcome<void> deleted;
    m_client->deletePrimaryIp((*created)->id, m_context.get(), deleted.callback());
    AWAIT_OK(deleted);
    QVERIFY(m_sim->state(u"primary_ips"_s).isEmpty());
}

void TestHetznerClient::catalogue()
{
    Outcome<QList<ServerType>> types;
    m_client->listServerTypes(m_context.get(), types.callback());
    AWAIT_OK(types);
    bool cx23Orderable = false;
    bool cx22Orderable = true;
    for (const ServerType &type : **types) {
        if (type.name == "cx23"_L1) {
            cx23Orderable = type.isOrderableIn(u"fsn1"_s);
            QVERIFY(type.priceIn(u"fsn1"_s).has_value());
        }
        if (type.name == "cx22"_L1)
            cx22Orderable = type.isOrderableIn(u"fsn1"_s);
    }
    QVERIFY(cx23Orderable);
    QVERIFY(!cx22Orderable); // deprecated, unavailable after 2025-12-31

    Outcome<QList<Location>> locations;
    m_client->listLocations(m_context.get(), locations.callback());
    AWAIT_OK(locations);
    QStringList names;
    for (const Location &location : **locations)
        names.append(location.name);
    QVERIFY(names.contains(u"fsn1"_s));
    QVERIFY(names.contains(u"ash"_s));

    Outcome<QList<Image>> armImages;
    m_client->listImages(u"arm"_s, m_context.get(), armImages.callback());
    AWAIT_OK(armImages);
    QVERIFY(!(*armImages)->isEmpty());
    for (const Image &image : **armImages)
        QCOMPARE(image.architecture, u"arm"_s);

    Outcome<Image> debian;
    m_client->findImage(u"debian-12"_s, u"arm"_s, m_context.get(), debian.callback());
    AWAIT_OK(debian);
    QCOMPARE((*debian)->name, u"debian-12"_s);
    QCOMPARE((*debian)->architecture, u"arm"_s);

    Outcome<Image> missing;
    m_client->findImage(u"windows-95"_s, u"x86"_s, m_context.get(), missing.callback());
    AWAIT(missing);
    QVERIFY(!missing->ok());
    m_errors.append(missing->error());
    QCOMPARE(missing->error().code, u"image_not_found"_s);

    Outcome<Pricing> pricing;
    m_client->getPricing(m_context.get(), pricing.callback());
    AWAIT_OK(pricing);
    QCOMPARE((*pricing)->currency, u"EUR"_s);
    QVERIFY(!(*pricing)->serverTypes.isEmpty());
}

void TestHetznerClient::dnsRecords()
{
    m_sim->seedZone(u"example.org"_s);
    m_sim->seedZone(u"other.net"_s);
    Outcome<std::optional<Zone>> zone;
    m_client->findZoneForDomain(u"meet.example.org."_s, m_context.get(), zone.callback());
    AWAIT_OK(zone);
    QVERIFY((*zone)->has_value());
    QCOMPARE((**zone)->name, u"example.org"_s);
    const qint64 zoneId = (**zone)->id;

    Outcome<std::optional<Zone>> byName;
    m_client->findZone(u"example.org"_s, m_context.get(), byName.callback());
    AWAIT_OK(byName);
    QCOMPARE((**byName)->id, zoneId);
    Outcome<std::optional<Zone>> none;
    m_client->findZoneForDomain(u"meet.example.com"_s, m_context.get(), none.callback());
    AWAIT_OK(none);
    QVERIFY(!(*none)->has_value());

    Outcome<void> created;
    m_client->setRecords(zoneId, u"meet"_s, u"A"_s, {u"198.18.0.10"_s}, 300, {}, m_context.get(), created.callback());
    AWAIT_OK(created);
    QCOMPARE(apiExchanges(u"POST"_s, u"/zones/[^/]+/rrsets"_s).size(), 1);

    Outcome<void> updated;
    m_client->setRecords(zoneId, u"meet"_s, u"A"_s, {u"198.18.0.11"_s}, 300, {}, m_context.get(), updated.callback());
    AWAIT_OK(updated);
    QCOMPARE(apiExchanges(u"POST"_s, u"/zones/[^/]+/rrsets/meet/A/actions/set_records"_s).size(), 1);

    Outcome<QList<RRSet>> rrsets;
    m_client->listRRSets(zoneId, u"meet"_s, u"A"_s, m_context.get(), rrsets.callback());
    AWAIT_OK(rrsets);
    QCOMPARE((*rrsets)->size(), 1);
    QCOMPARE((*rrsets)->first().records, QStringList{u"198.18.0.11"_s});
}

void TestHetznerClient::dnsSecondaryZoneIsRefused()
{
    const qint64 zoneId = m_sim->seedZone(u"secondary.org"_s, u"secondary"_s);
    Outcome<void> result;
    m_client->setRecords(zoneId, u"meet"_s, u"AAAA"_s, {u"2001:db8::1"_s}, 0, {}, m_context.get(), result.callback());
    AWAIT(result);
    QVERIFY(!result->ok());
    m_errors.append(result->error());
    QCOMPARE(result->error().code, u"incorrect_zone_mode"_s);
    QVERIFY(result->error().message.contains(u"secondary"_s));
}

void TestHetznerClient::destroyedContextGetsNoCallback()
{
    auto context = std::make_unique<QObject>();
    int calls = 0;
    m_client->listLocations(context.get(), [&calls](Result<QList<Location>>) { ++calls; });
    context.reset();
    // A later call on a living context completes; by then the first answer has long arrived.
    Outcome<QList<Location>> later;
    m_client->listLocations(m_context.get(), later.callback());
    AWAIT_OK(later);
    QTest::qWait(50);
    QCOMPARE(calls, 0);
    QCOMPARE(later.calls, 1);
}

void TestHetznerClient::destroyedContextStopsPolling()
{
    m_sim->setActionDurationMs(60000); // never finishes during the test
    Outcome<Created<Server>> created;
    m_client->createServer(serverRequest(u"slow"_s), m_context.get(), created.callback());
    AWAIT_OK(created);
    auto page = std::make_unique<QObject>();
    int calls = 0;
    m_client->waitForActions({(*created)->actions.first().id}, page.get(),
                             [&calls](Result<QList<Action>>) { ++calls; });
    QTRY_VERIFY(apiExchanges(u"GET"_s, u"/actions"_s).size() >= 2);
    page.reset();
    QTest::qWait(200); // lets an already scheduled poll run
    const qsizetype polls = apiExchanges(u"GET"_s, u"/actions"_s).size();
    QTest::qWait(300); // several poll intervals (at most 50 ms each)
    QCOMPARE(apiExchanges(u"GET"_s, u"/actions"_s).size(), polls);
    QCOMPARE(calls, 0);
}

void TestHetznerClient::repeatedDeleteAfterDropSucceeds()
{
    const qint64 id = m_sim->seedSshKey(u"k"_s, publicKey);
    // Deleted, but the answer is lost (three times, past Qt's own silent resends): our retry meets a 404.
    HcloudSim::Fault fault;
    fault.kind = HcloudSim::Fault::Kind::DropConnection;
    fault.method = u"DELETE"_s;
    fault.pathPattern = u"^/ssh_keys/\\d+$"_s;
    fault.count = 3;
    fault.afterProcessing = true;
    m_sim->injectFault(fault);
    Outcome<void> deleted;
    m_client->deleteSshKey(id, m_context.get(), deleted.callback());
    AWAIT_OK(deleted);
    QVERIFY(m_sim->state(u"ssh_keys"_s).isEmpty());
    QCOMPARE(apiExchanges(u"DELETE"_s, u"/ssh_keys/\\d+"_s).last().status, 404);

    // Without an uncertain failure before it, a 404 stays an error.
    Outcome<void> again;
    m_client->deleteSshKey(id, m_context.get(), again.callback());
    AWAIT(again);
    QVERIFY(!again->ok());
    m_errors.append(again->error());
    QCOMPARE(again->error().code, u"not_found"_s);
}

QTEST_GUILESS_MAIN(TestHetznerClient)
#include "tst_hetznerclient.moc"
