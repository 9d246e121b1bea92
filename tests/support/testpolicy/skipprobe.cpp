// A QtTest program whose outcome the caller chooses (SKIPPROBE_MODE = pass | skip | fail), so that
// check-run-test.sh can prove how tests/support/run-test.sh reports each outcome to ctest. In every mode it
// first binds a Unix socket in $XDG_RUNTIME_DIR, as D-Bus and gnome-keyring do, and records the directory.
#include <QFile>
#include <QLocalServer>
#include <QTest>

class SkipProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void socketInRuntimeDir()
    {
        const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
        QVERIFY2(!runtime.isEmpty(), "XDG_RUNTIME_DIR is not set");
        QLocalServer server;
        server.setSocketOptions(QLocalServer::UserAccessOption);
        const QString socket = runtime + QStringLiteral("/probe-socket-with-a-name-as-long-as-daemons-use");
        QVERIFY2(server.listen(socket), qPrintable(server.errorString()));
        if (const QString record = qEnvironmentVariable("SKIPPROBE_RECORD"); !record.isEmpty()) {
            QFile file(record);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(runtime.toUtf8());
        }
    }

    void chosenOutcome()
    {
        const QByteArray mode = qgetenv("SKIPPROBE_MODE");
        if (mode == "skip")
            QSKIP("asked to skip");
        QVERIFY2(mode != "fail", "asked to fail");
    }
};

QTEST_GUILESS_MAIN(SkipProbe)
#include "skipprobe.moc"
