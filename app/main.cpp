#include "cli/cliapplication.h"
#include "common/logging.h"
#include "ui/translations.h"
#include "ui/wizardshell.h"

#include <QApplication>
#include <QCoreApplication>

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
