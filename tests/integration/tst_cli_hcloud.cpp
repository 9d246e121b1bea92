// `jitsi-deployer hcloud …` as a user runs it: a separate process, no display, talking to hcloud-sim.
#include "clirun.h"
#include "hcloudsim.h"
#include "openapivalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
// Distinctive, so a leak into any output is unmistakable.
const QString secretToken = u"Zq7secretTOKENvalue0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"_s;

} // namespace

class TestCliHcloud : public QObject
{
    Q_OBJECT

private:
    Run run(const QStringList &arguments, const QString &token, const QString &endpoint)
    {
        Run result = runJitsiDeployer(arguments, token, endpoint);
        m_allOutput += result.out + result.err;
        return result;
    }

    Run runSim(const QStringList &arguments, const QString &token = secretToken)
    {
        return run(arguments, token, m_sim->endpoint().toString());
    }

    std::unique_ptr<HcloudSim> m_sim;
    QString m_allOutput;

private Q_SLOTS:
    void init()
    {
        m_sim = std::make_unique<HcloudSim>();
        m_sim->addToken(secretToken);
        m_sim->setActionDurationMs(0);
        QVERIFY(m_sim->listen());
    }

    void cleanup()
    {
        QVERIFY2(!m_allOutput.contains(secretToken), "the API token appeared in the CLI's output");
        // Everything the CLI sent and the simulator answered must match Hetzner's published schema.
        const QStringList violations = openApiViolations(*m_sim);
        m_sim.reset();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }

    void versionAndHelp()
    {
        const Run version = run({u"--version"_s}, {}, {});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(u"jitsi-deployer "_s));
        const Run help = run({u"--help"_s}, {}, {});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"hcloud check-token"_s));
        QVERIFY(help.out.contains(u"Exit codes"_s));
    }

    void unknownCommandIsUsageError()
    {
        const Run result = run({u"hcloud"_s, u"frobnicate"_s}, secretToken, {});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(u"Unknown command"_s));
    }

    void checkTokenWorks()
    {
        m_sim->seedServer(u"existing-1"_s);
        const Run result = runSim({u"hcloud"_s, u"check-token"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed().count(u'\n'), 0); // one line
        QVERIFY2(result.out.contains(u"read & write"_s), qPrintable(result.out));
        QVERIFY2(result.out.contains(u"servers: 1;"_s), qPrintable(result.out));
    }

    void checkTokenJson()
    {
        const Run result = runSim({u"hcloud"_s, u"check-token"_s, u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(object.value(u"access"_s).toString(), u"read_write"_s);
        QCOMPARE(object.value(u"ok"_s).toBool(), true);
    }

    void wrongTokenIsRejected()
    {
        const Run result = runSim({u"hcloud"_s, u"check-token"_s}, u"wrongTokenButWellFormed0123456789"_s);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(u"token"_s, Qt::CaseInsensitive), qPrintable(result.err));
        QVERIFY(!result.err.contains(u"wrongTokenButWellFormed0123456789"_s));
    }

    void readOnlyTokenIsNotEnough()
    {
        const QString readOnly = u"readOnlyToken0123456789abcdefABCDEF"_s;
        m_sim->addToken(readOnly, true);
        const Run result = runSim({u"hcloud"_s, u"check-token"_s}, readOnly);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.out.contains(u"read only"_s), qPrintable(result.out));
        QVERIFY2(result.err.contains(u"Read & Write"_s), qPrintable(result.err));
    }

    void missingTokenIsUsageError()
    {
        const Run result = run({u"hcloud"_s, u"check-token"_s}, {}, m_sim->endpoint().toString());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"HCLOUD_TOKEN"_s), qPrintable(result.err));
        QCOMPARE(m_sim->exchanges().size(), 0);
    }

    void malformedTokenChangesNothing_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << u""_s;
        QTest::newRow("blank") << u"   "_s;
        QTest::newRow("inner space") << u"abc def0123456789"_s;
        QTest::newRow("quoted") << u"\"abcdef0123456789\""_s;
        QTest::newRow("non-ascii") << u"abcdéf0123456789"_s;
    }

    void malformedTokenChangesNothing()
    {
        QFETCH(QString, token);
        const Run result = runSim({u"hcloud"_s, u"check-token"_s}, token);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(u"token"_s, Qt::CaseInsensitive));
        QCOMPARE(m_sim->exchanges().size(), 0); // rejected before anything was sent
    }

    void unreachableEndpoint()
    {
        // A port nobody listens on: reserve one, then close it.
        QTcpServer reserve;
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        const quint16 port = reserve.serverPort();
        reserve.close();
        const Run result = run({u"hcloud"_s, u"check-token"_s}, secretToken, u"http://127.0.0.1:%1/v1"_s.arg(port));
        QCOMPARE(result.exitCode, 4);
        QVERIFY2(result.err.contains(u"127.0.0.1"_s), qPrintable(result.err));
    }

    void invalidEndpointIsUsageError()
    {
        const Run result = run({u"hcloud"_s, u"locations"_s, u"--api-endpoint"_s, u"ftp://example"_s}, secretToken, {});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(u"http"_s));
    }

    // Plain http to anything but this machine is refused before the token leaves: nothing reaches a
    // listener on one of this machine's own non-loopback addresses, from the variable or the option.
    void plainHttpElsewhereIsRefusedBeforeAnyRequest_data()
    {
        QTest::addColumn<bool>("fromOption");
        QTest::newRow("HCLOUD_ENDPOINT") << false;
        QTest::newRow("--api-endpoint") << true;
    }

    void plainHttpElsewhereIsRefusedBeforeAnyRequest()
    {
        QFETCH(bool, fromOption);
        QHostAddress outside;
        for (const QHostAddress &address : QNetworkInterface::allAddresses())
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
                outside = address;
        if (outside.isNull())
            QSKIP("this machine has no non-loopback IPv4 address to listen on");
        QTcpServer listener;
        QVERIFY(listener.listen(outside, 0));
        QByteArray received;
        int connections = 0;
        connect(&listener, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = listener.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, this, [socket, &received] { received += socket->readAll(); });
            }
        });
        const QString endpoint = u"http://%1:%2/v1"_s.arg(outside.toString()).arg(listener.serverPort());
        const QStringList arguments
                = fromOption ? QStringList{u"hcloud"_s, u"check-token"_s, u"--api-endpoint"_s, endpoint}
                             : QStringList{u"hcloud"_s, u"check-token"_s};
        const Run result = run(arguments, secretToken, fromOption ? QString() : endpoint);
        QTest::qWait(200); // a connection, had the CLI made one, would have arrived by now
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"plain http"_s) && result.err.contains(u"https://"_s), qPrintable(result.err));
        QCOMPARE(connections, 0);
        QVERIFY(!received.contains(secretToken.toUtf8()));
        QVERIFY(m_sim->exchanges().isEmpty());
    }

    void serverErrorIsReported()
    {
        HcloudSim::Fault fault;
        fault.kind = HcloudSim::Fault::Kind::ApiError;
        fault.status = 500;
        fault.code = u"server_error"_s;
        fault.count = -1;
        m_sim->injectFault(fault);
        const Run result = runSim({u"hcloud"_s, u"check-token"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"server_error"_s), qPrintable(result.err));
        QVERIFY2(result.err.contains(u"correlation id"_s), qPrintable(result.err));
        QCOMPARE(m_sim->exchanges().size(), 1); // a 500 is not retried
    }

    void serverTypesOnlyOrderable()
    {
        const Run result = runSim({u"hcloud"_s, u"server-types"_s, u"--location"_s, u"fsn1"_s, u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray types = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QVERIFY(!types.isEmpty());
        QStringList names;
        for (const QJsonValue &value : types) {
            const QJsonObject type = value.toObject();
            QCOMPARE(type.value(u"location"_s).toString(), u"fsn1"_s);
            QVERIFY(!type.value(u"price_monthly_gross"_s).toString().isEmpty());
            names << type.value(u"name"_s).toString();
        }
        QVERIFY(names.contains(u"cx23"_s));
        QVERIFY(!names.contains(u"cx22"_s)); // deprecated in fsn1
        QVERIFY(!names.contains(u"cpx11"_s)); // deprecated in the EU

        // cx53 is sold out in hel1 in the simulator's catalogue, orderable elsewhere.
        const Run hel = runSim({u"hcloud"_s, u"server-types"_s, u"--location"_s, u"hel1"_s});
        QCOMPARE(hel.exitCode, 0);
        QVERIFY(hel.out.contains(u"cx23"_s));
        QVERIFY2(!hel.out.contains(u"cx53"_s), qPrintable(hel.out));
    }

    void serverTypePricesAreExact()
    {
        const Run result = runSim({u"hcloud"_s, u"server-types"_s, u"--location"_s, u"fsn1"_s, u"--json"_s});
        QCOMPARE(result.exitCode, 0);
        // Compare with what the API actually served: the CLI must not round or float the price.
        QString expected;
        for (const HcloudSim::Exchange &exchange : m_sim->exchanges()) {
            if (exchange.method != u"GET"_s || !exchange.path.startsWith(u"/server_types"_s))
                continue;
            const QJsonArray served
                    = QJsonDocument::fromJson(exchange.responseBody).object()[u"server_types"_s].toArray();
            for (const QJsonValue &value : served) {
                const QJsonObject type = value.toObject();
                if (type.value(u"name"_s).toString() != u"cx23"_s)
                    continue;
                for (const QJsonValue &price : type.value(u"prices"_s).toArray())
                    if (price.toObject().value(u"location"_s).toString() == u"fsn1"_s)
                        expected = price.toObject()[u"price_monthly"_s].toObject()[u"gross"_s].toString();
            }
        }
        QVERIFY(!expected.isEmpty());
        for (const QJsonValue &value : QJsonDocument::fromJson(result.out.toUtf8()).array()) {
            const QJsonObject type = value.toObject();
            if (type.value(u"name"_s).toString() == u"cx23"_s) {
                // Same decimal, trailing zeros aside.
                QString a = expected, b = type.value(u"price_monthly_gross"_s).toString();
                while (a.contains(u'.') && (a.endsWith(u'0') || a.endsWith(u'.')))
                    a.chop(1);
                QCOMPARE(b, a);
            }
        }
    }

    void serverTypesUnknownLocation()
    {
        const Run result = runSim({u"hcloud"_s, u"server-types"_s, u"--location"_s, u"xyz1"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(u"fsn1"_s), qPrintable(result.err)); // names the valid ones
    }

    void locationsTableAndJson()
    {
        const Run table = runSim({u"hcloud"_s, u"locations"_s});
        QCOMPARE(table.exitCode, 0);
        for (const QString &name : {u"fsn1"_s, u"nbg1"_s, u"hel1"_s, u"ash"_s, u"hil"_s, u"sin"_s})
            QVERIFY2(table.out.contains(name), qPrintable(name));
        const Run json = runSim({u"hcloud"_s, u"locations"_s, u"--json"_s});
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 6);
        QCOMPARE(array.first().toObject().value(u"network_zone"_s).toString(), u"eu-central"_s);
    }

    void imagesByArchitecture()
    {
        const Run arm = runSim({u"hcloud"_s, u"images"_s, u"--architecture"_s, u"arm"_s, u"--json"_s});
        QCOMPARE(arm.exitCode, 0);
        const QJsonArray images = QJsonDocument::fromJson(arm.out.toUtf8()).array();
        QVERIFY(!images.isEmpty());
        QStringList names;
        for (const QJsonValue &value : images) {
            QCOMPARE(value.toObject().value(u"architecture"_s).toString(), u"arm"_s);
            names << value.toObject().value(u"name"_s).toString();
        }
        QVERIFY(names.contains(u"debian-12"_s));
        QVERIFY(names.contains(u"ubuntu-24.04"_s));
    }

    void unknownArchitectureIsUsageError()
    {
        const Run result = runSim({u"hcloud"_s, u"images"_s, u"--architecture"_s, u"sparc"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(u"x86"_s));
        QCOMPARE(m_sim->exchanges().size(), 0);
    }

    void optionForOtherCommandIsUsageError()
    {
        const Run result = runSim({u"hcloud"_s, u"locations"_s, u"--architecture"_s, u"arm"_s});
        QCOMPARE(result.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliHcloud)
#include "tst_cli_hcloud.moc"
