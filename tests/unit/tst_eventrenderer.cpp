// The CLI's rendering of engine events: --json lines, plain lines, and the redrawn terminal status block.
#include "cli/cliadvice.h"
#include "cli/eventrenderer.h"
#include "common/redactor.h"
#include "deploy/engineevents.h"
#include "deploy/progressmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString secret = u"Zq7SECRETjvbPassword0123456789"_s;

EngineEvent phase(Phase name)
{
    return EngineEvent::phaseChanged(name, {});
}

EngineEvent step(const QString &host, const QString &name, HostState state, int index, int count)
{
    return EngineEvent::hostStep(host, name, state, index, count);
}

// What the CLI does: the model sees each event first, the renderer then reads it.
struct Renderer
{
    explicit Renderer(EventRenderer::Style style, int width = 80)
        : renderer(&model, style, width)
    { }
    QString render(const EngineEvent &event)
    {
        model.apply(event);
        return renderer.render(event);
    }
    ProgressModel model;
    EventRenderer renderer;
};

EngineEvent log(const QString &host, const QStringList &lines)
{
    EngineEvent event;
    event.kind = EngineEvent::Kind::HostLog;
    event.host = host;
    event.lines = lines;
    return event;
}

VerificationReport failingReport()
{
    VerificationReport report;
    BridgeVerdict good;
    good.serverName = u"meet-example-org-jvb-1"_s;
    good.nickname = good.serverName;
    BridgeVerdict bad;
    bad.serverName = u"meet-example-org-jvb-2"_s;
    bad.nickname = bad.serverName;
    bad.problems.append(VerifyProblem{VerifyCause::WrongSecret,
                                      u"The bridge's password is not the one prosody knows."_s,
                                      {EvidenceLine{u"jvb.log"_s, 12, u"JVB Failed to login: not-authorized"_s}}});
    report.bridges = {good, bad};
    report.liveSessions = 1;
    report.operationalBridges = 1;
    return report;
}

QJsonObject parseLine(const QString &text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << text;
    return document.object();
}
} // namespace

class TestEventRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Redactor::instance().addSecret(secret); }
    void cleanupTestCase() { Redactor::instance().clear(); }

    void kindNames()
    {
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::Phase), u"phase"_s);
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::Resource), u"resource"_s);
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::HostStep), u"host_step"_s);
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::HostLog), u"host_log"_s);
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::DnsRecords), u"dns"_s);
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::DnsCheck), u"dns_check"_s);
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::Verification), u"verification"_s);
        QCOMPARE(EngineEvent::kindName(EngineEvent::Kind::Warning), u"warning"_s);
    }

    void eventJsonHoldsOnlySetFields()
    {
        const QJsonObject hostStep
                = step(u"meet-example-org-web"_s, u"install-packages"_s, HostState::Started, 3, 12).toJson();
        QCOMPARE(hostStep, (QJsonObject{{u"event"_s, u"host_step"_s},
                                        {u"host"_s, u"meet-example-org-web"_s},
                                        {u"step"_s, u"install-packages"_s},
                                        {u"state"_s, u"started"_s},
                                        {u"step_index"_s, 3},
                                        {u"step_count"_s, 12}}));

        EngineEvent resource;
        resource.kind = EngineEvent::Kind::Resource;
        resource.resource = u"network meet-example-org-net"_s;
        resource.resourceState = ResourceState::Created;
        QCOMPARE(resource.toJson(), (QJsonObject{{u"event"_s, u"resource"_s},
                                                 {u"resource"_s, u"network meet-example-org-net"_s},
                                                 {u"state"_s, u"created"_s}}));

        const QJsonObject logJson = log(u"meet-example-org-web"_s, {u"a"_s, u"b"_s}).toJson();
        QCOMPARE(logJson.value(u"lines"_s).toArray(), (QJsonArray{u"a"_s, u"b"_s}));

        EngineEvent dns;
        dns.kind = EngineEvent::Kind::DnsRecords;
        dns.dnsPublication = DnsPublication::Manual;
        dns.records = {DnsRecord{u"meet.example.org"_s, u"A"_s, u"198.51.100.7"_s}};
        const QJsonObject dnsJson = dns.toJson();
        QCOMPARE(dnsJson.value(u"event"_s).toString(), u"dns"_s);
        QCOMPARE(dnsJson.value(u"records"_s).toArray().at(0).toObject(),
                 (QJsonObject{
                         {u"name"_s, u"meet.example.org"_s}, {u"type"_s, u"A"_s}, {u"value"_s, u"198.51.100.7"_s}}));
    }

    void verificationJson()
    {
        EngineEvent event;
        event.kind = EngineEvent::Kind::Verification;
        event.report = failingReport();
        const QJsonObject report = event.toJson().value(u"report"_s).toObject();
        QCOMPARE(report.value(u"ok"_s).toBool(), false);
        QCOMPARE(report.value(u"live_sessions"_s).toInt(), 1);
        QCOMPARE(report.value(u"operational_bridges"_s).toInt(), 1);
        const QJsonArray bridges = report.value(u"bridges"_s).toArray();
        QCOMPARE(bridges.size(), 2);
        QCOMPARE(bridges.at(0).toObject().value(u"ok"_s).toBool(), true);
        const QJsonObject bad = bridges.at(1).toObject();
        QCOMPARE(bad.value(u"server"_s).toString(), u"meet-example-org-jvb-2"_s);
        const QJsonObject problem = bad.value(u"problems"_s).toArray().at(0).toObject();
        QCOMPARE(problem.value(u"code"_s).toString(), Verifier::causeCode(VerifyCause::WrongSecret));
        const QJsonObject evidence = problem.value(u"evidence"_s).toArray().at(0).toObject();
        QCOMPARE(evidence.value(u"source"_s).toString(), u"jvb.log"_s);
        QCOMPARE(evidence.value(u"line"_s).toInt(), 12);
    }

    void outcomeJson()
    {
        EngineOutcome outcome;
        outcome.slug = u"meet-example-org"_s;
        outcome.domain = u"meet.example.org"_s;
        outcome.meetingUrl = u"https://meet.example.org/"_s;
        outcome.bridges = {u"meet-example-org-jvb-1"_s};
        outcome.createdThisRun = {u"server meet-example-org-web"_s};
        const QJsonObject json = outcome.toJson();
        QCOMPARE(json.value(u"slug"_s).toString(), u"meet-example-org"_s);
        QCOMPARE(json.value(u"meeting_url"_s).toString(), u"https://meet.example.org/"_s);
        QVERIFY(json.value(u"web_address"_s).isNull());
        QCOMPARE(json.value(u"created_this_run"_s).toArray(), QJsonArray{u"server meet-example-org-web"_s});
        QCOMPARE(json.value(u"dns_ready"_s).toBool(), false);
        QVERIFY(json.value(u"verification"_s).isNull());
    }

    void jsonStyleIsOneObjectPerLine()
    {
        Renderer renderer(EventRenderer::Style::Json);
        const EngineEvent event = step(u"meet-example-org-jvb-1"_s, u"configure"_s, HostState::Succeeded, 4, 9);
        const QString text = renderer.render(event);
        QVERIFY(text.endsWith(u'\n'));
        QCOMPARE(text.count(u'\n'), 1);
        QCOMPARE(parseLine(text), event.toJson());
    }

    // The engine's advice (common/advice.h) is said as the command to run, in every style; --json also names it.
    void warningAdviceSaysTheCommand_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("json") << int(EventRenderer::Style::Json);
        QTest::newRow("lines") << int(EventRenderer::Style::Lines);
        QTest::newRow("terminal") << int(EventRenderer::Style::Terminal);
    }

    void warningAdviceSaysTheCommand()
    {
        QFETCH(int, style);
        Renderer renderer(EventRenderer::Style(style), 200);
        const EngineEvent warning
                = EngineEvent::warning(u"The bridge meet-example-org-jvb-3 is not in the plan; it is kept."_s,
                                       {Advice::Kind::RemoveBridge, u"meet-example-org-jvb-3"_s});
        const QString text = renderer.render(warning);
        if (EventRenderer::Style(style) == EventRenderer::Style::Json) {
            // As in the run's log: the advice by its name, for a program to act on; the message as the engine said it.
            const QJsonObject object = parseLine(text);
            QCOMPARE(object, warning.toJson());
            QCOMPARE(object[u"advice"_s].toString(), u"remove_bridge"_s);
        } else {
            QVERIFY2(text.contains(u"is not in the plan; it is kept. \"jitsi-deployer remove-bridge "
                                   "meet-example-org-jvb-3\""_s),
                     qPrintable(text));
        }
        // Without advice, nothing is added.
        const QString plain = Renderer(EventRenderer::Style(style), 200).render(EngineEvent::warning(u"Careful."_s));
        QVERIFY2(plain.contains(u"Careful."_s) && !plain.contains(u"jitsi-deployer"_s), qPrintable(plain));
    }

    void everyAdviceIsACommand()
    {
        const QList<Advice::Kind> kinds{Advice::Kind::RetrySameOperation, Advice::Kind::RetryOnceDnsResolves,
                                        Advice::Kind::ListDeployments, Advice::Kind::RemoveBridge,
                                        Advice::Kind::ListServerTypes};
        QSet<QString> names;
        for (const Advice::Kind kind : kinds) {
            names.insert(Advice::kindName(kind));
            for (const QString &subject : {QString(), u"hel1"_s}) {
                const QString text = CliAdvice::text({kind, subject});
                QVERIFY2(text.contains(u"jitsi-deployer"_s) || text.contains(u"command"_s), qPrintable(text));
            }
        }
        QCOMPARE(names.size(), kinds.size());
        QVERIFY(!names.contains(QString()));
        QVERIFY(CliAdvice::text({}).isEmpty());
        QCOMPARE(CliAdvice::text({Advice::Kind::ListServerTypes, u"hel1"_s}),
                 u"\"jitsi-deployer hcloud server-types --location hel1\" lists what can be ordered there."_s);
        Error error{u"deploy"_s, u"step_failed"_s, u"It failed."_s, {}, {}, 0};
        QCOMPARE(CliAdvice::message(error), u"It failed."_s);
        error.advice.kind = Advice::Kind::RetrySameOperation;
        QVERIFY(CliAdvice::message(error).startsWith(u"It failed. Run the same command again"_s));
    }

    void secretsAreRedactedInEveryStyle_data()
    {
        QTest::addColumn<int>("style");
        QTest::newRow("json") << int(EventRenderer::Style::Json);
        QTest::newRow("lines") << int(EventRenderer::Style::Lines);
        QTest::newRow("terminal") << int(EventRenderer::Style::Terminal);
    }

    void secretsAreRedactedInEveryStyle()
    {
        QFETCH(int, style);
        Renderer renderer(EventRenderer::Style(style), 200);
        renderer.render(step(u"meet-example-org-web"_s, u"prosody"_s, HostState::Started, 5, 12));
        const QString text = renderer.render(log(u"meet-example-org-web"_s, {u"password is "_s + secret}));
        QVERIFY2(!text.contains(secret), qPrintable(text));
        QVERIFY2(text.contains(Redactor::placeholder()), qPrintable(text));
        EngineEvent warning;
        warning.kind = EngineEvent::Kind::Warning;
        warning.message = u"echoed "_s + secret;
        const QString warned = renderer.render(warning);
        QVERIFY2(!warned.contains(secret), qPrintable(warned));
    }

    void progressBarText()
    {
        QCOMPARE(EventRenderer::progressBar(0.0, 10), u"[----------]   0%"_s);
        QCOMPARE(EventRenderer::progressBar(0.5, 20), u"[##########----------]  50%"_s);
        QCOMPARE(EventRenderer::progressBar(0.333, 10), u"[###-------]  33%"_s);
        QCOMPARE(EventRenderer::progressBar(1.0, 10), u"[##########] 100%"_s);
        QCOMPARE(EventRenderer::progressBar(7.0, 4), u"[####] 100%"_s);
    }

    void plainLines()
    {
        Renderer renderer(EventRenderer::Style::Lines);
        QCOMPARE(renderer.render(phase(Phase::Resources)), u"==> Creating the cloud resources\n"_s);
        const QString stepLine
                = renderer.render(step(u"meet-example-org-web"_s, u"install-packages"_s, HostState::Succeeded, 3, 12));
        QVERIFY2(stepLine.contains(u"meet-example-org-web: 3/12 install-packages done"_s), qPrintable(stepLine));
        QVERIFY2(stepLine.contains(u"25%"_s), qPrintable(stepLine));
        QCOMPARE(stepLine.count(u'\n'), 1);
        QVERIFY(!stepLine.contains(u'\x1b'));
        QCOMPARE(renderer.render(log(u"meet-example-org-web"_s, {u"one"_s, u"two"_s})),
                 u"    meet-example-org-web | one\n    meet-example-org-web | two\n"_s);

        EngineEvent dns;
        dns.kind = EngineEvent::Kind::DnsRecords;
        dns.dnsPublication = DnsPublication::Manual;
        dns.records = {DnsRecord{u"meet.example.org"_s, u"A"_s, u"198.51.100.7"_s}};
        const QString dnsText = renderer.render(dns);
        QVERIFY2(dnsText.contains(u"DNS provider"_s), qPrintable(dnsText));
        QVERIFY2(dnsText.contains(dns.records.first().toZoneLine()), qPrintable(dnsText));
    }

    void verificationText()
    {
        Renderer renderer(EventRenderer::Style::Lines);
        EngineEvent event;
        event.kind = EngineEvent::Kind::Verification;
        event.report = failingReport();
        const QString text = renderer.render(event);
        QVERIFY2(text.contains(u"Verification failed"_s), qPrintable(text));
        QVERIFY2(text.contains(u"meet-example-org-jvb-1: working"_s), qPrintable(text));
        QVERIFY2(text.contains(u"meet-example-org-jvb-2: NOT working: The bridge's password"_s), qPrintable(text));
        QVERIFY2(text.contains(u"jvb.log:12"_s), qPrintable(text));
    }

    void terminalRedrawsTheStatusBlockInPlace()
    {
        const int width = 100;
        Renderer renderer(EventRenderer::Style::Terminal, width);
        const QString first = renderer.render(phase(Phase::Hosts));
        QVERIFY(!first.contains(u'\x1b')); // nothing drawn yet, nothing to erase
        QVERIFY(first.startsWith(u"==> Installing the servers\n"_s));
        QVERIFY2(first.contains(u"[---"_s), qPrintable(first)); // the progress bar under it

        const QString second = renderer.render(step(u"meet-example-org-web"_s, u"prosody"_s, HostState::Started, 2, 4));
        // Erases the one-line block drawn before (progress bar), then draws bar + one host line.
        QVERIFY2(second.startsWith(u"\x1b[1F\x1b[J"_s), qPrintable(second));
        QVERIFY2(second.contains(u"meet-example-org-web"_s) && second.contains(u"[2/4] prosody"_s), qPrintable(second));

        const QString third = renderer.render(
                log(u"meet-example-org-web"_s, {u"Setting up prosody (0.12.4-1) with a very long line of apt output "
                                                u"that would wrap the terminal"_s}));
        QVERIFY2(third.startsWith(u"\x1b[2F\x1b[J"_s), qPrintable(third));
        QVERIFY(third.contains(u"Setting up prosody"_s));
        const QString drawn = QString(third).remove(QRegularExpression(u"\x1b\\[[0-9]*[A-Za-z]"_s));
        for (const QString &line : drawn.split(u'\n'))
            QVERIFY2(line.size() < width, qPrintable(line));

        QCOMPARE(renderer.renderer.clearStatus(), u"\x1b[2F\x1b[J"_s);
        QCOMPARE(renderer.renderer.clearStatus(), QString());
    }

    void waitingJsonSaysWhy()
    {
        EngineEvent boot = EngineEvent::hostWaiting(u"meet-example-org-jvb-1"_s, WaitReason::Boot,
                                                    u"the server does not accept SSH yet"_s);
        boot.elapsedSeconds = 12;
        QCOMPARE(boot.toJson(), (QJsonObject{{u"event"_s, u"host_step"_s},
                                             {u"host"_s, u"meet-example-org-jvb-1"_s},
                                             {u"state"_s, u"waiting"_s},
                                             {u"reason"_s, u"boot"_s},
                                             {u"elapsed_seconds"_s, 12},
                                             {u"message"_s, u"the server does not accept SSH yet"_s}}));
        // A wait inside a step names the step and its position.
        const QJsonObject reconnect
                = EngineEvent::hostWaiting(u"web"_s, WaitReason::Reconnect, u"lost"_s, u"install-packages"_s, 3, 12)
                          .toJson();
        QCOMPARE(reconnect.value(u"reason"_s).toString(), u"reconnect"_s);
        QCOMPARE(reconnect.value(u"step"_s).toString(), u"install-packages"_s);
        QCOMPARE(reconnect.value(u"step_index"_s).toInt(), 3);
        QVERIFY(!reconnect.contains(u"elapsed_seconds"_s));
    }

    void waitingLinesAndTerminal()
    {
        Renderer lines(EventRenderer::Style::Lines);
        EngineEvent boot = EngineEvent::hostWaiting(u"meet-example-org-jvb-1"_s, WaitReason::Boot, u"booting"_s);
        boot.elapsedSeconds = 7;
        const QString line = lines.render(boot);
        QVERIFY2(line.contains(u"meet-example-org-jvb-1: waiting: booting, waited 7 second(s)\n"_s), qPrintable(line));

        Renderer terminal(EventRenderer::Style::Terminal, 120);
        terminal.render(step(u"meet-example-org-jvb-1"_s, u"install-packages"_s, HostState::Succeeded, 4, 9));
        terminal.render(log(u"meet-example-org-jvb-1"_s, {u"Setting up jitsi-videobridge2"_s}));
        const QString block = terminal.render(EngineEvent::hostWaiting(
                u"meet-example-org-jvb-1"_s, WaitReason::WebHost, u"waiting for the web host's install to finish"_s));
        // The wait replaces the last log line on the host's status line; it goes with the next step.
        QVERIFY2(block.contains(u"[4/9] install-packages (waiting: waiting for the web host's install to finish)"_s),
                 qPrintable(block));
        QVERIFY2(!block.contains(u"Setting up"_s), qPrintable(block));
        const QString resumed
                = terminal.render(step(u"meet-example-org-jvb-1"_s, u"configure-jvb"_s, HostState::Started, 5, 9));
        QVERIFY2(!resumed.contains(u"waiting"_s), qPrintable(resumed));
    }

    void resourceStates()
    {
        Renderer lines(EventRenderer::Style::Lines);
        QCOMPARE(lines.render(EngineEvent::resourceChanged(u"server meet-example-org-web"_s, ResourceState::Running)),
                 u"    server meet-example-org-web: running\n"_s);
        QCOMPARE(lines.render(EngineEvent::resourceChanged(u"server meet-example-org-web"_s, ResourceState::Failed)),
                 u"    server meet-example-org-web: failed\n"_s);
        QCOMPARE(EngineEvent::resourceChanged(u"server x"_s, ResourceState::Exists).toJson().value(u"state"_s),
                 QJsonValue(u"exists"_s));
    }

    void dnsCheckRounds()
    {
        DnsCheckProgress round{u"192.0.2.53"_s, 3, 5000, {}};
        round.answers.append(DnsAnswer{DnsRecord{u"meet.example.org"_s, u"A"_s, u"198.51.100.7"_s},
                                       {u"203.0.113.9"_s},
                                       false,
                                       u"meet.example.org resolves to 203.0.113.9, expected 198.51.100.7"_s});
        const EngineEvent event = EngineEvent::dnsCheckRound(round);
        const QJsonObject json = event.toJson();
        QCOMPARE(json.value(u"event"_s).toString(), u"dns_check"_s);
        QCOMPARE(json.value(u"resolver"_s).toString(), u"192.0.2.53"_s);
        QCOMPARE(json.value(u"round"_s).toInt(), 3);
        QCOMPARE(json.value(u"next_try_seconds"_s).toInt(), 5);
        QCOMPARE(json.value(u"answers"_s).toArray().at(0).toObject(),
                 (QJsonObject{{u"name"_s, u"meet.example.org"_s},
                              {u"type"_s, u"A"_s},
                              {u"expected"_s, u"198.51.100.7"_s},
                              {u"addresses"_s, QJsonArray{u"203.0.113.9"_s}},
                              {u"ready"_s, false}}));
        QCOMPARE(json.value(u"message"_s).toString(), round.summary());

        EngineEvent system = event;
        system.dnsCheck->resolver.clear();
        QCOMPARE(system.toJson().value(u"resolver"_s).toString(), u"system"_s);

        // Lines: every round. Terminal: a round only when its answer changed (it repeats for minutes).
        Renderer lines(EventRenderer::Style::Lines);
        const QString line = lines.render(event);
        QVERIFY2(line.contains(u"DNS check via 192.0.2.53: meet.example.org resolves to 203.0.113.9"_s),
                 qPrintable(line));
        QVERIFY2(line.contains(u"next try in 5 second(s)"_s), qPrintable(line));
        QCOMPARE(lines.render(event), line);
        Renderer terminal(EventRenderer::Style::Terminal, 200);
        QVERIFY(terminal.render(event).contains(u"DNS check via"_s));
        QVERIFY(!terminal.render(event).contains(u"DNS check via"_s));
        EngineEvent changed = event;
        changed.dnsCheck->answers.first().description = u"meet.example.org does not resolve yet"_s;
        QVERIFY(terminal.render(changed).contains(u"does not resolve yet"_s));
    }
};

QTEST_GUILESS_MAIN(TestEventRenderer)
#include "tst_eventrenderer.moc"
