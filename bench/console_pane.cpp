// Console pane ingest (DESIGN.md §8): 1,000,000 log lines into 11 host tabs of a visible ConsolePane, fed from the
// GUI thread's event loop in batches as the engine delivers them (HostLog), while a 10 ms timer measures how late
// the GUI thread gets. Reports lines/s (from the first batch to the last line queued), the worst timer lateness,
// the time until everything queued was shown, and resident memory before, after and after a second million
// (bounded: each tab keeps ConsolePane::maxBlocksPerTab lines). Rounds 1 and 2 offer lines at a set rate (argument
// 1, default 250,000/s) on a 5 ms timer; round 3 as fast as the event loop takes them. bench/README.md has figures.

#include "ui/consolepane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int tabs = 11;
constexpr int batchLines = 100; // per tab and tick: 1,100 lines a tick
constexpr qint64 totalLines = 1000000;

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Round
{
    double seconds = 0;
    double worstLateMs = 0;
    double drainSeconds = 0;
};

// offeredRate 0: as fast as the event loop takes them; else lines/s, paced on a 5 ms timer as log batches come.
Round feed(ConsolePane &pane, const QStringList &hosts, int round, double offeredRate)
{
    Round result;
    QStringList batch;
    for (int i = 0; i < batchLines; ++i)
        batch << u"round %1 line %2: Setting up jitsi-videobridge2 (2.3-160-g97a1f15d-1) ... unpacking"_s.arg(round)
                         .arg(i);
    QElapsedTimer clock;
    qint64 last = -1;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            result.worstLateMs = qMax(result.worstLateMs, double(now - last) / 1e6 - 10);
        last = now;
    });
    qint64 sent = 0;
    QEventLoop loop;
    QTimer feeder;
    feeder.setInterval(offeredRate > 0 ? 5 : 0);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        const qint64 due = offeredRate > 0 ? qint64(offeredRate * double(clock.nsecsElapsed()) / 1e9) : sent + 1;
        while (sent < due && sent < totalLines) {
            for (const QString &host : hosts)
                pane.appendLines(host, batch);
            sent += qint64(hosts.size()) * batchLines;
        }
        if (sent >= totalLines) {
            result.seconds = double(clock.nsecsElapsed()) / 1e9;
            feeder.stop();
        }
    });
    QTimer drained;
    drained.setInterval(5);
    QObject::connect(&drained, &QTimer::timeout, [&] {
        if (!feeder.isActive() && !pane.hasPending()) {
            result.drainSeconds = double(clock.nsecsElapsed()) / 1e9 - result.seconds;
            loop.quit();
        }
    });
    clock.start();
    probe.start();
    feeder.start();
    drained.start();
    loop.exec();
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ConsolePane pane;
    pane.resize(1000, 500);
    QStringList hosts;
    for (int i = 0; i < tabs; ++i) {
        hosts << (i == 0 ? u"meet-example-org-web"_s : u"meet-example-org-jvb-%1"_s.arg(i));
        pane.addHost(hosts.last());
    }
    pane.show();
    QCoreApplication::processEvents();
    const qint64 before = residentKiB();
    const double rate = argc > 1 ? QByteArray(argv[1]).toDouble() : 250000;
    std::printf("round  offered/s  lines/s  worst-late-ms  drain-s  rss-MiB  blocks/tab\n");
    for (int round = 1; round <= 3; ++round) {
        const double offered = round < 3 ? rate : 0;
        const Round r = feed(pane, hosts, round, offered);
        std::printf("%5d  %9.0f  %7.0f  %13.1f  %7.2f  %7.1f  %d\n", round, offered, double(totalLines) / r.seconds,
                    r.worstLateMs, r.drainSeconds, double(residentKiB()) / 1024,
                    pane.editor(hosts.first())->document()->blockCount());
    }
    std::printf("rss before: %.1f MiB\n", double(before) / 1024);
    return 0;
}
