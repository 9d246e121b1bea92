#include "hostpipeline.h"

#include "deploy/convergeoperation.h"
#include "deploy/enginerun.h"
#include "provision/envfile.h"
#include "provision/installbundle.h"

using namespace Qt::StringLiterals;

HostPipeline::HostPipeline(EngineRun &run, ConvergeOperation &operation, HostRole role, int bridgeNumber,
                           QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_operation(operation)
    , m_role(role)
    , m_number(bridgeNumber)
{ }

void HostPipeline::start()
{
    m_server = m_role == HostRole::Web ? m_run.state().web : m_run.state().bridges.value(m_number);
    m_connection = m_run.connectionFor(m_server.name, m_role, m_server.ipv4);
    m_state = State::Connecting;
    if (m_role == HostRole::Web)
        startWeb();
    else
        startBridge();
}

void HostPipeline::finish(const Result<void> &result)
{
    m_state = result.ok() ? State::Done : State::Failed;
    m_operation.hostFinished(result);
}

// ---- the web host ----------------------------------------------------------------------------------------------

void HostPipeline::webFailed(const Error &error)
{
    m_state = State::Failed;
    m_operation.webFailed(error);
}

void HostPipeline::startWeb()
{
    m_connection->open([this](Result<void> opened) {
        if (m_run.done())
            return;
        if (!opened.ok()) {
            webFailed(opened.error());
            return;
        }
        auto files = m_run.installFiles(HostRole::Web, m_server.name, 0, false);
        if (!files.ok()) {
            webFailed(files.error());
            return;
        }
        m_state = State::Installing;
        m_run.runTask(m_connection, HostRole::Web, ProvisionTask::Install, files.value(), [this](Result<void> done) {
            if (!done.ok()) {
                webFailed(done.error());
                return;
            }
            // Bridges trust prosody's own certificate for auth.<domain> instead of disabling verification.
            m_state = State::ReadingCertificate;
            const QString path = InstallBundle::prosodyAuthCertificatePath(m_run.state().plan.domain);
            m_connection->agent()->readFile(path, [this](Result<QByteArray> certificate) {
                if (m_run.done())
                    return;
                if (!certificate.ok()) {
                    webFailed(certificate.error());
                    return;
                }
                m_state = State::Done;
                m_operation.webInstalled(QString::fromUtf8(certificate.value()));
            });
        });
    });
}

// ---- a bridge --------------------------------------------------------------------------------------------------

void HostPipeline::startBridge()
{
    m_connection->open([this](Result<void> opened) {
        if (m_run.done())
            return;
        if (!opened.ok()) {
            finish(opened.error());
            return;
        }
        // Phase 1 needs nothing from the web host: the slow package install runs while the web host installs.
        auto packages = m_run.installFiles(HostRole::Bridge, m_server.name, m_number, true);
        if (!packages.ok()) {
            finish(packages.error());
            return;
        }
        m_state = State::Installing;
        m_run.runTask(m_connection, HostRole::Bridge, ProvisionTask::Install, packages.value(),
                      [this](Result<void> phaseOne) {
                          if (!phaseOne.ok()) {
                              finish(phaseOne.error());
                              return;
                          }
                          m_state = State::WaitingForWeb;
                          m_operation.whenWebReady(m_server.name, [this] { configureBridge(); });
                      });
    });
}

void HostPipeline::configureBridge()
{
    if (m_operation.webHasFailed()) {
        finish(engineError(u"web_host_failed"_s,
                           tr("%1 waits for the web host, whose install failed.").arg(m_server.name)));
        return;
    }
    auto env = m_run.envFile(HostRole::Bridge, m_server.name, m_number, false);
    if (!env.ok()) {
        finish(env.error());
        return;
    }
    m_state = State::Configuring;
    const InstallFile envFile{EnvFile::remotePath(), env.value(), EnvFile::unixMode};
    m_run.runTask(m_connection, HostRole::Bridge, ProvisionTask::Install, {envFile},
                  [this](Result<void> done) { finish(done); });
}
