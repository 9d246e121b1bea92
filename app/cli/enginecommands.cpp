#include "enginecommands.h"
#include "cli/cliadvice.h"

#include "cliapplication.h"
#include "clioutput.h"
#include "common/redactor.h"
#include "deploy/deploymentdnsrecords.h"
#include "deploy/deploymentengine.h"
#include "hcloudcommands.h"
#include "terminal.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void writeTo(FILE *stream, const QString &text)
{
    if (text.isEmpty())
        return;
    const QByteArray bytes = Redactor::instance().redact(text).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Diagnostics after the "error:" line, indented, on stderr like the error itself.
void note(const QString &text)
{
    writeTo(stderr, text + u'\n');
}
} // namespace

EngineCommand::EngineCommand(hcloud::HetznerClient *client, CliOutput *output, const EngineSettings &settings,
                             EventRenderer::Style style, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_output(output)
    , m_settings(settings)
    , m_renderer(&m_progress, style, Terminal::stdoutColumns())
{ }

EngineCommand::~EngineCommand() = default;

QString EngineCommand::operationName(Operation operation)
{
    switch (operation) {
    case Operation::Deploy:
        return u"deploy"_s;
    case Operation::Verify:
        return u"verify"_s;
    case Operation::AddBridges:
        return u"add-bridge"_s;
    case Operation::RemoveBridge:
        return u"remove-bridge"_s;
    case Operation::Destroy:
        return u"destroy"_s;
    case Operation::Update:
        return u"update"_s;
    case Operation::TestMeeting:
        return u"test-meeting"_s;
    case Operation::Account:
        return u"account"_s;
    }
    return {};
}

void EngineCommand::run(const Request &request, Done done)
{
    m_request = request;
    m_done = std::move(done);
    if (request.operation == Operation::Deploy) {
        m_slug = request.plan.slug();
        return startEngine();
    }
    resolveDeployment();
}

void EngineCommand::cancel()
{
    if (m_completed)
        return;
    if (m_request.operation == Operation::TestMeeting && m_engine && m_engine->isRunning() && !m_cancelled) {
        m_cancelled = true;
        note(tr("Ending the meeting test; the bridges it drained go back into service. Press Ctrl-C again to "
                "stop at once."));
        m_engine->endMeetingTest();
        return;
    }
    m_cancelled = true;
    if (m_engine && m_engine->isRunning()) {
        writeTo(stdout, m_renderer.clearStatus());
        note(tr("Stopping at the next safe point; press Ctrl-C again to quit at once."));
        m_engine->cancel();
        return;
    }
    if (!m_engine)
        refuse(u"cancelled"_s, tr("Stopped before anything was changed."), CliApplication::Cancelled);
}

void EngineCommand::write(const QString &text)
{
    writeTo(stdout, text);
}

void EngineCommand::complete(int exitCode)
{
    if (m_completed)
        return;
    m_completed = true;
    if (m_done)
        m_done(exitCode);
}

void EngineCommand::refuse(const QString &code, const QString &message, int exitCode, const QStringList &deployments)
{
    if (m_renderer.style() == EventRenderer::Style::Json) {
        QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
        if (!deployments.isEmpty())
            error.insert(u"deployments"_s, QJsonArray::fromStringList(deployments));
        m_output->json(QJsonObject{{u"event"_s, u"finished"_s},
                                   {u"operation"_s, operationName(m_request.operation)},
                                   {u"ok"_s, false},
                                   {u"exit_code"_s, exitCode},
                                   {u"error"_s, error}});
    }
    m_output->error(message);
    complete(exitCode);
}

void EngineCommand::resolveDeployment()
{
    auto *discovery = new Discovery(m_client, this);
    discovery->discover(this, [this, discovery](Result<Inventory> inventory) {
        discovery->deleteLater();
        if (m_completed)
            return;
        if (!inventory)
            return fail(inventory.error(), {}, HcloudCommands::exitCodeFor(inventory.error()));
        QStringList slugs;
        for (const DiscoveredDeployment &deployment : inventory->deployments)
            slugs << deployment.slug;

        const DiscoveredDeployment *found = nullptr;
        if (!m_request.deployment.isEmpty()) {
            found = inventory->find(m_request.deployment);
            if (!found) {
                const QString message
                        = slugs.isEmpty()
                                  ? tr("There is no deployment \"%1\": this project has no deployments.")
                                            .arg(m_request.deployment)
                                  : tr("There is no deployment \"%1\" in this project. It has: %2. Pass one of these "
                                       "(or its domain) to --deployment.")
                                            .arg(m_request.deployment, slugs.join(u", "_s));
                return refuse(u"deployment_not_found"_s, message, CliApplication::UsageError, slugs);
            }
        } else if (slugs.isEmpty()) {
            return refuse(u"deployment_not_found"_s,
                          tr("This project has no deployments. Create one with \"jitsi-deployer deploy --plan-file "
                             "F\"."),
                          CliApplication::UsageError);
        } else if (slugs.size() > 1) {
            return refuse(u"deployment_ambiguous"_s,
                          tr("This project has %1 deployments: %2. Say which one with --deployment.")
                                  .arg(slugs.size())
                                  .arg(slugs.join(u", "_s)),
                          CliApplication::UsageError, slugs);
        } else {
            found = &inventory->deployments.first();
        }
        m_slug = found->slug;

        if (m_request.operation == Operation::RemoveBridge) {
            QStringList bridges;
            for (const DiscoveredServer &bridge : found->bridges)
                bridges << bridge.name;
            if (!bridges.contains(m_request.bridge)) {
                const QString message = bridges.isEmpty()
                                                ? tr("Deployment %1 has no bridge \"%2\"; it has no bridges at all.")
                                                          .arg(m_slug, m_request.bridge)
                                                : tr("Deployment %1 has no bridge \"%2\". Its bridges: %3.")
                                                          .arg(m_slug, m_request.bridge, bridges.join(u", "_s));
                return refuse(u"bridge_not_found"_s, message, CliApplication::UsageError);
            }
        }
        if (m_request.operation == Operation::Destroy && !m_request.confirmed)
            return confirmDestroy(*found);
        if (m_request.operation == Operation::Update && !m_request.confirmed)
            return confirmUpdate(*found);
        startEngine();
    });
}

void EngineCommand::confirmDestroy(const DiscoveredDeployment &deployment)
{
    if (!Terminal::stdinIsTerminal())
        return refuse(u"not_confirmed"_s,
                      tr("\"destroy\" needs confirmation: run it in a terminal, or pass --yes. Nothing was deleted."),
                      CliApplication::UsageError);
    QStringList servers;
    if (deployment.web)
        servers << deployment.web->name;
    for (const DiscoveredServer &bridge : deployment.bridges)
        servers << bridge.name;
    for (const DiscoveredServer &other : deployment.otherServers)
        servers << other.name;
    // A deployment whose domain label is gone can only be named by its slug.
    const QString expected = deployment.domain.isEmpty() ? deployment.slug : deployment.domain;
    note(tr("This deletes deployment %1 for good: servers %2, its network and firewalls, and its saved state and "
            "secrets on this computer.")
                 .arg(deployment.slug, servers.isEmpty() ? tr("(none)") : servers.join(u", "_s)));
    // The DNS records it created (labelled for it) go too; the user's own records in the zone stay.
    auto *dns = new DeploymentDnsRecords(m_client, deployment.slug, this);
    dns->find([this, dns, expected](Result<QList<DeploymentDnsRecord>> records) {
        dns->deleteLater();
        if (m_completed)
            return;
        if (!records.ok()) {
            note(tr("The DNS records it created could not be listed (%1); destroy tries again and stops before "
                    "deleting anything if it still cannot.")
                         .arg(records.error().message));
        } else if (records->isEmpty()) {
            note(tr("DNS records: none created by Jitsi Deployer; records you made yourself are never deleted."));
        } else {
            QStringList lines;
            for (const DeploymentDnsRecord &record : records.value())
                lines << record.describe();
            note(tr("DNS records it created, deleted too (records you made yourself stay): %1")
                         .arg(lines.join(u"; "_s)));
        }
        askDestroyConfirmation(expected);
    });
}

void EngineCommand::askDestroyConfirmation(const QString &expected)
{
    auto *prompt = new LinePrompt(this);
    prompt->ask(tr("Type %1 to confirm: ").arg(expected), [this, prompt, expected](const QString &answer) {
        prompt->deleteLater();
        if (m_completed)
            return;
        if (answer.trimmed() != expected)
            return refuse(u"not_confirmed"_s, tr("Not confirmed; nothing was deleted."), CliApplication::UsageError);
        startEngine();
    });
}

void EngineCommand::confirmUpdate(const DiscoveredDeployment &deployment)
{
    if (!Terminal::stdinIsTerminal())
        return refuse(u"not_confirmed"_s,
                      tr("\"update\" needs confirmation: run it in a terminal, or pass --yes. Nothing was changed."),
                      CliApplication::UsageError);
    note(tr("This updates the Jitsi packages of deployment %1: each bridge in turn is drained (its meetings end on "
            "their own), upgraded and taken back into service; then the web host %2 is upgraded, which restarts "
            "prosody and jicofo and interrupts the meetings running then for a moment.")
                 .arg(deployment.slug, deployment.web ? deployment.web->name : tr("(none)")));
    auto *prompt = new LinePrompt(this);
    prompt->ask(tr("Type yes to go on: "), [this, prompt](const QString &answer) {
        prompt->deleteLater();
        if (m_completed)
            return;
        if (answer.trimmed() != u"yes"_s)
            return refuse(u"not_confirmed"_s, tr("Not confirmed; nothing was changed."), CliApplication::UsageError);
        startEngine();
    });
}

void EngineCommand::askDrainChoice(const DrainQuestion &question)
{
    write(m_renderer.clearStatus());
    note(question.conferences > 0
                 ? tr("%1 still hosts %n conference(s) after the drain time.", nullptr, question.conferences)
                           .arg(question.bridge)
                 : tr("%1 cannot be confirmed drained: %2.").arg(question.bridge, question.reason));
    const QString act = question.operation == u"update"_s ? tr("restart it now") : tr("delete it now");
    auto *prompt = new LinePrompt(this);
    prompt->ask(
            tr("[g]o on and %1 (its participants reconnect to the other bridges), [w]ait again, or [s]top? ").arg(act),
            [this, prompt](const QString &answer) {
                prompt->deleteLater();
                if (m_completed || !m_engine)
                    return;
                const QString choice = answer.trimmed().toLower();
                m_engine->answerUndrained(choice.startsWith(u'g')   ? DrainChoice::Proceed
                                          : choice.startsWith(u'w') ? DrainChoice::WaitAgain
                                                                    : DrainChoice::Stop);
            });
}

void EngineCommand::startEngine()
{
    if (m_completed)
        return;
    if (m_cancelled)
        return refuse(u"cancelled"_s, tr("Stopped before anything was changed."), CliApplication::Cancelled);
    // Every operation reads or writes the deployment's passwords (destroy removes them last): a store that cannot
    // be used stops it here, before anything is created or deleted, and not halfway through.
    if (const Result<void> store = m_settings.secrets.checkAvailable(); !store.ok()) {
        const Error &error = store.error();
        if (m_renderer.style() == EventRenderer::Style::Json)
            return refuse(error.code, CliAdvice::message(error), HcloudCommands::exitCodeFor(error));
        m_output->error(error);
        return complete(HcloudCommands::exitCodeFor(error));
    }
    m_engine = new DeploymentEngine(m_client, m_settings, this);
    connect(m_engine, &DeploymentEngine::event, this, [this](const EngineEvent &event) {
        m_progress.apply(event); // first: the renderer reads the model
        write(m_renderer.render(event));
    });
    connect(m_engine, &DeploymentEngine::finished, this, &EngineCommand::engineFinished);
    // Asked only where someone can answer; elsewhere the engine stops at such a bridge (or --force goes on).
    if (Terminal::stdinIsTerminal() && m_renderer.style() != EventRenderer::Style::Json)
        connect(m_engine, &DeploymentEngine::undrainedBridge, this, &EngineCommand::askDrainChoice);
    switch (m_request.operation) {
    case Operation::Deploy:
        m_engine->deploy(m_request.plan);
        break;
    case Operation::Verify:
        m_engine->verify(m_slug);
        break;
    case Operation::AddBridges:
        m_engine->addBridges(m_slug, m_request.count, m_request.spec);
        break;
    case Operation::RemoveBridge:
        m_engine->removeBridge(m_slug, m_request.bridge);
        break;
    case Operation::Destroy:
        m_engine->destroy(m_slug);
        break;
    case Operation::Update:
        m_engine->update(m_slug);
        break;
    case Operation::TestMeeting:
        m_engine->testMeeting(m_slug, m_request.everyBridge);
        break;
    case Operation::Account:
        m_engine->manageAccounts(m_slug, m_request.account);
        break;
    }
}

void EngineCommand::engineFinished(const Result<EngineOutcome> &result)
{
    write(m_renderer.clearStatus());
    const EngineOutcome outcome = result ? result.value() : m_engine->outcome();
    if (result) {
        if (outcome.verification && !outcome.verification->ok())
            return fail(outcome.verification->toError(), outcome, CliApplication::VerificationFailed);
        return succeed(outcome, CliApplication::Success);
    }
    const Error &error = result.error();
    int exitCode = HcloudCommands::exitCodeFor(error);
    if (error.code == u"cancelled"_s)
        exitCode = CliApplication::Cancelled;
    else if (error.domain == u"verify"_s)
        exitCode = CliApplication::VerificationFailed;
    fail(error, outcome, exitCode);
}

void EngineCommand::succeed(const EngineOutcome &outcome, int exitCode)
{
    if (m_renderer.style() == EventRenderer::Style::Json) {
        QJsonObject finished{{u"event"_s, u"finished"_s},
                             {u"operation"_s, operationName(m_request.operation)},
                             {u"ok"_s, true},
                             {u"exit_code"_s, exitCode},
                             {u"outcome"_s, outcome.toJson()}};
        if (const QString log = m_engine->runLogPath(); !log.isEmpty())
            finished.insert(u"log"_s, log);
        if (m_request.operation == Operation::Account && m_request.passwordGenerated) {
            // The one way a script learns the password it asked the app to generate; not redacted, on purpose.
            finished.insert(u"generated_password"_s, m_request.account.password);
            m_output->revealGeneratedSecret(QString::fromUtf8(QJsonDocument(finished).toJson(QJsonDocument::Compact)));
            return complete(exitCode);
        }
        m_output->json(finished);
        return complete(exitCode);
    }
    const QString name = outcome.domain.isEmpty() ? m_slug : outcome.domain;
    const QString bridges = outcome.bridges.isEmpty() ? tr("none") : outcome.bridges.join(u", "_s);
    switch (m_request.operation) {
    case Operation::Deploy:
        m_output->line(tr("Jitsi Meet is ready: %1").arg(outcome.meetingUrl));
        m_output->line(tr("Web host %1; bridges: %2.").arg(outcome.webAddress, bridges));
        break;
    case Operation::Verify:
        m_output->line(tr("All bridges of %1 are connected: %2.").arg(name, bridges));
        break;
    case Operation::AddBridges:
    case Operation::RemoveBridge:
        m_output->line(tr("Done. Bridges of %1 now: %2.").arg(name, bridges));
        break;
    case Operation::Destroy:
        m_output->line(tr("Deployment %1 is deleted: its servers, network and firewalls, and its saved state and "
                          "secrets on this computer.")
                               .arg(name));
        break;
    case Operation::Account:
        showAccounts(outcome);
        break;
    case Operation::Update:
        m_output->line(tr("Updated. Bridges of %1, all connected: %2.").arg(name, bridges));
        // Versions before and after, one line per host and changed package.
        for (auto host = outcome.versionsAfter.cbegin(); host != outcome.versionsAfter.cend(); ++host) {
            for (auto it = host->cbegin(); it != host->cend(); ++it) {
                const QString before = outcome.versionsBefore.value(host.key()).value(it.key());
                m_output->line(before == *it ? tr("  %1: %2 %3 (unchanged)").arg(host.key(), it.key(), *it)
                                             : tr("  %1: %2 %3 -> %4").arg(host.key(), it.key(), before, *it));
            }
        }
        break;
    case Operation::TestMeeting:
        if (outcome.meeting) {
            QStringList carried, others;
            for (const BridgeMeetingFigures &b : outcome.meeting->bridges)
                (b.carried ? carried : others).append(b.bridge);
            m_output->line(carried.isEmpty() ? tr("Meeting test ended; no bridge carried the test meeting.")
                                             : tr("Meeting test ended. The test meeting's media reached: %1.")
                                                       .arg(carried.join(u", "_s)));
            if (outcome.meeting->everyBridge && !others.isEmpty())
                m_output->line(tr("Not tested or no meeting seen: %1.").arg(others.join(u", "_s)));
        }
        break;
    }
    if (m_request.operation != Operation::Destroy && !outcome.dnsReady && !outcome.dnsRecords.isEmpty()) {
        m_output->line(tr("The DNS records do not resolve to the web host yet, so its certificate is still "
                          "self-signed and browsers will warn. Create these records, then run the same command "
                          "again to get the Let's Encrypt certificate:"));
        for (const DnsRecord &record : outcome.dnsRecords)
            m_output->line(u"  "_s + record.toZoneLine());
    }
    complete(exitCode);
}

void EngineCommand::fail(const Error &error, const EngineOutcome &outcome, int exitCode)
{
    const std::optional<ProgressModel::FailedStep> failedStep = m_progress.failedStep();
    const std::optional<Phase> phase = m_progress.phase();
    if (m_renderer.style() == EventRenderer::Style::Json) {
        QJsonObject errorJson{{u"code"_s, error.code},
                              {u"message"_s, CliAdvice::message(error)},
                              {u"correlation_id"_s, error.correlationId}};
        if (m_engine) {
            QJsonObject where{{u"phase"_s, phase ? toJsonName(*phase) : QString()}};
            if (failedStep) {
                where.insert(u"host"_s, failedStep->host);
                where.insert(u"step"_s, failedStep->step);
            }
            errorJson.insert(u"where"_s, where);
        }
        QJsonObject finished{{u"event"_s, u"finished"_s},
                             {u"operation"_s, operationName(m_request.operation)},
                             {u"ok"_s, false},
                             {u"exit_code"_s, exitCode},
                             {u"error"_s, errorJson}};
        if (m_engine)
            finished.insert(u"outcome"_s, outcome.toJson());
        if (const QString log = m_engine ? m_engine->runLogPath() : QString(); !log.isEmpty())
            finished.insert(u"log"_s, log);
        m_output->json(finished);
    }
    m_output->error(error);
    if (!m_engine) {
        note(tr("Nothing was changed."));
        return complete(exitCode);
    }

    if (exitCode == CliApplication::Cancelled)
        note(tr("Stopped on request."));
    if (phase)
        note(tr("Where: %1").arg(EventRenderer::phaseTitle(*phase)));
    if (failedStep) {
        note(tr("Failed on %1 at step \"%2\"%3")
                     .arg(failedStep->host, failedStep->step,
                          failedStep->message.isEmpty() ? QString() : u": "_s + failedStep->message));
        QStringList lines = m_progress.lastLogLines(failedStep->host);
        for (QString &line : lines)
            line = Redactor::instance().redact(line);
        if (!lines.isEmpty()) {
            note(tr("Last lines of its /var/log/jitsi-deployer/provision.log:"));
            for (const QString &line : lines)
                note(u"    "_s + line);
        }
    }

    // Everything the run said, for reading afterwards or attaching to a report (RunLog; secrets blanked).
    if (const QString log = m_engine->runLogPath(); !log.isEmpty())
        note(tr("The full log of this run: %1").arg(QDir::toNativeSeparators(log)));

    const QString again = u"jitsi-deployer "_s + operationName(m_request.operation);
    const QString destroy = u"jitsi-deployer destroy --deployment "_s + (m_slug.isEmpty() ? outcome.slug : m_slug);
    switch (m_request.operation) {
    case Operation::Verify:
        note(tr("Fix the cause named above, then check again with \"%1 --deployment %2\".").arg(again, m_slug));
        return complete(exitCode);
    case Operation::Destroy:
        note(tr("Run \"%1\" again: it deletes what is left and touches nothing else.").arg(destroy));
        return complete(exitCode);
    case Operation::RemoveBridge:
    case Operation::Update:
        note(tr("Run the same command again: it continues where this one stopped."));
        return complete(exitCode);
    case Operation::TestMeeting:
        note(tr("Any bridge the test left drained is taken back into service by the next \"test-meeting\" or "
                "when the deployment is opened in the wizard."));
        return complete(exitCode);
    case Operation::Account:
        return complete(exitCode); // one command on the web host: it changed everything or nothing
    case Operation::Deploy:
    case Operation::AddBridges:
        break;
    }
    if (outcome.createdThisRun.isEmpty()) {
        note(tr("This run created nothing."));
    } else {
        note(tr("This run created (these cost money until deleted):"));
        for (const QString &resource : outcome.createdThisRun)
            note(u"    "_s + resource);
    }
    note(tr("Two ways on:"));
    note(tr("  - fix the cause and run the same command again: it resumes where this one stopped, creates nothing "
            "twice and skips the steps already done;"));
    note(tr("  - or remove everything of this deployment: %1").arg(destroy));
    complete(exitCode);
}

void EngineCommand::showAccounts(const EngineOutcome &outcome)
{
    const QString name = outcome.domain.isEmpty() ? m_slug : outcome.domain;
    const AccountRequest &request = m_request.account;
    if (request.action == AccountRequest::Action::Add) {
        m_output->line(tr("Account %1 added on %2: it can now open meetings.").arg(request.user, name));
        if (m_request.passwordGenerated) {
            m_output->line(tr("Its password (shown only now; it is not stored on this computer):"));
            m_output->revealGeneratedSecret(u"  "_s + request.password);
        }
    } else if (request.action == AccountRequest::Action::Remove) {
        m_output->line(tr("Account %1 removed from %2.").arg(request.user, name));
    }
    if (!outcome.accounts)
        return;
    if (!outcome.accounts->moderated)
        m_output->line(tr("Meetings on %1 are open to everyone: anyone with the link may open one, so accounts have "
                          "no effect.")
                               .arg(name));
    if (outcome.accounts->users.isEmpty())
        m_output->line(tr("No accounts on %1.").arg(name));
    else
        m_output->line(tr("Accounts on %1 (%2): %3")
                               .arg(name)
                               .arg(outcome.accounts->users.size())
                               .arg(outcome.accounts->users.join(u", "_s)));
}
