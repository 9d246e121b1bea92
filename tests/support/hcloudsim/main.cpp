// hcloud-sim: the simulator as a standalone process, for manual runs and end-to-end tests.
//   hcloud-sim --port N [--address 127.0.0.1] [--action-ms N] [--token T] [--readonly-token T] [--zone NAME]
//              [--testbed [--testbed-services DIR] [--testbed-artefacts DIR] [--testbed-script FILE]]
// Prints the endpoint URL on one line once listening; runs until SIGTERM/SIGINT. With --testbed (root only),
// every server it starts becomes a sandboxed host (tests/testbed/README.md), torn down when it exits.

#include "hcloudsim.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"hcloud-sim"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Local Hetzner Cloud API simulator"_s);
    parser.addHelpOption();
    parser.addOption({u"port"_s, u"TCP port (0 = any free port)."_s, u"N"_s, u"0"_s});
    parser.addOption({u"address"_s, u"Address to listen on."_s, u"ADDRESS"_s, u"127.0.0.1"_s});
    parser.addOption({u"action-ms"_s, u"How long actions run."_s, u"N"_s, u"1000"_s});
    parser.addOption({u"token"_s, u"Accepted read-write token (replaces the default sim-token)."_s, u"T"_s});
    parser.addOption({u"readonly-token"_s, u"Accepted read-only token."_s, u"T"_s});
    parser.addOption({u"zone"_s, u"A primary DNS zone the project starts with (repeatable)."_s, u"NAME"_s});
    parser.addOption({u"testbed"_s, u"Boot a sandboxed testbed host for every server (needs root)."_s});
    parser.addOption({u"testbed-services"_s, u"The testbed services' state (tests/testbed/services.sh)."_s, u"DIR"_s});
    parser.addOption({u"testbed-artefacts"_s, u"Keep each deleted host's logs here."_s, u"DIR"_s});
    parser.addOption({u"testbed-script"_s, u"The testbed's host.sh."_s, u"FILE"_s,
                      QStringLiteral(DEPLOYER_SOURCE_DIR "/tests/testbed/host.sh")});
    parser.process(app);

    HcloudSim sim;
    sim.setActionDurationMs(parser.value(u"action-ms"_s).toInt());
    const QStringList tokens = parser.values(u"token"_s);
    if (!tokens.isEmpty())
        sim.clearTokens();
    for (const QString &token : tokens)
        sim.addToken(token);
    const QStringList readOnly = parser.values(u"readonly-token"_s);
    for (const QString &token : readOnly)
        sim.addToken(token, true);

    const QStringList zones = parser.values(u"zone"_s);
    for (const QString &zone : zones)
        sim.seedZone(zone);
    if (parser.isSet(u"testbed"_s)) {
        const QString state = qEnvironmentVariable("JD_TESTBED_STATE", u"/var/lib/jitsi-deployer-testbed"_s);
        sim.enableTestbed({QDir(parser.value(u"testbed-script"_s)).absolutePath(), parser.value(u"testbed-services"_s),
                           parser.value(u"testbed-artefacts"_s), state + u"/hcloud-sim"_s});
    }

    const QHostAddress address(parser.value(u"address"_s));
    if (address.isNull() || !sim.listen(address, quint16(parser.value(u"port"_s).toUInt()))) {
        QTextStream(stderr) << "hcloud-sim: cannot listen on " << parser.value(u"address"_s) << ':'
                            << parser.value(u"port"_s) << '\n';
        return 1;
    }

    // Signals are turned into a socket write so the quit happens in the event loop, not in the handler.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return 1;
    QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    QTextStream(stdout) << sim.endpoint().toString() << Qt::endl;
    return app.exec();
}
