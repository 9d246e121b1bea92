// The core's progress model: engine events folded into per-host and per-run progress, which the CLI and the
// wizard both read; and the one table of the states' JSON names.
#include "deploy/enginestates.h"
#include "deploy/progressmodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString web = u"meet-example-org-web"_s;
const QString bridge = u"meet-example-org-jvb-1"_s;

EngineEvent step(const QString &host, const QString &name, HostState state, int index, int count)
{
    return EngineEvent::hostStep(host, name, state, index, count);
}

EngineEvent log(const QString &host, const QStringList &lines)
{
    EngineEvent event;
    event.kind = EngineEvent::Kind::HostLog;
    event.host = host;
    event.lines = lines;
    return event;
}

template<typename Enum, std::size_t N>
void checkRoundTrip(const std::array<Enum, N> &values)
{
    QSet<QString> names;
    for (Enum value : values) {
        const QString name = toJsonName(value);
        QVERIFY2(!name.isEmpty(), "an enum value without a JSON name");
        QVERIFY2(!names.contains(name), qPrintable(u"two values named "_s + name));
        names.insert(name);
        QCOMPARE(fromJsonName<Enum>(name), std::optional<Enum>(value));
    }
    QCOMPARE(fromJsonName<Enum>(u"no-such-state"_s), std::optional<Enum>());
    QCOMPARE(fromJsonName<Enum>(QString()), std::optional<Enum>());
}
} // namespace

class TestProgressModel : public QObject
{
    Q_OBJECT

private:
    // A clock the test moves: start and end times are checked exactly.
    QDateTime m_now = QDateTime(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);

    void attachClock(ProgressModel &model)
    {
        model.setClock([this] { return m_now; });
    }

private Q_SLOTS:
    void jsonNamesRoundTrip()
    {
        checkRoundTrip(allPhases);
        checkRoundTrip(allHostStates);
        checkRoundTrip(allResourceStates);
        checkRoundTrip(allDnsPublications);
        checkRoundTrip(allWaitReasons);
    }

    void jsonNamesAreTheDocumentedOnes()
    {
        // docs/cli.md names these; a renamed value would break every --json reader.
        QCOMPARE(toJsonName(Phase::Certificate), u"certificate"_s);
        QCOMPARE(toJsonName(HostState::Waiting), u"waiting"_s);
        QCOMPARE(toJsonName(HostState::Succeeded), u"succeeded"_s);
        QCOMPARE(toJsonName(ResourceState::Exists), u"exists"_s);
        QCOMPARE(toJsonName(ResourceState::Running), u"running"_s);
        QCOMPARE(toJsonName(DnsPublication::Manual), u"manual"_s);
        QCOMPARE(toJsonName(WaitReason::WebHost), u"web_host"_s);
        QCOMPARE(toJsonName(WaitReason::HostKeyRotation), u"host_key_rotation"_s);
    }

    void phaseIsTracked()
    {
        ProgressModel model;
        QSignalSpy phases(&model, &ProgressModel::phaseChanged);
        QCOMPARE(model.phase(), std::optional<Phase>());
        model.apply(EngineEvent::phaseChanged(Phase::Resources, u"Creating…"_s));
        QCOMPARE(model.phase(), std::optional<Phase>(Phase::Resources));
        QVERIFY(!model.isComplete());
        model.apply(EngineEvent::phaseChanged(Phase::Done, {}));
        QVERIFY(model.isComplete());
        QCOMPARE(phases.size(), 2);
        QCOMPARE(phases.at(1).at(0).value<Phase>(), Phase::Done);
    }

    void waitingThenStartedThenFailed()
    {
        ProgressModel model;
        attachClock(model);
        QSignalSpy changed(&model, &ProgressModel::hostChanged);

        EngineEvent boot = EngineEvent::hostWaiting(bridge, WaitReason::Boot, u"not accepting SSH yet"_s);
        boot.elapsedSeconds = 4;
        model.apply(boot);
        HostProgress host = model.host(bridge);
        QCOMPARE(host.host, bridge);
        QCOMPARE(host.state, std::optional<HostState>(HostState::Waiting));
        QCOMPARE(host.waitingFor, std::optional<WaitReason>(WaitReason::Boot));
        QCOMPARE(host.waitingReason, u"not accepting SSH yet"_s);
        QCOMPARE(host.waitedSeconds, 4);
        QCOMPARE(host.started, m_now);
        QVERIFY(host.finished.isNull());
        QCOMPARE(host.stepCount, 0);

        const QDateTime began = m_now;
        m_now = m_now.addSecs(30);
        model.apply(step(bridge, u"wait-cloud-init"_s, HostState::Started, 1, 9));
        host = model.host(bridge);
        QCOMPARE(host.state, std::optional<HostState>(HostState::Started));
        QCOMPARE(host.waitingFor, std::optional<WaitReason>());
        QVERIFY(host.waitingReason.isEmpty());
        QCOMPARE(host.waitedSeconds, -1);
        QCOMPARE(host.step, u"wait-cloud-init"_s);
        QCOMPARE(host.stepIndex, 1);
        QCOMPARE(host.stepCount, 9);
        QCOMPARE(host.started, began); // the first event, not the first step

        model.apply(step(bridge, u"wait-cloud-init"_s, HostState::Succeeded, 1, 9));
        model.apply(step(bridge, u"install-packages"_s, HostState::Started, 2, 9));
        m_now = m_now.addSecs(60);
        EngineEvent failed = step(bridge, u"install-packages"_s, HostState::Failed, 2, 9);
        failed.message = u"apt-get failed"_s;
        model.apply(failed);
        host = model.host(bridge);
        QCOMPARE(host.state, std::optional<HostState>(HostState::Failed));
        QCOMPARE(host.failedStep, u"install-packages"_s);
        QCOMPARE(host.failureMessage, u"apt-get failed"_s);
        QCOMPARE(host.stepsDone, 1);
        QCOMPARE(host.finished, m_now);
        QVERIFY(model.failedStep());
        QCOMPARE(model.failedStep()->host, bridge);
        QCOMPARE(model.failedStep()->step, u"install-packages"_s);
        QCOMPARE(model.failedStep()->message, u"apt-get failed"_s);
        QCOMPARE(changed.size(), 5);
        QCOMPARE(changed.at(0).at(0).toString(), bridge);
    }

    void waitInsideAStepKeepsItsProgress()
    {
        // A reconnect interrupts step 5 of 9: the steps done stay, and the resume goes on from there.
        ProgressModel model;
        model.apply(step(web, u"prosody"_s, HostState::Succeeded, 4, 9));
        model.apply(step(web, u"jicofo"_s, HostState::Started, 5, 9));
        model.apply(EngineEvent::hostWaiting(web, WaitReason::Reconnect, u"connection lost"_s, u"jicofo"_s, 5, 9));
        HostProgress host = model.host(web);
        QCOMPARE(host.state, std::optional<HostState>(HostState::Waiting));
        QCOMPARE(host.stepsDone, 4);
        QCOMPARE(host.step, u"jicofo"_s);
        QCOMPARE(host.stepIndex, 5);
        QCOMPARE(model.progress(), 4.0 / 9.0);
        model.apply(step(web, u"jicofo"_s, HostState::Started, 5, 9));
        host = model.host(web);
        QCOMPARE(host.state, std::optional<HostState>(HostState::Started));
        QCOMPARE(host.waitingFor, std::optional<WaitReason>());
        QCOMPARE(host.stepsDone, 4);

        // A wait between tasks (no step) leaves the step where it was, too.
        model.apply(step(web, u"jicofo"_s, HostState::Succeeded, 5, 9));
        model.apply(EngineEvent::hostWaiting(web, WaitReason::WebHost, u"waiting for the web host"_s));
        host = model.host(web);
        QCOMPARE(host.step, u"jicofo"_s);
        QCOMPARE(host.stepIndex, 5);
        QCOMPARE(host.stepCount, 9);
        QCOMPARE(host.stepsDone, 5);
    }

    void resumedRunSkipsDoneSteps()
    {
        // A resumed run: the steps done before come as skipped and count as done; the task's end is its end.
        ProgressModel model;
        attachClock(model);
        for (int i = 1; i <= 3; ++i)
            model.apply(step(web, u"s%1"_s.arg(i), HostState::Skipped, i, 4));
        QCOMPARE(model.host(web).stepsDone, 3);
        QVERIFY(model.host(web).finished.isNull());
        model.apply(step(web, u"s4"_s, HostState::Started, 4, 4));
        m_now = m_now.addSecs(5);
        model.apply(step(web, u"s4"_s, HostState::Succeeded, 4, 4));
        QCOMPARE(model.host(web).stepsDone, 4);
        QCOMPARE(model.host(web).finished, m_now);
        QCOMPARE(model.progress(), 1.0);
        QVERIFY(!model.failedStep());

        // The next task on the same host (another step count) starts from zero and runs again.
        model.apply(step(web, u"certificate"_s, HostState::Started, 1, 2));
        QCOMPARE(model.host(web).stepsDone, 0);
        QVERIFY(model.host(web).finished.isNull());
    }

    void progressIsTheMeanOverHosts()
    {
        ProgressModel model;
        QCOMPARE(model.progress(), 0.0);
        model.apply(step(u"web"_s, u"a"_s, HostState::Succeeded, 6, 12));
        model.apply(step(u"jvb-1"_s, u"a"_s, HostState::Started, 1, 10));
        QCOMPARE(model.progress(), 0.25);
        model.apply(step(u"jvb-1"_s, u"a"_s, HostState::Skipped, 10, 10));
        QCOMPARE(model.progress(), 0.75);
        // A new task on the web host (other step count) starts its share from zero.
        model.apply(step(u"web"_s, u"firewall"_s, HostState::Started, 1, 2));
        QCOMPARE(model.progress(), 0.5);
        model.apply(EngineEvent::phaseChanged(Phase::Done, {}));
        QCOMPARE(model.progress(), 1.0);
    }

    void unknownHosts()
    {
        ProgressModel model;
        QSignalSpy changed(&model, &ProgressModel::hostChanged);
        // Never seen: a default value, not a crash, and no host appears by asking.
        QVERIFY(!model.hasHost(u"nobody"_s));
        QVERIFY(model.host(u"nobody"_s).host.isEmpty());
        QCOMPARE(model.host(u"nobody"_s).state, std::optional<HostState>());
        QVERIFY(model.lastLogLines(u"nobody"_s).isEmpty());
        QVERIFY(model.hosts().isEmpty());
        // Events without a host change nothing; a host first seen in its log is added in order.
        model.apply(step(QString(), u"a"_s, HostState::Started, 1, 2));
        model.apply(log(QString(), {u"x"_s}));
        QVERIFY(model.hosts().isEmpty());
        QCOMPARE(changed.size(), 0);
        model.apply(log(bridge, {u"first line"_s, u"  "_s}));
        model.apply(step(web, u"a"_s, HostState::Started, 1, 2));
        QCOMPARE(model.hosts(), (QStringList{bridge, web}));
        QCOMPARE(model.host(bridge).state, std::optional<HostState>());
        QCOMPARE(model.host(bridge).lastLine, u"first line"_s);
        // The resource and warning events belong to no host.
        model.apply(EngineEvent::resourceChanged(u"server x"_s, ResourceState::Created, u"x"_s));
        model.apply(EngineEvent::warning(u"w"_s));
        QCOMPARE(model.hosts(), (QStringList{bridge, web}));
    }

    void recentLogLinesAreBounded()
    {
        ProgressModel model;
        QStringList lines;
        for (int i = 0; i < 20; ++i)
            lines << u"line %1"_s.arg(i);
        model.apply(log(web, lines));
        QCOMPARE(model.lastLogLines(web), lines.mid(12));
        QCOMPARE(model.host(web).lastLine, u"line 19"_s);
    }

    void dnsCheckUntilTheRunMovesOn()
    {
        ProgressModel model;
        QSignalSpy changed(&model, &ProgressModel::dnsCheckChanged);
        DnsCheckProgress round{{}, 2, 5000, {}};
        round.answers.append(DnsAnswer{DnsRecord{u"meet.example.org"_s, u"A"_s, u"198.51.100.7"_s},
                                       {},
                                       false,
                                       u"meet.example.org does not resolve yet"_s});
        EngineEvent event;
        event.kind = EngineEvent::Kind::DnsCheck;
        event.dnsCheck = round;
        model.apply(event);
        QVERIFY(model.dnsCheck());
        QCOMPARE(model.dnsCheck()->round, 2);
        // The hosts install while DNS is checked, and the run may wait for DNS after them: still current.
        model.apply(EngineEvent::phaseChanged(Phase::Hosts, {}));
        model.apply(EngineEvent::phaseChanged(Phase::Dns, {}));
        QVERIFY(model.dnsCheck());
        model.apply(EngineEvent::phaseChanged(Phase::Certificate, {}));
        QVERIFY(!model.dnsCheck());
        QCOMPARE(changed.size(), 2);
    }

    void resetForTheNextOperation()
    {
        ProgressModel model;
        model.apply(EngineEvent::phaseChanged(Phase::Hosts, {}));
        model.apply(step(web, u"a"_s, HostState::Failed, 1, 2));
        model.reset();
        QCOMPARE(model.phase(), std::optional<Phase>());
        QVERIFY(model.hosts().isEmpty());
        QVERIFY(!model.failedStep());
    }
};

QTEST_GUILESS_MAIN(TestProgressModel)
#include "tst_progressmodel.moc"
