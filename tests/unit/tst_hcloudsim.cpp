// The simulator's API behaviour, driven over real HTTP on loopback. Every exchange of every test is also
// checked against the official OpenAPI description in cleanup().

#include "hcloudsim.h"
#include "openapivalidator.h"
#include "simtestclient.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QStringList names(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out << item.toObject().value(u"name"_s).toString();
    out.sort();
    return out;
}

QJsonObject pageMeta(const SimReply &reply)
{
    return reply.json.value(u"meta"_s).toObject().value(u"pagination"_s).toObject();
}

// An OpenSSH public key line with a made-up blob that is well-formed (length-prefixed type name).
QString makePublicKey(char fill, QByteArray *blobOut = nullptr)
{
    QByteArray blob;
    const QByteArray type = "ssh-ed25519";
    char length[4];
    qToBigEndian<quint32>(quint32(type.size()), length);
    blob.append(length, 4).append(type);
    qToBigEndian<quint32>(32, length);
    blob.append(length, 4).append(QByteArray(32, fill));
    if (blobOut)
        *blobOut = blob;
    return u"ssh-ed25519 "_s + QString::fromLatin1(blob.toBase64()) + u" test@sim"_s;
}

QJsonObject serverBody(const QString &name)
{
    return {{u"name"_s, name}, {u"server_type"_s, u"cx33"_s}, {u"image"_s, u"debian-12"_s}, {u"location"_s, u"fsn1"_s}};
}
} // namespace

class TestHcloudSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void envelopeAndHeaders();
    void pagination();
    void labelSelector_data();
    void labelSelector();
    void malformedLabelSelector_data();
    void malformedLabelSelector();
    void queryValuesAreDecoded();
    void createServerValidation_data();
    void createServerValidation();
    void userDataLimitIsInclusive();
    void soldOutIsResourceUnavailable();
    void serverLimitIsResourceLimitExceeded();
    void serverNameIsUnique();
    void rootPasswordOnlyWithoutSshKeys();
    void serverLifecycle();
    void actionProgressRises();
    void deleteServer();
    void actionsEndpoint();
    void authentication();
    void sshKeys();
    void firewalls();
    void firewallValidation_data();
    void firewallValidation();
    void networks();
    void primaryIps();
    void catalogue();
    void images();
    void pricingMatchesServerTypes();
    void zonesAndRrsets();
    void legacyDatacenterCanBeOmitted();

private:
    std::unique_ptr<HcloudSim> m_sim;
    std::unique_ptr<SimTestClient> m_client;
};

void TestHcloudSim::init()
{
    m_sim = std::make_unique<HcloudSim>();
    QVERIFY(m_sim->listen());
    m_sim->setActionDurationMs(50);
    m_client = std::make_unique<SimTestClient>(m_sim->endpoint());
}

void TestHcloudSim::cleanup()
{
    const QStringList violations = openApiViolations(*m_sim);
    m_client.reset();
    m_sim.reset();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
}

void TestHcloudSim::envelopeAndHeaders()
{
    QCOMPARE(m_sim->endpoint().toString(), u"http://127.0.0.1:%1/v1"_s.arg(m_sim->port()));
    const SimReply first = m_client->get("/locations");
    QCOMPARE(first.status, 200);
    QCOMPARE(first.header("content-type"), QByteArray("application/json"));
    const QByteArray correlation = first.header("x-correlation-id");
    QVERIFY(QRegularExpression(u"^[0-9a-f]{16}$"_s).match(QString::fromLatin1(correlation)).hasMatch());
    const QJsonArray locations = first.json.value(u"locations"_s).toArray();
    QCOMPARE(locations.size(), 6);
    QStringList ordered;
    for (int i = 0; i < locations.size(); ++i) {
        QCOMPARE(locations.at(i).toObject().value(u"id"_s).toInt(), i + 1);
        ordered << locations.at(i).toObject().value(u"name"_s).toString();
    }
    QCOMPARE(ordered, (QStringList{u"fsn1"_s, u"nbg1"_s, u"hel1"_s, u"ash"_s, u"hil"_s, u"sin"_s}));
    QCOMPARE(locations.at(3).toObject().value(u"network_zone"_s).toString(), u"us-east"_s);

    const SimReply second = m_client->get("/locations/3");
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json.value(u"location"_s).toObject().value(u"name"_s).toString(), u"hel1"_s);
    QVERIFY(second.header("x-correlation-id") != correlation);

    const SimReply missing = m_client->get("/servers/1");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"not_found"_s);
    QVERIFY(missing.json.value(u"error"_s).toObject().contains(u"details"_s));
    QCOMPARE(m_sim->exchanges().size(), 3);
    QCOMPARE(m_sim->exchanges().at(1).path, u"/locations/3"_s);
    QCOMPARE(m_sim->exchanges().at(2).responseContentType, QByteArray("application/json"));

    // Not part of the API, so the OpenAPI check would rightly flag it: check the rest first, then forget it.
    QVERIFY(openApiViolations(*m_sim).isEmpty());
    const SimReply unknown = m_client->get("/no_such_collection");
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.errorCode(), u"not_found"_s);
    m_sim->clearExchanges();
}

void TestHcloudSim::pagination()
{
    for (int i = 0; i < 60; ++i)
        m_sim->seedServer(u"node-%1"_s.arg(i, 2, 10, QChar(u'0')));

    SimReply page = m_client->get("/servers");
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json.value(u"servers"_s).toArray().size(), 25);
    QJsonObject meta = pageMeta(page);
    QCOMPARE(meta.value(u"page"_s).toInt(), 1);
    QCOMPARE(meta.value(u"per_page"_s).toInt(), 25);
    QVERIFY(meta.value(u"previous_page"_s).isNull());
    QCOMPARE(meta.value(u"next_page"_s).toInt(), 2);
    QCOMPARE(meta.value(u"last_page"_s).toInt(), 3);
    QCOMPARE(meta.value(u"total_entries"_s).toInt(), 60);
    QByteArray link = page.header("link");
    QVERIFY2(link.contains("page=2&per_page=25>; rel=\"next\""), link.constData());
    QVERIFY2(link.contains("page=3&per_page=25>; rel=\"last\""), link.constData());
    QVERIFY(!link.contains("rel=\"prev\""));

    page = m_client->get("/servers?page=2");
    QCOMPARE(page.json.value(u"servers"_s).toArray().size(), 25);
    QCOMPARE(pageMeta(page).value(u"previous_page"_s).toInt(), 1);
    QCOMPARE(pageMeta(page).value(u"next_page"_s).toInt(), 3);

    page = m_client->get("/servers?page=3");
    QCOMPARE(page.json.value(u"servers"_s).toArray().size(), 10);
    meta = pageMeta(page);
    QVERIFY(meta.value(u"next_page"_s).isNull());
    QCOMPARE(meta.value(u"previous_page"_s).toInt(), 2);
    link = page.header("link");
    QVERIFY(link.contains("rel=\"prev\""));
    QVERIFY(!link.contains("rel=\"next\""));

    page = m_client->get("/servers?per_page=100");
    QCOMPARE(pageMeta(page).value(u"per_page"_s).toInt(), 50);
    QCOMPARE(page.json.value(u"servers"_s).toArray().size(), 50);
    QCOMPARE(pageMeta(page).value(u"last_page"_s).toInt(), 2);

    page = m_client->get("/servers?sort=name:desc&per_page=2");
    QCOMPARE(page.json.value(u"servers"_s).toArray().at(0).toObject().value(u"name"_s).toString(), u"node-59"_s);
    QCOMPARE(m_client->get("/servers?sort=colour").status, 422);
    QCOMPARE(m_client->get("/servers?per_page=0").errorCode(), u"invalid_input"_s);

    page = m_client->get("/servers?name=node-07");
    QCOMPARE(names(page.json.value(u"servers"_s).toArray()), QStringList{u"node-07"_s});
}

void TestHcloudSim::labelSelector_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("expected");
    const QStringList both{u"a"_s, u"b"_s};
    QTest::newRow("equals") << u"app=jitsi"_s << both;
    QTest::newRow("double equals") << u"app==jitsi"_s << both;
    QTest::newRow("not equals") << u"app!=jitsi"_s << QStringList{u"c"_s, u"d"_s};
    QTest::newRow("present") << u"role"_s << both;
    QTest::newRow("absent") << u"!role"_s << QStringList{u"c"_s, u"d"_s};
    QTest::newRow("in") << u"role in (meet,jvb)"_s << both;
    QTest::newRow("notin") << u"role notin (meet)"_s << QStringList{u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("and") << u"app=jitsi,role=jvb"_s << QStringList{u"b"_s};
    QTest::newRow("set then and") << u"app in (jitsi,other),!role"_s << QStringList{u"c"_s};
    QTest::newRow("prefixed key") << u"example.com/tier=gold"_s << QStringList{u"a"_s};
    QTest::newRow("empty value") << u"flag="_s << QStringList{u"d"_s};
}

void TestHcloudSim::labelSelector()
{
    QFETCH(QString, selector);
    QFETCH(QStringList, expected);
    m_sim->seedServer(u"a"_s, {{u"app"_s, u"jitsi"_s}, {u"role"_s, u"meet"_s}, {u"example.com/tier"_s, u"gold"_s}});
    m_sim->seedServer(u"b"_s, {{u"app"_s, u"jitsi"_s}, {u"role"_s, u"jvb"_s}});
    m_sim->seedServer(u"c"_s, {{u"app"_s, u"other"_s}});
    m_sim->seedServer(u"d"_s, {{u"flag"_s, u""_s}});
    const SimReply reply = m_client->get("/servers?label_selector=" + QUrl::toPercentEncoding(selector));
    QCOMPARE(reply.status, 200);
    QCOMPARE(names(reply.json.value(u"servers"_s).toArray()), expected);
    QCOMPARE(m_sim->exchanges().constLast().query, u"label_selector="_s + selector);
}

void TestHcloudSim::malformedLabelSelector_data()
{
    QTest::addColumn<QString>("selector");
    QTest::newRow("open set") << u"app in (a,b"_s;
    QTest::newRow("stray paren") << u"app=(x)"_s;
    QTest::newRow("empty key") << u"=jitsi"_s;
    QTest::newRow("empty term") << u"app=jitsi,,role"_s;
    QTest::newRow("two equals") << u"app=jitsi=x"_s;
    QTest::newRow("bare bang") << u"!"_s;
    QTest::newRow("bad key") << u"-app=x"_s;
    QTest::newRow("empty set") << u"role in ()"_s;
}

void TestHcloudSim::malformedLabelSelector()
{
    QFETCH(QString, selector);
    const SimReply reply = m_client->get("/servers?label_selector=" + QUrl::toPercentEncoding(selector));
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.errorCode(), u"invalid_input"_s);
}

void TestHcloudSim::queryValuesAreDecoded()
{
    m_sim->seedServer(u"a"_s, {{u"role"_s, u"meet"_s}});
    m_sim->seedServer(u"b"_s, {{u"role"_s, u"jvb"_s}});
    // Go clients encode spaces as '+'; Qt as %20. Both must mean a space.
    SimReply reply = m_client->get("/servers?label_selector=role+in+%28meet%29");
    QCOMPARE(names(reply.json.value(u"servers"_s).toArray()), QStringList{u"a"_s});
    reply = m_client->get("/servers?label_selector=role%20notin%20%28meet%29");
    QCOMPARE(names(reply.json.value(u"servers"_s).toArray()), QStringList{u"b"_s});
}

void TestHcloudSim::createServerValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text"); // expected in message (or field name)

    const auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject body = serverBody(u"meet-1"_s);
        if (value.isUndefined())
            body.remove(key);
        else
            body[key] = value;
        return body;
    };
    QTest::newRow("name missing") << with(u"name"_s, QJsonValue::Undefined) << 422 << u"invalid_input"_s << u"name"_s;
    QTest::newRow("type missing") << with(u"server_type"_s, QJsonValue::Undefined) << 422 << u"invalid_input"_s
                                  << u"server_type"_s;
    QTest::newRow("image missing") << with(u"image"_s, QJsonValue::Undefined) << 422 << u"invalid_input"_s
                                   << u"image"_s;
    QTest::newRow("underscore in name") << with(u"name"_s, u"meet_1"_s) << 422 << u"invalid_input"_s << u"name"_s;
    QTest::newRow("leading hyphen") << with(u"name"_s, u"-meet"_s) << 422 << u"invalid_input"_s << u"name"_s;
    QTest::newRow("label too long") << with(u"name"_s, QString(64, u'a')) << 422 << u"invalid_input"_s << u"name"_s;
    QTest::newRow("unknown type") << with(u"server_type"_s, u"cx99"_s) << 422 << u"invalid_input"_s << u"server_type"_s;
    QTest::newRow("eu type in us") << with(u"location"_s, u"ash"_s) << 422 << u"invalid_input"_s
                                   << u"unsupported location for server type"_s;
    QJsonObject deprecated = with(u"server_type"_s, u"cx22"_s);
    QTest::newRow("deprecated type") << deprecated << 422 << u"invalid_input"_s
                                     << u"unsupported location for server type"_s;
    QJsonObject cpx11 = with(u"server_type"_s, u"cpx11"_s);
    QTest::newRow("cpx11 in eu") << cpx11 << 422 << u"invalid_input"_s << u"unsupported location for server type"_s;
    QJsonObject unavailable = with(u"server_type"_s, u"cx53"_s);
    unavailable[u"location"_s] = u"hel1"_s;
    QTest::newRow("unavailable") << unavailable << 422 << u"invalid_input"_s
                                 << u"unsupported location for server type"_s;
    QTest::newRow("unknown location") << with(u"location"_s, u"mars1"_s) << 422 << u"invalid_input"_s
                                      << u"location 'mars1' not found"_s;
    QTest::newRow("unknown image") << with(u"image"_s, u"windows-11"_s) << 422 << u"invalid_input"_s << u"image"_s;
    QTest::newRow("arm image on x86") << with(u"image"_s, u"114690389"_s) << 422 << u"invalid_input"_s << u"image"_s;
    QTest::newRow("user_data too long") << with(u"user_data"_s, QString(32769, u'x')) << 422 << u"invalid_input"_s
                                        << u"user_data"_s;
    QTest::newRow("user_data bytes") << with(u"user_data"_s, QString(16385, QChar(0xe4))) << 422 << u"invalid_input"_s
                                     << u"user_data"_s;
    QTest::newRow("bad label key") << with(u"labels"_s, QJsonObject{{u"-x"_s, u"y"_s}}) << 422 << u"invalid_input"_s
                                   << u"labels"_s;
    QTest::newRow("bad label value") << with(u"labels"_s, QJsonObject{{u"x"_s, QString(64, u'v')}}) << 422
                                     << u"invalid_input"_s << u"labels"_s;
    QTest::newRow("reserved prefix") << with(u"labels"_s, QJsonObject{{u"hetzner.cloud/x"_s, u"y"_s}}) << 422
                                     << u"invalid_input"_s << u"labels"_s;
    QTest::newRow("unknown ssh key") << with(u"ssh_keys"_s, QJsonArray{u"nobody"_s}) << 422 << u"invalid_input"_s
                                     << u"ssh_keys"_s;
    QTest::newRow("unknown firewall") << with(u"firewalls"_s, QJsonArray{QJsonObject{{u"firewall"_s, 5}}}) << 422
                                      << u"invalid_input"_s << u"firewalls"_s;
    QTest::newRow("unknown network") << with(u"networks"_s, QJsonArray{7}) << 422 << u"invalid_input"_s
                                     << u"networks"_s;
}

void TestHcloudSim::createServerValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, text);
    const SimReply reply = m_client->post("/servers", body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.errorCode(), code);
    QVERIFY2(QString::fromUtf8(reply.body).contains(text), reply.body.constData());
    QVERIFY(m_sim->state(u"servers"_s).isEmpty());
}

void TestHcloudSim::userDataLimitIsInclusive()
{
    QJsonObject body = serverBody(u"meet-1"_s);
    body[u"user_data"_s] = QString(32768, u'x');
    QCOMPARE(m_client->post("/servers", body).status, 201);
    const SimReply broken = m_client->send("POST", "/servers", "{not json");
    QCOMPARE(broken.status, 400);
    QCOMPARE(broken.errorCode(), u"json_error"_s);
}

void TestHcloudSim::soldOutIsResourceUnavailable()
{
    m_sim->setSoldOut(u"cx33"_s, u"nbg1"_s);
    QJsonObject body = serverBody(u"meet-1"_s);
    body[u"location"_s] = u"nbg1"_s;
    SimReply reply = m_client->post("/servers", body);
    QCOMPARE(reply.status, 412);
    QCOMPARE(reply.errorCode(), u"resource_unavailable"_s);
    QCOMPARE(reply.json[u"error"_s][u"message"_s].toString(), u"error during placement"_s);
    body[u"location"_s] = u"fsn1"_s;
    QCOMPARE(m_client->post("/servers", body).status, 201);
    m_sim->setSoldOut(u"cx33"_s, u"nbg1"_s, false);
    body[u"location"_s] = u"nbg1"_s;
    body[u"name"_s] = u"meet-2"_s;
    QCOMPARE(m_client->post("/servers", body).status, 201);
}

void TestHcloudSim::serverLimitIsResourceLimitExceeded()
{
    m_sim->setServerLimit(1);
    QCOMPARE(m_client->post("/servers", serverBody(u"meet-1"_s)).status, 201);
    const SimReply reply = m_client->post("/servers", serverBody(u"meet-2"_s));
    QCOMPARE(reply.status, 403);
    QCOMPARE(reply.errorCode(), u"resource_limit_exceeded"_s);
    QCOMPARE(reply.json[u"error"_s][u"details"_s][u"limits"_s][0][u"name"_s].toString(), u"project_limit"_s);
    QCOMPARE(m_sim->state(u"servers"_s).size(), 1);
    m_sim->setServerLimit(-1);
    QCOMPARE(m_client->post("/servers", serverBody(u"meet-2"_s)).status, 201);
}

void TestHcloudSim::serverNameIsUnique()
{
    QCOMPARE(m_client->post("/servers", serverBody(u"meet-1"_s)).status, 201);
    const SimReply again = m_client->post("/servers", serverBody(u"meet-1"_s));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"uniqueness_error"_s);
    QCOMPARE(again.json[u"error"_s][u"details"_s][u"fields"_s][0][u"name"_s].toString(), u"name"_s);
    QCOMPARE(m_sim->state(u"servers"_s).size(), 1);
}

void TestHcloudSim::rootPasswordOnlyWithoutSshKeys()
{
    SimReply reply = m_client->post("/servers", serverBody(u"meet-1"_s));
    QVERIFY(!reply.json.value(u"root_password"_s).toString().isEmpty());
    const qint64 key = m_sim->seedSshKey(u"deployer"_s, makePublicKey('k'));
    QJsonObject body = serverBody(u"meet-2"_s);
    body[u"ssh_keys"_s] = QJsonArray{QString::number(key)};
    reply = m_client->post("/servers", body);
    QCOMPARE(reply.status, 201);
    QVERIFY(reply.json.value(u"root_password"_s).isNull());
    body = serverBody(u"meet-3"_s);
    body[u"ssh_keys"_s] = QJsonArray{u"deployer"_s};
    QCOMPARE(m_client->post("/servers", body).status, 201);
    // Integer ids, as hcloud-go and our client send them (the schema's prose allows them; see validate_openapi.py).
    body = serverBody(u"meet-4"_s);
    body[u"ssh_keys"_s] = QJsonArray{key};
    QCOMPARE(m_client->post("/servers", body).status, 201);
}

void TestHcloudSim::serverLifecycle()
{
    m_sim->setActionDurationMs(150);
    QJsonObject body = serverBody(u"meet-1"_s);
    body[u"labels"_s] = QJsonObject{{u"app"_s, u"jitsi"_s}};
    const SimReply created = m_client->post("/servers", body);
    QCOMPARE(created.status, 201);
    const QJsonObject server = created.json.value(u"server"_s).toObject();
    const qint64 id = server.value(u"id"_s).toInteger();
    QCOMPARE(server.value(u"status"_s).toString(), u"initializing"_s);
    QCOMPARE(server[u"location"_s][u"name"_s].toString(), u"fsn1"_s);
    QCOMPARE(server[u"location"_s][u"network_zone"_s].toString(), u"eu-central"_s);
    QCOMPARE(server[u"datacenter"_s][u"location"_s][u"name"_s].toString(), u"fsn1"_s);
    QCOMPARE(server[u"server_type"_s][u"name"_s].toString(), u"cx33"_s);
    QCOMPARE(server[u"image"_s][u"name"_s].toString(), u"debian-12"_s);
    const QHostAddress ipv4(server[u"public_net"_s][u"ipv4"_s][u"ip"_s].toString());
    QVERIFY(ipv4.isInSubnet(QHostAddress(u"198.18.0.0"_s), 15));
    const QString ipv6 = server[u"public_net"_s][u"ipv6"_s][u"ip"_s].toString();
    QVERIFY2(ipv6.endsWith(u"::/64"_s), qPrintable(ipv6));
    QVERIFY(QHostAddress::parseSubnet(ipv6).first.isInSubnet(QHostAddress(u"2001:db8::"_s), 32));

    const QJsonObject action = created.json.value(u"action"_s).toObject();
    QCOMPARE(action.value(u"command"_s).toString(), u"create_server"_s);
    QCOMPARE(action.value(u"status"_s).toString(), u"running"_s);
    QVERIFY(action.value(u"finished"_s).isNull());
    QCOMPARE(action[u"resources"_s][0][u"id"_s].toInteger(), id);
    const QJsonArray next = created.json.value(u"next_actions"_s).toArray();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next[0][u"command"_s].toString(), u"start_server"_s);

    const QByteArray ids = "/actions?id=" + QByteArray::number(action[u"id"_s].toInteger())
                           + "&id=" + QByteArray::number(next[0][u"id"_s].toInteger()) + "&sort=status&sort=id";
    QList<int> progress;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray actions = m_client->get(ids).json.value(u"actions"_s).toArray();
                progress << actions[1][u"progress"_s].toInt();
                return actions.size() == 2 && actions[0][u"status"_s] == u"success"_s
                       && actions[1][u"status"_s] == u"success"_s;
            }(),
            10000);
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(progress.constLast(), 100);
    const QJsonArray done = m_client->get(ids).json.value(u"actions"_s).toArray();
    QVERIFY(!done[0][u"finished"_s].toString().isEmpty());
    QVERIFY(done[0][u"error"_s].isNull());

    const SimReply got = m_client->get("/servers/" + QByteArray::number(id));
    QCOMPARE(got.json[u"server"_s][u"status"_s].toString(), u"running"_s);

    body = serverBody(u"meet-2"_s);
    body[u"start_after_create"_s] = false;
    const SimReply stopped = m_client->post("/servers", body);
    QVERIFY(stopped.json.value(u"next_actions"_s).toArray().isEmpty());
    const QByteArray path = "/servers/" + QByteArray::number(stopped.json[u"server"_s][u"id"_s].toInteger());
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(path).json[u"server"_s][u"status"_s].toString(), u"off"_s, 10000);
}

void TestHcloudSim::actionProgressRises()
{
    m_sim->setActionDurationMs(600000); // long enough that the action cannot finish during the test
    const SimReply created = m_client->post("/servers", serverBody(u"meet-1"_s));
    const QByteArray path = "/actions/" + QByteArray::number(created.json[u"action"_s][u"id"_s].toInteger());
    QCOMPARE(m_client->get(path).json[u"action"_s][u"status"_s].toString(), u"running"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->get(path).json[u"action"_s][u"progress"_s].toInt() > 0, 20000);
    QCOMPARE(m_client->get(path).json[u"action"_s][u"status"_s].toString(), u"running"_s);
    const QByteArray server = "/servers/" + QByteArray::number(created.json[u"server"_s][u"id"_s].toInteger());
    QCOMPARE(m_client->get(server).json[u"server"_s][u"status"_s].toString(), u"initializing"_s);
}

void TestHcloudSim::deleteServer()
{
    const qint64 id = m_sim->seedServer(u"meet-1"_s);
    QCOMPARE(m_sim->state(u"primary_ips"_s).size(), 2);
    const QByteArray path = "/servers/" + QByteArray::number(id);
    const SimReply deleted = m_client->del(path);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json[u"action"_s][u"command"_s].toString(), u"delete_server"_s);
    QCOMPARE(deleted.json[u"action"_s][u"resources"_s][0][u"id"_s].toInteger(), id);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(path).status, 404, 10000);
    QCOMPARE(m_client->get(path).errorCode(), u"not_found"_s);
    QVERIFY(m_sim->state(u"primary_ips"_s).isEmpty()); // auto_delete addresses went with it
    QCOMPARE(m_client->del(path).status, 404);
}

void TestHcloudSim::actionsEndpoint()
{
    const SimReply withoutId = m_client->get("/actions");
    QCOMPARE(withoutId.status, 400);
    QCOMPARE(withoutId.errorCode(), u"invalid_input"_s);
    QCOMPARE(m_client->get("/actions/12345").status, 404);
    QCOMPARE(m_client->get("/actions?id=12345").json.value(u"actions"_s).toArray().size(), 0);
}

void TestHcloudSim::authentication()
{
    m_client->setToken(QString());
    SimReply reply = m_client->get("/servers");
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), u"unauthorized"_s);
    QVERIFY(!m_sim->exchanges().constLast().authorized);

    m_client->setToken(u"wrong"_s);
    QCOMPARE(m_client->get("/servers").errorCode(), u"unauthorized"_s);

    m_sim->addToken(u"reader"_s, true);
    m_client->setToken(u"reader"_s);
    QCOMPARE(m_client->get("/servers").status, 200);
    reply = m_client->post("/servers", serverBody(u"meet-1"_s));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.errorCode(), u"token_readonly"_s);
    QVERIFY(m_sim->state(u"servers"_s).isEmpty());
    QCOMPARE(m_client->del("/servers/1").errorCode(), u"token_readonly"_s);
}

void TestHcloudSim::sshKeys()
{
    QByteArray blob;
    const QString key = makePublicKey('a', &blob);
    QStringList hex;
    const QByteArray md5 = QCryptographicHash::hash(blob, QCryptographicHash::Md5).toHex();
    for (int i = 0; i < md5.size(); i += 2)
        hex << QString::fromLatin1(md5.mid(i, 2));
    const QString fingerprint = hex.join(u':');

    const SimReply created = m_client->post(
            "/ssh_keys",
            {{u"name"_s, u"deployer"_s}, {u"public_key"_s, key}, {u"labels"_s, QJsonObject{{u"app"_s, u"jitsi"_s}}}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"ssh_key"_s][u"fingerprint"_s].toString(), fingerprint);
    const qint64 id = created.json[u"ssh_key"_s][u"id"_s].toInteger();

    SimReply list = m_client->get("/ssh_keys?fingerprint=" + QUrl::toPercentEncoding(fingerprint));
    QCOMPARE(names(list.json.value(u"ssh_keys"_s).toArray()), QStringList{u"deployer"_s});
    QCOMPARE(m_client->get("/ssh_keys?fingerprint=00:11").json.value(u"ssh_keys"_s).toArray().size(), 0);
    QCOMPARE(m_client->get("/ssh_keys?name=deployer").json.value(u"ssh_keys"_s).toArray().size(), 1);
    QCOMPARE(m_client->get("/ssh_keys?label_selector=app%3Djitsi").json.value(u"ssh_keys"_s).toArray().size(), 1);

    SimReply dup = m_client->post("/ssh_keys", {{u"name"_s, u"deployer"_s}, {u"public_key"_s, makePublicKey('b')}});
    QCOMPARE(dup.status, 409);
    QCOMPARE(dup.errorCode(), u"uniqueness_error"_s);
    QCOMPARE(dup.json[u"error"_s][u"details"_s][u"fields"_s][0][u"name"_s].toString(), u"name"_s);
    dup = m_client->post("/ssh_keys", {{u"name"_s, u"other"_s}, {u"public_key"_s, key}});
    QCOMPARE(dup.status, 409);
    QCOMPARE(dup.json[u"error"_s][u"details"_s][u"fields"_s][0][u"name"_s].toString(), u"public_key"_s);
    QCOMPARE(m_client->post("/ssh_keys", {{u"name"_s, u"bad"_s}, {u"public_key"_s, u"ssh-ed25519 !!!"_s}}).status, 422);
    QCOMPARE(m_client->post("/ssh_keys", {{u"name"_s, u"bad"_s},
                                          {u"public_key"_s, QString(u"ssh-rsa "_s + key.section(u' ', 1, 1))}})
                     .status,
             422);

    const QByteArray path = "/ssh_keys/" + QByteArray::number(id);
    QCOMPARE(m_client->get(path).status, 200);
    const SimReply deleted = m_client->del(path);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(m_client->get(path).status, 404);
}

void TestHcloudSim::firewalls()
{
    const qint64 server = m_sim->seedServer(u"meet-1"_s, {{u"app"_s, u"jitsi"_s}});
    m_sim->seedServer(u"other"_s, {{u"app"_s, u"web"_s}});
    const QJsonArray rules{
            QJsonObject{{u"direction"_s, u"in"_s},
                        {u"protocol"_s, u"tcp"_s},
                        {u"port"_s, u"443"_s},
                        {u"source_ips"_s, QJsonArray{u"0.0.0.0/0"_s, u"::/0"_s}},
                        {u"description"_s, u"https"_s}},
            QJsonObject{{u"direction"_s, u"in"_s},
                        {u"protocol"_s, u"udp"_s},
                        {u"port"_s, u"10000"_s},
                        {u"source_ips"_s, QJsonArray{u"0.0.0.0/0"_s}}},
            QJsonObject{{u"direction"_s, u"in"_s},
                        {u"protocol"_s, u"icmp"_s},
                        {u"source_ips"_s, QJsonArray{u"0.0.0.0/0"_s}}},
            QJsonObject{{u"direction"_s, u"out"_s},
                        {u"protocol"_s, u"tcp"_s},
                        {u"port"_s, u"1-65535"_s},
                        {u"destination_ips"_s, QJsonArray{u"0.0.0.0/0"_s}}},
    };
    const SimReply created = m_client->post(
            "/firewalls",
            {{u"name"_s, u"jitsi-fw"_s},
             {u"rules"_s, rules},
             {u"apply_to"_s,
              QJsonArray{QJsonObject{{u"type"_s, u"label_selector"_s},
                                     {u"label_selector"_s, QJsonObject{{u"selector"_s, u"app=jitsi"_s}}}}}}});
    QCOMPARE(created.status, 201);
    const QJsonArray actions = created.json.value(u"actions"_s).toArray();
    QCOMPARE(actions.size(), 2);
    QCOMPARE(actions[0][u"command"_s].toString(), u"set_firewall_rules"_s);
    QCOMPARE(actions[1][u"command"_s].toString(), u"apply_firewall"_s);
    const QJsonObject firewall = created.json.value(u"firewall"_s).toObject();
    QCOMPARE(firewall[u"rules"_s].toArray().size(), 4);
    QVERIFY(firewall[u"rules"_s][2][u"port"_s].isNull());
    const QJsonArray resources = firewall[u"applied_to"_s][0][u"applied_to_resources"_s].toArray();
    QCOMPARE(resources.size(), 1);
    QCOMPARE(resources[0][u"server"_s][u"id"_s].toInteger(), server);
    const qint64 id = firewall.value(u"id"_s).toInteger();

    const SimReply onServer = m_client->get("/servers/" + QByteArray::number(server));
    QCOMPARE(onServer.json[u"server"_s][u"public_net"_s][u"firewalls"_s][0][u"id"_s].toInteger(), id);

    const QByteArray path = "/firewalls/" + QByteArray::number(id);
    QCOMPARE(m_client->get(path).json[u"firewall"_s][u"name"_s].toString(), u"jitsi-fw"_s);
    QCOMPARE(m_client->get("/firewalls?name=jitsi-fw").json.value(u"firewalls"_s).toArray().size(), 1);
    const SimReply set = m_client->post(path + "/actions/set_rules", {{u"rules"_s, QJsonArray{rules[0]}}});
    QCOMPARE(set.status, 201);
    QCOMPARE(set.json[u"actions"_s][0][u"command"_s].toString(), u"set_firewall_rules"_s);
    QCOMPARE(m_client->get(path).json[u"firewall"_s][u"rules"_s].toArray().size(), 1);
    QCOMPARE(m_client->post(path + "/actions/set_rules",
                            QJsonObject{{u"rules"_s, QJsonArray{QJsonObject{{u"direction"_s, u"sideways"_s}}}}})
                     .status,
             422);

    QCOMPARE(m_client->post("/firewalls", {{u"name"_s, u"jitsi-fw"_s}}).status, 409);
    const SimReply inUse = m_client->del(path);
    QCOMPARE(inUse.status, 422);
    QCOMPARE(inUse.errorCode(), u"resource_in_use"_s);

    const SimReply unused = m_client->post("/firewalls", {{u"name"_s, u"spare"_s}});
    QCOMPARE(unused.status, 201);
    QCOMPARE(unused.json.value(u"actions"_s).toArray().size(), 1);
    QCOMPARE(m_client->del("/firewalls/" + QByteArray::number(unused.json[u"firewall"_s][u"id"_s].toInteger())).status,
             204);
}

void TestHcloudSim::firewallValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const auto rule = [](const QString &protocol, const QJsonValue &port) {
        QJsonObject r{
                {u"direction"_s, u"in"_s}, {u"protocol"_s, protocol}, {u"source_ips"_s, QJsonArray{u"0.0.0.0/0"_s}}};
        if (!port.isUndefined())
            r[u"port"_s] = port;
        return r;
    };
    const auto body = [](const QJsonArray &rules) {
        return QJsonObject{{u"name"_s, u"fw"_s}, {u"rules"_s, rules}};
    };
    QJsonObject sideways = rule(u"tcp"_s, u"22"_s);
    sideways[u"direction"_s] = u"sideways"_s;
    QTest::newRow("direction") << body({sideways}) << u"rules[0].direction"_s;
    QTest::newRow("protocol") << body({rule(u"sctp"_s, QJsonValue::Undefined)}) << u"rules[0].protocol"_s;
    QTest::newRow("port on icmp") << body({rule(u"icmp"_s, u"22"_s)}) << u"rules[0].port"_s;
    QTest::newRow("tcp without port") << body({rule(u"tcp"_s, QJsonValue::Undefined)}) << u"rules[0].port"_s;
    QTest::newRow("bad port range") << body({rule(u"udp"_s, u"20000-10000"_s)}) << u"rules[0].port"_s;
    QJsonObject noSources = rule(u"tcp"_s, u"22"_s);
    noSources.remove(u"source_ips"_s);
    QTest::newRow("no source ips") << body({noSources}) << u"rules[0].source_ips"_s;
    QJsonObject badCidr = rule(u"tcp"_s, u"22"_s);
    badCidr[u"source_ips"_s] = QJsonArray{u"300.1.1.1/8"_s};
    QTest::newRow("bad cidr") << body({badCidr}) << u"rules[0].source_ips"_s;
    QJsonArray cidrs;
    for (int i = 0; i < 101; ++i)
        cidrs.append(u"10.0.%1.0/24"_s.arg(i));
    QJsonObject manyCidrs = rule(u"tcp"_s, u"22"_s);
    manyCidrs[u"source_ips"_s] = cidrs;
    QTest::newRow("101 cidrs") << body({manyCidrs}) << u"rules[0].source_ips"_s;
    QJsonArray many;
    for (int i = 0; i < 51; ++i)
        many.append(rule(u"tcp"_s, QString::number(1000 + i)));
    QTest::newRow("51 rules") << body(many) << u"rules"_s;
    QJsonObject longDescription = rule(u"tcp"_s, u"22"_s);
    longDescription[u"description"_s] = QString(256, u'd');
    QTest::newRow("description 256") << body({longDescription}) << u"rules[0].description"_s;
    QTest::newRow("name 129") << QJsonObject{{u"name"_s, QString(129, u'n')}} << u"name"_s;
    QTest::newRow("bad apply_to selector")
            << QJsonObject{{u"name"_s, u"fw"_s},
                           {u"apply_to"_s,
                            QJsonArray{QJsonObject{{u"type"_s, u"label_selector"_s},
                                                   {u"label_selector"_s, QJsonObject{{u"selector"_s, u"a in (b"_s}}}}}}}
            << u"apply_to"_s;
}

void TestHcloudSim::firewallValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const SimReply reply = m_client->post("/firewalls", body);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.errorCode(), u"invalid_input"_s);
    QCOMPARE(reply.json[u"error"_s][u"details"_s][u"fields"_s][0][u"name"_s].toString(), field);
}

void TestHcloudSim::networks()
{
    const SimReply created
            = m_client->post("/networks", {{u"name"_s, u"jitsi-net"_s},
                                           {u"ip_range"_s, u"10.0.0.0/16"_s},
                                           {u"subnets"_s, QJsonArray{QJsonObject{{u"type"_s, u"cloud"_s},
                                                                                 {u"network_zone"_s, u"eu-central"_s},
                                                                                 {u"ip_range"_s, u"10.0.1.0/24"_s}}}}});
    QCOMPARE(created.status, 201);
    const QJsonObject network = created.json.value(u"network"_s).toObject();
    QCOMPARE(network[u"subnets"_s][0][u"gateway"_s].toString(), u"10.0.0.1"_s);
    const qint64 id = network.value(u"id"_s).toInteger();

    QJsonObject body = serverBody(u"meet-1"_s);
    body[u"networks"_s] = QJsonArray{id};
    const SimReply server = m_client->post("/servers", body);
    QCOMPARE(server.status, 201);
    QCOMPARE(server.json[u"server"_s][u"private_net"_s][0][u"ip"_s].toString(), u"10.0.1.2"_s);
    const QByteArray path = "/networks/" + QByteArray::number(id);
    QCOMPARE(m_client->get(path).json[u"network"_s][u"servers"_s].toArray().size(), 1);
    QCOMPARE(m_client->get("/networks").json.value(u"networks"_s).toArray().size(), 1);
    body = serverBody(u"meet-us"_s);
    body[u"server_type"_s] = u"cpx22"_s;
    body[u"location"_s] = u"ash"_s;
    body[u"networks"_s] = QJsonArray{id};
    QCOMPARE(m_client->post("/servers", body).errorCode(), u"no_subnet_available"_s);

    QCOMPARE(m_client->post("/networks", {{u"name"_s, u"pub"_s}, {u"ip_range"_s, u"8.8.0.0/16"_s}}).status, 422);
    QCOMPARE(m_client->post("/networks", {{u"name"_s, u"small"_s}, {u"ip_range"_s, u"10.1.0.0/25"_s}}).status, 422);
    QCOMPARE(m_client->post("/networks", {{u"name"_s, u"zone"_s},
                                          {u"ip_range"_s, u"10.2.0.0/16"_s},
                                          {u"subnets"_s, QJsonArray{QJsonObject{{u"type"_s, u"cloud"_s},
                                                                                {u"network_zone"_s, u"moon"_s}}}}})
                     .status,
             422);
    QCOMPARE(m_client->post("/networks", {{u"name"_s, u"jitsi-net"_s}, {u"ip_range"_s, u"10.3.0.0/16"_s}}).status, 409);

    const SimReply spare = m_client->post("/networks", {{u"name"_s, u"spare"_s}, {u"ip_range"_s, u"192.168.0.0/24"_s}});
    QCOMPARE(spare.status, 201);
    QCOMPARE(m_client->del("/networks/" + QByteArray::number(spare.json[u"network"_s][u"id"_s].toInteger())).status,
             204);
}

void TestHcloudSim::primaryIps()
{
    const SimReply created = m_client->post("/primary_ips", {{u"name"_s, u"meet-ip"_s},
                                                             {u"type"_s, u"ipv4"_s},
                                                             {u"assignee_type"_s, u"server"_s},
                                                             {u"location"_s, u"fsn1"_s}});
    QCOMPARE(created.status, 201);
    const QJsonObject ip = created.json.value(u"primary_ip"_s).toObject();
    QVERIFY(ip.value(u"assignee_id"_s).isNull());
    const qint64 id = ip.value(u"id"_s).toInteger();

    QJsonObject body = serverBody(u"meet-1"_s);
    body[u"public_net"_s] = QJsonObject{{u"ipv4"_s, id}, {u"enable_ipv6"_s, false}};
    const SimReply server = m_client->post("/servers", body);
    QCOMPARE(server.status, 201);
    QCOMPARE(server.json[u"server"_s][u"public_net"_s][u"ipv4"_s][u"ip"_s].toString(), ip.value(u"ip"_s).toString());
    QVERIFY(server.json[u"server"_s][u"public_net"_s][u"ipv6"_s].isNull());
    const QByteArray path = "/primary_ips/" + QByteArray::number(id);
    QCOMPARE(m_client->get(path).json[u"primary_ip"_s][u"assignee_id"_s].toInteger(),
             server.json[u"server"_s][u"id"_s].toInteger());
    QCOMPARE(m_client->del(path).errorCode(), u"primary_ip_assigned"_s);
    QCOMPARE(m_client->get("/primary_ips").json.value(u"primary_ips"_s).toArray().size(), 1);

    const SimReply spare = m_client->post("/primary_ips", {{u"name"_s, u"spare"_s},
                                                           {u"type"_s, u"ipv6"_s},
                                                           {u"assignee_type"_s, u"server"_s},
                                                           {u"location"_s, u"hel1"_s}});
    QCOMPARE(m_client->del("/primary_ips/" + QByteArray::number(spare.json[u"primary_ip"_s][u"id"_s].toInteger()))
                     .status,
             204);
}

void TestHcloudSim::catalogue()
{
    const SimReply reply = m_client->get("/server_types?per_page=50");
    const QJsonArray types = reply.json.value(u"server_types"_s).toArray();
    QMap<QString, QJsonObject> byName;
    for (const QJsonValue &type : types)
        byName.insert(type[u"name"_s].toString(), type.toObject());
    for (const QString &name : {u"cx23"_s, u"cx33"_s, u"cx43"_s, u"cx53"_s, u"cpx12"_s, u"cpx22"_s, u"cpx32"_s,
                                u"cpx42"_s, u"cpx52"_s, u"cax11"_s, u"cax21"_s, u"cax31"_s, u"cax41"_s, u"ccx13"_s,
                                u"ccx23"_s, u"ccx33"_s, u"cx22"_s, u"cpx11"_s, u"cpx21"_s})
        QVERIFY2(byName.contains(name), qPrintable(name));

    QCOMPARE(byName[u"cx22"_s][u"deprecated"_s].toBool(), true);
    QCOMPARE(byName[u"cx22"_s][u"deprecation"_s][u"unavailable_after"_s].toString(), u"2025-12-31T23:59:59Z"_s);
    QCOMPARE(byName[u"cx23"_s][u"category"_s].toString(), u"cost_optimized"_s);
    QCOMPARE(byName[u"cpx22"_s][u"category"_s].toString(), u"regular_purpose"_s);
    QCOMPARE(byName[u"cax11"_s][u"architecture"_s].toString(), u"arm"_s);
    QCOMPARE(byName[u"cx23"_s][u"locations"_s].toArray().size(), 3);
    QCOMPARE(byName[u"cpx22"_s][u"locations"_s].toArray().size(), 6);

    const auto locationEntry = [&](const QString &type, const QString &location) {
        const QJsonArray locations = byName[type][u"locations"_s].toArray();
        for (const QJsonValue &entry : locations) {
            if (entry[u"name"_s] == location)
                return entry.toObject();
        }
        return QJsonObject();
    };
    QVERIFY(locationEntry(u"cpx11"_s, u"fsn1"_s)[u"deprecation"_s].isObject());
    QVERIFY(locationEntry(u"cpx11"_s, u"ash"_s)[u"deprecation"_s].isNull());
    QCOMPARE(locationEntry(u"cpx11"_s, u"ash"_s)[u"available"_s].toBool(), true);
    QCOMPARE(locationEntry(u"cx53"_s, u"hel1"_s)[u"available"_s].toBool(), false);
    QCOMPARE(locationEntry(u"cx53"_s, u"fsn1"_s)[u"available"_s].toBool(), true);

    // A deprecated-in-EU type is still orderable where it is not deprecated.
    QJsonObject body = serverBody(u"us-1"_s);
    body[u"server_type"_s] = u"cpx11"_s;
    body[u"location"_s] = u"ash"_s;
    QCOMPARE(m_client->post("/servers", body).status, 201);

    const QRegularExpression gross(u"^\\d+\\.\\d{16}$"_s);
    const QRegularExpression net(u"^\\d+\\.\\d{10}$"_s);
    QString euPrice;
    QString usPrice;
    const QJsonArray prices = byName[u"cpx22"_s][u"prices"_s].toArray();
    for (const QJsonValue &price : prices) {
        QVERIFY(gross.match(price[u"price_monthly"_s][u"gross"_s].toString()).hasMatch());
        QVERIFY(net.match(price[u"price_monthly"_s][u"net"_s].toString()).hasMatch());
        QVERIFY(net.match(price[u"price_hourly"_s][u"net"_s].toString()).hasMatch());
        if (price[u"location"_s] == u"fsn1"_s)
            euPrice = price[u"price_monthly"_s][u"net"_s].toString();
        if (price[u"location"_s] == u"ash"_s)
            usPrice = price[u"price_monthly"_s][u"net"_s].toString();
    }
    QVERIFY(!euPrice.isEmpty() && !usPrice.isEmpty());
    QVERIFY(euPrice != usPrice);

    QCOMPARE(m_client->get("/server_types?name=cx33").json.value(u"server_types"_s).toArray().size(), 1);
    const qint64 id = byName[u"cx33"_s][u"id"_s].toInteger();
    QCOMPARE(m_client->get("/server_types/" + QByteArray::number(id)).json[u"server_type"_s][u"name"_s].toString(),
             u"cx33"_s);
}

void TestHcloudSim::images()
{
    SimReply reply = m_client->get("/images?type=system&architecture=arm&name=debian-12");
    QJsonArray images = reply.json.value(u"images"_s).toArray();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images[0][u"architecture"_s].toString(), u"arm"_s);
    const qint64 armId = images[0][u"id"_s].toInteger();
    reply = m_client->get("/images?type=system&architecture=x86&name=debian-12");
    QVERIFY(reply.json[u"images"_s][0][u"id"_s].toInteger() != armId);

    reply = m_client->get("/images?type=system&per_page=50");
    QStringList all = names(reply.json.value(u"images"_s).toArray());
    all.removeDuplicates();
    QCOMPARE(all, (QStringList{u"debian-12"_s, u"debian-13"_s, u"ubuntu-22.04"_s, u"ubuntu-24.04"_s}));
    reply = m_client->get("/images?type=system&include_deprecated=true&per_page=50");
    QVERIFY(names(reply.json.value(u"images"_s).toArray()).contains(u"ubuntu-20.04"_s));
    QCOMPARE(m_client->get("/images?architecture=sparc").status, 422);

    QJsonObject body = serverBody(u"arm-1"_s);
    body[u"server_type"_s] = u"cax11"_s;
    const SimReply server = m_client->post("/servers", body);
    QCOMPARE(server.status, 201);
    QCOMPARE(server.json[u"server"_s][u"image"_s][u"id"_s].toInteger(), armId);
}

void TestHcloudSim::pricingMatchesServerTypes()
{
    const SimReply pricing = m_client->get("/pricing");
    QCOMPARE(pricing.status, 200);
    const QJsonObject root = pricing.json.value(u"pricing"_s).toObject();
    QCOMPARE(root[u"currency"_s].toString(), u"EUR"_s);
    QVERIFY(!root[u"vat_rate"_s].toString().isEmpty());
    const QJsonArray types = m_client->get("/server_types?per_page=50").json.value(u"server_types"_s).toArray();
    const QJsonArray priced = root[u"server_types"_s].toArray();
    QCOMPARE(priced.size(), types.size());
    for (const QJsonValue &type : types) {
        bool found = false;
        for (const QJsonValue &entry : priced) {
            if (entry[u"name"_s] == type[u"name"_s]) {
                found = true;
                QCOMPARE(entry[u"prices"_s], type[u"prices"_s]);
            }
        }
        QVERIFY(found);
    }
}

void TestHcloudSim::zonesAndRrsets()
{
    const SimReply created = m_client->post("/zones", {{u"name"_s, u"example.com"_s}, {u"mode"_s, u"primary"_s}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json[u"action"_s][u"command"_s].toString(), u"create_zone"_s);
    QCOMPARE(created.json[u"zone"_s][u"ttl"_s].toInt(), 3600);
    QCOMPARE(created.json[u"zone"_s][u"record_count"_s].toInt(), 4); // SOA + 3 NS
    QCOMPARE(m_client->post("/zones", {{u"name"_s, u"example.com"_s}, {u"mode"_s, u"primary"_s}}).status, 409);
    QCOMPARE(m_client->post("/zones", {{u"name"_s, u"meet.example.org"_s}, {u"mode"_s, u"primary"_s}}).status, 422);
    QCOMPARE(m_client->post("/zones", {{u"name"_s, u"example.com."_s}, {u"mode"_s, u"primary"_s}}).status, 422);

    QCOMPARE(m_client->get("/zones?name=example.com").json.value(u"zones"_s).toArray().size(), 1);
    QCOMPARE(m_client->get("/zones/example.com").json[u"zone"_s][u"name"_s].toString(), u"example.com"_s);
    const qint64 zoneId = created.json[u"zone"_s][u"id"_s].toInteger();
    QCOMPARE(m_client->get("/zones/" + QByteArray::number(zoneId)).status, 200);
    QCOMPARE(m_client->get("/zones/nothere.com").status, 404);

    const SimReply rrset = m_client->post("/zones/example.com/rrsets",
                                          {{u"name"_s, u"meet"_s},
                                           {u"type"_s, u"A"_s},
                                           {u"ttl"_s, 300},
                                           {u"records"_s, QJsonArray{QJsonObject{{u"value"_s, u"198.18.0.10"_s}}}}});
    QCOMPARE(rrset.status, 201);
    QCOMPARE(rrset.json[u"rrset"_s][u"id"_s].toString(), u"meet/A"_s);
    QCOMPARE(rrset.json[u"rrset"_s][u"zone"_s].toInteger(), zoneId);
    QCOMPARE(m_client->post("/zones/example.com/rrsets",
                            {{u"name"_s, u"bad"_s},
                             {u"type"_s, u"A"_s},
                             {u"records"_s, QJsonArray{QJsonObject{{u"value"_s, u"::1"_s}}}}})
                     .status,
             422);

    SimReply list = m_client->get("/zones/example.com/rrsets?name=meet&type=A");
    QCOMPARE(list.json.value(u"rrsets"_s).toArray().size(), 1);
    list = m_client->get("/zones/example.com/rrsets?per_page=500");
    QCOMPARE(pageMeta(list).value(u"per_page"_s).toInt(), 100);
    QCOMPARE(list.json.value(u"rrsets"_s).toArray().size(), 3);

    const SimReply set = m_client->post("/zones/example.com/rrsets/meet/A/actions/set_records",
                                        {{u"records"_s, QJsonArray{QJsonObject{{u"value"_s, u"198.18.0.11"_s}}}}});
    QCOMPARE(set.status, 201);
    QCOMPARE(set.json[u"action"_s][u"command"_s].toString(), u"set_rrset_records"_s);
    const SimReply got = m_client->get("/zones/example.com/rrsets/meet/A");
    QCOMPARE(got.json[u"rrset"_s][u"records"_s][0][u"value"_s].toString(), u"198.18.0.11"_s);
    QCOMPARE(m_client->post("/zones/example.com/rrsets/nope/A/actions/set_records",
                            {{u"records"_s, QJsonArray{QJsonObject{{u"value"_s, u"198.18.0.11"_s}}}}})
                     .status,
             404);

    // Labels on create, found by label selector; DELETE answers with an action, then the RRSet is gone.
    QCOMPARE(m_client->post("/zones/example.com/rrsets",
                            {{u"name"_s, u"talk"_s},
                             {u"type"_s, u"A"_s},
                             {u"labels"_s, QJsonObject{{u"managed-by"_s, u"jitsi-deployer"_s}}},
                             {u"records"_s, QJsonArray{QJsonObject{{u"value"_s, u"198.18.0.12"_s}}}}})
                     .status,
             201);
    list = m_client->get("/zones/example.com/rrsets?label_selector=managed-by%3Djitsi-deployer");
    QCOMPARE(list.json.value(u"rrsets"_s).toArray().size(), 1);
    QCOMPARE(list.json[u"rrsets"_s][0][u"id"_s].toString(), u"talk/A"_s);
    const SimReply deleted = m_client->del("/zones/example.com/rrsets/talk/A");
    QCOMPARE(deleted.status, 201);
    QCOMPARE(deleted.json[u"action"_s][u"command"_s].toString(), u"delete_rrset"_s);
    QCOMPARE(m_client->get("/zones/example.com/rrsets/talk/A").status, 404);
    QCOMPARE(m_client->del("/zones/example.com/rrsets/talk/A").status, 404);
    QCOMPARE(m_client->del("/zones/example.com/rrsets/@/SOA").status, 422);

    m_sim->seedZone(u"secondary.net"_s, u"secondary"_s);
    const SimReply secondary = m_client->post(
            "/zones/secondary.net/rrsets", {{u"name"_s, u"meet"_s},
                                            {u"type"_s, u"A"_s},
                                            {u"records"_s, QJsonArray{QJsonObject{{u"value"_s, u"198.18.0.10"_s}}}}});
    QCOMPARE(secondary.status, 422);
    QCOMPARE(secondary.errorCode(), u"incorrect_zone_mode"_s);
    QCOMPARE(m_client->post("/zones/secondary.net/rrsets/meet/A/actions/set_records",
                            {{u"records"_s, QJsonArray{QJsonObject{{u"value"_s, u"198.18.0.11"_s}}}}})
                     .errorCode(),
             u"incorrect_zone_mode"_s);
}

void TestHcloudSim::legacyDatacenterCanBeOmitted()
{
    m_sim->setEmitDatacenter(false);
    const qint64 id = m_sim->seedServer(u"meet-1"_s);
    const SimReply reply = m_client->get("/servers/" + QByteArray::number(id));
    QVERIFY(!reply.json[u"server"_s].toObject().contains(u"datacenter"_s));
    QCOMPARE(reply.json[u"server"_s][u"location"_s][u"name"_s].toString(), u"fsn1"_s);
    // The official schema copy still requires `datacenter`, so the validator must object here; that is the
    // point of the switch (client fallback tests), and proves the validation is live.
    const QStringList violations = openApiViolations(*m_sim);
    QVERIFY2(!violations.isEmpty(), "the validator accepted a server without datacenter");
    QVERIFY(violations.constFirst().contains(u"datacenter"_s));
    m_sim->clearExchanges();
}

QTEST_GUILESS_MAIN(TestHcloudSim)
#include "tst_hcloudsim.moc"
