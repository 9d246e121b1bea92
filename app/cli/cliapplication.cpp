#include "cliapplication.h"

#include "clioutput.h"
#include "common/inputvalidation.h"
#include "common/logging.h"
#include "deploy/deploymentplan.h"
#include "deploy/dryrunwriter.h"
#include "hcloud/hetznerclient.h"
#include "hcloudcommands.h"
#include "plancommand.h"
#include "statuscommand.h"
#include "tokenresolver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
const QStringList hcloudSubcommands{u"check-token"_s, u"server-types"_s, u"locations"_s, u"images"_s};

QString usage()
{
    return QCoreApplication::translate(
                   "CliApplication",
                   "Usage: jitsi-deployer [command] [options]\n"
                   "\n"
                   "Without a command the wizard opens. Commands run headless:\n"
                   "  hcloud check-token                        check the API token (HCLOUD_TOKEN or the keychain)\n"
                   "  hcloud server-types [--location L]        server types orderable in L, with prices\n"
                   "  hcloud locations                          the project's locations\n"
                   "  hcloud images [--architecture x86|arm]    orderable system images\n"
                   "\n"
                   "Options:\n"
                   "  --api-endpoint URL   Hetzner Cloud API endpoint (default: HCLOUD_ENDPOINT, else %1)\n"
                   "  --json               print machine-readable JSON (documented in docs/cli.md)\n"
                   "  -h, --help           show this help\n"
                   "  -v, --version        show the version\n"
                   "\n"
                   "The token is read from HCLOUD_TOKEN, else from the system keychain (saved by the wizard).\n"
                   "Exit codes: 0 success, 1 failed, 2 bad input, 3 token rejected, 4 API unreachable.")
                   .arg(QLatin1String(hcloud::defaultEndpoint))
           // A separate message, so the translated text above stays valid while this one awaits translation.
           + u"\n\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "Dry run (reads the API, creates nothing):\n"
                   "  plan --plan-file F --output-dir DIR       check the plan file (docs/plan-format.md) against the\n"
                   "                                            API and write each server's user-data and install\n"
                   "                                            files, secrets as placeholders, and a summary with\n"
                   "                                            the monthly cost; DIR must be new or empty")
           + u"\n\n"_s
           + QCoreApplication::translate(
                   "CliApplication",
                   "Deployments (found by their labels in the project):\n"
                   "  status [--deployment D]                   each deployment's web host, bridges, network,\n"
                   "                                            firewalls and problems; D is a slug or a domain;\n"
                   "                                            exit 1 when D is not in the project");
}
} // namespace

bool CliApplication::isHeadless(const QStringList &arguments)
{
    // Any argument means "headless" (a subcommand, --help, --version, or a mistake better reported on the
    // terminal than in a window), except Qt's own GUI options such as `-platform offscreen`.
    static const QStringList guiOptions{u"-platform"_s,        u"-style"_s,        u"-display"_s, u"-geometry"_s,
                                        u"-qwindowgeometry"_s, u"-qwindowtitle"_s, u"-reverse"_s, u"-plugin"_s};
    return arguments.size() > 1 && !guiOptions.contains(arguments.at(1));
}

CliApplication::CliApplication(QObject *parent)
    : QObject(parent)
    , m_output(new CliOutput)
    , m_network(new QNetworkAccessManager(this))
{ }

CliApplication::~CliApplication()
{
    delete m_output;
}

void CliApplication::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    // Queued so `finished` never fires inside start(), whatever path the command took.
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

void CliApplication::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption(QStringList{u"h"_s, u"help"_s});
    const QCommandLineOption versionOption(QStringList{u"v"_s, u"version"_s});
    const QCommandLineOption jsonOption(u"json"_s);
    const QCommandLineOption endpointOption(u"api-endpoint"_s, {}, u"url"_s);
    const QCommandLineOption locationOption(u"location"_s, {}, u"location"_s);
    const QCommandLineOption architectureOption(u"architecture"_s, {}, u"architecture"_s);
    const QCommandLineOption planFileOption(u"plan-file"_s, {}, u"file"_s);
    const QCommandLineOption outputDirOption(u"output-dir"_s, {}, u"directory"_s);
    const QCommandLineOption deploymentOption(u"deployment"_s, {}, u"deployment"_s);
    parser.addOptions({helpOption, versionOption, jsonOption, endpointOption, locationOption, architectureOption,
                       planFileOption, outputDirOption, deploymentOption});

    if (!parser.parse(arguments)) {
        m_output->error(parser.errorText() + u"\n\n"_s + usage());
        return finish(UsageError);
    }
    if (parser.isSet(helpOption)) {
        m_output->line(usage());
        return finish(Success);
    }
    if (parser.isSet(versionOption)) {
        m_output->line(u"jitsi-deployer "_s + QCoreApplication::applicationVersion());
        return finish(Success);
    }

    const QStringList words = parser.positionalArguments();
    const bool isPlan = words == QStringList{u"plan"_s};
    const bool isStatus = words == QStringList{u"status"_s};
    if (!isPlan && !isStatus
        && (words.size() != 2 || words[0] != u"hcloud"_s || !hcloudSubcommands.contains(words[1]))) {
        m_output->error(tr("Unknown command \"%1\".").arg(words.join(u' ')) + u"\n\n"_s + usage());
        return finish(UsageError);
    }
    const QString command = isPlan || isStatus ? words[0] : words[1];
    if ((parser.isSet(locationOption) && command != u"server-types"_s)
        || (parser.isSet(architectureOption) && command != u"images"_s)
        || ((parser.isSet(planFileOption) || parser.isSet(outputDirOption)) && !isPlan)
        || (parser.isSet(deploymentOption) && !isStatus)) {
        // The hcloud message is the one already translated; "plan" has its own.
        const QString message = isPlan     ? tr("That option does not belong to \"plan\".")
                                : isStatus ? tr("That option does not belong to \"status\".")
                                           : tr("That option does not belong to \"hcloud %1\".").arg(command);
        m_output->error(message + u"\n\n"_s + usage());
        return finish(UsageError);
    }

    // The plan and the output directory are checked before the token is even read: bad input sends nothing.
    DeploymentPlan plan;
    const QString outputDir = parser.value(outputDirOption);
    if (isPlan) {
        if (!parser.isSet(planFileOption) || !parser.isSet(outputDirOption)) {
            m_output->error(tr("\"plan\" needs --plan-file and --output-dir.") + u"\n\n"_s + usage());
            return finish(UsageError);
        }
        // With --json, stdout still gets its one JSON value; `field` names the plan's bad field, if any.
        auto refuse = [this, &parser, &jsonOption](const Error &error, const QString &message) {
            if (parser.isSet(jsonOption))
                m_output->json(QJsonObject{
                        {u"error"_s,
                         QJsonObject{{u"code"_s, error.code}, {u"message"_s, message}, {u"field"_s, error.detail}}}});
            m_output->error(message);
            finish(UsageError);
        };
        QFile file(parser.value(planFileOption));
        if (!file.open(QIODevice::ReadOnly))
            return refuse(Error{u"input"_s, u"plan_unreadable"_s, {}, {}, {}, 0},
                          tr("Cannot read the plan file %1: %2.").arg(file.fileName(), file.errorString()));
        const auto loaded = DeploymentPlan::fromJsonText(file.readAll());
        if (!loaded)
            return refuse(loaded.error(),
                          tr("The plan file %1 is not usable: %2").arg(file.fileName(), loaded.error().message));
        plan = loaded.value();
        if (const auto checked = DryRunWriter::checkDirectory(outputDir); !checked)
            return refuse(checked.error(), checked.error().message);
    }

    QString architecture;
    if (parser.isSet(architectureOption)) {
        const auto checked = InputValidation::architecture(parser.value(architectureOption));
        if (!checked) {
            m_output->error(checked.error());
            return finish(UsageError);
        }
        architecture = checked.value();
    }
    const QString deployment = parser.value(deploymentOption).trimmed();
    if (parser.isSet(deploymentOption) && deployment.isEmpty()) {
        m_output->error(tr("--deployment needs a deployment's slug or domain; run \"status\" to list them."));
        return finish(UsageError);
    }
    const QString location = parser.value(locationOption).trimmed();
    if (parser.isSet(locationOption) && location.isEmpty()) {
        m_output->error(tr("--location needs a location name such as fsn1; see \"hcloud locations\"."));
        return finish(UsageError);
    }

    const QString endpointText
            = parser.isSet(endpointOption) ? parser.value(endpointOption) : qEnvironmentVariable("HCLOUD_ENDPOINT");
    QUrl endpoint(QString::fromLatin1(hcloud::defaultEndpoint));
    if (!endpointText.isEmpty()) {
        const auto checked = InputValidation::endpoint(endpointText);
        if (!checked) {
            m_output->error(checked.error());
            return finish(UsageError);
        }
        endpoint = checked.value();
    }

    const bool json = parser.isSet(jsonOption);
    auto *resolver = new TokenResolver(this);
    resolver->resolve(this, [this, resolver, endpoint, command, location, architecture, json, isPlan, isStatus, plan,
                             outputDir, deployment](Result<QString> token) {
        resolver->deleteLater();
        if (!token) {
            m_output->error(token.error());
            return finish(HcloudCommands::exitCodeFor(token.error()));
        }
        auto *client = new hcloud::HetznerClient(m_network, this);
        client->setEndpoint(endpoint);
        client->setToken(token.value());
        connect(client, &hcloud::HetznerClient::waitingForRateLimit, this, [this](const QDateTime &until) {
            m_output->error(tr("The Hetzner API rate limit is used up; waiting until %1 before continuing.")
                                    .arg(until.toLocalTime().toString(u"HH:mm:ss"_s)));
        });
        auto done = [this](int exitCode) {
            finish(exitCode);
        };
        if (isPlan)
            return (new PlanCommand(client, m_output, json, this))->run(plan, outputDir, done);
        if (isStatus)
            return (new StatusCommand(client, m_output, json, this))->run(deployment, done);
        auto *commands = new HcloudCommands(client, m_output, json, this);
        if (command == u"check-token"_s)
            commands->checkToken(done);
        else if (command == u"server-types"_s)
            commands->serverTypes(location, done);
        else if (command == u"locations"_s)
            commands->locations(done);
        else
            commands->images(architecture, done);
    });
}
