// The wizard's start and memory (issue 13, bench/README.md): the real jitsi-deployer binary started cold until its
// first page is shown (JITSI_DEPLOYER_STARTUP_PROBE, app/main.cpp), with its resident memory then; and the resident
// memory of a WizardShell after a 1 + 10 deploy against hcloud-sim and fake hosts with every console tab full.
#include "../tests/gui/deploysandbox.h"
#include "ui/consolepane.h"
#include "ui/deploycontroller.h"
#include "ui/hosttablemodel.h"
#include "ui/wizardshell.h"
#include "wizard_pages/deploypage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <cstdio>

namespace {

long rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

// Starts the binary until it says its first page is shown; false when it did not.
bool coldStart(const QString &binary, double *ms, QByteArray *probe)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("JITSI_DEPLOYER_STARTUP_PROBE"), QStringLiteral("1"));
    env.remove(QStringLiteral("HCLOUD_TOKEN"));
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(binary, {});
    QByteArray out;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable()) {
        process.waitForReadyRead(50);
        out += process.readAllStandardOutput();
        if (out.contains("startup-probe")) {
            *ms = clock.nsecsElapsed() / 1e6;
            break;
        }
    }
    process.waitForFinished(10000);
    *probe = out.trimmed();
    return out.contains("shown=1");
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int runs = args.contains(QStringLiteral("--runs"))
                             ? args.value(args.indexOf(QStringLiteral("--runs")) + 1).toInt()
                             : 5;
    const QString binary = QStringLiteral(DEPLOYER_APP_BINARY);

    std::printf("cold start of %s to its first page (%s platform)\n", qPrintable(binary),
                qPrintable(QGuiApplication::platformName()));
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        double ms = -1;
        QByteArray probe;
        if (!coldStart(binary, &ms, &probe)) {
            std::printf("run %d: no first page (%s)\n", run + 1, probe.constData());
            return 1;
        }
        times << ms;
        std::printf("run %d: %.0f ms, %s\n", run + 1, ms, probe.constData());
    }
    std::sort(times.begin(), times.end());
    std::printf("median %.0f ms (budget 300 ms)\n", times.at(times.size() / 2));

    // 1 + 10 deployed through the Deploy page, then every console tab filled to its bound.
    for (int run = 0; run < runs; ++run) {
        DeploySandbox sandbox;
        if (!sandbox.start())
            return 1;
        const long before = rssKb();
        {
            WizardShell wizard(sandbox.environment(200));
            sandbox.prepare(*wizard.state(), 10);
            wizard.setStartId(WizardShell::DeployPageId);
            wizard.resize(1000, 760);
            wizard.show();
            DeployController *controller = wizard.deployController();
            QElapsedTimer clock;
            clock.start();
            while (controller->status() != DeployController::Status::Succeeded
                   && controller->status() != DeployController::Status::Failed && clock.elapsed() < 300000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            if (controller->status() != DeployController::Status::Succeeded) {
                std::printf("deploy failed: %s\n", qPrintable(controller->lastError().toString()));
                return 1;
            }
            const double deployS = clock.elapsed() / 1000.0;
            ConsolePane *console = wizard.deployPage()->console();
            const QString line = QStringLiteral("Setting up jitsi-videobridge2 (2.3-149-g793df3ac-1) ... a typical "
                                                "line of an apt/dpkg install log");
            for (int host = 0; host < wizard.deployPage()->hostModel()->rowCount(); ++host) {
                const QString name = wizard.deployPage()->hostModel()->hostAt(host);
                for (int batch = 0; batch < 2 * ConsolePane::maxBlocksPerTab / 500; ++batch)
                    console->appendLines(name, QStringList(500, line));
            }
            console->flushAll();
            QCoreApplication::processEvents();
            std::printf("run %d: 1 + 10 deployed in %.1f s; RSS before %ld MB, after with full consoles %ld MB "
                        "(budget 150 MB)\n",
                        run + 1, deployS, before / 1024, rssKb() / 1024);
        }
    }
    return 0;
}
