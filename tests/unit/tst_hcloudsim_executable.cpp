// The standalone hcloud-sim: starts, prints its endpoint, answers, and exits cleanly on SIGTERM.

#include "simtestclient.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHcloudSimExecutable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAndAnswers();
};

void TestHcloudSimExecutable::startsAndAnswers()
{
    QProcess process;
    process.start(QStringLiteral(HCLOUD_SIM_EXECUTABLE), {u"--port"_s, u"0"_s, u"--action-ms"_s, u"10"_s, u"--token"_s,
                                                          u"exe-token"_s, u"--readonly-token"_s, u"exe-reader"_s});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.state() != QProcess::Running, 30000);
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    const auto match = QRegularExpression(u"^http://127\\.0\\.0\\.1:(\\d+)/v1$"_s).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line + QString::fromUtf8(process.readAllStandardError())));

    SimTestClient client(QUrl(line), u"exe-token"_s);
    const SimReply locations = client.get("/locations");
    QCOMPARE(locations.status, 200);
    QCOMPARE(locations.json.value(u"locations"_s).toArray().size(), 6);
    client.setToken(u"sim-token"_s); // replaced by --token
    QCOMPARE(client.get("/locations").status, 401);
    client.setToken(u"exe-reader"_s);
    QCOMPARE(client.get("/locations").status, 200);
    QCOMPARE(client.post("/ssh_keys", {{u"name"_s, u"x"_s}}).errorCode(), u"token_readonly"_s);

    process.terminate();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestHcloudSimExecutable)
#include "tst_hcloudsim_executable.moc"
