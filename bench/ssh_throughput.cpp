// Streamed exec output of SshSession compared with OpenSSH's own client on the same data in the same run.
//
//   ssh_throughput [--runs N] [--mib M]
//
// Starts a private sshd on 127.0.0.1 (tests/support/sshd), writes M MiB of random data as base64 text, then
// alternates, N times each: our `cat FILE` through SshSession (lines delivered to this thread) and
// `ssh -o BatchMode=yes … cat FILE > /dev/null`. Both include connecting and authenticating. Also measures the
// time from starting to connect until the first line of output (`echo ready`) for both.

#include "ssh/sshexec.h"
#include "ssh/sshsession.h"
#include "sshtesttools.h"
#include "testkeys.h"
#include "testsshd.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Measurement
{
    bool ok = false;
    double seconds = 0; // connect + whole output
    double firstOutputMs = 0; // connect start -> first line of output
    qint64 bytes = 0;
};

// Our client: connect, run the command, count what arrives as lines (plus their newlines).
Measurement runOurs(const SshConnectOptions &options, const QString &command)
{
    Measurement m;
    QElapsedTimer clock;
    clock.start();
    SshSession session(options);
    QEventLoop loop;
    std::unique_ptr<SshExec> exec;
    QObject::connect(&session, &SshSession::connectFailed, &loop, [&](const Error &error) {
        std::fprintf(stderr, "connect failed: %s\n", qPrintable(error.toString()));
        loop.quit();
    });
    QObject::connect(&session, &SshSession::connected, &loop, [&] {
        exec.reset(session.exec(command));
        QObject::connect(exec.get(), &SshExec::stdoutLines, &loop, [&](const QStringList &lines) {
            if (m.bytes == 0 && !lines.isEmpty())
                m.firstOutputMs = clock.nsecsElapsed() / 1e6;
            for (const QString &line : lines)
                m.bytes += line.size() + 1; // base64 text: one byte per character
        });
        QObject::connect(exec.get(), &SshExec::finished, &loop, [&](const Result<int> &result) {
            m.ok = result.ok();
            m.seconds = clock.nsecsElapsed() / 1e9;
            loop.quit();
        });
    });
    session.connectToHost();
    loop.exec();
    return m;
}

// OpenSSH: `ssh … command`, output discarded by the kernel (like `> /dev/null`) or read for the first byte.
Measurement runOpenSsh(const QStringList &sshArguments, const QString &command, bool discardOutput)
{
    Measurement m;
    QProcess ssh;
    if (discardOutput)
        ssh.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QObject::connect(&ssh, &QProcess::readyReadStandardOutput, &loop, [&] {
        if (m.firstOutputMs == 0)
            m.firstOutputMs = clock.nsecsElapsed() / 1e6;
        m.bytes += ssh.readAllStandardOutput().size();
    });
    QObject::connect(&ssh, &QProcess::finished, &loop, [&](int exitCode, QProcess::ExitStatus status) {
        m.ok = status == QProcess::NormalExit && exitCode == 0;
        m.seconds = clock.nsecsElapsed() / 1e9;
        loop.quit();
    });
    ssh.start(u"ssh"_s, sshArguments + QStringList{command});
    loop.exec();
    if (!m.ok)
        std::fprintf(stderr, "ssh failed: %s\n", ssh.readAllStandardError().constData());
    return m;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"SshSession exec throughput vs OpenSSH ssh, on a private loopback sshd"_s);
    parser.addHelpOption();
    parser.addOption({u"runs"_s, u"Runs of each client (default 5)."_s, u"n"_s, u"5"_s});
    parser.addOption({u"mib"_s, u"MiB of random data, sent as base64 text (default 50)."_s, u"m"_s, u"50"_s});
    parser.process(app);
    const int runs = qMax(1, parser.value(u"runs"_s).toInt());
    const int mib = qMax(1, parser.value(u"mib"_s).toInt());

    TestSshd sshd;
    QString error;
    if (!sshd.start(&error)) {
        std::fprintf(stderr, "sshd: %s\n", qPrintable(error));
        return 1;
    }
    TestKeys keys;
    const TestKeys::Key key = keys.generate(TestKeys::Type::Ed25519);
    if (!key.isValid() || !sshd.authorize(key.publicLine)) {
        std::fprintf(stderr, "key: %s\n", qPrintable(keys.errorString()));
        return 1;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(u"data.txt"_s);
    const auto made = SshTestTools::run(
            u"sh"_s, {u"-c"_s, u"head -c %1 /dev/urandom | base64 > '%2'"_s.arg(qint64(mib) << 20).arg(file)});
    if (!made.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(made.describe(u"sh"_s)));
        return 1;
    }
    const qint64 size = QFileInfo(file).size();

    SshConnectOptions options;
    options.host = sshd.host();
    options.port = sshd.port();
    options.user = sshd.user();
    options.keyFile = key.privateFile;
    options.pinnedHostKey = sshd.hostPublicKey();
    const QStringList sshArguments = sshd.sshArguments(key.privateFile);
    const QString cat = u"cat '%1'"_s.arg(file);

    QTextStream out(stdout);
    out << "file: " << size << " bytes (" << mib << " MiB random as base64), runs: " << runs << "\n";
    out << "run  ours_s  ours_MB/s  openssh_s  openssh_MB/s  ratio(ours/openssh)\n";
    QList<double> ratios, oursRates, sshRates, oursFirst, sshFirst;
    for (int run = 1; run <= runs; ++run) {
        const Measurement ours = runOurs(options, cat);
        const Measurement theirs = runOpenSsh(sshArguments, cat, true);
        if (!ours.ok || !theirs.ok || ours.bytes != size) {
            std::fprintf(stderr, "run %d failed (ours ok=%d bytes=%lld)\n", run, ours.ok, qlonglong(ours.bytes));
            return 1;
        }
        const double oursRate = size / ours.seconds / 1e6;
        const double sshRate = size / theirs.seconds / 1e6;
        ratios.append(oursRate / sshRate);
        oursRates.append(oursRate);
        sshRates.append(sshRate);
        out << qSetFieldWidth(3) << run << qSetFieldWidth(0) << "  " << QString::number(ours.seconds, 'f', 3) << "  "
            << QString::number(oursRate, 'f', 1) << "  " << QString::number(theirs.seconds, 'f', 3) << "  "
            << QString::number(sshRate, 'f', 1) << "  " << QString::number(oursRate / sshRate, 'f', 2) << "\n";
        out.flush();

        const Measurement oursFirstRun = runOurs(options, u"echo ready"_s);
        const Measurement sshFirstRun = runOpenSsh(sshArguments, u"echo ready"_s, false);
        oursFirst.append(oursFirstRun.firstOutputMs);
        sshFirst.append(sshFirstRun.firstOutputMs);
    }
    out << "median throughput: ours " << QString::number(median(oursRates), 'f', 1) << " MB/s, openssh "
        << QString::number(median(sshRates), 'f', 1) << " MB/s, ratio " << QString::number(median(ratios), 'f', 2)
        << " (min " << QString::number(*std::min_element(ratios.begin(), ratios.end()), 'f', 2) << ", max "
        << QString::number(*std::max_element(ratios.begin(), ratios.end()), 'f', 2) << ")\n";
    out << "median connect-to-first-output: ours " << QString::number(median(oursFirst), 'f', 1) << " ms, openssh "
        << QString::number(median(sshFirst), 'f', 1) << " ms\n";
    return 0;
}
