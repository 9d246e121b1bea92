#include "cli/cliapplication.h"
#include "common/logging.h"
#include "ui/translations.h"
#include "ui/wizardshell.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <memory>

namespace {
void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("jitsi-deployer"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("jitsi-deployer.org"));
    QCoreApplication::setApplicationName(QStringLiteral("jitsi-deployer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPLOYER_VERSION));
}

// Subcommands never create a QGuiApplication, so they run on machines without any display.
int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setApplicationIdentity();
    installRedactingMessageHandler();
    installTranslations(app);
    CliApplication cli;
    QObject::connect(&cli, &CliApplication::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    cli.start(QCoreApplication::arguments());
    return app.exec();
}

// Without a display Qt would abort with "could not connect to display"; say what to do instead.
bool displayMissing()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return false;
#endif
}

void reportStartupAndQuit(const QWidget &window)
{
    QFile status(QStringLiteral("/proc/self/status"));
    QByteArray rss = "unknown";
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                rss = line.mid(6).trimmed();
        }
    }
    std::printf("startup-probe shown=%d rss=%s\n", window.isVisible(), rss.constData());
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

int runWizard(int argc, char *argv[])
{
    if (displayMissing()) {
        std::fputs("jitsi-deployer: no display found, so the wizard cannot open. Run it in a desktop session (or "
                   "under xvfb-run), or use a headless command: jitsi-deployer --help\n",
                   stderr);
        return 1;
    }
    QApplication app(argc, argv);
    setApplicationIdentity();
    // Lets desktops match the window to the installed launcher and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.jitsi_deployer.JitsiDeployer"));
    installRedactingMessageHandler();
    installTranslations(app);
    WizardShell wizard;
    wizard.show();
    // JITSI_DEPLOYER_STARTUP_PROBE=1 (bench/gui_startup): once the first page is shown, print the resident memory
    // and quit, so a cold start can be timed from outside.
    QTimer probe;
    if (qEnvironmentVariableIsSet("JITSI_DEPLOYER_STARTUP_PROBE")) {
        QObject::connect(&probe, &QTimer::timeout, &app, [&wizard] {
            if (wizard.windowHandle() && wizard.windowHandle()->isExposed())
                reportStartupAndQuit(wizard);
        });
        probe.start(1);
    }
    return app.exec();
}
} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return CliApplication::isHeadless(arguments) ? runHeadless(argc, argv) : runWizard(argc, argv);
}
