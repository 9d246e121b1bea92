#include "cliapplication.h"

#include "cli/accountoptions.h"
#include "cli/cliadvice.h"
#include "cli/cliusage.h"

#include "clioutput.h"
#include "common/inputvalidation.h"
#include "common/logging.h"
#include "common/redactor.h"
#include "deploy/dryrunwriter.h"
#include "deploy/hostagent.h"
#include "deploy/sshhostagent.h"
#include "enginecommands.h"
#include "hcloud/hetznerclient.h"
#include "hcloudcommands.h"
#include "hostkeyprompt.h"
#include "interruptwatcher.h"
#include "model/deploymentplan.h"
#include "plancommand.h"
#include "secrets/secretstore.h"
#include "ssh/passphrasebroker.h"
#include "ssh/passphraserequest.h"
#include "statuscommand.h"
#include "terminal.h"
#include "tokenresolver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
const QStringList hcloudSubcommands{u"check-token"_s, u"server-types"_s, u"locations"_s, u"images"_s};

Error usageError(const QString &code, const QString &message)
{
    return Error{u"input"_s, code, message, {}, {}, 0};
}

bool isEngineCommand(const QString &word)
{
    static const QStringList commands{u"deploy"_s,  u"verify"_s, u"add-bridge"_s,   u"remove-bridge"_s,
                                      u"destroy"_s, u"update"_s, u"test-meeting"_s, u"account"_s};
    return commands.contains(word);
}

// The engine commands' own options, checked before anything is read from the secret store or sent.
Result<EngineCommand::Request> engineRequest(const QCommandLineParser &parser, const QStringList &words,
                                             const QCommandLineOption &countOption,
                                             const QCommandLineOption &typeOption,
                                             const QCommandLineOption &identityOption,
                                             const QCommandLineOption &yesOption, const QCommandLineOption &forceOption)
{
    using Operation = EngineCommand::Operation;
    EngineCommand::Request request;
    const QString &command = words[0];
    request.operation = command == u"deploy"_s          ? Operation::Deploy
                        : command == u"verify"_s        ? Operation::Verify
                        : command == u"add-bridge"_s    ? Operation::AddBridges
                        : command == u"remove-bridge"_s ? Operation::RemoveBridge
                        : command == u"update"_s        ? Operation::Update
                        : command == u"test-meeting"_s  ? Operation::TestMeeting
                        : command == u"account"_s       ? Operation::Account
                                                        : Operation::Destroy;
    if (parser.isSet(countOption)) {
        bool ok = false;
        request.count = parser.value(countOption).trimmed().toInt(&ok);
        if (!ok || request.count < 1 || request.count > DeploymentPlan::maxBridges)
            return usageError(
                    u"count_invalid"_s,
                    QCoreApplication::translate("CliApplication", "--count needs a whole number from 1 to %1.")
                            .arg(DeploymentPlan::maxBridges));
    }
    if (parser.isSet(typeOption)) {
        request.spec.serverType = parser.value(typeOption).trimmed();
        if (request.spec.serverType.isEmpty())
            return usageError(u"type_invalid"_s,
                              QCoreApplication::translate("CliApplication",
                                                          "--type needs a server type such as cx33; see \"hcloud "
                                                          "server-types\"."));
    }
    if (parser.isSet(identityOption)) {
        const QFileInfo key(parser.value(identityOption));
        if (!key.isFile() || !key.isReadable())
            return usageError(u"identity_unreadable"_s,
                              QCoreApplication::translate("CliApplication",
                                                          "Cannot read the SSH private key %1 given to --identity.")
                                      .arg(key.filePath()));
        if (key.fileName().endsWith(u".pub"_s))
            return usageError(u"identity_public"_s,
                              QCoreApplication::translate("CliApplication",
                                                          "%1 is a public key; --identity needs the private key "
                                                          "(the same name without .pub).")
                                      .arg(key.filePath()));
    }
    if (request.operation == Operation::RemoveBridge) {
        static const QRegularExpression serverName(u"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"_s);
        request.bridge = words.value(1).trimmed();
        if (!serverName.match(request.bridge).hasMatch())
            return usageError(u"bridge_invalid"_s,
                              QCoreApplication::translate("CliApplication",
                                                          "\"%1\" is not a bridge's server name; \"status\" lists "
                                                          "them (e.g. meet-example-org-jvb-2).")
                                      .arg(request.bridge));
    }
    request.confirmed = parser.isSet(yesOption);
    request.force = parser.isSet(forceOption);
    if (request.operation == Operation::Update && !request.confirmed && !Terminal::stdinIsTerminal())
        return usageError(u"not_confirmed"_s,
                          QCoreApplication::translate("CliApplication",
                                                      "\"update\" restarts the web host's services, which interrupts "
                                                      "running meetings, and asks first; there is no terminal to ask "
                                                      "on. Pass --yes to confirm. Nothing was changed."));
    // The confirmation is typed on the terminal; without one (a script, CI) only --yes can confirm.
    if (request.operation == Operation::Destroy && !request.confirmed && !Terminal::stdinIsTerminal())
        return usageError(u"not_confirmed"_s,
                          QCoreApplication::translate("CliApplication",
                                                      "\"destroy\" asks you to type the domain to confirm, but "
                                                      "there is no terminal to ask on. Pass --yes to confirm. "
                                                      "Nothing was deleted."));
    return request;
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

void CliApplication::setHostAgentFactory(HostAgentFactory *factory)
{
    m_hostAgentFactory = factory;
}

void CliApplication::setEngineSettings(const EngineSettings &settings)
{
    m_engineSettings = settings;
}

HostAgentFactory *CliApplication::hostAgentFactory(const QString &identityFile)
{
    if (m_hostAgentFactory)
        return m_hostAgentFactory;
    SshHostAgent::Options options;
    if (!identityFile.isEmpty()) {
        options.connect.keyFile = QFileInfo(identityFile).absoluteFilePath();
        // Every host's session may ask; the user types the passphrase once, at a prompt that does not stop the
        // event loop, and sessions asking meanwhile wait for the same answer (PassphraseBroker).
        auto *broker = new PassphraseBroker(this);
        connect(broker, &PassphraseBroker::passphraseNeeded, this, [this, broker](const QString &keyFile) {
            auto *prompt = new SecretPrompt(this);
            prompt->ask(QCoreApplication::translate("CliApplication", "Passphrase for %1: ").arg(keyFile),
                        [broker, prompt](const QString &value) {
                            prompt->deleteLater();
                            broker->provide(value);
                        });
        });
        options.connect.passphraseHandler = [broker](PassphraseRequest *request) {
            broker->handle(request);
        };
    }
    m_ownHostAgentFactory = std::make_unique<SshHostAgentFactory>(options);
    return m_ownHostAgentFactory.get();
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
    const QCommandLineOption countOption(u"count"_s, {}, u"count"_s);
    const QCommandLineOption typeOption(u"type"_s, {}, u"type"_s);
    const QCommandLineOption identityOption(u"identity"_s, {}, u"file"_s);
    const QCommandLineOption yesOption(u"yes"_s);
    const QCommandLineOption forceOption(u"force"_s);
    const QCommandLineOption dnsServerOption(u"dns-server"_s, {}, u"address"_s);
    const QCommandLineOption secretStoreOption(u"secret-store"_s, {}, u"store"_s);
    const QCommandLineOption hostKeyOption(u"host-key"_s, {}, u"fingerprint"_s);
    const QCommandLineOption healthOption(u"health"_s);
    const QCommandLineOption everyBridgeOption(u"every-bridge"_s);
    const QCommandLineOption passwordStdinOption(u"password-stdin"_s);
    parser.addOptions({helpOption,         versionOption,  jsonOption,      endpointOption,    locationOption,
                       architectureOption, planFileOption, outputDirOption, deploymentOption,  countOption,
                       typeOption,         identityOption, yesOption,       dnsServerOption,   secretStoreOption,
                       hostKeyOption,      forceOption,    healthOption,    everyBridgeOption, passwordStdinOption});

    if (!parser.parse(arguments)) {
        m_output->error(parser.errorText() + u"\n\n"_s + cliUsage());
        return finish(UsageError);
    }
    if (parser.isSet(helpOption)) {
        m_output->line(cliUsage());
        return finish(Success);
    }
    if (parser.isSet(versionOption)) {
        m_output->line(u"jitsi-deployer "_s + QCoreApplication::applicationVersion());
        return finish(Success);
    }

    const QStringList words = parser.positionalArguments();
    const bool isPlan = words == QStringList{u"plan"_s};
    const bool isStatus = words == QStringList{u"status"_s};
    // remove-bridge takes the bridge's name; the other engine commands take no word.
    const bool isEngine
            = !words.isEmpty() && isEngineCommand(words[0]) && words.size() == AccountOptions::engineWordCount(words);
    if (!isPlan && !isStatus && !isEngine
        && (words.size() != 2 || words[0] != u"hcloud"_s || !hcloudSubcommands.contains(words[1]))) {
        if (!words.isEmpty() && words[0] == u"account"_s)
            m_output->error(tr("\"account\" needs list, add USER or remove USER, e.g. account add alice.") + u"\n\n"_s
                            + cliUsage());
        else if (words.size() == 1 && words[0] == u"remove-bridge"_s)
            m_output->error(tr("\"remove-bridge\" needs the bridge's server name, e.g. remove-bridge "
                               "meet-example-org-jvb-2; \"status\" lists them.")
                            + u"\n\n"_s + cliUsage());
        else
            m_output->error(tr("Unknown command \"%1\".").arg(words.join(u' ')) + u"\n\n"_s + cliUsage());
        return finish(UsageError);
    }
    const QString command = isPlan || isStatus || isEngine ? words[0] : words[1];

    // Chosen explicitly or not at all: a machine without a keychain gets the file store only when asked for.
    const Result<SecretStore> selectedStore = SecretStore::select(
            parser.isSet(secretStoreOption) ? std::optional<QString>(parser.value(secretStoreOption)) : std::nullopt);
    if (!selectedStore) {
        m_output->error(selectedStore.error().message);
        return finish(UsageError);
    }
    const SecretStore secretStore = selectedStore.value();

    // Which command each option belongs to; anything else is a mistake worth stopping for.
    const QList<std::pair<const QCommandLineOption *, QStringList>> optionOwners{
            {&locationOption, {u"server-types"_s, u"add-bridge"_s}},
            {&architectureOption, {u"images"_s}},
            {&planFileOption, {u"plan"_s, u"deploy"_s}},
            {&outputDirOption, {u"plan"_s}},
            {&deploymentOption,
             {u"status"_s, u"verify"_s, u"add-bridge"_s, u"remove-bridge"_s, u"destroy"_s, u"update"_s,
              u"test-meeting"_s, u"account"_s}},
            {&countOption, {u"add-bridge"_s}},
            {&typeOption, {u"add-bridge"_s}},
            {&identityOption,
             {u"deploy"_s, u"verify"_s, u"add-bridge"_s, u"remove-bridge"_s, u"update"_s, u"status"_s,
              u"test-meeting"_s, u"account"_s}},
            {&passwordStdinOption, {u"account"_s}},
            {&healthOption, {u"status"_s}},
            {&yesOption, {u"destroy"_s, u"update"_s}},
            {&forceOption, {u"remove-bridge"_s, u"update"_s}},
            {&dnsServerOption, {u"deploy"_s}},
            {&everyBridgeOption, {u"test-meeting"_s}},
    };
    for (const auto &[option, owners] : optionOwners) {
        if (!parser.isSet(*option) || owners.contains(command))
            continue;
        // The hcloud, plan and status messages are the ones already translated.
        const QString message
                = isPlan     ? tr("That option does not belong to \"plan\".")
                  : isStatus ? tr("That option does not belong to \"status\".")
                  : isEngine ? tr("The option --%1 does not belong to \"%2\".").arg(option->names().first(), command)
                             : tr("That option does not belong to \"hcloud %1\".").arg(command);
        m_output->error(message + u"\n\n"_s + cliUsage());
        return finish(UsageError);
    }

    // The plan and the output directory are checked before the token is even read: bad input sends nothing.
    DeploymentPlan plan;
    const QString outputDir = parser.value(outputDirOption);
    if (isPlan || command == u"deploy"_s) {
        if (isPlan && (!parser.isSet(planFileOption) || !parser.isSet(outputDirOption))) {
            m_output->error(tr("\"plan\" needs --plan-file and --output-dir.") + u"\n\n"_s + cliUsage());
            return finish(UsageError);
        }
        if (!isPlan && !parser.isSet(planFileOption)) {
            m_output->error(tr("\"deploy\" needs --plan-file F: the plan to deploy (docs/plan-format.md).") + u"\n\n"_s
                            + cliUsage());
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
        if (isPlan) {
            if (const auto checked = DryRunWriter::checkDirectory(outputDir); !checked)
                return refuse(checked.error(), checked.error().message);
        }
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

    EngineCommand::Request request;
    if (isEngine) {
        const auto parsed
                = engineRequest(parser, words, countOption, typeOption, identityOption, yesOption, forceOption);
        if (!parsed) {
            m_output->error(parsed.error().message);
            return finish(UsageError);
        }
        request = parsed.value();
        request.everyBridge = parser.isSet(everyBridgeOption);
        if (command == u"account"_s) {
            if (auto account = AccountOptions::parse(words, parser.isSet(passwordStdinOption), request);
                !account.ok()) {
                m_output->error(account.error().message);
                return finish(UsageError);
            }
        }
    }
    // Which resolver judges "the records resolve": the system's by default, one the user names to check before
    // the change has spread (or the testbed's DNS).
    QHostAddress dnsServer;
    if (parser.isSet(dnsServerOption)) {
        const QString text = parser.value(dnsServerOption).trimmed();
        if (!dnsServer.setAddress(text) || text.contains(u'/')) {
            m_output->error(tr("--dns-server needs the IP address of a DNS server, such as 192.0.2.53; \"%1\" is "
                               "not one.")
                                    .arg(text));
            return finish(UsageError);
        }
    }
    request.plan = plan;
    request.deployment = deployment;
    request.spec.location = location;

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
    HostAgentFactory *hosts = nullptr;
    if (isEngine) {
        // destroy only talks to the API; the others reach the servers over SSH and need a key.
        if (command != u"destroy"_s && !m_hostAgentFactory && !parser.isSet(identityOption)
            && qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            m_output->error(tr("No SSH key to reach the servers: pass --identity FILE (the private key whose public "
                               "half the plan names), or add the key to a running ssh-agent (ssh-add)."));
            return finish(UsageError);
        }
        hosts = hostAgentFactory(parser.value(identityOption));
    }
    const auto hostKeyFingerprints = HostKeyPrompt::parseOptions(parser.values(hostKeyOption));
    if (!hostKeyFingerprints.ok()) {
        m_output->error(hostKeyFingerprints.error().message);
        return finish(UsageError);
    }
    HostKeyPrompt *hostKeyPrompt = isEngine ? new HostKeyPrompt(m_output, this) : nullptr;
    const bool health = isStatus && parser.isSet(healthOption);
    if (health) {
        if (!m_hostAgentFactory && !parser.isSet(identityOption) && qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            m_output->error(tr("status --health reads the servers over SSH and needs a key: pass --identity FILE, or "
                               "add the key to a running ssh-agent (ssh-add)."));
            return finish(UsageError);
        }
        hosts = hostAgentFactory(parser.value(identityOption));
    }
    if (isEngine) {
        // Ctrl-C from here on stops at a safe point instead of killing the process halfway through a request.
        auto *interrupts = new InterruptWatcher(this);
        connect(interrupts, &InterruptWatcher::interrupted, this, [this] {
            if (m_engineCommand)
                m_engineCommand->cancel();
            else
                finish(Cancelled);
        });
    }

    auto refuseRun = [this, isEngine, json, command](const Error &error) {
        const int exitCode = HcloudCommands::exitCodeFor(error);
        // The engine commands' JSON stream always ends with a finished event.
        if (isEngine && json)
            m_output->json(QJsonObject{{u"event"_s, u"finished"_s},
                                       {u"operation"_s, command},
                                       {u"ok"_s, false},
                                       {u"exit_code"_s, exitCode},
                                       {u"error"_s, QJsonObject{{u"code"_s, error.code},
                                                                {u"message"_s, CliAdvice::message(error)},
                                                                {u"correlation_id"_s, error.correlationId}}}});
        m_output->error(error);
        finish(exitCode);
    };
    if (isEngine) {
        // The run's first line: where its passwords are kept (stderr with --json, which owns stdout). Whether that
        // store can be used is checked by EngineCommand before anything changes.
        const QString where = tr("Secrets: %1.").arg(secretStore.description());
        if (json)
            m_output->note(where);
        else
            m_output->line(where);
    }

    auto *resolver = new TokenResolver(secretStore, this);
    resolver->resolve(this, [this, resolver, endpoint, command, location, architecture, json, isPlan, isStatus,
                             isEngine, plan, outputDir, deployment, request, hosts, dnsServer, secretStore, refuseRun,
                             hostKeyPrompt, hostKeyFingerprints, health](Result<QString> token) {
        resolver->deleteLater();
        if (m_finished)
            return;
        if (!token)
            return refuseRun(token.error());
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
        if (isStatus) {
            auto *status = new StatusCommand(client, m_output, json, this);
            status->setSecretStore(secretStore);
            status->setLogDirectory(m_engineSettings.logDirectory);
            if (health) {
                EngineSettings settings = m_engineSettings;
                settings.hosts = hosts;
                settings.secrets = secretStore;
                client->setPollPolicy(DeploymentEngine::pollPolicy());
                status->setHealthReading(settings);
            }
            return status->run(deployment, done);
        }
        if (isEngine) {
            EngineSettings settings = m_engineSettings;
            settings.hosts = hosts;
            settings.secrets = secretStore;
            settings.hostKeyFingerprints = hostKeyFingerprints.value();
            settings.hostKeyBroker = hostKeyPrompt ? hostKeyPrompt->broker() : nullptr;
            if (!dnsServer.isNull())
                settings.dnsNameserver = dnsServer;
            if (request.force) // the user's choice made beforehand for every bridge not confirmed drained
                settings.drainChoice = DrainChoice::Proceed;
            client->setPollPolicy(DeploymentEngine::pollPolicy());
            const auto style = json                           ? EventRenderer::Style::Json
                               : Terminal::stdoutIsTerminal() ? EventRenderer::Style::Terminal
                                                              : EventRenderer::Style::Lines;
            m_engineCommand = new EngineCommand(client, m_output, settings, style, this);
            return m_engineCommand->run(request, done);
        }
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
