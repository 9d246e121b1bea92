// The app's side of the provision.log protocol (docs/provisioning.md "Log format"): the marker parser, and the
// step lists the progress display relies on, compared with the scripts themselves.
#include "deploy/provisionsteps.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

using Kind = ProvisionLogEvent::Kind;

namespace {

// A log as the scripts write it, with every marker kind, a malformed marker, invalid UTF-8 and a CRLF line.
const QByteArray sampleLog = "@@run start install-bridge time=2026-11-22T05:00:00Z\n"
                             "@@step skip wait-cloud-init time=2026-11-22T05:00:00Z\n"
                             "@@step start install-packages time=2026-11-22T05:00:01Z\n"
                             "Reading package lists...\n"
                             "caf\xc3\xa9 \xff\xfe broken\n"
                             "@@step end install-packages rc=0 time=2026-11-22T05:00:09Z\n"
                             "@@step start restart-and-join time=2026-11-22T05:00:10Z\n"
                             "@@error restart-and-join the bridge did not join the brewery within 300s\n"
                             "@@step end restart-and-join rc=1 time=2026-11-22T05:05:10Z\n"
                             "@@step end no-rc-here\n"
                             "@@bogus marker\n"
                             "windows line\r\n"
                             "\n"
                             "@@run end install-bridge rc=1 time=2026-11-22T05:05:10Z\n";

QString describe(const ProvisionLogEvent &event)
{
    return u"%1|%2|%3|%4|%5"_s.arg(int(event.kind)).arg(event.name).arg(event.rc).arg(event.text).arg(event.endOffset);
}

QStringList describeAll(const QList<ProvisionLogEvent> &events)
{
    QStringList result;
    for (const ProvisionLogEvent &event : events)
        result << describe(event);
    return result;
}

QStringList jdStepNames(const QString &script, const QString &function)
{
    QFile file(QStringLiteral(DEPLOYER_SOURCE_DIR "/resources/provision/") + script);
    if (!file.open(QIODevice::ReadOnly))
        return {u"<cannot read "_s + script + u'>'};
    const QString text = QString::fromUtf8(file.readAll());
    // Only the steps of the script's main function: a sourced helper may define steps of its own.
    const qsizetype start = text.indexOf(function + u"() {"_s);
    const qsizetype end = text.indexOf(u"\n}\n"_s, start);
    if (start < 0 || end < 0)
        return {u"<no "_s + function + u" in "_s + script + u'>'};
    static const QRegularExpression call(u"^\\s*jd_step ([a-z0-9-]+) "_s, QRegularExpression::MultilineOption);
    QStringList names;
    for (const QRegularExpressionMatch &m : call.globalMatch(text.mid(start, end - start)))
        names << m.captured(1);
    return names;
}

} // namespace

class tst_ProvisionLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMarkerKind()
    {
        ProvisionLogParser parser;
        const QList<ProvisionLogEvent> events = parser.feed(sampleLog);
        QCOMPARE(events.size(), 14);
        QCOMPARE(parser.offset(), qint64(sampleLog.size()));

        QCOMPARE(events.at(0).kind, Kind::RunStarted);
        QCOMPARE(events.at(0).name, u"install-bridge"_s);
        QCOMPARE(events.at(1).kind, Kind::StepSkipped);
        QCOMPARE(events.at(1).name, u"wait-cloud-init"_s);
        QCOMPARE(events.at(2).kind, Kind::StepStarted);
        QCOMPARE(events.at(2).name, u"install-packages"_s);
        QCOMPARE(events.at(3).kind, Kind::Output);
        QCOMPARE(events.at(3).text, u"Reading package lists..."_s);
        QCOMPARE(events.at(4).kind, Kind::Output);
        QCOMPARE(events.at(4).text, u"caf\u00e9 \ufffd\ufffd broken"_s); // invalid UTF-8 shown, not dropped
        QCOMPARE(events.at(5).kind, Kind::StepEnded);
        QCOMPARE(events.at(5).name, u"install-packages"_s);
        QCOMPARE(events.at(5).rc, 0);
        QCOMPARE(events.at(7).kind, Kind::StepError);
        QCOMPARE(events.at(7).name, u"restart-and-join"_s);
        QCOMPARE(events.at(7).text, u"the bridge did not join the brewery within 300s"_s);
        QCOMPARE(events.at(8).kind, Kind::StepEnded);
        QCOMPARE(events.at(8).rc, 1);
        // Malformed markers stay visible as output.
        QCOMPARE(events.at(9).kind, Kind::Output);
        QCOMPARE(events.at(9).text, u"@@step end no-rc-here"_s);
        QCOMPARE(events.at(10).kind, Kind::Output);
        QCOMPARE(events.at(10).text, u"@@bogus marker"_s);
        QCOMPARE(events.at(11).text, u"windows line"_s);
        QCOMPARE(events.at(12).kind, Kind::Output);
        QCOMPARE(events.at(12).text, QString());
        QCOMPARE(events.at(13).kind, Kind::RunEnded);
        QCOMPARE(events.at(13).name, u"install-bridge"_s);
        QCOMPARE(events.at(13).rc, 1);

        // Each event's end offset is just after its own line.
        qint64 expected = 0;
        for (const ProvisionLogEvent &event : events) {
            expected = sampleLog.indexOf('\n', expected) + 1;
            QCOMPARE(event.endOffset, expected);
        }
    }

    void malformedMarkers_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("run start with rc") << QByteArray("@@run start install-web rc=0");
        QTest::newRow("run end without rc") << QByteArray("@@run end install-web time=x");
        QTest::newRow("step without name") << QByteArray("@@step start");
        QTest::newRow("unknown verb") << QByteArray("@@step finish x rc=0");
        QTest::newRow("non-numeric rc") << QByteArray("@@step end x rc=one");
        QTest::newRow("error without name") << QByteArray("@@error");
        QTest::newRow("marker in the middle") << QByteArray("output @@step start x");
    }

    void malformedMarkers()
    {
        QFETCH(QByteArray, line);
        ProvisionLogParser parser;
        const QList<ProvisionLogEvent> events = parser.feed(line + '\n');
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Kind::Output);
        QCOMPARE(events.first().text, QString::fromUtf8(line));
    }

    void anySplitGivesTheSameEvents_data()
    {
        QTest::addColumn<int>("chunk");
        for (int chunk : {1, 2, 3, 7, 64})
            QTest::addRow("%d bytes", chunk) << chunk;
    }

    void anySplitGivesTheSameEvents()
    {
        QFETCH(int, chunk);
        ProvisionLogParser whole;
        const QStringList expected = describeAll(whole.feed(sampleLog));

        ProvisionLogParser pieces;
        QList<ProvisionLogEvent> events;
        for (qsizetype i = 0; i < sampleLog.size(); i += chunk) {
            events += pieces.feed(sampleLog.mid(i, chunk));
            // Never past a complete line: a partial line is held back.
            QVERIFY(pieces.offset() <= i + chunk);
            QVERIFY(pieces.offset() == 0 || sampleLog.at(pieces.offset() - 1) == '\n');
        }
        QCOMPARE(describeAll(events), expected);
    }

    void partialLineIsHeld()
    {
        ProvisionLogParser parser;
        QVERIFY(parser.feed("@@step start pres").isEmpty());
        QCOMPARE(parser.offset(), 0);
        const QList<ProvisionLogEvent> events = parser.feed("eed time=x\nnext");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().kind, Kind::StepStarted);
        QCOMPARE(events.first().name, u"preseed"_s);
        QCOMPARE(parser.offset(), 28);
    }

    // Following resumes at a byte offset: the events carry file offsets, not offsets from the first feed.
    void startOffsetCarriesThrough()
    {
        ProvisionLogParser parser(1000);
        const QList<ProvisionLogEvent> events = parser.feed("one\n@@run end firewall rc=0\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).endOffset, 1004);
        QCOMPARE(events.at(1).endOffset, 1028);
        QCOMPARE(events.at(1).kind, Kind::RunEnded);
        QCOMPARE(events.at(1).name, u"firewall"_s);
        QCOMPARE(parser.offset(), 1028);
    }

    void taskNames()
    {
        QCOMPARE(ProvisionSteps::taskName(ProvisionTask::Install, HostRole::Web), u"install-web"_s);
        QCOMPARE(ProvisionSteps::taskName(ProvisionTask::Install, HostRole::Bridge), u"install-bridge"_s);
        QCOMPARE(ProvisionSteps::taskName(ProvisionTask::Firewall, HostRole::Web), u"firewall"_s);
        QCOMPARE(ProvisionSteps::taskName(ProvisionTask::Certificate, HostRole::Web), u"certificate"_s);
    }

    // The progress display's step lists are exactly the scripts' jd_step calls, in order.
    void stepsMatchTheScripts()
    {
        QCOMPARE(ProvisionSteps::steps(ProvisionTask::Install, HostRole::Web),
                 jdStepNames(u"provision-web.sh"_s, u"web_main"_s));
        QCOMPARE(ProvisionSteps::steps(ProvisionTask::Install, HostRole::Bridge),
                 jdStepNames(u"provision-bridge.sh"_s, u"bridge_main"_s));
        QCOMPARE(ProvisionSteps::steps(ProvisionTask::Firewall, HostRole::Web),
                 jdStepNames(u"web-firewall.sh"_s, u"web_firewall_main"_s));
        QCOMPARE(ProvisionSteps::steps(ProvisionTask::Certificate, HostRole::Web),
                 jdStepNames(u"web-certificate.sh"_s, u"web_certificate_main"_s));
        // The bridge's packages phase ends at a step the bridge really has, before the certificate is needed.
        const QStringList bridge = ProvisionSteps::steps(ProvisionTask::Install, HostRole::Bridge);
        const qsizetype last = bridge.indexOf(ProvisionSteps::bridgePackagesPhaseLastStep());
        QVERIFY(last >= 0);
        QVERIFY(last < bridge.indexOf(u"trust-prosody-certificate"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ProvisionLog)
#include "tst_provisionlog.moc"
