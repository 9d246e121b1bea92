// Engine benchmark (issue 5, bench/README.md "engine_deploy"): full deployments of 1 web host + N bridges by
// the real DeploymentEngine against the in-process hcloud-sim (realistic action durations, the client's own poll
// and retry policies) and fake hosts with fixed install times. Per deployment it counts the API requests (and
// where they go) and measures the engine's overhead beyond the slowest host, and how late a 10 ms timer on this
// (the GUI) thread fires while the engine runs and its events, host logs included, fold into a ProgressModel as
// the wizard's do (DESIGN.md §8: ≤ 30 ms). Secrets go to the keychain: run it under
// tests/support/with-keyring.sh.
#include "deploy/deploymentengine.h"
#include "deploy/deploymentstore.h"
#include "deploy/discovery.h"
#include "deploy/progressmodel.h"
#include "fakecloud.h"
#include "fakehostagent.h"
#include "hcloud/hetznerclient.h"
#include "hcloudsim.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The simulated world's timing (README "What"); the defaults are the figures' settings.
struct Timing
{
    // Hetzner's create actions take several seconds; the sim has one duration for every action, so server
    // creates (and the start that follows), firewall rules and applies all take this long.
    int actionMs = 5000;
    int bootMs = 3000; // from the engine's first SSH attempt to the host answering
    int stepMs = 500; // every install step: web 9 steps = 4.5 s, bridge 8 steps = 4.0 s
    int dnsTimeoutMs = 2000; // nothing resolves here; the wait runs in parallel with the installs
};

const QString domain = u"meet.example.org"_s;
const QString slug = u"meet-example-org"_s;

DeploymentPlan makePlan(int bridges)
{
    DeploymentPlan plan;
    plan.domain = domain;
    plan.email = u"admin@example.org"_s;
    plan.web = {u"cx33"_s, u"fsn1"_s};
    for (int i = 0; i < bridges; ++i)
        plan.bridges.append({u"cx33"_s, u"fsn1"_s});
    plan.sshPublicKey
            = u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJy8viPk0QD/A9Hof7FGWIt3bVhsF9Ys9zDkAhEOfSzu you@laptop"_s;
    return plan;
}

// "GET /servers/42/actions/7" -> "GET /servers/{id}/actions/{id}": requests grouped by what they do.
QString requestKind(const HcloudSim::Exchange &exchange)
{
    static const QRegularExpression number(u"/\\d+(?=/|$)"_s);
    QString path = exchange.path;
    path.replace(number, u"/{id}"_s);
    return exchange.method + u' ' + path;
}

struct Sample
{
    bool ok = false;
    QString error;
    double wallS = 0;
    double slowestHostS = 0; // max over hosts of (install end - the host's own start)
    double beforeServersS = 0; // deploy() -> first server create requested
    double afterHostsS = 0; // last install end -> finished()
    double webInstallS = 0; // web host: first step -> last step
    double serversToHostsS = 0; // last server running -> the hosts phase (inside the hosts' own time)
    int clientRequests = 0;
    int simExchanges = 0;
    QMap<QString, int> kinds;
    int hostLogEvents = 0;
    QList<qint64> latenessMs; // per tick of the probe: how much later than 10 ms after the previous one
    QList<QPair<qint64, qint64>> overBudget;
    // Requests of the operations that follow on the deployed world (--then-manage): `status --health` (Discovery, then
    // the engine's health read), `add-bridge 1`, `destroy` (with the DNS records it created); -1 = not run.
    int statusHealthRequests = -1;
    int addBridgeRequests = -1;
    int destroyRequests = -1; // (time since deploy() in ms, delay in ms) of each tick over 30 ms
};

// The event loop's responsiveness as the GUI would feel it: a 10 ms timer on this thread, each tick's delay.
class LoopProbe
{
public:
    static constexpr qint64 budgetMs = 30;

    LoopProbe(QList<qint64> *lateness, QList<QPair<qint64, qint64>> *overBudget, const QElapsedTimer *since)
        : m_lateness(lateness)
        , m_overBudget(overBudget)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this, since] {
            const qint64 late = qMax<qint64>(0, m_clock.restart() - 10);
            m_lateness->append(late);
            if (late > budgetMs)
                m_overBudget->append({since->elapsed() - late, late}); // when the stall began
        });
        m_clock.start();
        m_timer.start();
    }

private:
    QList<qint64> *m_lateness;
    QList<QPair<qint64, qint64>> *m_overBudget;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values.at(std::min(values.size() - 1, qsizetype(p / 100.0 * double(values.size())))));
}

double worst(const QList<qint64> &values)
{
    return values.isEmpty() ? 0 : double(*std::max_element(values.cbegin(), values.cend()));
}

class Bench : public QObject
{
public:
    Bench(const Timing &timing, bool timeline)
        : m_timing(timing)
        , m_timeline(timeline)
    { }

    Sample deployOnce(int bridges)
    {
        Sample sample;
        QTemporaryDir dir;
        HcloudSim sim;
        if (!sim.listen()) {
            sample.error = u"hcloud-sim could not listen"_s;
            return sample;
        }
        sim.setActionDurationMs(m_timing.actionMs);
        if (m_thenManage)
            sim.seedZone(
                    u"example.org"_s); // the domain's zone in the project: deploy creates records, destroy deletes them
        QNetworkAccessManager network;
        hcloud::HetznerClient client(&network); // default RetryPolicy; the engine's PollPolicy, as the CLI sets them
        client.setPollPolicy(DeploymentEngine::pollPolicy());
        client.setEndpoint(sim.endpoint());
        client.setToken(HcloudSim::defaultToken());
        FakeCloud cloud;
        cloud.setStepDurationMs(m_timing.stepMs);
        cloud.setAutoBootMs(m_timing.bootMs);
        FakeHostAgentFactory factory(&cloud);

        EngineSettings settings;
        settings.hosts = &factory;
        settings.storeDirectory = dir.filePath(u"store"_s);
        settings.dnsNameserver = QHostAddress::LocalHost; // nothing answers there: DNS stays "not ready"
        settings.dnsTimeoutMs = m_timing.dnsTimeoutMs;

        DeploymentEngine engine(&client, settings);
        QElapsedTimer clock;
        if (m_timeline) {
            connect(&sim, &HcloudSim::exchangeRecorded, this, [&] {
                const HcloudSim::Exchange last = sim.exchanges().constLast();
                std::printf("  %7.2f   api %d %s %s\n", clock.elapsed() / 1000.0, last.status, qPrintable(last.method),
                            qPrintable(last.path + (last.query.isEmpty() ? QString() : u'?' + last.query)));
            });
        }
        ProgressModel progress; // what the wizard's Deploy page renders, fed every event as it is
        QHash<QString, qint64> hostStart, stepFirst, stepLast;
        qint64 firstCreate = -1, lastRunning = 0, hostsPhase = 0;
        connect(&engine, &DeploymentEngine::event, this, [&](const EngineEvent &e) {
            const qint64 now = clock.elapsed();
            progress.apply(e);
            if (e.kind == EngineEvent::Kind::HostLog)
                ++sample.hostLogEvents;
            if (m_timeline && e.kind != EngineEvent::Kind::HostLog)
                std::printf(
                        "  %7.2f %s\n", now / 1000.0,
                        qPrintable(
                                QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)).left(160)));
            if (e.kind == EngineEvent::Kind::Resource && e.resource.startsWith(u"server "_s) && !e.host.isEmpty()
                && !hostStart.contains(e.host)) {
                hostStart.insert(e.host, now);
                if (firstCreate < 0)
                    firstCreate = now;
            }
            if (e.kind == EngineEvent::Kind::Resource && e.resourceState == ResourceState::Running)
                lastRunning = now;
            // A host's first step, not its wait for boot or the web host.
            if (e.kind == EngineEvent::Kind::HostStep && e.hostState != HostState::Waiting) {
                if (!stepFirst.contains(e.host))
                    stepFirst.insert(e.host, now);
                if (e.hostState == HostState::Succeeded || e.hostState == HostState::Skipped)
                    stepLast.insert(e.host, now);
            }
            // As in tst_engine: the sim's private addresses reach the fake hosts, so bridges find the web host.
            if (e.kind == EngineEvent::Kind::Phase && e.phase == Phase::Hosts) {
                hostsPhase = now;
                cloud.setPrivateAddresses(sim.state(u"servers"_s));
            }
        });
        QEventLoop loop;
        auto deployFinished = std::make_unique<QObject>(); // the deploy's end only, not the operations that follow
        connect(&engine, &DeploymentEngine::finished, deployFinished.get(), [&](const Result<EngineOutcome> &result) {
            sample.wallS = clock.elapsed() / 1000.0;
            sample.ok = result.ok();
            if (!result.ok())
                sample.error = result.error().toString();
            loop.quit();
        });
        QTimer::singleShot(10 * 60 * 1000, &loop, [&] {
            sample.error = u"the deployment did not finish within 10 minutes"_s;
            loop.quit();
        });
        clock.start();
        {
            const LoopProbe probe(&sample.latenessMs, &sample.overBudget, &clock);
            engine.deploy(makePlan(bridges));
            loop.exec();
        }
        deployFinished.reset();

        qint64 lastEnd = 0;
        for (auto it = stepLast.cbegin(); it != stepLast.cend(); ++it) {
            lastEnd = std::max(lastEnd, it.value());
            sample.slowestHostS = std::max(sample.slowestHostS, (it.value() - hostStart.value(it.key())) / 1000.0);
        }
        if (sample.ok && stepLast.size() != bridges + 1) {
            sample.ok = false;
            sample.error = u"only %1 hosts reported their install"_s.arg(stepLast.size());
        }
        sample.beforeServersS = firstCreate / 1000.0;
        sample.afterHostsS = sample.wallS - lastEnd / 1000.0;
        sample.serversToHostsS = (hostsPhase - lastRunning) / 1000.0;
        const QString web = slug + u"-web"_s;
        sample.webInstallS = (stepLast.value(web) - stepFirst.value(web)) / 1000.0;
        sample.clientRequests = client.requestCount();
        const auto exchanges = sim.exchanges();
        sample.simExchanges = int(exchanges.size());
        for (const auto &exchange : exchanges)
            ++sample.kinds[requestKind(exchange)];

        if (sample.ok && m_thenManage)
            manage(engine, client, sample);

        // The next deployment starts without stored secrets, like a new one.
        bool removed = false;
        DeploymentSecretStore().remove(slug, this, [&](Result<void> done) {
            if (!done.ok())
                std::fprintf(stderr, "removing the secrets failed: %s\n", qPrintable(done.error().toString()));
            removed = true;
        });
        while (!removed)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return sample;
    }

    void setThenManage(bool on) { m_thenManage = on; }

private:
    // Runs one engine operation to its end; its error, if any, goes to the sample.
    bool runOperation(DeploymentEngine &engine, const std::function<void()> &start, Sample &sample)
    {
        QEventLoop loop;
        bool ok = false;
        QObject context;
        connect(&engine, &DeploymentEngine::finished, &context, [&](const Result<EngineOutcome> &result) {
            ok = result.ok();
            if (!result.ok())
                sample.error = result.error().toString();
            loop.quit();
        });
        QTimer::singleShot(10 * 60 * 1000, &loop, [&] {
            sample.error = u"the operation did not finish within 10 minutes"_s;
            loop.quit();
        });
        start();
        loop.exec();
        return ok;
    }

    // The requests a person coming back makes: status --health, add one bridge, destroy. Counted from the client.
    void manage(DeploymentEngine &engine, hcloud::HetznerClient &client, Sample &sample)
    {
        int before = client.requestCount();
        bool listed = false;
        Discovery discovery(&client);
        discovery.discover(this, [&listed](Result<Inventory>) { listed = true; });
        while (!listed)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (!runOperation(
                    engine, [&] { engine.readHealth(slug); }, sample))
            return void(sample.ok = false);
        sample.statusHealthRequests = client.requestCount() - before;
        before = client.requestCount();
        if (!runOperation(
                    engine, [&] { engine.addBridges(slug, 1, {}); }, sample))
            return void(sample.ok = false);
        sample.addBridgeRequests = client.requestCount() - before;
        before = client.requestCount();
        if (!runOperation(
                    engine, [&] { engine.destroy(slug); }, sample))
            return void(sample.ok = false);
        sample.destroyRequests = client.requestCount() - before;
    }

    Timing m_timing;
    bool m_thenManage = false;
    bool m_timeline = false; // print every event and API request with its time
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// "median (min–max)" of one figure over the runs.
QString figure(const QList<Sample> &samples, const std::function<double(const Sample &)> &of, int decimals = 2)
{
    QList<double> values;
    for (const Sample &s : samples)
        values.append(of(s));
    const auto [lo, hi] = std::minmax_element(values.cbegin(), values.cend());
    return u"%1 (%2–%3)"_s.arg(median(values), 0, 'f', decimals).arg(*lo, 0, 'f', decimals).arg(*hi, 0, 'f', decimals);
}

// Engine overhead beyond the slowest host (README): what the engine adds to the longest host's own timeline.
double overhead(const Sample &s)
{
    return s.wallS - s.slowestHostS;
}

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Deploys 1 web host + N bridges against hcloud-sim and fake hosts."_s);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"Deployments per size (default 3)."_s, u"n"_s, u"3"_s);
    const QCommandLineOption sizesOption(u"bridges"_s, u"Bridge counts (default 1,4,10)."_s, u"list"_s, u"1,4,10"_s);
    const QCommandLineOption timelineOption(u"timeline"_s,
                                            u"Print every engine event and API request with its time."_s);
    Timing timing;
    const QCommandLineOption actionOption(u"action-ms"_s, u"Duration of every cloud action (default 5000)."_s, u"ms"_s,
                                          QString::number(timing.actionMs));
    const QCommandLineOption bootOption(u"boot-ms"_s, u"Boot time of a host (default 3000)."_s, u"ms"_s,
                                        QString::number(timing.bootMs));
    const QCommandLineOption stepOption(u"step-ms"_s, u"Duration of every install step (default 500)."_s, u"ms"_s,
                                        QString::number(timing.stepMs));
    const QCommandLineOption manageOption(
            u"then-manage"_s,
            u"After each deployment: status --health, add-bridge 1 and destroy, counting requests."_s);
    parser.addOptions({runsOption, sizesOption, timelineOption, actionOption, bootOption, stepOption, manageOption});
    parser.process(app);
    timing.actionMs = parser.value(actionOption).toInt();
    timing.bootMs = parser.value(bootOption).toInt();
    timing.stepMs = parser.value(stepOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QList<int> sizes;
    for (const QString &size : parser.value(sizesOption).split(u','))
        sizes.append(std::max(1, size.toInt()));

    print(u"action %1 ms, boot %2 ms, install step %3 ms, DNS timeout %4 ms, %5 runs per size"_s.arg(timing.actionMs)
                  .arg(timing.bootMs)
                  .arg(timing.stepMs)
                  .arg(timing.dnsTimeoutMs)
                  .arg(runs));
    Bench bench(timing, parser.isSet(timelineOption));
    bench.setThenManage(parser.isSet(manageOption));
    QMap<int, QList<Sample>> results;
    bool failed = false;
    for (int bridges : std::as_const(sizes)) {
        for (int run = 1; run <= runs; ++run) {
            const Sample s = bench.deployOnce(bridges);
            if (!s.ok) {
                print(u"1+%1 run %2: FAILED: %3"_s.arg(bridges).arg(run).arg(s.error));
                failed = true;
                continue;
            }
            print(u"1+%1 run %2: wall %3 s, slowest host %4 s, overhead %5 s (before servers %6 s, after hosts %7 s), "
                  "requests %8 (sim %9), loop delay max %10 ms p99 %11 ms (%12 ticks, %13 log events)"_s.arg(bridges)
                          .arg(run)
                          .arg(s.wallS, 0, 'f', 2)
                          .arg(s.slowestHostS, 0, 'f', 2)
                          .arg(overhead(s), 0, 'f', 2)
                          .arg(s.beforeServersS, 0, 'f', 2)
                          .arg(s.afterHostsS, 0, 'f', 2)
                          .arg(s.clientRequests)
                          .arg(s.simExchanges)
                          .arg(worst(s.latenessMs))
                          .arg(percentile(s.latenessMs, 99))
                          .arg(s.latenessMs.size())
                          .arg(s.hostLogEvents));
            if (s.statusHealthRequests >= 0)
                print(u"  then: status --health %1 requests, add-bridge 1 %2, destroy %3"_s.arg(s.statusHealthRequests)
                              .arg(s.addBridgeRequests)
                              .arg(s.destroyRequests));
            for (const auto &[at, late] : std::as_const(s.overBudget))
                print(u"  tick %1 ms late, from %2 s"_s.arg(late).arg(at / 1000.0, 0, 'f', 2));
            results[bridges].append(s);
        }
    }

    print(u"\nmedian (min–max) over the runs; times in seconds\n"_s);
    print(u"| hosts | wall | slowest host | overhead | before servers | after hosts | servers → installs | web install | requests | sim exchanges | loop delay max ms | loop delay p99 ms |"_s);
    print(u"|---|---|---|---|---|---|---|---|---|---|---|---|"_s);
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        print(u"| 1+%1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12 |"_s.arg(it.key())
                      .arg(figure(it.value(), [](const Sample &s) { return s.wallS; }))
                      .arg(figure(it.value(), [](const Sample &s) { return s.slowestHostS; }))
                      .arg(figure(it.value(), overhead))
                      .arg(figure(it.value(), [](const Sample &s) { return s.beforeServersS; }))
                      .arg(figure(it.value(), [](const Sample &s) { return s.afterHostsS; }))
                      .arg(figure(it.value(), [](const Sample &s) { return s.serversToHostsS; }))
                      .arg(figure(it.value(), [](const Sample &s) { return s.webInstallS; }))
                      .arg(figure(
                              it.value(), [](const Sample &s) { return double(s.clientRequests); }, 0))
                      .arg(figure(
                              it.value(), [](const Sample &s) { return double(s.simExchanges); }, 0))
                      .arg(figure(
                              it.value(), [](const Sample &s) { return worst(s.latenessMs); }, 0))
                      .arg(figure(
                              it.value(), [](const Sample &s) { return percentile(s.latenessMs, 99); }, 0)));
    }

    // Where the requests go: per kind, the median over the runs of each size.
    QStringList kinds;
    for (const QList<Sample> &samples : std::as_const(results)) {
        for (const Sample &s : samples)
            kinds += s.kinds.keys();
    }
    kinds.removeDuplicates();
    kinds.sort();
    QString header = u"\n| request |"_s, rule = u"|---|"_s;
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        header += u" 1+%1 |"_s.arg(it.key());
        rule += u"---|"_s;
    }
    print(header);
    print(rule);
    for (const QString &kind : std::as_const(kinds)) {
        QString row = u"| "_s + kind + u" |"_s;
        for (const QList<Sample> &samples : std::as_const(results)) {
            QList<double> counts;
            for (const Sample &s : samples)
                counts.append(s.kinds.value(kind));
            row += u" %1 |"_s.arg(median(counts));
        }
        print(row);
    }

    if (results.contains(1) && !results.value(1).isEmpty()) {
        print(QString());
        QList<double> one;
        for (const Sample &s : results.value(1))
            one.append(s.wallS);
        for (auto it = results.cbegin(); it != results.cend(); ++it) {
            if (it.key() == 1)
                continue;
            QList<double> wall;
            for (const Sample &s : it.value())
                wall.append(s.wallS);
            print(u"T(%1)/T(1) = %2 (medians)"_s.arg(it.key()).arg(median(wall) / median(one), 0, 'f', 2));
        }
    }
    return failed ? 1 : 0;
}
