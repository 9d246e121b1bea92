// The real jitsi-deployer binary, started the way a user starts it: no arguments, a display (offscreen
// here). It must bring up its window and keep running, quietly.

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wizardStartsQuietly();
};

void TestAppSmoke::wizardStartsQuietly()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // The app's own logging defaults, not the test's debug rules: any line on stderr is then a warning.
    environment.remove(u"QT_LOGGING_RULES"_s);
    environment.remove(u"HCLOUD_TOKEN"_s);
    // Should anything try to reach Hetzner, it meets a closed loopback port instead.
    environment.insert(u"HCLOUD_ENDPOINT"_s, u"http://127.0.0.1:9/v1"_s);

    QProcess app;
    app.setProcessEnvironment(environment);
    app.start(QString::fromUtf8(DEPLOYER_APP_BINARY), {});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    // A wizard that crashes or quits on start is gone well within this.
    QVERIFY2(!app.waitForFinished(1500), qPrintable(QString::fromLocal8Bit(app.readAllStandardError())));
    QCOMPARE(app.state(), QProcess::Running);

    app.terminate();
    if (!app.waitForFinished(10000)) {
        app.kill();
        app.waitForFinished(10000);
    }
    const QString errors = QString::fromLocal8Bit(app.readAllStandardError());
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

QTEST_GUILESS_MAIN(TestAppSmoke)
#include "tst_appsmoke.moc"
